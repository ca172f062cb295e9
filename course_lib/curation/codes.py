"""Country codes checked against a maintained list, and what changed since the last package.

Every ISO3 code read from a source must be one of:

* an ISO 3166-1 alpha-3 code, from ``pycountry`` (the ISO 3166 list, maintained upstream);
* a World Bank aggregate code (:data:`WB_AGGREGATES`, the WDI list of regions, income and
  lending groups; extended by the aggregates that a bulk download's
  ``Metadata_Country_*.csv`` lists, i.e. codes without a region);
* one of the World Bank's two economy codes that are not ISO codes (:data:`WB_NON_ISO_ECONOMIES`).

A code outside that list stops the refresh with a message naming the file, the row and the
code; so does a row whose name is an ISO country of another code (India coded ``INX``, a
World Bank aggregate: the row would become an aggregate and India would lose its value).

>>> is_known("IND"), is_known("INX"), is_known("TUX"), is_known("XKX")
(True, True, False, True)
>>> code_of_name("India"), code_of_name("Korea, Rep.")
('IND', None)
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .common import CurationError

# The World Bank's aggregate codes (regions, income groups, lending groups,
# demographic-dividend groups and other country groups, as in the WDI "aggregates"
# list). Everything else in WDI is an economy ("country").
WB_AGGREGATES = frozenset({
    "AFE", "AFW", "ARB", "CEB", "CSS", "EAP", "EAR", "EAS", "ECA", "ECS", "EMU", "EUU",
    "FCS", "HIC", "HPC", "IBD", "IBT", "IDA", "IDB", "IDX", "INX", "LAC", "LCN", "LDC",
    "LIC", "LMC", "LMY", "LTE", "MEA", "MIC", "MNA", "NAC", "OED", "OSS", "PRE", "PSS",
    "PST", "SAS", "SSA", "SSF", "SST", "TEA", "TEC", "TLA", "TMN", "TSA", "TSS", "UMC",
    "WLD",
})
# WB economy codes that are not ISO 3166-1 alpha-3 codes.
WB_NON_ISO_ECONOMIES = {"XKX": "Kosovo (World Bank code)", "CHI": "Channel Islands (World Bank code)"}


@lru_cache(maxsize=1)
def iso_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-3 codes of ``pycountry``.

    >>> "CHN" in iso_codes() and "WLD" not in iso_codes()
    True
    """
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def is_known(code: str, aggregates: frozenset[str] | set[str] = WB_AGGREGATES) -> bool:
    """True for an ISO code, a World Bank aggregate code or a World Bank non-ISO economy."""
    return code in iso_codes() or code in aggregates or code in WB_NON_ISO_ECONOMIES


@lru_cache(maxsize=4096)
def code_of_name(name: str) -> str | None:
    """The ISO3 code ``pycountry`` gives an exact name (None when it knows no such name)."""
    import pycountry

    try:
        return pycountry.countries.lookup(str(name).strip()).alpha_3
    except LookupError:
        return None


def check_codes(df: pd.DataFrame, path: Path, rows: list[str] | None = None, code: str = "Country Code",
                name: str | None = "Country Name", aggregates: frozenset[str] | set[str] = WB_AGGREGATES) -> None:
    """Stop at the first unknown code (or a name that belongs to another code), naming the
    file, the row (``rows[i]`` for row ``i``; default: the CSV line) and the code.

    >>> d = pd.DataFrame({"Country Code": ["IND", "TUX"], "Country Name": ["India", "Tuvalu"]})
    >>> try:
    ...     check_codes(d, Path("wb-wdi/x.csv"))
    ... except CurationError as exc:
    ...     print(exc)  # doctest: +ELLIPSIS
    wb-wdi/x.csv, line 3: code 'TUX' (Tuvalu) is not an ISO 3166-1 alpha-3 code ...; Tuvalu is TUV in ISO 3166.
    """
    rows = rows if rows is not None else [f"line {i + 2}" for i in range(len(df))]
    codes = df[code].astype(str).tolist()
    names = df[name].astype(str).tolist() if name else [""] * len(codes)
    for i, (c, n) in enumerate(zip(codes, names)):
        if not c:
            continue
        iso = code_of_name(n) if n else None
        if not is_known(c, aggregates):
            hint = f"; {n} is {iso} in ISO 3166" if iso else ""
            raise CurationError(
                f"{path}, {rows[i]}: code {c!r}{f' ({n})' if n else ''} is not an ISO 3166-1 alpha-3 code "
                f"(pycountry {_pycountry_version()}), a World Bank aggregate code or a World Bank economy code "
                f"({', '.join(WB_NON_ISO_ECONOMIES)}){hint}.")
        if iso and iso != c:
            what = "a World Bank aggregate code" if c in aggregates else f"the ISO code of {_iso_name(c)}"
            raise CurationError(
                f"{path}, {rows[i]}: code {c!r} is {what}, but the row names {n}, whose ISO 3166 code is "
                f"{iso}; the row would count {n} under the wrong code. Fix the code in the file.")


def _pycountry_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pycountry")
    except PackageNotFoundError:
        return "?"


def _iso_name(code: str) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return found.name if found else code


def metadata_aggregates(text: str) -> set[str]:
    """Aggregate codes from the World Bank's ``Metadata_Country_*.csv`` (rows without a region).

    >>> sorted(metadata_aggregates('"Country Code","Region","IncomeGroup",\\n"ABW","Latin America","High",\\n'
    ...                            '"AFE","","",\\n'))
    ['AFE']
    """
    meta = pd.read_csv(io.StringIO(text.lstrip("\ufeff")), dtype=str, keep_default_na=False)
    if not {"Country Code", "Region"} <= set(meta.columns):
        return set()
    return set(meta.loc[meta["Region"].str.strip() == "", "Country Code"])
