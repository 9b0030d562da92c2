"""The West's answer to a Russian nuclear strike on Ukraine as a multi-criteria decision.

The op-ed [nederlof2023] weighs a handful of answers — a protest, a nuclear
"demonstration", conventional precision strikes, lifting limits on foreign volunteers —
and prefers the strikes. This module rebuilds that judgement as an explicit weighted
sum so that a student can see which assumptions carry it:

* ``OPTIONS`` and ``CRITERIA`` are data records with their sources;
* ``SCORES`` gives every option a *range* (low / likely / high, 0-10, higher is better
  for the West) on every criterion, with a written rationale. The numbers are teaching
  assumptions: the reasons behind them come from the cited material, the numbers do not;
* analysis functions: weighted scores, Monte Carlo rank probabilities (score
  uncertainty plus Dirichlet weight uncertainty), one-at-a-time weight sensitivity and
  the region of weight space in which a chosen option ranks first.

Ties between options (weighted scores within 1e-9) are broken by the order of
``OPTIONS`` (the less forceful option first), everywhere in this module.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .._validate import as_float_array, check_choice, check_int, check_range, check_rng, single_number
from ..content.sources import TEACHING_ASSUMPTION


@dataclass(frozen=True)
class Option:
    """One possible answer to a Russian nuclear strike on Ukraine."""

    key: str
    name: str
    description: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Criterion:
    """A yardstick for the options; every score on it runs 0 (worst) to 10 (best)."""

    key: str
    name: str
    description: str
    sources: tuple[str, ...]


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


OPTIONS: tuple[Option, ...] = (
    Option("protest", "Protest and diplomatic isolation",
           "Condemnation, diplomatic isolation and appeals through the UN; no new military or "
           "economic measure. The op-ed judges that a protest alone will not convince the Kremlin.",
           ("nederlof2023",)),
    Option("sanctions", "Sharper sanctions",
           "A further escalation of economic and financial sanctions on Russia and on those "
           "who trade with it; no use of force. Not discussed in the op-ed: included as the "
           "usual non-military answer.",
           (TEACHING_ASSUMPTION,)),
    Option("volunteers", "Lift limits on foreign volunteers",
           "Lift restrictions on non-Ukrainian former military personnel who help Ukraine "
           "operate modern defensive weapons. The op-ed lists it as another answer, one that "
           "also brings the helping states closer to a military confrontation with Russia.",
           ("nederlof2023",)),
    Option("conventional_strikes", "Conventional precision strikes",
           "Conventional precision strikes that put a number of Russian arsenals and "
           "command and communication centres out of action: the op-ed's preferred answer, "
           "which it expects to kill few civilians, weaken Russia's war effort and lower the "
           "risk of further nuclear use.",
           ("nederlof2023",)),
    Option("conventional_large", "Large conventional strike",
           "A NATO-led conventional campaign against all Russian forces it could locate in "
           "Ukraine and Crimea and against the Black Sea Fleet: the hypothetical answer Petraeus "
           "outlined on ABC on 2 October 2022, explicitly not a nuclear reply.",
           ("petraeus2022",)),
    Option("nuclear_demonstration", "Nuclear demonstration burst",
           "A single US nuclear burst high in the atmosphere or in space above Russia as a "
           "'demonstration'. Little immediate damage, but an electromagnetic pulse that "
           "disrupts communications over a wide area (chapter 01); the op-ed calls it "
           "dangerous and also mentions fallout.",
           ("nederlof2023", "glasstone1977")),
    Option("nuclear_in_kind", "Limited nuclear strike in kind",
           "A limited US nuclear strike on a Russian military target, answering like with like. "
           "Crosses the nuclear threshold from the Western side.",
           ("kahn1965", "icj1996")),
)

CRITERIA: tuple[Criterion, ...] = (
    Criterion("deterrence", "Restores deterrence",
              "How likely the answer is to make Moscow stop further nuclear use at once "
              "(the op-ed's first requirement).", ("nederlof2023",)),
    Criterion("escalation_safety", "Low escalation risk",
              "How far the answer keeps both nuclear powers off the escalation ladder "
              "(10 = no added risk).", ("nederlof2023", "kahn1965")),
    Criterion("civilian_safety", "Low civilian harm",
              "How few civilians the answer itself harms (10 = none).",
              ("nederlof2023", "glasstone1977")),
    Criterion("military_effect", "Military effect on Russia's war",
              "How much the answer weakens Russia's war against Ukraine.", ("nederlof2023",)),
    Criterion("legal_standing", "Legal standing",
              "How well the answer fits the law on the use of force and humanitarian law "
              "(chapter 02).", ("icj1996",)),
    Criterion("alliance_signal", "Alliance credibility and signal",
              "How credible the answer makes Western commitments to allies and to states "
              "watching in Asia and the Middle East.", ("nederlof2023",)),
)

OPTION_KEYS = tuple(o.key for o in OPTIONS)
CRITERION_KEYS = tuple(c.key for c in CRITERIA)

_T = TEACHING_ASSUMPTION
# (option, criterion): (low, likely, high, rationale, based_on). Scale 0-10, higher = better.
_SCORE_TABLE = {
    # --- protest ---
    ("protest", "deterrence"): (0, 1, 3, "The op-ed expects a protest not to convince the Kremlin.",
                                ("nederlof2023",)),
    ("protest", "escalation_safety"): (8, 9, 10, "No military or economic step against Russia.",
                                       ("nederlof2023",)),
    ("protest", "civilian_safety"): (9, 10, 10, "No use of force, so no harm from the answer itself.",
                                     ()),
    ("protest", "military_effect"): (0, 0, 1, "Nothing changes on the battlefield.", ()),
    ("protest", "legal_standing"): (9, 10, 10, "Diplomatic measures raise no question under the "
                                    "law on the use of force.", ("icj1996",)),
    ("protest", "alliance_signal"): (0, 1, 3, "A crossed red line left without a firm answer is the "
                                     "op-ed's worry for Asia and the Middle East.", ("nederlof2023",)),
    # --- sanctions ---
    ("sanctions", "deterrence"): (1, 2, 4, "Sanctions act slowly; another round is unlikely to "
                                  "stop a second use at once.", ()),
    ("sanctions", "escalation_safety"): (7, 8, 9, "Economic pressure, no use of force.", ()),
    ("sanctions", "civilian_safety"): (6, 8, 9, "Indirect economic harm to Russian and third-country "
                                       "civilians.", ()),
    ("sanctions", "military_effect"): (1, 2, 3, "Slow effect on Russia's war economy.", ()),
    ("sanctions", "legal_standing"): (7, 8, 10, "Non-forcible measures; unilateral sanctions are "
                                      "debated but are not a use of force.", ()),
    ("sanctions", "alliance_signal"): (2, 3, 5, "Firmer than a protest, but may read as more of "
                                       "the same.", ("nederlof2023",)),
    # --- volunteers ---
    ("volunteers", "deterrence"): (2, 3, 5, "Raises Ukraine's capability; a weak direct signal to "
                                   "Moscow.", ()),
    ("volunteers", "escalation_safety"): (4, 6, 7, "The op-ed notes it brings helping states closer "
                                          "to confrontation with Russia.", ("nederlof2023",)),
    ("volunteers", "civilian_safety"): (6, 7, 9, "Adds to fighting at the front, little direct harm "
                                        "to civilians.", ()),
    ("volunteers", "military_effect"): (2, 4, 5, "Skilled operators for modern defensive weapons.",
                                        ("nederlof2023",)),
    ("volunteers", "legal_standing"): (4, 6, 8, "Individuals' status and the helping states' "
                                       "responsibility are contested questions of law.", ()),
    ("volunteers", "alliance_signal"): (3, 4, 6, "Shows commitment without direct Western attack.",
                                        ()),
    # --- conventional precision strikes (the op-ed's choice) ---
    ("conventional_strikes", "deterrence"): (4, 6, 8, "The op-ed expects it to lower the risk of "
                                             "further use; Sullivan had warned of catastrophic "
                                             "consequences.", ("nederlof2023", "sullivan2022")),
    ("conventional_strikes", "escalation_safety"): (2, 4, 6, "A direct Western attack on Russian "
                                                    "assets; strikes on command sites could be read "
                                                    "as a threat to nuclear command, a listed "
                                                    "condition for Russian nuclear use.",
                                                    ("russia2020",)),
    ("conventional_strikes", "civilian_safety"): (5, 7, 8, "The op-ed expects few civilian deaths "
                                                  "from precision weapons; sites may lie near towns.",
                                                  ("nederlof2023",)),
    ("conventional_strikes", "military_effect"): (4, 6, 7, "The op-ed expects Moscow to be weakened "
                                                  "militarily.", ("nederlof2023",)),
    ("conventional_strikes", "legal_standing"): (3, 5, 7, "Arguable as collective self-defence of "
                                                 "Ukraine if necessary and proportionate; contested "
                                                 "for targets inside Russia.", ("icj1996",)),
    ("conventional_strikes", "alliance_signal"): (6, 7, 9, "A firm, visible answer that keeps the "
                                                  "nuclear taboo.", ("nederlof2023",)),
    # --- large conventional strike (Petraeus) ---
    ("conventional_large", "deterrence"): (5, 7, 9, "Removes much of Russia's means to continue "
                                           "the war.", ("petraeus2022",)),
    ("conventional_large", "escalation_safety"): (1, 2, 4, "Open NATO-Russia combat on a large "
                                                  "scale.", ("kahn1965",)),
    ("conventional_large", "civilian_safety"): (4, 5, 7, "Military targets, but a large campaign in "
                                                "occupied areas and Crimea harms more civilians.",
                                                ("petraeus2022",)),
    ("conventional_large", "military_effect"): (7, 9, 10, "Aims at every visible Russian force in "
                                                "Ukraine and Crimea and the Black Sea Fleet.",
                                                ("petraeus2022",)),
    ("conventional_large", "legal_standing"): (3, 5, 7, "Arguable as collective self-defence, with "
                                               "proportionality in doubt for its scale.",
                                               ("icj1996",)),
    ("conventional_large", "alliance_signal"): (6, 8, 9, "An unmistakable answer.", ("petraeus2022",)),
    # --- nuclear demonstration ---
    ("nuclear_demonstration", "deterrence"): (2, 4, 7, "Signals resolve but also that the West will "
                                              "cross the threshold itself.", ("schelling1966",)),
    ("nuclear_demonstration", "escalation_safety"): (0, 2, 4, "The op-ed calls it dangerous: the "
                                                     "first Western nuclear burst in a war.",
                                                     ("nederlof2023", "kahn1965")),
    ("nuclear_demonstration", "civilian_safety"): (3, 6, 8, "Little blast or heat on the ground, but "
                                                   "the pulse can disrupt power and communications "
                                                   "over a very wide area (Starfish Prime).",
                                                   ("glasstone1977",)),
    ("nuclear_demonstration", "military_effect"): (0, 1, 3, "Does not touch Russia's forces in "
                                                   "Ukraine.", ()),
    ("nuclear_demonstration", "legal_standing"): (0, 2, 4, "Nuclear use is generally contrary to "
                                                  "humanitarian law; no state-survival claim for the "
                                                  "US.", ("icj1996",)),
    ("nuclear_demonstration", "alliance_signal"): (2, 4, 6, "Resolve for some allies, a breach of the "
                                                   "nuclear taboo for others.", ()),
    # --- nuclear strike in kind ---
    ("nuclear_in_kind", "deterrence"): (2, 5, 8, "Meets like with like; may stop Moscow or provoke "
                                        "a reply.", ("schelling1966",)),
    ("nuclear_in_kind", "escalation_safety"): (0, 1, 2, "A nuclear exchange between the two largest "
                                               "arsenals has begun.", ("kahn1965",)),
    ("nuclear_in_kind", "civilian_safety"): (0, 2, 4, "Even small nuclear weapons kill many thousands "
                                             "near their target (chapter 01).",
                                             ("nederlof2023", "glasstone1977")),
    ("nuclear_in_kind", "military_effect"): (3, 5, 7, "Destroys its target; little wider effect on "
                                             "the war.", ()),
    ("nuclear_in_kind", "legal_standing"): (0, 1, 3, "Generally contrary to humanitarian law; the "
                                            "extreme case of state survival does not apply to the US.",
                                            ("icj1996",)),
    ("nuclear_in_kind", "alliance_signal"): (1, 3, 6, "Resolve, at the price of the taboo and of "
                                             "allies' support.", ()),
}

SCORES: tuple[Score, ...] = tuple(
    Score(o, c, float(lo), float(li), float(hi), why, _T, based)
    for (o, c), (lo, li, hi, why, based) in _SCORE_TABLE.items()
)

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
    return next(s for s in SCORES if s.option == option and s.criterion == criterion)


def score_table(overrides: Mapping | None = None) -> np.ndarray:
    """Scores as an array of shape (3, options, criteria): low, likely, high.

    ``overrides`` maps ``(option, criterion)`` to a new ``(low, likely, high)``, so a
    student can replace an assumption and rerun the analysis.
    """
    table = np.empty((3, len(OPTIONS), len(CRITERIA)))
    for s in SCORES:
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

