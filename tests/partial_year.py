"""A data package whose newest year is partial, built by ``data refresh`` as an analyst
would: the World Bank files of a sources folder written from data/wb_indicators.csv (the
long layout, one file per indicator), with an added year that only three economies (and
the World) have; every other table taken unchanged from data/ (``--keep-from``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from course_lib.curation.package import refresh
from course_lib.curation.worldbank import WB_SERIES

REPO = Path(__file__).resolve().parents[1]
PARTIAL = ("CHN", "USA", "DEU", "WLD")  # three economies (one a member) and the World


def write_sources(root: Path, extra_year: int | None = None, codes=PARTIAL) -> Path:
    """``root/sources/wb-wdi/<code>.csv`` from data/; with ``extra_year``, a row for that
    year for ``codes`` only (each value its newest one plus 1 %). Returns ``root/sources``."""
    wb = pd.read_csv(REPO / "data" / "wb_indicators.csv", dtype=str, keep_default_na=False)
    folder = root / "sources" / "wb-wdi"
    folder.mkdir(parents=True)
    for col, code, _title, _unit in WB_SERIES:
        long = wb[["country", "iso3", "year", col]].rename(columns={
            "country": "Country Name", "iso3": "Country Code", "year": "Year", col: "Value"})
        if extra_year is not None:
            add = []
            for c in codes:
                have = long[(long["Country Code"] == c) & (long.Value != "")]
                if len(have):
                    last = have.iloc[-1]
                    add.append({"Country Name": last["Country Name"], "Country Code": c,
                                "Year": str(extra_year), "Value": f"{float(last.Value) * 1.01:.6g}"})
            long = pd.concat([long, pd.DataFrame(add)], ignore_index=True)
        long.to_csv(folder / f"{code}.csv", index=False, lineterminator="\n")
    return root / "sources"


def build_partial(root: Path, extra_year: int | None = None) -> Path:
    """The package in ``root/data`` (refreshed, validated); ``extra_year`` defaults to the
    year after data/'s newest."""
    if extra_year is None:
        years = pd.read_csv(REPO / "data" / "wb_indicators.csv", usecols=["year"])["year"]
        extra_year = int(years.max()) + 1
    src = write_sources(root, extra_year)
    out = root / "data"
    refresh(src, out, facts=root / "no-facts", outline=root / "no-outline.md", keep_from=REPO / "data",
            log=lambda _m: None, published_totals=False, use_frictionless=False)
    return out
