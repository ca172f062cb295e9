"""The values behind notebook 00's primer exercises, and their wrong methods.

Each function computes its value with plain pandas from the loaded tables when called.

>>> n_values(3) == 3 * n_rows()
True
"""

from __future__ import annotations

#: The year of the primer's filter, pivot and rank exercises.
PRIMER_YEAR = 2010
#: The year of the population the merge exercise adds up.
MERGE_YEAR = 2024
WORLD_HEROIN_WINDOW = list(range(2012, 2017))


def _wb():
    from ..data import load

    return load("wb_indicators")


def n_members(on) -> int:
    from ..sco import members

    return len(members(on))


def members_and_observers_2017() -> int:
    from ..sco import members

    return len(members("2017-10-01")) + len(members("2017-10-01", "observer"))


def n_rows() -> int:
    return len(_wb())


def n_values(columns: int | None) -> int:
    wb = _wb()
    cols = ["iso3", "year", "population"][:columns] if columns else list(wb.columns)
    return int(wb[cols].size)


def population(code: str, year: int) -> float:
    wb = _wb()
    return float(wb.loc[(wb["iso3"] == code) & (wb["year"] == year), "population"].iloc[0])


def group_population(on, year: int) -> float:
    from ..sco import members

    wb = _wb()
    rows = wb if on is None else wb[wb["iso3"].isin(members(on))]
    return float(rows.groupby("year")["population"].sum().loc[year])


def status_population(status: str, on=None, year: int = MERGE_YEAR) -> float:
    from ..sco import latest_date, status_on

    wb = _wb()
    st = status_on(latest_date() if on is None else on)
    rows = st.merge(wb.loc[wb["year"] == year, ["iso3", "population"]], on="iso3")
    return float(rows.groupby("status")["population"].sum().loc[status])


def gdp_ratio(top: str, bottom: str, year: int, column: str = "gdp_per_capita_usd") -> float:
    wb = _wb()
    rows = wb[wb["iso3"].isin([top, bottom])]
    wide = rows.pivot(index="year", columns="iso3", values=column)
    return float(wide.loc[year, top] / wide.loc[year, bottom])


def _world_heroin():
    import pandas as pd

    from ..data import load

    s = load("unodc_seizures")
    rows = s[(s["area"] == "WORLD") & (s["drug"] == "heroin")]
    years = pd.DataFrame({"year": WORLD_HEROIN_WINDOW})
    return years.merge(rows[["year", "tonnes"]], on="year", how="left"), rows


def heroin_mean(fill: float | None) -> float:
    five, _ = _world_heroin()
    t = five["tonnes"] if fill is None else five["tonnes"].fillna(fill)
    return float(t.mean())


def heroin_sum() -> float:
    five, _ = _world_heroin()
    return float(five["tonnes"].fillna(0).sum())


def heroin_mean_all_rows() -> float:
    _, rows = _world_heroin()
    return float(rows["tonnes"].mean())


def kaz_rank(ascending: bool = False, column: str = "gdp_per_capita_usd") -> int:
    from ..sco import members

    wb = _wb()
    rows = wb[wb["iso3"].isin(members("2017-10-01")) & (wb["year"] == PRIMER_YEAR)]
    return int(rows.set_index("iso3")[column].rank(ascending=ascending)["KAZ"])
