"""The one verdict rule of course_lib.claims.core at every boundary of every wording kind,
and the basics of evaluate(). Expected verdicts are written from the rule's definition
(intervals computed here, by hand), not from the function under test."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from course_lib import claims
from course_lib.claims.core import Interval, claim_interval, date_interval, verdict, year_fraction
from course_lib.errors import CourseError

D = 1e-6  # "just" inside / outside


def _point(x: float) -> Interval:
    return Interval(x, x)


# (wording, X, p, value, expected): "exactly at", "just inside", "just outside" each bound,
# and at one unit of precision beyond (the partly-supported band).
CASES = [
    # exact: [X - p/2, X + p/2]
    ("exact", 20, 5, 17.5, "supported"), ("exact", 20, 5, 17.5 + D, "supported"),
    ("exact", 20, 5, 17.5 - D, "partly supported"), ("exact", 20, 5, 22.5, "supported"),
    ("exact", 20, 5, 22.5 + D, "partly supported"), ("exact", 20, 5, 12.5, "partly supported"),
    ("exact", 20, 5, 12.5 - D, "not supported"), ("exact", 20, 5, 27.5 + D, "not supported"),
    # almost: [X - p, X), below X
    ("almost", 44, 1, 43, "supported"), ("almost", 44, 1, 43 + D, "supported"),
    ("almost", 44, 1, 43 - D, "partly supported"), ("almost", 44, 1, 44 - D, "supported"),
    ("almost", 44, 1, 44, "partly supported"), ("almost", 44, 1, 44 + D, "partly supported"),
    ("almost", 44, 1, 42, "partly supported"), ("almost", 44, 1, 42 - D, "not supported"),
    ("almost", 44, 1, 45 + D, "not supported"),
    # about: [X - p, X + p]
    ("about", 14, 1, 13, "supported"), ("about", 14, 1, 15, "supported"),
    ("about", 14, 1, 15 + D, "partly supported"), ("about", 14, 1, 13 - D, "partly supported"),
    ("about", 14, 1, 16, "partly supported"), ("about", 14, 1, 16 + D, "not supported"),
    ("about", 14, 1, 12 - D, "not supported"),
    # more than: (X, inf)
    ("more_than", 2700, 1, 2700 + D, "supported"), ("more_than", 2700, 1, 1e9, "supported"),
    ("more_than", 2700, 1, 2700, "partly supported"), ("more_than", 2700, 1, 2699, "partly supported"),
    ("more_than", 2700, 1, 2699 - D, "not supported"),
    # rank, count and share of states: exactly X, no partial band (precision 0)
    ("rank", 1, 0, 1, "supported"), ("rank", 1, 0, 2, "not supported"),
    ("count", 4, 0, 4, "supported"), ("count", 4, 0, 3, "not supported"),
    ("count", 4, 0, 5, "not supported"),
    ("share_of_states", 50, 0, 50, "supported"), ("share_of_states", 50, 0, 50 - D, "not supported"),
    ("share_of_states", 50, 0, 44.4, "not supported"),
]


@pytest.mark.parametrize("wording, x, p, value, expected", CASES)
def test_rule_at_every_boundary(wording, x, p, value, expected):
    assert verdict(claim_interval(wording, x, p), _point(value), [], p) == expected


def test_date_claim_is_the_days_named():
    c = date_interval("2017-06-08", 2)
    day = lambda s: _point(year_fraction(pd.Timestamp(s)))  # noqa: E731
    assert verdict(c, day("2017-06-08"), [], 2 / 365) == "supported"
    assert verdict(c, day("2017-06-09"), [], 2 / 365) == "supported"
    assert verdict(c, day("2017-06-10"), [], 2 / 365) == "partly supported"
    assert verdict(c, day("2017-06-12"), [], 2 / 365) == "not supported"
    assert verdict(c, day("2017-06-07"), [], 2 / 365) == "partly supported"


def test_interval_evidence_overlapping_counts():
    c = claim_interval("about", 14, 1)
    assert verdict(c, Interval(15 + D, 18), [], 1) == "partly supported"   # misses by D
    assert verdict(c, Interval(14.9, 18), [], 1) == "supported"            # overlaps
    assert verdict(c, Interval(0, 1.76), [Interval(15.2, 17.8)], 1) == "not supported"
    assert verdict(c, Interval(0, 1.76), [Interval(14.9, 17.8)], 1) == "partly supported"


def test_other_eligible_reading_only_counts_inside():
    c = claim_interval("share_of_states", 50, 0)
    assert verdict(c, _point(44.4), [_point(50.0)], 0) == "partly supported"
    assert verdict(c, _point(44.4), [_point(52.1)], 0) == "not supported"


def test_not_checkable_and_nan():
    c = claim_interval("exact", 20, 5)
    assert verdict(c, None, [_point(20)], 5) == "not checkable"
    assert verdict(None, _point(20), [], 5) == "not checkable"
    assert verdict(c, Interval(math.nan, math.nan), [], 5) == "not checkable"
    assert verdict(c, _point(5), [Interval(math.nan, math.nan)], 5) == "not supported"
    assert claim_interval("table", math.nan, 0) is None


def test_unknown_wording_is_clear():
    with pytest.raises(CourseError, match="Unknown wording"):
        claim_interval("roughly", 1, 1)


def test_claims_table_has_the_spec_ids_and_wording():
    t = claims.claims()
    for cid in ["population_share", "largest_organization", "nuclear_half", "heroin_share",
                "heritage_share", "rats_2011_2015", "accession_2017"]:
        assert cid in set(t.claim_id)
    assert set(t.wording) <= set(claims.WORDINGS)
    assert t.set_index("claim_id").loc["population_share", "wording"] == "almost"


def test_every_claim_has_an_evaluator():
    assert set(claims.claims().claim_id) == set(claims.registry())
    assert all(callable(f) for f in claims.registry().values())


def test_accession_is_shown_as_a_date():
    ev = claims.evaluate("accession_2017")
    t = pd.Timestamp("2017-06-09")
    assert ev.value == pytest.approx(2017 + (t.day_of_year - 1) / 365)
    assert claims.fmt(ev.value, ev.unit) == "9 June 2017"
    assert ev.verdict == "supported"
    assert ev._repr_markdown_().startswith("**accession_2017**")


def test_units_are_shown_as_themselves():
    t = claims.evaluate_all().set_index("claim_id")
    assert t.loc["largest_organization", "evidence"] == "1st"
    assert t.loc["accession_2017", "claim_interval"] == "8 June 2017 to 9 June 2017"
    assert t.loc["population_share", "as_worded"] == "almost 44 per cent"
    assert t.loc["nuclear_powers", "evidence"].endswith("states")


def test_unknown_claim_is_a_clear_error():
    with pytest.raises(CourseError, match="Did you mean 'heroin_share'"):
        claims.evaluate("heroin_shares")
    with pytest.raises(CourseError, match="text"):
        claims.evaluate(3)  # type: ignore[arg-type]


def test_margin_is_distance_in_the_claims_unit():
    ev = claims.evaluate("population_share")
    expected = 43.0 - ev.value if ev.value < 43 else None
    if expected is not None:
        assert ev.margin == pytest.approx(expected)
        assert f"{expected:.2f} points" in ev.margin_text


def test_a_claim_without_evaluator_is_an_error_not_skipped(monkeypatch):
    import importlib

    mod = importlib.import_module("course_lib.claims.evaluation")
    full = mod.registry()
    monkeypatch.setattr(mod, "registry", lambda: {k: v for k, v in full.items()
                                                  if k != "heritage_share"})
    mod._computed.cache_clear()
    mod._evidence.cache_clear()
    with pytest.raises(CourseError, match="heritage_share"):
        claims.evaluate_all()
    mod._computed.cache_clear()
    mod._evidence.cache_clear()


def test_nearest_reading_is_defined_once_by_the_claim_interval():
    """Nearest = smallest distance outside the claim's interval, ties by distance to X
    (the interval written here from the row of data/claims.csv)."""
    row = claims.claim_row("heritage_share")
    x, p = float(row["value"]), float(row["precision"])
    lo, hi = x - p / 2, x + p / 2  # wording "exact"
    values = {"far": lo - 3, "inside_edge": hi - D, "inside_centre": x + 0.1, "near": lo - 0.5}
    gap = {k: max(lo - v, v - hi, 0.0) for k, v in values.items()}
    expected = min(values, key=lambda k: (gap[k], abs(values[k] - x)))
    assert expected == "inside_centre"
    assert claims.nearest_reading(values, "heritage_share") == expected
    assert claims.nearest_reading(pd.Series(values), "heritage_share") == expected
    with pytest.raises(CourseError):
        claims.nearest_reading({}, "heritage_share")


def test_no_analysis_module_defines_a_nearest_reading():
    import importlib
    import pkgutil

    import course_lib.analysis as A

    for m in pkgutil.iter_modules(A.__path__):
        mod = importlib.import_module(f"course_lib.analysis.{m.name}")
        assert not [n for n in vars(mod) if "closest" in n or "nearest" in n], m.name
