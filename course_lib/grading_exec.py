"""Run learners' notebooks for grading: one forked process per notebook, safely.

What keeps grading safe stays: every notebook runs in a **fresh process of its own**
(forked from a parent that never runs learner code), with a **per-cell time limit** (the
cell is interrupted and the run goes on; a cell that cannot be interrupted gets its
process killed), a **memory limit** (``resource.setrlimit`` in the child) and **no
network** (:data:`GUARD`: only loopback addresses connect). The learner's code never runs
in the grading process.

What made grading slow goes: the parent imports pandas, matplotlib, IPython and the
course once and checks and loads the data package once (:func:`warm`); each child is a
copy of that parent (``fork``), so it starts in milliseconds instead of starting a
Jupyter kernel and importing everything again. Children draw no figures (the Agg backend,
``plt.show`` and the ``%matplotlib`` magic do nothing, no PNG is rendered) and compute
only the plain-text form of displayed objects. Cells run in IPython's own
``InteractiveShell``, so magics, ``display`` and the last expression of a cell behave as
in a notebook.

>>> describe_error(KeyboardInterrupt(), 5, 100)
'the cell ran longer than the limit of 5 s and was stopped'
>>> describe_error(ZeroDivisionError("division by zero"), 5, 100)
'the code in the cell raised ZeroDivisionError: division by zero'
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

GUARD = '''
import ipaddress, resource, socket

def _limit_memory(limit):
    if limit > 0:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

def _allowed(address):
    host = address[0] if isinstance(address, tuple) else address
    if not isinstance(host, str) or host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False

_connect, _connect_ex, _getaddrinfo = (socket.socket.connect, socket.socket.connect_ex,
                                       socket.getaddrinfo)

def _guard(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _allowed(address):
        raise OSError(f"network access blocked while grading: {address!r}")

def connect(self, address):
    _guard(self, address)
    return _connect(self, address)

def connect_ex(self, address):
    _guard(self, address)
    return _connect_ex(self, address)

def getaddrinfo(host, *args, **kwargs):
    if host not in (None, "localhost") and not _allowed((host,)):
        raise OSError(f"name lookup blocked while grading: {host!r}")
    return _getaddrinfo(host, *args, **kwargs)

socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
socket.getaddrinfo = getaddrinfo
'''
#: Seconds a cell may run past its limit before its process is killed (a loop inside
#: compiled code does not see the interruption).
GRACE = 10
_WARM: list[bool] = []


def warm() -> None:
    """Import what every notebook uses and check and load every dataset, once per
    grading run, in the parent (children inherit it). Idempotent."""
    if _WARM:
        return
    os.environ.setdefault("MPLBACKEND", "Agg")
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    import matplotlib

    matplotlib.use("Agg")
    import IPython.core.interactiveshell  # noqa: F401
    import ipywidgets  # noqa: F401
    import matplotlib.pyplot  # noqa: F401
    import pandas  # noqa: F401

    import importlib
    import pkgutil

    import course_lib

    from . import data, exercises

    for info in pkgutil.walk_packages(course_lib.__path__, "course_lib."):
        if not any(part in info.name for part in (".commands", "__main__", ".curation")):
            try:  # what the notebooks import, imported once (no side effects at import)
                importlib.import_module(info.name)
            except Exception:  # noqa: BLE001 - an optional extra that is not installed
                pass
    for name in data.names():  # sha256 and schema checked here, once
        data.load(name)
    try:
        from .claims import evaluate_all

        evaluate_all()  # the claims' evidence, computed once for every notebook
    except Exception:  # noqa: BLE001 - a learner's notebook reports it, not the parent
        pass
    for qid in exercises.questions():
        try:
            exercises.question(qid).expected()  # warm the caches children share
        except Exception:  # noqa: BLE001 - a broken question is reported per learner
            pass
    _WARM.append(True)


def describe_error(exc: BaseException | None, timeout: int, memory_mb: int) -> str | None:
    """The gradebook's sentence for an exception raised by a learner's cell."""
    if exc is None:
        return None
    name = type(exc).__name__
    if isinstance(exc, KeyboardInterrupt):
        return f"the cell ran longer than the limit of {timeout} s and was stopped"
    if isinstance(exc, MemoryError):
        return f"the cell ran out of memory (limit {memory_mb} MB)"
    return f"the code in the cell raised {name}: {exc}"[:300]


@dataclass
class Run:
    """What one notebook's run gave: per code cell (index in the notebook) the problem
    its code raised (or None), the results ``check`` recorded, the exercises whose
    ``solution()`` was called, and why the run failed as a whole (or None)."""

    cells: dict[int, str | None] = field(default_factory=dict)
    results: dict = field(default_factory=dict)
    solutions: list[str] = field(default_factory=list)
    failure: str | None = None


def _no_drawing() -> None:  # pragma: no cover - runs in the forked process
    """Figures are built (the learner's code runs) but never drawn: saving one as an
    image writes a blank 1 x 1 PNG, and the Agg canvas only allocates its buffer."""
    import io

    from matplotlib.backends import backend_agg
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGBA", (1, 1)).save(buf, "PNG")
    blank = buf.getvalue()

    def save(self, filename_or_obj, *args, **kwargs):
        if hasattr(filename_or_obj, "write"):
            filename_or_obj.write(blank)
        else:
            with open(filename_or_obj, "wb") as out:
                out.write(blank)

    def draw(self):  # a blank canvas of the right size: blitting code still works
        self.renderer = self.get_renderer()

    backend_agg.FigureCanvasAgg.draw = draw
    if hasattr(backend_agg.FigureCanvasAgg, "_print_pil"):
        backend_agg.FigureCanvasAgg._print_pil = save
    for name in ("print_svg", "print_pdf", "print_eps", "print_ps"):
        setattr(backend_agg.FigureCanvasAgg, name, save)


def _child(conn, sources: list[tuple[int, str]], workdir: Path, timeout: int,
           memory_mb: int) -> None:  # pragma: no cover - runs in the forked process
    import signal
    import sys

    try:
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.chdir(workdir)
        os.environ.update(SCO_COURSE_PROGRESS="off", MPLBACKEND="Agg")
        sys.path.insert(0, str(workdir))
        scope: dict = {}
        exec(GUARD, scope)  # noqa: S102 - our own code: memory limit, no network
        scope["_limit_memory"](memory_mb * 1024 * 1024)
        import matplotlib.backend_bases as backend_bases
        import matplotlib.pyplot as plt
        from IPython.core.interactiveshell import InteractiveShell

        from .progress import session_results
        from .solutions import solutions_shown

        backend_bases.FigureCanvasBase.print_figure = lambda self, *a, **k: None
        _no_drawing()
        plt.show = lambda *a, **k: None
        from traitlets.config import Config

        config = Config()
        config.HistoryManager.enabled = False  # no history database, no extra thread
        shell = InteractiveShell.instance(config=config)
        shell.display_formatter.active_types = ["text/plain"]
        shell.register_magic_function(lambda line="": None, "line", "matplotlib")

        def stop(signum, frame):
            raise KeyboardInterrupt

        signal.signal(signal.SIGALRM, stop)
        for index, source in sources:
            conn.send(("start", index))
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                res = shell.run_cell(source, store_history=False)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            exc = res.error_before_exec or res.error_in_exec
            plt.close("all")
            conn.send(("cell", index, describe_error(exc, timeout, memory_mb),
                       session_results(), solutions_shown()))
        conn.send(("end",))
    except BaseException as exc:  # noqa: BLE001 - report, never hang the parent
        try:
            conn.send(("fail", f"the notebook could not be run ({type(exc).__name__}: "
                               f"{exc})"[:300]))
        except Exception:  # noqa: BLE001
            pass
    finally:
        os._exit(0)


class Job:
    """One notebook running in a forked child; :meth:`poll` collects its messages."""

    def __init__(self, sources: list[tuple[int, str]], workdir: Path, timeout: int,
                 memory_mb: int):
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        self.conn, child = ctx.Pipe(duplex=False)
        self.timeout, self.memory_mb = timeout, memory_mb
        self.run = Run()
        self.current: int | None = None
        self.started = time.monotonic()
        self.done = False
        self.process = ctx.Process(target=_child, args=(child, sources, workdir, timeout,
                                                         memory_mb), daemon=True)
        self.process.start()
        child.close()

    def poll(self) -> bool:
        """Read what the child sent; kill it when a cell overstays. True when done."""
        try:
            while not self.done and self.conn.poll():
                self._message(self.conn.recv())
        except (EOFError, OSError):
            self._finish(f"the kernel died (over the memory limit of {self.memory_mb} MB?)")
        if not self.done and self.current is not None and \
                time.monotonic() - self.started > self.timeout + GRACE:
            self.run.cells[self.current] = (f"the cell ran longer than the limit of "
                                            f"{self.timeout} s and could not be stopped")
            self._finish("a cell could not be stopped: the run was ended there")
        return self.done

    def _message(self, msg: tuple) -> None:
        if msg[0] == "start":
            self.current, self.started = msg[1], time.monotonic()
        elif msg[0] == "cell":
            _, index, problem, results, shown = msg
            self.run.cells[index] = problem
            self.run.results, self.run.solutions = results, shown
            self.current = None
        elif msg[0] == "end":
            self._finish(None)
        else:
            self._finish(msg[1])

    def _finish(self, failure: str | None) -> None:
        self.done = True
        self.run.failure = failure
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def run_all(tasks: list, start, finish, jobs: int = 1) -> None:
    """Run ``tasks`` with at most ``jobs`` children at once: ``start(task)`` returns a
    :class:`Job` (or a finished :class:`Run` when nothing needs running) and
    ``finish(task, run)`` is called once per task. No threads (forking is safe)."""
    from multiprocessing.connection import wait

    warm()
    pending, running = list(tasks), []
    while pending or running:
        while pending and len(running) < max(1, int(jobs)):
            task = pending.pop(0)
            job = start(task)
            if isinstance(job, Job):
                running.append((task, job))
            else:
                finish(task, job)
        if running:
            wait([job.conn for _, job in running] + [job.process.sentinel
                                                     for _, job in running], timeout=1)
        still = []
        for task, job in running:
            if job.poll():
                finish(task, job.run)
            else:
                still.append((task, job))
        running = still
