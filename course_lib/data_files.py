"""Read and check the files of one data package: its ``datapackage.json`` and each CSV
(sha256, columns, types, constraints), with messages that name the file and how to
restore it. The lowest layer of the data modules: :mod:`course_lib.data` (the public
catalogue, ``load``) and :mod:`course_lib.data_identity` (which package, is it whole)
both build on it, and it imports neither.

>>> package()["name"]
'sco-course-data'
>>> state() == state()
True
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import DataError
from .paths import INSTALLED_WITHOUT_DATA, PACKAGE_DIR, data_dir, data_env, is_default_data

PACKAGE_FILE = "datapackage.json"

_RESTORE_DEFAULT = (
    "Restore the course's copy with `git checkout -- {rel}` in the course folder "
    "(or download the course again)."
)
_RESTORE_OTHER = (
    "To fix it, rebuild that package (`python -m course_lib data refresh --sources DIR "
    "--out {folder}`), or record the file's new sha256 in its datapackage.json if you "
    "changed it on purpose; or unset COURSE_DATA to use the course's own data/."
)


NO_DATA_INSTALLED = (
    "No course data found. course_lib is installed in {where} without the course's data/ "
    "(`pip install .` copies the code only). Do one of these: (1) run the notebooks, or "
    "Python, from inside the course folder (the folder that holds data/ and notebooks/); "
    "(2) set COURSE_DATA to the course's data folder, e.g. "
    "`export COURSE_DATA=/path/to/course/data`; (3) install from the course folder with "
    "`pip install -e .` so that the package finds data/ beside it."
)


class _Restore:
    """``RESTORE.format(rel=...)`` gives the fix that fits the file's package."""

    @staticmethod
    def format(rel: str) -> str:
        if rel.startswith("data/"):
            return _RESTORE_DEFAULT.format(rel=rel)
        return _RESTORE_OTHER.format(folder=str(Path(rel).parent))


RESTORE = _Restore()


NAMED: set[str] = set()  # other packages named by the user (data diff, --data)


def external(folder: Path) -> bool:
    """True for a package other than the course's ``data/`` that the user chose
    (``COURSE_DATA``, ``--data``, ``data diff``); a folder passed only as
    ``data_folder`` stands for a copy of ``data/`` (the tests' damaged copies)."""
    if is_default_data(folder):
        return False
    folder = Path(folder).resolve()
    return str(folder) in NAMED or (data_env() is not None and folder == data_dir())


def shown(path: Path) -> str:
    """How messages name a file: ``data/x.csv`` in the course's own package (or a copy
    of it), the full path in a package chosen by ``COURSE_DATA``."""
    path = Path(path)
    return str(path) if external(path.parent) else f"data/{path.name}"


# --------------------------------------------------------------------------- package
@lru_cache(maxsize=8)
def _read_package(folder: str, mtime_ns: int) -> dict[str, Any]:
    path = Path(folder) / PACKAGE_FILE
    if external(Path(folder)) and not path.is_file():
        where = "does not exist" if not Path(folder).is_dir() else "holds no datapackage.json"
        raise DataError(
            f"The data folder {folder} (chosen by COURSE_DATA or --data) {where}. Point "
            "COURSE_DATA at a folder made by `python -m course_lib data refresh` (it holds "
            "datapackage.json and the CSV files it lists), or unset COURSE_DATA to use the "
            "course's own data/."
        )
    if is_default_data(Path(folder)) and not path.is_file() and INSTALLED_WITHOUT_DATA:
        raise DataError(NO_DATA_INSTALLED.format(where=PACKAGE_DIR))
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise DataError(
            f"The data catalogue {shown(path)} is missing. " + RESTORE.format(rel=shown(path))
        ) from None
    try:
        package = json.loads(text)
    except ValueError as exc:
        raise DataError(
            f"The data catalogue {shown(path)} is not valid JSON ({exc.msg}, line {exc.lineno}). "
            + RESTORE.format(rel=shown(path))
        ) from None
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        raise DataError(
            f"The data catalogue {shown(path)} has no list of resources. "
            + RESTORE.format(rel=shown(path))
        )
    for i, res in enumerate(package["resources"]):
        if not (isinstance(res, dict) and isinstance(res.get("name"), str)
                and isinstance(res.get("path"), str)):
            raise DataError(
                f"The data catalogue {shown(path)} is malformed: resource {i + 1} has no "
                "'name' and 'path'. " + RESTORE.format(rel=shown(path))
            )
    return package


def package(data_folder: str | os.PathLike | None = None) -> dict[str, Any]:
    """Return the parsed ``datapackage.json`` (cached until the file changes).

    >>> package()["name"]
    'sco-course-data'
    """
    folder = data_dir(data_folder)
    path = folder / PACKAGE_FILE
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = -1
    return _read_package(str(folder), mtime)


# --------------------------------------------------------------------------- load
def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def expected_hash(res: dict[str, Any]) -> str | None:
    value = res.get("hash")
    if not value:
        return None
    algo, _, digest = str(value).rpartition(":")
    if algo and algo != "sha256":
        return None
    return digest.lower()


#: The column types the CSV reader parses itself (the rest are read as text and
#: converted by :func:`_convert`).
_READ_AS = {"integer": "Int64", "year": "Int64", "number": "float64"}

_BOOL = {"true": True, "false": False, "True": True, "False": False, "1": True, "0": False}


def _convert(series: pd.Series, field: dict[str, Any], rel: str) -> pd.Series:
    """Convert one column of strings to the field's type, or raise a DataError."""
    ftype = field.get("type", "string")
    name = field.get("name")
    present = series.notna()

    def fail(bad: pd.Series, what: str) -> DataError:
        row = int(bad.index[0]) + 2  # +1 header, +1 one-based
        return DataError(
            f"{rel} is malformed: column '{name}' should hold {what}, but line {row} "
            f"has {series[bad.index[0]]!r}. " + RESTORE.format(rel=rel)
        )

    if ftype in {"integer", "year"}:
        out = pd.to_numeric(series, errors="coerce")
        bad = present & (out.isna() | (out % 1 != 0))
        if bad.any():
            raise fail(series[bad], "whole numbers")
        return out.astype("Int64")
    if ftype == "number":
        out = pd.to_numeric(series, errors="coerce")
        bad = present & out.isna()
        if bad.any():
            raise fail(series[bad], "numbers")
        return out.astype("float64")
    if ftype == "boolean":
        out = series.map(_BOOL)
        bad = present & out.isna()
        if bad.any():
            raise fail(series[bad], "true or false")
        return out.astype("boolean")
    if ftype == "date":
        out = pd.to_datetime(series, errors="coerce", format="%Y-%m-%d")
        bad = present & out.isna()
        if bad.any():
            raise fail(series[bad], "dates (YYYY-MM-DD)")
        return out
    return series.astype("string")


def _check_constraints(df: pd.DataFrame, schema_: dict[str, Any], rel: str) -> None:
    for field in schema_.get("fields", []):
        name = field["name"]
        col = df[name]
        cons = field.get("constraints", {}) or {}

        def fail(mask: pd.Series, what: str, name: str = name, col: pd.Series = col) -> DataError:
            idx = mask[mask].index[0]
            return DataError(
                f"{rel} is malformed: column '{name}' {what} (line {int(idx) + 2} has "
                f"{col[idx]!r}). " + RESTORE.format(rel=rel)
            )

        if cons.get("required"):
            mask = col.isna()
            if mask.any():
                raise fail(mask, "must not be empty")
        if "minimum" in cons and field.get("type") in {"integer", "number", "year"}:
            mask = (col < cons["minimum"]).fillna(False).astype(bool)
            if mask.any():
                raise fail(mask, f"must be at least {cons['minimum']}")
        if "maximum" in cons and field.get("type") in {"integer", "number", "year"}:
            mask = (col > cons["maximum"]).fillna(False).astype(bool)
            if mask.any():
                raise fail(mask, f"must be at most {cons['maximum']}")
        if "enum" in cons:
            allowed = set(map(str, cons["enum"]))
            mask = col.notna() & ~col.astype("string").isin(allowed)
            if mask.any():
                raise fail(mask, f"must be one of {sorted(allowed)}")
        if "pattern" in cons and field.get("type", "string") == "string":
            regex = re.compile(f"^(?:{cons['pattern']})$")
            # each distinct value is matched once (a code column repeats a few values)
            bad = [v for v in col.dropna().unique() if not regex.match(str(v))]
            mask = col.isin(bad) if bad else pd.Series(False, index=col.index)
            if mask.any():
                raise fail(mask.astype(bool), f"must match the pattern {cons['pattern']}")
        if cons.get("unique"):
            mask = col.notna() & col.duplicated(keep="first")
            if mask.any():
                raise fail(mask, "must hold unique values")
    key = schema_.get("primaryKey")
    if key:
        key = [key] if isinstance(key, str) else list(key)
        dup = df.duplicated(subset=key, keep="first")
        if dup.any():
            idx = dup[dup].index[0]
            raise DataError(
                f"{rel} is malformed: two rows share the key {dict(df.loc[idx, key])} "
                f"(line {int(idx) + 2}). " + RESTORE.format(rel=rel)
            )


@lru_cache(maxsize=64)
def _load_cached(path_str: str, mtime_ns: int, size: int, res_json: str) -> pd.DataFrame:
    res = json.loads(res_json)
    path = Path(path_str)
    rel = shown(path)
    raw = path.read_bytes()
    expected = expected_hash(res)
    if expected is not None and hashlib.sha256(raw).hexdigest() != expected:
        raise DataError(
            f"{rel} has been modified: its contents no longer match the sha256 recorded in "
            f"{shown(path.parent / PACKAGE_FILE)}, so its numbers cannot be trusted. "
            + RESTORE.format(rel=rel)
        )
    schema_ = res.get("schema", {})
    fields = schema_.get("fields", [])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DataError(f"{rel} is not UTF-8 text. " + RESTORE.format(rel=rel)) from None
    read = dict(keep_default_na=False, na_values=schema_.get("missingValues", [""]))
    # Numbers are parsed by the CSV reader itself; a value it cannot parse sends the
    # whole file through the slow path below, which names the column and the line.
    typed = {f["name"]: _READ_AS[f.get("type", "string")] for f in fields
             if f.get("type", "string") in _READ_AS}
    df = None
    if typed:
        try:
            df = pd.read_csv(io.StringIO(text), dtype={**{f["name"]: str for f in fields},
                                                       **typed}, **read)
        except (ValueError, TypeError, OverflowError, pd.errors.ParserError):
            df = None
    if df is None:
        typed = {}
        try:
            df = pd.read_csv(io.StringIO(text), dtype=str, **read)
        except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
            raise DataError(
                f"{rel} cannot be read as CSV ({str(exc).splitlines()[0]}). "
                + RESTORE.format(rel=rel)
            ) from None
    expected_cols = [f["name"] for f in fields]
    if expected_cols and list(df.columns) != expected_cols:
        missing = [c for c in expected_cols if c not in df.columns]
        extra = [c for c in df.columns if c not in expected_cols]
        detail = []
        if missing:
            detail.append(f"missing column(s) {missing}")
        if extra:
            detail.append(f"unexpected column(s) {extra}")
        if not detail:
            detail.append("columns in another order")
        raise DataError(
            f"{rel} does not match its schema: {', '.join(detail)}. " + RESTORE.format(rel=rel)
        )
    for field in fields:
        if field["name"] not in typed:
            df[field["name"]] = _convert(df[field["name"]], field, rel)
    _check_constraints(df, schema_, rel)
    return df


def load_resource(res: dict[str, Any], folder: Path) -> pd.DataFrame:
    """The checked (cached) table of one catalogue entry; not a copy."""
    path = folder / res["path"]
    try:
        stat = path.stat()
    except OSError:
        raise DataError(
            f"The data file {shown(path)} is missing. " + RESTORE.format(rel=shown(path))
        ) from None
    return _load_cached(str(path), stat.st_mtime_ns, stat.st_size, json.dumps(res, sort_keys=True))


def state(data_folder: str | os.PathLike | None = None) -> tuple:
    """A fingerprint of the data as it is on disk now: folder, and each file's size and
    modification time (``-1`` for a missing one). It changes whenever a file does, so
    results computed from ``data/`` can be cached under it and are recomputed (and
    validated again by :func:`load`) after any change.

    >>> state() == state()
    True
    """
    folder = data_dir(data_folder)
    stamps = []
    for name_ in [PACKAGE_FILE] + [r.get("path", "") for r in package(data_folder)["resources"]]:
        try:
            st = (folder / name_).stat()
            stamps.append((name_, st.st_mtime_ns, st.st_size))
        except OSError:
            stamps.append((name_, -1, -1))
    return (str(folder), tuple(stamps))
