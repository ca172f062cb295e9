"""Cross-checks of the numbers that decide a verdict, a ranking or a headline, run during
curation against a second source or a physical bound.

Each check (:data:`CHECKS`) has a stated threshold. A discrepancy beyond it is either
listed in :data:`ACCEPTED` (with the reason and what it changes in the course; the data
README lists it under "Known problems") or stops the refresh with a message naming the
file, the country and the year. Corrections made in curation (zeros curated as missing
in the warhead series, :func:`course_lib.curation.nuclear.placeholder_zeros`) are
recorded in the tables' ``note`` column and summarised here.

``run`` takes the curated tables as text (as the curation modules build them) and
returns one summary row per check; ``complete=False`` (fixture extracts) skips the
bounds that need every country or every row of a source.

>>> ring_area_km2(pd.Series([0.0, 1.0, 1.0, 0.0, 0.0]), pd.Series([0.0, 0.0, 1.0, 1.0, 0.0])) // 1000
12.0
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .common import fail

EARTH_RADIUS_KM = 6371.0088
YEAR = 2017  # the article's year: the year the decisive figures are read for

# check id -> (series, second source or bound, threshold as stated in data/README.md)
CHECKS = {
    "area_land": ("surface area (World Bank AG.SRF.TOTL.K2)", "land area (World Bank AG.LND.TOTL.K2)",
                  "land area at most surface area + 0.1 %, every country and year"),
    "area_polygons": ("surface area (World Bank), 2017", "area of the Natural Earth 1:110m polygons "
                      "(data/world_shapes.csv)", "within ±25 % for countries of 50,000 km² or more"),
    "world_sum": ("World rows of population and GDP (World Bank)", "sum of the countries",
                  "sum at most World + 0.5 %; with every country, at least World − 3 %"),
    "warheads_series": ("FAS stockpile estimates", "Bulletin of the Atomic Scientists' series",
                        "where both give warheads, within 20 % of the larger; never 0 against warheads"),
    "warheads_status": ("warhead series (FAS, Bulletin)", "status coding (Bleek / NTI)",
                        "warheads > 0 only for a state coded possessing; possessing with 0 in both "
                        "series only where accepted"),
    "seizures_documents": ("UNODC seizures (course table)", "the figures of the second documents cited "
                           "in the rows' notes; heroin + morphine; country ≤ world",
                           "within 2 % (and 1 t for sums)"),
    "membership_counts": ("members in the course's membership tables (SCO on 1 October 2017; eleven "
                          "organizations in June 2017)", "the organizations' own published counts",
                          "equal, for every organization"),
    "milex_sources": ("SIPRI military spending, % of GDP (2022 release)",
                      "World Bank MS.MIL.XPND.GD.ZS (another SIPRI release)",
                      "within 0.5 percentage points, for every state that has been an SCO member"),
}
FILES = {
    "area_land": "wb-wdi/ag.lnd.totl.k2.csv", "area_polygons": "wb-wdi/ag.srf.totl.k2.csv",
    "world_sum": "wb-wdi/sp.pop.totl.csv or ny.gdp.mktp.cd.csv",
    "warheads_series": "owid-nuclear-weapons/bulletin_nuclear_notebook_stockpiles.csv",
    "warheads_status": "owid-nuclear-weapons/nuclear_weapons_proliferation_owid.csv",
    "seizures_documents": "facts/unodc_opiate_seizures.csv",
    "milex_sources": "sipri-milex/sipri_military_expenditure_owid2022.csv",
    "membership_counts": "facts/sco_membership.csv or facts/regional_organizations.csv",
}
# (check, iso3) -> (years, reason, what it changes in the course)
ACCEPTED = {
    ("area_polygons", "CAN"): ("2017", "the World Bank's surface area includes large inland and coastal waters",
                               "none: Canada is in no ranked group's decisive margin (OAS area only)"),
    ("area_polygons", "NOR"): ("2017", "the World Bank's surface area grew by 62 % in 2013 (waters added)",
                               "none: Norway belongs to no organization the course ranks"),
    ("area_polygons", "HRV"): ("2017", "the World Bank's surface area grew by 56 % in 2013 (waters added)",
                               "the EU's surface area counts Croatia's waters; the EU ranks below the SCO "
                               "by area either way"),
    ("area_polygons", "MAR"): ("2017", "Natural Earth's Morocco and the World Bank's differ over Western Sahara",
                               "maps only; the AU's area uses the World Bank figures"),
    ("area_polygons", "GRL"): ("2017", "the World Bank gives Greenland's ice-free area, the polygon its whole "
                               "island", "none: Greenland is in no organization the course ranks"),
    ("warheads_status", "FRA"): ("1960-1963", "first test in 1960, first stockpiled weapons counted from 1964",
                                 "none: the course's years are 1990 onward"),
    ("warheads_status", "GBR"): ("1952", "first test in 1952, first stockpiled weapon counted from 1953",
                                 "none: the course's years are 1990 onward"),
    ("warheads_status", "IND"): ("1987-1997", "coded possessing from 1987 (capability), warheads counted "
                                 "from 1998", "notebook 02 notes that the rules disagree before the tests"),
    ("warheads_status", "PAK"): ("1987-1997", "coded possessing from 1987 (capability), warheads counted "
                                 "from 1998", "notebook 02 notes that the rules disagree before the tests"),
    ("warheads_status", "ZAF"): ("1979-1991", "coded possessing while FAS counts its first and last "
                                 "devices as 0", "none: South Africa dismantled its arsenal by 1991"),
    ("milex_sources", "KGZ"): ("1992-2020", "the World Bank republishes another SIPRI release whose "
                               "spending estimates are about twice the 2022 release's",
                               "notebook 02 names the gap (3.10 % vs 1.58 % of GDP in 2017); the ranking of "
                               "the members does not change"),
    ("milex_sources", "PAK"): ("2018-2020", "the two SIPRI releases differ",
                               "notebook 02 reads SIPRI's release; Pakistan and Russia are tied there"),
    ("milex_sources", "UZB"): ("2018", "the two SIPRI releases differ; Uzbekistan has few values",
                               "none: Uzbekistan has one SIPRI value in 2017-2020"),
}
# Figures of the second documents cited in the seizures' notes (facts/FACTS.md):
# (year, area, drug) -> (value, what: "tonnes" or "share of WORLD", key of the document)
CITED = {
    (2013, "WORLD", "opium"): (634.0, "tonnes", "EMCDDA2016"),
    (2016, "WORLD", "heroin"): (91.0, "tonnes", "WDR2018_DWF"),
    (2016, "WORLD", "opium"): (658.0, "tonnes", "WDR2018_DWF"),
    (2018, "IRN", "heroin"): (26.0, "% of WORLD", "WDR2020_TEHRANTIMES"),
    (2018, "IRN", "opium"): (91.0, "% of WORLD", "WDR2020_TEHRANTIMES"),
}


# Published counts (the organizations' own sites: sectsco.org for the SCO in October 2017 -- 8 members,
# 4 observers, 6 dialogue partners; europa.eu, au.int, oas.org, asean.org, eco.int, cis.minsk.by,
# saarc-sec.org, odkb-csto.org, gcc-sg.org, eaeunion.org, lasportal.org for June 2017).
SCO_COUNTS = {"member": 8, "observer": 4, "dialogue_partner": 6}
ORG_COUNTS_2017 = {"AU": 55, "OAS": 35, "EU": 28, "LAS": 22, "ASEAN": 10, "ECO": 10, "CIS": 9, "SAARC": 8,
                   "CSTO": 6, "GCC": 6, "EAEU": 5}


def ring_area_km2(lon: pd.Series, lat: pd.Series) -> float:
    """Area of a closed ring of lon/lat degrees on a sphere (km², the usual spherical formula)."""
    x, y = np.radians(lon.to_numpy(float)), np.radians(lat.to_numpy(float))
    s = np.sum((x[1:] - x[:-1]) * (2 + np.sin(y[:-1]) + np.sin(y[1:])))
    return abs(float(s)) * EARTH_RADIUS_KM ** 2 / 2


def polygon_areas(shapes: pd.DataFrame) -> pd.Series:
    """Area (km²) of each country of ``world_shapes``: exterior rings minus holes."""
    s = shapes.assign(lon=pd.to_numeric(shapes.lon), lat=pd.to_numeric(shapes.lat),
                      ring=pd.to_numeric(shapes.ring), order=pd.to_numeric(shapes.order))
    s = s.sort_values(["iso3", "part", "ring", "order"], kind="mergesort")
    rows = [(c, ring_area_km2(g.lon, g.lat) * (1 if r == 0 else -1))
            for (c, _p, r), g in s.groupby(["iso3", "part", "ring"], sort=True)]
    return pd.DataFrame(rows, columns=["iso3", "a"]).groupby("iso3")["a"].sum()


def _num(df: pd.DataFrame, *cols: str) -> pd.DataFrame:
    out = df.copy()
    for c in cols:
        out[c] = pd.to_numeric(out[c].replace("", np.nan))
    return out


def _years(years) -> str:
    ys = sorted({int(y) for y in years})
    return str(ys[0]) if len(ys) == 1 else f"{ys[0]}-{ys[-1]}"


class _Found:
    """Discrepancies of one check: accepted ones kept, others stop the refresh."""

    def __init__(self, check: str):
        self.check, self.accepted, self.largest = check, [], ""

    def add(self, iso3: str, years, what: str) -> None:
        key = (self.check, iso3)
        if key not in ACCEPTED:
            fail(f"{FILES[self.check]}: cross-check '{self.check}' ({CHECKS[self.check][2]}) fails for "
                 f"{iso3} in {_years(years)}: {what}. Correct it in curation (with source and reason) "
                 f"or list it in course_lib/curation/crosscheck.py ACCEPTED with what it changes.")
        self.accepted.append({"check": self.check, "iso3": iso3, "years": _years(years), "found": what,
                              "reason": ACCEPTED[key][1], "effect": ACCEPTED[key][2]})


def check_area(wb: pd.DataFrame, shapes: pd.DataFrame | None) -> list[_Found]:
    c = _num(wb[wb.kind == "country"], "surface_area_km2", "land_area_km2", "year")
    land = _Found("area_land")
    over = c[c.land_area_km2 > c.surface_area_km2 * 1.001]
    for iso3, g in over.groupby("iso3"):
        land.add(iso3, g.year, f"land {g.land_area_km2.max():,.0f} km² > surface {g.surface_area_km2.min():,.0f} km²")
    ratio = (c.land_area_km2 / c.surface_area_km2).dropna()
    land.largest = f"land/surface at most {ratio.max():.4f}" if len(ratio) else "no values"
    poly = _Found("area_polygons")
    if shapes is not None:
        s17 = c[(c.year == YEAR) & c.surface_area_km2.notna()].set_index("iso3").surface_area_km2
        r = (polygon_areas(shapes).reindex(s17.index) / s17).dropna()
        r = r[s17.reindex(r.index) >= 50_000]
        for iso3, v in r[(r - 1).abs() > 0.25].items():
            poly.add(iso3, [YEAR], f"polygons {v:.2f} × the surface area")
        if len(r):
            worst = (r - 1).abs().idxmax()
            poly.largest = f"{worst}: polygons {r[worst]:.2f} × surface area"
    return [land, poly]


def check_world_sums(wb: pd.DataFrame, complete: bool) -> _Found:
    f = _Found("world_sum")
    d = _num(wb, "population", "gdp_usd", "year")
    worst = (0.0, "")
    for col in ("population", "gdp_usd"):
        world = d[d.iso3 == "WLD"].set_index("year")[col]
        total = d[d.kind == "country"].groupby("year")[col].sum(min_count=1)
        ratio = (total / world).dropna()
        for y, v in ratio.items():
            if v > 1.005 or (complete and v < 0.97):
                f.add("WLD", [y], f"countries' {col} sum is {v:.4f} × the World row")
        if len(ratio) and abs(ratio - 1).max() > worst[0]:
            y = (ratio - 1).abs().idxmax()
            worst = (abs(ratio[y] - 1), f"{col} {int(y)}: countries' sum {ratio[y]:.4f} × World")
    f.largest = worst[1]
    return f


def check_warheads(fas: pd.DataFrame, bulletin: pd.DataFrame, status: pd.DataFrame) -> list[_Found]:
    series, stat = _Found("warheads_series"), _Found("warheads_status")
    m = _num(fas, "warheads", "year").merge(_num(bulletin, "warheads", "year"), on=["iso3", "year"],
                                           how="outer", suffixes=("_f", "_b"))
    zero_vs = m[((m.warheads_f == 0) & (m.warheads_b > 0)) | ((m.warheads_b == 0) & (m.warheads_f > 0))]
    for iso3, g in zero_vs.groupby("iso3"):
        series.add(iso3, g.year, "one series gives 0 where the other gives warheads")
    both = m[(m.warheads_f > 0) & (m.warheads_b > 0)].copy()
    both["rel"] = (both.warheads_f - both.warheads_b).abs() / both[["warheads_f", "warheads_b"]].max(axis=1)
    for iso3, g in both[both.rel > 0.20].groupby("iso3"):
        series.add(iso3, g.year, f"FAS and the Bulletin differ by up to {g.rel.max():.0%}")
    if len(both):
        w = both.loc[both.rel.idxmax()]
        series.largest = f"{w.iso3} {int(w.year)}: {int(w.warheads_f)} vs {int(w.warheads_b)} ({w.rel:.0%})"
    st = _num(status, "status", "year")[["iso3", "year", "status"]]
    j = m.merge(st, on=["iso3", "year"], how="inner")
    armed_not = j[((j.warheads_f > 0) | (j.warheads_b > 0)) & (j.status != 3)]
    for iso3, g in armed_not.groupby("iso3"):
        stat.add(iso3, g.year, "warheads while not coded possessing")
    empty = j[(j.status == 3) & (j.warheads_f == 0) & (j.warheads_b.fillna(0) == 0)]
    for iso3, g in empty.groupby("iso3"):
        stat.add(iso3, g.year, "coded possessing while both series give 0")
    stat.largest = f"{len(empty)} state-years possessing with 0 warheads"
    return [series, stat]


def check_seizures(uno: pd.DataFrame, complete: bool) -> _Found:
    f = _Found("seizures_documents")
    d = _num(uno, "tonnes", "year").set_index(["year", "area", "drug"]).tonnes
    worst = (0.0, "")
    for (y, area, drug), (value, what, key) in CITED.items():
        ours = d.get((y, area, drug), np.nan)
        base = d.get((y, "WORLD", drug), np.nan) if what.startswith("%") else 1.0
        if pd.isna(ours) or pd.isna(base):
            if complete:
                f.add(area, [y], f"no {drug} row to compare with {key}")
            continue
        got = 100 * ours / base if what.startswith("%") else ours
        tol = 2.0 if what.startswith("%") else 0.02 * value  # shares are cited as whole per cent
        if abs(got - value) > max(tol, 0.5):
            f.add(area, [y], f"{drug} {got:.1f} {what}, {key} says {value:g}")
        if abs(got - value) / value > worst[0]:
            worst = (abs(got - value) / value, f"{area} {y} {drug}: {got:.1f} vs {value:g} ({key})")
    for y in sorted({k[0] for k in d.index}):
        h, m, hm = (d.get((y, "WORLD", k), np.nan) for k in ("heroin", "morphine", "heroin_and_morphine"))
        if not any(pd.isna([h, m, hm])) and abs(h + m - hm) > max(1.0, 0.02 * hm):
            f.add("WORLD", [y], f"heroin {h:g} + morphine {m:g} ≠ heroin and morphine {hm:g}")
    for (y, area, drug), v in d.items():
        w = d.get((y, "WORLD", drug), np.nan)
        if area != "WORLD" and not pd.isna(v) and not pd.isna(w) and v > w:
            f.add(area, [y], f"{drug} {v:g} t exceeds the world's {w:g} t")
    f.largest = worst[1]
    return f


def check_membership_counts(sco: pd.DataFrame, orgs: pd.DataFrame, complete: bool) -> _Found:
    """The tables presented as complete against the organizations' own counts (only with every row)."""
    f = _Found("membership_counts")
    if not complete:
        f.largest = "not compared (partial extract)"
        return f
    on = "2017-10-01"
    start = sco.start_date.where(sco.start_date.str.len() > 4, sco.start_date + "-12-31")
    end = sco.end_date.where((sco.end_date.str.len() > 4) | (sco.end_date == ""), sco.end_date + "-12-31")
    now = sco[(start <= on) & ((end == "") | (end > on))]
    for status, n in SCO_COUNTS.items():
        got = int((now.status == status).sum())
        if got != n:
            f.add("SCO", [2017], f"{got} rows with status {status} on {on}, the SCO counts {n}")
    o = _num(orgs, "joined", "left")
    o = o[(o.status == "member") & (o.joined <= 2017) & (o.left.isna() | (o.left > 2017))]
    for org, n in ORG_COUNTS_2017.items():
        got = int((o.org == org).sum())
        if got != n:
            f.add(org, [2017], f"{got} members in June 2017, the organization counts {n}")
    f.largest = "none: every count equal"
    return f


def check_milex(sipri: pd.DataFrame, wb: pd.DataFrame, members: set[str]) -> _Found:
    f = _Found("milex_sources")
    m = _num(sipri, "milex_pct_gdp", "year").merge(_num(wb, "milex_pct_gdp", "year"), on=["iso3", "year"],
                                                   suffixes=("_s", "_w")).dropna(subset=["milex_pct_gdp_s",
                                                                                         "milex_pct_gdp_w"])
    m = m[m.iso3.isin(members)]
    m["d"] = (m.milex_pct_gdp_s - m.milex_pct_gdp_w).abs()
    for iso3, g in m[m.d > 0.5].groupby("iso3"):
        f.add(iso3, g.year, f"SIPRI and the World Bank differ by up to {g.d.max():.2f} points of GDP")
    if len(m):
        w = m.loc[m.d.idxmax()]
        f.largest = f"{w.iso3} {int(w.year)}: {w.milex_pct_gdp_s:.2f} vs {w.milex_pct_gdp_w:.2f} % of GDP"
    return f


def run(frames: dict[str, pd.DataFrame], complete: bool = True) -> dict:
    """Every cross-check on the curated ``frames`` (resource name -> table as text).

    Returns ``{"checks": [...], "accepted": [...]}``: one summary per check (series,
    second source, threshold, largest discrepancy, action) and the accepted discrepancies.
    A check whose tables are absent is reported as not run.
    """
    found: list[_Found] = []
    has = frames.keys().__contains__
    if has("wb_indicators"):
        found += check_area(frames["wb_indicators"], frames.get("world_shapes"))
        found.append(check_world_sums(frames["wb_indicators"], complete))
    if has("nuclear_warheads") and has("nuclear_warheads_bulletin") and has("nuclear_status"):
        found += check_warheads(frames["nuclear_warheads"], frames["nuclear_warheads_bulletin"],
                                frames["nuclear_status"])
    if has("unodc_seizures"):
        found.append(check_seizures(frames["unodc_seizures"], complete))
    if has("sco_membership") and has("regional_organizations"):
        found.append(check_membership_counts(frames["sco_membership"], frames["regional_organizations"], complete))
    if has("sipri_milex") and has("wb_indicators") and has("sco_membership"):
        mem = frames["sco_membership"]
        found.append(check_milex(frames["sipri_milex"], frames["wb_indicators"],
                                 set(mem.iso3[mem.status == "member"])))
    done = {f.check: f for f in found}
    checks = []
    for cid, (series, second, threshold) in CHECKS.items():
        f = done.get(cid)
        action = ("not run (its tables are absent)" if f is None else
                  f"{len(f.accepted)} accepted (Known problems)" if f.accepted else "none beyond the threshold")
        if cid == "warheads_series" and has("nuclear_warheads"):
            fixed = sum((frames[n].get("note", pd.Series(dtype=str)) != "").sum()
                        for n in ("nuclear_warheads", "nuclear_warheads_bulletin") if n in frames)
            action = f"{fixed} contradicted zeros corrected to missing in curation (note column); " + action
        checks.append({"check": cid, "series": series, "second": second, "threshold": threshold,
                       "largest": "" if f is None else f.largest, "action": action})
    return {"checks": checks, "accepted": [a for f in found for a in f.accepted]}
