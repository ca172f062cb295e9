"""Execute notebooks with nbclient (used by ``run-all``, the benchmarks and tests).

Executing never writes into ``notebooks/``: results go to a build folder.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Iterable

from .paths import BUILD_DIR, NOTEBOOKS_DIR


def course_notebooks(folder: Path | None = None) -> list[Path]:
    """The course's notebooks in order (00_... to 07_...).

    >>> course_notebooks()[0].name
    '00_start_here.ipynb'
    """
    folder = Path(folder) if folder else NOTEBOOKS_DIR
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb"))


def execute(path: Path, *, timeout: int = 600, cwd: Path | None = None,
            env: dict[str, str] | None = None, **options):
    """Execute one notebook in a fresh kernel; return (executed notebook, seconds).

    ``env`` is the kernel's environment (default: this process's); ``options`` go to
    ``nbclient.NotebookClient`` (e.g. ``allow_errors=True``,
    ``interrupt_on_timeout=True``, as the grader uses them).
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(str(path), as_version=4)
    start = time.perf_counter()
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3",
        resources={"metadata": {"path": str(cwd or Path(path).parent)}}, **options,
    )
    if env is None:
        client.execute()
    else:
        client.execute(env=env)  # nbclient passes it on to the kernel manager
    return nb, time.perf_counter() - start


def run_all(paths: Iterable[Path] | None = None, outdir: Path | None = None,
            progress: bool = True) -> list[tuple[str, float]]:
    """Execute notebooks one by one into ``outdir`` (default build/executed/)."""
    import nbformat

    paths = list(paths) if paths is not None else course_notebooks()
    outdir = Path(outdir) if outdir else BUILD_DIR / "executed"
    outdir.mkdir(parents=True, exist_ok=True)
    times: list[tuple[str, float]] = []
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(paths), unit="notebook", desc="Running the course")
    try:
        for path in paths:
            if bar is not None:
                bar.set_postfix_str(Path(path).name)
            nb, seconds = execute(Path(path))
            nbformat.write(nb, str(outdir / Path(path).name))
            times.append((Path(path).name, seconds))
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    return times
