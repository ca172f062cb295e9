"""benchmarks/results.md from the results of a run (``make bench``)."""

from __future__ import annotations

import importlib
import statistics

def where_time_goes(c: dict) -> list[str]:
    """The attribution section of results.md: what the course spends its time on, and
    what the course would take without drawing its inline figures."""
    med = statistics.median
    course_s, floor_s, n = med(c["course_s"]), med(c["floor_s"]), c["notebooks"]
    bare_s = med(c["no_inline_figures_s"])

    def ratio(runs: list[float]) -> float:
        """Median over runs of a run's time over that run's floor (as in the goal row)."""
        return med([t / f for t, f in zip(runs, c["floor_s"])])

    r_course, r_bare = ratio(c["course_s"]), ratio(c["no_inline_figures_s"])
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
    per_figure = (f"Drawing takes {1000 * (course_s - bare_s) / figs:.0f} ms per inline "
                  f"figure on average ({figs} figures). ") if figs else ""
    lines += ["The same course with its inline figures built but not drawn (a cell put "
              "first in every notebook), and the floor's kernels given as many code cells "
              "as the notebooks have, all empty but the first:", "",
              "| run | seconds | / floor |", "|---|---|---|",
              f"| as shipped | {course_s:.1f} | {r_course:.2f} |",
              f"| inline figures not drawn at all | {bare_s:.1f} | {r_bare:.2f} |"]
    if c.get("cells_floor_s"):
        lines.append(f"| the floor with {c['code_cells']} code cells (`pass`) | "
                     f"{med(c['cells_floor_s']):.1f} | {ratio(c['cells_floor_s']):.2f} |")
    lines += ["", per_figure.strip()]
    if r_course > 1.5:
        rest = (f"Even a course that drew no inline figure would stand at {r_bare:.2f}: "
                "the rest is the work of the cells themselves (above: evaluating the "
                "claims and building their evidence, loading and validating data, the "
                "analyses, building the explorers) and the kernel's round trip for each of "
                "the course's cells." if r_bare > 1.5 else
                f"Without drawing the inline figures the course would stand at "
                f"{r_bare:.2f}, so the figures are where to look first.")
        if c.get("cells_floor_s"):
            rest += (f" Kernels that only run as many empty cells as the course has stand "
                     f"at {ratio(c['cells_floor_s']):.2f} of the floor before any work.")
        lines += ["", f"**Why the goal of 1.5 is missed.** The goal leaves "
                  f"{0.5 * floor_s / n:.2f} s per notebook above the floor for all of a "
                  f"notebook's work; the notebooks take {(course_s - floor_s) / n:.2f} s on "
                  f"average. {rest}"]
    lines += ["", "**What was tried.** Kept: `import course_lib` loads nothing until used, "
              "and `make setup` byte-compiles it (with `PYTHONDONTWRITEBYTECODE` set, as "
              "here, every kernel compiled it again); membership queries, claim "
              "evaluations with their evidence and other tables are cached per state of "
              "data/ (a changed file is still validated again), a state read once per "
              "notebook cell; numbers in data/ are parsed by the CSV reader; explorers are "
              "laid out once without drawing, redraw only their live artists over a "
              "frozen background (a background per state drawn when first shown) and draw "
              "their first frame once; figures come from one factory (`plotting.figure`), "
              "whose inline PNG is drawn once onto a canvas with a margin and cut around "
              "its contents (the inline backend lays each figure out twice to crop it), at "
              "most 900 pixels wide, without a layout engine in the notebooks; each text "
              "is measured once per process, each glyph rendered once per process and "
              "eighth of a pixel, a font's heights read once, PNGs compressed at zlib "
              "level 3; the report's figure is drawn once for the notebook and the report; "
              "the world map's shapes are kept as paths per state of data/."]
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
        lines += where_time_goes(c)
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
    for name, result in results.get("extra", {}).items():  # run.EXTRA_SECTIONS
        section = importlib.import_module(name)
        lines += ["", f"## {section.NAME}", "", *section.render(result)]
    return "\n".join(lines) + "\n"
