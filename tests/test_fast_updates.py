"""The widgets' fast path (``Explorer._static_key`` / ``_draw_static`` / ``_draw_dynamic`` and
``views.style.Scene``) draws what a full redraw draws.

After any sequence of changes, a widget's image must equal the image of a fresh widget set
to the same values, and (up to the rounding of a cached overlay, at most a few levels in a
channel) the chapter's own figure drawn whole for those values."""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from deterrence_lab.views import argument_map as amap
from deterrence_lab.views import command as command_views
from deterrence_lab.views import law as law_views
from deterrence_lab.views import maps
from deterrence_lab.views.style import Scene, png_bytes, style, to_png
from deterrence_lab.widgets import ch00, ch01, ch02, ch03, ch04, ch05

OVERLAY_ROUNDING = 3   # levels (of 255) a cached overlay may differ from drawing in place


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def assert_same_as_fresh(widget) -> None:
    fresh = type(widget)(**widget.values)
    assert np.array_equal(pixels(widget.png), pixels(fresh.png)), widget.values
    assert widget.image.value == fresh.image.value        # the same PNG, alt text and size
    assert widget.readout.value == fresh.readout.value
    assert widget.result == fresh.result


def assert_close_to(widget, fig) -> None:
    """The widget's image against ``fig`` drawn whole from scratch."""
    a, b = pixels(widget.png), pixels(to_png(fig))
    assert a.shape == b.shape
    difference = np.abs(a - b).max(axis=2)
    assert difference.max() <= OVERLAY_ROUNDING
    assert np.count_nonzero(difference) < 0.02 * difference.size


# Each sequence crosses what the fast path must get right: a change within one static key
# (drawn over the cached picture), another key (a new figure), a return to a kept one, and
# for the effects explorer a view without a fast path ("no map") and back.
SEQUENCES = {
    ch00.ClaimExplorer: [{"claim": "C1"}, {"claim": "C5"}],
    ch01.EmpExplorer: [{"burst_height_km": 515.0}, {"burst_height_km": 110.0},
                       {"centre": "The Hague"}],
    ch01.EffectsExplorer: [{"yield_kt": 1.0}, {"yield_kt": 16.0}, {"place": "none"},
                           {"place": "Hiroshima", "weapon": "er"}],
    ch02.WalkThrough: [{"scenario": "zaporizhzhia_counteroffensive"},
                       {"armed_attack": "unclear"}, {"scenario": ""}],
    ch02.DoctrineComparison: [{"count_claimed": False}, {"scenario": "invasion_of_russia"}],
    ch03.CommandExplorer: [{"n": 6}, {"n": 3, "pal": False}, {"predelegation": True, "k": 3}],
    ch04.WeightExplorer: [{"preset": "hawk"}, {"certainty": 100}, {"weighting": "swing"}],
    ch04.RedLineExplorer: [{"gain_cross": 6.0}, {"cost_strike": 0.5, "damage_strike": 10.0}],
    ch04.ReputationExplorer: [{"prior": 0.2}, {"n_crises": 5}, {"n_crises": 10, "p_answer": 0.3}],
    ch05.BrinkmanshipExplorer: [{"resolve_russia_pct": 60.0}, {"risk_step_pct": 0.0},
                                {"risk_step_pct": 5.0, "resolve_nato_pct": 30.0}],
    ch05.LadderExplorer: [{"option": "protest"}, {"start": "conventional_war"}, {"memory": False}],
    ch05.TrajectoryExplorer: [{"option": "protest"}, {"seed": 5}, {"n_paths": 20}],
    ch05.CumulativeRiskExplorer: [{"annual_risk_pct": 1.0}, {"years": 80},
                                  {"annual_risk_pct": 0.2}],
}


@pytest.mark.parametrize("cls", list(SEQUENCES), ids=lambda c: c.__name__)
def test_every_change_draws_what_a_fresh_widget_draws(cls):
    widget = cls()
    for values in SEQUENCES[cls]:
        widget.set(**values)
        assert not widget.error.value
        assert_same_as_fresh(widget)


@pytest.mark.parametrize("cls", list(SEQUENCES), ids=lambda c: c.__name__)
def test_rapid_changes_end_on_the_last_value(cls):
    widget = cls()
    for values in SEQUENCES[cls] * 2:     # as a hand dragging a slider back and forth
        widget.set(**values)
    widget.set(**SEQUENCES[cls][1])
    assert_same_as_fresh(widget)


def test_a_label_outside_its_axes_lays_the_figure_out_again():
    # the point label of a tiny risk over one year reaches past the axes' left edge: the
    # picture cached for the default label must not be reused, or the label is cut
    widget = ch05.CumulativeRiskExplorer()
    widget.set(annual_risk_pct=0.01, years=1)
    assert_same_as_fresh(widget)


def test_fast_images_match_the_chapter_figures_drawn_whole():
    with style():
        claims = ch00.ClaimExplorer()
        claims.set(claim="C1")
        claims.set(claim="C5")
        assert_close_to(claims, amap.argument_map("C5"))

        emp = ch01.EmpExplorer()
        emp.set(burst_height_km=515.0)
        emp.set(burst_height_km=110.0)
        assert_close_to(emp, maps.emp_map_figure("Moscow", 110.0)[0])

        rings = ch01.EffectsExplorer()
        rings.set(yield_kt=1.0)
        rings.set(yield_kt=16.0)
        title = f"16 kt, {ch01.BURSTS['optimum'].lower()}, over Hiroshima"
        assert_close_to(rings, maps.rings_map_figure(rings.result["radii_km"], "Hiroshima", 16.0,
                                                     title=title))

        walk = ch02.WalkThrough()
        walk.set(scenario="zaporizhzhia_counteroffensive")
        walk.set(armed_attack="unclear")
        assert_close_to(walk, law_views.walkthrough_figure(walk.result["answers"]))

        chain = ch03.CommandExplorer()
        chain.set(k=1)
        chain.set(k=3, pal=False)
        v = chain.values
        barriers = {k: v[k] for k in ("p_pal_defeat", "p_custody_defeat", "release_time_h",
                                      "p_cutoff")}
        current = dict(n=v["n"], k=3, pal=False, custody=v["custody"],
                       predelegation=v["predelegation"], **barriers)
        assert_close_to(chain, command_views.frontier_figure(
            v["n"], v["p_rogue"], v["p_fail"], current=current, custody=v["custody"], **barriers))


def test_a_change_that_keeps_the_static_key_draws_only_the_changing_artists(monkeypatch):
    widget = ch01.EmpExplorer()
    widget.set(burst_height_km=110.0)          # the same zoom step as the default 100 km
    scene = next(iter(widget._scenes.values()))
    assert len(widget._scenes) == 1 and scene.fig is widget.fig
    drawn = []
    monkeypatch.setattr(type(widget.fig.canvas), "draw", lambda self: drawn.append(self))
    widget.set(burst_height_km=100.0)
    assert drawn == []                           # no full draw: the cached picture was used
    monkeypatch.undo()
    assert_same_as_fresh(widget)


def test_a_figure_is_kept_per_static_key_and_the_oldest_is_reused(monkeypatch):
    from deterrence_lab.widgets import _base

    monkeypatch.setattr(_base, "SCENES_KEPT", 2)
    widget = ch03.CommandExplorer()
    first = widget.fig
    widget.set(n=4)
    widget.set(n=5)                              # a third key: the first figure is reused
    assert len(widget._scenes) == 2 and widget.fig is first
    widget.set(n=4)                              # still kept: no new figure
    assert len(widget._scenes) == 2
    assert_same_as_fresh(widget)


def test_a_refused_value_keeps_the_last_image_and_the_next_change_recovers(monkeypatch):
    widget = ch00.ClaimExplorer()
    before = widget.image.value
    real = ch00.ClaimExplorer._draw_dynamic

    def refuse(self, fig, claim):
        real(self, fig, claim)                   # half drawn, then refused
        raise ValueError("claim='C1' refused for this test")

    monkeypatch.setattr(ch00.ClaimExplorer, "_draw_dynamic", refuse)
    widget.set(claim="C1")
    assert "refused" in widget.error.value and widget.image.value == before
    monkeypatch.undo()
    widget.set(claim="C5")
    assert not widget.error.value
    assert_same_as_fresh(widget)


def test_png_bytes_hold_exactly_the_canvas_pixels():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    for facecolor, mode in (("white", "RGB"), ((1, 1, 1, 0.5), "RGBA")):
        fig = Figure(figsize=(2, 1.5), facecolor=facecolor)
        canvas = FigureCanvasAgg(fig)
        ax = fig.subplots()
        ax.plot([0, 1], [0, 1], lw=3, alpha=0.6)
        ax.set_title("a title")
        canvas.draw()
        image = Image.open(io.BytesIO(png_bytes(canvas)))
        assert image.mode == mode
        expected = np.asarray(canvas.buffer_rgba())[:, :, :len(mode)]
        assert np.array_equal(np.asarray(image), expected)


def test_a_scene_without_changes_above_draws_the_whole_figure_once():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(3, 2))
    ax = fig.subplots()
    ax.plot([0, 1], [0, 1])
    scene = Scene(fig)
    line, = ax.plot([0, 1], [1, 0], color="red", zorder=5)
    first = scene.render([line])
    scene.discard()
    assert line not in ax.lines
    line, = ax.plot([0, 1], [1, 0], color="red", zorder=5)
    assert scene.render([line]) == first and len(scene.pictures) == 1


def test_map_views_zoom_in_nice_steps():
    assert [maps.nice_view_km(v) for v in (1.0, 1.1, 2.6, 0.013, 7.9, 8.1, 1500.0)] == \
        pytest.approx([1.0, 1.25, 3.0, 0.015, 8.0, 10.0, 1500.0], rel=1e-9)
    for needed in np.geomspace(0.01, 1e5, 97):
        view = maps.nice_view_km(needed)
        assert needed <= view * (1 + 1e-12) <= 1.34 * needed   # at most one step larger
    with pytest.raises(ValueError, match="needed_km"):
        maps.nice_view_km(0.0)
