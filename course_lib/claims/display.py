"""How a claim's values are shown: each unit as itself (a date as a date, a rank as
"1st", a share in per cent with margins in points, counts as whole states), the
claim restated as worded, and an Evidence as the Markdown a notebook shows.
"""

from __future__ import annotations

import math

import pandas as pd

from .core import (EPS, Evidence, Interval, claim_interval, claim_row,  # noqa: F401
                   date_interval, interval_of, reading_interval, to_date)  # (some: doctests)


def ordinal(n: float) -> str:
    """A rank as "1st", "2nd", ...

    >>> ordinal(1), ordinal(2), ordinal(13), ordinal(22)
    ('1st', '2nd', '13th', '22nd')
    """
    n = int(round(n))
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def fmt(x: float | None, unit: str) -> str:
    """A value shown as itself: a date as a date, a rank as "1st", a share in %.

    >>> fmt(41.9016, "%"), fmt(1, "rank"), fmt(4, "states"), fmt(2017.4356, "date")
    ('41.90 %', '1st', '4 states', '9 June 2017')
    >>> fmt(None, "%"), fmt(69, "tonnes")
    ('—', '69 t')
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    if math.isinf(x):
        return "no upper limit" if x > 0 else "no lower limit"
    if unit == "%":
        return f"{x:.2f} %"
    if unit == "rank":
        return ordinal(x)
    if unit == "states":
        return f"{x:.0f} states" if round(x) != 1 else "1 state"
    if unit == "date":
        return f"{to_date(x):%-d %B %Y}"
    if unit == "tonnes":
        return f"{x:,.4g} t"
    return f"{x:,.4g} {unit}".strip()


def fmt_distance(d: float, unit: str) -> str:
    """A margin in the claim's unit: points for shares, days for dates.

    >>> fmt_distance(1.1, "%"), fmt_distance(0, "rank"), fmt_distance(2 / 365, "date")
    ('1.10 points', '0 places', '2 days')
    """
    if unit == "%":
        return f"{d:.2f} points"
    if unit == "rank":
        return f"{d:.0f} place" + ("" if round(d) == 1 else "s")
    if unit == "states":
        return f"{d:.0f} state" + ("" if round(d) == 1 else "s")
    if unit == "date":
        n = round(d * 365)
        return f"{n} day" + ("" if n == 1 else "s")
    if unit == "tonnes":
        return f"{d:,.4g} t"
    return f"{d:,.4g} {unit}"


def fmt_interval(i: Interval | None, unit: str) -> str:
    """An interval in words.

    >>> fmt_interval(claim_interval("almost", 44, 1), "%")
    '43.00 % to just under 44.00 %'
    >>> fmt_interval(Interval(4, 4), "states"), fmt_interval(date_interval("2017-06-08", 2), "date")
    ('4 states', '8 June 2017 to 9 June 2017')
    >>> fmt_interval(claim_interval("more_than", 52, 1), "tonnes")
    'more than 52 t'
    """
    if i is None or math.isnan(i.low):
        return "—"
    if abs(i.high - i.low) <= EPS:
        return fmt(i.low, unit)
    if math.isinf(i.high):
        return ("more than " if i.low_open else "at least ") + fmt(i.low, unit)
    if i.low == 0 and unit == "%":
        return "at most " + fmt(i.high, unit)
    lo = ("just over " if i.low_open else "") + fmt(i.low, unit)
    hi = ("just under " if i.high_open else "") + fmt(i.high, unit)
    return f"{lo} to {hi}"


_WORDS = {1.0: "one", 2.0: "two", 3.0: "three", 4.0: "four", 5.0: "five", 6.0: "six",
          7.0: "seven", 8.0: "eight", 9.0: "nine", 10.0: "ten"}


def as_worded(row: pd.Series) -> str:
    """The claim stated as worded (our short restatement, not a quotation).

    >>> as_worded(claim_row("population_share")), as_worded(claim_row("accession_2017"))
    ('almost 44 per cent', '8–9 June 2017')
    >>> as_worded(claim_row("largest_organization")), as_worded(claim_row("nuclear_half"))
    ('the largest', 'half (50 per cent) of the states')
    >>> as_worded(claim_row("nuclear_powers"))
    'four states'
    """
    w, v, unit = row["wording"], row["value"], row["unit"]
    if w == "table":
        return "a table of figures"
    if w == "date":
        i = interval_of(row)
        a, b = to_date(i.low), to_date(i.high)
        return f"{a.day}–{b:%-d %B %Y}" if a.month == b.month else fmt_interval(i, "date")
    num = f"{float(v):g}"
    amount = f"{num} per cent" if unit == "%" else (f"{num} tons" if unit == "tonnes" else num)
    return {"exact": amount, "almost": f"almost {amount}", "about": f"about {amount}",
            "more_than": f"more than {amount}", "rank": "the largest" if float(v) == 1 else f"the {ordinal(float(v))} largest",
            "count": f"{_WORDS.get(float(v), num)} {unit}",
            "share_of_states": f"{'half' if float(v) == 50 else num} ({num} per cent) of the states",
            }[w]


def _table(r: pd.DataFrame, unit: str) -> str:
    out = ["| reading | role | value | verdict alone |", "|---|---|---|---|"]
    for _, x in r.iterrows():
        val = fmt_interval(reading_interval(x), unit)  # "—" for a reading without a value
        out.append(f"| {x['reading']} | {x['role']} | {val} | {x['verdict_alone'] or '—'} |")
    return "\n".join(out)


def evidence_markdown(ev: Evidence) -> str:
    """The Evidence as Markdown (notebooks show it this way)."""
    src = ", ".join(f"`data/{s}.csv`" for s in ev.sources)
    r = ev.readings
    note = ""
    if len(r) > 12:  # long grids: the eligible readings, and a count of the context ones
        note = (f"\n\nPlus {int((r.role == 'context').sum())} context readings (in `.readings`); "
                "they never count.")
        r = ev.eligible()
    table = ("\n\n" + _table(r, ev.unit) + note) if len(r) else ""
    now = ""
    if ev.now and not pd.isna(ev.now.get("value")):
        now = (f"\n\nThen and now (context, not a verdict): {ev.now['label']}: "
               f"{fmt(ev.now['value'], ev.unit)}.")
    interval = fmt_interval(ev.claim, ev.unit)
    worded = ev.as_worded if interval in ("—", ev.as_worded) else f"{ev.as_worded} ({interval})"
    return (f"**{ev.claim_id}**: {ev.paraphrase}\n\nClaim as worded: {worded} "
            f"· verdict: **{ev.verdict}**\n\n"
            f"{ev.margin_text}{table}\n\n{ev.explanation}{now}\n\nSources: {src}")
