"""Benchmarks of the course (``make bench``): writes benchmarks/results.md.

Measured as ratios or differences within one run, so that a slower or busier machine
changes every figure alike:

1. the whole course's execution time over the floor (the same number of fresh kernels
   that only import pandas, matplotlib and ipywidgets); goal <= 1.5;
2. every explorer's update (compute + redraw + PNG), median and 95th percentile over
   at least 50 updates; goal: median < 50 ms;
3. ``import course_lib`` (and its everyday modules) over importing pandas and
   matplotlib; goal < 0.15 s more;
4. loading every dataset (first load in a fresh process, and cached).

Usage: ``python -m benchmarks.run [--runs 3] [--updates 60] [--only 02]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT_MD = REPO / "benchmarks" / "results.md"
OUT_JSON = REPO / "benchmarks" / "results.json"

FLOOR_SOURCE = "import pandas\nimport matplotlib.pyplot as plt\nimport ipywidgets\n"
# Prepended to each notebook for the attribution run: figures are still built and laid
# out, but the inline backend's PNG of each one is not drawn (explorers still draw).
NO_INLINE_FIGURES = ("import matplotlib.backend_bases as _bb\n"
                     "_bb.FigureCanvasBase.print_figure = lambda self, *a, **k: None\n")
# Prepended for the second attribution run: inline figures are drawn but not cropped to
# their contents (the inline backend's default is bbox_inches="tight", which lays every
# figure out twice). Measures what that one lever would save; the course keeps cropping.
NO_CROP = ("get_ipython().run_line_magic('config', "
           "\"InlineBackend.print_figure_kwargs = {'bbox_inches': None}\")\n")

# Run inside the kernel after a notebook has executed: cycle every control of every
# live explorer and time each update (Explorer.last_seconds = compute + redraw + PNG).
PROBE_SOURCE = r'''
import json as _json, itertools as _it
from course_lib.widgets import live_explorers as _live

def _next_values(w, n):
    opts = getattr(w, "options", None)
    if opts is not None and len(opts):
        vals = [o[1] if isinstance(o, tuple) and len(o) == 2 else o for o in opts]
        if isinstance(w.value, tuple):  # SelectMultiple: growing and shrinking subsets
            subsets = [tuple(vals[: k]) for k in range(1, len(vals) + 1)]
            return list(_it.islice(_it.cycle(subsets + subsets[::-1]), n))
        return list(_it.islice(_it.cycle(vals), n))
    if isinstance(w.value, bool):
        return [bool((i + (not w.value)) % 2) for i in range(n)]
    if hasattr(w, "min") and hasattr(w, "max") and isinstance(w.value, (int, float)):
        step = getattr(w, "step", 1) or 1
        k = max(1, int(round((w.max - w.min) / step)))
        grid = [w.min + step * i for i in range(k + 1)]
        grid = [type(w.value)(g) for g in grid]
        return list(_it.islice(_it.cycle(grid + grid[::-1]), n))
    return []

_results = []
for _ex in _live():
    _times = []
    for _name, _w in _ex.controls.items():
        for _v in _next_values(_w, __N__):
            if _v == _w.value:
                continue
            _w.value = _v  # triggers Explorer.update through observe
            _times.append(_ex.last_seconds)
    _results.append({"explorer": type(_ex).__name__, "controls": list(_ex.controls),
                     "times": _times})
print("BENCH" + _json.dumps(_results))
'''


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for p in ("pandas", "numpy", "matplotlib", "ipywidgets", "ipykernel", "nbclient"):
        try:
            out[p] = metadata.version(p)
        except metadata.PackageNotFoundError:
            out[p] = "-"
    return out


def _machine() -> dict[str, str]:
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cores": str(os.cpu_count()), "memory": mem, "cpu": cpu,
            "platform": platform.platform()}


def _execute(nb, cwd: Path) -> float:
    from nbclient import NotebookClient

    start = time.perf_counter()
    NotebookClient(nb, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": str(cwd)}}).execute()
    return time.perf_counter() - start


def _cell_seconds(cell) -> float:
    """A cell's execution time from nbclient's timing metadata (0 if not recorded)."""
    m = cell.get("metadata", {}).get("execution", {})
    start, end = m.get("iopub.execute_input"), m.get("shell.execute_reply")
    if not (start and end):
        return 0.0
    parse = lambda t: dt.datetime.fromisoformat(t.replace("Z", "+00:00"))  # noqa: E731
    return (parse(end) - parse(start)).total_seconds()


def _shows_png(cell) -> bool:
    return any("image/png" in o.get("data", {}) for o in cell.get("outputs", []))


def _cell_parts(nb, total: float) -> dict[str, float]:
    """Split an executed notebook's time by kind of cell: the first code cell (imports),
    cells that build an explorer, other cells that show a figure, the rest, and what is
    outside any cell (kernel start and shutdown)."""
    parts = dict.fromkeys(("imports", "explorers", "figures", "other cells", "kernel"), 0.0)
    code = [c for c in nb.cells if c.cell_type == "code"]
    for i, cell in enumerate(code):
        secs = _cell_seconds(cell)
        if i == 0:
            kind = "imports"
        elif "_explorer(" in cell.source or "verdict_form(" in cell.source:
            kind = "explorers"
        elif _shows_png(cell):
            kind = "figures"
        else:
            kind = "other cells"
        parts[kind] += secs
    parts["kernel"] = max(0.0, total - sum(parts.values()))
    return parts


def _inline_pngs(nb) -> int:
    """How many PNG figures an executed notebook shows inline."""
    return sum(1 for cell in nb.cells if cell.cell_type == "code"
               for out in cell.get("outputs", []) if "image/png" in out.get("data", {}))


def _add_parts(into: dict[str, float], nb, seconds: float) -> None:
    """Add an executed notebook's time, split by :func:`_cell_parts`, to a run's sums."""
    for k, v in _cell_parts(nb, seconds).items():
        into[k] = into.get(k, 0.0) + v


def _with_first_cell(path: Path, source: str):
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(source))
    return nb


def bench_course(runs: int, only: str | None) -> dict:
    import nbformat

    from course_lib.runner import course_notebooks

    paths = [p for p in course_notebooks() if not only or p.name.startswith(only)]
    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])
    course, floor, bare, no_crop, per_nb = [], [], [], [], {p.name: [] for p in paths}
    figures, parts, floor_parts = 0, [], []
    for r in range(runs):
        t_course = t_bare = t_no_crop = 0.0
        figures, run_parts = 0, {}
        for p in paths:
            nb = nbformat.read(str(p), as_version=4)
            t = _execute(nb, p.parent)
            figures += _inline_pngs(nb)
            _add_parts(run_parts, nb, t)
            per_nb[p.name].append(t)
            t_course += t
            t_bare += _execute(_with_first_cell(p, NO_INLINE_FIGURES), p.parent)
            t_no_crop += _execute(_with_first_cell(p, NO_CROP), p.parent)
        bare.append(t_bare)
        no_crop.append(t_no_crop)
        parts.append(run_parts)
        t_floor, run_floor = 0.0, {}
        with tempfile.TemporaryDirectory() as tmp:
            for _ in paths:
                nb = nbformat.from_dict(floor_nb)
                t = _execute(nb, Path(tmp))
                t_floor += t
                _add_parts(run_floor, nb, t)
        floor_parts.append(run_floor)
        course.append(t_course)
        floor.append(t_floor)
        print(f"  run {r + 1}/{runs}: course {t_course:.1f} s, floor {t_floor:.1f} s "
              f"({len(paths)} kernels)", flush=True)
    ratios = [c / f for c, f in zip(course, floor)]
    return {"notebooks": len(paths), "course_s": course, "floor_s": floor, "ratio": ratios,
            "no_inline_figures_s": bare, "no_crop_s": no_crop, "inline_figures": figures,
            "cell_parts_s": {k: statistics.median(p[k] for p in parts) for k in parts[0]},
            "floor_parts_s": {k: statistics.median(p[k] for p in floor_parts)
                              for k in floor_parts[0]},
            "per_notebook_s": {k: statistics.median(v) for k, v in per_nb.items()}}


def bench_explorers(updates: int, only: str | None) -> dict:
    import nbformat

    from course_lib.runner import course_notebooks

    results = {}
    for p in course_notebooks():
        if only and not p.name.startswith(only):
            continue
        nb = nbformat.read(str(p), as_version=4)
        if "course_lib.widgets" not in "".join(c.source for c in nb.cells):
            continue
        nb.cells.append(nbformat.v4.new_code_cell(PROBE_SOURCE.replace("__N__", str(updates))))
        _execute(nb, p.parent)
        text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
        line = [ln for ln in text.splitlines() if ln.startswith("BENCH")]
        data = json.loads(line[0][5:]) if line else []
        for i, ex in enumerate(data):
            times = sorted(ex["times"])
            if not times:
                continue
            results[f"{p.stem}#{i + 1}"] = {
                "controls": ex["controls"], "n": len(times),
                "median_ms": 1000 * statistics.median(times),
                "p95_ms": 1000 * times[min(len(times) - 1, int(0.95 * len(times)))],
                "max_ms": 1000 * times[-1],
            }
        print(f"  {p.name}: {len(data)} explorer(s)", flush=True)
    return results


def bench_import(runs: int) -> dict:
    """In fresh processes: the time to import pandas and matplotlib.pyplot, then the time
    that importing course_lib (and then its everyday modules) adds on top."""
    code = (
        "import time\nt0=time.perf_counter()\nimport pandas, matplotlib, matplotlib.pyplot\n"
        "t1=time.perf_counter()\nimport course_lib\nt2=time.perf_counter()\n"
        "from course_lib import data, sco, claims, exercises, plotting\n"
        "t3=time.perf_counter()\nprint(t1-t0, t2-t1, t3-t1)"
    )
    base, lib, every = [], [], []
    for _ in range(runs):
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, cwd=tempfile.gettempdir())
        a, b, c = map(float, res.stdout.split())
        base.append(a)
        lib.append(b)
        every.append(c)
    return {"baseline_s": statistics.median(base),
            "import_course_lib_extra_s": statistics.median(lib),
            "everyday_modules_extra_s": statistics.median(every), "runs": runs}


def bench_load(runs: int) -> dict:
    code = (
        "import time, json\nfrom course_lib import data\nres={}\n"
        "for n in data.names():\n t=time.perf_counter(); data.load(n); a=time.perf_counter()-t\n"
        " t=time.perf_counter(); data.load(n); b=time.perf_counter()-t\n res[n]=(a,b)\n"
        "print('LOAD'+json.dumps(res))"
    )
    per: dict[str, list] = {}
    for _ in range(runs):
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True)
        line = [ln for ln in res.stdout.splitlines() if ln.startswith("LOAD")][0]
        for k, (a, b) in json.loads(line[4:]).items():
            per.setdefault(k, []).append((a, b))
    return {k: {"first_ms": 1000 * statistics.median(a for a, _ in v),
                "cached_ms": 1000 * statistics.median(b for _, b in v)} for k, v in per.items()}


def _where_time_goes(c: dict) -> list[str]:
    """The attribution section of results.md: what the course spends its time on, and
    what each lever that was measured would give."""
    med = statistics.median
    course_s, floor_s, n = med(c["course_s"]), med(c["floor_s"]), c["notebooks"]
    bare_s = med(c["no_inline_figures_s"])

    def ratio(runs: list[float]) -> float:
        """Median over runs of a run's time over that run's floor (as in the goal row)."""
        return med([t / f for t, f in zip(runs, c["floor_s"])])

    r_course, r_bare = ratio(c["course_s"]), ratio(c["no_inline_figures_s"])
    r_crop = ratio(c["no_crop_s"]) if c.get("no_crop_s") else None
    lines = ["", "## Where the course's time goes", ""]
    parts, fparts = c.get("cell_parts_s"), c.get("floor_parts_s")
    figs = c.get("inline_figures", 0)
    if parts and fparts:
        rows = [("kernel start and shutdown (outside any cell)", "kernel"),
                ("first code cell: imports (pandas, matplotlib, ipywidgets; course_lib)",
                 "imports"),
                ("cells that build an explorer or the verdict form", "explorers"),
                (f"other cells that show a figure ({figs} inline figures in the course)",
                 "figures"),
                ("all other cells: loading data, analyses, tables, exercise checks",
                 "other cells")]
        lines += [f"By kind of cell, summed over the {n} notebooks (nbclient's timing of "
                  "each cell; the floor runs one import cell per kernel):", "",
                  "| part | course s | floor s | above the floor s |", "|---|---|---|---|"]
        for label, key in rows:
            lines.append(f"| {label} | {parts[key]:.1f} | {fparts.get(key, 0.0):.1f} | "
                         f"{parts[key] - fparts.get(key, 0.0):.1f} |")
        lines += [f"| **total** | {course_s:.1f} | {floor_s:.1f} | {course_s - floor_s:.1f} |",
                  ""]
    lines += ["The same course run with one lever pulled (a cell put first in every notebook):",
              "", "| run | course s | course / floor |", "|---|---|---|",
              f"| as shipped | {course_s:.1f} | {r_course:.2f} |"]
    no_crop_text = ""
    if figs:
        lines_fig = (f"Drawing takes {1000 * (course_s - bare_s) / figs:.0f} ms per inline "
                     f"figure on average ({figs} figures). ")
    else:
        lines_fig = ""
    if c.get("no_crop_s"):
        crop_s = med(c["no_crop_s"])
        no_crop_text = (
            f" Measured and not kept: not cropping inline figures would save "
            f"{course_s - crop_s:.1f} s ({100 * (course_s - crop_s) / course_s:.0f} % of the "
            "course) but needs every figure redesigned (their source lines sit below the "
            f"axes and rely on the crop), for a ratio of {r_crop:.2f}.")
        lines.append(f"| inline figures not cropped to their contents (`bbox_inches=None`; "
                     f"cropping lays each figure out twice) | {crop_s:.1f} | "
                     f"{r_crop:.2f} |")
    lines += [f"| inline figures not drawn at all | {bare_s:.1f} | {r_bare:.2f} |",
              ""]
    if r_course > 1.5:
        if r_bare > 1.5:
            rest = (f"Even a course that drew no inline figure would stand at "
                    f"{r_bare:.2f}: the rest is building the explorers (each draws "
                    "its first picture and, where it pays, a frozen background), loading and "
                    "validating data (schema and sha256, once per kernel) and the analyses "
                    "themselves. Meeting 1.5 would mean dropping figures or explorers, which "
                    "the course exists to show.")
        else:
            rest = (f"Without drawing the inline figures the course would stand at "
                    f"{r_bare:.2f}, so the figures are where to look first.")
        lines += [f"**Why the goal of 1.5 is missed.** {lines_fig}The goal leaves "
                  f"{0.5 * floor_s / n:.2f} s per notebook above the floor for all of a "
                  f"notebook's work; the notebooks take {(course_s - floor_s) / n:.2f} s on "
                  f"average. {rest}", ""]
    lines += [
              "**What was tried.** Kept: `import course_lib` loads nothing until used; "
              "membership queries and claim evaluations are cached per state of data/ (a "
              "changed file is still validated again); explorers redraw only their live "
              "artists over a frozen background (see the explorer table)." + no_crop_text]
    return lines


def render(results: dict) -> str:
    m, v = results["machine"], results["versions"]
    c = results.get("course")
    lines = [
        "# Benchmarks", "",
        f"Run {results['date']} with `make bench` ({results['runs']} runs; medians, with the "
        "spread as min–max).", "",
        f"Machine: {m['cores']} cores, {m['memory']}, {m['cpu']}; {m['platform']}.  ",
        "Versions: " + ", ".join(f"{k} {val}" for k, val in v.items()) + ".", "",
        "| measure | result | goal | met |", "|---|---|---|---|",
    ]
    if c:
        r = c["ratio"]
        lines.append(
            f"| whole course / floor ({c['notebooks']} kernels) | {statistics.median(r):.2f} "
            f"(min {min(r):.2f}, max {max(r):.2f}); course {statistics.median(c['course_s']):.1f} s, "
            f"floor {statistics.median(c['floor_s']):.1f} s | ≤ 1.5 | "
            f"{'yes' if statistics.median(r) <= 1.5 else 'NO'} |")
    ex = results.get("explorers", {})
    if ex:
        worst = max(e["median_ms"] for e in ex.values())
        lines.append(f"| slowest explorer update, median | {worst:.1f} ms | < 50 ms | "
                     f"{'yes' if worst < 50 else 'NO'} |")
    imp = results.get("import")
    if imp:
        lines.append(f"| `import course_lib` over pandas + matplotlib | "
                     f"{1000 * imp['import_course_lib_extra_s']:.0f} ms | < 150 ms | "
                     f"{'yes' if imp['import_course_lib_extra_s'] < 0.15 else 'NO'} |")
        lines.append(f"| `from course_lib import data, sco, claims, exercises, plotting` | "
                     f"{1000 * imp['everyday_modules_extra_s']:.0f} ms | (information) | |")
    if c and c.get("no_inline_figures_s"):
        lines += _where_time_goes(c)
    if c:
        lines += ["", "## Execution time per notebook (median)", "", "| notebook | seconds |",
                  "|---|---|"]
        lines += [f"| {k} | {s:.2f} |" for k, s in c["per_notebook_s"].items()]
    if ex:
        lines += ["", "## Explorer updates (compute + redraw + PNG)", "",
                  "| explorer | controls | updates | median ms | p95 ms | max ms |",
                  "|---|---|---|---|---|---|"]
        lines += [f"| {k} | {', '.join(e['controls'])} | {e['n']} | {e['median_ms']:.1f} | "
                  f"{e['p95_ms']:.1f} | {e['max_ms']:.1f} |" for k, e in ex.items()]
    ld = results.get("load")
    if ld:
        lines += ["", "## Loading each dataset (fresh process; then cached)", "",
                  "| dataset | first load ms | cached ms |", "|---|---|---|"]
        lines += [f"| {k} | {e['first_ms']:.1f} | {e['cached_ms']:.2f} |" for k, e in ld.items()]
        lines.append(f"| **all** | {sum(e['first_ms'] for e in ld.values()):.0f} | |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--updates", type=int, default=60,
                    help="values tried per control (>= 50 updates per explorer in all)")
    ap.add_argument("--only", default=None, help="only notebooks starting with this, e.g. 02")
    ap.add_argument("--skip-course", action="store_true")
    args = ap.parse_args(argv)
    results = {"date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "runs": args.runs,
               "machine": _machine(), "versions": _versions()}
    print("import time ...", flush=True)
    results["import"] = bench_import(max(5, args.runs * 3))
    print("loading datasets ...", flush=True)
    results["load"] = bench_load(args.runs)
    print("explorers ...", flush=True)
    results["explorers"] = bench_explorers(args.updates, args.only)
    if not args.skip_course:
        print("whole course vs floor ...", flush=True)
        results["course"] = bench_course(args.runs, args.only)
    OUT_JSON.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    OUT_MD.write_text(render(results), encoding="utf-8")
    print(render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
