"""course_lib.analysis.drugs: seizure readings, scenarios and the three claims of notebook 04.

Expected values are recomputed here from the raw CSV files (csv module, no course_lib),
so a bug in the module cannot hide behind itself.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pandas as pd
import pytest

from course_lib.analysis import drugs
from course_lib.analysis import drug_seizures
from course_lib.claims import drugs as drug_claims
from course_lib.claims import evaluate
from course_lib.errors import CourseError

DATA = Path(__file__).resolve().parents[1] / "data"


def _raw(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


SEIZ = _raw("unodc_seizures.csv")
CLAIMS = {r["claim_id"]: r for r in _raw("claims.csv")}
PART = float(CLAIMS["heroin_tonnes"]["value"])
CLAIMED = float(CLAIMS["heroin_share"]["value"])
WINDOW = list(range(2012, 2017))


def _world(drug: str) -> dict[int, float]:
    return {int(r["year"]): float(r["tonnes"]) for r in SEIZ
            if r["area"] == "WORLD" and r["drug"] == drug}


def _known_heroin() -> dict[int, float]:
    h = _world("heroin")
    return {y: v for y, v in h.items() if y in WINDOW}


# --------------------------------------------------------------------------- data
def test_window_is_five_years_before_article():
    assert drug_seizures.window() == WINDOW
    assert drug_seizures.window(2020, 2) == [2018, 2019]


@pytest.mark.parametrize("bad", [0, -1, 2.5, "5", True])
def test_window_rejects_bad_lengths(bad):
    with pytest.raises(CourseError):
        drug_seizures.window(2017, bad)


def test_world_heroin_keeps_gaps_as_nan():
    t = drug_seizures.world_heroin()
    known = _known_heroin()
    assert t.year.tolist() == WINDOW
    for row in t.itertuples():
        if row.year in known:
            assert row.known and row.tonnes == known[row.year]
        else:
            assert not row.known and math.isnan(row.tonnes)
            assert row.method == "no data in our table"


def test_heroin_and_morphine_rule_and_sources():
    t = drug_seizures.world_heroin_and_morphine().set_index("year")
    hm, h, m = _world("heroin_and_morphine"), _world("heroin"), _world("morphine")
    for y in WINDOW:
        if y in hm:
            assert t.loc[y, "tonnes"] == hm[y] and t.loc[y, "method"] == "reported total"
        elif y in h and y in m:
            assert t.loc[y, "tonnes"] == pytest.approx(h[y] + m[y])
            assert "same year" in t.loc[y, "method"]
        else:
            assert math.isnan(t.loc[y, "tonnes"])


def test_heroin_and_morphine_flags_different_sources(monkeypatch):
    fake = pd.DataFrame({
        "year": pd.array([2014, 2014], dtype="Int64"), "area": ["WORLD", "WORLD"],
        "drug": ["heroin", "morphine"], "tonnes": [80.0, 20.0], "source": ["A", "B"],
        "note": ["", ""],
    })
    monkeypatch.setattr(drug_seizures, "_table", lambda: fake)
    t = drug_seizures.world_heroin_and_morphine(period=(2014, 2014))
    assert t.tonnes.tolist() == [100.0]
    assert "DIFFERENT sources" in t.method.iloc[0]


def test_bad_area_and_drug_are_explained():
    with pytest.raises(CourseError, match="Areas"):
        drug_seizures.seizures("ATLANTIS")
    with pytest.raises(CourseError, match="Drugs"):
        drug_seizures.seizures("WORLD", "tea")
    with pytest.raises(CourseError):
        drug_seizures.world_heroin(period=("twenty", 2016))


# --------------------------------------------------------------------------- arithmetic
def test_unit_helpers():
    assert drugs.to_kg(PART) == PART * 1000
    assert drugs.per_year(PART) == pytest.approx(PART / 5)
    assert drugs.share_pct(50, 200) == 25.0
    imp = drugs.implied_world(PART, CLAIMED)
    assert imp["total"] == pytest.approx(PART / (CLAIMED / 100))
    assert imp["per_year"] == pytest.approx(imp["total"] / 5)


@pytest.mark.parametrize("bad", [0, -3, float("nan"), "x", None])
def test_share_and_implied_reject_bad_denominators(bad):
    with pytest.raises(CourseError):
        drugs.share_pct(69, bad)
    with pytest.raises(CourseError):
        drugs.implied_world(69, bad)


# --------------------------------------------------------------------------- scenarios
def test_primary_reading_equals_mean_of_known_years():
    known = _known_heroin()
    expected = 100 * PART / (5 * sum(known.values()) / len(known))
    s = drugs.scenario("heroin only")
    assert s["share"] == pytest.approx(expected)
    assert s["n_missing"] == 5 - len(known)
    assert (s["table"].basis == "data").sum() == len(known)


def test_assumed_value_replaces_only_missing_years():
    known = _known_heroin()
    s = drugs.scenario("heroin only", assumed=120)
    assert s["total"] == pytest.approx(sum(known.values()) + 120 * (5 - len(known)))
    assert s["table"].set_index("year").loc[list(known), "tonnes"].tolist() == list(known.values())


def test_bounds_use_lowest_and_highest_known_year():
    known = _known_heroin()
    lo, hi = drugs.scenario("lowest year"), drugs.scenario("highest year")
    assert lo["share"] == pytest.approx(100 * PART / (5 * min(known.values())))
    assert hi["share"] == pytest.approx(100 * PART / (5 * max(known.values())))
    assert lo["share"] > drugs.scenario("heroin only")["share"] > hi["share"]
    # the slider value does not move a bound
    assert drugs.scenario("lowest year", assumed=150)["share"] == lo["share"]


def test_more_assumed_tonnes_means_smaller_share():
    shares = [drugs.scenario("heroin only", assumed=a)["share"] for a in (50, 100, 150)]
    assert shares[0] > shares[1] > shares[2]


def test_assumed_for_share_round_trip():
    need = drugs.assumed_for_share(CLAIMED)
    assert drugs.scenario("heroin only", assumed=need)["share"] == pytest.approx(CLAIMED)
    # above every known year in the window: 14 % needs bigger years than we have
    assert need > max(_known_heroin().values())


@pytest.mark.parametrize("reading, assumed", [("cocaine", None), ("heroin only", -5),
                                              ("heroin only", 0), ("heroin only", "lots")])
def test_scenario_bad_input(reading, assumed):
    with pytest.raises(CourseError):
        drugs.scenario(reading, assumed=assumed)


def test_scenario_with_no_known_year_is_explained():
    with pytest.raises(CourseError, match="None of these years"):
        drugs.scenario("heroin only", period=(2010, 2011))


def test_country_context_flags_caveats():
    c = drug_seizures.country_context()
    raw = [r for r in SEIZ if r["area"] != "WORLD"]
    assert len(c) == len(raw)
    assert set(c.year) == {int(r["year"]) for r in raw}
    n_inferred = sum("inferred" in r["note"].lower() for r in raw)
    assert int(c.year_inferred.sum()) == n_inferred
    assert set(c.loc[c.sco_status_2017 == "member", "area"]) == {"CHN", "IND", "PAK"}


# --------------------------------------------------------------------------- claims
def test_heroin_share_evidence_and_verdict():
    ev = evaluate("heroin_share")
    known = _known_heroin()
    heroin = ev.readings.set_index("reading_id").loc["heroin_only", "value"]
    assert heroin == pytest.approx(100 * PART / (5 * sum(known.values()) / len(known)))
    r = ev.readings.set_index("reading_id")
    assert r.loc["all_drugs", "role"] == "primary" and math.isnan(r.loc["all_drugs", "value"])
    hm = _world("heroin_and_morphine")[2013], _world("heroin")[2016] + _world("morphine")[2016]
    assert r.loc["heroin_morphine", "value"] == pytest.approx(100 * PART / (5 * sum(hm) / 2))
    lo_t, hi_t = min(known.values()), max(known.values())
    assert r.loc["heroin_only", "low"] == pytest.approx(100 * PART / (5 * hi_t))
    assert r.loc["heroin_only", "high"] == pytest.approx(100 * PART / (5 * lo_t))
    # as worded (all drugs) the share is at most the opiates' share; "about 14" is 13-15
    assert r.loc["all_drugs", "high"] < CLAIMED - 1
    inside = r.loc["heroin_only", "low"] <= CLAIMED + 1 or r.loc["heroin_morphine", "value"] >= CLAIMED - 1
    assert ev.verdict == ("partly supported" if inside else "not supported")
    assert "2012" in ev.explanation and "unodc_seizures" in ev.sources


@pytest.mark.parametrize("cid", ["heroin_tonnes", "precursors_tonnes"])
def test_not_checkable_claims(cid):
    ev = evaluate(cid)
    assert ev.value is None and ev.verdict == "not checkable"
    assert ev.readings["value"].isna().all()
    assert "would need" in ev.explanation


def test_evidence_functions_return_the_contract():
    for f in (drug_claims.evidence_heroin_share, drug_claims.evidence_heroin_tonnes,
              drug_claims.evidence_precursors_tonnes):
        out = f()
        assert {"value", "unit", "readings", "explanation", "sources"} <= set(out)
        assert isinstance(out["readings"], pd.DataFrame)


def test_statements_cite_existing_source_keys():
    keys = {r["key"] for r in _raw("source_keys.csv")}
    for st in drug_seizures.STATEMENTS:
        assert st["source"] in keys
        assert drug_seizures.source_citation(st["source"])
    with pytest.raises(CourseError):
        drug_seizures.source_citation("NO_SUCH_KEY")


def test_view_is_the_scenario_frozen():
    import dataclasses

    v = drugs.view(reading="heroin and morphine", assumed=120)
    s = drugs.scenario("heroin and morphine", assumed=120)
    assert (v.total, v.share, v.n_missing, v.assumed) == (s["total"], s["share"], s["n_missing"], 120.0)
    known = s["known"]
    assert v.total == pytest.approx(known.loc[known.known, "tonnes"].sum() + 120 * (~known.known).sum())
    with pytest.raises(dataclasses.FrozenInstanceError):
        v.share = 0  # type: ignore[misc]
