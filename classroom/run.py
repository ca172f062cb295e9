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
import shutil
import signal
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil

from classroom_hub import BUILD, MB, PROXY_CMD, REPO, Deadline, Hub, git, log, uss_mb
from classroom_learner import Learner
from classroom_results import Sampler, machine_info, record, shutdown, summarise, versions


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
