"""The verdict: each of the op-ed's fourteen claims against what the chapters found and what
happened afterwards, with a dated timeline of sourced events.

``TIMELINE`` holds the events (2022 warnings and estimates, the Kherson withdrawal, the
op-ed itself, the announced move of warheads to Belarus, the 2024 doctrine, the record
through 2025), each with its source keys and the claims it bears on. ``VERDICTS`` holds,
per claim of :data:`deterrence_lab.argument.CLAIMS`, a summary of what the chapters
found, what happened after February 2023, and the course's model answer. The model
answer is one defensible reading, not the only one: students record their own with
:func:`template` and compare with :func:`compare`.
"""
from __future__ import annotations

from dataclasses import dataclass

from .._display import Markdown, markdown_table
from .._validate import check_bool, check_choice
from .argument import CLAIMS, claim

OPED_DATE = "2023-02-13"

VERDICT_OPTIONS = {
    "holds": "the evidence supports the claim as stated",
    "holds with qualifications": "supported in substance, but it needs conditions or caveats",
    "needs correction": "the claim misstates a source or a fact in a way that matters",
    "open": "the evidence cannot settle it (yet): a forecast or an untested proposition",
    "value judgement": ("a judgement about what ought to be done; evidence informs but cannot "
                        "settle it"),
}

KINDS = ("warning", "estimate", "battlefield", "law", "op-ed", "deployment", "doctrine", "record")


@dataclass(frozen=True)
class Event:
    """A dated event; ``date`` is ISO (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when the
    sources give no day)."""

    date: str
    title: str
    detail: str
    kind: str
    sources: tuple[str, ...]
    claims: tuple[str, ...]

    @property
    def sort_key(self) -> tuple[int, int, int]:
        parts = [int(p) for p in self.date.split("-")]
        return tuple(parts + [99] * (3 - len(parts)))

    @property
    def year(self) -> float:
        """The date as a decimal year, for plotting (mid-month or mid-year when vaguer)."""
        y, m, d = (self.sort_key[0], *[v if v != 99 else None for v in self.sort_key[1:]])
        if m is None:
            return y + 0.5
        return y + (m - 1) / 12 + ((d if d is not None else 15) - 1) / 365

    @property
    def after_oped(self) -> bool:
        return self.date > OPED_DATE


TIMELINE: tuple[Event, ...] = (
    Event("2022-03", "Forecasters: full-scale nuclear war in 2022 unlikely",
          "Metaculus Pro forecasters put the chance of a full-scale nuclear war in 2022 at 0.35%.",
          "estimate", ("metaculus2022",), ("C7",)),
    Event("2022-09", "US intelligence estimate of Russian nuclear use",
          "A 5-10% chance of Russian nuclear use, rising to about 50% if some 30,000 Russian "
          "troops were encircled at Kherson; made public only in October 2024.",
          "estimate", ("woodward2024", "ap2024"), ("C1", "C7")),
    Event("2022-09-25", "US warning of catastrophic consequences",
          "The US national security adviser says any nuclear use would bring catastrophic "
          "consequences for Russia and a decisive answer.",
          "warning", ("sullivan2022",), ("C8", "C9")),
    Event("2022-10-02", "A non-nuclear answer sketched in public",
          "A former US commander describes, as a hypothetical, a NATO conventional attack on "
          "Russian forces in Ukraine and Crimea and on the Black Sea Fleet.",
          "warning", ("petraeus2022",), ("C11",)),
    Event("2022-10-12", "UN General Assembly rejects the annexations",
          "Resolution ES-11/4 declares the attempted annexation of four Ukrainian regions "
          "invalid and calls on states not to recognise it.",
          "law", ("unga2022", "ap2022"), ("C4", "C13")),
    Event("2022-10", "Forecasters: a 9% chance of a hostile detonation in Europe",
          "Swift Centre forecasters give 9% for a hostile nuclear detonation in Europe before "
          "30 April 2023.", "estimate", ("swift2022",), ("C7",)),
    Event("2022-11-09", "Russia orders withdrawal from Kherson city",
          "Russia's defence minister orders troops off the west bank of the Dnipro, giving up "
          "the capital of a region Moscow had declared annexed; no nuclear weapon is used.",
          "battlefield", ("reuters2022",), ("C1", "C4", "C7")),
    Event("2023-02-13", "The op-ed appears",
          "Nederlof and Voorhoeve warn of a 'small' nuclear weapon if Russia is pushed back, and "
          "argue for a conventional answer.", "op-ed", ("nederlof2023",), ()),
    Event("2023-03-25", "Warheads for Belarus announced",
          "Putin announces that Russia will station non-strategic nuclear weapons in Belarus, "
          "with a storage site ready by 1 July and control kept by Russia.",
          "deployment", ("ap2023",), ("C6", "C7")),
    Event("2023-04-30", "A forecast window closes",
          "The Swift Centre question's window closes with no hostile nuclear detonation in "
          "Europe.", "record", ("swift2022",), ("C7",)),
    Event("2023-06-16", "First warheads said to be in Belarus",
          "Putin says the first nuclear warheads have been delivered to Belarus, the rest to "
          "follow by the end of the year. This is his statement; open-source analysts in 2025 "
          "still describe the storage site as nearing completion [kristensen2025].",
          "deployment", ("upi2023", "kristensen2025"), ("C6", "C7")),
    Event("2024-03", "Russia's non-strategic arsenal re-estimated",
          "FAS estimates about 1,558 non-strategic warheads, down from about 1,912 in its "
          "2022 estimate because of changed counting assumptions, not cuts.",
          "record", ("kristensen2024", "kristensen2022"), ("C3",)),
    Event("2024-10-08", "The 2022 estimate made public",
          "AP reports the US intelligence estimate of autumn 2022 from Bob Woodward's book.",
          "record", ("ap2024", "woodward2024"), ("C1", "C7")),
    Event("2024-11-19", "Updated Russian nuclear doctrine",
          "The updated Basic Principles allow nuclear use against conventional aggression that "
          "creates a critical threat to the sovereignty and (or) territorial integrity of "
          "Russia or Belarus, and treat aggression by a non-nuclear state supported by a "
          "nuclear state as a joint attack.",
          "doctrine", ("russia2024",), ("C2", "C4", "C7")),
    Event("2025", "No nuclear use through the latest sources",
          "No use of a nuclear weapon in the war is reported in any of the course's sources, "
          "the latest of which date from 2025. The absence of reports is the evidence here, "
          "not a statement of any one source.",
          "record", ("kristensen2025",), ("C1", "C7", "C14")),
)


@dataclass(frozen=True)
class ClaimVerdict:
    """What the course found about a claim, what happened after the op-ed, and a model answer."""

    claim: str
    found: str
    afterwards: str
    model: str
    why: str
    sources: tuple[str, ...]


VERDICTS: tuple[ClaimVerdict, ...] = (
    ClaimVerdict("C1",
                 "Chapter 05: a first use is one possible path on the ladder; in 2022 US "
                 "intelligence put its chance at 5-10%, far higher if troops were encircled.",
                 "Russia had already left Kherson city (November 2022) without nuclear use; "
                 "after the op-ed, no use was reported through 2025.",
                 "open",
                 "A forecast of a possibility. It did not happen, but one non-event cannot show "
                 "that the danger was small.", ("woodward2024", "reuters2022")),
    ClaimVerdict("C2",
                 "Chapter 02: the doctrine texts name conditions for nuclear use (2020, para 19); "
                 "whether practice lowers the threshold ('escalate to de-escalate') is disputed.",
                 "The 2024 update widens the conventional-aggression condition and adds the "
                 "'joint attack' clause: a lower stated threshold, still a line on paper.",
                 "needs correction",
                 "The texts do draw lines of principle; the op-ed's point is better put as a "
                 "threshold that is vague and has been lowered.",
                 ("russia2020", "russia2024", "oliker2018", "kofman2020")),
    ClaimVerdict("C3",
                 "Chapter 01: at Hiroshima a survey estimate counts about 68,000 civilians killed "
                 "in the city's survey zones (estimates of all deaths run higher); the model "
                 "gives thousands killed by a 10 kt air burst over a town, under "
                 "a hundred over thinly populated front-line land (soldiers not counted).",
                 "Nothing after February 2023 changes the physics; FAS still counts well over a "
                 "thousand Russian non-strategic warheads.",
                 "holds with qualifications",
                 "True where people live; on a thinly populated front the toll can be far lower, "
                 "and 'small' covers yields from under 1 kt to hundreds.",
                 ("glasstone1977", "ota1979", "kristensen2024")),
    ClaimVerdict("C4",
                 "Chapter 02: the Court found use generally contrary to humanitarian law and "
                 "could not decide (7-7, casting vote) the extreme case of state survival; it "
                 "did not call use justifiable then.",
                 "The 2024 doctrine's wording on territorial integrity makes the worry about "
                 "annexed regions more concrete; the General Assembly rejects the annexations.",
                 "needs correction",
                 "The paraphrase of the Court is wrong in a way that matters; the point about "
                 "annexed territory gained weight.",
                 ("icj1996", "unga2022", "russia2024")),
    ClaimVerdict("C5",
                 "Chapter 01: enhanced-radiation weapons give prompt doses that can incapacitate "
                 "crews behind armour at short range; the design figures and armour shielding "
                 "quoted are uncertain.",
                 "No relevant event in the course's sources.",
                 "holds with qualifications",
                 "Right in principle; the doses, ranges and the shielding armour gives are "
                 "uncertain, so chapter 01 shows them as ranges.",
                 ("glasstone1977", "wellerstein2012")),
    ClaimVerdict("C6",
                 "Chapter 03: the UK was reported in 2007 to have no code lock on its submarine "
                 "weapons; France is less documented; for Russia a central code system "
                 "(Cheget/Kazbek) and code locks are reported, and non-strategic warheads sit in "
                 "central storage.",
                 "Moscow stressed it would keep control of the warheads stationed in Belarus.",
                 "needs correction",
                 "The list of countries with code locks is wrong for the UK, and Russia's "
                 "arrangements are less unknown than the op-ed suggests; whether a commander "
                 "could act alone is not known.",
                 ("bbc2007", "tsypkin2004", "podvig2017", "ap2023")),
    ClaimVerdict("C7",
                 "Chapter 05: published estimates in 2022 ran from 0.35% (full-scale nuclear war "
                 "that year) to 5-10% (any Russian use), and about 50% for one extreme case.",
                 "No use through 2025; the threat stayed in view (Belarus, the 2024 doctrine).",
                 "open",
                 "A statement of uncertainty, which the record cannot refute.",
                 ("metaculus2022", "swift2022", "woodward2024")),
    ClaimVerdict("C8",
                 "Chapter 04: the games show why an unanswered red line invites the next "
                 "crossing (reputation), and what answering it costs.",
                 "The occasion did not arise; US warnings of a decisive answer predate the op-ed.",
                 "value judgement",
                 "The dilemma is real; how to weigh credibility against risk is a judgement.",
                 ("sullivan2022", "kreps1982")),
    ClaimVerdict("C9",
                 "Chapter 04: in the decision analysis a protest scores low on restoring "
                 "deterrence, but that score restates the op-ed's own view.",
                 "Untested: no nuclear use occurred to protest against.",
                 "open", "Plausible, but the course has no evidence that could settle it.",
                 ("nederlof2023",)),
    ClaimVerdict("C10",
                 "Chapter 01: a high-altitude burst's pulse reaches to the horizon; Starfish "
                 "Prime (1962) affected Oahu about 1,300 km away. A burst that high leaves no "
                 "local fallout, only a small addition to worldwide delayed fallout.",
                 "No relevant event in the course's sources.",
                 "holds with qualifications",
                 "The danger of the pulse is well founded; 'fallout' needs care: a small global "
                 "addition, not contamination of the area below.", ("glasstone1977",)),
    ClaimVerdict("C11",
                 "Chapter 04: conventional precision strikes rank first with weights read from "
                 "the op-ed, not with hawkish or dovish weights; chapter 05's chain encodes the "
                 "authors' claim that they lower the risk as an assumption.",
                 "The occasion did not arise.",
                 "value judgement",
                 "A defensible recommendation whose ranking rests on how one weighs deterrence "
                 "against escalation risk.", ("petraeus2022", "nederlof2023")),
    ClaimVerdict("C12",
                 "Chapter 04: lifting limits on foreign volunteers ranks third to fifth of seven "
                 "under the preset weights; the op-ed's own caveat (closer to confrontation) is "
                 "built into chapter 05's chain.",
                 "The occasion did not arise.",
                 "value judgement", "An option whose worth depends on the weight of its risk.",
                 ("nederlof2023",)),
    ClaimVerdict("C13",
                 "Chapter 02: the ban on conquest (Charter Art. 2(4)) and humanitarian law are "
                 "binding law; the General Assembly rejected the annexations.",
                 "The annexations remained unrecognised by the General Assembly's majority.",
                 "value judgement",
                 "A normative priority resting on firm law; whether it should come first is the "
                 "reader's judgement.", ("unga2022", "icj1996")),
    ClaimVerdict("C14",
                 "Chapter 05: in the ladder model each rung makes the next likelier; Princeton's "
                 "simulation of a war that begins with one warning shot reaches 34.1 million "
                 "dead within hours.",
                 "No nuclear use through 2025: both sides stayed off the nuclear rungs.",
                 "holds",
                 "As a normative aim it is well supported by what the models and simulations "
                 "show about where the ladder ends.", ("kahn1965", "sgs2019")),
)
_VERDICT = {v.claim: v for v in VERDICTS}


def verdict(claim_id: str) -> ClaimVerdict:
    """The course's finding and model answer for ``claim_id`` (``"C1"`` ... ``"C14"``)."""
    return _VERDICT[claim(claim_id).id]


def timeline(claim_id: str | None = None, *, after_oped: bool | None = None) -> tuple[Event, ...]:
    """Events in date order; optionally only those bearing on ``claim_id`` and/or only those
    before (``after_oped=False``) or after (``True``) 13 February 2023."""
    if claim_id is not None:
        claim(claim_id)
    if after_oped not in (None, True, False):
        raise TypeError(f"after_oped={after_oped!r} must be True, False or None")
    events = sorted(TIMELINE, key=lambda e: e.sort_key)
    return tuple(e for e in events
                 if (claim_id is None or claim_id in e.claims)
                 and (after_oped is None or e.after_oped == after_oped))


def timeline_table() -> Markdown:
    """The timeline as a Markdown table with sources."""
    rows = [[e.date, e.title, e.detail, ", ".join(e.claims) or "—",
             " ".join(f"[{k}]" for k in e.sources)] for e in timeline()]
    return markdown_table(["date", "event", "what happened", "claims", "sources"], rows)


def verdict_table(*, model_answer: bool = True) -> Markdown:
    """Claim by claim: what the chapters found, what happened after February 2023 and (if
    ``model_answer``) the model verdict with its reason."""
    model_answer = check_bool("model_answer", model_answer)
    header = ["claim", "the chapters found", "after February 2023"]
    if model_answer:
        header += ["model verdict", "why"]
    rows = []
    for c in CLAIMS:
        v = _VERDICT[c.id]
        row = [f"**{c.id}** {c.term_en}", v.found, v.afterwards]
        if model_answer:
            row += [f"*{v.model}*", v.why]
        rows.append(row)
    return markdown_table(header, rows)


def options_table() -> Markdown:
    """The verdict options and what each means."""
    return markdown_table(["verdict", "meaning"], [[k, v] for k, v in VERDICT_OPTIONS.items()])


def template() -> dict[str, None]:
    """An empty verdict sheet: ``{"C1": None, ...}``; fill each with a key of
    ``VERDICT_OPTIONS``."""
    return {c.id: None for c in CLAIMS}


def check_verdicts(verdicts) -> dict[str, str | None]:
    """``verdicts`` checked: a dict from claim ids to a verdict option or None (not yet)."""
    if not isinstance(verdicts, dict):
        raise TypeError(f"verdicts={verdicts!r} must be a dict such as {{'C1': 'open'}}")
    for key, value in verdicts.items():
        check_choice("verdicts key", key, [c.id for c in CLAIMS])
        if value is not None:
            check_choice(f"verdicts[{key!r}]", value, VERDICT_OPTIONS)
    return {c.id: verdicts.get(c.id) for c in CLAIMS}


def compare(verdicts) -> Markdown:
    """Your verdicts beside the model answer, with a count of agreements. Disagreeing is
    allowed: the reason column says what the model answer rests on."""
    mine = check_verdicts(verdicts)
    rows, agree, given = [], 0, 0
    for c in CLAIMS:
        v, yours = _VERDICT[c.id], mine[c.id]
        given += yours is not None
        agree += yours == v.model
        mark = "—" if yours is None else ("same" if yours == v.model else "different")
        rows.append([c.id, c.term_en, yours or "*(not yet)*", v.model, mark, v.why])
    table = markdown_table(["claim", "term", "your verdict", "model answer", "", "the model "
                            "answer's reason"], rows)
    return Markdown(f"You gave {given} of {len(CLAIMS)} verdicts; {agree} match the model "
                    f"answer.\n\n{table}")
