"""Tests of deterrence_lab.effects: reference values from the cited sources (source and
tolerance stated at each), hypothesis properties and the chapter's
widgets driven from Python. Bad inputs are in the one table, tests/bad_inputs.py."""
from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import psis, yields_kt

from deterrence_lab import effects as fx
from deterrence_lab import sources

# --------------------------------------------------------------------------- reference values
def test_hiroshima_destroyed_area_lies_between_5_and_2_psi_rings():
    # Pittock et al. (1986, ch. 1): ~13 km² of Hiroshima "laid to waste"; 15 kt at ~580 m.
    # Tolerance: a bracket, not a point: the area must fall between the model's 5 and 2 psi discs.
    r5 = fx.blast_range_km(15, 5, fx.HIROSHIMA_HEIGHT_M)
    r2 = fx.blast_range_km(15, 2, fx.HIROSHIMA_HEIGHT_M)
    assert math.pi * r5**2 < 13.0 < math.pi * r2**2


def test_blast_fit_values_pinned_for_one_kiloton():
    # Brode (1986) fit for 1 kt. The height that carries 10 psi farthest is about 220 m, the
    # value Wikipedia's height-of-burst figure ("Effects of nuclear explosions", drawn from
    # Glasstone & Dolan's curves) gives; tolerance 10%. The optimum range is then checked
    # against a brute-force scan over burst heights (0.2%).
    assert fx.optimum_height_m(1, 10) == pytest.approx(220, rel=0.10)
    heights = np.linspace(0, 900, 451)
    brute = max(fx.blast_range_km(1, 5, h) for h in heights)
    assert fx.blast_range_km(1, 5) == pytest.approx(brute, rel=0.002)
    # a surface burst reaches less far than the optimum air burst for mid pressures
    assert fx.blast_range_km(1, 5, 0) < 0.8 * fx.blast_range_km(1, 5)


def test_fireball_follows_glasstone_breakaway_scaling():
    # Glasstone & Dolan (1977, §2.127): breakaway radius 100 W^0.4 ft (air), 145 W^0.4 ft
    # (contact surface); maximum about twice that. Exact to rounding.
    ft = 0.3048e-3
    assert fx.fireball_radius_km(1.0) == pytest.approx(200 * ft, rel=1e-12)
    assert fx.fireball_radius_km(1.0, surface=True) == pytest.approx(290 * ft, rel=1e-12)
    # §2.05: a 1 Mt fireball reaches about 5,700 ft across; the rough rule gives ~6,300 ft.
    # Tolerance 15% (the rule is called a rough approximation).
    assert 2 * fx.fireball_radius_km(1000) == pytest.approx(5700 * ft, rel=0.15)


def test_local_fallout_height_rule():
    # Glasstone & Dolan (1977, §2.128): appreciable local fallout below ~180 W^0.4 ft; for 1 Mt
    # "less than about 2,900 feet". Tolerance 2% (the book rounds).
    ft_m = 0.3048
    assert fx.local_fallout_expected(1000, 2800 * ft_m)
    assert not fx.local_fallout_expected(1000, 2900 * ft_m * 1.02)
    # §2.24: no fallout injuries at Hiroshima (~12.5 kt at 1,670 ft) or Nagasaki (22 kt at 1,640 ft)
    assert not fx.local_fallout_expected(12.5, 1670 * ft_m)
    assert not fx.local_fallout_expected(22, 1640 * ft_m)


def test_hiroshima_flash_burn_range():
    # Glasstone & Dolan (1977, §12.69): flash burns would have been fatal to nearly all
    # unshielded people in the open out to 6,000 ft (1.83 km) "or more" at Hiroshima, on a clear
    # day. With Fig. 12.65 thresholds and Fig. 7.98 transmittance (no tuning to this case), the
    # 100% third-degree ring of 15 kt at 580 m must lie at or beyond 1.83 km but within 15% of it,
    # and the band over the yield's uncertainty (12-18 kt) must contain 1.83 km's neighbourhood.
    h = fx.HIROSHIMA_HEIGHT_M
    r100 = fx.burn_range_km(15, 3, 100, height_m=h)
    assert 1.83 <= r100 <= 1.83 * 1.15
    low, high = (fx.burn_range_km(w, 3, 100, height_m=h) for w in (12.0, 18.0))
    assert low < 1.83 * 1.05 and high > 1.83
    # the 50% line lies farther out than the 100% line (a lower threshold)
    assert fx.burn_range_km(15, 3, 50, height_m=h) > r100


# G&D Fig. 12.65 read from a scan of the figure (the project's digitisation, reading error about
# ±0.05 cal/cm²); the values in FACTS are 6.0 / 7.2 / ~8.5 cal/cm² (50% third degree, 1 / 10 /
# 100 kt). Tolerance 0.1 cal/cm² against those; the digitised table itself is pinned exactly.
@pytest.mark.parametrize("yield_kt, degree, pct, expected, tol", [
    (1, 3, 50, 6.0, 0.1), (10, 3, 50, 7.2, 0.1), (100, 3, 50, 8.5, 0.1),
    (1, 3, 100, 6.97, 0.01), (10, 3, 100, 8.43, 0.01), (1000, 3, 100, 11.33, 0.01),
    (1, 2, 50, 3.95, 0.01), (10, 2, 50, 4.70, 0.01), (10_000, 2, 50, 6.96, 0.01),
    (1, 1, 50, 1.90, 0.01), (10_000, 3, 50, 10.94, 0.01),
])
def test_burn_thresholds_follow_glasstone_fig_12_65(yield_kt, degree, pct, expected, tol):
    assert fx.burn_threshold_cal_cm2(yield_kt, degree, pct) == pytest.approx(expected, abs=tol)


def test_burn_thresholds_rise_with_yield_and_severity():
    w = np.geomspace(0.1, 50_000, 40)
    for curve in ((1, 50), (2, 50), (3, 50), (3, 100)):
        q = fx.burn_threshold_cal_cm2(w, *curve)
        assert np.all(np.diff(q) >= 0)
    assert fx.burn_threshold_cal_cm2(0.1) == fx.burn_threshold_cal_cm2(1.0)   # held below 1 kt
    for y in (1, 15, 1000):
        q1, q2, q3, q3all = (fx.burn_threshold_cal_cm2(y, d, p)
                             for d, p in ((1, 50), (2, 50), (3, 50), (3, 100)))
        assert q1 < q2 < q3 < q3all
    # NUKEMAP's own fit to the same figure (its values at 1 / 10 / 100 kt for 100% third degree:
    # 7.00 / 8.44 / 9.89) agrees with our digitisation within 0.06 cal/cm²
    for y, nukemap in ((1, 7.00), (10, 8.44), (100, 9.89)):
        assert fx.burn_threshold_cal_cm2(y, 3, 100) == pytest.approx(nukemap, abs=0.06)


def test_transmittance_fit_reproduces_glasstone_fig_7_98():
    # Every digitised contour crossing of Fig. 7.98 (12-mile visibility): the fit's τ there is
    # within TAU_FIT_ERROR["tau"] (0.025) of the contour's value, and the distance at which the
    # fit reaches that τ within TAU_FIT_ERROR["distance"] (10%).
    worst_tau = worst_dist = 0.0
    for h_km, row in zip(fx.TAU_FIG_HEIGHTS_KM, fx.TAU_FIG_GROUND_KM):
        slant = np.hypot(row, h_km)
        tau = fx.transmittance(slant, h_km * 1000)
        worst_tau = max(worst_tau, np.max(np.abs(tau - fx.TAU_FIG_LEVELS)))
        d = np.geomspace(0.05, 150, 20_000)
        curve = fx.transmittance(d, h_km * 1000)
        reached = np.array([d[np.argmax(curve < level)] for level in fx.TAU_FIG_LEVELS])
        worst_dist = max(worst_dist, np.max(np.abs(reached / slant - 1)))
    assert worst_tau <= fx.TAU_FIT_ERROR["tau"]
    assert worst_dist <= fx.TAU_FIT_ERROR["distance"]
    # Near the ground zero the figure reads 0.85-0.9 within about 1.5 km (FACTS; tolerance 0.02)
    near = fx.transmittance(np.array([0.5, 1.0, 1.5]), 300.0)
    assert np.all((near >= 0.85 - 0.02) & (near <= 0.9 + 0.02))
    # 0.7 is reached at 5-6.5 km for bursts at 0.3-1.2 km (the digitised contours)
    for h in (300.0, 1220.0):
        d = np.linspace(1, 20, 2000)
        at_07 = d[np.argmax(fx.transmittance(d, h) < 0.7)]
        assert 4.6 <= at_07 <= 6.8


@given(d=st.floats(0.01, 500.0), k=st.floats(1.01, 10.0), h=st.floats(0, 5000), v=st.floats(2, 100))
def test_transmittance_falls_with_range_and_rises_with_visibility(d, k, h, v):
    tau = fx.transmittance(d, h, v)
    assert 0 <= tau <= fx.TAU_FIT["tau0"]
    assert fx.transmittance(d * k, h, v) <= tau
    assert fx.transmittance(d, h, min(v * k, 100.0)) >= tau


# NUKEMAP's third-degree ring (its default, the 100% line of Fig. 12.65), from NUKEMAP's own
# effects code run unmodified (NukeEffects, copies of 2022 and 2025; the project's research
# notes): air bursts at NUKEMAP's 5 psi optimum height (312 / 673 / 770 m) and slant ranges.
NUKEMAP_THIRD_DEGREE = {  # yield: (height_m, ground_km, slant_km, surface_km)
    1: (312.4, 0.511, 0.599, 0.503), 10: (672.7, 1.529, 1.670, 1.407),
    15: (770.2, 1.844, 1.999, 1.685)}


@pytest.mark.parametrize("yield_kt", sorted(NUKEMAP_THIRD_DEGREE))
def test_third_degree_burn_ranges_match_nukemap(yield_kt):
    height, ground, slant, surface = NUKEMAP_THIRD_DEGREE[yield_kt]
    # same burst height: within 5% (the bar is 15%)
    ours = fx.burn_range_km(yield_kt, 3, 100, height_m=height)
    assert ours == pytest.approx(ground, rel=0.05)
    assert math.hypot(ours, height / 1000) == pytest.approx(slant, rel=0.05)
    # the explorer's ring, at our own 5 psi optimum height: within 15%
    ring = fx.effect_radii_km(yield_kt).radii_km["3rd-degree burns"]
    assert ring == pytest.approx(ground, rel=0.15)
    # contact surface burst: Glasstone & Dolan's effective partition 0.18 (§7.101) against
    # NUKEMAP's 0.7 x yield (an effective 0.245): shorter by sqrt(0.18 / 0.245) ~ 0.86, the
    # difference the chapter explains. Tolerance 4% on that ratio.
    surf = fx.effect_radii_km(yield_kt, "surface").radii_km["3rd-degree burns"]
    assert surf / surface == pytest.approx(math.sqrt(0.18 / (0.35 * 0.7)), rel=0.04)


def test_thermal_fluence_is_the_textbook_formula():
    # Glasstone & Dolan (1977, eq. 7.96.2): Q = 1e12 f W tau / (4 pi D^2), D in cm; f = 0.35 for
    # an air burst (Table 7.88), 0.18 for a contact surface burst (§7.101). Exact to rounding.
    expected = 0.35 * 1e12 / (4 * math.pi * 1e10)
    assert fx.thermal_fluence_cal_cm2(1, 1.0, transmittance=1.0) == pytest.approx(expected, rel=1e-12)
    assert fx.thermal_fluence_cal_cm2(1, 1.0, surface=True) == pytest.approx(
        fx.thermal_fluence_cal_cm2(1, 1.0) * 0.18 / 0.35, rel=1e-12)
    # eq. 7.96.3 in practical units: Q ≈ 85.6 f W tau / D², D in kilofeet (tolerance 0.5%)
    assert fx.thermal_fluence_cal_cm2(1, 0.3048, transmittance=1.0) == pytest.approx(85.6 * 0.35, rel=0.005)


def test_prompt_radiation_reproduces_the_fitted_curves():
    # Ministry of Defence USSR (1987) air-burst curves as digitised in the glasstone library:
    # 500 rad at ~0.83 km (1 kt), ~1.22 km (10 kt), ~2.50 km (1 Mt). Tolerance 10% in range
    # (about 25% in dose), the quality of our three-parameter fit.
    for w, r in ((1, 0.83), (10, 1.22), (1000, 2.50)):
        assert fx.prompt_dose_range_km(w, 500) == pytest.approx(r, rel=0.10)


def test_prompt_radiation_against_glasstone_worked_example():
    # Glasstone & Dolan (1977, §8.34): about 250 rad of initial gamma rays alone at 2,000 yd from
    # a 50 kt fission air burst; their curves are reliable within a factor 0.5-2 (§8.33). Our
    # total (neutrons + gammas) there must lie within that factor of 250: the sources disagree
    # (our fit is lower), and the chapter says so.
    total = fx.prompt_dose_rem(50, 2000 * 0.9144e-3)
    assert 0.5 * 250 <= total <= 2 * 250
    assert total < 250
    # §8.65: a contact surface burst gives half the (neutron) dose of an air burst; the model
    # halves the whole dose (SURFACE_RADIATION_FACTOR, reason in ASSUMPTIONS)
    assert fx.SURFACE_RADIATION_FACTOR == 0.5
    assert fx.prompt_dose_rem(50, 1.0, surface=True) == pytest.approx(0.5 * fx.prompt_dose_rem(50, 1.0), rel=1e-9)


def test_dose_lines_are_the_sourced_ones():
    # Glasstone & Dolan (1977): CNS incapacitation at about 5,000 rem (Table 12.108), anywhere
    # from 2,000 to 6,000 (§12.111); death probable within weeks from 600-1,000 rem (Table 12.108).
    assert fx.INCAPACITATION_REM == 5000
    assert fx.INCAPACITATION_RANGE_REM == (2000, 6000)
    assert fx.LETHAL_DOSE_RANGE_REM == (600, 1000)
    lo, hi = fx.INCAPACITATION_RANGE_REM
    assert lo < fx.INCAPACITATION_REM < hi and fx.LETHAL_DOSE_RANGE_REM[1] < lo


def test_q6_answer_matches_its_wording():
    # Q6 says the weapon explodes "at ground level": a contact surface burst, so the expected
    # answer is the surface-burst range; the air-burst figure is recognised and explained.
    from deterrence_lab.checks.ch01 import q6

    surface = fx.prompt_dose_range_km(1, 5000, enhanced_radiation=True, transmission=0.5,
                                      surface=True)
    air = fx.prompt_dose_range_km(1, 5000, enhanced_radiation=True, transmission=0.5)
    assert "ground level" in q6.prompt and "surface" in q6.prompt
    assert q6.expected == pytest.approx(surface, rel=1e-12)
    assert q6.expected == pytest.approx(0.650, abs=0.005)    # the value the issue quotes
    assert q6.check(surface).passed
    wrong = q6.check(air)
    assert not wrong.passed and "air burst" in wrong.message


def test_enhanced_radiation_is_ten_times_the_yield_for_radiation_only():
    # NUKEMAP's simplification (Wellerstein): ER weapon = 10x yield for prompt radiation.
    assert fx.prompt_dose_rem(1, 1.0, enhanced_radiation=True) == pytest.approx(
        fx.prompt_dose_rem(10, 1.0), rel=1e-12)
    assert fx.prompt_dose_range_km(1, 5000, enhanced_radiation=True) > fx.prompt_dose_range_km(1, 5000)


def test_armour_scales_the_dose_by_the_transmission():
    free = fx.prompt_dose_rem(1, 0.8, enhanced_radiation=True)
    assert fx.armour_protected_dose_rem(1, 0.8, 0.25, enhanced_radiation=True) == pytest.approx(0.25 * free, rel=1e-9)
    r_open = fx.prompt_dose_range_km(1, 5000, enhanced_radiation=True)
    r_tank = fx.prompt_dose_range_km(1, 5000, enhanced_radiation=True, transmission=0.25)
    assert r_tank < r_open


def test_starfish_prime_emp_reached_oahu_and_left_no_local_fallout():
    # Glasstone & Dolan (1977): Starfish Prime 1.4 Mt at about 248 miles (~400 km) near Johnston
    # Island, "700 miles southwest of Hawaii" (§2.52); effects on Oahu about 1,300 km away
    # (§11.26). Johnston Atoll-Honolulu great-circle distance within 5% of 1,300 km.
    places = {p.name: p for p in fx.PLACES}
    j, h = places["Johnston Atoll"], places["Honolulu (Oahu)"]
    d = fx.great_circle_km(j.lat_deg, j.lon_deg, h.lat_deg, h.lon_deg)
    assert d == pytest.approx(fx.STARFISH["oahu_distance_km"], rel=0.05)
    assert fx.emp_ground_radius_km(fx.STARFISH["height_km"]) > d
    assert not fx.local_fallout_expected(fx.STARFISH["yield_kt"], fx.STARFISH["height_km"] * 1000)
    assert fx.local_fallout_expected(15, 0.0)


def test_emp_radius_is_the_great_circle_horizon():
    # Geometry: arc = R arccos(R/(R+h)); tangent = sqrt((R+h)^2 - R^2). 400 km: 2,201 and 2,293 km.
    assert fx.emp_ground_radius_km(400) == pytest.approx(2200.8, abs=0.5)
    assert fx.emp_tangent_distance_km(400) == pytest.approx(2292.8, abs=0.5)


def test_seven_ten_rule_and_integrated_dose():
    # Glasstone & Dolan (1977, §9.146-9.148; the "7-10 rule" is §9.15): R = R1 t^-1.2, so 7x later the rate is ~1/10 (tolerance 5%).
    assert fx.fallout_dose_rate_rem_h(7.0, 100.0) == pytest.approx(10.0, rel=0.05)
    # §9.150: the integral from 1 h to infinity is 5 R1; to 1e6 h it is within 7% of that.
    assert fx.fallout_dose_rem(100.0, 1.0, 1e6) == pytest.approx(500.0, rel=0.07)
    assert fx.fallout_dose_rem(100.0, 1.0, 2.0) == pytest.approx(5 * 100 * (1 - 2**-0.2), rel=1e-9)


def test_hiroshima_cross_check_killed_versus_injured():
    # Glasstone & Dolan (1977, Table 12.09): ~68,000 killed, ~76,000 injured (ratio ~1.1).
    # OTA (1979) rings give far more injured per killed (wide 1-5 psi rings): the chapter shows
    # this disagreement, so the test pins it: model ratio above 2.5, survey ratio near 1.1.
    est = fx.casualties(15, 5000, fx.HIROSHIMA_HEIGHT_M)
    survey = fx.HIROSHIMA_SURVEY["injured"] / fx.HIROSHIMA_SURVEY["killed"]
    assert survey == pytest.approx(1.12, rel=0.02)
    assert est.injured / est.killed > 2.5


def test_reference_data_carry_sources():
    for record in (*fx.REFERENCE_YIELDS, *fx.ASSUMPTIONS, *fx.DENSITY_PRESETS, *fx.SHIELDING):
        assert record.source == fx.TEACHING_ASSUMPTION or record.source in sources.SOURCES
        if record.source == fx.TEACHING_ASSUMPTION:
            assert record.note, f"{record} is a teaching assumption without a reason"
    for shield in fx.SHIELDING:
        assert 0 < shield.neutrons[0] <= shield.neutrons[1] <= 1 and 0 < shield.gamma[0] <= shield.gamma[1] <= 1
    hiroshima = fx.REFERENCE_YIELDS[0]
    assert hiroshima.low_kt < 15 < hiroshima.high_kt


# --------------------------------------------------------------------------- properties
@given(w=yields_kt, psi=psis, factor=st.floats(1.1, 10.0))
def test_blast_range_grows_with_yield_and_shrinks_with_threshold(w, psi, factor):
    assert fx.blast_range_km(w * factor, psi) > fx.blast_range_km(w, psi)
    assert fx.blast_range_km(w, min(psi * factor, 10_000)) < fx.blast_range_km(w, psi)
    assert fx.blast_range_km(w * factor, psi, 0.0) > fx.blast_range_km(w, psi, 0.0)


@given(w=st.floats(0.01, 1000.0), psi=psis, scaled_h=st.floats(0.0, 300.0))
@example(w=1.0, psi=5.0, scaled_h=0.0)
def test_cube_root_scaling_is_exact(w, psi, scaled_h):
    # Glasstone & Dolan (1977, §3.61-3.64): 8x the yield doubles every blast distance.
    h = scaled_h * np.cbrt(w)
    assert fx.blast_range_km(8 * w, psi, 2 * h) == pytest.approx(2 * fx.blast_range_km(w, psi, h), rel=1e-9)
    assert fx.blast_range_km(8 * w, psi) == pytest.approx(2 * fx.blast_range_km(w, psi), rel=1e-9)
    assert fx.optimum_height_m(8 * w, psi) == pytest.approx(2 * fx.optimum_height_m(w, psi), rel=1e-9)


@given(w=yields_kt, d=st.floats(0.05, 50.0), k=st.floats(1.5, 20.0))
def test_fluence_falls_as_inverse_square_in_vacuum(w, d, k):
    q1 = fx.thermal_fluence_cal_cm2(w, d, transmittance=1.0)
    assert fx.thermal_fluence_cal_cm2(w, k * d, transmittance=1.0) == pytest.approx(q1 / k**2, rel=1e-12)
    # and the range function inverts it
    assert fx.thermal_range_km(w, q1, transmittance=1.0) == pytest.approx(d, rel=1e-9)


@given(w=yields_kt, dose=st.floats(10.0, 1e5), h=st.floats(0.0, 3000.0))
def test_prompt_dose_range_inverts_the_dose(w, dose, h):
    r = fx.prompt_dose_range_km(w, dose, height_m=h)
    if r > 0:
        slant = math.hypot(r, h / 1000)
        assert fx.prompt_dose_rem(w, slant) == pytest.approx(dose, rel=1e-6)


@given(t=st.floats(0.1, 1e4), r1=st.floats(0.0, 1e4))
def test_dose_rate_after_seven_times_is_about_a_tenth(t, r1):
    later, now = fx.fallout_dose_rate_rem_h(7 * t, r1), fx.fallout_dose_rate_rem_h(t, r1)
    assert later == pytest.approx(0.1 * now, rel=0.05, abs=1e-300)
    assert later <= now


@given(h1=st.floats(1.0, 5000.0), dh=st.floats(1.0, 5000.0))
def test_emp_radius_grows_with_height_and_stays_below_tangent(h1, dh):
    assert fx.emp_ground_radius_km(h1 + dh) > fx.emp_ground_radius_km(h1)
    assert fx.emp_ground_radius_km(h1) < fx.emp_tangent_distance_km(h1)
    assert fx.emp_ground_radius_km(h1) < math.pi * fx.EARTH_RADIUS_KM / 2


@given(w=st.floats(0.1, 1000.0), density=st.floats(0.0, 50_000.0), h=st.one_of(st.none(), st.floats(0, 3000)))
def test_casualties_never_exceed_population_in_rings(w, density, h):
    est = fx.casualties(w, density, h)
    assert 0 <= est.killed + est.injured <= est.population_in_rings * (1 + 1e-12) + 1e-9
    assert est.killed_range[0] <= est.killed <= est.killed_range[1]
    assert est.injured_range[0] <= est.injured <= est.injured_range[1]
    assert list(est.ring_radii_km) == sorted(est.ring_radii_km)


@given(w=st.floats(0.1, 1000.0), burst=st.sampled_from(fx.BURST_KINDS), h=st.floats(0, 3000),
       er=st.booleans())
def test_effect_radii_agree_with_the_single_effect_functions(w, burst, h, er):
    result = fx.effect_radii_km(w, burst, h, enhanced_radiation=er)
    radii, height = result.radii_km, result.height_m
    surface = burst == "surface"
    assert tuple(radii) == fx.RING_NAMES
    expected_h = {"surface": 0.0, "custom": h, "optimum": fx.optimum_height_m(w, 5.0)}[burst]
    assert height == pytest.approx(expected_h, rel=1e-9, abs=1e-9)
    assert radii["5 psi"] == pytest.approx(fx.blast_range_km(w, 5.0, height), rel=1e-6, abs=1e-9)
    assert radii["fireball"] == pytest.approx(fx.fireball_radius_km(w, surface=surface), rel=1e-12)
    assert radii["500 rem"] == pytest.approx(fx.prompt_dose_range_km(
        w, fx.LETHAL_REM, surface=surface, enhanced_radiation=er, height_m=height), rel=1e-9, abs=1e-9)
    assert radii["3rd-degree burns"] == pytest.approx(fx.burn_range_km(
        w, 3, 100, surface=surface, height_m=height), rel=1e-9, abs=1e-9)


@given(lat0=st.floats(-80, 80), lon0=st.floats(-179, 179), lat=st.floats(-80, 80),
       lon=st.floats(-179, 179))
def test_azimuthal_equidistant_keeps_distance_and_bearing(lat0, lon0, lat, lon):
    # The projection's defining property: distance from the centre and bearing are true.
    x, y = fx.azimuthal_equidistant_km(lat0, lon0, lat, lon)
    d = fx.great_circle_km(lat0, lon0, lat, lon)
    assert math.hypot(x, y) == pytest.approx(d, rel=1e-6, abs=1e-6)
    if 1.0 < d < 19_000:
        bearing = math.degrees(math.atan2(x, y)) % 360
        expected = fx.initial_bearing_deg(lat0, lon0, lat, lon)
        assert min(abs(bearing - expected), 360 - abs(bearing - expected)) < 1e-4


def test_round_significant_gives_two_figures():
    assert fx.round_significant(56_498) == 56_000
    assert fx.round_significant(1_234.5, 3) == 1_230
    assert list(fx.round_significant(np.array([0.0, 0.0456, 999.7]))) == [0.0, 0.046, 1000.0]


def test_high_altitude_harms_carry_sources():
    names = {h.name for h in fx.HIGH_ALTITUDE_HARMS}
    assert {"eyes", "satellites", "misreading"} <= names
    wheres = {h.name: h.where for h in fx.HIGH_ALTITUDE_HARMS}
    assert wheres["eyes"] == "§12.87" and wheres["satellites"] == "§2.147"
    for harm in fx.HIGH_ALTITUDE_HARMS:
        assert harm.source == fx.TEACHING_ASSUMPTION or harm.source in sources.SOURCES
        assert harm.where


def test_vectorised_inputs_keep_their_shape():
    r = fx.blast_range_km(np.array([1.0, 10.0, 100.0]), 5.0, 0.0)
    assert r.shape == (3,) and np.all(np.diff(r) > 0)
    assert isinstance(fx.overpressure_psi(1, 0.5), float)
    assert fx.overpressure_psi(1, np.array([[0.2, 0.5]]), 100.0).shape == (1, 2)


# --------------------------------------------------------------------------- widgets
def test_effects_explorer_driven_from_python():
    from deterrence_lab.widgets.ch01 import EffectsExplorer

    w = EffectsExplorer()
    small = w.set(yield_kt=1.0, burst="surface")
    big = w.set(yield_kt=100.0)
    assert big["radii_km"]["5 psi"] == pytest.approx(small["radii_km"]["5 psi"] * 100 ** (1 / 3), rel=1e-6)
    assert big["height_m"] == 0.0
    er = w.set(weapon="er")
    assert er["radii_km"]["500 rem"] > big["radii_km"]["500 rem"]
    assert er["radii_km"]["5 psi"] == big["radii_km"]["5 psi"]       # ER changes radiation only
    countryside = w.set(setting="front-line countryside")
    assert countryside["killed"] < er["killed"]
    custom = w.set(setting="custom", density=100.0, burst="custom", height_m=300.0)
    assert custom["density_per_km2"] == pytest.approx(100.0, rel=1e-9) and custom["height_m"] == 300.0
    before = w.image.value
    w.set(yield_kt=3.0)
    assert w.image.value != before                                     # the plot changed in place
    assert w.reset()["radii_km"] == EffectsExplorer().result["radii_km"]


def test_emp_explorer_places_cities_by_distance():
    from deterrence_lab.widgets.ch01 import EmpExplorer

    w = EmpExplorer()
    low = w.set(burst_height_km=30.0, centre="Moscow")
    high = w.set(burst_height_km=400.0)
    assert high["radius_km"] > low["radius_km"]
    assert set(low["cities_inside"]) <= set(high["cities_inside"])
    assert "Kyiv" in high["cities_inside"] and "Kyiv" not in low["cities_inside"]
    starfish = w.set(centre="Johnston Atoll")
    assert starfish["cities_inside"] == ["Honolulu (Oahu)"]


def test_chapter_figures_have_labelled_axes():
    from deterrence_lab.widgets import ch01

    for fig in (ch01.yields_figure(), ch01.casualty_figure((1, 10)), ch01.tank_dose_figure(),
                ch01.fallout_figure()):
        for ax in fig.axes:
            assert ax.get_xlabel()
    with pytest.raises(ValueError, match="burst"):
        ch01.effect_radii(10, burst="underwater")


# ---------------------------------------------------------------- idealised fallout contours
def test_fallout_contours_match_glasstone_worked_example():
    # [glasstone1977, worked example after §9.98]: 10 Mt surface burst, 30 mph effective wind;
    # by log interpolation of Table 9.93 the unit-time reference dose rate is 1,800 rad/h at
    # 100 miles, 620 at 200 and 360 at 300 (read from a plot: tolerance 5%).
    for rate, miles in ((1800, 100), (620, 200), (360, 300)):
        contour = fx.fallout_contour_km(10_000, rate, wind_kmh=30 * fx.KMH_PER_MPH)
        assert contour.downwind_km / fx.KM_PER_MILE == pytest.approx(miles, rel=0.05)


def test_fallout_contour_reproduces_table_entries_exactly():
    # [glasstone1977, Table 9.93], 15 mph: the 100 rad/h contour of 1 kt is 8.9 mi long,
    # 0.38 mi at its widest, 0.39 mi wide at ground zero.
    c = fx.fallout_contour_km(1.0, 100.0, wind_kmh=15 * fx.KMH_PER_MPH)
    assert (c.downwind_km, c.max_width_km, c.ground_zero_width_km) == pytest.approx(
        (8.9 * fx.KM_PER_MILE, 0.38 * fx.KM_PER_MILE, 0.39 * fx.KM_PER_MILE), rel=1e-9)


def test_fallout_wind_scaling_and_fission_fraction():
    base = fx.fallout_contour_km(100.0, 100.0, wind_kmh=15 * fx.KMH_PER_MPH)
    fast = fx.fallout_contour_km(100.0, 100.0, wind_kmh=45 * fx.KMH_PER_MPH)
    slow = fx.fallout_contour_km(100.0, 100.0, wind_kmh=9 * fx.KMH_PER_MPH)
    assert fast.downwind_km == pytest.approx(base.downwind_km * 1.5, rel=1e-9)     # §9.97: 1 + 30/60
    assert slow.downwind_km == pytest.approx(base.downwind_km * 0.8, rel=1e-9)     # §9.97: 1 − 6/30
    assert fast.max_width_km == base.max_width_km                          # §9.98: widths kept
    half = fx.fallout_contour_km(100.0, 50.0, wind_kmh=15 * fx.KMH_PER_MPH, fission_fraction=0.5)
    assert half.downwind_km == pytest.approx(base.downwind_km, rel=1e-9)             # §9.94


@given(w=st.floats(0.01, 10_000), r1=st.floats(1.0, 3000.0), r2=st.floats(1.0, 3000.0))
def test_fallout_contours_shrink_with_rate_and_grow_with_yield(w, r1, r2):
    lo, hi = sorted((r1, r2))
    assert fx.fallout_contour_km(w, lo).downwind_km >= fx.fallout_contour_km(w, hi).downwind_km
    assert fx.fallout_contour_km(w * 2, lo).downwind_km > fx.fallout_contour_km(w, lo).downwind_km


# ---------------------------------------------------------------------------------------
# Memory: a seminar of 40 shares a Binder node, so no model call may balloon a kernel.
# (The benchmark found chapter 01's first blast-range call peaking at ~160 MB extra.)
# ---------------------------------------------------------------------------------------

PEAK_RSS_KB = ("def peak_kb():  # VmHWM: this process's own peak (ru_maxrss survives exec)\n"
               "    for line in open('/proc/self/status'):\n"
               "        if line.startswith('VmHWM'):\n"
               "            return int(line.split()[1])\n")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_first_blast_range_call_stays_light():
    code = (PEAK_RSS_KB + "import numpy\n"
            "base = peak_kb()\n"
            "from deterrence_lab import effects\n"
            "effects.blast_range_km(15.0, 5.0); effects.casualties(15.0, 1000.0)\n"
            "print((peak_kb() - base) // 1024)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert int(done.stdout) < 60, f"{done.stdout.strip()} MiB above numpy alone"


# ------------------------------------------------------------------------ maps (offline base map)
def _line_points(ax):
    return sum(int(np.isfinite(line.get_xydata()).all(axis=1).sum()) for line in ax.get_lines())


def test_base_map_ships_with_the_package_and_is_light():
    from deterrence_lab.content import basemap

    assert basemap.BASEMAP_PATH.is_file()
    assert basemap.BASEMAP_PATH.stat().st_size < 300 * 1024
    assert (basemap.BASEMAP_PATH.parent / "README.md").read_text().count("public domain") >= 1
    europe = basemap.layer("europe_coast")
    lon, lat = europe.lonlat[:, 0], europe.lonlat[:, 1]
    assert len(europe) > 100 and lon.min() >= -26 and lat.max() <= 76
    # the Crimean isthmus line of the de facto edition is not drawn (UN GA resolution 68/262)
    border = basemap.layer("europe_border").lonlat
    isthmus = (border[:, 1] > 45.5) & (border[:, 1] < 46.4) & (border[:, 0] > 33) & (border[:, 0] < 35.5)
    assert not isthmus.any()
    with pytest.raises(ValueError, match="name"):
        basemap.layer("rivers")


def test_emp_map_draws_europe_with_named_cities_and_true_distances():
    from deterrence_lab.views import maps

    fig, radius, names = maps.emp_map_figure("Moscow", 400.0)
    ax = fig.axes[0]
    assert _line_points(ax) > 5000                      # coastlines, borders, graticule
    labels = {t.get_text() for t in ax.texts}
    assert {"Kyiv", "Warsaw", "Berlin", "Helsinki"} <= labels
    assert any(t.get_text().endswith(" km") for t in ax.texts)          # the scale bar
    # Kyiv is drawn at its great-circle distance from Moscow (azimuthal equidistant)
    kyiv = next(t for t in ax.texts if t.get_text() == "Kyiv").xy
    places = {p.name: p for p in fx.PLACES}
    d = fx.great_circle_km(55.76, 37.62, places["Kyiv"].lat_deg, places["Kyiv"].lon_deg)
    assert math.hypot(*kyiv) == pytest.approx(d, rel=1e-6)
    assert radius == pytest.approx(fx.emp_ground_radius_km(400.0), rel=1e-9) and "Kyiv" in names


@pytest.mark.parametrize("place", ["Zaporizhzhia", "Kyiv", "Kharkiv", "Moscow", "The Hague",
                                   "Hiroshima"])
def test_rings_map_draws_every_offered_place(place):
    from deterrence_lab.views import maps

    assert place in maps.RING_PLACES
    burst = fx.effect_radii_km(15.0)
    fig = maps.rings_map_figure(burst.radii_km, place, 15.0)
    ax = fig.axes[0]
    assert len([p for p in ax.patches if p.get_label().split(":")[0] in fx.RING_NAMES]) == 6
    assert any(t.get_text().endswith(" km") for t in ax.texts)          # the scale bar
    assert ax.child_axes and _line_points(ax.child_axes[0]) > 50        # the locator map
    with pytest.raises(ValueError, match="place"):
        maps.rings_map_figure(burst.radii_km, "Atlantis")


def test_coast_appears_where_the_place_is_on_the_sea():
    from deterrence_lab.views import maps

    radii = fx.effect_radii_km(15.0).radii_km       # 1 psi ring ~4.8 km: the view reaches the coast
    for place in ("The Hague", "Hiroshima"):
        ax = maps.rings_map_figure(radii, place).axes[0]
        assert _line_points(ax) > 10


def test_explorers_show_maps_and_the_indirect_harms():
    from deterrence_lab.widgets.ch01 import EffectsExplorer, EmpExplorer, people_range

    w = EffectsExplorer()
    assert w.result["place"] in ("Hiroshima",) and not w.error.value
    kyiv = w.set(place="Kyiv", yield_kt=1.0)
    assert kyiv["place"] == "Kyiv"
    hazy = w.set(visibility_km=5.0)
    assert hazy["radii_km"]["3rd-degree burns"] < kyiv["radii_km"]["3rd-degree burns"]
    assert hazy["radii_km"]["5 psi"] == kyiv["radii_km"]["5 psi"]
    assert "two significant figures" in w.readout.value
    assert people_range((56_498.0, 71_234.0)) == "56,000–71,000"
    emp = EmpExplorer(burst_height_km=100.0, centre="The Hague")
    text = emp.readout.value
    assert "§12.87" in text and "§2.147" in text and "opening of an attack" in text
