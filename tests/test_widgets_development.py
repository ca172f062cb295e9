"""The dispersion explorer of notebook 05: controls change the readout and the picture."""

from __future__ import annotations

import os

os.environ.setdefault("MPLBACKEND", "Agg")

import pytest  # noqa: E402

from course_lib.analysis import development as D  # noqa: E402
from course_lib.errors import CourseError  # noqa: E402
from course_lib.widgets.development import development_explorer, spread  # noqa: E402


@pytest.fixture(scope="module")
def ex():
    return development_explorer()


def test_starts_on_the_weighted_theil_of_the_2017_members(ex):
    assert ex.controls["measure"].value == "theil"
    assert ex.controls["members"].value == "2017 members"
    assert ex.readout.value and ex.image.value[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("name,value", [
    ("measure", "ratio"), ("members", "2001 founders"), ("measure", "theil_unweighted"),
    ("members", "today's members"),
])
def test_each_control_changes_readout_and_png(ex, name, value):
    other = {"measure": "cv", "members": "2017 members"}
    ex.controls[name].value = other[name]
    text, png = ex.readout.value, ex.image.value
    ex.controls[name].value = value
    assert ex.readout.value != text
    assert ex.image.value != png


def test_readout_states_first_and_last_values(ex):
    ex.controls["measure"].value = "cv"
    ex.controls["members"].value = "2001 founders"
    s = D.dispersion("2001 founders", "cv")["value"]
    assert f"{s.iloc[0]:.3f}" in ex.readout.value
    assert f"{s.iloc[-1]:.3f}" in ex.readout.value
    assert str(s.index[-1]) in ex.readout.value


def test_bad_start_values_are_explained():
    with pytest.raises(CourseError):
        development_explorer(measure="gini")
    with pytest.raises(CourseError):
        development_explorer(members="2017")


def test_spread_keeps_order_and_gap():
    out = spread([0.3, 0.31, 0.02], 0.05)
    assert out[2] == 0.02
    assert out[1] - out[0] == pytest.approx(0.05)
    assert spread([1.0, 2.0], 0.1) == [1.0, 2.0]


def test_update_is_quick_enough_to_matter(ex):
    """Not a benchmark (see benchmarks/): a gross regression guard only."""
    times = []
    for measure in D.MEASURES:
        ex.controls["measure"].value = measure
        times.append(ex.last_seconds)
    assert sorted(times)[len(times) // 2] < 1.0
