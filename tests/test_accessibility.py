"""Accessibility in the browser: the axe-core engine over every page of the static site and
over one chapter running in JupyterLab, in Debian's Chromium driven by Playwright.

axe-core (npm package ``axe-core``, MPL-2.0) is not vendored: ``.ci/run`` installs it with
npm into ``.ci/axe/``; ``DETERRENCE_AXE_JS`` may point to another copy of ``axe.min.js``.
Without it, these tests are skipped and say how to install it. A violation of impact
"serious" or "critical" fails the test, and so does one of the rules of lesser impact that
were fixed once (``FIXED_RULES``), listing each rule, its help text and the first elements
it found.
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
from test_browser import (CHROMIUM, CLIPPED, REQUIRED, browser, lab, open_and_run,  # noqa: E402,F401
                          scroll_to, wait_until_idle)

if REQUIRED:  # CI: a missing engine must fail, not hide
    assert AXE_JS.is_file(), f"DETERRENCE_LAB_REQUIRE_BROWSER=1 but axe-core is not at {AXE_JS}"
pytestmark = [pytest.mark.browser, pytest.mark.notebooks,
              pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed"),
              pytest.mark.skipif(not AXE_JS.is_file(), reason=(
                  f"axe-core is not installed at {AXE_JS}: run "
                  "'npm install --prefix .ci/axe axe-core@4.14.1' (as .ci/run does) or set "
                  "DETERRENCE_AXE_JS to an axe.min.js"))]
SERIOUS = ("serious", "critical")
# Rules of lesser impact that fired once and were fixed at their source: they fail the tests
# too, so they stay fixed (a heading level skipped in a widget's readout; a table column
# without a heading).
FIXED_RULES = ("heading-order", "empty-table-header")


def failing(violations: list[dict]) -> list[dict]:
    """The violations that fail a test: serious or critical ones, and the fixed rules."""
    return [v for v in violations if v["impact"] in SERIOUS or v["id"] in FIXED_RULES]

RUN_AXE = """async (include) => {
  // ipywidgets' slider handle (noUiSlider) is a role=slider <div> that its visible <label>
  // does not name: a fault of ipywidgets' own markup, not the course's, so left out here
  const context = include ? {include: include.map(s => [s]), exclude: [['.noUi-handle']]}
                          : document;
  const result = await axe.run(context, {resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' +
                                       (n.failureSummary || '').split('\\n').slice(1, 2).join(''))}));
}"""


def axe_violations(page, include: list[str] | None = None) -> list[dict]:
    """axe's violations on the page, or only inside the elements ``include`` selects."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    if include and not page.evaluate("(s) => s.some(q => document.querySelector(q))", include):
        return []
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
        serious = failing(axe_violations(page))
        if serious:
            found.append(describe(path.name, serious))
    page.close()
    assert not found, "\n".join(found)


@pytest.fixture(scope="module")
def chapter_01(browser, lab):
    """Chapter 01 open in JupyterLab, every cell run, its widgets drawn."""
    page = open_and_run(browser, lab, "course/01_small_weapons_large_effects.ipynb")
    wait_until_idle(page)
    page.wait_for_function("() => document.body.innerText.includes('Python 3 (ipykernel) | Idle')")
    scroll_to(page, "img.widget-image")
    page.wait_for_timeout(1000)  # the last outputs settle
    yield page
    page.close()


def axe_whole_notebook(page, include: list[str]) -> list[dict]:
    """axe's violations inside ``include``, the notebook scrolled a half window at a time
    from top to bottom (JupyterLab renders only the cells near the window)."""
    found: dict[tuple, dict] = {}
    height = page.evaluate("() => document.querySelector('.jp-NotebookPanel "
                           ".jp-WindowedPanel-outer').scrollHeight")
    y = 0
    while y <= height:
        page.evaluate("(y) => { document.querySelector('.jp-NotebookPanel "
                      ".jp-WindowedPanel-outer').scrollTop = y; }", y)
        page.wait_for_timeout(300)
        for v in axe_violations(page, include):
            found.setdefault((v["id"], tuple(v["nodes"][:1])), v)
        y += page.viewport_size["height"] // 2
    return list(found.values())


def test_a_chapter_in_jupyterlab_has_no_serious_or_critical_axe_violation(chapter_01):
    """Chapter 01 after Run All: its text and both explorers with their figures.

    Checked are the course's own content: rendered Markdown, HTML output and the widgets.
    Left out are JupyterLab's own parts (code editors, its list of cells, the buttons
    that fold headings) and the plain figure outputs, because JupyterLab's image renderer
    writes no alt attribute at all; the static site gives those figures alt text."""
    serious = failing(axe_whole_notebook(chapter_01, [".jp-RenderedMarkdown",
                                                      ".jp-RenderedHTML", ".jupyter-widgets"]))
    assert not serious, describe("chapter 01 in JupyterLab", serious)


# --- layout: the figure in view while a control moves; nothing cut --------------------
BOXES = """(root) => {
  const clipped = __CLIPPED__;
  const box = e => { const r = e.getBoundingClientRect();
                     return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,
                             width: r.width, height: r.height}; };
  const slider = root.querySelector('.widget-hslider .noUi-handle, .widget-hslider .slider');
  const image = root.querySelector('img.widget-image');
  const cut = clipped(root);   // labels, and every menu entry (test_browser.CLIPPED)
  const sliders = [...root.querySelectorAll('.widget-hslider .slider-container')]
                  .map(e => e.getBoundingClientRect().width);
  return {slider: box(slider.closest('.widget-hslider')), image: box(image),
          viewport: {width: innerWidth, height: innerHeight}, cut, sliders};
}""".replace("__CLIPPED__", CLIPPED)


def _visible_share(box, viewport) -> float:
    """The share of an element's height (and width) inside the window, the smaller of both."""
    h = max(0.0, min(box["bottom"], viewport["height"]) - max(box["top"], 0.0))
    w = max(0.0, min(box["right"], viewport["width"]) - max(box["left"], 0.0))
    return min(h / box["height"], w / box["width"])


@pytest.mark.parametrize("width, height", [(1280, 720), (1920, 1080)])
def test_the_figure_stays_in_view_while_a_slider_moves_and_nothing_is_cut(
        chapter_01, width, height, tmp_path):
    page = chapter_01
    page.set_viewport_size({"width": width, "height": height})
    page.wait_for_timeout(500)
    scroll_to(page, "img.widget-image")
    explorer = page.locator(".jp-OutputArea-output:has(img.widget-image)").first
    explorer.evaluate("e => e.scrollIntoView({block: 'start'})")
    slider = explorer.locator(".widget-hslider").first
    slider.locator(".noUi-handle").focus()
    before = explorer.locator("img.widget-image").get_attribute("src")
    page.keyboard.press("ArrowRight")   # the slider moves, the figure is redrawn
    page.wait_for_function("([root, before]) => root.querySelector('img.widget-image')"
                           ".getAttribute('src') !== before",
                           arg=[explorer.element_handle(), before])
    boxes = explorer.evaluate(BOXES)
    shot = tmp_path / f"chapter01_{width}x{height}.png"   # kept for a look when it fails
    page.screenshot(path=str(shot))
    assert _visible_share(boxes["slider"], boxes["viewport"]) == pytest.approx(1.0, abs=0.01), \
        f"the slider is not fully in view ({shot}): {boxes}"
    # beside the controls, not below them: the figure is in view while the slider moves
    assert boxes["image"]["left"] >= boxes["slider"]["right"] - 1, f"stacked ({shot}): {boxes}"
    assert _visible_share(boxes["image"], boxes["viewport"]) >= 0.9, \
        f"the figure is out of view while the slider moves ({shot}): {boxes}"
    assert not boxes["cut"], f"cut off ({shot}): {boxes['cut']}"
    assert min(boxes["sliders"]) >= 200, f"a slider is shorter than 200 px: {boxes['sliders']}"


def test_a_fast_drag_ends_on_the_picture_for_the_last_value(chapter_01):
    """Twelve steps in quick succession: the readout (set together with the image, after
    it) ends on the slider's last value, so the last picture drawn is the last value's."""
    page = chapter_01
    page.set_viewport_size({"width": 1280, "height": 720})
    scroll_to(page, "img.widget-image")
    explorer = page.locator(".jp-OutputArea-output:has(img.widget-image)").first
    slider = explorer.locator(".widget-hslider").first
    slider.scroll_into_view_if_needed()
    slider.locator(".noUi-handle").focus()
    for _ in range(12):
        page.keyboard.press("ArrowRight", delay=10)
    readout = slider.locator(".widget-readout")
    page.wait_for_timeout(300)
    final = readout.inner_text().strip()
    page.wait_for_function("([root, value]) => root.querySelector('.widget-html-content')"
                           " && root.innerText.includes(value + ' kt')",
                           arg=[explorer.element_handle(), final], timeout=60_000)
    page.wait_for_timeout(2000)  # nothing older arrives after it
    readout = explorer.locator(".widget-html-content:has-text('burst height')")
    assert f"<b>{final} kt</b>" in readout.inner_html()
