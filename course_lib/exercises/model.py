"""The exercise model: :class:`Question`, :class:`Mistake` and :class:`Feedback`.

Nothing here computes an answer or loads data: a question holds *functions* that do,
called when a learner checks. A numeric question states the precision its prompt asks
for (``decimals=2``: "to two decimals"); its tolerance follows from it.

>>> q = Question("99_demo", "To two decimals: what share?", lambda: 12.3456, decimals=2)
>>> q.tolerance
0.005
>>> states_precision(q)
True
"""

from __future__ import annotations

import functools
import html
from dataclasses import dataclass, field
from typing import Any, Callable

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

#: Statuses that leave nothing to do: a correct answer, or a recorded guess ("predict,
#: then look": a guess is recorded, never scored, never marked wrong).
DONE = ("correct", "recorded")

KINDS = ("number", "integer", "set", "choice", "text", "bool", "prediction")

#: Words for the number of decimals a prompt asks for.
DECIMAL_WORDS = {0: "a whole number", 1: "one decimal", 2: "two decimals", 3: "three decimals",
                 4: "four decimals"}


def tolerance_for(decimals: int) -> float:
    """Half a unit of the last decimal asked: a value rounded as asked is within it.

    >>> tolerance_for(2), tolerance_for(0)
    (0.005, 0.5)
    """
    return 0.5 * 10.0 ** -int(decimals)


def precision_text(decimals: int) -> str:
    """How a prompt states the precision it asks for.

    >>> precision_text(1)
    'to one decimal'
    """
    words = DECIMAL_WORDS.get(int(decimals), f"{int(decimals)} decimals")
    return words if decimals == 0 else f"to {words}"


@dataclass(frozen=True)
class Mistake:
    """A wrong method learners use on one exercise, as data: :func:`check` names it.

    Parameters
    ----------
    label : str
        Short name, shown in the feedback and the gradebook ("the wrong year").
    value : callable
        Returns the value the wrong method produces, computed from data at check time
        by the same pandas steps, with the one step done wrong.
    message : str
        One sentence, true for this mistake, that names it without giving the answer.

    >>> m = Mistake("sum instead of mean", lambda: 10, "You added the years up.")
    >>> m.label, m.value()
    ('sum instead of mean', 10)
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
        The task in one or two sentences (Markdown); a number's prompt states its
        precision ("to two decimals").
    expected : callable
        Returns the expected answer, computed from data at check time.
    kind : str
        ``"number"`` (within the tolerance), ``"integer"`` (exact), ``"set"`` (of
        ISO3 codes or words), ``"choice"`` (one of ``choices``' keys), ``"text"``,
        ``"bool"``, or ``"prediction"``: a guess made before looking, which
        :func:`check` records (status ``"recorded"``, no points) and :func:`reveal`
        compares with ``expected``.
    what : str
        What the expected value is, for the feedback sentence.
    decimals : int, optional
        The precision the prompt asks for; sets ``tolerance`` to half a unit of the
        last decimal (:func:`tolerance_for`).
    tolerance : float
        Absolute tolerance for numbers (derived from ``decimals`` when given).
    unit : str
        Unit shown with numbers ("%", "people", "year").
    hints : tuple of str
        Hints from gentle to a pattern that still leaves the learner a step.
    choices : dict
        For ``"choice"``: option key -> feedback specific to that option.
    explanation : str
        Shown after a correct answer.
    points : int
        Points for a correct answer; a prediction carries none (always 0).
    mistakes : tuple of Mistake
        The plausible wrong methods, each computed from data.
    guess_range : tuple of float, optional
        For a numeric prediction: the possible values (a share: 0 to 100, the default
        when ``unit == "%"``); a guess outside is not recorded.
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
    decimals: int | None = None
    guess_range: tuple[float, float] | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.qid}: unknown kind {self.kind!r}")
        if not self.notebook:
            object.__setattr__(self, "notebook", self.qid.split("_", 1)[0])
        if self.decimals is not None:
            object.__setattr__(self, "tolerance", tolerance_for(self.decimals))
        if self.kind == "prediction":
            object.__setattr__(self, "points", 0)
            if self.guess_range is None and self.unit == "%" and not self.choices:
                object.__setattr__(self, "guess_range", (0.0, 100.0))


def states_precision(q: Question) -> bool:
    """Does the prompt of a numeric question state the precision it asks for?

    >>> states_precision(Question("99_a", "Give it to one decimal.", lambda: 1.0, decimals=1))
    True
    >>> states_precision(Question("99_b", "Give it.", lambda: 1.0, tolerance=0.1))
    False
    """
    if q.kind != "number":
        return True
    if q.decimals is None:
        return False
    return DECIMAL_WORDS.get(q.decimals, "decimal").split()[-1] in q.prompt.lower()


@functools.lru_cache(maxsize=1)
def _renderer():
    import mistune

    return mistune.create_markdown(escape=True)


def md_to_html(text: str) -> str:
    """Markdown of a feedback line as inline HTML, through the course's one renderer
    (mistune), with raw HTML escaped.

    >>> md_to_html("use `a < b` and **this**")
    'use <code>a &lt; b</code> and <strong>this</strong>'
    """
    out = _renderer()(str(text)).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out


_TITLES = {
    "correct": "Correct",
    "incorrect": "Not yet",
    "not_answered": "Not answered yet",
    "invalid": "Check the form of your answer",
    "unknown_question": "Unknown exercise",
    "error": "Could not check",
    "hint": "Hint",
    "recorded": "Guess recorded",
}


@dataclass(frozen=True)
class Feedback:
    """The result of :func:`check`: a status, a message and the points, nothing more.

    ``bool(feedback)`` is True only for a correct answer (a recorded guess is not
    correct, and carries no points). It never carries the expected value.

    >>> fb = Feedback("99_x", "recorded", "your guess 3 is recorded.")
    >>> bool(fb), fb.done, fb.points
    (False, True, 0)
    """

    qid: str
    status: str
    message: str
    points: float = 0
    points_possible: float = 0
    mistake: str | None = None

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    @property
    def done(self) -> bool:
        """Nothing left to do: a correct answer or a recorded guess."""
        return self.status in DONE

    def __bool__(self) -> bool:
        return self.correct

    def grade(self) -> None:
        """For an autograded cell (nbgrader): raise ``AssertionError`` unless the answer
        is correct (or the exercise is a guess, which is recorded and worth 0 points).
        The error carries the feedback text, never the expected value.

        >>> Feedback("99_x", "correct", "ok").grade()
        >>> Feedback("99_x", "incorrect", "too low.").grade()
        Traceback (most recent call last):
        ...
        AssertionError: Not yet [99_x]: too low.
        """
        if not self.done:
            raise AssertionError(str(self))

    def _title(self) -> str:
        return _TITLES.get(self.status, self.status)

    def __str__(self) -> str:
        return f"{self._title()} [{self.qid}]: {self.message}"

    __repr__ = __str__

    def _repr_markdown_(self) -> str:
        icon = STATUS_ICONS.get(self.status, ("", "", ""))[0]
        return f"{icon} **{self._title()}** (`{self.qid}`): {self.message}"

    def _repr_html_(self) -> str:
        icon, bg, fg = STATUS_ICONS.get(self.status, ("", "#fff", "#000"))
        return (
            f'<div class="course-feedback course-{self.status}" role="status" '
            f'style="background:{bg};border-left:4px solid {fg};padding:0.5em 0.8em;'
            f'margin:0.3em 0;color:#111">'
            f"{icon} <strong>{self._title()}</strong> "
            f'<code style="color:{fg}">{html.escape(self.qid)}</code>: '
            f"{md_to_html(self.message)}</div>"
        )
