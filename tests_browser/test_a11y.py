"""Accessibility of both static sites: axe-core's WCAG 2.1 A and AA rules on every page
of the learners' site (student edition) and of the instructor's site, in headless
Chromium; any violation fails. Both sites are built into a temporary folder."""

from __future__ import annotations

import pytest

import a11y


@pytest.fixture(scope="module", params=["student", "instructor"])
def built_site(request, tmp_path_factory):
    from course_lib.site import build_site

    if not a11y.AXE_JS.exists():
        pytest.fail(f"{a11y.AXE_JS} is missing: `make test-browser` installs axe-core with npm")
    out = tmp_path_factory.mktemp(f"site-{request.param}")
    build_site(out, edition=request.param, progress=False)
    return request.param, out


def test_every_page_passes_wcag_21_aa(built_site, browser):
    edition, out = built_site
    pages = sorted(out.glob("*.html"))
    assert len(pages) >= 9  # index and every notebook
    context = browser.new_context()
    try:
        page = context.new_page()
        found = {p.name: a11y.violations(page, p.resolve().as_uri()) for p in pages}
    finally:
        context.close()
    found = {name: vs for name, vs in found.items() if vs}
    assert not found, f"{edition} site:\n" + a11y.describe(found)
