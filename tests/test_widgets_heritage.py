"""The explorer of notebook 06: controls change the readout and the picture."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

from course_lib.analysis import heritage as h  # noqa: E402
from course_lib.widgets.heritage import heritage_explorer, readout  # noqa: E402


@pytest.fixture(scope="module")
def ex():
    return heritage_explorer()


def test_initial_readout_is_the_primary_reading(ex):
    s = h.share()
    assert f"{s['share']:.1f} %" in ex.readout.value
    assert f"{s['numerator']:,} of {s['denominator']:,}" in ex.readout.value
    assert ex.image.value[:4] == b"\x89PNG"


@pytest.mark.parametrize("control,value", [
    ("members", "2017 members + observers + dialogue partners"),
    ("category", "cultural"),
    ("counting", "per country"),
    ("year", 2000),
])
def test_each_control_changes_readout_and_png(ex, control, value):
    before_text, before_png = ex.readout.value, ex.image.value
    old = ex.controls[control].value
    ex.controls[control].value = value
    try:
        assert ex.readout.value != before_text
        assert ex.image.value != before_png
    finally:
        ex.controls[control].value = old


def test_denominator_toggle(ex):
    ex.controls["category"].value = "cultural"
    before = ex.readout.value
    ex.controls["denominator"].value = "cultural part"
    s = h.share("cultural", "cultural part")
    assert f"{s['share']:.1f} %" in ex.readout.value and ex.readout.value != before
    # with all categories the denominator is the whole List, and the toggle is disabled
    ex.controls["category"].value = "all"
    assert ex.controls["denominator"].disabled
    assert f"{h.share()['share']:.1f} %" in ex.readout.value
    assert "whole" in ex.readout.value
    ex.controls["category"].value = "cultural"
    assert not ex.controls["denominator"].disabled
    assert f"{s['share']:.1f} %" in ex.readout.value  # the choice was kept
    ex.controls["denominator"].value = "whole List"
    ex.controls["category"].value = "all"


def test_readout_states_the_gap():
    s = h.view(category="all", denominator="whole List", members="2017 members", year=2017)
    text = readout(s, 20.0)
    assert f"{abs(s.share - 20):.1f} points" in text
    assert "−" in text


def test_every_year_change_redraws(ex):
    """Each change of year is one timed update (its speed is measured by `make bench`,
    not asserted here: a timed test fails on a busy machine, not on slow code)."""
    times = []
    for year in (1990, 2000, 2010, 2017, 2021, 2005, 1995):
        ex.controls["year"].value = year
        times.append(ex.last_seconds)
    assert all(t is not None and t > 0 for t in times)
    assert len(set(times)) > 1  # a new measurement for every update
