"""Build the static course: execute each notebook (runner.py, in memory, in a
temporary working folder), export it with nbconvert, post-process it, and write the
course map and the document pages."""

from __future__ import annotations

import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..paths import BUILD_DIR, NOTEBOOKS_DIR, REPO_ROOT
from .pages import COURSE_CSS, exporter, index_html, nav, standalone
from .postprocess import SOLUTION_TAG, postprocess
from .snapshots import static_widgets

DOC_PAGES = {"teaching.md": "teaching.html", "deploy.md": "deploy.html"}


@dataclass
class PageResult:
    """One built page."""

    notebook: str
    page: str
    seconds: float
    explorers: int = 0


@dataclass
class SiteResult:
    """What :func:`build_site` built."""

    out: Path
    pages: list[PageResult] = field(default_factory=list)
    extra_pages: list[str] = field(default_factory=list)
    seconds: float = 0.0


def course_rows(paths: list[Path]) -> list[dict]:
    from ..course import notebook_meta

    rows = []
    for path in paths:
        meta = notebook_meta(path)
        meta["notebook"] = path.stem
        rows.append(meta)
    return rows


def _kernel_env() -> dict[str, str]:
    """This process's environment without MPLBACKEND: the kernel draws figures inline
    whatever the caller says (with MPLBACKEND=Agg, set by some test runners, plt.show()
    would output nothing and the page would lose its figures)."""
    import os

    return {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}


def build_site(out: Path | None = None, only: Iterable[str] | None = None, *,
               source: Path | None = None, edition: str = "instructor",
               execute: bool = True, progress: bool = True, timeout: int = 600,
               docs: Path | None = None) -> SiteResult:
    """Build the static course into ``out`` (default build/site/).

    Parameters
    ----------
    only : notebook prefixes or names (``["00"]``) to build; the index still lists
        every notebook, and links only the pages built.
    edition : ``"instructor"`` (solutions folded under "Show the solution") or
        ``"student"`` (solutions replaced by the stub, as in build/student).
    execute : run the notebooks (default); False exports them as they are (fast, for
        checking the layout).
    """
    import nbformat

    from ..editions import BEGIN_DELIMITER, copy_assets, student_notebook
    from ..errors import CourseError
    from ..runner import course_notebooks, execute_notebook

    if edition not in {"instructor", "student"}:
        raise CourseError(f"Unknown edition {edition!r}: use 'instructor' or 'student'.")
    start = time.perf_counter()
    source = Path(source) if source else NOTEBOOKS_DIR
    docs = Path(docs) if docs else REPO_ROOT / "docs"
    out = Path(out) if out else BUILD_DIR / "site"
    if out.resolve() in {source.resolve(), NOTEBOOKS_DIR.resolve(), REPO_ROOT.resolve()}:
        raise CourseError(f"Refusing to build the site into {out}: choose a build folder.")
    paths = course_notebooks(source)
    if not paths:
        raise CourseError(f"No notebooks (NN_name.ipynb) found in {source}.")
    wanted = list(only or [])
    chosen = [p for p in paths if not wanted or any(
        p.stem == w or p.name == w or p.name.startswith(w) for w in wanted)]
    if not chosen:
        raise CourseError(f"No notebook matches {wanted}; there are: "
                          + ", ".join(p.stem for p in paths))
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.html"):  # a page from an earlier build may be stale
        old.unlink()

    rows = course_rows(paths)
    built = {p.stem: f"{p.stem}.html" for p in chosen}
    extra = {name: page for name, page in DOC_PAGES.items() if (docs / name).is_file()}
    site_map = {p.resolve(): f"{p.stem}.html" for p in chosen}
    site_map.update({(docs / name).resolve(): page for name, page in extra.items()})
    site_map[(REPO_ROOT / "README.md").resolve()] = "index.html"
    index_anchor = {p.resolve(): f"index.html#{p.stem}" for p in paths if p not in chosen}
    order = [(f"{p.stem}.html", f"{p.stem[:2]} · {r.get('title') or p.stem}")
             for p, r in zip(paths, rows) if p in chosen]

    result = SiteResult(out=out)
    export = exporter()
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(chosen), unit="page", desc="Building the site")
    try:
        with tempfile.TemporaryDirectory(prefix="course-site-") as tmp:
            workdir = Path(tmp)
            copy_assets(source, workdir)
            for i, path in enumerate(chosen):
                t0 = time.perf_counter()
                if bar is not None:
                    bar.set_postfix_str(f"{path.stem}: executing" if execute else path.stem)
                nb = nbformat.read(str(path), as_version=4)
                if edition == "student":
                    nb = student_notebook(nb)
                for cell in nb.cells:
                    if edition == "instructor" and BEGIN_DELIMITER in cell.source:
                        tags = cell.metadata.setdefault("tags", [])
                        if SOLUTION_TAG not in tags:
                            tags.append(SOLUTION_TAG)
                if execute:
                    try:
                        execute_notebook(nb, cwd=workdir, timeout=timeout, env=_kernel_env(),
                                         store_widget_state=True)
                    except Exception as exc:  # name the notebook, keep the cause short
                        raise CourseError(
                            f"{path.name} failed while building the site: "
                            f"{type(exc).__name__}: {str(exc).strip()[-1500:]}") from None
                if bar is not None:
                    bar.set_postfix_str(f"{path.stem}: exporting")
                explorers = static_widgets(nb)
                title = f"{path.stem[:2]} · {nb.metadata.get('course', {}).get('title', path.stem)}"
                nb.metadata["title"] = title
                resources = {"metadata": {"name": path.stem, "path": str(source)},
                             "course_css": COURSE_CSS,
                             "course_nav": nav(order, i)}
                body, _ = export.from_notebook_node(nb, resources=resources)
                body = postprocess(body, source, site_map, index_anchor)
                (out / f"{path.stem}.html").write_text(body, encoding="utf-8")
                result.pages.append(PageResult(path.stem, f"{path.stem}.html",
                                               time.perf_counter() - t0, explorers))
                if bar is not None:
                    bar.update(1)
    finally:
        if bar is not None:
            bar.close()

    import mistune

    for name, page in extra.items():
        text = (docs / name).read_text(encoding="utf-8")
        body = postprocess(mistune.html(text), docs, site_map, index_anchor)
        first = re.search(r"^#\s+(.+)$", text, re.M)
        body = f'<div class="course-doc">{body}</div>'
        title = re.sub(r"[*_`]", "", first.group(1)) if first else page
        (out / page).write_text(standalone(title, body,
                                            nav([], None)), encoding="utf-8")
        result.extra_pages.append(page)
    (out / "index.html").write_text(index_html(rows, built, extra), encoding="utf-8")
    result.extra_pages.insert(0, "index.html")
    result.seconds = time.perf_counter() - start
    return result
