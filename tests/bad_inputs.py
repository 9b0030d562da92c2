"""The bad-input table: one place that lists, for every public function of every model
module, a good call and the bad inputs it must refuse in plain words (ValueError or
TypeError naming the parameter). ``tests/test_bad_inputs.py`` runs it; the seeded entries
also feed the determinism tests in ``tests/test_isolation.py``.

Each entry is ``"module.function": (good keyword arguments, [(parameter, bad value)])``.
Each bad call is the good call with one argument replaced (an optional third element
replaces others too, for inconsistent shapes). Functions without parameters list no bad
input (a test checks they really take none). Per-model test files do not repeat these.
"""
from __future__ import annotations

import atexit
import importlib
import inspect
import math
import os
import pkgutil
import shutil
import tempfile
from pathlib import Path

import numpy as np

import deterrence_lab.content
import deterrence_lab.models
from deterrence_lab import escalation, games, law, response, seminar

# The modules whose public functions take student input: everything in models/ and content/,
# found from the package layout (a new module there is covered without editing this file).
_SUBPACKAGE = {info.name: pkg.__name__
               for pkg in (deterrence_lab.models, deterrence_lab.content)
               for info in pkgutil.iter_modules(pkg.__path__) if not info.name.startswith("_")}
MODEL_MODULES = tuple(sorted(_SUBPACKAGE))
NAN, INF = math.nan, math.inf


class _Rng:
    """Placeholder in the table for a fresh ``np.random.default_rng(2023)`` at call time."""

    def __repr__(self):
        return "RNG"


RNG = _Rng()


def materialise(kwargs: dict, seed: int = 2023) -> dict:
    """``kwargs`` with every RNG placeholder replaced by a fresh generator seeded ``seed``."""
    return {k: (np.random.default_rng(seed) if v is RNG else v) for k, v in kwargs.items()}


def public_functions(module_name: str) -> list[str]:
    """Module-level functions defined in the module itself whose names do not start with _."""
    module = importlib.import_module(f"{_SUBPACKAGE[module_name]}.{module_name}")
    return sorted(name for name, obj in vars(module).items()
                  if not name.startswith("_") and inspect.isfunction(obj)
                  and obj.__module__ == module.__name__)


def function(qualified: str):
    """The function named ``"module.function"``."""
    module_name, name = qualified.split(".")
    return getattr(importlib.import_module(f"{_SUBPACKAGE[module_name]}.{module_name}"), name)


# Complete bad calls for effects (each replaces every argument of the good call it names).
_EFFECTS_FULL_CALLS = [
    # (function, complete keyword arguments, parameter named in the message)
    ("overpressure_psi", dict(yield_kt=-1, ground_range_km=1), "yield_kt"),
    ("overpressure_psi", dict(yield_kt="big", ground_range_km=1), "yield_kt"),
    ("overpressure_psi", dict(yield_kt=1, ground_range_km=-0.5), "ground_range_km"),
    ("overpressure_psi", dict(yield_kt=1, ground_range_km=1, height_m=float("nan")), "height_m"),
    ("blast_range_km", dict(yield_kt=1e6, psi=5), "yield_kt"),
    ("blast_range_km", dict(yield_kt=1, psi=0), "psi"),
    ("blast_range_km", dict(yield_kt=1, psi=5, height_m=-3), "height_m"),
    ("optimum_height_m", dict(yield_kt=1, psi=-5), "psi"),
    ("optimum_height_m", dict(yield_kt=None, psi=5), "yield_kt"),
    ("optimum_height_m", dict(yield_kt=0, psi=5), "yield_kt"),
    ("fireball_radius_km", dict(yield_kt=0), "yield_kt"),
    ("fireball_radius_km", dict(yield_kt=1, surface="yes"), "surface"),
    ("fireball_radius_km", dict(yield_kt=[]), "yield_kt"),
    ("thermal_fluence_cal_cm2", dict(yield_kt=1, slant_range_km=0), "slant_range_km"),
    ("thermal_fluence_cal_cm2", dict(yield_kt=1, slant_range_km=1, transmittance=1.5), "transmittance"),
    ("thermal_fluence_cal_cm2", dict(yield_kt=-2, slant_range_km=1), "yield_kt"),
    ("thermal_range_km", dict(yield_kt=1, fluence_cal_cm2=0), "fluence_cal_cm2"),
    ("thermal_range_km", dict(yield_kt=1, fluence_cal_cm2="8"), "fluence_cal_cm2"),
    ("thermal_range_km", dict(yield_kt=1, fluence_cal_cm2=8, height_m=-1), "height_m"),
    ("burn_threshold_cal_cm2", dict(yield_kt=1, degree=4), "degree"),
    ("burn_threshold_cal_cm2", dict(yield_kt=1, degree=True), "degree"),
    ("burn_threshold_cal_cm2", dict(yield_kt=-1), "yield_kt"),
    ("prompt_dose_rem", dict(yield_kt=1, slant_range_km=-1), "slant_range_km"),
    ("prompt_dose_rem", dict(yield_kt=1, slant_range_km=1, enhanced_radiation=1), "enhanced_radiation"),
    ("prompt_dose_rem", dict(yield_kt=1e9, slant_range_km=1), "yield_kt"),
    ("prompt_dose_range_km", dict(yield_kt=1, dose_rem=0), "dose_rem"),
    ("prompt_dose_range_km", dict(yield_kt=1, dose_rem=500, transmission=0), "transmission"),
    ("prompt_dose_range_km", dict(yield_kt=1, dose_rem=500, height_m=1e6), "height_m"),
    ("armour_protected_dose_rem", dict(yield_kt=1, slant_range_km=1, transmission=2), "transmission"),
    ("armour_protected_dose_rem", dict(yield_kt=1, slant_range_km=1, transmission=-0.1), "transmission"),
    ("armour_protected_dose_rem", dict(yield_kt=1, slant_range_km=1, transmission="half"), "transmission"),
    ("emp_ground_radius_km", dict(burst_height_km=0), "burst_height_km"),
    ("emp_ground_radius_km", dict(burst_height_km=-400), "burst_height_km"),
    ("emp_ground_radius_km", dict(burst_height_km="high"), "burst_height_km"),
    ("emp_tangent_distance_km", dict(burst_height_km=float("inf")), "burst_height_km"),
    ("emp_tangent_distance_km", dict(burst_height_km=-1), "burst_height_km"),
    ("emp_tangent_distance_km", dict(burst_height_km=[]), "burst_height_km"),
    ("great_circle_km", dict(lat1_deg=91, lon1_deg=0, lat2_deg=0, lon2_deg=0), "lat1_deg"),
    ("great_circle_km", dict(lat1_deg=0, lon1_deg=0, lat2_deg=0, lon2_deg=200), "lon2_deg"),
    ("great_circle_km", dict(lat1_deg=0, lon1_deg="x", lat2_deg=0, lon2_deg=0), "lon1_deg"),
    ("initial_bearing_deg", dict(lat1_deg=0, lon1_deg=0, lat2_deg=-91, lon2_deg=0), "lat2_deg"),
    ("initial_bearing_deg", dict(lat1_deg=None, lon1_deg=0, lat2_deg=0, lon2_deg=0), "lat1_deg"),
    ("initial_bearing_deg", dict(lat1_deg=0, lon1_deg=-181, lat2_deg=0, lon2_deg=0), "lon1_deg"),
    ("fallout_dose_rate_rem_h", dict(t_hours=0, rate_1h_rem_h=10), "t_hours"),
    ("fallout_dose_rate_rem_h", dict(t_hours=1, rate_1h_rem_h=-10), "rate_1h_rem_h"),
    ("fallout_dose_rate_rem_h", dict(t_hours="1h", rate_1h_rem_h=10), "t_hours"),
    ("fallout_dose_rem", dict(rate_1h_rem_h=10, t_start_h=5, t_end_h=2), "t_end_h"),
    ("fallout_dose_rem", dict(rate_1h_rem_h=10, t_start_h=-1, t_end_h=2), "t_start_h"),
    ("fallout_dose_rem", dict(rate_1h_rem_h=-1, t_start_h=1, t_end_h=2), "rate_1h_rem_h"),
    ("local_fallout_expected", dict(yield_kt=1, height_m=-5), "height_m"),
    ("local_fallout_expected", dict(yield_kt=0, height_m=5), "yield_kt"),
    ("local_fallout_expected", dict(yield_kt=1, height_m="low"), "height_m"),
    ("casualties", dict(yield_kt=15, density_per_km2=-1), "density_per_km2"),
    ("casualties", dict(yield_kt=[1, 2], density_per_km2=100), "yield_kt"),
    ("casualties", dict(yield_kt=15, density_per_km2=100, height_m=-10), "height_m"),
    ("casualties", dict(yield_kt=15, density_per_km2=1e9), "density_per_km2"),
    ("density_preset", dict(name="moon"), "name"),
    ("density_preset", dict(name=3), "name"),
    ("density_preset", dict(name=""), "name"),
    ("fallout_contour_km", dict(yield_kt=0.0, rate_1h_rem_h=100), "yield_kt"),
    ("fallout_contour_km", dict(yield_kt=10, rate_1h_rem_h=5000), "rate_1h_rem_h"),
    ("fallout_contour_km", dict(yield_kt=10, rate_1h_rem_h=0.5), "rate_1h_rem_h"),
    ("fallout_contour_km", dict(yield_kt=10, rate_1h_rem_h=100, wind_kmh=5), "wind_kmh"),
    ("fallout_contour_km", dict(yield_kt=10, rate_1h_rem_h=100, wind_kmh=float("nan")), "wind_kmh"),
    ("fallout_contour_km", dict(yield_kt=10, rate_1h_rem_h=100, fission_fraction=0), "fission_fraction"),
    ("fallout_contour_km", dict(yield_kt="ten", rate_1h_rem_h=100), "yield_kt"),
]


def _table() -> dict:
    t: dict = {}
    # --- argument ------------------------------------------------------------
    for name in ("claim", "dependents", "foundations", "depth"):
        t[f"argument.{name}"] = ({"claim_id": "C1"}, [
            ("claim_id", "C999"), ("claim_id", 1), ("claim_id", None), ("claim_id", "")])
    t["argument.by_chapter"] = ({}, [])
    t["argument.table"] = ({}, [])
    t["argument.reading_table"] = ({}, [])
    t["argument.translation_table"] = ({}, [])
    # --- legal notes -----------------------------------------------------------
    t["legal_notes.note"] = ({"option": "protest"}, [
        ("option", "nuke"), ("option", None), ("option", 1)])
    t["legal_notes.notes_table"] = ({"part": "reprisals"}, [
        ("part", "morality"), ("part", 1), ("part", "")])
    # --- sources -------------------------------------------------------------
    for name in ("get", "reference", "sort_key"):
        t[f"sources.{name}"] = ({"key": "nederlof2023"}, [
            ("key", "nobody1999"), ("key", 2023), ("key", None), ("key", "")])
    t["sources.cite"] = ({"key": "nederlof2023", "where": "para 3"}, [
        ("key", "nobody1999"), ("key", None), ("where", 3), ("where", None)])
    t["sources.reference_list"] = ({"keys": ["nederlof2023"]}, [
        ("keys", ["nobody1999"]), ("keys", None), ("keys", "nederlof2023"), ("keys", [3])])
    t["sources.bibliography"] = ({}, [])
    # --- glossary ------------------------------------------------------------
    t["glossary.glossary_table"] = ({}, [("terms", None), ("terms", "backward induction"),
                                         ("terms", [3]), ("terms", 7)])
    # --- effects -------------------------------------------------------------
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
    t["effects.fallout_dose_rate_rem_h"] = ({"t_hours": 2.0, "rate_1h_rem_h": 1000.0}, [
        ("t_hours", 0.0), ("t_hours", -1.0), ("t_hours", "soon"), ("rate_1h_rem_h", -5.0),
        ("rate_1h_rem_h", NAN)])
    t["effects.fallout_dose_rem"] = ({"rate_1h_rem_h": 1000.0, "t_start_h": 1.0,
                                      "t_end_h": 24.0}, [
        ("rate_1h_rem_h", -1.0), ("t_start_h", 0.0), ("t_end_h", 0.5), ("t_end_h", INF),
        ("t_start_h", "dawn")])
    t["effects.fallout_contour_km"] = ({"yield_kt": 15.0, "rate_1h_rem_h": 100.0}, [
        ("yield_kt", -1.0), ("rate_1h_rem_h", -5.0), ("rate_1h_rem_h", NAN), ("wind_kmh", 500.0),
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
    t["effects.azimuthal_equidistant_km"] = (
        {"lat0_deg": 50.45, "lon0_deg": 30.52, "lat_deg": [52.37, 47.83], "lon_deg": [4.9, 35.17]}, [
            ("lat0_deg", 91.0), ("lon0_deg", NAN), ("lat_deg", "north"), ("lon_deg", 200.0),
            ("lat_deg", [1.0, 2.0], {"lon_deg": [1.0, 2.0, 3.0]})])
    t["effects.transmittance"] = ({"slant_range_km": [0.5, 5.0], "height_m": 500.0}, [
        ("slant_range_km", 0.0), ("slant_range_km", "far"), ("height_m", -1.0),
        ("visibility_km", 0.1), ("visibility_km", NAN)])
    t["effects.burn_range_km"] = ({"yield_kt": 15.0, "height_m": 580.0}, yield_bad[:3] + [
        ("degree", 4), ("probability_pct", 75), ("probability_pct", 100, {"degree": 2}),
        ("visibility_km", 500.0), ("height_m", NAN)])
    t["effects.effect_radii_km"] = ({"yield_kt": 15.0}, yield_bad + [
        ("yield_kt", [1.0, 2.0]), ("burst", "underwater"), ("burst", None),
        ("height_m", -5.0, {"burst": "custom"}), ("enhanced_radiation", "yes"),
        ("visibility_km", 0.0)])
    t["effects.round_significant"] = ({"value": [56_498.0, 0.0456]}, [
        ("value", "many"), ("value", NAN), ("digits", 0), ("digits", 2.5), ("digits", True)])
    for name, kwargs, param in _EFFECTS_FULL_CALLS:
        t[f"effects.{name}"][1].append((param, kwargs[param], kwargs))
    # --- basemap (content) -----------------------------------------------------
    t["basemap.layer"] = ({"name": "europe_coast"}, [
        ("name", "rivers"), ("name", None), ("name", 3), ("name", "")])
    # --- law -----------------------------------------------------------------
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
    # --- command -------------------------------------------------------------
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
    # --- response ------------------------------------------------------------
    n_crit = len(response.CRITERION_KEYS)
    w = {"deterrence": 2.0, "escalation_safety": 1.0}
    t["response.further_use"] = ({"option": "sanctions"}, [
        ("option", "prayer"), ("level", "median"), ("factors", {"up": -1.0}),
        ("factors", {"up": NAN})])
    t["response.derived_scores"] = ({"option": "sanctions"}, [
        ("option", "prayer"), ("option", None), ("factors", {"up": 4.0})])
    t["response.swing_weights"] = ({"points": w}, [
        ("points", {"glory": 1.0}), ("points", {"deterrence": -1.0}), ("points", [1, 2]),
        ("points", "many"), ("points", [0.0] * n_crit)])
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
    # --- games ---------------------------------------------------------------
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
        ("belief", 1.2), ("belief", "half"), ("belief", []), ("gain_max", NAN),
        ("gain_max", 0.0), ("damage", -1.0)])
    t["games.p_answer_expected"] = ({"belief": 0.5}, [
        ("belief", 1.2), ("belief", "half"), ("p_respond_resolute", NAN),
        ("p_respond_irresolute", -0.1)])
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
    # --- escalation ----------------------------------------------------------
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
        ("settle_scale", "x"), ("level", "median"), ("factors", {"up": 4.0}),
        ("factors", {"climb": 1.0})])
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
        ("option", "prayer"), ("start", "moon"), ("absorb_atol", -1.0),
        ("up_scale", -2.0), ("no_such_scale", 1.0), ("level", "median"),
        ("factors", {"up": -1.0}), ("memory", "yes")])
    t["escalation.classify_states"] = ({"transition_matrix": P}, [
        ("transition_matrix", "P"), ("transition_matrix", P[:, :3]), ("absorb_atol", -1.0),
        ("absorb_atol", NAN)])
    t["escalation.end_probabilities"] = ({"transition_matrix": P, "start": "first_use"},
                                         matrix_bad[:3] + [("start", "moon"), ("start", 99),
                                                           ("absorb_atol", -1.0)])
    t["escalation.further_use_probability"] = (
        {"transition_matrix": P, "start": "first_use"},
        matrix_bad[:3] + [("start", "moon"), ("start", 2.5), ("absorb_atol", NAN)])
    t["escalation.path_statistics"] = (
        {"transition_matrix": P, "start": "first_use", "n_paths": 50, "n_steps": 20}, [
            ("transition_matrix", "P"), ("start", "moon"), ("n_paths", 0),
            ("n_steps", 0), ("seed", -1)])
    t["escalation.record_likelihood"] = ({"months": 45.0, "months_per_round": 1.0}, [
        ("months", -1.0), ("months_per_round", 0.0), ("up_scale", NAN), ("settle_scale", 4.0),
        ("months", "long")])
    t["escalation.calibrate"] = ({"months": 45.0, "months_per_round": 1.0,
                                  "up_scales": [0.5, 1.0], "settle_scales": [0.5, 1.0]}, [
        ("months", -1.0), ("months_per_round", 0.0), ("up_scales", [-1.0]),
        ("settle_scales", "x"), ("prior", [[1.0]])])
    t["escalation.state"] = ({"key": "first_use"}, [
        ("key", "moon"), ("key", 3), ("key", None)])
    t["escalation.nuclear_use_probability"] = ({"transition_matrix": P}, matrix_bad[:3] + [
        ("start", "moon"), ("start", 1.5)])
    t["escalation.brinkmanship"] = ({"resolve_russia": 0.5, "resolve_nato": 0.4,
                                     "risk_step": 0.05}, [
        ("resolve_russia", -0.1), ("resolve_nato", NAN), ("risk_step", [0.1, 0.2]),
        ("risk_step", "x"), ("resolve_nato", [0.1, 0.2, 0.3], {"resolve_russia": [0.1, 0.2]})])
    t["escalation.cumulative_risk"] = ({"p_per_period": 0.01, "n_periods": 10}, [
        ("p_per_period", 1.5), ("p_per_period", NAN), ("n_periods", -1),
        ("n_periods", "ten"), ("p_per_period", [])])
    # --- seminar -------------------------------------------------------------
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
    # --- options (the one table of response options) ----------------------------
    t["options.option"] = ({"key": "protest"}, [("key", "prayer"), ("key", 3), ("key", None)])
    t["options.criterion_range"] = ({"option_key": "protest", "criterion": "deterrence"}, [
        ("option_key", "prayer"), ("criterion", "escalation_safety"), ("criterion", 3)])
    t["options.ladder_factors"] = ({"option_key": "protest", "level": "high"}, [
        ("option_key", "prayer"), ("level", "median"), ("level", 2)])
    # --- robustness ------------------------------------------------------------
    from deterrence_lab.models import robustness
    lever = robustness.Lever("x", "x", 0.5, 0.0, 1.0)
    t["robustness.scan"] = ({"statement": lambda x: x < 0.7, "lever": lever}, [
        ("lever", robustness.Lever("x", "x", 2.0, 0.0, 1.0)), ("n_grid", 1), ("n_grid", 2.5)])
    t["robustness.top_option"] = ({}, [
        ("weights", {"glory": 1.0}), ("option", "prayer"), ("ladder_option", "prayer"),
        ("weights", "heavy")])
    t["robustness.war_probability"] = ({"option": "protest"}, [
        ("option", "prayer"), ("option", None), ("start", "moon")])
    t["robustness.war_probability_span"] = ({"option": "protest"}, [
        ("option", "prayer"), ("low", -1.0), ("high", 0.1), ("start", "moon")])
    t["robustness.recommended_verdict"] = ({}, [
        ("option", "prayer"), ("weights", {"glory": 1.0}), ("weights", "heavy")])
    t["robustness.p_first_by_concentration"] = ({"option": "protest", "n_draws": 50,
                                                 "concentrations": (5,)}, [
        ("option", "prayer"), ("n_draws", 0), ("concentrations", (-1,)),
        ("weights", {"glory": 1.0})])
    t["robustness.threshold_crossing"] = ({"values": {5: 0.3}, "threshold": 0.5}, [
        ("values", [0.3]), ("threshold", 1.5), ("threshold", "half")])
    # --- verdict -------------------------------------------------------------
    t["verdict.verdict"] = ({"claim_id": "C1"}, [
        ("claim_id", "C99"), ("claim_id", None), ("claim_id", 1)])
    t["verdict.timeline"] = ({"claim_id": "C1", "after_oped": True}, [
        ("claim_id", "C99"), ("claim_id", 3), ("after_oped", "yes"), ("after_oped", 1.5)])
    for name in ("timeline_table", "options_table", "template", "netherlands_perspective"):
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
# Functions that take a random generator, and the seminar's functions seeded by a number.
SEEDED = sorted(name for name, (good, _) in TABLE.items() if any(v is RNG for v in good.values()))
SEEDED_BY_NUMBER = sorted(name for name, (good, _) in TABLE.items()
                          if "seed" in good or "seeds" in good)
