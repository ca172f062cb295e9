#!/usr/bin/env python3
"""Classroom load test: the course on JupyterHub with N simulated learners.

Run it with ``make classroom-test`` (``LEARNERS=10`` by default), or directly:

    .venv/bin/python classroom/run.py --learners 2

What it does, all on 127.0.0.1:

1. starts JupyterHub (``classroom/jupyterhub_config.py``) with the npm
   ``configurable-http-proxy``, a test authenticator, the local-process spawner and a
   service token made for this run; all state goes to ``build/classroom/run-<time>/``;
2. creates N learners and spawns their single-user servers at the same time;
3. each learner pulls the course into their own home folder with nbgitpuller, as a
   learner following a nbgitpuller link would. What they pull is the **hand-out**
   (``python -m course_lib handout``: the student edition, course_lib and data/), made
   into a one-commit git repository in the run folder, as a teacher would publish it;
   ``--course PATH`` pulls another git repository instead;
4. each learner runs every notebook in ``notebooks/`` of their copy, in order, through
   the server's REST API (a session per notebook) and the kernel websocket (one
   ``execute_request`` per code cell; a cell is done when its ``execute_reply`` and
   the iopub ``status: idle`` have both arrived). An ``error`` output or a reply whose
   status is not ``ok`` is a failure;
5. while that runs, it samples the unique memory (USS) of every learner's server and
   kernels;
6. stops everything it started by process id and checks that nothing is left;
7. with ``--record`` only (``make classroom-record``), stores the results by N in
   ``benchmarks/classroom.json`` and renders ``benchmarks/classroom.md`` from it; without
   it, nothing tracked changes (the result goes to the run folder's ``result.json``).

Every wait and loop is bounded by a count and a time limit. Exit status 0 means every
learner finished the course with no failure and no process was left behind.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path

import psutil
import requests
import websocket

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


# ----------------------------------------------------------------------- learner
class Learner:
    def __init__(self, hub: Hub, name: str, args: argparse.Namespace):
        self.hub = hub
        self.name = name
        self.args = args
        self.base = f"{hub.url}/user/{name}/"
        self.ws_base = f"ws://127.0.0.1:{hub.public_port}/user/{name}/"
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"token {hub.token}"
        self.session.trust_env = False
        self.server: psutil.Process | None = None
        self.kernels: dict[int, psutil.Process] = {}
        self.lock = threading.Lock()
        self.r: dict = {
            "learner": name,
            "spawn_s": None,
            "pull_s": None,
            "exec_s": None,
            "notebooks": [],
            "cells": 0,
            "failures": 0,
            "errors": [],
            "server_uss_idle_mb": None,
            "server_uss_peak_mb": None,
            "kernel_uss_peak_mb": None,
        }

    def fail(self, msg: str) -> None:
        with self.lock:
            self.r["failures"] += 1
            if len(self.r["errors"]) < 20:
                self.r["errors"].append(msg[:500])
        log(f"{self.name}: FAILURE {msg[:300]}")

    # -- 1. spawn
    def spawn(self, deadline: Deadline) -> None:
        t = time.monotonic()
        r = self.hub.api("POST", f"/users/{self.name}/server")
        if r.status_code not in (201, 202):
            raise RuntimeError(f"spawn request answered {r.status_code}: {r.text[:200]}")
        for _ in range(4000):  # 0.25 s apart, and the deadline
            model = self.hub.api("GET", f"/users/{self.name}").json()
            server = (model.get("servers") or {}).get("")
            if server and server.get("ready"):
                break
            if not server and not model.get("pending"):
                raise RuntimeError("server stopped while starting; see jupyterhub.log")
            deadline.check(f"spawning {self.name}")
            time.sleep(0.25)
        else:
            raise TimeoutError(f"{self.name}: server not ready")
        self.r["spawn_s"] = round(time.monotonic() - t, 2)
        self.server = self.find_server()
        log(
            f"{self.name}: server ready in {self.r['spawn_s']} s (pid {self.server.pid if self.server else '?'})"
        )

    def find_server(self) -> psutil.Process | None:
        for p in self.hub.descendants():
            try:
                if (
                    "jupyterhub.singleuser" in " ".join(p.cmdline())
                    and p.environ().get("JUPYTERHUB_USER") == self.name
                ):
                    return p
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                continue
        return None

    # -- 2. pull the course
    def pull(self, deadline: Deadline, repo_url: str, branch: str | None) -> None:
        t = time.monotonic()
        if self.args.pull == "nbgitpuller":
            self.pull_nbgitpuller(deadline, repo_url, branch)
        else:
            home = self.hub.run_dir / "home" / self.name
            cmd = ["git", "clone", "--quiet", "--depth", "1"]
            if branch:
                cmd += ["--branch", branch]
            subprocess.run(
                cmd + ["--", repo_url, str(home / COURSE_DIR)],
                check=True,
                capture_output=True,
                timeout=max(5, deadline.left()),
            )
        self.r["pull_s"] = round(time.monotonic() - t, 2)
        log(f"{self.name}: course pulled in {self.r['pull_s']} s ({self.args.pull})")

    def pull_nbgitpuller(self, deadline: Deadline, repo_url: str, branch: str | None) -> None:
        """The API behind a nbgitpuller link: an event stream that ends in 'finished'."""
        params = {"repo": repo_url, "targetpath": COURSE_DIR, "depth": "1"}
        if branch:
            params["branch"] = branch
        with self.session.get(
            self.base + "git-pull/api",
            params=params,
            stream=True,
            timeout=(10, max(5, deadline.left())),
        ) as r:
            r.raise_for_status()
            phase, lines = None, 0
            for line in r.iter_lines(decode_unicode=True):
                lines += 1
                if lines > 100_000:
                    raise RuntimeError("nbgitpuller: too much output")
                deadline.check(f"pulling the course for {self.name}")
                if not line or not line.startswith("data:"):
                    continue
                event = json.loads(line[5:])
                phase = event.get("phase")
                if phase == "error":
                    raise RuntimeError(f"nbgitpuller: {event.get('message')}")
                if phase == "finished":
                    return
            raise RuntimeError(f"nbgitpuller: stream ended in phase {phase!r}")

    # -- 3. run the course
    def notebooks(self) -> list[str]:
        r = self.session.get(self.base + f"api/contents/{COURSE_DIR}/notebooks", timeout=60)
        r.raise_for_status()
        return sorted(item["path"] for item in r.json()["content"] if item["type"] == "notebook")

    def run_course(self, deadline: Deadline) -> None:
        t = time.monotonic()
        paths = self.notebooks()
        if not paths:
            self.fail("no notebook found in the pulled course")
        for path in paths:
            deadline.check(f"running {path} for {self.name}")
            t_nb = time.monotonic()
            try:
                cells = self.run_notebook(path, deadline)
            except Exception as e:  # a broken connection or a time-out is a failure
                self.fail(f"{path}: {type(e).__name__}: {e}")
                cells = None
            self.r["notebooks"].append(
                {"path": path, "cells": cells, "seconds": round(time.monotonic() - t_nb, 2)}
            )
        self.r["exec_s"] = round(time.monotonic() - t, 2)
        log(f"{self.name}: course done in {self.r['exec_s']} s, {self.r['failures']} failure(s)")

    def msg(self, msg_type: str, content: dict, session_id: str) -> dict:
        return {
            "header": {
                "msg_id": uuid.uuid4().hex,
                "username": self.name,
                "session": session_id,
                "msg_type": msg_type,
                "version": "5.3",
                "date": dt.datetime.now(dt.timezone.utc).isoformat(),
            },
            "parent_header": {},
            "metadata": {},
            "content": content,
            "channel": "shell",
            "buffers": [],
        }

    def run_notebook(self, path: str, deadline: Deadline) -> int:
        r = self.session.get(
            self.base + "api/contents/" + path, params={"content": "1"}, timeout=60
        )
        r.raise_for_status()
        cells = [c for c in r.json()["content"]["cells"] if c["cell_type"] == "code"]
        r = self.session.post(
            self.base + "api/sessions",
            timeout=120,
            json={
                "path": path,
                "name": path.rsplit("/", 1)[-1],
                "type": "notebook",
                "kernel": {"name": "python3"},
            },
        )
        r.raise_for_status()
        sess = r.json()
        kernel_id = sess["kernel"]["id"]
        client_session = uuid.uuid4().hex
        ws = None
        try:
            ws = websocket.create_connection(
                self.ws_base + f"api/kernels/{kernel_id}/channels?session_id={client_session}",
                header=[f"Authorization: token {self.hub.token}"],
                timeout=10,
                suppress_origin=True,
            )
            self.wait_kernel_ready(ws, client_session, deadline)
            done = 0
            for cell in cells:
                source = (
                    "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                )
                ok, error = self.execute(ws, client_session, source, deadline)
                done += 1
                with self.lock:
                    self.r["cells"] += 1
                if not ok:
                    self.fail(f"{path} cell {done}: {error}")
                    break  # later cells depend on this one
            self.sample()  # the kernel at its fullest: every cell has run
            return done
        finally:
            if ws is not None:
                ws.close()
            self.session.delete(self.base + f"api/sessions/{sess['id']}", timeout=60)

    def recv(self, ws, deadline: Deadline, until: float) -> dict | None:
        """One JSON message from the websocket, or None when nothing came within 1 s."""
        if time.monotonic() > until:
            raise TimeoutError("cell time limit reached")
        deadline.check(f"waiting for a kernel of {self.name}")
        ws.settimeout(1)
        try:
            raw = ws.recv()
        except websocket.WebSocketTimeoutException:
            return None
        if isinstance(raw, bytes):  # a message with binary buffers (widgets): not ours
            return None
        return json.loads(raw)

    def wait_kernel_ready(self, ws, client_session: str, deadline: Deadline) -> None:
        until = time.monotonic() + self.args.cell_timeout
        for _attempt in range(30):  # a kernel_info_request every 10 s at most 30 times
            req = self.msg("kernel_info_request", {}, client_session)
            ws.send(json.dumps(req))
            tries_until = time.monotonic() + 10
            while time.monotonic() < tries_until:
                m = self.recv(ws, deadline, until)
                if (
                    m
                    and m.get("msg_type") == "kernel_info_reply"
                    and m["parent_header"].get("msg_id") == req["header"]["msg_id"]
                ):
                    return
        raise TimeoutError("kernel did not answer kernel_info_request")

    def execute(self, ws, client_session: str, code: str, deadline: Deadline) -> tuple[bool, str]:
        req = self.msg(
            "execute_request",
            {
                "code": code,
                "silent": False,
                "store_history": True,
                "user_expressions": {},
                "allow_stdin": False,
                "stop_on_error": True,
            },
            client_session,
        )
        ws.send(json.dumps(req))
        my_id = req["header"]["msg_id"]
        until = time.monotonic() + self.args.cell_timeout
        reply = idle = False
        errors: list[str] = []
        status = None
        for _ in range(10_000_000):  # bounded by count, and by `until` in recv()
            if reply and idle:
                break
            m = self.recv(ws, deadline, until)
            if not m or m.get("parent_header", {}).get("msg_id") != my_id:
                continue
            kind = m.get("msg_type")
            if kind == "execute_reply":
                reply = True
                status = m["content"].get("status")
            elif kind == "status" and m["content"].get("execution_state") == "idle":
                idle = True
            elif kind == "error":
                c = m["content"]
                errors.append(f"{c.get('ename')}: {c.get('evalue')}")
        if status != "ok" or errors:
            return False, f"status={status} " + "; ".join(errors)
        return True, ""

    # -- memory
    def sample(self) -> None:
        if self.server is None:
            return
        s = uss_mb(self.server)
        if s is not None:
            self.r["server_uss_peak_mb"] = max(self.r["server_uss_peak_mb"] or 0, s)
        try:
            children = self.server.children(recursive=True)
        except psutil.NoSuchProcess:
            return
        total = 0.0
        for p in children:
            with self.lock:
                self.kernels.setdefault(p.pid, p)  # every child is stopped at the end
            try:
                if "ipykernel" not in " ".join(p.cmdline()):
                    continue  # e.g. git while the course is pulled
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                continue
            k = uss_mb(p)
            if k is not None:
                total += k
        if total:
            self.r["kernel_uss_peak_mb"] = max(self.r["kernel_uss_peak_mb"] or 0, total)

    def stop(self, deadline: Deadline) -> None:
        try:
            self.hub.api("DELETE", f"/users/{self.name}/server", timeout=60)
            for _ in range(240):
                model = self.hub.api("GET", f"/users/{self.name}", timeout=30).json()
                if not model.get("servers") and not model.get("pending"):
                    return
                if deadline.left() <= 0:
                    return
                time.sleep(0.25)
        except requests.RequestException as e:
            log(f"{self.name}: could not stop through the hub ({e}); will stop by pid")


class Sampler(threading.Thread):
    """Samples USS of every learner's server and kernels, and the machine's used memory."""

    def __init__(self, learners: list[Learner], hub: Hub, interval: float, max_seconds: float):
        super().__init__(daemon=True)
        self.learners, self.hub, self.interval = learners, hub, interval
        self.max_samples = int(max_seconds / interval) + 1
        self.stop_event = threading.Event()
        self.samples = 0
        self.used_peak_mb = 0.0
        self.hub_uss_peak_mb = 0.0
        self.proxy_uss_peak_mb = 0.0
        self.proxies: dict[int, psutil.Process] = {}

    def run(self) -> None:
        while not self.stop_event.is_set() and self.samples < self.max_samples:
            self.once()
            self.stop_event.wait(self.interval)

    def once(self) -> None:
        self.samples += 1
        for learner in self.learners:
            learner.sample()
        vm = psutil.virtual_memory()
        self.used_peak_mb = max(self.used_peak_mb, (vm.total - vm.available) / MB)
        if self.hub.ps is not None:
            self.hub_uss_peak_mb = max(self.hub_uss_peak_mb, uss_mb(self.hub.ps) or 0)
        for p in self.hub.descendants():
            try:
                if "configurable-http-proxy" in " ".join(p.cmdline()):
                    self.proxies.setdefault(p.pid, p)
                    self.proxy_uss_peak_mb = max(self.proxy_uss_peak_mb, uss_mb(p) or 0)
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                continue


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


def shutdown(hub: Hub, learners: list[Learner], sampler: Sampler | None) -> dict:
    log("stopping everything this run started")
    known: dict[int, psutil.Process] = {}
    deadline = Deadline(120)
    if hub.proc is not None and hub.proc.poll() is None:
        with ThreadPoolExecutor(max_workers=max(1, len(learners))) as pool:
            list(pool.map(lambda lr: lr.stop(deadline), learners))
    for lr in learners:
        if lr.server is not None:
            known[lr.server.pid] = lr.server
        known.update(lr.kernels)
    if sampler is not None:
        known.update(sampler.proxies)
    for p in hub.descendants():
        known.setdefault(p.pid, p)
    # the hub stops the proxy it started when it gets SIGTERM
    if hub.proc is not None:
        if hub.proc.poll() is None:
            hub.proc.send_signal(signal.SIGTERM)
            try:
                hub.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                hub.proc.kill()
                hub.proc.wait(timeout=30)
    signalled = stop_processes(list(known.values()))
    left = processes_under(hub.run_dir)
    if left:
        log(
            "left over after shutdown: "
            + ", ".join(f"{p.pid} {p.info.get('cmdline')}" for p in left)
        )
        stop_processes(left)
    remaining = processes_under(hub.run_dir)
    log(
        f"tracked {len(known) + 1} processes (hub, proxy, servers, kernels, helpers); "
        f"{signalled} still ran after the hub stopped and were stopped by pid; "
        f"scan of the run folder: {len(left)} left over, {len(remaining)} remain"
    )
    return {
        "processes_tracked": len(known) + 1,
        "stopped_by_pid_after_hub": signalled,
        "left_over_found": len(left),
        "left_over_remaining": len(remaining),
    }


# ---------------------------------------------------------------------- results
def machine_info() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "cpu": cpu,
        "os": platform.platform(),
        "python": platform.python_version(),
    }


def versions() -> dict:
    out = {}
    for name in [
        "jupyterhub",
        "jupyter_server",
        "jupyterlab",
        "ipykernel",
        "nbgitpuller",
        "pandas",
        "numpy",
        "matplotlib",
        "ipywidgets",
    ]:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    try:
        out["configurable-http-proxy"] = subprocess.run(
            [str(PROXY_CMD), "--version"], capture_output=True, text=True, timeout=30
        ).stdout.strip()
        out["node"] = subprocess.run(
            ["node", "--version"], capture_output=True, text=True, timeout=30
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return out


def median(values: list) -> float | None:
    vals = [v for v in values if v is not None]
    return round(statistics.median(vals), 1) if vals else None


def summarise(learners: list[Learner]) -> dict:
    rows = [lr.r for lr in learners]
    for r in rows:
        for k in ("server_uss_idle_mb", "server_uss_peak_mb", "kernel_uss_peak_mb"):
            if r[k] is not None:
                r[k] = round(r[k], 1)
        if r["server_uss_peak_mb"] is not None and r["kernel_uss_peak_mb"] is not None:
            r["learner_uss_peak_mb"] = round(r["server_uss_peak_mb"] + r["kernel_uss_peak_mb"], 1)
        else:
            r["learner_uss_peak_mb"] = None
    return {
        k: median([r[k] for r in rows])
        for k in (
            "spawn_s",
            "pull_s",
            "exec_s",
            "server_uss_idle_mb",
            "server_uss_peak_mb",
            "kernel_uss_peak_mb",
            "learner_uss_peak_mb",
        )
    }


class _Blank(dict):
    """A record read back from classroom.json: a field an older run lacks reads as None."""

    def __missing__(self, key):
        return None


def _blank(run: dict) -> dict:
    run = _Blank(run)
    for key in ("medians", "totals", "machine", "versions"):
        run[key] = _Blank(run[key] or {})
    run["per_learner"] = [_Blank(r) for r in run["per_learner"] or []]
    for key, default in (("notebooks", []), ("date", "")):
        run[key] = run[key] or default
    return run


def render_md(data: dict) -> str:
    runs = [_blank(data["runs"][k]) for k in sorted(data["runs"], key=int)]
    out = [
        "# Classroom load test: the course on JupyterHub",
        "",
        "Written by `make classroom-test` (`classroom/run.py`) from `benchmarks/classroom.json`,",
        "which keeps the most recent run for each number of learners. Every learner gets a",
        "single-user server from JupyterHub (local-process spawner, all on 127.0.0.1), pulls the",
        "course (the hand-out, student edition, since December 2026) into their home folder",
        "with nbgitpuller and runs every notebook, cell by cell,",
        "through the REST API and the kernel websocket; all learners do this at the same time.",
        "",
        "Memory is USS (unique set size: memory that goes away when the process ends), the",
        "highest value sampled while the learners ran the course. *Server* is the learner's",
        "single-user Jupyter server, *kernel* the Python kernel running a notebook (one at a",
        "time per learner; a learner who keeps several notebooks open has several kernels).",
        "",
        "## How it grows with the number of learners",
        "",
        "| learners | failures | spawn s (median) | spawn all s | course s (median) | course all s "
        "| server MB | kernel MB | per learner MB | machine used MB (peak, above idle) | date |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for run in runs:
        m, t = run["medians"], run["totals"]
        out.append(
            f"| {run['learners']} | {t['failures']} | {m['spawn_s']} | {t['spawn_wall_s']} "
            f"| {m['exec_s']} | {t['exec_wall_s']} | {m['server_uss_peak_mb']} "
            f"| {m['kernel_uss_peak_mb']} | {m['learner_uss_peak_mb']} "
            f"| {t['machine_used_above_idle_mb']} | {run['date'][:10]} |"
        )
    out += ["", "Server, kernel and per-learner memory are medians over the learners."]
    for run in runs:
        mi, v = run["machine"], run["versions"]
        out += [
            "",
            f"## {run['learners']} learners",
            "",
            f"- date: {run['date']}; course commit {run['source_commit'] or run['course_commit']}; "
            f"pulled with "
            f"{run['pull_method']}; edition: {run['edition'] or 'instructor (notebooks/)'}; "
            f"notebooks: {', '.join(run['notebooks']) or 'none'}",
            f"- machine: {mi['cores']} cores, {mi['memory_gib']} GiB, {mi['cpu'] or 'cpu unknown'}; "
            f"{mi['os']}; Python {mi['python']}",
            "- versions: " + ", ".join(f"{k} {val}" for k, val in v.items() if val),
            "",
            "| learner | spawn s | pull s | course s | cells | failures | server MB (idle) "
            "| server MB (peak) | kernel MB (peak) | learner MB |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in run["per_learner"]:
            out.append(
                f"| {r['learner']} | {r['spawn_s']} | {r['pull_s']} | {r['exec_s']} | {r['cells']} "
                f"| {r['failures']} | {r['server_uss_idle_mb']} | {r['server_uss_peak_mb']} "
                f"| {r['kernel_uss_peak_mb']} | {r['learner_uss_peak_mb']} |"
            )
        m, t = run["medians"], run["totals"]
        out.append(
            f"| **median** | {m['spawn_s']} | {m['pull_s']} | {m['exec_s']} | | "
            f"| {m['server_uss_idle_mb']} | {m['server_uss_peak_mb']} | {m['kernel_uss_peak_mb']} "
            f"| {m['learner_uss_peak_mb']} |"
        )
        out += [
            "",
            f"Totals: {t['failures']} failure(s) in {t['cells']} cells; wall time {t['total_wall_s']} s "
            f"(hub start {t['hub_start_s']} s, spawning {t['spawn_wall_s']} s, pulling "
            f"{t['pull_wall_s']} s, running the course {t['exec_wall_s']} s); machine memory in use "
            f"{t['machine_used_idle_mb']} MB before the hub started, {t['machine_used_peak_mb']} MB "
            f"at the peak ({t['machine_used_above_idle_mb']} MB above idle); hub {t['hub_uss_peak_mb']} MB "
            f"and proxy {t['proxy_uss_peak_mb']} MB USS; {t['processes_tracked']} processes tracked "
            f"by pid, {t['left_over_remaining']} left over at the end.",
        ]
        errors = [f"{r['learner']}: {e}" for r in run["per_learner"] for e in r["errors"] or []]
        if errors:
            out += ["", "Failures:", ""] + [f"- {e}" for e in errors[:30]]
    return "\n".join(out) + "\n"


def record(result: dict) -> None:
    data = {"runs": {}}
    if BENCH_JSON.exists():
        try:
            data = json.loads(BENCH_JSON.read_text(encoding="utf-8"))
        except ValueError:
            pass
    data.setdefault("runs", {})[str(result["learners"])] = result
    BENCH_JSON.parent.mkdir(parents=True, exist_ok=True)
    BENCH_JSON.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    BENCH_MD.write_text(render_md(data), encoding="utf-8")
    log(f"wrote {BENCH_JSON.relative_to(REPO)} and {BENCH_MD.relative_to(REPO)}")


def handout_repo(folder: Path) -> Path:
    """The hand-out (student edition) as a one-commit git repository in ``folder``."""
    sys.path.insert(0, str(REPO))
    from course_lib.handout import build_handout

    build_handout(folder)
    git("init", "--quiet", "--initial-branch=main", cwd=folder)
    git("add", "--all", cwd=folder)
    git("-c", "user.name=classroom", "-c", "user.email=classroom@localhost", "commit",
        "--quiet", "-m", "hand-out", cwd=folder)
    return folder


# ------------------------------------------------------------------------- main
def phase(learners: list[Learner], fn, what: str) -> float:
    """Run fn(learner) for all learners at once; a learner whose step raises gets a failure."""
    t = time.monotonic()

    def one(lr: Learner):
        try:
            fn(lr)
            return True
        except Exception as e:
            lr.fail(f"{what}: {type(e).__name__}: {e}")
            return False

    with ThreadPoolExecutor(max_workers=len(learners)) as pool:
        oks = list(pool.map(one, learners))
    log(f"{what}: {sum(oks)}/{len(learners)} learners in {time.monotonic() - t:.1f} s")
    return round(time.monotonic() - t, 2)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--learners", type=int, default=10)
    ap.add_argument("--timeout", type=float, default=1800, help="limit for the whole run, s")
    ap.add_argument("--cell-timeout", type=float, default=600, help="limit for one cell, s")
    ap.add_argument(
        "--start-timeout", type=int, default=240, help="limit for one server to start, s"
    )
    ap.add_argument(
        "--course",
        type=Path,
        default=None,
        help="git repository the learners pull (default: the hand-out of this course, "
        "student edition, built for the run)",
    )
    ap.add_argument("--interval", type=float, default=0.5, help="memory sampling interval, s")
    ap.add_argument(
        "--pull",
        choices=["nbgitpuller", "git"],
        default="nbgitpuller",
        help="how learners get the course: nbgitpuller (the default) or a plain git clone",
    )
    ap.add_argument("--record", action="store_true",
                    help="write benchmarks/classroom.json and .md (tracked files); "
                    "without it the result goes only to the run folder")
    ap.add_argument(
        "--keep", action="store_true", help="keep the learners' homes after a clean run"
    )
    args = ap.parse_args(argv)
    if not 1 <= args.learners <= 100:
        ap.error("--learners must be between 1 and 100")
    if not PROXY_CMD.exists():
        print(
            f"{PROXY_CMD} is missing: run `make classroom-test`, or "
            "`npm install --prefix build/classroom configurable-http-proxy@5`",
            file=sys.stderr,
        )
        return 2

    def on_sigterm(signum, frame):  # stop what we started, as on Ctrl-C
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, on_sigterm)
    deadline = Deadline(args.timeout)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    run_dir = BUILD / f"run-{stamp}-{args.learners}"
    (run_dir / "home").mkdir(parents=True, exist_ok=False)
    if args.course is None:
        course, edition = handout_repo(run_dir / "handout"), "student (hand-out)"
    else:
        course, edition = args.course.resolve(), "as in --course"
    commit = git("rev-parse", "--short", "HEAD", cwd=course)
    branch = git("rev-parse", "--abbrev-ref", "HEAD", cwd=course)
    branch = None if branch == "HEAD" else branch  # detached: nbgitpuller takes the default
    repo_url = course.as_uri()  # file://: a real (shallow) clone, as from a remote
    log(
        f"{args.learners} learners; course {repo_url} at {commit} ({branch or 'detached'}); "
        f"run folder {run_dir.relative_to(REPO)}"
    )

    vm = psutil.virtual_memory()
    used_idle_mb = (vm.total - vm.available) / MB
    hub = Hub(run_dir, args.start_timeout)
    learners = [Learner(hub, f"learner{i:02d}", args) for i in range(1, args.learners + 1)]
    sampler = None
    totals: dict = {}
    t_all = time.monotonic()
    ok_run = False
    try:
        t = time.monotonic()
        hub.start(deadline)
        totals["hub_start_s"] = round(time.monotonic() - t, 2)
        log(f"JupyterHub answers on {hub.url} after {totals['hub_start_s']} s")
        r = hub.api("POST", "/users", json={"usernames": [lr.name for lr in learners]})
        if r.status_code != 201:
            raise RuntimeError(f"creating users answered {r.status_code}: {r.text[:200]}")

        sampler = Sampler(learners, hub, args.interval, args.timeout)
        sampler.start()
        totals["spawn_wall_s"] = phase(learners, lambda lr: lr.spawn(deadline), "spawn")
        for lr in learners:
            if lr.server is not None:
                lr.r["server_uss_idle_mb"] = uss_mb(lr.server)
        ready = [lr for lr in learners if lr.server is not None]
        totals["pull_wall_s"] = (
            phase(ready, lambda lr: lr.pull(deadline, repo_url, branch), "pull") if ready else 0
        )
        pulled = [lr for lr in ready if lr.r["pull_s"] is not None]
        totals["exec_wall_s"] = (
            phase(pulled, lambda lr: lr.run_course(deadline), "run the course") if pulled else 0
        )
        ok_run = len(pulled) == len(learners)
    except Exception as e:
        log(f"run aborted: {type(e).__name__}: {e}")
        print(hub.tail(), flush=True)
        for lr in learners:
            if lr.r["exec_s"] is None and not lr.r["failures"]:
                lr.fail(f"run aborted: {type(e).__name__}: {e}")
    finally:
        if sampler is not None:
            sampler.stop_event.set()
            sampler.join(timeout=30)
        cleanup = shutdown(hub, learners, sampler)

    totals.update(cleanup)
    totals["total_wall_s"] = round(time.monotonic() - t_all, 2)
    totals["failures"] = sum(lr.r["failures"] for lr in learners)
    totals["cells"] = sum(lr.r["cells"] for lr in learners)
    totals["machine_used_idle_mb"] = round(used_idle_mb)
    totals["machine_used_peak_mb"] = round(sampler.used_peak_mb) if sampler else None
    totals["machine_used_above_idle_mb"] = (
        round(sampler.used_peak_mb - used_idle_mb) if sampler else None
    )
    totals["hub_uss_peak_mb"] = round(sampler.hub_uss_peak_mb, 1) if sampler else None
    totals["proxy_uss_peak_mb"] = round(sampler.proxy_uss_peak_mb, 1) if sampler else None
    totals["memory_samples"] = sampler.samples if sampler else 0
    for k in ("spawn_wall_s", "pull_wall_s", "exec_wall_s", "hub_start_s"):
        totals.setdefault(k, None)
    medians = summarise(learners)
    notebooks = sorted(
        {nb["path"].rsplit("/", 1)[-1] for lr in learners for nb in lr.r["notebooks"]}
    )
    result = {
        "learners": args.learners,
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "course_commit": commit,
        "source_commit": git("rev-parse", "--short", "HEAD", cwd=REPO),
        "pull_method": args.pull,
        "edition": edition,
        "notebooks": notebooks,
        "machine": machine_info(),
        "versions": versions(),
        "medians": medians,
        "totals": totals,
        "per_learner": [lr.r for lr in learners],
    }
    passed = ok_run and totals["failures"] == 0 and totals["left_over_remaining"] == 0
    print(json.dumps({"learners": args.learners, "medians": medians, "totals": totals}, indent=2))
    (run_dir / "result.json").write_text(json.dumps(result, indent=2, sort_keys=True) + "\n",
                                         encoding="utf-8")
    if args.record:
        record(result)
    else:
        log(f"result in {(run_dir / 'result.json').relative_to(REPO)} (--record writes benchmarks/)")
    if passed and not args.keep:
        shutil.rmtree(run_dir / "home", ignore_errors=True)
    log(
        ("PASSED" if passed else "FAILED") + f": {args.learners} learners, "
        f"{totals['failures']} failure(s), {totals['left_over_remaining']} process(es) left over"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
