"""The values behind notebook 04's exercises: each expected answer and each wrong method.

Every function computes its value from ``data/claims.csv`` and ``data/unodc_seizures.csv``
when called (through :mod:`course_lib.analysis.drugs`); ``q04_drug_trafficking`` turns
them into questions and named mistakes. A wrong method takes the same steps as the
reference solution with one step changed: the window, a filter, a denominator, a unit.

>>> missing_years()
['2012', '2014', '2015']
>>> round(share_opiates(), 2)
1.76
"""

from __future__ import annotations

import statistics

#: The three opiates added up in the "all opiates by weight" exercise.
OPIATES = ("opium", "heroin", "morphine")


def _drugs():
    from ..analysis import drugs

    return drugs


# --------------------------------------------------------------------------- the claim
def part() -> float:
    return _drugs().article_value("heroin_tonnes")


def claimed() -> float:
    return _drugs().article_value("heroin_share")


def window(shift: int = 0, length: int | None = None) -> list[int]:
    """The five years 2012-2016, or a wrong window (moved by ``shift``, another length)."""
    yrs = _drugs().window()
    first = yrs[0] + shift
    return list(range(first, first + (length or len(yrs))))


def n_years() -> int:
    return len(window())


# --------------------------------------------------------------------------- 04_kg_per_year
def kg_per_year(years: int | None = None) -> float:
    d = _drugs()
    return d.per_year(d.to_kg(part()), years or n_years())


def kg_five_years() -> float:
    return _drugs().to_kg(part())


def tonnes_per_year() -> float:
    return _drugs().per_year(part(), n_years())


# --------------------------------------------------------------------------- 04_missing_years
def world_years(drug: str | None = "heroin") -> set[int]:
    """The years with a world row (of ``drug``; of any drug when None)."""
    d = _drugs()
    rows = d.seizures(d.WORLD) if drug is None else d.seizures(d.WORLD, drug)
    return set(rows.year)


def missing_years(years: list[int] | None = None) -> list[str]:
    """The years of ``years`` (the window) without a world heroin value, as text."""
    have = world_years()
    return [str(y) for y in (years or window()) if y not in have]


def known_years_listed() -> list[str]:
    have = world_years()
    return [str(y) for y in window() if y in have]


# --------------------------------------------------------------------------- 04_share_hm, opiates
def _world_wide(years: list[int]):
    d = _drugs()
    w = d.seizures(d.WORLD)
    w = w[w.year.isin(years)]
    return w.pivot(index="year", columns="drug", values="tonnes")


def share_of_mean(yearly) -> float:
    """The share of the article's tonnes in ``n_years`` years at the mean of ``yearly``."""
    return 100 * part() / (n_years() * statistics.fmean(list(yearly)))


def hm_yearly(years: list[int] | None = None):
    wide = _world_wide(years or window())
    return wide["heroin_and_morphine"].fillna(wide["heroin"] + wide["morphine"]).dropna()


def share_hm() -> float:
    return _drugs().scenario("heroin and morphine")["share"]


def share_hm_all_years() -> float:
    """No year filter: every world year of the table, 2018 included."""
    return share_of_mean(hm_yearly(sorted(world_years(None))))


def share_heroin() -> float:
    return _drugs().scenario("heroin only")["share"]


def opiates_yearly(drug_names: tuple[str, ...] = OPIATES, years: list[int] | None = None):
    """World tonnes of ``drug_names`` added up per year, for the years of ``years`` that
    hold every one of the three opiates."""
    wide = _world_wide(years or window())
    complete = wide.dropna(subset=list(OPIATES))
    return complete[[c for c in drug_names if c in complete]].fillna(0).sum(axis=1)


def share_opiates() -> float:
    return share_of_mean(opiates_yearly())


def share_opiates_double() -> float:
    return share_of_mean(opiates_yearly(OPIATES + ("heroin_and_morphine",)))


def share_opiates_all_years() -> float:
    return share_of_mean(opiates_yearly(years=sorted(world_years(None))))


def share_opiates_heroin_only() -> float:
    """Heroin left out of nothing: only opium and morphine (heroin forgotten)."""
    return share_of_mean(opiates_yearly(("opium", "morphine")))


# --------------------------------------------------------------------------- 04_implied_world
def implied_total() -> float:
    return _drugs().implied_world(part(), claimed(), n_years())["total"]


def implied_per_year(years: int | None = None) -> float:
    return implied_total() / (years or n_years())


def implied_percent_as_number() -> float:
    return part() / claimed() / n_years()


def part_times_share() -> float:
    return part() * claimed() / 100 / n_years()


# --------------------------------------------------------------------------- 04_predict_lowest
def lowest_year_share() -> float:
    return _drugs().scenario("lowest year")["share"]


# --------------------------------------------------------------------------- 04_assumed_for_14
def known_heroin(years: list[int] | None = None):
    """World heroin tonnes of the known years of ``years`` (the window)."""
    k = _drugs().world_heroin(years or window())
    return k.loc[k.known, "tonnes"]


def assumed_for_claim() -> float:
    return _drugs().assumed_for_share(claimed())


def assumed_in(years: list[int]) -> float:
    """The value each missing year of ``years`` would need (a wrong window)."""
    known = known_heroin(years)
    return (implied_total() - known.sum()) / (len(years) - len(known))


def assumed_over_all_years() -> float:
    return (implied_total() - known_heroin().sum()) / n_years()


def assumed_without_known() -> float:
    return implied_total() / (n_years() - len(known_heroin()))


def assumed_together() -> float:
    return implied_total() - known_heroin().sum()


def assumed_with_morphine() -> float:
    """Heroin and morphine taken as the known years' values."""
    hm = hm_yearly()
    return (implied_total() - hm.sum()) / (n_years() - len(hm))
