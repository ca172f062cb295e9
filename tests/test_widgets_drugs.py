"""The explorer of notebook 04 reacts to its controls (no browser needed)."""

from __future__ import annotations

import os

os.environ.setdefault("MPLBACKEND", "Agg")

import ipywidgets  # noqa: F401,E402  (a required dependency: missing, this file fails)
import pytest  # noqa: E402

from course_lib.widgets import render_png  # noqa: E402
from course_lib.widgets.drugs import readout, share_explorer  # noqa: E402
from course_lib.analysis import drugs  # noqa: E402


@pytest.fixture(scope="module")
def ex():
    return share_explorer()


def test_slider_moves_readout_and_figure(ex):
    ex.controls["reading"].value = "heroin only"
    ex.controls["assumed"].value = 80
    text1, png1 = ex.readout.value, ex.image.value
    ex.controls["assumed"].value = 150
    text2, png2 = ex.readout.value, ex.image.value
    assert text1 != text2 and png1 != png2
    share = drugs.scenario("heroin only", assumed=150)["share"]
    assert f"{share:.1f} %" in text2


def test_reading_changes_and_bounds_disable_the_slider(ex):
    ex.controls["reading"].value = "heroin and morphine"
    assert not ex.controls["assumed"].disabled
    png_hm = ex.image.value
    ex.controls["reading"].value = "lowest year"
    assert ex.controls["assumed"].disabled
    assert "not used" in ex.readout.value
    assert ex.image.value != png_hm
    share = drugs.scenario("lowest year")["share"]
    assert f"{share:.1f} %" in ex.readout.value
    ex.controls["reading"].value = "heroin only"
    assert not ex.controls["assumed"].disabled


def test_png_is_a_real_image(ex):
    png = render_png(ex.figure)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000


def test_readout_names_assumed_and_data_parts():
    s = drugs.view(reading="heroin only", assumed=100)
    text = readout(s, 14)
    assert "assumed" in text and "From data" in text
    assert f"{s.total:.0f} t" in text
