"""Chapter 01's curves: casualties against yield, prompt dose to tank crews against range,
fallout dose rate against time."""
from __future__ import annotations

import numpy as np

from ..models import effects as fx
from .style import OKABE_ITO, SERIES_COLORS, actor_color, new_figure


def casualty_figure(yields_kt=(0.3, 1, 3, 10, 30, 100, 300)):
    """Killed (central value and range) versus yield for each density preset."""
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
    ax.axhline(2000, color="black", ls=":", lw=1.2)
    ax.text(w[0], 2300, "'many thousands' begins here (2,000)", fontsize=8)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("yield (kt, optimum air burst for 5 psi)")
    ax.set_ylabel("people killed (blast-ring estimate)")
    ax.legend(fontsize=8)
    return fig


def tank_dose_figure(yield_kt=1.0, transmissions=(1.0, 0.5, 0.2, 0.1), height_m=0.0):
    """Prompt dose versus distance for an enhanced-radiation burst, in the open and behind
    shields of different (uncertain) transmission, with the 5,000 rem incapacitation line."""
    fig, ax = new_figure(7.0, 4.2)
    ground = np.linspace(0.2, 3.0, 200)
    slant = np.hypot(ground, height_m / 1000.0)
    for i, t in enumerate(transmissions):
        dose = fx.armour_protected_dose_rem(yield_kt, slant, t, enhanced_radiation=True)
        label = "in the open" if t == 1 else f"inside armour passing {t:.0%}"
        ax.plot(ground, dose, color=SERIES_COLORS[i], label=label)
    fission = fx.prompt_dose_rem(yield_kt, slant)
    ax.plot(ground, fission, color="black", ls="--", label="same-yield fission weapon, in the open")
    ax.axhline(fx.INCAPACITATION_REM, color=actor_color("russia"), ls=":")
    ax.text(ground[-1], fx.INCAPACITATION_REM * 1.15, "5,000 rem: near-immediate incapacitation",
            ha="right", fontsize=8)
    ax.axhline(fx.LETHAL_REM, color=OKABE_ITO["green"], ls=":")
    ax.text(ground[-1], fx.LETHAL_REM * 1.15, "500 rem: often lethal within weeks", ha="right",
            fontsize=8)
    ax.set_yscale("log")
    ax.set_ylim(10, 1e6)
    ax.set_xlabel("distance from ground zero (km)")
    ax.set_ylabel("prompt dose (rem)")
    ax.legend(fontsize=8)
    return fig


def fallout_figure(rate_at_1h=100.0, hours=(1, 500)):
    """Fallout dose rate and accumulated dose over time (t^-1.2 decay)."""
    fig, ax = new_figure(7.0, 3.8)
    t = np.geomspace(*hours, 200)
    ax.plot(t, fx.fallout_dose_rate(t, rate_at_1h), color=SERIES_COLORS[0],
            label="dose rate (rem/h)")
    ax.plot(t, fx.fallout_dose_rem(rate_at_1h, 1.0, np.maximum(t, 1.0 + 1e-9)),
            color=SERIES_COLORS[1], label="dose accumulated since 1 h (rem)")
    for k in (7, 49):
        ax.axvline(k, color="grey", ls=":", lw=1)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("time after the burst (hours)")
    ax.set_ylabel("rem/h or rem")
    ax.legend(fontsize=8)
    return fig
