"""Importing course_lib and loading every dataset, in fresh processes (``make bench``,
sections 3 and 4)."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile

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
