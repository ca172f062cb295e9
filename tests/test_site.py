"""The static site: pages build offline, every local link and image resolves, no page
needs a resource from the web, the index lists every notebook, explorers become stills.

The build test executes notebook 00 only (``only=["00"]``) to stay fast; ``make site``
builds them all and runs the same link check.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import nbformat
import pytest

from course_lib.cli import main
from course_lib.paths import NOTEBOOKS_DIR
from course_lib.runner import course_notebooks
from course_lib.site import (
    WIDGET_STATE,
    WIDGET_VIEW,
    build_site,
    check_links,
    static_widgets,
    widget_snapshot,
)

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n fake").decode("ascii")


def _hash_tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    before = _hash_tree(NOTEBOOKS_DIR)
    out = tmp_path_factory.mktemp("site")
    result = build_site(out, only=["00"], progress=False)
    assert _hash_tree(NOTEBOOKS_DIR) == before, "building the site changed notebooks/"
    return result


@pytest.mark.slow
def test_pages_built(site):
    names = sorted(p.name for p in site.out.glob("*.html"))
    assert "index.html" in names and "00_start_here.html" in names
    assert [p.notebook for p in site.pages] == ["00_start_here"]


@pytest.mark.slow
def test_every_link_and_image_resolves_and_nothing_comes_from_the_web(site):
    report = check_links(site.out)
    assert report.missing == [], report.missing
    assert report.external_resources == [], report.external_resources
    assert report.embedded_images >= 1  # the start notebook's figure, inside the page
    for page in site.out.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        for cdn in ("cdnjs.cloudflare.com", "unpkg.com", "cdn.jsdelivr.net", "require.js"):
            assert cdn not in text, f"{page.name} still refers to {cdn}"


@pytest.mark.slow
def test_index_lists_every_notebook_and_links_the_built_ones(site):
    index = (site.out / "index.html").read_text(encoding="utf-8")
    from course_lib.course import notebook_meta

    for path in course_notebooks():
        assert f'id="{path.stem}"' in index, path.stem
        assert str(notebook_meta(path)["minutes"]) in index
    assert 'href="00_start_here.html"' in index


@pytest.mark.slow
def test_page_has_executed_outputs_and_folded_solutions(site):
    page = (site.out / "00_start_here.html").read_text(encoding="utf-8")
    assert "Correct" in page  # the instructor edition's check() ran
    assert "Show the solution" in page
    assert "Traceback" not in page


def _widget_notebook():
    nb = nbformat.v4.new_notebook()
    view = {"version_major": 2, "version_minor": 0, "model_id": "box"}
    nb.cells = [nbformat.v4.new_code_cell("explorer", outputs=[nbformat.v4.new_output(
        "display_data", data={"text/plain": "VBox(...)", WIDGET_VIEW: view})])]
    nb.metadata["widgets"] = {WIDGET_STATE: {"version_major": 2, "version_minor": 0, "state": {
        "box": {"model_name": "VBoxModel", "state": {
            "children": ["IPY_MODEL_head", "IPY_MODEL_row", "IPY_MODEL_img", "IPY_MODEL_out"]}},
        "head": {"model_name": "HTMLModel", "state": {"value": "<h4>Share explorer</h4>"}},
        "row": {"model_name": "HBoxModel", "state": {
            "children": ["IPY_MODEL_year", "IPY_MODEL_def", "IPY_MODEL_flag"]}},
        "year": {"model_name": "IntSliderModel", "state": {"description": "Year", "value": 2017}},
        "def": {"model_name": "DropdownModel", "state": {
            "description": "Reading", "_options_labels": ["all sites", "cultural"], "index": 1}},
        "flag": {"model_name": "CheckboxModel", "state": {"description": "2017 members",
                                                           "value": True}},
        "img": {"model_name": "ImageModel", "state": {"format": "png"},
                "buffers": [{"path": ["value"], "data": PNG, "encoding": "base64"}]},
        "out": {"model_name": "OutputModel", "state": {"outputs": [
            {"output_type": "stream", "name": "stdout", "text": "share: 21.4 %\n"}]}},
    }}}
    return nb


def test_widget_views_become_still_snapshots():
    nb = _widget_notebook()
    assert static_widgets(nb) == 1
    assert "widgets" not in nb.metadata
    data = nb.cells[0].outputs[0]["data"]
    assert WIDGET_VIEW not in data
    snap = data["text/html"]
    for needle in ("Share explorer", "Year", "2017", "Reading", "cultural", "2017 members",
                   "on", f"data:image/png;base64,{PNG}", "share: 21.4 %", "still picture"):
        assert needle in snap, needle


def test_unknown_widget_falls_back_to_text():
    assert widget_snapshot("missing", {}) == ""
    nb = _widget_notebook()
    nb.metadata.pop("widgets")
    static_widgets(nb)
    assert "VBox(...)" in nb.cells[0].outputs[0]["data"]["text/html"]


def test_layout_export_without_executing_and_link_rewriting(tmp_path):
    """Without a kernel: links between notebooks become page links, a link to a
    repository file becomes plain text, a missing page is reported."""
    src = tmp_path / "nbs"
    src.mkdir()
    for stem, text in [("00_a", "See [the next one](01_b.ipynb#part) and [data](../data/x.csv)."),
                       ("01_b", "Back to [the start](00_a.ipynb).")]:
        nb = nbformat.v4.new_notebook()
        nb.metadata["course"] = {"id": stem, "title": stem, "minutes": 10, "objectives": ["Do"]}
        nb.cells = [nbformat.v4.new_markdown_cell(f"# {stem}\n\n{text}")]
        nbformat.write(nb, str(src / f"{stem}.ipynb"))
    out = tmp_path / "site"
    result = build_site(out, source=src, execute=False, progress=False, docs=tmp_path / "none")
    assert len(result.pages) == 2
    page = (out / "00_a.html").read_text(encoding="utf-8")
    assert 'href="01_b.html#part"' in page
    assert "course-repo-file" in page and "x.csv" in page
    assert check_links(out).ok
    (out / "01_b.html").unlink()
    assert ("00_a.html", "01_b.html#part") in check_links(out).missing


def test_only_builds_the_chosen_page_and_links_the_rest_to_the_index(tmp_path):
    src = tmp_path / "nbs"
    src.mkdir()
    for stem in ("00_a", "01_b"):
        nb = nbformat.v4.new_notebook()
        nb.metadata["course"] = {"title": stem, "minutes": 5, "objectives": []}
        nb.cells = [nbformat.v4.new_markdown_cell("[other](01_b.ipynb)")]
        nbformat.write(nb, str(src / f"{stem}.ipynb"))
    out = tmp_path / "site"
    build_site(out, only=["00"], source=src, execute=False, progress=False,
               docs=tmp_path / "none")
    assert not (out / "01_b.html").exists()
    assert 'href="index.html#01_b"' in (out / "00_a.html").read_text(encoding="utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "not built in this run" in index and 'id="01_b"' in index
    assert check_links(out).ok


def test_command_line_no_execute(tmp_path, capsys):
    out = tmp_path / "site"
    assert main(["site", "--out", str(out), "--only", "00", "--no-execute", "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert "0 missing" in printed and "0 external resource(s)" in printed
    assert (out / "00_start_here.html").is_file()


def test_command_line_builds_the_learners_edition_by_default(tmp_path):
    from course_lib.solutions import solutions_from_notebooks

    out = tmp_path / "site"
    assert main(["site", "--out", str(out), "--only", "00", "--no-execute", "--quiet"]) == 0
    page = (out / "00_start_here.html").read_text(encoding="utf-8")
    assert "Show the solution" not in page
    for qid, entry in solutions_from_notebooks().items():
        if entry["notebook"] == "00_start_here":
            assert entry["code"].replace('"', "&quot;") not in page, qid
            assert entry["code"] not in page, qid


def _luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    h = "".join(c * 2 for c in h) if len(h) == 3 else h
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_site_colours_reach_wcag_aa_contrast():
    import re

    from course_lib.site import COURSE_CSS

    colours = re.findall(r"--jp-[a-z0-9-]*color:\s*(#[0-9a-fA-F]{3,6})", COURSE_CSS)
    assert len(colours) >= 15
    for colour in colours:
        for background in ("#f5f5f5", "#ffffff"):  # code cells, page
            lighter, darker = sorted([_luminance(colour), _luminance(background)], reverse=True)
            assert (lighter + 0.05) / (darker + 0.05) >= 4.5, (colour, background)


def test_scrollable_blocks_are_reachable_by_keyboard():
    from bs4 import BeautifulSoup

    from course_lib.site import keyboard_scroll

    soup = BeautifulSoup('<div class="course-doc"><pre>x</pre><table><tr><td>1</td></tr>'
                         '</table></div><div class="jp-InputArea"><pre>code</pre></div>',
                         "html.parser")
    assert keyboard_scroll(soup) == 2
    for el in soup.select(".course-doc pre, .course-doc table"):
        assert el["tabindex"] == "0" and el["role"] == "region" and el["aria-label"]
    assert soup.select_one(".jp-InputArea pre").get("tabindex") is None
