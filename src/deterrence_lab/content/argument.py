"""The op-ed's argument as data: fifteen claims in the text's order, what each rests on, and
where the course tests it.

The claims paraphrase Nederlof & Voorhoeve (NRC, 13 February 2023) sentence group by
sentence group, in the order of the Dutch text. Each records a short Dutch key phrase of
the original (a few words, never a sentence), an English label, a gloss of the loaded
words, its kind (what sort of evidence could settle it), the claims it rests on, and the
chapter that examines it. The premise links are the course's close reading of the text,
not the authors' own diagram; two of them follow the Dutch connectives directly: the
escalation-ladder sentence ends with "want" (because) and closes the paragraph that
recommends conventional strikes, so it is a premise of that recommendation (C12 -> C11);
and the last sentence, the warning to Moscow, rests on the answers proposed before it.

``TRANSLATION_SLIPS`` lists renderings that change the argument: a Dutch phrase, the
tempting English, the closer English and what the difference does.
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
    gloss: str
    source: str = "nederlof2023"


CLAIMS: tuple[Claim, ...] = (
    Claim("C1", "If Russia's offensive stalls and the tanks going to Ukraine drive the Russian "
          "aggressor back to its own country, Moscow could escalate with a 'small' nuclear "
          "weapon; the authors add that this risk gets little attention.",
          "terugdrijven naar eigen land", "driven back to its own country",
          "forecast", ("C2", "C4", "C7"), "05",
          "Whether the condition ever arose (Russian forces driven back onto Russian soil), what "
          "Russia did in the nearest cases (Kharkiv and Kherson 2022, Ukraine's Kursk incursion "
          "2024-25), and intelligence and forecaster estimates scored against the outcome.",
          "'naar eigen land' (back to its own country) sets the condition: not Russia losing "
          "ground inside Ukraine, but being pushed back onto Russian territory. 'zou kunnen' "
          "(could) marks a possibility, not a prediction."),
    Claim("C2", "Russian military thinking draws no great distinction of principle between "
          "'ordinary' weapons and small nuclear weapons on the battlefield.",
          "geen groot principieel onderscheid", "no great distinction of principle",
          "empirical", (), "02",
          "The texts of Russian doctrine (2000, 2010, 2014, 2020, 2024), what scholars say those "
          "texts are for, leaked military training material, and the debate on 'escalate to "
          "de-escalate'.",
          "'militair denken' (military thinking) is wider than published doctrine: it includes "
          "staff training and exercises. 'principieel' (of principle) is about how weapons are "
          "thought of, not about what Russia has done."),
    Claim("C3", "'Small' or tactical nuclear weapons kill many thousands and cross an important "
          "political boundary, so their consequences must be thought through now.",
          "doden vele duizenden", "kill many thousands",
          "empirical", (), "01",
          "Blast, heat and radiation ranges from Glasstone & Dolan and casualty rates from OTA, "
          "applied to realistic yields and population densities.",
          "'politieke grens' (political boundary): the claim is about politics as well as "
          "physics. 'dus' (so) turns it into the reason for the whole piece."),
    Claim("C4", "The International Court of Justice declared nuclear use justifiable only when "
          "the survival of the state is at stake; Moscow could misuse that ruling if it had to "
          "evacuate the annexed Ukrainian territories.",
          "alleen te rechtvaardigen … voortbestaan van de staat", "survival of the state",
          "legal", (), "02",
          "The text and votes of the Court's 1996 advisory opinion, para 105(2); the legal status "
          "of the annexed regions (UN General Assembly resolution ES-11/4).",
          "'alleen te rechtvaardigen' (only justifiable) is stronger than anything the Court "
          "decided; 'misbruiken' (misuse) concedes that the ruling would be bent, not followed; "
          "'ontruimen' (evacuate) is about giving up land Moscow claims."),
    Claim("C5", "If Russia used a neutron bomb, for example, its intense radiation could scorch "
          "even soldiers inside tanks.",
          "soldaten in tanks kan verzengen", "scorch soldiers in tanks",
          "empirical", (), "01",
          "Prompt radiation doses versus distance for enhanced-radiation weapons, and the "
          "shielding a tank's armour gives.",
          "'verzengen' (scorch, sear) is a word of heat; the harm to a crew behind armour is a "
          "radiation dose. 'ook' (also, even) points to the armour that would otherwise protect."),
    Claim("C6", "The decision to use nuclear weapons belongs to the highest political leadership; "
          "in the US, the UK and France a code device with a 'Permissive Action Link' is meant to "
          "ensure that. Whether Russia has a comparable system is unclear; perhaps there are "
          "commanders in Russia who would want to proceed to use on their own.",
          "moet … dat garanderen", "is meant to ensure",
          "empirical", (), "03",
          "Documented command-and-control arrangements of each nuclear-weapon state, country by "
          "country, and the custody of non-strategic warheads.",
          "'moet … garanderen' (is meant to ensure, must ensure) states a purpose, not that the "
          "device guarantees it. 'Wellicht' (perhaps) marks the rogue-commander point as a "
          "conjecture."),
    Claim("C7", "It is also unclear whether Putin, driven further into a corner, would consider "
          "using nuclear weapons.",
          "verder in de hoek gedreven", "driven further into a corner",
          "forecast", ("C2", "C4"), "05",
          "Estimates by intelligence services and forecasters in 2022 (made public in 2024), and "
          "what happened since.",
          "'verder' (further) assumes he is already cornered; 'overwegen' (consider) is weaker "
          "than decide."),
    Claim("C8", "If Moscow answers with one or a few 'small' nuclear explosions, the US faces a "
          "dilemma: Ukraine, not the US, is attacked, yet the crossed red line may not go "
          "unanswered, or Moscow can carry on, with more crossings and effects on relations in "
          "Asia and the Middle East. The US must then devise an answer that makes Moscow refrain "
          "from further nuclear use at once.",
          "niet onbeantwoord … terstond doet afzien", "red line; stop at once",
          "normative", ("C3",), "04",
          "Game-theoretic reasoning about credibility and reputation; the historical record of "
          "red lines and how third states read them.",
          "'mag niet onbeantwoord blijven' (may not go unanswered) is a norm with a reason "
          "attached ('want dan kan Moskou daarmee doorgaan'). 'terstond' (at once) sets the "
          "yardstick for every answer that follows: nuclear use must stop now, not eventually."),
    Claim("C9", "A protest will not convince the Kremlin.",
          "protest overtuigt het Kremlin niet", "a protest does not convince",
          "forecast", ("C8",), "04",
          "How Russia has responded to diplomatic protest and sanctions since 2014.",
          "Said in the present tense, as a certainty; it is a forecast about a case that has "
          "never occurred."),
    Claim("C10", "It is dangerous to explode, as punishment, a comparable small US tactical "
          "nuclear weapon as a 'demonstration', for instance in the atmosphere above Russia: such "
          "a burst does little immediate damage but causes an electromagnetic pulse that "
          "disrupts communications, and possibly radioactive fallout.",
          "als straf … als 'demonstratie'", "demonstration as punishment",
          "empirical", (), "01",
          "Weapon-effects physics of high-altitude bursts (EMP footprint, fallout) and the 1962 "
          "Starfish Prime test.",
          "'als straf' (as punishment) frames the burst as a reprisal, which matters in law "
          "(chapter 02). 'ruimte-explosie' (space explosion) places it very high up, where local "
          "fallout is not expected."),
    Claim("C11", "Better to answer without nuclear weapons: the US could disable a number of "
          "Russian arsenals and communication centres with conventional precision weapons; not "
          "many civilians need die, Moscow is weakened militarily in its war against Ukraine, and "
          "the risk that it uses more nuclear weapons is lower.",
          "arsenalen en communicatiecentra", "arsenals and communication centres",
          "recommendation", ("C8", "C9", "C10", "C12"), "04",
          "A decision analysis of the response options under stated criteria and weights, and "
          "escalation models of how each option changes the odds.",
          "'communicatiecentra' (communication centres) says nothing of 'command'; "
          "'uitschakelen' (disable) is not 'destroy'. 'Beter zou zijn' (would be better) compares "
          "with the demonstration; it does not call the strikes safe."),
    Claim("C12", "Both nuclear-weapon states must avoid the escalation ladder, because it ends in "
          "horrible destruction.",
          "escalatieladder … afgrijselijke vernietiging", "escalation ladder",
          "normative", ("C3",), "05",
          "Kahn's escalation ladder, probabilistic models of escalation, and published simulations "
          "of where a first use can lead; the weighing of risks is the reader's own.",
          "'want' (because): the sentence closes the strikes paragraph and gives its reason. It "
          "echoes the headline ('Ook klein kernwapen kan tot totale vernietiging leiden': even a "
          "small nuclear weapon can lead to total destruction)."),
    Claim("C13", "Other answers are conceivable, such as lifting restrictions on non-Ukrainian "
          "ex-military personnel helping Ukraine use the most modern defensive weapons; such "
          "answers too bring the helping states closer to a military confrontation with Russia.",
          "oud-militairen … verdedigingswapens", "ex-military; defensive weapons",
          "recommendation", ("C8", "C12", "C14"), "04",
          "The same decision analysis, with the escalation risk of each option made explicit.",
          "'verdedigingswapens' (defensive weapons): the help is with defence, which bears on how "
          "Moscow and lawyers would read it. 'Ook' (too) concedes that these answers also carry "
          "risk."),
    Claim("C14", "But it is of overriding importance to hold on to Ukraine's right of "
          "self-determination, the international-law ban on conquering other states' territory, "
          "and the ban on war crimes.",
          "van overwegend belang", "of overriding importance",
          "normative", (), "02",
          "The UN Charter, humanitarian law and the General Assembly's resolutions on Ukraine; "
          "a normative judgment remains the reader's own.",
          "'Maar' (but) and 'overwegend' (overriding, outweighing): the value is weighed against "
          "the risk of confrontation just conceded, and is said to weigh more."),
    Claim("C15", "Moscow should refrain from using 'small' nuclear weapons, to avoid the damage it "
          "would otherwise suffer.",
          "schade … die het anders zou oplopen", "damage Moscow would suffer",
          "recommendation", ("C11", "C13"), "04",
          "Deterrence theory (punishment, credibility) and the games of chapter 04: is the "
          "threatened damage credible, and would it deter?",
          "The op-ed's last sentence, addressed to Moscow: 'dient af te zien' (should refrain) and "
          "'anders zou oplopen' (would otherwise suffer) make it the authors' own "
          "deterrence-by-punishment message."),
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
    """The claim with id ``claim_id`` (``"C1"`` ... ``"C15"``)."""
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


@dataclass(frozen=True)
class TranslationSlip:
    """A rendering that changes the argument: ``dutch`` (a key phrase of the op-ed), the
    ``tempting`` English, the ``closer`` English, the ``claim`` it sits in and ``why`` it
    matters."""

    dutch: str
    tempting: str
    closer: str
    claim: str
    why: str


TRANSLATION_SLIPS: tuple[TranslationSlip, ...] = (
    TranslationSlip("moet … garanderen", "guarantees", "is meant to ensure", "C6",
                    "A guarantee is a claim of fact that one counter-example refutes; a purpose "
                    "is what the system is for. The UK case (chapter 03) tests the first reading, "
                    "not the second."),
    TranslationSlip("verzengen", "harm", "scorch, sear", "C5",
                    "'Harm' loses the image of burning; 'scorch' keeps it, and invites the "
                    "question whether heat or radiation is the danger behind armour (chapter 01)."),
    TranslationSlip("verdedigingswapens", "modern weapons", "defensive weapons", "C13",
                    "Help with defence reads differently to Moscow and to lawyers than help with "
                    "any weapon; dropping 'defensive' makes the option sound more escalatory."),
    TranslationSlip("terugdrijven naar eigen land", "drive back", "drive back to its own country",
                    "C1",
                    "The condition is Russian forces pushed back onto Russian soil, not merely "
                    "losing ground in Ukraine; the retreats of 2022 did not meet it, the Kursk "
                    "incursion of 2024 came nearest."),
    TranslationSlip("communicatiecentra", "command and communication centres",
                    "communication centres", "C11",
                    "Adding 'command' turns the target list into decapitation, a far more "
                    "escalatory option than the authors name."),
    TranslationSlip("terstond", "(left out)", "at once", "C8",
                    "The goal is that nuclear use stops immediately; an answer that works only "
                    "over months fails the authors' own test."),
)


def translation_table() -> Markdown:
    """The translation slips as a Markdown table: Dutch, tempting English, closer English, claim,
    why it matters."""
    rows = [[f"*{t.dutch}*", t.tempting, t.closer, t.claim, t.why] for t in TRANSLATION_SLIPS]
    return markdown_table(["Dutch", "tempting English", "closer English", "claim",
                           "why it matters"], rows)


def reading_table() -> Markdown:
    """The close reading: each claim with its Dutch key phrase and a gloss of the loaded words."""
    rows = [[c.id, f"*{c.term_nl}*", c.term_en, c.gloss] for c in CLAIMS]
    return markdown_table(["id", "Dutch key phrase", "in English", "the loaded words"], rows)


def table() -> Markdown:
    """All claims as a Markdown table: id, claim, Dutch term, kind, rests on, chapter."""
    rows = [[c.id, c.text, f"*{c.term_nl}*", c.kind, ", ".join(c.premises) or "—",
             f"{c.chapter} {CHAPTERS[c.chapter]}"] for c in CLAIMS]
    return markdown_table(["id", "claim (paraphrased)", "Dutch term", "kind", "rests on",
                           "examined in"], rows)
