"""Self-checking exercises: ``check(qid, answer)``, ``hint(qid)`` and ``questions()``.

Each question knows how to compute its expected answer *from data, when checked*,
how to compare (a number within a tolerance, a whole number, a set of countries, a
choice, a word) and what to say. :func:`check` never raises: whatever it is given
(``...``, ``None``, NaN, text, a DataFrame) it returns a :class:`Feedback` that says
exactly what it compared, which the notebook shows as a coloured box.

The questions themselves live in ``course_lib/questions/`` (one module per notebook).

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

import difflib
import html
import importlib
import math
import numbers
from dataclasses import dataclass, field, replace
from typing import Any, Callable

from .errors import CourseError

STATUS_ICONS = {
    "correct": ("✅", "#e6f4ea", "#1e7b34"),
    "incorrect": ("❌", "#fdecea", "#a12a1f"),
    "not_answered": ("✏️", "#eef3fb", "#24508f"),
    "invalid": ("⚠️", "#fff4e5", "#8a5300"),
    "unknown_question": ("❓", "#f3f3f3", "#444444"),
    "error": ("⚠️", "#fff4e5", "#8a5300"),
    "hint": ("💡", "#fffbe6", "#6b5900"),
    "recorded": ("📝", "#eef3fb", "#24508f"),
}

#: Statuses that count as done: a correct answer, or a recorded guess ("predict, then
#: look": a guess is never marked wrong).
DONE = ("correct", "recorded")

KINDS = ("number", "integer", "set", "choice", "text", "bool", "prediction")


@dataclass(frozen=True)
class Mistake:
    """A mistake learners make on one exercise, recognised by :func:`check`.

    Parameters
    ----------
    label : str
        Short name, shown in the feedback and the gradebook ("fraction instead of
        percentage").
    value : callable
        Returns the value the mistake produces, computed from data at check time.
    message : str
        One sentence that names the mistake without giving the answer.

    >>> m = Mistake("sum instead of mean", lambda: 10, "You added the years up.")
    >>> m.label
    'sum instead of mean'
    """

    label: str
    value: Callable[[], Any]
    message: str


FRACTION_LABEL = "fraction instead of percentage"


def fraction_mistake(percent: Callable[[], float]) -> Mistake:
    """The most common slip of a percentage exercise, as one :class:`Mistake`: the
    value of ``percent()`` left as a fraction of one.

    >>> m = fraction_mistake(lambda: 41.9)
    >>> m.label, round(m.value(), 3)
    ('fraction instead of percentage', 0.419)
    """
    return Mistake(FRACTION_LABEL, lambda: percent() / 100.0,
                   "Your value is a fraction of one; the exercise asks for a percentage.")


@dataclass(frozen=True)
class Question:
    """One exercise.

    Parameters
    ----------
    qid : str
        Stable id, prefixed with the notebook number (``"02_share_2017"``).
    prompt : str
        The task in one or two sentences (Markdown).
    expected : callable
        Returns the expected answer, computed from data at check time.
    kind : str
        ``"number"`` (within ``tolerance``), ``"integer"`` (exact), ``"set"``
        (of ISO3 codes or words), ``"choice"`` (one of ``choices``' keys),
        ``"text"`` (one of the accepted words), ``"bool"``, or ``"prediction"``: a
        guess made before looking (a number, or a key of ``choices``), which
        :func:`check` records and never marks wrong; :func:`reveal` then compares it
        with ``expected`` computed from data.
    what : str
        What the expected value is, for the feedback sentence: "the share
        computed from data/wb_indicators.csv".
    tolerance : float
        Absolute tolerance for numbers.
    unit : str
        Unit shown with numbers ("%", "people").
    hints : tuple of str
        Hints from gentle to nearly the answer.
    choices : dict
        For ``"choice"``: option key -> feedback specific to that option.
    explanation : str
        Shown after a correct answer: why it is so, what it means.
    points : int
        Points for a correct answer (nbgrader's ``points`` and the gradebook's).
    mistakes : tuple of Mistake
        Named mistakes :func:`check` recognises (a wrong answer that matches one gets
        its message). Hints may end with a pattern, not the solution: nothing here
        requires the last hint to be the answer.
    """

    qid: str
    prompt: str
    expected: Callable[[], Any]
    kind: str = "number"
    what: str = "the value computed from the course data"
    tolerance: float = 0.0
    unit: str = ""
    hints: tuple[str, ...] = ()
    choices: dict[str, str] = field(default_factory=dict)
    explanation: str = ""
    notebook: str = ""
    points: int = 1
    mistakes: tuple[Mistake, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.qid}: unknown kind {self.kind!r}")
        if not self.notebook:
            object.__setattr__(self, "notebook", self.qid.split("_", 1)[0])


@dataclass(frozen=True)
class Feedback:
    """The result of :func:`check`: a status, a message and the points, nothing more.

    ``bool(feedback)`` is True only for a correct answer. In a notebook it shows as a
    coloured box (HTML) or as Markdown text. It never carries the expected value: that
    stays inside the checker, so a result cannot hand out the answer.

    >>> fb = check("00_warmup_sum", 3)
    >>> fb.status, fb.points, fb.points_possible
    ('incorrect', 0, 1)
    """

    qid: str
    status: str
    message: str
    points: float = 0
    points_possible: float = 0
    mistake: str | None = None

    @property
    def correct(self) -> bool:
        return self.status in DONE

    def __bool__(self) -> bool:
        return self.correct

    def grade(self) -> None:
        """For an autograded cell (nbgrader): raise ``AssertionError`` unless correct.

        The learner's own cells call :func:`check`, which never raises; only the
        graded cells of an nbgrader assignment call ``.grade()``. The error carries
        the feedback text, never the expected value.

        >>> check("00_warmup_sum", 7).grade()
        >>> check("00_warmup_sum", 3).grade()
        Traceback (most recent call last):
        ...
        AssertionError: Not yet [00_warmup_sum]: your value 3 is not the sum 3 + 4; it is too low. Try `hint("00_warmup_sum")`.
        """
        if not self.correct:
            raise AssertionError(str(self))

    def _title(self) -> str:
        return {
            "correct": "Correct",
            "incorrect": "Not yet",
            "not_answered": "Not answered yet",
            "invalid": "Check the form of your answer",
            "unknown_question": "Unknown exercise",
            "error": "Could not check",
            "hint": "Hint",
        }.get(self.status, self.status)

    def __str__(self) -> str:
        return f"{self._title()} [{self.qid}]: {self.message}"

    __repr__ = __str__

    def _repr_markdown_(self) -> str:
        icon = STATUS_ICONS.get(self.status, ("", "", ""))[0]
        return f"{icon} **{self._title()}** (`{self.qid}`): {self.message}"

    def _repr_html_(self) -> str:
        icon, bg, fg = STATUS_ICONS.get(self.status, ("", "#fff", "#000"))
        msg = _md_to_html(self.message)
        return (
            f'<div class="course-feedback course-{self.status}" role="status" '
            f'style="background:{bg};border-left:4px solid {fg};padding:0.5em 0.8em;'
            f'margin:0.3em 0;color:#111">'
            f"{icon} <strong>{self._title()}</strong> "
            f'<code style="color:{fg}">{html.escape(self.qid)}</code>: {msg}</div>'
        )


def _md_to_html(text: str) -> str:
    """Tiny Markdown: escape, then `code` and **bold** (enough for feedback lines)."""
    out = html.escape(text)
    parts = out.split("`")
    out = "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))
    parts = out.split("**")
    return "".join(f"<strong>{p}</strong>" if i % 2 else p for i, p in enumerate(parts))


# --------------------------------------------------------------------------- registry
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
_HINTS_SHOWN: dict[str, int] = {}


def _registry() -> dict[str, Question]:
    if not _REGISTRY:
        found: dict[str, Question] = {}
        for mod_name in QUESTION_MODULES:
            try:
                mod = importlib.import_module(f"{__package__}.questions.{mod_name}")
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

    >>> "00_warmup_sum" in questions("00")
    True
    """
    ids = list(_registry())
    if notebook is not None:
        prefix = str(notebook).split("_")[0]
        ids = [q for q in ids if q.split("_", 1)[0] == prefix]
    return ids


def question(qid: str) -> Question:
    """The :class:`Question` behind an id (raises ``CourseError`` if unknown)."""
    reg = _registry()
    if not isinstance(qid, str) or qid not in reg:
        raise CourseError(_unknown_message(qid, reg))
    return reg[qid]


def _unknown_message(qid: Any, reg: dict[str, Question]) -> str:
    if not isinstance(qid, str):
        return f"The exercise id should be text such as '02_share_2017', not {qid!r}."
    close = difflib.get_close_matches(qid, list(reg), n=1)
    extra = f" Did you mean '{close[0]}'?" if close else ""
    return f"There is no exercise '{qid}'.{extra} Copy the id from the exercise cell."


# --------------------------------------------------------------------------- checking
def _fmt(value: Any, unit: str = "") -> str:
    if unit == "year" and isinstance(value, (int, float)) and float(value).is_integer():
        return str(int(value))
    if isinstance(value, float):
        text = f"{value:,.4g}" if abs(value) < 1e4 else f"{value:,.0f}"
    elif isinstance(value, numbers.Integral):
        text = f"{int(value):,}"
    else:
        text = str(value)
    if unit == "%":
        return text + " %"
    if unit == "year":
        return text
    return f"{text} {unit}".strip()


def _shape_of(answer: Any) -> str:
    kind = type(answer).__name__
    shape = getattr(answer, "shape", None)
    return f"a {kind} of shape {shape}" if shape is not None else f"a {kind}"


def _as_scalar(answer: Any) -> tuple[Any, str | None]:
    """Unwrap one-element containers; return (value, problem)."""
    try:
        import numpy as np
        import pandas as pd
    except ImportError:  # pragma: no cover
        np = pd = None  # type: ignore[assignment]
    if pd is not None and isinstance(answer, (pd.Series, pd.DataFrame, pd.Index)):
        if answer.size == 1:
            return answer.to_numpy().ravel()[0], None
        return None, (
            f"You gave {_shape_of(answer)}; this exercise wants one number. "
            "Pick the single value, e.g. with `.loc[...]`, `.iloc[0]` or `.sum()`."
        )
    if np is not None and isinstance(answer, np.ndarray):
        if answer.size == 1:
            return answer.ravel()[0], None
        return None, f"You gave an array with {answer.size} values; one number is wanted."
    if isinstance(answer, (list, tuple, set, frozenset, dict)):
        if len(answer) == 1 and not isinstance(answer, dict):
            return next(iter(answer)), None
        return None, (
            f"You gave a {type(answer).__name__} with {len(answer)} items; "
            "one number is wanted."
        )
    return answer, None


def _to_float(value: Any) -> tuple[float | None, str | None]:
    if isinstance(value, bool):
        return None, f"You gave {value}, a yes/no value; this exercise wants a number."
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        try:
            float(text.rstrip("%").strip())
            return None, (
                f"You gave the text {value!r}. Give the number itself, without quotes "
                f"(for example `{text.rstrip('%').strip()}`)."
            )
        except ValueError:
            return None, f"You gave the text {value!r}; this exercise wants a number."
    if isinstance(value, numbers.Number) and not isinstance(value, complex):
        try:
            out = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError, OverflowError):
            return None, f"Cannot read {value!r} as a number."
        if math.isnan(out):
            return None, (
                "Your answer is NaN (not a number). A missing value or a division by zero "
                "upstream produces NaN: check the rows you selected."
            )
        if math.isinf(out):
            return None, "Your answer is infinite: did you divide by zero?"
        return out, None
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None, "Your answer is a missing value (NA): check the rows you selected."
    except ImportError:  # pragma: no cover
        pass
    return None, f"You gave {_shape_of(value)}; this exercise wants a number."


def _compare_number(q: Question, answer: Any, expected: float) -> Feedback:
    value, problem = _as_scalar(answer)
    if problem is None:
        value, problem = _to_float(value)
    if problem is not None:
        return Feedback(q.qid, "invalid", problem)
    assert value is not None
    tol = q.tolerance
    if q.kind == "integer":
        ok = value == round(expected)
    else:
        ok = abs(value - expected) <= tol + 1e-12 * max(1.0, abs(expected))
    if ok:
        if q.kind == "integer" or tol == 0:
            msg = f"your value {_fmt(value, q.unit)} equals {q.what}."
        else:
            msg = f"your value {_fmt(value, q.unit)} is within {_fmt(tol)} of {q.what}."
        if q.explanation:
            msg += " " + q.explanation
        return Feedback(q.qid, "correct", msg)
    # Diagnose common slips before the generic message.
    diag = ""
    if expected != 0:
        ratio = value / expected
        for factor, text in (
            (0.01, "it looks like a fraction; the exercise asks for a percentage (× 100)"),
            (100.0, "it looks 100 times too large: a percentage of a percentage?"),
            (1e-3, "it looks 1,000 times too small: check the units (thousands?)"),
            (1e3, "it looks 1,000 times too large: check the units"),
            (1e-6, "it looks a million times too small: check the units (millions?)"),
            (1e6, "it looks a million times too large: check the units"),
        ):
            if abs(ratio - factor) <= 0.02 * factor:
                diag = f" Hint: {text}."
                break
        if not diag and q.kind == "integer" and abs(value - expected) <= max(tol, 0.5) + 1:
            diag = " You are very close: check the boundaries (is the first or last one included?)."
    direction = "too high" if value > expected else "too low"
    if q.kind == "integer":
        msg = f"your value {_fmt(value, q.unit)} is not {q.what}; it is {direction}.{diag}"
    else:
        msg = (
            f"your value {_fmt(value, q.unit)} is not within {_fmt(tol)} of {q.what}; "
            f"it is {direction}.{diag}"
        )
    msg += f" Try `hint(\"{q.qid}\")`."
    return Feedback(q.qid, "incorrect", msg)


def _as_items(answer: Any) -> tuple[set[str] | None, str | None]:
    try:
        import numpy as np
        import pandas as pd
    except ImportError:  # pragma: no cover
        np = pd = None  # type: ignore[assignment]
    if isinstance(answer, str):
        parts = [p.strip() for p in answer.replace(";", ",").split(",")]
        items = [p for p in parts if p]
    elif pd is not None and isinstance(answer, pd.DataFrame):
        return None, (
            f"You gave {_shape_of(answer)}. Give a list of codes, e.g. "
            "`df['iso3'].tolist()`."
        )
    elif pd is not None and isinstance(answer, (pd.Series, pd.Index)):
        items = list(answer.dropna())
    elif np is not None and isinstance(answer, np.ndarray):
        items = list(answer.ravel())
    elif isinstance(answer, dict):
        items = list(answer)
    elif isinstance(answer, (list, tuple, set, frozenset)):
        items = list(answer)
    else:
        return None, f"You gave {_shape_of(answer)}; this exercise wants a list of codes or names."
    bad = [i for i in items if not isinstance(i, str)]
    if bad:
        return None, f"The list holds {bad[0]!r}, which is not text: give codes such as 'CHN'."
    return {str(i).strip().upper() for i in items}, None


def _compare_set(q: Question, answer: Any, expected: Any) -> Feedback:
    got, problem = _as_items(answer)
    if problem is not None:
        return Feedback(q.qid, "invalid", problem)
    assert got is not None
    want = {str(e).strip().upper() for e in expected}
    if got == want:
        msg = f"your {len(got)} items are exactly {q.what}."
        if q.explanation:
            msg += " " + q.explanation
        return Feedback(q.qid, "correct", msg)
    missing = want - got
    extra = got - want
    parts = []
    if missing:
        parts.append(f"{len(missing)} item(s) are missing")
    if extra:
        parts.append(f"these are not in it: {', '.join(sorted(extra))}")
    msg = (
        f"you gave {len(got)} item(s); {q.what} has {len(want)}. "
        + "; ".join(parts)
        + f". Try `hint(\"{q.qid}\")`."
    )
    return Feedback(q.qid, "incorrect", msg)


def _norm(text: Any) -> str:
    return " ".join(str(text).strip().lower().replace("_", " ").split())


def _compare_choice(q: Question, answer: Any, expected: Any) -> Feedback:
    if not isinstance(answer, (str, numbers.Integral)) or isinstance(answer, bool):
        return Feedback(
            q.qid, "invalid",
            f"You gave {_shape_of(answer)}; pick one option by its letter, e.g. `\"b\"`. "
            f"The options are {', '.join(repr(k) for k in q.choices)}.",
        )
    key = _norm(answer)
    options = {_norm(k): k for k in q.choices}
    if key not in options:
        return Feedback(
            q.qid, "invalid",
            f"{answer!r} is not one of the options {', '.join(repr(k) for k in q.choices)}.",
        )
    chosen = options[key]
    specific = q.choices.get(chosen, "")
    if _norm(chosen) == _norm(expected):
        msg = f"option {chosen!r} is {q.what}. {specific}".strip()
        return Feedback(q.qid, "correct", msg)
    msg = f"option {chosen!r} is not {q.what}. {specific}".strip()
    return Feedback(q.qid, "incorrect", msg)


def _compare_text(q: Question, answer: Any, expected: Any) -> Feedback:
    if isinstance(answer, bool) and q.kind == "bool":
        ok = answer == bool(expected)
        status = "correct" if ok else "incorrect"
        msg = f"{answer} {'matches' if ok else 'does not match'} {q.what}."
        if ok and q.explanation:
            msg += " " + q.explanation
        return Feedback(q.qid, status, msg)
    if q.kind == "bool":
        return Feedback(q.qid, "invalid", f"Answer True or False, not {_shape_of(answer)}.")
    value, problem = _as_scalar(answer)
    if problem is not None or not isinstance(value, str):
        return Feedback(
            q.qid, "invalid",
            problem or f"You gave {_shape_of(value)}; this exercise wants a word or a code.",
        )
    accepted = expected if isinstance(expected, (list, tuple, set)) else [expected]
    ok = _norm(value) in {_norm(a) for a in accepted}
    if ok:
        msg = f"{value!r} matches {q.what}."
        if q.explanation:
            msg += " " + q.explanation
        return Feedback(q.qid, "correct", msg)
    return Feedback(
        q.qid, "incorrect",
        f"{value!r} does not match {q.what}. Try `hint(\"{q.qid}\")`.",
    )


def check(qid: str, answer: Any = ...) -> Feedback:
    """Check an answer; never raises. Returns :class:`Feedback`.

    ``...`` (Ellipsis, the placeholder in the student edition) means "not answered
    yet". Every result is recorded for :func:`course_lib.progress.progress` (in this
    session and in the learner's progress file); recording never raises either.

    >>> fb = check("00_warmup_sum", 7)
    >>> fb.status, bool(fb), fb.points
    ('correct', True, 1)
    >>> check("00_warmup_sum", [1, 2]).status
    'invalid'
    """
    try:
        reg = _registry()
    except Exception as exc:  # a broken question module must not break the notebook
        return Feedback(str(qid), "error", f"the exercises could not be loaded ({exc}).")
    if not isinstance(qid, str) or qid not in reg:
        return Feedback(str(qid), "unknown_question", _unknown_message(qid, reg))
    q = reg[qid]
    fb = _check(q, answer)
    fb = replace(fb, points=q.points if fb.correct else 0, points_possible=q.points)
    try:
        from .progress import record

        record(fb)
    except Exception:  # pragma: no cover - recording must never break a notebook
        pass
    return fb


def _check(q: Question, answer: Any) -> Feedback:
    qid = q.qid
    if answer is ...:
        return Feedback(
            qid, "not_answered",
            "replace `...` with your answer, run the cell again, and I will check it "
            f"against {q.what}.",
        )
    if answer is None:
        return Feedback(
            qid, "invalid",
            "your answer is `None`. A function that prints instead of returning, or a "
            "line like `x = df.sort_values(..., inplace=True)`, gives None.",
        )
    if q.kind == "prediction":
        return _record_guess(q, answer)
    try:
        expected = q.expected()
    except CourseError as exc:
        return Feedback(qid, "error", f"the expected answer could not be computed: {exc}")
    except Exception as exc:  # pragma: no cover - defensive: never raise in a notebook
        return Feedback(
            qid, "error",
            f"the expected answer could not be computed ({type(exc).__name__}: {exc}). "
            "Please report this to your teacher.",
        )
    try:
        fb = _compare(q, answer, expected)
    except Exception as exc:  # pragma: no cover - defensive
        return Feedback(
            qid, "invalid",
            f"I could not compare {_shape_of(answer)} with the expected answer ({exc}).",
        )
    if fb.status == "incorrect" and q.mistakes:
        named = find_mistake(q, answer, expected)
        if named is not None:
            return Feedback(
                qid, "incorrect",
                f"your answer is not {q.what}. It looks like **{named.label}**: "
                f"{named.message} Try `hint(\"{qid}\")`.",
                mistake=named.label,
            )
    return fb


_GUESSES: dict[str, Any] = {}


def _record_guess(q: Question, answer: Any) -> Feedback:
    """Keep a learner's guess for :func:`reveal` (this session only); never wrong."""
    if q.choices:
        key = _norm(answer)
        keys = {_norm(k): k for k in q.choices}
        if key not in keys:
            return Feedback(q.qid, "invalid", f"{_fmt(answer)} is not one of the options "
                            + ", ".join(f"'{k}'" for k in q.choices) + ".")
        guess: Any = keys[key]
    else:
        guess, problem = _to_float(answer)
        if problem:
            return Feedback(q.qid, "invalid", problem)
        guess = guess + 0.0  # no "-0"
    _GUESSES[q.qid] = guess
    return Feedback(q.qid, "recorded",
                    f"your guess {_fmt(guess, q.unit)} is recorded. Now use the explorer, then "
                    f"run `reveal(\"{q.qid}\")` to compare it with the data.")


def reveal(qid: str) -> Feedback:
    """Compare the guess recorded for a "predict, then look" exercise with the value
    computed from data. Never raises; a guess is never marked wrong.

    >>> reveal("no_such_question").status
    'unknown_question'
    """
    try:
        reg = _registry()
    except Exception as exc:  # pragma: no cover - defensive
        return Feedback(str(qid), "error", f"the exercises could not be loaded ({exc}).")
    if not isinstance(qid, str) or qid not in reg:
        return Feedback(str(qid), "unknown_question", _unknown_message(qid, reg))
    q = reg[qid]
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
        same = _norm(guess) == _norm(actual)
        text = (f"you guessed '{guess}'; the data say '{actual}' ({q.what}). "
                + ("Your guess matched." if same else "Look again at what made the difference."))
    else:
        diff = guess - float(actual)
        side = "above" if diff > 0 else "below" if diff < 0 else "exactly on"
        gap = (f"{abs(diff):.1f} percentage points" if q.unit == "%"
               else _fmt(abs(diff), q.unit))
        text = (f"you guessed {_fmt(guess, q.unit)}; {q.what} is {_fmt(float(actual), q.unit)}: "
                f"your guess was {gap} {side} it." if diff else
                f"you guessed {_fmt(guess, q.unit)}, exactly {q.what}.")
    if q.explanation:
        text += " " + q.explanation
    return Feedback(qid, "recorded", text)


def _compare(q: Question, answer: Any, expected: Any) -> Feedback:
    if q.kind in {"number", "integer"}:
        return _compare_number(q, answer, float(expected))
    if q.kind == "set":
        return _compare_set(q, answer, expected)
    if q.kind == "choice":
        return _compare_choice(q, answer, expected)
    return _compare_text(q, answer, expected)


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
            shadow = replace(q, mistakes=(), explanation="")
            if q.kind == "number" and expected:
                scale = abs(float(wrong) / float(expected))
                shadow = replace(shadow, tolerance=q.tolerance * min(scale, 1.0))
            if _compare(shadow, answer, wrong).status == "correct":
                return mistake
        except Exception:
            continue
    return None


def hint(qid: str, level: int | None = None) -> Feedback:
    """Show the next hint for an exercise (or hint number ``level``, from 1).

    Hints go from a gentle nudge to nearly the answer; calling again shows the next.

    >>> hint("00_warmup_sum", 1).status
    'hint'
    """
    reg = _registry()
    if not isinstance(qid, str) or qid not in reg:
        return Feedback(str(qid), "unknown_question", _unknown_message(qid, reg))
    q = reg[qid]
    if not q.hints:
        return Feedback(qid, "hint", "no hint for this one: reread the task and the cell above.")
    if level is None or isinstance(level, bool) or not isinstance(level, int):
        level = _HINTS_SHOWN.get(qid, 0) + 1
    level = max(1, min(level, len(q.hints)))
    _HINTS_SHOWN[qid] = level
    more = f" (`hint(\"{qid}\")` again for hint {level + 1})" if level < len(q.hints) else ""
    return Feedback(qid, "hint", f"{level}/{len(q.hints)}: {q.hints[level - 1]}{more}")


def progress():
    """Which exercises of the course you have answered correctly so far (a table in
    the notebook); see :mod:`course_lib.progress`.

    >>> progress().total == len(questions())
    True
    """
    from .progress import progress as _progress

    return _progress()


def describe(qid: str) -> str:
    """The prompt of an exercise, for teachers' listings."""
    return question(qid).prompt


from .solutions import solution  # noqa: E402,F401  (re-exported: notebooks import it with check and hint)
