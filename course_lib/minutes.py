"""How long a notebook takes: a stated model, to set beside the author's estimate.

The model (one learner who reads every text cell, runs every code cell and answers every
exercise):

* reading: the words of the Markdown cells at :data:`READING_WPM` words a minute (a slow
  rate: the text is dense with numbers, definitions and figures to look at);
* running: :data:`CODE_CELL_MINUTES` for each code cell that is not an exercise (read the
  code, run it, look at the table or figure it shows);
* exercises: minutes by the kind of answer (:data:`EXERCISE_MINUTES`; a computed number
  takes longer than a choice), and :data:`WRITTEN_ANSWER_MINUTES` for each written-answer
  cell (a Markdown cell tagged ``answer``);
* the sum, rounded up to the next 5 minutes.

Words that code writes at run time (``Markdown(...)`` output) are not counted, so the
model errs on the short side.

>>> round(reading_minutes("word " * 260), 1)
2.0
>>> round_up(41)
45
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

READING_WPM = 130
CODE_CELL_MINUTES = 0.75
EXERCISE_MINUTES = {"number": 6, "integer": 5, "set": 5, "choice": 3, "bool": 2, "text": 4,
                    "prediction": 2}
WRITTEN_ANSWER_MINUTES = 4
DEFAULT_EXERCISE_MINUTES = 5
#: Sections a short class keeps; everything else may be left for homework.
CORE_SECTIONS = ("what the article says", "check the claim", "key points")
#: Sections suggested first when time is short (read at home), in this order.
FIRST_TO_SKIP = ("glossary", "sources", "limits of the data")

_WORD = re.compile(r"[^\W_][\w'’.,%/-]*")
_CHECK = re.compile(r"""check\(\s*["']([^"']+)["']""")


def model_text() -> str:
    """The model in one sentence (for the guide)."""
    kinds = ", ".join(f"{k} {v}" for k, v in EXERCISE_MINUTES.items())
    return (f"words of text at {READING_WPM} words a minute, {CODE_CELL_MINUTES} minute per "
            f"code cell run, and per exercise by the kind of answer ({kinds} minutes; a "
            f"written answer {WRITTEN_ANSWER_MINUTES}), rounded up to 5 minutes")


def words(text: str) -> int:
    """Words of Markdown, without code blocks, inline code, links' targets and tags.

    >>> words("Two words ```python\\nx = 1\\n``` and [a link](https://x.org)")
    5
    """
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " x ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return len(_WORD.findall(text))


def reading_minutes(text: str) -> float:
    return words(text) / READING_WPM


def round_up(minutes: float, step: int = 5) -> int:
    return int(math.ceil(minutes / step - 1e-9) * step)


def _kind(qid: str) -> str:
    try:
        from .exercises import question

        return question(qid).kind
    except Exception:
        return ""


def cell_minutes(cell) -> tuple[float, dict]:
    """Minutes of one cell by the model, and what it counted."""
    if cell.cell_type == "markdown":
        if "answer" in (cell.get("metadata", {}).get("tags") or []):
            return WRITTEN_ANSWER_MINUTES, {"written": 1}
        n = words(cell.source)
        return n / READING_WPM, {"words": n}
    if cell.cell_type != "code":
        return 0.0, {}
    ids = _CHECK.findall(cell.source)
    if ids:
        return sum(EXERCISE_MINUTES.get(_kind(q), DEFAULT_EXERCISE_MINUTES) for q in ids), \
            {"exercises": len(ids)}
    if re.match(r"\s*hint\(", cell.source):
        return 0.0, {}
    return CODE_CELL_MINUTES, {"code_cells": 1}


@dataclass
class Estimate:
    """The model's estimate for one notebook."""

    notebook: str
    minutes: int
    words: int = 0
    code_cells: int = 0
    exercises: int = 0
    written: int = 0
    sections: list = field(default_factory=list)  # (heading path, minutes), in order
    #: per section (same order): the exercise ids it checks and the written answers it holds
    section_ids: list = field(default_factory=list)


def estimate(path: Path) -> Estimate:
    """The model's estimate for the notebook at ``path``, with its sections."""
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    total, counts = 0.0, {"words": 0, "code_cells": 0, "exercises": 0, "written": 0}
    sections: list[list] = [["(top)", 0.0]]
    ids: list[list[str]] = [[]]
    h2 = ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            heading = re.match(r"(#{1,3})\s+(.+)", cell.source.strip())
            if heading:
                level, title = len(heading.group(1)), heading.group(2).splitlines()[0].strip()
                if level == 1:
                    name = "(top)"
                elif level == 2:
                    h2 = title
                    name = title
                else:
                    name = f"{h2} › {title}"
                sections.append([name, 0.0])
                ids.append([])
        if cell.cell_type == "code":
            ids[-1] += [q for q in _CHECK.findall(cell.source) if q not in ids[-1]]
        elif "answer" in (cell.get("metadata", {}).get("tags") or []):
            ids[-1].append(cell.get("metadata", {}).get("course", {}).get("answer_id", ""))
        minutes, counted = cell_minutes(cell)
        total += minutes
        sections[-1][1] += minutes
        for key, value in counted.items():
            counts[key] += value
    return Estimate(Path(path).stem, round_up(total), sections=[tuple(s) for s in sections],
                    section_ids=[tuple(i) for i in ids], **counts)


def _is_core(name: str) -> bool:
    low = name.lower()
    return name == "(top)" or any(low.startswith(c) for c in CORE_SECTIONS)


def skip_plan(est: Estimate, minutes_given: int,
              prefer: tuple[str, ...] = ()) -> list[tuple[str, float]]:
    """Sections to leave out (for homework) so that the rest fits ``minutes_given``:
    first those whose heading contains one of ``prefer`` (the lesson plan's choice), then
    the sections of :data:`FIRST_TO_SKIP`, then others from the end of the notebook, never
    the core (:data:`CORE_SECTIONS`). Empty when the notebook fits."""
    remaining = est.minutes
    if remaining <= minutes_given:
        return []
    parts = [(n, m) for n, m in est.sections if m > 0 and not _is_core(n)]
    first = [p for key in prefer for p in parts if key.lower() in p[0].lower()]
    first += [p for key in FIRST_TO_SKIP for p in parts
              if p[0].lower().startswith(key) and p not in first]
    order = first + [p for p in reversed(parts) if p not in first]
    chosen = []
    for name, minutes in order:
        if remaining <= minutes_given:
            break
        chosen.append((name, minutes))
        remaining -= minutes
    return chosen


def skip_sentence(est: Estimate, minutes_given: int, prefer: tuple[str, ...] = ()) -> str:
    """One sentence for a lesson plan: fits, or what to leave for homework."""
    if est.minutes <= minutes_given:
        return (f"The time model gives {est.notebook[:2]} {est.minutes} minutes, which fits "
                f"the {minutes_given} of this plan.")
    plan = skip_plan(est, minutes_given, prefer)
    items = "; ".join(f"{name} (about {max(1, round(m))} min)" for name, m in plan)
    return (f"The time model gives {est.notebook[:2]} {est.minutes} minutes, more than the "
            f"{minutes_given} of this plan: in class, skip these parts (or set them as "
            f"homework): {items}.")
