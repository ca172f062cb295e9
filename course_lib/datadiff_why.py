"""Why a verdict moved: each changed row's contribution to the claim's value.

For a claim whose verdict differs between two packages, the changed, added and removed
rows of the resources the claim reads (its Evidence's ``sources``) are tried one at a
time: the OLD package with only that row as in NEW, the claim evaluated there (in one
Python process of its own, with ``COURSE_DATA`` pointing at each trial package). The
row's contribution is that value minus the claim's OLD value, so a line reads
"China, 2017, population +5 %: +0.92 points". Rows are tried largest change first, at
most ``limit`` per claim; the lines are sorted by the size of the contribution.

>>> row_label({"country": "China", "year": 2017}, [("population", 5.0)], ["iso3", "year"])
'China, 2017, population +5 %'
>>> contribution_text(0.9213, "%")
'+0.921 points'
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

from .errors import CourseError

_CHILD = (
    "import json, os, sys\n"
    "from course_lib.datadiff_why import trial_values\n"
    "print(json.dumps(trial_values(json.loads(sys.stdin.read()))))\n"
)


def row_label(row: dict, changes: list[tuple[str, float]], key: list[str]) -> str:
    """A changed row as a reader names it: its label (country), the rest of its key
    (year), each changed column with its relative change."""
    name = next((str(row[c]) for c in ("country", "name", "org_name", "title") if row.get(c)), "")
    rest = [str(row[k]) for k in key if k in row and not (name and k == "iso3")]
    what = ", ".join(f"{col} {pct:+.3g} %" if isinstance(pct, float) and not math.isnan(pct) else f"{col} changed"
                     for col, pct in changes)
    return ", ".join(p for p in [name, *rest, what] if p)


def contribution_text(delta: float, unit: str) -> str:
    """A change of the claim's value in its unit ("points" for a percentage)."""
    if delta is None or (isinstance(delta, float) and math.isnan(delta)):
        return "no value"
    word = "points" if unit == "%" else unit
    return f"{delta:+.3g} {word}".strip()


def _candidates(diffs: list, sources: list[str], limit: int) -> list[dict]:
    """The changed/added/removed rows of ``sources``, largest change first."""
    out = []
    for d in diffs:
        if d.name not in sources or d.identical or not d.key:
            continue
        if len(d.values):
            for keyvals, grp in d.values.groupby(d.key, sort=False):
                keyvals = keyvals if isinstance(keyvals, tuple) else (keyvals,)
                first = grp.iloc[0].to_dict()
                changes = [(r["column"], r["change_pct"]) for _, r in grp.iterrows()]
                out.append({"resource": d.name, "key": d.key, "keyvals": [str(k) for k in keyvals],
                            "label": row_label(first, changes, d.key), "action": "change",
                            "rank": grp["change_pct"].abs().max()})
        for action, rows in (("add", d.added), ("remove", d.removed)):
            for _, r in rows.iterrows():
                rec = r.to_dict()
                out.append({"resource": d.name, "key": d.key, "keyvals": [str(rec[k]) for k in d.key],
                            "label": row_label(rec, [], d.key) + (" (row added)" if action == "add" else " (row removed)"),
                            "action": action, "rank": math.inf})
    out.sort(key=lambda c: -(c["rank"] if not pd.isna(c["rank"]) else math.inf))
    return out[:limit]


def _trial_package(old: Path, new: Path, cand: dict, where: Path) -> Path:
    """OLD with one row as in NEW (changed, added or removed), its hash recorded."""
    import hashlib

    where.mkdir(parents=True)
    pkg = json.loads((old / "datapackage.json").read_text(encoding="utf-8"))
    res = next(r for r in pkg["resources"] if r["name"] == cand["resource"])
    for r in pkg["resources"]:
        if r is not res:
            try:
                os.symlink(old / r["path"], where / r["path"])
            except OSError:
                shutil.copyfile(old / r["path"], where / r["path"])
    read = {"dtype": str, "keep_default_na": False}
    o = pd.read_csv(old / res["path"], **read)
    n = pd.read_csv(new / res["path"], **read)
    key = cand["key"]
    match_o = (o[key].astype(str) == cand["keyvals"]).all(axis=1)
    match_n = (n[key].astype(str) == cand["keyvals"]).all(axis=1)
    if cand["action"] == "change":
        o.loc[match_o, list(o.columns)] = n.loc[match_n, list(o.columns)].to_numpy()
    elif cand["action"] == "add":
        o = pd.concat([o, n.loc[match_n, list(o.columns)]], ignore_index=True)
    else:
        o = o.loc[~match_o]
    raw = o.to_csv(index=False, lineterminator="\n").encode("utf-8")
    (where / res["path"]).write_bytes(raw)
    res["hash"] = "sha256:" + hashlib.sha256(raw).hexdigest()
    res["bytes"] = len(raw)
    res["rows"] = len(o)
    (where / "datapackage.json").write_text(json.dumps(pkg, indent=2), encoding="utf-8")
    return where


def trial_values(job: dict) -> list[float | None]:
    """In the child: the claim's value on each trial package (``COURSE_DATA`` set in turn)."""
    from . import claims

    out = []
    for item in job["trials"]:
        os.environ["COURSE_DATA"] = item["folder"]
        try:
            value = claims.evaluate(item["claim_id"]).value
            out.append(None if value is None or pd.isna(value) else float(value))
        except (CourseError, TypeError, ValueError):
            out.append(None)
    return out


def why(old: str | os.PathLike, new: str | os.PathLike, diffs: list, table: pd.DataFrame,
        sources: dict[str, list[str]], limit: int = 20, show: int = 5) -> dict[str, list[str]]:
    """For each moved claim, lines "row: contribution", largest contribution first, then
    how much of the whole change they explain."""
    from .paths import REPO_ROOT

    old, new = Path(old).resolve(), Path(new).resolve()
    moved = table[table["moved"]]
    todo = {cid: _candidates(diffs, sources.get(cid, []), limit) for cid in moved["claim_id"]}
    if not any(todo.values()):
        return {cid: ["no changed row in the resources this claim reads"] for cid in todo}
    with tempfile.TemporaryDirectory(prefix="course-why-") as tmp:
        trials = []
        for cid, cands in todo.items():
            for i, cand in enumerate(cands):
                folder = _trial_package(old, new, cand, Path(tmp) / f"{cid}-{i}")
                trials.append({"claim_id": cid, "folder": str(folder), "cand": cand})
        env = dict(os.environ, MPLBACKEND="Agg")
        env.pop("SCO_COURSE_DATA_DIR", None)
        proc = subprocess.run([sys.executable, "-c", _CHILD], cwd=str(REPO_ROOT), env=env, text=True,
                              encoding="utf-8", capture_output=True,
                              input=json.dumps({"trials": [{k: t[k] for k in ("claim_id", "folder")}
                                                           for t in trials]}))
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
            raise CourseError(f"Working out why the verdicts moved failed: {last}")
        values = json.loads(proc.stdout.strip().splitlines()[-1])
    out: dict[str, list[str]] = {}
    for row in moved.itertuples(index=False):
        found = []
        for t, v in zip(trials, values):
            if t["claim_id"] != row.claim_id or v is None or row.value_old is None or pd.isna(row.value_old):
                continue
            delta = v - float(row.value_old)
            if delta != 0:
                found.append((delta, t["cand"]["label"]))
        found.sort(key=lambda x: -abs(x[0]))
        lines = [f"{label}: {contribution_text(d, row.unit)}" for d, label in found[:show]]
        total = (float(row.value_new) - float(row.value_old)
                 if row.value_new is not None and not pd.isna(row.value_new) and not pd.isna(row.value_old) else None)
        tried = len(todo[row.claim_id])
        if total is not None:
            shown = sum(d for d, _ in found[:show])
            lines.append(f"whole change {contribution_text(total, row.unit)}; the rows above "
                         f"{contribution_text(shown, row.unit)} ({tried} changed row(s) tried, one at a time)")
        out[row.claim_id] = lines or [f"none of the {tried} changed row(s) tried moves the value alone"]
    return out
