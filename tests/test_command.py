"""Tests of the command model (chapter 03): hand-computed values, properties, Monte Carlo, inputs."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import approval_chains, inner_probabilities, probabilities

from deterrence_lab import command as c
from deterrence_lab.views import command as command_views
from deterrence_lab import sources
from deterrence_lab.content.sources import TEACHING_ASSUMPTION

# --- exact values computed by hand ---------------------------------------------------------

def test_binomial_tail_by_hand():
    # P(at least 2 of 3) with p = 0.1: 3 * 0.1^2 * 0.9 + 0.1^3 = 0.028 (exact; tolerance 1e-12)
    assert c.binomial_tail(3, 2, 0.1) == pytest.approx(0.028, abs=1e-12)
    # P(at least 1 of 3) = 1 - 0.9^3 = 0.271
    assert c.binomial_tail(3, 1, 0.1) == pytest.approx(0.271, abs=1e-12)
    # all of 100 with p = 0.01 is 1e-200: no underflow to 0, no cancellation (relative 1e-9)
    assert c.binomial_tail(100, 100, 0.01) == pytest.approx(1e-200, rel=1e-9)


def test_two_person_rule_with_lock_by_hand():
    r = c.command_risks(2, 2, 0.01, 0.05, pal=True, p_pal_defeat=0.1, p_cutoff=0.02)
    assert r.p_unauthorised == pytest.approx(0.01 ** 2 * 0.1, rel=1e-12)            # both rogue, lock beaten
    assert r.p_valid_fails == pytest.approx(1 - 0.95 ** 2 * 0.98, rel=1e-12)         # 0.11555
    assert r.time_to_execute_h == pytest.approx(0.25 * (1 / 2 + 1), rel=1e-12)       # max of two delays


def test_barriers_and_predelegation_by_hand():
    base = c.command_risks(3, 3, 0.1, 0.0)
    assert base.p_unauthorised == pytest.approx(0.001, rel=1e-12)
    stored = c.command_risks(3, 3, 0.1, 0.0, custody=True, p_custody_defeat=0.5, release_time_h=6.0)
    assert stored.p_unauthorised == pytest.approx(0.0005, rel=1e-12)
    assert stored.time_to_execute_h == pytest.approx(base.time_to_execute_h + 6.0, rel=1e-12)
    # pre-delegation to a single member: 1 - 0.9^3, and the lock no longer counts
    delegated = c.command_risks(3, 3, 0.1, 0.0, pal=True, predelegation=True, k_predelegated=1, p_cutoff=0.3)
    assert delegated.p_unauthorised == pytest.approx(0.271, rel=1e-12)
    assert delegated.p_valid_fails == pytest.approx(0.0, abs=1e-15)


def test_small_failure_risks_keep_their_precision():
    # 1-of-6 with p_fail = 1e-4: all six must fail, 1e-24 (relative 1e-9), not rounding noise
    assert c.command_risks(6, 1, 0.0, 1e-4).p_valid_fails == pytest.approx(1e-24, rel=1e-9)


def test_expected_time_conditions_on_success():
    # n = 2, k = 1, p_fail = 0.5: P(1 complies) = 0.5 (time 1), P(2 comply) = 0.25 (time 1/2)
    r = c.command_risks(2, 1, 0.0, 0.5, member_time_h=1.0)
    assert r.time_to_execute_h == pytest.approx((0.5 * 1 + 0.25 * 0.5) / 0.75, rel=1e-12)
    assert np.isnan(c.command_risks(2, 1, 0.0, 1.0).time_to_execute_h)   # never executes


def test_output_shape_follows_every_input():
    # p_cutoff does not matter once codes are pre-delegated, but the output still has its shape
    r = c.command_risks(3, 2, 0.01, 0.05, pal=True, predelegation=True, p_cutoff=np.linspace(0, 0.5, 7))
    assert r.p_unauthorised.shape == r.p_valid_fails.shape == r.time_to_execute_h.shape == (7,)


def test_vectorised_over_parameters():
    r = c.command_risks(5, np.arange(1, 6), [[0.01], [0.1]], 0.05)
    assert r.p_unauthorised.shape == (2, 5)
    one = c.command_risks(5, 3, 0.1, 0.05)
    assert r.p_unauthorised[1, 2] == pytest.approx(float(one.p_unauthorised), rel=1e-12)
    assert r.time_to_execute_h[1, 2] == pytest.approx(float(one.time_to_execute_h), rel=1e-12)


# --- properties ------------------------------------------------------------------------------

@given(approval_chains(30), probabilities)
@example((4, 2), 0.5)
def test_binomial_tail_matches_direct_sum(nk, p):
    n, k = nk
    direct = sum(math.comb(n, j) * p ** j * (1 - p) ** (n - j) for j in range(k, n + 1))
    assert c.binomial_tail(n, k, p) == pytest.approx(direct, rel=1e-9, abs=1e-300)


@given(approval_chains(), probabilities)
def test_binomial_tail_complement(nk, p):
    n, k = nk   # P(X >= k) + P(X <= k-1) = 1, and X <= k-1 is "n-k+1 or more of the others"
    total = c.binomial_tail(n, k, p) + c.binomial_tail(n, n - k + 1, 1 - p)
    assert total == pytest.approx(1.0, abs=1e-9)


@given(st.integers(2, 12), inner_probabilities, inner_probabilities, probabilities, st.booleans(), st.booleans())
def test_more_approvals_less_unauthorised_more_failure(n, p_rogue, p_fail, p_cutoff, pal, custody):
    r = c.command_risks(n, np.arange(1, n + 1), p_rogue, p_fail, pal=pal, custody=custody, p_cutoff=p_cutoff)
    assert np.all(np.diff(r.p_unauthorised) <= 1e-15)
    assert np.all(np.diff(r.p_valid_fails) >= -1e-15)
    tol = 1e-12  # probabilities from sums and products: in [0, 1] up to rounding
    assert np.all((r.p_unauthorised >= -tol) & (r.p_unauthorised <= 1 + tol))
    assert np.all((r.p_valid_fails >= -tol) & (r.p_valid_fails <= 1 + tol))


@given(approval_chains(), inner_probabilities, inner_probabilities, st.floats(0.01, 1.0))
def test_lock_and_predelegation_trade_risks(nk, p_rogue, p_fail, p_cutoff):
    n, k = nk
    plain = c.command_risks(n, k, p_rogue, p_fail, p_cutoff=p_cutoff)
    locked = c.command_risks(n, k, p_rogue, p_fail, pal=True, p_cutoff=p_cutoff)
    delegated = c.command_risks(n, k, p_rogue, p_fail, pal=True, predelegation=True, p_cutoff=p_cutoff)
    # the lock lowers unauthorised use and raises failure when the top can be cut off
    assert locked.p_unauthorised <= plain.p_unauthorised
    assert locked.p_valid_fails >= plain.p_valid_fails
    if plain.p_valid_fails < 0.999:             # below certainty, the cut-off adds strictly
        assert locked.p_valid_fails > plain.p_valid_fails
    # pre-delegation undoes both: more unauthorised use, fewer failed valid orders
    assert delegated.p_unauthorised >= locked.p_unauthorised
    assert delegated.p_valid_fails <= locked.p_valid_fails


@given(approval_chains(), inner_probabilities, inner_probabilities, st.floats(0.0, 48.0))
def test_custody_adds_release_time_and_cuts_unauthorised(nk, p_rogue, p_fail, release_h):
    n, k = nk
    free = c.command_risks(n, k, p_rogue, p_fail)
    held = c.command_risks(n, k, p_rogue, p_fail, custody=True, release_time_h=release_h)
    assert held.time_to_execute_h == pytest.approx(free.time_to_execute_h + release_h, rel=1e-9)
    assert held.p_unauthorised <= free.p_unauthorised
    assert held.p_valid_fails == pytest.approx(free.p_valid_fails, abs=1e-15)


# --- Monte Carlo cross-check ----------------------------------------------------------------

MC_DESIGNS = [
    dict(n=4, k=2, p_rogue=0.1, p_fail=0.2),
    dict(n=4, k=2, p_rogue=0.1, p_fail=0.2, pal=True, p_pal_defeat=0.3, custody=True,
         p_custody_defeat=0.5, release_time_h=2.0, p_cutoff=0.1),
    dict(n=5, k=4, p_rogue=0.3, p_fail=0.1, pal=True, p_pal_defeat=0.5, predelegation=True,
         k_predelegated=2, p_cutoff=0.2, member_time_h=1.0),
]


@pytest.mark.parametrize("design", MC_DESIGNS)
def test_monte_carlo_agrees_with_exact(design):
    # Tolerance: 4 standard errors. For a probability, SE = sqrt(p(1-p)/N). For the mean
    # delay, the k-th of m exponential delays has standard deviation at most its mean, so
    # SE <= 1.5 * mean / sqrt(successes) leaves room for the mixture over m.
    n_crises = 200_000
    exact = c.command_risks(**design)
    mc = c.simulate_command(**design, n_crises=n_crises, rng=np.random.default_rng(2023))
    for field in ("p_unauthorised", "p_valid_fails"):
        p = float(getattr(exact, field))
        se = math.sqrt(p * (1 - p) / n_crises)
        assert abs(float(getattr(mc, field)) - p) <= 4 * se + 1e-12, field
    release = design.get("release_time_h", 0.0) if design.get("custody") else 0.0
    mean_delay = float(exact.time_to_execute_h) - release
    successes = n_crises * (1 - float(exact.p_valid_fails))
    assert abs(float(mc.time_to_execute_h) - float(exact.time_to_execute_h)) <= \
        4 * 1.5 * mean_delay / math.sqrt(successes)


# --- the always/never frontier -----------------------------------------------------------------

def test_design_family_has_no_design_that_wins_both():
    fam = c.design_family(5, 0.01, 0.05, p_cutoff=0.05)
    assert fam["k"].shape == (20,)
    front = c.pareto_mask(fam["p_unauthorised"], fam["p_valid_fails"])
    assert front.sum() >= 3
    safest = np.argmin(fam["p_unauthorised"])
    surest = np.argmin(fam["p_valid_fails"])
    assert fam["p_valid_fails"][safest] > fam["p_valid_fails"][surest]
    assert fam["p_unauthorised"][surest] > fam["p_unauthorised"][safest]


def test_pareto_mask_by_hand():
    mask = c.pareto_mask([0.1, 0.2, 0.05, 0.3], [0.1, 0.05, 0.2, 0.3])
    assert mask.tolist() == [True, True, True, False]   # the last is beaten by every other


def test_odds_in_words():
    assert c.odds_in_words(1 / 3000) == "about 1 in 3,000"
    assert c.odds_in_words(1 / 140) == "about 1 in 140"
    assert c.odds_in_words(0.234) == "about 23%"
    assert c.odds_in_words(0.0) == "never, in this model"
    assert c.odds_in_words(1e-12) == "less than 1 in a billion"


# --- national profiles -------------------------------------------------------------------------

def test_profiles_cite_existing_sources_with_valid_confidence():
    assert [p.key for p in c.PROFILES] == ["us", "uk", "france", "russia", "belarus", "nato_nl"]
    for profile in c.PROFILES:
        assert profile.features
        for feature in profile.features:
            assert feature.source in sources.SOURCES, (profile.key, feature.source)
            assert feature.confidence in c.CONFIDENCE_LEVELS
        assert TEACHING_ASSUMPTION in profile.design.reason


def test_profiles_encode_the_sources():
    uk = c.get_profile("uk")
    assert not uk.design.pal and "bbc2007" in uk.sources and uk.verdict.startswith("Contradicted")
    assert c.get_profile("us").design.pal and "nsam1962" in c.get_profile("us").sources
    russia = c.get_profile("russia")
    assert russia.design.custody and {"tsypkin2004", "schlosser2022", "podvig2017"} <= set(russia.sources)
    assert any(f.confidence == "unknown" for f in c.get_profile("france").features)


def test_profiles_are_like_for_like_and_placed_in_feavers_typology():
    # same n and k everywhere (no source gives a team size), so no country looks more reliable
    # because of an invented team: a valid order fails equally often wherever a lock is fitted.
    assert {(p.design.n, p.design.k) for p in c.PROFILES} == {(2, 2)}
    locked = [c.profile_risks(p.key).p_valid_fails for p in c.PROFILES if p.design.pal]
    assert max(locked) - min(locked) < 1e-12
    for p in c.PROFILES:
        assert p.control in c.CONTROL_TYPES and p.control_basis
    assert c.get_profile("uk").control == "delegative"
    table = command_views.control_table()
    assert len(table.splitlines()) == 2 + len(c.PROFILES)
    russia = c.get_profile("russia")
    perimetr = next(f for f in russia.features if f.topic == "Perimetr")
    assert "duty officers" in perimetr.finding and "not pre-delegation to a machine" in perimetr.finding
    cheget = next(f for f in russia.features if f.topic == "code terminals")
    assert "strategic forces" in cheget.finding
    assert any(f.topic == "release of non-strategic weapons" and f.confidence == "unknown"
               for f in russia.features)
    france = {f.topic: f for f in c.get_profile("france").features}
    assert france["order codes"].confidence == "documented"
    assert france["code locks"].confidence == "reported"
    nl = c.get_profile("nato_nl")
    assert {"defensie2024", "tweedekamer2020", "nsam1962"} <= set(nl.sources)
    assert any("neither confirms nor denies" in f.finding for f in nl.features)


def test_profile_placement_uses_classroom_assumptions():
    uk, us = c.profile_risks("uk"), c.profile_risks("us")
    # no lock: ten times the unauthorised risk (1/p_pal_defeat), lower failure (no cut-off)
    assert float(uk.p_unauthorised) == pytest.approx(10 * float(us.p_unauthorised), rel=1e-12)
    assert float(uk.p_valid_fails) < float(us.p_valid_fails)
    assert c.profile_risks("russia").time_to_execute_h > 6.0
    table = command_views.profile_table()
    assert all(name in table for name in ("United States", "United Kingdom", "France", "Russia"))
    verdicts = command_views.verdict_table()
    assert "Contradicted" in verdicts and "Partly answered" in verdicts and verdicts.count("\n") == 1 + len(c.PROFILES)


# --- the chapter's widget and figures, driven from Python -------------------------------------

def test_explorer_driven_from_python():
    from deterrence_lab.widgets.ch03 import CommandExplorer

    w = CommandExplorer()
    first = dict(w.result)
    expected = c.command_risks(3, 2, 0.01, 0.05, pal=True, p_pal_defeat=0.1, p_cutoff=0.05)
    assert first["p_unauthorised"] == pytest.approx(float(expected.p_unauthorised), rel=1e-12)
    png = w.image.value
    w.set(pal=False)
    assert w.result["p_unauthorised"] == pytest.approx(10 * first["p_unauthorised"], rel=1e-9)
    assert w.result["p_valid_fails"] < first["p_valid_fails"]
    assert w.image.value != png
    assert "1 in" in w.readout.value and "valid order fails" in w.readout.value
    w.set(k=5)                                  # k > n: a message, the last result kept
    assert "k=5" in w.error.value and w.result["p_valid_fails"] < first["p_valid_fails"]
    w.reset()
    assert w.result == first and w.error.value == ""
    with pytest.raises(ValueError, match="unknown control"):
        w.set(yield_kt=5)


def test_figures_label_axes_with_units():
    from deterrence_lab.widgets import ch03

    fig = ch03.frontier_figure(4, 0.01, 0.05, p_cutoff=0.05, current=dict(n=4, k=2, pal=True, p_cutoff=0.05))
    ax = fig.axes[0]
    assert "per crisis" in ax.get_xlabel() and "per crisis" in ax.get_ylabel()
    assert {t.get_text() for t in ax.texts} == {"United States", "United Kingdom", "France", "Russia"}
    assert len(ch03.crisis_figure().axes) == 2
    assert "k" in ch03.risk_by_k_figure(4).axes[0].get_xlabel()


# --- exercise checks agree with the model ----------------------------------------------------------

def test_exercise_expectations_follow_the_model():
    from deterrence_lab.checks import ch03

    # q1 by hand: (3 * 0.02^2 * 0.98 + 0.02^3) * 0.1
    assert ch03.q1.expected == pytest.approx((3 * 0.02 ** 2 * 0.98 + 0.02 ** 3) * 0.1, rel=1e-12)
    smallest = next(k for k in range(1, 8) if c.binomial_tail(7, k, 0.05) < 1e-5)
    assert ch03.q2.expected == smallest
    assert ch03.q2.check(smallest - 1).status == "not yet"
    assert ch03.q4.correct == {"B"}                 # no lock: right of and below the US
    assert ch03.q5.check(dict(ch03.q5.key)).passed
