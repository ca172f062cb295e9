"""The classroom load test's shared pieces: paths, the log, time limits, JupyterHub
itself, and stopping processes by id (see ``classroom/run.py``)."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import requests

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BUILD = REPO / "build" / "classroom"
PROXY_CMD = BUILD / "node_modules" / ".bin" / "configurable-http-proxy"
CONFIG = HERE / "jupyterhub_config.py"
BENCH_JSON = REPO / "benchmarks" / "classroom.json"
BENCH_MD = REPO / "benchmarks" / "classroom.md"
COURSE_DIR = "sco-course"  # the folder each learner's copy of the course lands in
MB = 1024 * 1024
T0 = time.monotonic()
_LOG_LOCK = threading.Lock()


def log(msg: str) -> None:
    with _LOG_LOCK:
        print(f"[{time.monotonic() - T0:7.1f}s] {msg}", flush=True)


class Deadline:
    """A point in time that every loop of the run checks."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return self.end - time.monotonic()

    def check(self, what: str) -> None:
        if self.left() <= 0:
            raise TimeoutError(f"time limit reached while {what}")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def uss_mb(proc: psutil.Process) -> float | None:
    try:
        return proc.memory_full_info().uss / MB
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return None


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True, timeout=120
    ).stdout.strip()


# --------------------------------------------------------------------------- hub
class Hub:
    def __init__(self, run_dir: Path, start_timeout: int):
        self.run_dir = run_dir
        self.public_port = free_port()
        self.hub_port = free_port()
        self.proxy_api_port = free_port()
        self.token = secrets.token_hex(32)  # the service token, new for every run
        self.url = f"http://127.0.0.1:{self.public_port}"
        self.start_timeout = start_timeout
        self.proc: subprocess.Popen | None = None
        self.ps: psutil.Process | None = None
        self.log_path = run_dir / "jupyterhub.log"
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"token {self.token}"
        self.session.trust_env = False  # never go through a proxy from the environment

    def start(self, deadline: Deadline) -> None:
        env = dict(os.environ)
        env.update(
            CLASSROOM_RUN_DIR=str(self.run_dir),
            CLASSROOM_PUBLIC_PORT=str(self.public_port),
            CLASSROOM_HUB_PORT=str(self.hub_port),
            CLASSROOM_PROXY_API_PORT=str(self.proxy_api_port),
            CLASSROOM_PROXY_CMD=str(PROXY_CMD),
            CLASSROOM_PROXY_TOKEN=secrets.token_hex(32),
            CLASSROOM_SERVICE_TOKEN=self.token,
            CLASSROOM_START_TIMEOUT=str(self.start_timeout),
        )
        # node (for the proxy) and the venv's scripts must be on PATH
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        logf = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)],
            cwd=self.run_dir,
            env=env,
            stdout=logf,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        logf.close()
        self.ps = psutil.Process(self.proc.pid)
        for _ in range(600):  # at most 600 tries, 0.25 s apart, and the deadline
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"JupyterHub exited with {self.proc.returncode}; see {self.log_path}"
                )
            try:
                r = self.session.get(self.url + "/hub/api/", timeout=5)
                if r.status_code == 200:
                    return
            except requests.RequestException:
                pass
            deadline.check("waiting for JupyterHub to answer")
            time.sleep(0.25)
        raise TimeoutError("JupyterHub did not answer")

    def api(self, method: str, path: str, **kw) -> requests.Response:
        kw.setdefault("timeout", 60)
        return self.session.request(method, self.url + "/hub/api" + path, **kw)

    def descendants(self) -> list[psutil.Process]:
        if self.ps is None:
            return []
        try:
            return self.ps.children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""



# ---------------------------------------------------------------------- cleanup
def stop_processes(procs: list[psutil.Process], grace: float = 10) -> int:
    """Terminate, then kill, exactly these processes (psutil checks each is still the same).

    Returns how many were still running and had to be signalled."""
    alive = []
    for p in procs:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                p.terminate()
                alive.append(p)
        except psutil.NoSuchProcess:
            pass
    _, still = psutil.wait_procs(alive, timeout=grace)
    for p in still:
        try:
            p.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(still, timeout=grace)
    return len(alive)


def processes_under(run_dir: Path) -> list[psutil.Process]:
    """Processes whose working folder or command line lies in this run's folder."""
    found = []
    key = str(run_dir)
    me = os.getpid()
    for p in psutil.process_iter(["pid", "cwd", "cmdline"]):
        if p.info["pid"] == me:
            continue
        cwd = p.info.get("cwd") or ""
        cmd = " ".join(p.info.get("cmdline") or [])
        if cwd.startswith(key) or key in cmd:
            try:
                if p.status() != psutil.STATUS_ZOMBIE:
                    found.append(p)
            except psutil.NoSuchProcess:
                pass
    return found
