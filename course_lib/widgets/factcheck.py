"""Widgets of the capstone (notebook 07): the definitions explorer and the verdict form."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..claims import claims, evaluate, fmt, fmt_distance, fmt_interval, verdict_by_reading
from ..claims.core import Interval, to_date, year_fraction
from ..plotting import GREY, PALETTE
from ..rendering import text_width
from . import Explorer, explorer, freeze_per_key, layout_once, new_figure

VERDICT_CHOICES = ("undecided", "supported", "partly supported", "not supported",
                   "not checkable")


def reading_tables() -> dict[str, pd.DataFrame]:
    """claim_id -> its readings with role and lone verdict, for every claim the rule can
    judge (claims open data cannot check are left out)."""
    return {cid: verdict_by_reading(cid) for cid in claims().claim_id
            if evaluate(cid).verdict != "not checkable"}


def describe_reading(table: pd.DataFrame, reading: str, claim: Interval | None, unit: str) -> str:
    """One sentence on what a reading gives and what it does to the verdict.

    >>> t = pd.DataFrame({"reading": ["a", "b"], "role": ["eligible", "context"],
    ...                   "low": [42.0, 45.7], "high": [42.0, 45.7], "distance": [1.0, 1.7],
    ...                   "verdict_alone": ["partly supported", ""]})
    >>> c = Interval(43, 44, high_open=True)
    >>> describe_reading(t, "a", c, "%")
    "Under 'a' (eligible) the data give 42.00 %, 1.00 points outside the claim (43.00 % to just under 44.00 %): alone it would make the claim <b>partly supported</b>."
    >>> describe_reading(t, "b", c, "%")[:60]
    "'b' gives 45.70 %. It is context: not a reading of the artic"
    """
    row = table[table.reading == reading]
    if row.empty or claim is None:
        return "This claim has no reading that open data can compute."
    r = row.iloc[0]
    if pd.isna(r["low"]):
        return f"Under '{reading}' the data give no value."
    shown = fmt_interval(Interval(r["low"], r["high"]), unit)
    if r["role"] == "context":
        return (f"'{reading}' gives {shown}. It is context: not a reading of the article's "
                "words and date, so it never changes the verdict.")
    where = ("inside the claim" if r["distance"] == 0 and r["verdict_alone"] == "supported"
             else f"{fmt_distance(r['distance'], unit)} outside the claim")
    return (f"Under '{reading}' ({r['role']}) the data give {shown}, {where} "
            f"({fmt_interval(claim, unit)}): alone it would make the claim "
            f"<b>{r['verdict_alone']}</b>.")


def _tick(x: float, unit: str) -> str:
    """A short tick label in the claim's unit.

    >>> _tick(42.5, "%"), _tick(2, "rank"), _tick(2017.4356, "date")
    ('42.5 %', '2nd', '9 Jun')
    """
    if unit == "%":
        return f"{x:g} %"
    if unit == "date":
        return f"{to_date(x):%-d %b}"
    return fmt(x, unit).replace(" states", "")


def _short(label: str, width: int = 40) -> str:
    """A tick label of at most ``width`` characters (the dropdown shows the full one).

    >>> _short("a" * 50)[-3:]
    'aa…'
    """
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def definitions_explorer() -> Explorer:
    """Pick a claim and one of its readings; see the reading on the claim's own scale
    against the claim's interval, and the verdict it alone would give."""
    import ipywidgets as W
    from matplotlib.ticker import FuncFormatter

    readings = reading_tables()
    intervals = {cid: evaluate(cid).claim for cid in readings}
    units = claims().set_index("claim_id")["unit"].to_dict()
    ids = list(readings)
    claim_w = W.Dropdown(options=ids, value=ids[0], description="claim")
    reading_w = W.Dropdown(options=list(readings[ids[0]].reading), description="reading",
                           layout=W.Layout(width="100%"))  # own line: readings are long
    fig, ax = new_figure(width=7.5, height=3.4)

    def sync(change: Any) -> None:  # new claim -> its readings
        reading_w.options = list(readings[change["new"]].reading)

    claim_w.observe(sync, names="value")

    max_labels = 12
    limits: dict[str, tuple] = {}
    shown = {}
    day = 1 / 365
    spans = dict(intervals)  # what is shaded: a date claim covers its whole last day
    for cid, t in readings.items():
        t = t.dropna(subset=["low"]).copy()
        t["x"] = (t["low"] + t["high"]) / 2
        if units[cid] == "date":  # a date fills its whole day: draw it at midday
            t["x"] += day / 2
            spans[cid] = Interval(intervals[cid].low, intervals[cid].high + day)
        shown[cid] = t.sort_values(["x", "reading"]).reset_index(drop=True)

    def draw_claim(claim: str) -> None:
        """Put the axes in this claim's state: interval, bars, limits, labels, title."""
        rows, c, unit = shown[claim], spans[claim], units[claim]
        for a in [*ax.lines, *ax.patches]:
            a.remove()
        xs = [c.low, c.high, *rows.low, *rows.high]
        lo, hi = min(xs), max(xs)
        pad = 0.06 * (hi - lo) if hi > lo else 1.0
        if unit == "date":
            pad = day
        span = max(c.high - c.low, 0.006 * (hi - lo + 2 * pad))
        mid = (c.low + c.high) / 2
        ax.axvspan(mid - span / 2, mid + span / 2, color="#F0C987", alpha=0.55, zorder=0)
        for i, r in rows.iterrows():  # evidence intervals as bars
            if r["high"] > r["low"]:
                ax.plot([r["low"], r["high"]], [i, i], "-", lw=2, color=GREY, zorder=1)
        ax.set_ylim(-0.7, len(rows) - 0.3)
        ax.set_xlim(lo - pad, hi + pad)
        if unit == "date":
            from matplotlib.ticker import FixedLocator

            first = to_date(lo - pad)
            ax.xaxis.set_major_locator(FixedLocator([
                year_fraction(first + pd.Timedelta(days=k)) + day / 2 for k in range(6)]))
            ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _tick(x - day / 2, unit)))
        else:
            from matplotlib.ticker import AutoLocator

            ax.xaxis.set_major_locator(AutoLocator())
            ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _tick(x, unit)))
        if len(rows) <= max_labels:
            ax.set_yticks(range(len(rows)), [_short(r) for r in rows.reading], fontsize=8)
            ax.set_ylabel("")
        else:
            ax.set_yticks([])
            ax.set_ylabel(f"{len(rows)} readings, sorted by value")
        ax.set_xlabel("shaded: the claim as worded · hollow: context only", fontsize=8)
        ax.set_title(f"{claim}: readings against the claim", loc="left",
                     fontweight="bold", fontsize=10)
        limits[claim] = (ax.get_xlim(), ax.get_ylim())

    widest = max(shown, key=lambda c: max((text_width(_short(r), 8) for r in shown[c].reading),
                                          default=0) if len(shown[c]) <= max_labels else 0)
    draw_claim(widest)
    marks = ax.scatter([], [], s=36, color=GREY, zorder=3)
    layout_once(fig)  # constrained layout places the axes for the widest labels ...
    box = ax.get_position()  # ... then a fixed margin at the right for the last tick label
    ax.set_position([box.x0, box.y0, box.width - 0.03, box.height])
    backgrounds = freeze_per_key(fig, ax, [marks],
                                 {c: (lambda c=c: draw_claim(c)) for c in shown})
    background = fig.figimage(backgrounds[ids[0]], origin="upper", zorder=-1)
    state: dict[str, Any] = {"claim": None, "rows": None}

    def update(claim: str, reading: str) -> str:
        t = readings[claim]
        if reading not in set(t.reading):
            reading = t.reading.iloc[0]
        if state["claim"] != claim:
            rows = shown[claim]
            background.set_data(backgrounds[claim])
            ax.set_xlim(*limits[claim][0])
            ax.set_ylim(*limits[claim][1])
            marks.set_offsets(list(zip(rows.x, range(len(rows)))))
            state["claim"], state["rows"] = claim, rows
        rows = state["rows"]
        base = ["#333333" if role != "context" else GREY for role in rows.role]
        marks.set_facecolor([PALETTE[3] if r == reading else (b if role != "context" else "none")
                             for r, b, role in zip(rows.reading, base, rows.role)])
        marks.set_edgecolor([PALETTE[3] if r == reading else b for r, b in zip(rows.reading, base)])
        marks.set_sizes([90 if r == reading else 36 for r in rows.reading])
        return describe_reading(t, reading, intervals[claim], units[claim])

    return explorer({"claim": claim_w, "reading": reading_w}, update, fig,
                    title="How the reading changes the verdict",
                    description="Choose a claim, then a reading.")


class VerdictForm:
    """A small form: for each claim a verdict dropdown and a reasoning box.

    ``.verdicts()`` returns ``{claim_id: {"verdict": ..., "reasoning": ...}}`` for the
    claims you decided (undecided ones are left out), ready for ``write_report``.
    """

    def __init__(self, claim_ids: list[str] | None = None) -> None:
        import ipywidgets as W

        ids = claim_ids or list(claims().claim_id)
        self.rows: dict[str, tuple[Any, Any]] = {}
        boxes = []
        for cid in ids:
            dd = W.Dropdown(options=VERDICT_CHOICES, value="undecided", description=cid,
                            style={"description_width": "11em"}, layout=W.Layout(width="26em"))
            ta = W.Textarea(placeholder="why, in one or two sentences",
                            layout=W.Layout(width="30em", height="2.6em"))
            self.rows[cid] = (dd, ta)
            boxes.append(W.HBox([dd, ta]))
        self.widget = W.VBox(boxes)

    def verdicts(self) -> dict[str, dict[str, str]]:
        return {cid: {"verdict": dd.value, "reasoning": ta.value}
                for cid, (dd, ta) in self.rows.items() if dd.value != "undecided"}

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def verdict_form(claim_ids: list[str] | None = None) -> VerdictForm:
    """Build the verdict form (display it by leaving it last in a cell)."""
    return VerdictForm(claim_ids)
