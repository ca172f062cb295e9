"""The static HTML course (``python -m course_lib site``, ``make site``): build/site/.

Each notebook is executed in a fresh kernel (nbclient, in memory, with a temporary
working folder: nothing is written into ``notebooks/``) and exported with nbconvert's
JupyterLab template. The pages work offline, from a USB stick or a projector laptop:

* images are embedded in the page (``data:`` URIs), so a page is one file;
* the template's scripts from CDNs (require.js, MathJax, Mermaid, the widget manager)
  are left out; none is needed to read a page (a formula, if a notebook had one, would
  show as its TeX source);
* a live widget cannot run without a kernel, so each explorer is replaced by a still
  snapshot built from the widget state that nbclient saved (its controls at their
  starting values, its readout and its figure), with a note on how to open the live
  version; the notebooks also keep a static figure beside every explorer;
* in the instructor edition, the solution cells are folded under "Show the solution";
* links between notebooks point to their pages; a link to a repository file that the
  site does not hold becomes plain text naming the file.

``index.html`` holds the course map (from the notebooks' metadata) and links every page;
the teaching guide (docs/teaching.md) and the deployment notes (docs/deploy.md), when
present, become pages too. :func:`check_links` lists every local link that does not
resolve and every external resource a page would need.

>>> snapshot = widget_snapshot("m1", {"m1": {"model_name": "IntSliderModel",
...     "state": {"description": "Year", "value": 2017}}})
>>> "Year" in snapshot and "2017" in snapshot
True
"""

from __future__ import annotations

import base64
import html
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlsplit

from .paths import BUILD_DIR, NOTEBOOKS_DIR, REPO_ROOT

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
SOLUTION_TAG = "course-solution"
DOC_PAGES = {"teaching.md": "teaching.html", "deploy.md": "deploy.html"}
IMAGE_SUFFIXES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                  ".gif": "image/gif", ".svg": "image/svg+xml"}

_TEMPLATE = r"""{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}<style type="text/css">{{ resources.course_css }}</style>{%- endblock extra_css -%}
{%- block body_header -%}{{ super() }}{{ resources.course_nav }}{%- endblock body_header -%}
{%- block body_footer -%}{{ resources.course_nav }}{{ super() }}{%- endblock body_footer -%}
"""

COURSE_CSS = """
.course-nav { display: flex; flex-wrap: wrap; gap: 0.4em 1.2em; align-items: baseline;
  padding: 0.6em 1em; margin: 0 0 1em 0; background: #f2f5f9; border: 1px solid #d5dde8;
  border-radius: 4px; font-family: system-ui, sans-serif; font-size: 14px; }
.course-nav a { color: #0b5394; text-decoration: none; }
.course-nav a:hover { text-decoration: underline; }
.course-nav .course-nav-title { font-weight: 600; margin-right: auto; }
.course-static-explorer { border: 1px dashed #8aa1bd; border-radius: 4px; padding: 0.6em;
  background: #fbfcfe; }
.course-static-note { font-size: 0.9em; color: #3d4a5c; margin: 0 0 0.5em 0; font-style: italic; }
.course-static-explorer img { max-width: 100%; width: auto; height: auto; }
.course-w-box { display: flex; flex-direction: column; align-items: flex-start; gap: 0.4em; }
.course-w-hbox { display: flex; flex-direction: row; flex-wrap: wrap; gap: 0.4em 1.2em; }
.course-w-control { display: inline-block; padding: 0.15em 0.5em; border: 1px solid #c9d3df;
  border-radius: 3px; background: #eef2f7; font-size: 0.95em; }
details.course-solution > summary { cursor: pointer; color: #0b5394; font-weight: 600;
  padding: 0.3em 0; font-family: var(--jp-ui-font-family, sans-serif);
  margin-left: calc(var(--jp-cell-prompt-width, 64px) + var(--jp-cell-padding, 5px) + 4px); }
.course-repo-file { border-bottom: 1px dotted #888; }
/* Accessibility (WCAG 2.1 AA, checked by tests_browser/test_a11y.py with axe-core):
   prompts and code colours reach 4.5:1 or more on the code background (#f5f5f5) and on
   white; links are underlined, not told apart by colour alone. */
body {
  --jp-cell-prompt-not-active-font-color: #595959;
  --jp-cell-prompt-not-active-opacity: 1;
  --jp-cell-prompt-opacity: 1;
  --jp-cell-inprompt-font-color: #1f5f99;
  --jp-cell-outprompt-font-color: #9c3f23;
  --jp-mirror-editor-keyword-color: #006a00;
  --jp-mirror-editor-builtin-color: #006a00;
  --jp-mirror-editor-number-color: #006a00;
  --jp-mirror-editor-quote-color: #006a00;
  --jp-mirror-editor-tag-color: #006a00;
  --jp-mirror-editor-atom-color: #4646d9;
  --jp-mirror-editor-def-color: #0000d6;
  --jp-mirror-editor-punctuation-color: #00509e;
  --jp-mirror-editor-property-color: #00509e;
  --jp-mirror-editor-operator-color: #7a1fb8;
  --jp-mirror-editor-meta-color: #7a1fb8;
  --jp-mirror-editor-comment-color: #2f6363;
  --jp-mirror-editor-string-color: #a31515;
  --jp-mirror-editor-string-2-color: #8a3a00;
  --jp-mirror-editor-qualifier-color: #555555;
  --jp-mirror-editor-bracket-color: #6b6b3a;
  --jp-mirror-editor-attribute-color: #0000c0;
  --jp-mirror-editor-link-color: #0000c0;
  --jp-mirror-editor-error-color: #c00000;
}
body .jp-RenderedHTMLCommon a:link, body .jp-RenderedHTMLCommon a:visited, .course-doc a, main a {
  text-decoration: underline; }
.course-scroll:focus { outline: 2px solid #1f5f99; outline-offset: 2px; }
"""

INDEX_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2733;
  max-width: 72em; margin: 0 auto; padding: 1em 1.5em 3em; line-height: 1.5; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border-bottom: 1px solid #d5dde8; padding: 0.5em 0.6em; text-align: left;
  vertical-align: top; }
th { background: #f2f5f9; }
td ul { margin: 0; padding-left: 1.1em; }
td.minutes { text-align: right; white-space: nowrap; }
.muted { color: #5a6778; font-size: 0.92em; }
a { color: #0b5394; }
code { background: #f2f5f9; padding: 0 0.2em; border-radius: 3px; }
pre { background: #f2f5f9; padding: 0.6em; overflow-x: auto; }
a.anchor-link { visibility: hidden; text-decoration: none; margin-left: 0.2em; }
h1:hover > a.anchor-link, h2:hover > a.anchor-link, h3:hover > a.anchor-link,
h4:hover > a.anchor-link { visibility: visible; }
.course-doc td:first-child { white-space: nowrap; }
"""


@dataclass
class PageResult:
    """One built page."""

    notebook: str
    page: str
    seconds: float
    explorers: int = 0


@dataclass
class SiteResult:
    """What :func:`build_site` built."""

    out: Path
    pages: list[PageResult] = field(default_factory=list)
    extra_pages: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class LinkReport:
    """What :func:`check_links` found in a folder of HTML pages."""

    pages: int = 0
    local_links: int = 0
    embedded_images: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)
    external_resources: list[tuple[str, str]] = field(default_factory=list)
    external_links: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missing and not self.external_resources


# --- widgets as still pictures --------------------------------------------------------


def _model_id(ref: Any) -> str:
    return str(ref).removeprefix("IPY_MODEL_")


def _control_value(name: str, st: dict) -> str:
    labels = st.get("_options_labels")
    if labels is not None and "index" in st:
        idx = st["index"]
        if isinstance(idx, (list, tuple)):
            return " to ".join(str(labels[i]) for i in idx if i is not None) if (
                "Range" in name) else ", ".join(str(labels[i]) for i in idx if i is not None)
        return str(labels[idx]) if idx is not None and 0 <= idx < len(labels) else "none"
    value = st.get("value")
    fmt = st.get("readout_format")
    if isinstance(value, float) and fmt:
        try:
            return format(value, fmt)
        except (ValueError, TypeError):
            pass
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, (list, tuple)):
        return " to ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _render_outputs(outputs: Iterable[dict]) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    parts = []
    for out in outputs:
        if out.get("output_type") == "stream":
            parts.append(f"<pre>{html.escape(''.join(out.get('text', '')))}</pre>")
            continue
        data = out.get("data", {})
        for mime, mime_type in (("image/png", "png"), ("image/jpeg", "jpeg")):
            if mime in data:
                b64 = "".join(data[mime]).replace("\n", "")
                parts.append(f'<img alt="figure" src="data:image/{mime_type};base64,{b64}">')
                break
        else:
            if "image/svg+xml" in data:
                parts.append("".join(data["image/svg+xml"]))
            elif "text/html" in data:
                parts.append("".join(data["text/html"]))
            elif "text/markdown" in data:
                parts.append(markdown2html_mistune("".join(data["text/markdown"])))
            elif "text/plain" in data:
                parts.append(f"<pre>{html.escape(''.join(data['text/plain']))}</pre>")
    return "\n".join(parts)


def widget_snapshot(model_id: str, state: dict, _depth: int = 0) -> str:
    """HTML for one widget and its children, from saved widget state (no JavaScript).

    ``state`` maps model ids to ``{"model_name", "state", "buffers"}`` as nbclient saves
    them in ``metadata.widgets``. Boxes keep their children, HTML and Label keep their
    text, Image and Output keep their pictures, and a control shows its description
    and its value.
    """
    model = state.get(_model_id(model_id))
    if model is None or _depth > 50:
        return ""
    name = model.get("model_name", "")
    st = dict(model.get("state", {}))
    for buf in model.get("buffers", []) or []:
        if buf.get("path") and buf.get("encoding", "base64") == "base64":
            st[buf["path"][0]] = ("b64", buf.get("data", ""))
    desc = html.escape(str(st.get("description", "") or ""))
    if name in {"VBoxModel", "BoxModel", "GridBoxModel", "AccordionModel", "TabModel",
                "StackModel", "HBoxModel"}:
        css = "course-w-hbox" if name == "HBoxModel" else "course-w-box"
        inner = "".join(widget_snapshot(c, state, _depth + 1) for c in st.get("children", []))
        return f'<div class="{css}">{inner}</div>'
    if name in {"HTMLModel", "HTMLMathModel"}:
        return f"<div>{st.get('value', '')}</div>"
    if name == "LabelModel":
        return f"<div>{html.escape(str(st.get('value', '')))}</div>"
    if name == "ImageModel":
        value = st.get("value")
        fmt = st.get("format", "png")
        if isinstance(value, tuple) and value[0] == "b64" and value[1]:
            alt = "explorer figure at its starting settings"
            return f'<img alt="{alt}" src="data:image/{fmt};base64,{value[1]}">'
        return ""
    if name == "OutputModel":
        return f"<div>{_render_outputs(st.get('outputs', []))}</div>"
    if name in {"ButtonModel", "LayoutModel", "PlayModel"} or name.endswith("StyleModel"):
        return ""
    if "value" in st or "index" in st:
        value = html.escape(_control_value(name, st))
        label = f"<b>{desc}</b> " if desc else ""
        return f'<span class="course-w-control">{label}{value}</span>'
    return ""


STATIC_NOTE = ("Interactive explorer, shown here as a still picture at its starting "
               "settings. To move the controls, open this notebook in JupyterLab "
               "(<code>make lab</code>) or on Binder.")


def static_widgets(nb) -> int:
    """Replace every widget view output of ``nb`` by a still snapshot; drop the state.

    Returns the number of views replaced. Without this, nbconvert writes an empty
    ``<div>`` that only a widget manager from a CDN could fill.
    """
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    count = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if WIDGET_VIEW not in data:
                continue
            view = data[WIDGET_VIEW]
            body = widget_snapshot(view.get("model_id", ""), state)
            if not body:
                body = f"<pre>{html.escape(''.join(data.get('text/plain', '')))}</pre>"
            snap = (f'<div class="course-static-explorer"><p class="course-static-note">'
                    f"{STATIC_NOTE}</p>{body}</div>")
            out["data"] = {"text/html": snap, "text/plain": "[interactive explorer]"}
            count += 1
    nb.metadata.pop("widgets", None)
    return count


# --- pages ----------------------------------------------------------------------------


def _nav(pages: list[tuple[str, str]], current: int | None) -> str:
    parts = ['<nav class="course-nav" aria-label="course">',
             '<span class="course-nav-title"><a href="index.html">Security by Prevention? '
             "The SCO in data</a></span>"]
    if current is not None:
        if current > 0:
            href, title = pages[current - 1]
            parts.append(f'<a href="{href}" rel="prev">&larr; {html.escape(title)}</a>')
        parts.append('<a href="index.html">Course map</a>')
        if current + 1 < len(pages):
            href, title = pages[current + 1]
            parts.append(f'<a href="{href}" rel="next">{html.escape(title)} &rarr;</a>')
    else:
        parts.append('<a href="index.html">Course map</a>')
    parts.append("</nav>")
    return "".join(parts)


def _exporter():
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"course_page.html.j2": _TEMPLATE})],
        template_file="course_page.html.j2",
        embed_images=True,
    )


def _fix_links(soup, origin: Path, site_map: dict[Path, str], index_anchor: dict[Path, str]):
    """Point links to site pages; embed local images; make other repo links plain text."""
    for tag, attr in (("a", "href"), ("img", "src")):
        for el in soup.find_all(tag):
            ref = el.get(attr)
            if not ref:
                continue
            parts = urlsplit(ref)
            if parts.scheme or ref.startswith(("#", "//")):
                continue
            target = (origin / parts.path).resolve()
            frag = f"#{parts.fragment}" if parts.fragment else ""
            if target in site_map:
                el[attr] = site_map[target] + frag
            elif target in index_anchor:
                el[attr] = index_anchor[target]
            elif tag == "img" and target.suffix.lower() in IMAGE_SUFFIXES and target.is_file():
                mime = IMAGE_SUFFIXES[target.suffix.lower()]
                b64 = base64.b64encode(target.read_bytes()).decode("ascii")
                el[attr] = f"data:{mime};base64,{b64}"
            else:
                try:
                    rel = target.relative_to(REPO_ROOT).as_posix()
                except ValueError:
                    rel = parts.path
                if tag == "img":
                    el.replace_with(soup.new_string(f"[image not available: {rel}]"))
                    continue
                el.name = "span"
                del el[attr]
                el["class"] = "course-repo-file"
                el["title"] = f"in the course repository: {rel}"


def _fold_solutions(soup) -> int:
    count = 0
    for cell in soup.select(f"div.celltag_{SOLUTION_TAG}"):
        inp = cell.find("div", class_="jp-Cell-inputWrapper")
        if inp is None:
            continue
        details = soup.new_tag("details", attrs={"class": "course-solution"})
        summary = soup.new_tag("summary")
        summary.string = "Show the solution"
        inp.wrap(details)
        details.insert(0, summary)
        count += 1
    return count


def _keyboard_scroll(soup) -> int:
    """Let a keyboard reach (and scroll) each block that may scroll sideways: code blocks
    and tables of the text (``pre``, a Markdown ``table``) and wide output tables get
    ``tabindex="0"``, a role and a label (WCAG 2.1.1)."""
    count = 0
    targets = [(el, "code block") for el in soup.find_all("pre")
               if not el.find_parent(class_="jp-InputArea")]
    targets += [(el, "table") for el in soup.select(".jp-OutputArea-output.jp-RenderedHTML")
                if el.find("table")]
    targets += [(el, "table") for el in soup.select(".course-doc table")]
    for el, label in targets:
        if el.get("tabindex") is None:
            el["tabindex"] = "0"
            el["role"] = "region"
            el["aria-label"] = f"{label} (scrollable)"
            el["class"] = list(el.get("class") or []) + ["course-scroll"]
            count += 1
    return count


def _postprocess(page_html: str, origin: Path, site_map, index_anchor) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page_html, "html.parser")
    _fix_links(soup, origin, site_map, index_anchor)
    _fold_solutions(soup)
    _keyboard_scroll(soup)
    return str(soup)


def _standalone(title: str, body: str, nav: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{COURSE_CSS}{INDEX_CSS}</style>\n"
            f"</head>\n<body>\n{nav}\n<main>\n{body}\n</main>\n{nav}\n</body>\n</html>\n")


def index_html(rows: list[dict], built: dict[str, str], extra: dict[str, str]) -> str:
    """The course map page. ``rows``: one dict per notebook (its metadata plus
    ``notebook``); ``built``: notebook -> page for the pages of this build."""
    total = sum(int(r.get("minutes") or 0) for r in rows)
    lines = [
        "<h1>Security by Prevention? The SCO in data</h1>",
        "<p>An open course of Jupyter notebooks. In October 2017 the Secretary-General of "
        "the Shanghai Cooperation Organization described, in the <em>UN Chronicle</em>, "
        "how the organization sees its role in preventing threats to peace. Each notebook "
        "takes one section of that article, loads open data and lets you judge its "
        "claims.</p>",
        "<p class=\"muted\">This is the static version: every page was executed when the "
        "site was built. Explorers appear as still pictures; to work with them and to "
        "answer the exercises, run the notebooks in JupyterLab (<code>make lab</code>) "
        "or on Binder.</p>",
        f"<h2>Course map</h2><p>{len(rows)} notebook{'' if len(rows) == 1 else 's'}, about {total} minutes in all.</p>",
        "<table><thead><tr><th>notebook</th><th>article section</th><th>minutes</th>"
        "<th>you will</th><th>data</th></tr></thead><tbody>",
    ]
    for r in rows:
        nb = r["notebook"]
        title = html.escape(f"{nb[:2]} · {r.get('title') or nb}")
        if nb in built:
            cell = f'<a href="{built[nb]}">{title}</a>'
        else:
            cell = f'{title}<br><span class="muted">(not built in this run)</span>'
        objectives = "".join(f"<li>{html.escape(o)}</li>" for o in r.get("objectives", []))
        datasets = ", ".join(f"<code>{html.escape(d)}</code>" for d in r.get("datasets", []))
        lines.append(
            f'<tr id="{html.escape(nb)}"><td>{cell}</td><td>{html.escape(str(r.get("section", "")))}'
            f'</td><td class="minutes">{r.get("minutes", "")}</td><td><ul>{objectives}</ul>'
            f"</td><td>{datasets}</td></tr>")
    lines.append("</tbody></table>")
    if extra:
        lines.append("<h2>For teachers</h2><ul>")
        labels = {"teaching.html": "Teaching guide: lesson plans, discussion prompts, "
                                   "misconceptions, running the course with a class",
                  "deploy.html": "Deployment: JupyterHub, Binder and local installs"}
        for page in extra.values():
            lines.append(f'<li><a href="{page}">{labels.get(page, page)}</a></li>')
        lines.append("</ul>")
    lines.append('<p class="muted">Course code: MIT licence; course text: CC BY 4.0; data: '
                 "each source's licence (see data/datapackage.json in the repository).</p>")
    return _standalone("Security by Prevention? The SCO in data: course map",
                       "\n".join(lines), _nav([], None))


def _course_rows(paths: list[Path]) -> list[dict]:
    from .course import notebook_meta

    rows = []
    for path in paths:
        meta = notebook_meta(path)
        meta["notebook"] = path.stem
        rows.append(meta)
    return rows


def _execute(nb, cwd: Path, timeout: int):
    from nbclient import NotebookClient

    import os

    # The kernel draws figures inline whatever the caller's environment says: with
    # MPLBACKEND=Agg (set by some test runners) plt.show() would output nothing.
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=True,
                   resources={"metadata": {"path": str(cwd)}}).execute(env=env)


def build_site(out: Path | None = None, only: Iterable[str] | None = None, *,
               source: Path | None = None, edition: str = "instructor",
               execute: bool = True, progress: bool = True, timeout: int = 600,
               docs: Path | None = None) -> SiteResult:
    """Build the static course into ``out`` (default build/site/).

    Parameters
    ----------
    only : notebook prefixes or names (``["00"]``) to build; the index still lists
        every notebook, and links only the pages built.
    edition : ``"instructor"`` (solutions folded under "Show the solution") or
        ``"student"`` (solutions replaced by the stub, as in build/student).
    execute : run the notebooks (default); False exports them as they are (fast, for
        checking the layout).
    """
    import nbformat

    from .editions import BEGIN_DELIMITER, _copy_assets, student_notebook
    from .errors import CourseError
    from .runner import course_notebooks

    if edition not in {"instructor", "student"}:
        raise CourseError(f"Unknown edition {edition!r}: use 'instructor' or 'student'.")
    start = time.perf_counter()
    source = Path(source) if source else NOTEBOOKS_DIR
    docs = Path(docs) if docs else REPO_ROOT / "docs"
    out = Path(out) if out else BUILD_DIR / "site"
    if out.resolve() in {source.resolve(), NOTEBOOKS_DIR.resolve(), REPO_ROOT.resolve()}:
        raise CourseError(f"Refusing to build the site into {out}: choose a build folder.")
    paths = course_notebooks(source)
    if not paths:
        raise CourseError(f"No notebooks (NN_name.ipynb) found in {source}.")
    wanted = list(only or [])
    chosen = [p for p in paths if not wanted or any(
        p.stem == w or p.name == w or p.name.startswith(w) for w in wanted)]
    if not chosen:
        raise CourseError(f"No notebook matches {wanted}; there are: "
                          + ", ".join(p.stem for p in paths))
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.html"):  # a page from an earlier build may be stale
        old.unlink()

    rows = _course_rows(paths)
    built = {p.stem: f"{p.stem}.html" for p in chosen}
    extra = {name: page for name, page in DOC_PAGES.items() if (docs / name).is_file()}
    site_map = {p.resolve(): f"{p.stem}.html" for p in chosen}
    site_map.update({(docs / name).resolve(): page for name, page in extra.items()})
    site_map[(REPO_ROOT / "README.md").resolve()] = "index.html"
    index_anchor = {p.resolve(): f"index.html#{p.stem}" for p in paths if p not in chosen}
    order = [(f"{p.stem}.html", f"{p.stem[:2]} · {r.get('title') or p.stem}")
             for p, r in zip(paths, rows) if p in chosen]

    result = SiteResult(out=out)
    exporter = _exporter()
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(chosen), unit="page", desc="Building the site")
    try:
        with tempfile.TemporaryDirectory(prefix="course-site-") as tmp:
            workdir = Path(tmp)
            _copy_assets(source, workdir)
            for i, path in enumerate(chosen):
                t0 = time.perf_counter()
                if bar is not None:
                    bar.set_postfix_str(f"{path.stem}: executing" if execute else path.stem)
                nb = nbformat.read(str(path), as_version=4)
                if edition == "student":
                    nb = student_notebook(nb)
                for cell in nb.cells:
                    if edition == "instructor" and BEGIN_DELIMITER in cell.source:
                        tags = cell.metadata.setdefault("tags", [])
                        if SOLUTION_TAG not in tags:
                            tags.append(SOLUTION_TAG)
                if execute:
                    try:
                        _execute(nb, workdir, timeout)
                    except Exception as exc:  # name the notebook, keep the cause short
                        raise CourseError(
                            f"{path.name} failed while building the site: "
                            f"{type(exc).__name__}: {str(exc).strip()[-1500:]}") from None
                if bar is not None:
                    bar.set_postfix_str(f"{path.stem}: exporting")
                explorers = static_widgets(nb)
                title = f"{path.stem[:2]} · {nb.metadata.get('course', {}).get('title', path.stem)}"
                nb.metadata["title"] = title
                resources = {"metadata": {"name": path.stem, "path": str(source)},
                             "course_css": COURSE_CSS,
                             "course_nav": _nav(order, i)}
                body, _ = exporter.from_notebook_node(nb, resources=resources)
                body = _postprocess(body, source, site_map, index_anchor)
                (out / f"{path.stem}.html").write_text(body, encoding="utf-8")
                result.pages.append(PageResult(path.stem, f"{path.stem}.html",
                                               time.perf_counter() - t0, explorers))
                if bar is not None:
                    bar.update(1)
    finally:
        if bar is not None:
            bar.close()

    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    for name, page in extra.items():
        text = (docs / name).read_text(encoding="utf-8")
        body = _postprocess(markdown2html_mistune(text), docs, site_map, index_anchor)
        first = re.search(r"^#\s+(.+)$", text, re.M)
        body = f'<div class="course-doc">{body}</div>'
        title = re.sub(r"[*_`]", "", first.group(1)) if first else page
        (out / page).write_text(_standalone(title, body,
                                            _nav([], None)), encoding="utf-8")
        result.extra_pages.append(page)
    (out / "index.html").write_text(index_html(rows, built, extra), encoding="utf-8")
    result.extra_pages.insert(0, "index.html")
    result.seconds = time.perf_counter() - start
    return result


# --- checking a built site ------------------------------------------------------------

_LINK_ATTRS = (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
               ("source", "src"), ("iframe", "src"), ("video", "src"), ("audio", "src"),
               ("embed", "src"), ("object", "data"))
_URL_IN_CODE = re.compile(r"""(?:import\s*\(\s*|url\(\s*|@import\s+)["']?(https?://[^"')\s]+)""")


def check_links(site: Path) -> LinkReport:
    """Every local link and image of every page in ``site`` must exist; list external
    resources (needed to render: scripts, styles, images, frames) and external links
    (``<a href>`` to the web, which a reader may follow but the page does not need)."""
    from bs4 import BeautifulSoup

    site = Path(site)
    report = LinkReport()
    for page in sorted(site.rglob("*.html")):
        report.pages += 1
        name = page.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in _LINK_ATTRS:
            for el in soup.find_all(tag):
                ref = el.get(attr)
                if not ref:
                    continue
                ref = ref.strip()
                if ref.startswith("data:"):
                    report.embedded_images += tag == "img"
                    continue
                parts = urlsplit(ref)
                if parts.scheme in {"http", "https"} or ref.startswith("//"):
                    (report.external_links if tag == "a" else report.external_resources
                     ).append((name, ref))
                    continue
                if parts.scheme or ref.startswith("#"):
                    continue  # mailto:, javascript:, in-page anchors
                report.local_links += 1
                if not (page.parent / parts.path).exists():
                    report.missing.append((name, ref))
        for el in soup.find_all(["script", "style"]):
            for url in _URL_IN_CODE.findall(el.string or ""):
                report.external_resources.append((name, url))
    return report


def summary(result: SiteResult, report: LinkReport) -> str:
    """A few lines for the terminal: pages, times, link check."""
    lines = [f"{p.seconds:6.1f} s  {p.page}" + (f"  ({p.explorers} explorer(s) as stills)"
                                                 if p.explorers else "")
             for p in result.pages]
    size = sum(f.stat().st_size for f in result.out.glob("*.html")) / 1e6
    lines.append(f"{result.seconds:6.1f} s  total: {len(result.pages)} notebook page(s) + "
                 f"{len(result.extra_pages)} other page(s), {size:.1f} MB, in {result.out}")
    lines.append(f"links: {report.local_links} local, {len(report.missing)} missing; "
                 f"{report.embedded_images} embedded image(s); "
                 f"{len(report.external_resources)} external resource(s) needed to render; "
                 f"{len(report.external_links)} link(s) to the web")
    for page, ref in report.missing:
        lines.append(f"  missing: {page} -> {ref}")
    for page, ref in report.external_resources:
        lines.append(f"  external resource: {page} -> {ref}")
    return "\n".join(lines)

