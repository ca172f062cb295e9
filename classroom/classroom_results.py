"""The classroom load test's memory sampler, shutdown and results (``result.json``,
and with ``--record`` ``benchmarks/classroom.json`` and ``.md``; see ``classroom/run.py``)."""

from __future__ import annotations

import json
import os
import platform
import signal
import statistics
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path

import psutil

from classroom_hub import (BENCH_JSON, BENCH_MD, MB, PROXY_CMD, REPO, Deadline, Hub, log,
                           processes_under, stop_processes, uss_mb)
from classroom_learner import Learner


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
