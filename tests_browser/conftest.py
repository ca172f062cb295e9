"""Real-browser tests: JupyterLab and Voila from the project's environment, driven in
Debian's headless Chromium with Playwright (never ``playwright install``).

Run with ``make test-browser``. Screenshots and timings go to build/screenshots/.
Every server is stopped by its PID, and its kernels by theirs, however a test ends.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import servers

SCREENSHOTS = Path(os.environ.get("COURSE_SCREENSHOTS") or servers.REPO / "build" / "screenshots")
TIMINGS: dict[str, dict] = {}


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def timings() -> dict[str, dict]:
    return TIMINGS


@pytest.fixture(scope="session")
def browser():
    if not Path(servers.CHROMIUM).exists():
        pytest.fail(f"{servers.CHROMIUM} is missing: install Debian's browser with "
                    "`apt-get install -y chromium` (never `playwright install`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=servers.CHROMIUM, args=servers.CHROMIUM_ARGS,
                              headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """JupyterLab on a copy of notebooks/ (the repository never changes)."""
    with servers.jupyter_lab(tmp_path_factory.mktemp("lab")) as server:
        yield server


def pytest_sessionfinish(session, exitstatus):
    if not TIMINGS:
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "timings.json").write_text(
        json.dumps(dict(sorted(TIMINGS.items())), indent=2) + "\n", encoding="utf-8")


def _fmt(value, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def pytest_terminal_summary(terminalreporter):
    if not TIMINGS:
        return
    tr = terminalreporter
    tr.section("browser timings (build/screenshots/timings.json)")
    tr.write_line(f"{'notebook':<34} {'where':<6} {'run all (s)':>11} "
                  f"{'control and keys':<40} {'redraw (ms)':>11} {'readout (ms)':>12}")
    for name, t in sorted(TIMINGS.items()):
        for where in ("lab", "voila"):
            r = t.get(where)
            if not r:
                continue
            tr.write_line(
                f"{name:<34} {where:<6} {_fmt(r.get('run_all_s'), '.1f'):>11} "
                f"{r.get('control') or '-':<40} {_fmt(r.get('redraw_ms'), '.0f'):>11} "
                f"{_fmt(r.get('readout_ms'), '.0f'):>12}")
