"""A page's HTML after nbconvert: links pointed at the site's pages, local images
embedded, other repository links made plain text, solutions folded, and every block
that scrolls sideways reachable by keyboard."""

from __future__ import annotations

import base64
from pathlib import Path
from urllib.parse import urlsplit

from ..paths import REPO_ROOT

SOLUTION_TAG = "course-solution"
IMAGE_SUFFIXES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                  ".gif": "image/gif", ".svg": "image/svg+xml"}


def fix_links(soup, origin: Path, site_map: dict[Path, str], index_anchor: dict[Path, str]):
    """Point links to site pages; embed local images; make other repo links plain text."""
    for tag, attr in (("a", "href"), ("img", "src")):
        for el in soup.find_all(tag):
            ref = el.get(attr)
            if not ref:
                continue
            parts = urlsplit(ref)
            if parts.scheme or ref.startswith(("#", "//")):
                continue
            target = (origin / parts.path).resolve()
            frag = f"#{parts.fragment}" if parts.fragment else ""
            if target in site_map:
                el[attr] = site_map[target] + frag
            elif target in index_anchor:
                el[attr] = index_anchor[target]
            elif tag == "img" and target.suffix.lower() in IMAGE_SUFFIXES and target.is_file():
                mime = IMAGE_SUFFIXES[target.suffix.lower()]
                b64 = base64.b64encode(target.read_bytes()).decode("ascii")
                el[attr] = f"data:{mime};base64,{b64}"
            else:
                try:
                    rel = target.relative_to(REPO_ROOT).as_posix()
                except ValueError:
                    rel = parts.path
                if tag == "img":
                    el.replace_with(soup.new_string(f"[image not available: {rel}]"))
                    continue
                el.name = "span"
                del el[attr]
                el["class"] = "course-repo-file"
                el["title"] = f"in the course repository: {rel}"


def fold_solutions(soup) -> int:
    count = 0
    for cell in soup.select(f"div.celltag_{SOLUTION_TAG}"):
        inp = cell.find("div", class_="jp-Cell-inputWrapper")
        if inp is None:
            continue
        details = soup.new_tag("details", attrs={"class": "course-solution"})
        summary = soup.new_tag("summary")
        summary.string = "Show the solution"
        inp.wrap(details)
        details.insert(0, summary)
        count += 1
    return count


def keyboard_scroll(soup) -> int:
    """Let a keyboard reach (and scroll) each block that may scroll sideways: code blocks
    and tables of the text (``pre``, a Markdown ``table``) and wide output tables get
    ``tabindex="0"``, a role and a label (WCAG 2.1.1)."""
    count = 0
    targets = [(el, "code block") for el in soup.find_all("pre")
               if not el.find_parent(class_="jp-InputArea")]
    targets += [(el, "table") for el in soup.select(".jp-OutputArea-output.jp-RenderedHTML")
                if el.find("table")]
    targets += [(el, "table") for el in soup.select(".course-doc table")]
    for el, label in targets:
        if el.get("tabindex") is None:
            el["tabindex"] = "0"
            el["role"] = "region"
            el["aria-label"] = f"{label} (scrollable)"
            el["class"] = list(el.get("class") or []) + ["course-scroll"]
            count += 1
    return count


def postprocess(page_html: str, origin: Path, site_map, index_anchor) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page_html, "html.parser")
    fix_links(soup, origin, site_map, index_anchor)
    fold_solutions(soup)
    keyboard_scroll(soup)
    return str(soup)
