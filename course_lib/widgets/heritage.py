"""Explorer of notebook 06: the World Heritage share under every reading.

Toggles choose the category counted, the denominator, the member set and how
transboundary properties count; a slider chooses the year of the List. The left panel
shows the properties of each state of the set by category (the categories the reading
does not count are greyed), the right panel the share against the article's 20 %.
The numbers come from :func:`course_lib.analysis.heritage.view` and
:func:`course_lib.analysis.heritage_counts.country_counts` (a precomputed incidence, a few
vectorised sums per update).

>>> ex = heritage_explorer()
>>> "%" in ex.update()
True
"""

from __future__ import annotations

import textwrap

from ..analysis import heritage, heritage_counts
from ..plotting import PALETTE, source_note

#: colours of the categories (Okabe-Ito): Cultural blue, Mixed bluish green, Natural orange
CATEGORY_COLORS = {"Cultural": PALETTE[0], "Mixed": PALETTE[2], "Natural": PALETTE[1]}
TARGET_COLOR = PALETTE[3]
NOT_COUNTED = "#DDDDDD"



def readout(s: heritage.HeritageView, target: float) -> str:
    """The sentence above the figure for one reading (HTML).

    >>> s = heritage.view(members="today's members", year=2021)
    >>> readout(s, 20.0).startswith(f"<b>{s.share:.1f} %</b> at the end of 2021")
    True
    """
    unit = "properties" if s.counting == "once" else "property-country entries"
    if s.category == "all":
        what = "properties of any category"
    elif s.category == "cultural":
        what = "Cultural properties"
    else:
        what = "Cultural and Mixed properties"
    den = ("the whole List" if s.denominator == "whole List"
           else "the same categories on the List")
    gap = s.share - target
    sign = "+" if gap >= 0 else "−"
    how = ("each property counted once" if s.counting == "once"
           else "a transboundary property counted once per State Party")
    return (
        f"<b>{s.share:.1f} %</b> at the end of {s.year}: {s.numerator_n:,} of "
        f"{s.denominator_n:,} {unit} ({what} of {s.members}, as a share of {den}; "
        f"{how}). Gap to the article's {target:g} %: <b>{sign}{abs(gap):.1f} points</b>."
    )


def heritage_explorer(width: float = 7.6, height: float = 4.4, *,
                      members: str = "2017 members", year: int | None = None):
    """Build the explorer: toggles for each choice and a year slider, starting at the
    member set ``members`` and the List at the end of ``year`` (default: the
    article's year).

    >>> ex = heritage_explorer()
    >>> ex.controls["members"].value = "today's members"
    >>> "today's members" in ex.readout.value
    True
    >>> heritage_explorer(year=2021).controls["year"].value
    2021
    """
    import ipywidgets as W
    from matplotlib.patches import Patch

    from . import explorer, freeze_static, new_figure

    from ..claims.core import article_value
    from ..validate import as_choice, as_year

    start_members = as_choice(members, heritage.MEMBER_SETS, "members")
    start_year = heritage.ARTICLE_YEAR if year is None else as_year(
        year, heritage.first_year(), heritage.latest_year())

    target = article_value(heritage.CLAIM_ID)
    heritage.incidence()  # precompute once, outside the updates
    n_slots = max(len(heritage.member_set(m)) for m in heritage.MEMBER_SETS)
    x_max = max(float(heritage_counts.country_counts(m, heritage.latest_year())["total"].max())
                for m in heritage.MEMBER_SETS)

    category = W.ToggleButtons(options=list(heritage.CATEGORIES), value="all",
                               description="Count", style={"button_width": "150px"})
    denominator = W.ToggleButtons(options=list(heritage.DENOMINATORS), value="whole List",
                                  description="Share of", style={"button_width": "110px"})
    members = W.Dropdown(options=list(heritage.MEMBER_SETS), value=start_members,
                         description="States", layout=W.Layout(width="420px"))
    counting = W.ToggleButtons(options=list(heritage.COUNTINGS), value="once",
                               description="Transboundary",
                               style={"button_width": "100px", "description_width": "initial"})
    year = W.IntSlider(value=start_year, min=heritage.first_year(),
                       max=heritage.latest_year(), step=1, description="List at end of",
                       style={"description_width": "initial"}, layout=W.Layout(width="380px"))

    fig, (ax, ax2) = new_figure(1, 2, width=width, height=height,
                                gridspec_kw={"width_ratios": [4, 1]})
    fig.set_layout_engine("none")
    ax.set_position([0.19, 0.17, 0.55, 0.72])
    ax2.set_position([0.83, 0.17, 0.14, 0.72])

    slots = list(range(n_slots))
    bars = {}
    left = [0] * n_slots
    for cat in heritage.CATEGORY_ORDER:
        bars[cat] = ax.barh(slots, [0] * n_slots, left=left, height=0.7,
                            color=CATEGORY_COLORS[cat], label=cat)
    ylabels = [ax.text(-0.015, i, "", va="center", ha="right", fontsize=8,
                       transform=ax.get_yaxis_transform()) for i in slots]
    ax.set_yticks([])
    ax.set_xlim(0, x_max * 1.05)
    ax.set_xlabel("properties on the List (transboundary: once per State Party)")
    ax.grid(axis="y", visible=False)
    ax.legend(handles=[Patch(color=CATEGORY_COLORS[c], label=c) for c in heritage.CATEGORY_ORDER]
              + [Patch(color=NOT_COUNTED, label="not counted")],
              loc="lower right", fontsize=7.5)
    ax.set_title("Properties per state of the chosen set", loc="left", fontsize=10,
                 fontweight="bold")
    year_text = ax2.text(0, 1.02, "", ha="center", va="bottom", fontsize=9,
                         fontweight="bold", transform=ax2.transAxes)

    share_bar = ax2.bar([0], [0], width=0.6, color=PALETTE[0])[0]
    share_text = ax2.text(0, 0, "", ha="center", va="bottom", fontsize=9, fontweight="bold")
    ax2.axhline(target, color=TARGET_COLOR, ls="--", lw=1.3)
    ax2.text(0, target + 0.4, f"article: {target:g} %", color=TARGET_COLOR, fontsize=7.5,
             va="bottom", ha="center")
    ax2.set_xlim(-0.6, 0.6)
    ax2.set_ylim(0, max(25.0, target * 1.25))
    ax2.set_xticks([0], ["share"])
    ax2.set_ylabel("share (%)")
    ax2.grid(axis="x", visible=False)
    source_note(ax, *heritage.SOURCES)
    note = fig.texts[-1]
    note.set_position((0.01, 0.01))
    note.set_va("bottom")
    note.set_wrap(False)
    note.set_text(textwrap.fill(note.get_text(), 150))
    note.set_fontsize(6.5)

    def update(category: str, denominator: str, members: str, counting: str,
               year: int) -> str:
        denominator_widget.disabled = category == "all"
        s = heritage.view(category=category, denominator=denominator, members=members,
                          counting=counting, year=year)
        counts = heritage_counts.country_counts(members, year)
        counted = heritage.CATEGORIES[category]
        n = len(counts)
        lefts = [0.0] * n
        for cat in heritage.CATEGORY_ORDER:
            values = counts[cat].to_numpy()
            color = CATEGORY_COLORS[cat] if cat in counted else NOT_COUNTED
            for i, rect in enumerate(bars[cat]):
                if i < n:
                    rect.set_width(float(values[i]))
                    rect.set_x(lefts[i])
                    rect.set_facecolor(color)
                    rect.set_visible(True)
                    lefts[i] += float(values[i])
                else:
                    rect.set_visible(False)
        # one label per row, name and total together (each text costs a few ms to draw)
        for i, t in enumerate(ylabels):
            t.set_text(f"{counts['country'].iloc[i]} ({int(lefts[i])})" if i < n else "")
        ax.set_ylim(n - 0.5, -0.6)
        year_text.set_text(f"end of {year}")
        share_bar.set_height(s.share)
        share_text.set_position((0, s.share + 0.3))
        share_text.set_text(f"{s.share:.1f} %")
        note_text = ""
        if category == "all" and denominator == "cultural part":
            note_text = (" <i>(With all categories counted, the share is of the whole "
                         "List.)</i>")
        return readout(s, target) + note_text

    denominator_widget = denominator
    dynamic = [*[r for cat in heritage.CATEGORY_ORDER for r in bars[cat]], *ylabels,
               year_text, share_bar, share_text]
    controls = {"category": category, "denominator": denominator, "members": members,
                "counting": counting, "year": year}
    # the first state's texts in place, so that the layout (fixed by freeze_static)
    # makes room for them; the explorer then draws its first frame once
    update(**{k: w.value for k, w in controls.items()})
    freeze_static(fig, dynamic)
    return explorer(
        controls, update, fig,
        title="The SCO states' share of the World Heritage List, reading by reading",
        description="Pick what counts, the denominator, the states and how shared "
        "(transboundary) properties count; move the year of the List.",
    )
