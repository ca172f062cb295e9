"""Results computed from data/ are cached per state of the files, never past a change.

sco.members, sco.status_on and claims.evaluate keep results so that notebooks and
explorers stay fast; a changed or damaged file must still be noticed at once.
"""

from __future__ import annotations

import importlib

import pytest

from course_lib import claims, data, sco
from conftest import touch_later  # noqa: I001
from course_lib.errors import DataError





def test_state_changes_with_any_file(data_copy):
    before = data.state()
    target = data_copy / "claims.csv"
    target.write_bytes(target.read_bytes() + b"\n")
    touch_later(target)
    assert data.state() != before


def test_members_notice_a_damaged_membership_file(data_copy):
    assert "IND" in sco.members("2017-10-01")
    f = data_copy / "sco_membership.csv"
    f.write_text(f.read_text(encoding="utf-8").replace("IND", "XXX", 1), encoding="utf-8")
    touch_later(f)
    with pytest.raises(DataError, match="sco_membership.csv"):
        sco.members("2017-10-01")


def test_evaluate_notices_a_damaged_file_after_caching(data_copy):
    ev = claims.evaluate("accession_2017")
    assert ev.verdict == "supported"
    f = data_copy / "sco_membership.csv"
    f.write_bytes(f.read_bytes()[:-40])
    touch_later(f)
    with pytest.raises(DataError, match="sco_membership.csv"):
        claims.evaluate("accession_2017")


def test_cached_results_are_copies():
    a = sco.status_on("2017-10-01")
    a.loc[0, "iso3"] = "ZZZ"
    assert "ZZZ" not in set(sco.status_on("2017-10-01").iso3)
    members = sco.members(2017)
    members.append("ZZZ")
    assert "ZZZ" not in sco.members(2017)
    ev = claims.evaluate("population_share")
    ev.readings.loc[0, "value"] = -1.0
    ev.sources.append("nowhere")
    again = claims.evaluate("population_share")
    assert (again.readings["value"] != -1.0).all() and "nowhere" not in again.sources


def test_an_evaluator_runs_once_per_state_of_the_data(data_copy, monkeypatch):
    """evaluate() computes a claim's readings once while the data stay the same (the
    report and the explorers ask many times), and again as soon as a file changes."""
    evaluation = importlib.import_module("course_lib.claims.evaluation")
    full = evaluation.registry()
    runs = []

    def counted():
        runs.append(1)
        return full["largest_organization"]()

    monkeypatch.setattr(evaluation, "registry", lambda: {**full, "largest_organization": counted})
    evaluation._computed.cache_clear()
    evaluation._evidence.cache_clear()
    first = claims.evaluate("largest_organization")
    assert claims.evaluate("largest_organization").value == first.value
    assert len(runs) == 1
    touch_later(data_copy / "wb_indicators.csv")  # same content, a new state of the package
    assert claims.evaluate("largest_organization").value == first.value
    assert len(runs) == 2
    evaluation._computed.cache_clear()
    evaluation._evidence.cache_clear()


def test_in_a_notebook_the_state_is_read_once_per_cell(data_copy):
    """A cell reads the data's state once; the next cell sees a file the last one changed,
    and nothing outside a cell (a test, a script) is held to a cell's state."""
    from IPython.core.interactiveshell import InteractiveShell

    from course_lib import cache

    shell = InteractiveShell.instance()
    try:
        shell.run_cell("from course_lib import cache, data, sco\n"
                       "reads = []\n"
                       "real = data.state\n"
                       "data.state = lambda *a: reads.append(1) or real(*a)\n"
                       "sco.members(2010)  # the first cell that reads data hooks the shell\n")
        shell.run_cell("reads.clear()")
        shell.run_cell("before = sco.members('2017-10-01'); again = sco.members(2016)\n"
                       "n_reads = len(reads)")
        assert shell.user_ns["n_reads"] == 1
        target = data_copy / "sco_membership.csv"
        shell.run_cell(f"import pathlib; f = pathlib.Path({str(target)!r})\n"
                       "f.write_text(f.read_text(encoding='utf-8').replace('IND', 'XXX', 1),"
                       " encoding='utf-8')")
        touch_later(target)
        result = shell.run_cell("sco.members('2017-10-01')")
        assert isinstance(result.error_in_exec, DataError)  # the change is seen
        assert not cache._in_a_cell()  # between cells: read on every call
        with pytest.raises(DataError, match="sco_membership.csv"):
            sco.members("2017-10-01")
    finally:
        shell.run_cell("data.state = real")
        InteractiveShell.clear_instance()
        cache._CELL.update(shell=None, running=False, state=None)
