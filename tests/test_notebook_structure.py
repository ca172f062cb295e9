"""Every notebook follows the spec's structure and carries its metadata block.

Committed notebooks carry **no outputs** (decision: outputs are produced at run time
from data/, so a stale number can never sit in a committed file; nbval runs them).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from course_lib import data
from course_lib.exercises import questions
from course_lib.runner import course_notebooks

NOTEBOOKS = course_notebooks()
SECTION_NOTEBOOKS = [p for p in NOTEBOOKS if p.name[:2] in {"01", "02", "03", "04", "05", "06"}]
REQUIRED_META = {"id", "title", "section", "objectives", "minutes", "prerequisites",
                 "datasets", "data_vintage"}
SECTION_HEADINGS = [
    "What the article says", "Context and data", "Explore", "Exercises", "Check the claim",
    "Limits of the data", "Key points", "Glossary", "Sources",
]
VERBS_NOT = {"the", "a", "an", "this", "how", "what", "why"}


def _nb(path: Path):
    return nbformat.read(str(path), as_version=4)


def _headings(nb) -> list[str]:
    out = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            out += [m.group(1).strip() for m in re.finditer(r"^##\s+(.+)$", cell.source, re.M)]
    return out


def test_course_has_all_notebooks_in_order():
    names = [p.name[:2] for p in NOTEBOOKS]
    assert names == sorted(names) and names[0] == "00"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_metadata_block(path):
    meta = _nb(path).metadata.get("course")
    assert meta, "notebook metadata has no 'course' block"
    assert REQUIRED_META <= set(meta), REQUIRED_META - set(meta)
    assert meta["id"] == path.stem
    assert 3 <= len(meta["objectives"]) <= 5
    for obj in meta["objectives"]:
        first = re.sub(r"\W", "", obj.split()[0].lower())
        assert first not in VERBS_NOT and first.isalpha(), f"objective should start with a verb: {obj}"
    assert isinstance(meta["minutes"], int) and 5 <= meta["minutes"] <= 180
    known = set(data.names())
    assert set(meta["datasets"]) <= known, set(meta["datasets"]) - known


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    for cell in _nb(path).cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"outputs committed in cell: {cell.source[:60]!r}"
            assert cell.execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_title_cell_and_footer(path):
    nb = _nb(path)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    for needle in ("Learning objectives", "minutes"):
        assert needle.lower() in first.source.lower(), needle
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "env_report()" in code[-1].source, "last code cell must show env_report()"


@pytest.mark.parametrize("path", SECTION_NOTEBOOKS, ids=lambda p: p.name)
def test_section_notebook_headings_in_order(path):
    heads = _headings(_nb(path))
    positions = []
    for wanted in SECTION_HEADINGS:
        idx = [i for i, h in enumerate(heads) if h.lower().startswith(wanted.lower())]
        assert idx, f"missing '## {wanted}'"
        positions.append(idx[0])
    assert positions == sorted(positions), "sections out of the spec's order"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_exercises_are_registered_and_complete(path):
    nb = _nb(path)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    used = re.findall(r"check\(\s*[\"']([^\"']+)[\"']", code)
    registered = questions(path.name[:2])
    assert set(used) <= set(questions()), set(used) - set(questions())
    assert set(registered) <= set(used), f"registered but unused: {set(registered) - set(used)}"
    minimum = 4 if path in SECTION_NOTEBOOKS else 1
    assert len(set(used)) >= minimum
    assert code.count("### BEGIN SOLUTION") == code.count("### END SOLUTION")
    assert code.count("### BEGIN SOLUTION") >= len(set(used))
    for qid in set(used):
        assert f'hint("{qid}")' in code or f"hint('{qid}')" in code, f"no hint cell for {qid}"


@pytest.mark.parametrize("path", SECTION_NOTEBOOKS, ids=lambda p: p.name)
def test_explorer_and_figures(path):
    nb = _nb(path)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "course_lib.widgets" in code or "from course_lib import widgets" in code
    assert code.count("source_note(") + code.count("finish(") >= 2, "at least two figures with sources"
