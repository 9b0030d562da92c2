"""Where a headline result holds, and where it flips: one-at-a-time sensitivity analysis.

The headlines examined are the course's findings on the op-ed's recommended answer
[nederlof2023], computed by :mod:`deterrence_lab.models.response` and
:mod:`deterrence_lab.models.escalation`. Every headline number of chapters 04–06 rests on
assumptions: weights, ladder factors, the chain's base rates, the spread of the weight
uncertainty. For a headline that is a
yes/no statement ("precision strikes rank first", "strikes make general war less likely
than no response") this module moves one assumption at a time over a stated range, keeps
the others at their current values, and reports

* the interval around the current value over which the statement still holds, and
* the breakeven values at which it flips (found by bisection to ``1e-6`` of the range).

Three headlines are built in: :func:`top_option` (which option ranks first),
:func:`war_probability` (P(general war) of an option against no response) and
:func:`recommended_verdict` (the op-ed's recommended answer against the other options and
against no response). Each returns a :class:`Robustness`, whose :meth:`Robustness.line`
is the one line a chapter prints under the number. :func:`p_first_by_concentration`
shows how a Monte Carlo share depends on the Dirichlet concentration.

One assumption at a time is a simplification: two assumptions that each hold alone can
flip the result together. The functions say so in their output.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from . import escalation as esc
from . import response as resp
from .._validate import check_choice, check_int, check_range
from ..content import options as _options
from .._docstring import fill, pieces

_DOC = pieces(
    start="""
        start : str, optional
            Ladder state the chain starts from, default the first nuclear use.
        """,
    type_error_top_option="""
        TypeError
            If a weight is not a number.
        """,
    option="""
        option : str
            Key of a response option.
        """,
)

_GRID = 41
_BISECT = 40


@dataclass(frozen=True)
class Lever:
    """One assumption moved over ``[low, high]``.

    Parameters
    ----------
    key : str
        Identifier, e.g. ``"weight.deterrence"`` or ``"conventional_strikes.up"``.
    label : str
        The assumption in words, as printed.
    current : float
        Its value now, inside [low, high].
    low, high : float
        The range searched (units of the assumption: a weight share, a ladder factor, a scale).

    Notes
    -----
    A plain record; :func:`scan` checks that ``current`` lies in the range. The ranges the
    course searches are teaching assumptions stated in each headline function.
    """

    key: str
    label: str
    current: float
    low: float
    high: float


@dataclass(frozen=True)
class Holds:
    """The result of moving one :class:`Lever`.

    Parameters
    ----------
    lever : Lever
        The assumption (lever) that was moved.
    holds_now : bool
        Whether the statement holds at the current value.
    lower, upper : float or None
        Bounds of the interval around the current value where the statement has the same truth
        value as now (``None``: it never changes before the end of the range searched).
    flips_at : tuple of float
        Every breakeven value found in the range.

    Notes
    -----
    A plain record, as :func:`scan` returns.
    """

    lever: Lever
    holds_now: bool
    lower: float | None
    upper: float | None
    flips_at: tuple[float, ...]

    def describe(self) -> str:
        """The lever's result in words, e.g. 'holds for ≤ 1.07 (now 1.15)'.

        Returns
        -------
        str
            Whether the statement holds or fails, and the interval, to three significant figures.

        Notes
        -----
        No numbers of its own: it formats the values found by :func:`scan`.
        """
        lv = self.lever
        if not self.flips_at:
            return (f"{'holds' if self.holds_now else 'fails'} over the whole range searched "
                    f"({_fmt(lv.low)}–{_fmt(lv.high)})")
        parts = []
        if self.lower is not None:
            parts.append(f"≥ {_fmt(self.lower)}")
        if self.upper is not None:
            parts.append(f"≤ {_fmt(self.upper)}")
        where = " and ".join(parts)
        verb = "holds" if self.holds_now else "fails"
        return f"{verb} for {where} (now {_fmt(lv.current)})"


@dataclass(frozen=True)
class Robustness:
    """A headline statement, whether it holds now, and where it holds for each lever.

    Parameters
    ----------
    statement : str
        The headline statement, in words.
    holds : bool
        Whether it holds at the current assumptions.
    value : float or None
        The headline number behind it (a weighted score, a probability), if any.
    rows : tuple of Holds
        One result per lever.

    Notes
    -----
    A plain record, as :func:`top_option`, :func:`war_probability` and
    :func:`recommended_verdict` return.
    """

    statement: str
    holds: bool
    value: float | None
    rows: tuple[Holds, ...]

    def line(self, max_items: int = 3, with_statement: bool = False) -> str:
        """One line for under the headline number, the nearest flips first.

        Parameters
        ----------
        max_items : int, optional
            How many levers that flip the statement to name (default 3).
        with_statement : bool, optional
            Name the statement, for a line read away from its headline (default False).

        Returns
        -------
        str
            The line, ending with a reminder that one assumption was moved at a time.

        Notes
        -----
        No numbers of its own: it formats the values found by :func:`scan`. It does not validate
        its arguments.
        """
        flips = [h for h in self.rows if h.flips_at]
        steady = [h for h in self.rows if not h.flips_at]
        flips.sort(key=lambda h: _distance(h))
        bits = []
        verb = "flips" if self.holds else "would hold"
        for h in flips[:max_items]:
            lv = h.lever
            up = h.upper is not None and (h.lower is None or
                                          h.upper - lv.current <= lv.current - h.lower)
            edge = h.upper if up else h.lower
            side = "rises above" if up else "falls below"
            bits.append(f"{verb} if {lv.label} {side} {_fmt(edge)} (now {_fmt(lv.current)})")
        if steady:
            labels = [h.lever.label for h in steady[:4]] + (["others"] if len(steady) > 4 else [])
            either = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]
            bits.append(f"{'holds' if self.holds else 'fails'} whatever {either}"
                        " (in the ranges searched)")
        head = "holds" if self.holds else "does not hold"
        what = f" of '{self.statement}'" if with_statement else ""
        return (f"Robustness{what}: {head} now; " + "; ".join(bits) +
                " — one assumption moved at a time.")

    def table(self) -> list[list[str]]:
        """The results as table rows.

        Returns
        -------
        list of list of str
            Per lever: assumption, value now, range searched, where it holds or fails, breakevens.

        Notes
        -----
        No numbers of its own: it formats the values found by :func:`scan`.
        """
        return [[h.lever.label, _fmt(h.lever.current),
                 f"{_fmt(h.lever.low)}–{_fmt(h.lever.high)}", h.describe(),
                 ", ".join(_fmt(x) for x in h.flips_at) or "none"] for h in self.rows]


def _fmt(x: float) -> str:
    return f"{x:.3g}"


def _distance(h: Holds) -> float:
    lv = h.lever
    span = (lv.high - lv.low) or 1.0
    return min(abs(x - lv.current) for x in h.flips_at) / span


def scan(statement: Callable[[float], bool], lever: Lever, *, n_grid: int = _GRID) -> Holds:
    """Move ``lever`` over its range and find where ``statement(value)`` changes truth value.

    The range is sampled at ``n_grid`` points plus the current value; every change between
    neighbours is refined by bisection (40 halvings, to about 1e-12 of the range, well inside
    1e-6).

    Parameters
    ----------
    statement : callable
        ``statement(value) -> bool`` for a value of the lever.
    lever : Lever
        The assumption and its range; ``lever.current`` must lie in [low, high].
    n_grid : int, optional
        Grid points, a whole number in [3, 10000] (default 41).

    Returns
    -------
    Holds
        Whether the statement holds now, the interval around the current value and every
        breakeven found.

    Raises
    ------
    TypeError
        If ``n_grid`` is not a whole number.
    ValueError
        If ``n_grid`` is outside [3, 10000] or ``lever.current`` outside its range. Errors
        raised by ``statement`` pass through.

    Notes
    -----
    Standard grid search and bisection. Changes narrower than the grid spacing can be missed
    (a statement that flips and flips back between two grid points). One assumption moved at a time is a teaching simplification: two assumptions that each
    hold alone can flip the result together.
    """
    n = check_int("n_grid", n_grid, 3, 10_000)
    lo, hi = float(lever.low), float(lever.high)
    if not lo <= lever.current <= hi:
        raise ValueError(f"lever {lever.key}: current={lever.current} outside its range "
                         f"[{lo}, {hi}]")
    xs = np.unique(np.concatenate([np.linspace(lo, hi, n), [lever.current]]))
    truth = [bool(statement(float(x))) for x in xs]
    flips = []
    for a, b, ta, tb in zip(xs[:-1], xs[1:], truth[:-1], truth[1:]):
        if ta != tb:
            a, b = float(a), float(b)
            for _ in range(_BISECT):
                mid = 0.5 * (a + b)
                if bool(statement(mid)) == ta:
                    a = mid
                else:
                    b = mid
            flips.append(0.5 * (a + b))
    now = truth[int(np.flatnonzero(xs == lever.current)[0])]
    lower = max((f for f in flips if f <= lever.current), default=None)
    upper = min((f for f in flips if f > lever.current), default=None)
    return Holds(lever, now, lower, upper, tuple(flips))


# --- headline 1: which option ranks first -----------------------------------------------

def _weights(weights) -> np.ndarray:
    return resp.normalise_weights(weights)


def _likely_totals(weights: np.ndarray, ladder_overrides=None) -> np.ndarray:
    table = resp.score_table(ladder_overrides=ladder_overrides)
    return table[1] @ weights


def _factor_levers(option: str) -> tuple[Lever, ...]:
    opt = _options.option(option)
    short = _SHORT.get(option, option)
    return tuple(Lever(f"{option}.{m}", f"the {_MOVE[m]} factor of the {short}",
                       opt.ladder[m].central, 0.5, 2.0) for m in _options.LADDER_MOVES)


_MOVE = {"up": "climbing", "down": "stepping-down", "settle": "settling"}
_SHORT = {"conventional_strikes": "precision strikes", "conventional_large": "large attack",
          "nuclear_demonstration": "demonstration burst", "nuclear_in_kind": "nuclear reply",
          "protest": "protest", "sanctions": "sanctions", "volunteers": "volunteers",
          "no_response": "no response"}


@fill(_DOC)
def top_option(weights=None, *, option: str | None = None,
               ladder_option: str = _options.RECOMMENDED) -> Robustness:
    """Robustness of "``option`` ranks first on the likely scores with ``weights``".

    Parameters
    ----------
    weights : dict or array_like or None, optional
        Criterion weights as :func:`deterrence_lab.models.response.normalise_weights` takes
        them; ``None`` (default) uses the op-ed preset.
    option : str or None, optional
        Key of the option examined; ``None`` (default) is the current winner.
    ladder_option : str, optional
        The option whose ladder factors are moved, default the op-ed's recommended answer.

    Returns
    -------
    Robustness
        Levers: each criterion's weight share (0-1, others rescaled in proportion) and the
        three ladder factors of ``ladder_option`` (0.5-2.0), which move its derived scores.

    Raises
    ------
    %(type_error_top_option)s
    ValueError
        If a weight is invalid (see :func:`deterrence_lab.models.response.normalise_weights`),
        or ``option`` or ``ladder_option`` is not a known option key.

    Notes
    -----
    The ranges searched are teaching assumptions (factors from half to twice the table's); the
    scores and presets are :mod:`deterrence_lab.models.response`'s; the op-ed is nederlof2023.
    One assumption moved at a time is a teaching simplification: two assumptions that each
    hold alone can flip the result together.
    """
    w = _weights(resp.PRESETS["op-ed"] if weights is None else weights)
    totals = _likely_totals(w)
    winner = resp.OPTION_KEYS[int(resp._order(totals)[0])]
    option = winner if option is None else check_choice("option", option, resp.OPTION_KEYS)
    check_choice("ladder_option", ladder_option, resp.OPTION_KEYS)
    idx = resp.OPTION_KEYS.index(option)

    def first(totals) -> bool:
        return int(resp._order(totals)[0]) == idx

    rows = []
    for c in resp.CRITERIA:
        lever = Lever(f"weight.{c.key}", f"the weight of '{c.name}'",
                      float(w[resp.CRITERION_KEYS.index(c.key)]), 0.0, 1.0)
        rows.append(scan(lambda x, k=c.key: first(_likely_totals(resp.reweight(w, k, x))), lever))
    for lever in _factor_levers(ladder_option):
        move = lever.key.split(".")[1]
        rows.append(scan(lambda x, m=move: first(_likely_totals(
            w, {ladder_option: {m: x}})), lever, n_grid=21))
    name = resp.OPTIONS[idx].name
    return Robustness(f"{name} ranks first", first(totals), float(totals[idx]), tuple(rows))


# --- headline 2: P(general war) per option ------------------------------------------------

@fill(_DOC)
def war_probability(option: str, *, start: str = esc.FIRST_NUCLEAR_STATE) -> Robustness:
    """Robustness of "with ``option``, general war is less likely than with no response".

    Parameters
    ----------
    %(option)s
    %(start)s

    Returns
    -------
    Robustness
        ``value`` is P(general war) with the option (central factors, remembering ladder).
        Levers: the option's three ladder factors (0.5-2.0) and the chain's overall climbing
        and settling scales (0.5-1.25), which move the option and the baseline together.

    Raises
    ------
    TypeError
        If an argument has the wrong type.
    ValueError
        If ``option`` or ``start`` is not a known key.

    Notes
    -----
    The chain is :mod:`deterrence_lab.models.escalation`'s (teaching assumptions with reasons);
    the ranges searched are teaching assumptions. One assumption moved at a time is a teaching simplification: two assumptions that each
    hold alone can flip the result together.
    """
    check_choice("option", option, resp.OPTION_KEYS)

    def better(**kw) -> bool:
        factors = kw.pop("factors", None)
        p = esc.ladder_outcome(option, start, factors=factors, **kw)["general_war"]
        base = esc.ladder_outcome(None, start, **kw)["general_war"]
        return p < base - 1e-12

    rows = []
    if option != _options.NO_RESPONSE:
        for lever in _factor_levers(option):
            move = lever.key.split(".")[1]
            rows.append(scan(lambda x, m=move: better(factors={m: x}), lever, n_grid=21))
    for name, label in (("up_scale", "the chain's climbing scale"),
                        ("settle_scale", "the chain's settling scale")):
        rows.append(scan(lambda x, n=name: better(**{n: x}),
                         Lever(name, label, 1.0, 0.5, 1.25), n_grid=11))
    value = esc.ladder_outcome(option, start)["general_war"]
    return Robustness(f"{_options.option(option).name}: general war less likely than with no "
                      "response", better(), value, tuple(rows))


@fill(_DOC)
def war_probability_span(option: str | None = None, *, start: str = esc.FIRST_NUCLEAR_STATE,
                         low: float = 0.5, high: float = 1.25) -> str:
    """One line: how far P(general war) moves when all climbing, or all settling, rates are scaled.

    Parameters
    ----------
    option : str or None, optional
        Key of a response option; ``None`` (default) is no response.
    %(start)s
    low : float, optional
        Lowest scale, in [0, 3] (default 0.5).
    high : float, optional
        Highest scale, in [low, 3] (default 1.25).

    Returns
    -------
    str
        P(general war) at the course's rates and its range under each scaling, in percent.

    Raises
    ------
    TypeError
        If ``low`` or ``high`` is not a number.
    ValueError
        If ``low`` or ``high`` is outside its range, or ``option`` or ``start`` is unknown.

    Notes
    -----
    The chain is :mod:`deterrence_lab.models.escalation`'s; the default range (0.5-1.25 times
    the course's rates) is a teaching assumption. One assumption moved at a time is a teaching simplification: two assumptions that each
    hold alone can flip the result together.
    """
    lo = float(check_range("low", low, 0.0, 3.0))
    hi = float(check_range("high", high, lo, 3.0))
    now = esc.ladder_outcome(option, start)["general_war"]
    parts = []
    for name, label in (("up_scale", "every climbing rate"), ("settle_scale", "every settling rate")):
        a = esc.ladder_outcome(option, start, **{name: lo})["general_war"]
        b = esc.ladder_outcome(option, start, **{name: hi})["general_war"]
        parts.append(f"with {label} {lo:g}× to {hi:g}× the course's, it runs from "
                     f"{100 * a:.1f}% to {100 * b:.1f}%")
    return (f"Robustness: P(general war) is {100 * now:.1f}% at the course's rates; "
            + "; ".join(parts) + " — one assumption moved at a time.")


# --- headline 3: the verdict on the op-ed's recommended answer ----------------------------

@dataclass(frozen=True)
class Verdict:
    """The op-ed's recommended answer examined, with the robustness of each finding.

    Parameters
    ----------
    option : str
        The option examined.
    ranks_first : Robustness
        Does it rank first on the likely scores?
    lowers_further_use : Robustness
        Does it make a further nuclear use less likely than no response?
    p_further_use : float
        P(further nuclear use) with the option.
    p_further_use_none : float
        The same with no response.

    Notes
    -----
    A plain record, as :func:`recommended_verdict` returns.
    """

    option: str
    ranks_first: Robustness
    lowers_further_use: Robustness
    p_further_use: float
    p_further_use_none: float

    def lines(self) -> list[str]:
        """The verdict as two printable lines.

        Returns
        -------
        list of str
            Whether the option ranks first, and whether it lowers the chance of a further nuclear
            use (in percent, against no response), each with its robustness line.

        Notes
        -----
        No numbers of its own: it formats the values of the record.
        """
        return [f"{self.ranks_first.statement}: {'yes' if self.ranks_first.holds else 'no'}. "
                + self.ranks_first.line(),
                f"{self.lowers_further_use.statement}: "
                f"{'yes' if self.lowers_further_use.holds else 'no'} "
                f"({100 * self.p_further_use:.1f}% against {100 * self.p_further_use_none:.1f}%). "
                + self.lowers_further_use.line()]


@fill(_DOC)
def recommended_verdict(weights=None, option: str = _options.RECOMMENDED) -> Verdict:
    """The verdict on ``option``, by default the op-ed's recommended precision strikes.

    Parameters
    ----------
    weights : dict or array_like or None, optional
        Criterion weights; ``None`` (default) uses the op-ed preset.
    option : str, optional
        Key of the option examined, default the op-ed's recommendation.

    Returns
    -------
    Verdict
        Whether it ranks first and whether it lowers the chance of a further nuclear use, each
        with its levers.

    Raises
    ------
    %(type_error_top_option)s
    ValueError
        If a weight is invalid or ``option`` is not a known option key.

    Notes
    -----
    The recommendation is nederlof2023's; scores and chain as in :func:`top_option` and
    :func:`war_probability`. One assumption moved at a time is a teaching simplification: two assumptions that each
    hold alone can flip the result together.
    """
    check_choice("option", option, resp.OPTION_KEYS)
    ranks = top_option(weights, option=option, ladder_option=option)

    def lower(factors=None) -> bool:
        return resp.further_use(option, factors=factors) < resp.further_use(None) - 1e-12

    rows = tuple(scan(lambda x, m=lv.key.split(".")[1]: lower({m: x}), lv, n_grid=21)
                 for lv in _factor_levers(option))
    name = _options.option(option).name
    lowers = Robustness(f"{name} make a further nuclear use less likely than no response",
                        lower(), resp.further_use(option), rows)
    return Verdict(option, ranks, lowers, resp.further_use(option), resp.further_use(None))


# --- the Dirichlet concentration -----------------------------------------------------------

@fill(_DOC)
def p_first_by_concentration(option: str, weights=None, concentrations=(2, 5, 10, 20, 50, 100,
                                                                         200, 500), *,
                             n_draws: int = 2000, seed: int = 2023) -> dict:
    """P(``option`` ranks first) for each Dirichlet concentration of the weight uncertainty.

    The same score draws are used at every concentration, so differences come from the weights
    alone.

    Parameters
    ----------
    %(option)s
    weights : dict or array_like or None, optional
        Centre of the weight draws; ``None`` (default) uses the op-ed preset.
    concentrations : iterable of float, optional
        Concentrations to try, each greater than 0 (default 2 to 500).
    n_draws : int, optional
        Draws per concentration, a whole number 1 or more (default 2000).
    seed : int, optional
        Seed of the random draws (default 2023), so the result repeats.

    Returns
    -------
    dict
        Concentration (``None`` first: fixed weights) to probability in [0, 1].

    Raises
    ------
    TypeError
        If ``n_draws`` is not a whole number or a concentration is not a number.
    ValueError
        If ``option`` is unknown, ``n_draws`` is below 1, or a concentration is not greater
        than 0.

    Notes
    -----
    Monte Carlo over :func:`deterrence_lab.models.response.rank_probabilities`; the
    concentrations tried are a teaching assumption (from loose to tight).
    """
    check_choice("option", option, resp.OPTION_KEYS)
    w = resp.PRESETS["op-ed"] if weights is None else weights
    n = check_int("n_draws", n_draws, 1)
    draws = resp.sample_scores(n, np.random.default_rng([seed, 0]))
    idx = resp.OPTION_KEYS.index(option)
    out = {}
    for k in (None, *concentrations):
        if k is not None:
            check_range("concentrations", k, 0.0, low_open=True)
        res = resp.rank_probabilities(w, np.random.default_rng([seed, 1]), n_draws=n,
                                      concentration=k, score_draws=draws)
        out[k] = float(res.p_first[idx])
    return out


def threshold_crossing(values: Mapping, threshold: float) -> str:
    """In words, where a share from :func:`p_first_by_concentration` lies against ``threshold``.

    Parameters
    ----------
    values : dict
        Concentration to share, as :func:`p_first_by_concentration` returns (the ``None`` entry
        is ignored).
    threshold : float
        A share in [0, 1].

    Returns
    -------
    str
        Whether the share is above or below the threshold at every concentration, or at which.

    Raises
    ------
    TypeError
        If ``values`` is not a mapping, or ``threshold`` is not a number.
    ValueError
        If ``threshold`` is outside [0, 1].

    Notes
    -----
    No numbers of its own: it compares the caller's shares with the caller's threshold.
    """
    if not isinstance(values, Mapping):
        raise TypeError(f"values={values!r} must be a dict {{concentration: share}} as returned "
                        "by p_first_by_concentration")
    threshold = float(check_range("threshold", threshold, 0.0, 1.0))
    above = [k for k, v in values.items() if k is not None and v >= threshold]
    below = [k for k, v in values.items() if k is not None and v < threshold]
    if not above:
        return f"below {threshold:.0%} at every concentration tried"
    if not below:
        return f"at or above {threshold:.0%} at every concentration tried"
    return (f"at or above {threshold:.0%} for concentration in {sorted(above)}, below for "
            f"{sorted(below)}")
