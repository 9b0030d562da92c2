"""The crisis seminar: a role-play in rounds in which every chapter's model has a say.

The scenario follows the op-ed's premise [nederlof2023]: Russia's offensive stalls, a
Ukrainian counter-offensive threatens territory Moscow claims to have annexed, and a
nuclear detonation is reported. Teams (Moscow, Washington, Kyiv, NATO Europe and an
optional observer, Beijing) each pick a move per round; :func:`advance` works out the
consequences with the course's models and returns the next state of the game:

* escalation (chapter 05): the compact ladder's chain, changed by Washington's answer
  (its ladder factors in the course's one option table, :mod:`deterrence_lab.content.options`,
  read through ``escalation.ladder_parameters``) and by the teams' moves, gives the probabilities along
  the way and one seeded chance draw per round;
* weapon effects (chapter 01: casualties of the reported detonation), law (chapter 02: the
  walk-through and doctrine for the situation) and the decision analysis (chapter 04:
  where Washington's answer ranks) complete the control cell's report of each round
  (:func:`consequences`).

The game is plain data (:class:`GameState`): the seed, the teams, the decisions and a
history derived from them. Every chance draw comes from ``(seed, round)``, so a game is
fully determined by its seed and decisions: a save file is checked on loading by
replaying its decisions, and a file that is corrupt, foreign, of another version or
edited by hand is refused with a ValueError. Functions never change a state in place,
so a refused file leaves the game in memory as it was.

The moves' effects on the chain are teaching assumptions (a direction and a rough size,
with the reason written down), not findings: the chance draws are a teaching device, not
a forecast.
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field

import numpy as np

from .. import __version__
from .._display import Markdown, markdown_table
from .._validate import check_choice, check_int
from ..content import options
from . import effects, escalation, law, response, robustness

FORMAT = "deterrence-lab/crisis-seminar"
FORMAT_VERSION = 1
from ..content.sources import TEACHING_ASSUMPTION


# --------------------------------------------------------------------------------------
# Teams, rounds and moves (data)
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Team:
    """A team of the role-play; ``actor`` is its colour in the course's figures."""

    key: str
    name: str
    actor: str
    plays: str
    brief: str
    observer: bool = False


TEAMS: tuple[Team, ...] = (
    Team("moscow", "Moscow", "russia",
         "the Russian leadership: head of state, defence and general staff, foreign ministry",
         "Your offensive has stalled and Western tanks are reaching Ukraine. You have declared "
         "four Ukrainian regions Russian; most states reject that [unga2022]. Your doctrine ties "
         "nuclear use to stated conditions (chapter 02). You do not know how far Washington "
         "would go in answering a nuclear use, nor how united NATO is."),
    Team("washington", "Washington", "us_nato",
         "the US President and National Security Council, with legal and military advisers",
         "You have warned Moscow in public that any nuclear use would have catastrophic "
         "consequences [sullivan2022]. You are not attacked yourself, but allies in "
         "Europe and Asia watch whether a red line holds (chapter 04). You do not know how "
         "firmly Moscow holds its threats, or who controls its non-strategic warheads (chapter 03)."),
    Team("kyiv", "Kyiv", "ukraine",
         "the Ukrainian government and armed forces",
         "Your forces, now with Western tanks, can push towards occupied land that Moscow calls "
         "Russian. Your aim is to restore your borders; you depend on Western arms and "
         "political support. You cannot know whether an advance will provoke a nuclear use."),
    Team("nato_europe", "NATO Europe", "us_nato",
         "European allies acting through NATO and the EU, including a Dutch perspective",
         "You supply arms and impose sanctions. Your territory is closest to the fighting and "
         "would be the first touched by a wider war. You weigh solidarity with Ukraine and "
         "Washington against the risk of escalation, and your governments do not all agree."),
    Team("beijing", "Beijing (observer)", "other",
         "China: may issue statements and talk to any team, takes no military action",
         "You watch how a nuclear threshold is handled in Europe, with an eye on Asia. You take "
         "no military action; your statements and contacts can still carry weight in Moscow.",
         observer=True),
)
TEAM_KEYS: tuple[str, ...] = tuple(t.key for t in TEAMS)
REQUIRED_TEAMS = ("moscow", "washington")
_TEAM = {t.key: t for t in TEAMS}


@dataclass(frozen=True)
class Round:
    """A stage of the scenario: what the control cell announces, and how the round ends.

    ``transition``: ``"conditioned"`` draws the next ladder state among those below the
    nuclear threshold (the premise says the war goes on without nuclear use yet);
    ``"scripted"`` moves to a reported single nuclear use whatever the draw (the op-ed's
    premise); ``"drawn"`` lets the chain's chance draw decide.
    """

    key: str
    title: str
    situation: str
    phase: str
    transition: str
    source: str = "nederlof2023"


ROUNDS: tuple[Round, ...] = (
    Round("stall", "The offensive stalls",
          "Russia's offensive has lost momentum and the first Western-supplied tanks are reaching "
          "Ukrainian units. Moscow's officials speak of using every means to defend Russia. Each team "
          "decides its line for the coming weeks.", "before", "conditioned"),
    Round("counteroffensive", "A counter-offensive threatens annexed territory",
          "Ukrainian forces advance into the occupied part of Zaporizhzhia oblast, which Moscow "
          "declared annexed in 2022 (scenario 'zaporizhzhia_counteroffensive' of chapter 02). "
          "Russian forces there risk being cut off.", "before", "scripted"),
    Round("detonation", "A nuclear detonation is reported",
          "A single nuclear detonation is reported against Ukrainian forces near the front. "
          "Its yield is uncertain; casualty reports are incomplete; Moscow has not yet "
          "commented. Each team chooses its first answer.", "after", "drawn"),
    Round("answers", "Answers and their consequences",
          "The first answers are known. The control cell reports where the crisis stands; "
          "teams choose their next move.", "after", "drawn"),
)
MIN_ROUNDS, MAX_ROUNDS = len(ROUNDS) - 1, 8


@dataclass(frozen=True)
class Move:
    """A choice open to a team: factors on the chance, this round, of climbing the ladder,
    stepping down and settling (1 = no change), with the reason for them.

    ``western_option`` names a response option of the option table
    (:mod:`deterrence_lab.content.options`); its effect on the chain is the table's ladder
    factors, read by ``escalation.ladder_parameters``, never factors of its own.
    """

    key: str
    label: str
    reason: str
    up: float = 1.0
    down: float = 1.0
    settle: float = 1.0
    western_option: str | None = None
    source: str = TEACHING_ASSUMPTION


def _m(key, label, reason, up=1.0, down=1.0, settle=1.0):
    return Move(key, label, reason, up, down, settle)


def _west_reason(option) -> str:
    """The option table's reasons for an answer's ladder factors, as one text."""
    return " ".join(f"{_MOVE_WORD[m]}: {option.ladder[m].reason}" for m in options.LADDER_MOVES)


_MOVE_WORD = {"up": "Climbing", "down": "Stepping down", "settle": "Settling"}
_WEST_ANSWERS = tuple(Move(o.key, o.name, _west_reason(o), western_option=o.key,
                           source=o.ladder["up"].numbers)
                      for o in options.OPTIONS)

MENUS: dict[str, dict[str, tuple[Move, ...]]] = {
    "before": {
        "moscow": (
            _m("press_offensive", "Press on with conventional forces",
               "Keeps the war where it is; adds no new step towards the nuclear threshold."),
            _m("nuclear_signals", "Raise nuclear alerts and issue threats",
               "Threats are a step up the ladder by themselves (Kahn's 'nuclear ultimatums' "
               "rung) and make stepping back costlier.", up=1.3, down=0.8),
            _m("seek_talks", "Signal readiness for talks",
               "Opens a way off the ladder.", up=0.8, settle=1.5)),
        "washington": (
            _m("arm_ukraine", "Keep arming Ukraine, including tanks",
               "Strengthens Ukraine's push, which Moscow may read as raising the stakes.", up=1.1),
            _m("private_warning", "Warn Moscow privately of catastrophic consequences",
               "The public warning of September 2022 [sullivan2022], repeated in private and "
               "in detail: meant to deter the next step.", up=0.85),
            _m("press_for_talks", "Press both sides towards talks",
               "Lowers the temperature, but may read as wavering.", up=0.9, settle=1.3)),
        "kyiv": (
            _m("advance", "Push on towards the annexed regions",
               "Threatens land Moscow calls its own: the op-ed's trigger [nederlof2023].", up=1.2),
            _m("hold_lines", "Consolidate and hold the lines",
               "Less pressure on Moscow's claimed territory.", up=0.9),
            _m("propose_ceasefire", "Propose a ceasefire on stated terms",
               "Opens a way off the ladder, at a political price at home.", up=0.9, settle=1.3)),
        "nato_europe": (
            _m("more_arms", "Send more arms and ammunition",
               "Strengthens Ukraine; a small push towards confrontation.", up=1.05),
            _m("sanctions", "Tighten sanctions",
               "Economic pressure without force; little effect on the ladder in a round."),
            _m("back_channels", "Open channels through third states",
               "More ways to talk make settling easier.", settle=1.2)),
        "beijing": (
            _m("urge_restraint", "State publicly that nuclear weapons must not be used",
               "A statement from a partner Moscow needs may weigh against a first use.", up=0.9),
            _m("stay_silent", "Stay silent", "No effect on the chain."),
            _m("offer_mediation", "Offer to mediate", "Another route to a settlement.",
               settle=1.2)),
    },
    "after": {
        "moscow": (
            _m("pause_and_talk", "Halt and offer talks",
               "Stepping back after a shock is the likeliest moment to stop (chapter 05).",
               up=0.6, down=1.3, settle=1.5),
            _m("threaten_more", "Threaten further use",
               "Keeps the threat alive and makes climbing likelier.", up=1.3),
            _m("further_use", "Use a nuclear weapon again",
               "A second use makes further use the expected pattern.", up=1.8, down=0.7)),
        "washington": _WEST_ANSWERS,
        "kyiv": (
            _m("keep_advancing", "Keep advancing",
               "Keeps up the pressure that preceded the use.", up=1.15),
            _m("pause_offensive", "Pause the offensive",
               "Removes the immediate trigger.", up=0.9, settle=1.2),
            _m("appeal_un", "Appeal to the UN and world opinion",
               "Raises the political cost of further use.", up=0.95)),
        "nato_europe": (
            _m("back_washington", "Stand behind Washington's answer",
               "A united alliance makes the answer more credible; more reason for Moscow to "
               "step back.", down=1.1),
            _m("urge_restraint", "Urge Washington to restraint",
               "Less climbing, but a divided alliance weakens the answer.", up=0.9, down=0.95),
            _m("own_measures", "Sanctions and air defence for Ukraine of its own",
               "Adds pressure without force against Russia.")),
        "beijing": (
            _m("condemn_use", "Condemn the use publicly",
               "Isolates Moscow further; a reason to step back.", up=0.85, down=1.2),
            _m("call_ceasefire", "Call for an immediate ceasefire", "A route to settlement.",
               settle=1.2),
            _m("stay_silent", "Stay silent", "No effect on the chain.")),
    },
}

# The chain accepts scales in [0, 3]; the teams' combined factors are clipped to that.
_SCALE_LIMIT = 3.0


def team(key: str) -> Team:
    """The team ``key`` (``moscow``, ``washington``, ``kyiv``, ``nato_europe``, ``beijing``)."""
    return _TEAM[check_choice("key", key, TEAM_KEYS)]


def round_info(number: int) -> Round:
    """The scenario stage of round ``number`` (1, 2, ...); rounds after the last repeat it."""
    number = check_int("number", number, 1, MAX_ROUNDS)
    return ROUNDS[min(number, len(ROUNDS)) - 1]


def menu(team_key: str, number: int) -> tuple[Move, ...]:
    """The moves open to ``team_key`` in round ``number``."""
    return MENUS[round_info(number).phase][check_choice("team_key", team_key, TEAM_KEYS)]


def move(team_key: str, number: int, key: str) -> Move:
    """The move ``key`` of ``team_key`` in round ``number``."""
    moves = menu(team_key, number)
    key = check_choice(f"key (a move of {team_key})", key, [m.key for m in moves])
    return next(m for m in moves if m.key == key)


# --------------------------------------------------------------------------------------
# The game state
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GameState:
    """A game as plain data. ``decisions`` hold each round's choices (and optional notes);
    ``history`` holds what followed from them (derived: see :func:`advance`)."""

    seed: int
    teams: tuple[str, ...]
    max_rounds: int
    decisions: tuple = field(default=())
    history: tuple = field(default=())

    @property
    def round(self) -> int:
        """The number of the next round to play (1 before the first)."""
        return len(self.history) + 1

    @property
    def ladder_state(self) -> str:
        """Where the crisis stands on the compact ladder of chapter 05."""
        return self.history[-1]["state_after"] if self.history else escalation.TRANSIENT_KEYS[0]

    @property
    def over(self) -> bool:
        """True once the chain ends (settlement or general war) or the last round is played."""
        return (self.ladder_state in escalation.ABSORBING_KEYS
                or len(self.history) >= self.max_rounds)

    @property
    def outcome(self) -> str:
        """The end of the game in words ('' while it goes on)."""
        if not self.over:
            return ""
        if self.ladder_state == "settlement":
            return "Settlement or ceasefire: the crisis left the ladder."
        if self.ladder_state == "general_war":
            return "General nuclear war: the chain reached its worst end state."
        return (f"Unresolved when play stopped after round {len(self.history)}: "
                f"{_in_sentence(self.ladder_state)}.")


_LABEL = {s.key: s.label for s in escalation.LADDER_STATES}


def _in_sentence(key: str) -> str:
    """A ladder state's label inside a sentence (first letter lower case, names kept)."""
    label = _LABEL[key]
    return label[0].lower() + label[1:]


def _check_teams(teams) -> tuple[str, ...]:
    if isinstance(teams, str) or not hasattr(teams, "__iter__"):
        raise TypeError(f"teams={teams!r} must be a list of team keys such as "
                        f"{list(TEAM_KEYS)}")
    teams = tuple(teams)
    for key in teams:
        check_choice("teams", key, TEAM_KEYS)
    return teams


def _check_state(state) -> None:
    if not isinstance(state, GameState):
        raise TypeError(f"state={state!r} must be a GameState from new_game()")


def new_game(seed: int = 2023, teams=TEAM_KEYS, max_rounds: int = 5) -> GameState:
    """A game before its first round. ``teams`` must include Moscow and Washington;
    ``max_rounds`` runs from 3 (up to the reported detonation's answers) to 8."""
    seed = check_int("seed", seed, 0, 2**63 - 1)
    max_rounds = check_int("max_rounds", max_rounds, MIN_ROUNDS, MAX_ROUNDS)
    teams = _check_teams(teams)
    if len(set(teams)) != len(teams):
        raise ValueError(f"teams={list(teams)!r} lists a team twice")
    missing = [k for k in REQUIRED_TEAMS if k not in teams]
    if missing:
        raise ValueError(f"teams={list(teams)!r} must include {' and '.join(REQUIRED_TEAMS)} "
                         f"(missing: {', '.join(missing)})")
    ordered = tuple(k for k in TEAM_KEYS if k in teams)
    return GameState(seed, ordered, max_rounds)


def _check_choices(state: GameState, choices, notes) -> tuple[dict, dict]:
    if not isinstance(choices, dict):
        raise TypeError(f"choices={choices!r} must be a dict {{team: move}}")
    for key in choices:
        check_choice("choices key", key, state.teams)
    number = state.round
    for key in state.teams:
        options = [m.key for m in menu(key, number)]
        if key not in choices:
            raise ValueError(f"choices has no move for {key!r} in round {number}; choose one of: "
                             f"{', '.join(options)}")
        check_choice(f"choices[{key!r}]", choices[key], options)
    notes = {} if notes is None else notes
    if not isinstance(notes, dict):
        raise TypeError(f"notes={notes!r} must be a dict {{team: text}}")
    for key, text in notes.items():
        check_choice("notes key", key, state.teams)
        if not isinstance(text, str) or len(text) > 1000:
            raise ValueError(f"notes[{key!r}] must be text of at most 1000 characters")
    return ({k: choices[k] for k in state.teams},
            {k: notes[k] for k in state.teams if notes.get(k)})


def chain_parameters(state: GameState, choices: dict) -> tuple[str | None, dict]:
    """Washington's response option (or None before the detonation) and the chain's
    up / down / settle probabilities per state for this round's ``choices``.

    The teams' factors multiply into overall scales of chapter 05's
    ``escalation.ladder_parameters`` (clipped to its range 0-3). Where up, down and
    settle would add to more than 1, they are scaled down in proportion, so the state is
    left for certain this round (a teaching rule that keeps the chain a chain).
    """
    _check_state(state)
    choices, _ = _check_choices(state, choices, None)
    number = state.round
    moves = [move(k, number, choices[k]) for k in state.teams]
    option = next((m.western_option for m in moves if m.western_option), None)
    scales = {f"{name}_scale": float(np.clip(math.prod(getattr(m, name) for m in moves),
                                             0.0, _SCALE_LIMIT))
              for name in ("up", "down", "settle")}
    params = escalation.ladder_parameters(option, **scales)
    total = params["up"] + params["down"] + params["settle"]
    factor = np.where(total > 1.0, 1.0 / np.maximum(total, 1e-300), 1.0)
    return option, {name: values * factor for name, values in params.items()}


def _draw(seed: int, number: int) -> float:
    """The round's uniform chance draw: the same for the same seed and round, on every machine."""
    return float(np.random.default_rng([seed, number]).random())


def _pick(states: list[str], probs: np.ndarray, u: float) -> str:
    cumulative = np.cumsum(probs / probs.sum())
    return states[min(int(np.searchsorted(cumulative, u, side="right")), len(states) - 1)]


def _step(state: GameState, choices: dict) -> dict:
    """What follows from this round's choices: the probabilities and the chance draw."""
    number, here = state.round, state.ladder_state
    stage = round_info(number)
    option, params = chain_parameters(state, choices)
    P = escalation.ladder_matrix(**params)
    row = P[escalation.STATE_KEYS.index(here)]
    ends = escalation.end_probabilities(P, here).ends
    p_use = (escalation.nuclear_use_probability(P, here)
             if here in escalation.PRE_USE_KEYS else None)
    u = _draw(state.seed, number)
    if stage.transition == "conditioned":
        allowed = list(escalation.PRE_USE_KEYS)
        after = _pick(allowed, row[[escalation.STATE_KEYS.index(s) for s in allowed]], u)
    elif stage.transition == "scripted":
        after = escalation.FIRST_NUCLEAR_STATE
    else:
        after = _pick(list(escalation.STATE_KEYS), row, u)
    return {"round": number, "stage": stage.key, "state_before": here, "western_option": option,
            "step": {k: float(p) for k, p in zip(escalation.STATE_KEYS, row) if p > 0},
            "draw": u, "transition": stage.transition, "state_after": after,
            "p_nuclear_use": p_use, "p_settlement": float(ends.get("settlement", 0.0)),
            "p_general_war": float(ends.get("general_war", 0.0))}


def advance(state: GameState, choices: dict, notes: dict | None = None) -> GameState:
    """Play the next round: check ``choices`` (one move per team), work out the
    consequences and return the new state. ``state`` itself is not changed."""
    _check_state(state)
    if state.over:
        raise ValueError(f"the game is over ({state.outcome}); start a new one with new_game()")
    choices, notes = _check_choices(state, choices, notes)
    record = _step(state, choices)
    return GameState(state.seed, state.teams, state.max_rounds,
                     state.decisions + ({"choices": choices, "notes": notes},),
                     state.history + (record,))


# The chapter's demonstration game: choices a seminar might make (not a recommendation).
DEMO_SCRIPT: tuple[dict, ...] = (
    {"moscow": "nuclear_signals", "washington": "private_warning", "kyiv": "advance",
     "nato_europe": "more_arms", "beijing": "urge_restraint"},
    {"moscow": "press_offensive", "washington": "private_warning", "kyiv": "advance",
     "nato_europe": "sanctions", "beijing": "stay_silent"},
    {"moscow": "threaten_more", "washington": "conventional_strikes", "kyiv": "pause_offensive",
     "nato_europe": "back_washington", "beijing": "condemn_use"},
    {"moscow": "pause_and_talk", "washington": "sanctions", "kyiv": "appeal_un",
     "nato_europe": "own_measures", "beijing": "call_ceasefire"},
    {"moscow": "pause_and_talk", "washington": "protest", "kyiv": "appeal_un",
     "nato_europe": "own_measures", "beijing": "call_ceasefire"},
)


def play(script, *, seed: int = 2023, teams=TEAM_KEYS, max_rounds: int = 5) -> GameState:
    """A whole game from a script: a list of per-round choice dicts (it stops early if the
    game ends)."""
    state = new_game(seed, teams, max_rounds)
    if isinstance(script, (str, bytes, dict)) or not hasattr(script, "__iter__"):
        raise TypeError(f"script={script!r} must be a list of rounds, each a dict {{team: move}}")
    for number, choices in enumerate(script, 1):
        if state.over:
            break
        try:
            state = advance(state, choices)
        except (TypeError, ValueError) as error:
            raise type(error)(f"script round {number}: {error}") from None
    return state


def outcome_counts(script, seeds, **settings) -> Markdown:
    """Where games with the same ``script`` stand at the end, counted over ``seeds``: how
    much of a game's story is chance."""
    if isinstance(seeds, (str, bytes)) or not hasattr(seeds, "__iter__"):
        raise TypeError(f"seeds={seeds!r} must be a list of seeds, e.g. range(200)")
    seeds = list(seeds)
    for seed in seeds:
        check_int("seeds item", seed, 0)
    if not seeds:
        raise ValueError("seeds is empty: give at least one seed, e.g. range(200)")
    counts: dict[str, int] = {}
    for seed in seeds:
        end = play(script, seed=seed, **settings).ladder_state
        counts[end] = counts.get(end, 0) + 1
    rows = [[_LABEL[k], str(n)] for k, n in sorted(counts.items(), key=lambda kv: -kv[1])]
    return markdown_table(["where the game stood at the end", f"games (of {len(seeds)})"], rows)


# --------------------------------------------------------------------------------------
# The control cell's report: consequences from every chapter's model
# --------------------------------------------------------------------------------------
def _pct(p: float) -> str:
    return f"{100 * p:.1f}%" if p >= 0.001 or p == 0 else "under 0.1%"


def _escalation_report(record: dict) -> str:
    steps = ", ".join(f"{_in_sentence(k)} {_pct(p)}" for k, p in record["step"].items())
    lines = [f"Chance of each next step this round: {steps}.",
             f"If every team kept this round's moves, the chain would end in a settlement with "
             f"probability {_pct(record['p_settlement'])} and in general nuclear war with "
             f"probability {_pct(record['p_general_war'])}."]
    if record["p_nuclear_use"] is not None:
        lines.append("Chance of ever reaching a first nuclear use: "
                     f"{_pct(record['p_nuclear_use'])}.")
    after = _in_sentence(record["state_after"])
    if record["transition"] == "scripted":
        lines.append(f"The scenario now follows the op-ed's premise whatever the draw: {after}.")
    elif record["transition"] == "conditioned":
        lines.append(f"Chance draw {record['draw']:.3f} (among the states below the nuclear "
                     f"threshold, as the premise requires): {after}.")
    else:
        lines.append(f"Chance draw {record['draw']:.3f}: {after}.")
    return " ".join(lines)


# The reported detonation's yield is unknown: the report spans a range of yields within the
# published band for non-strategic warheads (chapter 01), over two of its density presets.
DETONATION_YIELDS_KT = (1.0, 10.0, 50.0)
DETONATION_SETTINGS = {"front-line countryside": "front-line countryside", "town": "a town"}


def _about(n: float) -> str:
    """A count rounded to two significant figures, as an estimate should be read."""
    return f"{float(f'{n:.2g}'):,.0f}"


def _effects_report(record: dict) -> str | None:
    if record["stage"] != "detonation":
        return None
    parts = []
    for setting, words in DETONATION_SETTINGS.items():
        density = effects.density_preset(setting)
        est = [effects.casualties(y, density) for y in DETONATION_YIELDS_KT]
        killed = ", ".join(f"{_about(e.killed)} ({y:g} kt)"
                           for e, y in zip(est, DETONATION_YIELDS_KT))
        injured = ", ".join(_about(e.injured) for e in est)
        parts.append(f"over {words} ({density:,.0f} people/km²) about {killed} killed and "
                     f"{injured} injured")
    return ("Casualty estimate for the reported detonation (chapter 01): the yield is not known, "
            "so three yields are shown, each an air burst at the height that maximises the "
            "5 psi range; " + "; ".join(parts) + ". Soldiers are not counted, and shelter, "
            "warning and fire can move these numbers far more than the blast fit's ±10% "
            "[ota1979] [brode1986].")


def _law_report(record: dict) -> str | None:
    if record["stage"] == "counteroffensive":
        key = "zaporizhzhia_counteroffensive"
    elif record["western_option"] in ("conventional_strikes", "conventional_large"):
        key = "nato_air_campaign"
    else:
        return None
    view = law.contrast_with_court(key)
    counts = law.invocable_count(key)
    return (f"Legal walk-through for '{view['scenario']}': {view['walk'].outcome.title}. "
            f"{view['court']} {view['annexation']} Doctrine conditions Moscow could point to "
            f"(counting claimed land): {counts['2020']} in the 2020 text, {counts['2024']} in "
            f"the 2024 text [icj1996] [russia2020] [russia2024].")


def _decision_report(record: dict, seed: int) -> str | None:
    option = record["western_option"]
    if option is None:
        return None
    ranks = {name: response.ranking(w).index(option) + 1 for name, w in response.PRESETS.items()}
    rng = np.random.default_rng([seed, record["round"], 4])
    p_first = response.rank_probabilities(response.PRESETS["op-ed"], rng, n_draws=2000)
    share = float(p_first.p_first[response.OPTION_KEYS.index(option)])
    n = len(response.OPTIONS)
    ranked = "; ".join(f"{rank} of {n} with the {name} weights" for name, rank in ranks.items())
    name = response.OPTIONS[response.OPTION_KEYS.index(option)].name
    return (f"Decision analysis of Washington's answer ('{name}'): ranks {ranked}; with uncertain scores and weights around the op-ed's, it comes first "
            f"in {_pct(share)} of draws (chapter 04; the scores are teaching assumptions). "
            f"{_against_no_response(option)}")


@functools.lru_cache(maxsize=None)
def _against_no_response(option: str) -> str:
    """Chapter 05's headline for ``option`` with its robustness line (computed once per option)."""
    if option == options.NO_RESPONSE:
        return "No response is the baseline every answer is compared with (chapter 05)."
    r = robustness.war_probability(option)
    base = escalation.ladder_outcome(None)["general_war"]
    return (f"From a first use, with this answer and no other moves, P(general war) is "
            f"{_pct(r.value)} against {_pct(base)} with no response (chapter 05). {r.line(with_statement=True)}")


def consequences(state: GameState, number: int) -> dict[str, str]:
    """The control cell's report of round ``number`` (already played), one text per model."""
    _check_state(state)
    if not state.history:
        raise ValueError("no round has been played yet: call advance() first")
    number = check_int("number", number, 1, len(state.history))
    record = state.history[number - 1]
    report = {"effects": _effects_report(record),
              "law": _law_report(record),
              "decision": _decision_report(record, state.seed),
              "escalation": _escalation_report(record)}
    return {k: v for k, v in report.items() if v}


def report(state: GameState, number: int | None = None) -> Markdown:
    """Round ``number`` (default: the last played) as Markdown: situation, moves, consequences."""
    _check_state(state)
    number = len(state.history) if number is None else number
    parts = consequences(state, number)
    stage = round_info(number)
    choices = state.decisions[number - 1]["choices"]
    moves = "; ".join(f"**{team(k).name}**: {move(k, number, m).label}" for k, m in choices.items())
    text = [f"### Round {number}: {stage.title}", stage.situation, f"*Moves.* {moves}"]
    text += [f"*{name.capitalize()}.* {body}" for name, body in parts.items()]
    if state.over and number == len(state.history):
        text.append(f"**The game has ended.** {state.outcome}")
    return Markdown("\n\n".join(text))


def decisions_table(state: GameState) -> Markdown:
    """Every round as a table row: the moves of each team and where the crisis went."""
    _check_state(state)
    header = ["round"] + [team(k).name for k in state.teams] + ["ladder after the round"]
    rows = []
    for d, h in zip(state.decisions, state.history):
        rows.append([str(h["round"])] + [move(k, h["round"], d["choices"][k]).label
                                          for k in state.teams] + [_LABEL[h["state_after"]]])
    return markdown_table(header, rows)


def teams_table(teams=TEAM_KEYS) -> Markdown:
    """The teams, whom they play and their briefs (hand each team its own row)."""
    rows = [[t.name, t.plays, t.brief] for t in (team(k) for k in _check_teams(teams))]
    return markdown_table(["team", "plays", "brief"], rows)


def rounds_table() -> Markdown:
    """The scenario's stages as a table."""
    how = {"conditioned": "chance draw below the nuclear threshold",
           "scripted": "the op-ed's premise: a detonation is reported",
           "drawn": "chance draw on the whole ladder"}
    rows = [[str(i), r.title, r.situation, how[r.transition]] for i, r in enumerate(ROUNDS, 1)]
    rows[-1][0] = f"{len(ROUNDS)} and later"
    return markdown_table(["round", "stage", "situation", "how the round ends"], rows)


def menu_table(phase: str = "before") -> Markdown:
    """Every team's moves in a phase (``before`` or ``after`` the reported detonation)."""
    check_choice("phase", phase, MENUS)
    rows = []
    for key in TEAM_KEYS:
        for m in MENUS[phase][key]:
            effect = ("the option table's ladder factors" if m.western_option else
                      ", ".join(f"{n} ×{getattr(m, n):g}" for n in ("up", "down", "settle")
                                if getattr(m, n) != 1.0) or "none")
            rows.append([_TEAM[key].name, m.label, effect, m.reason])
    return markdown_table(["team", "move", "effect on the chain", "why"], rows)


# --------------------------------------------------------------------------------------
# Save and load
# --------------------------------------------------------------------------------------
_FIELDS = ("format", "version", "library_version", "seed", "teams", "max_rounds", "decisions",
           "history")


def to_dict(state: GameState) -> dict:
    """The game as JSON-ready plain data, with its format name and version."""
    _check_state(state)
    return {"format": FORMAT, "version": FORMAT_VERSION, "library_version": __version__,
            "seed": state.seed, "teams": list(state.teams), "max_rounds": state.max_rounds,
            "decisions": [json.loads(json.dumps(d)) for d in state.decisions],
            "history": [json.loads(json.dumps(h)) for h in state.history]}


def to_json(state: GameState) -> str:
    """The game as JSON text (see :func:`from_json`)."""
    return json.dumps(to_dict(state), indent=1, sort_keys=True)


def _same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return (isinstance(a, (int, float)) and isinstance(b, (int, float))
                and not isinstance(a, bool) and not isinstance(b, bool)
                and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def from_dict(data) -> GameState:
    """A game from :func:`to_dict`'s plain data; refuses anything inconsistent with a ValueError.

    The decisions are replayed from the seed and the result must match the saved history,
    so a file edited by hand (or written by a different model) is caught.
    """
    where = "save file"
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected a JSON object, found {type(data).__name__}")
    if data.get("format") != FORMAT:
        found = data.get("format", "no 'format' field")
        raise ValueError(f"{where}: not a deterrence-lab crisis-seminar save ({found!r}); "
                         f"expected format {FORMAT!r}")
    version = data.get("version")
    if type(version) is not int or version != FORMAT_VERSION:
        raise ValueError(f"{where}: format version {version!r} is not supported; "
                         f"this library (deterrence-lab {__version__}) reads version "
                         f"{FORMAT_VERSION}")
    if set(data) != set(_FIELDS):
        extra, missing = sorted(set(data) - set(_FIELDS)), sorted(set(_FIELDS) - set(data))
        raise ValueError(f"{where}: fields do not match the format (missing: {missing or 'none'}; "
                         f"unexpected: {extra or 'none'})")
    decisions, history = data["decisions"], data["history"]
    if not isinstance(decisions, list) or not isinstance(history, list):
        raise ValueError(f"{where}: 'decisions' and 'history' must be lists")
    if len(decisions) != len(history):
        raise ValueError(f"{where}: {len(decisions)} rounds of decisions but {len(history)} of "
                         "history; the file is incomplete or was edited")
    try:
        state = new_game(data["seed"], data["teams"], data["max_rounds"])
    except (TypeError, ValueError) as error:
        raise ValueError(f"{where}: {error}") from None
    for number, decision in enumerate(decisions, 1):
        try:
            if not isinstance(decision, dict) or set(decision) != {"choices", "notes"}:
                raise ValueError("a decision needs exactly 'choices' and 'notes'")
            state = advance(state, decision["choices"], decision["notes"])
        except (TypeError, ValueError) as error:
            raise ValueError(f"{where}: round {number}: {error}") from None
    for number, (saved, replayed) in enumerate(zip(history, to_dict(state)["history"]), 1):
        if not _same(saved, replayed):
            raise ValueError(f"{where}: the history of round {number} does not follow from its "
                             "decisions and seed; the file was edited by hand or written by a "
                             "different version of the models")
    return state


def from_json(text) -> GameState:
    """A game from JSON text written by :func:`to_json`."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError("save file: not UTF-8 text; is it a crisis-seminar save?") from None
    if not isinstance(text, str):
        raise TypeError(f"text={type(text).__name__} must be the JSON text of a save")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"save file: not valid JSON (it may be truncated or corrupt): "
                         f"{error}") from None
    return from_dict(data)


def save(state: GameState, path) -> None:
    """Write the game to ``path`` as JSON."""
    from pathlib import Path

    Path(path).write_text(to_json(state), encoding="utf-8")


def load(path) -> GameState:
    """Read a game saved with :func:`save`; a bad file raises ValueError (nothing else changes)."""
    from pathlib import Path

    return from_json(Path(path).read_bytes())
