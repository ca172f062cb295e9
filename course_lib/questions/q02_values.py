"""Expected values and wrong methods of notebook 02's exercises, each computed
from data by plain pandas when a learner checks (used by ``q02_expansion``).

>>> round(china_india(), 1) > round(china_india(year=latest_population_year()), 1)
True
"""

from __future__ import annotations

from ..sco import ARTICLE_YEAR

CHINA_INDIA = ("CHN", "IND")

READING_OPTIONS = {
    "a": "October 2017 members, 2017",
    "b": "October 2017 members, 2016",
    "c": "members + observers, 2017",
    "d": "members + observers + dialogue partners, 2017",
}


# ----------------------------------------------------------------- small data helpers
def wb_table():
    from ..data import load

    return load("wb_indicators")


def world_population(year: int) -> float:
    wb = wb_table()
    return float(wb.loc[(wb.iso3 == "WLD") & (wb.year == year), "population"].iloc[0])


def latest_population_year() -> int:
    wb = wb_table()
    return int(wb.loc[(wb.iso3 == "WLD") & wb.population.notna(), "year"].max())


def group_population(codes, year: int) -> float:
    wb = wb_table()
    return float(wb.loc[(wb.year == year) & wb.iso3.isin(list(codes)), "population"].sum())


def share_of(codes, year: int = ARTICLE_YEAR) -> float:
    return 100.0 * group_population(codes, year) / world_population(year)


def all_rows_share(codes, year: int = ARTICLE_YEAR) -> float:
    """The share with every row of the year (regions and income groups too) as the world."""
    wb = wb_table()
    return 100.0 * group_population(codes, year) / float(wb.loc[wb.year == year,
                                                                  "population"].sum())


def statuses(*statuses: str) -> list[str]:
    from ..sco import ARTICLE_DATE, members

    return sorted({c for s in statuses for c in members(ARTICLE_DATE, status=s)})


# ----------------------------------------------------------------- 02_china_india_share
def china_india(year: int = ARTICLE_YEAR) -> float:
    return share_of(CHINA_INDIA, year)




def china_india_latest() -> float:
    return china_india(latest_population_year())


def china_india_all_rows() -> float:
    return all_rows_share(CHINA_INDIA)


def china_india_2016() -> float:
    return china_india(ARTICLE_YEAR - 1)


def china_india_of_members() -> float:
    """China and India as a share of the eight members' people, not the world's."""
    return 100.0 * (group_population(CHINA_INDIA, ARTICLE_YEAR)
                    / group_population(statuses("member"), ARTICLE_YEAR))


# ----------------------------------------------------------------- 02_share_observers
def share_observers() -> float:
    return share_of(statuses("member", "observer"))


def share_members_only() -> float:
    return share_of(statuses("member"))


def share_with_partners() -> float:
    return share_of(statuses("member", "observer", "dialogue_partner"))


def share_observers_2016() -> float:
    return share_of(statuses("member", "observer"), ARTICLE_YEAR - 1)


def share_observers_all_rows() -> float:
    return all_rows_share(statuses("member", "observer"))




# ----------------------------------------------------------------- 02_predict_today
def today_share() -> float:
    from ..sco import members

    year = latest_population_year()
    return share_of(members(f"{year}-12-31"), year)


# ----------------------------------------------------------------- 02_eu_population
def eu_members(year: int = ARTICLE_YEAR, today: bool = False) -> list[str]:
    from ..data import load

    ro = load("regional_organizations")
    eu = ro[(ro.org == "EU") & (ro.status == "member") & (ro.joined <= year)]
    left = eu.left.isna() if today else (eu.left.isna() | (eu.left > year))
    return sorted(eu.loc[left, "iso3"])


def eu_population() -> float:
    return group_population(eu_members(), ARTICLE_YEAR) / 1e6


def eu_today_members() -> float:
    return group_population(eu_members(today=True), ARTICLE_YEAR) / 1e6


def eu_people() -> float:
    return eu_population() * 1e6


def eu_latest_year() -> float:
    year = latest_population_year()
    return group_population(eu_members(year), year) / 1e6


def eu_2016() -> float:
    return group_population(eu_members(), ARTICLE_YEAR - 1) / 1e6


def eu_never_left_dropped() -> float:
    """``left > 2017`` without ``.isna()``: the states that never left are dropped."""
    from ..data import load

    ro = load("regional_organizations")
    eu = ro[(ro.org == "EU") & (ro.status == "member") & (ro.joined <= ARTICLE_YEAR)
            & (ro.left > ARTICLE_YEAR)]
    return group_population(eu["iso3"], ARTICLE_YEAR) / 1e6


# ----------------------------------------------------------------- 02_armed_not_members
def nuclear_2017(min_status: int = 3) -> list[str]:
    from ..data import load

    ns = load("nuclear_status")
    return sorted(ns.loc[(ns.year == ARTICLE_YEAR) & (ns.status >= min_status), "iso3"])


def armed_not_members(min_status: int = 3) -> int:
    members = set(statuses("member"))
    return sum(c not in members for c in nuclear_2017(min_status))


def armed_all() -> int:
    return len(nuclear_2017())


def armed_members() -> int:
    return armed_all() - armed_not_members()


def armed_with_pursuing() -> int:
    return armed_not_members(min_status=2)


def armed_rows_every_year() -> int:
    """No year filter: one row per state and year is counted."""
    from ..data import load

    ns = load("nuclear_status")
    members = set(statuses("member"))
    return int(((ns.status >= 3) & ~ns.iso3.isin(members)).sum())
