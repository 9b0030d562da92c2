"""The West's possible answers to a Russian nuclear use in Ukraine: one sourced table.

This table is the course's single encoding of the response options. Chapter 04's
decision analysis (:mod:`deterrence_lab.response`), chapter 05's escalation chain
(:mod:`deterrence_lab.escalation`) and chapter 06's crisis seminar
(:mod:`deterrence_lab.seminar`) all read it; none of them defines an option effect of
its own (a test checks this).

Each :class:`ResponseOption` holds

* ``scores``: a low–central–high :class:`Range` (0 worst … 10 best for the West) on each
  *judged* criterion (``JUDGED_CRITERIA``), with the reasoning and the source keys it
  draws on;
* ``ladder``: a low–central–high :class:`Range` for the factor by which the answer
  multiplies the chance, per round, of **climbing** (``up``), **stepping down** (``down``)
  and **settling** (``settle``) on the escalation ladder once a first nuclear use has
  happened, *relative to no response* (factor 1);
* ``oped``: what the op-ed itself says about the answer and why [nederlof2023], with the
  course's claim key (``C8`` … ``C13``, see :mod:`deterrence_lab.content.argument`).

"No response" (``NO_RESPONSE``) is an explicit option and the baseline everywhere: its
ladder factors are exactly 1, so the chain's rates after a first use are the rates of a
world in which the West does nothing. Two criteria are not judged but *derived* from the
ladder (``DERIVED_CRITERIA``; see :func:`deterrence_lab.response.derived_scores`), so an
answer that the op-ed says invites further use cannot score full marks on escalation or
civilian safety.

The numbers are teaching assumptions: the reasons come from the cited sources, the
numbers do not. For the precision strikes the range is deliberately wide: the op-ed's
claim (fewer further uses) sits at the low end of the climbing factor, the entanglement
pathway [russia2020, para 19(c)] [posen1991] [acton2018] at the high end, and the central
value between them; the robustness functions show where the verdict flips inside it.

Using the table (for instance to build a new seminar on it)::

    from deterrence_lab.content import options
    options.OPTION_KEYS                 # ('no_response', 'protest', ...)
    opt = options.option("conventional_strikes")
    opt.ladder["up"].central            # the central climbing factor
    options.ladder_factors("conventional_strikes", "high")   # {'up': ..., 'down': ..., ...}
    options.criterion_range("protest", "deterrence")          # a Range with its reason
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .._validate import check_choice
from .sources import TEACHING_ASSUMPTION

LEVELS = ("low", "central", "high")
LADDER_MOVES = ("up", "down", "settle")


@dataclass(frozen=True)
class Range:
    """An uncertain number: ``low <= central <= high``, the reasoning, and the sources it
    draws on. ``numbers`` says where the numbers come from: ``TEACHING_ASSUMPTION`` unless
    a source gives them."""

    low: float
    central: float
    high: float
    reason: str
    sources: tuple[str, ...] = ()
    numbers: str = TEACHING_ASSUMPTION

    def __post_init__(self):
        if not self.low <= self.central <= self.high:
            raise ValueError(f"Range({self.low}, {self.central}, {self.high}): need "
                             "low <= central <= high")

    def value(self, level: str) -> float:
        """The ``low``, ``central`` or ``high`` value."""
        return getattr(self, check_choice("level", level, LEVELS))

    @property
    def values(self) -> tuple[float, float, float]:
        return (self.low, self.central, self.high)


@dataclass(frozen=True)
class Criterion:
    """A yardstick for the answers; every score on it runs 0 (worst) to 10 (best).

    ``derived`` is empty for a judged criterion; for a derived one it says how the score
    follows from the ladder factors."""

    key: str
    name: str
    description: str
    sources: tuple[str, ...]
    derived: str = ""


@dataclass(frozen=True)
class ResponseOption:
    """One possible Western answer to a first Russian nuclear use in Ukraine."""

    key: str
    name: str
    description: str
    oped: str
    sources: tuple[str, ...]
    scores: Mapping[str, Range] = field(repr=False)
    ladder: Mapping[str, Range] = field(repr=False)


CRITERIA: tuple[Criterion, ...] = (
    Criterion("deterrence", "Restores deterrence",
              "How likely the answer is to make Moscow refrain from further nuclear use at once "
              "('terstond', the op-ed's first requirement).", ("nederlof2023",)),
    Criterion("escalation_safety", "Low escalation risk",
              "How far the answer keeps the crisis from a further nuclear use (10 = never).",
              ("nederlof2023", "kahn1965"),
              derived="10 × (1 − P(further nuclear use)), P from the escalation chain of chapter "
                      "05 with this answer's ladder factors, starting at a first use"),
    Criterion("civilian_safety", "Low civilian harm",
              "How few civilians are harmed, by the answer itself and by the further nuclear use "
              "it may invite (10 = none).", ("nederlof2023", "glasstone1977"),
              derived="direct harm score × (1 − P(further nuclear use)): a further nuclear use "
                      "counts as the worst case for civilians (score 0)"),
    Criterion("military_effect", "Military effect on Russia's war",
              "How much the answer weakens Russia's war against Ukraine.", ("nederlof2023",)),
    Criterion("legal_standing", "Legal standing",
              "How well the answer fits the law on the use of force and humanitarian law "
              "(chapter 02).", ("icj1996",)),
    Criterion("alliance_signal", "Alliance credibility and signal",
              "How credible the answer makes Western commitments to allies and to states "
              "watching in Asia and the Middle East.", ("nederlof2023",)),
)
CRITERION_KEYS: tuple[str, ...] = tuple(c.key for c in CRITERIA)
DERIVED_CRITERIA: tuple[str, ...] = tuple(c.key for c in CRITERIA if c.derived)
# The judged inputs: the judged criteria plus the direct harm the answer itself does.
DIRECT_HARM = "direct_civilian_safety"
JUDGED_CRITERIA: tuple[str, ...] = tuple(c.key for c in CRITERIA if not c.derived) + (DIRECT_HARM,)

_OP = ("nederlof2023",)
_ENTANGLEMENT = ("russia2020", "posen1991", "acton2018")


def _r(low, central, high, reason, *sources):
    return Range(float(low), float(central), float(high), reason, tuple(sources))


def _option(key, name, description, oped, sources, scores, ladder) -> ResponseOption:
    return ResponseOption(key, name, description, oped, tuple(sources),
                          MappingProxyType(dict(scores)), MappingProxyType(dict(ladder)))


_NEUTRAL = _r(1, 1, 1, "No response is the baseline: the chain's own rates after a first use.")

OPTIONS: tuple[ResponseOption, ...] = (
    _option(
        "no_response", "No response",
        "The West takes no new step after the use: no protest beyond the usual words, no "
        "sanctions, no force. Not an option the op-ed considers, but the baseline against "
        "which every answer is measured.",
        "The op-ed holds that the crossed red line may not go unanswered, or Moscow can go on, "
        "with more crossings and effects in Asia and the Middle East (C8).",
        _OP,
        {"deterrence": _r(0, 0, 1, "Nothing is done to stop a further use.", *_OP),
         DIRECT_HARM: _r(10, 10, 10, "No action, so no harm from the answer itself."),
         "military_effect": _r(0, 0, 0, "Nothing changes on the battlefield."),
         "legal_standing": _r(8, 9, 10, "Raises no question under the law on the use of force; "
                              "arguably falls short of the duty to cooperate against serious "
                              "breaches.", "icj1996"),
         "alliance_signal": _r(0, 0, 1, "A crossed red line left without answer is the op-ed's "
                               "worry for Asia and the Middle East.", *_OP)},
        {"up": _NEUTRAL, "down": _NEUTRAL, "settle": _NEUTRAL}),
    _option(
        "protest", "Diplomatic protest and isolation",
        "Condemnation, diplomatic isolation and appeals through the UN; no new military or "
        "economic measure.",
        "A protest will not convince the Kremlin (C9); the answer must make Moscow refrain "
        "from further use at once.",
        _OP,
        {"deterrence": _r(0, 1, 3, "The op-ed expects a protest not to convince the Kremlin.",
                          *_OP),
         DIRECT_HARM: _r(9, 10, 10, "No use of force, so no harm from the answer itself."),
         "military_effect": _r(0, 0, 1, "Nothing changes on the battlefield."),
         "legal_standing": _r(9, 10, 10, "Diplomatic measures raise no question under the law "
                              "on the use of force.", "icj1996"),
         "alliance_signal": _r(0, 1, 3, "Firmer than silence, but the op-ed's worry about a red "
                               "line crossed without cost still applies.", *_OP)},
        {"up": _r(0.9, 1.0, 1.1, "The op-ed expects a protest not to convince the Kremlin: "
                  "climbing stays about as likely as with no response.", *_OP),
         "down": _r(0.9, 1.0, 1.1, "No new reason for Moscow to step back."),
         "settle": _r(1.0, 1.05, 1.2, "Diplomatic isolation and the UN open a little room for "
                      "talks; at most a small effect.")}),
    _option(
        "sanctions", "Sharper sanctions",
        "A further round of economic and financial sanctions on Russia and those who trade with "
        "it; no use of force. Not in the op-ed: the usual non-military answer.",
        "Not discussed in the op-ed.",
        (TEACHING_ASSUMPTION,),
        {"deterrence": _r(1, 2, 4, "Sanctions act slowly; another round is unlikely to stop a "
                          "second use at once."),
         DIRECT_HARM: _r(6, 8, 9, "Indirect economic harm to Russian and third-country "
                         "civilians."),
         "military_effect": _r(1, 2, 3, "Slow effect on Russia's war economy."),
         "legal_standing": _r(7, 8, 10, "Non-forcible measures; unilateral sanctions are debated "
                              "but are not a use of force."),
         "alliance_signal": _r(2, 3, 5, "Firmer than a protest, but may read as more of the "
                               "same.", *_OP)},
        {"up": _r(0.9, 1.0, 1.15, "Costs arrive slowly; a small push either way."),
         "down": _r(0.9, 1.0, 1.1, "Little immediate reason to step back."),
         "settle": _r(0.9, 1.0, 1.1, "Sanctions relief can be bargained over, but new sanctions "
                      "also harden positions.")}),
    _option(
        "volunteers", "Lift limits on foreign ex-military helpers",
        "Lift restrictions on non-Ukrainian former military personnel who help Ukraine operate "
        "the most modern defensive weapons.",
        "One of the 'other answers' the op-ed names (C13); it too brings the helping states "
        "closer to a military confrontation with Russia.",
        _OP,
        {"deterrence": _r(2, 3, 5, "Raises Ukraine's capability; a weak direct signal to "
                          "Moscow."),
         DIRECT_HARM: _r(7, 8, 9, "Defensive weapons operated at the front; little direct harm "
                         "to civilians."),
         "military_effect": _r(2, 4, 5, "Skilled operators for the most modern defensive "
                               "weapons.", *_OP),
         "legal_standing": _r(4, 6, 8, "The helpers' status and the helping states' "
                              "responsibility are contested questions of law."),
         "alliance_signal": _r(3, 4, 6, "Shows commitment without a direct Western attack.")},
        {"up": _r(0.95, 1.1, 1.3, "The op-ed notes this brings the helping states closer to a "
                  "confrontation with Russia: slightly more climbing.", *_OP),
         "down": _r(0.9, 1.0, 1.1, "No direct pressure on Moscow to step back."),
         "settle": _r(0.8, 0.95, 1.05, "Foreign helpers in the war make a settlement slightly "
                      "harder to reach.")}),
    _option(
        "conventional_strikes", "Conventional precision strikes on arsenals and communication "
        "centres",
        "Conventional precision strikes that put a number of Russian arsenals and communication "
        "centres ('communicatiecentra') out of action: the op-ed's recommended answer.",
        "Better than a nuclear answer: few civilian deaths, Moscow weakened militarily, and a "
        "lower risk of further nuclear use (C11) — because both nuclear powers must stay off "
        "the escalation ladder (C12).",
        _OP,
        {"deterrence": _r(4, 6, 8, "The op-ed expects it to lower the risk of further use; "
                          "Sullivan had warned of catastrophic consequences.", *_OP,
                          "sullivan2022"),
         DIRECT_HARM: _r(5, 7, 8, "The op-ed expects few civilian deaths from precision weapons; "
                         "such sites may lie near towns.", *_OP),
         "military_effect": _r(4, 6, 7, "The op-ed expects Moscow to be weakened militarily.",
                               *_OP),
         "legal_standing": _r(3, 5, 7, "Arguable as collective self-defence of Ukraine if "
                              "necessary and proportionate; contested for targets inside "
                              "Russia.", "icj1996"),
         "alliance_signal": _r(6, 7, 9, "A firm, visible answer that keeps the nuclear taboo.",
                               *_OP)},
        {"up": _r(0.8, 1.15, 1.8,
                  "Two readings. The op-ed's: the strikes lower the risk of further use (low "
                  "end, 0.8). Entanglement: arsenals and communication centres can serve nuclear "
                  "as well as conventional forces; Russia's 2020 Basic Principles list an attack "
                  "on critical state or military sites that would undermine the nuclear response "
                  "as a condition for nuclear use (para 19(c)); Posen shows how conventional "
                  "operations that damage or threaten nuclear forces create pressure for "
                  "nuclear escalation nobody intended, and Acton how strikes on dual-use "
                  "command, control and communication assets can be misread as preparing a "
                  "disarming attack (high end, 1.8). The central value lies between them.",
                  *_OP, *_ENTANGLEMENT),
         "down": _r(0.8, 1.1, 1.4, "A weakened Moscow has more reason to stop (the op-ed); a "
                    "state that fears for its nuclear command has less room to back down "
                    "(Acton's 'damage-limitation window').", *_OP, "acton2018"),
         "settle": _r(0.8, 1.0, 1.3, "Costs imposed can bring Moscow to talk, or harden it: no "
                      "direction is favoured.")}),
    _option(
        "conventional_large", "Large conventional attack on Russian forces in Ukraine",
        "A NATO-led conventional campaign against the Russian forces it could locate in Ukraine "
        "and Crimea and against the Black Sea Fleet: the hypothetical answer Petraeus outlined on "
        "2 October 2022, explicitly not a nuclear reply. An open NATO–Russia war.",
        "Not discussed in the op-ed.",
        ("petraeus2022",),
        {"deterrence": _r(5, 7, 9, "Removes much of Russia's means to continue the war.",
                          "petraeus2022"),
         DIRECT_HARM: _r(4, 5, 7, "Military targets, but a large campaign in occupied areas and "
                         "Crimea harms more civilians.", "petraeus2022"),
         "military_effect": _r(7, 9, 10, "Aims at every visible Russian force in Ukraine and "
                               "Crimea and at the Black Sea Fleet.", "petraeus2022"),
         "legal_standing": _r(3, 5, 7, "Arguable as collective self-defence, with "
                              "proportionality in doubt for its scale.", "icj1996"),
         "alliance_signal": _r(6, 8, 9, "An unmistakable answer.", "petraeus2022")},
        {"up": _r(1.0, 1.4, 2.0, "Direct NATO–Russia combat on a large scale: many more ways to "
                  "climb, including by the entanglement of conventional and nuclear forces.",
                  "petraeus2022", "posen1991"),
         "down": _r(0.9, 1.2, 1.5, "A strong push to step back if Moscow judges the war lost "
                    "(Petraeus's intent).", "petraeus2022"),
         "settle": _r(0.8, 1.0, 1.2, "Open war between NATO and Russia makes talks neither "
                      "clearly easier nor clearly harder.")}),
    _option(
        "nuclear_demonstration", "US nuclear demonstration burst",
        "A single US nuclear burst of a comparable small weapon high in the atmosphere above "
        "Russia 'as punishment'. Little immediate damage, but an electromagnetic pulse that "
        "disrupts communications over a wide area (chapter 01).",
        "Dangerous (C10): little immediate damage, but an EMP that disrupts communications "
        "and possibly radioactive fallout.",
        _OP + ("glasstone1977",),
        {"deterrence": _r(2, 4, 7, "Signals resolve, but also that the West will cross the "
                          "threshold itself.", "schelling1966"),
         DIRECT_HARM: _r(3, 6, 8, "Little blast or heat on the ground, but the pulse can disrupt "
                         "power and communications over a very wide area (Starfish Prime).",
                         "glasstone1977"),
         "military_effect": _r(0, 1, 3, "Does not touch Russia's forces in Ukraine."),
         "legal_standing": _r(0, 2, 4, "Nuclear use is generally contrary to humanitarian law; "
                              "no state-survival claim for the US.", "icj1996"),
         "alliance_signal": _r(2, 4, 6, "Resolve for some allies, a breach of the nuclear taboo "
                               "for others.")},
        {"up": _r(1.2, 1.6, 2.2, "The op-ed calls it dangerous: the West crosses the nuclear "
                  "threshold itself, and the pulse disrupts the communications both sides need "
                  "to keep control.", *_OP),
         "down": _r(0.8, 1.0, 1.2, "It may shock Moscow into stepping back, or not."),
         "settle": _r(0.7, 0.9, 1.0, "Two nuclear users make a settlement harder.")}),
    _option(
        "nuclear_in_kind", "Limited nuclear strike in kind",
        "A limited US nuclear strike on a Russian military target, answering like with like. "
        "Crosses the nuclear threshold from the Western side.",
        "Not proposed in the op-ed, whose recommendation is a non-nuclear answer (C11).",
        ("kahn1965", "icj1996"),
        {"deterrence": _r(2, 5, 8, "Meets like with like; may stop Moscow or provoke a reply.",
                          "schelling1966"),
         DIRECT_HARM: _r(0, 2, 4, "Even small nuclear weapons kill many thousands near their "
                         "target (chapter 01).", *_OP, "glasstone1977"),
         "military_effect": _r(3, 5, 7, "Destroys its target; little wider effect on the war."),
         "legal_standing": _r(0, 1, 3, "Generally contrary to humanitarian law; the extreme case "
                              "of state survival does not apply to the US.", "icj1996"),
         "alliance_signal": _r(1, 3, 5, "Some allies see resolve; many see the taboo broken and "
                               "may withdraw support.")},
        {"up": _r(1.4, 1.8, 2.5, "Answering nuclear use with nuclear use makes further exchanges "
                  "the expected pattern.", "kahn1965"),
         "down": _r(0.6, 0.8, 1.0, "Each side now has a nuclear use to answer."),
         "settle": _r(0.6, 0.8, 1.0, "A settlement after exchanges is harder to reach.")}),
)

OPTION_KEYS: tuple[str, ...] = tuple(o.key for o in OPTIONS)
NO_RESPONSE = "no_response"
RECOMMENDED = "conventional_strikes"   # the op-ed's recommended answer (C11)
_BY_KEY = {o.key: o for o in OPTIONS}


def option(key: str) -> ResponseOption:
    """The option ``key`` (one of ``OPTION_KEYS``)."""
    return _BY_KEY[check_choice("key", key, OPTION_KEYS)]


def criterion_range(option_key: str, criterion: str) -> Range:
    """The judged range of ``option_key`` on ``criterion`` (a key of ``JUDGED_CRITERIA``)."""
    opt = _BY_KEY[check_choice("option_key", option_key, OPTION_KEYS)]
    return opt.scores[check_choice("criterion", criterion, JUDGED_CRITERIA)]


def ladder_factors(option_key: str | None, level: str = "central") -> dict[str, float]:
    """The factors ``{'up', 'down', 'settle'}`` of ``option_key`` at ``level``
    (``low``/``central``/``high`` of each range); ``None`` means no response (all 1)."""
    key = NO_RESPONSE if option_key is None else option_key
    opt = _BY_KEY[check_choice("option_key", key, OPTION_KEYS)]
    check_choice("level", level, LEVELS + ("worst", "best"))
    if level == "worst":    # most climbing, least stepping down and settling
        return {"up": opt.ladder["up"].high, "down": opt.ladder["down"].low,
                "settle": opt.ladder["settle"].low}
    if level == "best":
        return {"up": opt.ladder["up"].low, "down": opt.ladder["down"].high,
                "settle": opt.ladder["settle"].high}
    return {move: opt.ladder[move].value(level) for move in LADDER_MOVES}


def _check_table() -> None:
    """Every option has every judged criterion and every ladder move, and nothing else."""
    for o in OPTIONS:
        if set(o.scores) != set(JUDGED_CRITERIA):
            raise RuntimeError(f"option {o.key}: scores for {sorted(o.scores)}, expected "
                               f"{sorted(JUDGED_CRITERIA)}")
        if set(o.ladder) != set(LADDER_MOVES):
            raise RuntimeError(f"option {o.key}: ladder moves {sorted(o.ladder)}")
        for r in o.scores.values():
            if not 0 <= r.low <= r.high <= 10:
                raise RuntimeError(f"option {o.key}: score range {r} outside 0-10")
        for r in o.ladder.values():
            if not 0 <= r.low <= r.high <= 3:
                raise RuntimeError(f"option {o.key}: ladder factor {r} outside 0-3")


_check_table()
