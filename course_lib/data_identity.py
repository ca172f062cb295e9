"""Which data package is in use, and is it whole: :func:`identity` (name, version,
folder, the sources' vintage and the catalogue's sha256, for footers and reports),
:func:`check_package` (every file of a package checked once per state of its files) and
:func:`use` (make a package the one of this process and of what it starts).

``course_lib.data`` re-exports these names, so ``data.identity()`` and
``data.check_package()`` keep working. This module builds on
:mod:`course_lib.data_files` only (no import of ``course_lib.data``: no circle).

>>> identity().name
'sco-course-data'
>>> check_package()
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import data_files as _files
from .errors import DataError
from .paths import data_dir, is_default_data

_CHECKED: dict[str, tuple] = {}


def check_package(data_folder: str | os.PathLike | None = None, named: bool = False) -> None:
    """Check every file of a package (sha256, columns, types, constraints) once for each
    state of its files; raise one :class:`DataError` naming the first bad file and the
    fix. :func:`course_lib.data.load` calls it first for a package chosen by ``COURSE_DATA`` (the
    course's ``data/`` is checked file by file as it is loaded). ``named=True`` marks
    a folder the user chose, so messages give its full path and the fix for it.

    >>> check_package()
    """
    folder = data_dir(data_folder)
    if named and not is_default_data(folder):
        _files.NAMED.add(str(folder))
    now = _files.state(folder)
    if _CHECKED.get(str(folder)) == now:
        return
    for res in _files.package(folder)["resources"]:
        try:
            _files.load_resource(res, folder)
        except DataError as exc:
            raise DataError(f"The data package in {folder} failed its check: {exc}") from None
    _CHECKED[str(folder)] = now


_VINTAGE_KEYS = ("version", "year", "lastUpdated", "last_updated", "retrieved", "accessed",
                 "date")


@dataclass(frozen=True)
class DataIdentity:
    """Which data package a result comes from: its name and version (the newest of its
    sources' last-updated dates), the hash of its content (every file's sha256), the
    folder, the vintage of its sources and the sha256 of its ``datapackage.json``."""

    name: str
    version: str
    folder: str
    default: bool
    vintage: str
    sha256: str
    content_hash: str = ""
    updated: str = ""

    @property
    def short(self) -> str:
        """Name, version and content hash: what tells two packages apart."""
        return f"{self.name} {self.version} content {self.content_hash.split(':')[-1][:12]}"

    def __str__(self) -> str:
        where = "the course's data/" if self.default else self.folder
        dates = f"; sources last updated: {self.updated}" if self.updated else ""
        return (f"{self.short} ({where}){dates}; sources: {self.vintage}; "
                f"datapackage.json sha256 {self.sha256[:12]}")


def _vintage(pkg: dict[str, Any]) -> str:
    """The sources' versions, once each in catalogue order: ``repository@commit`` (short)
    for a source with a commit, else its title with any version, year or date given."""
    seen: list[str] = []
    for res in pkg["resources"]:
        for src in res.get("sources", []) or []:
            if not isinstance(src, dict):
                continue
            if src.get("commit"):
                label = f"{src.get('repository') or src.get('publisher', '')}@{str(src['commit'])[:7]}"
            else:
                marks = [str(src[k]) for k in _VINTAGE_KEYS if src.get(k)]
                if not marks:
                    continue
                label = f"{src.get('publisher') or src.get('title', '')} {', '.join(marks)}"
            if label not in seen:
                seen.append(label)
    return "; ".join(seen) or "not stated"


def identity(data_folder: str | os.PathLike | None = None) -> DataIdentity:
    """Name, version, folder, sources' vintage and catalogue sha256 of the data package
    in use (``COURSE_DATA``, else ``data/``), for footers and reports.

    >>> ident = identity()
    >>> ident.name, ident.default, len(ident.sha256)
    ('sco-course-data', True, 64)
    >>> "datasets/world-development-indicators@" in ident.vintage
    True
    """
    folder = data_dir(data_folder)
    pkg = _files.package(folder)
    dates = pkg.get("vintage") if isinstance(pkg.get("vintage"), dict) else {}
    return DataIdentity(
        name=str(pkg.get("name", "")),
        version=str(pkg.get("version", "")),
        folder=str(folder),
        default=is_default_data(folder),
        vintage=_vintage(pkg),
        sha256=_files.sha256_file(folder / _files.PACKAGE_FILE),
        content_hash=str(pkg.get("content_hash") or content_hash(pkg["resources"])),
        updated=", ".join(f"{k} {v or 'not stated'}" for k, v in dates.items()),
    )


def content_hash(resources: list[dict[str, Any]]) -> str:
    """sha256 over the resources' paths and recorded hashes (as refresh records it in
    ``datapackage.json``; computed here for a package made before it did).

    >>> content_hash([{"path": "a.csv", "hash": "sha256:00"}])[:7]
    'sha256:'
    """
    import hashlib

    lines = sorted(f"{r.get('path')}\t{r.get('hash')}\n" for r in resources)
    return "sha256:" + hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def use(folder: str | os.PathLike) -> Path:
    """Make ``folder`` the data package of this process and of every kernel or command
    it starts (sets ``COURSE_DATA``), after checking the whole package; return it.
    Used by the ``--data`` option of run-all, report and site."""
    path = data_dir(folder)
    check_package(path, named=True)
    os.environ["COURSE_DATA"] = str(path)
    return path
