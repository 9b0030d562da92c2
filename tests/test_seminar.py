"""Chapter 06: the crisis seminar engine, its save files, the verdict data and the widgets.

There are no published reference values for a role-play: the tests pin the game's
rules (the premise's scripted and conditioned rounds, seeded draws that follow the
chain's probabilities), the direction of every move's effect, the save format's
refusals, and the statements of the verdict text that models can check.
"""
import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from deterrence_lab import argument, effects, escalation, law, response, seminar, sources, verdict
from deterrence_lab.content import options
from deterrence_lab.models import robustness
from deterrence_lab.widgets.ch06 import (VERDICT_COLORS, CrisisSeminar, VerdictRecorder,
                                         debrief_figure, timeline_figure, verdict_map_figure)

BEFORE = {"moscow": "nuclear_signals", "washington": "private_warning", "kyiv": "advance",
          "nato_europe": "more_arms", "beijing": "urge_restraint"}
AFTER = {"moscow": "threaten_more", "washington": "conventional_strikes", "kyiv": "pause_offensive",
         "nato_europe": "back_washington", "beijing": "condemn_use"}
SCRIPT = [BEFORE, {**BEFORE, "moscow": "press_offensive"}, AFTER,
          {**AFTER, "moscow": "pause_and_talk", "washington": "sanctions"}, AFTER]


def choices_for(state, pick=0):
    """Every team's move number ``pick`` (modulo the menu) in the state's next round."""
    return {k: seminar.menu(k, state.round)[pick % len(seminar.menu(k, state.round))].key
            for k in state.teams}


# --- a full scripted game ------------------------------------------------------------------

def test_scripted_game_follows_the_premise_and_is_reproducible():
    game = seminar.play(SCRIPT, seed=2023)
    again = seminar.play(SCRIPT, seed=2023)
    assert game == again
    states = [h["state_after"] for h in game.history]
    # Pinned path for seed 2023 (regression: a change in the models or the draw shows here).
    assert states == ["nuclear_threats", "first_use", "threats_after_use", "threats_after_use",
                      "threats_after_use"]
    # the ladder remembers the use: once past it, the game never returns to pre-use states
    assert not set(states[2:]) & set(escalation.PRE_USE_KEYS)
    assert game.over and game.outcome.startswith("Unresolved when play stopped after round 5")
    assert [h["transition"] for h in game.history] == ["conditioned", "scripted", "drawn",
                                                       "drawn", "drawn"]
    assert game.history[1]["state_after"] == escalation.FIRST_NUCLEAR_STATE
    assert [d["choices"] for d in game.decisions] == SCRIPT


def test_the_numbers_the_chapter_text_states():
    # course/06: the demonstration game's captions describe these features.
    demo = seminar.play(seminar.DEMO_SCRIPT, seed=2023)
    war = [h["p_general_war"] for h in demo.history]
    assert int(np.argmax(war)) == 2 and demo.history[2]["state_before"] == "first_use"
    assert demo.history[3]["state_before"] == "threats_after_use" and war[3] < war[2]
    assert 0.25 <= demo.history[1]["p_nuclear_use"] <= 0.35          # "roughly three in ten"
    ends = [seminar.play(seminar.DEMO_SCRIPT, seed=s).ladder_state for s in range(200)]
    settled = sum(e == "settlement" for e in ends) / 200
    after = sum(e in ("threats_after_use", "conventional_after_use") for e in ends) / 200
    high = sum(e in ("battlefield_use", "theatre_exchange", "strategic_exchange", "general_war")
               for e in ends) / 200
    # "about two in five settle, about half ... after the use, about one in ten higher"
    assert 0.33 <= settled <= 0.47 and 0.42 <= after <= 0.58 and 0.05 <= high <= 0.15
    model = {v.claim: v.model for v in verdict.VERDICTS}
    starting = [c.id for c in argument.CLAIMS if not c.premises]
    assert {k for k, v in model.items() if v == "needs correction"} <= set(starting)
    assert model["C11"] == model["C12"] == model["C13"] == "value judgement"


def test_every_round_record_is_a_probability_distribution():
    game = seminar.play(SCRIPT, seed=7)
    for record in game.history:
        assert sum(record["step"].values()) == pytest.approx(1.0, abs=1e-12)
        assert 0 <= record["draw"] < 1
        assert record["p_settlement"] + record["p_general_war"] == pytest.approx(1.0, abs=1e-9)
        before_threshold = record["state_before"] in ("conventional_war", "nuclear_threats")
        assert (record["p_nuclear_use"] is not None) == before_threshold


@given(seed=st.integers(0, 2**32), picks=st.lists(st.integers(0, 6), min_size=8, max_size=8))
def test_any_game_keeps_the_rules(seed, picks):
    state = seminar.new_game(seed, max_rounds=8)
    for pick in picks:
        if state.over:
            break
        state = seminar.advance(state, choices_for(state, pick))
    first, second = state.history[0], state.history[1]
    assert first["state_after"] in ("conventional_war", "nuclear_threats")  # premise: no use yet
    assert second["state_after"] == "first_use"                              # premise: detonation
    pairs = zip(state.history, state.history[1:])
    assert all(h["state_before"] == p["state_after"] for p, h in pairs)
    ended = state.ladder_state in escalation.ABSORBING_KEYS
    assert state.over == (ended or len(state.history) == 8)


def test_seeded_draws_follow_the_chains_probabilities():
    # Round 1 from 1,000 seeds: the share of games reaching nuclear threats must match the
    # conditioned chance within 4 standard errors (binomial), so the draw is not biased.
    p = seminar.advance(seminar.new_game(0), BEFORE).history[0]["step"]
    expected = p["nuclear_threats"] / (p["nuclear_threats"] + p["conventional_war"])
    hits = [seminar.advance(seminar.new_game(seed), BEFORE).history[0]["state_after"]
            == "nuclear_threats" for seed in range(1000)]
    se = np.sqrt(expected * (1 - expected) / 1000)
    assert abs(np.mean(hits) - expected) < 4 * se


def test_different_seeds_give_different_histories():
    paths = {tuple(h["state_after"] for h in seminar.play(SCRIPT, seed=s).history)
             for s in range(30)}
    assert len(paths) > 3


def _after_detonation(**override):
    state = seminar.play(SCRIPT[:2], seed=11)
    return seminar.advance(state, {**AFTER, **override}).history[-1]


def test_moves_push_the_chain_in_their_stated_direction():
    assert (_after_detonation(moscow="further_use")["p_general_war"]
            > _after_detonation(moscow="threaten_more")["p_general_war"]
            > _after_detonation(moscow="pause_and_talk")["p_general_war"])
    assert (_after_detonation(washington="nuclear_in_kind")["p_general_war"]
            > _after_detonation(washington="conventional_strikes")["p_general_war"])
    state = seminar.new_game(3)
    signals = seminar.advance(state, BEFORE).history[0]["p_nuclear_use"]
    talks = seminar.advance(state, {**BEFORE, "moscow": "seek_talks"}).history[0]["p_nuclear_use"]
    assert signals > talks


def test_washingtons_answer_is_chapter_05s_option():
    state = seminar.play(SCRIPT[:2], seed=1)
    option, params = seminar.chain_parameters(state, {**AFTER, "moscow": "threaten_more",
                                                      "kyiv": "appeal_un", "beijing": "stay_silent",
                                                      "nato_europe": "own_measures"})
    assert option == "conventional_strikes"
    # Moscow's threat scales climbing by 1.3 and Kyiv's appeal by 0.95, on top of the option.
    expected = escalation.ladder_parameters("conventional_strikes", up_scale=1.3 * 0.95)
    np.testing.assert_allclose(params["up"], expected["up"])


def test_extreme_moves_still_give_a_valid_chain():
    state = seminar.play(SCRIPT[:2], seed=1)
    worst = {"moscow": "further_use", "washington": "nuclear_in_kind", "kyiv": "keep_advancing",
             "nato_europe": "own_measures", "beijing": "stay_silent"}
    _, params = seminar.chain_parameters(state, worst)
    total = params["up"] + params["down"] + params["settle"]
    assert np.all(total <= 1 + 1e-12) and np.isclose(total.max(), 1.0)  # the rule was needed
    escalation.check_transition_matrix(escalation.ladder_matrix(**params))


def test_teams_can_be_fewer_than_five():
    game = seminar.play([{"moscow": "seek_talks", "washington": "press_for_talks"}] * 2,
                        seed=5, teams=["washington", "moscow"])
    assert game.teams == ("moscow", "washington") and len(game.history) == 2


# --- consequences from the models -------------------------------------------------------------

def test_control_cell_report_calls_the_models():
    game = seminar.play(SCRIPT, seed=2023)
    second = seminar.consequences(game, 2)
    assert "ES-11/4" in second["law"] and "decision" not in second
    third = seminar.consequences(game, 3)
    town_10kt = effects.casualties(10.0, effects.density_preset("town")).killed
    assert f"{float(f'{town_10kt:.2g}'):,.0f} (10 kt)" in third["effects"]
    assert "effects" not in second and "effects" not in seminar.consequences(game, 4)
    rank = response.ranking(response.PRESETS["op-ed"]).index("conventional_strikes") + 1
    assert f"ranks {rank} of {len(response.OPTIONS)} with the op-ed weights" in third["decision"]
    assert law.contrast_with_court("nato_air_campaign")["court"] in third["law"]
    text = seminar.report(game, 3)
    assert "Round 3: A nuclear detonation is reported" in text and "Chance draw" in text
    assert "The game has ended" in seminar.report(game)
    assert "Conventional precision strikes" in seminar.decisions_table(game)
    assert "the op-ed's premise: a detonation is reported" in seminar.rounds_table()
    assert "the option table's ladder factors" in seminar.menu_table("after")
    assert "[sullivan2022]" in seminar.teams_table() and "Beijing" not in seminar.teams_table(
        ["moscow", "washington"])


# --- validation -------------------------------------------------------------------------------


def test_advance_refuses_a_finished_game_and_never_changes_its_input():
    state = seminar.new_game(2023, max_rounds=3)
    snapshot = seminar.to_json(state)
    seminar.advance(state, BEFORE)
    assert seminar.to_json(state) == snapshot
    done = seminar.play(SCRIPT, seed=2023, max_rounds=3)
    assert done.over
    with pytest.raises(ValueError, match="the game is over"):
        seminar.advance(done, AFTER)
    with pytest.raises(TypeError, match="state"):
        seminar.advance({"seed": 1}, BEFORE)


# --- save and load ----------------------------------------------------------------------------

def test_save_and_load_round_trip_and_the_game_continues_identically(tmp_path):
    part = seminar.play(SCRIPT[:3], seed=99)
    path = tmp_path / "game.json"
    seminar.save(part, path)
    data = json.loads(path.read_text())
    assert data["format"] == seminar.FORMAT and data["version"] == seminar.FORMAT_VERSION
    loaded = seminar.load(path)
    assert loaded == part
    assert seminar.advance(loaded, SCRIPT[3]) == seminar.advance(part, SCRIPT[3])
    assert seminar.from_json(seminar.to_json(seminar.new_game(4))) == seminar.new_game(4)


def _edited(change):
    data = seminar.to_dict(seminar.play(SCRIPT[:3], seed=99))
    change(data)
    return json.dumps(data)


CORRUPT = {
    "truncated": seminar.to_json(seminar.play(SCRIPT[:3], seed=99))[:200],
    "not json": "this is not a save",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00",
    "foreign json": json.dumps({"cells": [], "nbformat": 4}),
    "a list": "[1, 2, 3]",
    "wrong version": _edited(lambda d: d.update(version=2)),
    "version as true": _edited(lambda d: d.update(version=True)),
    "missing field": _edited(lambda d: d.pop("seed")),
    "extra field": _edited(lambda d: d.update(winner="moscow")),
    "bad seed": _edited(lambda d: d.update(seed="abc")),
    "edited move": _edited(lambda d: d["decisions"][0]["choices"].update(moscow="further_use")),
    "edited outcome": _edited(lambda d: d["history"][2].update(state_after="settlement")),
    "edited draw": _edited(lambda d: d["history"][0].update(draw=0.5)),
    "edited seed": _edited(lambda d: d.update(seed=100)),
    "lost round": _edited(lambda d: d["history"].pop()),
}
MESSAGES = {"truncated": "not valid JSON", "not json": "not valid JSON", "binary": "UTF-8",
            "foreign json": "not a deterrence-lab crisis-seminar save", "a list": "JSON object",
            "wrong version": "version 2 is not supported", "version as true": "version True",
            "missing field": "missing: \\['seed'\\]",
            "extra field": "unexpected: \\['winner'\\]", "bad seed": "seed",
            "edited move": "round 1", "edited outcome": "history of round 3",
            "edited draw": "history of round 1", "edited seed": "does not follow",
            "lost round": "incomplete"}


@pytest.mark.parametrize("name", CORRUPT)
def test_corrupt_saves_are_refused_with_a_clear_message(name):
    with pytest.raises(ValueError, match=MESSAGES[name]):
        seminar.from_json(CORRUPT[name])


def test_a_refused_file_leaves_the_widgets_game_unchanged(tmp_path):
    w = CrisisSeminar(seed=2023)
    w.set(**BEFORE)
    w.advance()
    before = seminar.to_json(w.game)
    for name, text in CORRUPT.items():
        path = tmp_path / f"{name.replace(' ', '_')}.json"
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        assert w.load(path) is False
        assert seminar.to_json(w.game) == before
        assert "not loaded, the current game is unchanged" in w.status.value
    assert w.load(tmp_path / "missing.json") is False
    assert seminar.to_json(w.game) == before


# --- the widgets --------------------------------------------------------------------------------

def test_control_panel_plays_saves_and_reloads(tmp_path):
    w = CrisisSeminar(seed=2023)
    assert w.result["round"] == 1 and "Round 1 of at most 5" in w.situation.value
    first_image = w.image.value
    w.set(**BEFORE)
    w.notes["kyiv"].value = "Chapter 02: the land is Ukraine's."
    assert w.advance()["round"] == 2
    assert "Raise nuclear alerts" in w.log.value and w.image.value != first_image
    assert w.game.decisions[0]["notes"] == {"kyiv": "Chapter 02: the land is Ukraine's."}
    assert "reason: Chapter 02" in w.log.value and w.notes["kyiv"].value == ""
    assert "Control cell's report on round 1" in w.report.value
    w.set(**{**BEFORE, "moscow": "press_offensive"})
    w.advance()
    assert [h for h in w.game.history] == list(seminar.play(SCRIPT[:2], seed=2023).history)
    assert [o[1] for o in w.controls["washington"].options] == list(response.OPTION_KEYS)
    path = tmp_path / "week1.json"
    assert w.save(path)
    other = CrisisSeminar(seed=1)
    assert other.load(path) and other.game == w.game and "round 3 is next" in other.status.value
    with pytest.raises(ValueError, match="move of kyiv"):
        w.set(kyiv="further_use")
    with pytest.raises(ValueError, match="team"):
        w.set(paris="advance")
    assert w.reset()["round"] == 1


def test_control_panel_disables_play_when_the_game_ends():
    w = CrisisSeminar(seed=2023, max_rounds=3)
    for choices in SCRIPT[:3]:
        w.set(**choices)
        w.advance()
    assert w.result["over"] and w.advance_button.disabled
    assert "The game has ended" in w.situation.value
    assert w.advance()["rounds_played"] == 3  # pressing again changes nothing


def test_control_panel_refuses_a_save_with_other_teams(tmp_path):
    path = tmp_path / "small.json"
    seminar.save(seminar.new_game(1, teams=["moscow", "washington"]), path)
    w = CrisisSeminar()
    assert w.load(path) is False and "other teams" in w.status.value


def test_figures_have_labelled_axes():
    fig = debrief_figure(seminar.play(SCRIPT, seed=2023))
    top, bottom = fig.axes
    assert "ladder" in top.get_ylabel() and "%" in bottom.get_ylabel()
    assert bottom.get_xlabel() == "round"
    assert len(timeline_figure().axes[0].get_yticklabels()) == len(verdict.TIMELINE)


def test_verdict_map_colours_each_claim_by_its_verdict():
    def colours(fig):
        return [p.get_facecolor() for p in fig.axes[0].patches
                if (p.get_gid() or "").startswith("box ")]

    from matplotlib.colors import to_rgba
    model = colours(verdict_map_figure())
    assert model == [to_rgba(VERDICT_COLORS[verdict.verdict(c.id).model], 0.9)
                     for c in argument.CLAIMS]
    empty = colours(verdict_map_figure(verdict.template(), title="Yours"))
    assert set(empty) == {to_rgba(VERDICT_COLORS[None], 0.9)}
    with pytest.raises(ValueError, match="verdicts"):
        verdict_map_figure({"C1": "perhaps"})


def test_verdict_recorder():
    v = VerdictRecorder()
    assert set(v.result.values()) == {None}
    assert v.controls["C1"].label == VerdictRecorder.NOT_YET   # "not yet" is shown, not a blank
    v.set(C4="needs correction", C1="holds")
    assert v.compare() == 1 and "1 of 15 match" in v.output.value
    with pytest.raises(ValueError, match="verdicts\\['C2'\\]"):
        v.set(C2="true")
    with pytest.raises(ValueError, match="verdicts key"):
        v.set(C16="open")
    assert v.set(C4=None)["C4"] is None and v.controls["C4"].label == VerdictRecorder.NOT_YET
    v.set(C4="open")
    assert v.reset()["C4"] is None


# --- the verdict data ---------------------------------------------------------------------------

def test_every_claim_has_one_verdict_with_a_valid_model_answer():
    assert [v.claim for v in verdict.VERDICTS] == [c.id for c in argument.CLAIMS]
    for v in verdict.VERDICTS:
        assert v.model in verdict.VERDICT_OPTIONS and v.found and v.afterwards and v.why


def test_verdict_and_timeline_sources_exist():
    keys = {k for e in verdict.TIMELINE for k in e.sources} | {
        k for v in verdict.VERDICTS for k in v.sources}
    missing = keys - set(sources.SOURCES)
    assert not missing, missing
    for e in verdict.TIMELINE:
        assert e.sources and e.kind in verdict.KINDS
        for claim_id in e.claims:
            argument.claim(claim_id)


def test_timeline_is_dated_and_ordered_around_the_oped():
    events = verdict.timeline()
    assert [e.sort_key for e in events] == sorted(e.sort_key for e in events)
    assert next(e for e in events if e.kind == "op-ed").date == verdict.OPED_DATE
    after = verdict.timeline(after_oped=True)
    assert {e.date for e in after} >= {"2023-03-25", "2024-02-28", "2024-08-06", "2024-11-19",
                                       "2024-11-21", "2026-02-05", "2026-02"}
    assert max(e.sort_key for e in events) <= (2026, 11, 99)   # the record to November 2026
    assert all(e.after_oped for e in after)
    assert not any(e.after_oped for e in verdict.timeline(after_oped=False))
    assert all("C6" in e.claims for e in verdict.timeline("C6"))
    assert "[russia2024]" in verdict.timeline_table()
    with pytest.raises(ValueError, match="claim_id"):
        verdict.timeline("C99")
    with pytest.raises(TypeError, match="after_oped"):
        verdict.timeline(after_oped="yes")


def test_verdict_text_agrees_with_the_models():
    # C11's finding: with the op-ed's weights as direct weights the large attack ranks first
    # and the strikes second; as swing weights the strikes rank first; whether they lower the
    # risk of further use flips inside the table's range of their climbing factor.
    oped = response.PRESETS["op-ed"]
    assert response.ranking(oped)[:2] == ("conventional_large", "conventional_strikes")
    assert response.ranking(response.swing_weights(oped))[0] == "conventional_strikes"
    verdict_ = robustness.recommended_verdict()
    flips = verdict_.lowers_further_use.rows[0].flips_at
    strikes_up = options.option("conventional_strikes").ladder["up"]
    assert len(flips) == 1 and strikes_up.low < flips[0] < strikes_up.high
    # C9's and C13's findings: a protest scores low on deterrence; volunteers rank 3rd-5th.
    assert response.get_score("protest", "deterrence").likely <= 2
    assert all(3 <= response.ranking(w).index("volunteers") + 1 <= 5
               for w in response.PRESETS.values())
    assert "third to fifth" in verdict.verdict("C13").found
    # C4's finding: 7-7 with a casting vote on the extreme case.
    e = law.finding("E")
    assert (e.votes_for, e.votes_against) == (7, 7) and e.casting_vote
    assert "7-7" in verdict.verdict("C4").found
    # C3's finding: thousands killed where people live, far fewer on a thinly populated front.
    assert effects.casualties(10.0, effects.density_preset("town")).killed > 1000
    assert effects.casualties(10.0, effects.density_preset("front-line countryside")).killed < 100
    assert "under a hundred" in verdict.verdict("C3").found
    # C10's finding: the pulse reaches past Oahu's distance, a burst that high leaves no local
    # fallout (chapter 01's model of Starfish Prime, 1.4 Mt at about 400 km).
    assert effects.emp_ground_radius_km(400.0) > effects.STARFISH["oahu_distance_km"]
    assert not effects.local_fallout_expected(1400.0, 400_000.0)
    assert "1,300 km" in verdict.verdict("C10").found
    # C12's finding: Plan A's total dead.
    assert escalation.PLAN_A_TOTAL_MILLION["dead"] == 34.1
    assert "34.1 million" in verdict.verdict("C12").found


def test_compare_and_check_verdicts():
    mine = verdict.template()
    assert len(mine) == 15 and set(mine.values()) == {None}
    mine.update(C4="needs correction", C12="value judgement")
    text = verdict.compare(mine)
    assert text.startswith("You gave 2 of 15 verdicts; 2 match")
    with pytest.raises(ValueError, match="verdicts\\['C1'\\]"):
        verdict.check_verdicts({"C1": "maybe"})
    with pytest.raises(ValueError, match="verdicts key"):
        verdict.check_verdicts({"C0": "open"})
    with pytest.raises(TypeError, match="verdicts"):
        verdict.check_verdicts(["C1", "open"])
    assert "model verdict" in verdict.verdict_table()
    assert "model verdict" not in verdict.verdict_table(model_answer=False)


def test_normative_claims_get_a_normative_verdict():
    normative = [c.id for c in argument.CLAIMS if c.kind in ("normative", "recommendation")]
    for cid in normative:
        v = verdict.verdict(cid)
        assert v.model in (verdict.NORMATIVE_VERDICT, "open"), cid
        if v.model == verdict.NORMATIVE_VERDICT:
            assert v.if_accepted, f"{cid}: a value judgement says what follows from its values"
    for v in verdict.VERDICTS:       # and no empirical verdict on a normative claim
        if argument.claim(v.claim).kind == "normative":
            assert v.model == verdict.NORMATIVE_VERDICT
    assert "If one accepts its values" in verdict.verdict_table()
    # C12: Plan A is cited as a scenario, not a forecast.
    assert "not offer as a forecast" in verdict.verdict("C12").found


def test_rejudged_claims_c1_c2():
    c1 = verdict.verdict("C1")
    assert c1.model == "open" and "Kursk" in c1.afterwards and "never arose" in c1.afterwards
    c2 = verdict.verdict("C2")
    assert "signalling" in c2.found and "Financial Times" in c2.afterwards
    assert "seddon2024" in c2.sources
    assert "public only in 2024" in verdict.verdict("C7").found


def test_events_since_2024_say_where_in_each_source():
    for e in verdict.timeline():
        if e.where:
            assert len(e.where) == len(e.sources), e.title
        if e.sort_key >= (2024, 2, 28) and e.date not in ("2024-03", "2024-11-19"):
            assert e.where and all(e.where), f"{e.title}: where in the source?"
    assert "[seddon2024] opening paragraphs" in verdict.timeline_table()


def test_netherlands_perspective_separates_official_from_reported():
    text = verdict.netherlands_perspective()
    assert "official or documented" in text and "reported, not confirmed" in text
    assert "neither confirms nor denies" in text and "[defensie2024" in text
    claims = [cid for cid, _, _ in verdict.NETHERLANDS_IMPLICATIONS]
    assert claims == ["C10", "C11", "C13", "C15"]
    for _, text_, keys in verdict.NETHERLANDS_IMPLICATIONS:
        assert text_ and keys
