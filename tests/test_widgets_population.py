"""Explorers of notebooks 01 and 02: build them, move a control, the readout and the
PNG change; the compute functions behind them are tested in test_population.py and
test_membership.py."""

from __future__ import annotations

import os

os.environ.setdefault("MPLBACKEND", "Agg")


from course_lib.analysis import population


def test_share_explorer_reacts_to_controls():
    from course_lib.widgets.population import share_explorer

    ex = share_explorer()
    first_text, first_png = ex.readout.value, ex.image.value
    assert f"{population.share('population', '2017 members', 2017):.1f} %" in first_text
    ex.controls["members"].value = "2017 members + observers"
    assert ex.readout.value != first_text and ex.image.value != first_png
    assert f"{population.share('population', '2017 members + observers', 2017):.1f} %" in ex.readout.value
    ex.controls["members"].value = "members of each year"
    ex.controls["year"].value = 1995
    assert "did not exist" in ex.readout.value  # no SCO before 2001: said, not a crash
    ex.controls["year"].value = 2024
    assert f"{population.share('population', 'members of each year', 2024):.1f} %" in ex.readout.value


def test_status_explorer_reacts_to_controls():
    from course_lib.analysis.membership import status_counts
    from course_lib.widgets.membership import status_explorer

    ex = status_explorer()
    ex.controls["moment"].value = "2017-10-01"
    text, png = ex.readout.value, ex.image.value
    assert f"{status_counts('2017-10-01')['member']} members" in text
    ex.controls["moment"].value = "1996-04-26"
    assert ex.readout.value != text and ex.image.value != png
    assert "Shanghai Five" in ex.readout.value
    ex.controls["moment"].value = "year"
    ex.controls["year"].value = 2024
    assert f"{status_counts(2024)['member']} members" in ex.readout.value


def test_map_patch_order_matches_draw_world():
    from course_lib import maps
    from course_lib.widgets.membership import patch_codes
    from course_lib.widgets import new_figure

    fig, ax = new_figure()
    colls = maps.draw_world(ax, {})
    assert len(colls) == 1 and len(colls[0].get_paths()) == len(patch_codes())
