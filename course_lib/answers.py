"""Written answers: the Markdown cells tagged ``answer`` and, in the instructor edition,
their model answer and rubric.

In the instructor notebooks an answer cell holds the learner's prompt, then a solution
region (the markers of :mod:`course_lib.editions`) with a model answer and a rubric::

    **Your written answer (Exercise 7):** ...

    ### BEGIN SOLUTION
    **Model answer.** ...

    **Rubric (2 points).**
    - (1) what a full answer says first
    - (1) what else
    ### END SOLUTION

The student edition replaces the region with ``_Write your answer here._`` (as nbgrader
does), so both the model answer and the rubric stay with the teacher. The points are the
sum of the rubric's ``(n)`` items; nbgrader grades the cell by hand with those points and
the ``grade`` command puts the rubric beside the learner's text.

>>> w = parse_cell("p", "**Q?**\\n\\n### BEGIN SOLUTION\\n**Model answer.** Yes.\\n\\n"
...                "**Rubric (2 points).**\\n- (1) says yes\\n- (1) says why\\n### END SOLUTION")
>>> w.points, w.rubric, w.model
(2, ['(1) says yes', '(1) says why'], 'Yes.')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .paths import NOTEBOOKS_DIR

TAG = "answer"
_ITEM = re.compile(r"^\s*[-*]\s*\((\d+)\)\s*(.+)$", re.M)
_HEADER = re.compile(r"\*\*Rubric \((\d+) points?\)\.?\*\*")


@dataclass
class Written:
    """One written-answer prompt: its id, prompt, model answer, rubric and points."""

    answer_id: str
    prompt: str
    model: str = ""
    rubric: list[str] = field(default_factory=list)
    points: int = 0
    stated_points: int | None = None  # the rubric header's figure
    notebook: str = ""


def is_answer_cell(cell) -> bool:
    return cell.get("cell_type") == "markdown" and TAG in (cell.get("metadata", {})
                                                           .get("tags") or [])


def answer_id(cell) -> str:
    return str(cell.get("metadata", {}).get("course", {}).get("answer_id", ""))


def parse_cell(aid: str, source: str, notebook: str = "") -> Written:
    """The parts of one instructor answer cell (no region: no model, no rubric)."""
    from .solutions import extract_regions

    prompt = source.split("### BEGIN SOLUTION")[0].replace("_Write your answer here._", "")
    region = "\n".join(extract_regions(source))
    model_part, _, rubric_part = region.partition("**Rubric")
    model = re.sub(r"^\*\*Model answer\.?\*\*\s*", "", model_part.strip())
    items = _ITEM.findall(rubric_part)
    header = _HEADER.search("**Rubric" + rubric_part) if rubric_part else None
    return Written(aid, prompt.strip(), model.strip(), [f"({n}) {t.strip()}" for n, t in items],
                   sum(int(n) for n, _ in items), int(header.group(1)) if header else None,
                   notebook)


def written_answers(folder: Path | None = None) -> dict[str, Written]:
    """Every answer cell of the notebooks in ``folder`` (default the instructor
    edition), by answer id, in course order."""
    import nbformat

    from .runner import course_notebooks

    out: dict[str, Written] = {}
    for path in course_notebooks(folder or NOTEBOOKS_DIR):
        nb = nbformat.read(str(path), as_version=4)
        for cell in nb.cells:
            if is_answer_cell(cell):
                aid = answer_id(cell)
                out[aid] = parse_cell(aid, cell.source, path.stem)
    return out


def learner_text(source: str) -> str:
    """What a learner wrote in an answer cell: the prompt and the placeholder removed
    ('' when nothing was written).

    >>> learner_text("**Your written answer:** why?\\n\\n_Write your answer here._")
    ''
    >>> learner_text("**Your written answer:** why?\\n\\nBecause.")
    'Because.'
    """
    text = source.replace("_Write your answer here._", "")
    text = re.sub(r"^\*\*Your written answers?[^*]*:\*\*[^\n]*(\n(?!\n)[^\n]*)*", "", text.strip())
    return text.strip()
