"""SLOW (`make test-handout`, not in `make test`): the hand-out installs into a fresh
virtual environment from the package index, following its own README, and its notebooks
(student edition) run under nbval there; solution() works from the hand-out's file; the
README's lab command prints an address that opens the start notebook."""

from __future__ import annotations

import re
import secrets
import signal
import subprocess
import time

from course_lib.handout import build_handout

from .helpers import dir_mb, readme_commands, run_nbval, run_readme_line, venv_python


def test_handout_installs_from_its_readme_and_runs(tmp_path):
    handout = build_handout(tmp_path / "sco-course")
    print(f"\nhand-out: {dir_mb(handout):.1f} MB")
    lines = readme_commands(handout)
    install = next(ln for ln in lines if ln.startswith("python -m venv") and "--no-index" not in ln)
    seconds = run_readme_line(install, handout)
    print(f"install from the package index: {seconds:.0f} s")
    py = str(venv_python(handout))
    where = subprocess.run([py, "-c", "import course_lib, sys; print(course_lib.__file__); "
                            "from course_lib.exercises import solution; "
                            "s = solution('00_warmup_sum'); print(s.found)"],
                           capture_output=True, text=True, check=True, cwd=tmp_path).stdout.split()
    assert where[0].startswith(str(handout)), where
    assert where[1] == "True"
    notebooks = sorted(str(p.relative_to(handout)) for p in (handout / "notebooks").glob("*.ipynb"))
    print("nbval:", run_nbval(handout, notebooks, extra_pip=["pytest", "nbval"]))

    lab = next(ln for ln in lines if "jupyter lab" in ln)
    token = secrets.token_hex(8)
    cmd = lab.split() + ["--no-browser", "--ServerApp.port=0", "--ServerApp.ip=127.0.0.1",
                         f"--IdentityProvider.token={token}", "--ServerApp.allow_root=True"]
    log = open(tmp_path / "lab.log", "w+", encoding="utf-8")  # noqa: SIM115
    proc = subprocess.Popen(cmd, cwd=handout, stdout=subprocess.DEVNULL, stderr=log)
    try:
        for _ in range(120):
            log.seek(0)
            urls = re.findall(r"http://127\.0\.0\.1:\d+/\S+", log.read())
            if urls or proc.poll() is not None:
                break
            time.sleep(0.25)
        assert urls, "JupyterLab printed no address"
        assert "/lab/tree/notebooks/00_start_here.ipynb?token=" in urls[0], urls
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
