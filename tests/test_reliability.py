"""Reliability of the whole course, run as a learner would (cwd = notebooks/):

* every notebook run twice gives identical text outputs (numbers, tables, Markdown);
* the kernel has no network: anything but loopback is refused, and the course still runs;
* after running the course the repository is unchanged (``git status --porcelain``).

Each notebook is executed twice with nbclient in a kernel whose ``sitecustomize``
refuses every non-loopback connection.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from course_lib.runner import course_notebooks

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = course_notebooks()

NO_NETWORK = textwrap.dedent(
    '''
    """Installed by tests/test_reliability.py: refuse every non-loopback connection."""
    import ipaddress, socket

    class NetworkBlocked(OSError):
        pass

    def _allowed(address):
        host = address[0] if isinstance(address, tuple) else address
        if not isinstance(host, str):
            return True
        if host in ("localhost", ""):
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False  # a host name other than localhost: would need DNS

    _connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _allowed(address):
            raise NetworkBlocked(f"network access blocked in the course kernel: {address!r}")
        return _connect(self, address)

    def connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _allowed(address):
            raise NetworkBlocked(f"network access blocked in the course kernel: {address!r}")
        return _connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if host not in (None, "localhost") and not _allowed((host,)):
            raise NetworkBlocked(f"name lookup blocked in the course kernel: {host!r}")
        return _getaddrinfo(host, *args, **kwargs)

    _getaddrinfo = socket.getaddrinfo
    socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
    socket.getaddrinfo = getaddrinfo
    '''
)

VOLATILE = [
    (re.compile(r"\b0x[0-9a-fA-F]+"), "0xADDR"),
    (re.compile(r"[0-9a-f]{32}"), "MODELID"),
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"), "UUID"),
]
TEXT_TYPES = ("text/plain", "text/markdown", "text/html", "text/latex")


@pytest.fixture(scope="module")
def offline_env(tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    (folder / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), env.get("PYTHONPATH")]))
    return env


def _git_status() -> str:
    res = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=REPO,
                         capture_output=True, text=True)
    if res.returncode != 0:
        pytest.skip("not a git checkout: cannot compare the repository's state")
    return res.stdout


def _execute(path: Path, env: dict) -> nbformat.NotebookNode:
    nb = nbformat.read(str(path), as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    # nbclient passes extra keyword arguments to the kernel manager's start_kernel
    client.execute(env=env)
    return nb


def _text_outputs(nb) -> list[str]:
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for o in cell.get("outputs", []):
            if o.output_type == "stream":
                if o.name == "stderr":
                    continue  # warnings and progress bars are not results
                text = o.text
            elif o.output_type in ("execute_result", "display_data"):
                text = "\n".join(str(o.data[t]) for t in TEXT_TYPES if t in o.data)
            elif o.output_type == "error":
                text = f"ERROR {o.ename}: {o.evalue}"
            else:
                continue
            for rx, rep in VOLATILE:
                text = rx.sub(rep, text)
            out.append(f"[cell {i}] {text}")
    return out


def test_the_block_really_blocks(offline_env):
    code = ("import urllib.request\n"
            "try:\n urllib.request.urlopen('http://192.0.2.1/', timeout=2)\n"
            "except OSError as e:\n print('BLOCKED' if 'blocked' in str(e) else 'OTHER', e)\n")
    res = subprocess.run([sys.executable, "-c", code], env=offline_env, capture_output=True,
                         text=True, timeout=60)
    assert "BLOCKED" in res.stdout, res.stdout + res.stderr


def test_the_kernel_is_offline(offline_env, tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 80), timeout=2)\n"
        "    print('CONNECTED')\nexcept OSError as e:\n    print('BLOCKED' if 'blocked' in str(e) else e)"
    )])
    path = tmp_path / "probe.ipynb"
    nbformat.write(nb, str(path))
    ran = _execute(path, offline_env)
    assert ran.cells[0].outputs[0].text.strip() == "BLOCKED"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_deterministic_offline_and_leaves_repo_unchanged(path, offline_env):
    before = _git_status()
    first = _execute(path, offline_env)
    second = _execute(path, offline_env)
    errors = [o for c in first.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.output_type == "error"]
    assert not errors, f"{errors[0].ename}: {errors[0].evalue}"
    a, b = _text_outputs(first), _text_outputs(second)
    assert a, "no text outputs at all"
    diffs = [(x, y) for x, y in zip(a, b) if x != y]
    assert len(a) == len(b) and not diffs, f"outputs differ between runs: {diffs[:2]}"
    assert _git_status() == before, "running the notebook changed the repository"
