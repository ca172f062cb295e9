"""The verdict rule of course_lib.claims, at its boundaries, and evaluate() basics."""

from __future__ import annotations

import pandas as pd
import pytest

from course_lib import claims
from course_lib.errors import CourseError


@pytest.mark.parametrize(
    "article, value, readings, expected",
    [
        (44.0, 44.0 * 0.95, [], "supported"),          # exactly 5 % below
        (44.0, 44.0 * 1.05, [], "supported"),          # exactly 5 % above
        (44.0, 44.0 * 0.9499, [], "not supported"),    # just outside
        (44.0, 30.0, [44.0 * 0.951], "partly supported"),
        (44.0, 30.0, [44.0 * 0.949, 20.0], "not supported"),
        (1.0, 1.0, [2.0], "supported"),                # a rank
        (1.0, 2.0, [1.0], "partly supported"),
        (None, None, [], "not checkable"),
        (44.0, None, [44.0], "not checkable"),
        (0.0, 0.0, [], "supported"),
    ],
)
def test_verdict_boundaries(article, value, readings, expected):
    assert claims.verdict(article, value, readings) == expected


def test_absolute_tolerance_overrides_relative():
    assert claims.verdict(2017.44, 2017.46, [], tolerance=0.02) == "supported"
    assert claims.verdict(2017.44, 2017.47, [], tolerance=0.02) == "not supported"


def test_nan_readings_are_ignored():
    assert claims.verdict(20.0, 5.0, [float("nan")]) == "not supported"


def test_claims_table_has_the_spec_ids():
    ids = set(claims.claims().claim_id)
    for cid in ["population_share", "largest_organization", "nuclear_half", "heroin_share",
                "heritage_share", "rats_2011_2015", "accession_2017"]:
        assert cid in ids


def test_every_claim_has_an_evaluator():
    assert set(claims.claims().claim_id) <= set(claims.EVALUATORS)


def test_accession_2017_is_computed_from_the_membership_table():
    ev = claims.evaluate("accession_2017")
    assert ev.verdict in claims.VERDICTS
    t = pd.Timestamp("2017-06-09")
    assert ev.value == pytest.approx(2017 + (t.day_of_year - 1) / 365)
    assert "sco_membership" in ev.sources
    assert ev._repr_markdown_().startswith("**accession_2017**")


def test_unknown_claim_is_a_clear_error():
    with pytest.raises(CourseError, match="Did you mean 'heroin_share'"):
        claims.evaluate("heroin_shares")
    with pytest.raises(CourseError, match="text"):
        claims.evaluate(3)  # type: ignore[arg-type]
