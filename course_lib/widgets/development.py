"""Explorer of notebook 05: how uneven GDP per capita is among the SCO members.

Choose a measure (max/min ratio, coefficient of variation, Theil T weighted by
population or unweighted) and a member set (the 2001 founders, the members of October
2017, today's members). The chosen set's series is drawn thick, with its first and last
values marked; the other two sets stay as thin grey lines for comparison. The y-axis is
fixed per measure (the same for every set), so switching sets is a fair comparison. The
numbers come from :func:`course_lib.analysis.development.view`; the GDP and
population tables are pivoted once and each measure is a vectorised function over them.

>>> ex = development_explorer()
>>> "2017 members" in ex.update()
True
"""

from __future__ import annotations

import textwrap

from ..plotting import GREY, PALETTE, source_note
from ..validate import as_choice
from . import Explorer, explorer, freeze_per_key, new_figure

CHOSEN_COLOR = PALETTE[0]
END_COLOR = PALETTE[3]


def spread(values: list[float], min_gap: float) -> list[float]:
    """Move label positions apart so that neighbours are at least ``min_gap`` apart,
    keeping their order and centring each group that had to move.

    >>> spread([1.0, 1.0, 5.0], 0.5)
    [0.75, 1.25, 5.0]
    """
    order = sorted(range(len(values)), key=lambda i: values[i])
    groups: list[list[int]] = []
    for i in order:
        groups.append([i])
        while len(groups) > 1:
            a, b = groups[-2], groups[-1]
            centre_a = sum(values[j] for j in a) / len(a)
            centre_b = sum(values[j] for j in b) / len(b)
            top_a = centre_a + (len(a) - 1) * min_gap / 2
            bottom_b = centre_b - (len(b) - 1) * min_gap / 2
            if bottom_b - top_a >= min_gap:
                break
            groups[-2:] = [a + b]
    out = [0.0] * len(values)
    for g in groups:
        centre = sum(values[j] for j in g) / len(g)
        start = centre - (len(g) - 1) * min_gap / 2
        for k, j in enumerate(g):
            out[j] = start + k * min_gap
    return out


def upper_first(text: str) -> str:
    """The text with its first letter in upper case (the rest untouched).

    >>> upper_first("population-weighted Theil T")
    'Population-weighted Theil T'
    """
    return text[:1].upper() + text[1:]


def readout(v) -> str:
    """The sentence above the figure (HTML) for a
    :class:`course_lib.analysis.development.DevelopmentView`.

    >>> from course_lib.analysis import development as D
    >>> readout(D.view(measure="ratio", members="2001 founders")).startswith("Max/min ratio")
    True
    """
    fmt = "{:.1f}" if v.measure == "ratio" else "{:.3f}"
    unit = " times" if v.measure == "ratio" else ""
    n_lo, n_hi = v.n
    n_text = f"{n_hi} countries every year" if n_lo == n_hi else f"{n_lo}–{n_hi} countries"
    change = v.last[1] - v.first[1]
    direction = "higher" if change > 0 else "lower" if change < 0 else "the same"
    return (
        f"{upper_first(v.label)}, {v.members} ({n_text}): "
        f"<b>{fmt.format(v.first[1])}{unit}</b> in {v.first[0]}, "
        f"<b>{fmt.format(v.last[1])}{unit}</b> in {v.last[0]} ({direction} at the end); "
        f"highest {fmt.format(v.highest[1])} in {v.highest[0]}, lowest "
        f"{fmt.format(v.lowest[1])} in {v.lowest[0]}."
    )


def _y_limits(views: dict) -> tuple[float, float]:
    """Lower and upper y limit for one measure, covering every member set."""
    top = max(float(v.series["value"].max()) for v in views.values())
    low = min(float(v.series["value"].min()) for v in views.values())
    bottom = 0.0 if low >= 0 else low * 1.1
    return bottom, top * 1.12


def development_explorer(measure: str = "theil", members: str = "2017 members") -> Explorer:
    """Build the explorer (a measure dropdown and a member-set dropdown).

    Parameters
    ----------
    measure : str
        Measure shown first (a key of ``development.MEASURES``).
    members : str
        Member set shown first (a key of ``development.MEMBER_SETS``).
    """
    import ipywidgets as W
    from matplotlib import patheffects

    from ..analysis import development as D

    as_choice(measure, D.MEASURES, "measure")
    D.member_set(members)
    # Everything the updates need, computed once: 4 measures x 3 sets.
    views = {(m, s): D.view(measure=m, members=s) for m in D.MEASURES for s in D.MEMBER_SETS}
    limits = {m: _y_limits({s: views[(m, s)] for s in D.MEMBER_SETS}) for m in D.MEASURES}
    x_min = min(int(v.series.index.min()) for v in views.values())
    x_max = max(int(v.series.index.max()) for v in views.values())

    measure_w = W.Dropdown(options=[(label, key) for key, label in D.MEASURES.items()],
                           value=measure, description="Measure",
                           layout=W.Layout(width="31em"))
    members_w = W.Dropdown(options=list(D.MEMBER_SETS), value=members,
                           description="Members", layout=W.Layout(width="17em"))

    fig, ax = new_figure(width=7.5, height=4.0)
    fig.set_layout_engine("none")
    ax.set_position([0.1, 0.2, 0.8, 0.7])  # room at the right for the set labels
    others = {s: ax.plot([], [], color=GREY, lw=1.2)[0] for s in D.MEMBER_SETS}
    labels = {s: ax.text(0, 0, "", fontsize=7.5, color="#666666", va="center", ha="left")
              for s in D.MEMBER_SETS}
    (chosen,) = ax.plot([], [], color=CHOSEN_COLOR, lw=2.6)
    (ends,) = ax.plot([], [], "o", color=END_COLOR, ms=6, zorder=4)
    # a thin white halo keeps the end values readable over grid lines and grey lines
    halo = [patheffects.withStroke(linewidth=2, foreground="white")]
    first_text = ax.text(0, 0, "", fontsize=8.5, color=END_COLOR, ha="left", va="bottom",
                         fontweight="bold", path_effects=halo, zorder=5)
    last_text = ax.text(0, 0, "", fontsize=8.5, color=END_COLOR, ha="right", va="bottom",
                        fontweight="bold", path_effects=halo, zorder=5)
    ax.set_xlim(x_min - 0.5, x_max + 4.5)  # room for the set labels at the right
    ax.set_xlabel("year")
    source_note(ax, *D.SOURCES, extra="GDP per capita in current US$ (nominal, not PPP). "
                "Calculations: the course")
    note = fig.texts[-1]
    note.set_position((0.01, 0.012))
    note.set_va("bottom")
    note.set_wrap(False)  # wrapped once here, not at every draw
    note.set_text(textwrap.fill(note.get_text(), 125))

    def titles(measure: str) -> None:
        ax.set_ylim(*limits[measure])
        ax.set_ylabel(D.MEASURES[measure])
        ax.set_title(f"How uneven is GDP per capita? "
                     f"{upper_first(D.SHORT_MEASURES[measure])}", loc="left", fontsize=10.5,
                     fontweight="bold")

    def update(measure: str, members: str) -> str:
        lo, hi = limits[measure]
        ends_y = [float(views[(measure, s)].series["value"].iloc[-1]) for s in others]
        label_y = spread(ends_y, 0.055 * (hi - lo))
        for (s, line), ly in zip(others.items(), label_y):
            series = views[(measure, s)].series["value"]
            line.set_data(series.index.to_numpy(), series.to_numpy())
            line.set_visible(s != members)
            labels[s].set_position((series.index[-1] + 0.6, ly))
            labels[s].set_text(s)
            labels[s].set_color(CHOSEN_COLOR if s == members else "#666666")
            labels[s].set_fontweight("bold" if s == members else "normal")
        view = views[(measure, members)]
        series = view.series["value"]
        chosen.set_data(series.index.to_numpy(), series.to_numpy())
        (y0, v0), (y1, v1) = view.first, view.last
        ends.set_data([y0, y1], [v0, v1])
        fmt = "{:.1f}" if measure == "ratio" else "{:.2f}"
        # each end value goes on the side of its point that the line leaves free
        values, nudge = series.to_numpy(), 0.02 * (hi - lo)
        rising = len(values) > 1 and values[1] > values[0]
        first_text.set_position((y0 + 0.3, v0 - nudge if rising else v0 + nudge))
        first_text.set_va("top" if rising else "bottom")
        first_text.set_text(fmt.format(v0))
        from_above = len(values) > 1 and values[-2] > values[-1]
        last_text.set_position((y1 - 0.3, v1 - nudge if from_above else v1 + nudge))
        last_text.set_va("top" if from_above else "bottom")
        last_text.set_text(fmt.format(v1))
        if backgrounds:
            background.set_data(backgrounds[measure])
        titles(measure)
        return readout(view)

    dynamic = [*others.values(), *labels.values(), chosen, ends, first_text, last_text]
    backgrounds = freeze_per_key(fig, ax, dynamic, {m: (lambda m=m: titles(m))
                                                         for m in D.MEASURES})
    background = fig.figimage(backgrounds[measure], origin="upper", zorder=-1)
    return explorer({"measure": measure_w, "members": members_w}, update, fig,
                    title="Uneven development among the SCO members",
                    description="Choose a measure of dispersion and a member set; the trend "
                                "redraws and the readout gives the first and last values.")
