"""Hypothesis strategies shared by the test files: the inputs the course's models take, and
the answers a student might give. Import them (``from strategies import yields_kt``) rather
than writing a local copy; the number of examples comes from the profile chosen in
``tests/conftest.py``, not from the test files.
"""
from __future__ import annotations

import math

import numpy as np
from hypothesis import strategies as st

from deterrence_lab.models.games import Chance, Decision, Terminal

# --- physical inputs -----------------------------------------------------------------------

#: Yields from a very small tactical weapon to a large strategic one (kt).
yields_kt = st.floats(min_value=0.01, max_value=10_000.0)
#: Peak overpressures the blast model covers (psi).
psis = st.floats(min_value=1.0, max_value=1000.0)
#: Burst heights from the surface to a high airburst (m).
heights_m = st.floats(min_value=0.0, max_value=5_000.0)

# --- probabilities -------------------------------------------------------------------------

probabilities = st.floats(0.0, 1.0, allow_nan=False)
#: Strictly between 0 and 1, away from the ends where some properties degenerate.
inner_probabilities = st.floats(0.001, 0.999, allow_nan=False)


@st.composite
def approval_chains(draw, n_max=12):
    """(n, k) with 1 <= k <= n: k of n people must approve a release."""
    n = draw(st.integers(1, n_max))
    return n, draw(st.integers(1, n))


# --- Markov chains ---------------------------------------------------------------------------

@st.composite
def absorbing_chains(draw, max_transient=5, max_absorbing=3):
    """(P, k): a random absorbing chain with k transient states first, then the absorbing
    ones; every transient row leaks at least 5% towards the absorbing states."""
    k = draw(st.integers(1, max_transient))
    m = draw(st.integers(1, max_absorbing))
    weights = st.floats(0.0, 1.0, allow_nan=False)
    P = np.zeros((k + m, k + m))
    for i in range(k):
        row = np.array(draw(st.lists(weights, min_size=k + m, max_size=k + m)))
        leak = draw(st.floats(0.05, 1.0))
        transient, ends = np.where(row[:k] < 1e-6, 0.0, row[:k]), row[k:] + 1e-3
        total_t = transient.sum()
        P[i, :k] = (1 - leak) * transient / total_t if total_t > 0 else 0.0
        P[i, k:] = (leak if total_t > 0 else 1.0) * ends / ends.sum()
    P[np.arange(k, k + m), np.arange(k, k + m)] = 1.0
    return P, k


# --- game trees ------------------------------------------------------------------------------

@st.composite
def game_trees(draw, depth=0, max_depth=3):
    """A random two-player tree (players "A" and "B") of decisions, chance and payoffs."""
    kinds = ["terminal", "decision", "chance"] if depth < max_depth else ["terminal"]
    kind = draw(st.sampled_from(kinds))
    if kind == "terminal":
        pay = st.floats(-10, 10, allow_nan=False)
        return Terminal({"A": draw(pay), "B": draw(pay)})
    n = draw(st.integers(1, 3))
    kids = [draw(game_trees(depth=depth + 1, max_depth=max_depth)) for _ in range(n)]
    if kind == "decision":
        return Decision(draw(st.sampled_from(["A", "B"])),
                        tuple((f"a{i}", k) for i, k in enumerate(kids)))
    raw = np.array([draw(st.floats(0.05, 1)) for _ in range(n)])
    probs = raw / raw.sum()
    return Chance(tuple((f"c{i}", float(p), k) for i, (p, k) in enumerate(zip(probs, kids))))


# --- weights -----------------------------------------------------------------------------------

def weight_vectors(n: int):
    """Slider-like weights for ``n`` criteria: each zero or at least 0.001, not all zero
    (weights of 1e-12 would only test float rounding)."""
    return st.lists(st.one_of(st.just(0.0), st.floats(1e-3, 10)), min_size=n,
                    max_size=n).filter(lambda w: sum(w) > 0)


# --- answers of any shape ------------------------------------------------------------------------

def _raises(*_args):
    raise RuntimeError("a student's function that fails")


#: Hand-picked answers at the edges: huge, tiny, negative, NaN, infinite, text, arrays of
#: every shape, containers, None, and functions that fail or return any of these.
EXTREME_ANSWERS = [
    None, 0, -1, 10**400, -10**400, 1e308, -1e308, 5e-324, -5e-324, 1e-300, math.inf,
    -math.inf, math.nan, True, False, "", "   ", "12.5", "1e400", "a long text " * 50,
    b"bytes", [], [[]], [[1, 2], [3]], [10**400], [math.nan], (1,), ("A", 5),
    np.zeros((3, 4)), np.array([]), np.array(["x"]), np.array(2.0), np.array([10**0]),
    np.array([math.inf]), np.float64(1e308), np.int64(2**62), np.float32(1e-45),
    complex(1, 2), {}, {"x": ...}, {1: 2}, set(), object(), Ellipsis, _raises,
    lambda *a: None, lambda *a: "text", lambda *a: np.ones(5), lambda *a: 10**400,
    lambda *a: math.nan, lambda *a: -1e308, lambda *a: 5e-324, lambda *a: ..., lambda: 1,
    print, type,
]

#: Any value at all, as hypothesis draws it.
answers = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(10**300, 10**500),
    st.floats(allow_nan=True, allow_infinity=True), st.floats(allow_subnormal=True),
    st.text(), st.binary(), st.lists(st.floats(), max_size=5),
    st.lists(st.lists(st.integers(), max_size=3), max_size=3),
    st.dictionaries(st.text(max_size=5), st.one_of(st.text(max_size=5), st.integers()),
                    max_size=4),
    st.sets(st.text(max_size=2), max_size=3), st.tuples(st.text(max_size=3), st.floats()),
    st.builds(np.full, st.tuples(st.integers(0, 3), st.integers(0, 3)),
              st.floats(allow_nan=True, allow_infinity=True)),
    st.sampled_from(EXTREME_ANSWERS),
)
