"""classroom/README.md states the numbers of the recorded runs in benchmarks/classroom.json,
and the load test records into tracked files only when asked."""

from __future__ import annotations

import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _rows_from_json() -> list[str]:
    data = json.loads((REPO / "benchmarks" / "classroom.json").read_text(encoding="utf-8"))
    rows = []
    for key in sorted(data["runs"], key=int):
        r = data["runs"][key]
        m, t = r["medians"], r["totals"]
        commit = r.get("source_commit") or r["course_commit"]
        edition = r.get("edition") or "instructor (notebooks/)"
        rows.append(f"| {r['learners']} | {r['date'][:10]} | {commit} | {edition} | "
                    f"{t['failures']} | {t['cells']} | {m['spawn_s']} | {m['exec_s']} | "
                    f"{m['learner_uss_peak_mb']} | {t['machine_used_above_idle_mb']} |")
    return rows


def test_readme_states_the_recorded_numbers():
    text = (REPO / "classroom" / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- classroom-numbers:start -->\n(.*?)<!-- classroom-numbers:end -->",
                      text, re.S).group(1)
    rows = [ln for ln in block.splitlines() if re.match(r"\| \d", ln)]
    assert rows == _rows_from_json()


def test_recording_needs_an_explicit_flag():
    src = (REPO / "classroom" / "run.py").read_text(encoding="utf-8")
    assert '"--record"' in src and "if args.record:" in src
    make = (REPO / "Makefile").read_text(encoding="utf-8")
    test_block = re.search(r"^classroom-test:.*?\n((?:\t.*\n)+)", make, re.M).group(1)
    assert "--record" not in test_block
