"""Execute notebooks with nbclient (used by ``run-all``, the benchmarks and tests).

Executing never writes into ``notebooks/``: results go to a build folder.

Parameters work as with papermill: a notebook declares its natural parameters in
a code cell tagged ``parameters``; to run it with other values, a cell tagged
``injected-parameters`` that assigns them is inserted just after that cell.

>>> import nbformat
>>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("year = 2017")])
>>> nb.cells[0].metadata["tags"] = ["parameters"]
>>> declared_parameters(nb)
{'year': '2017'}
>>> inject_parameters(nb, {"year": 2020}).cells[1].source
'# Parameters\\nyear = 2020\\n'
"""

from __future__ import annotations

import ast
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from .errors import CourseError
from .paths import BUILD_DIR, NOTEBOOKS_DIR

PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"


def course_notebooks(folder: Path | None = None) -> list[Path]:
    """The course's notebooks in order (00_... to 07_...).

    >>> course_notebooks()[0].name
    '00_start_here.ipynb'
    """
    folder = Path(folder) if folder else NOTEBOOKS_DIR
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb"))


def parse_value(text: str) -> Any:
    """A command-line value as Python: a literal (number, string in quotes, tuple,
    list, True/False/None) when it is one, otherwise the text itself.

    >>> parse_value("2020"), parse_value("(2012, 2016)"), parse_value("2012-2016")
    (2020, (2012, 2016), '2012-2016')
    """
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return text


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _parameters_index(nb) -> int | None:
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and PARAMETERS_TAG in _tags(cell):
            return i
    return None


def declared_parameters(nb) -> dict[str, str]:
    """Names assigned in the notebook's ``parameters`` cell, with their default as
    written ({} when it has none)."""
    i = _parameters_index(nb)
    if i is None:
        return {}
    source = nb.cells[i].source
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {}
    found: dict[str, str] = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) and node.value is not None else [])
        for target in targets:
            if isinstance(target, ast.Name):
                found[target.id] = ast.get_source_segment(source, node.value) or ""
    return found


def inject_parameters(nb, parameters: dict[str, Any]):
    """Insert (or replace) the ``injected-parameters`` cell after the ``parameters``
    cell; return the notebook. Raises CourseError when a name is not declared."""
    import nbformat


    declared = declared_parameters(nb)
    unknown = [name for name in parameters if name not in declared]
    if unknown:
        have = ", ".join(declared) or "none (no cell tagged 'parameters')"
        raise CourseError(f"This notebook has no parameter {', '.join(unknown)}; "
                          f"its parameters are: {have}.")
    nb.cells = [c for c in nb.cells if INJECTED_TAG not in _tags(c)]
    lines = ["# Parameters"] + [f"{name} = {value!r}" for name, value in parameters.items()]
    cell = nbformat.v4.new_code_cell("\n".join(lines) + "\n")
    cell.metadata["tags"] = [INJECTED_TAG]
    nb.cells.insert(_parameters_index(nb) + 1, cell)
    return nb


def execute(path: Path, *, timeout: int = 600, cwd: Path | None = None,
            parameters: dict[str, Any] | None = None, env: dict[str, str] | None = None,
            **options):
    """Execute one notebook in a fresh kernel, with ``parameters`` injected if given;
    return (executed notebook, seconds).

    ``env`` is the kernel's environment (default: this process's, so ``COURSE_DATA``
    chooses its data package); ``options`` go to ``nbclient.NotebookClient`` (e.g.
    ``allow_errors=True``, ``interrupt_on_timeout=True``, as the grader uses them).
    """
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    if parameters:
        inject_parameters(nb, parameters)
    seconds = execute_notebook(nb, cwd=Path(cwd or Path(path).parent), timeout=timeout,
                               env=env, name=Path(path).name, **options)
    return nb, seconds


class NotebookError(CourseError):
    """A notebook stopped: the message names the notebook, the cell and the error."""


def failing_cell(nb) -> tuple[int, str]:
    """The (1-based) number of the first cell whose output is an error, and the error as
    ``Name: message`` ((0, "") when no cell holds an error).

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1"), nbformat.v4.new_code_cell("x")])
    >>> nb.cells[1].outputs = [nbformat.v4.new_output("error", ename="NameError", evalue="x", traceback=[])]
    >>> failing_cell(nb)
    (2, 'NameError: x')
    """
    for i, cell in enumerate(nb.cells, start=1):
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if out.get("output_type") == "error":
                return i, f"{out.get('ename', 'Error')}: {out.get('evalue', '')}".strip()
    return 0, ""


def execute_notebook(nb, *, cwd: Path, timeout: int = 600, env: dict[str, str] | None = None,
                     name: str = "the notebook", **options) -> float:
    """Execute a notebook already in memory (``nb``, changed in place: the outputs are
    written into it, also on failure) in a fresh kernel working in ``cwd``; return the
    seconds it took. ``env`` and ``options`` as in :func:`execute` (the site adds
    ``store_widget_state=True``). A cell that fails or times out raises
    :class:`NotebookError` naming the notebook (``name``) and the cell (no raw nbclient
    traceback)."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    start = time.perf_counter()
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd)}}, **options)
    try:
        if env is None:
            client.execute()
        else:
            client.execute(env=env)  # nbclient passes it on to the kernel manager
    except (CellExecutionError, CellTimeoutError) as exc:
        cell, error = failing_cell(nb)
        if not error:  # a time-out leaves no error output
            error = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
        where = f", cell {cell}" if cell else ""
        raise NotebookError(f"{name}{where}: {error}") from None
    return time.perf_counter() - start


@dataclass
class NotebookRun:
    """One notebook of :func:`run_all`: its name, seconds and the error ('' if it ran)."""

    name: str
    seconds: float
    error: str = ""


def split_parameters(paths: Iterable[Path], parameters: dict[str, Any] | None
                     ) -> dict[Path, dict[str, Any]]:
    """For each notebook, the given parameters it declares. A name that no notebook
    declares raises CourseError listing the parameters there are."""
    import nbformat

    from .errors import CourseError

    parameters = parameters or {}
    out: dict[Path, dict[str, Any]] = {}
    declared_anywhere: dict[str, list[str]] = {}
    for path in paths:
        declared = declared_parameters(nbformat.read(str(path), as_version=4))
        for name in declared:
            declared_anywhere.setdefault(name, []).append(Path(path).name[:2])
        out[Path(path)] = {k: v for k, v in parameters.items() if k in declared}
    unknown = [name for name in parameters if name not in declared_anywhere]
    if unknown:
        have = "; ".join(f"{n} (in {', '.join(nbs)})" for n, nbs in declared_anywhere.items())
        raise CourseError(f"No notebook has a parameter called {', '.join(unknown)}. "
                          f"The parameters are: {have or 'none'}.")
    return out


def run_all(paths: Iterable[Path] | None = None, outdir: Path | None = None,
            progress: bool = True, parameters: dict[str, Any] | None = None
            ) -> list[NotebookRun]:
    """Execute notebooks one by one into ``outdir`` (default build/executed/); each
    notebook gets the ``parameters`` its ``parameters`` cell declares. A notebook that
    fails is recorded (name, cell, error; its outputs so far written too) and the next
    one runs."""
    import nbformat

    paths = list(paths) if paths is not None else course_notebooks()
    per_notebook = split_parameters(paths, parameters)
    outdir = Path(outdir) if outdir else BUILD_DIR / "executed"
    outdir.mkdir(parents=True, exist_ok=True)
    runs: list[NotebookRun] = []
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(paths), unit="notebook", desc="Running the course")
    try:
        for path in paths:
            if bar is not None:
                bar.set_postfix_str(Path(path).name)
            nb = nbformat.read(str(path), as_version=4)
            if per_notebook[Path(path)]:
                inject_parameters(nb, per_notebook[Path(path)])
            start = time.perf_counter()
            try:
                execute_notebook(nb, cwd=Path(path).parent, name=Path(path).name)
                error = ""
            except NotebookError as exc:
                error = str(exc)
            except Exception as exc:  # the kernel died, or nbclient could not start it
                error = f"{Path(path).name}: {type(exc).__name__}: {exc}"
            nbformat.write(nb, str(outdir / Path(path).name))
            runs.append(NotebookRun(Path(path).name, time.perf_counter() - start, error))
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    return runs
