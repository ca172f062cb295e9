"""Explorer builders. Each explorer is a plain compute function (in
``course_lib.analysis``, tested without a browser) and a thin widget layer.

Per-notebook builders live in submodules (``course_lib.widgets.population`` ...). This
module holds the shared piece, :func:`explorer`, which wires ipywidgets controls to an
``update`` function:

* the figure is a ``matplotlib.figure.Figure`` made **once** (no pyplot, so nothing is
  shown twice and no global state changes); ``update`` changes its artists or redraws
  its axes;
* after each change the figure is rendered to PNG into an ``ipywidgets.Image``, and the
  text ``update`` returns goes into a live region (``aria-live``) above it;
* every control can be reached with Tab and worked with the keyboard (ipywidgets'
  sliders, dropdowns, toggle buttons and checkboxes all are).

``Explorer.update()`` runs one compute-and-redraw cycle; the tests and the benchmarks
call it directly, without a browser.
"""

from __future__ import annotations

import time
import weakref
from typing import Any, Callable, Mapping

from ..plotting import render_png  # noqa: F401  (re-exported: widgets.render_png)


def new_figure(nrows: int = 1, ncols: int = 1, *, width: float = 7.5, height: float = 4.0,
               dpi: int = 80, **subplot_kw: Any):
    """An explorer's figure and axes: :func:`course_lib.plotting.figure` (the course's
    one figure factory) outside pyplot, with the constrained layout and the explorers'
    size and resolution.

    >>> fig, ax = new_figure()
    >>> float(fig.get_dpi()), len(fig.axes)
    (80.0, 1)
    """
    from ..plotting import figure

    return figure(nrows, ncols, pyplot=False, figsize=(width, height), dpi=dpi,
                  layout="constrained", **subplot_kw)


def layout_once(fig) -> None:
    """Place ``fig``'s axes once with its layout engine (with every artist as it is
    now), then switch the engine off so that later drawings keep that layout. Nothing
    is drawn: the engine measures the texts it needs."""
    from ..rendering import agg_canvas

    engine = fig.get_layout_engine()
    if engine is None:
        return
    agg_canvas(fig)  # the renderer the engine measures with
    if fig.axes:
        engine.execute(fig)
    fig.set_layout_engine("none")


def freeze_static(fig, dynamic: list, live_axes: tuple = ()) -> None:
    """Draw everything that never changes once, keep it as a background image, and
    from then on draw only the ``dynamic`` artists on top of it.

    Call it after building the figure, with every artist that an update changes. The
    layout is computed once (then switched off) and the axes limits must stay fixed,
    so ticks, grid, legend and labels of the first drawing hold for every later one.
    ``live_axes`` (for example ``(ax.yaxis,)``) keeps whole axis objects live, with
    their ticks, grid and label, for a scale that changes with the data. Text is what
    costs most in a redraw; this keeps explorer updates fast.
    """
    import numpy as np
    from matplotlib.text import Text

    from ..rendering import agg_canvas

    canvas = agg_canvas(fig)
    layout_once(fig)
    live = [*dynamic, *live_axes]
    for a in live:
        a.set_visible(False)
    canvas.draw()
    background = np.asarray(canvas.buffer_rgba()).copy()
    keep = {id(a) for a in live}
    for ax in fig.axes:
        for a in [*ax.lines, *ax.collections, *ax.patches, *ax.images]:
            if id(a) not in keep:
                a.set_visible(False)
        for t in ax.get_children():  # ax.texts and the three titles
            # (an empty title stays visible: hiding it moves the others off the figure)
            if isinstance(t, Text) and id(t) not in keep and t.get_text():
                t.set_visible(False)
        legend = ax.get_legend()
        if legend is not None and id(legend) not in keep:
            legend.set_visible(False)
        if any(id(axis) in keep for axis in (ax.xaxis, ax.yaxis)):
            ax.patch.set_visible(False)  # the background image shows the face
            for spine in ax.spines.values():
                spine.set_visible(False)
            for axis in (ax.xaxis, ax.yaxis):
                if id(axis) not in keep:
                    axis.set_visible(False)
        else:
            ax.set_axis_off()
    for t in fig.texts:
        if id(t) not in keep:
            t.set_visible(False)
    # figure-level labels have no public list; they are Text artists on the figure
    for attr in ("_suptitle", "_supxlabel", "_supylabel"):
        t = getattr(fig, attr, None)
        if t is not None and id(t) not in keep:
            t.set_visible(False)
    for legend in getattr(fig, "legends", []):
        if id(legend) not in keep:
            legend.set_visible(False)
    for a in live:
        a.set_visible(True)
    fig.figimage(background, origin="upper", zorder=-1)


def freeze_per_key(fig, ax, dynamic: list, setups: dict) -> dict:
    """Like :func:`freeze_static`, for an axes that has several states (a y-scale per
    measure, labels per claim): draw the unchanging part once per state and keep each
    as an image; from then on only the ``dynamic`` artists are drawn.

    ``setups`` maps a key to a function that puts ``ax`` in that key's state (limits,
    ticks, labels, title). If the figure has a layout engine, the layout of its current
    state is computed once and then fixed, so every state shares one axes position.
    Returns ``{key: RGBA array}``, each drawn the first time it is asked for (an
    explorer draws the states a learner picks, not all of them up front); show one
    with ``fig.figimage(arr, origin="upper", zorder=-1)`` and swap it with
    ``.set_data`` (and set the key's limits) on change.
    """
    from ..rendering import agg_canvas

    canvas = agg_canvas(fig)
    layout_once(fig)
    backgrounds = _Backgrounds(canvas, ax, dynamic, setups)
    backgrounds.hide_static()
    return backgrounds


class _Backgrounds(dict):
    """The backgrounds of :func:`freeze_per_key`, each drawn when first asked for."""

    def __init__(self, canvas, ax, dynamic: list, setups: dict) -> None:
        super().__init__()
        self.canvas, self.ax, self.dynamic, self.setups = canvas, ax, dynamic, setups
        self.hidden: list = []

    def hide_static(self) -> None:
        """Hide what the backgrounds show: the axes' own artists, its texts (the three
        titles among them; an empty title stays visible, as hiding it moves the others
        off the figure), its legend and the figure's texts; keep the dynamic artists."""
        from matplotlib.text import Text

        ax, fig = self.ax, self.ax.get_figure()
        keep = {id(a) for a in self.dynamic}
        static = [*ax.texts, *ax.lines, *ax.collections, *ax.patches, *ax.images,
                  ax.get_legend(), *fig.texts,
                  *(t for t in ax.get_children() if isinstance(t, Text) and t.get_text())]
        self.hidden = [a for a in dict.fromkeys(static)
                       if a is not None and id(a) not in keep and a.get_visible()]
        for a in self.hidden:
            a.set_visible(False)
        ax.set_axis_off()

    def __missing__(self, key: Any):
        import numpy as np

        setup = self.setups[key]  # an unknown key raises KeyError
        fig = self.ax.get_figure()
        images = [im for im in fig.images if im.get_visible()]  # the shown background
        for a in [*self.dynamic, *images]:
            a.set_visible(False)
        for a in self.hidden:
            a.set_visible(True)
        self.ax.set_axis_on()
        setup()
        self.canvas.draw()
        image = self[key] = np.asarray(self.canvas.buffer_rgba()).copy()
        self.hide_static()
        for a in [*self.dynamic, *images]:
            a.set_visible(True)
        return image


_INSTANCES: "weakref.WeakSet[Explorer]" = weakref.WeakSet()


def live_explorers() -> list["Explorer"]:
    """Every explorer built in this kernel that is still alive (for the benchmarks)."""
    return list(_INSTANCES)


class Explorer:
    """Controls + readout + figure; ``.widget`` is the ipywidgets box to display.

    Parameters
    ----------
    controls : mapping of name -> ipywidget
        Their ``value`` s are passed to ``update`` as keyword arguments.
    update : callable
        ``update(**values) -> str``: recompute, change ``figure``, return the readout
        (HTML or plain text, one or two sentences with the numbers).
    figure : matplotlib Figure, optional
        Made with :func:`new_figure`; drawn after each update.
    title, description : str
        Shown above the controls.
    """

    def __init__(self, controls: Mapping[str, Any], update: Callable[..., str], figure=None,
                 *, title: str = "", description: str = "") -> None:
        import ipywidgets as W

        self.controls = dict(controls)
        self._update = update
        self.figure = figure
        self.readout = W.HTML(layout=W.Layout(min_height="2.5em"))
        self.image = W.Image(format="png", layout=W.Layout(max_width="100%"))
        self.last_seconds = 0.0
        header = W.HTML(
            f"<h4 style='margin:0.2em 0'>{title}</h4>"
            + (f"<p style='margin:0.2em 0'>{description}</p>" if description else "")
        )
        children = [header, W.HBox(list(self.controls.values()),
                                   layout=W.Layout(flex_flow="row wrap")),
                    self.readout]
        if figure is not None:
            children.append(self.image)
        self.widget = W.VBox(children, layout=W.Layout(border="1px solid #ddd",
                                                       padding="0.5em"))
        self.widget.add_class("course-explorer")
        for w in self.controls.values():
            w.observe(self._on_change, names="value")
        _INSTANCES.add(self)
        self.update()

    def values(self) -> dict[str, Any]:
        return {k: w.value for k, w in self.controls.items()}

    def _on_change(self, _change: Any) -> None:
        self.update()

    def update(self) -> str:
        """Recompute, redraw and show; returns the readout text."""
        from ..cache import snapshot

        start = time.perf_counter()
        with snapshot():  # one read of the data's state for the whole update
            text = self._update(**self.values())
        self.readout.value = (
            f"<div aria-live='polite' class='explorer-readout'>{text}</div>"
        )
        if self.figure is not None:
            self.image.value = render_png(self.figure)
        self.last_seconds = time.perf_counter() - start
        return text

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def explorer(controls: Mapping[str, Any], update: Callable[..., str], figure=None, *,
             title: str = "", description: str = "") -> Explorer:
    """Build an :class:`Explorer` (see there). Display it by leaving it last in a cell."""
    return Explorer(controls, update, figure, title=title, description=description)
