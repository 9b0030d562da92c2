"""The course site builder, the glossary and the build-site command.

The site is built once from a small fixture course (two tiny notebooks: one figure;
one widget plus a figure) so the test stays fast, and once from the real course/
folder with whatever chapters exist so far.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest

from deterrence_lab import glossary, sources
from deterrence_lab.tooling import cli
from deterrence_lab.tooling.site import (WIDGET_NOTE, SiteError, build_site, chapter_notebooks,
                                 title_and_summary)

ROOT = Path(__file__).resolve().parents[1]
V4 = nbformat.v4


def _notebook(path: Path, *cells) -> Path:
    nb = V4.new_notebook(cells=list(cells))
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


FIGURE = ("%matplotlib inline\nimport matplotlib.pyplot as plt\n"
          "fig, ax = plt.subplots(figsize=(2, 2))\nax.plot([0, 1], [0, 1])\n"
          "ax.set_xlabel('range (km)')\nplt.show()")


def _fixture_course(folder: Path) -> Path:
    course = folder / "course"
    course.mkdir()
    _notebook(course / "01_blast.ipynb",
              V4.new_markdown_cell("# 01 Tiny blast\n\n**Learning goals:**\n\n- read a plot\n\n"
                                   "Blast falls off with distance [glasstone1977, §3.61]. "
                                   "A second sentence.\n\nNext: [the widget](02_dial.ipynb)."),
              V4.new_code_cell(FIGURE))
    _notebook(course / "02_dial.ipynb",
              V4.new_markdown_cell("# 02 Tiny dial\n\nA slider and a figure."),
              V4.new_code_cell("import ipywidgets as W\nW.FloatSlider(description='yield (kt)')"),
              V4.new_code_cell(FIGURE))
    (course / "instructor_guide.md").write_text("# Instructor guide\n\nMeeting 1: see "
                                                "[chapter 01](01_blast.ipynb).\n", encoding="utf-8")
    return course


def _listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fixture")
    course = _fixture_course(folder)
    before = _listing(folder)
    out = folder / "_site"
    pages = build_site(course, out, timeout=120)
    return {"course": course, "out": out, "pages": pages, "before": before, "folder": folder,
            "html": {p.name: p.read_text(encoding="utf-8") for p in pages}}


def _body(page: str) -> str:
    return page[page.index("<body"):]


# --- the fixture site ----------------------------------------------------------------
@pytest.mark.notebooks  # executes notebooks
def test_every_page_is_written(site):
    assert [p.name for p in site["pages"]] == [
        "index.html", "01_blast.html", "02_dial.html", "bibliography.html", "glossary.html",
        "instructor_guide.html"]


@pytest.mark.notebooks  # executes notebooks
def test_building_writes_nothing_into_the_course(site):
    assert {p for p in _listing(site["folder"]) if not p.startswith("_site")} == site["before"]


@pytest.mark.notebooks  # executes notebooks
def test_index_lists_each_chapter_with_title_link_and_summary(site):
    index = site["html"]["index.html"]
    assert '<a href="01_blast.html">01 Tiny blast</a>' in index
    assert '<a href="02_dial.html">02 Tiny dial</a>' in index
    # the summary skips the 'Learning goals:' lead-in and keeps one sentence
    assert "Blast falls off with distance" in index
    assert "A second sentence" not in index
    assert 'href="instructor_guide.html"' in index


@pytest.mark.notebooks  # executes notebooks
@pytest.mark.parametrize("page, figures", [("01_blast.html", 1), ("02_dial.html", 1)])
def test_chapter_pages_embed_their_figures_and_show_no_error(site, page, figures):
    body = _body(site["html"][page])
    embedded = re.findall(r'<img [^>]*src="data:image/png;base64,[A-Za-z0-9+/]{100,}', body)
    assert len(embedded) == figures
    assert "Traceback" not in body
    assert not re.search(r"\w+Error\b", body)
    assert "application/vnd.jupyter.stderr" not in body


@pytest.mark.notebooks  # executes notebooks
def test_widget_views_become_a_note(site):
    page = site["html"]["02_dial.html"]
    assert WIDGET_NOTE in page
    assert "application/vnd.jupyter.widget" not in page
    assert WIDGET_NOTE not in site["html"]["01_blast.html"]


@pytest.mark.notebooks  # executes notebooks
def test_code_is_folded_but_present(site):
    page = site["html"]["02_dial.html"]
    assert page.count('<details class="site-code"><summary>Code</summary>') == 2
    folded = page[page.index('<details class="site-code">'):page.index("</details>")]
    assert "FloatSlider" in folded


@pytest.mark.notebooks  # executes notebooks
def test_no_page_loads_anything_from_the_network(site):
    for name, page in site["html"].items():
        assert not re.search(r"<script[^>]*\bsrc=", page), name
        assert not re.search(r"<(link|img|iframe)[^>]*(href|src)=\"(https?:)?//", page), name
        assert "import(" not in page, name


@pytest.mark.notebooks  # executes notebooks
def test_citations_and_chapter_links_point_into_the_site(site):
    page = site["html"]["01_blast.html"]
    assert '<a href="bibliography.html#glasstone1977">glasstone1977</a>' in page
    assert '<a href="02_dial.html">the widget</a>' in page
    assert '<a href="01_blast.html">chapter 01</a>' in site["html"]["instructor_guide.html"]
    # the pager links neighbours
    assert "02 Tiny dial →" in page and "← 01 Tiny blast" in site["html"]["02_dial.html"]


@pytest.mark.notebooks  # executes notebooks
def test_bibliography_page_lists_every_source_with_an_anchor(site):
    page = site["html"]["bibliography.html"]
    for key, entry in sources.SOURCES.items():
        assert f'<strong id="{key}">[{key}]</strong>' in page
        assert html.escape(entry.title, quote=False) in page


@pytest.mark.notebooks  # executes notebooks
def test_glossary_page_lists_every_term(site):
    page = site["html"]["glossary.html"]
    for term in glossary.TERMS:
        row = re.search(rf"<td><strong>{re.escape(html.escape(term.english, quote=False))}"
                        rf"</strong></td>\s*<td>([^<]*)", page)
        assert row, term.english
        assert row.group(1).strip() == html.escape(term.dutch, quote=False)
        if term.source:
            assert f'bibliography.html#{term.source}">' in page


# --- failures and edge cases ---------------------------------------------------------
@pytest.mark.notebooks  # executes notebooks
def test_a_failing_notebook_aborts_naming_it_and_writes_nothing(tmp_path):
    course = tmp_path / "course"
    course.mkdir()
    _notebook(course / "03_broken.ipynb", V4.new_markdown_cell("# Broken"),
              V4.new_code_cell("raise ValueError('yield_kt=-5 is outside the valid range')"))
    with pytest.raises(SiteError, match=r"03_broken\.ipynb.*ValueError.*yield_kt=-5"):
        build_site(course, tmp_path / "out", timeout=60)
    assert not (tmp_path / "out").exists()


def test_an_empty_course_gives_a_site_without_chapters(tmp_path):
    (tmp_path / "course").mkdir()
    pages = build_site(tmp_path / "course", tmp_path / "out")
    assert [p.name for p in pages] == ["index.html", "bibliography.html", "glossary.html"]
    assert "No chapter notebooks have been published yet" in pages[0].read_text(encoding="utf-8")


def test_without_execution_the_stored_notebooks_are_rendered(tmp_path):
    course = _fixture_course(tmp_path)
    pages = build_site(course, tmp_path / "out", execute=False)
    page = (tmp_path / "out" / "01_blast.html").read_text(encoding="utf-8")
    assert len(pages) == 6 and "01 Tiny blast" in page
    assert "<img" not in _body(page)  # stored without outputs, so no figure to show


def test_a_missing_course_folder_is_a_clear_error(tmp_path):
    with pytest.raises(SiteError, match="no course folder"):
        chapter_notebooks(tmp_path / "nowhere")


@pytest.mark.parametrize("markdown, expected", [
    ("# 04 The dilemma\n\n## Learning goals\n\nBy the end you can:\n\n- weigh\n\n"
     "The authors say a red line must be answered. Then more.",
     ("04 The dilemma", "The authors say a red line must be answered.")),
    ("# A *styled* [title](x.ipynb)\n\n> a quote\n\n| a | table |\n\nPlain `code` words here",
     ("A styled title", "Plain code words here")),
    ("# 05 Ladder\n\n**Learning goals.** You will model escalation.\n\n* a list item\n\n"
     "*Escalation* is a step up. More.", ("05 Ladder", "Escalation is a step up.")),
    ("No heading at all.", ("fallback", "")),
])
def test_title_and_summary(markdown, expected):
    nb = V4.new_notebook(cells=[V4.new_markdown_cell(markdown)])
    assert title_and_summary(nb, fallback="fallback") == expected


def test_cli_build_site_defaults_to_site_folder_and_reports_an_empty_course(
        tmp_path, monkeypatch, capsys):
    assert cli._parser().parse_args(["build-site"]).directory == Path("_site")
    (tmp_path / "course").mkdir()
    monkeypatch.setattr("deterrence_lab.tooling.launcher.source_checkout", lambda: tmp_path)
    assert cli.main(["build-site", str(tmp_path / "web")]) == 0
    captured = capsys.readouterr()
    assert "no chapter notebooks" in captured.err
    assert (tmp_path / "web" / "index.html").is_file()


def test_cli_build_site_fails_cleanly_without_a_course(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("deterrence_lab.tooling.launcher.source_checkout", lambda: tmp_path)
    assert cli.main(["build-site", str(tmp_path / "web")]) == 1
    assert "no course folder" in capsys.readouterr().err
    assert not (tmp_path / "web").exists()


def test_cli_build_site_outside_a_checkout_or_install_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("deterrence_lab.tooling.launcher.source_checkout", lambda: None)
    monkeypatch.setattr("deterrence_lab.tooling.launcher.packaged_course", lambda: tmp_path / "missing")
    assert cli.main(["build-site", str(tmp_path / "web")]) == 2
    assert "source checkout" in capsys.readouterr().err


# --- the real course -----------------------------------------------------------------
def test_the_real_course_builds(tmp_path, notebook_runs):
    """Every chapter, from the notebooks this pytest call executed once anyway."""
    course = ROOT / "course"
    chapters = chapter_notebooks(course)
    assert len(chapters) >= 7
    pages = build_site(course, tmp_path, executed=notebook_runs.executed)
    index = pages[0].read_text(encoding="utf-8")
    assert len(pages) == len(chapters) + 3 + (course / "instructor_guide.md").is_file()
    for nb_path in chapters:
        page = (tmp_path / f"{nb_path.stem}.html").read_text(encoding="utf-8")
        body = _body(page)
        assert f'href="{nb_path.stem}.html"' in index
        assert "Traceback" not in body, nb_path.name
        assert not re.search(r"<script[^>]*\bsrc=", page), nb_path.name
        assert re.search(r'src="data:image/png;base64,', body) or WIDGET_NOTE in body, nb_path.name


def test_a_notebook_executed_elsewhere_that_failed_aborts_the_build(tmp_path):
    course = _fixture_course(tmp_path)

    def failed(path):
        raise RuntimeError(f"{path.name} failed: ValueError: yield_kt=-5")
    with pytest.raises(SiteError, match=r"01_blast\.ipynb failed.*yield_kt=-5"):
        build_site(course, tmp_path / "out", executed=failed)
    assert not (tmp_path / "out").exists()


# --- the glossary as data ------------------------------------------------------------
def test_glossary_entries_are_complete_and_cite_known_sources():
    assert 30 <= len(glossary.TERMS) <= 50
    english = [t.english.lower() for t in glossary.TERMS]
    assert len(english) == len(set(english)), "duplicate English term"
    for t in glossary.TERMS:
        assert t.english.strip() and t.dutch.strip() and t.definition.strip(), t
        assert len(t.definition.split()) <= 50, f"definition of {t.english!r} is not short"
        assert t.definition.endswith("."), t.english
        if t.source:
            sources.get(t.source)  # raises KeyError for an unknown key
        assert not t.where or t.source, f"{t.english!r} gives 'where' without a source"


def test_glossary_uses_the_op_eds_own_dutch_terms():
    dutch = {t.english: t.dutch for t in glossary.TERMS if t.oped}
    # terms the op-ed uses (NRC, 13 Feb 2023); the course keeps them
    assert dutch["escalation ladder"] == "escalatieladder"
    assert dutch["red line"] == "rode lijn"
    assert dutch["electromagnetic pulse (EMP, HEMP)"].startswith("elektromagnetische impuls")
    assert dutch["enhanced-radiation weapon (neutron bomb)"] == "neutronenbom"
    assert dutch["International Court of Justice (ICJ)"] == "Internationaal Gerechtshof"


def test_glossary_table_has_one_row_per_term_in_alphabetical_order():
    rows = glossary.glossary_table().splitlines()[2:]
    assert len(rows) == len(glossary.TERMS)
    names = [re.match(r"\| \*\*(.+?)\*\* \|", row).group(1).lower() for row in rows]
    assert names == sorted(names)
