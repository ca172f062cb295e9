"""Shared test settings: no hypothesis database on disk (the repository stays clean),
and the path to the shared source data (absent in a learner's clone)."""

from __future__ import annotations

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
