"""What changed between two data packages: rows per resource, and the claims' verdicts.

``python -m course_lib data diff OLD NEW`` compares two folders that each hold a
``datapackage.json`` (the course's ``data/``, a refreshed vintage, a colleague's copy).
For every resource it counts the rows added, removed and changed (rows are matched on
the schema's primary key) and lists the changed values, largest relative change first.
Then it evaluates the claims table on each package, each in its own Python process with
``COURSE_DATA`` set (so no cache of this process can mix the two), and shows value,
verdict and margin side by side, marking every claim whose verdict moved.

>>> from course_lib.paths import DEFAULT_DATA_DIR
>>> same = diff_resources(DEFAULT_DATA_DIR, DEFAULT_DATA_DIR)
>>> sum(d.changed for d in same), sum(len(d.added) for d in same)
(0, 0)
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import CourseError

LABEL_COLUMNS = ("country", "name", "org_name", "title")
MOVED = "⚠ moved"


@dataclass
class ResourceDiff:
    """The difference in one resource between two packages."""

    name: str
    key: list[str]
    rows_old: int | None
    rows_new: int | None
    added: pd.DataFrame = field(default_factory=pd.DataFrame)
    removed: pd.DataFrame = field(default_factory=pd.DataFrame)
    values: pd.DataFrame = field(default_factory=pd.DataFrame)  # one row per changed cell
    note: str = ""

    @property
    def changed(self) -> int:
        """Number of rows (matched on the key) with at least one changed value."""
        if self.values.empty:
            return 0
        return int(self.values[self.key].drop_duplicates().shape[0])

    @property
    def identical(self) -> bool:
        return not (self.note or self.changed or len(self.added) or len(self.removed))


def _same(a: pd.Series, b: pd.Series) -> pd.Series:
    both_na = a.isna() & b.isna()
    eq = (a == b).fillna(False).astype(bool)
    return both_na | eq


def _rank(old, new) -> float:
    """Size of a change for sorting: the relative change of a number, infinite when a
    value appears, disappears or is not a number."""
    try:
        o, n = float(old), float(new)
    except (TypeError, ValueError):
        return math.inf
    if math.isnan(o) or math.isnan(n):
        return math.inf
    if o == 0:
        return math.inf if n != 0 else 0.0
    return abs(n - o) / abs(o)


def _table_diff(name: str, old: pd.DataFrame, new: pd.DataFrame, key: list[str]) -> ResourceDiff:
    result = ResourceDiff(name, key, len(old), len(new))
    if list(old.columns) != list(new.columns):
        result.note = (f"columns differ: old {list(old.columns)}, new {list(new.columns)}; "
                       "rows compared on the shared columns")
    shared = [c for c in old.columns if c in new.columns]
    if not key or any(k not in shared for k in key):
        key = shared
        result.key = key
    old_i = old[shared].set_index(key)
    new_i = new[shared].set_index(key)
    result.added = new_i.loc[new_i.index.difference(old_i.index)].reset_index()
    result.removed = old_i.loc[old_i.index.difference(new_i.index)].reset_index()
    common = old_i.index.intersection(new_i.index)
    a, b = old_i.loc[common], new_i.loc[common]
    labels = [c for c in LABEL_COLUMNS if c in shared and c not in key]
    records = []
    for col in [c for c in shared if c not in key]:
        differs = ~_same(a[col].astype(object), b[col].astype(object))
        for idx in differs[differs].index:
            idx_t = idx if isinstance(idx, tuple) else (idx,)
            rec = dict(zip(key, idx_t))
            for lab in labels:
                rec[lab] = b.at[idx, lab]
            o, n = a.at[idx, col], b.at[idx, col]
            rec.update({"column": col, "old": o, "new": n, "_rank": _rank(o, n)})
            try:
                rec["change_pct"] = 100.0 * (float(n) - float(o)) / abs(float(o))
            except (TypeError, ValueError, ZeroDivisionError):
                rec["change_pct"] = math.nan
            records.append(rec)
    values = pd.DataFrame(records, columns=key + labels + ["column", "old", "new", "change_pct",
                                                            "_rank"])
    result.values = (values.sort_values("_rank", ascending=False, kind="stable")
                     .drop(columns="_rank").reset_index(drop=True))
    return result


def diff_resources(old: str | os.PathLike, new: str | os.PathLike) -> list[ResourceDiff]:
    """Compare every resource of two data packages (each file checked on load).

    Resources with the same sha256 in both catalogues are identical and not loaded."""
    from . import data

    old, new = Path(old), Path(new)
    for folder in (old, new):
        if not (folder / data.PACKAGE_FILE).is_file():
            raise CourseError(f"{folder} holds no {data.PACKAGE_FILE}: give two data package "
                              "folders, such as data/ and one made by `python -m course_lib "
                              "data refresh`.")
        data.check_package(folder, named=True)
    res_old = {r["name"]: r for r in data.package(old)["resources"]}
    res_new = {r["name"]: r for r in data.package(new)["resources"]}
    out = []
    for name in list(res_old) + [n for n in res_new if n not in res_old]:
        if name not in res_new:
            out.append(ResourceDiff(name, [], res_old[name].get("rows"), None,
                                    note="resource removed"))
            continue
        if name not in res_old:
            out.append(ResourceDiff(name, [], None, res_new[name].get("rows"),
                                    note="resource added"))
            continue
        ro, rn = res_old[name], res_new[name]
        if ro.get("hash") and ro.get("hash") == rn.get("hash") and ro.get("path") == rn.get("path"):
            out.append(ResourceDiff(name, [], ro.get("rows"), rn.get("rows")))
            continue
        key = rn.get("schema", {}).get("primaryKey") or []
        key = [key] if isinstance(key, str) else list(key)
        out.append(_table_diff(name, data.load(name, old), data.load(name, new), key))
    return out


# --------------------------------------------------------------------------- claims
_CHILD = (
    "import json, math\n"
    "from course_lib.datadiff import claims_rows\n"
    "print(json.dumps(claims_rows()))\n"
)


def claims_rows() -> list[dict]:
    """The claims table evaluated on the package in use: claim, unit, value, verdict
    and margin (None where Evidence has no margin)."""
    from . import claims, data

    rows = []
    table = claims.evaluate_all()
    for _, row in table.iterrows():
        ev = claims.evaluate(row["claim_id"])
        margin = getattr(ev, "margin", None)
        value = None if ev.value is None or pd.isna(ev.value) else float(ev.value)
        rows.append({"claim_id": ev.claim_id, "unit": ev.unit, "value": value,
                     "verdict": ev.verdict, "sources": list(ev.sources),
                     "margin": None if margin is None or pd.isna(margin) else float(margin)})
    return [{"package": str(data.identity())}] + rows


def _start_claims(folder: Path) -> subprocess.Popen:
    from .paths import REPO_ROOT

    env = dict(os.environ, COURSE_DATA=str(Path(folder).resolve()), MPLBACKEND="Agg")
    env.pop("SCO_COURSE_DATA_DIR", None)
    return subprocess.Popen([sys.executable, "-c", _CHILD], env=env, cwd=str(REPO_ROOT),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8")


def _finish_claims(proc: subprocess.Popen, folder: Path) -> tuple[str, pd.DataFrame]:
    out, err = proc.communicate()
    if proc.returncode != 0:
        last = (err.strip().splitlines() or ["no message"])[-1]
        raise CourseError(f"Evaluating the claims on {folder} failed: {last}")
    rows = json.loads(out.strip().splitlines()[-1])
    return rows[0]["package"], pd.DataFrame(rows[1:])


def claims_side_by_side(old: str | os.PathLike, new: str | os.PathLike) -> tuple[pd.DataFrame, str, str]:
    """Claims evaluated on both packages (two processes, run together); columns
    claim_id, unit, value/verdict/margin _old and _new, moved. Also returns the
    identity line of each package."""
    old, new = Path(old), Path(new)
    p_old, p_new = _start_claims(old), _start_claims(new)
    id_old, t_old = _finish_claims(p_old, old)
    id_new, t_new = _finish_claims(p_new, new)
    table = t_old.merge(t_new.drop(columns="unit"), on="claim_id", how="outer", sort=False,
                        suffixes=("_old", "_new"))
    table["moved"] = table["verdict_old"].fillna("-") != table["verdict_new"].fillna("-")
    table = table.sort_values("moved", ascending=False, kind="stable").reset_index(drop=True)
    return table, id_old, id_new


# --------------------------------------------------------------------------- Markdown
def _fmt(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
        return "—"
    if isinstance(v, float):
        return f"{v:.6g}" if abs(v) < 1e6 else f"{v:,.0f}"
    try:
        if pd.isna(v):
            return "—"
    except (TypeError, ValueError):
        pass
    return str(v).replace("|", "\\|")


def _md_table(df: pd.DataFrame) -> list[str]:
    lines = ["| " + " | ".join(map(str, df.columns)) + " |",
             "|" + "---|" * len(df.columns)]
    for _, row in df.iterrows():
        lines.append("| " + " | ".join(_fmt(v) for v in row) + " |")
    return lines


def render(diffs: list[ResourceDiff], claims_table: pd.DataFrame | None = None,
           old: str = "OLD", new: str = "NEW", id_old: str = "", id_new: str = "",
           top: int = 15, why: dict[str, list[str]] | None = None,
           codes: list[str] | None = None) -> str:
    """The diff as Markdown: a summary table, the largest changes of each changed
    resource, then the claims side by side, and for each moved verdict the changed rows
    that moved it (``why``: claim -> lines, see :mod:`course_lib.datadiff_why`)."""
    lines = ["# What changed between two data packages", "",
             f"* old: `{old}`" + (f" ({id_old})" if id_old else ""),
             f"* new: `{new}`" + (f" ({id_new})" if id_new else ""), "", "## Data", ""]
    summary = pd.DataFrame([{"resource": d.name, "rows old": d.rows_old, "rows new": d.rows_new,
                             "added": len(d.added), "removed": len(d.removed),
                             "changed": d.changed, "note": d.note or ""}
                            for d in diffs if not d.identical])
    same = [d.name for d in diffs if d.identical]
    if summary.empty:
        lines.append("Every resource is identical.")
    else:
        lines += _md_table(summary)
    if same:
        lines += ["", f"Identical: {', '.join(same)}."]
    if codes:
        lines += ["", "Country codes new or gone (checked against ISO 3166 and the World Bank's "
                  "aggregates when the package was built):", ""] + [f"* {c}" for c in codes]
    for d in diffs:
        if d.identical or d.note in ("resource added", "resource removed"):
            continue
        lines += ["", f"### {d.name}", "",
                  f"Rows matched on {', '.join(d.key)}: {len(d.added)} added, "
                  f"{len(d.removed)} removed, {d.changed} changed ({len(d.values)} values)."]
        if len(d.values):
            shown = d.values.head(top)
            lines += ["", f"Changed values, largest relative change first"
                      f"{f' (first {top})' if len(d.values) > top else ''}:", ""]
            lines += _md_table(shown.rename(columns={"change_pct": "change %"}))
        for what, rows in (("Added", d.added), ("Removed", d.removed)):
            if len(rows):
                keys = ["/".join(map(_fmt, r)) for r in rows[d.key].head(top).itertuples(index=False)]
                more = f" and {len(rows) - top} more" if len(rows) > top else ""
                lines += ["", f"{what} rows ({', '.join(d.key)}): {', '.join(keys)}{more}."]
    if claims_table is not None:
        t = claims_table.copy()
        t["moved"] = t["moved"].map({True: MOVED, False: ""})
        cols = ["claim_id", "unit", "value_old", "verdict_old", "margin_old", "value_new",
                "verdict_new", "margin_new", "moved"]
        has_margin = not t[["margin_old", "margin_new"]].isna().all().all()
        if not has_margin:
            cols = [c for c in cols if not c.startswith("margin")]
        lines += ["", "## Claims", "",
                  "The claims table evaluated on each package, each in a process of its own"
                  + (" (margin as the course's verdict rule reports it)" if has_margin else "")
                  + f"; {MOVED} marks a verdict that differs.", ""]
        lines += _md_table(t[cols])
        n = int(claims_table["moved"].sum())
        lines += ["", f"{n} of {len(claims_table)} verdicts moved."]
        for cid, reasons in (why or {}).items():
            lines += ["", f"### Why `{cid}` moved", "",
                      "Each changed row alone (the old package with only that row as in the new one), "
                      "and how much it moves the claim's value:", ""]
            lines += [f"* {r}" for r in reasons]
    return "\n".join(lines) + "\n"


def _list(value) -> list[str]:
    return list(value) if isinstance(value, (list, tuple)) else []


def diff(old: str | os.PathLike, new: str | os.PathLike, out: str | os.PathLike | None = None,
         claims: bool = True, top: int = 15) -> str:
    """Compare two packages; return the Markdown (and write it to ``out`` if given)."""
    diffs = diff_resources(old, new)
    table, id_old, id_new = (claims_side_by_side(old, new) if claims else (None, "", ""))
    reasons = None
    if table is not None and table["moved"].any():
        from .datadiff_why import why

        sources = {r.claim_id: sorted(set(_list(r.sources_old)) | set(_list(r.sources_new)))
                   for r in table.itertuples(index=False)}
        reasons = why(old, new, diffs, table, sources)
    from .package_codes import codes_between

    text = render(diffs, table, str(old), str(new), id_old, id_new, top=top, why=reasons,
                  codes=codes_between(Path(old), Path(new)))
    if out is not None:
        Path(out).write_text(text, encoding="utf-8")
    return text
