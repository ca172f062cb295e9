"""Expected values and wrong methods of notebook 01's exercises, each computed
from data by plain pandas when a learner checks (used by ``q01_what_is_the_sco``).
"""

from __future__ import annotations

import pandas as pd

GROWTH_WINDOWS = {"a": (2003, 2005), "b": (2013, 2015), "c": (2021, 2023)}
#: States counted as Gulf states in the feedback of the partner-growth exercise.
GULF = ("ARE", "BHR", "KWT", "OMN", "QAT", "SAU")


# ------------------------------------------------------------------ shared helpers
def membership_table() -> pd.DataFrame:
    from ..data import load

    return load("sco_membership")


def year_of(text: pd.Series) -> pd.Series:
    """The year of dates written as text ('2005' or '2017-06-09')."""
    return text.str[:4].astype(int)


def count_on(on: object, statuses: tuple[str, ...] = ("member",)) -> int:
    from ..sco import status_on

    return int(status_on(on)["status"].isin(statuses).sum())


ANY_STATUS = ("member", "observer", "dialogue_partner")


# ------------------------------------------------------------------ 01_predict_circle
def circle_latest() -> int:
    from ..sco import latest_date

    return count_on(latest_date(), ANY_STATUS)


# ------------------------------------------------------------------ 01_members_2024
def members_end_2024() -> int:
    from ..sco import members

    return len(members(2024))


def members_article_date() -> int:
    from ..sco import ARTICLE_DATE

    return count_on(ARTICLE_DATE)


def members_end_2023() -> int:
    return count_on(2023)


def any_status_end_2024() -> int:
    return count_on(2024, ANY_STATUS)


def members_and_observers_end_2024() -> int:
    return count_on(2024, ("member", "observer"))


def founder_count() -> int:
    return len(founders())


# ------------------------------------------------------------------ 01_not_shanghai_five
def not_in_five() -> list[str]:
    from ..analysis.membership import founders_not_in_shanghai_five

    return founders_not_in_shanghai_five()


def founders() -> list[str]:
    from ..sco import FOUNDING_DATE, members

    return members(FOUNDING_DATE)


def shanghai_five() -> list[str]:
    t = membership_table()
    return sorted(t.loc[t["status"] == "shanghai_five", "iso3"])


def today_not_in_five() -> list[str]:
    """Today's members outside the Shanghai Five: the wrong member set."""
    from ..sco import members

    return sorted(set(members("today")) - set(shanghai_five()))


# ------------------------------------------------------------------ 01_india_observer_years
def spell_years(iso3: str, status: str = "observer") -> int:
    t = membership_table()
    row = t[(t["iso3"] == iso3) & (t["status"] == status)]
    return int(year_of(row["end_date"]).iloc[0] - year_of(row["start_date"]).iloc[0])


def india_observer_years() -> float:
    from ..analysis.membership import status_years

    return status_years("IND", "observer")


def india_inclusive() -> int:
    return spell_years("IND") + 1


def india_whole_years_between_dates() -> int:
    """Whole years between the parsed dates (a year-only start read as 31 December)."""
    from ..sco import timeline

    t = timeline()
    row = t[(t["iso3"] == "IND") & (t["status"] == "observer")].iloc[0]
    return int((row["end"] - row["start"]).days // 365.25)


def iran_observer_years() -> int:
    return spell_years("IRN")


# ------------------------------------------------------------------ 01_observer_wait
def waits(before: tuple[str, ...] = ("observer",)) -> pd.Series:
    """Calendar years from each earlier spell to membership, one row per spell."""
    t = membership_table()
    early = t[t["status"].isin(before)][["iso3", "start_date"]]
    member = t[t["status"] == "member"][["iso3", "start_date"]]
    both = early.merge(member, on="iso3", suffixes=("_early", "_member"))
    return year_of(both["start_date_member"]) - year_of(both["start_date_early"])


def observer_wait() -> float:
    return float(waits().mean())


def observer_wait_median() -> float:
    return float(waits().median())


def wait_from_first_status() -> float:
    """Each state's first earlier spell kept (Belarus's dialogue spell, not its observer one)."""
    t = membership_table()
    early = t[t["status"].isin(("observer", "dialogue_partner"))]
    early = early.assign(y=year_of(early["start_date"])).sort_values("y").drop_duplicates("iso3")
    member = t[t["status"] == "member"][["iso3", "start_date"]]
    both = early.merge(member, on="iso3", suffixes=("_early", "_member"))
    return float((year_of(both["start_date_member"]) - both["y"]).mean())


def wait_whole_years_between_dates() -> float:
    """Whole years between the parsed dates (a year-only start read as 31 December)."""
    from ..sco import timeline

    t = timeline()
    obs = t[t["status"] == "observer"][["iso3", "start"]]
    mem = t[t["status"] == "member"][["iso3", "start"]]
    both = obs.merge(mem, on="iso3", suffixes=("_obs", "_mem"))
    return float(((both["start_mem"] - both["start_obs"]).dt.days // 365.25).mean())


def observer_wait_total() -> float:
    return float(waits().sum())


def wait_with_dialogue_spells() -> float:
    return float(waits(("observer", "dialogue_partner")).mean())


def wait_from_parsed_dates() -> float:
    """Mean of exact durations when ``pd.to_datetime`` reads '2005' as 1 January."""
    t = membership_table()
    early = t[t["status"] == "observer"][["iso3", "start_date"]]
    member = t[t["status"] == "member"][["iso3", "start_date"]]
    both = early.merge(member, on="iso3", suffixes=("_early", "_member"))
    days = (pd.to_datetime(both["start_date_member"], format="ISO8601")
            - pd.to_datetime(both["start_date_early"], format="ISO8601"))
    return float((days.dt.days / 365.25).mean())


# ------------------------------------------------------------------ 01_partner_growth
def growth() -> dict[str, int]:
    from ..analysis.membership import partner_counts

    c = partner_counts(period=(2001, 2024))["partners"]
    return {k: int(c[b] - c[a]) for k, (a, b) in GROWTH_WINDOWS.items()}


def fastest_growth() -> str:
    g = growth()
    return max(g, key=g.get)


# ------------------------------------------------------------------ 01_charter_2_4
def principles() -> pd.DataFrame:
    from ..data import load

    return load("charter_principles")


def art_2_4() -> int:
    p = principles()
    return int(p["charter_reference"].str.contains("2(4)", regex=False).sum())


def art_2_4_as_regex() -> int:
    """What ``.str.contains("2(4)")`` counts: the brackets make a regex group ("24")."""
    p = principles()
    return int(p["charter_reference"].str.contains("24", regex=False).sum())


def art_2_4_exact() -> int:
    p = principles()
    return int((p["charter_reference"] == "Art. 2(4)").sum())


def art_2_4_without_derived() -> int:
    p = principles()
    ref = p["charter_reference"]
    return int((ref.str.contains("2(4)", regex=False) & ~ref.str.contains("derived")).sum())
