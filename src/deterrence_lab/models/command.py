"""Who holds the key: a k-of-n model of nuclear command, its barriers, and national profiles.

The model is deliberately small, so a student can check every number by hand.

* A chain of ``n`` people (or stations) stands between a decision and the use of one
  weapon; ``k`` of them must act together. Each member independently might act
  *without* authority (probability ``p_rogue`` per crisis) and independently might
  fail or refuse to carry out a *valid* order (``p_fail``).
* **Unauthorised use** is a use the legitimate authority did not order. It requires
  (1) at least ``k`` members acting together without authority, **and** (2) every barrier
  on the weapon defeated: the code lock if fitted and its codes are not already in the
  field (probability ``p_pal_defeat``), and the separate custodian if warheads are
  stored apart from launchers (``p_custody_defeat``).
* **A valid order fails** when the legitimate authority orders use and the weapon is not
  used: fewer than ``k`` members carry the order out, or the leadership is cut off
  (``p_cutoff``: decapitation, lost communications) while a code lock waits for codes
  that never arrive. Without a code lock the crew can act on standing instructions, so
  a cut-off does not stop them (what BBC Newsnight reported of British submarines
  [bbc2007]).
* **Pre-delegation** hands authority and unlock codes down in advance, as happens when
  leaders fear decapitation [blair1993]: only ``min(k, k_predelegated)`` members are then
  needed, the code lock no longer stops a group that has the codes, and a cut-off no
  longer stops a valid order. It lowers the bar for both kinds of use at once.

All of this is exact binomial combinatorics (Feaver's always/never trade-off
[feaver1992] in numbers); the numbers fed in are teaching assumptions unless a profile
field cites a source.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import NamedTuple

import numpy as np

from .._validate import (
    check_bool,
    check_choice,
    check_int,
    check_probability,
    check_range,
    check_rng,
    check_whole_numbers,
)
from .._docstring import fill, pieces, section

_DOC = pieces(
    value_error_binomial_tail="""
        ValueError
            If an argument is empty, not finite, not a whole number where one is needed, outside
            its range, if the shapes do not broadcast, or if ``k > n``.
        """,
    p_rogue="""
        p_rogue : float or array_like
            Probability in [0, 1] per crisis that one member acts without authority.
        """,
    custody="""
        custody : bool, optional
            True if warheads are stored apart from launchers under a separate custodian.
        """,
    p_fail="""
        p_fail : float or array_like
            Probability in [0, 1] that one member fails or refuses a valid order.
        """,
    pal="""
        pal : bool, optional
            True if the weapon has a code lock (Permissive Action Link); default False.
        """,
    predelegation="""
        predelegation : bool, optional
            True if authority and unlock codes are handed down in advance.
        """,
    type_error_binomial_tail="""
        TypeError
            If an argument is not a number or array of numbers.
        """,
    n="""
        n : int
            Members of the chain, a whole number in [1, 100].
        """,
    command_risks_returned=section("Returns", "CommandRisks"),
)

CONFIDENCE_LEVELS = ("documented", "reported", "unknown")
# Feaver's frame: the always/never dilemma is managed by *assertive* control (civilians keep
# the means of use in their own hands: codes, locks, custody, at a cost to "always") or
# *delegative* control (authority or means handed down in advance, at a cost to "never").
CONTROL_TYPES = {
    "assertive": "civilian leaders keep the means of use (codes, locks, custody) in their own hands",
    "delegative": "authority or the means of use are handed down in advance to military commanders",
    "mixed": "assertive in peacetime, with documented or reported provisions for delegation",
    "unknown": "the public sources do not settle it",
}
N_MAX = 100


def _binomial_pmf_table(n: np.ndarray, p: np.ndarray) -> np.ndarray:
    """P(X = j) for j = 0..max(n) on a last axis, X ~ Binomial(n, p); zero where j > n.

    Each term is computed on its own from log-factorials (no ``1 - ...`` cancellation),
    so tails as small as 1e-300 stay accurate.
    """
    n_top = int(n.max())
    j = np.arange(n_top + 1)
    log_fact = np.concatenate(([0.0], np.cumsum(np.log(np.arange(1, n_top + 1)))))
    n_ = n[..., None]
    p_ = p[..., None]
    valid = j <= n_
    rest = np.where(valid, n_ - j, 0)
    log_comb = log_fact[n_] - log_fact[j] - log_fact[rest]
    with np.errstate(divide="ignore", invalid="ignore"):
        log_p = np.where(j > 0, j * np.log(p_), 0.0)
        log_q = np.where(rest > 0, rest * np.log1p(-p_), 0.0)
        pmf = np.exp(log_comb + log_p + log_q)
    return np.where(valid, np.nan_to_num(pmf, nan=0.0), 0.0)


@fill(_DOC)
def binomial_tail(n, k, p) -> np.ndarray:
    """P(at least ``k`` of ``n`` independent members act), each with probability ``p``.

    ``n``, ``k`` and ``p`` broadcast against each other; ``k = 0`` gives 1.

    Parameters
    ----------
    n : int or array_like of int
        Members of the chain, whole numbers in [1, 100] (``N_MAX``).
    k : int or array_like of int
        Members who must act, whole numbers in [0, 100], at most ``n``.
    p : float or array_like
        Probability in [0, 1] that one member acts.

    Returns
    -------
    ndarray
        The probability, shape the broadcast shape of ``n``, ``k`` and ``p``.

    Raises
    ------
    %(type_error_binomial_tail)s
    %(value_error_binomial_tail)s

    Notes
    -----
    Standard formula: the upper tail of the binomial distribution, sum over j >= k of
    C(n, j) p^j (1 - p)^(n - j), each term computed from log-factorials so that tails as
    small as 1e-300 stay accurate.
    """
    n_arr = check_whole_numbers("n", n, 1, N_MAX)
    k_arr = check_whole_numbers("k", k, 0, N_MAX)
    p_arr = check_probability("p", p)
    n_b, k_b, p_b = np.broadcast_arrays(n_arr, k_arr, p_arr)
    if np.any(k_b > n_b):
        raise ValueError(f"k={k!r} is larger than n={n!r}: a chain cannot need more members than it has")
    pmf = _binomial_pmf_table(n_b, p_b)
    j = np.arange(pmf.shape[-1])
    tail = np.where(j >= k_b[..., None], pmf, 0.0).sum(axis=-1)
    return np.minimum(tail, 1.0)


class CommandRisks(NamedTuple):
    """What a command design yields per crisis; every field broadcasts like the inputs.

    Parameters
    ----------
    p_unauthorised : ndarray
        Probability per crisis of a use the legitimate authority did not order.
    p_valid_fails : ndarray
        Probability that a valid order does not lead to use.
    time_to_execute_h : ndarray
        Expected hours from a valid order to use, given that the order succeeds (NaN where
        it never does).

    Notes
    -----
    A plain record, filled by :func:`command_risks` and :func:`simulate_command`.
    """

    p_unauthorised: np.ndarray
    p_valid_fails: np.ndarray
    time_to_execute_h: np.ndarray


def _check_design(n, k, p_rogue, p_fail, pal, p_pal_defeat, custody, p_custody_defeat,
                  release_time_h, predelegation, k_predelegated, p_cutoff, member_time_h):
    n_arr = check_whole_numbers("n", n, 1, N_MAX)
    k_arr = check_whole_numbers("k", k, 1, N_MAX)
    kp_arr = check_whole_numbers("k_predelegated", k_predelegated, 1, N_MAX)
    n_b, k_b = np.broadcast_arrays(n_arr, k_arr)
    if np.any(k_b > n_b):
        raise ValueError(f"k={k!r} is larger than n={n!r}: a chain cannot need more members than it has")
    return dict(
        n=n_arr, k=k_arr, k_predelegated=kp_arr,
        p_rogue=check_probability("p_rogue", p_rogue), p_fail=check_probability("p_fail", p_fail),
        pal=check_bool("pal", pal), p_pal_defeat=check_probability("p_pal_defeat", p_pal_defeat),
        custody=check_bool("custody", custody),
        p_custody_defeat=check_probability("p_custody_defeat", p_custody_defeat),
        release_time_h=check_range("release_time_h", release_time_h, 0.0, 1000.0, unit="h"),
        predelegation=check_bool("predelegation", predelegation),
        p_cutoff=check_probability("p_cutoff", p_cutoff),
        member_time_h=check_range("member_time_h", member_time_h, 0.0, 1000.0, low_open=True, unit="h"),
    )


@fill(_DOC)
def command_risks(n, k, p_rogue, p_fail, *, pal: bool = False, p_pal_defeat=0.1,
                  custody: bool = False, p_custody_defeat=0.5, release_time_h=0.0,
                  predelegation: bool = False, k_predelegated=1, p_cutoff=0.0,
                  member_time_h=0.25) -> CommandRisks:
    """Exact per-crisis risks of a k-of-n command design (definitions in the module docstring).

    Each of the members who comply acts after an independent exponential delay with mean
    ``member_time_h``; use happens when the k-th has acted, plus the custodian's
    ``release_time_h`` if warheads are stored apart. All inputs broadcast.

    Parameters
    ----------
    n : int or array_like of int
        Members of the chain, whole numbers in [1, 100].
    k : int or array_like of int
        Members who must act together, whole numbers in [1, 100], at most ``n``.
    %(p_rogue)s
    p_fail : float or array_like
        Probability in [0, 1] that one member fails or refuses to carry out a valid order.
    %(pal)s
    p_pal_defeat : float or array_like, optional
        Probability in [0, 1] that a group acting without authority defeats the code lock
        (default 0.1, a teaching assumption: no public figure exists).
    %(custody)s
    p_custody_defeat : float or array_like, optional
        Probability in [0, 1] that such a group defeats the custodian (default 0.5, a teaching
        assumption).
    release_time_h : float or array_like, optional
        Hours the custodian needs to release a warhead to a valid order, in [0, 1000] h
        (default 0; counts only with ``custody``).
    %(predelegation)s
    k_predelegated : int or array_like of int, optional
        Members needed under pre-delegation, whole numbers in [1, 100] (default 1); the chain
        then needs ``min(k, k_predelegated)``.
    p_cutoff : float or array_like, optional
        Probability in [0, 1] that the leadership is cut off, so a code lock never receives
        its codes (default 0; counts only with a code lock and no pre-delegation).
    member_time_h : float or array_like, optional
        Mean delay of each complying member, in (0, 1000] h (default 0.25 h, a teaching
        assumption).

    %(command_risks_returned)s
        ``p_unauthorised``, ``p_valid_fails`` and ``time_to_execute_h`` (h), each of the
        broadcast shape of all inputs.

    Raises
    ------
    TypeError
        If a number is not a number, or ``pal``, ``custody`` or ``predelegation`` is not
        True or False.
    %(value_error_binomial_tail)s

    Notes
    -----
    Standard formula: binomial tails for both risks, and for the time the expected k-th order
    statistic of exponential delays (sum over i < k of 1/(m - i) mean delays when m members
    comply), averaged over m given success. The frame is Feaver's always/never trade-off
    (feaver1992); every probability fed in is a teaching assumption unless a profile cites a
    source.
    """
    d = _check_design(n, k, p_rogue, p_fail, pal, p_pal_defeat, custody, p_custody_defeat,
                      release_time_h, predelegation, k_predelegated, p_cutoff, member_time_h)
    k_eff = np.minimum(d["k"], d["k_predelegated"]) if d["predelegation"] else d["k"]
    lock_stands = d["pal"] and not d["predelegation"]
    barrier = (d["p_pal_defeat"] if lock_stands else 1.0) * (d["p_custody_defeat"] if d["custody"] else 1.0)
    p_unauth = binomial_tail(d["n"], k_eff, d["p_rogue"]) * barrier

    n_b, k_b, q_b = np.broadcast_arrays(d["n"], k_eff, 1.0 - d["p_fail"])
    pmf = _binomial_pmf_table(n_b, q_b)                      # P(m members comply)
    m = np.arange(pmf.shape[-1])
    enough = m >= k_b[..., None]
    p_enough = np.where(enough, pmf, 0.0).sum(axis=-1)
    p_short = np.minimum(np.where(enough, 0.0, pmf).sum(axis=-1), 1.0)   # summed directly: no cancellation
    cutoff = d["p_cutoff"] if lock_stands else 0.0
    p_valid_fails = p_short + cutoff * (1.0 - p_short)

    # Expected k-th order statistic of m exponential delays: sum_{i<k} 1/(m-i) mean delays.
    with np.errstate(divide="ignore"):
        steps = np.where(m[None, :] < m[:, None], 1.0 / (m[:, None] - m[None, :]), 0.0)
    order_stat = np.concatenate((np.zeros((m.size, 1)), np.cumsum(steps, axis=1)), axis=1)
    harmonic = order_stat[m, k_b[..., None]]                # shape (..., m): E[k-th of m] / mean
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_members = np.where(enough, pmf * harmonic, 0.0).sum(axis=-1) / p_enough
    time_h = np.where(p_enough > 0, mean_members * d["member_time_h"], np.nan)
    time_h = time_h + (d["release_time_h"] if d["custody"] else 0.0)
    shape = np.broadcast_shapes(*(np.shape(v) for v in d.values()))   # every input, used or not
    return CommandRisks(*(np.broadcast_to(x, shape).astype(float) for x in (p_unauth, p_valid_fails, time_h)))


@fill(_DOC)
def simulate_command(n: int, k: int, p_rogue: float, p_fail: float, *, n_crises: int,
                     rng: np.random.Generator, pal: bool = False, p_pal_defeat: float = 0.1,
                     custody: bool = False, p_custody_defeat: float = 0.5, release_time_h: float = 0.0,
                     predelegation: bool = False, k_predelegated: int = 1, p_cutoff: float = 0.0,
                     member_time_h: float = 0.25) -> CommandRisks:
    """Monte Carlo estimate of :func:`command_risks` for one design.

    ``n_crises`` simulated crises, each member, lock, custodian and cut-off drawn
    independently from ``rng``. It shares no code with the exact model, so agreement is an
    independent check.

    Parameters
    ----------
    %(n)s
    k : int
        Members who must act together, a whole number in [1, ``n``].
    p_rogue : float
        Probability in [0, 1] per crisis that one member acts without authority.
    p_fail : float
        Probability in [0, 1] that one member fails or refuses a valid order.
    n_crises : int
        Crises to simulate, a whole number in [1, 10,000,000].
    rng : numpy.random.Generator
        The source of every random draw.
    %(pal)s
    p_pal_defeat : float, optional
        Probability in [0, 1] that a group acting without authority defeats the code lock
        (default 0.1, a teaching assumption: no public figure exists).
    %(custody)s
    p_custody_defeat : float, optional
        Probability in [0, 1] that such a group defeats the custodian (default 0.5, a teaching
        assumption).
    release_time_h : float, optional
        Hours the custodian needs to release a warhead to a valid order, in [0, 1000] h
        (default 0; counts only with ``custody``).
    %(predelegation)s
    k_predelegated : int, optional
        Members needed under pre-delegation, whole numbers in [1, 100] (default 1); the chain
        then needs ``min(k, k_predelegated)``.
    p_cutoff : float, optional
        Probability in [0, 1] that the leadership is cut off, so a code lock never receives
        its codes (default 0; counts only with a code lock and no pre-delegation).
    member_time_h : float, optional
        Mean delay of each complying member, in (0, 1000] h (default 0.25 h, a teaching
        assumption).

    %(command_risks_returned)s
        The three estimates, each a 0-d array; ``time_to_execute_h`` is NaN if no valid
        order succeeded.

    Raises
    ------
    TypeError
        If a number is not a number, ``rng`` is not a numpy Generator, or a flag is not
        True or False.
    ValueError
        If an argument is not a whole number where one is needed, not finite, outside its
        range, if ``k > n``, or if a probability or time is given as more than one value.

    Notes
    -----
    Standard Monte Carlo sampling of the model of :func:`command_risks`; the inputs are
    teaching assumptions as there (frame: feaver1992).
    """
    n = check_int("n", n, 1, N_MAX)
    k = check_int("k", k, 1, n)
    n_crises = check_int("n_crises", n_crises, 1, 10_000_000)
    check_rng(rng)
    d = _check_design(n, k, p_rogue, p_fail, pal, p_pal_defeat, custody, p_custody_defeat,
                      release_time_h, predelegation, k_predelegated, p_cutoff, member_time_h)
    for name in ("p_rogue", "p_fail", "p_pal_defeat", "p_custody_defeat", "release_time_h", "p_cutoff",
                 "member_time_h", "k_predelegated"):
        if d[name].size != 1:
            raise ValueError(f"{name} must be a single number in a simulation, got {d[name].size} values")
    need = min(k, int(d["k_predelegated"])) if predelegation else k
    lock_stands = pal and not predelegation

    rogues = (rng.random((n_crises, n)) < d["p_rogue"]).sum(axis=1)
    lock_beaten = rng.random(n_crises) < (d["p_pal_defeat"] if lock_stands else 1.0)
    custodian_beaten = rng.random(n_crises) < (d["p_custody_defeat"] if custody else 1.0)
    unauthorised = (rogues >= need) & lock_beaten & custodian_beaten

    comply = rng.random((n_crises, n)) >= d["p_fail"]
    delays = np.where(comply, rng.exponential(float(d["member_time_h"]), (n_crises, n)), np.inf)
    kth_delay = np.sort(delays, axis=1)[:, need - 1]
    cut_off = rng.random(n_crises) < (d["p_cutoff"] if lock_stands else 0.0)
    executed = np.isfinite(kth_delay) & ~cut_off
    time_h = np.nan
    if executed.any():
        time_h = kth_delay[executed].mean() + (float(d["release_time_h"]) if custody else 0.0)
    return CommandRisks(np.asarray(unauthorised.mean()), np.asarray(1.0 - executed.mean()),
                        np.asarray(float(time_h)))


@fill(_DOC)
def design_family(n: int, p_rogue, p_fail, **barriers) -> dict[str, np.ndarray]:
    """Every design with ``n`` members: k = 1..n, code lock off/on, pre-delegation off/on.

    Parameters
    ----------
    %(n)s
    %(p_rogue)s
    %(p_fail)s
    **barriers
        Other settings of :func:`command_risks` (``custody``, ``p_cutoff``, ...); not ``k``,
        ``pal`` or ``predelegation``, which the family varies.

    Returns
    -------
    dict of str to ndarray, shape (4n,)
        Flat arrays ``k``, ``pal``, ``predelegation``, ``p_unauthorised``, ``p_valid_fails``
        and ``time_to_execute_h``, one entry per design.

    Raises
    ------
    TypeError
        If an argument has the wrong type (see :func:`command_risks`).
    ValueError
        If ``n`` is out of range, ``barriers`` contains ``k``, ``pal`` or ``predelegation``,
        or :func:`command_risks` refuses a value.

    Notes
    -----
    No numbers of its own: the risks are :func:`command_risks`' (standard formula; inputs are
    teaching assumptions).
    """
    n = check_int("n", n, 1, N_MAX)
    for fixed in ("k", "pal", "predelegation"):
        if fixed in barriers:
            raise ValueError(f"{fixed} is varied by design_family; do not pass it")
    ks = np.arange(1, n + 1)
    rows = {"k": [], "pal": [], "predelegation": [], "p_unauthorised": [], "p_valid_fails": [],
            "time_to_execute_h": []}
    for pal in (False, True):
        for predelegation in (False, True):
            risks = command_risks(n, ks, p_rogue, p_fail, pal=pal, predelegation=predelegation, **barriers)
            rows["k"].append(ks)
            rows["pal"].append(np.full(n, pal))
            rows["predelegation"].append(np.full(n, predelegation))
            for field in CommandRisks._fields:
                rows[field].append(np.broadcast_to(getattr(risks, field), ks.shape))
    return {name: np.concatenate(parts) for name, parts in rows.items()}


@fill(_DOC)
def pareto_mask(p_unauthorised, p_valid_fails) -> np.ndarray:
    """True for the designs on the always/never frontier.

    A design is on the frontier if no other design is lower or equal on both risks and
    strictly lower on one.

    Parameters
    ----------
    p_unauthorised : array_like
        Probabilities in [0, 1], one per design.
    p_valid_fails : array_like
        Probabilities in [0, 1], one per design, same number as ``p_unauthorised``.

    Returns
    -------
    ndarray of bool, shape (n_designs,)

    Raises
    ------
    %(type_error_binomial_tail)s
    ValueError
        If an argument is empty, not finite or outside [0, 1], or the two have different
        numbers of values.

    Notes
    -----
    Standard formula: Pareto dominance on two criteria, the form of Feaver's always/never
    trade-off (feaver1992).
    """
    a = check_probability("p_unauthorised", p_unauthorised).ravel()
    b = check_probability("p_valid_fails", p_valid_fails).ravel()
    if a.shape != b.shape:
        raise ValueError(f"p_unauthorised has {a.size} values and p_valid_fails {b.size}; give one pair per design")
    no_worse = (a[None, :] <= a[:, None]) & (b[None, :] <= b[:, None])
    better = (a[None, :] < a[:, None]) | (b[None, :] < b[:, None])
    return ~np.any(no_worse & better, axis=1)


def odds_in_words(p) -> str:
    """A probability in plain words, rounded to two figures: 'about 1 in 3,000', 'about 23%'.

    Parameters
    ----------
    p : float
        A single probability in [0, 1].

    Returns
    -------
    str
        'never, in this model' at 0, 'less than 1 in a billion' below 1e-9, 'practically
        certain' from 0.995, a percentage from 0.1, else 'about 1 in N'.

    Raises
    ------
    TypeError
        If ``p`` is not a number.
    ValueError
        If ``p`` is not a single finite number in [0, 1].

    Notes
    -----
    No numbers of its own (the cut-offs for wording are presentation choices).
    """
    if np.size(p) != 1:
        raise ValueError(f"p={p!r} must be a single probability")
    value = float(check_probability("p", p).reshape(-1)[0])
    if value == 0.0:
        return "never, in this model"
    if value < 1e-9:
        return "less than 1 in a billion"
    if value >= 0.995:
        return "practically certain"
    if value >= 0.1:
        return f"about {value:.0%}"
    one_in = 1.0 / value
    digits = int(np.floor(np.log10(one_in))) - 1
    rounded = int(round(one_in, -digits)) if digits > 0 else int(round(one_in))
    return f"about 1 in {rounded:,}"


# --- National profiles -----------------------------------------------------------------------

# What the op-ed says of each of the three Western states (nederlof2023): one sentence for all three.
_OPED_PAL_STATES = ("Listed among the states where a code device with a PAL guarantees that only "
                    "the top political level can order use.")


@dataclass(frozen=True)
class Feature:
    """One finding about a national command system, with its source and how sure it is.

    Parameters
    ----------
    topic : str
        What it is about (``"code locks"``, ``"custody of non-strategic weapons"``, ...).
    finding : str
        The finding, paraphrased.
    confidence : str
        ``"documented"``, ``"reported"`` or ``"unknown"`` (``CONFIDENCE_LEVELS``).
    source : str
        Source key.
    where : str, optional
        Where in the source.

    Raises
    ------
    ValueError
        If ``confidence`` is not one of ``CONFIDENCE_LEVELS``.

    Notes
    -----
    A plain record; each feature of ``PROFILES`` names its own source key (e.g. nsam1962,
    bbc2007, tsypkin2004, podvig2017).
    """

    topic: str
    finding: str
    confidence: str      # documented / reported / unknown
    source: str
    where: str = ""

    def __post_init__(self):
        check_choice("confidence", self.confidence, CONFIDENCE_LEVELS)


@dataclass(frozen=True)
class Design:
    """Model settings that stand for a country's chain.

    ``reason`` says which parts are read from sources and which are teaching assumptions.

    Parameters
    ----------
    n : int
        Members of the chain, 1 to 100.
    k : int
        Members who must act together, 1 to ``n``.
    pal : bool
        Code lock fitted.
    custody : bool
        Warheads stored apart under a custodian.
    predelegation : bool
        Authority and codes handed down in advance.
    reason : str
        Why these settings, and which are sourced.
    p_pal_defeat : float, optional
        Probability in [0, 1] of defeating the lock (default 0.1, teaching assumption).
    p_custody_defeat : float, optional
        Probability in [0, 1] of defeating the custodian (default 0.5, teaching assumption).
    release_time_h : float, optional
        Custodian's release time, in [0, 1000] h (default 0).
    k_predelegated : int, optional
        Members needed under pre-delegation, 1 to 100 (default 1).

    Notes
    -----
    A plain record, checked when :meth:`risks` runs :func:`command_risks`; the designs in
    ``PROFILES`` give their reasons in ``reason``.
    """

    n: int
    k: int
    pal: bool
    custody: bool
    predelegation: bool
    reason: str
    p_pal_defeat: float = 0.1
    p_custody_defeat: float = 0.5
    release_time_h: float = 0.0
    k_predelegated: int = 1

    @fill(_DOC)
    def risks(self, p_rogue, p_fail, p_cutoff=0.0, member_time_h=0.25) -> CommandRisks:
        """:func:`command_risks` for this design.

        Parameters
        ----------
        %(p_rogue)s
        %(p_fail)s
        p_cutoff : float or array_like, optional
            Probability in [0, 1] that the leadership is cut off (default 0).
        member_time_h : float or array_like, optional
            Mean delay of each complying member, in (0, 1000] h (default 0.25 h, teaching
            assumption).

        %(command_risks_returned)s

        Raises
        ------
        TypeError
            If an argument or a field of the design has the wrong type.
        ValueError
            If an argument or a field of the design is outside its range, or ``k > n``.

        Notes
        -----
        Standard formula (see :func:`command_risks`); the probabilities are teaching assumptions.
        """
        settings = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "reason"}
        return command_risks(p_rogue=p_rogue, p_fail=p_fail, p_cutoff=p_cutoff,
                             member_time_h=member_time_h, **settings)


@dataclass(frozen=True)
class CountryProfile:
    """What the sources say about one country, what the op-ed says, and a model design.

    Parameters
    ----------
    key : str
        The profile's key (``"us"``, ``"uk"``, ``"france"``, ``"russia"``, ``"belarus"``,
        ``"nato_nl"``).
    name : str
        The name shown to readers.
    actor : str
        Colour key in :mod:`deterrence_lab.views.style`.
    features : tuple of Feature
        The findings, each with its source and confidence.
    oped_statement : str
        What the op-ed says about the country (nederlof2023).
    verdict : str
        How that statement stands against the sources.
    design : Design
        The model settings that stand for its chain.
    control : str, optional
        Its place in Feaver's typology, a key of ``CONTROL_TYPES`` (default ``"unknown"``).
    control_basis : str, optional
        Why, with confidence labels.

    Notes
    -----
    A plain record; ``PROFILES`` cite a source key for every feature, and the op-ed is
    nederlof2023.
    """

    key: str
    name: str
    actor: str           # colour key in deterrence_lab.views.style
    features: tuple[Feature, ...]
    oped_statement: str
    verdict: str
    design: Design
    control: str = "unknown"   # Feaver's typology: assertive / delegative / mixed / unknown
    control_basis: str = ""    # why, and how sure (documented / reported / unknown)

    @property
    def sources(self) -> tuple[str, ...]:
        """The source keys of the profile's features, each once, in order of first use.

        Returns
        -------
        tuple of str

        Notes
        -----
        No numbers of its own.
        """
        return tuple(dict.fromkeys(f.source for f in self.features))


# Shared per-member probabilities used to place every country on the frontier: pure teaching
# assumptions (no source gives such numbers), the same for all so the designs differ only in
# their structure.
CLASSROOM_ASSUMPTIONS = {"p_rogue": 0.01, "p_fail": 0.05, "p_cutoff": 0.05}

_LOCK_NOTE = ("p_pal_defeat = 0.1 is a teaching assumption (no public figure exists)")

PROFILES: tuple[CountryProfile, ...] = (
    CountryProfile(
        "us", "United States", "us_nato",
        (
            Feature("authority", "The President alone holds the legal authority to order nuclear use.",
                    "documented", "feaver1992"),
            Feature("code locks", "Code locks (Permissive Action Links) were developed from about 1960; "
                    "NSAM 160 (June 1962) required them on US weapons deployed with NATO allies.",
                    "documented", "nsam1962"),
            Feature("custody of non-strategic weapons", "Kennedy halted further dispersal of weapons to "
                    "NATO allies until PAL plans were under way; PALs have guarded these weapons since "
                    "the 1960s.", "documented", "burr2020"),
            Feature("two-person rule", "Launch crews work with a dual-key arrangement so that no single "
                    "officer can launch; since the late 1990s Trident submarines also need a code sent "
                    "from the top.", "reported", "bbc2007"),
            Feature("pre-delegation", "In the early Cold War some senior officers were authorised in "
                    "advance to use nuclear weapons without the President's permission; current "
                    "arrangements are not public.", "documented", "feaver1992"),
        ),
        _OPED_PAL_STATES,
        "Holds: PALs began in the US (NSAM 160), with a two-person rule on top.",
        Design(2, 2, pal=True, custody=False, predelegation=False,
               reason="two of two (the two-person rule) with a code lock; " + _LOCK_NOTE),
        control="mixed",
        control_basis="assertive locks and codes since the 1960s (documented), with early-Cold-War "
                      "pre-delegation (documented); current arrangements not public",
    ),
    CountryProfile(
        "uk", "United Kingdom", "us_nato",
        (
            Feature("code locks", "BBC Newsnight reported in November 2007 that British Trident "
                    "submarines have no device preventing launch without a code from London, unlike "
                    "the other nuclear-weapon states; the Ministry of Defence answered that such "
                    "safeguards did not fit the British situation.", "reported", "bbc2007",
                    "BBC Press Office release, 15 November 2007"),
            Feature("custody of non-strategic weapons", "The RAF's WE177 bombs, retired in 1998, were "
                    "armed with a simple key and had no code lock.", "reported", "bbc2007"),
            Feature("pre-delegation", "Per the same report, submarine commanders could launch without a "
                    "command from Whitehall as a last resort.", "reported", "bbc2007"),
        ),
        _OPED_PAL_STATES,
        "Contradicted by the best available report: no code lock on British submarine-launched "
        "weapons, and only a simple key on the WE177 bombs retired in 1998.",
        Design(2, 2, pal=False, custody=False, predelegation=False,
               reason="the same two-of-two chain as the US (a teaching assumption), without a code "
                      "lock (reported)"),
        control="delegative",
        control_basis="no code lock and a last-resort launch by submarine commanders (reported)",
    ),
    CountryProfile(
        "france", "France", "other",
        (
            Feature("authority", "The President is the sole nuclear authority.", "documented",
                    "pelopidas2019"),
            Feature("order codes", "A launch order is authenticated with nuclear engagement codes: "
                    "on a ballistic-missile submarine the commander and his second decipher them "
                    "together, to confirm that the order comes from the President.", "documented",
                    "tfone2022", "the simulated-launch exercise: 'codes d'engagement nucléaire'"),
            Feature("code locks", "Locks on the weapons themselves, comparable to US PALs, are "
                    "reported, not documented: authenticating an order is not the same as a lock "
                    "that stops a weapon without a code.", "reported", "bbc2007"),
            Feature("pre-delegation", "Key parts of French command and control are little known or "
                    "described in conflicting accounts; nothing public settles pre-delegation.",
                    "unknown", "pelopidas2019"),
        ),
        _OPED_PAL_STATES,
        "Partly: codes that authenticate the President's order are documented; locks on the "
        "weapons are only reported, and key parts of the French system are not public.",
        Design(2, 2, pal=True, custody=False, predelegation=False,
               reason="modelled like the US (a teaching assumption: order codes are documented, "
                      "weapon locks only reported); " + _LOCK_NOTE),
        control="assertive",
        control_basis="sole presidential authority and order codes (documented); locks and "
                      "pre-delegation not documented",
    ),
    CountryProfile(
        "russia", "Russia", "russia",
        (
            Feature("authority", "The decision on nuclear use rests with the President.", "documented",
                    "russia2024"),
            Feature("code terminals", "The President's portable Cheget terminal is linked to the Kazbek "
                    "command system for the strategic forces, in service since the mid-1980s; the "
                    "Minister of Defence and the Chief of the General Staff are generally held to "
                    "have one too. Whether one, two or three must agree is not public.", "reported",
                    "tsypkin2004"),
            Feature("release of non-strategic weapons", "How an order to use a non-strategic weapon "
                    "would run - through Kazbek or another channel, with which codes - is not "
                    "publicly documented.", "unknown", "podvig2017"),
            Feature("crisis record", "A Cheget was activated in January 1995 when Russian radar took a "
                    "Norwegian research rocket for a possible missile attack; no launch was ordered.",
                    "reported", "hoffman1998", "p. A1"),
            Feature("code locks", "Russian weapons were reported to carry code locks released only by a "
                    "transmitted code.", "reported", "bbc2007"),
            Feature("custody of non-strategic weapons", "Non-strategic warheads are not deployed with "
                    "units but held in central storage.", "reported", "podvig2017"),
            Feature("custody of non-strategic weapons", "The 12th Main Directorate runs about a dozen "
                    "central storage sites; a warhead must be taken out and moved to a unit, which "
                    "takes hours and would probably be observed.", "reported", "schlosser2022",
                    "opening paragraph, citing Pavel Podvig"),
            Feature("Perimetr", "The Soviet-built Perimetr system can send command rockets that "
                    "broadcast launch orders to surviving missiles if the leadership is destroyed. "
                    "In Hoffman's account a fully automatic 'Dead Hand' was rejected: duty officers "
                    "in a deep bunker make the final decision, so it is a hand-down of authority to "
                    "people in one extreme case, not pre-delegation to a machine.", "reported",
                    "hoffman2009", "the chapter on Perimeter ('a human firewall')"),
            Feature("custody in a crisis", "During the Wagner mutiny (June 2023) a column neared the "
                    "Voronezh-45 storage site; Western officials said the stockpile was never at "
                    "risk, and analysts pointed to weapons stored disassembled under 12th Main "
                    "Directorate custody.", "reported", "reuters2023",
                    "'about 100 km from the nuclear base, Voronezh-45'"),
        ),
        "Unclear whether a comparable system exists; there may be commanders who would act alone.",
        "Partly answered: for strategic forces a central code system (Cheget/Kazbek) is "
        "reported; non-strategic warheads sit in central storage, but how their release would "
        "run is not documented; whether a commander could act alone is unknown.",
        Design(2, 2, pal=True, custody=True, predelegation=False, release_time_h=6.0,
               reason="the same two-of-two chain as every profile (a teaching assumption: no source "
                      "gives Russia's rule, so no team size is invented), a code lock (reported) and "
                      "warheads in central storage with a 6-hour release (a teaching assumption "
                      "standing for the reported 'hours'); " + _LOCK_NOTE
                      + "; p_custody_defeat = 0.5 is a teaching assumption"),
        control="mixed",
        control_basis="assertive custody of non-strategic warheads (reported), with Perimetr as a "
                      "provision for handing authority down in one extreme case (reported)",
    ),
    CountryProfile(
        "belarus", "Russian weapons in Belarus", "russia",
        (
            Feature("custody", "Russia announced in March 2023 that it would station non-strategic "
                    "weapons in Belarus and keep control of them; Putin said in June 2023 that the "
                    "first warheads had arrived.", "reported", "ap2023"),
            Feature("custody", "Open-source analysts in 2025 still describe the Belarusian storage "
                    "site as nearing completion, so whether warheads are there is not settled.",
                    "reported", "kristensen2025"),
            Feature("release", "Who would hold codes and custody on Belarusian soil, and what role "
                    "Belarusian crews and leaders would have, is not public.", "unknown", "ap2023"),
        ),
        "Not in the op-ed (the deployment was announced six weeks later).",
        "A test case for the op-ed's worry: weapons outside Russia, with Belarusian aircraft, "
        "under a custody arrangement that Moscow says it controls but that no source documents.",
        Design(2, 2, pal=True, custody=True, predelegation=False, release_time_h=6.0,
               reason="modelled like Russia (a teaching assumption: the arrangement is announced, "
                      "not documented); " + _LOCK_NOTE + "; p_custody_defeat = 0.5 is a teaching "
                      "assumption"),
        control="unknown",
        control_basis="announced as Russian control (reported); its form is not public",
    ),
    CountryProfile(
        "nato_nl", "NATO nuclear sharing (Netherlands)", "us_nato",
        (
            Feature("Dutch task", "The Netherlands has a nuclear task within NATO, carried by one "
                    "squadron; NATO nuclear decisions need unanimity, so Dutch consent is required.",
                    "documented", "tweedekamer2020", "answers to questions 2019Z22857"),
            Feature("aircraft", "From 1 June 2024 the F-35A, as a dual-capable aircraft, took over "
                    "the task from the F-16: one squadron at Volkel air base.", "documented",
                    "defensie2024", "'Vanaf 1 juni neemt'; 'Het gaat om één squadron'"),
            Feature("weapons", "Allied agreements prevent any statement on the numbers and "
                    "locations of US weapons in Europe: the government neither confirms nor denies "
                    "them.", "documented", "tweedekamer2020", "answer 2"),
            Feature("weapons", "US B61 bombs at Volkel are an open secret, known from leaked "
                    "diplomatic cables (2010), former prime ministers (2013) and a NATO "
                    "parliamentary draft report (2019), never officially confirmed. Whether "
                    "B61-12s are there is not confirmed by any source read.", "reported", "rtl2022"),
            Feature("code locks", "US weapons deployed with NATO allies carry code locks, required "
                    "by NSAM 160 (1962): the US holds the codes, the ally flies the aircraft.",
                    "documented", "nsam1962"),
            Feature("exercise", "NATO's Steadfast Noon exercise went ahead as planned in October "
                    "2022, NATO saying it was routine and not linked to the war.", "reported",
                    "deseret2022"),
        ),
        "Not in the op-ed, though both authors held Dutch posts responsible for nuclear matters.",
        "A dual key: US codes and custody, allied aircraft and allied consent - the PAL model the "
        "op-ed praises, with the Netherlands as one of the keys.",
        Design(2, 2, pal=True, custody=False, predelegation=False,
               reason="two of two with a code lock, like the US (a teaching assumption for the "
                      "team; the lock is documented by NSAM 160); the allied consent step is not "
                      "modelled; " + _LOCK_NOTE),
        control="assertive",
        control_basis="US codes and locks on the weapons (documented) and allied consent "
                      "(documented); operational details are not public",
    ),
)

_BY_KEY = {p.key: p for p in PROFILES}


def get_profile(key: str) -> CountryProfile:
    """The profile for ``us``, ``uk``, ``france``, ``russia``, ``belarus`` or ``nato_nl``.

    Parameters
    ----------
    key : str
        A profile key.

    Returns
    -------
    CountryProfile

    Raises
    ------
    ValueError
        If ``key`` is not one of the profile keys.

    Notes
    -----
    No numbers of its own; each feature of the profile names its source.
    """
    return _BY_KEY[check_choice("key", key, _BY_KEY)]


@fill(_DOC)
def profile_risks(key: str, p_rogue=None, p_fail=None, p_cutoff=None) -> CommandRisks:
    """A country's design under the shared classroom assumptions (or the values given).

    Parameters
    ----------
    key : str
        A profile key (see :func:`get_profile`).
    p_rogue, p_fail, p_cutoff : float or array_like or None, optional
        Probabilities in [0, 1]; ``None`` (default) takes the value of
        ``CLASSROOM_ASSUMPTIONS`` (0.01, 0.05 and 0.05).

    %(command_risks_returned)s

    Raises
    ------
    TypeError
        If a probability given is not a number.
    ValueError
        If ``key`` is not a profile key or a probability is outside [0, 1].

    Notes
    -----
    ``CLASSROOM_ASSUMPTIONS`` are teaching assumptions (no source gives such numbers), the
    same for every country so that the designs differ only in their structure.
    """
    chosen = {"p_rogue": p_rogue, "p_fail": p_fail, "p_cutoff": p_cutoff}
    values = {name: CLASSROOM_ASSUMPTIONS[name] if v is None else v for name, v in chosen.items()}
    return get_profile(key).design.risks(**values)

