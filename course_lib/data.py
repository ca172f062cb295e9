"""The course's curated datasets: list them, load them (checked), cite them.

Every table lives in ``data/`` beside this package and is described in
``data/datapackage.json`` (a Frictionless Data Package): title, sources, licences,
schema and sha256 hash. :func:`load` refuses a file whose bytes or columns differ from
that description, with one clear message that names the file and how to restore it.

Another package (a refreshed vintage, say) is used instead when the environment
variable ``COURSE_DATA`` names its folder (``--data DIR`` on run-all, report and site
sets it; kernels and subprocesses inherit it). Such a package is checked whole on its
first load (``check_package``); ``identity()`` says which package and vintage a result
comes from. Both live in :mod:`course_lib.data_identity` and are read through this
module too (``data.identity()``, ``data.check_package``, ``data.use``).

>>> cat = catalog()
>>> {"name", "title", "source", "licence", "rows"} <= set(cat.columns)
True
>>> members = load("sco_membership")
>>> "iso3" in members.columns
True
"""

from __future__ import annotations

import difflib
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
from .paths import data_dir, data_env, is_default_data

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


class _Restore:
    """``_RESTORE.format(rel=...)`` gives the fix that fits the file's package."""

    @staticmethod
    def format(rel: str) -> str:
        if rel.startswith("data/"):
            return _RESTORE_DEFAULT.format(rel=rel)
        return _RESTORE_OTHER.format(folder=str(Path(rel).parent))


_RESTORE = _Restore()


_NAMED: set[str] = set()  # other packages named by the user (data diff, --data)


def _external(folder: Path) -> bool:
    """True for a package other than the course's ``data/`` that the user chose
    (``COURSE_DATA``, ``--data``, ``data diff``); a folder passed only as
    ``data_folder`` stands for a copy of ``data/`` (the tests' damaged copies)."""
    if is_default_data(folder):
        return False
    folder = Path(folder).resolve()
    return str(folder) in _NAMED or (data_env() is not None and folder == data_dir())


def _rel(path: Path) -> str:
    """How messages name a file: ``data/x.csv`` in the course's own package (or a copy
    of it), the full path in a package chosen by ``COURSE_DATA``."""
    path = Path(path)
    return str(path) if _external(path.parent) else f"data/{path.name}"


# --------------------------------------------------------------------------- package
@lru_cache(maxsize=8)
def _read_package(folder: str, mtime_ns: int) -> dict[str, Any]:
    path = Path(folder) / PACKAGE_FILE
    if _external(Path(folder)) and not path.is_file():
        where = "does not exist" if not Path(folder).is_dir() else "holds no datapackage.json"
        raise DataError(
            f"The data folder {folder} (chosen by COURSE_DATA or --data) {where}. Point "
            "COURSE_DATA at a folder made by `python -m course_lib data refresh` (it holds "
            "datapackage.json and the CSV files it lists), or unset COURSE_DATA to use the "
            "course's own data/."
        )
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise DataError(
            f"The data catalogue {_rel(path)} is missing. " + _RESTORE.format(rel=_rel(path))
        ) from None
    try:
        package = json.loads(text)
    except ValueError as exc:
        raise DataError(
            f"The data catalogue {_rel(path)} is not valid JSON ({exc.msg}, line {exc.lineno}). "
            + _RESTORE.format(rel=_rel(path))
        ) from None
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        raise DataError(
            f"The data catalogue {_rel(path)} has no list of resources. "
            + _RESTORE.format(rel=_rel(path))
        )
    for i, res in enumerate(package["resources"]):
        if not (isinstance(res, dict) and isinstance(res.get("name"), str)
                and isinstance(res.get("path"), str)):
            raise DataError(
                f"The data catalogue {_rel(path)} is malformed: resource {i + 1} has no "
                "'name' and 'path'. " + _RESTORE.format(rel=_rel(path))
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


def names(data_folder: str | os.PathLike | None = None) -> list[str]:
    """Names of every dataset in the catalogue, in catalogue order.

    >>> "wb_indicators" in names()
    True
    """
    return [r["name"] for r in package(data_folder)["resources"]]


def resource(name: str, data_folder: str | os.PathLike | None = None) -> dict[str, Any]:
    """The catalogue entry (metadata) of one dataset; a clear error for an unknown name.

    >>> resource("sco_membership")["path"]
    'sco_membership.csv'
    """
    if not isinstance(name, str):
        raise DataError(
            f"A dataset name is a string such as 'wb_indicators', not {type(name).__name__}."
        )
    for res in package(data_folder)["resources"]:
        if res.get("name") == name:
            return res
    known = names(data_folder)
    close = difflib.get_close_matches(name, known, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise DataError(
        f"No dataset called '{name}'.{hint} The datasets are: {', '.join(known)}. "
        "See course_lib.data.catalog()."
    )


# --------------------------------------------------------------------------- catalogue
def _source_text(res: dict[str, Any]) -> str:
    parts = []
    for src in res.get("sources", []):
        parts.append(src.get("publisher") or src.get("title") or "")
    return "; ".join(p for p in parts if p)


def _licence_text(res: dict[str, Any]) -> str:
    return "; ".join(
        lic.get("title") or lic.get("name", "") for lic in res.get("licenses", [])
    )


def catalog(data_folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """One row per dataset: name, title, source, licence, rows, file and size.

    Reads only the catalogue, so it is instant and works even if a file is damaged.

    >>> bool(catalog().loc[lambda d: d.name == "sco_membership", "rows"].iloc[0] > 30)
    True
    """
    rows = []
    for res in package(data_folder)["resources"]:
        rows.append(
            {
                "name": res.get("name"),
                "title": res.get("title", ""),
                "source": _source_text(res),
                "licence": _licence_text(res),
                "rows": res.get("rows"),
                "file": f"data/{res.get('path')}",
                "kB": round(res.get("bytes", 0) / 1024, 1),
            }
        )
    return pd.DataFrame(rows)


def schema(name: str, data_folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """The columns of one dataset: name, type, unit and description.

    >>> schema("sco_membership").loc[0, "name"]
    'iso3'
    """
    fields = resource(name, data_folder).get("schema", {}).get("fields", [])
    return pd.DataFrame(
        [
            {
                "name": f.get("name"),
                "type": f.get("type"),
                "unit": f.get("unit", ""),
                "description": f.get("description", f.get("title", "")),
            }
            for f in fields
        ]
    )


def cite(name: str, data_folder: str | os.PathLike | None = None) -> str:
    """A citation for one dataset, with the course's curated file and its hash.

    >>> "sha256" in cite("sco_membership")
    True
    """
    res = resource(name, data_folder)
    citation = res.get("citation") or "; ".join(
        f"{s.get('publisher', '')}, {s.get('title', '')}".strip(", ")
        for s in res.get("sources", [])
    )
    digest = str(res.get("hash", "")).split(":")[-1][:12]
    return (
        f"{citation} Curated subset: data/{res.get('path')} in the course "
        f"\"Security by Prevention? The SCO in data\" (sha256 {digest}…)."
    )


# --------------------------------------------------------------------------- load
def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _expected_hash(res: dict[str, Any]) -> str | None:
    value = res.get("hash")
    if not value:
        return None
    algo, _, digest = str(value).rpartition(":")
    if algo and algo != "sha256":
        return None
    return digest.lower()


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
            f"has {series[bad.index[0]]!r}. " + _RESTORE.format(rel=rel)
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
                f"{col[idx]!r}). " + _RESTORE.format(rel=rel)
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
            mask = col.notna() & ~col.fillna("").map(lambda v, rx=regex: bool(rx.match(str(v))))
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
                f"(line {int(idx) + 2}). " + _RESTORE.format(rel=rel)
            )


@lru_cache(maxsize=64)
def _load_cached(path_str: str, mtime_ns: int, size: int, res_json: str) -> pd.DataFrame:
    res = json.loads(res_json)
    path = Path(path_str)
    rel = _rel(path)
    raw = path.read_bytes()
    expected = _expected_hash(res)
    if expected is not None and hashlib.sha256(raw).hexdigest() != expected:
        raise DataError(
            f"{rel} has been modified: its contents no longer match the sha256 recorded in "
            f"{_rel(path.parent / PACKAGE_FILE)}, so its numbers cannot be trusted. "
            + _RESTORE.format(rel=rel)
        )
    schema_ = res.get("schema", {})
    fields = schema_.get("fields", [])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DataError(f"{rel} is not UTF-8 text. " + _RESTORE.format(rel=rel)) from None
    try:
        df = pd.read_csv(
            io.StringIO(text),
            dtype=str,
            keep_default_na=False,
            na_values=schema_.get("missingValues", [""]),
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        raise DataError(
            f"{rel} cannot be read as CSV ({str(exc).splitlines()[0]}). "
            + _RESTORE.format(rel=rel)
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
            f"{rel} does not match its schema: {', '.join(detail)}. " + _RESTORE.format(rel=rel)
        )
    for field in fields:
        df[field["name"]] = _convert(df[field["name"]], field, rel)
    _check_constraints(df, schema_, rel)
    return df


def path_of(name: str, data_folder: str | os.PathLike | None = None) -> Path:
    """The file behind a dataset.

    >>> path_of("sco_membership").name
    'sco_membership.csv'
    """
    return data_dir(data_folder) / resource(name, data_folder)["path"]


def _load_resource(res: dict[str, Any], folder: Path) -> pd.DataFrame:
    """The checked (cached) table of one catalogue entry; not a copy."""
    path = folder / res["path"]
    try:
        stat = path.stat()
    except OSError:
        raise DataError(
            f"The data file {_rel(path)} is missing. " + _RESTORE.format(rel=_rel(path))
        ) from None
    return _load_cached(str(path), stat.st_mtime_ns, stat.st_size, json.dumps(res, sort_keys=True))


def load(name: str, data_folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """Load one curated dataset as a DataFrame, checked against the catalogue.

    The file's sha256 must match ``data/datapackage.json``; its columns, types and
    constraints must match the schema. Any failure raises :class:`DataError` with one
    message naming the file and how to restore it. A package chosen by ``COURSE_DATA``
    is checked whole on its first load (:func:`check_package`). Each call returns a fresh copy,
    so changing it never changes what the next call returns.

    Parameters
    ----------
    name : str
        A dataset name from :func:`catalog`, such as ``"wb_indicators"``.
    data_folder : path, optional
        Another folder holding ``datapackage.json`` (used by tests).

    Examples
    --------
    >>> df = load("sco_membership")
    >>> sorted(df.status.unique())[:2]
    ['dialogue_partner', 'member']
    """
    res = resource(name, data_folder)
    folder = data_dir(data_folder)
    if _external(folder):
        from .data_identity import check_package

        check_package(folder)
    return _load_resource(res, folder).copy()


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


def verify(data_folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """Check every dataset; one row per dataset with ``ok`` and the message.

    >>> bool(verify().ok.all())
    True
    """
    rows = []
    for name in names(data_folder):
        try:
            df = load(name, data_folder)
            rows.append({"name": name, "ok": True, "rows": len(df), "message": "ok"})
        except DataError as exc:
            rows.append({"name": name, "ok": False, "rows": None, "message": str(exc)})
    return pd.DataFrame(rows)


def sha256_of(name: str, data_folder: str | os.PathLike | None = None) -> str:
    """The sha256 of a dataset's file as it is on disk now (not as recorded)."""
    return _sha256(path_of(name, data_folder))


# --------------------------------------------------------------------------- identity
#: Names that live in :mod:`course_lib.data_identity` and are read through this module
#: too (``data.identity()``); imported on first use, as that module builds on this one.
_IDENTITY_NAMES = ("DataIdentity", "check_package", "identity", "use")


def __getattr__(name: str) -> Any:
    if name in _IDENTITY_NAMES:
        from . import data_identity

        return getattr(data_identity, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_IDENTITY_NAMES))
