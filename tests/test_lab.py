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
    args = line.split()[2:]  # drop $(BIN)/jupyter lab
    return [a for a in args if "$(" not in a and not a.startswith("--ServerApp.root_dir")
            and not a.endswith(".ipynb")]


@pytest.mark.slow
def test_lab_serves_start_notebook_on_loopback_with_token(tmp_path):
    args = _lab_command_from_makefile()
    assert "--ServerApp.ip=127.0.0.1" in args
    subprocess.run([sys.executable, "-m", "course_lib", "workspace", "--dir", str(tmp_path)],
                   check=True, capture_output=True)
    port, token = _free_port(), secrets.token_hex(16)
    cmd = [sys.executable, "-m", "jupyter", "lab", *args, f"--ServerApp.port={port}",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={tmp_path}",
           "--ServerApp.port_retries=0"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.25)
        else:
            pytest.fail("JupyterLab did not answer: " + (proc.stderr.read() if proc.poll() else ""))
        with urllib.request.urlopen(
            f"{base}/api/contents/00_start_here.ipynb?token={token}&content=0", timeout=5
        ) as r:
            info = json.load(r)
        assert info["type"] == "notebook"
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
