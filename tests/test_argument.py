"""The op-ed's argument as data, and the chapter 00 views."""
import pytest

from deterrence_lab import argument
from deterrence_lab.widgets.ch00 import ClaimExplorer, argument_map


def test_fourteen_claims_in_order_with_valid_fields():
    assert [c.id for c in argument.CLAIMS] == [f"C{i}" for i in range(1, 15)]
    for c in argument.CLAIMS:
        assert c.kind in argument.KINDS
        assert c.chapter in argument.CHAPTERS
        assert c.text and c.term_nl and c.term_en and c.evidence
        assert c.source == "nederlof2023"


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


def test_the_recommendation_rests_on_physics_and_the_red_line():
    assert argument.foundations("C11") == ("C3", "C8", "C9", "C10")


def test_every_examining_chapter_has_a_claim():
    assert set(argument.by_chapter()) == {"01", "02", "03", "04", "05"}
    assert sum(len(v) for v in argument.by_chapter().values()) == 14


def test_table_has_a_row_per_claim():
    lines = argument.table().splitlines()
    assert len(lines) == 2 + 14 and "| C14 |" in lines[-1]


def test_map_draws_every_claim():
    fig = argument_map()
    labels = {t.get_text().split("\n")[0] for t in fig.axes[0].texts}
    assert {c.id for c in argument.CLAIMS} <= labels
    with pytest.raises(ValueError, match="claim_id"):
        argument_map("C99")


def test_claim_explorer_driven_from_python():
    w = ClaimExplorer()
    assert w.result["claim"] == "C11"
    first_png = w.image.value
    result = w.set(claim="C4")
    assert result == {"claim": "C4", "kind": "legal", "premises": (),
                      "dependents": ("C1", "C7"), "chapter": "02"}
    assert "voortbestaan van de staat" in w.readout.value
    assert w.image.value != first_png
    w.reset()
    assert w.result["claim"] == "C11"
    with pytest.raises(ValueError, match="unknown control"):
        w.set(colour="red")
