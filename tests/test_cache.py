"""Caches follow the data and never leak (course_lib.cache, issue 21).

Every answer computed from data/ is kept under the package's state: a changed file in
the data folder (here a copy pointed to by COURSE_DATA, with its catalogue
entry updated so that the change is a *valid* new package) changes every answer that
depends on it, within one process; a damaged file is reported, never answered from a
cache; and what a learner edits in a returned table changes no later answer.
"""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pandas as pd
import pytest

from course_lib import cache, claims, sco
from course_lib.analysis import (development, development_violence, heritage, heritage_counts,
                                 indicators, nuclear, population, violence)
from conftest import touch_later  # noqa: I001
from course_lib.errors import DataError





def _rewrite(folder, name, change):
    """Apply ``change`` to a resource's CSV (as text) and record the new hash and size
    in the copy's datapackage.json, so the copy is a valid, different package."""
    pkg_path = folder / "datapackage.json"
    pkg = json.loads(pkg_path.read_text(encoding="utf-8"))
    res = next(r for r in pkg["resources"] if r["name"] == name)
    f = folder / res["path"]
    text = f.read_text(encoding="utf-8")
    new = change(text)
    assert new != text, "the change must change the file"
    f.write_text(new, encoding="utf-8")
    raw = f.read_bytes()
    res["hash"] = "sha256:" + hashlib.sha256(raw).hexdigest()
    res["bytes"] = len(raw)
    pkg_path.write_text(json.dumps(pkg, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    touch_later(f)
    touch_later(pkg_path)


def _double_population(text: str, iso3: str, year: int) -> tuple[str, float]:
    """Double one country-year's population in wb_indicators.csv (text in, text out)."""
    df = pd.read_csv(pd.io.common.StringIO(text), dtype=str, keep_default_na=False)
    row = (df.iso3 == iso3) & (df.year == str(year))
    assert row.sum() == 1
    old = float(df.loc[row, "population"].iloc[0])
    df.loc[row, "population"] = str(int(old * 2))
    return df.to_csv(index=False, lineterminator="\n"), old


# --------------------------------------------------------------------------- the decorator
def test_decorator_keeps_results_per_state_and_hands_out_copies(data_copy):
    calls = []

    @cache.data_cached
    def table(n):
        calls.append(n)
        return pd.DataFrame({"x": range(n)})

    a = table(3)
    a.loc[0, "x"] = 99
    assert table(3).loc[0, "x"] == 0 and calls == [3]
    (data_copy / "claims.csv").write_bytes((data_copy / "claims.csv").read_bytes())
    touch_later(data_copy / "claims.csv")  # same bytes, new time: a new state
    table(3)
    assert calls == [3, 3]


def test_errors_are_not_cached():
    calls = []

    @cache.data_cached
    def flaky():
        calls.append(1)
        if len(calls) == 1:
            raise DataError("first time")
        return [1]

    with pytest.raises(DataError):
        flaky()
    assert flaky() == [1]


def test_fresh_copies_nested_containers_and_keeps_read_only_arrays():
    ro = np.arange(3)
    ro.flags.writeable = False
    value = {"t": pd.Series([1.0]), "codes": ["A"], "arr": ro, "pair": (pd.DataFrame({"a": [1]}), 2)}
    got = cache.fresh(value)
    assert got["arr"] is ro
    got["t"].iloc[0] = 5
    got["codes"].append("B")
    got["pair"][0].loc[0, "a"] = 7
    assert value["t"].iloc[0] == 1.0 and value["codes"] == ["A"] and value["pair"][0].loc[0, "a"] == 1


def test_no_bare_lru_cache_on_data_in_analysis():
    """One decorator for data: analysis/, claims/, sco.py, maps.py and widgets/ use
    cache.data_cached."""
    from pathlib import Path

    import course_lib

    root = Path(course_lib.__file__).parent
    files = [root / "sco.py", root / "maps.py", *(root / "analysis").glob("*.py"),
             *(root / "claims").glob("*.py"), *(root / "widgets").glob("*.py")]
    offenders = [f.name for f in files if "lru_cache" in f.read_text(encoding="utf-8")]
    assert offenders == []


# --------------------------------------------------------------------------- follows the data
def _population_answers() -> dict:
    """Every answer below that depends on China's 2017 population."""
    return {
        "share": population.share("population", "2017 members", 2017),
        "pivot": population.pivot("population").loc[2017, "CHN"],
        "value": indicators.value("population", "CHN", 2017),
        "panel": development.panel("population", ["CHN"], period=(2017, 2017)).iloc[0, 0],
        "rate": violence.group_series(["CHN"], "all", "per_million").loc[2017],
        "series": population.share_series("population", "2017 members", period=(2017, 2017))["share"].iloc[0],
        "claim": claims.evaluate("population_share").value,
    }


def test_a_changed_population_changes_every_answer_that_uses_it(data_copy):
    before = _population_answers()
    new_text = {}

    def change(text):
        out, old = _double_population(text, "CHN", 2017)
        new_text["old"] = old
        return out

    _rewrite(data_copy, "wb_indicators", change)
    old = new_text["old"]
    pop = pd.read_csv(data_copy / "wb_indicators.csv")
    y = pop[pop.year == 2017].set_index("iso3")["population"]
    expected_share = 100 * y[sco.members("2017-10-01")].sum() / y["WLD"]
    after = _population_answers()
    assert after["share"] == pytest.approx(expected_share)
    assert after["pivot"] == after["value"] == after["panel"] == 2 * old
    assert after["rate"] == pytest.approx(before["rate"] / 2)
    assert after["series"] == pytest.approx(expected_share)
    assert after["claim"] == pytest.approx(expected_share)
    for key in before:
        assert after[key] != pytest.approx(before[key]), key


def test_a_changed_membership_changes_every_member_set(data_copy):
    assert "IND" in sco.member_set("2017 members")

    def drop_india_membership(text):
        lines = text.splitlines(keepends=True)
        keep = [ln for ln in lines if not (ln.startswith("IND,") and ",member," in ln)]
        return "".join(keep)

    _rewrite(data_copy, "sco_membership", drop_india_membership)
    t = pd.read_csv(data_copy / "sco_membership.csv")
    assert not ((t.iso3 == "IND") & (t.status == "member")).any()
    assert "IND" not in sco.member_set("2017 members")
    assert "IND" not in population.group("2017 members", 2017)
    assert "IND" not in heritage.member_set("2017 members")
    assert "IND" not in development.member_set("2017 members")
    assert not nuclear.nuclear_table(2017).set_index("iso3").loc["IND", "sco_member"]
    assert violence.period_stats("2017 members").loc["2011–2015", "n_states"] == 7


def test_a_truncated_file_is_reported_not_answered_from_a_cache(data_copy):
    ev = claims.evaluate("population_share")
    assert ev.value == pytest.approx(population.share("population", "2017 members", 2017))
    f = data_copy / "wb_indicators.csv"
    f.write_bytes(f.read_bytes()[: f.stat().st_size // 2])
    touch_later(f)
    with pytest.raises(DataError, match="wb_indicators.csv"):
        claims.evaluate("population_share")
    with pytest.raises(DataError, match="wb_indicators.csv"):
        population.share("population", "2017 members", 2017)


# --------------------------------------------------------------------------- never leaks
def test_editing_the_pivot_does_not_move_the_share():
    share = population.share("population", "2017 members", 2017)
    p = population.pivot("population")
    p.loc[2017, "CHN"] = 0
    p.loc[:, :] = 0
    assert population.share("population", "2017 members", 2017) == share
    assert population.pivot("population").loc[2017, "CHN"] > 1e9


def _vandalise(obj):
    """Overwrite every value a learner could reach in a returned object."""
    if isinstance(obj, pd.DataFrame):
        for c in obj.columns:
            obj[c] = 0 if pd.api.types.is_numeric_dtype(obj[c]) else "x"
    elif isinstance(obj, pd.Series):
        obj[:] = 0 if pd.api.types.is_numeric_dtype(obj) else "x"
    elif isinstance(obj, list):
        obj[:] = ["x"]
    elif isinstance(obj, dict):
        for k in list(obj):
            _vandalise(obj[k]) if isinstance(obj[k], (pd.DataFrame, pd.Series, list, dict)) else None
        obj["x"] = 0


CALLS = {
    "sco.timeline": lambda: sco.timeline(),
    "sco.status_on": lambda: sco.status_on("2017-10-01"),
    "sco.members": lambda: sco.members(2017),
    "sco.member_set": lambda: sco.member_set("2017 members"),
    "population.pivot": lambda: population.pivot("gdp_usd"),
    "population.share_series": lambda: population.share_series("population"),
    "population.view": lambda: population.view(members="2017 members", year=2017).countries,
    "indicators.wb": lambda: indicators.wb(),
    "development.panel": lambda: development.panel("gdp_per_capita_usd", "2017 members"),
    "development.dispersion": lambda: development.dispersion("2017 members", "theil"),
    "development_violence.country_years": lambda: development_violence.country_years((2017, 2017)),
    "heritage.properties": lambda: heritage.properties(),
    "heritage.on_list": lambda: heritage.on_list(2017),
    "heritage_counts.country_counts": lambda: heritage_counts.country_counts(),
    "nuclear.warheads_wide": lambda: nuclear.warheads_wide(),
    "nuclear.nuclear_table": lambda: nuclear.nuclear_table(2017),
    "violence.deaths": lambda: violence.deaths(["PAK"]),
    "violence.country_series": lambda: violence.country_series(["PAK", "IND"]),
    "violence.group_series": lambda: violence.group_series(),
    "violence.period_stats": lambda: violence.period_stats(),
}


@pytest.mark.parametrize("name", list(CALLS))
def test_editing_a_returned_table_changes_no_later_answer(name):
    call = CALLS[name]
    first = call()
    reference = cache.fresh(first)
    _vandalise(first)
    again = call()
    if isinstance(reference, (pd.DataFrame, pd.Series)):
        if isinstance(reference, pd.DataFrame):
            pd.testing.assert_frame_equal(again, reference)
        else:
            pd.testing.assert_series_equal(again, reference)
    elif isinstance(reference, dict):
        assert set(again) == set(reference)
        for k, v in reference.items():
            if isinstance(v, pd.DataFrame):
                pd.testing.assert_frame_equal(again[k], v)
            elif isinstance(v, float) and np.isnan(v):
                assert np.isnan(again[k])
            else:
                assert again[k] == v, k
    else:
        assert again == reference


def test_snapshot_reads_the_state_once_and_the_next_block_sees_a_change(data_copy):
    with cache.snapshot():
        a = sco.member_set("2017 members")

        def drop_india(text):
            return "".join(ln for ln in text.splitlines(keepends=True)
                           if not (ln.startswith("IND,") and ",member," in ln))

        _rewrite(data_copy, "sco_membership", drop_india)
        assert sco.member_set("2017 members") == a  # one consistent view inside the block
    assert "IND" not in sco.member_set("2017 members")  # seen by the next call


def test_an_explorer_update_reads_the_state_once(monkeypatch):
    from course_lib import data as data_module
    from course_lib.widgets.population import share_explorer

    ex = share_explorer()
    calls = []
    real = data_module.state
    monkeypatch.setattr(data_module, "state", lambda *a, **k: calls.append(1) or real(*a, **k))
    ex.controls["year"].value = 2010
    assert len(calls) == 1
