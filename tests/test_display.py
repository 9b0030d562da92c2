"""The library's own text formats: Markdown tables every column of which has a heading."""
import pytest

from deterrence_lab import markdown_table, verdict


def test_a_table_column_without_a_heading_is_refused():
    """axe-core's rule empty-table-header: a screen reader announces each cell with its
    column's heading, so a blank heading is refused at the source."""
    with pytest.raises(ValueError, match="column 1 has no heading"):
        markdown_table(["", "killed"], [["a", "b"]])
    with pytest.raises(ValueError, match="column 2 has no heading"):
        markdown_table(["estimate", "  "], [["a", "b"]])
    with pytest.raises(ValueError, match="header"):
        markdown_table([], [])
    assert markdown_table(["a|b", "c"], [["1", "2"]]).startswith("| a\\|b | c |")


def test_the_verdict_comparison_names_every_column():
    text = verdict.compare({**verdict.template(), "C4": "needs correction"})
    header = next(line for line in text.splitlines() if line.startswith("| claim"))
    assert all(cell.strip() for cell in header.strip("|").split("|")), header
