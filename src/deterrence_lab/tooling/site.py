"""Build the readable course site: every chapter executed and rendered as static HTML.

``deterrence-lab build-site [DIR]`` is for readers without a running kernel. Each course
notebook runs top to bottom with nbclient in a temporary working folder (nothing is
written into the repository) and is rendered with nbconvert's ``lab`` template. The site
has an index with the chapter list, one page per chapter with its figures embedded as
data URIs, the bibliography (from :mod:`deterrence_lab.sources`), the glossary (from
:mod:`deterrence_lab.glossary`) and the instructor guide.

A page must be readable offline and by a screen reader, so nothing on it loads from the
network and nothing on it is only a picture:

- the template's require.js, MathJax, mermaid and widget-manager scripts are left out;
  formulas (``$…$`` and ``$$…$$`` in Markdown) are converted to MathML when the site is
  built (with ``latex2mathml``), which browsers render natively and screen readers read;
- every figure gets alt text: the caption the chapter gives it (the italic Markdown
  paragraph right after it), or else the sentence that introduces it;
- every widget becomes a static snapshot of the state the chapter leaves it in: its
  title, the image it showed, the values of its controls and its readout, with the same
  caption and a note to open the chapter in JupyterLab to use it.
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
from latex2mathml.converter import convert as latex_to_mathml
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter

from .. import __version__
from ..content import sources
from ..content.glossary import glossary_table

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE_MIME = "application/vnd.jupyter.widget-state+json"
WIDGET_NOTE = "Interactive widget: open this chapter in JupyterLab to use it."
GUIDE = "instructor_guide.md"
_PACKAGE_PARENT = Path(__file__).resolve().parents[2]
_CODE = re.compile(r"(```.*?```|`[^`\n]*`)", re.S)
_NOT_PROSE = re.compile(r"([-*+]\s|\d+[.)]\s|\*\*|[>|<!`$])")
_CITATION = re.compile(r"\[([a-z][a-z_]*\d{4}[a-z]?)((?:,[^\]\[]*)?)\](?!\()")
# $$display$$ (may span lines) or $inline$ (no space just inside the dollars, not followed by
# a digit, so "costs $5 and $10" is left alone); a backslash-escaped \$ is never math.
_MATH = re.compile(r"(?<![\\$])\$\$(.+?)\$\$|(?<![\\$])\$(?![\s$])([^$\n]*?[^\s\\$])\$(?!\d)", re.S)
_MATH_MARK = "\u2063MATH{}\u2063"   # an invisible separator around a number: Markdown leaves it alone

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
/* links in running text are underlined: colour alone does not tell them apart (WCAG 1.4.1) */
main a:link, main a:visited { text-decoration: underline !important; }
nav.pager { display: flex; justify-content: space-between; border-top: 1px solid #ccc;
            font-family: var(--jp-ui-font-family);
            margin-top: 2rem; padding-top: 0.8rem; }
details.site-code > summary { font-family: var(--jp-ui-font-family); font-size: 0.8rem;
                               color: #666; cursor: pointer; margin: 0.2rem 0; }
.site-note { border-left: 4px solid #0072B2; background: #eef5fb; padding: 0.5rem 0.8rem; }
figure.site-widget { margin: 0.5rem 0; padding: 0.6rem 0.8rem; border: 1px solid #ccc;
                     border-radius: 4px; }
figure.site-widget img { max-width: 100%; height: auto; }
figure.site-widget ul.site-controls { font-size: 0.9rem; margin: 0.3rem 0; }
math[display="block"] { margin: 0.6rem 0; }
</style>
{%- endblock extra_css -%}
{%- block data_png scoped -%}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}"
 alt="{{ ((output | get_metadata('alt', 'image/png')) or 'Figure') | escape_html }}">
</div>
{%- endblock data_png -%}
{%- block input_group -%}
<details class="site-code"><summary>Code</summary>
{{ super() }}
</details>
{%- endblock input_group -%}
{%- block body_header -%}
{{ super() }}
<nav class="site" aria-label="Site">{{ resources.site_nav }}</nav>
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


def static_notebook(nb: nbformat.NotebookNode, site_pages: dict[str, str],
                    math: dict[str, str] | None = None) -> nbformat.NotebookNode:
    """A copy fit for a static page.

    Widget views become a snapshot with a note; figures get alt text from their caption;
    links to chapters go to pages; formulas are replaced by marks that :func:`insert_math`
    turns into MathML after rendering (``math`` collects them; a fresh dict if not given).
    """
    nb = copy.deepcopy(nb)
    states = nb.metadata.pop("widgets", {}).get(WIDGET_STATE_MIME, {}).get("state", {})
    math = {} if math is None else math
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            cell.source = math_marks(_link_pages(cell.source, site_pages), math)
        outputs = cell.get("outputs", [])
        if not outputs:
            continue
        caption = figure_caption(nb.cells, i)
        for j, output in enumerate(outputs):
            data = output.get("data", {})
            if WIDGET_MIME in data:
                model_id = data[WIDGET_MIME].get("model_id", "")
                snapshot = widget_snapshot(states, model_id, caption)
                cell.outputs[j] = nbformat.v4.new_output(
                    "display_data", data={"text/html": snapshot, "text/plain": WIDGET_NOTE})
            elif "image/png" in data:
                output.setdefault("metadata", {}).setdefault("image/png", {})["alt"] = caption
            elif "text/markdown" in data:
                data["text/markdown"] = math_marks(data["text/markdown"], math)
    return nb


def math_marks(markdown: str, math: dict[str, str]) -> str:
    """``markdown`` with each formula replaced by a mark; ``math`` maps mark -> MathML.

    Code (fenced or inline) is left as it is. A formula latex2mathml cannot parse is
    shown as its source in a ``<code>`` element rather than failing the build."""
    def one(match: re.Match) -> str:
        display = match.group(1) is not None
        latex = (match.group(1) if display else match.group(2)).strip()
        try:
            mathml = latex_to_mathml(latex, display="block" if display else "inline")
            mathml = mathml.replace("<math ", f'<math alttext="{html.escape(latex)}" ', 1)
        except Exception:  # noqa: BLE001 - the parser raises several kinds; show the source
            mathml = f"<code>{html.escape(latex)}</code>"
        mark = _MATH_MARK.format(len(math))
        math[mark] = mathml
        return mark

    parts = _CODE.split(markdown)
    return "".join(part if k % 2 else _MATH.sub(one, part) for k, part in enumerate(parts))


def insert_math(page: str, math: dict[str, str]) -> str:
    """Put the MathML back where :func:`math_marks` left its marks."""
    if not math:
        return page
    return re.sub("\u2063MATH\\d+\u2063", lambda m: math.get(m.group(0), m.group(0)), page)


def _sentences(markdown: str, limit: int = 300) -> str:
    """Plain text of a Markdown paragraph, cut after the sentence that passes ``limit``."""
    text = " ".join(_plain(re.sub(r"\$+", "", markdown)).split())
    if len(text) <= limit:
        return text
    cut = re.match(rf"(.{{{limit // 3},{limit}}}?[.!?])(\s|$)", text)
    return cut.group(1) if cut else text[:limit].rsplit(" ", 1)[0] + "…"


def figure_caption(cells, i: int) -> str:
    """The caption of the figure or widget that cell ``i`` shows, as plain text.

    The course captions a figure with an italic paragraph right after it (``*Figure 2. …*``,
    ``*What to notice:* …``); that is the caption. Without one, the last paragraph of the
    Markdown before the cell (which introduces it) is used, and failing that the heading
    of the section."""
    after = cells[i + 1] if i + 1 < len(cells) else None
    if after is not None and after.cell_type == "markdown":
        first = re.split(r"\n\s*\n", after.source.strip(), maxsplit=1)[0]
        if re.match(r"[*_][^*_\s]", first):
            return _sentences(first)
    for cell in reversed(cells[:i]):
        if cell.cell_type != "markdown":
            continue
        blocks = [b.strip() for b in re.split(r"\n\s*\n", cell.source) if b.strip()]
        prose = [b for b in blocks if not _NOT_PROSE.match(b) and not b.startswith("#")]
        if prose:
            return _sentences(prose[-1])
        headings = [b for b in blocks if b.startswith("#")]
        if headings:
            return "Figure for the section " + _plain(headings[-1].lstrip("#").strip())
    return "Figure"


def _model(states: dict, ref: str) -> dict:
    return states.get(str(ref).replace("IPY_MODEL_", ""), {})


def widget_snapshot(states: dict, model_id: str, caption: str) -> str:
    """A static picture of a widget from its saved state: title, image, control values and
    readout as the chapter left them, the caption, and the note to open it live."""
    images, texts, controls, title = [], [], [], ""

    def walk(ref: str) -> None:
        model = _model(states, ref)
        name, state = model.get("model_name", ""), model.get("state", {})
        if name == "ImageModel":
            for buffer in model.get("buffers", []):
                if buffer.get("path") == ["value"] and buffer.get("encoding") == "base64":
                    images.append(buffer["data"])
        elif name in ("HTMLModel", "HTMLMathModel", "LabelModel"):
            nonlocal title
            value = str(state.get("value", "")).strip()
            heading = re.fullmatch(r"<b>([^<]*)</b>", value)
            picture = re.fullmatch(r'<img [^>]*src="data:image/png;base64,([A-Za-z0-9+/=]+)"[^>]*>',
                                   value)
            if value.startswith("<style"):
                pass
            elif picture:
                images.append(picture.group(1))
            elif heading and not title and not images and not controls:
                title = heading.group(1)
            elif value:
                texts.append(value if name != "LabelModel" else html.escape(value))
        elif "description" in state and name not in ("ButtonModel",) and \
                not name.endswith(("StyleModel", "LayoutModel")):
            value = state.get("value")
            labels = state.get("_options_labels")
            if labels is not None:
                index = state.get("index")
                if isinstance(index, int) and 0 <= index < len(labels):
                    value = labels[index]
                elif isinstance(index, (list, tuple)):
                    value = ", ".join(labels[k] for k in index)
            if isinstance(value, float):
                value = f"{value:,.4g}"
            if value is not None and state.get("description"):
                controls.append((state["description"], str(value)))
        for child in state.get("children", []):
            walk(child)

    walk(model_id)
    alt = f"{title}: {caption}" if title and caption else (title or caption or "Widget")
    parts = ['<figure class="site-widget">']
    if title:
        parts.append(f"<figcaption><strong>{html.escape(title)}</strong> (as the chapter "
                     f"shows it)</figcaption>")
    parts += [f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'
              for data in images]
    if controls:
        parts.append('<ul class="site-controls">' + "".join(
            f"<li>{html.escape(d)}: {html.escape(v)}</li>" for d, v in controls) + "</ul>")
    parts += [f"<div>{text}</div>" for text in texts]
    parts.append(f'<p class="site-note">{WIDGET_NOTE}</p></figure>')
    return "\n".join(parts)


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

    return (f'<nav class="pager" aria-label="Previous and next chapter">{link(i - 1, "prev")}'
            f'{link(i + 1, "next")}</nav>')


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
              "README). Each widget is shown as a snapshot of the state the chapter leaves it in. "
              "Code is folded: click *Code* above an output to see it."]
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
    math: dict[str, str] = {}

    def render(nb: nbformat.NotebookNode, title: str, pager: str = "") -> str:
        resources = {"metadata": {"name": title, "path": str(course_dir)},
                     "site_nav": nav, "site_pager": pager}
        body, _ = exporter.from_notebook_node(nb, resources=resources)
        return insert_math(body, math)

    pages = {"index.html": render(_markdown_notebook(_index_markdown(chapters, has_guide, kit)),
                                  "deterrence-lab")}
    for i, c in enumerate(chapters):
        pages[c.page] = render(static_notebook(c.notebook, site_pages, math), c.title,
                               _pager(chapters, i))
    text, title = _bibliography_page()
    pages["bibliography.html"] = _anchor_references(render(_markdown_notebook(text), title))
    text, title = _glossary_page()
    pages["glossary.html"] = render(_markdown_notebook(text), title)
    if has_guide:
        markdown = math_marks(_link_pages(guide.read_text(encoding="utf-8"), site_pages), math)
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
