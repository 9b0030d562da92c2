"""Chapter 01's curves: casualties against yield, prompt dose to tank crews against range,
fallout dose rate against time."""
from __future__ import annotations

import numpy as np

from .._validate import check_range
from ..models import effects as fx
from .style import OKABE_ITO, SERIES_COLORS, actor_color, new_figure


def casualty_figure(yields_kt=(0.3, 1, 3, 10, 30, 100, 300), many_thousands=fx.MANY_THOUSANDS_KILLED):
    """Killed (central value and range) versus yield for each density preset, with a dotted line
    at ``many_thousands`` killed: the course's reading of the op-ed's "many thousands", a
    teaching choice the student can move."""
    line = float(check_range("many_thousands", many_thousands, 1.0, 1e8, unit="people"))
    fig, ax = new_figure(7.0, 4.2)
    w = np.asarray(yields_kt, float)
    for i, preset in enumerate(fx.DENSITY_PRESETS):
        ests = [fx.casualties(y, preset.per_km2) for y in w]
        central = [e.killed for e in ests]
        low = [e.killed_range[0] for e in ests]
        high = [e.killed_range[1] for e in ests]
        color = SERIES_COLORS[i]
        ax.fill_between(w, low, high, color=color, alpha=0.25)
        ax.plot(w, central, marker="o", color=color,
                label=f"{preset.name} ({preset.per_km2:,.0f}/km²)")
    ax.axhline(line, color="black", ls=":", lw=1.2)
    ax.text(w[0], line * 1.15, f"'many thousands' from {line:,.0f} (the course's choice; "
            "move it with many_thousands=)", fontsize=8)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("yield (kt, optimum air burst for 5 psi)")
    ax.set_ylabel("people killed (blast-ring estimate)")
    ax.legend(fontsize=8)
    return fig


def tank_dose_figure(yield_kt=1.0, transmissions=(1.0, 0.5, 0.2, 0.1), height_m=0.0,
                     surface=False):
    """Prompt dose versus distance for an enhanced-radiation burst (``surface=True``: a contact
    surface burst; otherwise an air burst at ``height_m``), in the open and behind shields of
    different (uncertain) transmission, with two dose lines and the ranges around them:
    incapacitation (5,000 rem, anywhere from 2,000 to 6,000) and probable death within weeks
    (600-1,000 rem) [glasstone1977, Table 12.108, §12.111]."""
    if surface and height_m:
        raise ValueError(f"height_m={height_m!r} must be 0 for a contact surface burst "
                         "(surface=True)")
    fig, ax = new_figure(7.0, 4.4)
    ground = np.linspace(0.2, 3.0, 200)
    slant = np.hypot(ground, height_m / 1000.0)
    for i, t in enumerate(transmissions):
        dose = fx.armour_protected_dose_rem(yield_kt, slant, t, surface=surface,
                                            enhanced_radiation=True)
        label = "in the open" if t == 1 else f"inside armour passing {t:.0%}"
        ax.plot(ground, dose, color=SERIES_COLORS[i], label=label)
    fission = fx.prompt_dose_rem(yield_kt, slant, surface=surface)
    ax.plot(ground, fission, color="black", ls="--", label="same-yield fission weapon, in the open")
    lo, hi = fx.INCAPACITATION_RANGE_REM
    ax.axhspan(lo, hi, color=actor_color("russia"), alpha=0.10, lw=0)
    ax.axhline(fx.INCAPACITATION_REM, color=actor_color("russia"), ls=":")
    ax.text(ground[-1], hi * 1.1, f"{fx.INCAPACITATION_REM:,.0f} rem: incapacitated almost at once "
            f"(somewhere in {lo:,.0f}–{hi:,.0f})", ha="right", fontsize=8)
    lo, hi = fx.LETHAL_DOSE_RANGE_REM
    ax.axhspan(lo, hi, color=OKABE_ITO["green"], alpha=0.15, lw=0)
    ax.text(ground[-1], lo * 0.62, f"{lo:,.0f}–{hi:,.0f} rem: death probable within weeks",
            ha="right", fontsize=8)
    ax.set_yscale("log")
    ax.set_ylim(10, 1e6)
    ax.set_title("contact surface burst" if surface else
                 f"air burst at {height_m:,.0f} m" if height_m else "air burst near the ground",
                 fontsize=10)
    ax.set_xlabel("distance from ground zero (km)")
    ax.set_ylabel("prompt dose (rem)")
    ax.legend(fontsize=8)
    return fig


def fallout_figure(rate_1h_rem_h=100.0, hours=(1, 500)):
    """Fallout dose rate and accumulated dose over time (t^-1.2 decay)."""
    fig, ax = new_figure(7.0, 3.8)
    t = np.geomspace(*hours, 200)
    ax.plot(t, fx.fallout_dose_rate_rem_h(t, rate_1h_rem_h), color=SERIES_COLORS[0],
            label="dose rate (rem/h)")
    later = t[t >= 1.1]
    ax.plot(later, fx.fallout_dose_rem(rate_1h_rem_h, 1.0, later),
            color=SERIES_COLORS[1], label="dose accumulated since 1 h (rem)")
    for k in (7, 49):
        ax.axvline(k, color="grey", ls=":", lw=1)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("time after the burst (hours)")
    ax.set_ylabel("rem/h or rem")
    rates = fx.fallout_dose_rate_rem_h(t, rate_1h_rem_h)
    ax.set_ylim(0.5 * np.min(rates), 2.0 * max(np.max(rates), 5.0 * rate_1h_rem_h))
    ax.legend(fontsize=8)
    return fig
