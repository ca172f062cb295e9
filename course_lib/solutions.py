"""``solution(qid)``: the reference solution of an exercise, for a learner who is stuck.

The solutions are read from the **instructor edition**: the notebooks in ``notebooks/``
of a repository install, or, in a hand-out (``python -m course_lib handout``), the file
``course_lib/solutions.json`` that the hand-out carries instead of the instructor
notebooks. A solution is the code between the markers ``### BEGIN SOLUTION`` and
``### END SOLUTION`` of the cell that checks the exercise (``check("<qid>", ...)``),
or of the code cell just before it.

:func:`solution` never raises: an unknown id or a missing solution gives a message that
says so. What it returns shows in a notebook as Markdown, always after a line that asks
the learner to try first.

>>> text = "x = 1\\n### BEGIN SOLUTION\\nanswer = 3 + 4\\n### END SOLUTION\\ncheck('00_a', answer)"
>>> extract_regions(text)
['answer = 3 + 4']
>>> checked_ids(text)
['00_a']
"""

from __future__ import annotations

import difflib
import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from .paths import NOTEBOOKS_DIR, PACKAGE_DIR

#: In a hand-out, the solutions travel in this file (written by ``handout.py``).
SOLUTIONS_FILE = PACKAGE_DIR / "solutions.json"
TRY_FIRST = ("Try first: write your own answer and run `check` on it, and ask for `hint` "
             "one step at a time; read the solution only after that, then close it and "
             "write the code yourself.")
_SHOWN: list[str] = []  # exercises whose solution was asked for in this session
_CHECK = re.compile(r"""check\(\s*["']([^"']+)["']""")
_BEGIN, _END = "BEGIN SOLUTION", "END SOLUTION"


def extract_regions(source: str) -> list[str]:
    """The code between each pair of solution markers in ``source`` (dedented).

    >>> extract_regions("if True:\\n    ### BEGIN SOLUTION\\n    y = 2\\n    ### END SOLUTION")
    ['y = 2']
    """
    regions, current = [], None
    for line in source.split("\n"):
        if _BEGIN in line:
            current = []
        elif _END in line:
            if current is not None:
                regions.append(textwrap.dedent("\n".join(current)).strip("\n"))
            current = None
        elif current is not None:
            current.append(line)
    return regions


def checked_ids(source: str) -> list[str]:
    """The exercise ids that ``source`` passes to ``check``, in order.

    >>> checked_ids('check("02_a", x)\\ncheck( "02_b", y)')
    ['02_a', '02_b']
    """
    return _CHECK.findall(source)


def solutions_from_notebooks(folder: Path | None = None) -> dict[str, dict]:
    """``{qid: {"notebook": stem, "code": text}}`` from the instructor notebooks in
    ``folder`` (default ``notebooks/``); a student edition gives an empty dict."""
    import nbformat

    from .runner import course_notebooks

    found: dict[str, dict] = {}
    for path in course_notebooks(folder or NOTEBOOKS_DIR):
        nb = nbformat.read(str(path), as_version=4)
        pending: list[str] = []  # regions of a solution cell that checks nothing itself
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            regions = extract_regions(cell.source)
            ids = checked_ids(cell.source)
            if regions and not ids:
                pending = regions
                continue
            if ids and (regions or pending):
                code = "\n\n".join(regions or pending)
                for qid in ids:
                    found.setdefault(qid, {"notebook": path.stem, "code": code})
            pending = []
    return found


def solutions_shown() -> list[str]:
    """The exercises whose solution was asked for in this session (for the grader).

    >>> isinstance(solutions_shown(), list)
    True
    """
    return list(_SHOWN)


def load_solutions() -> dict[str, dict]:
    """The solutions this installation has: the hand-out's file, else ``notebooks/``."""
    if SOLUTIONS_FILE.exists():
        return json.loads(SOLUTIONS_FILE.read_text(encoding="utf-8"))
    try:
        return solutions_from_notebooks()
    except Exception:  # a damaged notebook must not break the learner's cell
        return {}


@dataclass(frozen=True)
class Solution:
    """What :func:`solution` returns: shows as Markdown in a notebook."""

    qid: str
    code: str | None
    message: str = ""
    notebook: str = ""

    @property
    def found(self) -> bool:
        return self.code is not None

    def _repr_markdown_(self) -> str:
        if not self.found:
            return f"**Solution** (`{self.qid}`): {self.message}"
        where = f" (from the instructor edition of {self.notebook})" if self.notebook else ""
        return (f"**{TRY_FIRST}**\n\nReference solution of `{self.qid}`{where}:\n\n"
                f"```python\n{self.code}\n```")

    def __str__(self) -> str:
        if not self.found:
            return f"Solution [{self.qid}]: {self.message}"
        return f"{TRY_FIRST}\n\nReference solution of {self.qid}:\n{self.code}"

    __repr__ = __str__


def solution(qid: str) -> Solution:
    """The reference solution of exercise ``qid``, after a line asking you to try first.

    >>> s = solution("00_warmup_sum")
    >>> s.found, "try first" in str(s).lower()
    (True, True)
    >>> solution("00_no_such_exercise").found
    False
    """
    if isinstance(qid, str) and qid not in _SHOWN:
        _SHOWN.append(qid)  # the grader flags an answer taken from here
    table = load_solutions()
    if not isinstance(qid, str):
        return Solution(str(qid), None, "give the exercise id as text, in quotation marks, "
                        'for example `solution("00_warmup_sum")`.')
    if qid in table:
        return Solution(qid, table[qid]["code"], notebook=table[qid].get("notebook", ""))
    if not table and SOLUTIONS_FILE.exists():
        return Solution(qid, None, "reference solutions are not available in this copy of "
                        "the course (it is handed out for assessed work); use `hint` and "
                        "ask your teacher.")
    if not table:
        return Solution(qid, None, "this installation carries no solutions (neither "
                        "notebooks/ in the instructor edition nor course_lib/solutions.json); "
                        "ask your teacher.")
    close = difflib.get_close_matches(qid, list(table), n=1)
    tip = f" Did you mean `{close[0]}`?" if close else ""
    return Solution(qid, None, f"no exercise with a solution has the id `{qid}`.{tip} "
                    "The id is the first text in the exercise's `check(...)` line.")
