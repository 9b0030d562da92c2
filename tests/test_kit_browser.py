"""Browser test of the printable kit: pages laid out for print in headless Chromium (Debian's
``chromium`` driven by Playwright through ``executable_path``) fit the page.

Each page is rendered with print media at the width of the narrower paper's content box
(A4: 210 mm minus 2 × 14 mm margins) and checked: no element reaches past the content box
(nothing cut off at the right edge), no two text boxes overlap, and every card that must not
break across pages is shorter than the shorter paper's content box (US Letter: 279.4 mm
minus 30 mm). One page is then printed to PDF at its CSS page size.
"""
import re
import shutil

import pytest

from deterrence_lab.tooling import kit

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed "
                                 "(pip install -e '.[browser]')")
pytestmark = [pytest.mark.browser, pytest.mark.notebooks,  # out of the quick loop
              pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                                 "(apt-get install chromium)")]
PX_PER_MM = 96 / 25.4
CONTENT_WIDTH_PX = (210 - 2 * 14) * PX_PER_MM        # A4 is the narrower paper
CONTENT_HEIGHT_PX = (279.4 - 14 - 16) * PX_PER_MM    # Letter is the shorter paper
TOLERANCE_PX = 0.5

LAYOUT = """
() => {
  const width = document.documentElement.clientWidth;
  const out = {width, scrollWidth: document.documentElement.scrollWidth, outside: [],
               overlaps: [], tallCards: []};
  const visible = [...document.body.querySelectorAll('*')].filter(e => {
    const s = getComputedStyle(e);
    const r = e.getBoundingClientRect();
    return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0;
  });
  for (const e of visible) {
    const r = e.getBoundingClientRect();
    if (r.left < -0.5 || r.right > width + 0.5)
      out.outside.push(`${e.tagName}.${e.className}: ${r.left.toFixed(1)}-${r.right.toFixed(1)}`);
  }
  // leaf boxes that carry text: none may overlap another
  const leaves = visible.filter(e => [...e.childNodes].some(
      n => n.nodeType === 3 && n.textContent.trim()) || e.tagName === 'IMG');
  // each leaf's line boxes (an inline element that wraps has one per line)
  const boxes = leaves.map(e => {
    const range = document.createRange();
    range.selectNodeContents(e);
    const rects = e.tagName === 'IMG' ? [e.getBoundingClientRect()] : [...range.getClientRects()];
    return {e, rects: rects.filter(r => r.width > 0 && r.height > 0)};
  });
  const hit = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
                        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.e.contains(b.e) || b.e.contains(a.e)) continue;
      if (a.rects.some(r => b.rects.some(q => hit(r, q))))
        out.overlaps.push(`${a.e.tagName} "${a.e.textContent.slice(0, 30)}" / ` +
                          `${b.e.tagName} "${b.e.textContent.slice(0, 30)}"`);
    }
  }
  for (const c of document.querySelectorAll('.card, tr, figure'))
    out.tallCards.push(c.getBoundingClientRect().height);
  return out;
}
"""


@pytest.fixture(scope="module")
def kit_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("kit")
    kit.build_kit(out, pdf=False)
    return out


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu",
                                          "--disable-dev-shm-usage"])
        yield browser
        browser.close()


PAGES = ["brief-washington.html", "brief-den_haag.html", "injects.html", "forms.html",
         "map.html", "white-cell-guide.html", "d100-tables.html", "worksheet.html"]


@pytest.mark.parametrize("name", PAGES)
def test_kit_pages_fit_the_printed_page(browser, kit_dir, name):
    page = browser.new_page(viewport={"width": round(CONTENT_WIDTH_PX), "height": 1000})
    page.emulate_media(media="print")
    page.goto((kit_dir / name).as_uri())
    page.wait_for_load_state("load")
    layout = page.evaluate(LAYOUT)
    page.close()
    assert layout["scrollWidth"] <= layout["width"] + TOLERANCE_PX, layout["scrollWidth"]
    assert not layout["outside"], layout["outside"][:5]
    assert not layout["overlaps"], layout["overlaps"][:5]
    assert max(layout["tallCards"], default=0) <= CONTENT_HEIGHT_PX, max(layout["tallCards"])


def test_one_page_prints_to_pdf_at_its_css_page_size(browser, kit_dir, tmp_path):
    page = browser.new_page()
    page.goto((kit_dir / "injects.html").as_uri())
    pdf = tmp_path / "injects.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=False)
    page.close()
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = re.findall(rb"/Type\s*/Page[^s]", data)
    boxes = {tuple(round(float(x)) for x in m.split())
             for m in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", data)}
    assert len(pages) >= 4                     # 14 cards, three to a page, after the intro
    assert boxes == {(0, 0, 595, 842)}         # A4 in points, from the print stylesheet


def test_the_layout_check_catches_cut_off_and_overlapping_elements(browser, tmp_path):
    """The check above can fail: a page with a too-wide table and two overlapping texts."""
    bad = tmp_path / "bad.html"
    bad.write_text("<html><body><table style='width:900px'><tr><td>wide</td></tr></table>"
                   "<p style='margin:0'>first line of text</p>"
                   "<p style='margin-top:-1.2em'>second line on top of it</p>"
                   "<div class='card' style='height:1200px'>tall card</div></body></html>")
    page = browser.new_page(viewport={"width": round(CONTENT_WIDTH_PX), "height": 1000})
    page.emulate_media(media="print")
    page.goto(bad.as_uri())
    layout = page.evaluate(LAYOUT)
    page.close()
    assert layout["outside"] and layout["overlaps"]
    assert max(layout["tallCards"]) > CONTENT_HEIGHT_PX
