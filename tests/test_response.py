"""Tests of deterrence_lab.response: the decision analysis of the West's answers."""
import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from strategies import weight_vectors

from deterrence_lab import escalation as esc
from deterrence_lab import response as r
from deterrence_lab.content import options
from deterrence_lab import sources

N_C = len(r.CRITERIA)
N_O = len(r.OPTIONS)


# --- data ----------------------------------------------------------------------------------

def test_option_keys_are_the_fixed_names_other_chapters_use():
    assert r.OPTION_KEYS == ("no_response", "protest", "sanctions", "volunteers",
                             "conventional_strikes", "conventional_large",
                             "nuclear_demonstration", "nuclear_in_kind")
    assert r.OPTIONS is options.OPTIONS and r.BASELINE_OPTION == "no_response"
    for option in r.OPTIONS:
        assert option.name and option.description and option.sources


def test_every_option_has_one_score_per_criterion_with_reasons():
    pairs = {(s.option, s.criterion) for s in r.SCORES}
    assert pairs == {(o, c) for o in r.OPTION_KEYS for c in r.CRITERION_KEYS}
    assert len(r.SCORES) == N_O * N_C
    for s in r.SCORES:
        assert 0 <= s.low <= s.likely <= s.high <= 10
        assert s.rationale and s.source == r.TEACHING_ASSUMPTION
        if s.criterion not in options.DERIVED_CRITERIA:     # judged: read from the table
            t = options.criterion_range(s.option, s.criterion)
            assert (s.low, s.likely, s.high) == (t.low, t.central, t.high)


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
    # judged likely scores of conventional_strikes: deterrence 6, military 6, legal 5, alliance 7;
    # derived: escalation 10 (1 - p), civilian 7 (1 - p) with p = P(further use) from the chain.
    # Op-ed weights 3,3,2,1,1,2 (sum 12): (18 + 30 (1 - p) + 14 (1 - p) + 6 + 5 + 14) / 12.
    p = esc.ladder_outcome("conventional_strikes")["further_use"]
    hand = (18 + 30 * (1 - p) + 14 * (1 - p) + 6 + 5 + 14) / 12
    total = r.weighted_scores(r.PRESETS["op-ed"])
    assert total[r.OPTION_KEYS.index("conventional_strikes")] == pytest.approx(hand, abs=1e-12)
    assert r.ranking(r.PRESETS["op-ed"])[:2] == ("conventional_large", "conventional_strikes")


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
    i = r.OPTION_KEYS.index("protest")
    assert tuple(table[:, i, 0]) == (5, 6, 7)
    assert np.array_equal(np.delete(table.reshape(3, -1), i * N_C, axis=1),
                          np.delete(r.score_table().reshape(3, -1), i * N_C, axis=1))


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
        assert np.all(draws[:, r.OPTION_KEYS.index("protest"), 0] == 4)


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
    top = r.ranking(r.PRESETS["op-ed"])[0]
    assert res.p_first[r.OPTION_KEYS.index(top)] == 1.0


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
    # Hand formula (tolerance 1e-12). Op-ed weights 3,3,2,1,1,2: escalation_safety has 0.25;
    # the others rescale as (3,0,2,1,1,2)/9. With x the escalation weight an option scores
    # R + x (s - R); the strikes overtake the large attack where the two lines cross.
    table = r.score_table()[1]
    rest = np.array([3, 0, 2, 1, 1, 2]) / 9
    i, j = r.OPTION_KEYS.index("conventional_large"), r.OPTION_KEYS.index("conventional_strikes")
    R_i, R_j = table[i] @ rest, table[j] @ rest
    s_i, s_j = table[i, 1], table[j, 1]
    x = (R_j - R_i) / ((s_i - R_i) - (s_j - R_j))
    s = {x.criterion: x for x in r.sensitivity(r.PRESETS["op-ed"])}["escalation_safety"]
    assert s.top == "conventional_large"
    assert s.upper == pytest.approx(x, abs=1e-12)
    assert s.upper_top == "conventional_strikes"


# --- implied weights -----------------------------------------------------------------------------

def test_implied_weights_region_is_consistent_with_rescoring():
    res = r.implied_weights(np.random.default_rng(3), n_samples=3000)
    inside = res.top == r.OPTION_KEYS.index("conventional_strikes")
    assert res.share == pytest.approx(inside.mean(), rel=1e-9)
    assert 0 < res.share < 1
    for w in res.weights[inside][:20]:
        assert r.ranking(w)[0] == "conventional_strikes"
    np.testing.assert_allclose(res.weights.sum(axis=1), 1.0)
    np.testing.assert_allclose(res.mean_weights, res.weights[inside].mean(axis=0))


def test_implied_weights_share_over_all_options_is_one():
    shares = [r.implied_weights(np.random.default_rng(5), k, n_samples=2000).share
              for k in r.OPTION_KEYS]
    assert sum(shares) == pytest.approx(1.0, rel=1e-9)


# --- widget -----------------------------------------------------------------------------------------

def test_weight_widget_presets_and_sliders():
    from deterrence_lab.widgets.ch04 import WeightExplorer

    w = WeightExplorer()
    assert w.result["ranking"][0] == "conventional_large"        # op-ed preset at start
    assert sum(w.result["p_first"].values()) == pytest.approx(1.0, rel=1e-9)
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
    assert w.result["ranking"][0] == "conventional_large"
    w.set(weighting="swing")                                     # the same points as swings
    assert w.result["ranking"][0] == "conventional_strikes"
    assert w.result["weights"] == pytest.approx(dict(zip(
        r.CRITERION_KEYS, r.swing_weights(r.PRESETS["op-ed"]))), rel=1e-9)
    w.reset()
    w.set(**{k: 0 for k in r.CRITERION_KEYS})
    assert "all zero" in w.error.value                           # refused, last plot kept


def test_exercise_checks_accept_the_model_answers():
    from deterrence_lab.checks import ch04

    demo = r.weighted_scores(r.PRESETS["op-ed"])[r.OPTION_KEYS.index("nuclear_demonstration")]
    assert ch04.q1.check(float(demo)).passed
    flip = {x.criterion: x for x in r.sensitivity(r.PRESETS["op-ed"])}["escalation_safety"]
    assert ch04.q2.check(flip.upper).passed         # see test_op_ed_escalation_weight_threshold
    assert not ch04.q2.check(0.25).passed
    assert ch04.q3.check("D").passed and not ch04.q3.check("C").passed
    assert ch04.q4.check("b").passed
    assert ch04.q5.check(0.06 / 0.34).passed
    assert ch04.q6.check(0.0025).passed and not ch04.q6.check(0.05).passed
    assert ch04.q7.check("too short").status == "not yet"


# --- derived criteria and swing weights (issue 14, findings 1 and 6) -----------------------

@pytest.mark.parametrize("option", r.OPTION_KEYS)
def test_derived_scores_come_from_the_chain(option):
    """Escalation and civilian safety are computed from the option's ladder factors, so a
    protest the op-ed says invites further use cannot score 10 on civilian safety."""
    p = {lvl: esc.ladder_outcome(option, level=lvl)["further_use"]
         for lvl in ("worst", "central", "best")}
    direct = options.criterion_range(option, options.DIRECT_HARM)
    esc_s, civ = r.get_score(option, "escalation_safety"), r.get_score(option, "civilian_safety")
    assert (esc_s.low, esc_s.likely, esc_s.high) == pytest.approx(
        (10 * (1 - p["worst"]), 10 * (1 - p["central"]), 10 * (1 - p["best"])), abs=1e-12)
    assert civ.likely == pytest.approx(direct.central * (1 - p["central"]), abs=1e-12)
    assert civ.high < 10 or p["best"] == 0


def test_protest_no_longer_scores_full_civilian_safety():
    assert r.get_score("protest", "civilian_safety").high < 6


def test_swing_weights_divide_points_by_each_criterions_spread():
    table = r.score_table()[1]
    spread = table.max(axis=0) - table.min(axis=0)
    points = np.array([3, 3, 2, 1, 1, 2], dtype=float)
    expected = (points / spread) / (points / spread).sum()
    np.testing.assert_allclose(r.swing_weights(points), expected, rtol=1e-12)
    # the swing-weighted sum ranks like the points on 0-10 rescaled criteria (same order)
    local = (table - table.min(axis=0)) / spread * 10
    assert r.ranking(r.swing_weights(points)) == r.ranking(points, local)
    with pytest.raises(ValueError, match="separates"):
        r.swing_weights(points, np.tile(table[0], (N_O, 1)))


def test_ladder_overrides_recompute_only_the_derived_criteria():
    base = r.score_table()
    moved = r.score_table(ladder_overrides={"conventional_strikes": {"up": 0.8}})
    j = r.OPTION_KEYS.index("conventional_strikes")
    judged = [r.CRITERION_KEYS.index(c) for c in r.CRITERION_KEYS
              if c not in options.DERIVED_CRITERIA]
    np.testing.assert_array_equal(moved[:, :, judged], base[:, :, judged])
    np.testing.assert_array_equal(np.delete(moved, j, axis=1), np.delete(base, j, axis=1))
    assert moved[1, j, r.CRITERION_KEYS.index("escalation_safety")] > base[
        1, j, r.CRITERION_KEYS.index("escalation_safety")]
    with pytest.raises(ValueError, match="ladder_overrides option"):
        r.score_table(ladder_overrides={"retreat": {"up": 1}})

