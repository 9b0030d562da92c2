"""Benchmark for chapter 05 (not a test): exact solution vs simulation, vectorised vs pure Python.

    PYTHONPATH=src python benchmarks/bench_escalation.py

Prints times measured side by side in one run and their ratios, so the numbers compare like
with like on whatever machine runs it. Targets from the issue: the exact solution of the
compact ladder well under 1 ms; 10^6 simulated trajectories in about 1 s.
"""
from __future__ import annotations

import math
import random

import numpy as np

from timing import best_of

from deterrence_lab import escalation as esc


def _pick(row, u):
    total = 0.0
    for nxt, p in enumerate(row):
        total += p
        if u < total:
            return nxt
    return len(row) - 1


def pure_python_rounds(rows, start, absorbing, n_paths, rnd):
    """Round-by-round simulation in plain Python: the obvious way to write it."""
    ends = [0] * n_paths
    for path in range(n_paths):
        state = start
        while state not in absorbing:
            state = _pick(rows[state], rnd.random())
        ends[path] = state
    return ends


def pure_python_jumps(rows, start, absorbing, n_paths, rnd):
    """The library's algorithm (geometric waiting time, then a jump) in plain Python."""
    jumps = [[0.0 if j == i else p / (1 - row[i]) for j, p in enumerate(row)] if i not in absorbing
             else row for i, row in enumerate(rows)]
    ends, steps = [0] * n_paths, [0] * n_paths
    for path in range(n_paths):
        state, clock = start, 0
        while state not in absorbing:
            leave = 1 - rows[state][state]
            clock += 1 if leave == 1 else 1 + int(math.log(1 - rnd.random()) / math.log(1 - leave))
            state = _pick(jumps[state], rnd.random())
        ends[path], steps[path] = state, clock
    return ends, steps


def main():
    P = esc.ladder_matrix(**esc.ladder_parameters())
    start = esc.STATE_KEYS.index("first_use")
    exact_s = best_of(200, esc.absorption_probabilities, P)
    n = 1_000_000
    vector_s = best_of(3, esc.simulate_absorption, P, start, n, np.random.default_rng(1))
    n_py = 20_000
    rows, absorbing = P.tolist(), set(esc.absorbing_states(P).tolist())
    rounds_s = best_of(1, pure_python_rounds, rows, start, absorbing, n_py, random.Random(1)) * n / n_py
    jumps_s = best_of(1, pure_python_jumps, rows, start, absorbing, n_py, random.Random(1)) * n / n_py
    exact = esc.ladder_outcome()["general_war"]
    end, _ = esc.simulate_absorption(P, start, n, np.random.default_rng(2))
    simulated = float(np.mean(end == esc.STATE_KEYS.index("general_war")))
    print(f"exact solution (fundamental matrix, 8 states): {exact_s * 1e3:8.3f} ms")
    print(f"simulation, 10^6 paths, vectorised numpy:     {vector_s:8.3f} s")
    print(f"pure Python, round by round ({n_py:,} paths, scaled to 10^6): {rounds_s:8.1f} s")
    print(f"pure Python, same algorithm ({n_py:,} paths, scaled to 10^6):  {jumps_s:8.1f} s")
    print(f"ratio simulation / exact:                        {vector_s / exact_s:8.0f} x")
    print(f"ratio pure Python (same algorithm) / vectorised: {jumps_s / vector_s:8.1f} x")
    print(f"ratio pure Python (round by round) / vectorised: {rounds_s / vector_s:8.1f} x")
    se = np.sqrt(exact * (1 - exact) / n)
    print(f"P(general war): exact {exact:.5f}, simulated {simulated:.5f} "
          f"({(simulated - exact) / se:+.2f} standard errors)")


if __name__ == "__main__":
    main()
