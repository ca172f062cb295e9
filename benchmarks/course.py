"""The whole course against the floor of bare kernels (``make bench``, section 1).

The floor is the same number of fresh kernels that only import pandas, matplotlib and
ipywidgets. Each notebook's time is split by kind of cell from nbclient's timing
metadata; one more run of the course with inline figures not drawn tells what the
figures cost.

>>> cell_seconds({"metadata": {}})
0.0
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

FLOOR_SOURCE = "import pandas\nimport matplotlib.pyplot as plt\nimport ipywidgets\n"
# Prepended to each notebook for the attribution run: figures are still built and laid
# out, but no inline PNG is drawn (neither the course's own, course_lib.rendering, nor
# the inline backend's); explorers still draw.
NO_INLINE_FIGURES = ("import matplotlib.backend_bases as _bb\n"
                     "_bb.FigureCanvasBase.print_figure = lambda self, *a, **k: None\n"
                     "try:\n"
                     "    import course_lib.rendering as _r\n"
                     "    _r.inline_png = lambda *a, **k: None\n"
                     "except ImportError:  # a course_lib from before rendering.py\n"
                     "    pass\n")


def execute(nb, cwd: Path) -> float:
    """Run ``nb`` in a fresh kernel with ``cwd`` as its folder; the seconds it took."""
    from nbclient import NotebookClient

    start = time.perf_counter()
    NotebookClient(nb, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": str(cwd)}}).execute()
    return time.perf_counter() - start


def cell_seconds(cell) -> float:
    """A cell's execution time from nbclient's timing metadata (0 if not recorded)."""
    m = cell.get("metadata", {}).get("execution", {})
    start, end = m.get("iopub.execute_input"), m.get("shell.execute_reply")
    if not (start and end):
        return 0.0
    parse = lambda t: dt.datetime.fromisoformat(t.replace("Z", "+00:00"))  # noqa: E731
    return (parse(end) - parse(start)).total_seconds()


def shows_png(cell) -> bool:
    return any("image/png" in o.get("data", {}) for o in cell.get("outputs", []))


def cell_parts(nb, total: float) -> dict[str, float]:
    """Split an executed notebook's time by kind of cell: the first code cell (imports),
    cells that build an explorer, other cells that show a figure, the rest, and what is
    outside any cell (kernel start and shutdown)."""
    parts = dict.fromkeys(("imports", "explorers", "figures", "other cells", "kernel"), 0.0)
    code = [c for c in nb.cells if c.cell_type == "code"]
    for i, cell in enumerate(code):
        secs = cell_seconds(cell)
        if i == 0:
            kind = "imports"
        elif "_explorer(" in cell.source or "verdict_form(" in cell.source:
            kind = "explorers"
        elif shows_png(cell):
            kind = "figures"
        else:
            kind = "other cells"
        parts[kind] += secs
    parts["kernel"] = max(0.0, total - sum(parts.values()))
    return parts


def inline_pngs(nb) -> int:
    """How many PNG figures an executed notebook shows inline."""
    return sum(1 for cell in nb.cells if cell.cell_type == "code"
               for out in cell.get("outputs", []) if "image/png" in out.get("data", {}))


def add_parts(into: dict[str, float], nb, seconds: float) -> None:
    """Add an executed notebook's time, split by :func:`cell_parts`, to a run's sums."""
    for k, v in cell_parts(nb, seconds).items():
        into[k] = into.get(k, 0.0) + v


def with_first_cell(path: Path, source: str):
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(source))
    return nb


def _cells_floor(nb):
    """The floor notebook with as many code cells as ``nb`` (the others only ``pass``):
    what the kernel's round trip for each cell costs, without any work in the cells."""
    import nbformat

    n = sum(1 for c in nb.cells if c.cell_type == "code")
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)] + [
        nbformat.v4.new_code_cell("pass") for _ in range(max(n - 1, 0))])


def bench_course(runs: int, only: str | None) -> dict:
    """``runs`` rounds over the notebooks, each run as shipped, beside a floor kernel,
    without inline figures and as a floor kernel with its number of (empty) cells;
    medians and the split by kind of cell."""
    import nbformat

    from course_lib.runner import course_notebooks

    paths = [p for p in course_notebooks() if not only or p.name.startswith(only)]
    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])
    cells_nbs = [_cells_floor(nbformat.read(str(p), as_version=4)) for p in paths]
    course, floor, bare, per_nb = [], [], [], {p.name: [] for p in paths}
    cells_floor: list[float] = []
    figures, parts, floor_parts = 0, [], []
    for r in range(runs):
        t_course = t_bare = t_floor = t_cells = 0.0
        figures, run_parts, run_floor = 0, {}, {}
        # Each notebook is run beside its floor kernels, one after the other, so that
        # a machine that slows down for a minute slows both sides of the ratio alike.
        with tempfile.TemporaryDirectory() as tmp:
            for p, cells_nb in zip(paths, cells_nbs):
                nb = nbformat.read(str(p), as_version=4)
                t = execute(nb, p.parent)
                figures += inline_pngs(nb)
                add_parts(run_parts, nb, t)
                per_nb[p.name].append(t)
                t_course += t
                nb = nbformat.from_dict(floor_nb)
                t = execute(nb, Path(tmp))
                t_floor += t
                add_parts(run_floor, nb, t)
                t_bare += execute(with_first_cell(p, NO_INLINE_FIGURES), p.parent)
                t_cells += execute(nbformat.from_dict(cells_nb), Path(tmp))
        bare.append(t_bare)
        parts.append(run_parts)
        floor_parts.append(run_floor)
        cells_floor.append(t_cells)
        course.append(t_course)
        floor.append(t_floor)
        print(f"  run {r + 1}/{runs}: course {t_course:.1f} s, floor {t_floor:.1f} s "
              f"({len(paths)} kernels)", flush=True)
    ratios = [c / f for c, f in zip(course, floor)]
    return {"notebooks": len(paths), "course_s": course, "floor_s": floor, "ratio": ratios,
            "no_inline_figures_s": bare, "inline_figures": figures,
            "cells_floor_s": cells_floor, "code_cells": sum(len(nb.cells) for nb in cells_nbs),
            "cell_parts_s": {k: statistics.median(p[k] for p in parts) for k in parts[0]},
            "floor_parts_s": {k: statistics.median(p[k] for p in floor_parts)
                              for k in floor_parts[0]},
            "per_notebook_s": {k: statistics.median(v) for k, v in per_nb.items()}}
