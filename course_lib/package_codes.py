"""Which country codes a data package holds, and which are new or gone since another one
(``data refresh`` reports them against the package it replaces; ``data diff`` between its
two packages).

>>> from course_lib.paths import DEFAULT_DATA_DIR
>>> "CHN" in package_codes(DEFAULT_DATA_DIR)["wb_indicators"]
True
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd


def package_codes(folder: Path) -> dict[str, dict[str, str]]:
    """``resource -> {iso3: name}`` of a package folder's tables with an ``iso3`` column
    (empty when the folder holds no package)."""
    pkg_file = Path(folder) / "datapackage.json"
    if not pkg_file.is_file():
        return {}
    try:
        pkg = json.loads(pkg_file.read_text(encoding="utf-8"))
    except (ValueError, OSError):
        return {}
    out = {}
    for res in pkg.get("resources", []):
        fields = [f.get("name") for f in res.get("schema", {}).get("fields", [])]
        path = Path(folder) / res.get("path", "")
        if "iso3" in fields and path.is_file():
            out[res["name"]] = _codes_of(path.read_bytes(), fields)
    return out


def _codes_of(data: bytes, fields: list[str]) -> dict[str, str]:
    cols = ["iso3"] + [c for c in ("country", "name") if c in fields][:1]
    d = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, usecols=cols)
    d = d.drop_duplicates("iso3")
    return dict(zip(d["iso3"], d[cols[1]] if len(cols) > 1 else d["iso3"]))


def codes_between(old: Path, new: Path) -> list[str]:
    """Lines naming the codes new, or gone, in each resource of package ``new`` since ``old``.

    >>> from course_lib.paths import DEFAULT_DATA_DIR
    >>> codes_between(DEFAULT_DATA_DIR, DEFAULT_DATA_DIR)
    []
    """
    pkg_file = Path(new) / "datapackage.json"
    pkg = json.loads(pkg_file.read_text(encoding="utf-8"))
    files = {r["path"]: (Path(new) / r["path"]).read_bytes() for r in pkg.get("resources", [])
             if (Path(new) / r.get("path", "")).is_file()}
    pkg = {"resources": [r for r in pkg.get("resources", []) if r.get("path") in files]}
    return codes_changed(package_codes(Path(old)), pkg, files)


def codes_changed(old: dict[str, dict[str, str]], pkg: dict, files: dict[str, bytes]) -> list[str]:
    """Lines naming the codes new, or gone, in each resource since the previous package.

    >>> codes_changed({"t": {"AAA": "A", "BBB": "B"}},
    ...               {"resources": [{"name": "t", "path": "t.csv",
    ...                 "schema": {"fields": [{"name": "iso3"}, {"name": "country"}]}}]},
    ...               {"t.csv": b"iso3,country\\nBBB,B\\nCCC,C\\n"})
    ['t: new code(s) CCC (C); gone: AAA (A)']
    """
    lines = []
    for res in pkg.get("resources", []):
        fields = [f.get("name") for f in res.get("schema", {}).get("fields", [])]
        if res["name"] not in old or "iso3" not in fields:
            continue
        new = _codes_of(files[res["path"]], fields)
        before = old[res["name"]]
        added = [f"{c} ({new[c]})" for c in sorted(set(new) - set(before))]
        gone = [f"{c} ({before[c]})" for c in sorted(set(before) - set(new))]
        if added or gone:
            lines.append(f"{res['name']}: new code(s) {', '.join(added) or 'none'}; gone: {', '.join(gone) or 'none'}")
    return lines
