"""Tests of deterrence_lab.response: the decision analysis of the West's answers."""
import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from strategies import weight_vectors

from deterrence_lab import response as r
from deterrence_lab import sources

N_C = len(r.CRITERIA)
N_O = len(r.OPTIONS)


# --- data ----------------------------------------------------------------------------------

def test_option_keys_are_the_fixed_names_other_chapters_use():
    assert r.OPTION_KEYS == ("protest", "sanctions", "volunteers", "conventional_strikes",
                             "conventional_large", "nuclear_demonstration", "nuclear_in_kind")
    for option in r.OPTIONS:
        assert option.name and option.description and option.sources


def test_every_option_has_one_score_per_criterion_with_reasons():
    pairs = {(s.option, s.criterion) for s in r.SCORES}
    assert pairs == {(o, c) for o in r.OPTION_KEYS for c in r.CRITERION_KEYS}
    assert len(r.SCORES) == N_O * N_C
    for s in r.SCORES:
        assert 0 <= s.low <= s.likely <= s.high <= 10
        assert s.rationale and s.source == r.TEACHING_ASSUMPTION


def test_every_cited_key_exists():
    keys = {k for o in r.OPTIONS for k in o.sources} | {k for c in r.CRITERIA for k in c.sources}
    keys |= {k for s in r.SCORES for k in s.based_on}
    for key in keys - {r.TEACHING_ASSUMPTION}:
        sources.get(key)


def test_presets_are_named_and_complete():
    assert set(r.PRESETS) == {"op-ed", "hawk", "dove"}
    for weights in r.PRESETS.values():
        assert set(weights) == set(r.CRITERION_KEYS)


# --- weighted sums -------------------------------------------------------------------------

def test_hand_computed_score_of_the_op_eds_choice():
    # likely scores of conventional_strikes: 6, 4, 7, 6, 5, 7; op-ed weights 3,3,2,1,1,2 (sum 12)
    # by hand: (18 + 12 + 14 + 6 + 5 + 14) / 12 = 69 / 12 = 5.75 (exact, tolerance 1e-12)
    total = r.weighted_scores(r.PRESETS["op-ed"])
    assert total[r.OPTION_KEYS.index("conventional_strikes")] == pytest.approx(69 / 12, abs=1e-12)
    assert r.ranking(r.PRESETS["op-ed"])[0] == "conventional_strikes"


def test_single_criterion_weight_returns_that_column():
    total = r.weighted_scores({"military_effect": 2.0})
    np.testing.assert_allclose(total, r.score_table()[1][:, 3])
    assert r.ranking({"military_effect": 1})[0] == "conventional_large"


def test_ties_keep_the_order_of_options():
    scores = np.full((N_O, N_C), 5.0)
    assert r.ranking(np.ones(N_C), scores) == r.OPTION_KEYS


def test_presets_give_their_expected_winners():
    assert r.ranking(r.PRESETS["dove"])[0] == "protest"
    assert r.ranking(r.PRESETS["hawk"])[0] == "conventional_large"


@given(weight_vectors(N_C), st.floats(0.1, 100))
def test_scores_ignore_the_scale_of_weights_and_stay_in_range(w, factor):
    a = r.weighted_scores(w)
    np.testing.assert_allclose(a, r.weighted_scores(np.array(w) * factor), rtol=1e-9)
    table = r.score_table()
    # a weighted mean of scores on the 0-10 scale stays in range up to rounding (1e-9);
    # hypothesis found 10.000000000000002 for a compare without tolerance
    assert np.all(a >= table[0].min(axis=1) - 1e-9) and np.all(a <= 10 + 1e-9)


@given(weight_vectors(N_C), st.integers(0, N_O - 1), st.integers(0, N_C - 1), st.floats(0.0, 3.0))
def test_raising_a_score_never_lowers_that_options_total(w, o, c, bump):
    scores = r.score_table()[1].copy()
    before = r.weighted_scores(w, scores)[o]
    scores[o, c] += bump
    assert r.weighted_scores(w, scores)[o] >= before - 1e-12


def test_score_overrides_replace_one_cell():
    table = r.score_table({("protest", "deterrence"): (5, 6, 7)})
    assert tuple(table[:, 0, 0]) == (5, 6, 7)
    assert np.array_equal(np.delete(table.reshape(3, -1), 0, axis=1),
                          np.delete(r.score_table().reshape(3, -1), 0, axis=1))


# --- Monte Carlo -----------------------------------------------------------------------------

@pytest.mark.parametrize("distribution", ["pert", "triangular"])
def test_sampled_scores_stay_in_their_ranges_and_centre_on_the_mode(distribution):
    table = r.score_table()
    draws = r.sample_scores(4000, np.random.default_rng(1), distribution=distribution)
    assert draws.shape == (4000, N_O, N_C)
    assert np.all(draws >= table[0] - 1e-12) and np.all(draws <= table[2] + 1e-12)
    # mean of PERT = (low + 4 likely + high) / 6, of the triangle (low + likely + high) / 3;
    # tolerance 0.1 score points is about 7 standard errors for 4,000 draws
    expected = ((table[0] + 4 * table[1] + table[2]) / 6 if distribution == "pert"
                else table.mean(axis=0))
    np.testing.assert_allclose(draws.mean(axis=0), expected, atol=0.1)


def test_degenerate_range_gives_its_value():
    table = r.score_table({("protest", "deterrence"): (4, 4, 4)})
    for dist in ("pert", "triangular"):
        draws = r.sample_scores(50, np.random.default_rng(0), table, distribution=dist)
        assert np.all(draws[:, 0, 0] == 4)


def test_dirichlet_weights_centre_on_the_given_weights_and_keep_zeros():
    w = {"deterrence": 2, "escalation_safety": 1, "civilian_safety": 1}
    draws = r.sample_weights(w, 200.0, 5000, np.random.default_rng(2))
    np.testing.assert_allclose(draws.sum(axis=1), 1.0)
    assert np.all(draws[:, 3:] == 0)
    # Dirichlet mean equals the normalised weights; tolerance 0.01 (sd about 0.03/sqrt(5000))
    np.testing.assert_allclose(draws.mean(axis=0), r.normalise_weights(w), atol=0.01)
    wide = r.sample_weights(w, 5.0, 5000, np.random.default_rng(2))
    assert wide[:, 0].std() > draws[:, 0].std()


@settings(max_examples=max(4, settings.default.max_examples // 2))  # Monte Carlo each
@given(weight_vectors(N_C), st.integers(0, 2**32 - 1), st.sampled_from([None, 1.0, 50.0]))
def test_rank_probabilities_sum_to_one(w, seed, concentration):
    res = r.rank_probabilities(w, np.random.default_rng(seed), n_draws=300,
                               concentration=concentration)
    assert res.p_first.sum() == pytest.approx(1.0, abs=1e-12)
    assert np.all((res.p_first >= 0) & (res.p_first <= 1))
    assert np.all(res.score_p05 <= res.score_median + 1e-12)
    assert np.all(res.score_median <= res.score_p95 + 1e-12)


def test_rank_probabilities_are_reproducible_with_a_seed():
    a = r.rank_probabilities(r.PRESETS["op-ed"], np.random.default_rng(7), n_draws=500)
    b = r.rank_probabilities(r.PRESETS["op-ed"], np.random.default_rng(7), n_draws=500)
    assert np.array_equal(a.p_first, b.p_first)


def test_fixed_certain_scores_make_the_winner_certain():
    table = np.repeat(r.score_table()[1][None], 3, axis=0)
    res = r.rank_probabilities(r.PRESETS["op-ed"], np.random.default_rng(0), n_draws=200,
                               concentration=None, table=table)
    assert res.p_first[r.OPTION_KEYS.index("conventional_strikes")] == 1.0


# --- sensitivity -------------------------------------------------------------------------------

@example(w=[3, 3, 2, 1, 1, 2])
@given(weight_vectors(N_C))
def test_sensitivity_thresholds_are_confirmed_by_rescoring(w):
    eps = 1e-6
    for s in r.sensitivity(w):
        assert r.ranking(w)[0] == s.top
        for bound, new_top, step in ((s.upper, s.upper_top, eps), (s.lower, s.lower_top, -eps)):
            if bound is None:
                # nobody overtakes the top between the current weight and the end of [0, 1]
                end = 1.0 if step > 0 else 0.0
                scores = r.weighted_scores(r.reweight(w, s.criterion, end))
                assert scores[r.OPTION_KEYS.index(s.top)] >= scores.max() - 1e-9
                continue
            inside = np.clip(bound - step, 0, 1)
            beyond = np.clip(bound + step, 0, 1)
            if (bound - s.weight) * np.sign(step) >= eps:  # the current weight is inside
                assert r.ranking(r.reweight(w, s.criterion, inside))[0] == s.top
            scores = r.weighted_scores(r.reweight(w, s.criterion, beyond))
            assert scores[r.OPTION_KEYS.index(new_top)] > scores[r.OPTION_KEYS.index(s.top)]


def test_op_ed_escalation_weight_threshold_by_hand():
    # Hand calculation (exact, tolerance 1e-12). Op-ed weights 3,3,2,1,1,2: escalation_safety
    # has 3/12 = 0.25; the other weights rescale as (3,0,2,1,1,2)/9. With x the escalation
    # weight, an option scores R + x (s - R): strikes R = (18+14+6+5+14)/9 = 57/9, s = 4;
    # protest R = (3+20+0+10+2)/9 = 35/9, s = 9. Equal at x = (35-57)/((36-57)-(81-35)) = 22/67.
    s = {x.criterion: x for x in r.sensitivity(r.PRESETS["op-ed"])}["escalation_safety"]
    assert s.upper == pytest.approx(22 / 67, abs=1e-12)
    assert s.upper_top == "protest"


# --- implied weights -----------------------------------------------------------------------------

def test_implied_weights_region_is_consistent_with_rescoring():
    res = r.implied_weights(np.random.default_rng(3), n_samples=3000)
    inside = res.top == r.OPTION_KEYS.index("conventional_strikes")
    assert res.share == pytest.approx(inside.mean())
    assert 0 < res.share < 1
    for w in res.weights[inside][:20]:
        assert r.ranking(w)[0] == "conventional_strikes"
    np.testing.assert_allclose(res.weights.sum(axis=1), 1.0)
    np.testing.assert_allclose(res.mean_weights, res.weights[inside].mean(axis=0))


def test_implied_weights_share_over_all_options_is_one():
    shares = [r.implied_weights(np.random.default_rng(5), k, n_samples=2000).share
              for k in r.OPTION_KEYS]
    assert sum(shares) == pytest.approx(1.0)


# --- widget -----------------------------------------------------------------------------------------

def test_weight_widget_presets_and_sliders():
    from deterrence_lab.widgets.ch04 import WeightExplorer

    w = WeightExplorer()
    assert w.result["ranking"][0] == "conventional_strikes"      # op-ed preset at start
    assert sum(w.result["p_first"].values()) == pytest.approx(1.0)
    w.set(preset="dove")
    assert w.controls["escalation_safety"].value == r.PRESETS["dove"]["escalation_safety"]
    assert w.result["ranking"][0] == "protest"
    w.set(escalation_safety=0, civilian_safety=0, legal_standing=0, deterrence=5,
          military_effect=5)
    assert w.result["ranking"][0] == "conventional_large"
    assert w.controls["preset"].value == "custom"               # hand-set weights are custom
    w.controls["deterrence"].value = 6                           # as a user moving a slider
    assert w.controls["preset"].value == "custom" and w.result["weights"]["deterrence"] > 0.3
    w.controls["preset"].value = "hawk"                          # as a user clicking a preset
    assert w.controls["military_effect"].value == r.PRESETS["hawk"]["military_effect"]
    assert w.result["ranking"][0] == "conventional_large"
    w.reset()
    assert w.result["ranking"][0] == "conventional_strikes"
    w.set(**{k: 0 for k in r.CRITERION_KEYS})
    assert "all zero" in w.error.value                           # refused, last plot kept


def test_exercise_checks_accept_the_model_answers():
    from deterrence_lab.checks import ch04

    assert ch04.q1.check(41 / 12).passed            # hand sum in the solution text
    assert ch04.q2.check(22 / 67).passed            # see test_op_ed_escalation_weight_threshold
    assert not ch04.q2.check(0.25).passed
    assert ch04.q3.check("D").passed and not ch04.q3.check("C").passed
    assert ch04.q4.check("b").passed
    assert ch04.q5.check(0.06 / 0.34).passed
    assert ch04.q6.check(0.0025).passed and not ch04.q6.check(0.05).passed
    assert ch04.q7.check("too short").status == "not yet"
