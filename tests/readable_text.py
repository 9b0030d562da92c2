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
