"""What each exercise makes a learner do, read from the notebook's reference solutions.

The course's exercises form a ladder (COURSE_SPEC §2.5): most make the learner write
pandas on a loaded table, at most one only calls a course function. This module reads
the solution between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` in an exercise cell
and names the pandas skills it uses; the teaching guide lists them per notebook and the
tests count them.

>>> skills("t = u[u.year == 2017]\\nanswer = t.groupby('iso3').deaths.sum()")
['boolean filter', 'groupby and aggregate']
>>> skills('g.loc[g["year"].between(2011, 2015), "deaths"].sum()')
['boolean filter']
>>> kind_of_solution("answer = population.share('population', '2017 members', 2017)")
'course'
>>> kind_of_solution("answer = 69 * 1000 / 5")
'other'
"""

from __future__ import annotations

import re
from pathlib import Path

CHECK = re.compile(r"""check\(\s*["']([0-9]{2}_\w+)["']""")

#: skill name -> pattern found in a solution's code
SKILLS: dict[str, re.Pattern] = {
    "boolean filter": re.compile(r"\.query\(|\.isin\(|\.between\(|\.where\("
                                 r"|\[[^\n]*(==|!=|>=|<=|\s[<>]\s)"),
    "groupby and aggregate": re.compile(r"\.groupby\(|\.agg\(|\.value_counts\(|\.nunique\("),
    "merge or join": re.compile(r"\.merge\(|\.join\(|pd\.concat\("),
    "pivot or reshape": re.compile(r"\.pivot(_table)?\(|\.melt\(|\.stack\(|\.unstack\("
                                   r"|\.explode\(|pd\.crosstab\("),
    "sort or rank": re.compile(r"\.sort_values\(|\.rank\(|\.nlargest\(|\.nsmallest\("
                               r"|\.idxmax\(|\.idxmin\("),
    "missing values": re.compile(r"\.dropna\(|\.fillna\(|\.isna\(|\.notna\(|\.isnull\("
                                 r"|\.notnull\("),
    "change over time": re.compile(r"\.diff\(|\.pct_change\(|\.shift\(|\.cumsum\("),
}
COURSE_MODULES = ("population", "indicators", "violence", "development", "heritage", "drugs",
                  "nuclear", "membership", "geography", "claims")
COURSE_CALL = re.compile(r"\b(%s)\.\w+\(" % "|".join(COURSE_MODULES))


def solution_of(source: str) -> str:
    """The code between the solution markers of a cell ("" when it has none)."""
    m = re.search(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", source, re.S)
    return m.group(1) if m else ""


def skills(solution: str) -> list[str]:
    """The pandas skills a solution uses, in the order of :data:`SKILLS`."""
    return [name for name, pattern in SKILLS.items() if pattern.search(solution)]


def kind_of_solution(solution: str) -> str:
    """``"pandas"`` (a table operation), ``"course"`` (only a course analysis
    function) or ``"other"`` (arithmetic, a set, a choice)."""
    if skills(solution):
        return "pandas"
    return "course" if COURSE_CALL.search(solution) else "other"


def exercises(path: Path) -> list[dict]:
    """One dict per exercise cell of a notebook: ``index``, ``qid``, ``solution``,
    ``skills`` and ``kind`` (see :func:`kind_of_solution`)."""
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or "### BEGIN SOLUTION" not in cell.source:
            continue
        m = CHECK.search(cell.source)
        if m:
            sol = solution_of(cell.source)
            out.append({"index": i, "qid": m.group(1), "solution": sol,
                        "skills": skills(sol), "kind": kind_of_solution(sol)})
    return out


#: Method names that are pandas methods but also plain Python ones a solution may call on
#: a list, a dict or a string; they are not counted as pandas.
NOT_PANDAS = frozenset({"append", "copy", "count", "index", "items", "keys", "values", "get",
                        "pop", "update", "split", "strip", "replace", "format", "lower",
                        "upper", "join", "startswith", "endswith"})
METHOD = re.compile(r"\.([A-Za-z_]\w*)\(")


def pandas_methods(code: str) -> list[str]:
    """The pandas methods a piece of code calls (``.name(``), in order of first use.

    A name counts when pandas' DataFrame, Series, Index or a groupby object has it and
    it is not also a common method of Python's own types (:data:`NOT_PANDAS`).

    >>> pandas_methods("w = t[t.a.isin(x)].groupby('y').z.sum()\\nw.sort_values()")
    ['isin', 'groupby', 'sum', 'sort_values']
    >>> pandas_methods("names = ', '.join(codes)")
    []
    """
    import pandas as pd
    from pandas.core.groupby import DataFrameGroupBy, SeriesGroupBy

    owners = (pd.DataFrame, pd.Series, pd.Index, DataFrameGroupBy, SeriesGroupBy)
    found = []
    for name in METHOD.findall(code):
        if name in NOT_PANDAS or name.startswith("_") or name in found:
            continue
        if any(hasattr(o, name) for o in owners):
            found.append(name)
    return found
