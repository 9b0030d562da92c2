"""The escalation ladder: Kahn's rungs, an absorbing Markov chain, brinkmanship, cumulative risk.

Chapter 05 asks where a first "small" nuclear use could lead. Kahn (1965) described
escalation as a ladder of 44 rungs separated by thresholds; Schelling (1960, 1966) argued
that what makes a threat bite is the risk, not the certainty, of things getting out of
hand. This module turns both ideas into models a student can compute with:

* ``KAHN_RUNGS`` / ``KAHN_THRESHOLDS``: the ladder as data, each rung with its source;
* ``LADDER_STATES``: a compact ladder of eight states mapped to Kahn's rungs, and
  :func:`ladder_matrix` / :func:`ladder_parameters`, an absorbing Markov chain built from
  up / down / settle probabilities per state (teaching assumptions, stated below);
* exact results from the fundamental matrix ``N = (I - Q)^-1`` (:func:`fundamental_matrix`,
  :func:`absorption_probabilities`, :func:`expected_steps`, :func:`absorption_time_distribution`)
  and vectorised Monte Carlo (:func:`simulate_absorption`, :func:`sample_trajectories`);
* ``OPTION_EFFECTS``: how each Western response option of chapter 04 shifts the chain;
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
)
from ..content.sources import TEACHING_ASSUMPTION

# ---------------------------------------------------------------------------------------
# Kahn's ladder as data
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rung:
    """One rung of Kahn's ladder; ``group`` is Kahn's name for the band of rungs it sits in."""

    number: int
    name: str
    group: str
    source: str = "kahn1965"
    where: str = "ladder figure, p. 39; names as reproduced in davis1984 (Fig. 2) and baloogan2015"


@dataclass(frozen=True)
class Threshold:
    """A threshold lying just below rung ``below_rung`` (crossing it means climbing onto that rung)."""

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
    """Kahn's rung ``number`` (1 = ostensible crisis ... 44 = spasm or insensate war)."""
    number = check_int("number", number, 1, len(KAHN_RUNGS))
    return KAHN_RUNGS[number - 1]


# ---------------------------------------------------------------------------------------
# The compact ladder
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LadderState:
    """A state of the compact ladder, with the Kahn rungs (first, last) it stands for."""

    key: str
    label: str
    kahn_rungs: tuple[int, int] | None
    absorbing: bool = False
    source: str = TEACHING_ASSUMPTION
    where: str = ("grouping of Kahn's rungs chosen for this course; Kahn's ladder is a US-Soviet "
                  "scheme and the mapping to a war in Ukraine is approximate")


LADDER_STATES: tuple[LadderState, ...] = (
    LadderState("conventional_war", "Conventional war in Ukraine", (12, 14)),
    LadderState("nuclear_threats", "Nuclear threats and alerts", (16, 18)),
    LadderState("first_use", "A single demonstrative nuclear use", (21, 21)),
    LadderState("battlefield_use", "Limited battlefield nuclear use", (22, 25)),
    LadderState("theatre_exchange", "Nuclear strikes across the European theatre", (26, 31)),
    LadderState("strategic_exchange", "Limited strategic exchange", (32, 38)),
    LadderState("settlement", "Settlement or ceasefire (off the ladder)", None, absorbing=True),
    LadderState("general_war", "General nuclear war", (39, 44), absorbing=True),
)
STATE_KEYS: tuple[str, ...] = tuple(s.key for s in LADDER_STATES)
TRANSIENT_KEYS: tuple[str, ...] = tuple(s.key for s in LADDER_STATES if not s.absorbing)
ABSORBING_KEYS: tuple[str, ...] = tuple(s.key for s in LADDER_STATES if s.absorbing)
_N_RUNGS = len(TRANSIENT_KEYS)
_SETTLE = STATE_KEYS.index("settlement")
_WAR = STATE_KEYS.index("general_war")
FIRST_NUCLEAR_STATE = "first_use"


@dataclass(frozen=True)
class Assumption:
    """Labelled values with their reason: a teaching assumption, or a range taken from a source."""

    values: tuple[float, ...]
    reason: str
    source: str = TEACHING_ASSUMPTION


# Per transient state, from conventional war (left) to limited strategic exchange (right).
BASELINE = {
    "up": Assumption(
        (0.05, 0.08, 0.15, 0.20, 0.25, 0.30),
        "The chance of climbing one state in a round grows with height: once nuclear weapons are "
        "in use, each side has more to answer, less time to decide and less control over its "
        "own forces."),
    "down": Assumption(
        (0.00, 0.25, 0.30, 0.25, 0.20, 0.15),
        "Stepping back is most likely right after a shock (threats, a single demonstrative use) "
        "and harder once forces are committed; from conventional war there is no lower rung."),
    "settle": Assumption(
        (0.08, 0.05, 0.10, 0.08, 0.05, 0.05),
        "A ceasefire is possible at any height but is most often reached in the conventional "
        "phase or right after a first use, when both sides have the strongest reason to stop."),
}


@dataclass(frozen=True)
class OptionEffect:
    """How a Western response to a first Russian use changes the chain from ``first_use`` upward:
    the up, down and settle probabilities are multiplied by these factors."""

    label: str
    up_factor: float
    down_factor: float
    settle_factor: float
    reason: str
    source: str = TEACHING_ASSUMPTION


OPTION_EFFECTS: dict[str, OptionEffect] = {
    "protest": OptionEffect(
        "Diplomatic protest only", 1.4, 0.8, 0.9,
        "The op-ed judges a protest unconvincing [nederlof2023]; a red line crossed without cost "
        "invites repetition, so the model makes climbing more likely and stepping back less."),
    "sanctions": OptionEffect(
        "Further economic sanctions", 1.2, 0.9, 1.0,
        "Sanctions impose costs slowly; they signal resolve without force, so the model treats "
        "them as a weaker version of a protest."),
    "volunteers": OptionEffect(
        "Lift limits on foreign ex-military helping Ukraine", 1.15, 1.0, 0.9,
        "The op-ed notes such help also brings the helpers closer to a confrontation with Russia "
        "[nederlof2023]: slightly more climbing, slightly fewer settlements."),
    "conventional_strikes": OptionEffect(
        "Conventional precision strikes on arsenals and command centres", 0.8, 1.3, 1.2,
        "The op-ed's preferred answer: it weakens Russia militarily with few civilian deaths and, "
        "the authors argue, lowers the risk of further nuclear use [nederlof2023]. The factors "
        "encode the authors' claim so that students can test how much depends on it."),
    "conventional_large": OptionEffect(
        "Large conventional attack on Russian forces in Ukraine, Crimea and the Black Sea Fleet",
        1.1, 1.4, 1.1,
        "The response Petraeus described in October 2022 [petraeus2022]: a strong push to step "
        "back, but direct NATO-Russia combat also raises the chance of climbing."),
    "nuclear_demonstration": OptionEffect(
        "US nuclear demonstration burst high above Russia", 1.6, 1.0, 0.9,
        "The op-ed calls this dangerous: the West crosses the nuclear threshold itself and the "
        "EMP disrupts communications, which makes control harder [nederlof2023]."),
    "nuclear_in_kind": OptionEffect(
        "Nuclear response in kind", 1.8, 0.8, 0.8,
        "Answering nuclear use with nuclear use makes further exchanges the expected pattern; "
        "the model gives it the strongest push upward."),
}
OPTION_KEYS: tuple[str, ...] = tuple(OPTION_EFFECTS)


def _per_state(name: str, value) -> np.ndarray:
    """A probability per transient state, from a scalar or a sequence of one per state."""
    arr = check_probability(name, value)
    if arr.ndim == 0:
        return np.full(_N_RUNGS, float(arr))
    if arr.shape != (_N_RUNGS,):
        raise ValueError(f"{name} has shape {arr.shape}: give one number or {_N_RUNGS} numbers, "
                         f"one per state ({', '.join(TRANSIENT_KEYS)})")
    return arr.copy()


def ladder_matrix(up, down, settle) -> np.ndarray:
    """The 8x8 transition matrix of the compact ladder from up / down / settle probabilities.

    Each is one probability for all six transient states or six numbers (one per state, in
    ``TRANSIENT_KEYS`` order). Whatever is left in a row is the chance of staying put for a
    round. From the top transient state a step up is general war; from the bottom state a
    step down is impossible (there is no lower rung), so that probability must be 0.
    """
    up, down, settle = _per_state("up", up), _per_state("down", down), _per_state("settle", settle)
    if down[0] > 0:
        raise ValueError(f"down={down[0]:g} for {TRANSIENT_KEYS[0]}: there is no lower rung, "
                         "give 0 for the first state")
    total = up + down + settle
    if np.any(total > 1 + 1e-12):
        i = int(np.argmax(total))
        raise ValueError(f"up + down + settle = {total[i]:.3g} for {TRANSIENT_KEYS[i]}: the three "
                         "probabilities of leaving a state may add up to at most 1")
    n = len(STATE_KEYS)
    P = np.zeros((n, n))
    idx = np.arange(_N_RUNGS)
    P[idx, idx] = 1.0 - total
    P[idx[:-1], idx[:-1] + 1] = up[:-1]
    P[_N_RUNGS - 1, _WAR] = up[-1]
    P[idx[1:], idx[1:] - 1] = down[1:]
    P[idx, _SETTLE] = settle
    P[_SETTLE, _SETTLE] = P[_WAR, _WAR] = 1.0
    return P


def ladder_parameters(option: str | None = None, *, up_scale=1.0, down_scale=1.0,
                      settle_scale=1.0) -> dict[str, np.ndarray]:
    """Up / down / settle per transient state: the baseline, changed by a response ``option``
    (a key of ``OPTION_EFFECTS``, applied from ``first_use`` upward) and by overall scales
    (for "what if every step were twice as likely?" questions)."""
    if option is not None:
        check_choice("option", option, OPTION_KEYS)
    scales = {"up": check_range("up_scale", up_scale, 0.0, 3.0),
              "down": check_range("down_scale", down_scale, 0.0, 3.0),
              "settle": check_range("settle_scale", settle_scale, 0.0, 3.0)}
    for name, arr in scales.items():
        if arr.ndim != 0:
            raise ValueError(f"{name}_scale={arr.tolist()!r} must be a single number")
    params = {name: np.array(a.values) * float(scales[name]) for name, a in BASELINE.items()}
    if option is not None:
        effect = OPTION_EFFECTS[option]
        after = slice(TRANSIENT_KEYS.index(FIRST_NUCLEAR_STATE), None)
        params["up"][after] *= effect.up_factor
        params["down"][after] *= effect.down_factor
        params["settle"][after] *= effect.settle_factor
    return params


# ---------------------------------------------------------------------------------------
# Absorbing Markov chains: checks, exact results, simulation
# ---------------------------------------------------------------------------------------


def check_transition_matrix(transition_matrix, *, atol: float = 1e-9) -> np.ndarray:
    """The matrix as a float array if it is a valid absorbing chain, else a ValueError saying why.

    Valid: square, entries in [0, 1], each row summing to 1, at least one absorbing state
    (a row with 1 on the diagonal), and from every other state some absorbing state reachable
    -- otherwise ``I - Q`` is singular and the chain may wander for ever.
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
    absorbing = np.isclose(np.diag(P), 1.0, rtol=0.0, atol=atol)
    if not absorbing.any():
        raise ValueError("transition_matrix has no absorbing state (no row with 1 on the diagonal): "
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


def absorbing_states(transition_matrix) -> np.ndarray:
    """Indices of the absorbing states (rows with 1 on the diagonal)."""
    P = check_transition_matrix(transition_matrix)
    return np.flatnonzero(np.isclose(np.diag(P), 1.0, rtol=0.0, atol=1e-9))


def _split(transition_matrix):
    P = check_transition_matrix(transition_matrix)
    absorbing = np.isclose(np.diag(P), 1.0, rtol=0.0, atol=1e-9)
    transient = np.flatnonzero(~absorbing)
    ends = np.flatnonzero(absorbing)
    return P, transient, ends, P[np.ix_(transient, transient)], P[np.ix_(transient, ends)]


def fundamental_matrix(transition_matrix) -> np.ndarray:
    """``N = (I - Q)^-1``: entry (i, j) is the expected number of rounds spent in transient state
    j when starting in transient state i (the fundamental matrix of Kemeny & Snell 1960, source
    key ``kemeny1960``). Rows and columns follow the transient states in index order."""
    _, transient, _, Q, _ = _split(transition_matrix)
    identity = np.eye(transient.size)
    return np.linalg.solve(identity - Q, identity)


def absorption_probabilities(transition_matrix) -> np.ndarray:
    """``B = N R``: entry (i, k) is the probability that a chain started in transient state i ends in
    absorbing state k (both in index order). Solved from ``(I - Q) B = R``, no inverse formed."""
    _, transient, _, Q, R = _split(transition_matrix)
    return np.linalg.solve(np.eye(transient.size) - Q, R)


def expected_steps(transition_matrix) -> np.ndarray:
    """``t = N 1``: expected number of rounds before absorption, per transient starting state."""
    _, transient, _, Q, _ = _split(transition_matrix)
    return np.linalg.solve(np.eye(transient.size) - Q, np.ones(transient.size))


def _start_index(start, P: np.ndarray) -> int:
    """A starting state given as an index or, for the compact ladder, as a state key."""
    if isinstance(start, str):
        if P.shape[0] != len(STATE_KEYS):
            raise ValueError(f"start={start!r}: state names work for the {len(STATE_KEYS)}-state "
                             "compact ladder only; give an index for this matrix")
        check_choice("start", start, TRANSIENT_KEYS)
        return STATE_KEYS.index(start)
    index = check_int("start", start, 0, P.shape[0] - 1)
    if np.isclose(P[index, index], 1.0, rtol=0.0, atol=1e-9):
        raise ValueError(f"start={index} is an absorbing state: start from a transient state")
    return index


def absorption_time_distribution(transition_matrix, start, max_steps) -> np.ndarray:
    """``D[k-1, j]`` = probability of being absorbed in end state j exactly at round k, k = 1 ...
    ``max_steps``, from ``start`` (computed as ``e_start Q^(k-1) R``). ``D.sum(axis=1)`` is the
    distribution of the time to absorption; what is missing from 1 is absorption later."""
    P, transient, _, Q, R = _split(transition_matrix)
    start = _start_index(start, P)
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


def simulate_absorption(transition_matrix, start, n_paths, rng, *, max_steps=10_000):
    """Monte Carlo: run ``n_paths`` chains from ``start`` until absorbed; return ``(end_state,
    steps)`` arrays.

    Vectorised over paths, and only unabsorbed paths are carried on. Rather than drawing every
    round, each path draws how many rounds it stays put (geometric, with the row's chance of
    leaving) and then where it jumps (the row without its diagonal, renormalised): the same
    distribution as round-by-round sampling, with several times fewer draws. A path still
    unabsorbed after ``max_steps`` rounds keeps its transient state and ``steps = max_steps``.
    """
    P, start, n_paths = _prepare(transition_matrix, start, n_paths, rng)
    max_steps = check_int("max_steps", max_steps, 1, 1_000_000)
    stay = np.diag(P).copy()
    absorbing = np.isclose(stay, 1.0, rtol=0.0, atol=1e-9)
    leave = np.where(absorbing, 1.0, 1.0 - stay)
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


def sample_trajectories(transition_matrix, start, n_paths, n_steps, rng) -> np.ndarray:
    """``n_paths`` sampled paths of ``n_steps`` rounds, shape ``(n_paths, n_steps + 1)``, column 0
    the start; absorbed paths stay in their end state (for drawing paths over time)."""
    P, start, n_paths = _prepare(transition_matrix, start, n_paths, rng)
    table = _sampling_table(P)
    n_steps = check_int("n_steps", n_steps, 0, 100_000)
    paths = np.empty((n_paths, n_steps + 1), dtype=np.intp)
    paths[:, 0] = start
    for k in range(n_steps):
        paths[:, k + 1] = _advance(table, paths[:, k], rng)
    return paths


def ladder_outcome(option: str | None = None, start: str = FIRST_NUCLEAR_STATE, **scales) -> dict:
    """Exact end-state probabilities and expected rounds on the compact ladder for one response
    ``option`` (or the baseline) from ``start``: keys ``settlement``, ``general_war``,
    ``expected_rounds``. ``scales`` are passed to :func:`ladder_parameters`."""
    P = ladder_matrix(**ladder_parameters(option, **scales))
    row = _start_index(start, P)
    B = absorption_probabilities(P)
    t = expected_steps(P)
    return {"settlement": float(B[row, 0]), "general_war": float(B[row, 1]),
            "expected_rounds": float(t[row])}


def nuclear_use_probability(transition_matrix, start="conventional_war") -> float:
    """Probability that the compact ladder ever reaches ``first_use`` or higher from ``start``:
    the chain is stopped at the nuclear threshold (those states made absorbing)."""
    P = check_transition_matrix(transition_matrix)
    if P.shape[0] != len(STATE_KEYS):
        raise ValueError(f"transition_matrix has shape {P.shape}: this needs the "
                         f"{len(STATE_KEYS)}-state compact ladder (see ladder_matrix)")
    first = STATE_KEYS.index(FIRST_NUCLEAR_STATE)
    row = _start_index(start, P)
    if row >= first:
        raise ValueError(f"start={start!r} is already at or above the nuclear threshold")
    stopped = P.copy()
    stopped[first:_N_RUNGS] = 0.0
    stopped[np.arange(first, _N_RUNGS), np.arange(first, _N_RUNGS)] = 1.0
    B = absorption_probabilities(stopped)
    ends = absorbing_states(stopped)
    return float(B[row, ends != _SETTLE].sum())


# ---------------------------------------------------------------------------------------
# Brinkmanship
# ---------------------------------------------------------------------------------------


def brinkmanship(resolve_russia, resolve_nato, risk_step) -> dict[str, np.ndarray]:
    """A competition in risk-taking (Schelling 1960, "The threat that leaves something to chance";
    Schelling 1966, "The manipulation of risk"; Powell 1990, 2015), in a deliberately simple form.

    Round k raises the shared risk of disaster to ``r_k = min(k * risk_step, 1)``. Each side's
    *resolve* is the highest per-round risk it will run (a probability); it is private, so
    neither knows when the other would quit, and both stay in while ``r_k <= resolve``. The side
    whose limit comes first backs down; if both limits fall in the same round, both step back
    ("neither" wins). Disaster happens in a round both accept with probability ``r_k``.

    Returns arrays (broadcast over the resolves; ``risk_step`` is one number) for
    ``disaster``, ``russia_backs_down``, ``nato_backs_down``, ``neither`` (they sum to 1) and
    ``rounds`` (rounds both accepted). With ``risk_step = 0`` nothing is ever risked: no
    disaster, nobody is pushed to back down. With common knowledge of resolve the less resolved
    side would back down at once -- the risk is the price of private information (Powell).
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
    """Probability of at least one disaster in ``n_periods`` independent periods with probability
    ``p_per_period`` each: ``1 - (1 - p)^n``. Broadcasts; ``n_periods`` may be fractional."""
    p = check_probability("p_per_period", p_per_period)
    n = check_range("n_periods", n_periods, 0.0, None)
    check_broadcast(p_per_period=p, n_periods=n)
    return 1.0 - (1.0 - p) ** n


# ---------------------------------------------------------------------------------------
# Published numbers to hold the model against
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Estimate:
    """A published probability estimate: ``low`` and ``high`` equal for a point estimate."""

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
    "Record", "Nuclear weapon used in the war against Ukraine", 0.0, 0.0, "through 2025",
    "ap2024", "the October 2024 reporting looks back on a 2022 danger that did not materialise; "
    "no use was reported through 2025 either",
    note="An outcome, not a probability: one non-event cannot show that an estimate of 5-10% "
         "was wrong.")


@dataclass(frozen=True)
class PlanAPhase:
    """A phase of Princeton's "Plan A" simulation and the casualties (dead plus injured) it shows."""

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
