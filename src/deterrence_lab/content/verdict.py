"""The verdict: each of the op-ed's fifteen claims against what the chapters found and what
happened afterwards, with a dated timeline of sourced events.

``TIMELINE`` holds the events (2022 warnings and estimates, the Kherson withdrawal, the
op-ed itself, Belarus and the Wagner mutiny in 2023, the leaked Russian files, the Kursk
incursion, the Oreshnik strike and the new doctrine in 2024, the nuclear-testing
statements of 2025 and the expiry of New START in February 2026), each with its source
keys, where in each source, and the claims it bears on. The record stops where the
sources read stop: no source on the war after early March 2026 was found. ``VERDICTS`` holds,
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
                        "settle it, so the verdict says what follows if one accepts its values"),
}

# Normative claims and recommendations are judged by what follows from their values, not by
# whether they "hold": their model verdict is this one, with an ``if_accepted`` reading.
NORMATIVE_VERDICT = "value judgement"

KINDS = ("warning", "estimate", "battlefield", "law", "op-ed", "deployment", "doctrine", "record",
         "arms control")


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
    where: tuple[str, ...] = ()   # per source, where in it (passage or key words)

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
          "troops were encircled at Kherson. Made in 2022 but public only in 2024: CNN reported "
          "the contingency planning in March 2024, Woodward's book the figures in October 2024.",
          "estimate", ("woodward2024", "ap2024"), ("C1", "C7")),
    Event("2022-09-25", "US warning of catastrophic consequences",
          "The US national security adviser says any nuclear use would bring catastrophic "
          "consequences for Russia and a decisive answer.",
          "warning", ("sullivan2022",), ("C8", "C9", "C15")),
    Event("2022-10-02", "A non-nuclear answer sketched in public",
          "A former US commander describes, as a hypothetical, a NATO conventional attack on "
          "Russian forces in Ukraine and Crimea and on the Black Sea Fleet.",
          "warning", ("petraeus2022",), ("C11",)),
    Event("2022-10-12", "UN General Assembly rejects the annexations",
          "Resolution ES-11/4 declares the attempted annexation of four Ukrainian regions "
          "invalid and calls on states not to recognise it.",
          "law", ("unga2022", "ap2022"), ("C4", "C14")),
    Event("2022-10", "Forecasters: a 9% chance of a hostile detonation in Europe",
          "Swift Centre forecasters give 9% for a hostile nuclear detonation in Europe before "
          "30 April 2023.", "estimate", ("swift2022",), ("C7",)),
    Event("2022-10-17", "NATO's nuclear exercise held as planned",
          "NATO's annual exercise Steadfast Noon (17-30 October; 14 countries, up to 60 aircraft, "
          "no live weapons) goes ahead; NATO calls it routine and not linked to current events.",
          "warning", ("deseret2022",), ("C15",),
          ("the announcement of 14 October, as reported: 'not linked to any current world events'",)),
    Event("2022-11-09", "Russia orders withdrawal from Kherson city",
          "Russia's defence minister orders troops off the west bank of the Dnipro, giving up "
          "the capital of a region Moscow had declared annexed; no nuclear weapon is used.",
          "battlefield", ("reuters2022",), ("C1", "C4", "C7")),
    Event("2023-02-13", "The op-ed appears",
          "Nederlof and Voorhoeve warn of a 'small' nuclear weapon if Russia is driven back to "
          "its own country, and argue for a conventional answer.", "op-ed", ("nederlof2023",), ()),
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
    Event("2023-06-24", "Wagner mutiny: a column nears a nuclear storage site",
          "During the Wagner revolt a column broke off towards Voronezh-45, a storage site of the "
          "12th Main Directorate; Reuters tracked it to about 100 km of the base (the Moscow "
          "Times says 110 km) and could not confirm what happened next. A Ukrainian claim that "
          "fighters reached the base is uncorroborated; Western officials said the stockpile was "
          "never at risk.",
          "record", ("reuters2023", "moscowtimes2023"), ("C6",),
          ("lead paragraphs: 'about 100 km from the nuclear base, Voronezh-45'",
           "'75-vehicle Wagner column'; 'as close as 110 kilometers'")),
    Event("2024-02-28", "Leaked Russian files: a lower threshold than published",
          "The Financial Times reports 29 secret Russian military documents of 2008-2014 (war "
          "games, naval training) that rehearse tactical nuclear use at thresholds lower than "
          "Russia has publicly admitted, from an enemy landing on Russian territory to set "
          "losses of ships, airfields or submarines. Training material, not declared policy.",
          "doctrine", ("seddon2024", "moscowtimes2024"), ("C1", "C2"),
          ("opening paragraphs: 'lower than Russia has ever publicly admitted'",
           "paragraphs 3-4: the listed triggers")),
    Event("2024-03", "Russia's non-strategic arsenal re-estimated",
          "FAS estimates about 1,558 non-strategic warheads, down from about 1,912 in its "
          "2022 estimate because of changed counting assumptions, not cuts.",
          "record", ("kristensen2024", "kristensen2022"), ("C3",)),
    Event("2024-03-09", "US planning of late 2022 made public",
          "CNN reports that from late summer to autumn 2022 the US prepared 'rigorously' for a "
          "possible Russian nuclear strike in Ukraine, on new intelligence, with contingency "
          "plans to deter and to respond.",
          "record", ("sciutto2024",), ("C1", "C7", "C8"),
          ("opening paragraphs: 'preparing rigorously'; 'from late summer to fall 2022'",)),
    Event("2024-06-01", "Dutch F-35As take over the NATO nuclear task",
          "The Dutch defence ministry announces that from 1 June one F-35 squadron at Volkel "
          "carries the Netherlands' nuclear task within NATO, taking over from the F-16; the "
          "release says nothing of weapons at the base.",
          "deployment", ("defensie2024",), ("C15",),
          ("first paragraphs: 'Vanaf 1 juni neemt'; 'Dual-Capable Aircraft'",)),
    Event("2024-08-06", "Ukraine's incursion into Kursk",
          "Ukrainian regular forces cross into Russia's Kursk region near Sudzha and hold "
          "Russian territory for months. Moscow answers with conventional forces and no nuclear "
          "move: the nearest the record comes to the op-ed's "
          "condition of Russia 'driven back to its own country', though a limited one.",
          "battlefield", ("politico2024", "sokov2024"), ("C1", "C7"),
          ("'attempted border breakthroughs'; 'regular Ukrainian forces'",
           "opening paragraphs, on speculation about nuclear use and the Kharkiv comparison")),
    Event("2024-10-08", "The 2022 estimate made public",
          "AP reports the US intelligence estimate of autumn 2022 from Bob Woodward's book.",
          "record", ("ap2024", "woodward2024"), ("C1", "C7"),
          ("lead: '50% chance that Putin would use tactical nukes'", "as reported by AP")),
    Event("2024-11-19", "Updated Russian nuclear doctrine",
          "The updated Basic Principles allow nuclear use against conventional aggression that "
          "creates a critical threat to the sovereignty and (or) territorial integrity of "
          "Russia or Belarus, and treat aggression by a non-nuclear state supported by a "
          "nuclear state as a joint attack.",
          "doctrine", ("russia2024",), ("C2", "C4", "C7")),
    Event("2024-11-21", "Oreshnik strike on Dnipro",
          "Russia strikes the Pivdenmash plant in Dnipro with a new nuclear-capable "
          "intermediate-range missile carrying conventional warheads; Putin presents it as a "
          "test and a warning to states whose weapons strike Russia. The US was notified shortly "
          "before through the nuclear risk-reduction channel. Sources differ on the missile: "
          "Ukraine's Air Force first said an intercontinental missile, the Pentagon an "
          "experimental one.",
          "warning", ("babel2024", "tass2024"), ("C7", "C12"),
          ("'targeted the Pivdenmash plant'; US officials: 'experimental'",
           "'pre-notified briefly before the launch'; 'Nuclear Risk Reduction channels'")),
    Event("2025-03-16", "Ukraine withdraws from Sudzha",
          "Ukraine's General Staff confirms the withdrawal from Sudzha, the incursion's "
          "logistics hub.",
          "battlefield", ("kyivindependent2025",), ("C1",),
          ("opening paragraph: 'withdrawal from the logistics hub of Sudzha'",)),
    Event("2025-04-26", "Russia claims Kursk retaken; Ukraine denies",
          "Russia's chief of the General Staff reports the Kursk region fully retaken; "
          "Ukraine's General Staff denies it the same day, saying operations continue in parts "
          "of the region. The sources conflict.",
          "battlefield", ("moscowtimes2025", "abcnews2025"), ("C1",),
          ("'the village of Gornal, has been liberated'",
           "'in certain areas in the Kursk region continues'")),
    Event("2025-09-22", "Russia offers to keep New START limits for a year",
          "Putin offers that Russia keep to New START's central limits for one year after "
          "expiry if the US does the same; on 5 October President Trump calls it a good "
          "idea.",
          "arms control", ("reuters2025",), ("C12",),
          ("'sounds like a good idea to me'; recalls the offer of 22 September",)),
    Event("2025-11-05", "Testing statements on both sides",
          "After President Trump's instruction (29/30 October, dates differ by time zone) to "
          "begin testing 'on an equal basis', the US energy secretary says the planned tests are "
          "not nuclear explosions (2 November); Putin then asks his ministries for proposals on "
          "possibly preparing nuclear tests, while saying Russia would test only if the US did. "
          "Russia had announced flight tests of the nuclear-powered Burevestnik and Poseidon in "
          "October. No nuclear explosive test is reported.",
          "arms control", ("japantimes2025", "tass2025", "liang2025"), ("C12",),
          ("'These are not nuclear explosions'; 'noncritical explosions'",
           "'potential start of preparations for nuclear weapons tests'",
           "'first long-range flight test of the Burevestnik'")),
    Event("2026-02-05", "New START expires",
          "The last US-Russian treaty limiting strategic forces lapses; the Kremlin regrets it, "
          "says no formal US answer to its offer came, and promises a 'responsible' approach. "
          "Experts had put the end at 4 February; the sources differ by a day.",
          "arms control", ("reuters2026",), ("C12",),
          ("'Today the day will end'; 'We view this negatively and express our regret'",)),
    Event("2026-02", "No nuclear use; talks without a ceasefire",
          "Through the latest sources read (late February 2026) no use of a nuclear weapon in "
          "the war is reported, and US-brokered talks continue without a ceasefire; Russia says "
          "it has 'no deadlines'. The absence of reports is the evidence here, not a statement "
          "of any one source; no reliable source on the war after early March 2026 was found.",
          "record", ("afp2026", "kristensen2025"), ("C1", "C7", "C12", "C15"),
          ("'We have no deadlines, we have tasks'", "the 2025 survey of forces and storage")),
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
    if_accepted: str = ""   # normative claims and recommendations: what follows from the values


VERDICTS: tuple[ClaimVerdict, ...] = (
    ClaimVerdict("C1",
                 "Chapter 05: a first use is one possible path on the ladder; US intelligence "
                 "put its chance at 5-10% in autumn 2022, far higher if troops were encircled "
                 "(figures made public in 2024).",
                 "The condition - Russian forces driven back to their own country - never arose. "
                 "The nearest test ran the other way: Ukraine held part of Russia's Kursk region "
                 "from August 2024 into spring 2025, and Moscow answered conventionally. No "
                 "nuclear use was reported through February 2026.",
                 "open",
                 "Its condition was never met, so the forecast was never tested; Kursk is a "
                 "partial test (a limited incursion, not a rout), and one non-event cannot show "
                 "that the danger was small.",
                 ("woodward2024", "reuters2022", "politico2024", "sokov2024", "afp2026")),
    ClaimVerdict("C2",
                 "Chapter 02: the published texts name conditions for nuclear use (2020, para "
                 "19); Kofman & Fink read such texts as signalling documents, not a full account "
                 "of military thinking, and whether practice lowers the threshold ('escalate to "
                 "de-escalate') is disputed.",
                 "Leaked military files of 2008-2014 (Financial Times, 28 February 2024) rehearse "
                 "tactical nuclear use at thresholds lower than the published ones, down to an "
                 "enemy landing on Russian soil; the 2024 update lowers the published threshold "
                 "too.",
                 "holds with qualifications",
                 "The op-ed speaks of military thinking, not declared policy: at that level the "
                 "leaked training material supports it. The published doctrine does draw lines, "
                 "and the files are a decade old and say nothing of what a political leader would "
                 "decide.",
                 ("russia2020", "russia2024", "oliker2018", "kofman2020", "seddon2024")),
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
                 "Right in principle, though the harm is a radiation dose rather than the heat "
                 "'scorch' suggests; the doses, ranges and the shielding armour gives are "
                 "uncertain, so chapter 01 shows them as ranges.",
                 ("glasstone1977", "wellerstein2012")),
    ClaimVerdict("C6",
                 "Chapter 03: the UK was reported in 2007 to have no code lock on its submarine "
                 "weapons; France documents order-authentication codes, while locks on its weapons "
                 "are only reported; Russia's Cheget/Kazbek system is documented for strategic "
                 "forces, and non-strategic warheads sit in central storage, their release path "
                 "undocumented.",
                 "Moscow stressed it would keep control of the warheads stationed in Belarus. In "
                 "the Wagner mutiny (June 2023) a column neared a storage site; what stood in its "
                 "way was custody (closed stores, disassembled weapons), not a code.",
                 "needs correction",
                 "Read as 'is meant to ensure', the purpose is right, but the UK meets it by "
                 "procedures, not a code lock; Russia's arrangements are less unknown than the "
                 "op-ed suggests; whether a commander could act alone is not known.",
                 ("bbc2007", "tsypkin2004", "podvig2017", "ap2023", "reuters2023")),
    ClaimVerdict("C7",
                 "Chapter 05: estimates made in 2022 ran from 0.35% (full-scale nuclear war that "
                 "year) to 5-10% (any Russian use), and about 50% for one extreme case; the US "
                 "intelligence figures became public only in 2024 (CNN, March; Woodward's War, "
                 "October).",
                 "No use through February 2026; the threat stayed in view (Belarus, the 2024 "
                 "doctrine, the Oreshnik strike with its nuclear signalling).",
                 "open",
                 "A statement of uncertainty, which the record cannot refute.",
                 ("metaculus2022", "swift2022", "woodward2024", "sciutto2024")),
    ClaimVerdict("C8",
                 "Chapter 04: the games show why an unanswered red line invites the next "
                 "crossing (reputation), and what answering it costs.",
                 "The occasion did not arise; US warnings of a decisive answer predate the op-ed, "
                 "and CNN reported in 2024 that the US had planned its answer in late 2022.",
                 NORMATIVE_VERDICT,
                 "The dilemma is real; how to weigh credibility against risk is a judgement.",
                 ("sullivan2022", "kreps1982", "sciutto2024"),
                 if_accepted="If credibility towards Moscow and onlookers in Asia and the Middle "
                             "East is worth some risk, an answer is owed, and it must work "
                             "'at once': that yardstick rules out answers whose effect comes "
                             "only in months."),
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
                 "Chapters 04-05, on one option table: whether the strikes lower the risk of "
                 "further nuclear use depends on their climbing factor, which runs from the "
                 "op-ed's claim (they lower it) to the entanglement pathway (strikes on arsenals "
                 "and communication centres as a stated ground for nuclear use); the breakeven "
                 "lies inside that range. With the op-ed's weights read as direct weights the "
                 "large conventional attack ranks first and the strikes second; read as swing "
                 "weights, the strikes rank first.",
                 "The occasion did not arise.",
                 NORMATIVE_VERDICT,
                 "A defensible recommendation whose ranking rests on how one weighs deterrence "
                 "against escalation risk.",
                 ("petraeus2022", "nederlof2023", "russia2020", "posen1991", "acton2018"),
                 if_accepted="If one accepts the authors' weights - stop use at once, avoid the "
                             "ladder (C12), spare civilians - strikes on arsenals and "
                             "communication centres follow; if one fears that striking nuclear "
                             "sites is itself a rung (Russia's 2020 doctrine lists attacks on "
                             "sites that undermine its nuclear response), they do not."),
    ClaimVerdict("C12",
                 "Chapter 05: in the ladder model each rung makes the next likelier; Princeton's "
                 "Plan A, a simulation that begins with one warning shot, reaches 34.1 million "
                 "dead within hours - a scenario its authors do not offer as a forecast.",
                 "No nuclear use through February 2026; both sides kept to signalling (the "
                 "Oreshnik strike, testing statements) while New START lapsed.",
                 NORMATIVE_VERDICT,
                 "A normative aim with an empirical premise: that the ladder can end in horrible "
                 "destruction is well supported by the effects models and by Plan A as a "
                 "scenario; how likely that end is, no model settles.",
                 ("kahn1965", "sgs2019", "reuters2026"),
                 if_accepted="If avoiding the ladder's end outweighs the other goals, every "
                             "answer must be judged by the escalation it risks: this is the "
                             "reason the op-ed gives for conventional strikes (C11), and the "
                             "same test applies to them."),
    ClaimVerdict("C13",
                 "Chapter 04: lifting limits on foreign volunteers ranks third to fifth of eight "
                 "under the preset weights; the op-ed's own caveat (closer to confrontation) is "
                 "built into chapter 05's chain.",
                 "The occasion did not arise.",
                 NORMATIVE_VERDICT, "An option whose worth depends on the weight of its risk.",
                 ("nederlof2023",),
                 if_accepted="If help with defensive weapons is weighed as the authors weigh it - "
                             "a risk worth taking for the values of C14 - it stays on the list; "
                             "the concession that it brings helpers closer to confrontation is "
                             "the authors' own."),
    ClaimVerdict("C14",
                 "Chapter 02: the ban on conquest (Charter Art. 2(4)) and humanitarian law are "
                 "binding law; the General Assembly rejected the annexations.",
                 "The annexations remained unrecognised by the General Assembly's majority; in "
                 "early 2026 Russia still demanded the rest of Donetsk in talks.",
                 NORMATIVE_VERDICT,
                 "A normative priority resting on firm law; whether it should come first is the "
                 "reader's judgement.", ("unga2022", "icj1996", "afp2026"),
                 if_accepted="If self-determination and the ban on conquest are overriding, some "
                             "escalation risk must be borne to uphold them - which is why the "
                             "op-ed, having urged restraint, keeps answers that bring helpers "
                             "closer to confrontation."),
    ClaimVerdict("C15",
                 "Chapter 04: a threat deters if it is credible; the damage promised here is the "
                 "conventional answer of C11 and the other answers of C13 - a threat of "
                 "punishment without nuclear weapons.",
                 "No Russian nuclear use through February 2026. US warnings of 'catastrophic "
                 "consequences' in 2022 made the same kind of threat; whether they deterred "
                 "cannot be observed.",
                 "open",
                 "The authors' own deterrence-by-punishment message. Restraint was observed, but "
                 "many causes could explain it; the record cannot show that this threat worked.",
                 ("sullivan2022", "ap2024", "afp2026")),
)
_VERDICT = {v.claim: v for v in VERDICTS}


def verdict(claim_id: str) -> ClaimVerdict:
    """The course's finding and model answer for ``claim_id`` (``"C1"`` ... ``"C15"``)."""
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
    def cited(e):
        if not e.where:
            return " ".join(f"[{k}]" for k in e.sources)
        return "; ".join(f"[{k}] {w}" for k, w in zip(e.sources, e.where))

    rows = [[e.date, e.title, e.detail, ", ".join(e.claims) or "—", cited(e)]
            for e in timeline()]
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
            why = v.why + (f" *If one accepts its values:* {v.if_accepted}" if v.if_accepted
                           else "")
            row += [f"*{v.model}*", why]
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
    table = markdown_table(["claim", "term", "your verdict", "model answer", "yours and the model's",
                            "the model answer's reason"], rows)
    return Markdown(f"You gave {given} of {len(CLAIMS)} verdicts; {agree} match the model "
                    f"answer.\n\n{table}")


# --- A Dutch perspective -----------------------------------------------------------------------
# What the Netherlands' place in NATO nuclear sharing means for the op-ed's recommendations. The
# facts themselves (with their confidence labels) live in the chapter 03 profile ``nato_nl``;
# these rows say what follows from them for each claim.
NETHERLANDS_IMPLICATIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("C10", "A nuclear 'demonstration' made by NATO rather than by the US alone would go through "
            "NATO's nuclear decision-making, which needs unanimity: Dutch consent, and possibly "
            "Dutch aircraft, would be part of it. A US-only burst would not need them.",
     ("tweedekamer2020",)),
    ("C11", "Conventional strikes on arsenals and communication centres need no shared nuclear "
            "weapons; but Russia's 2024 doctrine treats aggression supported by a nuclear state "
            "as a joint attack, so allies that take part or help are inside the risk, whichever "
            "weapons are used.", ("russia2024",)),
    ("C13", "'Helping states' brought closer to confrontation include the Netherlands: a supplier "
            "to Ukraine and, by public report, host of US weapons at Volkel, a fact the government "
            "neither confirms nor denies.", ("rtl2022", "tweedekamer2020")),
    ("C15", "The damage the authors warn Moscow of would be inflicted by the US and its allies; "
            "NATO's nuclear sharing, exercised as planned in October 2022 and carried by Dutch "
            "F-35As since June 2024, is part of what makes such a warning credible - and part of "
            "what Moscow could target.", ("deseret2022", "defensie2024")),
)


def netherlands_perspective() -> Markdown:
    """The Dutch role in NATO nuclear sharing as the public sources give it (official, neither
    confirmed nor denied, reported), and what it means for the op-ed's recommendations."""
    from ..models import command

    profile = command.get_profile("nato_nl")
    heading = {"documented": "official or documented", "reported": "reported, not confirmed",
               "unknown": "not public"}
    facts = [[f.topic, f.finding, heading[f.confidence],
              f"[{f.source}, {f.where}]" if f.where else f"[{f.source}]"]
             for f in profile.features]
    rows = [[f"**{cid}** {claim(cid).term_en}", text, " ".join(f"[{k}]" for k in keys)]
            for cid, text, keys in NETHERLANDS_IMPLICATIONS]
    return Markdown("**What the public sources say**\n\n"
                    + markdown_table(["topic", "finding", "status", "source"], facts)
                    + "\n\n**What it means for the op-ed's recommendations**\n\n"
                    + markdown_table(["claim", "the Dutch dimension", "sources"], rows))

