"""Docstring pieces written once and shared by sibling functions.

Several public functions of a model take the same arguments, raise the same errors for the same
reasons and rest on the same source. Their numpydoc text is written once, in a dictionary of the
module (built with :func:`pieces`), and each docstring names the piece it needs as ``%(name)s``;
the decorator :func:`fill` puts the text in when the module is imported, so ``help(f)``,
``f.__doc__`` and the docstring tests see the complete docstring of every function (the style
of matplotlib's ``_docstring.interpd``).

A piece is written the way it reads in a cleaned docstring: entry lines (``name : type``) at the
left margin, their descriptions indented by four spaces. A placeholder may stand alone on its
line (a whole entry or section) or begin a line that goes on (a sentence the function
completes); the lines of a multi-line piece take the indentation of the placeholder's line.
"""
from __future__ import annotations

import inspect
import re
import textwrap

_FIELD = re.compile(r"%\((\w+)\)s")


def _substitute(text: str, texts: dict[str, str]) -> str:
    """``text`` with every ``%(name)s`` replaced by ``texts[name]``, indented as its line.

    Raises
    ------
    KeyError
        If a placeholder names no piece (a typo would otherwise show as raw text).
    """
    out = []
    for line in text.splitlines():
        indent = line[:len(line) - len(line.lstrip())]

        def piece(match: re.Match) -> str:
            name = match.group(1)
            if name not in texts:
                raise KeyError(f"docstring placeholder %({name})s names no shared piece; "
                               f"known: {', '.join(sorted(texts)) or 'none'}")
            first, *rest = texts[name].split("\n")
            return "\n".join([first, *(indent + part if part else part for part in rest)])

        out.append(_FIELD.sub(piece, line))
    return "\n".join(out)


def pieces(**texts: str) -> dict[str, str]:
    """The shared texts, each dedented and stripped of blank edges.

    A piece may itself name an earlier piece as ``%(name)s`` (a whole section built from the
    entries it lists); it is filled in here, in the order given.
    """
    done: dict[str, str] = {}
    for name, text in texts.items():
        done[name] = _substitute(textwrap.dedent(text).strip("\n"), done)
    return done


def section(title: str, *lines: str) -> str:
    """A numpydoc section: ``title``, its underline, then ``lines`` (text or placeholders)."""
    return "\n".join([title, "-" * len(title), *lines])


def sections(*parts: tuple[str, ...]) -> str:
    """Several sections, each given as ``(title, *lines)``, separated by blank lines."""
    return "\n\n".join(section(*part) for part in parts)


def render(doc: str, texts: dict[str, str]) -> str:
    """The docstring ``doc`` cleaned (:func:`inspect.cleandoc`), its placeholders filled in."""
    return _substitute(inspect.cleandoc(doc), texts)


def fill(texts: dict[str, str]):
    """Decorator: complete the decorated function's or class's docstring from ``texts``."""
    def apply(obj):
        target = obj.fget if isinstance(obj, property) else obj
        target.__doc__ = render(target.__doc__ or "", texts)
        return obj
    return apply
