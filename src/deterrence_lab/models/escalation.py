"""The escalation ladder: Kahn's rungs, an absorbing Markov chain, brinkmanship, cumulative risk.

Chapter 05 asks where a first "small" nuclear use could lead. Kahn (1965) [kahn1965], the
module's main reference, described escalation as a ladder of 44 rungs separated by
thresholds; Schelling (1960, 1966) [schelling1960; schelling1966] argued that what makes a
threat bite is the risk, not the certainty, of things getting out of hand. The chain's
exact results are those of absorbing Markov chains [kemeny1960]. This module turns both ideas into models a student can compute with:

* ``KAHN_RUNGS`` / ``KAHN_THRESHOLDS``: the ladder as data, each rung with its source;
* ``LADDER_STATES``: a compact ladder mapped to Kahn's rungs that *remembers* a first
  nuclear use (conventional war and threats after a use are states of their own, with their
  own rates), and :func:`ladder_matrix` / :func:`ladder_parameters`, an absorbing Markov
  chain built from up / down / settle probabilities per state (teaching assumptions, stated
  below); ``memory=False`` gives the memoryless chain for comparison;
* exact results from the fundamental matrix ``N = (I - Q)^-1`` (:func:`fundamental_matrix`,
  :func:`absorption_probabilities`, :func:`end_probabilities` (by state name),
  :func:`expected_steps`, :func:`absorption_time_distribution`), with states classified once
  by :func:`classify_states`
  and vectorised Monte Carlo (:func:`simulate_absorption`, :func:`sample_trajectories`);
* the Western response options come from the one option table,
  :mod:`deterrence_lab.content.options` ("no response" is the baseline); this module
  defines no option effect of its own;
* :func:`brinkmanship`: a competition in risk-taking (Schelling; Powell 1990, 2015);
* :func:`cumulative_risk`: ``1 - (1 - p)^n`` with Hellman's (2008) range for reference;
* ``CALIBRATION_ESTIMATES``, ``OUTCOME_RECORD`` and ``PLAN_A``: published numbers to hold
  the model against.

A "step" of the chain is one round of decisions by both sides; the model assigns it no
length in days (a teaching simplification).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._validate import (
    as_float_array,
    check_broadcast,
    check_choice,
    check_int,
    check_probability,
    check_range,
    check_rng,
    single_number,
)
from ..content import options as _options
from ..content.sources import TEACHING_ASSUMPTION
from .._docstring import fill, pieces, section, sections

_DOC = pieces(
    kahn_source="""
        source : str, optional
            Source key, default ``"kahn1965"``.
        where : str, optional
            Where in the source and its reproductions.
        """,
    transition_matrix="""
        transition_matrix : array_like, shape (n, n)
            Row-stochastic matrix of an absorbing chain (see :func:`check_transition_matrix`);
            entry (i, j) is the probability of moving from state i to state j in one round.
        """,
    absorb_atol="""
        absorb_atol : float, optional
            A state whose probabilities of moving elsewhere sum to at most this counts as absorbing,
            in [0, 1e-3] (default ``ABSORB_ATOL``, 1e-15).
        """,
    start="""
        start : int or str
            A transient state: an index, or for the 10-state compact ladder a key of
            ``STATE_KEYS``.
        """,
    n_paths="""
        n_paths : int
            Number of paths, a whole number in [1, 10000000].
        """,
    rng="""
        rng : numpy.random.Generator
            Source of randomness, e.g. ``np.random.default_rng(2023)``.
        """,
    chain_type_error="""
        TypeError
            If the matrix or a number is not numeric, or an index is not a whole number
        """,
    chain_value_error="""
        ValueError
            If the matrix is not a valid absorbing chain (not square, entries outside [0, 1], a row
            not summing to 1, no absorbing state, a state from which no end can be reached), or an
            argument is out of range
        """,
    chain_errors="""
        %(chain_type_error)s.
        %(chain_value_error)s
        """,
    kemeny="""
        Standard absorbing Markov chain theory (kemeny1960): with the transient block Q and the
        block R into the absorbing states, N = (I − Q)^-1.
        """,
    chain_args=section("Parameters", "%(transition_matrix)s", "%(absorb_atol)s"),
    chain_end=sections(("Raises", "%(chain_errors)s."), ("Notes", "%(kemeny)s")),
    sampling_end=sections(
        ("Raises", "%(chain_type_error)s, or ``rng`` is not a numpy Generator.",
         "%(chain_value_error)s, or ``start`` is unknown or absorbing."),
        ("Notes", "%(kemeny)s")),
)

# ---------------------------------------------------------------------------------------
# Kahn's ladder as data
# ---------------------------------------------------------------------------------------


@fill(_DOC)
@dataclass(frozen=True)
class Rung:
    """One rung of Kahn's escalation ladder.

    Parameters
    ----------
    number : int
        Rung number, 1 (ostensible crisis) to 44 (spasm or insensate war).
    name : str
        Kahn's name for the rung.
    group : str
        Kahn's name for the band of rungs it sits in.
    %(kahn_source)s

    Notes
    -----
    A plain record; the rungs are kahn1965 (ladder figure, p. 39) as reproduced in davis1984
    (Fig. 2) and baloogan2015 (see ``KAHN_NOTE``).
    """

    number: int
    name: str
    group: str
    source: str = "kahn1965"
    where: str = "ladder figure, p. 39; names as reproduced in davis1984 (Fig. 2) and baloogan2015"


@fill(_DOC)
@dataclass(frozen=True)
class Threshold:
    """A threshold of Kahn's ladder, lying just below rung ``below_rung``.

    Parameters
    ----------
    name : str
        Kahn's name for the threshold.
    below_rung : int
        Crossing it means climbing onto this rung.
    %(kahn_source)s

    Notes
    -----
    A plain record; kahn1965, ladder figure, p. 39.
    """

    name: str
    below_rung: int
    source: str = "kahn1965"
    where: str = "ladder figure, p. 39; as reproduced in davis1984 (Fig. 2) and baloogan2015"


_GROUPS = (  # (name, first rung, last rung)
    ("Subcrisis maneuvering", 1, 3),
    ("Traditional crises", 4, 9),
    ("Intense crises", 10, 20),
    ("Bizarre crises", 21, 25),
    ("Exemplary central attacks", 26, 31),
    ("Military central wars", 32, 38),
    ("Civilian central wars", 39, 44),
)

_RUNG_NAMES = (
    "Ostensible crisis",
    "Political, economic, and diplomatic gestures",
    "Solemn and formal declarations",
    "Hardening of positions – confrontation of wills",
    "Show of force",
    "Significant mobilization",
    "\"Legal\" harassment – retortions",
    "Harassing acts of violence",
    "Dramatic military confrontations",
    "Provocative breaking off of diplomatic relations",
    "Super-ready status",
    "Large conventional war (or actions)",
    "Large compound escalation",
    "Declaration of limited conventional war",
    "Barely nuclear war",
    "Nuclear \"ultimatums\"",
    "Limited evacuation (approximately 20 percent)",
    "Spectacular show or demonstration of force",
    "\"Justifiable\" counterforce attack",
    "\"Peaceful\" world-wide embargo or blockade",
    "Local nuclear war – exemplary",
    "Declaration of limited nuclear war",
    "Local nuclear war – military",
    "Unusual, provocative, and significant countermeasures",
    "Evacuation (approximately 70 percent)",
    "Demonstration attack on zone of interior",
    "Exemplary attack on military",
    "Exemplary attacks against property",
    "Exemplary attacks on population",
    "Complete evacuation (approximately 95 percent)",
    "Reciprocal reprisals",
    "Formal declaration of \"general\" war",
    "Slow-motion counter-\"property\" war",
    "Slow-motion counterforce war",
    "Constrained force-reduction salvo",
    "Constrained disarming attack",
    "Counterforce-with-avoidance attack",
    "Unmodified counterforce attack",
    "Slow-motion countercity war",
    "Countervalue salvo",
    "Augmented disarming attack",
    "Civilian devastation attack",
    "Some other kinds of controlled general war",
    "Spasm or insensate war",
)


def _group_of(number: int) -> str:
    return next(name for name, first, last in _GROUPS if first <= number <= last)


KAHN_RUNGS: tuple[Rung, ...] = tuple(
    Rung(number, name, _group_of(number)) for number, name in enumerate(_RUNG_NAMES, start=1))

KAHN_THRESHOLDS: tuple[Threshold, ...] = (
    Threshold("Don't rock the boat", 4),
    Threshold("Nuclear war is unthinkable", 10),
    Threshold("No nuclear use", 21),
    Threshold("Central sanctuary", 26),
    Threshold("Central war", 32),
    Threshold("City targeting", 39),
)

KAHN_NOTE = (
    "Rungs 1-42 appear with the same names in two independent reproductions of Kahn's figure "
    "(davis1984, Fig. 2, as transcribed publicly; baloogan2015, a transcription with two typing "
    "slips at rungs 13 and 17, where the RAND wording is used). Rung 43 was found in one "
    "reproduction only; rung 44 and the place of the nuclear threshold are in both.")


def kahn_rung(number) -> Rung:
    """Kahn's rung ``number`` (1 = ostensible crisis ... 44 = spasm or insensate war).

    Parameters
    ----------
    number : int
        A whole number in [1, 44].

    Returns
    -------
    Rung
        The rung with its name, group and source.

    Raises
    ------
    TypeError
        If ``number`` is not a whole number.
    ValueError
        If it is fractional or outside [1, 44].

    Notes
    -----
    kahn1965, ladder figure, p. 39, as reproduced in davis1984 (Fig. 2) and baloogan2015.
    """
    number = check_int("number", number, 1, len(KAHN_RUNGS))
    return KAHN_RUNGS[number - 1]


# ---------------------------------------------------------------------------------------
# The compact ladder, with a memory of the first nuclear use
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LadderState:
    """A state of the compact ladder, with the Kahn rungs it stands for.

    Parameters
    ----------
    key : str
        Identifier (``STATE_KEYS``).
    label : str
        The state in words.
    short : str
        The label figures and reports use inside a sentence or on a crowded axis.
    kahn_rungs : tuple of (int, int) or None
        First and last of Kahn's rungs it stands for; ``None`` for a state off the ladder.
    level : int
        Height, 0 (conventional war) to 6 (general war); -1 for settlement.
    after_use : bool, optional
        Whether the state can only be reached once a nuclear weapon has been used, so the chain
        remembers the broken taboo (default False).
    up_to, down_to : str, optional
        The state one step up or down on the remembering ladder (``""``: none).
    absorbing : bool, optional
        Whether the chain ends there (default False).
    source : str, optional
        Default ``TEACHING_ASSUMPTION``.
    where : str, optional
        The reason for the grouping.

    Notes
    -----
    A plain record. The grouping of kahn1965's rungs is a teaching assumption: Kahn's ladder is
    a US-Soviet scheme and its mapping to a war in Ukraine is approximate.
    """

    key: str
    label: str
    short: str
    kahn_rungs: tuple[int, int] | None
    level: int
    after_use: bool = False
    up_to: str = ""
    down_to: str = ""
    absorbing: bool = False
    source: str = TEACHING_ASSUMPTION
    where: str = ("grouping of Kahn's rungs chosen for this course; Kahn's ladder is a US-Soviet "
                  "scheme and the mapping to a war in Ukraine is approximate")


LADDER_STATES: tuple[LadderState, ...] = (
    LadderState("conventional_war", "Conventional war in Ukraine", "conventional war", (12, 14), 0,
                up_to="nuclear_threats"),
    LadderState("nuclear_threats", "Nuclear threats and alerts", "nuclear threats", (16, 18), 1,
                up_to="first_use", down_to="conventional_war"),
    LadderState("first_use", "A single demonstrative nuclear use",
                "single nuclear use", (21, 21), 2, after_use=True,
                up_to="battlefield_use", down_to="threats_after_use"),
    LadderState("battlefield_use", "Limited battlefield nuclear use",
                "battlefield nuclear use", (22, 25), 3, after_use=True,
                up_to="theatre_exchange", down_to="threats_after_use"),
    LadderState("theatre_exchange", "Nuclear strikes across the European theatre",
                "theatre exchange", (26, 31), 4,
                after_use=True, up_to="strategic_exchange", down_to="battlefield_use"),
    LadderState("strategic_exchange", "Limited strategic exchange",
                "strategic exchange", (32, 38), 5, after_use=True,
                up_to="general_war", down_to="theatre_exchange"),
    LadderState("threats_after_use", "Nuclear threats after a nuclear use",
                "threats after a use", (16, 18), 1,
                after_use=True, up_to="battlefield_use", down_to="conventional_after_use"),
    LadderState("conventional_after_use", "Conventional war after a nuclear use",
                "conventional war after a use", (12, 14), 0,
                after_use=True, up_to="threats_after_use"),
    LadderState("settlement", "Settlement or ceasefire (off the ladder)",
                "settlement", None, -1, absorbing=True),
    LadderState("general_war", "General nuclear war",
                "general nuclear war", (39, 44), 6, after_use=True,
                absorbing=True),
)
STATE_KEYS: tuple[str, ...] = tuple(s.key for s in LADDER_STATES)
TRANSIENT_KEYS: tuple[str, ...] = tuple(s.key for s in LADDER_STATES if not s.absorbing)
ABSORBING_KEYS: tuple[str, ...] = tuple(s.key for s in LADDER_STATES if s.absorbing)
PRE_USE_KEYS: tuple[str, ...] = tuple(s.key for s in LADDER_STATES
                                      if not s.absorbing and not s.after_use)
_STATE = {s.key: s for s in LADDER_STATES}
_N_RUNGS = len(TRANSIENT_KEYS)
_SETTLE = STATE_KEYS.index("settlement")
_WAR = STATE_KEYS.index("general_war")
FIRST_NUCLEAR_STATE = "first_use"
FURTHER_USE_STATE = "battlefield_use"   # reaching it means a second nuclear use
# The memoryless ladder forgets the first use: its steps down return to the pre-use rungs.
_MEMORYLESS_DOWN = {"first_use": "nuclear_threats", "battlefield_use": "first_use"}
_MEMORYLESS_UP = {"threats_after_use": "first_use"}
# The response options are read from the one option table (content.options), never defined here.
OPTION_KEYS: tuple[str, ...] = _options.OPTION_KEYS
# Below this sum of probabilities of leaving, a state counts as absorbing ("up to rounding").
ABSORB_ATOL = 1e-15


def state(key: str) -> LadderState:
    """The ladder state ``key``.

    Parameters
    ----------
    key : str
        One of ``STATE_KEYS``.

    Returns
    -------
    LadderState

    Raises
    ------
    ValueError
        If ``key`` is not a state key (the message lists them).

    Notes
    -----
    The states are a teaching assumption grouping kahn1965's rungs (see :class:`LadderState`).
    """
    return _STATE[check_choice("key", key, STATE_KEYS)]


@dataclass(frozen=True)
class Assumption:
    """Labelled values with their reason: a teaching assumption, or a range taken from a source.

    Parameters
    ----------
    values : tuple of float
        The values (probabilities, months, rates per year, as the name says).
    reason : str
        Why these values.
    source : str, optional
        A source key, default ``TEACHING_ASSUMPTION``.

    Notes
    -----
    A plain record; ``BASELINE`` holds the chain's teaching assumptions, ``RECORD_MONTHS`` and
    ``HELLMAN_RANGE_PER_YEAR`` sourced values (ap2024, hellman2008).
    """

    values: tuple[float, ...]
    reason: str
    source: str = TEACHING_ASSUMPTION


# Per transient state, in TRANSIENT_KEYS order: conventional war, threats, first use,
# battlefield use, theatre, strategic, then the two after-use states (threats, conventional).
# From first use upward these are the rates of a world in which the West gives NO response
# (the option "no_response" of content.options, factors 1): every answer is measured from it.
BASELINE = {
    "up": Assumption(
        (0.05, 0.08, 0.15, 0.20, 0.25, 0.30, 0.12, 0.07),
        "The chance of climbing one state in a round grows with height: once nuclear weapons are "
        "in use, each side has more to answer, less time to decide and less control over its "
        "own forces. After a first use the taboo is broken: a second use needs no new threshold "
        "to be crossed, so from threats after a use a further use (0.12) is likelier than a "
        "first use from threats before any (0.08), and conventional war after a use returns to "
        "threats faster (0.07 against 0.05)."),
    "down": Assumption(
        (0.00, 0.25, 0.30, 0.25, 0.20, 0.15, 0.20, 0.00),
        "Stepping back is most likely right after a shock (threats, a single demonstrative use) "
        "and harder once forces are committed; from conventional war there is no lower rung. "
        "After a use, threats recede more slowly (0.20 against 0.25): the side that used a "
        "weapon has shown it will."),
    "settle": Assumption(
        (0.08, 0.05, 0.10, 0.08, 0.05, 0.05, 0.08, 0.08),
        "A ceasefire is possible at any height but is most often reached in the conventional "
        "phase or right after a first use, when both sides have the strongest reason to stop."),
}


def _after_use_mask() -> np.ndarray:
    return np.array([_STATE[k].after_use for k in TRANSIENT_KEYS])


def _per_state(name: str, value) -> np.ndarray:
    """A probability per transient state, from a scalar or a sequence of one per state."""
    arr = check_probability(name, value)
    if arr.ndim == 0:
        return np.full(_N_RUNGS, float(arr))
    if arr.shape != (_N_RUNGS,):
        raise ValueError(f"{name} has shape {arr.shape}: give one number or {_N_RUNGS} numbers, "
                         f"one per state ({', '.join(TRANSIENT_KEYS)})")
    return arr.copy()


def ladder_matrix(up, down, settle, *, memory: bool = True) -> np.ndarray:
    """The transition matrix (10 x 10, ``STATE_KEYS`` order) of the compact ladder.

    Whatever is left in a row after up, down and settle is the chance of staying put for a
    round. From the top transient state a step up is general war; from the two conventional
    states a step down is impossible, so that probability must be 0.

    Parameters
    ----------
    up, down, settle : float or array_like, shape (8,)
        Probability per round of climbing one state, stepping down one state and settling:
        one number for every transient state, or one per state in ``TRANSIENT_KEYS`` order;
        each in [0, 1], and up + down + settle at most 1 per state.
    memory : bool, optional
        ``True`` (default): the ladder that remembers a first use (stepping down from a nuclear
        use leads to threats after a use, with their own rates, and a climb from there is a
        further use). ``False``: the memoryless chain, in which a step down from a single use
        returns to the pre-use threats and the two after-use states are never reached.

    Returns
    -------
    ndarray, shape (10, 10)
        Row-stochastic matrix; settlement and general war are absorbing.

    Raises
    ------
    TypeError
        If ``memory`` is not a bool, or a probability is not a number.
    ValueError
        If a probability is outside [0, 1] or has the wrong shape, ``down`` is positive for a
        conventional state, or up + down + settle exceeds 1 for a state.

    Notes
    -----
    The ladder's states group kahn1965's rungs (a teaching assumption); the rates are the
    caller's (the course's are ``BASELINE``, teaching assumptions with reasons).
    """
    if not isinstance(memory, (bool, np.bool_)):
        raise TypeError(f"memory={memory!r} must be True or False")
    up, down, settle = _per_state("up", up), _per_state("down", down), _per_state("settle", settle)
    for i, key in enumerate(TRANSIENT_KEYS):
        if not _STATE[key].down_to and down[i] > 0:
            raise ValueError(f"down={down[i]:g} for {key}: there is no lower rung, give 0 for it")
    total = up + down + settle
    if np.any(total > 1 + 1e-12):
        i = int(np.argmax(total))
        raise ValueError(f"up + down + settle = {total[i]:.3g} for {TRANSIENT_KEYS[i]}: the three "
                         "probabilities of leaving a state may add up to at most 1")
    n = len(STATE_KEYS)
    P = np.zeros((n, n))
    for i, key in enumerate(TRANSIENT_KEYS):
        s = _STATE[key]
        up_to = s.up_to if memory else _MEMORYLESS_UP.get(key, s.up_to)
        down_to = s.down_to if memory else _MEMORYLESS_DOWN.get(key, s.down_to)
        row = STATE_KEYS.index(key)
        P[row, STATE_KEYS.index(up_to)] += up[i]
        if down_to:
            P[row, STATE_KEYS.index(down_to)] += down[i]
        P[row, _SETTLE] += settle[i]
        P[row, row] = max(0.0, 1.0 - total[i])
    P[_SETTLE, _SETTLE] = P[_WAR, _WAR] = 1.0
    return P


def ladder_parameters(option: str | None = None, *, up_scale=1.0, down_scale=1.0,
                      settle_scale=1.0, level: str = "central",
                      factors: dict | None = None) -> dict[str, np.ndarray]:
    """Up / down / settle probabilities per transient state (``TRANSIENT_KEYS`` order).

    The baseline is the chain with no Western response. A response ``option`` multiplies the
    rates of every state after a first use by its ladder factors from the option table.

    Parameters
    ----------
    option : str or None, optional
        A key of :data:`deterrence_lab.content.options.OPTION_KEYS`; ``None`` (default) is no
        response.
    up_scale, down_scale, settle_scale : float, optional
        Overall scales in [0, 3] (default 1) multiplying every state's rate, for "what if every
        step were twice as likely?" questions.
    level : str, optional
        Which end of the option's factor ranges: ``"low"``, ``"central"`` (default),
        ``"high"``, or ``"worst"`` / ``"best"`` (the combination most / least prone to escalate).
    factors : dict of str to float or None, optional
        Replacement factors with keys among ``up``, ``down``, ``settle``, each in [0, 3].

    Returns
    -------
    dict of str to ndarray, shape (8,)
        ``{"up": ..., "down": ..., "settle": ...}``, ready for :func:`ladder_matrix`.

    Raises
    ------
    TypeError
        If a scale or factor is not a number.
    ValueError
        If ``option`` or ``level`` is unknown, ``factors`` has other keys, or a scale or factor
        is outside [0, 3] or not a single number.

    Notes
    -----
    ``BASELINE`` rates and the option factors (:mod:`deterrence_lab.content.options`) are
    teaching assumptions with written reasons.
    """
    effect = _options.ladder_factors(option, level)
    if factors is not None:
        if not isinstance(factors, dict) or set(factors) - set(_options.LADDER_MOVES):
            raise ValueError(f"factors={factors!r} must be a dict with keys among "
                             f"{', '.join(_options.LADDER_MOVES)}")
        for name, value in factors.items():
            effect[name] = float(single_number(f"factors[{name!r}]",
                                               check_range(f"factors[{name!r}]", value, 0.0, 3.0)))
    scales = {"up": check_range("up_scale", up_scale, 0.0, 3.0),
              "down": check_range("down_scale", down_scale, 0.0, 3.0),
              "settle": check_range("settle_scale", settle_scale, 0.0, 3.0)}
    for name, arr in scales.items():
        if arr.ndim != 0:
            raise ValueError(f"{name}_scale={arr.tolist()!r} must be a single number")
    after = _after_use_mask()
    return {name: np.array(a.values) * float(scales[name]) * np.where(after, effect[name], 1.0)
            for name, a in BASELINE.items()}


# ---------------------------------------------------------------------------------------
# Absorbing Markov chains: checks, exact results, simulation
# ---------------------------------------------------------------------------------------


@fill(_DOC)
def classify_states(transition_matrix, *, absorb_atol: float = ABSORB_ATOL) -> np.ndarray:
    """A boolean mask, True for the absorbing states: those that nothing leaves.

    Parameters
    ----------
    %(transition_matrix)s Only its shape is checked here.
    %(absorb_atol)s

    Returns
    -------
    ndarray of bool, shape (n,)
        True where the probabilities of moving to other states add up to at most
        ``absorb_atol``.

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If the matrix is not square or ``absorb_atol`` is outside [0, 1e-3].

    Notes
    -----
    %(kemeny)s Every function of this module classifies states this way, once.
    """
    tol = float(check_range("absorb_atol", absorb_atol, 0.0, 1e-3))
    P = as_float_array("transition_matrix", transition_matrix)
    if P.ndim != 2 or P.shape[0] != P.shape[1]:
        raise ValueError(f"transition_matrix has shape {P.shape}: give a square matrix")
    return _leave(P) <= tol


def _leave(P: np.ndarray) -> np.ndarray:
    """Each state's chance of leaving: the sum of its off-diagonal entries (never 1 - P[i, i],
    which loses a tiny probability of leaving to rounding)."""
    off = P.copy()
    np.fill_diagonal(off, 0.0)
    return off.sum(axis=1)


@fill(_DOC)
def check_transition_matrix(transition_matrix, *, atol: float = 1e-9,
                            absorb_atol: float = ABSORB_ATOL) -> np.ndarray:
    """The matrix as a float array if it is a valid absorbing chain.

    Parameters
    ----------
    %(transition_matrix)s
    atol : float, optional
        Tolerance for each row summing to 1, in [0, 0.01] (default 1e-9).
    %(absorb_atol)s

    Returns
    -------
    ndarray, shape (n, n)
        The matrix as floats.

    %(chain_end)s Without a path to an end state I − Q is singular and the chain may wander for ever.
    """
    atol = float(check_range("atol", atol, 0.0, 0.01))
    P = as_float_array("transition_matrix", transition_matrix)
    if P.ndim != 2 or P.shape[0] != P.shape[1] or P.shape[0] < 2:
        raise ValueError(f"transition_matrix has shape {P.shape}: give a square matrix, "
                         "at least 2 x 2, one row and one column per state")
    check_probability("transition_matrix", P)
    sums = P.sum(axis=1)
    bad = np.flatnonzero(np.abs(sums - 1.0) > atol)
    if bad.size:
        raise ValueError(f"transition_matrix row {bad[0]} sums to {sums[bad[0]]:.6g}: each row holds "
                         "the probabilities of all next states and must sum to 1")
    absorbing = classify_states(P, absorb_atol=absorb_atol)
    if not absorbing.any():
        raise ValueError("transition_matrix has no absorbing state (no row that nothing leaves): "
                         "an absorbing chain needs at least one end state")
    reach = absorbing.copy()
    link = P > 0
    for _ in range(P.shape[0]):
        grown = reach | link[:, reach].any(axis=1)
        if np.array_equal(grown, reach):
            break
        reach = grown
    if not reach.all():
        stuck = np.flatnonzero(~reach)
        raise ValueError(f"transition_matrix: from state {stuck[0]} no absorbing state can be reached, "
                         "so the chain could run for ever; give it a path to an end state")
    return P


@fill(_DOC)
def absorbing_states(transition_matrix, *, absorb_atol: float = ABSORB_ATOL) -> np.ndarray:
    """Indices of the absorbing states (:func:`classify_states`).

    %(chain_args)s

    Returns
    -------
    ndarray of int

    %(chain_end)s
    """
    P = check_transition_matrix(transition_matrix, absorb_atol=absorb_atol)
    return np.flatnonzero(classify_states(P, absorb_atol=absorb_atol))


def _split(transition_matrix, absorb_atol: float = ABSORB_ATOL):
    """P, transient and absorbing indices, ``I - Q`` and ``R``. The diagonal of ``I - Q`` is
    each state's chance of *leaving* (the sum of its off-diagonal entries), not ``1 - P[i, i]``,
    so tiny probabilities of leaving keep their precision."""
    P = check_transition_matrix(transition_matrix, absorb_atol=absorb_atol)
    absorbing = classify_states(P, absorb_atol=absorb_atol)
    transient = np.flatnonzero(~absorbing)
    ends = np.flatnonzero(absorbing)
    Q = P[np.ix_(transient, transient)]
    I_minus_Q = -Q.copy()
    leave = _leave(P)[transient]
    I_minus_Q[np.arange(transient.size), np.arange(transient.size)] = leave
    return P, transient, ends, I_minus_Q, P[np.ix_(transient, ends)]


@fill(_DOC)
def fundamental_matrix(transition_matrix, *, absorb_atol: float = ABSORB_ATOL) -> np.ndarray:
    """The fundamental matrix N = (I − Q)^-1 of an absorbing chain.

    %(chain_args)s

    Returns
    -------
    ndarray, shape (t, t), rounds
        Entry (i, j) is the expected number of rounds spent in transient state j when starting
        in transient state i; rows and columns follow the transient states in index order.

    %(chain_end)s
    """
    _, transient, _, M, _ = _split(transition_matrix, absorb_atol)
    return np.linalg.solve(M, np.eye(transient.size))


@fill(_DOC)
def absorption_probabilities(transition_matrix, *, absorb_atol: float = ABSORB_ATOL) -> np.ndarray:
    """B = N R: the probability of ending in each absorbing state from each transient state.

    Solved from (I − Q) B = R, no inverse formed. To read it by state name use
    :func:`end_probabilities`.

    %(chain_args)s

    Returns
    -------
    ndarray, shape (t, a)
        Entry (i, k): started in transient state i, the chain ends in absorbing state k (both
        in index order; see :func:`absorbing_states`). Rows sum to 1.

    %(chain_end)s
    """
    _, _, _, M, R = _split(transition_matrix, absorb_atol)
    return np.linalg.solve(M, R)


@fill(_DOC)
def expected_steps(transition_matrix, *, absorb_atol: float = ABSORB_ATOL) -> np.ndarray:
    """t = N 1: expected number of rounds before absorption, per transient starting state.

    %(chain_args)s

    Returns
    -------
    ndarray, shape (t,), rounds

    %(chain_end)s
    """
    _, transient, _, M, _ = _split(transition_matrix, absorb_atol)
    return np.linalg.solve(M, np.ones(transient.size))


def _state_names(P: np.ndarray) -> tuple[str, ...]:
    """State keys for the compact ladder's matrices; index strings for any other matrix."""
    if P.shape[0] == len(STATE_KEYS):
        return STATE_KEYS
    return tuple(str(i) for i in range(P.shape[0]))


def _any_index(start, P: np.ndarray) -> int:
    """A state given as an index or, for the compact ladder, as a state key (absorbing allowed)."""
    if isinstance(start, str):
        if P.shape[0] != len(STATE_KEYS):
            raise ValueError(f"start={start!r}: state names work for the {len(STATE_KEYS)}-state "
                             "compact ladder only; give an index for this matrix")
        return STATE_KEYS.index(check_choice("start", start, STATE_KEYS))
    return check_int("start", start, 0, P.shape[0] - 1)


def _start_index(start, P: np.ndarray, absorb_atol: float = ABSORB_ATOL) -> int:
    """A transient starting state given as an index or a state key."""
    index = _any_index(start, P)
    if classify_states(P, absorb_atol=absorb_atol)[index]:
        raise ValueError(f"start={start!r} is an absorbing state (nothing leaves it): start from a "
                         "transient state")
    return index


@dataclass(frozen=True)
class EndProbabilities:
    """Where a chain started in ``start`` ends.

    Parameters
    ----------
    start : str
        The starting state's name (a ladder key, or the index as text for other matrices).
    ends : dict of str to float
        Every absorbing state's name to the probability of ending there.
    expected_rounds : float, rounds
        Mean number of rounds before the end.
    start_absorbing : bool
        True when ``start`` is itself absorbing (then it is its own end, with probability 1,
        after 0 rounds).

    Notes
    -----
    A plain record, as :func:`end_probabilities` returns.
    """

    start: str
    ends: dict
    expected_rounds: float
    start_absorbing: bool

    def get(self, key: str, default: float = 0.0) -> float:
        """The probability of ending in ``key``, or ``default`` if it is not an end state.

        Parameters
        ----------
        key : str
            A state name.
        default : float, optional
            Returned when ``key`` is not among the ends (default 0).

        Returns
        -------
        float

        Notes
        -----
        No numbers of its own: a lookup in ``ends``.
        """
        return self.ends.get(key, default)


@fill(_DOC)
def end_probabilities(transition_matrix, start, *,
                      absorb_atol: float = ABSORB_ATOL) -> EndProbabilities:
    """Exact end-state probabilities from ``start``, looked up by state.

    States are classified once (:func:`classify_states`); rows and columns are found by state,
    never by position, so a state that becomes absorbing (say, conventional war when nothing
    can leave it) appears among the ends under its own name.

    Parameters
    ----------
    %(transition_matrix)s
    start : int or str
        An index or, for the compact ladder, a state key; an absorbing start is reported as
        such rather than refused.
    %(absorb_atol)s

    Returns
    -------
    EndProbabilities

    Raises
    ------
    %(chain_errors)s, or ``start`` is an unknown key or index (a key is refused for a matrix that is
        not the compact ladder).

    Notes
    -----
    %(kemeny)s Computed by state reduction (eliminating the other transient states one at a
    time), which keeps full precision for very small probabilities.
    """
    P = check_transition_matrix(transition_matrix, absorb_atol=absorb_atol)
    names = _state_names(P)
    index = _any_index(start, P)
    absorbing = classify_states(P, absorb_atol=absorb_atol)
    if absorbing[index]:
        ends = {names[j]: float(j == index) for j in np.flatnonzero(absorbing)}
        return EndProbabilities(names[index], ends, 0.0, True)
    ends_idx = np.flatnonzero(absorbing)
    B, t = _state_reduction(P, absorbing, index)
    return EndProbabilities(names[index], {names[j]: float(B[j]) for j in ends_idx},
                            float(t), False)


def _state_reduction(P: np.ndarray, absorbing: np.ndarray, start: int):
    """Absorption probabilities (over all states; nonzero only at absorbing ones) and expected
    rounds from ``start``, by eliminating the other transient states one at a time.

    This is the state-reduction idea of Grassmann, Taksar and Heyman: every step adds and
    multiplies non-negative numbers, and each state's chance of leaving is a *sum* of its
    exits, never ``1 - stay``. So chains with very small but non-zero probabilities, whose
    ``I - Q`` is nearly singular, keep full relative precision.
    """
    n = P.shape[0]
    leave = _leave(P)
    J = np.zeros((n, n))
    tau = np.zeros(n)
    live = ~absorbing
    J[live] = P[live] / leave[live, None]
    J[np.arange(n), np.arange(n)] = 0.0
    tau[live] = 1.0 / leave[live]
    for k in np.flatnonzero(live):
        if k == start:
            continue
        out = np.delete(J[k], k).sum()
        into = np.flatnonzero((J[:, k] > 0) & live)
        into = into[into != k]
        if into.size:
            f = J[into, k] / out
            row = J[k].copy()
            row[k] = 0.0
            J[into] += f[:, None] * row[None, :]
            tau[into] += f * tau[k]
            J[into, k] = 0.0
        live[k] = False
        J[:, k] = 0.0
    out = np.delete(J[start], start).sum()
    B = J[start] / out
    B[start] = 0.0
    return np.where(absorbing, B, 0.0), tau[start] / out


@fill(_DOC)
def absorption_time_distribution(transition_matrix, start, max_steps) -> np.ndarray:
    """Probability of absorption in each end state exactly at round k, k = 1 ... ``max_steps``.

    Parameters
    ----------
    %(transition_matrix)s
    %(start)s
    max_steps : int
        Rounds to compute, a whole number in [1, 100000].

    Returns
    -------
    ndarray, shape (max_steps, a)
        D[k − 1, j] = e_start Q^(k−1) R[:, j]. ``D.sum(axis=1)`` is the distribution of the
        time to absorption; what is missing from 1 is absorption later.

    Raises
    ------
    %(chain_errors)s, or ``start`` is unknown or absorbing.

    Notes
    -----
    %(kemeny)s
    """
    P, transient, _, _, R = _split(transition_matrix)
    start = _start_index(start, P)
    Q = P[np.ix_(transient, transient)]
    max_steps = check_int("max_steps", max_steps, 1, 100_000)
    row = np.zeros(transient.size)
    row[np.searchsorted(transient, start)] = 1.0
    out = np.empty((max_steps, R.shape[1]))
    for k in range(max_steps):
        out[k] = row @ R
        row = row @ Q
    return out


def _advance(table, states: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One move for every path: the next state by inverse-CDF sampling of each path's row."""
    targets, cumulative = table
    u = rng.random(states.size)
    column = (u[:, None] >= cumulative[states]).sum(axis=1)
    return targets[states, column]


def _sampling_table(rows: np.ndarray):
    """For each row, its possible next states and their cumulative probabilities, padded to the
    longest row (so a ladder row compares a uniform draw with 3-4 numbers, not with all 8). The
    last listed state of a row catches every draw, so rounding can never leave a draw unassigned."""
    width = max(1, int((rows > 0).sum(axis=1).max()))
    targets = np.zeros((rows.shape[0], width), dtype=np.intp)
    cumulative = np.full((rows.shape[0], width), np.inf)
    for i, row in enumerate(rows):
        nonzero = np.flatnonzero(row > 0)
        if nonzero.size == 0:  # an absorbing row of a jump matrix: never sampled
            continue
        targets[i, :nonzero.size] = nonzero
        targets[i, nonzero.size:] = nonzero[-1]
        cumulative[i, :nonzero.size - 1] = np.cumsum(row[nonzero])[:-1]
    return targets, cumulative


def _prepare(transition_matrix, start, n_paths, rng):
    P = check_transition_matrix(transition_matrix)
    start = _start_index(start, P)
    n_paths = check_int("n_paths", n_paths, 1, 10_000_000)
    check_rng(rng)
    return P, start, n_paths


@fill(_DOC)
def simulate_absorption(transition_matrix, start, n_paths, rng, *, max_steps=10_000):
    """Monte Carlo: run ``n_paths`` chains from ``start`` until absorbed.

    Vectorised over paths. Each path draws how many rounds it stays put (geometric, with the
    row's chance of leaving) and then where it jumps (the row without its diagonal,
    renormalised): the same distribution as round-by-round sampling, with fewer draws.

    Parameters
    ----------
    %(transition_matrix)s
    %(start)s
    %(n_paths)s
    %(rng)s
    max_steps : int, optional
        A path still unabsorbed after this many rounds keeps its transient state and
        ``steps = max_steps``; in [1, 1000000] (default 10000).

    Returns
    -------
    end_state : ndarray of int, shape (n_paths,)
        Index of the state each path ended in.
    steps : ndarray of int, shape (n_paths,), rounds
        Rounds to absorption.

    %(sampling_end)s
    """
    P, start, n_paths = _prepare(transition_matrix, start, n_paths, rng)
    max_steps = check_int("max_steps", max_steps, 1, 1_000_000)
    absorbing = classify_states(P)
    leave = np.where(absorbing, 1.0, _leave(P))
    jump = P.copy()
    np.fill_diagonal(jump, 0.0)
    jump_table = _sampling_table(jump / leave[:, None])
    end = np.empty(n_paths, dtype=np.intp)
    steps = np.empty(n_paths, dtype=np.int64)
    state = np.full(n_paths, start, dtype=np.intp)
    clock = np.zeros(n_paths, dtype=np.int64)
    path = np.arange(n_paths)
    while path.size:
        clock += rng.geometric(leave[state])
        late = clock > max_steps
        state = np.where(late, state, _advance(jump_table, state, rng))
        done = late | absorbing[state]
        end[path[done]] = state[done]
        steps[path[done]] = np.minimum(clock[done], max_steps)
        keep = ~done
        state, clock, path = state[keep], clock[keep], path[keep]
    return end, steps


@fill(_DOC)
def sample_trajectories(transition_matrix, start, n_paths, n_steps, rng) -> np.ndarray:
    """``n_paths`` sampled paths of ``n_steps`` rounds, for drawing paths over time.

    Parameters
    ----------
    %(transition_matrix)s
    %(start)s
    %(n_paths)s
    n_steps : int
        Rounds per path, a whole number in [0, 100000].
    %(rng)s

    Returns
    -------
    ndarray of int, shape (n_paths, n_steps + 1)
        State indices; column 0 is the start; absorbed paths stay in their end state.

    %(sampling_end)s
    """
    P, start, n_paths = _prepare(transition_matrix, start, n_paths, rng)
    table = _sampling_table(P)
    n_steps = check_int("n_steps", n_steps, 0, 100_000)
    paths = np.empty((n_paths, n_steps + 1), dtype=np.intp)
    paths[:, 0] = start
    for k in range(n_steps):
        paths[:, k + 1] = _advance(table, paths[:, k], rng)
    return paths



def ladder_outcome(option: str | None = None, start: str = FIRST_NUCLEAR_STATE, *,
                   memory: bool = True, absorb_atol: float = ABSORB_ATOL, **parameters) -> dict:
    """Exact outcome on the compact ladder for one response ``option`` from ``start``.

    Parameters
    ----------
    option : str or None, optional
        A response option key; ``None`` (default) is no response.
    start : str, optional
        A ladder state key, default the first nuclear use.
    memory : bool, optional
        Remembering ladder (default True) or memoryless (see :func:`ladder_matrix`).
    absorb_atol : float, optional
        Passed to :func:`classify_states`.
    **parameters
        Passed to :func:`ladder_parameters` (``up_scale``, ``level``, ``factors`` ...).

    Returns
    -------
    dict
        ``settlement`` and ``general_war`` (probabilities of ending there), ``stuck``
        (probability of ending in any other state that has become absorbing), ``ends`` (every
        absorbing state by name), ``expected_rounds``, ``further_use`` (probability of a second
        nuclear use on the remembering ladder; ``None`` on the memoryless one or from a pre-use
        start) and ``start_absorbing``.

    Raises
    ------
    TypeError
        If ``memory`` is not a bool or a number is not numeric.
    ValueError
        If ``option``, ``start`` or a parameter is unknown or out of range, or the rates make an
        invalid chain.

    Notes
    -----
    Rates and factors are teaching assumptions (``BASELINE``, the option table); the
    computation is standard absorbing-chain theory (kemeny1960).
    """
    P = ladder_matrix(**ladder_parameters(option, **parameters), memory=memory)
    result = end_probabilities(P, start, absorb_atol=absorb_atol)
    ends = result.ends
    further = None
    if memory and not result.start_absorbing and state(start).after_use:
        further = further_use_probability(P, start, absorb_atol=absorb_atol)
    return {"settlement": ends.get("settlement", 0.0), "general_war": ends.get("general_war", 0.0),
            "stuck": float(sum(p for k, p in ends.items()
                               if k not in ("settlement", "general_war"))),
            "ends": dict(ends), "expected_rounds": result.expected_rounds,
            "further_use": further, "start_absorbing": result.start_absorbing}


@dataclass(frozen=True)
class PathStatistics:
    """How sampled paths from a start behave, for sentences about them.

    Parameters
    ----------
    n_paths : int
        How many paths were sampled.
    mean_rounds : float, rounds
        Mean rounds to absorption (unabsorbed paths count as ``n_steps``).
    war_share : float
        Share of paths that end in general war.
    war_median_rounds : float, rounds
        Median rounds to general war among those (NaN if none).
    war_mean_still : float, rounds
        Mean rounds in which the state did not change, among those paths (NaN if none).
    war_share_stepping_back : float
        Share of those paths that stepped down at least once (NaN if none).
    share_pre_use : float
        Share of all paths that, after the start, ever stand in a pre-use state.
    share_reentering_start : float
        Share that leave the start and later return to it.

    Notes
    -----
    A plain record, as :func:`path_statistics` returns.
    """

    n_paths: int
    mean_rounds: float
    war_share: float
    war_median_rounds: float
    war_mean_still: float
    war_share_stepping_back: float
    share_pre_use: float
    share_reentering_start: float


@fill(_DOC)
def path_statistics(transition_matrix, start=FIRST_NUCLEAR_STATE, *, n_paths: int = 10_000,
                    n_steps: int = 250, seed: int = 2023) -> PathStatistics:
    """Statistics of ``n_paths`` sampled paths of the compact ladder from ``start``.

    Parameters
    ----------
    transition_matrix : array_like, shape (10, 10)
        A valid absorbing chain on the compact ladder (:func:`ladder_matrix`).
    start : int or str, optional
        A transient state, default the first nuclear use.
    n_paths : int, optional
        Number of paths, a whole number 1 or more (default 10000).
    n_steps : int, optional
        Rounds per path, a whole number in [1, 5000] (default 250).
    seed : int, optional
        Seed of the random draws, a whole number 0 or more (default 2023).

    Returns
    -------
    PathStatistics

    Raises
    ------
    %(chain_errors)s, the matrix is not 10 x 10, or ``start`` is unknown or absorbing.

    Notes
    -----
    Standard Monte Carlo on the chain; the chain's rates are the caller's (the course's are
    teaching assumptions).
    """
    P = _ladder_only(transition_matrix)
    rng = np.random.default_rng(check_int("seed", seed, 0))
    paths = sample_trajectories(P, start, n_paths, check_int("n_steps", n_steps, 1, 5000), rng)
    level = np.array([s.level for s in LADDER_STATES])[paths]
    absorbed = np.isin(paths, [STATE_KEYS.index(k) for k in ABSORBING_KEYS])
    first_end = np.where(absorbed.any(axis=1), absorbed.argmax(axis=1), n_steps)
    alive = np.arange(n_steps + 1)[None, :] < first_end[:, None]
    moves = alive[:, :-1]
    still = (paths[:, 1:] == paths[:, :-1]) & moves
    back = (level[:, 1:] < level[:, :-1]) & moves & ~absorbed[:, 1:]
    war = paths[:, -1] == _WAR
    s0 = STATE_KEYS.index(start) if isinstance(start, str) else int(start)
    pre = np.isin(paths[:, 1:], [STATE_KEYS.index(k) for k in PRE_USE_KEYS])
    below = (pre & alive[:, 1:]).any(axis=1)
    left = np.cumsum(paths != s0, axis=1) > 0
    reenter = ((paths == s0) & left & alive).any(axis=1)
    return PathStatistics(
        n_paths, float(first_end.mean()), float(war.mean()),
        float(np.median(first_end[war])) if war.any() else float("nan"),
        float(still[war].sum(axis=1).mean()) if war.any() else float("nan"),
        float(back[war].any(axis=1).mean()) if war.any() else float("nan"),
        float(below.mean()), float(reenter.mean()))


def _stopped(P: np.ndarray, keys) -> np.ndarray:
    """``P`` with the states ``keys`` made absorbing (the chain stops on reaching them)."""
    stopped = P.copy()
    for key in keys:
        i = STATE_KEYS.index(key)
        stopped[i] = 0.0
        stopped[i, i] = 1.0
    return stopped


def _ladder_only(transition_matrix, name: str = "transition_matrix") -> np.ndarray:
    P = check_transition_matrix(transition_matrix)
    if P.shape[0] != len(STATE_KEYS):
        raise ValueError(f"{name} has shape {P.shape}: this needs the "
                         f"{len(STATE_KEYS)}-state compact ladder (see ladder_matrix)")
    return P


@fill(_DOC)
def nuclear_use_probability(transition_matrix, start="conventional_war") -> float:
    """Probability that the compact ladder ever reaches a nuclear use from a pre-use ``start``.

    Parameters
    ----------
    transition_matrix : array_like, shape (10, 10)
        A valid absorbing chain on the compact ladder.
    start : int or str, optional
        A pre-use state (``PRE_USE_KEYS``), default ``"conventional_war"``.

    Returns
    -------
    float
        Probability in [0, 1] of reaching ``first_use`` (the only way across the threshold from
        below) before the chain ends.

    Raises
    ------
    %(chain_errors)s, the matrix is not 10 x 10, or ``start`` is unknown or at or above the nuclear
        threshold.

    Notes
    -----
    %(kemeny)s The chain is stopped at ``first_use``.
    """
    P = _ladder_only(transition_matrix)
    index = _any_index(start, P)
    if STATE_KEYS[index] not in PRE_USE_KEYS:
        raise ValueError(f"start={start!r} is already at or above the nuclear threshold; start "
                         f"from one of {', '.join(PRE_USE_KEYS)}")
    ends = end_probabilities(_stopped(P, [FIRST_NUCLEAR_STATE]), index).ends
    return float(ends.get(FIRST_NUCLEAR_STATE, 0.0))


@fill(_DOC)
def further_use_probability(transition_matrix, start=FIRST_NUCLEAR_STATE, *,
                            absorb_atol: float = ABSORB_ATOL) -> float:
    """Probability of a further nuclear use (reaching ``battlefield_use``) before the crisis ends.

    Parameters
    ----------
    transition_matrix : array_like, shape (10, 10)
        A valid absorbing chain on the compact ladder (remembering; on a memoryless matrix this
        undercounts, since there a return to the single use is also a second use).
    start : int or str, optional
        An after-use state below ``battlefield_use``, default the first use; at or above it the
        answer is 1.
    %(absorb_atol)s

    Returns
    -------
    float
        Probability in [0, 1].

    Raises
    ------
    %(chain_errors)s, the matrix is not 10 x 10, or ``start`` is unknown.

    Notes
    -----
    %(kemeny)s The chain is stopped at ``battlefield_use``.
    """
    P = _ladder_only(transition_matrix)
    index = _any_index(start, P)
    key = STATE_KEYS[index]
    if key == FURTHER_USE_STATE or state(key).level > state(FURTHER_USE_STATE).level:
        return 1.0
    ends = end_probabilities(_stopped(P, [FURTHER_USE_STATE]), index,
                             absorb_atol=absorb_atol).ends
    return float(ends.get(FURTHER_USE_STATE, 0.0))



# ---------------------------------------------------------------------------------------
# Calibration against the record since 2022
# ---------------------------------------------------------------------------------------

RECORD_MONTHS = Assumption(
    (45.0,),
    "From the full-scale invasion of 24 February 2022 to late 2025, the latest the course's "
    "sources reach: about 45 months of conventional war with neither a nuclear use nor a "
    "settlement. The outcome is reported, not estimated [ap2024].",
    source="ap2024")


def _pre_use_parameters(up_scale, settle_scale, option=None) -> dict[str, np.ndarray]:
    """Baseline parameters with the *pre-use* states' climbing and settling scaled."""
    params = ladder_parameters(option)
    pre = ~_after_use_mask()
    params["up"] = np.where(pre, params["up"] * up_scale, params["up"])
    params["settle"] = np.where(pre, params["settle"] * settle_scale, params["settle"])
    return params


def record_likelihood(months=45.0, months_per_round=1.0, *, up_scale=1.0,
                      settle_scale=1.0) -> float:
    """Probability under the chain of the record since 2022: no use and no settlement for ``months``.

    Parameters
    ----------
    months : float, months, optional
        Length of the record, in [0, 600] (default 45: February 2022 to late 2025).
    months_per_round : float, months, optional
        The length given to a round, which the chain itself does not have, in [0.05, 24]
        (default 1).
    up_scale, settle_scale : float, optional
        Scales in [0, 3] (default 1) of the pre-use states' climbing and settling rates.

    Returns
    -------
    float
        e Q^n 1 with Q the chain restricted to the pre-use states, n = round(months /
        months_per_round), starting in conventional war.

    Raises
    ------
    TypeError
        If an argument is not a number, or is an array of more than one number.
    ValueError
        If an argument is not finite or outside its range.

    Notes
    -----
    The record is ``RECORD_MONTHS`` (ap2024); the round length and the rates are teaching
    assumptions.
    """
    m = float(single_number("months", check_range("months", months, 0.0, 600.0)))
    length = float(single_number("months_per_round",
                                 check_range("months_per_round", months_per_round, 0.05, 24.0)))
    up = float(single_number("up_scale", check_range("up_scale", up_scale, 0.0, 3.0)))
    settle = float(single_number("settle_scale", check_range("settle_scale", settle_scale, 0.0, 3.0)))
    P = ladder_matrix(**_pre_use_parameters(up, settle))
    pre = [STATE_KEYS.index(k) for k in PRE_USE_KEYS]
    Q = P[np.ix_(pre, pre)]
    n = int(round(m / length))
    row = np.zeros(len(pre))
    row[PRE_USE_KEYS.index("conventional_war")] = 1.0
    return float((row @ np.linalg.matrix_power(Q, n)).sum())


@dataclass(frozen=True)
class Calibration:
    """A grid Bayesian update of the pre-use climbing and settling scales on the record.

    Parameters
    ----------
    months, months_per_round : float, months
        The record and the round length used.
    up_scales : ndarray, shape (a,)
        Grid of climbing scales.
    settle_scales : ndarray, shape (b,)
        Grid of settling scales.
    prior, likelihood, posterior : ndarray, shape (a, b)
        Prior, likelihood of the record, and posterior on the grid.
    up_mean_prior, up_mean_posterior : float
        Mean climbing scale under the prior and the posterior.
    settle_mean_prior, settle_mean_posterior : float
        Mean settling scale under the prior and the posterior.
    p_use_prior, p_use_posterior : float
        Chance that the conventional war ever reaches a nuclear use, averaged over the prior
        and the posterior.

    Notes
    -----
    A plain record, as :func:`calibrate` returns.
    """

    months: float
    months_per_round: float
    up_scales: np.ndarray
    settle_scales: np.ndarray
    prior: np.ndarray
    likelihood: np.ndarray
    posterior: np.ndarray
    up_mean_prior: float
    up_mean_posterior: float
    settle_mean_prior: float
    settle_mean_posterior: float
    p_use_prior: float
    p_use_posterior: float


def calibrate(months=45.0, months_per_round=1.0, *, up_scales=None, settle_scales=None,
              prior=None) -> Calibration:
    """Bayes' rule on a grid: the pre-use climbing and settling scales that make the record likely.

    Parameters
    ----------
    months : float, months, optional
        Length of the record, in [0, 600] (default 45).
    months_per_round : float, months, optional
        Length given to a round, in [0.05, 24] (default 1).
    up_scales, settle_scales : array_like or None, optional
        Grids of scales in [0, 3]; default 0.1 to 2.0 in steps of 0.1 for both.
    prior : array_like, shape (a, b), or None, optional
        Non-negative prior weights on the grid, not all 0; default uniform.

    Returns
    -------
    Calibration

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If an argument is out of range, ``prior`` has the wrong shape or is all 0, or the
        record has probability 0 everywhere on the grid.

    Notes
    -----
    The record is ``RECORD_MONTHS`` (ap2024); the grids are a teaching choice ("from a tenth to
    twice the course's rates"). One history is thin evidence: the posterior still depends
    strongly on the prior and on the round length.
    """
    ups = np.round(np.arange(0.1, 2.0001, 0.1), 10) if up_scales is None else \
        check_range("up_scales", up_scales, 0.0, 3.0).reshape(-1)
    sets = np.round(np.arange(0.1, 2.0001, 0.1), 10) if settle_scales is None else \
        check_range("settle_scales", settle_scales, 0.0, 3.0).reshape(-1)
    like = np.array([[record_likelihood(months, months_per_round, up_scale=u, settle_scale=s)
                      for s in sets] for u in ups])
    if prior is None:
        pri = np.full(like.shape, 1.0 / like.size)
    else:
        pri = check_range("prior", prior, 0.0)
        if pri.shape != like.shape or pri.sum() == 0:
            raise ValueError(f"prior has shape {pri.shape}: need {like.shape}, not all zero")
        pri = pri / pri.sum()
    post = pri * like
    if post.sum() == 0:
        raise ValueError("the record has probability 0 everywhere on this grid")
    post = post / post.sum()
    p_use = np.array([[nuclear_use_probability(ladder_matrix(**_pre_use_parameters(u, s)))
                       for s in sets] for u in ups])
    U, S = np.meshgrid(ups, sets, indexing="ij")
    return Calibration(float(months), float(months_per_round), ups, sets, pri, like, post,
                       float((pri * U).sum()), float((post * U).sum()),
                       float((pri * S).sum()), float((post * S).sum()),
                       float((pri * p_use).sum()), float((post * p_use).sum()))


# ---------------------------------------------------------------------------------------
# Brinkmanship
# ---------------------------------------------------------------------------------------


def brinkmanship(resolve_russia, resolve_nato, risk_step) -> dict[str, np.ndarray]:
    """A competition in risk-taking, in a deliberately simple form.

    Round k raises the shared risk of disaster to r_k = min(k·risk_step, 1). Each side's resolve
    is the highest per-round risk it will run; it is private, so neither knows when the other
    would quit, and both stay in while r_k <= resolve. The side whose limit comes first backs
    down; if both limits fall in the same round, both step back ("neither" wins). Disaster
    happens in a round both accept with probability r_k.

    Parameters
    ----------
    resolve_russia, resolve_nato : float or array_like
        Each side's resolve, a probability in [0, 1]; the two broadcast together.
    risk_step : float
        Rise of the per-round risk, a single probability in [0, 1]; 0 risks nothing.

    Returns
    -------
    dict of str to ndarray
        ``disaster``, ``russia_backs_down``, ``nato_backs_down``, ``neither`` (summing to 1)
        and ``rounds`` (rounds both accepted), each of the broadcast shape of the resolves.

    Raises
    ------
    TypeError
        If an argument is not a number or array of numbers.
    ValueError
        If an argument is outside [0, 1], ``risk_step`` is not a single number, or the resolves
        do not broadcast together.

    Notes
    -----
    After schelling1960 ("the threat that leaves something to chance"), schelling1966 ("the
    manipulation of risk") and powell1990, powell2015: with common knowledge of resolve the less
    resolved side would back down at once; the risk is the price of private information. The
    form of the game is a teaching simplification.
    """
    a = check_probability("resolve_russia", resolve_russia)
    b = check_probability("resolve_nato", resolve_nato)
    step = check_probability("risk_step", risk_step)
    if step.ndim != 0:
        raise ValueError(f"risk_step={step.tolist()!r} must be a single number")
    try:
        a, b = np.broadcast_arrays(a, b)
    except ValueError:
        raise ValueError(f"resolve_russia (shape {a.shape}) and resolve_nato (shape {b.shape}) "
                         "must have the same shape or broadcast together") from None
    step = float(step)
    if step == 0.0:
        zeros = np.zeros(a.shape)
        return {"disaster": zeros, "russia_backs_down": zeros.copy(), "nato_backs_down": zeros.copy(),
                "neither": np.ones(a.shape), "rounds": zeros.copy()}
    top = int(np.ceil(1.0 / step - 1e-9))  # from this round on the risk is 1
    limit_a = np.minimum(np.floor(a / step + 1e-9), top).astype(int)
    limit_b = np.minimum(np.floor(b / step + 1e-9), top).astype(int)
    rounds = np.minimum(limit_a, limit_b)
    risk = np.minimum(np.arange(1, top + 1) * step, 1.0)
    survive = np.concatenate([[1.0], np.cumprod(1.0 - risk)])[rounds]
    return {"disaster": 1.0 - survive,
            "russia_backs_down": np.where(limit_a < limit_b, survive, 0.0),
            "nato_backs_down": np.where(limit_b < limit_a, survive, 0.0),
            "neither": np.where(limit_a == limit_b, survive, 0.0),
            "rounds": rounds.astype(float)}


# ---------------------------------------------------------------------------------------
# Cumulative risk
# ---------------------------------------------------------------------------------------

HELLMAN_RANGE_PER_YEAR = Assumption(
    (0.0002, 0.005),
    "Hellman's preliminary estimate, 0.02%-0.5% per year, of the rate at which nuclear deterrence "
    "fails into full-scale nuclear war; one failure mode only, so a lower bound.",
    source="hellman2008")


def cumulative_risk(p_per_period, n_periods) -> np.ndarray:
    """Probability of at least one disaster in ``n_periods`` independent periods: 1 − (1 − p)^n.

    Parameters
    ----------
    p_per_period : float or array_like
        Probability per period, in [0, 1].
    n_periods : float or array_like
        Number of periods, 0 or more (may be fractional); broadcasts with ``p_per_period``.

    Returns
    -------
    float or ndarray
        Probability in [0, 1], of the broadcast shape of the arguments.

    Raises
    ------
    TypeError
        If an argument is not a number or array of numbers.
    ValueError
        If an argument is outside its range or not finite, or the shapes do not broadcast
        together.

    Notes
    -----
    Standard probability of independent trials; ``HELLMAN_RANGE_PER_YEAR`` (hellman2008) gives
    a published range per year for reference.
    """
    p = check_probability("p_per_period", p_per_period)
    n = check_range("n_periods", n_periods, 0.0, None)
    check_broadcast(p_per_period=p, n_periods=n)
    return 1.0 - (1.0 - p) ** n


# ---------------------------------------------------------------------------------------
# Published numbers to hold the model against
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Estimate:
    """A published probability estimate; ``low`` and ``high`` are equal for a point estimate.

    Parameters
    ----------
    who : str
        Who made the estimate: an agency, a group of forecasters, or the record.
    event : str
        What it is the probability of.
    low, high : float
        The range, probabilities in [0, 1].
    when : str
        When it was made.
    source : str
        Source key.
    where : str
        Where in the source.
    note : str, optional
        Caveats.

    Notes
    -----
    A plain record; ``CALIBRATION_ESTIMATES`` cites woodward2024, swift2022 and metaculus2022,
    ``OUTCOME_RECORD`` ap2024.
    """

    who: str
    event: str
    low: float
    high: float
    when: str
    source: str
    where: str
    note: str = ""


CALIBRATION_ESTIMATES: tuple[Estimate, ...] = (
    Estimate("US intelligence", "Russian use of a nuclear weapon in the war (assessment in 2022)",
             0.05, 0.10, "2022", "woodward2024", "as reported by AP, 8 Oct 2024 [ap2024]"),
    Estimate("US intelligence", "Russian nuclear use if about 30,000 Russian troops were encircled "
             "at Kherson", 0.50, 0.50, "late September 2022", "woodward2024",
             "as reported by AP, 8 Oct 2024 [ap2024]", note="a conditional estimate"),
    Estimate("Swift Centre forecasters", "Hostile nuclear detonation in Europe before 30 April 2023",
             0.09, 0.09, "October 2022", "swift2022", "forecast summary"),
    Estimate("Metaculus Pro forecasters", "Full-scale nuclear war in 2022", 0.0035, 0.0035,
             "March 2022", "metaculus2022", "forecast summary"),
)

OUTCOME_RECORD = Estimate(
    "Record", "Nuclear weapon used in the war against Ukraine", 0.0, 0.0,
    "through February 2026", "afp2026",
    "talks without a ceasefire in late February 2026 and no nuclear use reported (the course "
    "timeline's last entry; no reliable source on the war after early March 2026 was read)",
    note="An outcome, not a probability: one non-event cannot show that an estimate of 5-10% "
         "was wrong.")


@dataclass(frozen=True)
class PlanAPhase:
    """A phase of Princeton's "Plan A" simulation and the casualties it shows.

    Parameters
    ----------
    phase : str
        Name of the phase in the simulation.
    description : str
        What happens in it.
    duration : str
        How long it lasts, in words.
    casualties_million : float, millions of people
        Dead plus injured.
    source : str, optional
        Default ``"sgs2019"``.
    where : str, optional
        Where in the source.

    Notes
    -----
    A plain record; sgs2019, as reported in press accounts of the video.
    """

    phase: str
    description: str
    duration: str
    casualties_million: float
    source: str = "sgs2019"
    where: str = "the phases and figures of the video, as reported in press accounts of it"


PLAN_A: tuple[PlanAPhase, ...] = (
    PlanAPhase("Tactical", "A Russian nuclear warning shot from near Kaliningrad; NATO answers with "
               "one tactical nuclear air strike; then about 300 Russian and 180 NATO warheads on "
               "bases and troops in Europe.", "about 3 hours", 2.6),
    PlanAPhase("Strategic counterforce", "About 600 US warheads on Russian nuclear forces; Russia "
               "launches on warning against the United States.", "about 45 minutes", 3.4,
               where="as reported in press accounts of the video; this phase's figure was found in "
                     "one account only, but the three phases add up to the 91.3 million reported "
                     "elsewhere"),
    PlanAPhase("Countervalue", "Each side strikes the other's 30 most populous cities with 5 to 10 "
               "warheads each.", "the last phase; the whole war lasts under 5 hours", 85.3),
)
PLAN_A_TOTAL_MILLION = {"dead": 34.1, "injured": 57.4, "source": "sgs2019",
                        "where": "totals for the whole simulated war (under 5 hours)"}
