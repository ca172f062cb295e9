"""Every explorer's update, timed in its notebook's kernel (``make bench``, section 2):
compute + redraw + PNG, cycling every control of every live explorer."""

from __future__ import annotations

import json
import statistics

from .course import execute

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
        execute(nb, p.parent)
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
