"""The report's figure: each claim's interval, from its wording, against its evidence.

>>> from course_lib.report import fact_check_table
>>> fig = claims_figure(fact_check_table(progress=False))
>>> len(fig.axes) >= 5
True
>>> claims_png(fact_check_table(progress=False))[:4]
b'\\x89PNG'
"""

from __future__ import annotations

from typing import Any, Mapping

import pandas as pd

from .cache import data_cached


def _ticks(ax, unit: str) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    from .claims import fmt
    from .claims.core import to_date, year_fraction
    from .claims.display import ordinal

    if unit == "date":  # one tick in the middle of each whole day
        from matplotlib.ticker import FixedLocator

        lo, hi = ax.get_xlim()
        day = 1 / 365
        first = to_date(lo)
        ticks = [x + day / 2 for x in
                 [year_fraction(first + pd.Timedelta(days=k)) for k in range(0, 40)] if x < hi]
        ax.xaxis.set_major_locator(FixedLocator(ticks))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{to_date(x - day / 2):%-d %b %Y}"))
    elif unit in ("rank", "states"):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(
            lambda x, _: ordinal(x) if unit == "rank" else f"{x:.0f}"))
    elif unit == "%":
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:g} %"))
    else:
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: fmt(x, unit)))


def claims_figure(table: pd.DataFrame, evidence: Mapping[str, Any] | None = None):
    """One panel per checkable claim, each in its own unit: the claim's interval from
    its wording (shaded), the primary reading (blue), the other eligible readings (dark
    grey) and context readings (hollow, lower row; they never count). A reading whose
    evidence is an interval is drawn as a bar. Claims open data cannot check are listed
    under the panels. Returns a Figure (no pyplot).

    ``evidence`` maps claim ids to their Evidence (default: evaluated now).
    """
    from .claims import evaluate
    from .plotting import GREY, PALETTE, figure

    t = table.reset_index(drop=True)
    ok = t[t.verdict != "not checkable"]
    not_ok = t[t.verdict == "not checkable"]
    n = max(len(ok), 1)
    # Fixed margins in inches (no layout engine: the figure is laid out once, not at
    # every drawing): 0.75 above the panels (the titles), 0.85 below (the notes), and
    # 0.5 between two panels for the upper one's tick labels and the lower one's title.
    height, top, bottom, gap = 1.05 * n + 1.3, 0.75, 0.85, 0.5
    panel = (height - top - bottom - (n - 1) * gap) / n
    fig, axes = figure(n, 1, pyplot=False, figsize=(8, height), dpi=100, squeeze=False,
                       gridspec_kw=dict(left=0.065, right=0.985, top=1 - top / height,
                                        bottom=bottom / height, hspace=gap / panel))
    for ax, (_, r) in zip(axes[:, 0], ok.iterrows()):
        ev = (evidence or {}).get(r.claim_id) or evaluate(r.claim_id)
        c = ev.claim
        half_day = 0.5 / 365 if r.unit == "date" else 0.0  # a date fills its whole day
        if half_day:
            c = type(c)(c.low, c.high + 2 * half_day)
        xs = [c.low, c.high]
        for _, x in ev.readings.iterrows():
            if pd.isna(x["low"]):
                continue
            y = {"primary": 0.35, "eligible": 0.35, "context": -0.45}[x["role"]]
            style = {"primary": dict(color=PALETTE[0], ms=9, zorder=4),
                     "eligible": dict(color="#444444", ms=6, zorder=3),
                     "context": dict(color=GREY, ms=5, zorder=2, mfc="none")}[x["role"]]
            if x["high"] > x["low"]:
                ax.plot([x["low"] + half_day, x["high"] + half_day], [y, y], "-", lw=3 if x["role"] != "context" else 1.5,
                        color=style["color"], zorder=style["zorder"], solid_capstyle="butt")
            else:
                ax.plot([x["low"] + half_day], [y], "o", **style)
            xs += [x["low"], x["high"] + 2 * half_day]
        lo, hi = min(xs), max(xs)
        pad = 0.08 * (hi - lo) if hi > lo else 1.0
        if half_day:
            pad = 2 * half_day
        width = max(c.high - c.low, 0.006 * (hi - lo + 2 * pad))
        mid = (c.low + c.high) / 2
        ax.axvspan(mid - width / 2, mid + width / 2, color="#F0C987", alpha=0.55, zorder=0)
        ax.set_xlim(lo - pad, hi + pad)
        ax.set_ylim(-0.9, 0.8)
        ax.set_yticks([0.35, -0.45], ["eligible", "context"], fontsize=7)
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="x", labelsize=8)
        _ticks(ax, r.unit)
        ax.set_title(f"{r.claim_id}: {r.as_worded} · verdict: {r.verdict}", loc="left",
                     fontsize=8.5, fontweight="bold", pad=2)
    fig.suptitle("Each claim's interval against its evidence", x=0.01, y=1 - 0.08 / height,
                 ha="left", fontweight="bold", fontsize=12)
    fig.text(0.01, 1 - 0.36 / height, "shaded: the claim as worded · blue: literal (primary) reading · dark: "
             "other eligible readings · hollow: context (never counts) · bars: evidence intervals",
             fontsize=7.5, va="top")
    foot = ("Source: the course's data/ (see each claim's sources); intervals and verdicts by "
            "course_lib.claims.")
    if len(not_ok):
        foot = "Not checkable with open data: " + ", ".join(not_ok.claim_id) + ".\n" + foot
    fig.text(0.01, 0.08 / height, foot, fontsize=7.5, color="#444444", va="bottom")
    return fig


#: The columns of the table that :func:`claims_figure` reads.
FIGURE_COLUMNS = ["claim_id", "verdict", "as_worded", "unit"]


def claims_png(table: pd.DataFrame) -> bytes:
    """:func:`claims_figure` of ``table`` (with each claim's evidence evaluated now) as
    PNG bytes, drawn once per state of the data and content of the table: the notebook
    shows it and :func:`course_lib.report.write_report` writes the same picture."""
    return _claims_png(tuple(map(tuple, table[FIGURE_COLUMNS].astype(str).to_numpy())))


@data_cached
def _claims_png(rows: tuple[tuple[str, ...], ...]) -> bytes:
    from .plotting import render_png

    return render_png(claims_figure(pd.DataFrame(list(rows), columns=FIGURE_COLUMNS)))
