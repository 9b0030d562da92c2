"""The law: the ICJ's 1996 advisory opinion as data, a legal-analysis walk-through, and
Russian nuclear doctrine version by version.

The main reference is the International Court of Justice's advisory opinion on the
Legality of the Threat or Use of Nuclear Weapons [icj1996]: its six findings (para 105(2))
and the paragraphs of its reasoning the chapter uses (41, 78, 79, 96, 97). The doctrine
conditions come from the Russian texts of 2000, 2010, 2014, 2020 and 2024 [russia2000,
russia2010, russia2014, russia2020, russia2024]; the status of the annexed regions from
UN General Assembly resolution ES-11/4 [unga2022].

Everything here is data with a source key and a place in the source, plus small pure
functions over it. The walk-through is a graph of yes/no/unclear questions whose leaves
report only what the Court itself said (including that it *could not conclude*); it
never issues a verdict of its own. Scenario answers and facts are teaching assumptions
(one defensible reading each, with the reason written down) that a student can change.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .._validate import check_bool, check_choice
from ..content.sources import TEACHING_ASSUMPTION
from .._docstring import fill, pieces, sections

_DOC = pieces(
    answers="""
        answers : dict of str to str
            Question key (``QUESTION_KEYS``) -> ``"yes"``, ``"no"`` or ``"unclear"`` (``ANSWERS``);
            answers to questions off the path are ignored.
        """,
    value_error_doctrine_comparison="""
        ValueError
            If ``scenario_key`` is not a key of ``SCENARIOS``, or a scenario's facts name an unknown
            fact, give a value outside ``FACT_VALUES`` or leave a fact of ``FACTS`` out.
        """,
    doctrine_notes="""
        The conditions are russia2000, russia2010, russia2020 and russia2024 (see
        :class:`Condition`); the scenario's facts are teaching assumptions.
        """,
    value_error_trace="""
        ValueError
            If a key is not in ``QUESTION_KEYS`` or a value is not in ``ANSWERS``.
        """,
    scenario_key="""
        scenario_key : str
            A key of ``SCENARIOS``.
        """,
    type_error_trace="""
        TypeError
            If ``answers`` is not a dict.
        """,
    answers_end=sections(
        ("Raises", "%(type_error_trace)s", "%(value_error_trace)s"),
        ("Notes", "No numbers of its own.")),
)

ANSWERS = ("yes", "no", "unclear")


# --------------------------------------------------------------------------------------
# The opinion: the six findings of the dispositif and the paragraphs the chapter uses
# --------------------------------------------------------------------------------------
class _InTheOpinion:
    """Gives a record of icj1996 its place in the opinion (``where``), from ``_paragraph``."""

    @property
    def where(self) -> str:
        """Where the record stands in the opinion, e.g. ``"para 78"`` or ``"para 105(2)E"``.

        Returns
        -------
        str

        Notes
        -----
        icj1996; no numbers of its own.
        """
        return f"para {self._paragraph}"


@dataclass(frozen=True)
class Finding(_InTheOpinion):
    """One finding of para 105(2) of the ICJ's advisory opinion, paraphrased, with its vote.

    Parameters
    ----------
    letter : str
        The finding's letter in para 105(2), ``"A"`` to ``"F"``.
    paraphrase : str
        The finding in the course's own words (key words quoted).
    votes_for, votes_against : int
        The Court's vote, 0 to 14 each (14 judges voted).
    casting_vote : str, optional
        Who broke a tie, if anyone (finding E: President Bedjaoui).
    named_against : tuple of str, optional
        Judges voting against whose opinions were read for the course.
    named_against_complete : bool, optional
        True if ``named_against`` lists every judge who voted against.
    note : str, optional
        What the vote hides (for E: the seven against disagreed with each other).
    source : str, optional
        Source key, default ``"icj1996"``.

    Notes
    -----
    A plain record; the texts and votes of ``FINDINGS`` are icj1996, para 105(2).
    """

    letter: str
    paraphrase: str
    votes_for: int
    votes_against: int
    casting_vote: str = ""
    named_against: tuple[str, ...] = ()
    named_against_complete: bool = False
    note: str = ""
    source: str = "icj1996"

    @property
    def _paragraph(self) -> str:
        return f"105(2){self.letter}"

    @property
    def unanimous(self) -> bool:
        """True if no judge voted against the finding.

        Returns
        -------
        bool

        Notes
        -----
        No numbers of its own (the votes are icj1996, para 105(2)).
        """
        return self.votes_against == 0

    @property
    def vote(self) -> str:
        """The vote as a reader would write it: 'unanimous', '11–3', '7–7 (casting vote ...)'.

        Returns
        -------
        str

        Notes
        -----
        No numbers of its own (the votes are icj1996, para 105(2)).
        """
        if self.unanimous:
            return "unanimous"
        text = f"{self.votes_for}–{self.votes_against}"
        return f"{text} ({self.casting_vote})" if self.casting_vote else text


FINDINGS: tuple[Finding, ...] = (
    Finding("A", "No rule of customary or treaty law specifically authorises threatening or "
            "using nuclear weapons.", 14, 0),
    Finding("B", "No rule of customary or treaty law bans threatening or using nuclear weapons "
            "as such, comprehensively and universally.", 11, 3,
            named_against=("Shahabuddeen", "Weeramantry", "Koroma"), named_against_complete=True),
    Finding("C", "Threatening or using force with nuclear weapons in breach of Article 2(4) of "
            "the UN Charter, without meeting every requirement of Article 51, is unlawful.",
            14, 0),
    Finding("D", "Any threat or use must also respect the law of armed conflict, above all "
            "humanitarian law, and the treaty commitments that deal specifically with nuclear "
            "weapons.", 14, 0),
    Finding("E", "Threat or use \"would generally be contrary\" to the rules of international law "
            "applicable in armed conflict, in particular humanitarian law. But given the present "
            "state of the law and the facts before it, the Court \"cannot conclude definitively\" "
            "whether threat or use would be lawful or unlawful \"in an extreme circumstance of "
            "self-defence, in which the very survival of a State would be at stake\".", 7, 7,
            casting_vote="President Bedjaoui's casting vote",
            named_against=("Shahabuddeen", "Weeramantry", "Koroma", "Higgins"),
            note="The seven against did not agree with each other: Judge Koroma accepted the first "
                 "sentence except the word 'generally' and held any use unlawful, while Judge "
                 "Higgins objected that the Court should not have left the key question undecided "
                 "(a 'non liquet'). Names listed are only those whose dissenting opinions we read; "
                 "the full list of the seven is not reproduced here."),
    Finding("F", "States must negotiate in good faith towards nuclear disarmament in every "
            "respect, under strict and effective international control, and carry those "
            "negotiations through to the end.", 14, 0),
)
_FINDING_BY_LETTER = {f.letter: f for f in FINDINGS}


@dataclass(frozen=True)
class KeyParagraph(_InTheOpinion):
    """A paragraph of the opinion's reasoning that the chapter relies on.

    Parameters
    ----------
    number : str
        The paragraph's number in the opinion, e.g. ``"78"``.
    topic : str
        What the paragraph is about, in a few words.
    summary : str
        The paragraph in the course's own words.
    source : str, optional
        Source key, default ``"icj1996"``.

    Notes
    -----
    A plain record; ``KEY_PARAGRAPHS`` paraphrase icj1996, paras 41, 78, 79, 96 and 97.
    """

    number: str
    topic: str
    summary: str
    source: str = "icj1996"

    @property
    def _paragraph(self) -> str:
        return self.number


KEY_PARAGRAPHS: tuple[KeyParagraph, ...] = (
    KeyParagraph("41", "self-defence limits",
                 "Self-defence is lawful only if the force used is necessary and proportionate to "
                 "the armed attack; this is a rule of customary international law."),
    KeyParagraph("78", "cardinal principles of humanitarian law",
                 "Distinction: civilians may never be made the object of attack, so weapons that "
                 "cannot distinguish civilian from military targets may never be used. And "
                 "combatants may not be caused unnecessary suffering."),
    KeyParagraph("79", "status of those principles",
                 "These fundamental rules bind every state, whether or not it has ratified the "
                 "conventions that contain them: they are \"intransgressible principles of "
                 "international customary law\"."),
    KeyParagraph("96", "survival of the state",
                 "Every state has a fundamental right to survive, and so to defend itself when "
                 "its survival is at stake; the Court says it must keep this in view."),
    KeyParagraph("97", "no definitive conclusion",
                 "Given the state of the law and the facts, the Court cannot reach a definitive "
                 "conclusion on legality in an extreme circumstance of self-defence in which a "
                 "state's very survival is at stake (Judge Higgins's dissent calls this a non "
                 "liquet)."),
)
_PARAGRAPH_BY_NUMBER = {p.number: p for p in KEY_PARAGRAPHS}


def finding(letter: str) -> Finding:
    """The finding ``letter`` (A–F) of para 105(2).

    Parameters
    ----------
    letter : str
        ``"A"`` to ``"F"``.

    Returns
    -------
    Finding

    Raises
    ------
    ValueError
        If ``letter`` is not one of A–F.

    Notes
    -----
    icj1996, para 105(2).
    """
    letter = check_choice("letter", letter, _FINDING_BY_LETTER)
    return _FINDING_BY_LETTER[letter]


def paragraph(number: str | int) -> KeyParagraph:
    """One of the key paragraphs (41, 78, 79, 96, 97) of the opinion.

    Parameters
    ----------
    number : str or int
        The paragraph number: ``"41"``, ``"78"``, ``"79"``, ``"96"`` or ``"97"`` (a whole
        number such as ``41`` is read as its text).

    Returns
    -------
    KeyParagraph

    Raises
    ------
    ValueError
        If ``number`` is not one of those paragraphs.

    Notes
    -----
    icj1996, the paragraph named.
    """
    if isinstance(number, int) and not isinstance(number, bool):
        number = str(number)
    number = check_choice("number", number, _PARAGRAPH_BY_NUMBER)
    return _PARAGRAPH_BY_NUMBER[number]


# --------------------------------------------------------------------------------------
# The walk-through: questions (nodes) and answers (edges) ending in what the Court said
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LegalQuestion:
    """A node of the walk-through: a yes/no/unclear question and where each answer leads.

    ``key`` names the answer in a scenario's answer dict; two nodes may ask the same
    question (``key``) at different places in the graph.

    Parameters
    ----------
    node : str
        The node's name in the graph (unique).
    key : str
        The question's key in an answers dict (``QUESTION_KEYS``).
    part : str
        The part of the law it belongs to: ``"use of force"``, ``"conduct of hostilities"`` or
        ``"extreme circumstance"``.
    text : str
        The question as put to the student.
    explanation : str
        The rule behind it, in plain words.
    source : str
        Source key of the rule.
    where : str
        Where in the source, e.g. ``"para 41"``.
    on_yes, on_no, on_unclear : str
        The node (question or outcome) each answer leads to.

    Notes
    -----
    A plain record; the rules of ``QUESTIONS`` are icj1996 (paras 41, 78, 96–97, 105(2)C–E
    and its reasoning on neutrality and the environment). Which branch an 'unclear' answer
    follows is a teaching assumption: the one on which the analysis can go on.
    """

    node: str
    key: str
    part: str
    text: str
    explanation: str
    source: str
    where: str
    on_yes: str
    on_no: str
    on_unclear: str

    def next(self, answer: str) -> str:
        """The node that ``answer`` leads to.

        Parameters
        ----------
        answer : str
            ``"yes"``, ``"no"`` or ``"unclear"``.

        Returns
        -------
        str
            A node of ``QUESTIONS`` or ``OUTCOMES``.

        Raises
        ------
        KeyError
            If ``answer`` is not one of ``ANSWERS`` (callers check answers first).

        Notes
        -----
        No numbers of its own.
        """
        return {"yes": self.on_yes, "no": self.on_no, "unclear": self.on_unclear}[answer]


@dataclass(frozen=True)
class LegalOutcome:
    """A leaf of the walk-through: what the Court said about the situation reached.

    Parameters
    ----------
    node : str
        The leaf's name in the graph.
    title : str
        A short title of the situation.
    court_said : str
        What the Court said about it, paraphrased; never a verdict of the course's own.
    findings : tuple of str
        Letters of the para 105(2) findings that apply.
    paragraphs : tuple of str, optional
        Numbers of the key paragraphs that apply.

    Notes
    -----
    A plain record; ``OUTCOMES`` report icj1996, para 105(2) and the paragraphs listed.
    """

    node: str
    title: str
    court_said: str
    findings: tuple[str, ...]
    paragraphs: tuple[str, ...] = ()


_SURVIVAL_TEXT = ("Is this an extreme circumstance of self-defence in which the very survival "
                  "of the state using the weapon is at stake?")
_SURVIVAL_EXPLAINED = ("The Court's own words for the case it left open: not any threat to "
                       "territory or interests, but a situation in which the state itself might "
                       "cease to exist. The question only arises in self-defence.")

QUESTIONS: tuple[LegalQuestion, ...] = (
    LegalQuestion("armed_attack", "armed_attack", "use of force",
             "Is the state that would use the weapon defending against an armed attack on its "
             "own territory or forces (or helping a victim that asked for help)?",
             "The UN Charter bans the use of force (Art. 2(4)); the exception is self-defence "
             "against an armed attack (Art. 51). Recovering one's own territory from an occupier "
             "is not an armed attack on the occupier.",
             "icj1996", "para 105(2)C", "necessity", "charter_breach", "necessity"),
    LegalQuestion("necessity", "necessity", "use of force",
             "Is using a nuclear weapon necessary to repel that attack, with no other means "
             "that would do?",
             "Necessity: force in self-defence must be needed to stop the attack, not to punish "
             "or to send a signal.",
             "icj1996", "para 41", "proportionality", "charter_breach", "proportionality"),
    LegalQuestion("proportionality", "proportionality", "use of force",
             "Is the use proportionate to the attack it is meant to repel?",
             "Proportionality (self-defence): the scale of the response must be in proportion to "
             "the attack being repelled.",
             "icj1996", "para 41", "distinction", "charter_breach", "distinction"),
    LegalQuestion("distinction", "distinction", "conduct of hostilities",
             "Is the use directed only at a military objective, with effects that can be kept to "
             "that objective?",
             "Distinction: civilians may never be attacked, and a weapon that cannot tell "
             "civilians from soldiers may never be used.",
             "icj1996", "para 78", "attack_proportionality", "survival_after_breach",
             "attack_proportionality"),
    LegalQuestion("attack_proportionality", "attack_proportionality", "conduct of hostilities",
             "Is the expected harm to civilians not excessive compared with the concrete military "
             "advantage expected?",
             "Proportionality in attack: even a lawful military target may not be attacked if "
             "the expected civilian harm is excessive in relation to the military gain.",
             "icj1996", "para 105(2)D", "unnecessary_suffering", "survival_after_breach",
             "unnecessary_suffering"),
    LegalQuestion("unnecessary_suffering", "unnecessary_suffering", "conduct of hostilities",
             "Does the use avoid causing combatants unnecessary suffering (harm beyond what is "
             "needed to put them out of action)?",
             "The second cardinal principle: soldiers may be attacked, but not with means that "
             "aggravate their suffering uselessly (radiation sickness is the case in point).",
             "icj1996", "para 78", "neutral_states", "survival_after_breach", "neutral_states"),
    LegalQuestion("neutral_states", "neutral_states", "conduct of hostilities",
             "Are the territory and people of neutral states spared its effects (blast, fallout, "
             "electromagnetic pulse)?",
             "Neutrality: states not party to the conflict must not suffer its effects on their "
             "territory.",
             "icj1996", "reasoning on neutrality (part of the law of finding D)", "environment",
             "survival_after_breach", "environment"),
    LegalQuestion("environment", "environment", "conduct of hostilities",
             "Have the environmental effects been weighed, and are they compatible with "
             "necessity and proportionality?",
             "Environment: the Court treated respect for the environment as one of the elements "
             "in judging whether an action is necessary and proportionate.",
             "icj1996", "reasoning on the environment (headnote)", "survival_after_compliance",
             "survival_after_breach", "survival_after_compliance"),
    LegalQuestion("survival_after_breach", "survival", "extreme circumstance",
             _SURVIVAL_TEXT, _SURVIVAL_EXPLAINED, "icj1996", "paras 96–97",
             "non_liquet", "humanitarian_breach", "non_liquet"),
    LegalQuestion("survival_after_compliance", "survival", "extreme circumstance",
             _SURVIVAL_TEXT, _SURVIVAL_EXPLAINED, "icj1996", "paras 96–97",
             "non_liquet", "general_rule", "non_liquet"),
)

OUTCOMES: tuple[LegalOutcome, ...] = (
    LegalOutcome("charter_breach", "Force outside the Charter's self-defence exception",
            "Unanimously: a use of nuclear weapons contrary to Art. 2(4) that does not meet every "
            "requirement of Art. 51 (armed attack, necessity, proportionality) is unlawful. The "
            "Court's open question about an extreme circumstance of self-defence does not arise, "
            "because this is not self-defence. Humanitarian law would apply as well.",
            ("C", "D"), ("41",)),
    LegalOutcome("humanitarian_breach", "A breach of humanitarian law, survival not at stake",
            "Unanimously: any use must comply with humanitarian law; its cardinal principles are "
            "intransgressible. The Court found that use \"would generally be contrary\" to that "
            "law, and its only reservation (the extreme circumstance of self-defence) does not "
            "arise here.",
            ("D", "E"), ("78", "79")),
    LegalOutcome("non_liquet", "The case the Court left open",
            "The Court \"cannot conclude definitively\" whether use would be lawful or unlawful in "
            "an extreme circumstance of self-defence in which the very survival of a state is at "
            "stake — decided 7–7 by the President's casting vote. It did not declare such a use "
            "lawful; and, unanimously, humanitarian law still applies.",
            ("E", "D", "C"), ("96", "97")),
    LegalOutcome("general_rule", "Only the general rule applies",
            "On these answers no requirement is plainly failed, but the Court gave no example of "
            "a lawful use: it found use \"would generally be contrary\" to humanitarian law, that "
            "no rule specifically authorises it, and that every use must meet Arts. 2(4) and 51 "
            "and humanitarian law.",
            ("A", "C", "D", "E")),
)

START = "armed_attack"
_QUESTION_BY_NODE = {q.node: q for q in QUESTIONS}
_OUTCOME_BY_NODE = {o.node: o for o in OUTCOMES}
QUESTION_KEYS: tuple[str, ...] = tuple(dict.fromkeys(q.key for q in QUESTIONS))


def question(node: str) -> LegalQuestion:
    """The walk-through question at ``node``.

    Parameters
    ----------
    node : str
        A node of ``QUESTIONS``.

    Returns
    -------
    LegalQuestion

    Raises
    ------
    ValueError
        If ``node`` is not a question node.

    Notes
    -----
    icj1996 (see each question's ``where``).
    """
    node = check_choice("node", node, _QUESTION_BY_NODE)
    return _QUESTION_BY_NODE[node]


def outcome(node: str) -> LegalOutcome:
    """The walk-through outcome at ``node``.

    Parameters
    ----------
    node : str
        A node of ``OUTCOMES``: ``"charter_breach"``, ``"humanitarian_breach"``,
        ``"non_liquet"`` or ``"general_rule"``.

    Returns
    -------
    LegalOutcome

    Raises
    ------
    ValueError
        If ``node`` is not an outcome node.

    Notes
    -----
    icj1996, para 105(2) (see each outcome's ``findings``).
    """
    node = check_choice("node", node, _OUTCOME_BY_NODE)
    return _OUTCOME_BY_NODE[node]


def graph_edges() -> list[tuple[str, str, str]]:
    """Every edge ``(from_node, answer, to_node)`` of the walk-through, for drawing.

    Returns
    -------
    list of tuple of (str, str, str)
        Three edges per question, one per answer, in the order of ``QUESTIONS``.

    Notes
    -----
    No numbers of its own.
    """
    return [(q.node, a, q.next(a)) for q in QUESTIONS for a in ANSWERS]


@dataclass(frozen=True)
class Step:
    """One answered question on a walk-through path.

    Parameters
    ----------
    node : str
        Key of the question node the path passed through.
    key : str
        Its question key.
    answer : str
        The answer given: ``"yes"``, ``"no"`` or ``"unclear"``.

    Notes
    -----
    A plain record, filled by :func:`trace` and :func:`all_paths`.
    """

    node: str
    key: str
    answer: str


@dataclass(frozen=True)
class WalkResult:
    """Where a set of answers leads: the path, the outcome, and the caveats of 'unclear'.

    Parameters
    ----------
    path : tuple of Step
        The questions answered, in order.
    outcome : LegalOutcome
        The leaf reached.
    unclear : tuple of str, optional
        Keys of the questions answered 'unclear' on the path.

    Notes
    -----
    A plain record, filled by :func:`walk`.
    """

    path: tuple[Step, ...]
    outcome: LegalOutcome
    unclear: tuple[str, ...] = field(default=())

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The para 105(2) findings that apply at the outcome.

        Returns
        -------
        tuple of Finding

        Raises
        ------
        ValueError
            If the outcome was built by hand with a letter outside A–F (those of ``OUTCOMES``
            are all valid).

        Notes
        -----
        icj1996, para 105(2); no numbers of its own.
        """
        return tuple(finding(letter) for letter in self.outcome.findings)

    @property
    def conditional(self) -> bool:
        """True if the path passed an 'unclear' answer: the outcome holds only on that reading.

        Returns
        -------
        bool

        Notes
        -----
        No numbers of its own.
        """
        return bool(self.unclear)


def _check_mapping(name: str, mapping, keys, values, example: str) -> dict:
    """``mapping`` if it is a dict from ``keys`` to ``values``; ``example`` shows the form."""
    if not isinstance(mapping, dict):
        raise TypeError(f"{name}={mapping!r} must be a dict such as {example}")
    for key, value in mapping.items():
        check_choice(f"{name} key", key, keys)
        check_choice(f"{name}[{key!r}]", value, values)
    return mapping


def _check_answers(answers) -> dict:
    return _check_mapping("answers", answers, QUESTION_KEYS, ANSWERS, "{'armed_attack': 'no'}")


@fill(_DOC)
def trace(answers: dict) -> tuple[tuple[Step, ...], str]:
    """Follow ``answers`` as far as they go: the steps taken and the node reached.

    The node is an outcome when the path is complete, otherwise the first question on
    the path that ``answers`` leaves open. Answers to questions off the path are ignored.

    Parameters
    ----------
    %(answers)s

    Returns
    -------
    path : tuple of Step
        The questions answered on the way.
    node : str
        An outcome node, or the first question left open.

    %(answers_end)s
    """
    answers = _check_answers(answers)
    node, path = START, []
    while node in _QUESTION_BY_NODE:
        q = _QUESTION_BY_NODE[node]
        if q.key not in answers:
            break
        path.append(Step(q.node, q.key, answers[q.key]))
        node = q.next(answers[q.key])
    return tuple(path), node


@fill(_DOC)
def next_question(answers: dict) -> LegalQuestion | None:
    """The first question on the path that ``answers`` does not answer yet (None at a leaf).

    Parameters
    ----------
    %(answers)s

    Returns
    -------
    LegalQuestion or None

    %(answers_end)s
    """
    return _QUESTION_BY_NODE.get(trace(answers)[1])


@fill(_DOC)
def walk(answers: dict) -> WalkResult:
    """Follow ``answers`` from the start to an outcome of the walk-through.

    Every question met on the way must be answered. An 'unclear' answer follows the
    branch on which the analysis can go on and is listed in ``unclear``, so the result
    says on which reading it rests.

    Parameters
    ----------
    %(answers)s

    Returns
    -------
    WalkResult

    Raises
    ------
    %(type_error_trace)s
    ValueError
        If a key is not in ``QUESTION_KEYS``, a value is not in ``ANSWERS``, or a question the
        path reaches has no answer.

    Notes
    -----
    The graph follows icj1996 (paras 41, 78, 96–97, 105(2)C–E); the outcomes report only
    what the Court said. Following the continuing branch on 'unclear' is a teaching
    assumption, so that one unclear point does not hide the rest of the analysis.
    """
    path, node = trace(answers)
    if node in _QUESTION_BY_NODE:
        key = _QUESTION_BY_NODE[node].key
        raise ValueError(f"answers has no entry for {key!r}, which the path reaches; "
                         f"answer it with one of: {', '.join(ANSWERS)}")
    unclear = tuple(s.key for s in path if s.answer == "unclear")
    return WalkResult(path, _OUTCOME_BY_NODE[node], unclear)


def all_paths() -> list[tuple[Step, ...]]:
    """Every path from the start to an outcome (for tests and for the diagram).

    Returns
    -------
    list of tuple of Step
        One path per combination of answers along it, in depth-first order.

    Notes
    -----
    No numbers of its own.
    """
    paths: list[tuple[Step, ...]] = []

    def extend(node: str, so_far: tuple[Step, ...]):
        if node not in _QUESTION_BY_NODE:
            paths.append(so_far)
            return
        q = _QUESTION_BY_NODE[node]
        for a in ANSWERS:
            extend(q.next(a), so_far + (Step(q.node, q.key, a),))

    extend(START, ())
    return paths


# --------------------------------------------------------------------------------------
# Russian nuclear doctrine, version by version
# --------------------------------------------------------------------------------------
FACTS = ("wmd_attack", "ballistic_launch", "critical_sites", "conventional_aggression",
         "critical_national_security", "existential_threat", "critical_threat_sovereignty",
         "massive_air_launch", "nuclear_state_support")
FACT_VALUES = ("yes", "no", "unclear", "claimed")
FACT_LABELS = {
    "wmd_attack": "nuclear or other WMD used against Russia or its allies",
    "ballistic_launch": "reliable data on ballistic missiles launched at Russia or its allies",
    "critical_sites": "attack on critical state or military sites that would undermine a nuclear response",
    "conventional_aggression": "conventional aggression against Russia",
    "critical_national_security": "a situation critical for Russia's national security",
    "existential_threat": "the very existence of the state is threatened",
    "critical_threat_sovereignty": "a critical threat to the sovereignty or territorial integrity of Russia or Belarus",
    "massive_air_launch": "reliable data on a massive launch of aircraft, cruise missiles or drones crossing the border",
    "nuclear_state_support": "the attacker is a non-nuclear state supported by a nuclear state",
}

VERSIONS = ("2000", "2010/2014", "2020", "2024")


@dataclass(frozen=True)
class Condition:
    """One condition of a doctrine version under which Russia says it may use nuclear weapons.

    Parameters
    ----------
    version : str
        The doctrine version, one of ``VERSIONS``.
    label : str
        A short name of the condition within its version.
    text : str
        The condition, paraphrased.
    requires : tuple of str
        The facts (``FACTS``) that must all hold for Moscow to invoke it.
    source : str
        Source key of the doctrine text.
    where : str
        Where in it (section, paragraph).
    kind : str, optional
        ``"use"`` (a condition for use, the default) or ``"attribution"`` (widens who counts
        as the attacker, not a condition by itself).
    note : str, optional
        What the reader should know about the wording.

    Notes
    -----
    A plain record; ``CONDITIONS`` paraphrase russia2000, russia2010 (section III, para 22,
    kept in russia2014), russia2020 (para 19) and russia2024 (section III, para 11).
    """

    version: str
    label: str
    text: str
    requires: tuple[str, ...]
    source: str
    where: str
    kind: str = "use"
    note: str = ""


CONDITIONS: tuple[Condition, ...] = (
    Condition("2000", "WMD", "In response to nuclear or other WMD use against Russia or its allies.",
              ("wmd_attack",), "russia2000", "nuclear-use clause"),
    Condition("2000", "conventional", "In response to conventional aggression in situations "
              "critical for national security.", ("conventional_aggression",
                                                  "critical_national_security"),
              "russia2000", "nuclear-use clause"),
    Condition("2010/2014", "WMD", "In response to nuclear or other WMD use against Russia or its "
              "allies.", ("wmd_attack",), "russia2010", "section III, para 22",
              note="Wording kept in the 2014 doctrine [russia2014]."),
    Condition("2010/2014", "conventional", "In response to conventional aggression against Russia "
              "when the very existence of the state is under threat.",
              ("conventional_aggression", "existential_threat"), "russia2010", "section III, para 22",
              note="Wording kept in the 2014 doctrine [russia2014]."),
    Condition("2020", "a", "Reliable data on a launch of ballistic missiles attacking the territory "
              "of Russia or its allies.", ("ballistic_launch",), "russia2020", "para 19(a)"),
    Condition("2020", "b", "Use of nuclear or other WMD against Russia or its allies.",
              ("wmd_attack",), "russia2020", "para 19(b)"),
    Condition("2020", "c", "An attack on critical state or military sites whose disabling would "
              "undermine a nuclear response.", ("critical_sites",), "russia2020", "para 19(c)"),
    Condition("2020", "d", "Conventional aggression against Russia when the very existence of the "
              "state is in jeopardy.", ("conventional_aggression", "existential_threat"),
              "russia2020", "para 19(d)"),
    Condition("2024", "a", "Reliable data on a launch of ballistic missiles attacking the territory "
              "of Russia or its allies.", ("ballistic_launch",), "russia2024", "section III",
              note="Carried over from 2020 as we read the updated text."),
    Condition("2024", "b", "Use of nuclear or other WMD against Russia or its allies.",
              ("wmd_attack",), "russia2024", "section III",
              note="Carried over from 2020 as we read the updated text."),
    Condition("2024", "c", "An attack on critical state or military sites whose disabling would "
              "undermine a nuclear response.", ("critical_sites",), "russia2024", "section III",
              note="Carried over from 2020 as we read the updated text."),
    Condition("2024", "conventional", "Conventional aggression against Russia or Belarus that "
              "creates a critical threat to their sovereignty and (or) territorial integrity.",
              ("conventional_aggression", "critical_threat_sovereignty"), "russia2024", "section III"),
    Condition("2024", "air attack", "Reliable data on a massive launch of aircraft, cruise missiles, "
              "drones or other flying vehicles and their crossing of the Russian border.",
              ("massive_air_launch",), "russia2024", "section III"),
    Condition("2024", "joint attack", "Aggression by a non-nuclear state with the participation or "
              "support of a nuclear state counts as a joint attack by both.",
              ("nuclear_state_support", "conventional_aggression"), "russia2024", "para 11",
              kind="attribution",
              note="Not a condition for use by itself: it widens who counts as the attacker."),
)


@dataclass(frozen=True)
class Scenario:
    """A situation in the war, with walk-through answers and doctrine facts (teaching assumptions).

    ``answers`` are for the question "could Russia lawfully use a nuclear weapon in reply?";
    ``facts`` say which doctrine conditions Moscow could claim, where ``claimed`` means
    "only if the annexed Ukrainian regions are counted as Russian".

    Parameters
    ----------
    key : str
        The scenario's key in ``SCENARIOS``.
    title : str
        A short title.
    description : str
        The situation, with its sources.
    answers : dict of str to str
        Walk-through answers (see :func:`walk`).
    facts : dict of str to str
        A value of ``FACT_VALUES`` for every fact of ``FACTS``.
    reasons : dict of str to str
        Question key -> why it is answered so.
    facts_reason : str
        Why the facts are read so.
    source : str, optional
        Default ``TEACHING_ASSUMPTION``: each answer is one defensible reading.

    Notes
    -----
    A plain record; the answers and facts of ``SCENARIOS`` are teaching assumptions, with
    their reasons written down, that a student can change.
    """

    key: str
    title: str
    description: str
    answers: dict
    facts: dict
    reasons: dict
    facts_reason: str
    source: str = TEACHING_ASSUMPTION


_NO_FACTS = {f: "no" for f in FACTS}

SCENARIOS: dict[str, Scenario] = {s.key: s for s in (
    Scenario(
        "zaporizhzhia_counteroffensive",
        "Ukrainian counter-offensive retakes occupied Zaporizhzhia",
        "Ukrainian forces with Western tanks push Russian troops out of the occupied part of "
        "Zaporizhzhia oblast, which Russia declared annexed in 2022. Russia considers a 'small' "
        "nuclear weapon against the advancing forces — the op-ed's scenario [nederlof2023].",
        answers={"armed_attack": "no"},
        facts={**_NO_FACTS, "conventional_aggression": "claimed",
               "critical_national_security": "claimed", "critical_threat_sovereignty": "claimed",
               "nuclear_state_support": "yes"},
        reasons={"armed_attack": "The land is Ukraine's under international law: the General "
                 "Assembly declared the attempted annexation invalid [unga2022]. A state "
                 "recovering its own territory is not attacking the occupier."},
        facts_reason=("Moscow counts the region as Russian, so it could call the offensive "
            "aggression threatening its territorial integrity; without that claim nothing "
            "Russian is attacked. Western arms supply fits the 2024 'joint attack' wording.")),
    Scenario(
        "long_range_strikes",
        "Ukrainian long-range strikes inside Russia with Western weapons",
        "Ukraine hits military targets on Russia's internationally recognised territory with "
        "Western-supplied missiles, including ballistic ones. Russia considers a nuclear reply.",
        answers={"armed_attack": "unclear", "necessity": "no"},
        facts={**_NO_FACTS, "conventional_aggression": "yes", "ballistic_launch": "yes",
               "critical_national_security": "unclear", "nuclear_state_support": "yes",
               "massive_air_launch": "unclear"},
        reasons={"armed_attack": "Russia would call the strikes an attack; but they are part of "
                 "Ukraine's defence against Russia's invasion, and an aggressor cannot claim "
                 "self-defence against lawful self-defence. The Court did not rule on this.",
                 "necessity": "Conventional air defence and strikes remain available; a nuclear "
                 "weapon is not needed to stop individual missile strikes."},
        facts_reason=("Read literally, 2020 para 19(a) covers any ballistic missile launched at "
            "Russian territory; whether Moscow would read it that way for tactical missiles "
            "is unclear. Large drone waves could be called a 'massive launch' (2024).")),
    Scenario(
        "nato_air_campaign",
        "A NATO conventional air campaign against Russian forces",
        "After a Russian nuclear use, NATO strikes Russian forces in Ukraine, in Crimea and the "
        "Black Sea Fleet with conventional weapons [petraeus2022]. Russia considers a nuclear "
        "reply against NATO forces.",
        answers={"armed_attack": "unclear", "necessity": "unclear", "proportionality": "unclear",
                 "distinction": "unclear", "attack_proportionality": "unclear",
                 "unnecessary_suffering": "unclear", "neutral_states": "unclear",
                 "environment": "unclear", "survival": "no"},
        facts={**_NO_FACTS, "conventional_aggression": "yes", "critical_national_security": "yes",
               "critical_threat_sovereignty": "claimed", "massive_air_launch": "claimed"},
        reasons={"armed_attack": "NATO would act in collective defence of Ukraine after a nuclear "
                 "attack; Russia would call strikes on its forces an armed attack.",
                 "survival": "A campaign limited to Russian forces in and around Ukraine does not "
                 "put the very survival of the Russian state at stake."},
        facts_reason=("Strikes on Crimea cross what Moscow calls its border and threaten what "
            "it calls its territory; the Black Sea Fleet is Russian under any reading.")),
    Scenario(
        "invasion_of_russia",
        "A conventional invasion threatening Russia's existence (hypothetical)",
        "A textbook case, not a forecast: a large conventional invasion of Russia's recognised "
        "territory that threatens the survival of the state. It is the situation the Court "
        "left open.",
        answers={"armed_attack": "yes", "necessity": "unclear", "proportionality": "unclear",
                 "distinction": "unclear", "attack_proportionality": "unclear",
                 "unnecessary_suffering": "unclear", "neutral_states": "unclear",
                 "environment": "unclear", "survival": "yes"},
        facts={**_NO_FACTS, "conventional_aggression": "yes", "critical_national_security": "yes",
               "existential_threat": "yes", "critical_threat_sovereignty": "yes"},
        reasons={"armed_attack": "An invasion of a state's recognised territory is an armed attack.",
                 "survival": "By construction, the state's survival is at stake."},
        facts_reason=("Every version's conventional-aggression condition is met.")),
)}


def scenario(key: str) -> Scenario:
    """The scenario ``key`` (see ``SCENARIOS``).

    Parameters
    ----------
    key : str
        A key of ``SCENARIOS``.

    Returns
    -------
    Scenario

    Raises
    ------
    ValueError
        If ``key`` is not a key of ``SCENARIOS``.

    Notes
    -----
    The scenarios' answers and facts are teaching assumptions (see :class:`Scenario`).
    """
    key = check_choice("key", key, SCENARIOS)
    return SCENARIOS[key]


def _check_facts(facts) -> dict:
    _check_mapping("facts", facts, FACTS, FACT_VALUES, "{'wmd_attack': 'no'}")
    missing = [f for f in FACTS if f not in facts]
    if missing:
        raise ValueError(f"facts has no value for {missing[0]!r}; give one of: {', '.join(FACT_VALUES)}")
    return facts


STATUSES = ("could be invoked", "only if annexed land counts as Russian", "arguable", "not met")


def condition_status(condition: Condition, facts: dict) -> str:
    """Whether Moscow could invoke ``condition`` on ``facts``: one of ``STATUSES``.

    All required facts 'yes' -> could be invoked; any 'no' -> not met; otherwise a
    'claimed' fact makes it depend on counting annexed land as Russian (which UN General
    Assembly resolution ES-11/4 rejects), and an 'unclear' one makes it arguable.

    Parameters
    ----------
    condition : Condition
        A condition of ``CONDITIONS``.
    facts : dict of str to str
        A value of ``FACT_VALUES`` for every fact of ``FACTS``.

    Returns
    -------
    str
        One of ``STATUSES``.

    Raises
    ------
    TypeError
        If ``condition`` is not a :class:`Condition` or ``facts`` is not a dict.
    ValueError
        If ``facts`` names an unknown fact, gives a value outside ``FACT_VALUES`` or leaves a
        fact of ``FACTS`` out.

    Notes
    -----
    No numbers of its own; the rule is a teaching assumption (the weakest required fact
    decides), and the status of annexed land is unga2022 (resolution ES-11/4).
    """
    if not isinstance(condition, Condition):
        raise TypeError(f"condition={condition!r} must be a Condition from law.CONDITIONS")
    facts = _check_facts(facts)
    values = {facts[f] for f in condition.requires}
    if "no" in values:
        return "not met"
    if values == {"yes"}:
        return "could be invoked"
    if "claimed" in values:
        return "only if annexed land counts as Russian"
    return "arguable"


@fill(_DOC)
def doctrine_comparison(scenario_key: str) -> dict[str, list[tuple[Condition, str]]]:
    """For each doctrine version, every condition with its status for the scenario.

    Parameters
    ----------
    %(scenario_key)s

    Returns
    -------
    dict of str to list of tuple of (Condition, str)
        Version (``VERSIONS``) -> its conditions, each with its status (``STATUSES``).

    Raises
    ------
    TypeError
        If a scenario's ``facts`` is not a dict (only possible for a scenario edited by hand).
    %(value_error_doctrine_comparison)s

    Notes
    -----
    %(doctrine_notes)s
    """
    facts = SCENARIOS[check_choice("scenario_key", scenario_key, SCENARIOS)].facts
    return {v: [(c, condition_status(c, facts)) for c in CONDITIONS if c.version == v]
            for v in VERSIONS}


@fill(_DOC)
def invocable_count(scenario_key: str, *, count_claimed: bool = True) -> dict[str, int]:
    """Per version, how many use conditions Moscow could claim (optionally counting annexed land).

    Parameters
    ----------
    %(scenario_key)s
    count_claimed : bool, optional
        If True (default), conditions that hold only if annexed land counts as Russian are
        counted too.

    Returns
    -------
    dict of str to int
        Version (``VERSIONS``) -> number of conditions of kind ``"use"`` that could be invoked.

    Raises
    ------
    TypeError
        If ``count_claimed`` is not True or False, or a scenario's ``facts`` is not a dict
        (only possible for a scenario edited by hand).
    %(value_error_doctrine_comparison)s

    Notes
    -----
    %(doctrine_notes)s
    """
    count_claimed = check_bool("count_claimed", count_claimed)
    wanted = {"could be invoked"} | ({"only if annexed land counts as Russian"} if count_claimed else set())
    return {v: sum(1 for c, s in rows if c.kind == "use" and s in wanted)
            for v, rows in doctrine_comparison(scenario_key).items()}


ES_11_4 = {"in_favour": 143, "against": 5, "abstentions": 35, "date": "12 October 2022",
           "source": "unga2022", "reported_by": "ap2022"}


@fill(_DOC)
def contrast_with_court(scenario_key: str) -> dict:
    """The scenario against the Court's extreme circumstance and the status of annexed land.

    Parameters
    ----------
    %(scenario_key)s

    Returns
    -------
    dict
        ``{"scenario": title, "walk": WalkResult, "court": str, "annexation": str,
        "rests_on_annexation": bool}``: the scenario's walk-through, whether the Court's open
        question (finding E) can arise, and whether Moscow's claim rests on annexed land.

    Raises
    ------
    TypeError
        If the scenario's ``answers`` is not a dict (only possible for a scenario edited by hand).
    ValueError
        If ``scenario_key`` is not a key of ``SCENARIOS``, or the scenario's answers are invalid
        or incomplete (see :func:`walk`).

    Notes
    -----
    The Court's words are icj1996 (para 105(2)E, paras 96–97); the vote on resolution ES-11/4
    (143 in favour, 5 against, 35 abstentions, 12 October 2022, ``ES_11_4``) is unga2022, as
    reported by ap2022.
    """
    s = SCENARIOS[check_choice("scenario_key", scenario_key, SCENARIOS)]
    existential = s.facts["existential_threat"]
    court = {"yes": "The Court's open question (E, 7–7) could arise: the state's very survival "
                    "is at stake.",
             "no": "The Court's open question does not arise: the very survival of the Russian "
                   "state is not at stake, so only the general rule (E: generally contrary) and "
                   "C and D apply.",
             "unclear": "Whether the Court's open question arises depends on whether the state's "
                        "very survival is at stake.",
             "claimed": "The Court's open question does not arise on international law's view of "
                        "the territory."}[existential]
    rests_on_annexation = any(v == "claimed" for v in s.facts.values())
    annex = (f"The Russian claim rests on counting annexed Ukrainian land as Russian. UN General "
             f"Assembly resolution ES-11/4 ({ES_11_4['date']}; {ES_11_4['in_favour']} in favour, "
             f"{ES_11_4['against']} against, {ES_11_4['abstentions']} abstentions) declared the "
             f"attempted annexation invalid and called on states not to recognise it."
             if rests_on_annexation else "No part of the claim depends on the annexed regions.")
    return {"scenario": s.title, "walk": walk(s.answers), "court": court,
            "annexation": annex, "rests_on_annexation": rests_on_annexation}


# --------------------------------------------------------------------------------------
# Statements about the opinion, classified (for reading practice and exercises)
# --------------------------------------------------------------------------------------
VERDICTS = ("consistent", "inconsistent", "not decided")


@dataclass(frozen=True)
class Statement:
    """A claim someone might make about the opinion, and how it stands against the text.

    Parameters
    ----------
    key : str
        The statement's key in ``STATEMENTS``.
    text : str
        The claim.
    verdict : str
        One of ``VERDICTS``: ``"consistent"``, ``"inconsistent"`` or ``"not decided"``.
    finding : str
        The letter of the para 105(2) finding that decides it.
    why : str
        The reason, with reference to the finding.

    Notes
    -----
    A plain record; the verdicts of ``STATEMENTS`` are read against icj1996, para 105(2).
    """

    key: str
    text: str
    verdict: str
    finding: str
    why: str


STATEMENTS: tuple[Statement, ...] = (
    Statement("survival_lawful", "The Court held that using nuclear weapons is lawful when the "
              "survival of the state is at stake.", "inconsistent", "E",
              "The Court said it could not conclude either way in that case (7–7)."),
    Statement("generally_contrary", "The Court found that threat or use would generally be "
              "contrary to humanitarian law.", "consistent", "E",
              "The first sentence of finding E says so."),
    Statement("extreme_case", "Whether a use in an extreme circumstance of self-defence, with the "
              "state's survival at stake, would be lawful.", "not decided", "E",
              "The second sentence of E: the Court cannot conclude definitively."),
    Statement("ihl_always", "Humanitarian law applies to every use of nuclear weapons, including "
              "one in self-defence.", "consistent", "D", "Finding D, unanimous."),
    Statement("specific_ban", "International law contains a comprehensive and universal ban on "
              "nuclear weapons as such.", "inconsistent", "B",
              "Finding B (11–3): there is no such prohibition as such."),
    Statement("annexed_land", "A nuclear use to keep territory taken by force falls under the "
              "Court's reservation for extreme self-defence.", "inconsistent", "C",
              "The reservation concerns self-defence; force to keep conquered land is contrary to "
              "Art. 2(4) and fails Art. 51 (finding C, unanimous)."),
    Statement("disarmament", "States must pursue and conclude negotiations on nuclear "
              "disarmament in good faith.", "consistent", "F", "Finding F, unanimous."),
)


def statement(key: str) -> Statement:
    """The statement ``key`` of ``STATEMENTS``.

    Parameters
    ----------
    key : str
        A key of ``STATEMENTS``.

    Returns
    -------
    Statement

    Raises
    ------
    ValueError
        If ``key`` is not a key of ``STATEMENTS``.

    Notes
    -----
    icj1996, para 105(2) (the finding named by the statement).
    """
    key = check_choice("key", key, [s.key for s in STATEMENTS])
    return next(s for s in STATEMENTS if s.key == key)
