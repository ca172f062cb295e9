"""Explorer of notebook 03: organised-violence deaths in SCO member states.

Choose countries, a type of violence and counts or rates; the figure shows one line per
country and a thick line for the countries taken together, with 2011-2015 shaded; the
readout compares the 2011-2015 total with 2006-2010. Called without arguments it starts
with the members of October 2017; notebook 03 starts it with the members of the time
(see :func:`violence_explorer`). The numbers come from
:func:`course_lib.analysis.violence.view` (precomputed pivots, no reloading); the
readout sentence is :func:`readout`.

>>> ex = violence_explorer()
>>> ex.update().startswith("8 countries together")
True
"""

from __future__ import annotations

import textwrap
from typing import Iterable

from ..plotting import GREY, PALETTE, source_note
from . import Explorer, explorer, freeze_static, new_figure

LINESTYLES = ("-", "--")
#: Line colours: the house palette without its yellow, too pale for thin lines on white.
LINE_COLORS = tuple(c for c in PALETTE if c != "#F0E442")


def country_styles(codes: Iterable[str]) -> dict[str, dict[str, str]]:
    """Colour and line style per country, the same in the explorer and the static figure.

    >>> country_styles(["CHN", "IND"])["IND"]["color"] == LINE_COLORS[1]
    True
    """
    return {
        c: {"color": LINE_COLORS[i % len(LINE_COLORS)],
            "ls": LINESTYLES[(i // len(LINE_COLORS)) % len(LINESTYLES)]}
        for i, c in enumerate(codes)
    }


def _fixed_layout(fig, ax) -> None:
    """Fixed margins instead of constrained layout (a third faster to render), and a
    source line *inside* the figure, so that the explorer's PNG shows it.

    ``plotting.source_note`` writes just below the figure (for ``savefig`` with
    ``bbox_inches="tight"``); the explorer renders the canvas as it is, so the line is
    moved up into the strip kept free at the bottom.
    """
    fig.set_layout_engine("none")
    ax.set_position([0.1, 0.2, 0.88, 0.71])
    source_note(ax, "ucdp_deaths", extra="Population: World Bank (data/wb_indicators.csv)")
    note = fig.texts[-1]
    note.set_y(0.012)
    note.set_va("bottom")
    note.set_wrap(False)  # wrapped once here, not at every draw
    note.set_text(textwrap.fill(note.get_text(), 150))


def readout(v) -> str:
    """One sentence comparing 2011-2015 with 2006-2010 for a
    :class:`course_lib.analysis.violence.ViolenceView`.

    >>> from course_lib.analysis import violence as V
    >>> readout(V.view(members=["KGZ", "KAZ"], measure="per_million")).startswith("Kazakhstan and Kyrgyzstan")
    True
    """
    from ..analysis.violence import TYPES

    labels = list(v.names)
    who = labels[0] if len(labels) == 1 else (
        ", ".join(labels[:-1]) + " and " + labels[-1] if len(labels) <= 3
        else f"{len(labels)} countries together")
    if v.measure == "per_million":
        unit = "deaths per million people (period total / average population)"
        fmt = "{:,.1f}"
    else:
        unit = "deaths"
        fmt = "{:,.0f}"
    if v.before > 0:
        change = f"{v.now / v.before:.2f} times the 2006–2010 level ({fmt.format(v.before)})"
    else:
        change = "no deaths recorded in 2006–2010, so no ratio"
    return (f"{who}, {TYPES[v.type_of_violence]}: 2011–2015 total {fmt.format(v.now)} {unit}, "
            f"{change}.")


def _key(lines) -> str:
    """A colour key in HTML (cheaper than a legend drawn into every PNG)."""
    dash = {"-": "solid", "--": "dashed"}
    parts = [
        f"<span style='white-space:nowrap'><span style='display:inline-block;width:1.6em;"
        f"border-top:{3 if ln.get_linewidth() > 2 else 2}px {dash.get(ln.get_linestyle(), 'solid')} "
        f"{ln.get_color()};vertical-align:middle'></span> {ln.get_label()}</span>"
        for ln in lines
    ]
    return "<small>Key: " + " &nbsp; ".join(parts) + "</small>"


def violence_explorer(selected: Iterable[str] | None = None) -> Explorer:
    """Build the explorer (countries, type of violence, counts or per million).

    Parameters
    ----------
    selected : ISO3 codes, optional
        Countries ticked at the start. Default: the members in October 2017 (the set
        ``"2017 members"``). Notebook 03 passes the members of the time instead: the
        states that were members throughout its later period (2011-2015 unless its
        parameters change it). The list offers these and today's members (those that
        joined after October 2017 are marked "joined later").
    """
    import ipywidgets as W

    from .. import sco
    from ..analysis import sco_record
    from ..analysis import violence as V

    today = sco.member_set("today's members")
    at_article = sco.member_set("2017 members")
    default = list(selected) if selected is not None else at_article
    names = V.country_names()
    codes = sorted(set(today) | set(default), key=lambda c: names.get(c, c))
    V.check_iso3s(codes)
    options = [(names[c] + ("" if c in at_article else " (joined later)"), c)
               for c in codes]
    countries = W.SelectMultiple(
        options=options, value=tuple(c for c in codes if c in default), rows=min(len(codes), 10),
        description="Countries", layout=W.Layout(width="17em"),
        style={"description_width": "initial"},
    )
    kind = W.Dropdown(options=[(label, key) for key, label in V.TYPES.items()], value="all",
                      description="Violence", layout=W.Layout(width="27em"))
    measure = W.ToggleButtons(options=[("Deaths", "count"), ("Per million people", "per_million")],
                              value="count", description="Show")

    fig, ax = new_figure(width=7.5, height=4.2)
    ax.axvspan(sco_record.RATS_FIRST - 0.5, sco_record.RATS_LAST + 0.5, color="#E6E6E6", zorder=0, lw=0)
    ax.axvspan(V.CANDIDATE_YEARS[0] - 0.5, V.CANDIDATE_YEARS[-1] + 0.5, facecolor="none",
               edgecolor=GREY, hatch="///", zorder=0, lw=0)
    lines = {}
    for code, st in country_styles(codes).items():
        (lines[code],) = ax.plot([], [], lw=1.4, label=names[code], **st)
    (together,) = ax.plot([], [], lw=2.6, color="black", label="selected together")
    ax.set_xlim(1988.5, 2022.5)
    ax.text(sco_record.RATS_FIRST - 0.3, 0.98, "RATS table", transform=ax.get_xaxis_transform(),
            fontsize=7.5, va="top", color="#444444")
    ax.text(V.CANDIDATE_YEARS[0] - 0.4, 0.98, "unverified", transform=ax.get_xaxis_transform(),
            fontsize=7, va="top", ha="right", color="#444444")
    ax.set_xlabel("year")
    title = ax.set_title(" ", loc="left")
    _fixed_layout(fig, ax)
    # shading, notes, x-axis and source line go into a background image drawn once;
    # the lines, the title and the y-axis (its scale follows the data) stay live
    freeze_static(fig, [*lines.values(), together, title], live_axes=(ax.yaxis,))

    def update(countries: tuple, kind: str, measure: str) -> str:
        chosen = list(countries)
        if not chosen:
            for ln in [*lines.values(), together]:
                ln.set_data([], [])
            leg = ax.get_legend()
            if leg is not None:
                leg.remove()
            return ("Choose at least one country (Ctrl/Cmd-click to select several; by keyboard, "
                    "Ctrl+arrow keys to move and Ctrl+Space to add or remove).")
        view = V.view(members=chosen, type_of_violence=kind, measure=measure)
        series = view.countries
        years = series.index.to_numpy()
        shown = []
        for code, ln in lines.items():
            if code in chosen:
                ln.set_data(years, series[code].to_numpy())
                ln.set_visible(True)
                shown.append(ln)
            else:
                ln.set_visible(False)
        together.set_visible(len(chosen) > 1)
        together.set_data(years, view.group.to_numpy())
        if len(chosen) > 1:
            shown.append(together)
        top = float(max(series.max().max(), view.group.max() if len(chosen) > 1 else 0))
        ax.set_ylim(0, top * 1.08 if top > 0 else 1)
        unit = V.MEASURES[measure]
        ax.set_ylabel(unit)
        title.set_text(f"{V.TYPES[kind].capitalize()}: {unit}, 1989–2022")
        return readout(view) + "<br>" + _key(shown)

    return explorer({"countries": countries, "kind": kind, "measure": measure}, update, fig,
                    title="Organised-violence deaths in SCO member states",
                    description="Pick countries (Ctrl/Cmd-click for several; by keyboard, Ctrl+arrow "
                                "keys then Ctrl+Space), a type of violence, and counts or "
                                "rates per million people.")
