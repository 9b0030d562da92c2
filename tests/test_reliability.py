"""Reliability: bad input is refused in plain words, checks never raise, seeded results repeat,
notebooks run isolated (elsewhere, empty HOME, no network) and write nothing into the
repository, the launcher listens on 127.0.0.1 only and refuses requests without the token,
copying the course never overwrites, and saved seminar games refuse damaged files.

The bad-input table covers every public function of every model module present; a
completeness test fails when a module gains a function the table does not list.
"""
from __future__ import annotations

import importlib
import importlib.util
import inspect
import math

import numpy as np
import pytest

MODEL_MODULES = ("argument", "sources", "effects", "law", "command", "response", "games",
                 "escalation", "seminar")
PRESENT = tuple(m for m in MODEL_MODULES if importlib.util.find_spec(f"deterrence_lab.{m}"))
NAN, INF = math.nan, math.inf


class _Rng:
    """Placeholder in the table for a fresh ``np.random.default_rng(2023)`` at call time."""

    def __repr__(self):
        return "RNG"


RNG = _Rng()


def _materialise(kwargs: dict) -> dict:
    return {k: (np.random.default_rng(2023) if v is RNG else v) for k, v in kwargs.items()}


def public_functions(module_name: str) -> list[str]:
    """Module-level functions defined in the module itself whose names do not start with _."""
    module = importlib.import_module(f"deterrence_lab.{module_name}")
    return sorted(name for name, obj in vars(module).items()
                  if not name.startswith("_") and inspect.isfunction(obj)
                  and obj.__module__ == module.__name__)


# ---------------------------------------------------------------------------------------
# The bad-input table: "module.function": (good keyword arguments, [(parameter, bad value)]).
# Each bad call is the good call with one argument replaced (an optional third element
# replaces others too, for inconsistent shapes); it must raise ValueError or TypeError
# whose message names that parameter. Functions without parameters list no bad
# input (the completeness test checks they really take none).
# ---------------------------------------------------------------------------------------

def _table() -> dict:
    t: dict = {}
    if "argument" in PRESENT:
        for name in ("claim", "dependents", "foundations", "depth"):
            t[f"argument.{name}"] = ({"claim_id": "C1"}, [
                ("claim_id", "C999"), ("claim_id", 1), ("claim_id", None), ("claim_id", "")])
        t["argument.by_chapter"] = ({}, [])
        t["argument.table"] = ({}, [])
    if "sources" in PRESENT:
        for name in ("get", "reference"):
            t[f"sources.{name}"] = ({"key": "nederlof2023"}, [
                ("key", "nobody1999"), ("key", 2023), ("key", None), ("key", "")])
        t["sources.cite"] = ({"key": "nederlof2023", "where": "para 3"}, [
            ("key", "nobody1999"), ("key", None), ("where", 3), ("where", None)])
        t["sources.reference_list"] = ({"keys": ["nederlof2023"]}, [
            ("keys", ["nobody1999"]), ("keys", None), ("keys", "nederlof2023"), ("keys", [3])])
        t["sources.bibliography"] = ({}, [])
    if "law" in PRESENT:
        from deterrence_lab import law
        one = {k: "yes" for k in law.QUESTION_KEYS}
        lookups = {"finding": ("letter", "E"), "paragraph": ("number", "97"),
                   "question": ("node", "armed_attack"), "outcome": ("node", "charter_breach"),
                   "scenario": ("key", "long_range_strikes"),
                   "statement": ("key", "survival_lawful")}
        for name, (param, good) in lookups.items():
            t[f"law.{name}"] = ({param: good}, [
                (param, "no-such-thing"), (param, 5), (param, None), (param, "")])
        for name in ("trace", "next_question", "walk"):
            t[f"law.{name}"] = ({"answers": dict(one)}, [
                ("answers", "yes"), ("answers", {"armed_attack": "perhaps"}),
                ("answers", {"no_such_question": "yes"}), ("answers", None)])
        t["law.graph_edges"] = ({}, [])
        t["law.all_paths"] = ({}, [])
        facts = {k: "yes" for k in law.FACTS}
        t["law.condition_status"] = ({"condition": law.CONDITIONS[0], "facts": facts}, [
            ("condition", "WMD"), ("condition", None), ("facts", {"wmd_attack": "maybe"}),
            ("facts", "yes"), ("facts", {"no_such_fact": "yes"})])
        for name in ("doctrine_comparison", "contrast_with_court"):
            t[f"law.{name}"] = ({"scenario_key": "long_range_strikes"}, [
                ("scenario_key", "moon_landing"), ("scenario_key", 1), ("scenario_key", None)])
        t["law.invocable_count"] = ({"scenario_key": "long_range_strikes",
                                     "count_claimed": True}, [
            ("scenario_key", "moon_landing"), ("scenario_key", None), ("count_claimed", "yes"),
            ("count_claimed", 1)])
    if "command" in PRESENT:
        risk = {"n": 2, "k": 2, "p_rogue": 0.01, "p_fail": 0.05}
        t["command.binomial_tail"] = ({"n": 5, "k": 2, "p": 0.3}, [
            ("n", -1), ("n", 2.5), ("k", "two"), ("p", 1.5), ("p", NAN), ("p", [])])
        t["command.command_risks"] = ({**risk, "pal": True}, [
            ("n", 0), ("k", 3), ("p_rogue", -0.1), ("p_fail", INF), ("pal", "yes"),
            ("p_pal_defeat", 2.0), ("release_time_h", -1.0), ("k_predelegated", 1.5)])
        t["command.simulate_command"] = ({**risk, "n_crises": 500, "rng": RNG}, [
            ("n", "2"), ("k", 0), ("p_rogue", NAN), ("n_crises", -5), ("rng", 42),
            ("rng", None), ("custody", 1)])
        t["command.design_family"] = ({"n": 3, "p_rogue": 0.01, "p_fail": 0.05}, [
            ("n", 0), ("n", None), ("p_rogue", 7.0), ("p_fail", "low"), ("p_fail", [NAN])])
        t["command.pareto_mask"] = ({"p_unauthorised": [0.1, 0.2], "p_valid_fails": [0.2, 0.1]}, [
            ("p_unauthorised", [0.1]), ("p_unauthorised", [NAN, 0.2]), ("p_valid_fails", "x"),
            ("p_valid_fails", []), ("p_valid_fails", [0.2, 1.5])])
        t["command.odds_in_words"] = ({"p": 0.01}, [
            ("p", -0.5), ("p", 1.5), ("p", NAN), ("p", "rare"), ("p", None)])
        t["command.get_profile"] = ({"key": "us"}, [
            ("key", "atlantis"), ("key", 1), ("key", None)])
        t["command.profile_risks"] = ({"key": "uk", "p_rogue": 0.01}, [
            ("key", "atlantis"), ("p_rogue", 1.5), ("p_fail", NAN), ("p_cutoff", "some")])
        t["command.profile_table"] = ({"keys": ["us", "uk"]}, [
            ("keys", ["atlantis"]), ("keys", "us"), ("keys", 5), ("keys", [None])])
    if "response" in PRESENT:
        from deterrence_lab import response
        n_crit = len(response.CRITERION_KEYS)
        w = {"deterrence": 2.0, "escalation_safety": 1.0}
        t["response.get_score"] = ({"option": "sanctions", "criterion": "deterrence"}, [
            ("option", "prayer"), ("option", None), ("criterion", "beauty"), ("criterion", 3)])
        t["response.score_table"] = ({"overrides": {("sanctions", "deterrence"): (1, 2, 3)}}, [
            ("overrides", [1, 2, 3]), ("overrides", {("prayer", "deterrence"): (1, 2, 3)}),
            ("overrides", {("sanctions", "deterrence"): (3, 2, 1)}),
            ("overrides", {("sanctions", "deterrence"): (1, 2, NAN)}),
            ("overrides", {("sanctions", "deterrence"): (1, 2)})])
        weight_bad = [("weights", {"beauty": 1.0}), ("weights", [1.0] * (n_crit + 1)),
                      ("weights", [0.0] * n_crit), ("weights", [-1.0] + [1.0] * (n_crit - 1)),
                      ("weights", "equal"), ("weights", [NAN] * n_crit)]
        t["response.normalise_weights"] = ({"weights": w}, weight_bad)
        table = response.score_table()
        for name in ("weighted_scores", "ranking"):
            t[f"response.{name}"] = ({"weights": w, "scores": table[1]}, weight_bad[:3] + [
                ("scores", table[1][:, :2]), ("scores", "high"), ("scores", table[1] * NAN)])
        t["response.sensitivity"] = ({"weights": w, "scores": table[1]}, weight_bad[:3] + [
            ("scores", table), ("scores", "x"), ("scores", table[1] * INF)])
        t["response.sample_scores"] = ({"n_draws": 10, "rng": RNG, "table": table}, [
            ("n_draws", 0), ("n_draws", 2.5), ("rng", 1), ("table", table[:2]),
            ("table", table[::-1]), ("distribution", "normal")])
        t["response.sample_weights"] = ({"weights": w, "concentration": 10.0, "n_draws": 5,
                                         "rng": RNG}, [
            ("weights", "x"), ("concentration", 0.0), ("concentration", NAN), ("n_draws", -1),
            ("rng", "seed")])
        t["response.rank_probabilities"] = ({"weights": w, "rng": RNG, "n_draws": 50}, [
            ("weights", {"beauty": 1}), ("rng", None), ("n_draws", 0), ("concentration", -1.0),
            ("table", table[:1]), ("distribution", "uniform"),
            ("score_draws", np.zeros((3, 2, 2)))])
        t["response.reweight"] = ({"weights": w, "criterion": "deterrence", "new_weight": 0.5}, [
            ("weights", [1.0]), ("criterion", "beauty"), ("criterion", None),
            ("new_weight", 1.5), ("new_weight", NAN)])
        t["response.implied_weights"] = ({"rng": RNG, "option": "sanctions", "n_samples": 100}, [
            ("rng", 7), ("option", "prayer"), ("n_samples", 0), ("n_samples", "many"),
            ("scores", table[1][:3])])
    if "games" in PRESENT:
        from deterrence_lab import games
        tree = games.red_line_game()
        plan = dict(games.THREAT_PLAN)
        broken = games.Decision("A", (("x", games.Terminal({"A": 1.0})),
                                      ("x", games.Terminal({"A": 2.0}))))
        bad_chance = games.Chance((("a", 0.5, games.Terminal({"A": 1.0})),
                                   ("b", 0.7, games.Terminal({"A": 0.0}))))
        tree_bad = [("tree", "tree"), ("tree", None), ("tree", broken), ("tree", bad_chance),
                    ("tree", games.Terminal({"A": NAN}))]
        for name in ("children", "validate_tree", "decision_nodes", "backward_induction"):
            param = "node" if name == "children" else "tree"
            bad = [(param, v) for _, v in tree_bad] if param == "tree" else [
                (param, "tree"), (param, None), (param, 5), (param, (tree,))]
            t[f"games.{name}"] = ({param: tree}, bad)
        plan_bad = [("plan", None), ("plan", {(): "refrain"}), ("plan", {**plan, (): "dance"}),
                    ("plan", {**plan, ("nowhere",): "stop"})]
        for name in ("expected_payoffs", "deviation_gains", "is_nash_equilibrium",
                     "is_subgame_perfect"):
            t[f"games.{name}"] = ({"tree": tree, "plan": plan}, tree_bad[:3] + plan_bad)
        t["games.red_line_game"] = ({"gain_cross": 2.0}, [
            ("gain_cross", "big"), ("gain_cross", NAN), ("cost_war", INF), ("cost_strike", None),
            ("damage_strike", [1.0, 2.0])])
        t["games.update_belief"] = ({"prior": 0.5, "responded": True}, [
            ("prior", 1.5), ("prior", NAN), ("responded", "yes"),
            ("p_respond_resolute", -0.1), ("p_respond_irresolute", None)])
        t["games.belief_after"] = ({"prior": 0.5, "n_answered": 2, "n_unanswered": 1}, [
            ("prior", -0.1), ("n_answered", -1), ("n_unanswered", 1.5), ("n_answered", "two"),
            ("p_respond_resolute", INF)])
        t["games.p_cross"] = ({"belief": 0.4}, [
            ("belief", 1.2), ("belief", "half"), ("belief", []), ("p_cross_max", NAN)])
        t["games.simulate_reputation"] = ({"rng": RNG, "n_runs": 20}, [
            ("rng", 5), ("prior", 2.0), ("p_answer", NAN), ("n_crises", 0), ("n_runs", 2.5),
            ("audience_priors", "few"), ("audience_priors", (0.3, 1.7))])
        t["games.chicken"] = ({"win": 1.0}, [
            ("win", "a lot"), ("lose", NAN), ("crash", INF), ("crash", None), ("win", [1.0, 2.0])])
        t["games.mixed_equilibrium_2x2"] = ({"row_payoffs": [[0, -1], [1, -10]],
                                             "col_payoffs": [[0, 1], [-1, -10]]}, [
            ("row_payoffs", [[0, 1, 2], [1, 2, 3]]), ("row_payoffs", "matrix"),
            ("col_payoffs", [[0, NAN], [1, 2]]), ("col_payoffs", [])])
        t["games.chicken_crash_probability"] = ({"win": 1.0}, [
            ("win", "x"), ("lose", NAN), ("crash", None), ("crash", INF)])
    if "escalation" in PRESENT:
        from deterrence_lab import escalation
        params = {k: v.tolist() for k, v in escalation.ladder_parameters().items()}
        P = escalation.ladder_matrix(**params)
        not_stochastic = P.copy()
        not_stochastic[0, 0] += 0.5
        matrix_bad = [("transition_matrix", P[:, :3]), ("transition_matrix", not_stochastic),
                      ("transition_matrix", P * NAN), ("transition_matrix", "P"),
                      ("transition_matrix", [])]
        t["escalation.kahn_rung"] = ({"number": 3}, [
            ("number", 0), ("number", 45), ("number", 2.5), ("number", "three")])
        t["escalation.ladder_matrix"] = (params, [
            ("up", params["up"][:3]), ("up", [NAN] * len(params["up"])), ("down", "x"),
            ("settle", [0.9] * len(params["settle"])), ("settle", [])])
        t["escalation.ladder_parameters"] = ({"option": escalation.OPTION_KEYS[0]}, [
            ("option", "prayer"), ("option", 3), ("up_scale", -1.0), ("down_scale", NAN),
            ("settle_scale", "x")])
        for name in ("check_transition_matrix", "absorbing_states", "fundamental_matrix",
                     "absorption_probabilities", "expected_steps"):
            t[f"escalation.{name}"] = ({"transition_matrix": P}, matrix_bad)
        t["escalation.absorption_time_distribution"] = (
            {"transition_matrix": P, "start": "first_use", "max_steps": 20},
            matrix_bad[:3] + [("start", "settlement"), ("start", "moon"), ("start", 99),
                              ("max_steps", 0), ("max_steps", 2.5)])
        t["escalation.simulate_absorption"] = (
            {"transition_matrix": P, "start": "first_use", "n_paths": 100, "rng": RNG},
            matrix_bad[:3] + [("start", -1), ("n_paths", 0), ("rng", 1), ("max_steps", "x")])
        t["escalation.sample_trajectories"] = (
            {"transition_matrix": P, "start": 0, "n_paths": 10, "n_steps": 5, "rng": RNG},
            matrix_bad[:3] + [("start", "general_war"), ("n_paths", -3), ("n_steps", 1.5),
                              ("rng", None)])
        t["escalation.ladder_outcome"] = ({"option": escalation.OPTION_KEYS[0]}, [
            ("option", "prayer"), ("start", "moon"), ("start", "general_war"),
            ("up_scale", -2.0), ("no_such_scale", 1.0)])
        t["escalation.nuclear_use_probability"] = ({"transition_matrix": P}, matrix_bad[:3] + [
            ("start", "moon"), ("start", 1.5)])
        t["escalation.brinkmanship"] = ({"resolve_russia": 0.5, "resolve_nato": 0.4,
                                         "risk_step": 0.05}, [
            ("resolve_russia", -0.1), ("resolve_nato", NAN), ("risk_step", [0.1, 0.2]),
            ("risk_step", "x"), ("resolve_nato", [0.1, 0.2, 0.3], {"resolve_russia": [0.1, 0.2]})])
        t["escalation.cumulative_risk"] = ({"p_per_period": 0.01, "n_periods": 10}, [
            ("p_per_period", 1.5), ("p_per_period", NAN), ("n_periods", -1),
            ("n_periods", "ten"), ("p_per_period", [])])
    return t


TABLE = _table()
BAD_CASES = [(name, i, case[0], {case[0]: case[1], **(case[2] if len(case) > 2 else {})})
             for name, (good, bad) in TABLE.items() for i, case in enumerate(bad)]


def _function(qualified: str):
    module_name, name = qualified.split(".")
    return getattr(importlib.import_module(f"deterrence_lab.{module_name}"), name)


@pytest.mark.parametrize("module_name", PRESENT)
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
    function = _function(qualified)
    function(**_materialise(good))
    if inspect.signature(function).parameters:
        assert len(bad) >= 3, f"{qualified}: give at least three bad inputs"
    else:
        assert not bad


@pytest.mark.parametrize("qualified,index,param,replaced", BAD_CASES,
                         ids=[f"{n}-{p}-{i}" for n, i, p, _ in BAD_CASES])
def test_bad_input_is_refused_naming_the_parameter(qualified, index, param, replaced):
    good, _ = TABLE[qualified]
    with pytest.raises((ValueError, TypeError)) as caught:
        _function(qualified)(**_materialise({**good, **replaced}))
    assert param in str(caught.value), f"message does not name {param!r}: {caught.value}"


# ---------------------------------------------------------------------------------------
# Exercise checks: every real question, any answer, never an exception.
# ---------------------------------------------------------------------------------------

def _questions() -> list:
    import pkgutil

    from deterrence_lab import checks
    from deterrence_lab.checks import Question
    found = []
    for info in pkgutil.iter_modules(checks.__path__):
        if info.name.startswith("ch"):
            module = importlib.import_module(f"deterrence_lab.checks.{info.name}")
            found += [(f"{info.name}.{name}", obj) for name, obj in sorted(vars(module).items())
                      if isinstance(obj, Question)]
    return found


QUESTIONS = _questions()


def _raises(*_args):
    raise RuntimeError("a student's function that fails")


STRANGE_ANSWERS = [
    None, 0, -1, 10**400, 1e308, -1e308, INF, NAN, True, "", "   ", "a long text " * 50,
    b"bytes", [], [[]], [[1, 2], [3]], np.zeros((3, 4)), np.array([]), np.array(["x"]),
    {}, {"x": ...}, {1: 2}, set(), ("A", 5), object(), Ellipsis, _raises, lambda *a: None,
    lambda *a: "text", lambda *a: np.ones(5), lambda *a: 10**400, lambda: 1, print, type,
]


def test_every_chapter_with_checks_has_questions():
    chapters = {name.split(".")[0] for name, _ in QUESTIONS}
    assert "ch00" in chapters and len(QUESTIONS) >= 5


@pytest.mark.parametrize("label,question", QUESTIONS, ids=[n for n, _ in QUESTIONS])
def test_check_explains_and_never_raises(label, question):
    from deterrence_lab.checks import CORRECT, NOT_ATTEMPTED, NOT_YET, RECORDED
    for answer in STRANGE_ANSWERS:
        outcome = question.check(answer)
        assert outcome.status in (NOT_ATTEMPTED, NOT_YET, CORRECT, RECORDED), (label, answer)
        assert outcome.message.strip(), (label, answer)
        assert isinstance(outcome._repr_markdown_(), str) and repr(outcome)
        if outcome.status == NOT_YET:  # an explanation, not a bare verdict
            assert len(outcome.message) > 10, (label, answer, outcome.message)
    assert question.check(...).status == NOT_ATTEMPTED
    assert str(question.hint()) and str(question.solution())
    for level in (0, -1, 99, "one", None):
        assert str(question.hint(level))


# ---------------------------------------------------------------------------------------
# Determinism: every seeded model function gives the same result for the same seed.
# ---------------------------------------------------------------------------------------

SEEDED = sorted(name for name, (good, _) in TABLE.items() if any(v is RNG for v in good.values()))


def _fingerprint(result) -> bytes:
    import pickle
    return pickle.dumps(result)


def test_seeded_functions_exist_in_table():
    assert len(SEEDED) >= min(3, len(PRESENT))


@pytest.mark.parametrize("qualified", SEEDED)
def test_seeded_results_repeat_and_depend_on_the_seed(qualified):
    good, _ = TABLE[qualified]
    function = _function(qualified)
    first = _fingerprint(function(**_materialise(good)))
    again = _fingerprint(function(**_materialise(good)))
    assert first == again, f"{qualified}: same seed, different result"
    other = {k: (np.random.default_rng(99) if v is RNG else v) for k, v in good.items()}
    assert _fingerprint(function(**other)) != first, f"{qualified}: the seed has no effect"
