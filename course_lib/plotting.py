"""The course's house style for figures: a colour-blind-safe palette, titles with
units, and a source line under every figure; and the course's one figure factory,
:func:`figure`, for notebooks (through pyplot) and for explorers and the report
(without pyplot).

Nothing here changes matplotlib's global state: :func:`style` is a context manager,
and :func:`figure` applies the style to one figure only. In a notebook, :func:`figure`
also tells IPython to show the figures it makes with
:func:`course_lib.rendering.inline_png` (cropped to their contents, drawn once);
other figures are shown as the inline backend shows them.

>>> len(PALETTE) >= 8
True
>>> STATUS_COLORS["member"] == PALETTE[0]  # members are always blue
True
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common
# forms of colour blindness. Order: blue, orange, bluish green, vermillion,
# reddish purple, sky blue, yellow, black/grey.
PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00",
    "#CC79A7", "#56B4E9", "#F0E442", "#555555",
)
GREY = "#BBBBBB"
LIGHT_GREY = "#EEEEEE"
HIGHLIGHT = "#D55E00"

STATUS_COLORS = {
    "shanghai_five": "#CC79A7",
    "member": "#0072B2",
    "observer": "#E69F00",
    "dialogue_partner": "#56B4E9",
    "partner": "#E69F00",
    "none": LIGHT_GREY,
}

RC = {
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "legend.frameon": False,
    "font.size": 10,
}


def _cycler():
    from cycler import cycler

    return cycler(color=list(PALETTE))


@contextmanager
def style() -> Iterator[None]:
    """Apply the house style inside a ``with`` block only.

    >>> with style():
    ...     pass
    """
    import matplotlib as mpl

    with mpl.rc_context({**RC, "axes.prop_cycle": _cycler()}):
        yield


#: Widest inline figure, in pixels: a wider figure is shown at a lower resolution, so
#: its PNG fits a notebook's column without being scaled down by the browser.
INLINE_MAX_WIDTH_PX = 900
#: How far (inches) an inline figure's PNG extends around its contents.
INLINE_PAD_INCHES = 0.1


def figure(nrows: int = 1, ncols: int = 1, *, pyplot: bool = True,
           **kwargs: Any):
    """The course's one figure factory: a figure and its axes in the house style
    (without touching global settings).

    ``pyplot=True`` (notebooks): made through pyplot, so the notebook shows it (cropped
    to its contents, at a resolution that fits the column, see :func:`inline_png`).
    ``pyplot=False`` (explorers, the report): a plain ``Figure`` that nothing shows
    by itself; render it with :func:`render_png`. Other keywords go to
    ``plt.subplots`` / ``Figure.subplots``; ``figsize``, ``dpi`` and ``layout`` go to
    the figure.

    >>> fig, ax = figure()
    >>> ax.get_figure() is fig
    True
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    >>> fig, ax = figure(pyplot=False, figsize=(7.5, 4), dpi=80, layout="constrained")
    >>> float(fig.get_dpi()), len(fig.axes)
    (80.0, 1)
    """
    with style():
        if pyplot:
            import matplotlib.pyplot as plt

            from .rendering import CourseFigure

            fig, axes = plt.subplots(nrows, ncols, FigureClass=CourseFigure, **kwargs)
        else:
            from .rendering import CourseFigure

            fig_kw = {k: kwargs.pop(k) for k in ("figsize", "dpi", "layout") if k in kwargs}
            fig = CourseFigure(**fig_kw)
            axes = fig.subplots(nrows, ncols, **kwargs)
    for ax in fig.get_axes():
        style_axes(ax)
    if pyplot:
        show_inline()
    return fig, axes


def show_inline() -> bool:
    """Have the notebook (if this runs in one) show the factory's figures with
    :func:`course_lib.rendering.inline_png`: cropped to their contents, at most
    ``INLINE_MAX_WIDTH_PX`` wide. Figures made otherwise keep the inline backend's
    own settings. Returns whether a notebook's PNG display was set (idempotent).

    >>> show_inline()  # not in a notebook
    False
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with the course
        return False
    shell = get_ipython()
    if shell is None or not hasattr(shell, "display_formatter"):
        return False
    from .rendering import CourseFigure

    png = shell.display_formatter.formatters["image/png"]
    png.for_type(CourseFigure, _inline_png_base64)
    return True


def _inline_png_base64(fig):
    """The PNG display of a factory figure, as IPython wants it (base64 text; with the
    display size for ``retina``), or None when the notebook asked for another format
    (``%config InlineBackend.figure_formats``)."""
    import binascii
    import sys

    from .rendering import inline_dpi, inline_png, png_size

    formats = {"png"}
    backend = sys.modules.get("matplotlib_inline.config")
    if backend is not None:
        formats = set(backend.InlineBackend.instance().figure_formats)
    retina = bool(formats & {"retina", "png2x"})
    if "png" not in formats and not retina:
        return None
    data = inline_png(fig, dpi=(2 if retina else 1) * inline_dpi(fig, INLINE_MAX_WIDTH_PX),
                      pad_inches=INLINE_PAD_INCHES)
    if data is None:
        return None
    text = binascii.b2a_base64(data, newline=False).decode("ascii")
    if not retina:
        return text
    width, height = png_size(data)
    return text, {"width": width // 2, "height": height // 2}


def style_axes(ax) -> None:
    """The house style on one axes (spines, grid, colours, bold title)."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(True, color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_prop_cycle(_cycler())
    ax.title.set_fontweight("bold")


def source_note(ax, *names: str, extra: str = "", inside: bool = False) -> str:
    """Write a "Source:" line under the figure for the named datasets; return it.

    ``names`` are dataset names of ``course_lib.data`` (their publishers are named
    once each); ``extra`` adds free text such as "Calculations: the course".
    By default the line sits just below the figure, which a notebook shows because
    it crops figures to their contents. ``inside=True`` puts it inside the figure's
    bottom edge instead (for explorers, whose PNG is not cropped), making room for it
    when the figure uses the constrained layout.

    >>> fig, ax = figure()
    >>> source_note(ax, "sco_membership").startswith("Source:")
    True
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    from .data import resource

    parts = []
    for name in names:
        res = resource(name)
        pubs = []
        for src in res.get("sources", []):
            label = src.get("publisher") or src.get("title", "")
            if label and label not in pubs:
                pubs.append(label)
        label = ", ".join(pubs) or res.get("title", name)
        parts.append(f"{label} (data/{res['path']})")
    text = "Source: " + "; ".join(parts) if parts else "Source: the course"
    if extra:
        text += f". {extra}"
    fig = ax.get_figure()
    if inside:
        source_line(fig, text, room=0.07, wrap=True)
    else:
        from .rendering import wrap_to_width

        shown = wrap_to_width(text, 0.98 * fig.get_figwidth(), 7.5)
        fig.text(0.01, -0.01, shown, ha="left", va="top", fontsize=7.5, color="#444444",
                 transform=fig.transFigure)
    return text


def source_line(fig, text: str, fontsize: float = 7, room: float | None = None,
                wrap: bool = False):
    """Write ``text`` along the bottom edge inside ``fig`` (for explorers, whose PNG is
    not cropped) and, when the figure uses the constrained layout, keep that strip free
    of axes so the x-axis label does not share the source line's row. Returns the Text.

    ``room`` is the share of the figure's height kept free; by default one line of
    ``fontsize`` points.

    >>> fig, ax = figure(layout="constrained")
    >>> line = source_line(fig, "Source: the course")
    >>> float(round(fig.get_layout_engine().get()["rect"][1], 3))  # 7 pt line, 4.5 in figure
    0.037
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    if room is None:
        room = fontsize * 1.5 / 72 / fig.get_figheight() + 0.005
    if wrap:  # measured once here (matplotlib's wrap=True measures at every drawing)
        from .rendering import wrap_to_width

        text = wrap_to_width(text, 0.98 * fig.get_figwidth(), fontsize)
    line = fig.text(0.01, 0.005, text, ha="left", va="bottom", fontsize=fontsize,
                    color="#444444", transform=fig.transFigure)
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set") and "rect" in engine.get():
        engine.set(rect=(0, room, 1, 1 - room))
    return line


def finish(ax, title: str, xlabel: str, ylabel: str, *sources: str, extra: str = "") -> None:
    """Title, axis labels (with units) and the source line, in one call."""
    ax.set_title(title, loc="left", fontweight="bold")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    source_note(ax, *sources, extra=extra)


def plain_number(value: float, _pos: Any = None) -> str:
    """A tick label written out in full: 1,000 rather than 10³; 0.01 rather than 10⁻².

    >>> [plain_number(v) for v in (0, 0.01, 0.5, 1, 100, 25000)]
    ['0', '0.01', '0.5', '1', '100', '25,000']
    """
    if abs(value) >= 1:
        return f"{value:,.0f}"
    return f"{value:g}"


def plain_log_axis(ax, axis: str = "y", scale: str = "log", **scale_kw: Any) -> None:
    """Put an axis on a logarithmic (or ``"symlog"``) scale with its ticks written as
    plain numbers, and no labels on the minor ticks.

    Learners read "1,000" more easily than "10³", and plain labels skip matplotlib's
    mathtext parser (the slowest part of drawing a log axis the first time).

    >>> fig, ax = figure()
    >>> plain_log_axis(ax, "x")
    >>> ax.get_xscale(), ax.xaxis.get_major_formatter()(1000, 0)
    ('log', '1,000')
    >>> plain_log_axis(ax, "z")
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: axis must be "x" or "y", not 'z'.
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    from matplotlib.ticker import FuncFormatter, NullFormatter

    from .errors import CourseError

    if axis not in ("x", "y"):
        raise CourseError(f'axis must be "x" or "y", not {axis!r}.')
    (ax.set_xscale if axis == "x" else ax.set_yscale)(scale, **scale_kw)
    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_formatter(FuncFormatter(plain_number))
    target.set_minor_formatter(NullFormatter())


def percent_axis(ax, axis: str = "y", decimals: int = 0) -> None:
    """Format an axis as percentages (values already in per cent)."""
    from matplotlib.ticker import PercentFormatter

    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(PercentFormatter(xmax=100, decimals=decimals))


def render_png(fig, dpi: float | None = None) -> bytes:
    """A figure as PNG bytes through the Agg canvas (works without pyplot).

    >>> from matplotlib.figure import Figure
    >>> render_png(Figure(figsize=(1, 1)))[:4]
    b'\x89PNG'
    """
    import io

    from .rendering import PNG_OPTIONS, agg_canvas

    canvas = agg_canvas(fig)
    buf = io.BytesIO()
    if dpi is None:
        canvas.print_png(buf, pil_kwargs=dict(PNG_OPTIONS))
    else:
        fig.savefig(buf, format="png", dpi=dpi, pil_kwargs=dict(PNG_OPTIONS))
    return buf.getvalue()


def show_png(fig):
    """Show a figure made without pyplot in a notebook, as a PNG image.

    Returns an ``IPython.display.Image``; leave it last in a cell or pass it to
    ``display``.
    """
    from IPython.display import Image

    return Image(data=render_png(fig), format="png")

