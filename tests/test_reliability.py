"""Reliability: bad input is refused in plain words, checks never raise, seeded results repeat,
notebooks run isolated (elsewhere, empty HOME, no network) and write nothing into the
repository, the launcher listens on 127.0.0.1 only and refuses requests without the token,
copying the course never overwrites, saved seminar games refuse damaged files, and no model
call balloons a kernel's memory.

The bad-input table covers every public function of every model module present; a
completeness test fails when a module gains a function the table does not list, and another
when the package gains a module that is neither a model nor known infrastructure.
"""
from __future__ import annotations

import atexit
import importlib
import importlib.util
import inspect
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pkgutil

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import deterrence_lab.content
import deterrence_lab.models

# The modules whose public functions take student input: everything in models/ and content/,
# found from the package layout (a new module there is covered without editing this file).
_SUBPACKAGE = {info.name: pkg.__name__
               for pkg in (deterrence_lab.models, deterrence_lab.content)
               for info in pkgutil.iter_modules(pkg.__path__) if not info.name.startswith("_")}
MODEL_MODULES = tuple(sorted(_SUBPACKAGE))
PRESENT = MODEL_MODULES
NAN, INF = math.nan, math.inf
ROOT = Path(__file__).resolve().parents[1]


class _Rng:
    """Placeholder in the table for a fresh ``np.random.default_rng(2023)`` at call time."""

    def __repr__(self):
        return "RNG"


RNG = _Rng()


def _materialise(kwargs: dict) -> dict:
    return {k: (np.random.default_rng(2023) if v is RNG else v) for k, v in kwargs.items()}


def public_functions(module_name: str) -> list[str]:
    """Module-level functions defined in the module itself whose names do not start with _."""
    module = importlib.import_module(f"{_SUBPACKAGE[module_name]}.{module_name}")
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
    if "glossary" in PRESENT:
        t["glossary.glossary_table"] = ({}, [("terms", None), ("terms", "backward induction"),
                                             ("terms", [3]), ("terms", 7)])
    if "effects" in PRESENT:
        yield_bad = [("yield_kt", -5.0), ("yield_kt", NAN), ("yield_kt", "15 kt"),
                     ("yield_kt", [])]
        t["effects.overpressure_psi"] = ({"yield_kt": 15.0, "ground_range_km": [0.5, 1.0]},
                                         yield_bad + [("ground_range_km", -1.0),
                                                      ("height_m", INF)])
        t["effects.blast_range_km"] = ({"yield_kt": 15.0, "psi": 5.0}, yield_bad + [
            ("psi", 0.0), ("psi", "five"), ("height_m", -10.0)])
        t["effects.optimum_height_m"] = ({"yield_kt": 15.0, "psi": 5.0}, yield_bad[:3] + [
            ("psi", -1.0), ("psi", None)])
        t["effects.casualties"] = ({"yield_kt": 15.0, "density_per_km2": 5000.0}, yield_bad + [
            ("yield_kt", [1.0, 2.0]), ("density_per_km2", -1.0), ("density_per_km2", NAN),
            ("height_m", [100.0, 200.0])])
        t["effects.density_preset"] = ({"name": "town"}, [
            ("name", "metropolis"), ("name", None), ("name", 1000)])
        t["effects.fireball_radius_km"] = ({"yield_kt": 15.0}, yield_bad + [("surface", "yes")])
        slant = {"yield_kt": 15.0, "slant_range_km": 1.5}
        t["effects.prompt_dose_rem"] = (slant, yield_bad[:3] + [
            ("slant_range_km", -1.0), ("slant_range_km", "far"), ("enhanced_radiation", 1)])
        t["effects.armour_protected_dose_rem"] = ({**slant, "transmission": 0.3}, [
            ("yield_kt", -1.0), ("slant_range_km", NAN), ("transmission", 1.5),
            ("transmission", "thick"), ("surface", None)])
        t["effects.prompt_dose_range_km"] = ({"yield_kt": 15.0, "dose_rem": 600.0}, [
            ("yield_kt", NAN), ("dose_rem", -1.0), ("dose_rem", "lethal"),
            ("transmission", 2.0), ("height_m", -5.0)])
        t["effects.thermal_fluence_cal_cm2"] = (slant, yield_bad[:3] + [
            ("slant_range_km", 0.0 - 1.0), ("transmittance", 1.5), ("transmittance", NAN)])
        t["effects.thermal_range_km"] = ({"yield_kt": 15.0, "fluence_cal_cm2": 8.0}, [
            ("yield_kt", -1.0), ("fluence_cal_cm2", -8.0), ("fluence_cal_cm2", "hot"),
            ("transmittance", 0.0 - 0.5), ("height_m", INF)])
        t["effects.burn_threshold_cal_cm2"] = ({"yield_kt": 15.0, "degree": 3}, yield_bad[:3] + [
            ("degree", 4), ("degree", "third"), ("degree", 2.5)])
        t["effects.local_fallout_expected"] = ({"yield_kt": 15.0, "height_m": 0.0},
                                               yield_bad[:3] + [
            ("height_m", -100.0), ("height_m", NAN), ("height_m", "ground")])
        t["effects.fallout_dose_rate"] = ({"t_hours": 2.0, "rate_at_1h": 1000.0}, [
            ("t_hours", 0.0), ("t_hours", -1.0), ("t_hours", "soon"), ("rate_at_1h", -5.0),
            ("rate_at_1h", NAN)])
        t["effects.fallout_dose_rem"] = ({"rate_at_1h": 1000.0, "t_start_h": 1.0,
                                          "t_end_h": 24.0}, [
            ("rate_at_1h", -1.0), ("t_start_h", 0.0), ("t_end_h", 0.5), ("t_end_h", INF),
            ("t_start_h", "dawn")])
        t["effects.fallout_contour_km"] = ({"yield_kt": 15.0, "rate_at_1h": 100.0}, [
            ("yield_kt", -1.0), ("rate_at_1h", -5.0), ("rate_at_1h", NAN), ("wind_kmh", 500.0),
            ("wind_kmh", "breezy"), ("fission_fraction", 1.5)])
        for name in ("emp_ground_radius_km", "emp_tangent_distance_km"):
            t[f"effects.{name}"] = ({"burst_height_km": 400.0}, [
                ("burst_height_km", -1.0), ("burst_height_km", NAN),
                ("burst_height_km", "high"), ("burst_height_km", [])])
        points = {"lat1_deg": 50.45, "lon1_deg": 30.52, "lat2_deg": 52.37, "lon2_deg": 4.90}
        for name in ("great_circle_km", "initial_bearing_deg"):
            t[f"effects.{name}"] = (points, [
                ("lat1_deg", 91.0), ("lon1_deg", 181.0), ("lat2_deg", NAN), ("lon2_deg", "east"),
                ("lat2_deg", [1.0, 2.0], {"lat1_deg": [1.0, 2.0, 3.0]})])
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
        t["command.verdict_table"] = ({}, [])
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
            ("scores", table), ("scores", "x"), ("scores", np.full_like(table[1], INF))])
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
    if "seminar" in PRESENT:
        from deterrence_lab import seminar
        game = seminar.new_game(seed=7)
        script = list(seminar.DEMO_SCRIPT)
        first = {k: v for k, v in script[0].items() if k in game.teams}
        state_bad = [("state", None), ("state", "game"), ("state", seminar.to_dict(game))]
        t["seminar.team"] = ({"key": "moscow"}, [("key", "paris"), ("key", None), ("key", 1)])
        t["seminar.stage"] = ({"state": game}, state_bad)
        t["seminar.menu"] = ({"team_key": "moscow", "phase": "before"}, [
            ("team_key", "paris"), ("team_key", None), ("phase", "during"), ("phase", 1)])
        t["seminar.move"] = ({"team_key": "moscow", "phase": "after", "key": first["moscow"]}, [
            ("team_key", "paris"), ("phase", -1), ("key", "invade_mars"), ("key", None)])
        t["seminar.label"] = ({"state_key": "first_use"}, [
            ("state_key", "moon"), ("state_key", None), ("state_key", 3)])
        t["seminar.in_sentence"] = ({"state_key": "first_use"}, [
            ("state_key", "moon"), ("state_key", None), ("state_key", 3)])
        t["seminar.fresh_seed"] = ({}, [])
        t["seminar.new_game"] = ({"seed": 3}, [
            ("seed", -1), ("seed", 2.5), ("seed", "lucky"), ("teams", ("moscow",)),
            ("teams", ("moscow", "washington", "paris")), ("max_rounds", 99),
            ("max_rounds", 0), ("game_format", "tabletop"), ("premise", "invasion"),
            ("assumptions", "rosy")])
        t["seminar.answer_parameters"] = ({"option": "protest"}, [
            ("option", "prayer"), ("assumptions", "rosy"), ("up_scale", -1.0)])
        t["seminar.assumption_set"] = ({"assumptions": "central"}, [
            ("assumptions", "rosy"), ("assumptions", None), ("assumptions", 1)])
        t["seminar.points"] = ({"moves": seminar.menu("moscow", "before")}, [
            ("moves", None), ("moves", "seek_talks"), ("moves", [1, 2])])
        t["seminar.round_parameters"] = ({"option": None, "pressure": 1, "talk": 0}, [
            ("pressure", 9), ("talk", -1), ("pressure", 0.5), ("option", "prayer")])
        t["seminar.transition_row"] = (
            {"state_key": "first_use", "option": None, "pressure": 0, "talk": 0}, [
                ("state_key", "settlement"), ("state_key", "moon"), ("pressure", 9),
                ("option", "prayer")])
        t["seminar.d100_bands"] = ({"row": {"a": 0.25, "b": 0.75}}, [
            ("row", {}), ("row", None), ("row", {"a": 0.5}), ("order", ["c"])])
        t["seminar.state_bands"] = (
            {"state_key": "conventional_war", "row": {"conventional_war": 0.9,
                                                     "settlement": 0.1}}, [
                ("state_key", "moon"), ("row", {}), ("row", {"general_war": 1.0})])
        t["seminar.paper_cuts"] = (
            {"state_key": "first_use", "option": None, "pressure": 0, "talk": 0}, [
                ("state_key", "moon"), ("pressure", 7), ("talk", "x"), ("option", "prayer")])
        t["seminar.paper_states"] = ({"phase": "after"}, [
            ("phase", "during"), ("phase", None), ("phase", 1)])
        t["seminar.roll_d100"] = ({"seed": 1, "number": 1}, [
            ("seed", -1), ("seed", "x"), ("number", 0), ("number", 1.5)])
        t["seminar.read_band"] = ({"bands": (("a", 1, 100),), "roll": 5}, [
            ("roll", 0), ("roll", 101), ("bands", None), ("bands", (("a", 1, 50),), {"roll": 70})])
        t["seminar.chain_parameters"] = ({"state": game, "choices": first}, state_bad + [
            ("choices", None), ("choices", {**first, "moscow": "invade_mars"}),
            ("choices", {"moscow": first["moscow"]})])
        t["seminar.advance"] = ({"state": game, "choices": first}, state_bad + [
            ("choices", "all quiet"), ("choices", {**first, "paris": "protest"}),
            ("notes", "memo"), ("notes", {"moscow": "x" * 5000})])
        t["seminar.play"] = ({"script": script, "seed": 1}, [
            ("script", "demo"), ("script", [{"moscow": "invade_mars"}]), ("script", None),
            ("seed", -5), ("max_rounds", 0)])
        t["seminar.outcome_counts"] = ({"script": script, "seeds": range(3)}, [
            ("seeds", []), ("seeds", None), ("seeds", ["a"]), ("script", 5)])
        t["seminar.outcome_distribution"] = ({"script": script}, [
            ("script", "demo"), ("script", None), ("rounded", "yes"),
            ("game_format", "tabletop")])
        played = seminar.play(script, seed=1)
        t["seminar.consequences"] = ({"state": played, "number": 1}, state_bad + [
            ("number", 0), ("number", 99), ("number", "first")])
        t["seminar.to_dict"] = ({"state": game}, state_bad)
        t["seminar.to_json"] = ({"state": game}, state_bad)
        t["seminar.from_dict"] = ({"data": seminar.to_dict(game)}, [
            ("data", None), ("data", []), ("data", {**seminar.to_dict(game), "version": 99}),
            ("data", {**seminar.to_dict(game), "format": "other"})])
        t["seminar.from_json"] = ({"text": seminar.to_json(game)}, [
            ("text", None), ("text", 5), ("text", seminar.to_json(game)[:40]),
            ("text", b"\xff\xfe")])
        t["seminar.save"] = ({"state": game, "path": os.devnull}, state_bad)
        folder = Path(tempfile.mkdtemp(prefix="dl-saves-"))
        atexit.register(shutil.rmtree, folder, True)
        seminar.save(game, folder / "good.json")
        (folder / "cut.json").write_text(seminar.to_json(game)[:-30])
        (folder / "old.json").write_text(seminar.to_json(game).replace(
            f'"version": {seminar.FORMAT_VERSION}', '"version": 0'))
        (folder / "image.json").write_bytes(bytes(range(256)))
        t["seminar.load"] = ({"path": folder / "good.json"}, [
            ("path", folder / "cut.json"), ("path", folder / "old.json"),
            ("path", folder / "image.json")])
    if "verdict" in PRESENT:
        t["verdict.verdict"] = ({"claim_id": "C1"}, [
            ("claim_id", "C99"), ("claim_id", None), ("claim_id", 1)])
        t["verdict.timeline"] = ({"claim_id": "C1", "after_oped": True}, [
            ("claim_id", "C99"), ("claim_id", 3), ("after_oped", "yes"), ("after_oped", 1.5)])
        for name in ("timeline_table", "options_table", "template"):
            t[f"verdict.{name}"] = ({}, [])
        t["verdict.verdict_table"] = ({"model_answer": False}, [
            ("model_answer", "yes"), ("model_answer", None), ("model_answer", 1.0)])
        for name in ("check_verdicts", "compare"):
            t[f"verdict.{name}"] = ({"verdicts": {"C1": "open"}}, [
                ("verdicts", ["open"]), ("verdicts", {"C99": "open"}),
                ("verdicts", {"C1": "probably"}), ("verdicts", None)])
    return t


TABLE = _table()
# Whose argument is a save file (or its text or data): the message names the file instead.
NAMED_AS = {"seminar.from_dict": "save file", "seminar.from_json": "save file",
            "seminar.load": "save file"}
BAD_CASES = [(name, i, case[0], {case[0]: case[1], **(case[2] if len(case) > 2 else {})})
             for name, (good, bad) in TABLE.items() for i, case in enumerate(bad)]


def _function(qualified: str):
    module_name, name = qualified.split(".")
    return getattr(importlib.import_module(f"{_SUBPACKAGE[module_name]}.{module_name}"), name)


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
    named = [param] + ([NAMED_AS[qualified]] if qualified in NAMED_AS else [])
    assert any(n in str(caught.value) for n in named), \
        f"message does not name {param!r}: {caught.value}"


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


ANYTHING = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(), st.binary(), st.lists(st.floats(), max_size=5),
    st.lists(st.lists(st.integers(), max_size=3), max_size=3),
    st.dictionaries(st.text(max_size=5), st.one_of(st.text(max_size=5), st.integers()),
                    max_size=4),
    st.sets(st.text(max_size=2), max_size=3), st.tuples(st.text(max_size=3), st.floats()),
    st.builds(np.full, st.tuples(st.integers(0, 3), st.integers(0, 3)),
              st.floats(allow_nan=True, allow_infinity=True)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer=ANYTHING)
def test_every_question_explains_any_answer(answer):
    from deterrence_lab.checks import CORRECT, NOT_ATTEMPTED, NOT_YET, RECORDED
    for label, question in QUESTIONS:
        outcome = question.check(answer)
        assert outcome.status in (NOT_ATTEMPTED, NOT_YET, CORRECT, RECORDED), label
        assert outcome.message.strip(), label


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


SEEDED_BY_NUMBER = sorted(name for name, (good, _) in TABLE.items()
                          if "seed" in good or "seeds" in good)


@pytest.mark.parametrize("qualified", SEEDED_BY_NUMBER)
def test_games_seeded_by_number_repeat(qualified):
    """The crisis seminar draws chance from integer seeds: the same seed, the same game."""
    good, _ = TABLE[qualified]
    function = _function(qualified)
    assert _fingerprint(function(**good)) == _fingerprint(function(**good))


# ---------------------------------------------------------------------------------------
# Isolation and determinism of the notebooks: each course/ and solutions/ notebook runs once
# in a kernel started elsewhere (temporary working folder, empty HOME, no network through
# `unshare -n` where available, ipc transport so the client still reaches the kernel); the
# checked outputs must equal the stored ones and the repository must be left untouched.
# ---------------------------------------------------------------------------------------

ISOLATED_NOTEBOOKS = sorted(p for folder in ("course", "solutions")
                            for p in (ROOT / folder).glob("*.ipynb"))
PRIVATE = (".git", "__pycache__", ".pytest_cache", ".hypothesis")  # not written by notebooks


def _unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``root`` (except git's and caches) with its size and mtime."""
    files = {}
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if any(part in PRIVATE for part in relative.parts) or not path.is_file():
            continue
        stat = path.stat()
        files[relative.as_posix()] = (stat.st_size, stat.st_mtime_ns)
    return files


class IsolatedKernel:
    """Runs notebooks in kernels with a temporary cwd, an empty HOME and, where possible,
    no network."""

    def __init__(self, base: Path):
        self.base = base
        self.no_network = _unshare_works()
        self.home = base / "home"
        self.home.mkdir()
        prefix = ["unshare", "-n"] if self.no_network else []
        self.kernels = base / "kernels"
        (self.kernels / "isolated").mkdir(parents=True)
        (self.kernels / "isolated" / "kernel.json").write_text(json.dumps({
            "argv": prefix + [sys.executable, "-m", "ipykernel_launcher", "-f",
                              "{connection_file}"],
            "display_name": "isolated", "language": "python"}))
        keep = ("PATH", "PYTHONPATH", "LANG", "LC_ALL", "PYTHONDONTWRITEBYTECODE", "TZ")
        self.env = {k: v for k, v in os.environ.items() if k in keep}
        self.env.update(HOME=str(self.home), PYTHONPYCACHEPREFIX=str(base / "pycache"))
        self.count = 0

    def run(self, nb):
        from jupyter_client.kernelspec import KernelSpecManager
        from jupyter_client.manager import KernelManager
        from nbclient import NotebookClient

        self.count += 1
        workdir = self.base / f"work{self.count}"
        workdir.mkdir()
        ipc = Path(tempfile.mkdtemp(prefix="dl-ipc-"))  # short: socket paths are limited
        km = KernelManager(kernel_name="isolated", transport="ipc", ip=str(ipc / "k"),
                           connection_file=str(ipc / "connection.json"),
                           kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(self.kernels)]))
        try:
            NotebookClient(nb, km=km, timeout=300, kernel_name="isolated",
                           resources={"metadata": {"path": str(workdir)}}).execute(env=self.env)
        finally:
            shutil.rmtree(ipc, ignore_errors=True)
        return nb, workdir


@pytest.fixture(scope="module")
def isolated(tmp_path_factory):
    import nbformat

    base = tmp_path_factory.mktemp("isolated")
    kernel = IsolatedKernel(base)
    before = snapshot(ROOT)
    probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import os, socket\n"
        "try:\n"
        "    socket.create_connection(('1.1.1.1', 53), timeout=3).close()\n"
        "    net = 'reachable'\n"
        "except OSError as error:\n"
        "    net = f'refused: {error}'\n"
        "print(os.getcwd()); print(os.environ['HOME']); print(net)")])
    probe_nb, probe_dir = kernel.run(probe)
    runs = {}
    for path in ISOLATED_NOTEBOOKS:
        runs[path] = kernel.run(nbformat.read(path, as_version=4))
    after = snapshot(ROOT)
    return {"kernel": kernel, "before": before, "after": after, "runs": runs,
            "probe": (probe_nb.cells[0].outputs[0]["text"].splitlines(), probe_dir)}


def test_isolated_kernel_runs_elsewhere_with_empty_home(isolated):
    cwd, home, network = isolated["probe"][0]
    assert Path(cwd) == isolated["probe"][1] and not Path(cwd).is_relative_to(ROOT)
    assert home == str(isolated["kernel"].home)


def test_isolated_kernel_has_no_network(isolated):
    if not isolated["kernel"].no_network:
        pytest.skip("`unshare -n` is unavailable here (needs root or user namespaces)")
    assert isolated["probe"][0][2].startswith("refused"), isolated["probe"][0][2]


def test_notebooks_write_nothing_into_the_repository(isolated):
    before, after = isolated["before"], isolated["after"]
    assert sorted(set(after) - set(before)) == [], "notebooks created files in the repository"
    changed = sorted(k for k in before if after.get(k) != before[k])
    assert changed == [], f"notebooks changed or removed files: {changed}"


def test_notebooks_write_nothing_into_home(isolated):
    """A notebook may leave caches (matplotlib, IPython) in HOME, but no course files."""
    written = [p for p in isolated["kernel"].home.rglob("*")
               if p.is_file() and p.suffix in (".ipynb", ".csv", ".json", ".png", ".txt")
               and ".ipython" not in p.parts and "matplotlib" not in p.parts]
    assert written == []


def _checked(nb) -> list:
    """The outputs nbval compares, per checked cell, without execution counts."""
    keep = ("text/plain", "text/markdown", "text/html", "text/latex")
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code" or "# NBVAL_CHECK_OUTPUT" not in cell.source:
            continue
        outputs = []
        for out in cell.outputs:
            if out["output_type"] == "stream":
                outputs.append(("stream", out["name"], out["text"]))
            elif out["output_type"] == "error":
                outputs.append(("error", out["ename"], out["evalue"]))
            else:
                outputs.append(("data", {m: out["data"][m] for m in keep if m in out["data"]}))
        cells.append(outputs)
    return cells


@pytest.mark.parametrize("path", ISOLATED_NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_isolated_run_reproduces_stored_checked_outputs(isolated, path):
    import nbformat

    executed, workdir = isolated["runs"][path]
    stored = nbformat.read(path, as_version=4)
    assert _checked(executed) == _checked(stored)
    assert not any(out["output_type"] == "error" for c in executed.cells
                   if c.cell_type == "code" for out in c.outputs)
    assert [p.name for p in workdir.iterdir()] == [], "the notebook left files in its folder"


# ---------------------------------------------------------------------------------------
# Safe launching: a real JupyterLab from the launcher's command line listens on 127.0.0.1
# only and refuses requests without the token; copying never overwrites, even when two
# copies run at once or one is killed half-way.
# ---------------------------------------------------------------------------------------

def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> list[str]:
    """Local addresses (hex, from /proc/net/tcp*) listening on ``port``."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A = LISTEN
                found.append(address)
    return found


def _get(url: str) -> int:
    import urllib.error
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc/net/tcp")
def test_launched_jupyterlab_listens_on_localhost_only_and_wants_the_token(tmp_path):
    import time

    from deterrence_lab.tooling import launcher

    (tmp_path / "course").mkdir()
    (tmp_path / launcher.FIRST_CHAPTER).write_text("{}")
    port = _free_port()
    home = tmp_path / "home"
    home.mkdir()
    # no retries on the next port: if another process took this one, fail fast and visibly
    command = launcher.jupyter_command(tmp_path, port=port, open_browser=False) + [
        "--ServerApp.port_retries=0"]
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(command, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, "HOME": str(home)}, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not _listening(port):
            assert server.poll() is None, (tmp_path / "server.log").read_text()[-2000:]
            assert time.monotonic() < deadline, "JupyterLab did not start within 120 s"
            time.sleep(0.5)
        addresses = set(_listening(port))
        loopback = {"0100007F", "00000000000000000000000001000000"}  # 127.0.0.1, ::1
        assert addresses <= loopback, f"listening beyond loopback: {addresses}"
        base = f"http://127.0.0.1:{port}"
        assert _get(f"{base}/api/contents") == 403
        assert _get(f"{base}/api/kernels") == 403
        assert _get(f"{base}/lab") in (302, 401, 403)  # sent to the login page
        assert _get(f"{base}/api/contents?token=wrong") == 403
        runtime = sorted(home.rglob("jpserver-*.json"))
        assert runtime, "the server wrote no runtime file with its token"
        token = json.loads(runtime[-1].read_text())["token"]
        assert token, "token authentication is switched off"
        assert _get(f"{base}/api/contents?token={token}") == 200
    finally:
        os.killpg(server.pid, 15)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)
            server.wait()
        log.close()


def _origin(tmp_path: Path, n: int = 120) -> Path:
    origin = tmp_path / "origin"
    for folder in ("course", "exercises", "solutions"):
        (origin / folder).mkdir(parents=True)
        for i in range(n // 3):
            (origin / folder / f"{i:03d}.ipynb").write_text(f"{folder} {i} " + "x" * 20000)
    return origin


def _visible(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in root.rglob("*")
            if p.is_file() and not p.name.startswith(".")}


_COPY = ("import sys, shutil, time, json\n"
         "from pathlib import Path\n"
         "from deterrence_lab.tooling import launcher\n"
         "slow = float(sys.argv[3])\n"
         "if slow:\n"
         "    real = shutil.copyfile\n"
         "    def copyfile(a, b):\n"
         "        time.sleep(slow); return real(a, b)\n"
         "    launcher.shutil.copyfile = copyfile\n"
         "copied = launcher.copy_course(Path(sys.argv[1]), Path(sys.argv[2]))\n"
         "print(json.dumps([str(p) for p in copied]))\n")


def test_two_concurrent_copies_never_overwrite_or_duplicate(tmp_path):
    origin, dest = _origin(tmp_path), tmp_path / "student"
    (dest / "course").mkdir(parents=True)
    (dest / "course" / "005.ipynb").write_text("the student's own work")
    runs = [subprocess.Popen([sys.executable, "-c", _COPY, str(origin), str(dest), "0.002"],
                             stdout=subprocess.PIPE, text=True) for _ in range(2)]
    reports = [json.loads(run.communicate(timeout=120)[0]) for run in runs]
    assert all(run.returncode == 0 for run in runs)
    both = reports[0] + reports[1]
    assert len(both) == len(set(both)), "a file was written by both copies"
    expected = {k: v for k, v in _visible(origin).items()}
    expected["course/005.ipynb"] = "the student's own work"
    assert _visible(dest) == expected
    assert len(both) == len(expected) - 1
    assert not list(dest.rglob(".partial-*")), "temporary files left behind"


def test_concurrent_copies_in_threads(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    from deterrence_lab.tooling import launcher
    origin, dest = _origin(tmp_path, 60), tmp_path / "student"
    with ThreadPoolExecutor(4) as pool:
        reports = list(pool.map(lambda _: launcher.copy_course(origin, dest), range(4)))
    both = [p for r in reports for p in r]
    assert len(both) == len(set(both)) == 60
    assert _visible(dest) == _visible(origin)


@pytest.mark.parametrize("signal_number", [2, 9], ids=["interrupt", "kill"])
def test_interrupted_copy_is_completed_by_the_next_run(tmp_path, signal_number):
    import time

    from deterrence_lab.tooling import launcher
    origin, dest = _origin(tmp_path), tmp_path / "student"
    run = subprocess.Popen([sys.executable, "-c", _COPY, str(origin), str(dest), "0.05"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(_visible(dest)) < 10 if dest.exists() else True:
        assert time.monotonic() < deadline and run.poll() is None
        time.sleep(0.05)
    run.send_signal(signal_number)
    run.communicate(timeout=30)
    half = _visible(dest)
    assert 0 < len(half) < len(_visible(origin)), "the copy was not interrupted half-way"
    assert all(half[k] == v for k, v in _visible(origin).items() if k in half), \
        "a half-copied folder holds a truncated file"
    if signal_number == 2:  # Ctrl-C: the copy cleans up its temporary file
        assert not list(dest.rglob(".partial-*"))
    copied = launcher.copy_course(origin, dest)
    assert len(copied) == len(_visible(origin)) - len(half)
    assert _visible(dest) == _visible(origin)


# ---------------------------------------------------------------------------------------
# The layout keeps its promise: models and content never load plotting or widget libraries.
# ---------------------------------------------------------------------------------------

def test_models_and_content_import_no_view_library():
    """No module in models/ or content/ imports matplotlib, ipywidgets or IPython (parsed, so a
    lazy import inside a function counts too)."""
    import ast
    forbidden = ("matplotlib", "ipywidgets", "IPython")
    src = ROOT / "src" / "deterrence_lab"
    offenders = []
    for path in sorted([*src.joinpath("models").glob("*.py"), *src.joinpath("content").glob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text())):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in forbidden]
    assert offenders == []


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
        _function(qualified)(**_materialise(call))
    assert first in str(caught.value) or second in str(caught.value), str(caught.value)


# ---------------------------------------------------------------------------------------
# Saved seminar games: a damaged file is refused with a message that says what is wrong.
# ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def saved_game():
    if "seminar" not in PRESENT:
        pytest.skip("chapter 06 (seminar.py) is not in this checkout")
    from deterrence_lab import seminar
    state = seminar.play(list(seminar.DEMO_SCRIPT), seed=11)
    return seminar, state, seminar.to_json(state)


def test_saved_game_round_trips(saved_game, tmp_path):
    seminar, state, text = saved_game
    seminar.save(state, tmp_path / "game.json")
    assert seminar.to_json(seminar.load(tmp_path / "game.json")) == text


def test_truncated_saves_are_refused(saved_game, tmp_path):
    seminar, _, text = saved_game
    data = text.encode()
    for cut in sorted({0, 1, 10, len(data) // 3, len(data) // 2, len(data) - 2, len(data) - 1}):
        path = tmp_path / f"cut{cut}.json"
        path.write_bytes(data[:cut])
        with pytest.raises(ValueError, match="save file") as caught:
            seminar.load(path)
        assert "truncated" in str(caught.value) or "JSON" in str(caught.value)


@pytest.mark.parametrize("version", [0, 1, "2", 2.0, None, True])
def test_wrong_version_is_refused(saved_game, version):
    seminar, _, text = saved_game
    data = json.loads(text)
    data["version"] = version
    with pytest.raises(ValueError, match="version"):
        seminar.from_json(json.dumps(data))


def _edits(seminar, data: dict):
    """Hand edits a student might make, each with the word the refusal should contain."""
    number = next(k for k, v in data["history"][0].items()
                  if isinstance(v, (int, float)) and not isinstance(v, bool) and k != "round")
    chosen = data["decisions"][0]["choices"]["moscow"]
    other = next(m.key for m in seminar.menu("moscow", "after") if m.key != chosen)
    return [
        ("history number", lambda d: d["history"][0].update({number: d["history"][0][number] + 1}),
         "edited"),
        ("changed decision", lambda d: d["decisions"][0]["choices"].update(moscow=other), "edited"),
        ("unknown move", lambda d: d["decisions"][0]["choices"].update(moscow="launch_all"),
         "round 1"),
        ("seed", lambda d: d.update(seed=d["seed"] + 1), "edited"),
        ("dropped round", lambda d: d["history"].pop(), "incomplete"),
        ("extra field", lambda d: d.update(cheat=True), "unexpected"),
        ("missing field", lambda d: d.pop("teams"), "missing"),
        ("format", lambda d: d.update(format="something-else"), "format"),
        ("not a dict", lambda d: d["decisions"].__setitem__(0, "moscow wins"), "round 1"),
    ]


def test_hand_edited_saves_are_refused(saved_game):
    import copy
    seminar, _, text = saved_game
    original = json.loads(text)
    for label, edit, word in _edits(seminar, original):
        data = copy.deepcopy(original)
        edit(data)
        with pytest.raises(ValueError, match="save file") as caught:
            seminar.from_json(json.dumps(data))
        assert word in str(caught.value), (label, str(caught.value))


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
    if "effects" not in PRESENT:
        pytest.skip("chapter 01 (effects.py) is not in this checkout")
    code = (PEAK_RSS_KB + "import numpy\n"
            "base = peak_kb()\n"
            "from deterrence_lab import effects\n"
            "effects.blast_range_km(15.0, 5.0); effects.casualties(15.0, 1000.0)\n"
            "print((peak_kb() - base) // 1024)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert int(done.stdout) < 60, f"{done.stdout.strip()} MiB above numpy alone"


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


@pytest.mark.parametrize("cls", _widget_classes())
def test_widget_accepts_its_own_control_values(cls):
    widget = cls()
    name, control = next(iter(widget.controls.items()))
    if getattr(control, "options", None):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options][:3]
    elif hasattr(control, "base"):  # a log slider: min and max are exponents
        values = [control.base ** control.max, control.base ** control.min]
    else:  # a slider: both ends of its range
        values = [control.max, control.min]
    for value in values:
        widget.set(**{name: value})
        assert widget.controls[name].value == value
    with pytest.raises(ValueError, match="unknown|not one of|no_such_control"):
        widget.set(no_such_control=1)
