"""The registry: every :class:`~course_lib.exercises.model.Question` of the course,
read from ``course_lib/questions/`` (one module per notebook, each with ``QUESTIONS``).

>>> "00_warmup_sum" in questions("00")
True
>>> question("00_warmup_sum").kind
'integer'
"""

from __future__ import annotations

import difflib
import importlib
from typing import Any

from ..errors import CourseError
from .model import Question

QUESTION_MODULES = (
    "q00_start_here",
    "q01_what_is_the_sco",
    "q02_expansion",
    "q03_security_and_stability",
    "q04_drug_trafficking",
    "q05_economic_development",
    "q06_cultural_dialogue",
    "q07_fact_check",
)

_REGISTRY: dict[str, Question] = {}


def registry() -> dict[str, Question]:
    """Question id -> :class:`Question`, every notebook's, loaded once (the dict itself:
    a test may add a demo question with ``monkeypatch.setitem``)."""
    if not _REGISTRY:
        found: dict[str, Question] = {}
        package = __package__.rsplit(".", 1)[0]
        for mod_name in QUESTION_MODULES:
            try:
                mod = importlib.import_module(f"{package}.questions.{mod_name}")
            except ModuleNotFoundError as exc:
                if exc.name and exc.name.endswith(mod_name):
                    continue  # that notebook's questions are not written yet
                raise
            for q in getattr(mod, "QUESTIONS", []):
                if q.qid in found:
                    raise ValueError(f"duplicate question id {q.qid}")
                found[q.qid] = q
        _REGISTRY.update(found)
    return _REGISTRY


def questions(notebook: str | None = None) -> list[str]:
    """Every exercise id (optionally of one notebook, e.g. ``"02"``), in order.

    >>> questions("01")[0]
    '01_predict_circle'
    """
    ids = list(registry())
    if notebook is not None:
        prefix = str(notebook).split("_")[0]
        ids = [q for q in ids if q.split("_", 1)[0] == prefix]
    return ids


def question(qid: str) -> Question:
    """The :class:`Question` behind an id (raises ``CourseError`` if unknown).

    >>> question("00_warmup_sm")
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: There is no exercise '00_warmup_sm'. Did you mean '00_warmup_sum'? Copy the id from the exercise cell.
    """
    reg = registry()
    if not isinstance(qid, str) or qid not in reg:
        raise CourseError(unknown_message(qid, reg))
    return reg[qid]


def predictions() -> list[str]:
    """The ids of the "predict, then look" exercises (guesses, listed apart).

    >>> "01_predict_circle" in predictions()
    True
    """
    return [qid for qid, q in registry().items() if q.kind == "prediction"]


def unknown_message(qid: Any, reg: dict[str, Question] | None = None) -> str:
    """What to say about an id that names no exercise (with a "did you mean")."""
    reg = registry() if reg is None else reg
    if not isinstance(qid, str):
        return f"The exercise id should be text such as '02_share_2017', not {qid!r}."
    close = difflib.get_close_matches(qid, list(reg), n=1)
    extra = f" Did you mean '{close[0]}'?" if close else ""
    return f"There is no exercise '{qid}'.{extra} Copy the id from the exercise cell."


def describe(qid: str) -> str:
    """The prompt of an exercise, for teachers' listings."""
    return question(qid).prompt
