"""Bad input is refused in plain words: every public function of every model module, called
with each bad input of the table in ``bad_inputs.py``, raises ValueError or TypeError naming
the parameter. Completeness tests fail when a module gains a function the table does not
list (every module in models/ and content/ is covered, found from the layout); every
widget accepts the values its own controls offer."""
from __future__ import annotations

import importlib
import inspect

import numpy as np
import pytest

from deterrence_lab import argument, law, seminar, sources, verdict
from deterrence_lab import command as c
from deterrence_lab.views import command as command_views
from deterrence_lab import escalation as esc
from deterrence_lab import games as g
from deterrence_lab import response as r
from deterrence_lab.models.games import Chance, Decision, Terminal
from deterrence_lab.views import seminar as views
from deterrence_lab.widgets._base import Explorer

from bad_inputs import (BAD_CASES, MODEL_MODULES, NAMED_AS, TABLE, function,
                        materialise, public_functions)


@pytest.mark.parametrize("module_name", MODEL_MODULES)
def test_table_covers_every_public_function(module_name):
    """Nothing is skipped silently: every public function of a present module is in the table."""
    listed = {name.split(".")[1] for name in TABLE if name.startswith(module_name + ".")}
    assert set(public_functions(module_name)) - listed == set(), \
        f"add these {module_name} functions to the bad-input table"
    assert listed - set(public_functions(module_name)) == set(), "table lists unknown functions"


@pytest.mark.parametrize("qualified", sorted(TABLE))
def test_table_entry_is_sound(qualified):
    """The good call works; at least three bad inputs, or none for a function without parameters."""
    good, bad = TABLE[qualified]
    call = function(qualified)
    call(**materialise(good))
    if inspect.signature(call).parameters:
        assert len(bad) >= 3, f"{qualified}: give at least three bad inputs"
    else:
        assert not bad


@pytest.mark.parametrize("qualified,index,param,replaced", BAD_CASES,
                         ids=[f"{n}-{p}-{i}" for n, i, p, _ in BAD_CASES])
def test_bad_input_is_refused_naming_the_parameter(qualified, index, param, replaced):
    good, _ = TABLE[qualified]
    with pytest.raises((ValueError, TypeError)) as caught:
        function(qualified)(**materialise({**good, **replaced}))
    named = [param] + ([NAMED_AS[qualified]] if qualified in NAMED_AS else [])
    assert any(n in str(caught.value) for n in named), \
        f"message does not name {param!r}: {caught.value}"



# Inconsistent shapes: two array arguments that cannot broadcast must be named in the error.
def _shape_cases():
    cases = []
    for name, (good, _) in sorted(TABLE.items()):
        numeric = [k for k, v in good.items()
                   if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if len(numeric) >= 2:
            cases.append(pytest.param(name, numeric[0], numeric[1], id=name))
    return cases


@pytest.mark.parametrize("qualified,first,second", _shape_cases())
def test_arguments_that_cannot_broadcast_are_named(qualified, first, second):
    good, _ = TABLE[qualified]
    call = {**good, first: np.full(2, good[first]), second: np.full(3, good[second])}
    with pytest.raises((ValueError, TypeError)) as caught:
        function(qualified)(**materialise(call))
    assert first in str(caught.value) or second in str(caught.value), str(caught.value)



# ---------------------------------------------------------------------------------------
# Widgets are driveable from Python with the values their own controls offer.
# ---------------------------------------------------------------------------------------

def _widget_classes():
    import pkgutil

    from deterrence_lab import widgets
    found = []
    for info in pkgutil.iter_modules(widgets.__path__):
        if info.name.startswith("ch"):
            module = importlib.import_module(f"deterrence_lab.widgets.{info.name}")
            found += [pytest.param(obj, id=f"{info.name}.{name}")
                      for name, obj in sorted(vars(module).items())
                      if inspect.isclass(obj) and obj.__module__ == module.__name__
                      and not name.startswith("_") and callable(getattr(obj, "set", None))]
    return found


def _good_values(control) -> list:
    """Values ``control`` can take: a menu's entries, or both ends of a slider's range (a
    log slider's min and max are exponents)."""
    if getattr(control, "options", None):
        return [o[1] if isinstance(o, tuple) else o for o in control.options]
    if hasattr(control, "base"):
        return [control.base ** control.max, control.base ** control.min]
    return [control.max, control.min]


@pytest.mark.parametrize("cls", _widget_classes())
def test_widget_accepts_its_own_control_values(cls):
    widget = cls()
    name, control = next(iter(widget.controls.items()))
    for value in _good_values(control)[:3]:
        widget.set(**{name: value})
        assert widget.controls[name].value == value
    with pytest.raises(ValueError, match="unknown|not one of|no_such_control"):
        widget.set(no_such_control=1)


# (the seminar panel and the verdict sheet check their own values: tests/test_seminar.py)
@pytest.mark.parametrize("cls", [p for p in _widget_classes() if issubclass(p.values[0], Explorer)])
def test_widget_refuses_a_value_its_controls_cannot_take_and_nothing_moves(cls):
    widget = cls()
    first = dict(widget.values)
    menu_or_slider = [(n, c) for n, c in widget.controls.items()
                      if getattr(c, "options", None) or hasattr(c, "max")]
    assert menu_or_slider
    for name, control in menu_or_slider:
        bad = "no such entry" if getattr(control, "options", None) else control.max * 10 + 1
        if hasattr(control, "base"):
            bad = control.base ** control.max * 10
        kwargs = {name: bad}
        for other, control_b in menu_or_slider:   # a good new value beside the bad one
            if other != name:
                kwargs[other] = next(v for v in _good_values(control_b) if v != first[other])
                break
        with pytest.raises(ValueError, match=name):
            widget.set(**kwargs)
        assert widget.values == first


# =======================================================================================
# Messages in detail: the exact error type and the words a refusal must contain, per
# model (the table above only asks that the parameter be named).
# =======================================================================================

def T(a, b):
    return Terminal({"A": a, "B": b})


def three_state(a, b):
    """Transient state 0 goes to end 1 with a, to end 2 with b, stays with 1 - a - b."""
    return np.array([[1 - a - b, a, b], [0, 1, 0], [0, 0, 1]], dtype=float)


BEFORE = {"moscow": "nuclear_signals", "washington": "private_warning", "kyiv": "advance",
          "nato_europe": "more_arms", "beijing": "urge_restraint"}
AFTER = {"moscow": "threaten_more", "washington": "conventional_strikes", "kyiv": "pause_offensive",
         "nato_europe": "back_washington", "beijing": "condemn_use"}
# A Day After game (it opens after a nuclear use): three rounds of answers.
SCRIPT = [AFTER, {**AFTER, "moscow": "pause_and_talk", "washington": "sanctions"}, AFTER]


# --- law ----------------------------------------------------------------------------

@pytest.mark.parametrize("call, bad, words", [
    (law.finding, "G", ["letter", "A, B, C"]),
    (law.finding, 1, ["letter"]),
    (law.finding, "a", ["letter"]),
    (law.paragraph, "105", ["number", "41"]),
    (law.paragraph, 42, ["number", "41"]),   # a whole number is read as text, then refused
    (law.paragraph, None, ["number"]),
    (law.scenario, "kherson", ["key", "zaporizhzhia_counteroffensive"]),
    (law.scenario, "", ["key"]),
    (law.scenario, 3, ["key"]),
    (law.question, "start", ["node", "armed_attack"]),
    (law.outcome, "verdict", ["node", "charter_breach"]),
    (law.statement, "x", ["key"]),
    (law.doctrine_comparison, "moon", ["scenario_key"]),
    (law.contrast_with_court, "moon", ["scenario_key"]),
])
def test_bad_keys_name_parameter_and_choices(call, bad, words):
    with pytest.raises(ValueError) as err:
        call(bad)
    for w in words:
        assert w in str(err.value)


@pytest.mark.parametrize("bad, error, words", [
    ({"armed_attack": "maybe"}, ValueError, ["answers['armed_attack']", "yes, no, unclear"]),
    ({"armed_atack": "yes"}, ValueError, ["answers key", "armed_attack"]),
    ({"armed_attack": True}, ValueError, ["answers['armed_attack']"]),
    (["yes"], TypeError, ["answers"]),
    ({"armed_attack": "yes"}, ValueError, ["necessity", "yes, no, unclear"]),
])
def test_walk_rejects_bad_answers(bad, error, words):
    with pytest.raises(error) as err:
        law.walk(bad)
    for w in words:
        assert w in str(err.value)


def test_next_question_and_condition_status_reject_bad_input():
    with pytest.raises(TypeError, match="answers"):
        law.next_question("yes")
    facts = dict(law.scenario("invasion_of_russia").facts)
    c = law.CONDITIONS[0]
    with pytest.raises(ValueError, match=r"facts\['wmd_attack'\].*claimed"):
        law.condition_status(c, {**facts, "wmd_attack": "perhaps"})
    with pytest.raises(ValueError, match="facts has no value for 'wmd_attack'"):
        law.condition_status(c, {k: v for k, v in facts.items() if k != "wmd_attack"})
    with pytest.raises(ValueError, match="facts key"):
        law.condition_status(c, {**facts, "nukes": "yes"})
    with pytest.raises(TypeError, match="condition"):
        law.condition_status("a", facts)
    with pytest.raises(TypeError, match="count_claimed"):
        law.invocable_count("invasion_of_russia", count_claimed="yes")


KEY_FUNCTIONS = [(law.finding, "letter"), (law.paragraph, "number"), (law.scenario, "key"),
                 (law.question, "node"), (law.outcome, "node"), (law.statement, "key"),
                 (law.doctrine_comparison, "scenario_key"), (law.contrast_with_court, "scenario_key"),
                 (law.invocable_count, "scenario_key")]


@pytest.mark.parametrize("call, name", KEY_FUNCTIONS)
@pytest.mark.parametrize("bad", ["nope", 3, None, ""])
def test_every_lookup_rejects_bad_keys(call, name, bad):
    with pytest.raises(ValueError, match=rf"^{name}=.* is not one of: "):
        call(bad)


@pytest.mark.parametrize("call", [law.trace, law.next_question, law.walk])
@pytest.mark.parametrize("bad, error, name", [
    (["armed_attack"], TypeError, "answers"),
    ({"armed": "yes"}, ValueError, "answers key"),
    ({"armed_attack": "maybe"}, ValueError, r"answers\['armed_attack'\]"),
    ({"armed_attack": 1}, ValueError, r"answers\['armed_attack'\]"),
])
def test_every_answer_function_rejects_bad_answers(call, bad, error, name):
    with pytest.raises(error, match=name):
        call(bad)


# --- command ------------------------------------------------------------------------

def test_feature_rejects_unknown_confidence():
    with pytest.raises(ValueError, match="confidence"):
        c.Feature("code locks", "x", "rumoured", "bbc2007")


@pytest.mark.parametrize("kwargs, error, word", [
    (dict(n=3, k=4, p=0.1), ValueError, "k="),
    (dict(n=3, k=1, p=1.5), ValueError, "p="),
    (dict(n=2.5, k=1, p=0.1), ValueError, "n="),
    (dict(n=3, k=1, p="half"), TypeError, "p="),
    (dict(n=0, k=0, p=0.1), ValueError, "n="),
])
def test_binomial_tail_rejects(kwargs, error, word):
    with pytest.raises(error, match=word):
        c.binomial_tail(**kwargs)


@pytest.mark.parametrize("kwargs, error, word", [
    (dict(n=3, k=4), ValueError, "k="),
    (dict(n=3, k=2, p_rogue=-0.1), ValueError, "p_rogue"),
    (dict(n=3, k=2, p_fail=2.0), ValueError, "p_fail"),
    (dict(n=3, k=1.5), ValueError, "k="),
    (dict(n=3, k=2, pal="yes"), TypeError, "pal"),
    (dict(n=3, k=2, release_time_h=-1.0), ValueError, "release_time_h"),
    (dict(n=3, k=2, member_time_h=0.0), ValueError, "member_time_h"),
    (dict(n=3, k=2, p_cutoff=float("nan")), ValueError, "p_cutoff"),
])
def test_command_risks_rejects(kwargs, error, word):
    args = dict(p_rogue=0.01, p_fail=0.05) | kwargs
    with pytest.raises(error, match=word):
        c.command_risks(**args)


@pytest.mark.parametrize("kwargs, error, word", [
    (dict(rng=2023), TypeError, "rng"),
    (dict(n_crises=0), ValueError, "n_crises"),
    (dict(k=5), ValueError, "k="),
    (dict(p_rogue=[0.1, 0.2]), ValueError, "p_rogue"),
])
def test_simulate_command_rejects(kwargs, error, word):
    args = dict(n=3, k=2, p_rogue=0.1, p_fail=0.1, n_crises=100, rng=np.random.default_rng(1)) | kwargs
    with pytest.raises(error, match=word):
        c.simulate_command(**args)


@pytest.mark.parametrize("call, error, word", [
    (lambda: c.design_family(0, 0.01, 0.05), ValueError, "n="),
    (lambda: c.design_family(3, 0.01, 0.05, k=2), ValueError, "k is varied"),
    (lambda: c.design_family(3, 1.2, 0.05), ValueError, "p_rogue"),
    (lambda: c.pareto_mask([0.1, 0.2], [0.1]), ValueError, "p_valid_fails"),
    (lambda: c.pareto_mask([0.1, -0.2], [0.1, 0.2]), ValueError, "p_unauthorised"),
    (lambda: c.pareto_mask("a", [0.1]), TypeError, "p_unauthorised"),
    (lambda: c.odds_in_words(1.5), ValueError, "p="),
    (lambda: c.odds_in_words([0.1, 0.2]), ValueError, "single"),
    (lambda: c.odds_in_words(None), TypeError, "p="),
    (lambda: c.get_profile("germany"), ValueError, "key="),
    (lambda: c.get_profile(3), ValueError, "key="),
    (lambda: c.get_profile(None), ValueError, "key="),
    (lambda: c.profile_risks("us", p_fail=-0.1), ValueError, "p_fail"),
    (lambda: c.profile_risks("uk", p_cutoff="high"), TypeError, "p_cutoff"),
    (lambda: command_views.profile_table("uk"), TypeError, "keys="),
    (lambda: c.profile_risks("us", p_rogue=3.0), ValueError, "p_rogue"),
    (lambda: command_views.profile_table(["narnia"]), ValueError, "key="),
    (lambda: command_views.profile_table(5), TypeError, "keys="),
    (lambda: command_views.profile_table([None]), ValueError, "key="),
])
def test_other_functions_reject(call, error, word):
    with pytest.raises(error, match=word):
        call()


# --- response -----------------------------------------------------------------------

@pytest.mark.parametrize("weights, error, word", [
    ({"deterrence": -1}, ValueError, "deterrence"),
    ({"deterence": 1}, ValueError, "weights key"),
    ({"deterrence": 0}, ValueError, "all zero"),
    ([1, 2, 3], ValueError, "weights"),
    ("heavy", TypeError, "weights"),
    ([1, 1, 1, 1, 1, float("nan")], ValueError, "weights"),
])
def test_bad_weights_are_refused(weights, error, word):
    with pytest.raises(error, match=word):
        r.weighted_scores(weights)


@pytest.mark.parametrize("overrides, word", [
    ({("protest", "deterrence"): (7, 5, 6)}, "low <= likely <= high"),
    ({("protest", "deterrence"): (1, 2, 11)}, "outside"),
    ({("retreat", "deterrence"): (1, 2, 3)}, "option"),
    ({("protest", "honour"): (1, 2, 3)}, "criterion"),
    ({"protest": (1, 2, 3)}, "pair"),
])
def test_bad_overrides_are_refused(overrides, word):
    with pytest.raises(ValueError, match=word):
        r.score_table(overrides)


def test_other_functions_refuse_bad_input():
    rng = np.random.default_rng(0)
    w = r.PRESETS["op-ed"]
    with pytest.raises(TypeError, match="rng"):
        r.rank_probabilities(w, 42)
    with pytest.raises(ValueError, match="n_draws"):
        r.rank_probabilities(w, rng, n_draws=0)
    with pytest.raises(ValueError, match="concentration"):
        r.rank_probabilities(w, rng, concentration=-1)
    with pytest.raises(ValueError, match="distribution"):
        r.sample_scores(10, rng, distribution="normal")
    with pytest.raises(ValueError, match="low <= likely"):
        r.sample_scores(10, rng, r.score_table()[::-1])
    with pytest.raises(ValueError, match="table"):
        r.sample_scores(10, rng, np.zeros((3, 2, 2)))
    with pytest.raises(ValueError, match="criterion"):
        r.reweight(w, "glory", 0.5)
    with pytest.raises(ValueError, match="new_weight"):
        r.reweight(w, "deterrence", 1.5)
    with pytest.raises(ValueError, match="option"):
        r.implied_weights(rng, "surrender")
    with pytest.raises(ValueError, match="n_samples"):
        r.implied_weights(rng, n_samples=-5)
    with pytest.raises(ValueError, match="scores"):
        r.sensitivity(w, np.zeros((2, 2)))
    with pytest.raises(ValueError, match="score_draws"):
        r.rank_probabilities(w, rng, n_draws=10, score_draws=np.zeros((5, 7, 6)))
    with pytest.raises(ValueError, match="concentration"):
        r.sample_weights(w, 0.0, 10, rng)
    with pytest.raises(TypeError, match="n_draws"):
        r.sample_weights(w, 5.0, "many", rng)
    with pytest.raises(TypeError, match="rng"):
        r.sample_weights(w, 5.0, 10, None)
    with pytest.raises(ValueError, match="stack"):
        r.sample_weights(np.ones((2, 6)), 5.0, 10, rng)
    with pytest.raises(ValueError, match="stack"):
        r.ranking(np.ones((2, 6)))
    with pytest.raises(ValueError, match="weights"):
        r.ranking({"deterrence": -2})
    with pytest.raises(ValueError, match="scores"):
        r.ranking(w, np.zeros((7, 5)))
    with pytest.raises(ValueError, match="all zero"):
        r.reweight({"deterrence": 0}, "deterrence", 0.5)
    with pytest.raises(ValueError, match="stack"):
        r.sensitivity(np.ones((3, 6)))
    with pytest.raises(ValueError, match="weights key"):
        r.sensitivity({"honour": 1})
    with pytest.raises(TypeError, match="rng"):
        r.implied_weights("seed")
    with pytest.raises(TypeError, match="overrides"):
        r.score_table([1, 2, 3])
    with pytest.raises(ValueError, match="three numbers"):
        r.score_table({("protest", "deterrence"): (1, 2)})
    with pytest.raises(ValueError, match="option"):
        r.get_score(3, "deterrence")
    with pytest.raises(ValueError, match="option"):
        r.get_score("retreat", "deterrence")
    with pytest.raises(ValueError, match="criterion"):
        r.get_score("protest", "honour")


# --- games --------------------------------------------------------------------------

@pytest.mark.parametrize("tree, error, word", [
    (Decision("A", ()), ValueError, "actions"),
    (Decision("A", (("x", T(0, 0)), ("x", T(1, 1)))), ValueError, "unique"),
    (Decision("", (("x", T(0, 0)),)), ValueError, "player"),
    (Chance((("h", 0.5, T(0, 0)), ("t", 0.6, T(0, 0)))), ValueError, "sum to"),
    (Chance((("h", -0.5, T(0, 0)), ("t", 1.5, T(0, 0)))), ValueError, "probabilities"),
    (Decision("A", (("x", Terminal({"B": 1})),)), ValueError, "no payoff"),
    (Decision("A", (("x", Terminal({"A": float("nan")})),)), ValueError, "payoff"),
    (Decision("A", (("x", Terminal({"A": "high"})),)), TypeError, "payoff"),
    (Decision("A", (("x", "leaf"),)), TypeError, "not a Decision"),
    ("tree", TypeError, "not a Decision"),
])
def test_bad_trees_are_refused(tree, error, word):
    with pytest.raises(error, match=word):
        g.backward_induction(tree)


def test_tree_helpers_refuse_non_trees():
    with pytest.raises(TypeError, match="not a Decision"):
        g.children("leaf")
    with pytest.raises(TypeError, match="not a Decision"):
        g.decision_nodes(42)
    with pytest.raises(ValueError, match="unique"):
        g.decision_nodes(Decision("A", (("x", T(0, 0)), ("x", T(1, 1)))))


def test_bad_plans_are_refused():
    tree = g.red_line_game()
    with pytest.raises(ValueError, match="no action"):
        g.is_nash_equilibrium(tree, {(): "refrain"})
    with pytest.raises(ValueError, match="not one of"):
        g.is_nash_equilibrium(tree, {**g.THREAT_PLAN, ("cross",): "nuke"})
    with pytest.raises(ValueError, match="not a decision node"):
        g.expected_payoffs(tree, {**g.THREAT_PLAN, ("refrain",): "stop"})
    with pytest.raises(TypeError, match="plan"):
        g.is_subgame_perfect(tree, ["refrain"])


@pytest.mark.parametrize("kwargs, word", [
    ({"gain_cross": -1}, "gain_cross"), ({"cost_war": float("inf")}, "cost_war"),
    ({"damage_strike": "a lot"}, "damage_strike"), ({"cost_strike": None}, "cost_strike"),
])
def test_red_line_game_refuses_bad_payoffs(kwargs, word):
    with pytest.raises((ValueError, TypeError), match=word):
        g.red_line_game(**kwargs)


def test_p_cross_and_simulation_refuse_bad_input():
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="belief"):
        g.p_cross(-0.2)
    with pytest.raises(ValueError, match="gain_max"):
        g.p_cross(0.5, 0.0)
    with pytest.raises(ValueError, match="damage"):
        g.p_cross(0.5, 2.0, -1.0)
    with pytest.raises(TypeError, match="belief"):
        g.p_cross("high")
    with pytest.raises(TypeError, match="rng"):
        g.simulate_reputation(1)
    with pytest.raises(ValueError, match="n_crises"):
        g.simulate_reputation(rng, n_crises=0)
    with pytest.raises(ValueError, match="p_answer"):
        g.simulate_reputation(rng, p_answer=2)
    with pytest.raises(ValueError, match="audience_priors"):
        g.simulate_reputation(rng, audience_priors=(0.5, 1.5))


def test_chicken_refuses_bad_input():
    with pytest.raises(ValueError, match="crash"):
        g.chicken(1, 5, 2)
    with pytest.raises(ValueError, match="win"):
        g.chicken(0, 1, 5)
    with pytest.raises(TypeError, match="lose"):
        g.chicken(1, "x", 5)
    with pytest.raises(ValueError, match="row_payoffs"):
        g.mixed_equilibrium_2x2(np.zeros((3, 2)), np.zeros((2, 2)))
    with pytest.raises(ValueError, match="no completely mixed"):
        g.mixed_equilibrium_2x2([[1, 1], [0, 0]], [[1, 0], [1, 0]])   # dominant strategies
    with pytest.raises(ValueError, match="crash"):
        g.chicken_crash_probability(1, 3, [5, 2])
    with pytest.raises(ValueError, match="win"):
        g.chicken_crash_probability(-1, 1, 5)
    with pytest.raises(TypeError, match="lose"):
        g.chicken_crash_probability(1, None, 5)
    with pytest.raises(TypeError, match="col_payoffs"):
        g.mixed_equilibrium_2x2(np.zeros((2, 2)), "matrix")


# --- escalation ---------------------------------------------------------------------

@pytest.mark.parametrize("bad, error", [(0, ValueError), (45, ValueError), (2.5, ValueError),
                                        ("3", TypeError), (True, TypeError)])
def test_kahn_rung_rejects_bad_numbers(bad, error):
    with pytest.raises(error, match="number"):
        esc.kahn_rung(bad)


@pytest.mark.parametrize("kwargs, name", [
    (dict(up=1.2, down=0.0, settle=0.0), "up"),
    (dict(up=0.1, down=[0, 0.1], settle=0.1), "down"),
    (dict(up=0.5, down=[0, .4, .4, .4, .4, .4, .4, 0], settle=0.3), "up \\+ down \\+ settle"),
    (dict(up=0.1, down=0.1, settle=0.1), "down"),  # down from the bottom state
    (dict(up=0.1, down=0.0, settle=float("nan")), "settle"),
    (dict(up="0.1", down=0.0, settle=0.1), "up"),
])
def test_ladder_matrix_rejects_bad_parameters(kwargs, name):
    with pytest.raises((ValueError, TypeError), match=name):
        esc.ladder_matrix(**kwargs)


@pytest.mark.parametrize("matrix, message", [
    ([[0.5, 0.5, 0.0]], "square"),
    ([[0.5, 0.4], [0.0, 1.0]], "sums to"),
    ([[1.2, -0.2], [0.0, 1.0]], "outside the valid range"),
    ([[0.5, 0.5], [0.5, 0.5]], "no absorbing state"),
    ([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]], "no absorbing state can be reached"),
    ("matrix", "number"),
])
def test_check_transition_matrix_rejects_invalid_chains(matrix, message):
    with pytest.raises((ValueError, TypeError), match=message):
        esc.check_transition_matrix(matrix)


@pytest.mark.parametrize("func", [esc.absorbing_states, esc.fundamental_matrix,
                                  esc.absorption_probabilities, esc.expected_steps])
@pytest.mark.parametrize("matrix, error", [
    ([[0.5, 0.4], [0.0, 1.0]], ValueError),        # a row not summing to 1
    ([[0.5, 0.5], [0.5, 0.5]], ValueError),        # no absorbing state
    ([[np.nan, 1.0], [0.0, 1.0]], ValueError),     # not a number
    (None, TypeError),
])
def test_exact_functions_reject_invalid_matrices(func, matrix, error):
    with pytest.raises(error, match="transition_matrix"):
        func(matrix)


@pytest.mark.parametrize("kwargs, name", [
    (dict(option="bombing"), "option"), (dict(start="peace"), "start"),
    (dict(start=11), "start"), (dict(up_scale=4.0), "up_scale"),
])
def test_ladder_outcome_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=name):
        esc.ladder_outcome(**kwargs)


def test_check_transition_matrix_rejects_bad_tolerance():
    with pytest.raises(ValueError, match="atol"):
        esc.check_transition_matrix(three_state(0.1, 0.1), atol=-1)


@pytest.mark.parametrize("kwargs, name, error", [
    (dict(option="surrender"), "option", ValueError),
    (dict(option=3), "option", ValueError),
    (dict(up_scale=-1), "up_scale", ValueError),
    (dict(settle_scale=[1, 2]), "settle_scale", ValueError),
    (dict(down_scale=None), "down_scale", TypeError),
])
def test_ladder_parameters_rejects_bad_input(kwargs, name, error):
    with pytest.raises(error, match=name):
        esc.ladder_parameters(**kwargs)


@pytest.mark.parametrize("start, max_steps, name", [
    (1, 10, "start"), (5, 10, "start"), (0, 0, "max_steps"), (0, 2.5, "max_steps"), ("x", 10, "start"),
])
def test_absorption_time_distribution_rejects_bad_input(start, max_steps, name):
    with pytest.raises((ValueError, TypeError), match=name):
        esc.absorption_time_distribution(three_state(0.1, 0.2), start, max_steps)


@pytest.mark.parametrize("kwargs, name, error", [
    (dict(n_paths=0), "n_paths", ValueError),
    (dict(n_paths=-5), "n_paths", ValueError),
    (dict(n_paths=2.5), "n_paths", ValueError),
    (dict(rng=42), "rng", TypeError),
    (dict(start="general_war"), "start", ValueError),
    (dict(max_steps=0), "max_steps", ValueError),
])
def test_simulate_absorption_rejects_bad_input(kwargs, name, error):
    args = dict(transition_matrix=esc.ladder_matrix(**esc.ladder_parameters()), start="first_use",
                n_paths=10, rng=np.random.default_rng(0)) | kwargs
    with pytest.raises(error, match=name):
        esc.simulate_absorption(**args)


@pytest.mark.parametrize("kwargs, name, error", [
    (dict(n_steps=-1), "n_steps", ValueError),
    (dict(n_steps="ten"), "n_steps", TypeError),
    (dict(rng=None), "rng", TypeError),
])
def test_sample_trajectories_rejects_bad_input(kwargs, name, error):
    args = dict(transition_matrix=three_state(0.1, 0.1), start=0, n_paths=3, n_steps=4,
                rng=np.random.default_rng(0)) | kwargs
    with pytest.raises(error, match=name):
        esc.sample_trajectories(**args)


@pytest.mark.parametrize("args, name, error", [
    ((1.5, 0.2, 0.1), "resolve_russia", ValueError),
    ((0.2, -0.1, 0.1), "resolve_nato", ValueError),
    ((0.2, 0.2, [0.1, 0.2]), "risk_step", ValueError),
    ((0.2, 0.2, 1.1), "risk_step", ValueError),
    (("high", 0.2, 0.1), "resolve_russia", TypeError),
])
def test_brinkmanship_rejects_bad_input(args, name, error):
    with pytest.raises(error, match=name):
        esc.brinkmanship(*args)


@pytest.mark.parametrize("args, name, error", [
    ((1.2, 10), "p_per_period", ValueError),
    ((-0.1, 10), "p_per_period", ValueError),
    ((0.1, -3), "n_periods", ValueError),
    ((0.1, "ten"), "n_periods", TypeError),
    ((None, 10), "p_per_period", TypeError),
])
def test_cumulative_risk_rejects_bad_input(args, name, error):
    with pytest.raises(error, match=name):
        esc.cumulative_risk(*args)


# --- seminar ------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, error, match", [
    ({"seed": -1}, ValueError, "seed"), ({"seed": 1.5}, ValueError, "seed"),
    ({"seed": "x"}, TypeError, "seed"), ({"teams": ["moscow", "kyiv"]}, ValueError, "washington"),
    ({"teams": ["moscow", "washington", "moscow"]}, ValueError, "twice"),
    ({"teams": ["moscow", "washington", "paris"]}, ValueError, "teams='paris'"),
    ({"teams": "moscow"}, TypeError, "teams"), ({"max_rounds": 0}, ValueError, "max_rounds"),
    ({"max_rounds": 9}, ValueError, "max_rounds"),
    ({"game_format": "tabletop"}, ValueError, "game_format"),
    ({"premise": "invasion"}, ValueError, "premise"),
    ({"assumptions": "optimistic"}, ValueError, "assumptions"),
])
def test_new_game_rejects_bad_settings(kwargs, error, match):
    with pytest.raises(error, match=match):
        seminar.new_game(**kwargs)


@pytest.mark.parametrize("choices, notes, error, match", [
    ({**AFTER, "kyiv": "nuclear_in_kind"}, None, ValueError, r"choices\['kyiv'\].*keep_advancing"),
    ({k: v for k, v in AFTER.items() if k != "kyiv"}, None, ValueError, "no move for 'kyiv'"),
    ({**AFTER, "paris": "advance"}, None, ValueError, "choices key='paris'"),
    (BEFORE, None, ValueError, "after a nuclear use"),
    ("advance", None, TypeError, "choices"),
    (AFTER, {"kyiv": "x" * 1001}, ValueError, r"notes\['kyiv'\]"),
    (AFTER, ["reason"], TypeError, "notes"),
])
def test_advance_rejects_bad_moves(choices, notes, error, match):
    with pytest.raises(error, match=match):
        seminar.advance(seminar.new_game(), choices, notes)

def test_reports_reject_bad_rounds_and_states():
    game = seminar.play(SCRIPT[:2], seed=1)
    with pytest.raises(ValueError, match="number=3"):
        seminar.consequences(game, 3)
    with pytest.raises(ValueError, match="no round has been played"):
        seminar.consequences(seminar.new_game(), 1)
    with pytest.raises(TypeError, match="state"):
        seminar.consequences(seminar.to_dict(game), 1)
    with pytest.raises(ValueError, match="seeds is empty"):
        seminar.outcome_counts(SCRIPT, seeds=[])
    with pytest.raises(FileNotFoundError):
        seminar.load("/nonexistent/save.json")


def test_lookups_reject_unknown_names():
    with pytest.raises(ValueError, match="key='rome'"):
        seminar.team("rome")
    with pytest.raises(ValueError, match="move of moscow"):
        seminar.move("moscow", "before", "further_use")
    with pytest.raises(ValueError, match="phase"):
        seminar.menu("moscow", "during")
    with pytest.raises(ValueError, match="phase"):
        views.menu_table("during")
    with pytest.raises(ValueError, match="roll"):
        seminar.read_band((("a", 1, 100),), 101)
    with pytest.raises(ValueError, match="row"):
        seminar.d100_bands({"a": 0.5})
    with pytest.raises(ValueError, match="claim_id"):
        verdict.verdict("C0")


def test_scripts_must_give_moves_for_the_phase_reached():
    with pytest.raises(ValueError, match="only for before"):
        # a hardline pre-crisis game that reaches a use needs "after" moves
        for seed in range(400):
            seminar.play([{"before": BEFORE}] * 6, seed=seed, game_format="pre_crisis")
    with pytest.raises(ValueError, match="only for before"):
        seminar.outcome_distribution([{"before": BEFORE}] * 6, game_format="pre_crisis")
    with pytest.raises(TypeError, match="script"):
        seminar.play("advance")


# --- argument -----------------------------------------------------------------------

@pytest.mark.parametrize("bad", ["C16", "c1", 1, None])
def test_unknown_claim_is_a_clear_error(bad):
    with pytest.raises(ValueError, match=r"claim_id=.* is not one of: C1, C2"):
        argument.claim(bad)


# --- sources ------------------------------------------------------------------------

def test_unknown_key_is_a_clear_error():
    with pytest.raises(KeyError, match="unknown source key 'glasstone1978'.*glasstone1977"):
        sources.cite("glasstone1978")


def test_check_boxes_and_number_boxes_refuse_other_values_before_anything_moves():
    from deterrence_lab.widgets import ch03, ch05

    command, trajectory = ch03.CommandExplorer(), ch05.TrajectoryExplorer()
    before = dict(command.values)
    with pytest.raises(ValueError, match="pal='yes' must be True or False"):
        command.set(n=before["n"] + 1, pal="yes")
    assert command.values == before
    for seed in ("abc", 2.5, -5, True):
        with pytest.raises(ValueError, match="seed=.* whole number"):
            trajectory.set(seed=seed)
