"""Self-checking exercises: ``check(qid, answer)``, ``hint(qid)``, ``reveal(qid)``,
``solution(qid)``, ``progress()`` and ``questions()``.

Each question knows how to compute its expected answer *from data, when checked*, how
to compare (a number to the precision its prompt states, a whole number, a set of
countries, a choice, a word), which wrong methods learners use (each computed from data,
so :func:`check` can name it) and what to say. :func:`check` never raises: whatever it
is given (``...``, ``None``, NaN, text, a DataFrame) it returns a :class:`Feedback`.

The package is split at its seams: :mod:`.model` (Question, Mistake, Feedback),
:mod:`.registry` (every question, by id), :mod:`.compare` (one comparator per kind of
answer) and :mod:`.api` (check, hint, reveal, progress). The questions themselves live
in ``course_lib/questions/`` (one module per notebook).

>>> check("00_warmup_sum", 7).status
'correct'
>>> check("no_such_question", 1).status
'unknown_question'
"""

from __future__ import annotations

from ..solutions import solution
from .api import check, hint, progress, reveal
from .compare import find_mistake
from .model import (DONE, FRACTION_LABEL, KINDS, STATUS_ICONS, Feedback, Mistake, Question,
                    fraction_mistake, md_to_html, precision_text, states_precision,
                    tolerance_for)
from .registry import QUESTION_MODULES, describe, predictions, question, questions

__all__ = [
    "DONE", "FRACTION_LABEL", "KINDS", "QUESTION_MODULES", "STATUS_ICONS", "Feedback",
    "Mistake", "Question", "check", "describe", "find_mistake", "fraction_mistake", "hint",
    "md_to_html", "precision_text", "predictions", "progress", "question", "questions",
    "reveal", "solution", "states_precision", "tolerance_for",
]
