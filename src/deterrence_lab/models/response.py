"""The West's answer to a Russian nuclear strike on Ukraine as a multi-criteria decision.

The op-ed [nederlof2023] weighs a handful of answers — a protest, a nuclear
"demonstration", conventional precision strikes, lifting limits on foreign volunteers —
and prefers the strikes. This module rebuilds that judgement as an explicit weighted
sum so that a student can see which assumptions carry it:

* ``OPTIONS`` and ``CRITERIA`` come from the course's one option table,
  :mod:`deterrence_lab.content.options`, with their sources; "no response" is an option
  and the baseline;
* ``SCORES`` gives every option a *range* (low / likely / high, 0-10, higher is better
  for the West) on every criterion, with a written rationale. Judged criteria are read
  from the table (teaching assumptions: the reasons come from the cited material, the
  numbers do not); escalation and civilian safety are *derived* from the option's ladder
  factors through chapter 05's escalation chain (:func:`derived_scores`), so the decision
  analysis and the chain cannot disagree about an option;
* analysis functions: weighted scores, Monte Carlo rank probabilities (score
  uncertainty plus Dirichlet weight uncertainty), one-at-a-time weight sensitivity and
  the region of weight space in which a chosen option ranks first; swing weights
  (:func:`swing_weights`) beside direct weights.

Ties between options (weighted scores within 1e-9) are broken by the order of
``OPTIONS`` (the less forceful option first), everywhere in this module.
"""
from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from . import escalation as _esc
from .._validate import as_float_array, check_choice, check_int, check_range, check_rng, single_number
from ..content import options as _options
from ..content.sources import TEACHING_ASSUMPTION
from .._docstring import fill, pieces, section, sections

_DOC = pieces(
    mcda_notes="""
        Weighted-sum multi-criteria decision analysis (a standard method); the scores are the
        course's option table (:mod:`deterrence_lab.content.options`, reasons drawn from the
        sources it cites, numbers teaching assumptions), the reading of the op-ed from
        nederlof2023.
        """,
    weights="""
        weights : dict of str to float, or array_like, importance points
            Relative importance of each criterion: a dict ``{criterion: weight}`` (criteria left
            out weigh 0) or an array whose last axis has one entry per criterion of ``CRITERIA``;
            every weight 0 or more, not all 0. Only ratios matter (see :func:`normalise_weights`).
        """,
    scores="""
        scores : array_like, shape (options, criteria), optional
            Scores 0-10 in ``OPTIONS`` x ``CRITERIA`` order; default the *likely* scores of
            :func:`score_table`.
        """,
    type_error_normalise_weights="""
        TypeError
            If an argument is not a number or array of numbers.
        """,
    rng="""
        rng : numpy.random.Generator
            Source of randomness, e.g. ``np.random.default_rng(2023)``.
        """,
    table="""
        table : array_like, shape (3, options, criteria), optional
            Low, likely and high scores as made by :func:`score_table` (low <= likely <= high);
            default :func:`score_table` ().
        """,
    value_error_normalise_weights="""
        ValueError
            If a weight is negative or not finite, all weights are 0, a dict names an unknown
            criterion, or an array has the wrong shape.
        """,
    option="""
        option : str
            Key of a response option (``OPTION_KEYS``).
        """,
    n_draws="""
        n_draws : int
            Number of draws, a whole number 1 or more.
        """,
    type_error_further_use="""
        TypeError
            If a factor is not a number.
        """,
    weights_end=sections(
        ("Raises", "%(type_error_normalise_weights)s", "%(value_error_normalise_weights)s"),
        ("Notes", "%(mcda_notes)s")),
    mcda_notes_section=section("Notes", "%(mcda_notes)s"),
    vector_scores_args=section("Parameters", "%(weights)s One vector only.", "%(scores)s"),
)


Option = _options.ResponseOption
Criterion = _options.Criterion


@dataclass(frozen=True)
class Score:
    """An uncertain score of one option on one criterion, with the reasoning behind it.

    Parameters
    ----------
    option : str
        Key of the option (``OPTION_KEYS``).
    criterion : str
        Key of the criterion (``CRITERION_KEYS``).
    low, likely, high : float, score points 0-10
        The range, higher is better for the West; low <= likely <= high.
    rationale : str
        The written reasoning.
    source : str
        ``TEACHING_ASSUMPTION`` when the number is the course's own judgement, else a source key.
    based_on : tuple of str
        Source keys the rationale draws on.

    Notes
    -----
    A plain record built from :mod:`deterrence_lab.content.options`; judged scores are teaching
    assumptions whose reasons cite the sources in ``based_on``.
    """

    option: str
    criterion: str
    low: float
    likely: float
    high: float
    rationale: str
    source: str
    based_on: tuple[str, ...]


# The options and criteria are the course's one option table (content.options).
OPTIONS: tuple[Option, ...] = _options.OPTIONS
CRITERIA: tuple[Criterion, ...] = _options.CRITERIA
OPTION_KEYS = _options.OPTION_KEYS
CRITERION_KEYS = _options.CRITERION_KEYS
BASELINE_OPTION = _options.NO_RESPONSE

_T = TEACHING_ASSUMPTION
_LEVEL_FOR = {"low": "worst", "likely": "central", "high": "best"}


@fill(_DOC)
def further_use(option: str | None, level: str = "central", factors: dict | None = None) -> float:
    """P(a further nuclear use) after a first use, with the West answering ``option``.

    Parameters
    ----------
    option : str or None
        Key of a response option (``OPTION_KEYS``); ``None`` is no response.
    level : str, optional
        Which end of the option's ladder factors to use: ``"low"``, ``"central"`` (default),
        ``"high"``, ``"worst"`` or ``"best"``.
    factors : dict of str to float or None, optional
        Replacement ladder factors (keys among ``up``, ``down``, ``settle``; each in [0, 3]).

    Returns
    -------
    float
        Probability in [0, 1] that the escalation chain of chapter 05 (remembering ladder)
        reaches a second nuclear use from the first use.

    Raises
    ------
    ValueError
        If ``option`` or ``level`` is unknown, or ``factors`` has unknown keys or values outside
        [0, 3] (raised by :func:`deterrence_lab.models.escalation.ladder_parameters`).
    %(type_error_further_use)s

    Notes
    -----
    The chain and its rates are :mod:`deterrence_lab.models.escalation`'s (each a teaching
    assumption with its reason there); the option's factors come from the option table.
    """
    P = _esc.ladder_matrix(**_esc.ladder_parameters(option, level=level, factors=factors))
    return _esc.further_use_probability(P, _esc.FIRST_NUCLEAR_STATE)


@fill(_DOC)
def derived_scores(option: str, factors: dict | None = None) -> dict[str, tuple[float, float, float]]:
    """The two derived criteria of ``option`` as (low, likely, high), from the escalation ladder.

    ``escalation_safety`` = 10 (1 − p) and ``civilian_safety`` = direct harm score × (1 − p),
    with p the probability of a further nuclear use (:func:`further_use`): *low* uses the
    option's ladder factors at their worst (most climbing, least stepping down and settling),
    *likely* the central factors and *high* the best.

    Parameters
    ----------
    %(option)s
    factors : dict of str to float or None, optional
        Ladder factors (``up`` / ``down`` / ``settle``, each in [0, 3]) fixed at these values in
        all three.

    Returns
    -------
    dict of str to tuple of float
        ``{"escalation_safety": (low, likely, high), "civilian_safety": (low, likely, high)}``,
        score points 0-10.

    Raises
    ------
    ValueError
        If ``option`` is not a known key, or ``factors`` is malformed or out of range.
    %(type_error_further_use)s

    Notes
    -----
    Teaching assumption: the mapping from the chain's probability to a 0-10 score; the chain is
    chapter 05's (:mod:`deterrence_lab.models.escalation`).
    """
    check_choice("option", option, OPTION_KEYS)
    direct = _options.criterion_range(option, _options.DIRECT_HARM)
    p = {name: further_use(option, level, factors) for name, level in _LEVEL_FOR.items()}
    esc_safety = tuple(10.0 * (1.0 - p[n]) for n in ("low", "likely", "high"))
    civil = (direct.low * (1 - p["low"]), direct.central * (1 - p["likely"]),
             direct.high * (1 - p["high"]))
    return {"escalation_safety": esc_safety, "civilian_safety": civil}


@functools.lru_cache(maxsize=4096)
def _derived_cached(option: str, factors: tuple | None):
    return derived_scores(option, None if factors is None else dict(factors))


def _build_scores(ladder_overrides: Mapping | None = None) -> tuple[Score, ...]:
    out = []
    for o in OPTIONS:
        factors = None if ladder_overrides is None else ladder_overrides.get(o.key)
        if factors is not None and not isinstance(factors, Mapping):
            raise TypeError(f"ladder_overrides[{o.key!r}]={factors!r} must be a dict of factors")
        derived = _derived_cached(o.key, None if factors is None else
                                  tuple(sorted((k, float(v)) for k, v in factors.items())))
        for c in CRITERIA:
            if c.derived:
                lo, li, hi = derived[c.key]
                based = tuple(dict.fromkeys(k for m in o.ladder.values() for k in m.sources))
                why = (f"Derived from the escalation chain: {c.derived}. "
                       + (o.scores[_options.DIRECT_HARM].reason + " " if c.key == "civilian_safety"
                          else "")
                       + "Ladder factors: " + "; ".join(f"{m} — {o.ladder[m].reason}"
                                                         for m in _options.LADDER_MOVES))
                out.append(Score(o.key, c.key, lo, li, hi, why, _T, based))
            else:
                r = o.scores[c.key]
                out.append(Score(o.key, c.key, r.low, r.central, r.high, r.reason, r.numbers,
                                 r.sources))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _scores() -> tuple[Score, ...]:
    return _build_scores()


def __getattr__(name: str):
    # SCORES is built on first use (it runs the escalation chain), so importing stays cheap.
    if name == "SCORES":
        return _scores()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Preset weights (importance points, normalised on use). Teaching assumptions, not sourced.
PRESETS: dict[str, dict[str, float]] = {
    # Read from the op-ed's text: an answer is required, the ladder must be avoided,
    # few civilians should die, Moscow should be weakened, international law upheld.
    "op-ed": {"deterrence": 3, "escalation_safety": 3, "civilian_safety": 2,
              "military_effect": 1, "legal_standing": 1, "alliance_signal": 2},
    # Credibility and military effect first; escalation risk accepted.
    "hawk": {"deterrence": 4, "escalation_safety": 1, "civilian_safety": 1,
             "military_effect": 3, "legal_standing": 1, "alliance_signal": 3},
    # Avoiding escalation and harm first.
    "dove": {"deterrence": 1, "escalation_safety": 5, "civilian_safety": 3,
             "military_effect": 0, "legal_standing": 2, "alliance_signal": 1},
}


@fill(_DOC)
def get_score(option: str, criterion: str) -> Score:
    """The score record of ``option`` on ``criterion``.

    Parameters
    ----------
    %(option)s
    criterion : str
        Key of a criterion (``CRITERION_KEYS``).

    Returns
    -------
    Score
        The range, rationale and sources.

    Raises
    ------
    ValueError
        If ``option`` or ``criterion`` is not a known key (the message lists them).

    Notes
    -----
    From the option table (:mod:`deterrence_lab.content.options`): judged scores are teaching
    assumptions with cited reasons.
    """
    check_choice("option", option, OPTION_KEYS)
    check_choice("criterion", criterion, CRITERION_KEYS)
    return next(s for s in _scores() if s.option == option and s.criterion == criterion)


def score_table(overrides: Mapping | None = None, *,
                ladder_overrides: Mapping | None = None) -> np.ndarray:
    """Scores as an array of shape (3, options, criteria): low, likely, high.

    Parameters
    ----------
    overrides : dict or None, optional
        Maps ``(option, criterion)`` to a new ``(low, likely, high)`` (each 0-10, in order), so
        a student can replace an assumption and rerun the analysis.
    ladder_overrides : dict or None, optional
        Maps an option to ladder factors (``{"conventional_strikes": {"up": 1.5}}``); the
        derived criteria are then recomputed from the chain with those factors.

    Returns
    -------
    ndarray, shape (3, options, criteria), score points 0-10
        Rows in ``OPTIONS`` order, columns in ``CRITERIA`` order.

    Raises
    ------
    TypeError
        If ``overrides`` or ``ladder_overrides`` (or one of its values) is not a dict, or a
        score is not a number.
    ValueError
        If a key names an unknown option or criterion, is not an (option, criterion) pair, or a
        triple is not three numbers 0-10 with low <= likely <= high.

    Notes
    -----
    The option table (:mod:`deterrence_lab.content.options`; teaching assumptions with cited
    reasons) and chapter 05's chain for the derived criteria.
    """
    table = np.empty((3, len(OPTIONS), len(CRITERIA)))
    if ladder_overrides is not None:
        if not isinstance(ladder_overrides, Mapping):
            raise TypeError(f"ladder_overrides={ladder_overrides!r} must be a dict "
                            "{option: {'up': ..., 'down': ..., 'settle': ...}}")
        for key in ladder_overrides:
            check_choice("ladder_overrides option", key, OPTION_KEYS)
    scores = _scores() if ladder_overrides is None else _build_scores(ladder_overrides)
    for s in scores:
        table[:, OPTION_KEYS.index(s.option), CRITERION_KEYS.index(s.criterion)] = (
            s.low, s.likely, s.high)
    if overrides is None:
        return table
    if not isinstance(overrides, Mapping):
        raise TypeError(f"overrides={overrides!r} must be a dict {{(option, criterion): "
                        "(low, likely, high)}}")
    for pair, values in overrides.items():
        if not (isinstance(pair, tuple) and len(pair) == 2):
            raise ValueError(f"overrides key {pair!r} must be a pair (option, criterion)")
        i = OPTION_KEYS.index(check_choice("overrides option", pair[0], OPTION_KEYS))
        j = CRITERION_KEYS.index(check_choice("overrides criterion", pair[1], CRITERION_KEYS))
        table[:, i, j] = _check_triple(f"overrides[{pair!r}]", values)
    return table


def _check_triple(name: str, values) -> np.ndarray:
    arr = check_range(name, values, 0.0, 10.0)
    if arr.shape != (3,):
        raise ValueError(f"{name}={values!r} must be three numbers (low, likely, high)")
    if not arr[0] <= arr[1] <= arr[2]:
        raise ValueError(f"{name}={values!r}: need low <= likely <= high")
    return arr


def _check_table(table) -> np.ndarray:
    if table is None:
        return score_table()
    arr = as_float_array("table", table)
    if arr.shape != (3, len(OPTIONS), len(CRITERIA)):
        raise ValueError(f"table has shape {arr.shape}; expected (3, {len(OPTIONS)}, "
                         f"{len(CRITERIA)}) as made by score_table()")
    if np.any(arr[0] > arr[1]) or np.any(arr[1] > arr[2]):
        raise ValueError("table: some low > likely or likely > high; need low <= likely <= high")
    return arr


@fill(_DOC)
def normalise_weights(weights) -> np.ndarray:
    """Weights as an array over ``CRITERIA`` summing to 1 along the last axis.

    Parameters
    ----------
    %(weights)s

    Returns
    -------
    ndarray, shape (..., criteria)
        The weights divided by their sum (one vector, or a stack if an array stack was given).

    %(weights_end)s
    """
    if isinstance(weights, Mapping):
        for name in weights:
            check_choice("weights key", name, CRITERION_KEYS)
        arr = np.array([check_range(f"weights[{k!r}]", weights.get(k, 0.0), 0.0).item()
                        for k in CRITERION_KEYS])
    else:
        arr = check_range("weights", weights, 0.0)
        if arr.shape[-1:] != (len(CRITERIA),):
            raise ValueError(f"weights has shape {arr.shape}; the last axis needs one weight per "
                             f"criterion ({len(CRITERIA)}: {', '.join(CRITERION_KEYS)})")
    total = arr.sum(axis=-1, keepdims=True)
    if np.any(total == 0):
        raise ValueError("weights are all zero: give at least one criterion a positive weight")
    return arr / total


@fill(_DOC)
def swing_weights(points, scores=None) -> np.ndarray:
    """Direct weights (summing to 1) equivalent to swing weights ``points``.

    Direct weights say how much a criterion matters on its 0-10 scale. Swing weighting asks
    instead how much it is worth to move from the worst option's score to the best option's
    score on each criterion: a criterion on which the options barely differ then carries
    little weight however important it sounds. With ranges r_c of the likely ``scores`` over
    the options, the equivalent direct weights are points_c / r_c, normalised; a criterion on
    which all options score the same gets weight 0.

    Parameters
    ----------
    points : dict of str to float, or array_like, shape (criteria,)
        Swing points per criterion, each 0 or more, not all 0.
    %(scores)s

    Returns
    -------
    ndarray, shape (criteria,)
        Equivalent direct weights summing to 1.

    Raises
    ------
    %(type_error_normalise_weights)s
    ValueError
        If points are negative, all 0 or of the wrong shape, a dict names an unknown criterion,
        ``scores`` has the wrong shape, or no criterion with points separates the options.

    Notes
    -----
    The swing method is a standard technique of decision analysis; scores as in
    :func:`score_table`.
    """
    if isinstance(points, Mapping):
        for name in points:
            check_choice("points key", name, CRITERION_KEYS)
        for name, value in points.items():
            check_range(f"points[{name!r}]", value, 0.0)
    else:
        arr = check_range("points", points, 0.0)
        if arr.shape != (len(CRITERIA),):
            raise ValueError(f"points has shape {arr.shape}: give one number per criterion "
                             f"({len(CRITERIA)}: {', '.join(CRITERION_KEYS)})")
        if arr.sum() == 0:
            raise ValueError("points are all zero: give at least one criterion a positive number")
    p = normalise_weights(points)
    s = score_table()[1] if scores is None else as_float_array("scores", scores)
    if s.shape != (len(OPTIONS), len(CRITERIA)):
        raise ValueError(f"scores has shape {s.shape}; expected ({len(OPTIONS)}, {len(CRITERIA)})")
    spread = s.max(axis=0) - s.min(axis=0)
    w = np.where(spread > 0, p / np.where(spread > 0, spread, 1.0), 0.0)
    if w.sum() == 0:
        raise ValueError("no criterion with points separates the options: give points to a "
                         "criterion on which the options differ")
    return w / w.sum()


@fill(_DOC)
def weighted_scores(weights, scores=None) -> np.ndarray:
    """Weighted-sum score of every option, last axis in ``OPTIONS`` order.

    Parameters
    ----------
    %(weights)s
    scores : array_like, shape (..., options, criteria), optional
        Scores 0-10; default the *likely* scores. Leading axes broadcast with those of
        ``weights``, so an (n, criteria) stack of weights gives (n, options).

    Returns
    -------
    ndarray, shape (..., options), score points 0-10
        The weighted sums.

    %(weights_end)s
    """
    w = normalise_weights(weights)
    s = score_table()[1] if scores is None else as_float_array("scores", scores)
    if s.shape[-2:] != (len(OPTIONS), len(CRITERIA)):
        raise ValueError(f"scores has shape {s.shape}; expected (..., {len(OPTIONS)}, "
                         f"{len(CRITERIA)})")
    return np.einsum("...oc,...c->...o", s, w)


def _one_vector(values: np.ndarray, caller: str) -> np.ndarray:
    """``values`` (weights or totals) if they come from one weight vector, not a stack."""
    if values.ndim != 1:
        raise ValueError(f"{caller} takes one weight vector, not a stack")
    return values


@fill(_DOC)
def ranking(weights, scores=None) -> tuple[str, ...]:
    """Option keys from best to worst for ``weights``.

    %(vector_scores_args)s

    Returns
    -------
    tuple of str
        Option keys, best first; scores equal to 9 decimals keep the order of ``OPTIONS``.

    Raises
    ------
    %(type_error_normalise_weights)s
    ValueError
        If a weight is negative or not finite, all weights are 0, a dict names an unknown
        criterion, or an array has the wrong shape, or ``weights`` is a stack rather than one vector.

    %(mcda_notes_section)s
    """
    total = _one_vector(weighted_scores(weights, scores), "ranking")
    return tuple(OPTION_KEYS[i] for i in _order(total))


def _order(total: np.ndarray) -> np.ndarray:
    """Indices from best to worst; scores equal to 9 decimals keep the ``OPTIONS`` order."""
    return np.argsort(-np.round(total, 9), kind="stable")


@fill(_DOC)
def sample_scores(n_draws: int, rng: np.random.Generator, table=None, *,
                  distribution: str = "pert") -> np.ndarray:
    """Random scores of shape (n_draws, options, criteria) drawn from the low/likely/high ranges.

    Parameters
    ----------
    %(n_draws)s
    %(rng)s
    %(table)s
    distribution : {"pert", "triangular"}, optional
        ``"triangular"`` uses the triangle through the three points; ``"pert"`` (default) the
        beta-PERT distribution with shape parameters 1 + 4(likely − low)/(high − low) and
        1 + 4(high − likely)/(high − low), which puts more weight near the likely value.

    Returns
    -------
    ndarray, shape (n_draws, options, criteria), score points 0-10
        A range with low == high gives that value.

    Raises
    ------
    TypeError
        If ``n_draws`` is not a whole number, ``rng`` is not a numpy Generator, or ``table`` is
        not numeric.
    ValueError
        If ``n_draws`` is below 1, ``distribution`` is unknown, or ``table`` has the wrong shape
        or a low > likely > high order.

    Notes
    -----
    Triangular and beta-PERT are the standard three-point distributions of risk analysis; the
    ranges are the option table's teaching assumptions.
    """
    n = check_int("n_draws", n_draws, 1)
    check_rng(rng)
    check_choice("distribution", distribution, ("pert", "triangular"))
    lo, mode, hi = _check_table(table)
    span = hi - lo
    wide = span > 0
    safe = np.where(wide, span, 1.0)
    if distribution == "pert":
        a = 1 + 4 * (mode - lo) / safe
        b = 1 + 4 * (hi - mode) / safe
        x = rng.beta(np.broadcast_to(a, (n, *a.shape)), np.broadcast_to(b, (n, *b.shape)))
    else:  # inverse CDF of the triangular distribution
        u = rng.random((n, *lo.shape))
        c = (mode - lo) / safe
        x = np.where(u < c, np.sqrt(u * c), 1 - np.sqrt((1 - u) * (1 - c)))
    return lo + np.where(wide, x, 0.0) * span


@fill(_DOC)
def sample_weights(weights, concentration: float, n_draws: int,
                   rng: np.random.Generator) -> np.ndarray:
    """Weight vectors (n_draws, criteria) drawn from a Dirichlet centred on ``weights``.

    The Dirichlet parameters are ``concentration`` times the normalised weights: a large
    concentration keeps draws close to the given weights, a small one spreads them out. A
    criterion given weight 0 stays at 0.

    Parameters
    ----------
    %(weights)s One vector only.
    concentration : float
        A single number greater than 0.
    %(n_draws)s
    %(rng)s

    Returns
    -------
    ndarray, shape (n_draws, criteria)
        Each row sums to 1.

    Raises
    ------
    TypeError
        If an argument is not a number, ``concentration`` is an array, ``n_draws`` is not a
        whole number, or ``rng`` is not a numpy Generator.
    ValueError
        If a weight or ``concentration`` is out of range, ``weights`` is a stack, or
        ``n_draws`` is below 1.

    Notes
    -----
    The Dirichlet distribution is the standard distribution over weight vectors; the default
    concentrations used by the course are teaching assumptions.
    """
    w = _one_vector(normalise_weights(weights), "sample_weights")
    k = single_number("concentration", check_range("concentration", concentration, 0.0,
                                                    low_open=True))
    n = check_int("n_draws", n_draws, 1)
    check_rng(rng)
    g = rng.gamma(np.where(w > 0, k * w, 1.0), size=(n, w.size)) * (w > 0)
    return g / g.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class RankResult:
    """Monte Carlo result: P(rank first) and score quantiles per option (``OPTIONS`` order).

    Parameters
    ----------
    options : tuple of str
        Option keys, the order of every array.
    p_first : ndarray, shape (options,)
        Probability that each option ranks first; sums to 1.
    score_median, score_p05, score_p95 : ndarray, shape (options,), score points
        Median and 5th and 95th percentiles of each option's weighted score.
    score_likely : ndarray, shape (options,), score points
        Weighted score with the likely scores and the given weights.
    n_draws : int
        Number of draws.

    Notes
    -----
    A plain record, as :func:`rank_probabilities` returns.
    """

    options: tuple[str, ...]
    p_first: np.ndarray
    score_median: np.ndarray
    score_p05: np.ndarray
    score_p95: np.ndarray
    score_likely: np.ndarray
    n_draws: int


@fill(_DOC)
def rank_probabilities(weights, rng: np.random.Generator, *, n_draws: int = 2000,
                       concentration: float | None = 50.0, table=None,
                       distribution: str = "pert", score_draws=None) -> RankResult:
    """Probability that each option ranks first, over score and weight uncertainty.

    Parameters
    ----------
    %(weights)s One vector only.
    %(rng)s
    n_draws : int, optional
        Number of draws, a whole number 1 or more (default 2000).
    concentration : float or None, optional
        Dirichlet concentration of the weight draws (:func:`sample_weights`), greater than 0
        (default 50); ``None`` holds the weights fixed.
    %(table)s
    distribution : {"pert", "triangular"}, optional
        Score distribution (:func:`sample_scores`), default ``"pert"``.
    score_draws : array_like, shape (n_draws, options, criteria), optional
        Score draws to reuse (from :func:`sample_scores`), so an interactive view can draw once.

    Returns
    -------
    RankResult
        P(first) per option (ties go to the option listed first, so they sum to 1) and score
        quantiles.

    Raises
    ------
    TypeError
        If a numeric argument is not a number, ``n_draws`` is not a whole number, or ``rng`` is
        not a numpy Generator.
    ValueError
        If a weight, ``concentration`` or ``n_draws`` is out of range, ``distribution`` is
        unknown, or ``table`` or ``score_draws`` has the wrong shape or order.

    %(mcda_notes_section)s
    """
    n = check_int("n_draws", n_draws, 1)
    check_rng(rng)
    tab = _check_table(table)
    if concentration is None:
        w = np.broadcast_to(normalise_weights(weights), (n, len(CRITERIA)))
    else:
        w = sample_weights(weights, concentration, n, rng)
    if score_draws is None:
        s = sample_scores(n, rng, tab, distribution=distribution)
    else:
        s = as_float_array("score_draws", score_draws)
        if s.shape != (n, len(OPTIONS), len(CRITERIA)):
            raise ValueError(f"score_draws has shape {s.shape}; expected (n_draws={n}, "
                             f"{len(OPTIONS)}, {len(CRITERIA)})")
    totals = np.einsum("noc,nc->no", s, w)
    first = np.bincount(np.argmax(totals, axis=1), minlength=len(OPTIONS)) / n
    p05, p50, p95 = np.percentile(totals, [5, 50, 95], axis=0)
    return RankResult(OPTION_KEYS, first, p50, p05, p95,
                      weighted_scores(weights, tab[1]), n)


@dataclass(frozen=True)
class Sensitivity:
    """How far one criterion's weight can move before the top option changes.

    Parameters
    ----------
    criterion : str
        The criterion whose weight moves; the other weights shrink or grow in proportion so the
        total stays 1.
    weight : float
        Its current normalised weight.
    top : str
        The current top option.
    lower : float or None
        The weight, below ``weight``, at which another option overtakes the top (None if none
        does before 0); if the top is tied now, it can equal ``weight``.
    lower_top : str or None
        The option that overtakes there.
    upper : float or None
        The same above ``weight`` (None if none does before 1).
    upper_top : str or None
        The option that overtakes there.

    Notes
    -----
    A plain record, as :func:`sensitivity` returns.
    """

    criterion: str
    weight: float
    top: str
    lower: float | None
    lower_top: str | None
    upper: float | None
    upper_top: str | None


@fill(_DOC)
def reweight(weights, criterion: str, new_weight: float) -> np.ndarray:
    """Normalised weights with ``criterion`` set to ``new_weight`` and the others rescaled.

    Parameters
    ----------
    %(weights)s One vector only.
    criterion : str
        Key of the criterion to set (``CRITERION_KEYS``).
    new_weight : float
        Its new normalised weight, in [0, 1].

    Returns
    -------
    ndarray, shape (criteria,)
        Weights summing to 1; the others keep their ratios (equal shares if they were all 0).

    Raises
    ------
    %(type_error_normalise_weights)s
    ValueError
        If a weight is negative or not finite, all weights are 0, a dict names an unknown
        criterion, or an array has the wrong shape, ``weights`` is a stack, ``criterion`` is unknown or ``new_weight`` is outside
        [0, 1].

    %(mcda_notes_section)s
    """
    w = _one_vector(normalise_weights(weights), "reweight")
    i = CRITERION_KEYS.index(check_choice("criterion", criterion, CRITERION_KEYS))
    x = check_range("new_weight", new_weight, 0.0, 1.0).item()
    rest = np.delete(w, i)
    rest = rest / rest.sum() if rest.sum() > 0 else np.full(rest.size, 1 / rest.size)
    return np.insert(rest * (1 - x), i, x)


@fill(_DOC)
def sensitivity(weights, scores=None) -> tuple[Sensitivity, ...]:
    """One-at-a-time sensitivity of the top option to each criterion's weight.

    Along the path of :func:`reweight` every option's score is linear in the criterion's weight
    x, so each crossing with the current top is solved exactly:
    x* = (R_o − R_top) / ((s_top − R_top) − (s_o − R_o)), with s the option's score on the
    criterion and R its score on the other criteria (rescaled weights).

    %(vector_scores_args)s

    Returns
    -------
    tuple of Sensitivity
        One per criterion, in ``CRITERIA`` order.

    Raises
    ------
    %(type_error_normalise_weights)s
    ValueError
        If a weight is negative or not finite, all weights are 0, a dict names an unknown
        criterion, or an array has the wrong shape, ``weights`` is a stack, or ``scores`` has the wrong shape.

    %(mcda_notes_section)s
    """
    w = _one_vector(normalise_weights(weights), "sensitivity")
    s = score_table()[1] if scores is None else as_float_array("scores", scores)
    if s.shape != (len(OPTIONS), len(CRITERIA)):
        raise ValueError(f"scores has shape {s.shape}; expected ({len(OPTIONS)}, {len(CRITERIA)})")
    top = int(_order(s @ w)[0])
    out = []
    for i, key in enumerate(CRITERION_KEYS):
        end = s @ reweight(w, key, 0.0)           # R: scores with this weight at 0
        slope = s[:, i] - end                      # score(x) = R + x (s_i - R)
        gap_slope = slope[top] - slope
        with np.errstate(divide="ignore", invalid="ignore"):
            x_star = (end - end[top]) / gap_slope
        lower, lower_top, upper, upper_top = None, None, None, None
        for o in np.argsort(x_star, kind="stable"):
            x = x_star[o]
            if o == top or not np.isfinite(x):
                continue
            # a crossing exactly at an end of [0, 1] is only a tie there, not a change
            if (w[i] - 1e-12 <= x < 1 - 1e-12 and gap_slope[o] < 0
                    and (upper is None or x < upper)):
                upper, upper_top = float(x), OPTION_KEYS[o]
            if (1e-12 < x <= w[i] + 1e-12 and gap_slope[o] > 0
                    and (lower is None or x > lower)):
                lower, lower_top = float(x), OPTION_KEYS[o]
        out.append(Sensitivity(key, float(w[i]), OPTION_KEYS[top], lower, lower_top,
                               upper, upper_top))
    return tuple(out)


@dataclass(frozen=True)
class ImpliedWeights:
    """Weight vectors sampled uniformly on the simplex, and which option ranks first for each.

    Parameters
    ----------
    option : str
        The option whose winning region is measured.
    weights : ndarray, shape (n_samples, criteria)
        The sampled weight vectors.
    top : ndarray of int, shape (n_samples,)
        Index into ``OPTIONS`` of the top option for each sample.
    share : float
        Fraction of the simplex where ``option`` ranks first.
    mean_weights : ndarray, shape (criteria,)
        Mean weight vector inside that region (NaN if it is empty).

    Notes
    -----
    A plain record, as :func:`implied_weights` returns.
    """

    option: str
    weights: np.ndarray      # (n_samples, criteria)
    top: np.ndarray          # (n_samples,) index into OPTIONS of the top option
    share: float             # fraction of the simplex where ``option`` ranks first
    mean_weights: np.ndarray  # mean weight vector inside that region (NaN if empty)


@fill(_DOC)
def implied_weights(rng: np.random.Generator, option: str = "conventional_strikes", *,
                    n_samples: int = 20000, scores=None) -> ImpliedWeights:
    """The region of weight space in which ``option`` ranks first.

    Weights are drawn uniformly on the simplex (Dirichlet with all parameters 1); the result
    holds every sample, the winner for each, the share of the simplex won by ``option`` and the
    average weights there: the weights the op-ed implies if it judged by these scores.

    Parameters
    ----------
    %(rng)s
    option : str, optional
        Key of a response option, default ``"conventional_strikes"`` (the op-ed's choice).
    n_samples : int, optional
        Number of weight vectors, a whole number 1 or more (default 20000).
    %(scores)s

    Returns
    -------
    ImpliedWeights
        The samples, winners, share and mean weights.

    Raises
    ------
    TypeError
        If ``n_samples`` is not a whole number, ``rng`` is not a numpy Generator, or ``scores``
        is not numeric.
    ValueError
        If ``option`` is unknown, ``n_samples`` is below 1, or ``scores`` has the wrong shape.

    %(mcda_notes_section)s
    """
    check_choice("option", option, OPTION_KEYS)
    n = check_int("n_samples", n_samples, 1)
    check_rng(rng)
    w = rng.dirichlet(np.ones(len(CRITERIA)), size=n)
    top = np.argmax(weighted_scores(w, scores), axis=1)
    inside = top == OPTION_KEYS.index(option)
    mean = w[inside].mean(axis=0) if inside.any() else np.full(len(CRITERIA), np.nan)
    return ImpliedWeights(option, w, top, float(inside.mean()), mean)

