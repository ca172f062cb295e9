"""Read one World Bank indicator from any of the layouts an analyst can get it in.

Every reader returns the same long table of published text, with the columns
``Country Name, Country Code, Year, Value`` (``Value`` '' where no value is published),
plus where it came from. The layouts, found in the indicator folder (``wb-wdi/``):

``<code>.csv`` in the long layout
    ``Country Name,Country Code,Year,Value`` (the ``datasets/world-development-indicators``
    copy; its commit and date are read from the folder's SOURCE.md when it names them).
``API_<CODE>_DS2_*.zip`` or ``.csv`` (or ``<code>.csv`` holding the same)
    The bulk CSV from the indicator page (data.worldbank.org/indicator/CODE, "CSV"):
    a few metadata lines ("Data Source", "Last Updated Date"), then a header
    ``"Country Name","Country Code","Indicator Name","Indicator Code","1960",...``
    with one column per year.
``<code>.json``
    The API's JSON (``api.worldbank.org/v2/country/all/indicator/CODE?format=json``):
    one page ``[meta, rows]`` or a list of such pages, as ``data download worldbank``
    writes it. Rows without an ISO3 code (``countryiso3code`` empty) are dropped.

Rules: values are kept as the text published (JSON numbers are read as text, never
converted to float); nothing is filled in; two files for one indicator, a file of
another indicator, or an incomplete set of API pages stop with a message naming the
file, what was expected and what was found.

>>> parse_bulk_text('"Data Source","World Development Indicators",\\n\\n'
...     '"Last Updated Date","2026-10-15",\\n\\n'
...     '"Country Name","Country Code","Indicator Name","Indicator Code","2016","2017",\\n'
...     '"Aruba","ABW","Population, total","SP.POP.TOTL","104872","",\\n',
...     "sp.pop.totl", Path("x.csv"))[0].values.tolist()
[['Aruba', 'ABW', '2016', '104872'], ['Aruba', 'ABW', '2017', '']]
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pandas as pd

from .codes import WB_AGGREGATES, check_codes, metadata_aggregates
from .common import read_str_csv, source_error

LONG_COLUMNS = ["Country Name", "Country Code", "Year", "Value"]
BULK_FIRST = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]


def candidates(folder: Path, code: str) -> list[Path]:
    """The files in ``folder`` that hold indicator ``code`` (any layout)."""
    if not folder.is_dir():
        return []
    bulk = re.compile(rf"^API_{re.escape(code)}_DS2.*\.(zip|csv)$", re.I)
    own = {f"{code}.csv", f"{code}.json"}
    return sorted(p for p in folder.iterdir() if p.is_file() and (p.name.lower() in own or bulk.match(p.name)))


def read_indicator(folder: Path, code: str) -> tuple[pd.DataFrame, Path, dict]:
    """The long table of indicator ``code`` from ``folder``, the file read, and its provenance."""
    found = candidates(folder, code)
    expected = (f"one file for indicator {code.upper()}: {code}.csv, {code}.json or "
                f"API_{code.upper()}_DS2_....zip/.csv")
    if not found:
        if not folder.is_dir():
            source_error(folder / f"{code}.csv", expected, f"no folder {folder.name}/ at all")
        others = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
        source_error(folder / f"{code}.csv", expected,
                     "no such file; the folder holds: " + (", ".join(others) or "nothing"))
    if len(found) > 1:
        source_error(folder, expected, "several: " + ", ".join(p.name for p in found) + " (keep one)")
    df, meta = _read_one(found[0], code, folder)
    aggregates = WB_AGGREGATES | set(meta.get("aggregates", ()))
    check_codes(df, found[0], df.attrs.get("rows"), aggregates=aggregates)
    check_numbers(df, found[0], df.attrs.get("rows"))
    return df, found[0], meta


def check_numbers(df: pd.DataFrame, path: Path, rows: list[str] | None = None) -> None:
    """Stop at the first value that is not a number, naming the file, the row and the value.

    >>> d = pd.DataFrame({"Country Code": ["CHN"], "Year": ["2017"], "Value": ["1.3e11x"]})
    >>> try:
    ...     check_numbers(d, Path("wb-wdi/ny.gdp.mktp.cd.csv"))
    ... except Exception as exc:
    ...     print(exc)
    wb-wdi/ny.gdp.mktp.cd.csv, line 2 (CHN, 2017): expected a number or an empty cell in 'Value'; found '1.3e11x'.
    """
    years = df["Year"].astype(str)
    bad_year = ~years.str.fullmatch(r"\d{4}")
    if bad_year.any():
        i = int(bad_year.to_numpy().nonzero()[0][0])
        where = rows[i] if rows is not None else f"line {i + 2}"
        source_error(Path(f"{path}, {where}"), "a four-digit year in 'Year'", repr(years.iloc[i]))
    values = df["Value"].astype(str)
    bad = (values != "") & pd.to_numeric(values, errors="coerce").isna()
    if bad.any():
        i = int(bad.to_numpy().nonzero()[0][0])
        where = rows[i] if rows is not None else f"line {i + 2}"
        row = df.iloc[i]
        source_error(Path(f"{path}, {where} ({row['Country Code']}, {row['Year']})"),
                     "a number or an empty cell in 'Value'", repr(row["Value"]))


def _read_one(path: Path, code: str, folder: Path) -> tuple[pd.DataFrame, dict]:
    """One file in whichever layout it has; ``df.attrs["rows"]`` names each row's place."""
    if path.suffix.lower() == ".json":
        return read_api_json(path, code)
    if path.suffix.lower() == ".zip":
        df, updated = read_bulk_zip(path, code)
        return df, {"format": "bulk", "last_updated": updated, "aggregates": sorted(df.attrs.get("aggregates", ()))}
    text = _read_text(path)
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    if first.replace('"', "").startswith("Data Source") or first.replace('"', "").startswith(",".join(BULK_FIRST)):
        df, updated = parse_bulk_text(text, code, path)
        return df, {"format": "bulk", "last_updated": updated}
    df = read_str_csv(path, LONG_COLUMNS, exact=True)
    return df, {"format": "datasets", **_datasets_copy(folder)}


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        source_error(path, "a UTF-8 text file", f"bytes that are not UTF-8 ({exc.reason} at byte {exc.start})")
    return ""  # not reached


def _datasets_copy(folder: Path) -> dict:
    """Commit and date of a datasets/world-development-indicators copy, from SOURCE.md."""
    doc = folder / "SOURCE.md"
    text = doc.read_text(encoding="utf-8") if doc.is_file() else ""
    m = re.search(r"Commit:\s*`([0-9a-f]{40})`\s*\((\d{4}-\d{2}-\d{2})\)", text)
    return {"commit": m.group(1), "last_updated": m.group(2)} if m else {}


# ------------------------------------------------------------------ bulk CSV / zip
def read_bulk_zip(path: Path, code: str) -> tuple[pd.DataFrame, str]:
    """The data CSV inside the zip of the indicator page (metadata files are ignored)."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if re.match(rf"^API_{re.escape(code)}_DS2.*\.csv$", n, re.I)]
            if len(names) != 1:
                source_error(path, f"one data file API_{code.upper()}_DS2_....csv inside the zip",
                             f"{zf.namelist()}")
            raw = zf.read(names[0])
            meta = [n for n in zf.namelist() if re.match(r"^Metadata_Country_.*\.csv$", n, re.I)]
            meta_text = zf.read(meta[0]).decode("utf-8-sig", "replace") if len(meta) == 1 else ""
    except zipfile.BadZipFile as exc:
        source_error(path, "a zip file as downloaded from the indicator page", f"not a zip ({exc})")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        source_error(path, "a UTF-8 CSV inside the zip", f"bytes that are not UTF-8 ({exc.reason})")
    df, updated = parse_bulk_text(text, code, path)
    df.attrs["aggregates"] = metadata_aggregates(meta_text) if meta_text else set()
    return df, updated


def parse_bulk_text(text: str, code: str, path: Path) -> tuple[pd.DataFrame, str]:
    """Long table and "Last Updated Date" from the text of a bulk CSV."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    head = next((i for i, r in enumerate(rows[:20]) if r[:4] == BULK_FIRST), None)
    if head is None:
        source_error(path, f"a header row starting {BULK_FIRST} within the first 20 lines",
                     f"first line {rows[0][:4] if rows else 'none (empty file)'}")
    updated = next((r[1] for r in rows[:head] if len(r) > 1 and r[0] == "Last Updated Date"), "")
    header = rows[head]
    years = [(j, y) for j, y in enumerate(header) if j >= 4 and y]
    bad = [y for _j, y in years if not re.fullmatch(r"\d{4}", y)]
    if bad or not years:
        source_error(path, "one column per year after 'Indicator Code'", f"columns {bad or 'none'}")
    out, where = [], []
    for i, r in enumerate(rows[head + 1:], start=head + 2):
        if not any(c.strip() for c in r):
            continue
        if len(r) < len(header) - 1 or r[3].lower() != code.lower():
            source_error(path, f"rows of indicator {code.upper()} with {len(header)} cells",
                         f"a row {r[:4]} with {len(r)} cells")
        out += [(r[0], r[1], y, r[j].strip() if j < len(r) else "") for j, y in years]
        where += [f"line {i}"] * len(years)
    if not out:
        source_error(path, "data rows under the header", "none")
    df = pd.DataFrame(out, columns=LONG_COLUMNS, dtype=object)
    df.attrs["rows"] = where
    return df, updated


# ------------------------------------------------------------------ API JSON
def pages_of(data, path: Path) -> list[list]:
    """The pages of a saved API answer: one ``[meta, rows]`` or a list of them."""
    if isinstance(data, list) and len(data) == 2 and isinstance(data[0], dict) and "page" in data[0]:
        return [data]
    if isinstance(data, list) and data and all(isinstance(p, list) for p in data):
        return data
    if isinstance(data, list) and data and isinstance(data[0], dict) and "message" in data[0]:
        msg = "; ".join(m.get("value", "") for m in data[0]["message"])
        source_error(path, "the API's data pages", f"the API's error message: {msg}")
    source_error(path, "a JSON list [meta, rows] (one page) or a list of such pages",
                 f"a JSON {type(data).__name__}")
    return []  # not reached


def read_api_json(path: Path, code: str) -> tuple[pd.DataFrame, dict]:
    """Long table from saved API pages; checks every page is there and of this indicator."""
    try:
        data = json.loads(_read_text(path), parse_float=str, parse_int=str)
    except json.JSONDecodeError as exc:
        source_error(path, "the JSON the API returns", f"text that is not JSON ({exc})")
    out, where, updated, total, seen, n_raw, pages = [], [], "", 0, set(), 0, 1
    for page in pages_of(data, path):
        if len(page) != 2 or not isinstance(page[0], dict) or not isinstance(page[1], (list, type(None))):
            source_error(path, "pages of the form [meta, rows]", f"a page of {len(page)} parts")
        meta, rows = page
        seen.add(int(meta.get("page", 0)))
        total = int(meta.get("total", 0))
        updated = meta.get("lastupdated", updated) or updated
        n_raw += len(rows or [])
        for k, r in enumerate(rows or [], start=1):
            ind = (r.get("indicator") or {}).get("id", "")
            if ind.lower() != code.lower():
                source_error(path, f"rows of indicator {code.upper()}", f"a row of indicator {ind!r}")
            iso = r.get("countryiso3code") or ""
            if not iso:
                continue
            value = r.get("value")
            out.append((r["country"]["value"], iso, str(r["date"]), "" if value is None else str(value)))
            where.append(f"page {meta.get('page', '?')}, row {k}")
        pages = int(meta.get("pages", 1))
    missing = sorted(set(range(1, pages + 1)) - seen) if data else []
    if missing:
        source_error(path, f"all {pages} pages the API announced", f"pages {sorted(seen)} (missing {missing})")
    if n_raw != total:
        source_error(path, f"{total} rows, as the API's 'total' announces", f"{n_raw}")
    if not out:
        source_error(path, "data rows with a countryiso3code", "none")
    meta = {"format": "api", "last_updated": updated, "rows": total}
    df = pd.DataFrame(out, columns=LONG_COLUMNS, dtype=object)
    df.attrs["rows"] = where
    return df, meta
