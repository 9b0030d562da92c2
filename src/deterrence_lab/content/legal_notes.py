"""A legal note for each response option of chapter 04: which rules of international law an
option engages, read against the Charter and the Court's 1996 opinion.

Keyed by plain option names - ``"no response"``, ``"protest"``, ``"conventional strikes"``,
``"nuclear demonstration"``, ``"other answers"`` - so that any table of response options can
look a note up with :func:`note` without this module importing it. Each note has four parts:

* **jus ad bellum** - may force be used at all? Article 2(4) of the UN Charter bans the threat
  or use of force; Article 51 keeps the inherent right of individual or *collective*
  self-defence if an armed attack occurs, until the Security Council acts. For a third state
  the route is collective self-defence of Ukraine, at Ukraine's request, within necessity and
  proportionality (the Court, para 41).
* **jus in bello** - how force may be used: humanitarian law applies to any use, nuclear or
  not (finding D), above all distinction (para 78).
* **reprisals** - an answer framed "as punishment" is a reprisal: the Court said armed
  reprisals in peacetime are unlawful, and that any right to belligerent reprisals would, like
  self-defence, be governed by proportionality (para 46).
* **neutrality** - what the option means for states that support Ukraine without fighting,
  and for states whose territory an option's effects would reach (the Court held the principle
  of neutrality applicable to all international armed conflicts, paras 88-89).

The notes are the course's reading of how these rules apply to the op-ed's options: one
defensible reading (a teaching assumption), not legal advice; lawyers disagree on several.
"""
from __future__ import annotations

from dataclasses import dataclass

from .._display import Markdown, markdown_table
from .._validate import check_choice
from .sources import TEACHING_ASSUMPTION

PARTS = ("jus ad bellum", "jus in bello", "reprisals", "neutrality")


@dataclass(frozen=True)
class LegalNote:
    """The legal note for one response option; ``cites`` pairs source keys with places."""

    option: str
    summary: str
    ad_bellum: str
    in_bello: str
    reprisals: str
    neutrality: str
    cites: tuple[tuple[str, str], ...]
    status: str = TEACHING_ASSUMPTION

    def part(self, name: str) -> str:
        """One of the four parts by its name in :data:`PARTS`."""
        check_choice("name", name, PARTS)
        return {"jus ad bellum": self.ad_bellum, "jus in bello": self.in_bello,
                "reprisals": self.reprisals, "neutrality": self.neutrality}[name]


_CHARTER = (("un1945", "Art. 2(4)"), ("un1945", "Art. 51"))

LEGAL_NOTES: tuple[LegalNote, ...] = (
    LegalNote(
        "no response",
        "No force is used, so no rule on force is engaged; the Russian use itself is judged by "
        "humanitarian law.",
        "Nothing obliges a third state to use force: Article 51 preserves a right of collective "
        "self-defence, not a duty. Ukraine's own right of self-defence continues.",
        "The answering state conducts no hostilities. Russia's use is subject to humanitarian "
        "law like any use (finding D), and to its cardinal principles (paras 78-79).",
        "Not engaged.",
        "Supporting states remain where they were: helping a state that exercises its right of "
        "self-defence, without taking part in the fighting.",
        _CHARTER + (("icj1996", "para 105(2)D"), ("icj1996", "paras 78-79"))),
    LegalNote(
        "protest",
        "Diplomatic measures are not force; the Charter's rules on force are not engaged.",
        "A protest, a Security Council draft or a General Assembly resolution is lawful; the "
        "Assembly has already rejected the annexations (ES-11/4).",
        "Not engaged.",
        "Not engaged: a reprisal in the Court's sense involves force.",
        "Not engaged.",
        _CHARTER + (("unga2022", "operative paragraphs"),)),
    LegalNote(
        "conventional strikes",
        "A use of force against Russia, lawful only as collective self-defence of Ukraine, at its "
        "request, necessary and proportionate; the targets must be military objectives.",
        "Strikes on Russian arsenals and communication centres are force against Russia, banned "
        "by Article 2(4) unless they are collective self-defence under Article 51: an armed "
        "attack on Ukraine under way, Ukraine's request, and force necessary and proportionate "
        "to repelling that attack (para 41) - not to punishing it. Measures are to be reported "
        "to the Security Council (Art. 51).",
        "The striking state becomes a party to the conflict. Arsenals are military objectives; "
        "communication centres may also serve civilians, so distinction and the weighing of "
        "civilian harm (para 78) decide which may be struck.",
        "Framed as punishment for the nuclear use, the strikes would look like an armed "
        "reprisal rather than self-defence; the Court ties any right to belligerent reprisals "
        "to proportionality (para 46).",
        "The striking state is no longer a non-party. Allies that host bases or help plan would "
        "have to weigh whether they become parties too; Russia's 2024 doctrine treats support "
        "by a nuclear state as part of a joint attack, a political claim rather than a rule of "
        "law.",
        _CHARTER + (("icj1996", "para 41"), ("icj1996", "para 78"), ("icj1996", "para 46"),
                    ("russia2024", "the joint-attack clause"))),
    LegalNote(
        "nuclear demonstration",
        "A nuclear detonation over Russia is force against Russia and, the op-ed says, 'as "
        "punishment': the hardest option to fit into self-defence, and bound by humanitarian law.",
        "A burst meant as a warning repels nothing, so it is hard to call necessary for "
        "self-defence (para 41); force in breach of Article 2(4) that does not meet Article 51 is "
        "unlawful, with or without nuclear weapons (finding C, unanimous).",
        "Humanitarian law applies (finding D); the Court found use generally contrary to it "
        "(finding E). A pulse that disrupts civilian communications and power over a wide area "
        "(chapter 01) engages distinction (para 78).",
        "'Als straf' (as punishment) is the language of reprisal. Armed reprisals in peacetime "
        "are unlawful; any right to belligerent reprisals would be governed by proportionality "
        "(para 46) - and the Court did not say nuclear reprisals are allowed.",
        "A high-altitude pulse reaches to the horizon, over states that are not parties; the "
        "Court held the principle of neutrality applicable to all international armed "
        "conflicts, whatever weapons are used (paras 88-89).",
        _CHARTER + (("icj1996", "para 41"), ("icj1996", "para 105(2)C"),
                    ("icj1996", "para 105(2)D"), ("icj1996", "para 105(2)E"),
                    ("icj1996", "para 46"), ("icj1996", "paras 88-89"))),
    LegalNote(
        "other answers",
        "Letting non-Ukrainian ex-military help Ukraine with defensive weapons is not itself "
        "force by the states that allow it; it moves them along the line between support and "
        "participation.",
        "Allowing individuals to help a state exercising self-defence is not a use of force by "
        "the allowing state; sending its own units would be, and would need the Article 51 route.",
        "Those who take part in hostilities are bound by humanitarian law; how the law classes "
        "them depends on facts (enlistment, pay, command) that the course does not model.",
        "Not engaged unless framed as punishment.",
        "This is where neutrality bites: the more organised and state-directed the help, the "
        "more a supporting state looks like a party. The op-ed's own caveat - closer to a "
        "military confrontation - is the political face of this legal line.",
        _CHARTER + (("nederlof2023", "paragraph on other answers"),)),
)

_BY_OPTION = {n.option: n for n in LEGAL_NOTES}
OPTION_NAMES = tuple(_BY_OPTION)


def note(option: str) -> LegalNote:
    """The legal note for ``option``, one of :data:`OPTION_NAMES`."""
    return _BY_OPTION[check_choice("option", option, _BY_OPTION)]


def notes_table(part: str | None = None) -> Markdown:
    """The notes as a Markdown table: one row per option, with its summary, or with one part
    (``"jus ad bellum"``, ``"jus in bello"``, ``"reprisals"``, ``"neutrality"``)."""
    if part is not None:
        check_choice("part", part, PARTS)
    rows = []
    for n in LEGAL_NOTES:
        cites = "; ".join(f"[{k}, {w}]" for k, w in n.cites)
        rows.append([f"**{n.option}**", n.summary if part is None else n.part(part), cites])
    return markdown_table(["option", part or "in short", "sources"], rows)
