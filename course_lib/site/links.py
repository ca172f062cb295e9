"""Check a built site: every local link and image resolves, no page needs a resource
from the web; and the few lines the command prints."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .build import SiteResult

@dataclass
class LinkReport:
    """What :func:`check_links` found in a folder of HTML pages."""

    pages: int = 0
    local_links: int = 0
    embedded_images: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)
    external_resources: list[tuple[str, str]] = field(default_factory=list)
    external_links: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missing and not self.external_resources


_LINK_ATTRS = (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
               ("source", "src"), ("iframe", "src"), ("video", "src"), ("audio", "src"),
               ("embed", "src"), ("object", "data"))
_URL_IN_CODE = re.compile(r"""(?:import\s*\(\s*|url\(\s*|@import\s+)["']?(https?://[^"')\s]+)""")


def check_links(site: Path) -> LinkReport:
    """Every local link and image of every page in ``site`` must exist; list external
    resources (needed to render: scripts, styles, images, frames) and external links
    (``<a href>`` to the web, which a reader may follow but the page does not need)."""
    from bs4 import BeautifulSoup

    site = Path(site)
    report = LinkReport()
    for page in sorted(site.rglob("*.html")):
        report.pages += 1
        name = page.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in _LINK_ATTRS:
            for el in soup.find_all(tag):
                ref = el.get(attr)
                if not ref:
                    continue
                ref = ref.strip()
                if ref.startswith("data:"):
                    report.embedded_images += tag == "img"
                    continue
                parts = urlsplit(ref)
                if parts.scheme in {"http", "https"} or ref.startswith("//"):
                    (report.external_links if tag == "a" else report.external_resources
                     ).append((name, ref))
                    continue
                if parts.scheme or ref.startswith("#"):
                    continue  # mailto:, javascript:, in-page anchors
                report.local_links += 1
                if not (page.parent / parts.path).exists():
                    report.missing.append((name, ref))
        for el in soup.find_all(["script", "style"]):
            for url in _URL_IN_CODE.findall(el.string or ""):
                report.external_resources.append((name, url))
    return report


def summary(result: SiteResult, report: LinkReport) -> str:
    """A few lines for the terminal: pages, times, link check."""
    lines = [f"{p.seconds:6.1f} s  {p.page}" + (f"  ({p.explorers} explorer(s) as stills)"
                                                 if p.explorers else "")
             for p in result.pages]
    size = sum(f.stat().st_size for f in result.out.glob("*.html")) / 1e6
    lines.append(f"{result.seconds:6.1f} s  total: {len(result.pages)} notebook page(s) + "
                 f"{len(result.extra_pages)} other page(s), {size:.1f} MB, in {result.out}")
    lines.append(f"links: {report.local_links} local, {len(report.missing)} missing; "
                 f"{report.embedded_images} embedded image(s); "
                 f"{len(report.external_resources)} external resource(s) needed to render; "
                 f"{len(report.external_links)} link(s) to the web")
    for page, ref in report.missing:
        lines.append(f"  missing: {page} -> {ref}")
    for page, ref in report.external_resources:
        lines.append(f"  external resource: {page} -> {ref}")
    return "\n".join(lines)
