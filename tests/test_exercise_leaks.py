"""Try first, then see: in the student edition, executed, no output of a cell above an
exercise shows that exercise's expected value (at the precisions a learner would read
it), and no unanswered feedback states it.

Small whole numbers (below 100) are not searched for: "3" or "8" appear in every page
for other reasons, so a leak of such a value can only be found by reading.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from course_lib.editions import build_student_edition
from course_lib.exercises import check, question
from course_lib.ladder import exercises
from course_lib.paths import NOTEBOOKS_DIR
from course_lib.runner import course_notebooks, execute

pytestmark = pytest.mark.slow
SECTION = [p for p in course_notebooks() if p.name[:2] in {"01", "02", "03", "04", "05", "06"}]


def renderings(value) -> list[str]:
    """How a learner would read a number on the page (at least two significant digits;
    a whole number between 1900 and 2100 only with its thousands separator, since as
    "2000" it is read as a year).

    >>> renderings(41.9017)
    ['41.9', '41.90']
    >>> renderings(13800.0)
    ['13,800', '13800', '13,800.0']
    >>> renderings(2000)
    ['2,000']
    >>> renderings(0.0987)
    ['0.099', '0.10']
    >>> renderings(3)
    []
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        return []
    v = float(value)
    if v.is_integer():
        if abs(v) < 100:
            return []
        if 1900 <= v <= 2100:
            return [f"{v:,.0f}"]
        return [f"{v:,.0f}", f"{v:.0f}", f"{v:,.1f}"]
    if abs(v) < 1:
        out = [f"{v:.3f}", f"{v:.2f}"]
    else:
        out = [f"{v:.1f}", f"{v:.2f}"]
    if abs(v) >= 100:
        out = [f"{v:,.0f}", f"{v:,.1f}"] + out
    return list(dict.fromkeys(s for s in out if s.strip("0.,-")))


def _found(text: str, rendering: str) -> bool:
    return re.search(r"(?<![\d.,])" + re.escape(rendering) + r"(?![\d])", text) is not None


def _text(cell) -> str:
    parts = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream":
            parts.append(o.get("text", ""))
        for mime in ("text/plain", "text/markdown", "text/html"):
            parts.append(str(o.get("data", {}).get(mime, "")))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def student(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("student")
    build_student_edition(out)
    return out


@pytest.mark.parametrize("path", SECTION, ids=lambda p: p.name)
def test_no_output_above_an_exercise_shows_its_answer(path, student):
    nb, _ = execute(student / path.name, cwd=NOTEBOOKS_DIR, timeout=300)
    leaks = []
    for ex in exercises(NOTEBOOKS_DIR / path.name):
        q = question(ex["qid"])
        if q.kind not in {"number", "integer", "prediction"} or q.choices:
            continue
        shown = renderings(q.expected())
        if not shown:
            continue
        above = "\n".join(_text(c) for c in nb.cells[:ex["index"]] if c.cell_type == "code")
        unanswered = check(ex["qid"], ...).message
        for r in shown:
            if _found(above, r):
                leaks.append(f"{ex['qid']}: {r} shown above the exercise")
            if _found(unanswered, r):
                leaks.append(f"{ex['qid']}: {r} in the 'not answered' message")
    assert not leaks, leaks
