"""Widgets of the capstone (notebook 07): the definitions explorer and the verdict form."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ..claims import claims, verdict_by_reading
from ..plotting import GREY, PALETTE
from . import Explorer, explorer, freeze_per_key, new_figure, render_png

VERDICT_CHOICES = ("undecided", "supported", "partly supported", "not supported",
                   "not checkable")


def reading_tables() -> dict[str, pd.DataFrame]:
    """claim_id -> its readings with the verdict each would give (computed once)."""
    return {cid: verdict_by_reading(cid) for cid in claims().claim_id}


def describe_reading(table: pd.DataFrame, reading: str, article: float | None, unit: str) -> str:
    """One sentence on what a reading gives and the verdict it alone would give.

    >>> t = pd.DataFrame({"reading": ["a"], "definition": ["d"], "value": [42.0],
    ...                   "pct_of_article": [95.5], "verdict_if_primary": ["supported"]})
    >>> describe_reading(t, "a", 44.0, "%")
    "Under 'a' the data give 42 % (95.5 % of the article's 44 %): on this reading alone the claim is <b>supported</b>."
    """
    row = table[table.reading == reading]
    if row.empty or article is None:
        return "This claim has no reading that open data can compute."
    r = row.iloc[0]
    if math.isnan(r["value"]):
        return f"Under '{reading}' the data give no value: <b>not checkable</b>."
    return (f"Under '{reading}' the data give {r['value']:,.4g} {unit} "
            f"({r['pct_of_article']:.1f} % of the article's {article:,.4g} {unit}): on this "
            f"reading alone the claim is <b>{r['verdict_if_primary']}</b>.")


def _short(label: str, width: int = 40) -> str:
    """A tick label of at most ``width`` characters (the dropdown shows the full one).

    >>> _short("a" * 50)[-3:]
    'aa…'
    """
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def definitions_explorer() -> Explorer:
    """Pick a claim and one of its readings; see the value, the % of the article's
    number and the verdict that reading alone would give."""
    import ipywidgets as W

    table = claims().set_index("claim_id")
    # only claims with at least one reading that can be set against the article's number
    # (rats_2011_2015 has values but no article figure to compare them with)
    readings = {cid: t for cid, t in reading_tables().items()
                if t["pct_of_article"].notna().any()}
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
    shown = {cid: t.dropna(subset=["pct_of_article"]).sort_values("pct_of_article")
             for cid, t in readings.items()}

    def draw_claim(claim: str) -> None:
        """Put the axes in this claim's state: band, limits, labels, title."""
        rows = shown[claim]
        for a in [*ax.lines, *ax.patches]:
            a.remove()
        ax.axvspan(95, 105, color="#DDDDDD", zorder=0)
        ax.axvline(100, color="#555555", linewidth=1)
        ax.set_ylim(-0.7, len(rows) - 0.3)
        lo, hi = min(float(rows.pct_of_article.min()), 90), max(float(rows.pct_of_article.max()), 110)
        pad = 0.04 * (hi - lo)  # room for the markers at both ends
        ax.set_xlim(lo - pad, hi + pad)
        if len(rows) <= max_labels:
            ax.set_yticks(range(len(rows)), [_short(r) for r in rows.reading], fontsize=8)
            ax.set_ylabel("")
        else:
            ax.set_yticks([])
            ax.set_ylabel(f"{len(rows)} readings, sorted by value")
        ax.set_xlabel("value as % of the article's number (grey band: within 5 %)")
        ax.set_title(f"{claim}: every reading against the article", loc="left",
                     fontweight="bold", fontsize=10)
        limits[claim] = (ax.get_xlim(), ax.get_ylim())  # what its background is drawn with

    # Lay out once, with room for the longest labels of any claim, then fix the layout.
    # Each claim's axes (band, ticks, labels, title) are drawn once into a background
    # image; an update draws only the points on top of it (text costs most to draw).
    widest = max(shown, key=lambda c: max((len(_short(r)) for r in shown[c].reading), default=0)
                 if len(shown[c]) <= max_labels else 0)
    draw_claim(widest)
    marks = ax.scatter([], [], s=36, color=GREY, zorder=3)
    render_png(fig)  # constrained layout places the axes for the widest labels ...
    fig.set_layout_engine("none")
    box = ax.get_position()  # ... then a fixed margin at the right for the last tick label
    ax.set_position([box.x0, box.y0, box.width - 0.03, box.height])
    backgrounds = freeze_per_key(fig, ax, [marks],
                                 {c: (lambda c=c: draw_claim(c)) for c in shown})
    background = fig.figimage(backgrounds[ids[0]], origin="upper", zorder=-1)
    state: dict[str, Any] = {"claim": None, "order": []}

    def update(claim: str, reading: str) -> str:
        t = readings[claim]
        if reading not in set(t.reading):
            reading = t.reading.iloc[0]
        if state["claim"] != claim:
            rows = shown[claim]
            background.set_data(backgrounds[claim])
            ax.set_xlim(*limits[claim][0])
            ax.set_ylim(*limits[claim][1])
            marks.set_offsets(list(zip(rows.pct_of_article, range(len(rows)))))
            state["claim"], state["order"] = claim, list(rows.reading)
        marks.set_color([PALETTE[3] if r == reading else GREY for r in state["order"]])
        marks.set_sizes([90 if r == reading else 36 for r in state["order"]])
        article = table.loc[claim, "value"]
        unit = str(table.loc[claim, "unit"])
        return describe_reading(t, reading, None if pd.isna(article) else float(article), unit)

    return explorer({"claim": claim_w, "reading": reading_w}, update, fig,
                    title="How the definition changes the verdict",
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
