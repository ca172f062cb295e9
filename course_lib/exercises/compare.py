"""Comparators: an answer against the expected value, one function per kind of answer
(number, set, choice, text), and the search for a named wrong method.

Each returns a :class:`~course_lib.exercises.model.Feedback` and never raises on
odd input; none of them puts the expected value in its message.

>>> from .model import Question
>>> q = Question("99_demo", "To one decimal?", lambda: 27.34, decimals=1, unit="%",
...              what="the share")
>>> compare_number(q, 27.3, 27.34).status
'correct'
>>> compare_number(q, 0.2734, 27.34).status
'incorrect'
"""

from __future__ import annotations

import math
import numbers
from dataclasses import replace
from typing import Any

from .model import DECIMAL_WORDS, Feedback, Mistake, Question


def fmt(value: Any, unit: str = "") -> str:
    """A value with its unit, as the feedback shows it.

    >>> fmt(12.3456, "%"), fmt(2017.0, "year"), fmt(12345, "people")
    ('12.35 %', '2017', '12,345 people')
    """
    if unit == "year" and isinstance(value, (int, float)) and float(value).is_integer():
        return str(int(value))
    if isinstance(value, float):
        text = (f"{value:,.4g}" if abs(value) < 1e4 else f"{value:,.0f}" if abs(value) < 1e12
                else f"{value:.3g}")
    elif isinstance(value, numbers.Integral):
        text = f"{int(value):,}"
    else:
        text = str(value)
    if unit == "%":
        return text + " %"
    if unit == "year":
        return text
    return f"{text} {unit}".strip()


def shape_of(answer: Any) -> str:
    kind = type(answer).__name__
    shape = getattr(answer, "shape", None)
    return f"a {kind} of shape {shape}" if shape is not None else f"a {kind}"


def as_scalar(answer: Any) -> tuple[Any, str | None]:
    """Unwrap one-element containers; return (value, problem)."""
    import numpy as np
    import pandas as pd

    if isinstance(answer, (pd.Series, pd.DataFrame, pd.Index)):
        if answer.size == 1:
            return answer.to_numpy().ravel()[0], None
        return None, (
            f"You gave {shape_of(answer)}; this exercise wants one number. "
            "Pick the single value, e.g. with `.loc[...]`, `.iloc[0]` or `.sum()`."
        )
    if isinstance(answer, np.ndarray):
        if answer.size == 1:
            return answer.ravel()[0], None
        return None, f"You gave an array with {answer.size} values; one number is wanted."
    if isinstance(answer, (list, tuple, set, frozenset, dict)):
        if len(answer) == 1 and not isinstance(answer, dict):
            return next(iter(answer)), None
        return None, (f"You gave a {type(answer).__name__} with {len(answer)} items; "
                      "one number is wanted.")
    return answer, None


def to_float(value: Any) -> tuple[float | None, str | None]:
    """A finite float, or why the value is not one."""
    if isinstance(value, bool):
        return None, f"You gave {value}, a yes/no value; this exercise wants a number."
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        try:
            float(text.rstrip("%").strip())
            return None, (f"You gave the text {value!r}. Give the number itself, without "
                          f"quotes (for example `{text.rstrip('%').strip()}`).")
        except ValueError:
            return None, f"You gave the text {value!r}; this exercise wants a number."
    if isinstance(value, numbers.Number) and not isinstance(value, complex):
        try:
            out = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError, OverflowError):
            return None, f"Cannot read {value!r} as a number."
        if math.isnan(out):
            return None, ("Your answer is NaN (not a number). A missing value or a division "
                          "by zero upstream produces NaN: check the rows you selected.")
        if math.isinf(out):
            return None, "Your answer is infinite: did you divide by zero?"
        return out, None
    import pandas as pd

    if value is pd.NA or value is pd.NaT:
        return None, "Your answer is a missing value (NA): check the rows you selected."
    return None, f"You gave {shape_of(value)}; this exercise wants a number."


_SCALES = (
    (0.01, "it looks like a fraction; the exercise asks for a percentage (× 100)"),
    (100.0, "it looks 100 times too large: a percentage of a percentage?"),
    (1e-3, "it looks 1,000 times too small: check the units (thousands?)"),
    (1e3, "it looks 1,000 times too large: check the units"),
    (1e-6, "it looks a million times too small: check the units (millions?)"),
    (1e6, "it looks a million times too large: check the units"),
)


def how_far(q: Question, value: float, expected: float) -> str:
    """How far off an unnamed wrong number is, and in which direction, without giving
    the expected value away (a rough size, never the exact gap).

    >>> q = Question("99_demo", "To two decimals?", lambda: 10.0, decimals=2)
    >>> how_far(q, 10.02, 10.0)
    'it is too high, by less than 0.05: close, but not to the two decimals asked.'
    >>> how_far(q, 8.0, 10.0)
    'it is too low, by about 20 %.'
    """
    direction = "too high" if value > expected else "too low"
    gap = abs(value - expected)
    if expected:
        ratio = value / expected
        for factor, text in _SCALES:
            if abs(ratio - factor) <= 0.02 * factor:
                return f"it is {direction}: {text}."
    if q.kind == "integer":
        if not float(value).is_integer():
            return f"it is {direction}, and it is not a whole number: the answer is a count."
        if gap <= 2:
            return f"it is {direction}, by one or two."
    elif q.decimals is not None and gap <= 10 * q.tolerance:
        words = "the " + DECIMAL_WORDS.get(q.decimals, f"{q.decimals} decimals")
        return (f"it is {direction}, by less than {fmt(10 * q.tolerance)}: close, but not "
                f"to {words} asked.")
    if expected and (q.kind != "integer" or abs(expected) >= 100):
        pct = 100 * gap / abs(expected)
        if pct < 1:
            return f"it is {direction}, by less than 1 %."
        return f"it is {direction}, by about {pct:.0f} %." if pct >= 10 else (
            f"it is {direction}, by about {pct:.1g} %.")
    return f"it is {direction}."


def compare_number(q: Question, answer: Any, expected: float) -> Feedback:
    value, problem = as_scalar(answer)
    if problem is None:
        value, problem = to_float(value)
    if problem is not None:
        return Feedback(q.qid, "invalid", problem)
    assert value is not None
    tol = q.tolerance
    if q.kind == "integer":
        ok = value == round(expected)
    else:
        ok = abs(value - expected) <= tol + 1e-9 * max(1.0, abs(expected))
    if ok:
        if q.kind == "integer" or tol == 0:
            msg = f"your value {fmt(value, q.unit)} equals {q.what}."
        else:
            msg = f"your value {fmt(value, q.unit)} is within {fmt(tol)} of {q.what}."
        if q.explanation:
            msg += " " + q.explanation
        return Feedback(q.qid, "correct", msg)
    where = f"is not {q.what}" if q.kind == "integer" else f"is not within {fmt(tol)} of {q.what}"
    msg = f"your value {fmt(value, q.unit)} {where}; {how_far(q, value, expected)}"
    return Feedback(q.qid, "incorrect", msg + f" Try `hint(\"{q.qid}\")`.")


def as_items(answer: Any) -> tuple[set[str] | None, str | None]:
    import numpy as np
    import pandas as pd

    if isinstance(answer, str):
        items = [p.strip() for p in answer.replace(";", ",").split(",") if p.strip()]
    elif isinstance(answer, pd.DataFrame):
        return None, (f"You gave {shape_of(answer)}. Give a list of codes, e.g. "
                      "`df['iso3'].tolist()`.")
    elif isinstance(answer, (pd.Series, pd.Index)):
        items = list(answer.dropna())
    elif isinstance(answer, np.ndarray):
        items = list(answer.ravel())
    elif isinstance(answer, (dict, list, tuple, set, frozenset)):
        items = list(answer)
    else:
        return None, f"You gave {shape_of(answer)}; this exercise wants a list of codes or names."
    bad = [i for i in items if not isinstance(i, str)]
    if bad:
        b = bad[0]
        if isinstance(b, (int, np.integer)) or (isinstance(b, (float, np.floating)) and float(b).is_integer()):
            return None, (f"The list holds {b!r}, a number: give each item as text, as the "
                          f"question shows (e.g. '{int(b)}'; `str(x)` or `.astype(str)` turns "
                          "numbers into text).")
        return None, f"The list holds {b!r}, which is not text: give codes such as 'CHN'."
    return {str(i).strip().upper() for i in items}, None


def compare_set(q: Question, answer: Any, expected: Any) -> Feedback:
    got, problem = as_items(answer)
    if problem is not None:
        return Feedback(q.qid, "invalid", problem)
    assert got is not None
    want = {str(e).strip().upper() for e in expected}
    if got == want:
        msg = f"your {len(got)} items are exactly {q.what}."
        return Feedback(q.qid, "correct", f"{msg} {q.explanation}".strip())
    parts = []
    if want - got:
        parts.append(f"{len(want - got)} item(s) are missing")
    if got - want:
        parts.append(f"these are not in it: {', '.join(sorted(got - want))}")
    msg = (f"you gave {len(got)} item(s); {q.what} has {len(want)}. " + "; ".join(parts)
           + f". Try `hint(\"{q.qid}\")`.")
    return Feedback(q.qid, "incorrect", msg)


def norm(text: Any) -> str:
    return " ".join(str(text).strip().lower().replace("_", " ").split())


def compare_choice(q: Question, answer: Any, expected: Any) -> Feedback:
    options = ", ".join(repr(k) for k in q.choices)
    if not isinstance(answer, (str, numbers.Integral)) or isinstance(answer, bool):
        return Feedback(q.qid, "invalid", f"You gave {shape_of(answer)}; pick one option by "
                        f"its letter, e.g. `\"b\"`. The options are {options}.")
    keys = {norm(k): k for k in q.choices}
    if norm(answer) not in keys:
        return Feedback(q.qid, "invalid", f"{answer!r} is not one of the options {options}.")
    chosen = keys[norm(answer)]
    specific = q.choices.get(chosen, "")
    if norm(chosen) == norm(expected):
        return Feedback(q.qid, "correct", f"option {chosen!r} is {q.what}. {specific}".strip())
    return Feedback(q.qid, "incorrect", f"option {chosen!r} is not {q.what}. {specific}".strip())


def compare_text(q: Question, answer: Any, expected: Any) -> Feedback:
    if q.kind == "bool":
        if not isinstance(answer, bool):
            return Feedback(q.qid, "invalid", f"Answer True or False, not {shape_of(answer)}.")
        ok = answer == bool(expected)
        msg = f"{answer} {'matches' if ok else 'does not match'} {q.what}."
        if ok and q.explanation:
            msg += " " + q.explanation
        return Feedback(q.qid, "correct" if ok else "incorrect", msg)
    value, problem = as_scalar(answer)
    if problem is not None or not isinstance(value, str):
        return Feedback(q.qid, "invalid", problem or f"You gave {shape_of(value)}; this "
                        "exercise wants a word or a code.")
    accepted = expected if isinstance(expected, (list, tuple, set)) else [expected]
    if norm(value) in {norm(a) for a in accepted}:
        return Feedback(q.qid, "correct", f"{value!r} matches {q.what}. {q.explanation}".strip())
    return Feedback(q.qid, "incorrect",
                    f"{value!r} does not match {q.what}. Try `hint(\"{q.qid}\")`.")


def compare(q: Question, answer: Any, expected: Any) -> Feedback:
    """The comparator of the question's kind."""
    if q.kind in {"number", "integer"}:
        return compare_number(q, answer, float(expected))
    if q.kind == "set":
        return compare_set(q, answer, expected)
    if q.kind == "choice":
        return compare_choice(q, answer, expected)
    return compare_text(q, answer, expected)


def find_mistake(q: Question, answer: Any, expected: Any = None) -> Mistake | None:
    """The first of ``q.mistakes`` whose value ``answer`` matches, or None.

    The comparison is the exercise's own; for numbers the tolerance is scaled with
    the mistaken value (a fraction instead of a percentage is matched within a
    hundredth of the tolerance). A mistake whose value cannot be computed is skipped.

    >>> q = Question("99_demo", "demo", lambda: 50.0, tolerance=0.5, unit="%",
    ...              mistakes=(Mistake("fraction", lambda: 0.5, "Multiply by 100."),))
    >>> find_mistake(q, 0.5, 50.0).label
    'fraction'
    >>> find_mistake(q, 1, 50.0) is None
    True
    """
    for mistake in q.mistakes:
        try:
            wrong = mistake.value()
            shadow = replace(q, mistakes=(), explanation="", decimals=None)
            if q.kind == "number" and expected:
                scale = abs(float(wrong) / float(expected))
                shadow = replace(shadow, tolerance=q.tolerance * min(scale, 1.0))
            if compare(shadow, answer, wrong).status == "correct":
                return mistake
        except Exception:
            continue
    return None
