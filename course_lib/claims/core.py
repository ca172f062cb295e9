"""The article's claims as data, and the one verdict rule that judges them.

The rule (the same for every claim)
-----------------------------------
1. **The wording is data.** Each row of ``data/claims.csv`` gives the article's number
   ``X``, the kind of wording and the implied precision ``p`` (in the claim's own unit:
   percentage points for shares, whole states, ranks, days). The wording turns the claim
   into an interval:

   ============== ======================================= ===========================
   wording        claim interval                          example
   ============== ======================================= ===========================
   exact          ``[X - p/2, X + p/2]`` (rounding)       "20 per cent", p = 5
   almost         ``[X - p, X)``: below X, within p       "almost 44 per cent", p = 1
   about          ``[X - p, X + p]``                      "approximately 14", p = 1
   more_than      ``(X, +inf)``                           "more than 2,700"
   rank           ``[X, X]`` on the dimension stated      "the largest": rank 1
   count          ``[X, X]`` whole states                 "four nuclear powers"
   share_of_states ``[X, X]`` exact fraction of states    "half": 50 %
   date           the ``p`` days from the date stated     8-9 June 2017: p = 2
   table          none: a table of figures, not checkable
   ============== ======================================= ===========================

2. **The eligible readings are fixed before the data are read**, in
   ``data/claim_readings.csv``: one *literal* (primary) reading per claim and other
   eligible ones, each with its reason. Any other reading an evaluator computes is
   *context*: shown, labelled, and never used by the rule.
3. **The evidence is an interval too** (a point where the data are certain; bounds where
   years are missing or sources disagree).
4. **One verdict**, comparing the intervals:

   * **not checkable**: the literal reading has no evidence (self-reported figures, no
     open data);
   * **supported**: the literal reading's interval overlaps the claim's;
   * **partly supported**: another eligible reading overlaps, or the literal reading
     misses the claim's interval by at most ``p``;
   * **not supported**: otherwise.

>>> c = claim_interval("almost", 44, 1)
>>> c.contains(43), c.contains(43.5), c.contains(44), c.contains(42.99)
(True, True, False, False)
>>> verdict(c, Interval(41.9, 41.9), [], 1)
'not supported'
>>> verdict(c, Interval(42.0, 42.0), [], 1)  # misses by exactly p
'partly supported'
>>> verdict(c, Interval(41.9, 41.9), [Interval(43.6, 43.6)], 1)
'partly supported'
>>> verdict(c, None, [], 1)
'not checkable'
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from ..cache import data_cached
from ..errors import CourseError

VERDICTS = ("supported", "partly supported", "not supported", "not checkable")
WORDINGS = ("exact", "almost", "about", "more_than", "rank", "count", "share_of_states",
            "date", "table")
ROLES = ("primary", "eligible", "context")
EPS = 1e-9


# --------------------------------------------------------------------------- intervals
@dataclass(frozen=True)
class Interval:
    """A closed interval ``[low, high]``; ``low_open``/``high_open`` exclude an end.

    >>> Interval(43, 44, high_open=True).overlaps(Interval(44, 45))
    False
    >>> Interval(13, 15).distance(Interval(15.2, 17.8))
    0.2
    """

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def contains(self, x: float) -> bool:
        return self.overlaps(Interval(x, x))

    def overlaps(self, other: "Interval") -> bool:
        if other.high < self.low - EPS or other.low > self.high + EPS:
            return False
        if abs(other.high - self.low) <= EPS and (self.low_open or other.high_open) \
                and other.low < self.low + EPS:
            return False
        if abs(other.low - self.high) <= EPS and (self.high_open or other.low_open) \
                and other.high > self.high - EPS:
            return False
        return True

    def distance(self, other: "Interval") -> float:
        """How far ``other`` lies outside this interval (0 when they meet)."""
        gap = max(self.low - other.high, other.low - self.high, 0.0)
        return round(gap, 10)

    def room(self, x: float) -> float:
        """How far ``x`` (inside) can move before it leaves the interval.

        >>> Interval(17.5, 22.5).room(21)
        1.5
        """
        return round(min(x - self.low, self.high - x), 10)


def claim_interval(wording: str, value: float, precision: float) -> Interval | None:
    """The claim's interval for a wording (dates: see :func:`date_interval`).

    >>> claim_interval("exact", 20, 5)
    Interval(low=17.5, high=22.5, low_open=False, high_open=False)
    >>> claim_interval("about", 14, 1)
    Interval(low=13.0, high=15.0, low_open=False, high_open=False)
    >>> claim_interval("more_than", 2700, 1).contains(2700)
    False
    >>> claim_interval("rank", 1, 0), claim_interval("table", math.nan, 0)
    (Interval(low=1.0, high=1.0, low_open=False, high_open=False), None)
    """
    if wording not in WORDINGS:
        raise CourseError(f"Unknown wording {wording!r}. Use one of: {', '.join(WORDINGS)}.")
    if wording == "table" or value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    p = 0.0 if precision is None or pd.isna(precision) else float(precision)
    value = float(value)
    if wording == "exact":
        return Interval(value - p / 2, value + p / 2)
    if wording == "almost":
        return Interval(value - p, value, high_open=True)
    if wording == "about":
        return Interval(value - p, value + p)
    if wording == "more_than":
        return Interval(value, math.inf, low_open=True)
    if wording == "date":
        raise CourseError("A date claim's interval comes from date_interval().")
    return Interval(value, value)  # rank, count, share_of_states: exact


def year_fraction(ts: pd.Timestamp) -> float:
    """A date as a year with fraction (1 January = .0).

    >>> round(year_fraction(pd.Timestamp("2017-06-09")), 4)
    2017.4356
    """
    days = 366 if ts.is_leap_year else 365
    return ts.year + (ts.day_of_year - 1) / days


def to_date(x: float) -> pd.Timestamp:
    """The day a year-with-fraction falls on (inverse of :func:`year_fraction`).

    >>> to_date(year_fraction(pd.Timestamp("2017-06-09"))).date()
    datetime.date(2017, 6, 9)
    """
    year = int(math.floor(x + EPS))
    days = 366 if pd.Timestamp(year=year, month=1, day=1).is_leap_year else 365
    return pd.Timestamp(year=year, month=1, day=1) + pd.Timedelta(days=round((x - year) * days))


def date_interval(date: str, days: float) -> Interval:
    """The ``days`` days from ``date``, as years with fraction.

    >>> i = date_interval("2017-06-08", 2)
    >>> to_date(i.low).day, to_date(i.high).day
    (8, 9)
    """
    start = pd.Timestamp(date)
    end = start + pd.Timedelta(days=max(int(days), 1) - 1)
    return Interval(year_fraction(start), year_fraction(end))


def verdict(claim: Interval | None, literal: Interval | None, others: list[Interval],
            precision: float) -> str:
    """The one verdict rule (module docstring), at its boundaries:

    >>> c = claim_interval("exact", 20, 5)
    >>> [verdict(c, Interval(v, v), [], 5) for v in (17.5, 17.4, 12.5, 12.4)]
    ['supported', 'partly supported', 'partly supported', 'not supported']
    >>> verdict(claim_interval("count", 4, 0), Interval(3, 3), [Interval(4, 4)], 0)
    'partly supported'
    """
    if claim is None or literal is None or math.isnan(literal.low) or math.isnan(literal.high):
        return "not checkable"
    if claim.overlaps(literal):
        return "supported"
    if any(claim.overlaps(o) for o in others if not (math.isnan(o.low) or math.isnan(o.high))):
        return "partly supported"
    p = 0.0 if precision is None or pd.isna(precision) else float(precision)
    if p > 0 and claim.distance(literal) <= p + EPS:
        return "partly supported"
    return "not supported"


def margin(claim: Interval | None, ev: Interval | None) -> float | None:
    """How far the evidence lies outside the claim's interval (positive), or minus the
    room it has inside before it would leave (zero or negative).

    >>> margin(claim_interval("almost", 44, 1), Interval(41.9, 41.9))
    1.1
    >>> margin(claim_interval("exact", 20, 5), Interval(21, 21))
    -1.5
    """
    if claim is None or ev is None or math.isnan(ev.low):
        return None
    if claim.overlaps(ev):
        inside = min(max(ev.low, claim.low), claim.high)
        return -claim.room(inside) if not math.isinf(claim.high) else -(inside - claim.low)
    return claim.distance(ev)


def reading_verdict(claim: Interval | None, ev: Interval | None, precision: float) -> str:
    """The verdict one reading alone would give if it were the literal one.

    >>> reading_verdict(claim_interval("about", 14, 1), Interval(15.2, 17.8), 1)
    'partly supported'
    """
    return verdict(claim, ev, [], precision)


def nearest_reading(values, claim_id: str):
    """The key of the reading nearest the claim: the one course definition of "nearest".

    ``values`` maps reading -> value (a dict or a Series). Nearest means the smallest
    distance outside the claim's interval (0 inside it); ties, such as two readings
    inside, go to the one closer to the article's number. Closeness of a reading says
    nothing about which definition the author used, and never changes a verdict.

    >>> nearest_reading({"a": 12.4, "b": 19.0, "c": 21.5}, "heritage_share")
    'b'
    >>> nearest_reading({"a": 41.9, "b": 43.6}, "population_share")
    'b'
    """
    items = list(values.items())
    if not items:
        raise CourseError("nearest_reading() needs at least one reading and its value.")
    claim = interval_of(claim_row(claim_id))
    target = article_value(claim_id)

    def key(item):
        v = float(item[1])
        return (claim.distance(Interval(v, v)) if claim is not None else 0.0, abs(v - target))

    return min(items, key=key)[0]


# --------------------------------------------------------------------------- the table
def claims() -> pd.DataFrame:
    """The article's claims (``data/claims.csv``): id, section, paraphrase, quote, value,
    unit, date, wording, precision, judged_in, period, source.

    >>> "population_share" in set(claims().claim_id)
    True
    """
    from ..data import load

    return load("claims")


def readings_table() -> pd.DataFrame:
    """The eligible readings fixed per claim (``data/claim_readings.csv``).

    >>> t = readings_table()
    >>> int((t.role == "primary").groupby(t.claim_id).sum().max())
    1
    """
    from ..data import load

    return load("claim_readings")


def claim_row(claim_id: str) -> pd.Series:
    """One row of :func:`claims`, or a CourseError that suggests the nearest id."""
    if not isinstance(claim_id, str):
        raise CourseError(f"A claim id is text such as 'population_share', not {claim_id!r}.")
    rows = _claim_rows.peek()
    if claim_id not in rows:
        import difflib

        close = difflib.get_close_matches(claim_id, list(rows), n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise CourseError(f"No claim called {claim_id!r}.{hint} The claims are: "
                          f"{', '.join(rows)}.")
    return rows[claim_id].copy()


@data_cached
def _claim_rows() -> dict[str, pd.Series]:
    """Each claim's row of :func:`claims`, by id (read once per state of the data)."""
    return {row.claim_id: row for _, row in claims().iterrows()}


def article_value(claim_id: str) -> float:
    """The article's number for a claim (the one place it is read).

    >>> article_value("heroin_tonnes"), article_value("population_share")
    (69.0, 44.0)
    """
    value = claim_row(claim_id)["value"]
    if pd.isna(value):
        raise CourseError(f"The claim {claim_id!r} has no single number.")
    return float(value)


def interval_of(row: pd.Series) -> Interval | None:
    """The claim interval of one row of :func:`claims`.

    >>> interval_of(claim_row("accession_2017")).high > 2017.43
    True
    """
    if row["wording"] == "date":
        return date_interval(str(row["date"]), row["precision"])
    return claim_interval(str(row["wording"]), None if pd.isna(row["value"]) else float(row["value"]),
                          row["precision"])


# --------------------------------------------------------------------------- evidence
def reading_interval(row: pd.Series) -> Interval | None:
    """The interval of one row of :attr:`Evidence.readings` (its ``low`` and ``high``),
    or None where the reading has no value.

    >>> reading_interval(pd.Series({"low": 41.9, "high": 42.5}))
    Interval(low=41.9, high=42.5, low_open=False, high_open=False)
    >>> reading_interval(pd.Series({"low": None, "high": 3.0})) is None
    True
    """
    lo, hi = as_number(row["low"]), as_number(row["high"])
    return None if math.isnan(lo) or math.isnan(hi) else Interval(lo, hi)


def as_number(x) -> float:
    """A value of a readings table as a float; NaN for a missing or non-numeric one.

    >>> as_number("2.5"), as_number(None), as_number("n/a")
    (2.5, nan, nan)
    """
    try:
        return math.nan if x is None or pd.isna(x) else float(x)
    except (TypeError, ValueError):
        return math.nan


@dataclass
class Evidence:
    """What the data say about one claim, and the verdict of the one rule.

    ``readings`` has one row per reading: ``reading_id``, ``reading``, ``definition``,
    ``value``, ``low``, ``high``, ``role`` (primary, eligible or context), ``reason``,
    ``distance`` (how far outside the claim's interval, in the claim's unit) and
    ``verdict_alone`` (the verdict that reading alone would give; empty for context).
    ``margin`` is the primary reading's distance outside the claim's interval (positive)
    or, when inside, minus the room it has before it leaves (so 0 or less means inside).
    ``margin_text`` (the verdict in words) and ``render`` (Evidence -> the Markdown a
    notebook shows) are set by :mod:`course_lib.claims.judge` when it builds the
    Evidence: this module holds the data and the rule, not their wording.
    """

    claim_id: str
    article_value: float | None
    value: float | None
    unit: str
    verdict: str
    readings: pd.DataFrame
    explanation: str
    sources: list[str] = field(default_factory=list)
    paraphrase: str = ""
    wording: str = ""
    as_worded: str = ""
    claim: Interval | None = None
    evidence: Interval | None = None
    precision: float = 0.0
    margin: float | None = None
    margin_text: str = ""
    now: dict | None = None
    render: Callable[["Evidence"], str] | None = field(default=None, repr=False, compare=False)

    def eligible(self) -> pd.DataFrame:
        """The primary and eligible readings (the ones the verdict may use)."""
        return self.readings[self.readings.role != "context"].reset_index(drop=True)

    def _repr_markdown_(self) -> str:
        if self.render is None:
            return f"**{self.claim_id}**: verdict **{self.verdict}**"
        return self.render(self)
