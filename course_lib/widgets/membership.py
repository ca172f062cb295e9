"""Explorer of notebook 01: SCO statuses on a chosen date, as a map, counts and lists.

The computing is :func:`course_lib.analysis.membership.snapshot`; this module draws.
The map is drawn **once** (one patch collection); an update only sets its face colours.
"""

from __future__ import annotations

from ..analysis import membership
from ..cache import data_cached
from ..plotting import STATUS_COLORS, source_line

EXTENT = (-20.0, 150.0, -5.0, 82.0)  # Europe, Africa's north, Asia: every SCO state
LABELS = {"shanghai_five": "Shanghai Five", "member": "member", "observer": "observer",
          "dialogue_partner": "dialogue partner"}


@data_cached
def _patch_codes() -> tuple[str, ...]:
    from ..data import load

    parts = load("world_shapes").groupby("iso3")["part"].nunique().sort_index()
    return tuple(code for code, n in parts.items() for _ in range(int(n)))


def patch_codes() -> list[str]:
    """The ISO3 code of each polygon, in the order ``maps.draw_world`` adds them
    (countries sorted by code, then their parts), so colours can be set per patch.

    >>> patch_codes()[:1]
    ['AFG']
    """
    return list(_patch_codes())


def readout(v: membership.MembershipView) -> str:
    """The text above the map for one :func:`~course_lib.analysis.membership.view`.

    >>> "6 members" in readout(membership.view(on="2001-06-15"))
    True
    """
    c, n = v.counts, v.names
    head = f"<b>{v.date:%d %B %Y}</b>: "
    if c["shanghai_five"]:
        return head + (f"no SCO yet; {c['shanghai_five']} states in the Shanghai Five "
                       f"({', '.join(n['shanghai_five'])}).")
    if not c["member"]:
        return head + "no SCO and no Shanghai Five on this date."
    text = (f"{c['member']} members, {c['observer']} observers, "
            f"{c['dialogue_partner']} dialogue partners.<br>Members: {', '.join(n['member'])}.")
    if c["observer"]:
        text += f" Observers: {', '.join(n['observer'])}."
    if c["dialogue_partner"]:
        text += f" Dialogue partners: {', '.join(n['dialogue_partner'])}."
    return head + text


def status_explorer(width: float = 7.5, height: float = 4.0):
    """Build the explorer (dropdown: a key date or "the year on the slider"; slider: year,
    from 1996 to the year of :func:`course_lib.sco.latest_date`).

    >>> ex = status_explorer()
    >>> ex.controls["moment"].value = "2001-06-15"
    >>> "6 members" in ex.readout.value
    True
    """
    import ipywidgets as W
    from matplotlib.patches import Patch

    from .. import maps, sco
    from . import explorer, freeze_static, new_figure

    # the slider ends in the year of the membership table's latest date, the course's
    # one "today" (sco.latest_date), not in the year the notebook runs
    this_year = sco.latest_date().year
    options = [("End of the year on the slider (31 Dec)", "year")]
    options += [(label, date) for label, date in sco.KEY_DATES.items()]
    moment = W.Dropdown(options=options, value=sco.ARTICLE_DATE, description="Date",
                        layout=W.Layout(width="450px"))
    year = W.IntSlider(value=2017, min=1996, max=this_year, step=1, description="Year",
                       continuous_update=False, disabled=True,
                       layout=W.Layout(width="320px"))

    def slider_only_for_years(change) -> None:  # a key date ignores the slider: say so
        year.disabled = change["new"] != "year"

    moment.observe(slider_only_for_years, names="value")

    fig, ax = new_figure(width=width, height=height)
    (coll,) = maps.draw_world(ax, {}, extent=EXTENT, linewidth=0.2)
    codes = patch_codes()
    ax.set_xlabel("longitude (°E)", fontsize=8)
    ax.set_ylabel("latitude (°N)", fontsize=8)
    ax.set_xticks([0, 60, 120])
    ax.set_yticks([0, 40, 80])
    ax.tick_params(labelsize=7)
    # the key sits outside the map, so it can stay in the frozen background
    fig.legend(handles=[Patch(color=STATUS_COLORS[s], label=text) for s, text in LABELS.items()],
               loc="outside upper right", fontsize=7, ncols=4, frameon=False)
    title = ax.set_title("SCO statuses on 01 Jan 2000", fontsize=10, loc="left")
    # short source line in the image; the full note (disputed borders) is in the
    # description above the controls (text in HTML costs nothing to redraw)
    source_line(fig, "Source: data/sco_membership.csv; Natural Earth 1:110m (de facto "
                "borders)", fontsize=6)
    # lay out once; keep axes, ticks, key and source line as a background image, so an
    # update redraws only the coloured countries and the title
    freeze_static(fig, [coll, title])
    none = STATUS_COLORS["none"]

    def update(moment: str, year: int) -> str:
        on = year if moment == "year" else moment
        snap = membership.view(on=on)
        st = snap.statuses
        coll.set_facecolor([STATUS_COLORS.get(st.get(c, "none"), none) for c in codes])
        title.set_text(f"SCO statuses on {snap.date:%d %b %Y}")
        return readout(snap)

    return explorer({"moment": moment, "year": year}, update, fig,
                    title="The SCO on a date",
                    description="Choose a key date, or pick 'End of the year on the slider' "
                                "and move the slider. " + maps.DISPUTED_NOTE)
