"""A string that Jupyter shows as Markdown and a terminal shows as plain text."""
from __future__ import annotations


class Markdown(str):
    """Markdown text; a ``str`` everywhere else, so it needs no IPython to exist."""

    def _repr_markdown_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return str(self)


def markdown_table(header: list[str], rows: list[list[str]]) -> Markdown:
    """A GitHub-style Markdown table; pipes inside cells are escaped.

    Every column needs a heading: a screen reader announces it with each cell, and an
    empty header cell is an accessibility fault (axe-core's rule ``empty-table-header``).

    Raises
    ------
    ValueError
        If ``header`` is empty or one of its cells is blank.
    """
    def cell(text) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")

    header = list(header)
    if not header:
        raise ValueError("header=[] must name at least one column")
    blank = [i for i, h in enumerate(header) if not str(h).strip()]
    if blank:
        raise ValueError(f"header={header!r}: column {blank[0] + 1} has no heading; give every "
                         "column a heading a screen reader can announce")

    lines = ["| " + " | ".join(cell(h) for h in header) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return Markdown("\n".join(lines))


def percent(p: float) -> str:
    """A probability as a percentage for a sentence: one decimal from 1% up, two significant
    figures below it (``0.0042`` → ``'0.42%'``), ``'0%'`` for zero."""
    p = float(p)
    return f"{100 * p:.1f}%" if p >= 0.01 or p == 0 else f"{100 * p:.2g}%"
