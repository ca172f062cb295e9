"""Shared pieces of the curation: citations, licences, schema helpers and the writer of
one resource (CSV bytes + its Data Package descriptor).

Rules kept by every curation module: numbers are copied as published, gaps stay gaps
(empty cells), output is deterministic (no timestamps; rows sorted).
"""

from __future__ import annotations

import decimal
import hashlib
import io
from pathlib import Path

import pandas as pd

from ..errors import CourseError

ARTICLE = "Alimov 2017, UN Chronicle LIV(3)"
ARTICLE_FULL = (
    'Rashid Alimov, "The Role of the Shanghai Cooperation Organization in Counteracting '
    'Threats to Peace and Security", UN Chronicle, Vol. LIV, No. 3 (October 2017)'
)
YEAR_MIN, YEAR_MAX = 1900, 2030
ISO3_PATTERN = "[A-Z]{3}"


class CurationError(CourseError):
    """A source does not look as expected: stop rather than write doubtful data."""


def fail(msg: str) -> None:
    raise CurationError(msg)


def source_error(path: Path, expected: str, found: str) -> None:
    """Stop with a message naming the file, what was expected and what was found.

    >>> try:
    ...     source_error(Path("wb-wdi/sp.pop.totl.csv"), "a column 'Year'", "columns ['Jahr']")
    ... except CurationError as exc:
    ...     print(exc)
    wb-wdi/sp.pop.totl.csv: expected a column 'Year'; found columns ['Jahr'].
    """
    raise CurationError(f"{path}: expected {expected}; found {found}.")


def require_file(path: Path, what: str = "this file") -> Path:
    """Return ``path`` if it is a file, else stop naming it and what its folder holds."""
    if path.is_file():
        return path
    if not path.parent.is_dir():
        source_error(path, what, f"no folder {path.parent.name}/ at all")
    others = sorted(p.name for p in path.parent.iterdir() if not p.name.startswith("."))
    source_error(path, what, "no such file; the folder holds: " + (", ".join(others) or "nothing"))
    return path  # not reached


# =====================================================================================
# Reading
# =====================================================================================
def read_str_csv(path: Path, columns: list[str] | None = None, exact: bool = False) -> pd.DataFrame:
    """Read a CSV keeping every cell as the published text ('' for empty).

    ``columns`` are the columns the curation needs (all of them, in this order, when
    ``exact``); a missing, unreadable, empty or differently shaped file stops the
    curation with a message naming the file, what was expected and what was found.
    """
    require_file(path, "a CSV file" + (f" with the columns {columns}" if columns else ""))
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        source_error(path, "a UTF-8 CSV file", f"bytes that are not UTF-8 ({exc.reason} at byte {exc.start})")
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        source_error(path, "a CSV file with a header row", str(exc).strip().splitlines()[0])
    if columns is not None:
        found = list(df.columns)
        if (exact and found != columns) or (not exact and not set(columns) <= set(found)):
            missing = [c for c in columns if c not in found]
            what = f"the columns {columns}" + ("" if exact else " (others may follow)")
            source_error(path, what, f"the columns {found}" + (f" (missing: {missing})" if missing else ""))
    if df.empty:
        source_error(path, "data rows under the header", "none")
    return df.astype(object)


def whole_number_text(series: pd.Series, what: str) -> pd.Series:
    """'12.0' -> '12' (declared integers); fail if any value is not whole.

    >>> list(whole_number_text(pd.Series(["12.0", "", "3"]), "test"))
    ['12', '', '3']
    """
    out = []
    for v in series:
        if v == "":
            out.append("")
            continue
        try:
            d = decimal.Decimal(v)
        except decimal.InvalidOperation:
            fail(f"{what}: value {v!r} is not a number")
        if d != d.to_integral_value():
            fail(f"{what}: value {v!r} is not a whole number")
        out.append(str(int(d)))
    return pd.Series(out, index=series.index, dtype=object)


def map_names(names: pd.Series, mapping: dict[str, str | None], what: str) -> pd.Series:
    """Map published country names to ISO3 codes with an explicit map; unknown names stop."""
    unknown = sorted(set(names) - set(mapping))
    if unknown:
        fail(f"{what}: names without an ISO3 mapping (add them to the map): {unknown}")
    return names.map(mapping)


# =====================================================================================
# Licences
# =====================================================================================
LIC_CC_BY = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
LIC_CC0 = {
    "name": "CC0-1.0",
    "title": "CC0 1.0 Universal (Natural Earth: public domain)",
    "path": "https://creativecommons.org/publicdomain/zero/1.0/",
}
LIC_UNESCO = {
    "name": "other-attribution",
    "title": "UNESCO terms of use; cite the World Heritage Centre",
}
LIC_FAS_OWID = {
    "name": "other-attribution",
    "title": "Attribution required: cite the original producers (FAS / Bleek / NTI) and "
    "Our World in Data; the producers' terms apply",
}
LIC_SIPRI = {
    "name": "other-attribution",
    "title": "SIPRI terms: free use with citation (SIPRI Military Expenditure Database)",
}
LIC_COMPILATION = {
    "name": "CC-BY-4.0",
    "title": "CC BY 4.0 (course compilation; sources cited per row)",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
LIC_ARTICLE_FACTS = {
    "name": "CC-BY-4.0",
    "title": "CC BY 4.0 (course compilation of facts; paraphrases are our own words)",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def gh_url(repo: str, commit: str, path: str) -> str:
    return f"https://github.com/{repo}/blob/{commit}/{path}"


def source(title: str, publisher: str, repo: str | None = None, commit: str | None = None,
           repo_path: str | None = None, url: str | None = None) -> dict:
    s: dict = {"title": title, "publisher": publisher}
    if url:
        s["path"] = url
    elif repo and commit and repo_path:
        s["path"] = gh_url(repo, commit, repo_path)
    if repo:
        s["repository"] = repo
    if commit:
        s["commit"] = commit
    return s


def article_source() -> dict:
    """The article as the source of a fact table (title, publisher, the UN Chronicle's page).

    >>> article_source()["publisher"]
    'United Nations (UN Chronicle)'
    """
    return source(ARTICLE_FULL, "United Nations (UN Chronicle)", url="https://www.un.org/en/chronicle")


# =====================================================================================
# Schema helpers
# =====================================================================================
def F(name: str, type_: str, title: str, description: str = "", unit: str | None = None, **cons) -> dict:
    f = {"name": name, "type": type_, "title": title}
    if description:
        f["description"] = description
    if unit:
        f["unit"] = unit
    if cons:
        f["constraints"] = cons
    return f


def iso3_field(desc: str = "ISO 3166-1 alpha-3 code (upper case)", required: bool = True) -> dict:
    return F("iso3", "string", "ISO3 code", desc, required=required, pattern=ISO3_PATTERN)


def year_field(title: str = "Year", desc: str = "Calendar year", required: bool = True, name: str = "year") -> dict:
    return F(name, "integer", title, desc, required=required, minimum=YEAR_MIN, maximum=YEAR_MAX)


def num(name: str, title: str, unit: str, desc: str = "", integer: bool = False, minimum: float | None = 0) -> dict:
    cons = {} if minimum is None else {"minimum": minimum}
    return F(name, "integer" if integer else "number", title, desc, unit=unit, **cons)


def country_field(desc: str = "Country name as published by the source") -> dict:
    return F("country", "string", "Country", desc, required=True)


# =====================================================================================
# Writing
# =====================================================================================
def to_csv_bytes(df: pd.DataFrame) -> bytes:
    out = df.copy()
    for c in out.columns:
        out[c] = out[c].map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v))
    buf = io.StringIO()
    out.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue().encode("utf-8")


def write_if_changed(path: Path, data: bytes) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    path.write_bytes(data)


def resource(name: str, df: pd.DataFrame, title: str, description: str, sources: list[dict],
             licenses: list[dict], citation: str, fields: list[dict], primary_key: list[str]) -> tuple[dict, bytes]:
    if [f["name"] for f in fields] != list(df.columns):
        fail(f"{name}: schema fields {[f['name'] for f in fields]} != columns {list(df.columns)}")
    if df.duplicated(primary_key).any():
        fail(f"{name}: primary key {primary_key} not unique")
    data = to_csv_bytes(df)
    res = {
        "name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "format": "csv",
        "mediatype": "text/csv", "encoding": "utf-8", "title": title, "description": description.strip(),
        "sources": sources, "licenses": licenses, "citation": citation,
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(), "bytes": len(data), "rows": len(df),
        "schema": {"fields": fields, "primaryKey": primary_key, "missingValues": [""]},
    }
    return res, data


def year_range(df: pd.DataFrame, col: str = "year") -> str:
    if col not in df.columns:
        return ""
    v = pd.to_numeric(df[col].replace("", None)).dropna()
    return f"{int(v.min())}-{int(v.max())}" if len(v) else ""
