"""What a reader sees: verdict lines that name the verdict in words and need no emoji font,
and printed text that wraps on word boundaries (shared by the check and notebook tests)."""
from __future__ import annotations

import functools

from deterrence_lab.checks import CORRECT, NOT_ATTEMPTED, NOT_YET, RECORDED

VERDICTS = (NOT_ATTEMPTED, NOT_YET, CORRECT, RECORDED)


@functools.lru_cache(maxsize=1)
def dejavu_sans_characters() -> frozenset[int]:
    """The code points DejaVu Sans draws: the fallback font of nearly every Linux desktop
    (a Linux browser without an emoji font shows an emoji as an empty box), read from the
    copy matplotlib ships."""
    from pathlib import Path

    import matplotlib
    from matplotlib import ft2font

    font = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    return frozenset(ft2font.FT2Font(str(font)).get_charmap())


def verdict_problems(markdown: str) -> list[str]:
    """What is wrong with a verdict line as a reader without an emoji font sees it: no
    verdict written in words after the icon, or a character the fallback font cannot draw."""
    problems = []
    icon, _, rest = markdown.partition(" ")
    words = {status for status in VERDICTS if f"{status}**" in rest.lower()}
    if not words:
        problems.append(f"no verdict in words after the icon {icon!r}: {markdown[:80]!r}")
    drawable = dejavu_sans_characters() | {ord("\n")}
    missing = sorted({ch for ch in markdown if ord(ch) not in drawable})
    if missing:
        problems.append(f"characters the fallback font cannot draw: {missing} in {markdown[:80]!r}")
    return problems


#: Longest printed line (characters) a student's output may have: JupyterLab wraps a longer
#: one wherever the output area ends, splitting words (about 100 characters fit a 1280 px
#: window with the file browser open).
LINE_LIMIT = 100
#: Fragments of Python's own reprs of containers and arrays, never meant for a student.
RAW_REPRS = ("{'", '{"', "{(", "[(", "[[", "[np.", "array(", "Counter(", "defaultdict(",
             "OrderedDict(", "dtype=", "np.float", "<deterrence_lab.", " object at 0x")
#: Richer forms a notebook shows instead of an output's text/plain.
RICH_TYPES = ("text/markdown", "text/html", "image/png", "image/svg+xml",
              "application/vnd.jupyter.widget-view+json")


def _text(value) -> str:
    return value if isinstance(value, str) else "".join(value)


def output_problems(output) -> list[str]:
    """What makes one cell output hard to read for a student: a printed line so long that
    JupyterLab wraps it mid-word, or a raw Python repr of a dict, list or array.

    Printed text (a stream, or a result shown only as plain text) is checked for both; text
    the notebook renders as Markdown wraps between words and is checked for reprs only."""
    kind = output.get("output_type")
    if kind == "stream":
        printed, rendered = _text(output.get("text", "")), ""
    elif kind in ("display_data", "execute_result"):
        data = output.get("data", {})
        rich = any(m in data for m in RICH_TYPES)
        printed = "" if rich else _text(data.get("text/plain", ""))
        rendered = _text(data.get("text/markdown", ""))
    else:
        return []
    problems = [f"a printed line of {len(line)} characters (over {LINE_LIMIT}): {line[:60]!r}…"
                for line in printed.splitlines() if len(line) > LINE_LIMIT]
    for fragment in RAW_REPRS:
        for text in (printed, rendered):
            if fragment in text:
                at = text.index(fragment)
                problems.append(f"a raw Python repr ({fragment!r}): "
                                f"{text[max(0, at - 30):at + 50]!r}")
    return problems
