"""The house style's helpers (course_lib.plotting): they change one figure only, and
write what they promise on the axes."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib as mpl  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from course_lib import plotting  # noqa: E402
from course_lib.errors import CourseError  # noqa: E402


@pytest.fixture
def fig_ax():
    fig, ax = plotting.figure()
    yield fig, ax
    plt.close(fig)


@pytest.mark.parametrize("value, text", [
    (0, "0"), (0.001, "0.001"), (0.25, "0.25"), (1, "1"), (10, "10"), (1000, "1,000"),
    (2_500_000, "2,500,000"), (-1000, "-1,000"),
])
def test_plain_number(value, text):
    assert plotting.plain_number(value) == text


def test_plain_log_axis_writes_no_powers_of_ten(fig_ax):
    fig, ax = fig_ax
    ax.plot([1, 2, 3], [3, 4000, 200_000])
    plotting.plain_log_axis(ax, "y")
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert ax.get_yscale() == "log"
    assert "1,000" in labels and "100,000" in labels
    assert not any("$" in lab or "^" in lab for lab in labels), labels
    assert not [t.get_text() for t in ax.yaxis.get_minorticklabels() if t.get_text()]


def test_plain_log_axis_symlog_keeps_its_options(fig_ax):
    fig, ax = fig_ax
    ax.plot([1, 2, 3], [0, 0.05, 50])
    plotting.plain_log_axis(ax, "y", "symlog", linthresh=0.01)
    fig.canvas.draw()
    assert ax.get_yscale() == "symlog"
    assert ax.yaxis.get_transform().linthresh == pytest.approx(0.01)
    labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert "0" in labels and "0.01" in labels


def test_plain_log_axis_rejects_a_third_axis(fig_ax):
    with pytest.raises(CourseError, match='"x" or "y"'):
        plotting.plain_log_axis(fig_ax[1], "z")


def test_helpers_leave_global_settings_alone(fig_ax):
    before = dict(mpl.rcParams)
    fig, ax = fig_ax
    plotting.plain_log_axis(ax, "x")
    plotting.percent_axis(ax)
    plotting.finish(ax, "title", "x", "y", "sco_membership")
    assert dict(mpl.rcParams) == before


def test_source_line_gets_its_own_row_under_the_axes():
    fig, ax = plotting.figure(layout="constrained")
    ax.set_xlabel("year")
    line = plotting.source_line(fig, "Source: data/sco_membership.csv")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    label_bottom = ax.xaxis.label.get_window_extent(renderer).y0
    line_top = line.get_window_extent(renderer).y1
    plt.close(fig)
    assert line_top <= label_bottom, (line_top, label_bottom)
