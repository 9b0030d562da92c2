"""The analytic spine of chapters 04-06 (issue 14): one option table, exact chain results by
state key, robustness lines and calibration against the record since 2022."""
from __future__ import annotations

import ast
import json
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from deterrence_lab import escalation as esc
from deterrence_lab import response, seminar
from deterrence_lab.content import options, scenario
from deterrence_lab.models import robustness

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "deterrence_lab"


# --- exact rational references ------------------------------------------------------------

def exact_ends(P: list[list[Fraction]], start: int):
    """End probabilities and expected rounds by Gaussian elimination in exact fractions.

    A state is absorbing when nothing leaves it (all off-diagonal entries are 0)."""
    n = len(P)
    absorbing = [all(P[i][j] == 0 for j in range(n) if j != i) for i in range(n)]
    transient = [i for i in range(n) if not absorbing[i]]
    ends = [i for i in range(n) if absorbing[i]]
    if absorbing[start]:
        return {j: Fraction(int(j == start)) for j in ends}, Fraction(0)
    k = len(transient)
    # (I - Q) X = [R | 1]
    A = [[(Fraction(1) if a == b else Fraction(0)) - P[transient[a]][transient[b]]
          for b in range(k)] + [P[transient[a]][j] for j in ends] + [Fraction(1)]
         for a in range(k)]
    for col in range(k):
        pivot = next(r for r in range(col, k) if A[r][col] != 0)
        A[col], A[pivot] = A[pivot], A[col]
        A[col] = [x / A[col][col] for x in A[col]]
        for r in range(k):
            if r != col and A[r][col] != 0:
                f = A[r][col]
                A[r] = [x - f * y for x, y in zip(A[r], A[col])]
    row = A[transient.index(start)]
    return {j: row[k + m] for m, j in enumerate(ends)}, row[-1]


def exact_ladder(up_scale, down_scale, settle_scale, memory):
    """The compact ladder's matrix in fractions, built from the baseline's decimal rates."""
    base = {name: [Fraction(str(v)) for v in a.values] for name, a in esc.BASELINE.items()}
    params = {"up": [v * up_scale for v in base["up"]],
              "down": [v * down_scale for v in base["down"]],
              "settle": [v * settle_scale for v in base["settle"]]}
    n = len(esc.STATE_KEYS)
    P = [[Fraction(0)] * n for _ in range(n)]
    for i, key in enumerate(esc.TRANSIENT_KEYS):
        s = esc.state(key)
        up_to = s.up_to if memory else esc._MEMORYLESS_UP.get(key, s.up_to)
        down_to = s.down_to if memory else esc._MEMORYLESS_DOWN.get(key, s.down_to)
        r = esc.STATE_KEYS.index(key)
        P[r][esc.STATE_KEYS.index(up_to)] += params["up"][i]
        if down_to:
            P[r][esc.STATE_KEYS.index(down_to)] += params["down"][i]
        P[r][esc.STATE_KEYS.index("settlement")] += params["settle"][i]
        P[r][r] += 1 - params["up"][i] - params["down"][i] - params["settle"][i]
    for key in esc.ABSORBING_KEYS:
        P[esc.STATE_KEYS.index(key)][esc.STATE_KEYS.index(key)] = Fraction(1)
    return P


CASES = [  # (up_scale, down_scale, settle_scale, memory): the cases of issue 14, finding 7
    (Fraction(0), Fraction(1), Fraction(0), False),       # every path ends stuck in conventional war
    (Fraction(1, 10**8), Fraction(0), Fraction(0), False),   # only climbing is left: war certain
    (Fraction(1, 10**9), Fraction(0), Fraction(0), False),   # used to raise IndexError
    (Fraction(1, 10**12), Fraction(1), Fraction(0), True),
    (Fraction(0), Fraction(1), Fraction(0), True),
    (Fraction(1), Fraction(1), Fraction(1), True),
    (Fraction(1), Fraction(1), Fraction(1), False),
    (Fraction(3, 2), Fraction(1, 2), Fraction(1, 1000), True),
]


@pytest.mark.parametrize("up, down, settle, memory", CASES)
def test_ladder_outcome_matches_exact_fractions(up, down, settle, memory):
    P = exact_ladder(up, down, settle, memory)
    start = esc.STATE_KEYS.index("first_use")
    ends, rounds = exact_ends(P, start)
    got = esc.ladder_outcome(None, "first_use", memory=memory, up_scale=float(up),
                             down_scale=float(down), settle_scale=float(settle))
    names = {esc.STATE_KEYS[j]: float(p) for j, p in ends.items()}
    assert set(got["ends"]) == set(names)          # the same states are absorbing
    for key, p in names.items():
        # tolerance: 1e-9 absolute, or 1e-6 relative to the expected rounds for near-singular
        # chains whose expected length reaches 1e12 rounds
        assert got["ends"][key] == pytest.approx(p, abs=1e-9), key
    assert got["settlement"] == pytest.approx(names.get("settlement", 0.0), abs=1e-9)
    assert got["general_war"] == pytest.approx(names.get("general_war", 0.0), abs=1e-9)
    assert got["expected_rounds"] == pytest.approx(float(rounds), rel=1e-6)


def test_the_issue_cases_by_name():
    stuck = esc.ladder_outcome(None, memory=False, up_scale=0, settle_scale=0)
    assert stuck["settlement"] == 0 and stuck["general_war"] == 0
    assert stuck["stuck"] == pytest.approx(1.0, abs=1e-12)
    assert stuck["ends"]["conventional_war"] == pytest.approx(1.0, abs=1e-12)
    assert stuck["expected_rounds"] == pytest.approx(22 / 3, abs=1e-9)   # 1/0.3 + 1/0.25
    for tiny in (1e-8, 1e-9):
        war = esc.ladder_outcome(None, memory=False, up_scale=tiny, down_scale=0, settle_scale=0)
        assert war["general_war"] == pytest.approx(1.0, abs=1e-12)
        assert war["settlement"] == 0


def test_caller_tolerance_is_honoured_and_absorbing_start_is_reported():
    P = np.array([[1 - 1e-9, 1e-9, 0.0], [0.0, 1.0, 0.0], [0.3, 0.3, 0.4]])
    # by default a state left with probability 1e-9 is transient ...
    assert list(esc.classify_states(P)) == [False, True, False]
    assert esc.end_probabilities(P, 2).ends == pytest.approx({"1": 1.0}, rel=1e-9)
    # ... with a coarser tolerance it counts as absorbing, and every function agrees
    assert list(esc.classify_states(P, absorb_atol=1e-6)) == [True, True, False]
    ends = esc.end_probabilities(P, 2, absorb_atol=1e-6)
    assert ends.ends == pytest.approx({"0": 0.5, "1": 0.5}, rel=1e-9)
    assert list(esc.absorbing_states(P, absorb_atol=1e-6)) == [0, 1]
    start = esc.end_probabilities(P, 1)
    assert start.start_absorbing and start.expected_rounds == 0 and start.ends["1"] == 1
    out = esc.ladder_outcome(None, "general_war")
    assert out["start_absorbing"] and out["general_war"] == 1 and out["expected_rounds"] == 0


def test_tiny_probabilities_keep_their_precision():
    eps = 1e-13
    P = np.array([[1 - 2 * eps, eps, eps], [0, 1, 0], [0, 0, 1]])
    out = esc.end_probabilities(P, 0)
    assert out.ends["1"] == pytest.approx(0.5, abs=1e-12)
    assert out.expected_rounds == pytest.approx(1 / (2 * eps), rel=1e-9)


# --- one option table ------------------------------------------------------------------------

def test_the_table_has_the_op_eds_options_and_no_response_as_baseline():
    keys = options.OPTION_KEYS
    assert keys[0] == options.NO_RESPONSE
    assert {"protest", "conventional_strikes", "nuclear_demonstration", "volunteers",
            "conventional_large"} <= set(keys)
    none = options.option(options.NO_RESPONSE)
    assert all(r.values == (1.0, 1.0, 1.0) for r in none.ladder.values())
    strikes = options.option("conventional_strikes")
    assert "communication centres" in strikes.name and "command" not in strikes.name.lower()
    assert {"russia2020", "posen1991", "acton2018", "nederlof2023"} <= set(
        strikes.ladder["up"].sources)
    assert "19(c)" in strikes.ladder["up"].reason
    volunteers = options.option("volunteers")
    assert "defensive" in volunteers.description
    for o in options.OPTIONS:
        assert o.oped and o.description
        for r in list(o.scores.values()) + list(o.ladder.values()):
            assert r.reason and r.low <= r.central <= r.high


_EFFECT_WORDS = ("OPTION_EFFECTS", "OptionEffect", "up_factor", "down_factor", "settle_factor")


def _python_sources():
    for path in sorted(SRC.rglob("*.py")):
        if path != SRC / "content" / "options.py":
            yield path, path.read_text(encoding="utf-8")
    for folder in ("course", "solutions", "exercises"):
        for path in sorted((ROOT / folder).glob("*.ipynb")):
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
            yield path, "\n".join(l for l in code.splitlines()
                                  if not l.lstrip().startswith(("%", "!")))


def test_no_chapter_or_seminar_defines_an_option_effect_outside_the_table():
    """A dict keyed by a response option whose values are numbers (or tuples of numbers) is an
    option effect; only content/options.py may hold one."""
    offenders = []
    for path, text in _python_sources():
        for word in _EFFECT_WORDS:
            if word in text:
                offenders.append(f"{path.name}: {word}")
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.Dict):
                continue
            for key, value in zip(node.keys, node.values):
                name = key.value if isinstance(key, ast.Constant) else None
                if isinstance(key, ast.Tuple) and key.elts and isinstance(key.elts[0], ast.Constant):
                    name = key.elts[0].value
                numeric = (isinstance(value, ast.Constant) and isinstance(value.value, (int, float))
                           or isinstance(value, ast.Tuple) and all(
                               isinstance(e, ast.Constant) and isinstance(e.value, (int, float))
                               for e in value.elts))
                if name in options.OPTION_KEYS and numeric:
                    offenders.append(f"{path.name}: {name!r} -> {ast.unparse(value)}")
    assert not offenders, offenders
    # the seminar's Washington answers carry no factors of their own
    for move in seminar.MENUS["after"]["washington"]:
        assert move.western_option == move.key and (move.pressure, move.talk) == (0, 0)
    assert [m.key for m in seminar.MENUS["after"]["washington"]] == list(options.OPTION_KEYS)


NEUTRAL_AFTER = {"moscow": "threaten_more", "kyiv": "appeal_un", "nato_europe": "own_measures",
                 "beijing": "stay_silent"}
BEFORE = {"moscow": "press_offensive", "washington": "private_warning", "kyiv": "hold_lines",
          "nato_europe": "sanctions", "beijing": "stay_silent"}


@pytest.mark.parametrize("option", options.OPTION_KEYS)
def test_chapters_and_seminar_give_the_same_answer_for_the_same_option(option):
    """Chapter 04 (derived scores), chapter 05 (the chain) and the seminar agree exactly."""
    ch05 = esc.ladder_outcome(option)
    # chapter 04: the derived criteria restate the chain's P(further use)
    assert response.get_score(option, "escalation_safety").likely == pytest.approx(
        10 * (1 - ch05["further_use"]), abs=1e-12)
    assert response.further_use(option) == pytest.approx(ch05["further_use"], abs=1e-15)
    # chapter 05's figure data
    from deterrence_lab.views.ladder import option_comparison
    assert option_comparison()[option]["central"] == ch05["general_war"]
    # chapter 06: in a Day After game that opens at a single demonstrative use, Washington
    # answers `option`; Moscow's threat (pressure +2) and Kyiv's appeal (-1) give pressure +1,
    # the same assumption passed to chapter 05 as scales
    game = seminar.new_game(2023, game_format="day_after", premise="demonstrative_shot")
    assert game.ladder_state == "first_use"
    choices = {**NEUTRAL_AFTER, "washington": option}
    chosen, params = seminar.chain_parameters(game, choices)
    step = scenario.PRESSURE_STEP
    expected = esc.ladder_parameters(option, up_scale=step, down_scale=1 / step)
    assert chosen == option
    for name in ("up", "down", "settle"):
        np.testing.assert_allclose(params[name], expected[name], rtol=1e-12)
    record = seminar.advance(game, choices).history[-1]
    assert record["p_general_war"] == pytest.approx(
        esc.ladder_outcome(option, up_scale=step, down_scale=1 / step)["general_war"],
        abs=1e-12)


# --- robustness ---------------------------------------------------------------------------------

def test_breakeven_of_the_strikes_climbing_factor_is_where_the_comparison_flips():
    r = robustness.war_probability("conventional_strikes")
    row = next(h for h in r.rows if h.lever.key == "conventional_strikes.up")
    (x,) = row.flips_at
    base = esc.ladder_outcome(None)["general_war"]
    below = esc.ladder_outcome("conventional_strikes", factors={"up": x - 1e-4})["general_war"]
    above = esc.ladder_outcome("conventional_strikes", factors={"up": x + 1e-4})["general_war"]
    assert below < base < above
    assert r.holds == (esc.ladder_outcome("conventional_strikes")["general_war"] < base)
    assert "climbing factor of the precision strikes" in r.line()


def test_weight_breakevens_agree_with_the_exact_sensitivity():
    r = robustness.top_option()
    exact = {s.criterion: s for s in response.sensitivity(response.PRESETS["op-ed"])}
    for h in r.rows:
        if not h.lever.key.startswith("weight."):
            continue
        s = exact[h.lever.key.split(".", 1)[1]]
        if s.upper is not None:
            assert h.upper == pytest.approx(s.upper, abs=1e-6)
        else:
            assert h.upper is None
    assert r.holds and r.statement.startswith(options.option(
        response.ranking(response.PRESETS["op-ed"])[0]).name)


def test_the_verdict_on_the_recommended_answer_holds_with_the_op_eds_reading():
    v = robustness.recommended_verdict()
    assert v.option == options.RECOMMENDED
    op_ed = options.ladder_factors("conventional_strikes", "best")
    assert response.further_use("conventional_strikes", factors=op_ed) < v.p_further_use_none
    entangled = options.ladder_factors("conventional_strikes", "worst")
    assert response.further_use("conventional_strikes", factors=entangled) > v.p_further_use_none
    assert len(v.lines()) == 2 and all(line.count("Robustness") == 1 for line in v.lines())


def test_scan_finds_a_known_breakeven():
    lever = robustness.Lever("x", "x", 0.2, 0.0, 1.0)
    h = robustness.scan(lambda x: x < 0.6180339887, lever)
    assert h.holds_now and h.upper == pytest.approx(0.6180339887, abs=1e-9) and h.lower is None
    with pytest.raises(ValueError, match="outside"):
        robustness.scan(lambda x: True, robustness.Lever("x", "x", 2.0, 0.0, 1.0))


def test_concentration_changes_the_share_but_fixed_weights_are_reproducible():
    shares = robustness.p_first_by_concentration("conventional_strikes", n_draws=500,
                                                 concentrations=(5, 500))
    again = robustness.p_first_by_concentration("conventional_strikes", n_draws=500,
                                                concentrations=(5, 500))
    assert shares == again and set(shares) == {None, 5, 500}
    assert all(0 <= v <= 1 for v in shares.values())


# --- calibration -----------------------------------------------------------------------------

def test_record_likelihood_matches_the_matrix_power_and_bounds():
    P = esc.ladder_matrix(**esc.ladder_parameters())
    pre = [esc.STATE_KEYS.index(k) for k in esc.PRE_USE_KEYS]
    Q = P[np.ix_(pre, pre)]
    expected = np.linalg.matrix_power(Q, 45)[0].sum()
    assert esc.record_likelihood(45, 1.0) == pytest.approx(expected, rel=1e-12)
    assert esc.record_likelihood(45, 3.0) > esc.record_likelihood(45, 1.0)   # fewer rounds
    assert esc.record_likelihood(45, 1.0, up_scale=0, settle_scale=0) == pytest.approx(1.0, rel=1e-9)


def test_grid_update_is_bayes_rule():
    cal = esc.calibrate(45, 1.0, up_scales=[0.5, 1.0], settle_scales=[0.5, 1.0, 1.5])
    post = cal.prior * cal.likelihood
    np.testing.assert_allclose(cal.posterior, post / post.sum(), rtol=1e-12)
    assert cal.posterior.sum() == pytest.approx(1.0, rel=1e-9)
    # the record (a long war, no settlement) favours slower settling
    assert cal.settle_mean_posterior < cal.settle_mean_prior
