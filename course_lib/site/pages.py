"""The site's look: the page template and style, the navigation bar, nbconvert's
exporter, the stand-alone pages (documents) and the course map (index.html)."""

from __future__ import annotations

import html

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


def nav(pages: list[tuple[str, str]], current: int | None) -> str:
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


def exporter():
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"course_page.html.j2": _TEMPLATE})],
        template_file="course_page.html.j2",
        embed_images=True,
    )


def standalone(title: str, body: str, nav: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{COURSE_CSS}{INDEX_CSS}</style>\n"
            f"</head>\n<body>\n{nav}\n<main>\n{body}\n</main>\n{nav}\n</body>\n</html>\n")


def index_html(rows: list[dict], built: dict[str, str], extra: dict[str, str]) -> str:
    """The course map page. ``rows``: one dict per notebook (its metadata plus
    ``notebook``); ``built``: notebook -> page for the pages of this build."""
    import datetime

    from ..sco import ARTICLE_DATE

    total = sum(int(r.get("minutes") or 0) for r in rows)
    issue = f"{datetime.date.fromisoformat(ARTICLE_DATE):%B %Y}"
    lines = [
        "<h1>Security by Prevention? The SCO in data</h1>",
        f"<p>An open course of Jupyter notebooks. In {issue} the Secretary-General of "
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
    return standalone("Security by Prevention? The SCO in data: course map",
                       "\n".join(lines), nav([], None))
