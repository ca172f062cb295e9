"""The teacher's answer key for the guide: every exercise's answer, computed from the
data when the guide is generated, the wrong answers ``check`` names (each with the value
it gives), and the model answers and rubrics of the written questions.

>>> show(12.3456, "%")
'12.35 %'
>>> show({"KAZ", "CHN"})
'CHN, KAZ'
>>> show(2017.0, "year")
'2017'
"""

from __future__ import annotations

from typing import Any


def show(value: Any, unit: str = "") -> str:
    """A value as the guide prints it (numbers to two decimals, sets sorted)."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (set, frozenset, list, tuple)):
        return ", ".join(sorted(str(v) for v in value))
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    text = f"{number:.0f}" if number.is_integer() else f"{number:,.2f}"
    return text if unit in ("", "year") else f"{text} {unit}"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


def exercise_rows(ids: list[str]) -> list[tuple[str, str, str]]:
    """(id, answer, named wrong answers) per exercise; a value that cannot be computed
    says why instead."""
    from .exercises import question

    out = []
    for qid in ids:
        q = question(qid)
        try:
            answer = show(q.expected(), q.unit)
        except Exception as exc:  # noqa: BLE001 - the guide says so, it does not stop
            answer = f"(not computable: {exc})"
        if q.kind == "prediction":
            answer = f"any guess is recorded; the data give {answer}"
        elif q.kind == "choice" and q.choices:
            key = answer
            answer = f"`{key}`"
        wrong = []
        for m in q.mistakes:
            try:
                wrong.append(f"{m.label} ({show(m.value())})")
            except Exception:  # noqa: BLE001
                wrong.append(m.label)
        out.append((qid, answer, "; ".join(wrong) or "—"))
    return out


def answer_key(notebook: str, ids: list[str]) -> str:
    """The answer key of one notebook (Markdown): a table of the exercises, then each
    written question's model answer and rubric."""
    from .answers import written_answers

    lines = ["**Answer key** (instructor only; values computed from `data/` when this "
             "guide was generated)", "",
             "| exercise | answer | wrong answers `check` names (the value each gives) |",
             "|---|---|---|"]
    lines += [f"| `{q}` | {_cell(a)} | {_cell(w)} |" for q, a, w in exercise_rows(ids)]
    written = [w for w in written_answers().values() if w.notebook == notebook]
    if written:
        lines += ["", "**Written answers: model answers and rubrics** (the same text "
                  "sits in the instructor notebook, under the prompt)", ""]
        for w in written:
            lines.append(f"- `{w.answer_id}` ({w.points} points). {w.model}")
            lines += [f"  - {r}" for r in w.rubric]
    return "\n".join(lines)
