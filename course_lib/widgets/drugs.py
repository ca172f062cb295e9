"""Explorer of notebook 04: the heroin share under a reading and an assumption.

The learner picks a reading of the world denominator and an **assumed** world value for
the years our table does not hold; the five-year world total (known and assumed parts
drawn differently) and the implied share follow. The computing is
:func:`course_lib.analysis.drugs.view`; this module only draws.
"""

from __future__ import annotations

from ..analysis import drugs
from ..plotting import PALETTE

DATA_COLOR = PALETTE[0]
ASSUMED_COLOR = PALETTE[1]
TARGET_COLOR = PALETTE[3]
BOUNDS = ("lowest year", "highest year")


def readout(s: drugs.DrugsView, claimed: float) -> str:
    """The sentence under the controls for one scenario (HTML).

    >>> s = drugs.view(reading="heroin only", assumed=100)
    >>> "the 3 missing years" in readout(s, 14)
    True
    """
    t = s.table
    data_part = float(t.loc[t.basis == "data", "tonnes"].sum())
    assumed_part = float(t.loc[t.basis == "assumed", "tonnes"].sum())
    data_years = ", ".join(str(y) for y in t.loc[t.basis == "data", "year"])
    head = (f"<b>{s.share:.1f} %</b> (reading: {s.reading}): {s.part:g} t is "
            f"{s.share:.1f} % of a five-year world total of {s.total:.0f} t "
            f"(article: about {claimed:g} %).")
    if s.reading in BOUNDS:
        word = "lowest" if s.reading == "lowest year" else "highest"
        body = (f" Every year is set to the {word} known year ({data_years}, "
                f"{s.assumed:g} t); the assumption slider is not used by this reading.")
    else:
        body = (f" From data: {data_part:.0f} t ({data_years}); <i>assumed</i>: "
                f"{assumed_part:.0f} t for the {s.n_missing} missing years at "
                f"{s.assumed:.0f} t each (mean of the known years: {s.known_mean:.1f} t).")
    return head + body


def share_explorer(width: float = 8.0, height: float = 3.6):
    """Build the explorer (dropdown: reading; slider: assumed t/yr for missing years).

    >>> ex = share_explorer()
    >>> ex.controls["reading"].value = "heroin and morphine"
    >>> "reading: heroin and morphine" in ex.readout.value
    True
    """
    import ipywidgets as W

    from . import explorer, freeze_static, new_figure

    claimed = drugs.article_value("heroin_share")
    part = drugs.article_value("heroin_tonnes")
    base = drugs.view(reading="heroin only")
    years = base.table["year"].tolist()
    target = drugs.implied_world(part, claimed, len(years))
    # precompute every reading once (the slider only changes the assumed years)
    cache = {r: drugs.view(reading=r) for r in drugs.READINGS}

    reading = W.Dropdown(options=list(drugs.READINGS), value="heroin only",
                         description="Reading", layout=W.Layout(width="260px"))
    assumed = W.FloatSlider(value=round(base.known_mean), min=40, max=200, step=1,
                            description="assumption", readout_format=".0f",
                            style={"description_width": "initial"},
                            layout=W.Layout(width="380px"))
    assumed.description = "assumption: world t/yr in missing years"

    fig, (ax, ax2) = new_figure(1, 2, width=width, height=height,
                                gridspec_kw={"width_ratios": [3.2, 1]})
    x = list(range(len(years)))
    bars = ax.bar(x, [0] * len(x), width=0.65, edgecolor=ASSUMED_COLOR, linewidth=1.2)
    dots = ax.scatter([], [], color="black", zorder=5, s=22, label="table value set aside")
    labels = [ax.text(i, 0, "", ha="center", va="bottom", fontsize=8) for i in x]
    line = ax.axhline(target["per_year"], color=TARGET_COLOR, ls="--", lw=1.2,
                      label=f"{target['per_year']:.1f} t/yr gives {claimed:g} %")
    ax.set_xticks(x, [str(y) for y in years])
    ax.set_ylim(0, 275)
    ax.set_yticks([0, 50, 100, 150, 200])
    ax.set_xlabel("year")
    ax.set_ylabel("world seizures (tonnes per year)")
    title = ax.set_title("", loc="left", fontsize=10, fontweight="bold")
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(facecolor=DATA_COLOR, edgecolor=DATA_COLOR, label="from data"),
                       Patch(facecolor="white", edgecolor=ASSUMED_COLOR, hatch="///",
                             label="assumed"),
                       dots, line], loc="upper left", fontsize=7.5, ncol=2)

    known_bar = ax2.bar([0], [0], width=0.6, color=DATA_COLOR)[0]
    assumed_bar = ax2.bar([0], [0], width=0.6, facecolor="white", edgecolor=ASSUMED_COLOR,
                          hatch="///", linewidth=1.2)[0]
    ax2.axhline(target["total"], color=TARGET_COLOR, ls="--", lw=1.2,
                label=f"{target['total']:.0f} t gives {claimed:g} %")
    ax2.legend(loc="upper right", fontsize=7.5)
    share_text = ax2.text(0, 0, "", ha="center", va="bottom", fontsize=9, fontweight="bold")
    ax2.set_xlim(-0.6, 0.6)
    ax2.set_ylim(0, 1050)
    ax2.set_yticks([0, 250, 500, 750, 1000])
    ax2.set_xticks([0], ["5-year total"])
    ax2.set_ylabel("tonnes over five years")
    fig.supxlabel("Source: data/unodc_seizures.csv (UNODC World Drug Reports); hatched = assumed",
                  x=0.01, ha="left", fontsize=7, color="#444444")

    def update(reading: str, assumed: float) -> str:
        slider.disabled = reading in BOUNDS
        if reading in BOUNDS:
            s = cache[reading]
        else:
            s = drugs.view(reading=reading, assumed=assumed)
        t = s.table
        for bar, lab, (_, row) in zip(bars, labels, t.iterrows()):
            is_data = row["basis"] == "data"
            bar.set_height(row["tonnes"])
            bar.set_facecolor(DATA_COLOR if is_data else "white")
            bar.set_edgecolor(DATA_COLOR if is_data else ASSUMED_COLOR)
            bar.set_hatch("" if is_data else "///")
            lab.set_text(f"{row['tonnes']:.0f}")
        # black dots: values in our table that the reading does not use as they are
        k = s.known.loc[s.known.known]
        shown = {int(y): v for y, v in zip(k.year, k.tonnes)
                 if abs(float(t.loc[t.year == y, "tonnes"].iloc[0]) - v) > 1e-9}
        dots.set_offsets([[years.index(y), v] for y, v in shown.items()] or [[0, -50]])
        for i, (lab, (_, row)) in enumerate(zip(labels, t.iterrows())):
            top = max(row["tonnes"], shown.get(int(row["year"]), 0) + 4)
            lab.set_position((i, top + 3))
        data_part = float(t.loc[t.basis == "data", "tonnes"].sum())
        known_bar.set_height(data_part)
        assumed_bar.set_y(data_part)
        assumed_bar.set_height(s.total - data_part)
        share_text.set_position((0, s.total + 15))
        share_text.set_text(f"{s.share:.1f} %")
        title.set_text(f"World seizures per year, reading: {reading}")
        return readout(s, claimed)

    slider = assumed
    # the first state's texts in place, so that the layout (fixed by freeze_static)
    # makes room for them; the explorer then draws its first frame once
    update(reading=reading.value, assumed=assumed.value)
    freeze_static(fig, [*bars, *labels, dots, known_bar, assumed_bar, share_text, title])
    return explorer({"reading": reading, "assumed": assumed}, update, fig,
                    title=f"How large must world seizures be for {part:g} t to be {claimed:g} %?",
                    description="Choose a reading of the world denominator and an assumed "
                    "world value for the years missing from our table. The assumption is "
                    "yours, not data.")
