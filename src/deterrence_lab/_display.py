"""A string that Jupyter shows as Markdown and a terminal shows as plain text."""
from __future__ import annotations

import textwrap

#: Width of the plain-text form of :func:`prose` (a terminal, a reader of ``text/plain``).
PLAIN_WIDTH = 88


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


def kilotons(yield_kt: float) -> str:
    """A yield for a title or sentence: three significant figures, never in exponent form
    (``15`` → ``'15 kt'``, ``1000`` → ``'1,000 kt'``, ``0.1`` → ``'0.1 kt'``)."""
    value = float(f"{float(yield_kt):.3g}")
    return f"{value:,.0f} kt" if value >= 100 else f"{value:g} kt"


class Prose(Markdown):
    """Paragraphs of Markdown whose plain-text form is wrapped between words."""

    def __repr__(self) -> str:
        return "\n\n".join(textwrap.fill(paragraph, PLAIN_WIDTH, break_long_words=False,
                                         break_on_hyphens=False)
                           for paragraph in str(self).split("\n\n"))


def prose(*paragraphs: str) -> Prose:
    """Sentences for a reader, one Markdown paragraph per argument.

    A notebook shows them as Markdown, which wraps between words at any width (a printed
    line wraps wherever the output area ends, splitting words); the plain-text form is
    wrapped at ``PLAIN_WIDTH`` characters on word boundaries. Blank paragraphs are left out,
    and each run of white space inside a paragraph becomes one space.

    Parameters
    ----------
    *paragraphs : str
        The paragraphs, in order; each may use Markdown (``**bold**``, ``*italic*``).

    Returns
    -------
    Prose
        A ``str`` (Markdown) that Jupyter renders as Markdown.

    Raises
    ------
    TypeError
        If a paragraph is not a string.
    """
    for index, paragraph in enumerate(paragraphs):
        if not isinstance(paragraph, str):
            raise TypeError(f"paragraphs[{index}]={paragraph!r} must be a string, not "
                            f"{type(paragraph).__name__}")
    kept = [" ".join(p.split()) for p in paragraphs if p.strip()]
    return Prose("\n\n".join(kept))
