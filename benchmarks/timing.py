"""Shared timing helper for the benchmark scripts in this folder."""
import time


def best_of(repeats, func, *args, **kwargs):
    """The fastest of ``repeats`` runs, in seconds (the least disturbed by other load)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        func(*args, **kwargs)
        best = min(best, time.perf_counter() - start)
    return best
