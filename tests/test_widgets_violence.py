"""The violence explorer of notebook 03: controls change the readout and the picture."""

from __future__ import annotations

import os

os.environ.setdefault("MPLBACKEND", "Agg")

import pytest  # noqa: E402

from course_lib import sco  # noqa: E402
from course_lib.widgets.violence import country_styles, violence_explorer  # noqa: E402


@pytest.fixture
def ex():
    return violence_explorer()


def test_starts_with_the_october_2017_members(ex):
    assert list(ex.controls["countries"].value) == sco.members("2017-10-01")
    assert {v for _, v in ex.controls["countries"].options} == set(sco.members("today"))
    assert ex.readout.value and ex.image.value[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("name,value", [
    ("measure", "per_million"), ("kind", "one_sided"), ("countries", ("PAK",)),
])
def test_each_control_changes_readout_and_png(ex, name, value):
    text, png = ex.readout.value, ex.image.value
    ex.controls[name].value = value
    assert ex.readout.value != text
    assert ex.image.value != png


def test_readout_has_the_period_numbers(ex):
    from course_lib.analysis.violence import period_stats

    ex.controls["countries"].value = ("RUS",)
    deaths = period_stats(["RUS"], "all").loc["2011–2015", "deaths"]
    assert f"{deaths:,.0f}" in ex.readout.value
    assert "Russia" in ex.readout.value


def test_empty_selection_is_explained_not_raised(ex):
    ex.controls["countries"].value = ()
    assert "Choose at least one country" in ex.readout.value


def test_styles_are_distinct_for_all_members():
    codes = sco.members("today")
    styles = country_styles(codes)
    assert len({(s["color"], s["ls"]) for s in styles.values()}) == len(codes)
    assert "#F0E442" not in {s["color"] for s in styles.values()}


def test_update_is_quick_enough_to_matter(ex):
    """Not a benchmark (see benchmarks/): a gross regression guard only."""
    times = []
    for kind in ("all", "one_sided", "state_based", "non_state"):
        ex.controls["kind"].value = kind
        times.append(ex.last_seconds)
    assert sorted(times)[len(times) // 2] < 1.0
