"""One section notebook as a Voila dashboard (what a teacher projects, `make dashboard`):
it renders without error, its explorer can be reached with Tab from the top of the page,
and a keyboard change redraws the figure and changes the readout.
"""

from __future__ import annotations

import os
import re
import time

import pytest

import pages
import servers

# The notebook to show; COURSE_VOILA_NOTEBOOK picks another one.
SECTIONS = servers.section_notebooks()
CHOICE = os.environ.get("COURSE_VOILA_NOTEBOOK") or (SECTIONS[0].name if SECTIONS else None)
TRACEBACK = re.compile(r"Traceback \(most recent call last\)|There was an error when executing")


@pytest.fixture(scope="module")
def dashboard(browser, tmp_path_factory, screenshots, timings):
    missing = servers.missing_sections()
    assert not missing, f"section notebooks missing from {servers.NOTEBOOKS}: {missing}"
    assert CHOICE is not None and (servers.NOTEBOOKS / CHOICE).exists(), \
        f"no notebook {CHOICE} in {servers.NOTEBOOKS}"
    with servers.voila(tmp_path_factory.mktemp("voila")) as server:
        page, problems = pages.new_page(browser)
        stem = CHOICE.removesuffix(".ipynb")
        try:
            start = time.monotonic()
            page.goto(server.url(f"voila/render/{CHOICE}"), wait_until="domcontentloaded",
                      timeout=pages.RUN_TIMEOUT * 1000)
            ex = pages.explorers(page).first
            ex.locator("img.widget-image").wait_for(state="visible",
                                                   timeout=pages.RUN_TIMEOUT * 1000)
            timings.setdefault(stem, {}).setdefault("voila", {})["run_all_s"] = round(
                time.monotonic() - start, 2)
            yield page, problems, stem
        except BaseException:
            page.screenshot(path=str(screenshots / f"{stem}-voila-failure.png"))
            raise
        finally:
            page.close()


def test_dashboard_renders_without_error(dashboard):
    page, problems, stem = dashboard
    text = page.locator("body").inner_text()
    assert not TRACEBACK.search(text), f"{stem} in Voila shows an error:\n{text[-2000:]}"
    assert not page.locator(".jupyter-widgets-error-widget").count(), "a widget failed"
    assert pages.explorers(page).count() >= 1


def test_dashboard_labels_fit(dashboard):
    """On the projected dashboard too, every choice of the explorer can be read whole."""
    page, _, stem = dashboard
    cut = pages.cut_labels(page)
    assert not cut, f"{stem} (Voila): labels cut off: " + "; ".join(cut)


def test_dashboard_explorer_reached_with_tab(dashboard, timings):
    """From the top of the page, Tab alone reaches the first explorer's controls."""
    page, _, stem = dashboard
    ex = pages.explorers(page).first
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
    for presses in range(1, 101):
        page.keyboard.press("Tab")
        if pages.active_in(page, ex)["inside"]:
            timings.setdefault(stem, {}).setdefault("voila", {})["tabs_to_explorer"] = presses
            break
    else:
        pytest.fail(f"{stem}: 100 Tab presses from the top never reached the explorer")


def test_dashboard_explorer_responds_to_keyboard(dashboard, screenshots, timings):
    page, _, stem = dashboard
    ex = pages.explorers(page).first
    assert pages.controls(ex), f"{stem}: the explorer has no keyboard-operable control"
    pages.screenshot_explorer(page, ex, screenshots / f"{stem}-voila-before.png")
    ch, tried = pages.first_responsive_change(page, ex)
    pages.screenshot_explorer(page, ex, screenshots / f"{stem}-voila-after.png")
    assert ch, f"{stem} (Voila): no control changed both readout and figure: " + \
        "; ".join(tried)
    timings.setdefault(stem, {}).setdefault("voila", {}).update(
        control=f"{ch.kind}/{ch.key}",
        redraw_ms=None if ch.redraw_ms is None else round(ch.redraw_ms, 1),
        readout_ms=None if ch.readout_ms is None else round(ch.readout_ms, 1))
    assert ch.after["decoded"] and ch.image_content_changed, (
        f"{stem} (Voila), {ch.kind}: the new figure is not a new picture")
