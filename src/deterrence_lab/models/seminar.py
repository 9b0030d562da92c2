"""The crisis seminar's engine: a role-play in rounds in which every chapter's model has a say.

The scenario (teams, briefs, moves, injects) is data in :mod:`deterrence_lab.content.scenario`;
this module plays it. A game is played in one of two formats, fixed when it starts and
recorded in the game and its save file:

* ``"day_after"``: the game opens on a reported Russian nuclear use (a premise placed on
  Kahn's ladder, see ``scenario.PREMISES``) and the teams decide the answer;
* ``"pre_crisis"``: the game opens in conventional war; a nuclear detonation happens only
  if the chain's chance draw reaches one. Nothing is scripted.

Each round every team picks a move; :func:`advance` works out the consequences and
returns the next state of the game:

* escalation (chapter 05): the compact ladder's chain, changed by Washington's answer
  (read from the course's option table through :func:`answer_parameters`) and by the
  teams' pressure and talk points, gives the probabilities of the round. The chance draw
  is a d100 roll read against whole-percent bands (:func:`d100_bands`), exactly as the
  printed tables of the paper kit do, so the paper game and the screen game are the same
  game;
* weapon effects (chapter 01), law (chapter 02) and the decision analysis (chapter 04)
  complete the white cell's report (:func:`consequences`, as plain data; the Markdown
  report is :func:`deterrence_lab.views.seminar.report`).

The game is plain data (:class:`GameState`): the format, the seed, the premise, the
assumption set, the teams, the decisions and a history derived from them. Every chance
draw comes from ``(seed, round)``, so a game is fully determined by these: a save file is
checked on loading by replaying its decisions, and a file that is corrupt, foreign, of
another version or edited by hand is refused with a ValueError. Functions never change a
state in place, so a refused file leaves the game in memory as it was.

The Day After format follows the RAND "Day After..." policy exercises, in which teams are
handed a scenario that already contains a nuclear use and must work out the response
[millot1993]; the classroom frame (roles, briefs, a white
cell, time limits) follows Asal & Blake's framework for political-science simulations
[asal2006].

The moves' points and the chain's rates are teaching assumptions (a direction and a rough
size, with the reason written down), not findings: the chance draws are a teaching device,
not a forecast.
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field

import numpy as np

from .. import __version__
from .._validate import check_choice, check_int
from ..content import options as _options
from ..content import scenario as sc
from ..content.scenario import FORMAT_KEYS, PREMISE_KEYS, TEAM_KEYS
from . import effects, escalation, law, response
from .._docstring import fill, pieces, section, sections

_DOC = pieces(
    points_notes="""
        Teaching assumption: each pressure point multiplies climbing by ``scenario.PRESSURE_STEP``
        (1.15) and divides stepping down by it; each talk point multiplies settling by
        ``scenario.TALK_STEP`` (1.25) (reasons in ``scenario.POINTS_REASON``). The chain is chapter
        05's (:mod:`deterrence_lab.models.escalation`), its rates teaching assumptions.
        """,
    assumptions="""
        assumptions : str, optional
            The option table's assumption set (``ASSUMPTION_SETS``), default ``"central"``.
        """,
    value_error_to_dict="""
        ValueError
            If ``state`` was built by hand with an assumption set that is not in
            ``ASSUMPTION_SETS`` (a game from :func:`new_game` always has a valid one).
        """,
    state="""
        state : GameState
            A game from :func:`new_game` or :func:`advance`.
        """,
    pressure="""
        pressure : int
            The round's pressure points, a whole number within ``scenario.PRESSURE_LIMITS``
            (-3 to 3).
        """,
    option="""
        option : str or None
            Washington's answer (a key of the option table; ``None`` or ``"no_response"``: none).
        """,
    talk="""
        talk : int
            The round's talk points, a whole number within ``scenario.TALK_LIMITS`` (0 to 2).
        """,
    choices="""
        choices : dict of str to str
            One move key per team playing, from the menus of the game's phase.
        """,
    type_error_round_parameters="""
        TypeError
            If ``pressure`` or ``talk`` is not a whole number.
        """,
    type_error_stage="""
        TypeError
            If ``state`` is not a :class:`GameState`.
        """,
    state_key="""
        state_key : str
            A transient ladder state.
        """,
    value_error_transition_row="""
        ValueError
            If a key is unknown or a number outside its limits.
        """,
    settings="""
        **settings
            Passed to :func:`new_game`.
        """,
    phase="""
        phase : {"before", "after"}
            Before or after a nuclear use.
        """,
    any_state_key="""
        state_key : str
            One of the ladder's ``STATE_KEYS``.
        """,
    script="""
        script : list of dict
            As for :func:`play`.
        """,
    value_error_label="""
        ValueError
            If ``state_key`` is unknown.
        """,
    state_label_doc=sections(
        ("Parameters", "%(any_state_key)s"),
        ("Returns", "str"),
        ("Raises", "%(value_error_label)s"),
        ("Notes", "No numbers of its own.")),
    bool_no_numbers=sections(("Returns", "bool"), ("Notes", "No numbers of its own.")),
    row_args=section(
        "Parameters", "%(state_key)s", "%(option)s", "%(pressure)s", "%(talk)s",
        "%(assumptions)s"),
    round_args=section("Parameters", "%(option)s", "%(pressure)s", "%(talk)s", "%(assumptions)s"),
    row_end=sections(
        ("Raises", "%(type_error_round_parameters)s", "%(value_error_transition_row)s"),
        ("Notes", "%(points_notes)s")),
    game_state_returned=section("Returns", "GameState"),
    state_data_end=sections(
        ("Raises", "%(type_error_stage)s", "%(value_error_to_dict)s"),
        ("Notes", "No numbers of its own.")),
    state_args=section("Parameters", "%(state)s"),
)

FORMAT = "deterrence-lab/crisis-seminar"
FORMAT_VERSION = 2
PHASES = ("before", "after")
MAX_ROUNDS = 8


# --------------------------------------------------------------------------------------
# The option table: the only place the seminar reads Washington's answers from
# --------------------------------------------------------------------------------------
NO_RESPONSE = _options.NO_RESPONSE
# Which values of the option table's ranges a game is played with.
ASSUMPTION_SETS: tuple[str, ...] = tuple(_options.LEVELS) + ("worst", "best")
_STEP_WORD = {"up": "Climbing", "down": "Stepping down", "settle": "Settling"}


def _answers() -> tuple[tuple[str, str, str, str], ...]:
    """Washington's answers after a nuclear use: ``(key, name, reason, source)`` each, from
    the course's one option table, "no response" (the chain's own rates) first."""
    return tuple((o.key, o.name, " ".join(f"{_STEP_WORD[m]}: {o.ladder[m].reason}"
                                           for m in _options.LADDER_MOVES),
                  o.ladder["up"].numbers) for o in _options.OPTIONS)


@fill(_DOC)
def answer_parameters(option: str | None, assumptions: str = "central", *, up_scale=1.0,
                      down_scale=1.0, settle_scale=1.0) -> dict[str, np.ndarray]:
    """Chapter 05's up / down / settle per state for Washington's answer ``option``.

    The seminar reads every option effect through here.

    Parameters
    ----------
    option : str or None
        A key of the option table; ``None`` or ``"no_response"`` for none.
    %(assumptions)s
    up_scale, down_scale, settle_scale : float, optional
        The teams' overall scales, each in [0, 3] (default 1).

    Returns
    -------
    dict of str to ndarray, shape (8,)
        ``{"up": ..., "down": ..., "settle": ...}`` per transient state of the ladder.

    Raises
    ------
    TypeError
        If a scale is not a number.
    ValueError
        If ``assumptions`` or ``option`` is unknown, or a scale is outside [0, 3].

    Notes
    -----
    :func:`deterrence_lab.models.escalation.ladder_parameters`; the rates and option factors
    are teaching assumptions with written reasons.
    """
    check_choice("assumptions", assumptions, ASSUMPTION_SETS)
    key = None if option in (None, NO_RESPONSE) else option
    return escalation.ladder_parameters(key, level=assumptions, up_scale=up_scale,
                                        down_scale=down_scale, settle_scale=settle_scale)


@fill(_DOC)
def assumption_set(assumptions: str = "central") -> dict:
    """What a game was played with: the option table's level, the points rule and the ladder.

    Parameters
    ----------
    %(assumptions)s

    Returns
    -------
    dict
        ``option_level``, ``option_table``, ``ladder``, ``pressure_step``, ``talk_step``,
        ``pressure_limits`` and ``talk_limits``; stored in every save file.

    Raises
    ------
    ValueError
        If ``assumptions`` is not one of ``ASSUMPTION_SETS``.

    Notes
    -----
    The points rule is a teaching assumption (``scenario.POINTS_REASON``).
    """
    check_choice("assumptions", assumptions, ASSUMPTION_SETS)
    return {"option_level": assumptions,
            "option_table": "the course's option table (content.options)",
            "ladder": "the compact ladder that remembers a first use (chapter 05)",
            "pressure_step": sc.PRESSURE_STEP, "talk_step": sc.TALK_STEP,
            "pressure_limits": list(sc.PRESSURE_LIMITS), "talk_limits": list(sc.TALK_LIMITS)}


# --------------------------------------------------------------------------------------
# Moves and menus
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Move:
    """A choice open to a team, with its pressure and talk points and the reason for them.

    Parameters
    ----------
    key : str
        Identifier of the move (its key in the team's menu).
    label : str
        The move in words.
    reason : str
        Why it carries these points (or, for an answer, the option table's reasons).
    pressure : int, optional
        Pressure points (default 0).
    talk : int, optional
        Talk points (default 0).
    western_option : str or None, optional
        An answer of the option table; such a move carries no points, its effect is the
        table's (default None).
    source : str, optional
        A source key, default ``TEACHING_ASSUMPTION``.

    Notes
    -----
    A plain record; the menus are built from :mod:`deterrence_lab.content.scenario`, the points
    teaching assumptions (``scenario.POINTS_REASON``).
    """

    key: str
    label: str
    reason: str
    pressure: int = 0
    talk: int = 0
    western_option: str | None = None
    source: str = sc.TEACHING_ASSUMPTION


def _menu_of(phase: str, team_key: str) -> tuple[Move, ...]:
    data = sc.MOVES[phase][team_key]
    if data == sc.WEST_ANSWERS:
        return tuple(Move(k, name, reason, western_option=k, source=src)
                     for k, name, reason, src in _answers())
    return tuple(Move(m.key, m.label, m.reason, m.pressure, m.talk, source=m.source)
                 for m in data)


MENUS: dict[str, dict[str, tuple[Move, ...]]] = {
    phase: {k: _menu_of(phase, k) for k in TEAM_KEYS} for phase in PHASES}
_TEAM = {t.key: t for t in sc.TEAMS}
_STATES = escalation.STATE_KEYS
_PRE_USE = tuple(escalation.PRE_USE_KEYS)
# States whose reaching means a nuclear weapon has been used.
USED_KEYS: tuple[str, ...] = tuple(k for k in _STATES if k not in _PRE_USE and k != "settlement")
_LABEL = {s.key: s.label for s in escalation.LADDER_STATES}


def team(key: str) -> sc.Team:
    """The team ``key``.

    Parameters
    ----------
    key : str
        One of ``moscow``, ``washington``, ``kyiv``, ``nato_europe``, ``beijing``, ``den_haag``.

    Returns
    -------
    scenario.Team

    Raises
    ------
    ValueError
        If ``key`` is not a team key (the message lists them).

    Notes
    -----
    No numbers of its own: the teams are scenario data.
    """
    return _TEAM[check_choice("key", key, TEAM_KEYS)]


def menu(team_key: str, phase: str) -> tuple[Move, ...]:
    """The moves open to ``team_key`` in ``phase``.

    Parameters
    ----------
    team_key : str
        A team key (``TEAM_KEYS``).
    phase : {"before", "after"}
        Before or after a nuclear use; a game's current phase is ``state.phase``.

    Returns
    -------
    tuple of Move

    Raises
    ------
    ValueError
        If ``team_key`` or ``phase`` is unknown.

    Notes
    -----
    Moves and points are teaching assumptions (:mod:`deterrence_lab.content.scenario`).
    """
    return MENUS[check_choice("phase", phase, PHASES)][check_choice("team_key", team_key,
                                                                     TEAM_KEYS)]


@fill(_DOC)
def move(team_key: str, phase: str, key: str) -> Move:
    """The move ``key`` of ``team_key`` in ``phase``.

    Parameters
    ----------
    team_key : str
        A team key.
    %(phase)s
    key : str
        A move of that team's menu in that phase.

    Returns
    -------
    Move

    Raises
    ------
    ValueError
        If a key or the phase is unknown (the message lists the valid moves).

    Notes
    -----
    Moves and points are teaching assumptions (:mod:`deterrence_lab.content.scenario`).
    """
    moves = menu(team_key, phase)
    key = check_choice(f"key (a move of {team_key} {phase} a nuclear use)", key,
                       [m.key for m in moves])
    return next(m for m in moves if m.key == key)


@fill(_DOC)
def label(state_key: str) -> str:
    """A ladder state's label (chapter 05).

    %(state_label_doc)s
    """
    return _LABEL[check_choice("state_key", state_key, _STATES)]


@fill(_DOC)
def in_sentence(state_key: str) -> str:
    """A ladder state's label inside a sentence (first letter lower case).

    %(state_label_doc)s
    """
    text = label(state_key)
    return text[0].lower() + text[1:]


# --------------------------------------------------------------------------------------
# The game state
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GameState:
    """A game as plain data.

    Parameters
    ----------
    game_format : {"day_after", "pre_crisis"}
        The format, fixed when the game starts.
    seed : int
        Fixes every chance draw.
    teams : tuple of str
        The teams playing, in ``TEAM_KEYS`` order.
    max_rounds : int
        Rounds to play, 1 to ``MAX_ROUNDS``.
    premise : str or None
        The Day After opening; ``None`` in a pre-crisis game.
    assumptions : str
        The option table's assumption set.
    decisions : tuple of dict, optional
        Each round's choices and notes.
    history : tuple of dict, optional
        What followed from them (derived: see :func:`advance`).

    Notes
    -----
    A frozen record: make one with :func:`new_game`, never by hand; functions return new states
    and never change one in place.
    """

    game_format: str
    seed: int
    teams: tuple[str, ...]
    max_rounds: int
    premise: str | None
    assumptions: str
    decisions: tuple = field(default=())
    history: tuple = field(default=())

    @property
    def round(self) -> int:
        """The number of the next round to play (1 before the first).

        Returns
        -------
        int

        Notes
        -----
        No numbers of its own.
        """
        return len(self.history) + 1

    @property
    def start_state(self) -> str:
        """Where the crisis stands before round 1.

        Returns
        -------
        str
            The premise's ladder state (Day After) or conventional war (pre-crisis).

        Notes
        -----
        No numbers of its own.
        """
        if self.game_format == "day_after":
            return sc.PREMISES[self.premise].start_state
        return escalation.TRANSIENT_KEYS[0]

    @property
    def ladder_state(self) -> str:
        """Where the crisis stands on the compact ladder of chapter 05.

        Returns
        -------
        str
            A key of the ladder's ``STATE_KEYS``.

        Notes
        -----
        No numbers of its own.
        """
        return self.history[-1]["state_after"] if self.history else self.start_state

    @fill(_DOC)
    @property
    def detonated(self) -> bool:
        """Whether a nuclear weapon has been used in the game (the premise counts).

        %(bool_no_numbers)s
        """
        return (self.start_state in USED_KEYS
                or any(h["state_after"] in USED_KEYS for h in self.history))

    @property
    def phase(self) -> str:
        """``"after"`` once a nuclear weapon has been used, else ``"before"``.

        Returns
        -------
        str
            The game keeps this memory even where the chain's states do not.

        Notes
        -----
        No numbers of its own.
        """
        return "after" if self.detonated else "before"

    @fill(_DOC)
    @property
    def over(self) -> bool:
        """Whether the game has ended: the chain is absorbed or the last round is played.

        %(bool_no_numbers)s
        """
        return (self.ladder_state in escalation.ABSORBING_KEYS
                or len(self.history) >= self.max_rounds)

    @property
    def outcome(self) -> str:
        """The end of the game in words ('' while it goes on).

        Returns
        -------
        str

        Raises
        ------
        ValueError
            If the game's history was built by hand and ends in a state that is not on the
            compact ladder (a game from :func:`advance` never does).

        Notes
        -----
        No numbers of its own.
        """
        if not self.over:
            return ""
        used = ("" if self.game_format == "day_after" else
                " A nuclear detonation was drawn during the game." if self.detonated else
                " No nuclear detonation was drawn: that is this game's result.")
        if self.ladder_state == "settlement":
            return "Settlement or ceasefire: the crisis left the ladder." + used
        if self.ladder_state == "general_war":
            return "General nuclear war: the chain reached its worst end state." + used
        where = in_sentence(self.ladder_state)
        if self.detonated and self.ladder_state in _PRE_USE:
            where += ", after a nuclear use"      # the game remembers what the chain forgets
        return (f"Unresolved when play stopped after round {len(self.history)}: {where}."
                + used)


@fill(_DOC)
def stage(state: GameState) -> sc.Stage:
    """What the white cell announces at the start of the next round.

    %(state_args)s

    Returns
    -------
    scenario.Stage
        Its key, title and text.

    Raises
    ------
    %(type_error_stage)s

    Notes
    -----
    No numbers of its own: the texts are scenario data (:mod:`deterrence_lab.content.scenario`).
    """
    _check_state(state)
    number = state.round
    if state.game_format == "day_after":
        if number == 1:
            p = sc.PREMISES[state.premise]
            return sc.Stage("premise", p.title, p.announcement)
        return sc.STAGES["answers"]
    if not state.detonated:
        first = sc.FIRST_STAGES["pre_crisis"]
        return sc.STAGES[first[number - 1] if number <= len(first) else "war_goes_on"]
    if state.history and state.history[-1]["detonation"]:
        return sc.STAGES["detonation_drawn"]
    return sc.STAGES["answers"]


def _check_teams(teams) -> tuple[str, ...]:
    if isinstance(teams, str) or not hasattr(teams, "__iter__"):
        raise TypeError(f"teams={teams!r} must be a list of team keys such as "
                        f"{list(sc.DEFAULT_TEAMS)}")
    teams = tuple(teams)
    for key in teams:
        check_choice("teams", key, TEAM_KEYS)
    return teams


def _check_state(state) -> None:
    if not isinstance(state, GameState):
        raise TypeError(f"state={state!r} must be a GameState from new_game()")


def fresh_seed() -> int:
    """A new seed from the operating system's entropy.

    Returns
    -------
    int
        0 to 999,999: short enough to write on the game log, so a live game can be replayed and
        checked afterwards.

    Notes
    -----
    Six digits is a teaching assumption: short enough to write down, not a source's number.
    """
    return int(np.random.SeedSequence().entropy % 1_000_000)


@fill(_DOC)
def new_game(seed: int = 2023, teams=sc.DEFAULT_TEAMS, max_rounds: int | None = None, *,
             game_format: str = "day_after", premise: str = sc.DEFAULT_PREMISE,
             assumptions: str = "central") -> GameState:
    """A game before its first round.

    Parameters
    ----------
    seed : int, optional
        Fixes every chance draw (0 to 2**63 - 1, default 2023); :func:`fresh_seed` gives a new
        one.
    teams : list of str, optional
        Team keys, each once; must include Moscow and Washington (default
        ``scenario.DEFAULT_TEAMS``).
    max_rounds : int or None, optional
        1 to 8; default (None): the format's rounds (Day After 3, pre-crisis 6).
    game_format : {"day_after", "pre_crisis"}, optional
        The format, fixed for the game and recorded in its save file (default
        ``"day_after"``).
    premise : str, optional
        The Day After opening (``scenario.PREMISE_KEYS``); ignored in a pre-crisis game, which
        records ``None``.
    %(assumptions)s

    %(game_state_returned)s

    Raises
    ------
    TypeError
        If ``seed`` or ``max_rounds`` is not a whole number, or ``teams`` is not a list.
    ValueError
        If a number is out of range, a key is unknown, a team is listed twice, or Moscow or
        Washington is missing.

    Notes
    -----
    No numbers of its own: formats, premises and teams are scenario data
    (:mod:`deterrence_lab.content.scenario`).
    """
    seed = check_int("seed", seed, 0, 2**63 - 1)
    game_format = check_choice("game_format", game_format, FORMAT_KEYS)
    if max_rounds is None:
        max_rounds = sc.FORMATS[game_format].rounds
    max_rounds = check_int("max_rounds", max_rounds, 1, MAX_ROUNDS)
    check_choice("assumptions", assumptions, ASSUMPTION_SETS)
    if game_format == "day_after":
        check_choice("premise", premise, PREMISE_KEYS)
    else:
        premise = None
    teams = _check_teams(teams)
    if len(set(teams)) != len(teams):
        raise ValueError(f"teams={list(teams)!r} lists a team twice")
    missing = [k for k in sc.REQUIRED_TEAMS if k not in teams]
    if missing:
        raise ValueError(f"teams={list(teams)!r} must include "
                         f"{' and '.join(sc.REQUIRED_TEAMS)} (missing: {', '.join(missing)})")
    ordered = tuple(k for k in TEAM_KEYS if k in teams)
    return GameState(game_format, seed, ordered, max_rounds, premise, assumptions)


def _check_choices(state: GameState, choices, notes) -> tuple[dict, dict]:
    if not isinstance(choices, dict):
        raise TypeError(f"choices={choices!r} must be a dict {{team: move}}")
    for key in choices:
        check_choice("choices key", key, state.teams)
    phase = state.phase
    for key in state.teams:
        options = [m.key for m in menu(key, phase)]
        if key not in choices:
            raise ValueError(f"choices has no move for {key!r} in round {state.round} "
                             f"({phase} a nuclear use); choose one of: {', '.join(options)}")
        check_choice(f"choices[{key!r}] ({phase} a nuclear use)", choices[key], options)
    notes = {} if notes is None else notes
    if not isinstance(notes, dict):
        raise TypeError(f"notes={notes!r} must be a dict {{team: text}}")
    for key, text in notes.items():
        check_choice("notes key", key, state.teams)
        if not isinstance(text, str) or len(text) > 1000:
            raise ValueError(f"notes[{key!r}] must be text of at most 1000 characters")
    return ({k: choices[k] for k in state.teams},
            {k: notes[k] for k in state.teams if notes.get(k)})


# --------------------------------------------------------------------------------------
# The chain of a round, and its d100 bands
# --------------------------------------------------------------------------------------
def points(moves) -> tuple[int, int]:
    """The round's pressure and talk: the moves' points summed and clipped.

    Parameters
    ----------
    moves : list of Move
        The moves chosen this round.

    Returns
    -------
    pressure, talk : int
        Clipped to ``scenario.PRESSURE_LIMITS`` (-3 to 3) and ``scenario.TALK_LIMITS`` (0 to 2).

    Raises
    ------
    TypeError
        If ``moves`` is not a list of :class:`Move`.

    Notes
    -----
    The limits are teaching assumptions (``scenario.POINTS_REASON``).
    """
    if isinstance(moves, (str, bytes)) or not hasattr(moves, "__iter__"):
        raise TypeError(f"moves={moves!r} must be a list of moves from menu()")
    moves = list(moves)
    for m in moves:
        if not isinstance(m, Move):
            raise TypeError(f"moves item {m!r} must be a move from menu() or move()")
    (p_low, p_high), (t_low, t_high) = sc.PRESSURE_LIMITS, sc.TALK_LIMITS
    pressure = sum(m.pressure for m in moves)
    talk = sum(m.talk for m in moves)
    return (max(p_low, min(p_high, pressure)), max(t_low, min(t_high, talk)))


@fill(_DOC)
def round_parameters(option: str | None, pressure: int, talk: int,
                     assumptions: str = "central") -> dict[str, np.ndarray]:
    """Up / down / settle per state for Washington's answer and the round's points.

    Where up, down and settle would add to more than 1, they are scaled down in proportion (a
    teaching rule that keeps the chain a chain).

    %(round_args)s

    Returns
    -------
    dict of str to ndarray, shape (8,)
        ``{"up": ..., "down": ..., "settle": ...}`` per transient ladder state.

    Raises
    ------
    %(type_error_round_parameters)s
    ValueError
        If ``pressure`` or ``talk`` is outside its limits, or ``option`` or ``assumptions`` is
        unknown.

    Notes
    -----
    %(points_notes)s
    """
    pressure = check_int("pressure", pressure, *sc.PRESSURE_LIMITS)
    talk = check_int("talk", talk, *sc.TALK_LIMITS)
    params = answer_parameters(option, assumptions, up_scale=sc.PRESSURE_STEP ** pressure,
                               down_scale=sc.PRESSURE_STEP ** -pressure,
                               settle_scale=sc.TALK_STEP ** talk)
    total = params["up"] + params["down"] + params["settle"]
    factor = np.where(total > 1.0, 1.0 / np.maximum(total, 1e-300), 1.0)
    return {name: values * factor for name, values in params.items()}


def _phase_moves(state: GameState, choices: dict) -> list[Move]:
    return [move(k, state.phase, choices[k]) for k in state.teams]


@fill(_DOC)
def chain_parameters(state: GameState, choices: dict) -> tuple[str | None, dict]:
    """Washington's answer and the chain's probabilities per state for this round's ``choices``.

    %(state_args)s
    %(choices)s

    Returns
    -------
    option : str or None
        Washington's answer (None before a nuclear use).
    parameters : dict of str to ndarray, shape (8,)
        Up / down / settle per transient ladder state.

    Raises
    ------
    TypeError
        If ``state`` is not a :class:`GameState` or ``choices`` is not a dict.
    ValueError
        If a team is missing or unknown, or a move is not on its menu.

    Notes
    -----
    %(points_notes)s
    """
    _check_state(state)
    choices, _ = _check_choices(state, choices, None)
    moves = _phase_moves(state, choices)
    option = next((m.western_option for m in moves if m.western_option), None)
    pressure, talk = points(moves)
    return option, round_parameters(option, pressure, talk, state.assumptions)


@fill(_DOC)
def transition_row(state_key: str, option: str | None, pressure: int, talk: int,
                   assumptions: str = "central") -> dict[str, float]:
    """The chain's probabilities of each next state from ``state_key`` in one round.

    %(row_args)s

    Returns
    -------
    dict of str to float
        Next state to probability, only states with a positive probability, in ladder order;
        the values sum to 1.

    %(row_end)s
    """
    check_choice("state_key", state_key, escalation.TRANSIENT_KEYS)
    P = escalation.ladder_matrix(**round_parameters(option, pressure, talk, assumptions))
    row = P[_STATES.index(state_key)]
    return {k: float(p) for k, p in zip(_STATES, row) if p > 0}


BAND_KINDS = ("climb", "step down", "settle", "stay")


def _level(key: str) -> float:
    """A state's height on the ladder (general war highest, settlement lowest)."""
    if key == "general_war":
        return math.inf
    if key == "settlement":
        return -math.inf
    states = {s.key: s for s in escalation.LADDER_STATES}
    return getattr(states[key], "level", escalation.TRANSIENT_KEYS.index(key))


@fill(_DOC)
@functools.lru_cache(maxsize=None)
def band_targets(state_key: str) -> dict[str, str | None]:
    """Where each kind of step leads from ``state_key``, read from the chain's own matrix.

    Parameters
    ----------
    %(state_key)s

    Returns
    -------
    dict of str to str or None
        ``{"climb": ..., "step down": ..., "settle": "settlement", "stay": state_key}``, None
        where the ladder has no such step.

    Raises
    ------
    ValueError
        If ``state_key`` is not a transient ladder state.

    Notes
    -----
    No numbers of its own: the structure of chapter 05's ladder.
    """
    check_choice("state_key", state_key, escalation.TRANSIENT_KEYS)
    n = len(escalation.TRANSIENT_KEYS)
    P = escalation.ladder_matrix(up=np.full(n, 0.1), down=_down_probe(),
                                 settle=np.full(n, 0.1))
    row = P[_STATES.index(state_key)]
    here = _level(state_key)
    targets = [k for k, p in zip(_STATES, row) if p > 0 and k not in (state_key, "settlement")]
    up = [k for k in targets if _level(k) > here]
    down = [k for k in targets if _level(k) < here]
    return {"climb": up[0] if up else None, "step down": down[0] if down else None,
            "settle": "settlement", "stay": state_key}


@functools.lru_cache(maxsize=None)
def _down_probe() -> np.ndarray:
    """A 'down' probability of 0.1 for every state that has a lower rung, else 0."""
    n = len(escalation.TRANSIENT_KEYS)
    down = np.zeros(n)
    for i in range(n):
        trial = np.zeros(n)
        trial[i] = 0.1
        try:
            escalation.ladder_matrix(up=0.0, down=trial, settle=0.0)
        except ValueError:
            continue
        down[i] = 0.1
    return down


def d100_bands(row: dict[str, float], stay: str | None = None,
               order=None) -> tuple[tuple[str, int, int], ...]:
    """Whole-percent bands of a d100 roll for a row of probabilities.

    Percentages are rounded by largest remainders, so they add to 100 and each is within 1 of
    100 p; a state whose share rounds to 0 gets no band.

    Parameters
    ----------
    row : dict of str to float
        Next state to probability; non-negative, summing to 1 (within 1e-9).
    stay : str or None, optional
        The state that stays put; its band comes last.
    order : list of str or None, optional
        The row's keys in the order the bands should follow; default the row's order.

    Returns
    -------
    tuple of (str, int, int)
        ``(state, first, last)`` with rolls 1-100.

    Raises
    ------
    ValueError
        If ``row`` is not a non-empty dict of non-negative probabilities summing to 1, or
        ``order`` does not list exactly its states.

    Notes
    -----
    Standard largest-remainder rounding; the whole-percent bands let the paper game read the
    same d100 tables as the screen game.
    """
    if not isinstance(row, dict) or not row:
        raise ValueError(f"row={row!r} must be a non-empty dict {{state: probability}}")
    keys = list(order) if order is not None else list(row)
    if set(keys) != set(row):
        raise ValueError(f"order={keys!r} must list the row's states {sorted(row)}")
    keys = [k for k in keys if k != stay] + ([stay] if stay in row else [])
    p = np.array([float(row[k]) for k in keys])
    if np.any(p < 0) or not math.isclose(p.sum(), 1.0, abs_tol=1e-9):
        raise ValueError(f"row={row!r}: probabilities must be non-negative and add up to 1")
    scaled = 100.0 * p / p.sum()
    whole = np.floor(scaled + 1e-9).astype(int)
    short = 100 - int(whole.sum())
    order_ = sorted(range(len(keys)), key=lambda i: (-(scaled[i] - whole[i]), i))
    for i in order_[:short]:
        whole[i] += 1
    bands, first = [], 1
    for k, n in zip(keys, whole):
        if n > 0:
            bands.append((k, first, first + int(n) - 1))
            first += int(n)
    return tuple(bands)


def state_bands(state_key: str, row: dict[str, float]) -> tuple[tuple[str, int, int], ...]:
    """The d100 bands of a ladder row, in the order of the printed tables.

    Parameters
    ----------
    state_key : str
        The transient ladder state the row starts from.
    row : dict of str to float
        Next state to probability, as :func:`transition_row` returns.

    Returns
    -------
    tuple of (str, int, int)
        ``(state, first, last)`` in the order climb, step down, settle, stay.

    Raises
    ------
    ValueError
        If ``state_key`` is unknown, ``row`` is empty or not a dict, names a state that cannot
        follow in one round, or its probabilities do not sum to 1.

    Notes
    -----
    Standard largest-remainder rounding (:func:`d100_bands`).
    """
    targets = band_targets(state_key)
    if not isinstance(row, dict) or not row:
        raise ValueError(f"row={row!r} must be a non-empty dict {{state: probability}}")
    stray = sorted(set(row) - {t for t in targets.values() if t})
    if stray:
        raise ValueError(f"row has states {stray} that cannot follow state_key={state_key!r} "
                         f"in one round")
    order = [targets[k] for k in BAND_KINDS if targets[k] in row]
    return d100_bands(row, stay=state_key, order=order)


@fill(_DOC)
def paper_cuts(state_key: str, option: str | None, pressure: int, talk: int,
               assumptions: str = "central") -> tuple[int, int, int]:
    """The d100 table's entry for a round: the highest roll that climbs, steps down and settles.

    %(row_args)s

    Returns
    -------
    tuple of int
        Three cumulative cuts (a roll above the third stays put); an empty band repeats the
        cut before it.

    %(row_end)s
    """
    check_choice("state_key", state_key, escalation.TRANSIENT_KEYS)
    round_parameters(option, pressure, talk, assumptions)      # checks the other arguments
    bands = _bands(option, pressure, talk, assumptions, state_key)
    width = {k: last - first + 1 for k, first, last in bands}
    targets = band_targets(state_key)
    cuts, total = [], 0
    for kind in BAND_KINDS[:3]:
        total += width.get(targets[kind], 0) if targets[kind] else 0
        cuts.append(total)
    return tuple(cuts)


@fill(_DOC)
def paper_states(phase: str) -> tuple[str, ...]:
    """The ladder states a game can be in during ``phase``.

    Parameters
    ----------
    %(phase)s

    Returns
    -------
    tuple of str
        Before a use, the pre-use states; after it, the states that mean a use.

    Raises
    ------
    ValueError
        If ``phase`` is unknown.

    Notes
    -----
    No numbers of its own: the structure of chapter 05's ladder.
    """
    check_choice("phase", phase, PHASES)
    if phase == "before":
        return _PRE_USE
    return tuple(k for k in escalation.TRANSIENT_KEYS if k in USED_KEYS)


def roll_d100(seed: int, number: int) -> int:
    """The round's d100 roll: the same for the same seed and round, on every machine.

    Parameters
    ----------
    seed : int
        The game's seed, a whole number in [0, 2**63 - 1].
    number : int
        The round, a whole number in [1, 8].

    Returns
    -------
    int
        1 to 100.

    Raises
    ------
    TypeError
        If an argument is not a whole number.
    ValueError
        If an argument is fractional or out of range.

    Notes
    -----
    No numbers of its own: numpy's default generator seeded with (seed, round).
    """
    seed = check_int("seed", seed, 0, 2**63 - 1)
    number = check_int("number", number, 1, MAX_ROUNDS)
    u = float(np.random.default_rng([seed, number]).random())
    return min(int(u * 100) + 1, 100)


def read_band(bands, roll: int) -> str:
    """The state whose band contains ``roll``.

    Parameters
    ----------
    bands : list of (str, int, int)
        Bands from :func:`d100_bands`.
    roll : int
        A whole number in [1, 100].

    Returns
    -------
    str

    Raises
    ------
    TypeError
        If ``roll`` is not a whole number, or ``bands`` is not a list of (state, first, last).
    ValueError
        If ``roll`` is out of range or no band contains it.

    Notes
    -----
    No numbers of its own.
    """
    roll = check_int("roll", roll, 1, 100)
    try:
        bands = [(str(k), int(first), int(last)) for k, first, last in bands]
    except (TypeError, ValueError):
        raise TypeError(f"bands={bands!r} must be a list of (state, first, last) from "
                        "d100_bands()") from None
    if not any(first <= roll <= last for _, first, last in bands):
        raise ValueError(f"bands={bands!r} do not cover roll={roll}")
    return next(k for k, first, last in bands if first <= roll <= last)


def _ends(P: np.ndarray, start: str) -> dict[str, float]:
    """Probabilities of ending in settlement and general war from ``start``."""
    absorbing = np.isclose(np.diag(P), 1.0, rtol=0.0, atol=1e-12)
    t = np.flatnonzero(~absorbing)
    a = np.flatnonzero(absorbing)
    B = np.linalg.solve(np.eye(t.size) - P[np.ix_(t, t)], P[np.ix_(t, a)])
    row = B[list(t).index(_STATES.index(start))]
    return {_STATES[j]: float(b) for j, b in zip(a, row)}


def _p_use(P: np.ndarray, start: str) -> float:
    """Probability of ever reaching a nuclear use from a pre-use state."""
    stopped = P.copy()
    for k in USED_KEYS:
        i = _STATES.index(k)
        stopped[i] = 0.0
        stopped[i, i] = 1.0
    ends = _ends(stopped, start)
    return float(sum(p for k, p in ends.items() if k in USED_KEYS))


@functools.lru_cache(maxsize=512)
def _round_matrix(option, pressure: int, talk: int, assumptions: str) -> np.ndarray:
    P = escalation.ladder_matrix(**round_parameters(option, pressure, talk, assumptions))
    P.setflags(write=False)
    return P


@functools.lru_cache(maxsize=2048)
def _bands(option, pressure: int, talk: int, assumptions: str, here: str):
    P = _round_matrix(option, pressure, talk, assumptions)
    return state_bands(here, {k: float(p) for k, p in zip(_STATES, P[_STATES.index(here)])
                              if p > 0})


@functools.lru_cache(maxsize=2048)
def _round_ends(option, pressure: int, talk: int, assumptions: str, here: str):
    P = _round_matrix(option, pressure, talk, assumptions)
    return _ends(P, here), (_p_use(P, here) if here in _PRE_USE else None)


def _step(state: GameState, choices: dict) -> dict:
    """What follows from this round's choices: the probabilities, the bands and the roll."""
    number, here = state.round, state.ladder_state
    moves = _phase_moves(state, choices)
    option = next((m.western_option for m in moves if m.western_option), None)
    pressure, talk = points(moves)
    P = _round_matrix(option, pressure, talk, state.assumptions)
    row = {k: float(p) for k, p in zip(_STATES, P[_STATES.index(here)]) if p > 0}
    bands = _bands(option, pressure, talk, state.assumptions, here)
    roll = roll_d100(state.seed, number)
    after = read_band(bands, roll)
    ends, p_use = _round_ends(option, pressure, talk, state.assumptions, here)
    return {"round": number, "stage": stage(state).key, "phase": state.phase,
            "state_before": here, "western_option": option, "pressure": pressure,
            "talk": talk, "step": row, "bands": [list(b) for b in bands], "roll": roll,
            "state_after": after,
            "detonation": (not state.detonated) and after in USED_KEYS,
            "p_nuclear_use": p_use,
            "p_settlement": ends.get("settlement", 0.0),
            "p_general_war": ends.get("general_war", 0.0)}


@fill(_DOC)
def advance(state: GameState, choices: dict, notes: dict | None = None) -> GameState:
    """Play the next round and return the new state; ``state`` itself is not changed.

    %(state_args)s
    %(choices)s
    notes : dict of str to str or None, optional
        Optional text per team, at most 1000 characters each.

    %(game_state_returned)s
        With the round's decisions and its record (probabilities, bands, roll, new state).

    Raises
    ------
    TypeError
        If ``state`` is not a :class:`GameState`, or ``choices`` or ``notes`` is not a dict.
    ValueError
        If the game is over, a team is missing or unknown, a move is not on its menu, or a
        note is too long.

    Notes
    -----
    %(points_notes)s
    """
    _check_state(state)
    if state.over:
        raise ValueError(f"the game is over ({state.outcome}); start a new one with new_game()")
    choices, notes = _check_choices(state, choices, notes)
    record = _step(state, choices)
    return GameState(state.game_format, state.seed, state.teams, state.max_rounds,
                     state.premise, state.assumptions,
                     state.decisions + ({"choices": choices, "notes": notes},),
                     state.history + (record,))


# --------------------------------------------------------------------------------------
# Scripts: whole games, many seeds, exact distributions
# --------------------------------------------------------------------------------------
DEMO_SCRIPT = sc.DEMO_SCRIPT
DEESCALATORY_SCRIPT = sc.DEESCALATORY_SCRIPT
HARDLINE_SCRIPT = sc.HARDLINE_SCRIPT


def _round_choices(entry, phase: str, number: int, teams) -> dict:
    """A script round's choices for ``phase`` (a flat dict, or a dict keyed by phase),
    restricted to the game's ``teams``: a script may carry moves for teams not playing."""
    if not isinstance(entry, dict):
        raise TypeError(f"script round {number}: {entry!r} must be a dict {{team: move}} or "
                        "{'before': {...}, 'after': {...}}")
    if set(entry) <= set(PHASES) and entry:
        if phase not in entry:
            raise ValueError(f"script round {number}: the game is {phase} a nuclear use, but "
                             f"the round gives moves only for {', '.join(entry)}")
        entry = entry[phase]
    if not isinstance(entry, dict):
        raise TypeError(f"script round {number}: {entry!r} must be a dict {{team: move}}")
    return {k: v for k, v in entry.items() if k in teams}


def _check_script(script) -> list:
    if isinstance(script, (str, bytes, dict)) or not hasattr(script, "__iter__"):
        raise TypeError(f"script={script!r} must be a list of rounds, each a dict {{team: move}}")
    return list(script)


@fill(_DOC)
def play(script, *, seed: int = 2023, **settings) -> GameState:
    """A whole game from a script; it stops early if the game ends.

    Parameters
    ----------
    script : list of dict
        Rounds, each a dict ``{team: move}`` or ``{"before": {...}, "after": {...}}`` (moves for
        either phase, for formats in which a detonation may or may not be drawn).
    seed : int, optional
        The game's seed (default 2023).
    %(settings)s

    %(game_state_returned)s

    Raises
    ------
    TypeError
        If ``script`` is not a list of rounds, a round is not a dict, or a setting has the
        wrong type.
    ValueError
        If a setting is invalid or a round's moves are (the message names the round).

    Notes
    -----
    The chance draws follow from the seed; chain and points as in :func:`advance` (teaching
    assumptions).
    """
    state = new_game(seed, **settings)
    for number, entry in enumerate(_check_script(script), 1):
        if state.over:
            break
        try:
            state = advance(state, _round_choices(entry, state.phase, number, state.teams))
        except (TypeError, ValueError) as error:
            raise type(error)(f"script round {number}: {error}") from None
    return state


@fill(_DOC)
def outcome_counts(script, seeds, **settings) -> dict:
    """Where games with the same ``script`` end, counted over ``seeds``.

    Parameters
    ----------
    %(script)s
    seeds : iterable of int
        Seeds, whole numbers 0 or more, at least one (e.g. ``range(200)``).
    %(settings)s

    Returns
    -------
    dict
        ``{"games": n, "ends": {state: count}, "detonated": count}``; ``detonated`` counts
        games in which a nuclear weapon was used, the premise included.

    Raises
    ------
    TypeError
        If ``seeds`` is not a list of whole numbers, or the script or a setting has the wrong
        type.
    ValueError
        If ``seeds`` is empty or negative, or the script or a setting is invalid.

    Notes
    -----
    Shows how much of a game's story is chance; chain and points as in :func:`advance`
    (teaching assumptions).
    """
    if isinstance(seeds, (str, bytes)) or not hasattr(seeds, "__iter__"):
        raise TypeError(f"seeds={seeds!r} must be a list of seeds, e.g. range(200)")
    seeds = list(seeds)
    for seed in seeds:
        check_int("seeds item", seed, 0)
    if not seeds:
        raise ValueError("seeds is empty: give at least one seed, e.g. range(200)")
    ends: dict[str, int] = {}
    detonated = 0
    for seed in seeds:
        game = play(script, seed=seed, **settings)
        ends[game.ladder_state] = ends.get(game.ladder_state, 0) + 1
        detonated += game.detonated
    return {"games": len(seeds), "ends": dict(sorted(ends.items(), key=lambda kv: -kv[1])),
            "detonated": detonated}


@fill(_DOC)
def outcome_distribution(script, *, rounded: bool = True, **settings) -> dict:
    """The exact distribution of a scripted game's end, over all chance draws.

    The chain is propagated round by round over (ladder state, whether a weapon has been
    used), with each round's rows taken from the script's moves for the phase of that row.

    Parameters
    ----------
    %(script)s
    rounded : bool, optional
        ``True`` (default) uses the whole-percent d100 bands the game draws from; ``False`` the
        unrounded chain.
    %(settings)s

    Returns
    -------
    dict
        ``{"ends": {state: probability}, "p_detonation": probability}``, the second being the
        chance that a nuclear weapon is used during the game (the premise counts).

    Raises
    ------
    TypeError
        If ``rounded`` is not a bool, or the script or a setting has the wrong type.
    ValueError
        If the script or a setting is invalid.

    Notes
    -----
    Exact propagation of chapter 05's chain (kemeny1960-style absorbing chain); rates and points
    are teaching assumptions.
    """
    from .._validate import check_bool

    rounded = check_bool("rounded", rounded)
    entries = _check_script(script)
    start = new_game(0, **settings)
    n = len(_STATES)
    dist = np.zeros((n, 2))
    dist[_STATES.index(start.start_state), int(start.detonated)] = 1.0
    used = np.array([k in USED_KEYS for k in _STATES])
    absorbing = np.array([k in escalation.ABSORBING_KEYS for k in _STATES])
    for number, entry in enumerate(entries[:start.max_rounds], 1):
        new = np.zeros_like(dist)
        for flag, phase in enumerate(PHASES):
            mass = dist[:, flag]
            if not mass[~absorbing].any():
                new[:, flag] += np.where(absorbing, mass, 0.0)
                continue
            probe = GameState(start.game_format, 0, start.teams, start.max_rounds,
                              start.premise, start.assumptions,
                              history=({"state_after": USED_KEYS[0]},) if flag else ())
            choices, _ = _check_choices(probe, _round_choices(entry, phase, number, start.teams),
                                        None)
            moves = _phase_moves(probe, choices)
            option = next((m.western_option for m in moves if m.western_option), None)
            key = (option, *points(moves))
            P = _round_matrix(option, key[1], key[2], start.assumptions)
            for i in np.flatnonzero(mass > 0):
                if absorbing[i]:
                    new[i, flag] += mass[i]
                    continue
                row = {k: float(p) for k, p in zip(_STATES, P[i]) if p > 0}
                if rounded:
                    row = {k: (last - first + 1) / 100 for k, first, last in
                           _bands(option, key[1], key[2], start.assumptions, _STATES[i])}
                for k, p in row.items():
                    j = _STATES.index(k)
                    new[j, int(flag or used[j])] += mass[i] * p
        dist = new
    ends = {k: float(dist[i].sum()) for i, k in enumerate(_STATES) if dist[i].sum() > 0}
    return {"ends": ends, "p_detonation": float(dist[:, 1].sum())}


# --------------------------------------------------------------------------------------
# The white cell's report, as data (the views turn it into text)
# --------------------------------------------------------------------------------------
def _sig2(x: float) -> float:
    """Two significant figures."""
    return float(f"{x:.2g}")


def _casualty_estimate(record: dict, state: GameState) -> dict | None:
    """Killed and injured ranges for the round's detonation (the premise or a drawn one):
    civilians over the settings ``scenario.CIVILIAN_SETTINGS`` and, for a strike on troops,
    the soldiers of the targeted unit (``scenario.TROOPS``), each over the yields
    ``scenario.DETONATION_YIELDS_KT``; numbers to two significant figures. None if the
    round has no detonation to report."""
    if record["stage"] not in ("premise", "detonation_drawn"):
        return None
    on_troops = record["stage"] == "premise" and state.premise == "strike_on_troops"
    yields = sc.DETONATION_YIELDS_KT
    civilians = {}
    for setting in sc.CIVILIAN_SETTINGS:
        density = effects.density_preset(setting)
        est = [effects.casualties(y, density) for y in yields]
        civilians[setting] = {"density_per_km2": density,
                              "killed": (_sig2(min(e.killed_range[0] for e in est)),
                                         _sig2(max(e.killed_range[1] for e in est))),
                              "injured": (_sig2(min(e.injured_range[0] for e in est)),
                                          _sig2(max(e.injured_range[1] for e in est)))}
    troops = None
    if on_troops:
        killed, injured = [], []
        for size in sc.TROOPS.unit_size:
            for area in sc.TROOPS.area_km2:
                for y in yields:
                    e = effects.casualties(y, size / area)
                    for k in e.killed_range:
                        killed.append(min(k, size))
                    for i in e.injured_range:
                        injured.append(min(i, size - min(e.killed, size)))
        troops = {"unit_size": sc.TROOPS.unit_size, "area_km2": sc.TROOPS.area_km2,
                  "density_per_km2": sc.TROOPS.density_per_km2,
                  "killed": (_sig2(min(killed)), _sig2(max(killed))),
                  "injured": (_sig2(min(injured)), _sig2(max(injured))),
                  "reason": sc.TROOPS.reason}
    return {"yields_kt": yields, "on_troops": on_troops, "civilians": civilians,
            "troops": troops}


def _legal_act(record: dict, state: GameState) -> str | None:
    """The key (``scenario.LEGAL_ACTS``) of the act the round's legal report judges: the
    nuclear use that opened the round if there was one, else the Russian nuclear reply the
    round's events could provoke."""
    if record["stage"] == "premise":
        return ("reply_to_counteroffensive" if state.premise == "strike_on_troops"
                else "demonstration_in_reply")
    if record["stage"] == "detonation_drawn":
        return "demonstration_in_reply"
    if record["stage"] == "counteroffensive":
        return "reply_to_counteroffensive"
    if record["western_option"] in ("conventional_strikes", "conventional_large"):
        return "reply_to_nato_campaign"
    return None


def _legal_assessment(record: dict, state: GameState) -> dict | None:
    """The act judged (actor and act), the walk-through's outcome, the Court's findings that
    apply, and the doctrine conditions Moscow could point to (chapter 02)."""
    key = _legal_act(record, state)
    if key is None:
        return None
    act = sc.LEGAL_ACTS[key]
    view = law.contrast_with_court(act.law_scenario)
    walk = view["walk"]
    happened = record["stage"] in ("premise", "detonation_drawn")
    return {"key": key, "actor": act.actor, "act": act.act, "hypothetical": not happened,
            "outcome": walk.outcome.title, "court_said": walk.outcome.court_said,
            "findings": [(f.letter, f.paraphrase.rstrip("."), f.vote) for f in walk.findings],
            "conditional_on": list(walk.unclear), "court": view["court"],
            "annexation": view["annexation"],
            "doctrine": law.invocable_count(act.law_scenario), "note": act.note}


def _decision_assessment(record: dict, seed: int) -> dict | None:
    """Where Washington's answer ranks in chapter 04's decision analysis."""
    option = record["western_option"]
    if option is None or option not in response.OPTION_KEYS:
        return None
    ranks = {name: response.ranking(w).index(option) + 1 for name, w in response.PRESETS.items()}
    rng = np.random.default_rng([seed, record["round"], 4])
    p_first = response.rank_probabilities(response.PRESETS["op-ed"], rng, n_draws=2000)
    share = float(p_first.p_first[response.OPTION_KEYS.index(option)])
    name = response.OPTIONS[response.OPTION_KEYS.index(option)].name
    return {"option": option, "name": name, "ranks": ranks, "n_options": len(response.OPTIONS),
            "p_first": share}


def consequences(state: GameState, number: int) -> dict:
    """The white cell's report of round ``number`` (already played), as data.

    Parameters
    ----------
    state : GameState
        A game with at least one round played.
    number : int
        The round, a whole number from 1 to the rounds played.

    Returns
    -------
    dict
        ``escalation`` (always: the round's record), and ``effects`` (casualty ranges of a
        detonation), ``law`` (the act judged against the ICJ's opinion) and ``decision`` (where
        Washington's answer ranks) where they apply.

    Raises
    ------
    TypeError
        If ``state`` is not a :class:`GameState` or ``number`` not a whole number.
    ValueError
        If no round has been played or ``number`` is out of range.

    Notes
    -----
    Casualties from :func:`deterrence_lab.models.effects.casualties` (ota1979) over
    ``scenario.DETONATION_YIELDS_KT`` (teaching assumption); law from
    :mod:`deterrence_lab.models.law` (icj1996); decision from
    :mod:`deterrence_lab.models.response`.
    """
    _check_state(state)
    if not state.history:
        raise ValueError("no round has been played yet: call advance() first")
    number = check_int("number", number, 1, len(state.history))
    record = state.history[number - 1]
    report = {"effects": _casualty_estimate(record, state),
              "law": _legal_assessment(record, state),
              "decision": _decision_assessment(record, state.seed),
              "escalation": record}
    return {k: v for k, v in report.items() if v}


# --------------------------------------------------------------------------------------
# Save and load
# --------------------------------------------------------------------------------------
_FIELDS = ("format", "version", "library_version", "game_format", "seed", "premise",
           "assumptions", "assumption_set", "teams", "max_rounds", "decisions", "history")


@fill(_DOC)
def to_dict(state: GameState) -> dict:
    """The game as JSON-ready plain data.

    %(state_args)s

    Returns
    -------
    dict
        The save format's name and version, the library version, the game's format, seed,
        premise, assumption set, teams, rounds, decisions and history.

    %(state_data_end)s
    """
    _check_state(state)
    return {"format": FORMAT, "version": FORMAT_VERSION, "library_version": __version__,
            "game_format": state.game_format, "seed": state.seed, "premise": state.premise,
            "assumptions": state.assumptions,
            "assumption_set": assumption_set(state.assumptions),
            "teams": list(state.teams), "max_rounds": state.max_rounds,
            "decisions": [json.loads(json.dumps(d)) for d in state.decisions],
            "history": [json.loads(json.dumps(h)) for h in state.history]}


@fill(_DOC)
def to_json(state: GameState) -> str:
    """The game as JSON text (see :func:`from_json`).

    %(state_args)s

    Returns
    -------
    str

    %(state_data_end)s
    """
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


@fill(_DOC)
def from_dict(data) -> GameState:
    """A game from :func:`to_dict`'s plain data; anything inconsistent is refused.

    The decisions are replayed from the seed and the result must match the saved history, so a
    file edited by hand (or written by a different model) is caught.

    Parameters
    ----------
    data : dict
        Plain data as :func:`to_dict` returns.

    %(game_state_returned)s

    Raises
    ------
    ValueError
        If ``data`` is not a dict of this save format and version, its fields or rounds do not
        match, its settings are invalid, it was played with other assumptions, or its history
        does not follow from its decisions and seed.

    Notes
    -----
    No numbers of its own.
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
        state = new_game(data["seed"], data["teams"], data["max_rounds"],
                         game_format=data["game_format"],
                         premise=data["premise"] or sc.DEFAULT_PREMISE,
                         assumptions=data["assumptions"])
    except (TypeError, ValueError) as error:
        raise ValueError(f"{where}: {error}") from None
    if state.premise != data["premise"]:
        raise ValueError(f"{where}: premise {data['premise']!r} does not fit the "
                         f"{data['game_format']!r} format")
    if not _same(data["assumption_set"], assumption_set(state.assumptions)):
        raise ValueError(f"{where}: the game was played with other assumptions "
                         f"({data['assumption_set']!r}) than this library's "
                         f"{state.assumptions!r} set; it cannot be replayed here")
    for number, decision in enumerate(decisions, 1):
        try:
            if not isinstance(decision, dict) or set(decision) != {"choices", "notes"}:
                raise ValueError("a decision needs exactly 'choices' and 'notes'")
            if state.over:
                raise ValueError("the replayed game ended before this round, so the saved "
                                 "decisions do not follow from the seed; the file was edited "
                                 "by hand or written by a different version of the models")
            state = advance(state, decision["choices"], decision["notes"])
        except (TypeError, ValueError) as error:
            raise ValueError(f"{where}: round {number}: {error}") from None
    for number, (saved, replayed) in enumerate(zip(history, to_dict(state)["history"]), 1):
        if not _same(saved, replayed):
            raise ValueError(f"{where}: the history of round {number} does not follow from its "
                             "decisions and seed; the file was edited by hand or written by a "
                             "different version of the models")
    return state


@fill(_DOC)
def from_json(text) -> GameState:
    """A game from JSON text written by :func:`to_json`.

    Parameters
    ----------
    text : str or bytes
        The JSON text (bytes must be UTF-8).

    %(game_state_returned)s

    Raises
    ------
    TypeError
        If ``text`` is neither text nor bytes.
    ValueError
        If it is not UTF-8 or not valid JSON, or :func:`from_dict` refuses it.

    Notes
    -----
    No numbers of its own.
    """
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


@fill(_DOC)
def save(state: GameState, path) -> None:
    """Write the game to ``path`` as JSON.

    %(state_args)s
    path : str or os.PathLike
        The file to write.

    Raises
    ------
    TypeError
        If ``state`` is not a :class:`GameState` or ``path`` is not a path.
    %(value_error_to_dict)s
    OSError
        If the file cannot be written.

    Notes
    -----
    No numbers of its own.
    """
    from pathlib import Path

    Path(path).write_text(to_json(state), encoding="utf-8")


@fill(_DOC)
def load(path) -> GameState:
    """Read a game saved with :func:`save`; nothing else changes.

    Parameters
    ----------
    path : str or os.PathLike
        The file to read.

    %(game_state_returned)s

    Raises
    ------
    TypeError
        If ``path`` is not a path.
    ValueError
        If the file is not a valid save (see :func:`from_json` and :func:`from_dict`).
    OSError
        If the file cannot be read.

    Notes
    -----
    No numbers of its own.
    """
    from pathlib import Path

    return from_json(Path(path).read_bytes())
