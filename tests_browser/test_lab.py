"""Every notebook in JupyterLab: cleared, run with Run > Run All Cells, no error output;
then each explorer worked with the keyboard alone, its figure and readout must change,
and each can be reached with Tab.

The notebook is opened and run once per notebook (a module-scoped fixture); the tests
below then look at that page in turn.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page

import pages
import servers

# Console errors that mean a widget did not render or did not respond.
WIDGET_TROUBLE = re.compile(
    r"widget|Class \w+ not found|Could not (create|render)|model not found|comm", re.I)


def section_params() -> list:
    """One parameter per section notebook present (notebooks/0[1-7]_*.ipynb), and one
    per missing section (its tests fail: a deleted notebook is never skipped)."""
    found = [pytest.param(p.name, id=p.stem) for p in servers.section_notebooks()]
    return found + [pytest.param(f"missing:{s}", id=f"{s}-missing")
                    for s in servers.missing_sections()]


@dataclass
class Opened:
    name: str
    page: Page
    problems: list[str]
    run: pages.RunResult


@contextlib.contextmanager
def shot_on_failure(page: Page, screenshots, name: str):
    try:
        yield
    except BaseException:
        with contextlib.suppress(Exception):
            page.screenshot(path=str(screenshots / f"{name}-failure.png"), full_page=False)
        raise


def _open_and_run(browser, lab, screenshots, timings, name: str):
    page, problems = pages.new_page(browser)
    stem = name.removesuffix(".ipynb")
    with shot_on_failure(page, screenshots, stem):
        pages.open_notebook(page, lab.url(f"lab/tree/{name}?reset"))
        pages.clear_outputs(page)
        run = pages.run_all(page)
    timings.setdefault(stem, {}).setdefault("lab", {})["run_all_s"] = round(run.seconds, 2)
    return Opened(name, page, problems, run)


def _close(opened: Opened) -> None:
    with contextlib.suppress(Exception):
        pages.shutdown_kernels(opened.page)
    with contextlib.suppress(Exception):
        opened.page.close()


def _assert_ran_cleanly(opened: Opened) -> None:
    run = opened.run
    assert not run.errors, f"{opened.name}: error output:\n" + "\n".join(run.errors)
    assert not run.unnumbered, (
        f"{opened.name}: cells without an execution count after Run All: {run.unnumbered} "
        f"(prompts {run.prompts})")
    assert not run.widget_errors, f"{opened.name}: widgets failed: {run.widget_errors}"
    trouble = [p for p in opened.problems if WIDGET_TROUBLE.search(p)]
    assert not trouble, f"{opened.name}: widget errors in the browser console:\n" + \
        "\n".join(trouble)


@pytest.fixture(scope="module", params=section_params())
def notebook(request, browser, lab, screenshots, timings):
    if request.param.startswith("missing:"):
        pytest.fail(f"no notebook {request.param[8:]}_*.ipynb in {servers.NOTEBOOKS}")
    opened = _open_and_run(browser, lab, screenshots, timings, request.param)
    try:
        yield opened
    finally:
        _close(opened)


def test_start_notebook_runs(browser, lab, screenshots, timings):
    """00 has no explorer: it must open, run all and show no error."""
    name = "00_start_here.ipynb"
    assert (servers.NOTEBOOKS / name).exists(), f"{name} is missing from {servers.NOTEBOOKS}"
    opened = _open_and_run(browser, lab, screenshots, timings, name)
    try:
        _assert_ran_cleanly(opened)
        opened.page.screenshot(path=str(screenshots / "00_start_here-after-run.png"))
    finally:
        _close(opened)


def test_runs_without_errors(notebook: Opened, screenshots):
    with shot_on_failure(notebook.page, screenshots, notebook.name.removesuffix(".ipynb")):
        _assert_ran_cleanly(notebook)
        assert pages.explorers(notebook.page).count() >= 1, (
            f"{notebook.name}: no explorer (.course-explorer) was displayed")


def test_explorer_responds_to_keyboard(notebook: Opened, screenshots, timings):
    """Each explorer: its controls in order of preference (slider, dropdown, toggle
    buttons, ...) are changed by keyboard until one changes the readout text AND the
    figure (a control may rightly do nothing in the current state, such as a year
    slider while a fixed date is chosen); that one is timed."""
    page, stem = notebook.page, notebook.name.removesuffix(".ipynb")
    exs = pages.explorers(page)
    n = exs.count()
    assert n >= 1, f"{notebook.name}: no explorer"
    record = timings.setdefault(stem, {}).setdefault("lab", {})
    record["explorers"] = n
    with shot_on_failure(page, screenshots, stem):
        for i in range(n):
            ex = exs.nth(i)
            ctrls = pages.controls(ex)
            assert ctrls, f"{notebook.name}: explorer {i + 1} has no keyboard-operable control"
            if i == 0:
                pages.screenshot_explorer(page, ex, screenshots / f"{stem}-before.png")
            win, tried = pages.first_responsive_change(page, ex)
            where = f"{notebook.name}, explorer {i + 1}"
            assert win, f"{where}: no control changed both readout and figure: " + \
                "; ".join(tried)
            if i == 0:
                pages.screenshot_explorer(page, ex, screenshots / f"{stem}-after.png")
                record.update(control=f"{win.kind}/{win.key}", redraw_ms=_ms(win.redraw_ms),
                              readout_ms=_ms(win.readout_ms))
            record.setdefault("redraw_ms_all", []).append(_ms(win.redraw_ms))
            assert win.after["decoded"], f"{where}: the new figure does not decode as an image"
            assert win.image_content_changed, f"{where}: new img src, but the same picture"


def test_every_control_works_by_keyboard(notebook: Opened, screenshots, timings):
    """Every control of every explorer changes its value by keyboard alone. Controls
    that then change neither figure nor readout are listed (in timings.json), not failed:
    they may depend on another control."""
    page, stem = notebook.page, notebook.name.removesuffix(".ipynb")
    exs = pages.explorers(page)
    assert exs.count() >= 1, f"{notebook.name}: no explorer"
    failures, inert = [], []
    with shot_on_failure(page, screenshots, stem):
        for i in range(exs.count()):
            ex = exs.nth(i)
            for kind, el in pages.controls(ex):
                ch = pages.operate(page, ex, kind, el, need_both=False)
                if not ch.value_changed:
                    failures.append(f"explorer {i + 1}: {pages.describe(ch)}")
                elif not (ch.figure_changed or ch.readout_changed):
                    inert.append(f"explorer {i + 1}: {pages.describe(ch)}")
    timings.setdefault(stem, {}).setdefault("lab", {})["inert_controls"] = inert
    assert not failures, f"{notebook.name}: the keyboard did not change: " + "; ".join(failures)


def test_control_labels_fit(notebook: Opened, screenshots):
    """No button, label or drop-down option of an explorer is cut off: a learner must
    be able to read every choice."""
    page = notebook.page
    with shot_on_failure(page, screenshots, notebook.name.removesuffix(".ipynb")):
        cut = pages.cut_labels(page)
        assert not cut, f"{notebook.name}: labels cut off: " + "; ".join(cut)


def test_explorer_reachable_with_tab(notebook: Opened, screenshots, timings):
    """Tab from the control before reaches the explorer; Tab walks every control inside."""
    page = notebook.page
    exs = pages.explorers(page)
    assert exs.count() >= 1, f"{notebook.name}: no explorer"
    with shot_on_failure(page, screenshots, notebook.name.removesuffix(".ipynb")):
        for i in range(exs.count()):
            ex = exs.nth(i)
            stops = pages.focusables(ex)
            assert stops, f"{notebook.name}: explorer {i + 1} has no Tab stop"
            first = ex.locator("[data-course-tab='0']")
            first.focus()
            seen = [pages.active_in(page, ex)["tab"]]
            for _ in range(len(stops) - 1):
                page.keyboard.press("Tab")
                now = pages.active_in(page, ex)
                assert now["inside"], (f"{notebook.name}, explorer {i + 1}: Tab left the "
                                       f"explorer early, at {now['what']}; stops {stops}")
                seen.append(now["tab"])
            missing = [s for s in stops if s.split(":")[0] not in seen]
            assert not missing, (f"{notebook.name}, explorer {i + 1}: Tab never reached "
                                 f"{missing} (went {seen} through {stops})")
            # Reached from outside: Shift+Tab leaves the explorer, Tab comes back in.
            first.focus()
            page.keyboard.press("Shift+Tab")
            out = pages.active_in(page, ex)
            page.keyboard.press("Tab")
            back = pages.active_in(page, ex)
            if i == 0:
                timings.setdefault(notebook.name.removesuffix(".ipynb"), {}).setdefault(
                    "lab", {}).update(tab_stops=len(stops), tab_in_from=out["what"])
            assert not out["inside"], (
                f"{notebook.name}, explorer {i + 1}: Shift+Tab from the first control "
                f"stayed inside, at {out['what']}")
            assert back["inside"], (
                f"{notebook.name}, explorer {i + 1}: Tab from {out['what']} (before the "
                f"explorer) went to {back['what']}, not into the explorer")


def _ms(value):
    return None if value is None else round(value, 1)
