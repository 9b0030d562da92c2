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


Option = _options.ResponseOption
Criterion = _options.Criterion


@dataclass(frozen=True)
class Score:
    """An uncertain score of one option on one criterion, with the reasoning behind it.

    ``source`` is ``TEACHING_ASSUMPTION`` when the number is the course's own judgement;
    ``based_on`` lists the sources the written ``rationale`` draws on.
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


def further_use(option: str | None, level: str = "central", factors: dict | None = None) -> float:
    """P(a further nuclear use) after a first use, with the West answering ``option``: the
    escalation chain of chapter 05 (remembering ladder) with the option's ladder factors at
    ``level`` (see :func:`deterrence_lab.escalation.ladder_parameters`)."""
    P = _esc.ladder_matrix(**_esc.ladder_parameters(option, level=level, factors=factors))
    return _esc.further_use_probability(P, _esc.FIRST_NUCLEAR_STATE)


def derived_scores(option: str, factors: dict | None = None) -> dict[str, tuple[float, float, float]]:
    """The two derived criteria of ``option`` as (low, likely, high), from the ladder.

    ``escalation_safety`` = 10 (1 - p) and ``civilian_safety`` = direct harm score x (1 - p),
    with p the probability of a further nuclear use (:func:`further_use`): *low* uses the
    option's ladder factors at their worst (most climbing, least stepping down and settling),
    *likely* the central factors and *high* the best. ``factors`` (a dict of ``up`` / ``down`` /
    ``settle``) fixes those factors at the given values in all three.
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


def get_score(option: str, criterion: str) -> Score:
    """The score record of ``option`` on ``criterion``."""
    check_choice("option", option, OPTION_KEYS)
    check_choice("criterion", criterion, CRITERION_KEYS)
    return next(s for s in _scores() if s.option == option and s.criterion == criterion)


def score_table(overrides: Mapping | None = None, *,
                ladder_overrides: Mapping | None = None) -> np.ndarray:
    """Scores as an array of shape (3, options, criteria): low, likely, high.

    ``overrides`` maps ``(option, criterion)`` to a new ``(low, likely, high)``, so a
    student can replace an assumption and rerun the analysis. ``ladder_overrides`` maps an
    option to ladder factors (``{"conventional_strikes": {"up": 1.5}}``): the derived
    criteria are then recomputed from the chain with those factors.
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


def normalise_weights(weights) -> np.ndarray:
    """Weights as an array over ``CRITERIA`` summing to 1 (last axis).

    ``weights`` is a dict ``{criterion: weight}`` (criteria left out weigh 0) or an array
    whose last axis has one entry per criterion. Weights are relative importances: only
    their ratios matter.
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


def swing_weights(points, scores=None) -> np.ndarray:
    """Direct weights (summing to 1) equivalent to *swing* weights ``points``.

    Direct weights say how much a criterion matters on its 0-10 scale. Swing weighting asks
    instead how much it is worth to move from the *worst* option's score to the *best*
    option's score on each criterion (the swing method of decision analysis): a criterion on which the options barely differ then carries little
    weight however important it sounds. With ranges ``r_c`` of the likely ``scores`` over the
    options, the equivalent direct weights are ``points_c / r_c``, normalised; a criterion on
    which all options score the same gets weight 0.

    ``points`` is a dict ``{criterion: points}`` or an array over ``CRITERIA``.
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


def weighted_scores(weights, scores=None) -> np.ndarray:
    """Weighted-sum score of every option (last axis in ``OPTIONS`` order).

    ``scores`` is an (options, criteria) array, by default the *likely* scores;
    weights broadcast, so an (n, criteria) stack of weights gives (n, options).
    """
    w = normalise_weights(weights)
    s = score_table()[1] if scores is None else as_float_array("scores", scores)
    if s.shape[-2:] != (len(OPTIONS), len(CRITERIA)):
        raise ValueError(f"scores has shape {s.shape}; expected (..., {len(OPTIONS)}, "
                         f"{len(CRITERIA)})")
    return np.einsum("...oc,...c->...o", s, w)


def ranking(weights, scores=None) -> tuple[str, ...]:
    """Option keys from best to worst for ``weights``; ties keep the order of ``OPTIONS``."""
    total = weighted_scores(weights, scores)
    if total.ndim != 1:
        raise ValueError("ranking takes one weight vector, not a stack")
    return tuple(OPTION_KEYS[i] for i in _order(total))


def _order(total: np.ndarray) -> np.ndarray:
    """Indices from best to worst; scores equal to 9 decimals keep the ``OPTIONS`` order."""
    return np.argsort(-np.round(total, 9), kind="stable")


def sample_scores(n_draws: int, rng: np.random.Generator, table=None, *,
                  distribution: str = "pert") -> np.ndarray:
    """Random scores of shape (n_draws, options, criteria) from the low/likely/high ranges.

    ``"triangular"`` uses the triangle through the three points; ``"pert"`` the beta-PERT
    distribution (shape parameters 1 + 4(likely - low)/(high - low) and 1 + 4(high -
    likely)/(high - low)), which puts more weight near the likely value. A range with
    low == high gives that value.
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


def sample_weights(weights, concentration: float, n_draws: int,
                   rng: np.random.Generator) -> np.ndarray:
    """Weight vectors (n_draws, criteria) drawn from a Dirichlet centred on ``weights``.

    The Dirichlet parameters are ``concentration`` times the normalised weights: a large
    concentration keeps draws close to the given weights, a small one spreads them out.
    A criterion given weight 0 stays at 0.
    """
    w = normalise_weights(weights)
    if w.ndim != 1:
        raise ValueError("sample_weights takes one weight vector, not a stack")
    k = single_number("concentration", check_range("concentration", concentration, 0.0,
                                                    low_open=True))
    n = check_int("n_draws", n_draws, 1)
    check_rng(rng)
    g = rng.gamma(np.where(w > 0, k * w, 1.0), size=(n, w.size)) * (w > 0)
    return g / g.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class RankResult:
    """Monte Carlo result: P(rank first) and score quantiles per option (``OPTIONS`` order)."""

    options: tuple[str, ...]
    p_first: np.ndarray
    score_median: np.ndarray
    score_p05: np.ndarray
    score_p95: np.ndarray
    score_likely: np.ndarray
    n_draws: int


def rank_probabilities(weights, rng: np.random.Generator, *, n_draws: int = 2000,
                       concentration: float | None = 50.0, table=None,
                       distribution: str = "pert", score_draws=None) -> RankResult:
    """Probability that each option ranks first, over score and weight uncertainty.

    Scores are drawn from their ranges (:func:`sample_scores`) unless ``score_draws``
    (an (n_draws, options, criteria) array from :func:`sample_scores`) is given, which
    lets an interactive view reuse one set of draws; weights come from a Dirichlet
    around ``weights`` (:func:`sample_weights`), or are held fixed if ``concentration``
    is None. Draws that tie go to the option listed first, so probabilities sum to 1.
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

    The criterion's normalised weight moves from ``weight``; the other weights shrink or
    grow in proportion so the total stays 1. ``lower``/``upper`` are the weights at which
    another option overtakes the current top (None if it never does before the end
    of [0, 1]); ``lower_top``/``upper_top`` name that option. If the top is tied with another
    option now, the bound can equal ``weight``.
    """

    criterion: str
    weight: float
    top: str
    lower: float | None
    lower_top: str | None
    upper: float | None
    upper_top: str | None


def reweight(weights, criterion: str, new_weight: float) -> np.ndarray:
    """Normalised weights with ``criterion`` set to ``new_weight`` and the others rescaled
    in proportion (equal shares if the others were all zero)."""
    w = normalise_weights(weights)
    if w.ndim != 1:
        raise ValueError("reweight takes one weight vector, not a stack")
    i = CRITERION_KEYS.index(check_choice("criterion", criterion, CRITERION_KEYS))
    x = check_range("new_weight", new_weight, 0.0, 1.0).item()
    rest = np.delete(w, i)
    rest = rest / rest.sum() if rest.sum() > 0 else np.full(rest.size, 1 / rest.size)
    return np.insert(rest * (1 - x), i, x)


def sensitivity(weights, scores=None) -> tuple[Sensitivity, ...]:
    """One-at-a-time sensitivity of the top option to each criterion's weight.

    Along the path of :func:`reweight` every option's score is linear in the criterion's
    weight x, so each crossing with the current top is solved exactly:
    x* = (R_o - R_top) / ((s_top - R_top) - (s_o - R_o)), with s the option's score on the
    criterion and R its score on the other criteria (rescaled weights).
    """
    w = normalise_weights(weights)
    if w.ndim != 1:
        raise ValueError("sensitivity takes one weight vector, not a stack")
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
    """Weight vectors sampled uniformly on the simplex, and which option ranks first for each."""

    option: str
    weights: np.ndarray      # (n_samples, criteria)
    top: np.ndarray          # (n_samples,) index into OPTIONS of the top option
    share: float             # fraction of the simplex where ``option`` ranks first
    mean_weights: np.ndarray  # mean weight vector inside that region (NaN if empty)


def implied_weights(rng: np.random.Generator, option: str = "conventional_strikes", *,
                    n_samples: int = 20000, scores=None) -> ImpliedWeights:
    """The region of weight space in which ``option`` ranks first.

    Weights are drawn uniformly on the simplex (Dirichlet with all parameters 1); the
    result holds every sample, the winner for each, the share of the simplex won by
    ``option`` and the average weights there: the weights the op-ed *implies* if it
    judged by these scores.
    """
    check_choice("option", option, OPTION_KEYS)
    n = check_int("n_samples", n_samples, 1)
    check_rng(rng)
    w = rng.dirichlet(np.ones(len(CRITERIA)), size=n)
    top = np.argmax(weighted_scores(w, scores), axis=1)
    inside = top == OPTION_KEYS.index(option)
    mean = w[inside].mean(axis=0) if inside.any() else np.full(len(CRITERIA), np.nan)
    return ImpliedWeights(option, w, top, float(inside.mean()), mean)

