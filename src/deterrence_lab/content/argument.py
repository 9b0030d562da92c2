"""The op-ed's argument as data: fourteen claims, what each rests on, and where the course tests it.

The claims paraphrase Nederlof & Voorhoeve (NRC, 13 February 2023) in their order. Each
records the Dutch key term of the original, its kind (what sort of evidence could
settle it), the claims it rests on, and the chapter that examines it. The premise
links are the course's reading of the text, not the authors' own diagram.
"""
from __future__ import annotations

from dataclasses import dataclass

from .._display import Markdown, markdown_table
from .._validate import check_choice

KINDS = {
    "forecast": "a prediction about what could or will happen",
    "empirical": "a statement of fact about the world, checkable against evidence",
    "legal": "a statement about what the law says",
    "normative": "a judgment about what ought to be done or valued",
    "recommendation": "a proposed course of action",
}


@dataclass(frozen=True)
class Claim:
    """One link of the argument; ``premises`` are the ids of claims it rests on."""

    id: str
    text: str
    term_nl: str
    term_en: str
    kind: str
    premises: tuple[str, ...]
    chapter: str
    evidence: str
    source: str = "nederlof2023"


CLAIMS: tuple[Claim, ...] = (
    Claim("C1", "If Russia's offensive stalls and Western-supplied tanks drive its forces back, "
          "Moscow might escalate by using a 'small' nuclear weapon.",
          "escaleren met een 'klein' kernwapen", "escalate with a 'small' nuclear weapon",
          "forecast", ("C2", "C4", "C7"), "05",
          "What Russia actually did when its forces retreated (Kharkiv and Kherson, autumn 2022); "
          "intelligence and forecaster estimates at the time, scored against the outcome."),
    Claim("C2", "Russian military thinking draws no sharp line of principle between ordinary "
          "weapons and small nuclear weapons on the battlefield.",
          "geen groot principieel onderscheid", "no great distinction of principle",
          "empirical", (), "02",
          "The texts of Russian doctrine (2000, 2010, 2014, 2020, 2024) and the scholarly debate "
          "on 'escalate to de-escalate'."),
    Claim("C3", "'Small' or tactical nuclear weapons kill many thousands and cross an important "
          "political threshold.",
          "doden vele duizenden", "kill many thousands",
          "empirical", (), "01",
          "Blast, heat and radiation ranges from Glasstone & Dolan and casualty rates from OTA, "
          "applied to realistic yields and population densities."),
    Claim("C4", "The International Court of Justice declared nuclear use justifiable only when "
          "the survival of the state is at stake; Moscow could abuse that ruling if it had to "
          "give up annexed Ukrainian territory.",
          "voortbestaan van de staat", "survival of the state",
          "legal", (), "02",
          "The text and votes of the Court's 1996 advisory opinion, para 105(2); the legal status "
          "of the annexed regions (UN General Assembly resolution ES-11/4)."),
    Claim("C5", "A neutron bomb produces intense radiation that can harm soldiers even inside tanks.",
          "neutronenbom", "neutron bomb",
          "empirical", (), "01",
          "Prompt radiation doses versus distance for enhanced-radiation weapons, and the "
          "shielding a tank's armour gives."),
    Claim("C6", "The decision to use nuclear weapons belongs to the highest political level; in "
          "the US, UK and France a code device with a Permissive Action Link guarantees this; "
          "whether Russia has a comparable system, or commanders who might act on their own, "
          "is unclear.",
          "Permissive Action Link", "Permissive Action Link",
          "empirical", (), "03",
          "Documented command-and-control arrangements of each nuclear-weapon state, country by "
          "country, and the custody of non-strategic warheads."),
    Claim("C7", "It is unclear whether Putin, driven further into a corner, would consider "
          "using nuclear weapons.",
          "in de hoek gedreven", "driven into a corner",
          "forecast", ("C2", "C4"), "05",
          "Estimates by intelligence services and forecasters in 2022, and what happened since."),
    Claim("C8", "Nuclear use against Ukraine would confront the United States with a dilemma: it is "
          "not itself attacked, yet a crossed red line cannot go unanswered, or Moscow may carry "
          "on and further crossings follow, with effects on relations in Asia and the Middle East.",
          "rode lijn", "red line",
          "normative", ("C3",), "04",
          "Game-theoretic reasoning about credibility and reputation; the historical record of "
          "red lines and how third states read them."),
    Claim("C9", "A protest alone would not convince the Kremlin.",
          "een protest overtuigt niet", "a protest does not convince",
          "forecast", ("C8",), "04",
          "How Russia has responded to diplomatic protest and sanctions since 2014."),
    Claim("C10", "A US 'demonstration' nuclear burst high above Russia would be dangerous: little "
          "immediate damage, but an electromagnetic pulse that disrupts communications, and "
          "possibly radioactive fallout.",
          "elektromagnetische impuls", "electromagnetic pulse",
          "empirical", (), "01",
          "Weapon-effects physics of high-altitude bursts (EMP footprint, fallout) and the 1962 "
          "Starfish Prime test."),
    Claim("C11", "Better to answer without nuclear weapons: conventional precision strikes on "
          "Russian arsenals and communication centres would kill few civilians, weaken Moscow's "
          "war effort and lower the risk of further nuclear use.",
          "conventionele precisiewapens", "conventional precision weapons",
          "recommendation", ("C8", "C9", "C10"), "04",
          "A decision analysis of the response options under stated criteria and weights, and "
          "escalation models of how each option changes the odds."),
    Claim("C12", "Other answers are possible, such as lifting restrictions on non-Ukrainian "
          "ex-military personnel helping Ukraine with modern weapons, though these also bring the "
          "helping states closer to a military confrontation with Russia.",
          "oud-militairen", "ex-military personnel",
          "recommendation", ("C8",), "04",
          "The same decision analysis, with the escalation risk of each option made explicit."),
    Claim("C13", "What matters most is holding on to Ukraine's right of self-determination and the "
          "international-law prohibitions on conquering territory and on war crimes.",
          "zelfbeschikkingsrecht", "right of self-determination",
          "normative", (), "02",
          "The UN Charter, humanitarian law and the General Assembly's resolutions on Ukraine; "
          "a normative judgment remains the reader's own."),
    Claim("C14", "Both nuclear powers must stay off the escalation ladder, which ends in horrible "
          "destruction.",
          "escalatieladder", "escalation ladder",
          "normative", ("C3", "C11"), "05",
          "Kahn's escalation ladder, probabilistic models of escalation, and published simulations "
          "of where a first use can lead."),
)

_BY_ID = {c.id: c for c in CLAIMS}

CHAPTERS = {
    "00": "The argument",
    "01": "Small weapons, large effects",
    "02": "The law",
    "03": "Who holds the key",
    "04": "The dilemma",
    "05": "The escalation ladder",
    "06": "Crisis seminar",
}


def claim(claim_id: str) -> Claim:
    """The claim with id ``claim_id`` (``"C1"`` ... ``"C14"``)."""
    return _BY_ID[check_choice("claim_id", claim_id, _BY_ID)]


def dependents(claim_id: str) -> tuple[str, ...]:
    """Ids of the claims that rest directly on ``claim_id``."""
    claim(claim_id)
    return tuple(c.id for c in CLAIMS if claim_id in c.premises)


def foundations(claim_id: str) -> tuple[str, ...]:
    """Every claim ``claim_id`` rests on, directly or through other claims, in text order."""
    seen: set[str] = set()
    stack = list(claim(claim_id).premises)
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(_BY_ID[current].premises)
    return tuple(c.id for c in CLAIMS if c.id in seen)


def depth(claim_id: str) -> int:
    """Length of the longest chain of premises below ``claim_id`` (0 for a starting claim)."""
    premises = claim(claim_id).premises
    return 0 if not premises else 1 + max(depth(p) for p in premises)


def by_chapter() -> dict[str, tuple[str, ...]]:
    """Claim ids grouped by the chapter that examines them."""
    return {ch: tuple(c.id for c in CLAIMS if c.chapter == ch) for ch in CHAPTERS
            if any(c.chapter == ch for c in CLAIMS)}


def table() -> Markdown:
    """All claims as a Markdown table: id, claim, Dutch term, kind, rests on, chapter."""
    rows = [[c.id, c.text, f"*{c.term_nl}*", c.kind, ", ".join(c.premises) or "—",
             f"{c.chapter} {CHAPTERS[c.chapter]}"] for c in CLAIMS]
    return markdown_table(["id", "claim (paraphrased)", "Dutch term", "kind", "rests on",
                           "examined in"], rows)
