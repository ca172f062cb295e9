"""Benchmark of grading a class (``make bench-grading``, part of ``make bench``): writes
benchmarks/grading.md and benchmarks/grading.json.

One run measures, on the same machine and under the same load:

1. **one serial run of the course**: the eight instructor notebooks executed one after
   the other, each in a fresh Jupyter kernel (the reference);
2. **``grade``**: a made-up class of LEARNERS learners, each handing in every notebook
   with every exercise answered (the instructor's solutions without their markers),
   graded with ``--jobs JOBS``;
3. **nbgrader's ``autograde``** for the same class (when nbgrader is installed, the
   ``grading`` extra), one assignment per notebook.

The figure that matters is the ratio of 2 to 1 (goal: at most 1.0 for 4 learners and 2
jobs); 3 is reported beside it. The load average of the machine is recorded, since
other work slows every figure.

Usage: ``python -m benchmarks.grading [--learners 4] [--jobs 2] [--no-nbgrader]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT_MD = REPO / "benchmarks" / "grading.md"
OUT_JSON = REPO / "benchmarks" / "grading.json"
BIN = Path(sys.executable).parent


def answered(nb):
    """A learner's copy with every exercise answered: the instructor edition without the
    solution markers (so it is not flagged as the instructor edition)."""
    import copy

    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if "SOLUTION" in cell.source:
            cell.source = "\n".join(line for line in cell.source.split("\n")
                                    if "BEGIN SOLUTION" not in line
                                    and "END SOLUTION" not in line)
    nb.metadata.setdefault("course", {})["edition"] = "student"
    return nb


def serial_course(paths: list[Path]) -> float:
    """Seconds to execute every notebook once, one after the other, fresh kernels."""
    from course_lib.runner import execute

    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as work:
        for path in paths:
            copy = Path(work) / path.name
            shutil.copy(path, copy)
            execute(copy, cwd=Path(work))
    return time.perf_counter() - start


def make_class(root: Path, paths: list[Path], learners: int) -> Path:
    import nbformat

    subs = root / "submissions"
    for k in range(learners):
        for path in paths:
            folder = subs / f"learner{k + 1}"
            folder.mkdir(parents=True, exist_ok=True)
            nbformat.write(answered(nbformat.read(str(path), as_version=4)),
                           str(folder / path.name))
    return subs


def grade_class(subs: Path, out: Path, jobs: int) -> float:
    start = time.perf_counter()
    res = subprocess.run([sys.executable, "-m", "course_lib", "grade", str(subs), "--out",
                          str(out), "--jobs", str(jobs), "--quiet"],
                         capture_output=True, text=True, cwd=out.parent)
    if res.returncode:
        raise RuntimeError(res.stderr[-2000:])
    return time.perf_counter() - start


def nbgrader_class(root: Path, paths: list[Path], learners: int) -> float | None:
    """Seconds of ``nbgrader autograde`` over every assignment (None: no nbgrader)."""
    import nbformat

    from course_lib import editions

    if not (BIN / "nbgrader").exists():
        return None
    course = root / "nbgrader"
    editions.write_nbgrader_course(course, [p.stem for p in paths])
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")

    def nbgrader(*args):
        res = subprocess.run([str(BIN / "nbgrader"), *args], cwd=course, env=env,
                             capture_output=True, text=True)
        if res.returncode:
            raise RuntimeError(f"nbgrader {' '.join(args)}: {res.stderr[-2000:]}")

    for path in paths:
        nbgrader("generate_assignment", path.stem, "--force")
        source = nbformat.read(str(course / "source" / path.stem / path.name), as_version=4)
        for k in range(learners):
            dest = course / "submitted" / f"learner{k + 1}" / path.stem / path.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(answered(source), str(dest))
    start = time.perf_counter()
    for path in paths:
        nbgrader("autograde", path.stem, "--force")
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    from course_lib.runner import course_notebooks

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--learners", type=int, default=4)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-nbgrader", action="store_true")
    args = parser.parse_args(argv)
    paths = course_notebooks()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="sco-bench-grading-") as tmp:
        root = Path(tmp)
        subs = make_class(root, paths, args.learners)
        serial = serial_course(paths)
        ours = grade_class(subs, root / "grades", args.jobs)
        theirs = None if args.no_nbgrader else nbgrader_class(root, paths, args.learners)
    load_after = os.getloadavg()
    n = args.learners * len(paths)
    result = {
        "learners": args.learners, "notebooks": len(paths), "jobs": args.jobs,
        "cpus": os.cpu_count(), "machine": platform.platform(),
        "load_average_1min": [round(load_before[0], 2), round(load_after[0], 2)],
        "serial_course_s": round(serial, 1), "grade_s": round(ours, 1),
        "grade_ratio": round(ours / serial, 2),
        "grade_per_notebook_s": round(ours / n, 2),
        "nbgrader_autograde_s": None if theirs is None else round(theirs, 1),
        "nbgrader_ratio": None if theirs is None else round(theirs / serial, 2),
        "class_of_25_estimate_min": round(ours / args.learners * 25 / 60, 1),
    }
    OUT_JSON.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    lines = [
        "# Grading benchmark", "",
        f"Written by `python -m benchmarks.grading` ({args.learners} learners x "
        f"{len(paths)} notebooks, every exercise answered; {os.cpu_count()} CPUs; load "
        f"average over one minute {load_before[0]:.1f} before, {load_after[0]:.1f} after).",
        "", "| what | seconds | over one serial run of the course |", "|---|---:|---:|",
        f"| one serial run of the course (fresh kernels) | {serial:.1f} | 1.00 |",
        f"| `grade --jobs {args.jobs}` | {ours:.1f} | {ours / serial:.2f} |",
        (f"| nbgrader `autograde` (serial) | {theirs:.1f} | {theirs / serial:.2f} |"
         if theirs is not None else "| nbgrader `autograde` | not installed | |"),
        "", f"Goal: `grade` at most 1.0 times the serial run. A class of 25 learners would "
        f"take about {result['class_of_25_estimate_min']} minutes at this rate.", ""]
    OUT_MD.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
