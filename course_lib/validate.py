"""One checker per kind of argument, with the same clear message everywhere.

A learner hands the course whatever pandas handed them: ``df.year.max()`` is a numpy
integer, a year read from a CSV may be ``2017.0`` or ``"2017"``, a country may be one
code or a list of codes in any case. Each function here accepts all of those, returns
one plain type, and raises :class:`~course_lib.errors.CourseError` (never a traceback
from inside the library) for anything else.

>>> import numpy as np
>>> as_year(np.int64(2017)), as_year(2017.0), as_year(" 2017 ")
(2017, 2017, 2017)
>>> as_iso3s("ind"), as_iso3s(["CHN", "rus", "CHN"])
(['IND'], ['CHN', 'RUS'])
>>> as_choice("count", ["count", "per_million"], "measure")
'count'
"""

from __future__ import annotations

import difflib
import numbers
import re
from typing import Any, Iterable, Mapping

from .errors import CourseError

_ISO3 = re.compile(r"^[A-Z]{3}$")


def as_year(value: Any, lo: int | None = None, hi: int | None = None, *,
            where: str = "") -> int:
    """A year as a plain ``int``, optionally within ``lo``-``hi`` (inclusive).

    Accepts an ``int``, a numpy integer, a whole ``float`` (``2017.0``) and a string of
    digits (``"2017"``). Refuses booleans, fractions, NaN, dates and other text.

    Parameters
    ----------
    value : int, numpy integer, float or str
    lo, hi : int, optional
        The first and last year allowed.
    where : str
        What the bounds are (e.g. ``"the World Bank table"``), for the message.

    Examples
    --------
    >>> as_year("1999", 1990, 2020)
    1999
    >>> as_year(2017.5)
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: A year is a whole number such as 2017, not 2017.5.
    >>> as_year(1980, 1990, 2020, where="the World Bank table")
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: 1980 is outside the years of the World Bank table (1990-2020).
    """
    year: int | None = None
    if isinstance(value, bool):
        year = None
    elif isinstance(value, numbers.Integral):
        year = int(value)
    elif isinstance(value, numbers.Real):
        f = float(value)
        year = int(f) if f == f and f not in (float("inf"), float("-inf")) and f.is_integer() \
            else None
    elif isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,4}\s*", value):
        year = int(value)
    if year is None:
        raise CourseError(f"A year is a whole number such as 2017, not {value!r}.")
    if (lo is not None and year < lo) or (hi is not None and year > hi):
        span = f"{lo if lo is not None else ''}-{hi if hi is not None else ''}"
        of = f" of {where}" if where else ""
        raise CourseError(f"{year} is outside the years{of} ({span}).")
    return year


def _suggest(value: str, known: Iterable[str] | Mapping[str, str]) -> str:
    """' Did you mean 'X'?' for a close code, or a code whose name matches, else ''."""
    if isinstance(known, Mapping):
        by_name = {str(n).casefold(): c for c, n in known.items()}
        if value.casefold() in by_name:
            return f" Did you mean {by_name[value.casefold()]!r}?"
        close = difflib.get_close_matches(value.casefold(), list(by_name), n=1, cutoff=0.75)
        if close:
            return f" Did you mean {by_name[close[0]]!r} ({close[0].title()})?"
    close = difflib.get_close_matches(value.upper(), [str(k) for k in known], n=1, cutoff=0.6)
    return f" Did you mean {close[0]!r}?" if close else ""


def as_iso3s(codes: Any, known: Iterable[str] | Mapping[str, str] | None = None, *,
             where: str = "") -> list[str]:
    """One ISO3 code or several, as an upper-case list without repeats (order kept).

    Parameters
    ----------
    codes : str or iterable of str
        ``"ind"``, ``["CHN", "RUS"]``, a pandas Series or Index of codes, a set...
    known : iterable of codes, or mapping code -> country name, optional
        The codes allowed. An unknown code gets a "did you mean" suggestion: the
        closest code, or the code of a country whose name was typed.
    where : str
        What the known codes are (e.g. ``"data/ucdp_deaths.csv"``), for the message.

    Examples
    --------
    >>> as_iso3s("india", {"IND": "India", "PAK": "Pakistan"})
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: Unknown country code 'INDIA'. Did you mean 'IND'? ...
    >>> as_iso3s([])
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: Choose at least one country (ISO3 codes such as 'KAZ').
    """
    if isinstance(codes, str):
        items: list[Any] = [codes]
    else:
        try:
            items = list(codes)
        except TypeError:
            raise CourseError(
                f"Give an ISO3 code such as 'KAZ' or a list such as ['CHN', 'RUS'], "
                f"not {codes!r}."
            ) from None
    if not items:
        raise CourseError("Choose at least one country (ISO3 codes such as 'KAZ').")
    bad = [c for c in items if not isinstance(c, str)]
    if bad:
        raise CourseError(f"{bad[0]!r} is not an ISO3 code; give text such as 'KAZ'.")
    out = list(dict.fromkeys(c.strip().upper() for c in items))
    if known is None:
        wrong = [c for c in out if not _ISO3.match(c)]
        if wrong:
            raise CourseError(
                f"{wrong[0]!r} is not an ISO3 code (three letters, such as 'KAZ')."
            )
        return out
    allowed = set(known)
    unknown = [c for c in out if c not in allowed]
    if unknown:
        first = unknown[0]
        raw = next(c for c in items if c.strip().upper() == first).strip()
        listed = ", ".join(repr(c) for c in unknown)
        src = f" in {where}" if where else ""
        raise CourseError(
            f"Unknown country code{'s' if len(unknown) > 1 else ''} {listed}."
            f"{_suggest(raw, known)} Use ISO 3166 alpha-3 codes of countries{src}, "
            "such as 'KAZ'."
        )
    return out


def as_choice(value: Any, options: Iterable[str], what: str = "choice", *,
              aliases: Mapping[str, str] | None = None) -> str:
    """``value`` if it is one of ``options`` (or an alias of one), else a clear error
    with the closest option and the full list.

    Parameters
    ----------
    value : str
    options : iterable of str (a dict's keys are used)
    what : str
        What is being chosen (``"measure"``, ``"member set"``), for the message.
    aliases : mapping, optional
        Other accepted spellings -> the option they stand for (not listed in messages).

    Examples
    --------
    >>> as_choice("ratio", {"ratio": "max/min", "cv": "CV"}, "measure")
    'ratio'
    >>> as_choice("raito", ["ratio", "cv"], "measure")
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: Unknown measure 'raito'. Did you mean 'ratio'? Choose one of: 'ratio', 'cv'.
    """
    options = list(options)
    if isinstance(value, str):
        if value in options:
            return value
        if aliases and value in aliases:
            return aliases[value]
    close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise CourseError(
        f"Unknown {what} {value!r}.{hint} Choose one of: {', '.join(repr(o) for o in options)}."
    )


def as_period(value: Any, lo: int | None = None, hi: int | None = None, *,
              where: str = "") -> tuple[int, int]:
    """A period ``(start, end)`` of years, both included, as two plain ``int``.

    Each end is checked by :func:`as_year` (within ``lo``-``hi``); ``None`` as an end
    means ``lo`` (start) or ``hi`` (end). The years themselves, written out (a ``range``
    or a list of consecutive years), give the same period.

    >>> as_period((2011, 2015.0)), as_period([1995, None], 1990, 2020)
    ((2011, 2015), (1995, 2020))
    >>> as_period(range(2012, 2017)), as_period([2012, 2013, 2014])
    ((2012, 2016), (2012, 2014))
    >>> as_period([2012, 2014, 2015])
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: A period is two years (start, end), e.g. (2011, 2015), not [2012, 2014, 2015].
    >>> as_period((2015, 2011))
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: A period runs from its first year to its last, (start, end) with start <= end, not (2015, 2011).
    >>> as_period(2017)
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: A period is two years (start, end), e.g. (2011, 2015), not 2017.
    """
    if isinstance(value, range) and len(value):
        value = (value[0], value[-1])
    elif isinstance(value, (list, tuple)) and len(value) > 2:
        years = [as_year(y, lo, hi, where=where) for y in value]
        if years == list(range(years[0], years[0] + len(years))):
            value = (years[0], years[-1])
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or len(value) != 2:
        raise CourseError(f"A period is two years (start, end), e.g. (2011, 2015), not {value!r}.")
    start, end = value
    start = as_year(lo if start is None else start, lo, hi, where=where)
    end = as_year(hi if end is None else end, lo, hi, where=where)
    if start > end:
        raise CourseError("A period runs from its first year to its last, (start, end) with "
                          f"start <= end, not ({start}, {end}).")
    return start, end
