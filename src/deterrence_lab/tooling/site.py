"""Build the readable course site: every chapter executed and rendered as static HTML.

``deterrence-lab build-site [DIR]`` is for readers without a running kernel. Each course
notebook runs top to bottom with nbclient in a temporary working folder (nothing is
written into the repository) and is rendered with nbconvert's ``lab`` template. The site
has an index with the chapter list, one page per chapter with its figures embedded as
data URIs, the bibliography (from :mod:`deterrence_lab.sources`), the glossary (from
:mod:`deterrence_lab.glossary`) and the instructor guide.

A page must be readable offline, so nothing on it loads from the network: the template's
require.js, MathJax, mermaid and widget-manager scripts are left out, and every widget
view is replaced by a note to open the chapter in JupyterLab. Formulas therefore show
as their LaTeX source.
"""
from __future__ import annotations

import copy
import html
import os
import re
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat
from jinja2 import DictLoader
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter

from .. import __version__
from ..content import sources
from ..content.glossary import glossary_table

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = "Interactive widget: open this chapter in JupyterLab to use it."
GUIDE = "instructor_guide.md"
_PACKAGE_PARENT = Path(__file__).resolve().parents[2]
_CODE = re.compile(r"(```.*?```|`[^`\n]*`)", re.S)
_NOT_PROSE = re.compile(r"([-*+]\s|\d+[.)]\s|\*\*|[>|<!`$])")
_CITATION = re.compile(r"\[([a-z][a-z_]*\d{4}[a-z]?)((?:,[^\]\[]*)?)\](?!\()")

# Extends nbconvert's 'lab' page: no script that loads from the network, a navigation bar,
# code folded (one click shows it) so the page reads as an essay with figures.
_TEMPLATE = r"""
{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}
<style type="text/css">
main { max-width: 60rem; margin: 0 auto; padding: 0 1rem 3rem; }
nav.site { font-family: var(--jp-ui-font-family); font-size: 0.95rem; padding: 0.8rem 0;
           border-bottom: 1px solid #ccc; margin-bottom: 1rem; }
nav.site a { margin-right: 1.2rem; }
nav.pager { display: flex; justify-content: space-between; border-top: 1px solid #ccc;
            font-family: var(--jp-ui-font-family);
            margin-top: 2rem; padding-top: 0.8rem; }
details.site-code > summary { font-family: var(--jp-ui-font-family); font-size: 0.8rem;
                               color: #666; cursor: pointer; margin: 0.2rem 0; }
.site-note { border-left: 4px solid #0072B2; background: #eef5fb; padding: 0.5rem 0.8rem; }
</style>
{%- endblock extra_css -%}
{%- block input_group -%}
<details class="site-code"><summary>Code</summary>
{{ super() }}
</details>
{%- endblock input_group -%}
{%- block body_header -%}
{{ super() }}
<nav class="site">{{ resources.site_nav }}</nav>
{%- endblock body_header -%}
{%- block body_footer -%}
{{ resources.site_pager }}
{{ super() }}
{%- endblock body_footer -%}
"""


class SiteError(RuntimeError):
    """The site cannot be built (a notebook fails, or the course folder is missing)."""


@dataclass(frozen=True)
class Chapter:
    """One executed course notebook, ready to render."""

    source: Path
    title: str
    summary: str
    notebook: nbformat.NotebookNode

    @property
    def page(self) -> str:
        return self.source.stem + ".html"


def chapter_notebooks(course_dir: Path) -> list[Path]:
    """The course notebooks in ``course_dir``, in file-name (chapter) order."""
    course_dir = Path(course_dir)
    if not course_dir.is_dir():
        raise SiteError(f"no course folder at {course_dir}: give the folder that holds the "
                        f"chapter notebooks (course/)")
    return sorted(p for p in course_dir.glob("*.ipynb") if not p.name.startswith("."))


def _plain(markdown: str) -> str:
    """Markdown inline text without links, emphasis or code marks."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[*_`]+", "", text).strip()


def title_and_summary(nb: nbformat.NotebookNode, fallback: str) -> tuple[str, str]:
    """The notebook's first heading, and the first sentence of its first prose paragraph.

    Paragraphs that introduce a list (ending in a colon) or open with a bold label
    (such as the learning goals), lists, quotes, tables, HTML, code and formulas are
    skipped: the summary is a sentence of the essay itself.
    """
    title, summary = "", ""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for block in re.split(r"\n\s*\n", cell.source):
            block = block.strip()
            heading = re.match(r"#+\s+(.*)", block)
            if heading:
                title = title or _plain(heading.group(1).splitlines()[0])
                continue
            if title and not summary and block and not _NOT_PROSE.match(block) \
                    and not block.endswith(":"):
                sentence = re.match(r"(.+?[.!?])(\s|$)", " ".join(block.split()))
                summary = _plain(sentence.group(1) if sentence else block)
        if title and summary:
            break
    if len(summary) > 220:
        summary = summary[:217].rsplit(" ", 1)[0] + "…"
    return title or fallback, summary


def _kernel_env() -> dict[str, str]:
    """The kernel imports the same deterrence_lab as the builder (a worktree's src/ first)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(_PACKAGE_PARENT), env.get("PYTHONPATH", "")) if p)
    return env


def execute_notebook(path: Path, *, timeout: int = 300) -> nbformat.NotebookNode:
    """Run ``path`` top to bottom in a temporary folder; a failure names the notebook."""
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="deterrence-site-") as scratch:
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": scratch}})
        try:
            # the kernel process's own log lines (not the notebook's output) are not wanted here
            client.execute(env=_kernel_env(), stderr=subprocess.DEVNULL)
        except CellExecutionError as error:
            raise SiteError(f"{path.name} failed while building the site: {error.ename}: "
                            f"{error.evalue}. Run it in JupyterLab to see the traceback; "
                            f"no page was written.") from error
        except CellTimeoutError as error:
            raise SiteError(f"{path.name} failed while building the site: a cell ran longer "
                            f"than {timeout} s. No page was written.") from error
        except DeadKernelError as error:
            raise SiteError(f"{path.name} failed while building the site: the kernel died "
                            f"({error}). No page was written.") from error
    return nb


def static_notebook(nb: nbformat.NotebookNode, site_pages: dict[str, str]) -> nbformat.NotebookNode:
    """A copy fit for a static page: widget views become a note, links to chapters go to pages."""
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    note = {"text/html": f'<p class="site-note">{WIDGET_NOTE}</p>', "text/plain": WIDGET_NOTE}
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = _link_pages(cell.source, site_pages)
        for i, output in enumerate(cell.get("outputs", [])):
            if WIDGET_MIME in output.get("data", {}):
                cell.outputs[i] = nbformat.v4.new_output("display_data", data=note)
    return nb


def _link_pages(markdown: str, site_pages: dict[str, str]) -> str:
    """Links to course notebooks point to their pages; citations point to the bibliography."""
    def page(match: re.Match) -> str:
        target = site_pages.get(Path(match.group(2)).name)
        return f"]({target}{match.group(3) or ''})" if target else match.group(0)

    markdown = re.sub(r"\]\((\./)?([^)#\s]+\.ipynb)(#[^)\s]*)?\)", page, markdown)

    def cite(match: re.Match) -> str:
        key = match.group(1)
        return f"[[{key}](bibliography.html#{key}){match.group(2)}]" if key in sources.SOURCES \
            else match.group(0)

    parts = _CODE.split(markdown)  # odd items are code: left as they are
    return "".join(part if i % 2 else _CITATION.sub(cite, part) for i, part in enumerate(parts))


def _markdown_notebook(markdown: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell(markdown))
    return nb


def _exporter() -> HTMLExporter:
    return HTMLExporter(template_name="lab",
                        extra_loaders=[DictLoader({"site.html.j2": _TEMPLATE})],
                        template_file="site.html.j2", exclude_input_prompt=True,
                        exclude_output_prompt=True, embed_images=True)


def _nav(has_guide: bool) -> str:
    links = [("index.html", "Course"), ("glossary.html", "Glossary"),
             ("bibliography.html", "Bibliography")]
    if has_guide:
        links.append(("instructor_guide.html", "Instructor guide"))
    return "<strong>deterrence-lab</strong> · " + "".join(
        f'<a href="{href}">{text}</a>' for href, text in links)


def _pager(chapters: list[Chapter], i: int) -> str:
    def link(j: int, arrow: str) -> str:
        if 0 <= j < len(chapters):
            c = chapters[j]
            text = f"{c.title} →" if arrow == "next" else f"← {c.title}"
            return f'<a href="{c.page}">{html.escape(text)}</a>'
        return "<span></span>"

    return f'<nav class="pager">{link(i - 1, "prev")}{link(i + 1, "next")}</nav>'


def _index_markdown(chapters: list[Chapter], has_guide: bool, has_kit: bool = False) -> str:
    lines = ["# deterrence-lab: the course", "",
             "An open course on one question: what would follow, militarily, legally and "
             "politically, if Russia used a 'small' nuclear weapon in Ukraine, and how should "
             "the West answer? It examines an op-ed by Kees Nederlof and Joris Voorhoeve "
             "[nederlof2023] link by link, with a model and a source at each step.", "",
             "## Chapters", ""]
    if chapters:
        for c in chapters:
            title = c.title.replace("[", r"\[").replace("]", r"\]")
            lines.append(f"- **[{title}]({c.page})**" + (f" — {c.summary}" if c.summary else ""))
    else:
        lines.append("*No chapter notebooks have been published yet.*")
    lines += ["", "## Reference", "",
              "- [Glossary](glossary.html): the course's terms in English and Dutch",
              "- [Bibliography](bibliography.html): every source the course cites"]
    if has_guide:
        lines.append("- [Instructor guide](instructor_guide.html): seminar and workshop plans")
    if has_kit:
        lines.append("- [Crisis seminar kit](kit/index.html): printable team briefs, role "
                     "cards, inject cards, map, white-cell guide, d100 tables and worksheet")
    lines += ["", "## About these pages", "",
              "Each chapter was run top to bottom when this site was built "
              f"(deterrence-lab {__version__}); the figures are those it produced. The sliders "
              "and other widgets work only in a live notebook: open the course in JupyterLab "
              "(`pip install -e \".[test]\" && deterrence-lab`, or the Binder link in the "
              "README). Code is folded: click *Code* above an output to see it. Formulas are "
              "shown as their LaTeX source."]
    return _link_pages("\n".join(lines), {})


def _bibliography_page() -> tuple[str, str]:
    text = ("# Bibliography\n\nEvery source the course cites, by key. Chapters cite as "
            "`[key, where]`, for example `[icj1996, para 105(2)E]`.\n\n"
            + sources.bibliography())
    return text, "Bibliography"


def _glossary_page() -> tuple[str, str]:
    text = ("# Glossary\n\nThe course's terms with their Dutch equivalents, for seminars in "
            "the Netherlands and Flanders. Where the op-ed [nederlof2023] uses a Dutch term, "
            "that term is given and marked *(op-ed)*; otherwise the Dutch column gives "
            "standard usage. Definitions are short paraphrases; the last column names the "
            "source a definition rests on.\n\n" + glossary_table())
    return _link_pages(text, {}), "Glossary"


def _anchor_references(page: str) -> str:
    """Give each bibliography entry an id, so citations can link to it."""
    for key in sources.SOURCES:
        page = page.replace(f"<strong>[{key}]</strong>", f'<strong id="{key}">[{key}]</strong>', 1)
    return page


def build_site(course_dir: Path, out_dir: Path, *, execute: bool = True, timeout: int = 300,
               progress: Callable[[str], None] | None = None,
               executed: Callable[[Path], nbformat.NotebookNode] | None = None,
               kit: bool = False) -> list[Path]:
    """Execute the course notebooks and write the static site into ``out_dir``.

    Every notebook is run (unless ``execute`` is false, which renders stored outputs)
    before any page is written, so a failing notebook leaves ``out_dir`` untouched and
    raises :class:`SiteError` naming it. ``executed``, if given, returns a notebook
    already executed elsewhere (the test suite passes the runs it made anyway) instead of
    running it again. Returns the pages written, index first. With ``kit``, the printable
    seminar kit is written into ``out_dir/kit`` and linked from the index.
    """
    course_dir, out_dir = Path(course_dir), Path(out_dir)
    paths = chapter_notebooks(course_dir)
    chapters = []
    for path in paths:
        if progress:
            progress(f"running {path.name}" if execute else f"reading {path.name}")
        if not execute:
            nb = nbformat.read(path, as_version=4)
        elif executed is not None:
            try:
                nb = executed(path)
            except Exception as error:
                raise SiteError(f"{path.name} failed while building the site: {error}. "
                                "No page was written.") from error
        else:
            nb = execute_notebook(path, timeout=timeout)
        title, summary = title_and_summary(nb, fallback=path.stem)
        chapters.append(Chapter(path, title, summary, nb))

    site_pages = {c.source.name: c.page for c in chapters}
    guide = course_dir / GUIDE
    has_guide = guide.is_file()
    exporter = _exporter()
    nav = _nav(has_guide)

    def render(nb: nbformat.NotebookNode, title: str, pager: str = "") -> str:
        resources = {"metadata": {"name": title, "path": str(course_dir)},
                     "site_nav": nav, "site_pager": pager}
        body, _ = exporter.from_notebook_node(nb, resources=resources)
        return body

    pages = {"index.html": render(_markdown_notebook(_index_markdown(chapters, has_guide, kit)),
                                  "deterrence-lab")}
    for i, c in enumerate(chapters):
        pages[c.page] = render(static_notebook(c.notebook, site_pages), c.title,
                               _pager(chapters, i))
    text, title = _bibliography_page()
    pages["bibliography.html"] = _anchor_references(render(_markdown_notebook(text), title))
    text, title = _glossary_page()
    pages["glossary.html"] = render(_markdown_notebook(text), title)
    if has_guide:
        markdown = _link_pages(guide.read_text(encoding="utf-8"), site_pages)
        pages["instructor_guide.html"] = render(_markdown_notebook(markdown), "Instructor guide")

    out_dir.mkdir(parents=True, exist_ok=True)
    if kit:
        from .kit import build_kit

        if progress:
            progress("writing the seminar kit")
        build_kit(out_dir / "kit", pdf=False)
    written = []
    for name, body in pages.items():
        target = out_dir / name
        target.write_text(body, encoding="utf-8")
        written.append(target)
    return written
