"""The public API of the exercises: :func:`check`, :func:`hint`, :func:`reveal` and
:func:`progress` (``solution`` comes from :mod:`course_lib.solutions`).

>>> check("00_warmup_sum", ...).status
'not_answered'
>>> check("00_warmup_sum", 3).status
'incorrect'
>>> check("00_warmup_sum", "7").status
'invalid'
>>> check("no_such_question", 1).status
'unknown_question'
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .. import progress as _progress
from ..errors import CourseError
from . import registry as _reg
from .compare import compare, find_mistake, fmt, norm, to_float
from .model import Feedback, Question

_HINTS_SHOWN: dict[str, int] = {}
_GUESSES: dict[str, Any] = {}


def _lookup(qid: Any) -> tuple[Question | None, Feedback | None]:
    try:
        reg = _reg.registry()
    except Exception as exc:  # a broken question module must not break the notebook
        return None, Feedback(str(qid), "error", f"the exercises could not be loaded ({exc}).")
    if not isinstance(qid, str) or qid not in reg:
        return None, Feedback(str(qid), "unknown_question", _reg.unknown_message(qid, reg))
    return reg[qid], None


def check(qid: str, answer: Any = ...) -> Feedback:
    """Check an answer; never raises. Returns :class:`Feedback`.

    ``...`` (Ellipsis, the placeholder in the student edition) means "not answered
    yet". A "predict, then look" guess is recorded (status ``"recorded"``, no points),
    never scored. Every result is recorded for :func:`progress`; recording never raises.

    >>> fb = check("00_warmup_sum", 7)
    >>> fb.status, bool(fb), fb.points
    ('correct', True, 1)
    >>> check("00_warmup_sum", [1, 2]).status
    'invalid'
    """
    q, problem = _lookup(qid)
    if q is None:
        return problem  # type: ignore[return-value]
    fb = _check(q, answer)
    fb = replace(fb, points=q.points if fb.correct else 0, points_possible=q.points)
    try:
        _progress.record(fb)
    except Exception:  # pragma: no cover - recording must never break a notebook
        pass
    return fb


def _check(q: Question, answer: Any) -> Feedback:
    qid = q.qid
    if answer is ...:
        return Feedback(qid, "not_answered", "replace `...` with your answer, run the cell "
                        f"again, and I will check it against {q.what}.")
    if answer is None:
        return Feedback(qid, "invalid", "your answer is `None`. A function that prints "
                        "instead of returning, or a line like `x = df.sort_values(..., "
                        "inplace=True)`, gives None.")
    if q.kind == "prediction":
        return _record_guess(q, answer)
    try:
        expected = q.expected()
    except CourseError as exc:
        return Feedback(qid, "error", f"the expected answer could not be computed: {exc}")
    except Exception as exc:  # pragma: no cover - defensive: never raise in a notebook
        return Feedback(qid, "error", "the expected answer could not be computed "
                        f"({type(exc).__name__}: {exc}). Please report this to your teacher.")
    try:
        fb = compare(q, answer, expected)
    except Exception as exc:  # pragma: no cover - defensive
        return Feedback(qid, "invalid", f"I could not compare your answer with the expected "
                        f"answer ({type(exc).__name__}).")
    if fb.status == "incorrect" and q.mistakes:
        named = find_mistake(q, answer, expected)
        if named is not None:
            return Feedback(qid, "incorrect", f"your answer is not {q.what}. It looks like "
                            f"**{named.label}**: {named.message} Try `hint(\"{qid}\")`.",
                            mistake=named.label)
    return fb


def _guess_problem(q: Question, guess: float) -> str | None:
    """Why a numeric guess cannot be recorded (one line), or None."""
    if q.unit == "%" and 0 < abs(guess) < 1:
        return (f"{fmt(guess)} looks like a fraction of one; give your guess as a percentage "
                f"({fmt(guess * 100)} for {fmt(guess * 100, '%')}). Not recorded.")
    if q.guess_range is not None:
        low, high = q.guess_range
        if not low <= guess <= high:
            what = "A share" if q.unit == "%" else "This guess"
            return (f"{what} lies between {fmt(low, q.unit)} and {fmt(high, q.unit)}; "
                    f"{fmt(guess, q.unit)} is outside. Not recorded.")
    return None


def _record_guess(q: Question, answer: Any) -> Feedback:
    """Keep a learner's guess for :func:`reveal` (this session only); never scored."""
    if q.choices:
        keys = {norm(k): k for k in q.choices}
        if not isinstance(answer, (str, int)) or norm(answer) not in keys:
            return Feedback(q.qid, "invalid", f"{fmt(answer)} is not one of the options "
                            + ", ".join(f"'{k}'" for k in q.choices) + ".")
        guess: Any = keys[norm(answer)]
    else:
        guess, problem = to_float(answer)
        if problem is None:
            guess = guess + 0.0  # no "-0"
            problem = _guess_problem(q, guess)
        if problem:
            return Feedback(q.qid, "invalid", problem)
    _GUESSES[q.qid] = guess
    return Feedback(q.qid, "recorded", f"your guess {fmt(guess, q.unit)} is recorded (a "
                    "guess is never scored). Now use the explorer, then run "
                    f"`reveal(\"{q.qid}\")` to compare it with the data.")


def reveal(qid: str) -> Feedback:
    """Compare the guess recorded for a "predict, then look" exercise with the value
    computed from data. Never raises; a guess is never marked wrong.

    >>> reveal("no_such_question").status
    'unknown_question'
    """
    q, problem = _lookup(qid)
    if q is None:
        return problem  # type: ignore[return-value]
    if q.kind != "prediction":
        return Feedback(qid, "invalid", f"`{qid}` is not a guess to reveal: use "
                        f"`check(\"{qid}\", answer)`.")
    if qid not in _GUESSES:
        return Feedback(qid, "not_answered", f"record your guess first with "
                        f"`check(\"{qid}\", guess)`, then come back.")
    guess = _GUESSES[qid]
    try:
        actual = q.expected()
    except Exception as exc:
        return Feedback(qid, "error", f"the value could not be computed ({exc}).")
    if q.choices:
        same = norm(guess) == norm(actual)
        text = (f"you guessed '{guess}'; the data say '{actual}' ({q.what}). "
                + ("Your guess matched." if same else "Look again at what made the difference."))
    else:
        diff = guess - float(actual)
        side = "above" if diff > 0 else "below"
        gap = (f"{abs(diff):.1f} percentage points" if q.unit == "%"
               else fmt(abs(diff), q.unit))
        text = (f"you guessed {fmt(guess, q.unit)}; {q.what} is {fmt(float(actual), q.unit)}: "
                f"your guess was {gap} {side} it." if diff else
                f"you guessed {fmt(guess, q.unit)}, exactly {q.what}.")
    if q.explanation:
        text += " " + q.explanation
    return Feedback(qid, "recorded", text)


def hint(qid: str, level: int | None = None) -> Feedback:
    """Show the next hint for an exercise (or hint number ``level``, from 1).

    >>> hint("00_warmup_sum", 1).status
    'hint'
    """
    q, problem = _lookup(qid)
    if q is None:
        return problem  # type: ignore[return-value]
    if not q.hints:
        return Feedback(qid, "hint", "no hint for this one: reread the task and the cell above.")
    if level is None or isinstance(level, bool) or not isinstance(level, int):
        level = _HINTS_SHOWN.get(qid, 0) + 1
    level = max(1, min(level, len(q.hints)))
    _HINTS_SHOWN[qid] = level
    more = f" (`hint(\"{qid}\")` again for hint {level + 1})" if level < len(q.hints) else ""
    return Feedback(qid, "hint", f"{level}/{len(q.hints)}: {q.hints[level - 1]}{more}")


def progress(path: Any = ...):
    """Which exercises of the course you have answered correctly so far, with your
    latest attempt beside each, and your guesses listed apart (a table in the notebook);
    ``path``: a progress file to read (default: this workspace's, see
    :mod:`course_lib.progress`; ``None``: this session only).

    >>> p = progress()
    >>> p.total + len(p.predictions) == len(_reg.questions())
    True
    """
    kwargs = {} if path is ... else {"path": path}
    guesses = _reg.predictions()
    return _progress.progress(exercises=[q for q in _reg.questions() if q not in guesses],
                              predictions=guesses, **kwargs)
