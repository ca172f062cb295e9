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
import os
from pathlib import Path
from typing import Any

import pandas as pd

from .data_files import (PACKAGE_FILE, external, load_resource, package, sha256_file,
                         state)
from .data_identity import DataIdentity, check_package, identity, use
from .errors import DataError
from .paths import data_dir

__all__ = ["PACKAGE_FILE", "DataIdentity", "catalog", "check_package", "cite", "identity",
           "load", "names", "package", "path_of", "resource", "schema", "sha256_of", "state",
           "use", "verify"]


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


def path_of(name: str, data_folder: str | os.PathLike | None = None) -> Path:
    """The file behind a dataset.

    >>> path_of("sco_membership").name
    'sco_membership.csv'
    """
    return data_dir(data_folder) / resource(name, data_folder)["path"]


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
    if external(folder):
        check_package(folder)
    return load_resource(res, folder).copy()


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
    return sha256_file(path_of(name, data_folder))
