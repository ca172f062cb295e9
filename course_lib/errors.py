"""One exception type for every mistake the course can explain in plain words.

In a notebook, IPython shows a :class:`CourseError` as its message alone, without a
traceback through course_lib's internals (IPython calls ``_render_traceback_``).

>>> err = CourseError("No dataset called 'popluation'.")
>>> print(err)
No dataset called 'popluation'.
>>> err._render_traceback_()[0].startswith("CourseError")
True
"""

from __future__ import annotations


class CourseError(Exception):
    """A problem the learner can fix; the message says what happened and what to do."""

    def _render_traceback_(self) -> list[str]:  # IPython hook: show the message only
        return [f"CourseError: {self}"]


class DataError(CourseError):
    """A data file is missing, modified, malformed or does not match its schema."""
