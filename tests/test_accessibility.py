"""Accessibility in the browser: the axe-core engine over every page of the static site and
over one chapter running in JupyterLab, in Debian's Chromium driven by Playwright.

axe-core (npm package ``axe-core``, MPL-2.0) is not vendored: ``.ci/run`` installs it with
npm into ``.ci/axe/``; ``DETERRENCE_AXE_JS`` may point to another copy of ``axe.min.js``.
Without it, these tests are skipped and say how to install it. A violation of impact
"serious" or "critical" fails the test, listing each rule, its help text and the first
elements it found.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from deterrence_lab.tooling.site import build_site, chapter_notebooks

ROOT = Path(__file__).resolve().parents[1]
AXE_JS = Path(os.environ.get("DETERRENCE_AXE_JS",
                             ROOT / ".ci" / "axe" / "node_modules" / "axe-core" / "axe.min.js"))

# the JupyterLab server, the browser and the notebook driver of the browser smoke test
from test_browser import (CHROMIUM, REQUIRED, browser, lab, open_and_run,  # noqa: E402,F401
                          wait_until_idle)

if REQUIRED:  # CI: a missing engine must fail, not hide
    assert AXE_JS.is_file(), f"DETERRENCE_LAB_REQUIRE_BROWSER=1 but axe-core is not at {AXE_JS}"
pytestmark = [pytest.mark.browser, pytest.mark.notebooks,
              pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed"),
              pytest.mark.skipif(not AXE_JS.is_file(), reason=(
                  f"axe-core is not installed at {AXE_JS}: run "
                  "'npm install --prefix .ci/axe axe-core@4.14.1' (as .ci/run does) or set "
                  "DETERRENCE_AXE_JS to an axe.min.js"))]
SERIOUS = ("serious", "critical")

RUN_AXE = """async (include) => {
  const context = include ? {include: include.map(s => [s])} : document;
  const result = await axe.run(context, {resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' +
                                       (n.failureSummary || '').split('\\n').slice(1, 2).join(''))}));
}"""


def axe_violations(page, include: list[str] | None = None) -> list[dict]:
    """axe's violations on the page, or only inside the elements ``include`` selects."""
    page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    return page.evaluate(RUN_AXE, include)


def describe(where: str, violations: list[dict]) -> str:
    return "\n".join(f"{where}: {v['id']} ({v['impact']}): {v['help']}\n    "
                     + "\n    ".join(v["nodes"]) for v in violations)


@pytest.fixture(scope="module")
def site_pages(tmp_path_factory, notebook_runs) -> list[Path]:
    """The site of the real course, from the notebook runs this pytest call makes anyway."""
    course = ROOT / "course"
    assert chapter_notebooks(course), "no chapter notebooks"
    return build_site(course, tmp_path_factory.mktemp("site"), executed=notebook_runs.executed)


def test_every_site_page_has_no_serious_or_critical_axe_violation(browser, site_pages):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    found = []
    for path in site_pages:
        page.goto(path.as_uri())
        serious = [v for v in axe_violations(page) if v["impact"] in SERIOUS]
        if serious:
            found.append(describe(path.name, serious))
    page.close()
    assert not found, "\n".join(found)


def test_a_chapter_in_jupyterlab_has_no_serious_or_critical_axe_violation(browser, lab):
    """Chapter 01 after Run All: its text and both explorers with their figures.

    Checked are the course's own content: rendered Markdown, HTML output and the widgets.
    Left out are JupyterLab's own parts (code editors, its list of cells, the buttons
    that fold headings) and the plain figure outputs, because JupyterLab's image renderer
    writes no alt attribute at all; the static site gives those figures alt text."""
    page = open_and_run(browser, lab, "course/01_small_weapons_large_effects.ipynb")
    page.wait_for_selector("img.widget-image")
    wait_until_idle(page)
    page.wait_for_timeout(1000)  # the last outputs settle
    serious = [v for v in axe_violations(page, [".jp-RenderedMarkdown", ".jp-RenderedHTML",
                                                ".jupyter-widgets"])
               if v["impact"] in SERIOUS]
    page.close()
    assert not serious, describe("chapter 01 in JupyterLab", serious)
