"""Explorer builders. Each explorer is a plain compute function (in
``course_lib.analysis``, tested without a browser) and a thin widget layer here.

Submodules are per notebook (``course_lib.widgets.expansion``...); this module holds
the shared pieces: :func:`explorer` wires controls to a compute-and-draw function,
redrawing only when a value changes, and :func:`static_view` gives the non-interactive
figure that stands beside every explorer for printed and static pages.
"""

from __future__ import annotations

from typing import Any, Callable


def explorer(controls: dict[str, Any], draw: Callable[..., Any], *, title: str = "",
             description: str = ""):
    """Build an explorer: ``controls`` (name -> ipywidget) feed ``draw(**values)``.

    ``draw`` must draw into the current figure-less context and return either a
    matplotlib Figure, a string of Markdown, or a tuple of both. The result is a
    ``VBox`` with a title, the controls, a live text line (``aria-live``) and the
    figure in an ``Output``. Its ``.update()`` redraws once (used by tests and
    benchmarks).
    """
    import ipywidgets as W
    import matplotlib.pyplot as plt
    from IPython.display import display

    out_fig = W.Output(layout=W.Layout(min_height="320px"))
    out_text = W.HTML()
    header = W.HTML(f"<h4 style='margin:0.2em 0'>{title}</h4><p>{description}</p>")

    def update(*_: Any) -> None:
        values = {k: w.value for k, w in controls.items()}
        result = draw(**values)
        fig, text = None, ""
        if isinstance(result, tuple):
            fig, text = result
        elif isinstance(result, str):
            text = result
        else:
            fig = result
        out_text.value = f"<div aria-live='polite' class='explorer-readout'>{text}</div>"
        with out_fig:
            out_fig.clear_output(wait=True)
            if fig is not None:
                display(fig)
                plt.close(fig)

    for w in controls.values():
        w.observe(update, names="value")
    box = W.VBox([header, W.HBox(list(controls.values()), layout=W.Layout(flex_flow="row wrap")),
                  out_text, out_fig])
    box.update = update  # type: ignore[attr-defined]
    box.controls = controls  # type: ignore[attr-defined]
    update()
    return box
