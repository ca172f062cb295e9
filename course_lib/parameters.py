"""The notebooks' parameters and the values each accepts, computed from the data package in
use (``run-all --list-parameters``; docs/parameters.md explains them).

Each notebook checks its own ``parameters`` cell with the same rule; the ranges here are
written once per (notebook, parameter) and computed from the package, so a newer or
partial vintage gives its own range.

>>> rows = parameter_ranges()
>>> "snapshot_year" in {r.name for r in rows}
True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .runner import course_notebooks, declared_parameters


@dataclass(frozen=True)
class ParameterRange:
    """One parameter of one notebook: default as written, and the values it accepts."""

    notebook: str
    name: str
    default: str
    valid: str


def _wb_world_years() -> str:
    from .data import load

    wld = load("wb_indicators").query("iso3 == 'WLD'").set_index("year")
    years = wld.dropna(subset=["population", "surface_area_km2", "land_area_km2", "gdp_usd"]).index
    return (f"a whole year from {years.min()} to {years.max()} (the years with the World totals "
            "of population, surface and land area and GDP)")


def _development_years() -> str:
    from . import sco
    from .analysis import development

    members = sco.member_set("2017 members")
    table = development.dispersion_table("2017 members")
    complete = table.index[(table["n"] == len(members)) & (table.index >= 2001)]
    return (f"a whole year from {complete.min()} to {complete.max()} in which all {len(members)} "
            "members of October 2017 have GDP per capita and population (compared with 2001)")


def _heritage_years() -> str:
    from .analysis import heritage

    first = int(heritage.properties()["year_inscribed"].min())
    return (f"a whole year from {first} (the first inscriptions) to {heritage.latest_year()} "
            "(the last session in the data)")


def _violence_period() -> str:
    from .analysis import violence
    from .data import load

    first = int(load("ucdp_deaths")["year"].min())
    return (f"(first year, last year), both within {first}-{violence.LAST_GED_YEAR} (the UCDP "
            "years verified in the data), first <= last")


#: (notebook number, parameter) -> the valid values, computed from the package
RANGES: dict[tuple[str, str], Callable[[], str]] = {
    ("02", "snapshot_year"): _wb_world_years,
    ("03", "EARLIER"): _violence_period,
    ("03", "LATER"): _violence_period,
    ("05", "snapshot_year"): _development_years,
    ("06", "snapshot_year"): _heritage_years,
}


def parameter_ranges(folder: Path | None = None) -> list[ParameterRange]:
    """Every parameter of every notebook, with its valid values ("not stated" for a
    parameter this module does not know: a test keeps the two lists in step)."""
    import nbformat

    rows = []
    for path in course_notebooks(folder):
        number = path.name[:2]
        for name, default in declared_parameters(nbformat.read(str(path), as_version=4)).items():
            fn = RANGES.get((number, name))
            rows.append(ParameterRange(path.name, name, default, fn() if fn else "not stated"))
    return rows


def listing(rows: list[ParameterRange]) -> str:
    """Text for the terminal: each parameter, then its notebooks with default and range."""
    out: list[str] = []
    for name in dict.fromkeys(r.name for r in rows):
        out.append(f"{name}:")
        out += [f"  {r.notebook}: default {r.default}; valid: {r.valid}" for r in rows if r.name == name]
    return "\n".join(out)
