"""Fixed eligible readings: each claim's verdict under each eligible reading (recomputed
here by an independent, plain implementation of the written rule), context readings that
can never change a verdict, and quotations that are verbatim phrases of the outline."""

from __future__ import annotations

import csv
import importlib
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from course_lib import claims
from course_lib.errors import CourseError
from course_lib.claims.core import year_fraction

E = importlib.import_module("course_lib.claims.evaluation")
ROOT = Path(__file__).resolve().parents[1]
OUTLINE = ROOT.parent / "shared" / "ARTICLE_OUTLINE.md"


def _rows(name: str) -> list[dict]:
    with open(ROOT / "data" / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


CLAIMS = {r["claim_id"]: r for r in _rows("claims")}
READINGS = _rows("claim_readings")


def _claim_bounds(c: dict) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open) written out from data/claims.csv's README."""
    w, p = c["wording"], float(c["precision"] or 0)
    if w == "date":
        start = pd.Timestamp(c["date"])
        return (year_fraction(start), year_fraction(start + pd.Timedelta(days=int(p) - 1)),
                False, False)
    x = float(c["value"])
    return {"exact": (x - p / 2, x + p / 2, False, False), "almost": (x - p, x, False, True),
            "about": (x - p, x + p, False, False), "more_than": (x, math.inf, True, False),
            }.get(w, (x, x, False, False))


def _alone(c: dict, lo: float, hi: float) -> str:
    """The rule for one reading alone: inside -> supported; within p -> partly."""
    if math.isnan(lo):
        return "not checkable"
    a, b, ao, bo = _claim_bounds(c)
    p = float(c["precision"] or 0)
    if c["wording"] == "date":
        p = p / 365
    inside = not (hi < a - 1e-9 or lo > b + 1e-9 or (ao and hi <= a) or (bo and lo >= b))
    if inside:
        return "supported"
    gap = max(a - hi, lo - b, 0.0)
    return "partly supported" if p > 0 and gap <= p + 1e-9 else "not supported"


@pytest.fixture(autouse=True)
def _fresh_evidence():
    """No evidence kept from another test (some here replace the evaluators' results)."""
    E._evidence.cache_clear()
    yield
    E._evidence.cache_clear()


@pytest.mark.parametrize("cid", sorted({r["claim_id"] for r in READINGS}))
def test_verdict_under_each_eligible_reading(cid):
    ev = claims.evaluate(cid)
    c = CLAIMS[cid]
    fixed = {r["reading_id"]: r["role"] for r in READINGS if r["claim_id"] == cid}
    el = ev.eligible().set_index("reading_id")
    assert set(el.index) == set(fixed)
    for rid, role in fixed.items():
        assert el.loc[rid, "role"] == role
        assert el.loc[rid, "verdict_alone"] == _alone(c, el.loc[rid, "low"], el.loc[rid, "high"])
    # the claim's verdict: the literal reading, else another eligible one inside
    prim = el[el.role == "primary"].iloc[0]
    alone = _alone(c, prim["low"], prim["high"])
    others = [_alone(c, r["low"], r["high"]) for _, r in el[el.role == "eligible"].iterrows()]
    expected = alone if alone == "supported" else (
        "partly supported" if "supported" in others or alone == "partly supported" else alone)
    assert ev.verdict == expected


@pytest.mark.parametrize("cid", sorted(CLAIMS))
def test_context_readings_never_change_a_verdict(cid, monkeypatch):
    before = claims.evaluate(cid)
    if before.claim is None:
        return
    result = E._computed(cid)
    r = result["readings"]
    fixed = {x["reading_id"] for x in READINGS if x["claim_id"] == cid}
    ids = r["reading_id"] if "reading_id" in r.columns else r["reading"]
    ctx = ~ids.isin(fixed)
    if not ctx.any():
        return
    mid = (before.claim.low + min(before.claim.high, before.claim.low + 1)) / 2
    for far in (mid, before.claim.low - 1e6):  # every context reading inside, then far off
        changed = dict(result, readings=r.assign(
            value=r["value"].where(~ctx, far),
            **{c: r[c].where(~ctx, far) for c in ("low", "high") if c in r.columns}))
        monkeypatch.setattr(E, "_computed", lambda _cid, changed=changed: changed)
        E._evidence.cache_clear()  # evaluate keeps its evidence: build it from `changed`
        assert claims.evaluate(cid).verdict == before.verdict


def test_missing_eligible_reading_is_a_clear_error(monkeypatch):
    result = E._computed("nuclear_half")
    r = result["readings"]
    monkeypatch.setattr(E, "_computed", lambda _cid: dict(
        result, readings=r[r.reading_id != "declared_2017"]))
    E._evidence.cache_clear()
    with pytest.raises(CourseError, match="declared_2017"):
        claims.evaluate("nuclear_half")


def test_every_quote_is_a_verbatim_phrase_of_the_outline():
    if not OUTLINE.is_file():
        pytest.skip(f"{OUTLINE} (the course's shared outline) is not beside this clone")
    part = OUTLINE.read_text(encoding="utf-8").split("## Exact short quotations", 1)[1]
    part = part.split("\n## ", 1)[0]
    allowed = set(re.findall(r'\|\s*[^|]*\|\s*"([^"]+)"', part))
    assert len(allowed) >= 10
    for c in CLAIMS.values():
        assert c["quote"] in allowed, c["quote"]


def test_quotes_are_short():
    for c in CLAIMS.values():
        n = len(c["quote"].split())
        assert n <= 8 or c["claim_id"] == "heritage_share" and n == 9
