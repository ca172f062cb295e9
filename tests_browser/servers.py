"""Servers for the browser tests: JupyterLab and Voila from the project's own
environment, on 127.0.0.1, a free port and a random token, serving a TEMPORARY COPY of
the notebooks (so the repository never changes), and stopped by their PID (and their
kernels by theirs) however the test ends.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

import psutil

REPO = Path(__file__).resolve().parents[1]
# The notebooks under test; COURSE_BROWSER_NOTEBOOKS points at another folder (for
# trying the tests on a deliberately broken copy).
NOTEBOOKS = Path(os.environ.get("COURSE_BROWSER_NOTEBOOKS") or REPO / "notebooks")
BIN = Path(sys.executable).parent
CHROMIUM = os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# JupyterLab user settings for the test server (written into a temporary settings
# folder, never the user's home): no autosave, no news or update toast.
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {
        "autosave": False,
    },
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


#: The course's section numbers: one notebook each (01_... to 07_...), besides 00.
SECTIONS = [f"{i:02d}" for i in range(1, 8)]


def section_notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The section notebooks present (01_ ... 07_), in order."""
    return sorted(folder.glob("0[1-7]_*.ipynb"))


def missing_sections(folder: Path = NOTEBOOKS) -> list[str]:
    """Section numbers (of :data:`SECTIONS`) without a notebook in ``folder``; a test
    fails on them (a deleted notebook is a failure, never a skip)."""
    present = {p.name[:2] for p in section_notebooks(folder)}
    return [s for s in SECTIONS if s not in present]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_notebooks(dest: Path) -> Path:
    """Copy notebooks/ (the .ipynb files and any folders beside them) into ``dest``."""
    shutil.copytree(NOTEBOOKS, dest, ignore=shutil.ignore_patterns(
        ".ipynb_checkpoints", "__pycache__"))
    return dest


def write_lab_settings(folder: Path) -> Path:
    for name, value in LAB_SETTINGS.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(value), encoding="utf-8")
    return folder


def _get(url: str, timeout: float = 2.0) -> int:
    with urllib.request.urlopen(url, timeout=timeout) as r:  # noqa: S310 (loopback)
        r.read()
        return r.status


def wait_until_up(url: str, proc: subprocess.Popen, log: Path, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}:\n{_tail(log)}")
        try:
            if _get(url) == 200:
                return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.3)
    raise TimeoutError(f"server not answering {url} after {timeout:.0f} s:\n{_tail(log)}")


def _tail(log: Path, n: int = 40) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-n:])
    except OSError:
        return "(no log)"


def stop_process_tree(proc: subprocess.Popen, grace: float = 10.0) -> None:
    """Stop a server we started, and every process below it (its kernels), by PID."""
    try:
        parent = psutil.Process(proc.pid)
        children = parent.children(recursive=True)
    except psutil.NoSuchProcess:
        children = []
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
    for child in children:  # kernels the server did not stop in time
        with contextlib.suppress(psutil.NoSuchProcess):
            child.terminate()
    _, alive = psutil.wait_procs(children, timeout=5)
    for child in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.kill()


class Server:
    """A running server: ``url(path)`` adds the token."""

    def __init__(self, base: str, token: str, proc: subprocess.Popen, root: Path, log: Path):
        self.base, self.token, self.proc, self.root, self.log = base, token, proc, root, log

    def url(self, path: str = "") -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.base}/{path.lstrip('/')}{sep}token={self.token}"


@contextlib.contextmanager
def _run(cmd: list[str], *, base: str, token: str, root: Path, log: Path,
         ready_path: str, env: dict | None = None) -> Iterator[Server]:
    logf = open(log, "wb")
    proc = subprocess.Popen(cmd, stdout=logf, stderr=subprocess.STDOUT, cwd=root,
                            env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)
    server = Server(base, token, proc, root, log)
    try:
        wait_until_up(server.url(ready_path), proc, log)
        yield server
    finally:
        if proc.poll() is None:
            with contextlib.suppress(Exception):  # polite first: stops kernels cleanly
                req = urllib.request.Request(server.url("api/shutdown"), method="POST")
                urllib.request.urlopen(req, timeout=5).read()  # noqa: S310
                proc.wait(10)
        stop_process_tree(proc)
        logf.close()


def _env() -> dict:
    # The kernels draw with Agg, as in `make test`; the course's data is found from the
    # package, so the copy of the notebooks can live anywhere.
    return {"MPLBACKEND": "Agg", "PYTHONUNBUFFERED": "1"}


@contextlib.contextmanager
def jupyter_lab(work: Path) -> Iterator[Server]:
    """JupyterLab on 127.0.0.1:<free port> with a random token, root_dir = a copy of
    notebooks/ in ``work``, its own settings and workspaces folders, autosave off."""
    root = copy_notebooks(work / "notebooks")
    settings = write_lab_settings(work / "lab-settings")
    (work / "lab-workspaces").mkdir()
    port, token = free_port(), secrets.token_hex(24)
    cmd = [
        str(BIN / "python"), "-m", "jupyterlab", "--no-browser", "--allow-root",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={work / 'lab-workspaces'}",
        "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.expose_app_in_browser=True",  # window.jupyterapp: read outputs exactly
        "--ServerApp.terminals_enabled=False",
        "--FileContentsManager.delete_to_trash=False",
    ]
    with _run(cmd, base=f"http://127.0.0.1:{port}", token=token, root=root,
              log=work / "jupyterlab.log", ready_path="api/status", env=_env()) as server:
        yield server


def voila_command(root: str | Path, port: int, token: str | None = None) -> list[str]:
    """The dashboard server (used by `make dashboard` and the Voila test)."""
    cmd = [
        str(BIN / "voila"), str(root), "--no-browser", "--Voila.ip=127.0.0.1",
        f"--port={port}", "--strip_sources=True", "--show_tracebacks=True",
        "--Voila.port_retries=0",
    ]
    if token:
        cmd.append(f"--Voila.token={token}")
    return cmd


@contextlib.contextmanager
def voila(work: Path) -> Iterator[Server]:
    root = copy_notebooks(work / "notebooks")
    port, token = free_port(), secrets.token_hex(24)
    with _run(voila_command(root, port, token), base=f"http://127.0.0.1:{port}",
              token=token, root=root, log=work / "voila.log", ready_path="voila/tree",
              env=_env()) as server:
        yield server
