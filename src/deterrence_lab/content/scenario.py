"""The crisis seminar's scenario as data: formats, premises, teams and their briefs, moves,
inject cards, run sheets, the white cell's guide and the places on the map (chapter 06).

The game engine (:mod:`deterrence_lab.models.seminar`) reads this module; the notebook,
the printable kit (``deterrence-lab build-kit``) and the instructor guide show it. A fact
about the real world carries a source key; everything else here is the scenario's
invention, written for teaching, and says so where a reader could mistake it for fact.

Two formats, chosen before play and recorded in every game:

* **Day After** (one session of 90 minutes): the game opens on a reported Russian nuclear
  use, a stated premise with its place on Kahn's ladder; the teams decide the answer. The
  format follows the policy exercises of RAND's "The Day After..." study, in which teams
  receive a scenario that already contains a nuclear use [millot1993].
* **Pre-crisis** (two sessions of 90 minutes): the crisis opens in conventional war; a
  nuclear detonation happens only if the escalation chain draws one. If none is drawn,
  that is a result of the game, and the debrief treats it as one.

How a move acts on the chain (a teaching rule, the same on paper and on screen): each move
carries *pressure* points (each point multiplies the chance of climbing a rung by
``PRESSURE_STEP`` and divides the chance of stepping down by it) and *talk* points (each
multiplies the chance of settling by ``TALK_STEP``). The round's points are summed over
the teams and clipped to ``PRESSURE_LIMITS`` and ``TALK_LIMITS``, so a d100 table indexed
by state, Washington's answer and the two sums reproduces the chain exactly. Washington's
answers after a nuclear use carry no points of their own: their effect is the course's
one option table.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .sources import TEACHING_ASSUMPTION

# --------------------------------------------------------------------------------------
# How moves act on the chain
# --------------------------------------------------------------------------------------
PRESSURE_STEP = 1.15
TALK_STEP = 1.25
PRESSURE_LIMITS = (-3, 3)
TALK_LIMITS = (0, 2)
POINTS_REASON = (
    "Teaching assumption. One point of pressure changes the chance of climbing by 15% of "
    "itself (and of stepping down by the inverse), one point of talk the chance of settling "
    "by 25%: small enough that no single team decides the round, large enough that a room "
    "pulling one way is felt. The sums are clipped (pressure -3 to +3, talk 0 to +2) so the "
    "paper tables stay short; the clip means a room cannot push the chance of climbing "
    "above about 1.5 times or below about 0.66 times the chain's own rate.")


# --------------------------------------------------------------------------------------
# Formats and premises
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Format:
    """A way to run the seminar: its length, sessions, rounds and where the crisis starts."""

    key: str
    name: str
    minutes: int
    sessions: int
    rounds: int
    summary: str
    debrief: str
    source: str = TEACHING_ASSUMPTION


FORMATS: dict[str, Format] = {f.key: f for f in (
    Format("day_after", "Day After", 90, 1, 3,
           "One session of 90 minutes. The game opens on a reported Russian nuclear use: a "
           "stated premise, not a forecast. The teams decide the answer over three rounds.",
           "Ask what the teams decided and why, what they knew and did not know, and how "
           "much of the ending was chance (the same moves replayed with other seeds).",
           source="millot1993"),
    Format("pre_crisis", "Pre-crisis", 180, 2, 6,
           "Two sessions of 90 minutes. The crisis opens in conventional war. A nuclear "
           "detonation happens only if the escalation chain draws one; most games, played "
           "with restraint, never reach it.",
           "If no detonation was drawn, that is the game's result: ask which decisions kept "
           "the chance low, how low it was, and whether the room would have behaved "
           "differently had it been told the premise of the op-ed in advance."),
)}
FORMAT_KEYS: tuple[str, ...] = tuple(FORMATS)


@dataclass(frozen=True)
class Premise:
    """The Day After format's opening: a reported nuclear use, placed on Kahn's ladder.

    ``start_state`` is the compact ladder's state (chapter 05) that contains ``kahn_rung``.
    """

    key: str
    title: str
    kahn_rung: int
    start_state: str
    announcement: str
    white_cell_knows: str


PREMISES: dict[str, Premise] = {p.key: p for p in (
    Premise(
        "strike_on_troops", "A reported nuclear strike on Ukrainian forces", 23,
        "battlefield_use",
        "Early this morning a single nuclear detonation was reported near the front in "
        "Zaporizhzhia oblast, where Ukrainian forces with Western tanks were advancing into "
        "the part Moscow claims to have annexed. Ukrainian officials speak of a strike on an "
        "assembly area of their troops; casualty figures are incomplete and contradict each "
        "other. The yield is not known: first estimates range from about 1 to 50 kilotons. "
        "Moscow has not commented. On Kahn's ladder a nuclear strike on military forces is "
        "rung 23, 'local nuclear war - military', above the 'no nuclear use' threshold; the "
        "course's compact ladder counts it as 'limited battlefield nuclear use' (rungs "
        "22-25).",
        "The strike was aimed at a Ukrainian brigade's assembly area; Moscow's team knows "
        "this and the yield band (low kilotons). Whether casualties were in the hundreds or "
        "the thousands is not known to anyone in the first round."),
    Premise(
        "demonstrative_shot", "A reported demonstrative detonation", 21,
        "first_use",
        "Early this morning a single nuclear detonation was reported over an almost empty "
        "area far from towns, south of the front. No military target is known to have been "
        "hit; the yield is not known (first estimates from about 1 to 50 kilotons). Moscow "
        "has not commented. On Kahn's ladder a single use meant as an example or a warning is "
        "rung 21, 'local nuclear war - exemplary', the first rung above the 'no nuclear use' "
        "threshold; the course's compact ladder calls it 'a single demonstrative nuclear "
        "use'.",
        "The detonation was chosen to avoid casualties and to be seen. Moscow's team knows "
        "this; no other team does in the first round."),
)}
PREMISE_KEYS: tuple[str, ...] = tuple(PREMISES)
DEFAULT_PREMISE = "strike_on_troops"


# --------------------------------------------------------------------------------------
# Stages: what the white cell announces at the start of a round
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Stage:
    key: str
    title: str
    situation: str


STAGES: dict[str, Stage] = {s.key: s for s in (
    Stage("stall", "The offensive stalls",
          "Russia's offensive has lost momentum and the first Western-supplied tanks are "
          "reaching Ukrainian units. Moscow's officials speak of using every means to defend "
          "Russia. Each team decides its line for the coming weeks."),
    Stage("counteroffensive", "A counter-offensive threatens annexed territory",
          "Ukrainian forces advance into the occupied part of Zaporizhzhia oblast, which "
          "Moscow declared annexed in 2022. Russian forces there risk being cut off."),
    Stage("war_goes_on", "The war goes on",
          "The fighting continues along the front. No nuclear weapon has been used. Each "
          "team reviews its line: the white cell reads the state of play and the injects."),
    Stage("detonation_drawn", "A nuclear detonation is reported",
          "The chain has drawn a first nuclear use. A single nuclear detonation is reported "
          "south of the front, away from towns: by Kahn's ladder an exemplary use (rung 21), "
          "meant as a warning. Its yield (first estimates 1 to 50 kilotons) and whether any "
          "unit was hit are not yet known. Each team chooses its first answer."),
    Stage("answers", "Answers and their consequences",
          "The last answers are known. The white cell reports where the crisis stands; "
          "teams choose their next move."),
    Stage("premise", "The day after", ""),   # the premise's announcement is the situation
)}
FIRST_STAGES = {"pre_crisis": ("stall", "counteroffensive")}


# --------------------------------------------------------------------------------------
# Teams, briefs and roles
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Role:
    """A role card: who you are in the team and what you do in a round."""

    title: str
    task: str


COMMON_ROLES: tuple[Role, ...] = (
    Role("Lead", "States the team's decision to the white cell and signs the decision form. "
         "Makes the final call when the team is split, and says so."),
    Role("Legal adviser", "Checks each option against the law (chapter 02): who acts, against "
         "whom, and which of the Court's findings apply. Writes one line on the form."),
    Role("Military and effects adviser", "Explains what a move does on the ground and what a "
         "detonation does to people (chapters 01 and 03). Never guesses numbers: reads them "
         "from the white cell's report or the chapter."),
    Role("Risk analyst", "Follows the escalation chain (chapters 04 and 05): reads the "
         "probabilities in the white cell's report and says what the team's move does to them."),
    Role("Recorder and messenger", "Writes the decision form and the team's messages, carries "
         "messages to other teams, keeps the team's log for the debrief."),
)


@dataclass(frozen=True)
class Team:
    """A team of the role-play and its private brief; ``actor`` is its colour in figures."""

    key: str
    name: str
    actor: str
    plays: str
    situation: str
    interests: tuple[str, ...]
    red_lines: tuple[str, ...]
    private: tuple[str, ...]
    chapters: tuple[str, ...]
    sources: tuple[str, ...] = ()
    observer: bool = False
    optional: bool = False
    extra_roles: tuple[Role, ...] = field(default=())

    @property
    def brief(self) -> str:
        """The brief's first paragraph (the situation), for short tables."""
        return self.situation

    @property
    def roles(self) -> tuple[Role, ...]:
        return COMMON_ROLES + self.extra_roles


TEAMS: tuple[Team, ...] = (
    Team("moscow", "Moscow", "russia",
         "the Russian leadership: head of state, defence and general staff, foreign ministry",
         "Your offensive has stalled and Western tanks are reaching Ukraine. You have declared "
         "four Ukrainian regions Russian; most states reject that [unga2022]. Your published "
         "doctrine ties nuclear use to stated conditions, and its wording changed in 2024 "
         "(chapter 02) [russia2020] [russia2024]. You do not know how far Washington would go "
         "in answering a nuclear use, nor how united NATO is.",
         ("Keep the regions you claim, or at least avoid a visible defeat there.",
          "Keep China and other partners from turning against you.",
          "Avoid a direct war with NATO, which you would not control."),
         ("A collapse of your front in the regions you claim.",
          "NATO forces fighting openly in Ukraine.",
          "Strikes on your nuclear forces or the systems that command them."),
         ("In the Day After format you know what was hit and the yield band; no other team "
          "does. Tell them only what you choose to.",
          "Your General Staff doubts that Western precision strikes could be kept limited: "
          "you would read strikes on arsenals or communication sites as an attack on your "
          "nuclear forces.",
          "Some of your officials would welcome talks if they could be presented as "
          "Western concessions."),
         ("02 The law: the doctrine texts", "03 Who holds the key",
          "05 The escalation ladder"),
         sources=("unga2022", "russia2020", "russia2024")),
    Team("washington", "Washington", "us_nato",
         "the US President and National Security Council, with legal and military advisers",
         "You have warned Moscow in public that any nuclear use would have catastrophic "
         "consequences [sullivan2022]. You are not attacked yourself, but allies in Europe "
         "and Asia watch whether a red line holds (chapter 04). You do not know how firmly "
         "Moscow holds its threats, or who controls its non-strategic warheads (chapter 03).",
         ("Stop any further nuclear use at once.",
          "Keep the alliance together and Ukraine standing.",
          "Avoid a nuclear exchange with Russia."),
         ("A second Russian nuclear use.",
          "An attack on NATO territory.",
          "Being drawn into an answer your allies refuse to back."),
         ("Your intelligence can narrow the yield estimate within a round of a detonation; "
          "the white cell hands you the estimate before it reaches the others.",
          "You have a direct line to Moscow (the hotline inject): only your lead and "
          "Moscow's lead use it.",
          "Your military has drawn up the conventional options of chapter 04, with their "
          "risks; the op-ed's preferred one is among them [nederlof2023]."),
         ("04 The dilemma", "05 The escalation ladder", "02 The law: self-defence"),
         sources=("sullivan2022", "nederlof2023")),
    Team("kyiv", "Kyiv", "ukraine",
         "the Ukrainian government and armed forces",
         "Your forces, now with Western tanks, can push towards occupied land that Moscow "
         "calls Russian. Your aim is to restore your borders; you depend on Western arms and "
         "political support. You cannot know whether an advance will provoke a nuclear use.",
         ("Restore Ukraine's borders.",
          "Keep Western support, military and political.",
          "Protect your people and your soldiers."),
         ("A ceasefire that freezes the occupation of your land.",
          "Being left to face a nuclear threat alone."),
         ("Your units report from the front before anyone else: in the Day After format you "
          "learn first how many of your soldiers were in the area.",
          "Your commanders think the counter-offensive could reach the coast within weeks if "
          "supplies keep coming."),
         ("01 Small weapons, large effects", "02 The law: the annexed regions",
          "00 The argument"),
         sources=()),
    Team("nato_europe", "NATO Europe", "us_nato",
         "European allies acting through NATO and the EU",
         "You supply arms and impose sanctions. Your territory is closest to the fighting and "
         "would be the first touched by a wider war. You weigh solidarity with Ukraine and "
         "Washington against the risk of escalation, and your governments do not all agree.",
         ("Keep the war from spreading to allied territory.",
          "Keep the alliance united behind one answer.",
          "Support Ukraine within limits your parliaments accept."),
         ("Any attack on allied territory.",
          "An answer decided in Washington without consultation."),
         ("Your governments are split: some want a firm military answer, others want the "
          "answer to stay non-military. The white cell tells your lead how the split runs.",
          "The North Atlantic Council can be called into session (an inject); it decides by "
          "consensus."),
         ("04 The dilemma", "05 The escalation ladder", "01 Small weapons: fallout and EMP"),
         sources=()),
    Team("beijing", "Beijing", "other",
         "China: may issue statements and talk to any team, takes no military action",
         "You watch how a nuclear threshold is handled in Europe, with an eye on Asia. You "
         "take no military action; your statements and contacts can still carry weight in "
         "Moscow.",
         ("Keep the nuclear threshold intact.",
          "Keep your partnership with Moscow and your trade with Europe.",
          "Be seen as a responsible power."),
         ("A nuclear exchange that damages the world economy.",
          "A precedent that nuclear threats pay."),
         ("Moscow has privately asked you to stay silent for a week; nobody else knows.",),
         ("00 The argument", "05 The escalation ladder"),
         observer=True),
    Team("den_haag", "Den Haag", "us_nato",
         "the Dutch government (optional team): a European ally's view from The Hague",
         "The Netherlands is a NATO ally and an EU member; the authors of the op-ed are a "
         "former Dutch ambassador for nuclear security and a former Dutch minister of "
         "defence [nederlof2023]. The Netherlands has a nuclear task within NATO, flown since "
         "June 2024 by one squadron of F-35A aircraft at Volkel [defensie2024]; NATO's nuclear "
         "decisions need unanimity, so they need Dutch consent, and the government neither "
         "confirms nor denies where US weapons are kept [tweedekamer2020]. The International "
         "Court of Justice, whose 1996 opinion the op-ed cites, sits in The Hague [icj1996].",
         ("Hold on to Ukraine's self-determination and the ban on conquest and war crimes, "
          "which the op-ed calls of overriding importance [nederlof2023].",
          "An answer that keeps to international law and can be defended in parliament.",
          "Alliance unity, without being drawn into a nuclear answer you have not agreed to."),
         ("A Western answer that breaks the law of armed conflict.",
          "A NATO nuclear answer decided without your consent.",
          "Dutch forces committed without a parliamentary debate."),
         ("Any nuclear answer through NATO needs your government's consent [tweedekamer2020]: "
          "in the North Atlantic Council sub-round you can block it, and others know that only "
          "if you say so.",
          "Your parliament has asked for a debate before any military answer; the white "
          "cell tells you when it is scheduled.",
          "You can offer The Hague as a venue for talks."),
         ("00 The argument", "02 The law", "03 Who holds the key: the Dutch section",
          "04 The dilemma"),
         sources=("nederlof2023", "defensie2024", "tweedekamer2020", "icj1996"),
         optional=True,
         extra_roles=(Role("Parliamentary liaison", "Reports what parliament will accept and "
                           "asks the team to justify its line in one sentence a member of "
                           "parliament would understand."),)),
)
TEAM_KEYS: tuple[str, ...] = tuple(t.key for t in TEAMS)
DEFAULT_TEAMS: tuple[str, ...] = tuple(t.key for t in TEAMS if not t.optional)
REQUIRED_TEAMS = ("moscow", "washington")


# --------------------------------------------------------------------------------------
# Moves
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MoveData:
    """A choice open to a team, with its pressure and talk points and the reason for them."""

    key: str
    label: str
    reason: str
    pressure: int = 0
    talk: int = 0
    source: str = TEACHING_ASSUMPTION


def _m(key, label, reason, pressure=0, talk=0):
    return MoveData(key, label, reason, pressure, talk)


# "west_answers": Washington's menu after a nuclear use is the option table (no points).
WEST_ANSWERS = "option table"

MOVES: dict[str, dict] = {
    "before": {
        "moscow": (
            _m("press_offensive", "Press on with conventional forces",
               "Keeps the war where it is; adds no new step towards the nuclear threshold."),
            _m("nuclear_signals", "Raise nuclear alerts and issue threats",
               "Threats are a step up the ladder by themselves (Kahn's 'nuclear ultimatums' "
               "rung) and make stepping back costlier.", pressure=2),
            _m("seek_talks", "Signal readiness for talks",
               "Opens a way off the ladder.", pressure=-1, talk=2)),
        "washington": (
            _m("arm_ukraine", "Keep arming Ukraine, including tanks",
               "Strengthens Ukraine's push, which Moscow may read as raising the stakes.",
               pressure=1),
            _m("private_warning", "Warn Moscow privately of catastrophic consequences",
               "The public warning of September 2022 [sullivan2022], repeated in private and "
               "in detail: meant to deter the next step.", pressure=-1),
            _m("press_for_talks", "Press both sides towards talks",
               "Lowers the temperature, but may read as wavering.", pressure=-1, talk=1)),
        "kyiv": (
            _m("advance", "Push on towards the annexed regions",
               "Threatens land Moscow calls its own: the op-ed's trigger [nederlof2023].",
               pressure=1),
            _m("hold_lines", "Consolidate and hold the lines",
               "Less pressure on Moscow's claimed territory.", pressure=-1),
            _m("propose_ceasefire", "Propose a ceasefire on stated terms",
               "Opens a way off the ladder, at a political price at home.",
               pressure=-1, talk=1)),
        "nato_europe": (
            _m("more_arms", "Send more arms and ammunition",
               "Strengthens Ukraine; a push towards confrontation.", pressure=1),
            _m("sanctions", "Tighten sanctions",
               "Economic pressure without force; no effect on the ladder within a round."),
            _m("back_channels", "Open channels through third states",
               "More ways to talk make settling easier.", talk=1)),
        "beijing": (
            _m("urge_restraint", "State publicly that nuclear weapons must not be used",
               "A statement from a partner Moscow needs may weigh against a first use.",
               pressure=-1),
            _m("stay_silent", "Stay silent", "No effect on the chain."),
            _m("offer_mediation", "Offer to mediate", "Another route to a settlement.",
               talk=1)),
        "den_haag": (
            _m("follow_alliance", "Follow the alliance line", "No effect of its own."),
            _m("air_defence", "Deliver air defence and aircraft to Ukraine",
               "Strengthens Ukraine's defence; Moscow may read it as more Western "
               "involvement.", pressure=1),
            _m("host_talks", "Offer The Hague as a venue for talks",
               "A neutral venue and legal expertise make settling a little easier.", talk=1)),
    },
    "after": {
        "moscow": (
            _m("pause_and_talk", "Halt and offer talks",
               "Stepping back after a shock is the likeliest moment to stop (chapter 05).",
               pressure=-3, talk=2),
            _m("threaten_more", "Threaten further use",
               "Keeps the threat alive and makes climbing likelier.", pressure=2),
            _m("further_use", "Prepare a further nuclear use",
               "Readying a second use makes further use the expected pattern; the chain, not "
               "the team, decides whether it happens.", pressure=3)),
        "washington": WEST_ANSWERS,
        "kyiv": (
            _m("keep_advancing", "Keep advancing",
               "Keeps up the pressure that preceded the use.", pressure=1),
            _m("pause_offensive", "Pause the offensive",
               "Removes the immediate trigger.", pressure=-1, talk=1),
            _m("appeal_un", "Appeal to the UN and world opinion",
               "Raises the political cost of further use.", pressure=-1)),
        "nato_europe": (
            _m("back_washington", "Stand behind Washington's answer",
               "A united alliance makes the answer more credible; more reason for Moscow to "
               "step back.", pressure=-1),
            _m("urge_restraint", "Urge Washington to restraint",
               "Less climbing, but a divided alliance weakens the answer.", pressure=-1),
            _m("own_measures", "Sanctions and air defence for Ukraine of its own",
               "Adds pressure without force against Russia.")),
        "beijing": (
            _m("condemn_use", "Condemn the use publicly",
               "Isolates Moscow further; a reason to step back.", pressure=-1),
            _m("call_ceasefire", "Call for an immediate ceasefire", "A route to settlement.",
               talk=1),
            _m("stay_silent", "Stay silent", "No effect on the chain.")),
        "den_haag": (
            _m("legal_track", "Push for a legal answer: the UN and the courts",
               "Raises the political cost of further use without force.", pressure=-1),
            _m("back_washington", "Back Washington's answer in NATO's councils",
               "Adds to the alliance's unity behind the answer.", pressure=-1),
            _m("host_talks", "Offer The Hague as a venue for talks",
               "A route to a settlement.", talk=1)),
    },
}


# Scripts (not recommendations): a demonstration and a de-escalatory line for each format.
# A round is a dict {team: move}, or {"before": {...}, "after": {...}} when the phase of the
# round depends on the chain's draws (pre-crisis format).
_CALM_BEFORE = {"moscow": "seek_talks", "washington": "press_for_talks",
                "kyiv": "propose_ceasefire", "nato_europe": "back_channels",
                "beijing": "offer_mediation", "den_haag": "host_talks"}
_CALM_AFTER = {"moscow": "pause_and_talk", "washington": "protest", "kyiv": "pause_offensive",
               "nato_europe": "urge_restraint", "beijing": "call_ceasefire",
               "den_haag": "host_talks"}
DEESCALATORY_SCRIPT: tuple[dict, ...] = tuple({"before": _CALM_BEFORE, "after": _CALM_AFTER}
                                              for _ in range(FORMATS["pre_crisis"].rounds))
_HARD_BEFORE = {"moscow": "nuclear_signals", "washington": "arm_ukraine", "kyiv": "advance",
                "nato_europe": "more_arms", "beijing": "stay_silent", "den_haag": "air_defence"}
_HARD_AFTER = {"moscow": "threaten_more", "washington": "conventional_strikes",
               "kyiv": "keep_advancing", "nato_europe": "back_washington",
               "beijing": "stay_silent", "den_haag": "back_washington"}
HARDLINE_SCRIPT: tuple[dict, ...] = tuple({"before": _HARD_BEFORE, "after": _HARD_AFTER}
                                          for _ in range(FORMATS["pre_crisis"].rounds))
DEMO_SCRIPT: tuple[dict, ...] = (
    {"moscow": "threaten_more", "washington": "conventional_strikes", "kyiv": "pause_offensive",
     "nato_europe": "back_washington", "beijing": "condemn_use", "den_haag": "legal_track"},
    {"moscow": "pause_and_talk", "washington": "sanctions", "kyiv": "appeal_un",
     "nato_europe": "own_measures", "beijing": "call_ceasefire", "den_haag": "host_talks"},
    {"moscow": "pause_and_talk", "washington": "protest", "kyiv": "appeal_un",
     "nato_europe": "own_measures", "beijing": "call_ceasefire", "den_haag": "host_talks"},
)


# --------------------------------------------------------------------------------------
# Assumptions behind the casualty report and the legal report
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TroopAssumption:
    """Soldiers in the target area of a strike on troops (a teaching assumption)."""

    unit_size: tuple[int, int]
    area_km2: tuple[float, float]
    reason: str
    source: str = TEACHING_ASSUMPTION

    @property
    def density_per_km2(self) -> tuple[float, float]:
        return (self.unit_size[0] / self.area_km2[1], self.unit_size[1] / self.area_km2[0])


TROOPS = TroopAssumption(
    (1_000, 4_000), (5.0, 20.0),
    "A battalion to a brigade gathered for an attack, spread over 5 to 20 km² against air "
    "and artillery strikes. The blast rings are applied to soldiers as to civilians "
    "[ota1979]; soldiers in vehicles and trenches are better protected than the survey's "
    "civilians, and a unit in the open less, so read the numbers as an order of magnitude.")
DETONATION_YIELDS_KT = (1.0, 10.0, 50.0)
YIELDS_REASON = ("The yield is not known: the report spans 1 to 50 kt, inside the published "
                 "band of non-strategic warheads (chapter 01).")
CIVILIAN_SETTINGS = ("front-line countryside", "town")


@dataclass(frozen=True)
class LegalAct:
    """The act a legal report judges: who does what to whom, and the walk-through that
    judges it (a scenario of chapter 02's ``law`` module)."""

    actor: str
    act: str
    law_scenario: str
    note: str = ""


LEGAL_ACTS: dict[str, LegalAct] = {
    "reply_to_counteroffensive": LegalAct(
        "Russia", "a Russian nuclear strike in reply to the Ukrainian counter-offensive into "
        "occupied Zaporizhzhia", "zaporizhzhia_counteroffensive"),
    "demonstration_in_reply": LegalAct(
        "Russia", "a Russian demonstrative nuclear detonation in reply to the Ukrainian "
        "counter-offensive into occupied Zaporizhzhia", "zaporizhzhia_counteroffensive",
        "A detonation meant as a warning is still a use of nuclear weapons: the same "
        "findings apply, and humanitarian law asks what the burst did to people and the "
        "environment."),
    "reply_to_nato_campaign": LegalAct(
        "Russia", "a Russian nuclear reply to NATO conventional strikes on Russian forces",
        "nato_air_campaign",
        "The walk-through judges Moscow's possible next step. It does not judge the Western "
        "strikes themselves; chapter 02 sets out the questions of self-defence they raise."),
}


# --------------------------------------------------------------------------------------
# Inject cards
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Inject:
    """A card the white cell plays: what it says, to whom, when, and what it changes.

    Injects change what teams know and what they must decide; they never change the chain's
    probabilities themselves (only the teams' moves do), so the d100 tables stay valid."""

    number: int
    key: str
    kind: str
    title: str
    to: str
    text: str
    when: dict
    changes: str
    true: bool = True


INJECT_KINDS = ("news", "intelligence", "hotline", "council", "statement", "rumour",
                "correction", "domestic")

INJECTS: tuple[Inject, ...] = (
    Inject(1, "doctrine_statement", "statement", "Moscow restates its doctrine", "all teams",
           "A Russian spokesperson says Russia will defend 'all its territory' with every "
           "means its doctrine allows, and names the regions it claims.",
           {"pre_crisis": "session 1, round 1, at minute 2 of the round",
            "day_after": "not used"},
           "Puts the annexed regions and the doctrine on the table: legal advisers read "
           "chapter 02's doctrine comparison; Kyiv must decide whether to keep advancing."),
    Inject(2, "front_report", "news", "The counter-offensive reaches the Melitopol road",
           "all teams",
           "News reports show Ukrainian armour on the road to Melitopol; Russian units south "
           "of Zaporizhzhia are said to be at risk of encirclement.",
           {"pre_crisis": "session 1, round 2, at the start", "day_after": "not used"},
           "Raises the stakes of Kyiv's next move and the op-ed's trigger [nederlof2023]; "
           "every team restates its red lines."),
    Inject(3, "premise_card", "news", "The detonation is reported", "all teams",
           "The premise card is read aloud (Day After), or the white cell announces the drawn "
           "detonation (pre-crisis).",
           {"day_after": "round 1, at minute 0", "pre_crisis":
            "only in the round after the chain draws a first nuclear use"},
           "Starts the phase after a nuclear use: the teams' menus change, Washington chooses "
           "among the answers of the option table."),
    Inject(4, "casualty_claims", "news", "Casualty claims contradict each other", "all teams",
           "Kyiv's officials give one casualty figure, Moscow's media another, a humanitarian "
           "agency a third; none can yet be checked.",
           {"day_after": "round 1, at minute 5", "pre_crisis":
            "the round after a detonation, at minute 5"},
           "Tests how teams decide under uncertainty: the effects adviser reads the range in "
           "the white cell's casualty report, not a single number."),
    Inject(5, "yield_estimate", "intelligence", "An intelligence estimate of the yield",
           "Washington first, all other Western teams five minutes later",
           "Your analysts put the yield in the low kilotons, with wide uncertainty; they cannot "
           "yet say whether the target was military.",
           {"day_after": "round 1, at minute 8", "pre_crisis":
            "the round after a detonation, at minute 8"},
           "Washington knows more than its allies for five minutes: a test of how it shares "
           "intelligence."),
    Inject(6, "hotline", "hotline", "The direct line rings", "Moscow's and Washington's leads",
           "The two leads speak for three minutes, in the corridor, with the white cell "
           "listening. Each may say what it likes; the white cell records one sentence from "
           "each.",
           {"day_after": "round 1, at minute 12", "pre_crisis":
            "session 1, round 3, at minute 10, or the round after a detonation"},
           "The only direct channel between the two leads: what each says becomes known to "
           "the room only if they choose to report it."),
    Inject(7, "rumour_second", "rumour", "Reports of a second detonation", "all teams",
           "Social media show a large explosion near Kherson; some accounts call it a second "
           "nuclear detonation.",
           {"day_after": "round 2, at minute 3", "pre_crisis": "session 2, round 4, at minute 3"},
           "Pressure to act at once. It is false (see the correction): the debrief asks which "
           "teams acted on it and how they could have checked.", true=False),
    Inject(8, "rumour_corrected", "correction", "The second detonation was not nuclear",
           "all teams",
           "Radiation monitors show nothing unusual; the explosion near Kherson was an "
           "ammunition depot.",
           {"day_after": "round 2, at minute 12", "pre_crisis":
            "session 2, round 4, at minute 12"},
           "Ends the rumour. A team that changed its move because of it may not take the move "
           "back: decisions made on false reports stand, as they would."),
    Inject(9, "unsc_session", "council", "UN Security Council: a draft resolution",
           "all teams (Moscow and Washington vote; Beijing votes if playing)",
           "A draft resolution calls for an immediate ceasefire and condemns any nuclear use. "
           "Sub-round of five minutes: each permanent member says how it votes and why.",
           {"day_after": "round 2, at minute 5", "pre_crisis":
            "session 2, round 5, at minute 5, or the round after a detonation"},
           "A public record of each power's position. A veto is allowed and is announced; "
           "the resolution itself does not change the chain."),
    Inject(10, "nac_session", "council", "North Atlantic Council in session",
           "Washington, NATO Europe, Den Haag",
           "The allies meet to agree one answer. Sub-round of five minutes: the Council decides "
           "by consensus, so any ally can block.",
           {"day_after": "round 2, at minute 8", "pre_crisis":
            "the round after a detonation, at minute 10; otherwise session 2, round 5"},
           "If the Council does not agree, NATO Europe must choose 'Urge Washington to "
           "restraint' or 'Sanctions and air defence of its own', not 'Stand behind "
           "Washington's answer'."),
    Inject(11, "beijing_statement", "statement", "Beijing speaks", "all teams",
           "If Beijing plays, its team drafts a statement of at most three sentences and the "
           "white cell reads it out. If not, the white cell reads: 'China calls on all sides "
           "to exercise restraint and opposes the use of nuclear weapons.'",
           {"day_after": "round 2, at minute 10", "pre_crisis": "session 1, round 3, at minute 5"},
           "Tells Moscow how isolated it is; if Beijing plays, its statement is also its move "
           "for the round."),
    Inject(12, "zaporizhzhia_plant", "news", "Concern for the Zaporizhzhia nuclear power plant",
           "all teams",
           "Fighting is reported near the nuclear power plant at Enerhodar; its staff ask for "
           "a safe zone.",
           {"day_after": "round 3, at minute 2", "pre_crisis": "session 2, round 4, at minute 8"},
           "Adds a shared interest: every team may propose a local arrangement as part of its "
           "move (the white cell records it; it does not change the chain)."),
    Inject(13, "dutch_debate", "domestic", "A debate in the Dutch parliament", "Den Haag "
           "(NATO Europe if Den Haag does not play)",
           "Parliament asks the government to explain, today, whether its answer keeps to "
           "international law.",
           {"day_after": "round 3, at minute 5", "pre_crisis": "session 2, round 5, at minute 5"},
           "Den Haag's liaison must give a one-sentence justification that the white cell "
           "reads to the room."),
    Inject(14, "no_detonation", "news", "The war grinds on", "all teams",
           "Months pass without a nuclear use. The front moves little; negotiations are "
           "rumoured but not confirmed.",
           {"pre_crisis": "session 2, round 6, if no detonation has been drawn",
            "day_after": "not used"},
           "Prepares the debrief of a game without detonation: that is a result, and the "
           "worksheet asks how likely it was."),
)


# --------------------------------------------------------------------------------------
# Run sheets (minutes); the instructor guide prints the same tables (a test compares them)
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Slot:
    start: int
    end: int
    activity: str


RUN_SHEETS: dict[str, tuple[tuple[str, tuple[Slot, ...]], ...]] = {
    "day_after": (("Day After (one session)", (
        Slot(0, 5, "Opening: content note, the format, the premise card read aloud"),
        Slot(5, 15, "Teams read private briefs and role cards; leads fill in the opening position"),
        Slot(15, 35, "Round 1: deliberation (8), messages and hotline (4), decision forms (3), "
                     "white cell report and draw (5); injects 3-6"),
        Slot(35, 55, "Round 2: deliberation with the UN Security Council and North Atlantic "
                     "Council sub-rounds (12), decision forms (3), report and draw (5); "
                     "injects 7-11"),
        Slot(55, 70, "Round 3: deliberation (8), decision forms (2), report and draw (5); "
                     "injects 12-13"),
        Slot(70, 90, "Debrief: the worksheet, the decision-quality and outcome matrix, the "
                     "same moves over 200 seeds, first verdicts"),
    )),),
    "pre_crisis": (
        ("Pre-crisis, session 1", (
            Slot(0, 10, "Opening: content note, the format (no detonation is scripted), teams"),
            Slot(10, 20, "Teams read private briefs and role cards"),
            Slot(20, 40, "Round 1: deliberation (10), messages (4), forms (2), report and "
                         "draw (4); inject 1"),
            Slot(40, 60, "Round 2: deliberation (10), messages (4), forms (2), report and "
                         "draw (4); inject 2"),
            Slot(60, 80, "Round 3: deliberation (10), hotline (4), forms (2), report and "
                         "draw (4); injects 6 and 11"),
            Slot(80, 90, "Save the game; each team writes where it thinks the crisis stands"),
        )),
        ("Pre-crisis, session 2", (
            Slot(0, 10, "Load the saved game; recap by the white cell; teams reread briefs"),
            Slot(10, 30, "Round 4: deliberation (10), messages (4), forms (2), report and "
                         "draw (4); injects 7, 8 and 12"),
            Slot(30, 50, "Round 5: the UN Security Council and North Atlantic Council "
                         "sub-rounds (10), forms (4), report and draw (6); injects 9, 10, 13"),
            Slot(50, 65, "Round 6: deliberation (8), forms (2), report and draw (5); inject 14 "
                         "if no detonation"),
            Slot(65, 90, "Debrief: the worksheet; with or without a detonation, the "
                         "decision-quality and outcome matrix and the chain's odds"),
        )),
    ),
}


# --------------------------------------------------------------------------------------
# The white cell's adjudication guide
# --------------------------------------------------------------------------------------
ADJUDICATION: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Your job", (
        "The white cell (the instructor and one or two assistants) runs the clock, reads the "
        "injects, receives decision forms, works out each round with the notebook or the "
        "d100 tables, and reads out the report. It does not judge who played well and does "
        "not declare winners.",
        "Record the format, the seed and the assumption set on the first page of the game "
        "log before round 1; the notebook's panel shows all three.")),
    ("Judging arguments", (
        "Each decision form states an action, its intended result and up to three reasons "
        "(the structure of a matrix game). Before the draw, any team may give one counter-"
        "argument to another team's move, in one sentence.",
        "Judge whether a move can happen as described, not whether it is wise: a move is "
        "allowed if the team's brief gives it the means and the reasons are plausible. "
        "A strong reason cites a chapter, a source or an earlier event of the game; a weak "
        "one asserts what another team will do.",
        "A move the menu does not list is recorded as the closest listed move, and the white "
        "cell says which one it used and why. Free-text parts of a move (an offer, a "
        "condition) are read out and kept in the log; they change what teams know, not the "
        "chain.")),
    ("When to use the chain", (
        "The chain decides where the crisis goes in every round: its draw is the tie-breaker "
        "for everything the arguments cannot settle. Do not overrule a draw because it is "
        "dramatic or inconvenient; the debrief needs the honest sequence.",
        "Read out the probabilities before the draw, then the draw. In the paper game, one "
        "player of a neutral team rolls two ten-sided dice (tens and units; 00 counts as "
        "100) and the white cell reads the band from the d100 table.",
        "If the arguments of one round were clearly stronger on one side, say so in the "
        "report; the chain already weighs the moves, so do not add a bonus of your own.")),
    ("When a team refuses the premise", (
        "In the Day After format a team may say the premise is implausible. Acknowledge it "
        "and record the objection for the debrief: whether such a use is likely is a real "
        "question, and the pre-crisis format is the place to test it (the chain's chance of "
        "a first use is in the report).",
        "Then ask the team to play the situation as given for this session, as in RAND's "
        "'Day After' exercises, which start from a postulated use [millot1993]. If it still "
        "refuses, it plays 'no new step' moves (the first move of its menu) and writes its "
        "objection on each form.",
        "Anyone may step out of a role at any time; the white cell plays that person's "
        "team with the menu's first move if needed.")),
    ("Pacing", (
        "Keep to the run sheet: announce two minutes before forms are due, take late forms "
        "as 'no new step'. A sub-round (Security Council, North Atlantic Council) lasts five "
        "minutes and ends with a one-sentence statement per participant.",
        "If the chain ends the game early (a settlement, or general war), go straight to the "
        "debrief; use the spare time to replay the same moves with other seeds.")),
)


# --------------------------------------------------------------------------------------
# Debrief
# --------------------------------------------------------------------------------------
DEBRIEF_QUESTIONS: tuple[str, ...] = (
    "Which decision in your game mattered most, and which turn was chance? Would a different "
    "seed have changed your team's choices?",
    "What did each team know that the others did not, and when did it tell them?",
    "Where did the legal adviser's reading change a decision? Which of the Court's findings "
    "applied to which act?",
    "Judge each team's decisions by what it knew at the time, not by how the game ended: "
    "place them in the decision-quality and outcome matrix.",
    "Which of the course's assumptions (the moves' points, the option table's factors, the "
    "chain's rates) would you change, and what would your change do to the odds?",
)
MATRIX_CELLS = {
    ("good", "good"): "Deserved success: keep the reasoning, but check how often the same moves "
                      "end well (the outcome counts).",
    ("good", "bad"): "Bad luck: the decision was sound on what the team knew; the chain drew "
                     "against it. Do not learn the wrong lesson.",
    ("poor", "good"): "Dumb luck: the game ended well despite the decision. The outcome counts "
                      "show how often it would not have.",
    ("poor", "bad"): "Deserved failure: what would the team decide differently, on the same "
                     "information?",
}


# --------------------------------------------------------------------------------------
# The map: places the briefs name (standard geographic coordinates, rounded to 0.01°)
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MapPlace:
    name: str
    lat_deg: float
    lon_deg: float
    kind: str = "city"   # city, plant, region


MAP_SOURCE = "standard geographic coordinates of city centres, rounded to 0.01°"
MAP_PLACES: tuple[MapPlace, ...] = (
    MapPlace("Kyiv", 50.45, 30.52), MapPlace("Chernihiv", 51.49, 31.29),
    MapPlace("Kharkiv", 49.99, 36.23), MapPlace("Dnipro", 48.46, 35.05),
    MapPlace("Zaporizhzhia", 47.84, 35.14), MapPlace("Enerhodar (nuclear power plant)", 47.50,
                                                     34.66, "plant"),
    MapPlace("Melitopol", 46.84, 35.37), MapPlace("Kherson", 46.64, 32.62),
    MapPlace("Nova Kakhovka", 46.75, 33.37), MapPlace("Mariupol", 47.10, 37.55),
    MapPlace("Odesa", 46.48, 30.72), MapPlace("Sevastopol", 44.62, 33.52),
    MapPlace("Simferopol", 44.95, 34.10), MapPlace("Kerch", 45.36, 36.47),
    MapPlace("Donetsk", 48.02, 37.80),
)
# The Dnipro is not in the base map: a sketch through the cities it passes, drawn as such.
DNIPRO_SCHEMATIC = ((50.45, 30.55), (49.44, 32.06), (49.07, 33.42), (48.46, 35.05),
                    (47.84, 35.14), (47.57, 34.40), (46.75, 33.37), (46.64, 32.62),
                    (46.50, 32.20))
