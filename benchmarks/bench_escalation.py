"""Benchmark for chapter 05 (not a test): exact solution vs simulation, vectorised vs pure Python.

    PYTHONPATH=src python benchmarks/bench_escalation.py

Prints times measured side by side in one run and their ratios, so the numbers compare like
with like on whatever machine runs it. Targets from the issue: the exact solution of the
compact ladder well under 1 ms; 10^6 simulated trajectories in about 1 s.
"""
from __future__ import annotations

import random
import time

import numpy as np

from deterrence_lab import escalation as esc


def best_of(repeats, func, *args, **kwargs):
    """The fastest of ``repeats`` runs, in seconds (the least disturbed by other load)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        func(*args, **kwargs)
        best = min(best, time.perf_counter() - start)
    return best


def pure_python_absorption(rows, start, absorbing, n_paths, rnd):
    """Round-by-round simulation in plain Python: the reference the vectorised code must beat."""
    ends = [0] * n_paths
    for path in range(n_paths):
        state = start
        while state not in absorbing:
            u, total, nxt = rnd.random(), 0.0, 0
            for nxt, p in enumerate(rows[state]):
                total += p
                if u < total:
                    break
            state = nxt
        ends[path] = state
    return ends


def main():
    P = esc.ladder_matrix(**esc.ladder_parameters())
    start = esc.STATE_KEYS.index("first_use")
    exact_s = best_of(200, esc.absorption_probabilities, P)
    n = 1_000_000
    vector_s = best_of(3, esc.simulate_absorption, P, start, n, np.random.default_rng(1))
    n_py = 20_000
    rows, absorbing = P.tolist(), set(esc.absorbing_states(P).tolist())
    python_s = best_of(1, pure_python_absorption, rows, start, absorbing, n_py, random.Random(1))
    python_per_million = python_s * n / n_py
    exact = esc.ladder_outcome()["general_war"]
    end, _ = esc.simulate_absorption(P, start, n, np.random.default_rng(2))
    simulated = float(np.mean(end == esc.STATE_KEYS.index("general_war")))
    print(f"exact solution (fundamental matrix, 8 states): {exact_s * 1e3:8.3f} ms")
    print(f"simulation, 10^6 paths, vectorised numpy:     {vector_s:8.3f} s")
    print(f"simulation, pure Python ({n_py:,} paths, scaled to 10^6): {python_per_million:8.1f} s")
    print(f"ratio simulation / exact:                      {vector_s / exact_s:8.0f} x")
    print(f"ratio pure Python / vectorised:                {python_per_million / vector_s:8.1f} x")
    se = np.sqrt(exact * (1 - exact) / n)
    print(f"P(general war): exact {exact:.5f}, simulated {simulated:.5f} "
          f"({(simulated - exact) / se:+.2f} standard errors)")


if __name__ == "__main__":
    main()
