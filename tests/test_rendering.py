"""How the course draws its figures (course_lib.rendering): the inline PNG is what the
inline backend would show (cropped to the contents, legends and source lines outside
the axes included), text measurements are the renderer's own, and source lines wrap
inside the figure."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from IPython.core.pylabtools import print_figure  # noqa: E402
from matplotlib.backends.backend_agg import RendererAgg  # noqa: E402
from matplotlib.font_manager import FontProperties  # noqa: E402

from course_lib import plotting, rendering  # noqa: E402


def _png_array(png: bytes):
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def _course_like_figure(far_text: bool = False):
    fig, ax = plotting.figure(figsize=(6, 3))
    ax.plot([2000, 2010, 2020], [1, 3, 2], label="a line")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1))  # outside the axes, to the right
    plotting.finish(ax, "A title", "year", "value", "sco_membership", "wb_indicators",
                    extra="Calculations: the course")
    if far_text:  # beyond the margin that inline_png draws: it must fall back
        fig.text(-1.2, 0.5, "far out", transform=fig.transFigure)
    return fig


@pytest.mark.parametrize("far_text", [False, True])
def test_inline_png_is_what_the_inline_backend_shows(far_text):
    fig = _course_like_figure(far_text)
    try:
        ours = _png_array(rendering.inline_png(fig, dpi=80))
        import base64

        theirs = _png_array(base64.b64decode(print_figure(fig, "png", base64=True, dpi=80)))
    finally:
        plt.close(fig)
    # cut from one drawing around the drawn pixels: the same picture within 2 pixels
    assert all(abs(a - b) <= 2 for a, b in zip(ours.shape[:2], theirs.shape[:2])), \
        (ours.shape, theirs.shape)
    h, w = min(ours.shape[0], theirs.shape[0]), min(ours.shape[1], theirs.shape[1])
    # ink: how much darker than white, summed (texts sit at whole pixels here, so their
    # strokes are a little sharper than the inline backend's: fewer, darker pixels)
    dark = lambda a: (765 - a[:h, :w].astype(int).sum(axis=2))  # noqa: E731
    assert dark(ours).sum() == pytest.approx(dark(theirs).sum(), rel=0.05)
    if far_text:  # the far text is in both pictures
        assert ours.shape[1] > 2 * 6 * 80


def test_inline_png_of_an_empty_figure_is_none():
    fig = rendering.CourseFigure()
    assert rendering.inline_png(fig) is None


def test_inline_dpi_fits_the_column():
    assert rendering.inline_dpi(rendering.CourseFigure(figsize=(8, 4), dpi=100), 900) == 100
    assert rendering.inline_dpi(rendering.CourseFigure(figsize=(10, 4), dpi=100), 900) == 90


def test_shared_measurements_equal_the_renderers_own():
    prop = FontProperties(size=9)
    for text in ("1,000", "Source: the course", "ÿ ünïcode"):
        own = RendererAgg(100, 100, 100).get_text_width_height_descent(text, prop, False)
        a = rendering.CourseCanvas(rendering.CourseFigure(dpi=100)).get_renderer()
        b = rendering.CourseCanvas(rendering.CourseFigure(figsize=(3, 3), dpi=100)).get_renderer()
        assert a is not b
        assert a.get_text_width_height_descent(text, prop, False) == own
        assert b.get_text_width_height_descent(text, prop, False) == own


def _texts_figure():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4, 2), dpi=100)
    fig.text(0.05, 0.7, "Source: the course, 44 per cent", fontsize=9)
    fig.text(0.05, 0.3, "bold ÿ ünïcode", fontsize=12, fontweight="bold")
    fig.text(0.8, 0.1, "rotated label", rotation=90, fontsize=8)
    fig.text(0.5, 0.2, "at an angle", rotation=30, fontsize=8, color="#D55E00")
    return fig


def _drawn(canvas_cls, fig):
    canvas = canvas_cls(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[..., :3].astype(int)


@pytest.mark.skipif(not rendering._CAN_CACHE_TEXT, reason="matplotlib draws text its own way")
def test_texts_drawn_from_the_cache_are_matplotlibs_own():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = _texts_figure()
    theirs = _drawn(FigureCanvasAgg, fig)
    rendering._TEXTS.clear()
    first = _drawn(rendering.CourseCanvas, fig)  # rendered into the cache
    assert len(rendering._TEXTS) == 4
    again = _drawn(rendering.CourseCanvas, _texts_figure())  # copied from it
    assert len(rendering._TEXTS) == 4
    assert (first == again).all()
    ink = lambda a: (a.sum(axis=2) < 600)  # noqa: E731
    # the same glyphs in the same places: placed at whole pixels, within half a pixel
    assert ink(first).sum() == pytest.approx(ink(theirs).sum(), rel=0.03)
    assert np.abs(first - theirs).mean() < 1.5
    for dy, dx in ((1, 0), (-1, 0), (0, 1), (0, -1)):  # no shift fits better
        shifted = np.roll(np.roll(first, dy, axis=0), dx, axis=1)
        assert np.abs(shifted - theirs).mean() > np.abs(first - theirs).mean()


def test_a_long_source_line_wraps_inside_the_figure():
    fig = _course_like_figure()
    try:
        note = next(t for t in fig.texts if t.get_text().startswith("Source:"))
        assert "\n" in note.get_text()  # long enough to need two lines at 6 inches
        renderer = rendering.CourseCanvas(fig).get_renderer()
        for line in note.get_text().splitlines():
            width = renderer.get_text_width_height_descent(line, note.get_fontproperties(),
                                                           False)[0]
            assert width <= 0.98 * fig.get_figwidth() * fig.dpi
    finally:
        plt.close(fig)


def test_factory_figures_outside_pyplot_are_not_shown_by_pyplot():
    fig, ax = plotting.figure(pyplot=False, figsize=(4, 3), dpi=80, layout="constrained")
    assert isinstance(fig, rendering.CourseFigure) and fig.dpi == 80
    assert fig not in [plt.figure(n) for n in plt.get_fignums()]
    assert plotting.render_png(fig)[:4] == b"\x89PNG"


def _labelled_figure():
    fig, axes = plotting.figure(1, 2, figsize=(9, 4))
    for ax in axes:
        ax.barh(["a long label", "b", "c\nwith two lines"], [3, 5, 2])
        ax.set_title("A title: 44 per cent")
        ax.set_xlabel("value (units)")
        ax.text(1, 1, "two\nlines", fontsize=8)
    fig.suptitle("Suptitle", x=0.01, ha="left")
    plotting.source_note(axes[0], "sco_membership")
    return fig


def test_kept_font_heights_give_the_same_pixels(monkeypatch):
    """Text layout reads a font's heights from the renderer (kept per font and dpi):
    the picture is the one matplotlib lays out from the font's tables itself."""
    fig = _labelled_figure()
    try:
        ours = _png_array(rendering.inline_png(fig))
        monkeypatch.delattr(rendering._SharedMetricsRenderer, "_get_font_height_metrics")
        theirs = _png_array(rendering.inline_png(fig))
    finally:
        plt.close(fig)
    assert ours.shape == theirs.shape and (ours == theirs).all()


def test_a_figure_after_tight_layout_is_drawn_once_and_keeps_its_engine(monkeypatch):
    fig = _labelled_figure()
    fig.tight_layout()  # leaves an engine that does nothing
    engine = fig.get_layout_engine()
    monkeypatch.setattr(rendering, "_two_pass", lambda *a: pytest.fail("drawn twice"))
    try:
        png = rendering.inline_png(fig)
    finally:
        plt.close(fig)
    assert png[:4] == b"\x89PNG" and fig.get_layout_engine() is engine
