"""An identity for each package that refresh builds: a version from its sources' vintage
(their "last updated" dates) and a hash of its content, recorded in ``datapackage.json``.

* ``vintage``: source folder -> the date its copy was last updated (the World Bank files'
  own "Last Updated" dates, else the commit date its SOURCE.md names, else the newest date
  SOURCE.md mentions; a source taken unchanged from another package keeps that package's date);
* ``version``: the newest of those dates, ``YYYY.MM.DD`` (``undated`` when none is stated);
* ``content_hash`` (:func:`course_lib.data_identity.content_hash`): sha256 over every resource's path and sha256, so two packages with the
  same sources' dates but other numbers are still told apart.

>>> content_hash([{"path": "a.csv", "hash": "sha256:00"}]) == content_hash([{"path": "a.csv", "hash": "sha256:00"}])
True
>>> version_of({"wb-wdi": "2026-07-01", "unesco-whc": "2021-08-09", "facts": ""})
'2026.07.01'
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..data_identity import content_hash  # noqa: F401 (one definition, read from here by package.py)

DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
COMMIT_DATE = re.compile(r"Commit:\s*`[0-9a-f]{7,40}`\s*\((\d{4}-\d{2}-\d{2})\)")


def source_md_date(folder: Path) -> str:
    """The date a source folder's SOURCE.md (or FACTS.md) gives for its copy ('' if none).

    >>> source_md_date(Path("/nonexistent"))
    ''
    """
    for name in ("SOURCE.md", "FACTS.md"):
        doc = Path(folder) / name
        if doc.is_file():
            text = doc.read_text(encoding="utf-8")
            m = COMMIT_DATE.search(text)
            if m:
                return m.group(1)
            dates = DATE.findall(text)
            return max(dates) if dates else ""
    return ""


def wb_date(formats: dict[str, dict]) -> str:
    """The newest "last updated" date of the World Bank files read ('' if none states one)."""
    dates = [str(f.get("last_updated") or "")[:10] for f in formats.values()]
    return max((d for d in dates if DATE.fullmatch(d)), default="")


def kept_dates(package_dir: Path | None) -> dict[str, str]:
    """The ``vintage`` record of an existing package (empty if it has none)."""
    if package_dir is None:
        return {}
    try:
        pkg = json.loads((Path(package_dir) / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    found = pkg.get("vintage") if isinstance(pkg, dict) else None
    return dict(found) if isinstance(found, dict) else {}


def vintage(folders: dict[str, Path], kept: list[str], keep_from: Path | None, notes: dict) -> dict[str, str]:
    """Source folder -> date of its copy, in the order of ``folders``."""
    old = kept_dates(keep_from)
    out = {}
    for name, folder in folders.items():
        if name in kept:
            out[name] = old.get(name, "")
        elif name == "wb-wdi":
            out[name] = wb_date(notes.get("wb_indicators", {}).get("formats", {})) or source_md_date(folder)
        else:
            out[name] = source_md_date(folder)
    return out


def version_of(dates: dict[str, str]) -> str:
    """The newest date as ``YYYY.MM.DD``, or ``undated``."""
    found = [d for d in dates.values() if d]
    return max(found).replace("-", ".") if found else "undated"
