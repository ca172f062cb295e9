"""Shared test settings: no hypothesis database on disk (the repository stays clean),
the path to the shared source data (absent in a learner's clone), a writable copy of
data/ (``data_copy``) and of the fixture sources (:func:`fixture_copy`)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


try:
    from hypothesis import settings

    settings.register_profile("course", database=None, deadline=None)
    settings.load_profile("course")
except ImportError:  # pragma: no cover
    pass

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO.parent / "shared" / "data" / "sources"


@pytest.fixture
def sources() -> Path:
    """../shared/data/sources, or skip with the reason when it is not there."""
    if not SOURCES.is_dir():
        pytest.skip("learner clone: ../shared/data/sources is not present, cross-check skipped")
    return SOURCES


@pytest.fixture
def repo() -> Path:
    return REPO

FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture()
def data_copy(tmp_path, monkeypatch):
    """A copy of data/ that the course uses for this test (COURSE_DATA)."""
    from course_lib import data

    folder = tmp_path / "data"
    shutil.copytree(data.data_dir(), folder)
    monkeypatch.setenv("COURSE_DATA", str(folder))
    return folder


def touch_later(path) -> None:
    """Move a file's modification time on, even on coarse-clock file systems."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def fixture_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture sources (and the facts beside them)."""
    root = tmp_path / "in"
    shutil.copytree(FIXTURES / "sources", root / "sources")
    shutil.copytree(FIXTURES / "facts", root / "facts")
    return root / "sources"


def quiet(_msg: str) -> None:
    """A progress callback that says nothing."""


def raw_heritage_tables():
    """The World Heritage List, its States Parties, the membership table (dates parsed:
    full dates and a few bare years) and the claims, read with plain pandas from data/
    (the independent side of the heritage exercise tests)."""
    import pandas as pd

    from course_lib.paths import data_dir

    d = data_dir()
    wh = pd.read_csv(d / "world_heritage.csv")
    states = pd.read_csv(d / "world_heritage_states.csv")
    sco = pd.read_csv(d / "sco_membership.csv")
    for col in ("start_date", "end_date"):
        sco[col] = pd.to_datetime(sco[col], format="mixed")
    claims = pd.read_csv(d / "claims.csv")
    return wh, states, sco, claims
