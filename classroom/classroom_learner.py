"""One simulated learner of the classroom load test: spawn a server, pull the course,
run every notebook through the REST API and the kernel websocket, sample memory
(see ``classroom/run.py``)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import threading
import time
import uuid

import psutil
import requests
import websocket

from classroom_hub import COURSE_DIR, Deadline, Hub, log, uss_mb


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
