"""Drawing the course's figures to PNG cheaply (used by :mod:`course_lib.plotting`).

Most of the time a figure takes to draw goes into laying out its text: matplotlib asks
the font for the size of every label, tick label and title, and it asks again for
every new renderer. A notebook crops each figure to its contents, which takes two
renderers (one to measure, one of the cropped size to draw), and every figure of a
notebook repeats the same tick labels. Here the measurements are kept once per
process: a text's size depends only on the text, the font, its size, the resolution
and the hinting settings, all of which are in the key.

* :class:`CourseFigure` is the figure class of :func:`course_lib.plotting.figure`;
* :class:`CourseCanvas` is an Agg canvas whose renderers share the measurements;
* :func:`inline_png` is how a notebook shows a ``CourseFigure``: cropped to its
  contents like the inline backend does, at a resolution that fits the column.

>>> fig = CourseFigure(figsize=(2, 1), dpi=50)
>>> _ = fig.subplots()
>>> inline_png(fig)[:4]
b'\\x89PNG'
>>> inline_dpi(CourseFigure(figsize=(12, 4), dpi=100), max_width_px=900)
75.0
"""

from __future__ import annotations

import io

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import PlaceHolderLayoutEngine

#: How the course's PNGs are compressed: zlib level 3 instead of Pillow's 6 takes a
#: quarter less time to encode a figure, for files about a third larger.
PNG_OPTIONS = {"compress_level": 3}

_METRICS: dict[tuple, tuple[float, float, float]] = {}
_METRICS_MAX = 20_000


class _SharedMetricsRenderer(RendererAgg):
    """An Agg renderer that keeps text measurements for every renderer of the process."""

    def get_text_width_height_descent(self, s, prop, ismath):
        if ismath == "TeX":
            return super().get_text_width_height_descent(s, prop, ismath)
        key = (s, prop.copy(), ismath, self.dpi, mpl.rcParams["text.hinting"],
               mpl.rcParams["text.hinting_factor"], mpl.rcParams["text.antialiased"])
        found = _METRICS.get(key)
        if found is None:
            if len(_METRICS) >= _METRICS_MAX:
                _METRICS.clear()
            found = _METRICS[key] = super().get_text_width_height_descent(s, prop, ismath)
        return found


    def _get_font_height_metrics(self, prop):
        """A font's ascent, descent and line gap in pixels, as ``Text`` computes them
        for a renderer without this method (from the font's tables), kept per font
        and resolution instead of read from the font file's tables at every layout."""
        key = (prop.copy(), self.dpi)
        found = _HEIGHTS.get(key)
        if found is None:
            found = _HEIGHTS[key] = _font_height_metrics(prop, self.dpi)
        return found

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        """Matplotlib's text drawing, with each text's glyphs rendered once per process
        (a tick label or title that recurs, in another figure or an explorer's next
        frame, is copied, not rendered again). The text is placed at whole pixels
        (matplotlib places it to 1/64 pixel), so it may sit up to half a pixel away."""
        image = None
        if not ismath and _CAN_CACHE_TEXT:
            image = self._text_image(s, prop, angle, gc.get_antialiased(), mtext)
        if image is None:
            return super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
        pixels, left, top = image
        if pixels.size:
            column = round(x) + left
            row_top = int(self.height) - (round(self.height - y) + top)
            self._renderer.draw_text_image(pixels, column, row_top + pixels.shape[0], 0, gc)

    def _text_image(self, s, prop, angle, antialiased, mtext):
        features = language = None
        if mtext is not None:
            features, language = mtext.get_fontfeatures(), mtext.get_language()
        key = (s, prop.copy(), angle, self.dpi, bool(antialiased), features, language,
               mpl.rcParams["text.hinting"], mpl.rcParams["text.hinting_factor"])
        try:
            found = _TEXTS.get(key)
        except TypeError:  # an unhashable font feature list
            return None
        if found is None:
            if len(_TEXTS) >= _TEXTS_MAX:
                _TEXTS.clear()
            found = _TEXTS[key] = _glyphs_image(self, s, prop, angle, antialiased,
                                                features, language)
        return found


def _font_height_metrics(prop, dpi: float) -> tuple:
    """What matplotlib's ``Text._get_layout`` reads from the font's OS/2 or hhea table
    (``(None, None, None)`` for a font with neither: it then measures "lp")."""
    from matplotlib.font_manager import fontManager, get_font

    font = get_font(fontManager._find_fonts_by_props(prop))
    for table_name, gap, ascent, descent in (
            ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
            ("hhea", "lineGap", "ascent", "descent")):
        table = font.get_sfnt_table(table_name)
        if table is None:
            continue
        # the same expression as matplotlib's, so the same floating-point result
        scale = 1 / font.get_sfnt_table("head")["unitsPerEm"] * prop.get_size_in_points() \
            * dpi / 72
        return table[ascent] * scale, -table[descent] * scale, table[gap] * scale
    return None, None, None


_HEIGHTS: dict[tuple, tuple] = {}


def _glyphs_image(renderer, s, prop, angle, antialiased, features, language):
    """The text ``s`` rendered as matplotlib's Agg renderer renders it, glyph by glyph,
    with its origin at (0, 0): ``(alpha, left, top)``, ``alpha`` a uint8 array whose
    top-left pixel is at ``left``, ``top`` (FreeType's axes: y upwards)."""
    import math

    import numpy as np
    from matplotlib.backends.backend_agg import get_hinting_flag

    font = renderer._prepare_font(prop)
    items = font._layout(s, flags=get_hinting_flag(), features=features, language=language)
    size = prop.get_size_in_points()
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    flags = get_hinting_flag()
    matrix = tuple(map(tuple, (0x10000 * np.array([[cos, -sin], [sin, cos]])).round().astype(int)))
    glyphs = []
    for item in items:
        # the glyph's origin, in whole pixels and a remainder in eighths of a pixel: each
        # glyph is rendered once per remainder (not once per text), so a digit drawn at
        # a quarter pixel in one label is copied into the next
        x = item.x * cos - item.y * sin
        y = item.x * sin + item.y * cos
        ix, iy = math.floor(x), math.floor(y)
        fx, fy = round((x - ix) * 8), round((y - iy) * 8)
        key = (item.ft_object.fname, size, renderer.dpi, item.glyph_index, matrix, fx, fy,
               flags, antialiased)
        found = _GLYPHS.get(key)
        if found is None:
            if len(_GLYPHS) >= _GLYPHS_MAX:
                _GLYPHS.clear()
            found = _GLYPHS[key] = _glyph(item, size, renderer.dpi, matrix, fx, fy, flags,
                                          antialiased)
        buffer, gl, gt = found
        if buffer.size:
            glyphs.append((buffer, gl + ix, gt + iy))
    if not glyphs:
        return np.zeros((0, 0), np.uint8), 0, 0
    left = min(g[1] for g in glyphs)
    top = max(g[2] for g in glyphs)
    right = max(g[1] + g[0].shape[1] for g in glyphs)
    bottom = min(g[2] - g[0].shape[0] for g in glyphs)
    out = np.zeros((top - bottom, right - left), np.uint8)
    for buffer, gl, gt in glyphs:
        r, c = top - gt, gl - left
        region = out[r:r + buffer.shape[0], c:c + buffer.shape[1]]
        np.maximum(region, buffer, out=region)
    return out, left, top


def _glyph(item, size, dpi, matrix, fx, fy, flags, antialiased):
    """One glyph rendered with its origin at (``fx``, ``fy``) eighths of a pixel:
    ``(alpha, left, top)`` as FreeType gives them."""
    import numpy as np
    from matplotlib.ft2font import RenderMode

    ft = item.ft_object
    ft.set_size(size, dpi)
    ft._set_transform(np.array(matrix), [fx * 8, fy * 8])  # in 1/64 pixel
    bitmap = ft._render_glyph(item.glyph_index, flags,
                              RenderMode.NORMAL if antialiased else RenderMode.MONO)
    buffer = np.array(bitmap.buffer, dtype=np.uint8)
    if not antialiased:
        buffer *= 0xff
    return buffer, bitmap.left, bitmap.top


_GLYPHS: dict[tuple, tuple] = {}
_GLYPHS_MAX = 20_000


def _can_cache_text() -> bool:
    """Whether this matplotlib draws text the way :func:`_glyphs_image` copies (glyph
    by glyph, matplotlib >= 3.10); otherwise texts are drawn by matplotlib itself."""
    import inspect

    from matplotlib.ft2font import FT2Font

    try:
        source = inspect.getsource(RendererAgg.draw_text)
    except (OSError, TypeError):
        return False
    return ("_draw_text_glyphs_and_boxes" in source and hasattr(FT2Font, "_render_glyph")
            and hasattr(FT2Font, "_set_transform") and hasattr(FT2Font, "_layout"))


_TEXTS: dict[tuple, tuple] = {}
_TEXTS_MAX = 5_000
_CAN_CACHE_TEXT = _can_cache_text()


class CourseCanvas(FigureCanvasAgg):
    """An Agg canvas whose renderers share text measurements (see the module)."""

    def get_renderer(self):
        w, h = self.get_width_height(physical=True)
        key = (w, h, self.figure.dpi)
        if getattr(self, "_course_key", None) != key:
            self.renderer = _SharedMetricsRenderer(w, h, self.figure.dpi)
            self._course_key = key
        return self.renderer


class CourseFigure(Figure):
    """A matplotlib ``Figure`` made by the course's figure factory; a notebook shows it
    with :func:`inline_png`."""


def agg_canvas(fig) -> FigureCanvasAgg:
    """``fig``'s canvas if it draws with Agg, otherwise a new :class:`CourseCanvas`."""
    if isinstance(fig.canvas, FigureCanvasAgg):
        return fig.canvas
    return CourseCanvas(fig)


def inline_dpi(fig, max_width_px: int = 900) -> float:
    """The resolution to show ``fig`` at: its own, or less for a figure wider than
    ``max_width_px`` pixels (a notebook column), so its PNG is not scaled down."""
    width = fig.get_figwidth()
    return float(min(fig.dpi, max_width_px / width)) if width > 0 else float(fig.dpi)


def inline_png(fig, *, max_width_px: int = 900, pad_inches: float = 0.1,
               dpi: float | None = None, margin_inches: float = 1.5) -> bytes | None:
    """``fig`` as a notebook shows it: PNG cropped to its contents with ``pad_inches``
    around them (as the inline backend's default ``bbox_inches="tight"``), at
    :func:`inline_dpi`. Returns ``None`` for a figure without axes (the inline
    backend shows nothing then).

    The inline backend lays a figure out twice, once to find its contents and once
    more to draw them. Here a figure without a layout engine is drawn once, onto a
    canvas ``margin_inches`` larger on every side (a source line below the axes, a
    legend beside them), and the PNG is cut from that drawing around what was drawn.
    If the drawing reaches the canvas's edge, or the figure has a layout engine, it
    is drawn the inline backend's way (with shared text measurements).

    >>> fig = CourseFigure(figsize=(3, 2), dpi=50)
    >>> ax = fig.subplots(); _ = ax.set_title("title"); _ = fig.text(0.01, -0.1, "below")
    >>> one, two = png_size(inline_png(fig)), png_size(_two_pass(CourseCanvas(fig), fig, 50, 0.1))
    >>> all(abs(a - b) <= 2 for a, b in zip(one, two)), one
    (True, (149, 119))
    """
    if not fig.axes:
        return None
    dpi = float(dpi or inline_dpi(fig, max_width_px))
    old = fig.canvas
    canvas = CourseCanvas(fig)
    engine = fig.get_layout_engine()
    # what fig.tight_layout() leaves behind: an engine that does nothing, but makes
    # print_figure lay the figure out (a drawing without pixels) before drawing it
    idle = type(engine) is PlaceHolderLayoutEngine
    try:
        png = None
        if engine is None or idle:
            if idle:
                fig.set_layout_engine(None)
            png = _one_pass(canvas, fig, dpi, pad_inches, margin_inches)
        if png is not None and _reaches_beyond(fig, canvas, margin_inches):
            png = None  # something lies wholly outside the canvas that was drawn
        return png if png is not None else _two_pass(canvas, fig, dpi, pad_inches)
    finally:
        if idle:
            fig.set_layout_engine(engine)
        fig.set_canvas(old)


def _two_pass(canvas, fig, dpi: float, pad_inches: float) -> bytes:
    buf = io.BytesIO()
    canvas.print_figure(buf, format="png", dpi=dpi, bbox_inches="tight",
                        pil_kwargs=dict(PNG_OPTIONS),
                        pad_inches=pad_inches, facecolor=fig.get_facecolor(),
                        edgecolor=fig.get_edgecolor())
    return buf.getvalue()


def _one_pass(canvas, fig, dpi: float, pad_inches: float, margin: float) -> bytes | None:
    """Draw once onto a canvas ``margin`` inches larger on every side and cut the PNG
    around what was drawn; None if the drawing reaches that canvas's edge."""
    import numpy as np
    from matplotlib.transforms import Bbox
    from PIL import Image

    width, height = fig.get_size_inches()
    area = Bbox.from_extents(-margin, -margin, width + margin, height + margin)
    canvas.print_figure(io.BytesIO(), format="rgba", dpi=dpi, bbox_inches=area,
                        facecolor=fig.get_facecolor(), edgecolor=fig.get_edgecolor())
    rgba = np.asarray(canvas.buffer_rgba())
    pixels = rgba.view(np.uint32)[..., 0]  # one number per pixel: fast to compare
    drawn = pixels != pixels[0, 0]  # a corner shows the figure's face: nothing is that far out
    rows, cols = np.flatnonzero(drawn.any(axis=1)), np.flatnonzero(drawn.any(axis=0))
    if not len(rows) or rows[0] == 0 or cols[0] == 0 or rows[-1] == rgba.shape[0] - 1 \
            or cols[-1] == rgba.shape[1] - 1:
        return None
    pad = int(round(pad_inches * dpi))
    top, bottom = max(0, rows[0] - pad), min(rgba.shape[0], rows[-1] + 1 + pad)
    left, right = max(0, cols[0] - pad), min(rgba.shape[1], cols[-1] + 1 + pad)
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgba[top:bottom, left:right]), "RGBA").save(
        buf, format="png", dpi=(dpi, dpi), **PNG_OPTIONS)
    return buf.getvalue()


def _reaches_beyond(fig, canvas, margin: float) -> bool:
    """Whether a text, legend or annotation of ``fig`` (the artists not clipped to an
    axes) reaches more than ``margin`` inches beyond the figure's edges."""
    from matplotlib.axes import Axes
    from matplotlib.legend import Legend
    from matplotlib.offsetbox import AnnotationBbox
    from matplotlib.text import Text

    free = [a for a in fig.get_children() if a is not fig.patch and not isinstance(a, Axes)]
    for ax in fig.axes:
        free += [a for a in ax.get_children() if isinstance(a, (Text, Legend, AnnotationBbox))]
    renderer = canvas.get_renderer()
    dpi = fig.dpi
    width, height = fig.get_size_inches() * dpi
    edge = margin * dpi
    for artist in free:
        if not artist.get_visible():
            continue
        box = artist.get_window_extent(renderer)
        if box.width == 0 and box.height == 0:
            continue
        if box.x0 < -edge or box.y0 < -edge or box.x1 > width + edge or box.y1 > height + edge:
            return True
    return False


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG image, from its header."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def text_width(text: str, fontsize: float) -> float:
    """How wide ``text`` is, in inches, in the default font at ``fontsize`` points
    (measured once per process).

    >>> text_width("wide text", 10) > text_width("text", 10) > 0
    True
    """
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(size=fontsize)
    return max((_SharedMetricsRenderer(1, 1, 72).get_text_width_height_descent(
        line, prop, False)[0] for line in text.splitlines()), default=0.0) / 72


def wrap_to_width(text: str, width_in: float, fontsize: float) -> str:
    """``text`` broken into lines (at spaces) no wider than ``width_in`` inches at
    ``fontsize`` points: measured once, instead of matplotlib's ``wrap=True``, which
    measures every candidate line again at each drawing.

    >>> wrap_to_width("Source: the course", 5, 7)
    'Source: the course'
    >>> lines = wrap_to_width("word " * 60, 3, 7).splitlines()
    >>> len(lines) > 1 and max(len(line) for line in lines) < 60
    True
    """
    import textwrap

    from matplotlib.font_manager import FontProperties

    renderer = _SharedMetricsRenderer(1, 1, 72)
    prop = FontProperties(size=fontsize)
    lines = text.splitlines()
    width = max((renderer.get_text_width_height_descent(line, prop, False)[0]
                 for line in lines), default=0.0)
    limit = width_in * 72
    if width <= limit:
        return text
    chars = max(10, int(len(max(lines, key=len)) * limit / width * 0.97))
    return "\n".join(textwrap.fill(line, chars) for line in lines)
