"""The op-ed's argument as data, and the chapter 00 views."""
import itertools

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from deterrence_lab import argument
from deterrence_lab.widgets.ch00 import ClaimExplorer, argument_map


def test_fifteen_claims_in_order_with_valid_fields():
    assert [c.id for c in argument.CLAIMS] == [f"C{i}" for i in range(1, 16)]
    for c in argument.CLAIMS:
        assert c.kind in argument.KINDS
        assert c.chapter in argument.CHAPTERS
        assert c.text and c.term_nl and c.term_en and c.evidence and c.gloss
        assert c.source == "nederlof2023"
        assert len(c.term_nl.split()) <= 8, f"{c.id}: a key phrase, not a sentence"


# The op-ed's own order, paragraph by paragraph, as a reader of the Dutch text finds the claims
# (the key phrase of each, in the text's order). A change to the claim list must keep it.
TEXT_ORDER = [("C1", "terugdrijven naar eigen land"), ("C2", "principieel"),
              ("C3", "doden vele duizenden"), ("C4", "voortbestaan van de staat"),
              ("C5", "verzengen"), ("C6", "garanderen"), ("C7", "in de hoek gedreven"),
              ("C8", "terstond"), ("C9", "protest"), ("C10", "demonstratie"),
              ("C11", "communicatiecentra"), ("C12", "escalatieladder"),
              ("C13", "verdedigingswapens"), ("C14", "overwegend belang"),
              ("C15", "anders zou oplopen")]


def test_claims_follow_the_text_order():
    assert [cid for cid, _ in TEXT_ORDER] == [c.id for c in argument.CLAIMS]
    for cid, phrase in TEXT_ORDER:
        assert phrase in argument.claim(cid).term_nl, cid


def test_the_ladder_sentence_is_a_premise_of_the_strikes_recommendation():
    ladder = argument.claim("C12")
    assert "escalatieladder" in ladder.term_nl and ladder.kind == "normative"
    strikes = argument.claim("C11")
    assert strikes.kind == "recommendation" and "communicatiecentra" in strikes.term_nl
    assert "C12" in strikes.premises
    assert "C11" not in argument.foundations("C12")      # not a conclusion drawn from C11


def test_the_closing_warning_to_moscow_is_the_last_claim():
    last = argument.CLAIMS[-1]
    assert last.id == "C15" and "oplopen" in last.term_nl
    assert "deterrence-by-punishment" in last.gloss
    assert set(last.premises) == {"C11", "C13"}
    assert argument.dependents("C15") == ()


def test_the_at_once_goal_and_the_translation_slips():
    assert "terstond" in argument.claim("C8").term_nl and "at once" in argument.claim("C8").text
    assert "is meant to ensure" in argument.claim("C6").text
    assert "guarantee" not in argument.claim("C6").text
    assert "scorch" in argument.claim("C5").text
    assert "defensive weapons" in argument.claim("C13").text
    assert "back to its own country" in argument.claim("C1").text
    assert "command" not in argument.claim("C11").text.lower()
    slips = {t.dutch: t for t in argument.TRANSLATION_SLIPS}
    assert {"moet … garanderen", "verzengen", "verdedigingswapens", "communicatiecentra",
            "terugdrijven naar eigen land", "terstond"} <= set(slips)
    for t in argument.TRANSLATION_SLIPS:
        assert t.claim in {c.id for c in argument.CLAIMS} and t.why
    table = argument.translation_table()
    assert len(table.splitlines()) == 2 + len(argument.TRANSLATION_SLIPS)
    assert len(argument.reading_table().splitlines()) == 2 + 15


def test_premises_exist_and_the_map_has_no_cycle():
    ids = {c.id for c in argument.CLAIMS}
    remaining = {c.id: set(c.premises) for c in argument.CLAIMS}
    assert all(p in ids for ps in remaining.values() for p in ps)
    while remaining:  # peel off claims whose premises are all placed (Kahn's algorithm)
        ready = {i for i, ps in remaining.items() if not ps & remaining.keys()}
        assert ready, f"cycle among {sorted(remaining)}"
        for i in ready:
            del remaining[i]


def test_foundations_and_dependents_are_consistent():
    for c in argument.CLAIMS:
        for p in c.premises:
            assert c.id in argument.dependents(p)
            assert p in argument.foundations(c.id)
        assert c.id not in argument.foundations(c.id)
        assert argument.depth(c.id) == (0 if not c.premises else
                                        1 + max(argument.depth(p) for p in c.premises))


def test_the_recommendation_rests_on_physics_the_red_line_and_the_ladder():
    assert argument.foundations("C11") == ("C3", "C8", "C9", "C10", "C12")


def test_every_examining_chapter_has_a_claim():
    assert set(argument.by_chapter()) == {"01", "02", "03", "04", "05"}
    assert sum(len(v) for v in argument.by_chapter().values()) == 15


def test_table_has_a_row_per_claim():
    lines = argument.table().splitlines()
    assert len(lines) == 2 + 15 and "| C15 |" in lines[-1]


def test_map_draws_every_claim():
    fig = argument_map()
    labels = {t.get_text().split("\n")[0] for t in fig.axes[0].texts}
    assert {c.id for c in argument.CLAIMS} <= labels
    with pytest.raises(ValueError, match="claim_id"):
        argument_map("C99")


def _drawn_geometry(highlight=None):
    """Boxes, labels and arrow paths of the drawn map, in display (pixel) coordinates."""
    fig = argument_map(highlight)
    FigureCanvasAgg(fig).draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    boxes, arrows = {}, {}
    for patch in ax.patches:
        gid = patch.get_gid() or ""
        if gid.startswith("box "):
            boxes[gid[4:]] = patch.get_window_extent(renderer)
        elif gid.startswith("arrow "):
            premise, conclusion = gid[6:].split("->")
            path = patch.get_path().transformed(ax.transData)
            arrows[(premise, conclusion)] = path.to_polygons(closed_only=False)
    labels = {t.get_gid()[6:]: t.get_window_extent(renderer)
              for t in ax.texts if (t.get_gid() or "").startswith("label ")}
    return boxes, labels, arrows


def _segment_hits_box(p, q, box, margin_px):
    """Liang-Barsky clipping: does segment p-q enter ``box`` grown by ``margin_px``?"""
    x0, y0, x1, y1 = box.x0 - margin_px, box.y0 - margin_px, box.x1 + margin_px, box.y1 + margin_px
    dx, dy = q[0] - p[0], q[1] - p[1]
    t0, t1 = 0.0, 1.0
    for step, room in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if step == 0:
            if room < 0:
                return False
        else:
            t = room / step
            t0, t1 = (max(t0, t), t1) if step < 0 else (t0, min(t1, t))
    return t0 < t1


@pytest.mark.parametrize("highlight", [None, "C11"])
def test_map_geometry_no_overlap_no_arrow_through_a_box(highlight):
    boxes, labels, arrows = _drawn_geometry(highlight)
    assert set(boxes) == set(labels) == {c.id for c in argument.CLAIMS}
    assert set(arrows) == {(p, c.id) for c in argument.CLAIMS for p in c.premises}
    gap_px = 3.0   # boxes at least 3 pixels apart, arrows at least 2 pixels clear of others
    for a, b in itertools.combinations(boxes, 2):
        ba, bb = boxes[a], boxes[b]
        apart = (ba.x1 + gap_px <= bb.x0 or bb.x1 + gap_px <= ba.x0 or
                 ba.y1 + gap_px <= bb.y0 or bb.y1 + gap_px <= ba.y0)
        assert apart, f"boxes {a} and {b} overlap"
    for cid, label in labels.items():       # each label fits inside its own box
        box = boxes[cid]
        assert (box.x0 <= label.x0 and label.x1 <= box.x1 and box.y0 <= label.y0
                and label.y1 <= box.y1), f"label of {cid} spills out of its box"
    for (premise, conclusion), pieces in arrows.items():
        assert pieces, f"arrow {premise}->{conclusion} has no path"
        for other, box in boxes.items():
            if other in (premise, conclusion):
                continue
            for vertices in pieces:
                for p, q in zip(vertices[:-1], vertices[1:]):
                    assert not _segment_hits_box(p, q, box, 2.0), \
                        f"arrow {premise}->{conclusion} crosses box {other}"
        # premises left, conclusions right: every arrow runs rightwards
        assert boxes[premise].x1 <= boxes[conclusion].x0


def test_segment_test_detects_a_crossing():
    from matplotlib.transforms import Bbox
    box = Bbox([[0, 0], [10, 10]])
    assert _segment_hits_box((-5, 5), (15, 5), box, 0.0)
    assert not _segment_hits_box((-5, 12), (15, 12), box, 0.0)
    assert _segment_hits_box((-5, 11), (15, 11), box, 2.0)


def test_claim_explorer_driven_from_python():
    w = ClaimExplorer()
    assert w.result["claim"] == "C11"
    first_png = w.image.value
    result = w.set(claim="C4")
    assert result == {"claim": "C4", "kind": "legal", "premises": (),
                      "dependents": ("C1", "C7"), "chapter": "02"}
    assert "misuse" in w.readout.value
    assert "voortbestaan van de staat" in w.readout.value
    assert w.image.value != first_png
    w.reset()
    assert w.result["claim"] == "C11"
    with pytest.raises(ValueError, match="unknown control"):
        w.set(colour="red")
