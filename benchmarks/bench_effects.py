"""Benchmark for chapter 01 (not a test): model work per slider update, and the drawing around it.

    PYTHONPATH=src python benchmarks/bench_effects.py

Prints times measured side by side in one run and their ratios, so the numbers compare like
with like on whatever machine runs it. Target from the issue: the model work behind one
update of the effects explorer well under 10 ms.
"""
from __future__ import annotations


import numpy as np

from timing import best_of

from deterrence_lab import effects as fx
from deterrence_lab.views.style import style, to_png
from deterrence_lab.widgets import ch01


def model_update(yield_kt):
    """Everything the explorer asks of the model when the yield slider moves."""
    radii, h = ch01.effect_radii(yield_kt, "optimum", enhanced_radiation=True)
    fx.casualties(yield_kt, 10_000.0, h)


def brute_force_range(yield_kt, psi, height_m):
    """The same ring radius by scanning 20,000 ranges: what the bracketing solver replaces."""
    r = np.linspace(1e-3, 30.0, 20_000)
    p = fx.overpressure_psi(yield_kt, r, height_m)
    return r[np.nonzero(p >= psi)[0][-1]]


def main():
    fx._optimum_table()                      # built once per session, on first use
    first_s = best_of(1, fx._optimum_table.__wrapped__)
    update_s = best_of(30, model_update, 12.3)
    ring_s = best_of(30, fx.blast_range_km, 12.3, 5.0, 400.0)
    brute_s = best_of(5, brute_force_range, 12.3, 5.0, 400.0)
    radii, _ = ch01.effect_radii(12.3)
    with style():
        fig_s = best_of(3, ch01.plan_view_figure, radii, 12.3)
        fig = ch01.plan_view_figure(radii, 12.3)
        png_s = best_of(3, to_png, fig)
        map_s = best_of(3, ch01.rings_map_figure, radii, "Kyiv", 12.3)
        emp_fig_s = best_of(3, lambda: ch01.emp_map_figure("Moscow", 400.0))
    emp_s = best_of(30, fx.azimuthal_equidistant_km, 55.76, 37.62,
                    [p.lat_deg for p in fx.PLACES], [p.lon_deg for p in fx.PLACES])
    print(f"model work per explorer update (radii + casualties): {update_s * 1e3:8.2f} ms  (target < 10 ms)")
    print(f"one blast ring, bracket + bisection:                  {ring_s * 1e3:8.2f} ms")
    print(f"one blast ring, brute-force scan of 20,000 ranges:     {brute_s * 1e3:8.2f} ms"
          f"  (x{brute_s / ring_s:.0f} slower)")
    print(f"optimum-height table, once per session:              {first_s * 1e3:8.0f} ms")
    print(f"EMP map: projecting {len(fx.PLACES)} cities:                      {emp_s * 1e3:8.3f} ms")
    print(f"drawing the rings over a map (Kyiv):                 {map_s * 1e3:8.1f} ms")
    print(f"drawing the EMP map of Europe:                       {emp_fig_s * 1e3:8.1f} ms")
    print(f"drawing the plan view (matplotlib figure):           {fig_s * 1e3:8.1f} ms")
    print(f"rendering it to PNG:                                 {png_s * 1e3:8.1f} ms"
          f"  (x{png_s / update_s:.0f} the model work)")


if __name__ == "__main__":
    main()
