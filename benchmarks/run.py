"""Benchmarks of the course (``make bench``): writes benchmarks/results.md.

Measured as ratios or differences within one run, so that a slower or busier machine
changes every figure alike:

1. the whole course's execution time over the floor (the same number of fresh kernels
   that only import pandas, matplotlib and ipywidgets); goal <= 1.5;
2. every explorer's update (compute + redraw + PNG), median and 95th percentile over
   at least 50 updates; goal: median < 50 ms;
3. ``import course_lib`` (and its everyday modules) over importing pandas and
   matplotlib; goal < 0.15 s more;
4. loading every dataset (first load in a fresh process, and cached);
5. the sections listed in ``EXTRA_SECTIONS``.

Each section is a module of this folder: course.py, explorers.py, startup.py;
results_md.py writes results.md.

Usage: ``python -m benchmarks.run [--runs 3] [--updates 60] [--only 02]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import sys
from importlib import metadata
from pathlib import Path

from .course import bench_course
from .explorers import bench_explorers
from .results_md import render
from .startup import bench_import, bench_load

REPO = Path(__file__).resolve().parents[1]
OUT_MD = REPO / "benchmarks" / "results.md"
OUT_JSON = REPO / "benchmarks" / "results.json"

#: Further sections of ``make bench``: names of modules (e.g. ``"benchmarks.grading"``),
#: each with ``NAME`` (its key in results.json and the heading in results.md),
#: ``bench(args) -> dict`` (``args``: this command's options) and
#: ``render(result: dict) -> list[str]`` (Markdown lines for results.md).
EXTRA_SECTIONS: list[str] = []


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
    results["extra"] = {}
    for name in EXTRA_SECTIONS:
        section = importlib.import_module(name)
        print(f"{section.NAME} ...", flush=True)
        results["extra"][name] = section.bench(args)
    OUT_JSON.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    OUT_MD.write_text(render(results), encoding="utf-8")
    print(render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
