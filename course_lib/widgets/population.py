"""Explorer of notebook 02: the SCO's share of world population for a member set
and a year. The computing is :func:`course_lib.analysis.population.view`; this
module only draws (one bar chart, laid out once; the notebook's static line figure
shows the same shares over time).
"""

from __future__ import annotations

from ..analysis import population
from ..plotting import GREY, PALETTE, source_line

LINE_COLORS = dict(zip(population.MEMBER_SETS, (PALETTE[0], PALETTE[1], PALETTE[2])))
XMAX_SHARE = 25.0  # per cent: the largest single country (China) stays below this
MAX_BARS = 12      # the largest group (Oct 2017 members + observers) has 12 states


def readout(v: population.PopulationView, claimed: float) -> str:
    """The sentence above the figure for one view (HTML).

    >>> v = population.view(members="2017 members + observers", year=2020)
    >>> "12 states" in readout(v, 50)
    True
    >>> "did not exist" in readout(population.view(members="members of each year", year=1995), 50)
    True
    """
    label = population.MEMBER_SETS.get(v.members, "the chosen states") \
        if isinstance(v.members, str) else "the chosen states"
    if v.n_states == 0:
        return (f"In {v.year} the SCO did not exist yet, so '{label}' gives no member "
                "and no share (it was founded in June 2001).")
    top = v.countries.head(2)
    biggest = "; ".join(f"{r.country} {r.share:.1f} %" for r in top.itertuples())
    return (f"<b>{v.share:.1f} %</b> of the world's population in {v.year} lived in the "
            f"{v.n_states} states counted ({label}); the article says almost "
            f"{claimed:g} %. Largest: {biggest}.")


def share_explorer(width: float = 6.5, height: float = 3.6):
    """Build the explorer (dropdown: member set; slider: year).

    >>> ex = share_explorer()
    >>> ex.controls["members"].value = "2017 members + observers"
    >>> "observers" in ex.readout.value
    True
    """
    import ipywidgets as W

    from . import explorer, freeze_static, layout_once, new_figure

    from ..claims.core import article_value

    claimed = article_value("population_share")
    years = population.pivot("population")["WLD"].dropna().index
    first, last = int(years.min()), int(years.max())

    members = W.Dropdown(
        options=[(label, key) for key, label in population.MEMBER_SETS.items()],
        value="2017 members", description="Who counts", layout=W.Layout(width="430px"))
    year = W.IntSlider(value=2017, min=first, max=last, step=1, description="Year",
                       continuous_update=False, layout=W.Layout(width="340px"))

    fig, ax = new_figure(width=width, height=height)
    ax.set_xlim(0, XMAX_SHARE)
    ax.set_ylim(-0.6, MAX_BARS - 0.4)
    ax.set_xticks([0, 5, 10, 15, 20, 25])
    ax.set_yticks(range(MAX_BARS), ["XXX"] * MAX_BARS)
    ax.tick_params(axis="y", labelsize=8, length=0)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("% of world population")
    ax.set_ylabel("country (ISO3)")
    title = ax.set_title("Share 00.0 % of world population in 0000", fontsize=10, loc="left")
    source_line(fig, "Source: World Bank WDI; data/sco_membership.csv")
    bars = ax.barh(range(MAX_BARS), [0] * MAX_BARS, color=PALETTE[0])
    empty = ax.text(0.5, 0.5, "", ha="center", va="center", transform=ax.transAxes,
                    color=GREY, fontsize=12)
    layout_once(fig)  # lay out once, then freeze: redraws skip the layout pass
    box = ax.get_position()  # a little more room at the left for the y label
    ax.set_position([box.x0 + 0.015, box.y0, box.width - 0.015, box.height])
    # the x axis, the grid, the source line and the frame never change: drawn once
    freeze_static(fig, [*bars, title, empty], live_axes=(ax.yaxis,))

    def update(members: str, year: int) -> str:
        v = population.view(members=members, year=year)
        c = v.countries.iloc[::-1]
        n = len(c)
        color = LINE_COLORS[members]
        for i, bar in enumerate(bars):
            bar.set_width(float(c["share"].iloc[i]) if i < n else 0.0)
            bar.set_color(color)
        ax.set_yticks(range(MAX_BARS), list(c["iso3"]) + [""] * (MAX_BARS - n))
        if n:
            title.set_text(f"{v.share:.1f} % of world population in {year}")
            empty.set_text("")
        else:
            title.set_text(f"No SCO in {year}")
            empty.set_text("no SCO yet (founded 2001)")
        return readout(v, claimed)

    return explorer({"members": members, "year": year}, update, fig,
                    title="Who counts as the SCO, and when?",
                    description="Pick who counts and a year: the share of the world's "
                                "population and the countries behind it change. Source: World "
                                "Bank WDI (data/wb_indicators.csv), SCO membership "
                                "(data/sco_membership.csv).")
