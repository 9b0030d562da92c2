"""Exercise checks for chapter 02, "The law". Expected answers come from :mod:`deterrence_lab.law`."""
from __future__ import annotations

from ..models import law
from ._core import (CORRECT, NOT_YET, ChoiceQuestion, MatchingQuestion, NumericQuestion, Question,
                    ReflectionQuestion)


class WalkQuestion(Question):
    """A dict of walk-through answers that must respect the stated assumptions and reach
    the expected outcome; feedback names the first step that goes elsewhere."""

    def __init__(self, label: str, prompt: str, fixed: dict, expected_outcome: str, **kw):
        super().__init__(label, prompt, **kw)
        self.fixed = dict(fixed)
        self.expected = law.outcome(expected_outcome)

    def _judge(self, answer):
        if not isinstance(answer, dict):
            return self._outcome(NOT_YET, f"got {type(answer).__name__}; give a dict such as "
                                 "{'armed_attack': 'yes', ...}.")
        try:
            result = law.walk(answer)
        except (ValueError, TypeError) as error:
            return self._outcome(NOT_YET, str(error))
        for key, value in self.fixed.items():
            if answer.get(key) != value:
                return self._outcome(NOT_YET, f"the question fixes {key!r} = {value!r}; you gave "
                                     f"{answer.get(key)!r}.")
        if result.outcome != self.expected:
            return self._outcome(NOT_YET, f"these answers lead to '{result.outcome.title}'; "
                                 "re-read the assumptions in the question.")
        return self._outcome(CORRECT, f"the path ends at '{result.outcome.title}': "
                             f"{result.outcome.court_said}")


_B = law.finding("B")
_E = law.finding("E")

q1 = ChoiceQuestion(
    "Q1", "Which finding of para 105(2) answers: 'Does international law contain a comprehensive "
    "and universal ban on nuclear weapons as such?'",
    {f.letter: f"{f.letter} ({f.vote}): {f.paraphrase}" for f in law.FINDINGS}, "B",
    why_not={"A": "A is about an *authorisation*, the mirror image of the question.",
             "C": "C is about the UN Charter's rules on force, not a weapons ban.",
             "D": "D says humanitarian law applies; it does not say there is a specific ban.",
             "E": "E is about humanitarian law in general and the extreme case, not a ban as such.",
             "F": "F is the obligation to negotiate disarmament."},
    hints=["Look for the finding that uses the words 'as such'.",
           "Two findings are mirror images: one about authorisation, one about prohibition."],
    solution=f"**B** ({_B.vote}): {_B.paraphrase} The three judges against "
             f"({', '.join(_B.named_against)}) held that such a prohibition does exist.")

q2 = NumericQuestion(
    "Q2", "How many of the fourteen judges voted *against* finding E?", _E.votes_against,
    unit="judges", rtol=0.0,
    hints=["Finding E was decided by the President's casting vote. What does that tell you about "
           "the count?",
           "A casting vote is only needed when the votes are tied."],
    solution=f"{_E.votes_against}: the vote was {_E.vote}. Half the Court was against, and not "
             "for the same reason (see the note on E in `law.finding('E').note`).")

q3 = MatchingQuestion(
    "Q3", "Label each statement 'consistent', 'inconsistent' or 'not decided' (by the Court).",
    {s.key: s.verdict for s in law.STATEMENTS}, law.VERDICTS,
    hints=["'Not decided' is for questions the Court explicitly left open.",
           "Check each statement against findings B, C, D, E and F; E has two sentences that "
           "point in different directions."],
    solution="; ".join(f"`{s.key}`: {s.verdict} ({s.why})" for s in law.STATEMENTS))

DEMO_ASSUMPTIONS = {"armed_attack": "yes", "necessity": "no"}
q4 = WalkQuestion(
    "Q4", "The op-ed warns against a US nuclear 'demonstration' burst high above Russia after a "
    "Russian nuclear strike on Ukraine. Assume Ukraine has asked for help (armed_attack: 'yes') "
    "and that a warning burst does nothing to repel the attack (necessity: 'no'). Write the "
    "answers dict and run the walk-through.",
    DEMO_ASSUMPTIONS, "charter_breach",
    hints=["Start from {'armed_attack': 'yes', 'necessity': 'no'} and call law.walk on it.",
           "Which questions does the path reach once necessity is answered 'no'?"],
    solution="`{'armed_attack': 'yes', 'necessity': 'no'}` — the path stops at necessity: force "
             "that does not serve to repel an attack falls outside Art. 51, so finding C applies "
             "(unanimous). The humanitarian-law questions are never reached, although that law "
             "would apply too.")

q7 = ReflectionQuestion(
    "Q7", "In 60–150 words: how does the op-ed's sentence about the Court differ from what finding "
    "E says, and why does the difference matter for a Russian strike to hold annexed land?",
    "The op-ed says the Court held nuclear use justifiable only when the survival of the state is "
    "at stake. The Court said something weaker and different: use would generally be contrary to "
    "humanitarian law; in an extreme circumstance of self-defence in which a state's very "
    "survival is at stake it could not conclude either way (7–7, by the President's casting "
    "vote); and humanitarian law applies in every case (D, unanimous). It never called any use "
    "justifiable. For annexed land the gap matters twice: keeping territory taken by force is "
    "not self-defence (C; resolution ES-11/4), so the open question never arises; and even "
    "where it does, the Court gave no permission. An NRC reader pointed out the same "
    "misreading in 1998.", min_words=60,
    hints=["Quote (short phrases only) both halves of finding E.",
           "Ask whether a strike to keep annexed land is 'self-defence' at all (finding C)."])

q6 = ChoiceQuestion(
    "Q6", "The 2024 update of Russia's Basic Principles rewrote the condition for answering "
    "conventional aggression with nuclear weapons. Which phrase does it use in place of 'the very "
    "existence of the state'?",
    {"A": "a critical threat to sovereignty and (or) territorial integrity (of Russia and Belarus)",
     "B": "situations critical for national security",
     "C": "the very survival of a State",
     "D": "a massive launch of aircraft, cruise missiles or drones crossing the border"}, "A",
    why_not={"B": "That is the 2000 doctrine's wording.",
             "C": "That is the ICJ's phrase in finding E, not Russian doctrine.",
             "D": "That is a separate condition added in 2024, not the rewritten one."},
    hints=["Compare the 'conventional' rows for 2020 and 2024 in `law.CONDITIONS`.",
           "The new wording also covers Belarus."],
    solution="A. The 2024 wording ties nuclear use to a *critical threat to sovereignty and (or) "
             "territorial integrity* — which Moscow could read as covering the Ukrainian regions "
             "it claims to have annexed; resolution ES-11/4 declared that annexation invalid.")

q5 = ReflectionQuestion(
    "Q5", "In two or three sentences: explain the step at which your Q4 path stops, naming the "
    "legal test and the paragraph or finding it comes from.",
    "The path stops at necessity. Self-defence allows only force that is necessary to repel the "
    "armed attack and proportionate to it (para 41); a burst meant as a warning or punishment "
    "does not repel anything, so it falls outside Art. 51 and, under finding C (unanimous), is "
    "unlawful. Because the analysis ends there, the Court's open question about an extreme "
    "circumstance of self-defence is never reached.", min_words=25,
    hints=["Which question did you answer 'no'?", "Look up para 41 with `law.paragraph('41')`."])

QUESTIONS = (q1, q2, q3, q4, q5, q6, q7)

# q8: a legal memo on one response option (written, recorded, not graded).
q8 = ReflectionQuestion(
    "Q8", "A legal memo to the Dutch minister of foreign affairs (at most two pages, about 400-800 words) "
    "on one response option of chapter 04: the facts assumed, the jus ad bellum route, the "
    "conduct of hostilities, reprisals, neutrality and the Netherlands' position, and a "
    "conclusion that says what is lawful, what is open and what the minister should ask.",
    "A strong memo (here on conventional strikes, in outline): (1) Question and assumed facts: "
    "Russia has detonated a low-yield weapon against Ukrainian forces; the US proposes strikes "
    "on Russian arsenals and communication centres and asks allies for support. (2) Jus ad "
    "bellum: the strikes are force against Russia, banned by Charter Art. 2(4) unless they are "
    "collective self-defence under Art. 51; that requires an armed attack on Ukraine under way "
    "(the nuclear strike is one), Ukraine's request, and force necessary and proportionate to "
    "repelling the attack (ICJ 1996, para 41) - a test the stated aim of making Moscow stop at "
    "once may meet, while an aim of punishment would not. Report to the Security Council. "
    "(3) Jus in bello: the US becomes a party; arsenals are military objectives, communication "
    "centres may be dual-use, so distinction and expected civilian harm must be assessed target "
    "by target (para 78; finding D). (4) Reprisals: if presented as punishment, the action reads "
    "as an armed reprisal; the Court ties any belligerent reprisal to proportionality (para 46). "
    "(5) Neutrality and the Netherlands: supporting the strikes with intelligence, bases or "
    "aircraft moves the Netherlands towards being a party; Russia's 2024 doctrine calls support "
    "by a nuclear state a joint attack (a political claim, not law); any NATO nuclear step would "
    "need Dutch consent, and the government neither confirms nor denies what is at Volkel. "
    "(6) Conclusion: lawful if framed and limited as collective self-defence at Ukraine's "
    "request; open on proportionality for particular targets; the minister should ask for the "
    "request, the target list and the legal basis the US will report to the Council. The memo "
    "should separate what the law says from what it leaves to judgement, and cite paragraphs.",
    min_words=300,
    hints=["Use `legal_notes.note('conventional strikes')` (or another option) as a skeleton: "
           "one section per part, then a conclusion.",
           "Quote the Charter and the Court by article and paragraph (Art. 2(4), Art. 51; paras 41, "
           "46, 78, 88-89), and say which facts you assume.",
           "Chapter 03's section on the Netherlands says what is official and what is only "
           "reported; a memo to a minister must keep the two apart."])
