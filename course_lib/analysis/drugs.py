"""Heroin seizures: the article's 69 tonnes and "14 per cent" against world data (notebook 04).

The world table (``data/unodc_seizures.csv``) has **gaps**: it holds world heroin for
only some years. Nothing here fills a gap with an invented number. A missing year stays
missing (NaN) unless the caller states an assumption, and every table says which values
come from data and which are assumed.

The window is the five calendar years before the article (2017): 2012-2016.

>>> window()
[2012, 2013, 2014, 2015, 2016]
>>> share_pct(69, 500)
13.8
>>> round(implied_world(69, 14)["per_year"], 2)
98.57
"""

from __future__ import annotations

import math
from typing import Iterable

import pandas as pd

from ..cache import data_cached
from ..data import load
from ..errors import CourseError
from ..sco import ARTICLE_YEAR
from ..validate import as_year

WINDOW_YEARS = 5
WORLD = "WORLD"

#: Readings of the world denominator that the explorer offers.
READINGS = ("heroin only", "heroin and morphine", "lowest year", "highest year")

#: What two other statements by the SCO Secretary-General said (source_keys 24KG_2017, SECTSCO_2018).
#: These figures are not in data/ because the area (the SCO) is not a country; they are
#: kept here, with their source keys, as context for the claim only.
#: ``tonnes`` is heroin; ``cannabis_tonnes`` adds the hashish and marijuana figures of
#: the same statement (1,500 t and over 1,400 t), where it gives them.
STATEMENTS = (
    {"source": "24KG_2017", "what": "heroin seized in SCO countries, past five years",
     "tonnes": 70.0, "years": 5.0, "share_pct": 14.0, "cannabis_tonnes": float("nan"),
     "when": "news report of a 2017 speech (Moscow security conference)"},
    {"source": "SECTSCO_2018", "what": "heroin seized by SCO member-state agencies, 2011 to mid-2017",
     "tonnes": 160.0, "years": 6.5, "share_pct": float("nan"), "cannabis_tonnes": 1500.0 + 1400.0,
     "when": "SCO Secretariat item on the address to the UN CND, 12 March 2018"},
)


# --------------------------------------------------------------------------- data
@data_cached
def _table() -> pd.DataFrame:
    return load("unodc_seizures")


def seizures(area: str | None = None, drug: str | None = None) -> pd.DataFrame:
    """The seizure table (a copy), optionally for one area and one drug.

    >>> seizures("WORLD", "heroin").year.tolist()
    [2013, 2016, 2018]
    >>> seizures("XYZ")
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: No area 'XYZ' in data/unodc_seizures.csv. Areas: AFG, CHN, IND, IRN, PAK, WORLD.
    """
    df = _table()
    if area is not None:
        if area not in set(df.area):
            raise CourseError(
                f"No area {area!r} in data/unodc_seizures.csv. "
                f"Areas: {', '.join(sorted(set(df.area)))}."
            )
        df = df[df.area == area]
    if drug is not None:
        if drug not in set(_table().drug):
            raise CourseError(
                f"No drug {drug!r} in data/unodc_seizures.csv. "
                f"Drugs: {', '.join(sorted(set(_table().drug)))}."
            )
        df = df[df.drug == drug]
    return df.reset_index(drop=True).copy()


def window(article_year: int = ARTICLE_YEAR, years: int = WINDOW_YEARS) -> list[int]:
    """The ``years`` calendar years before ``article_year``.

    >>> window(2017, 3)
    [2014, 2015, 2016]
    """
    if not isinstance(years, int) or isinstance(years, bool) or years < 1:
        raise CourseError(f"The number of years must be a whole number of at least 1, not {years!r}.")
    article_year = as_year(article_year)
    return list(range(article_year - years, article_year))


def article_value(claim_id: str) -> float:
    """The article's number for a claim, read from ``data/claims.csv``.

    >>> article_value("heroin_tonnes")
    69.0
    """
    from ..claims.core import article_value as _article_value

    return _article_value(claim_id)


def source_citation(key: str) -> str:
    """The citation of a source key (``data/source_keys.csv``).

    >>> source_citation("24KG_2017").startswith("24.kg")
    True
    """
    keys = load("source_keys").set_index("key")
    if key not in keys.index:
        raise CourseError(f"No source key {key!r} in data/source_keys.csv.")
    cit = keys.loc[key, "citation"]
    return str(cit) if not pd.isna(cit) else str(keys.loc[key, "url"])


def _years(years: Iterable[int] | None) -> list[int]:
    if years is None:
        return window()
    if isinstance(years, str) or not hasattr(years, "__iter__"):
        years = [years]
    out = [as_year(y) for y in years]
    if not out:
        raise CourseError("Give at least one year.")
    return out


def world_heroin(years: Iterable[int] | None = None) -> pd.DataFrame:
    """World heroin seizures for each year: year, tonnes (NaN = no data), source, known.

    >>> t = world_heroin()
    >>> t.loc[t.known, "year"].tolist(), int(t.known.sum())
    ([2013, 2016], 2)
    """
    years = _years(years)
    h = seizures(WORLD, "heroin").set_index("year")
    out = pd.DataFrame({"year": years})
    out["tonnes"] = [float(h.loc[y, "tonnes"]) if y in h.index else math.nan for y in years]
    out["source"] = [str(h.loc[y, "source"]) if y in h.index else "" for y in years]
    out["method"] = ["reported heroin" if y in h.index else "no data in our table" for y in years]
    out["known"] = out["tonnes"].notna()
    return out


def world_heroin_and_morphine(years: Iterable[int] | None = None) -> pd.DataFrame:
    """World heroin + morphine seizures per year, saying how each value was obtained.

    Rule: the reported combined total where the table has one; otherwise heroin plus
    morphine of the same year, only when both rows exist (``method`` says which, and
    whether the two rows come from the same source). Other years stay NaN.

    >>> t = world_heroin_and_morphine().set_index("year")
    >>> t.loc[2013, "tonnes"], t.loc[2016, "tonnes"], t.loc[2016, "method"]
    (np.float64(116.0), np.float64(156.0), 'heroin + morphine of the same year (same source)')
    """
    years = _years(years)
    w = seizures(WORLD)
    rows = []
    for y in years:
        here = w[w.year == y].set_index("drug")
        if "heroin_and_morphine" in here.index:
            rows.append((y, float(here.loc["heroin_and_morphine", "tonnes"]),
                         str(here.loc["heroin_and_morphine", "source"]), "reported total"))
        elif {"heroin", "morphine"} <= set(here.index):
            src = {str(here.loc["heroin", "source"]), str(here.loc["morphine", "source"])}
            same = "same source" if len(src) == 1 else "DIFFERENT sources"
            rows.append((y, float(here.loc["heroin", "tonnes"] + here.loc["morphine", "tonnes"]),
                         " + ".join(sorted(src)), f"heroin + morphine of the same year ({same})"))
        else:
            rows.append((y, math.nan, "", "no data in our table"))
    out = pd.DataFrame(rows, columns=["year", "tonnes", "source", "method"])
    out["known"] = out["tonnes"].notna()
    return out


def world_opiates_bulk(years: Iterable[int] | None = None) -> pd.DataFrame:
    """Opium + heroin + morphine seized worldwide, by bulk weight, where all three are known.

    Used only to show how a wider denominator ("all drugs") shrinks the share.

    >>> world_opiates_bulk().dropna().tonnes.tolist()
    [750.1, 814.0]
    """
    years = _years(years)
    w = seizures(WORLD)
    rows = []
    for y in years:
        here = w[w.year == y].set_index("drug")
        if {"opium", "heroin", "morphine"} <= set(here.index):
            total = float(here.loc[["opium", "heroin", "morphine"], "tonnes"].sum())
            rows.append((y, round(total, 3), float(here.loc["opium", "tonnes"])))
        else:
            rows.append((y, math.nan, math.nan))
    out = pd.DataFrame(rows, columns=["year", "tonnes", "opium"])
    out["known"] = out["tonnes"].notna()
    return out


def world_series(series: str = "heroin only", years: Iterable[int] | None = None) -> pd.DataFrame:
    """The world series behind a reading: ``"heroin only"`` or ``"heroin and morphine"``.

    >>> world_series("heroin and morphine").known.sum()
    np.int64(2)
    """
    if series in ("heroin only", "heroin", "lowest year", "highest year"):
        return world_heroin(years)
    if series in ("heroin and morphine", "heroin_and_morphine"):
        return world_heroin_and_morphine(years)
    raise CourseError(f"Unknown reading {series!r}. Choose one of: {', '.join(READINGS)}.")


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

    >>> r = implied_world(69, 14)
    >>> round(r["total"], 1), round(r["per_year"], 1)
    (492.9, 98.6)
    """
    s = _positive(share, "The share")
    total = float(part_tonnes) * 100.0 / s
    return {"total": total, "per_year": total / years}


def to_kg(tonnes: float) -> float:
    """Tonnes (metric tons) to kilograms.

    >>> to_kg(69)
    69000.0
    """
    return float(tonnes) * 1000.0


def per_year(total: float, years: int = WINDOW_YEARS) -> float:
    """A total over ``years`` years as a yearly average.

    >>> per_year(69, 5)
    13.8
    """
    if not years or years <= 0:
        raise CourseError(f"The number of years must be positive, not {years!r}.")
    return float(total) / years


# --------------------------------------------------------------------------- scenarios
def scenario(reading: str = "heroin only", assumed: float | None = None,
             part_tonnes: float | None = None, years: Iterable[int] | None = None) -> dict:
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

    >>> s = scenario("heroin only")
    >>> round(s["share"], 2), s["n_missing"]
    (16.37, 3)
    >>> round(scenario("heroin only", assumed=100)["total"], 1)
    468.6
    >>> round(scenario("lowest year")["share"], 2)
    17.78
    """
    if reading not in READINGS:
        raise CourseError(f"Unknown reading {reading!r}. Choose one of: {', '.join(READINGS)}.")
    part = article_value("heroin_tonnes") if part_tonnes is None else float(part_tonnes)
    known = world_series(reading, years)
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


def assumed_for_share(share: float, reading: str = "heroin only",
                      part_tonnes: float | None = None) -> float:
    """The value each missing year would need for the share to be exactly ``share`` %.

    >>> round(assumed_for_share(14), 1)
    108.1
    """
    s = scenario(reading, part_tonnes=part_tonnes)
    if s["n_missing"] == 0:
        raise CourseError("No year is missing under this reading: nothing to assume.")
    target = implied_world(s["part"], share, len(s["table"]))["total"]
    known_sum = float(s["known"].loc[s["known"].known, "tonnes"].sum())
    return (target - known_sum) / s["n_missing"]


# --------------------------------------------------------------------------- countries
def country_context() -> pd.DataFrame:
    """Country rows of the table (2017-2018) with names, SCO status in October 2017
    and flags for the caveats in ``note``.

    >>> c = country_context()
    >>> sorted(c.area.unique())
    ['AFG', 'CHN', 'IND', 'IRN', 'PAK']
    >>> c.loc[c.area == "PAK", ["drug", "secondary", "year_inferred"]].to_numpy().tolist()
    [['heroin_and_morphine', True, True], ['opium', False, False]]
    """
    from ..sco import names, status_on

    df = _table()
    df = df[df.area != WORLD].copy()
    st = status_on("2017-10-01").drop_duplicates("iso3").set_index("iso3")
    df["country"] = df.area.map(names(sorted(set(df.area))))
    df["sco_status_2017"] = [str(st.loc[a, "status"]) if a in st.index else "none" for a in df.area]
    note = df.note.fillna("").str.lower()
    df["secondary"] = note.str.contains("secondary")
    df["year_inferred"] = note.str.contains("inferred")
    return df.sort_values(["year", "area", "drug"]).reset_index(drop=True)


# --------------------------------------------------------------------------- claims
def heroin_share_readings() -> pd.DataFrame:
    """Every reading of "69 t ≈ 14 %": reading, definition, value (%).

    >>> r = heroin_share_readings().set_index("reading")
    >>> round(r.loc["heroin only (primary)", "value"], 1)
    np.float64(16.4)
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
    op = world_opiates_bulk()
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


_SHARE_IDS = ("heroin_only", "heroin_lowest_year", "heroin_highest_year", "heroin_morphine",
              "opiates_bulk", "exact_target", "all_drugs")


def evidence_heroin_share() -> dict:
    """Evidence for '69 t of heroin ≈ 14 % of drugs confiscated worldwide'.

    As worded the denominator is *all* drugs: the data give no value for that share, only
    the opiates' share, which all drugs can only lower: a mean over the known years, and
    a larger value were every year as low as the lowest known one, and a true upper bound
    (the reading's high end): the five years' seizures weigh at least the opiates of the
    known years alone. Heroin alone is an interval because years are
    missing: from every missing year as high as the highest known one to as low as the
    lowest.

    >>> r = evidence_heroin_share()["readings"].set_index("reading_id")
    >>> round(float(r.loc["all_drugs", "high"]), 2), round(float(r.loc["heroin_only", "low"]), 2)
    (4.41, 15.16)
    """
    part = article_value("heroin_tonnes")
    claimed = article_value("heroin_share")
    readings = heroin_share_readings()
    readings.insert(0, "reading_id", list(_SHARE_IDS[:len(readings)]))
    readings["reading"] = readings["reading"].str.replace(" (primary)", "", regex=False)
    v = readings.set_index("reading_id")["value"]
    readings["low"], readings["high"] = readings["value"], readings["value"]
    lo_share = float(min(v["heroin_lowest_year"], v["heroin_highest_year"]))
    hi_share = float(max(v["heroin_lowest_year"], v["heroin_highest_year"]))
    readings.loc[readings.reading_id == "heroin_only", ["low", "high"]] = [lo_share, hi_share]
    known_op = world_opiates_bulk().dropna().tonnes
    op_low_year = share_pct(part, len(window()) * float(known_op.min()))
    # a true bound: the five years' seizures of all drugs weigh at least the opiates of the known years
    op_bound = share_pct(part, float(known_op.sum()))
    readings.loc[readings.reading_id == "all_drugs", ["low", "high"]] = [0.0, op_bound]
    h = scenario("heroin only")
    k = h["known"]
    missing = ", ".join(str(y) for y in k.loc[~k.known, "year"])
    imp = implied_world(part, claimed, len(k))
    need = assumed_for_share(claimed)
    op = world_opiates_bulk()
    opk = op[op.known]
    sco = STATEMENTS[1]
    allh = seizures(WORLD, "heroin")
    top = allh.loc[allh.tonnes.idxmax()]
    explanation = (
        f"**All drugs (as worded).** No open table gives world seizures of all drugs, but "
        f"opium, heroin and morphine alone weighed so much that {part:g} t is on average "
        f"**{v['opiates_bulk']:.2f} %** of them over the known years ({', '.join(map(str, opk.year))}), "
        f"and {op_low_year:.2f} % if every one of the five years had been as low as the lowest of "
        f"them; all drugs can only lower these figures. For certain it is at most "
        f"**{op_bound:.2f} %**, since the opiates of the known years alone weigh "
        f"{known_op.sum():,.0f} t. World opium seizures were {opk.opium.min():.0f} t "
        f"or more in each known year, against the {imp['per_year']:.1f} t a year that would make "
        f"{claimed:g} % exact; and by the SCO's own later count ({sco['source']}) its members "
        f"seized about {sco['cannabis_tonnes'] / sco['tonnes']:.0f} times as much cannabis as "
        f"heroin by weight.\n\n"
        f"**Heroin only.** The table holds world heroin for only {int(k.known.sum())} of the "
        f"{len(k)} years {k.year.min()}–{k.year.max()} (missing: {missing}). Averaging the known "
        f"years gives {h['share']:.2f} %; bounding the missing years by the lowest and highest "
        f"known year gives {lo_share:.2f} % to {hi_share:.2f} %. For exactly {claimed:g} % the "
        f"{h['n_missing']} missing years would each need about {need:.0f} t, more than any world "
        f"heroin value in the table (highest: {top.tonnes:g} t in {top.year}). The {part:g} t "
        "itself is the SCO's own figure (see `heroin_tonnes`)."
    )
    return {
        "value": None,
        "unit": "%",
        "readings": readings,
        "explanation": explanation,
        "sources": ["unodc_seizures", "claims"],
    }


def _not_checkable_readings(what: str) -> pd.DataFrame:
    from ..sco import members, names

    yrs = window()
    span = f"{yrs[0]}–{yrs[-1]}"
    before = members(f"{yrs[-1]}-12-31")
    after = members(f"{ARTICLE_YEAR}-10-01")
    added = [c for c in after if c not in before]
    nm = names(after)
    return pd.DataFrame(
        [
            (f"{what}, the {len(before)} members of {span}",
             f"sum over {', '.join(nm[c] for c in before)}, {span}: "
             "no country values for these years in our data", math.nan),
            (f"{what}, the {len(after)} members of October {ARTICLE_YEAR}",
             f"the same plus {' and '.join(nm[c] for c in added)} (members only from "
             f"{ARTICLE_YEAR}): no data", math.nan),
            (f"{what}, special anti-drug operations within SCO territories only",
             "the article's wording; no open register of these operations exists", math.nan),
        ],
        columns=["reading", "definition", "value"],
    )


def evidence_heroin_tonnes() -> dict:
    """Evidence for '69 t of heroin seized in five years' (not checkable with open data)."""
    part = article_value("heroin_tonnes")
    a, b = STATEMENTS
    b_rate = b["tonnes"] / b["years"]
    explanation = (
        f"No open dataset gives seizures by SCO member states, let alone by their special "
        f"anti-drug operations, for {window()[0]}–{window()[-1]}: our table has country values only for "
        f"2017–2018. What we can do is compare statements. A {a['when']} ({a['source']}) "
        f"gives about {a['tonnes']:g} t over five years and about {a['share_pct']:g} %, i.e. the "
        f"same figure from the same speaker, not an independent check. An {b['when']} "
        f"({b['source']}) gives about {b['tonnes']:g} t for 2011 to mid-2017, about "
        f"{b_rate:.0f} t a year against {per_year(part):.1f} t a year for {part:g} t over five "
        f"years: the two are hard to reconcile unless they count different things (all "
        f"seizures by national agencies vs special anti-drug operations within SCO territories). To check the claim one would need "
        f"each member's yearly heroin seizures (UNODC annual report questionnaires) and a "
        f"list of the special operations with their seizures."
    )
    return {
        "value": None,
        "unit": "tonnes",
        "readings": _not_checkable_readings("member-state heroin seizures"),
        "explanation": explanation,
        "sources": ["unodc_seizures", "source_keys", "claims"],
    }


def evidence_precursors_tonnes() -> dict:
    """Evidence for '75 t of precursors seized' (not checkable with open data)."""
    a = STATEMENTS[0]
    explanation = (
        f"Our data hold no precursor seizures at all, and \"precursors\" covers chemicals of "
        f"very different kinds (e.g. acetic anhydride for heroin, ephedrine for "
        f"methamphetamine), whose tonnes do not add up meaningfully. The {a['when']} "
        f"({a['source']}) mentions more than 75 t of precursors as well, again from the same "
        f"speaker. Checking would need member states' precursor seizures by chemical and year "
        f"(reported to the International Narcotics Control Board on its Form D) for the same "
        f"five years. The article credits this figure to collaboration among the members' "
        f"law-enforcement bodies, not to the special operations of the heroin figure."
    )
    return {
        "value": None,
        "unit": "tonnes",
        "readings": _not_checkable_readings("precursor seizures"),
        "explanation": explanation,
        "sources": ["source_keys", "claims"],
    }
