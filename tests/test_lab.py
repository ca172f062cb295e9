"""`make lab`'s server: listens on 127.0.0.1 only, needs its token, serves the start
notebook. The test starts JupyterLab exactly as the Makefile does."""

from __future__ import annotations

import json
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _lab_command_from_makefile() -> list[str]:
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    block = re.search(r"^lab:.*?\n((?:\t.*\n)+)", text, re.M).group(1)
    joined = block.replace("\\\n", " ")
    line = [ln for ln in joined.splitlines() if "jupyter lab" in ln][0].strip()
    return line.split()[2:]  # drop $(BIN)/jupyter lab


def _as_makefile_runs_it(args: list[str], workspace: Path, port: int, token: str) -> list[str]:
    """The Makefile's arguments as written, with the workspace folder moved to a temporary
    one and our own port and token (the notebook to open stays: a wrong path there makes
    the server exit, which is how `make lab` once failed while this test passed)."""
    out = []
    for a in args:
        if a.startswith("--ServerApp.root_dir="):
            out.append(f"--ServerApp.root_dir={workspace}")
            continue
        if "$(" in a:
            continue  # --ServerApp.port=$(PORT), $(LAB_BROWSER): ours below
        elif a.endswith(".ipynb"):
            a = str(workspace / Path(a).name) if a.startswith("workspace/") else a
        out.append(a)
    return out + ["--no-browser", f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
                  "--ServerApp.port_retries=0"]


def _tail(log) -> str:
    log.seek(0)
    return log.read()[-2000:]


@pytest.mark.slow
def test_lab_serves_start_notebook_on_loopback_with_token(tmp_path):
    args = _lab_command_from_makefile()
    assert "--ServerApp.ip=127.0.0.1" in args
    subprocess.run([sys.executable, "-m", "course_lib", "workspace", "--dir", str(tmp_path)],
                   check=True, capture_output=True)
    assert any(a.endswith("00_start_here.ipynb") for a in args), args
    port, token = _free_port(), secrets.token_hex(16)
    cmd = [sys.executable, "-m", "jupyter", "lab",
           *_as_makefile_runs_it(args, tmp_path, port, token)]
    log = open(tmp_path / "server.log", "w+", encoding="utf-8")  # noqa: SIM115
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log, text=True, cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            if proc.poll() is not None:
                pytest.fail("JupyterLab exited: " + _tail(log))
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.25)
        else:
            pytest.fail("JupyterLab did not answer: " + _tail(log))
        with urllib.request.urlopen(
            f"{base}/api/contents/00_start_here.ipynb?token={token}&content=0", timeout=5
        ) as r:
            info = json.load(r)
        assert info["type"] == "notebook"
        # the address the server prints opens the start notebook, not the Launcher
        log.seek(0)
        printed = re.findall(r"http://127\.0\.0\.1:\d+/\S+", log.read())
        assert printed and all(u.startswith(f"{base}/lab/tree/00_start_here.ipynb?token=")
                               for u in printed), printed
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"{base}/api/contents?token=wrong", timeout=5)
        assert err.value.code == 403
        # bound to loopback only: the port is not open on another local address
        out = subprocess.run(["ss", "-ltn"], capture_output=True, text=True).stdout if \
            subprocess.run(["which", "ss"], capture_output=True).returncode == 0 else ""
        for line in out.splitlines():
            if f":{port} " in line:
                assert "127.0.0.1" in line, line
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_make_lab_opens_a_browser_unless_asked_not_to():
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "BROWSER ?= yes" in text
    assert re.search(r"LAB_BROWSER := \$\(if \$\(filter no,\$\(BROWSER\)\),--no-browser,\)", text)
    assert "--no-browser" not in re.search(r"^lab:.*?\n((?:\t.*\n)+)", text, re.M).group(1)


def test_lab_workspace_is_the_student_edition():
    block = re.search(r"^lab:.*?\n((?:\t.*\n)+)", (REPO / "Makefile").read_text(encoding="utf-8"),
                      re.M).group(1)
    assert "course_lib workspace --edition $(EDITION)" in block
    assert re.search(r"^EDITION \?= student$", (REPO / "Makefile").read_text(encoding="utf-8"),
                     re.M)
