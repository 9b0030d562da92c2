"""Tests of deterrence_lab.games: trees, backward induction, credibility, reputation, chicken."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import game_trees

from deterrence_lab import games as g
from deterrence_lab.models.games import Chance, Decision, Terminal


def T(a, b):
    return Terminal({"A": a, "B": b})


# --- trees with known answers ------------------------------------------------------------------

def test_entry_game_textbook_answer():
    # Entrant (A) enters or stays out; incumbent (B) fights or accommodates. Known SPE:
    # enter, accommodate; (out, fight) is a Nash equilibrium resting on a non-credible threat.
    tree = Decision("A", (("out", T(0, 2)),
                          ("enter", Decision("B", (("fight", T(-1, -1)), ("accommodate", T(1, 1)))))))
    sol = g.backward_induction(tree)
    assert sol.path == ("enter", "accommodate")
    assert sol.payoffs == {"A": 1.0, "B": 1.0}
    threat = {(): "out", ("enter",): "fight"}
    assert g.is_nash_equilibrium(tree, threat)
    assert not g.is_subgame_perfect(tree, threat)
    assert g.is_subgame_perfect(tree, sol.plan) and g.is_nash_equilibrium(tree, sol.plan)


def test_ties_go_to_the_first_listed_action():
    tree = Decision("A", (("left", T(1, 0)), ("right", T(1, 5))))
    assert g.backward_induction(tree).path == ("left",)
    flipped = Decision("A", (("right", T(1, 5)), ("left", T(1, 0))))
    assert g.backward_induction(flipped).path == ("right",)
    # a difference below the tolerance counts as a tie
    near = Decision("A", (("left", T(1, 0)), ("right", T(1 + 1e-12, 5))))
    assert g.backward_induction(near).path == ("left",)


def test_chance_node_expected_values_by_hand():
    # A: safe (1, 0) or gamble: 0.25 -> (4, 1), 0.75 -> (0, 3). E[A | gamble] = 1.0 = safe: tie,
    # so the first action (safe) is kept; making the good outcome 5 gives E = 1.25 > 1.
    def tree(good):
        return Decision("A", (("safe", T(1, 0)),
                              ("gamble", Chance((("luck", 0.25, T(good, 1)),
                                                 ("no_luck", 0.75, T(0, 3)))))))
    assert g.backward_induction(tree(4)).path == ("safe",)
    sol = g.backward_induction(tree(5))
    assert sol.path == ("gamble",)
    assert sol.payoffs["A"] == pytest.approx(1.25, abs=1e-12)
    assert sol.payoffs["B"] == pytest.approx(0.25 * 1 + 0.75 * 3, abs=1e-12)
    assert {("gamble", "luck"), ("gamble", "no_luck")} <= sol.reached


def test_decision_below_chance_is_solved_in_every_branch():
    tree = Chance((("a", 0.5, Decision("B", (("x", T(0, 1)), ("y", T(0, 2))))),
                   ("b", 0.5, Decision("B", (("x", T(0, 3)), ("y", T(0, 1)))))))
    sol = g.backward_induction(tree)
    assert sol.plan == {("a",): "y", ("b",): "x"}
    assert sol.payoffs["B"] == pytest.approx(2.5, rel=1e-9)
    assert sol.path == ()


# --- the red-line game -------------------------------------------------------------------------

def test_red_line_default_threat_is_not_credible():
    tree = g.red_line_game()
    sol = g.backward_induction(tree)
    # by hand: after a strike Russia stops (-2 > -11); after a protest it escalates (3 > 2);
    # the US then prefers protest (-2) to strikes (-3); Russia crosses (3 > 0)
    assert sol.path == ("cross", "protest", "escalate")
    assert sol.payoffs == {g.RUSSIA: 3.0, g.US: -2.0}
    assert g.is_nash_equilibrium(tree, g.THREAT_PLAN)
    assert not g.is_subgame_perfect(tree, g.THREAT_PLAN)
    assert g.deviation_gains(tree, g.THREAT_PLAN) == {g.RUSSIA: 0.0, g.US: 0.0}


@pytest.mark.parametrize("cost_unanswered, credible", [(1.9, False), (2.0, False), (2.1, True)])
def test_red_line_credibility_threshold(cost_unanswered, credible):
    # With Russia escalating after a protest, the US strikes when -c > -L - e, i.e.
    # L > c - e = 3 - 1 = 2; at exactly 2 the tie goes to the first action (protest).
    sol = g.backward_induction(g.red_line_game(cost_unanswered=cost_unanswered))
    assert (sol.plan[("cross",)] == "conventional_strikes") is credible
    assert (sol.path == ("refrain",)) is credible
    if credible:
        assert sol.plan == g.THREAT_PLAN


@given(st.lists(st.floats(0, 20), min_size=6, max_size=6))
def test_red_line_spe_is_always_nash_and_perfect(params):
    tree = g.red_line_game(*params)
    sol = g.backward_induction(tree)
    assert g.is_subgame_perfect(tree, sol.plan)
    assert g.is_nash_equilibrium(tree, sol.plan)
    assert g.expected_payoffs(tree, sol.plan) == pytest.approx(sol.payoffs, rel=1e-9)


# --- random trees -------------------------------------------------------------------------------

trees = game_trees


def _all_plans(tree):
    nodes = g.decision_nodes(tree)
    plans = [{}]
    for history, node in nodes.items():
        plans = [{**p, history: label} for p in plans for label, _ in node.actions]
    return plans


@given(trees())
def test_backward_induction_on_random_trees(tree):
    sol = g.backward_induction(tree)
    assert g.is_subgame_perfect(tree, sol.plan)
    assert g.is_nash_equilibrium(tree, sol.plan)
    assert set(sol.plan) == set(g.decision_nodes(tree))
    assert g.expected_payoffs(tree, sol.plan) == pytest.approx(sol.payoffs, rel=1e-9)
    # brute force over small trees: the backward-induction plan is one of the plans that pass
    # the one-shot-deviation test, and every such plan is also a Nash equilibrium
    plans = _all_plans(tree)
    if len(plans) <= 64:
        perfect = [p for p in plans if g.is_subgame_perfect(tree, p)]
        assert sol.plan in perfect
        assert all(g.is_nash_equilibrium(tree, p) for p in perfect)


def test_players_and_terminal_payoffs_are_validated():
    tree = Decision("A", (("x", T(0, 1)), ("y", Decision("B", (("z", T(1, 1)),)))))
    assert g.validate_tree(tree) == ("A", "B")


# --- reputation ----------------------------------------------------------------------------------

def test_bayes_update_closed_forms():
    # prior 0.5, P(answer | resolute) 0.9, P(answer | irresolute) 0.3:
    # no answer: 0.5*0.1 / (0.5*0.1 + 0.5*0.7) = 0.05/0.40 = 0.125 (exact)
    assert g.update_belief(0.5, False) == pytest.approx(0.125, abs=1e-12)
    # answer: 0.5*0.9 / (0.45 + 0.15) = 0.75 (exact)
    assert g.update_belief(0.5, True) == pytest.approx(0.75, abs=1e-12)
    # two unanswered crossings from 0.5: odds 1 * (1/7)^2 = 1/49 -> 1/50
    assert g.belief_after(0.5, 0, 2) == pytest.approx(1 / 50, abs=1e-12)


@given(st.floats(0.01, 0.99), st.lists(st.booleans(), max_size=8),
       st.floats(0.05, 0.95), st.floats(0.05, 0.95))
def test_sequential_updates_match_the_closed_form(prior, history, pr, pi):
    mu = prior
    for answered in history:
        mu = g.update_belief(mu, answered, pr, pi)
    closed = g.belief_after(prior, sum(history), len(history) - sum(history), pr, pi)
    assert mu == pytest.approx(closed, rel=1e-9, abs=1e-12)


@given(st.floats(0.01, 0.99), st.floats(0.05, 0.95), st.floats(0.05, 0.95))
def test_answers_raise_and_silence_lowers_belief_when_resolute_answer_more(prior, a, b):
    pr, pi = max(a, b), min(a, b)
    up, down = g.update_belief(prior, True, pr, pi), g.update_belief(prior, False, pr, pi)
    assert 0 <= down <= prior + 1e-12 <= up + 2e-12 <= 1 + 2e-12


def test_update_belief_is_vectorised():
    # (bad inputs: tests/bad_inputs.py)
    out = g.update_belief(np.array([0.2, 0.5, 0.8]), np.array([True, False, True]))
    assert out.shape == (3,)


def test_simulated_reputation_follows_the_policy():
    rng = np.random.default_rng(11)
    firm = g.simulate_reputation(rng, prior=0.5, p_answer=1.0, n_crises=12, n_runs=400)
    weak = g.simulate_reputation(rng, prior=0.5, p_answer=0.0, n_crises=12, n_runs=400)
    assert firm.belief_russia.shape == (400, 13) and firm.belief_audience.shape == (400, 13, 2)
    assert np.all(np.diff(firm.belief_russia, axis=1) >= -1e-12)    # answers never lower it
    assert np.all(np.diff(weak.belief_russia, axis=1) <= 1e-12)     # silence never raises it
    assert weak.crossed.sum() > firm.crossed.sum()                  # more crossings follow
    assert not np.any(firm.answered & ~firm.crossed)
    # no crossing, no update: beliefs move only in crises with a crossing
    moved = np.diff(weak.belief_russia, axis=1) != 0
    assert np.all(moved <= weak.crossed)
    # the audience sees the same crossings and answers: every observer's odds move by the same
    # likelihood ratio, so its final belief matches the closed form
    run = 0
    k_ans, k_un = firm.answered[run].sum(), (firm.crossed[run] & ~firm.answered[run]).sum()
    for j, prior in enumerate(firm.audience_priors):
        assert firm.belief_audience[run, -1, j] == pytest.approx(
            g.belief_after(prior, int(k_ans), int(k_un)), rel=1e-9)


def test_p_cross_is_one_minus_the_expected_answer_with_the_defaults():
    # defaults gain_max 2, damage 2, pR 0.9, pI 0.3: P = 1 - 2 a / 2 = 1 - a (exact)
    assert g.p_cross(0.0) == pytest.approx(0.7, abs=1e-12)
    assert g.p_cross(1.0) == pytest.approx(0.1, abs=1e-12)


# --- chicken -------------------------------------------------------------------------------------

def test_chicken_mixed_equilibrium_closed_form():
    # win 1, lose 1, crash 10: P(firm) = 1 / (1 + 10 - 1) = 0.1, P(crash) = 0.01 (exact)
    eq = g.mixed_equilibrium_2x2(*g.chicken(1, 1, 10))
    assert eq.p_row_first == pytest.approx(0.9, rel=1e-9) and eq.p_col_first == pytest.approx(0.9, rel=1e-9)
    assert g.chicken_crash_probability(1, 1, 10) == pytest.approx(0.01, rel=1e-9)
    # each player's expected payoff equals that of swerving: -lose * P(other firm) = -0.1
    assert eq.payoff_row == pytest.approx(-0.1, rel=1e-9)


@given(st.floats(0.1, 10), st.floats(0, 10), st.floats(0.1, 100))
def test_mixed_equilibrium_makes_the_opponent_indifferent(win, lose, extra):
    A, B = g.chicken(win, lose, lose + extra)
    eq = g.mixed_equilibrium_2x2(A, B)
    y = np.array([eq.p_col_first, 1 - eq.p_col_first])
    x = np.array([eq.p_row_first, 1 - eq.p_row_first])
    assert (A @ y)[0] == pytest.approx((A @ y)[1], abs=1e-9)
    assert (x @ B)[0] == pytest.approx((x @ B)[1], abs=1e-9)
    # a costlier crash makes standing firm rarer
    assert g.chicken_crash_probability(win, lose, lose + extra + 1) < g.chicken_crash_probability(
        win, lose, lose + extra)


# --- widgets -------------------------------------------------------------------------------------

def test_red_line_widget_turns_credible_when_unanswered_crossings_cost_more():
    from deterrence_lab.widgets.ch04 import RedLineExplorer

    w = RedLineExplorer()
    assert w.result["path"] == ("cross", "protest", "escalate")
    assert w.result["threat_nash"] and not w.result["threat_spe"] and not w.result["credible"]
    w.set(cost_unanswered=3.0)
    assert w.result["credible"] and w.result["path"] == ("refrain",) and w.result["threat_spe"]
    assert "credible" in w.readout.value
    w.reset()
    assert not w.result["credible"]


def test_reputation_widget_responds_to_policy():
    from deterrence_lab.widgets.ch04 import ReputationExplorer

    w = ReputationExplorer()
    firm = w.result["final_belief"]
    w.set(p_answer=0.0)
    assert w.result["final_belief"] < firm
    assert w.result["mean_crossings"] > 0
    w.set(n_crises=3)
    assert len(w.fig.axes[0].lines[0].get_xdata()) == 4


def test_tree_figure_draws_a_generic_tree_with_chance():
    from deterrence_lab.widgets.ch04 import fig_game_tree

    tree = Decision("A", (("safe", T(1, 0)),
                          ("gamble", Chance((("luck", 0.5, T(3, 1)), ("no_luck", 0.5, T(0, 0)))))))
    fig = fig_game_tree(tree, g.backward_induction(tree))
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert "luck (0.5)" in texts and "gamble" in texts


# --- reputation: the crossing rule is derived, not assumed (issue 14, finding 5) ----------

@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.floats(0.1, 5.0), st.floats(0.0, 5.0),
       st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_crossings_rise_as_credibility_falls_only_when_answers_reveal_resolve(mu1, mu2, gmax, d,
                                                                              pr, pi):
    lo, hi = sorted((mu1, mu2))
    a_lo, a_hi = g.p_cross(lo, gmax, d, pr, pi), g.p_cross(hi, gmax, d, pr, pi)
    # payoff comparison: cross when the gain beats the expected damage d * a(belief)
    a = g.p_answer_expected(lo, pr, pi)
    assert a_lo == pytest.approx(min(1.0, max(0.0, 1 - d * a / gmax)), abs=1e-12)
    if pr >= pi:
        assert a_lo >= a_hi - 1e-12     # less belief in resolve -> at least as many crossings
    else:
        assert a_lo <= a_hi + 1e-12


def test_no_trend_in_crossings_when_resolute_and_irresolute_answer_alike():
    flat = [g.p_cross(mu, 2.0, 2.0, 0.5, 0.5) for mu in (0.0, 0.3, 0.9)]
    assert max(flat) - min(flat) < 1e-12
    assert g.p_cross(0.2, 2.0, 0.0) == 1.0          # no damage: always cross


def test_a_weak_policy_brings_more_crossings_later_than_earlier():
    weak = g.simulate_reputation(np.random.default_rng(4), p_answer=0.3, n_crises=10, n_runs=2000)
    firm = g.simulate_reputation(np.random.default_rng(4), p_answer=0.9, n_crises=10, n_runs=2000)
    # standard error of a share over 2000 x 3 crises is about 0.006; margins are 5x that
    assert weak.crossed[:, -3:].mean() > weak.crossed[:, :3].mean() + 0.03
    assert firm.crossed[:, -3:].mean() < firm.crossed[:, :3].mean() - 0.03


def test_the_two_payoffs_of_further_use_are_separate():
    game = g.red_line_game(gain_escalate=1.0, loss_further_use=5.0)
    end = game.actions[1][1].actions[0][1].actions[1][1]      # cross, protest, escalate
    assert end.payoffs[g.RUSSIA] == pytest.approx(3.0, rel=1e-9) and end.payoffs[g.US] == pytest.approx(-6.0, rel=1e-9)
    # a larger US loss from further use makes the threat to strike credible (-3 > -6)
    assert g.backward_induction(game).plan[("cross",)] == "conventional_strikes"
    default = g.red_line_game()
    assert default.actions[1][1].actions[0][1].actions[1][1].payoffs[g.US] == pytest.approx(-2.0, rel=1e-9)

