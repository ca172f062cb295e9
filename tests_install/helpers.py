"""Shared steps of the installation tests: follow the hand-out's README as written."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

BASE_PYTHON = getattr(sys, "_base_executable", None) or shutil.which("python3")


def readme_commands(handout: Path) -> list[str]:
    """The lines of the README's bash blocks, in order."""
    text = (handout / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", text, re.S)
    return [ln.strip() for b in blocks for ln in b.splitlines() if ln.strip()]


def run_readme_line(line: str, cwd: Path, timeout: int = 900) -> float:
    """Run one README line in ``cwd`` with ``python`` meaning a plain interpreter (not
    this test's venv); return the seconds it took."""
    assert line.startswith("python "), line
    command = f'"{BASE_PYTHON}" ' + line[len("python "):]
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    start = time.perf_counter()
    done = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)
    assert done.returncode == 0, f"{line}\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return time.perf_counter() - start


def venv_python(handout: Path) -> Path:
    return handout / ".venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run_nbval(handout: Path, notebooks: list[str], extra_pip: list[str] | None = None):
    py = str(venv_python(handout))
    if extra_pip is not None:
        subprocess.run([py, "-m", "pip", "install", "--quiet", *extra_pip], check=True,
                       cwd=handout)
    done = subprocess.run([py, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
                           *notebooks], cwd=handout, capture_output=True, text=True,
                          timeout=1200)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


def dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file()) / 1e6
