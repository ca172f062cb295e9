"""Heroin seizures: the article's 69 tonnes and "14 per cent" against world data (notebook 04).

The arithmetic of a share of seizures, the scenarios that fill the world table's
missing years by a stated assumption (every table says which values come from data
and which are assumed), and the readings of the claim. The world table itself is
:mod:`course_lib.analysis.drug_seizures`.

>>> share_pct(30, 600)
5.0
>>> implied_world(10, 20, 2)
{'total': 50.0, 'per_year': 25.0}
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ..errors import CourseError
from . import drug_seizures as S
from .drug_seizures import WINDOW_YEARS, window
from .drug_seizures import WORLD, seizures, world_heroin  # noqa: F401  (questions/q04 reads them here)

#: Readings of the world denominator that the explorer offers.
READINGS = ("heroin only", "heroin and morphine", "lowest year", "highest year")


def article_value(claim_id: str) -> float:
    """The article's number for a claim, read from ``data/claims.csv``.

    >>> article_value("heroin_tonnes")
    69.0
    """
    from ..claims.core import article_value as _article_value

    return _article_value(claim_id)


def world_series(reading: str = "heroin only",
                 period: tuple[int, int] | None = None) -> pd.DataFrame:
    """The world series behind a reading: ``"heroin only"`` or ``"heroin and morphine"``.

    >>> world_series("highest year", period=(2014, 2015)).year.tolist()
    [2014, 2015]
    """
    if reading in ("heroin only", "heroin", "lowest year", "highest year"):
        return S.world_heroin(period)
    if reading in ("heroin and morphine", "heroin_and_morphine"):
        return S.world_heroin_and_morphine(period)
    raise CourseError(f"Unknown reading {reading!r}. Choose one of: {', '.join(READINGS)}.")


# --------------------------------------------------------------------------- arithmetic
def _positive(x: float, what: str) -> float:
    try:
        x = float(x)
    except (TypeError, ValueError):
        raise CourseError(f"{what} must be a number, not {x!r}.") from None
    if math.isnan(x) or x <= 0:
        raise CourseError(f"{what} must be a positive number of tonnes, not {x!r}.")
    return x


def share_pct(part_tonnes: float, world_total_tonnes: float) -> float:
    """``part`` as a percentage of ``world_total`` (same period, same unit).

    >>> share_pct(69, 0)
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: The world total must be a positive number of tonnes, not 0.0.
    """
    part = float(part_tonnes)
    total = _positive(world_total_tonnes, "The world total")
    return 100.0 * part / total


def implied_world(part_tonnes: float, share: float, years: int = WINDOW_YEARS) -> dict:
    """The world total that would make ``part`` exactly ``share`` per cent.

    Returns ``total`` (tonnes over the period) and ``per_year`` (tonnes a year).

    >>> r = implied_world(30, 20, years=3)  # 30 t would be 20 % of 150 t, 50 t a year
    >>> round(r["total"], 1), round(r["per_year"], 1)
    (150.0, 50.0)
    """
    s = _positive(share, "The share")
    total = float(part_tonnes) * 100.0 / s
    return {"total": total, "per_year": total / years}


def to_kg(tonnes: float) -> float:
    """Tonnes (metric tons) to kilograms.

    >>> to_kg(2.5)
    2500.0
    """
    return float(tonnes) * 1000.0


def per_year(total: float, years: int = WINDOW_YEARS) -> float:
    """A total over ``years`` years as a yearly average.

    >>> per_year(30, 4)
    7.5
    """
    if not years or years <= 0:
        raise CourseError(f"The number of years must be positive, not {years!r}.")
    return float(total) / years


# --------------------------------------------------------------------------- scenarios
def scenario(reading: str = "heroin only", assumed: float | None = None,
             part_tonnes: float | None = None, period: tuple[int, int] | None = None) -> dict:
    """The five-year world total and the implied share under one reading.

    Parameters
    ----------
    reading : str
        ``"heroin only"`` or ``"heroin and morphine"``: known years from data, missing
        years set to ``assumed``. ``"lowest year"`` / ``"highest year"``: every year set
        to the lowest (highest) known world heroin year (a bound; ``assumed`` unused).
    assumed : float, optional
        Tonnes a year assumed for each missing year. ``None`` uses the mean of the known
        years, which is exactly what "5 × the mean of known years" silently assumes.
    part_tonnes : float, optional
        The SCO seizure over the period (default: the article's value).

    Returns
    -------
    dict with ``table`` (year, tonnes, basis: "data" or "assumed"), ``known`` (the
    series from data, NaN where missing), ``total``, ``share``, ``n_missing``,
    ``known_mean``, ``assumed`` (the value used) and ``reading``.

    >>> s = scenario("heroin only", assumed=120, part_tonnes=50)
    >>> s["table"]["basis"].value_counts().sum() == len(s["table"]), s["assumed"]
    (np.True_, 120.0)
    >>> b = scenario("highest year", part_tonnes=50)
    >>> bool(b["share"] <= scenario("lowest year", part_tonnes=50)["share"])
    True
    """
    if reading not in READINGS:
        raise CourseError(f"Unknown reading {reading!r}. Choose one of: {', '.join(READINGS)}.")
    part = article_value("heroin_tonnes") if part_tonnes is None else float(part_tonnes)
    known = world_series(reading, period)
    if not known.known.any():
        raise CourseError("None of these years has world data in our table: no reading is possible.")
    known_mean = float(known.loc[known.known, "tonnes"].mean())
    table = known[["year", "tonnes"]].copy()
    if reading in ("lowest year", "highest year"):
        k = known[known.known]
        pick = k.loc[k.tonnes.idxmin() if reading == "lowest year" else k.tonnes.idxmax()]
        value = float(pick["tonnes"])
        table["tonnes"] = value
        table["basis"] = ["data" if y == pick["year"] else "assumed" for y in table.year]
        used = value
    else:
        used = known_mean if assumed is None else _positive(assumed, "The assumed value")
        table["basis"] = ["data" if k else "assumed" for k in known.known]
        table["tonnes"] = table["tonnes"].where(known.known, used)
    total = float(table["tonnes"].sum())
    return {
        "reading": reading,
        "table": table,
        "known": known,
        "total": total,
        "share": share_pct(part, total),
        "n_missing": int((~known.known).sum()),
        "known_mean": known_mean,
        "assumed": used,
        "part": part,
    }


@dataclass(frozen=True)
class DrugsView:
    """What the notebook-04 explorer shows for one reading: the values of
    :func:`scenario` (``table``: year, tonnes, basis "data" or "assumed"; ``known``: the
    series from data; ``total``, ``share``, ``n_missing``, ``known_mean``, ``assumed``,
    ``part``)."""

    reading: str
    table: pd.DataFrame
    known: pd.DataFrame
    total: float
    share: float
    n_missing: int
    known_mean: float
    assumed: float
    part: float


def view(reading: str = "heroin only", assumed: float | None = None) -> DrugsView:
    """The explorer's numbers for one reading and assumption.

    >>> v = view(reading="heroin and morphine", assumed=150)
    >>> list(v.table.columns), v.assumed
    (['year', 'tonnes', 'basis'], 150.0)
    """
    return DrugsView(**scenario(reading, assumed=assumed))


def assumed_for_share(share: float, reading: str = "heroin only",
                      part_tonnes: float | None = None) -> float:
    """The value each missing year would need for the share to be exactly ``share`` %.

    >>> need = assumed_for_share(25)
    >>> round(scenario("heroin only", assumed=need)["share"], 6)
    25.0
    """
    s = scenario(reading, part_tonnes=part_tonnes)
    if s["n_missing"] == 0:
        raise CourseError("No year is missing under this reading: nothing to assume.")
    target = implied_world(s["part"], share, len(s["table"]))["total"]
    known_sum = float(s["known"].loc[s["known"].known, "tonnes"].sum())
    return (target - known_sum) / s["n_missing"]


# --------------------------------------------------------------------------- claims
def heroin_share_readings() -> pd.DataFrame:
    """Every reading of "69 t ≈ 14 %": reading, definition, value (%).

    >>> r = heroin_share_readings().set_index("reading")
    >>> list(r.columns), bool(r.loc["heroin only (primary)", "value"] > 0)
    (['definition', 'value'], True)
    >>> bool(pd.isna(r.loc["all drugs by weight", "value"]))
    True
    """
    part = article_value("heroin_tonnes")
    claimed = article_value("heroin_share")
    yrs = window()
    n = len(yrs)
    span = f"{yrs[0]}–{yrs[-1]}"
    h = scenario("heroin only")
    lo, hi = scenario("lowest year"), scenario("highest year")
    hm = scenario("heroin and morphine")
    hk = h["known"][h["known"].known]
    hmk = hm["known"][hm["known"].known]
    lo_y = int(lo["table"].loc[lo["table"].basis == "data", "year"].iloc[0])
    hi_y = int(hi["table"].loc[hi["table"].basis == "data", "year"].iloc[0])
    imp = implied_world(part, claimed, n)
    op = S.world_opiates_bulk()
    opk = op[op.known]
    op_share = share_pct(part, n * float(opk.tonnes.mean())) if len(opk) else math.nan
    op_low_year = share_pct(part, n * float(opk.tonnes.min())) if len(opk) else math.nan
    known_years = ", ".join(str(y) for y in hk.year)
    hm_how = "; ".join(f"{int(r.year)}: {r.method}, {r.source}" for r in hmk.itertuples())
    rows = [
        ("heroin only (primary)",
         f"100 × {part:g} t / ({n} × mean world heroin of the years in {span} our table holds: "
         f"{known_years}, mean {h['known_mean']:.1f} t a year)", h["share"]),
        ("heroin, lowest known year × 5",
         f"every year as low as {lo_y} ({lo['assumed']:g} t): upper end of the share", lo["share"]),
        ("heroin, highest known year × 5",
         f"every year as high as {hi_y} ({hi['assumed']:g} t): lower end of the share", hi["share"]),
        ("heroin and morphine",
         f"world heroin + morphine, mean of known years ({hm_how}; each year from a different "
         f"World Drug Report edition); mean {hm['known_mean']:.1f} t a year",
         hm["share"]),
        ("opium, heroin and morphine (bulk weight)",
         f"all three opiates by weight, years where all are known ({', '.join(map(str, opk.year))}); "
         "a wider denominator can only lower the share further", op_share),
        (f"world total that would make {claimed:g} % exact",
         f"{part:g} t / {claimed:g} % = {imp['total']:.1f} t over {n} years = {imp['per_year']:.1f} t "
         f"a year (a target, not a share: compare the known years {hk.tonnes.min():g}–{hk.tonnes.max():g} t)",
         math.nan),
        ("all drugs by weight",
         f"not computable from our data (no world total of all drugs); opiates alone give "
         f"{op_share:.2f} % as a mean of the known years ({', '.join(map(str, opk.year))}) and "
         f"{op_low_year:.2f} % if every year were as low as the lowest of them, so all drugs give less "
         "(not a bound: the missing years are unknown)", math.nan),
    ]
    return pd.DataFrame(rows, columns=["reading", "definition", "value"])


