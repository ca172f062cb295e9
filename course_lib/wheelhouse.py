"""A wheelhouse: every package the course needs, as wheels in one folder, for a
classroom without internet (``make wheelhouse``).

The list is read from ``pyproject.toml`` (the one list of dependencies): the course's
dependencies, the build tools that ``pip install -e .`` needs (``build-system.requires``)
and, so that a teacher can test the installation, ``pytest`` and ``nbval``. ``pip
download --only-binary=:all:`` fetches them for this machine, or for each platform and
Python version named. Learners then install with::

    python -m pip install --no-index --find-links WHEELHOUSE -e .

>>> any(r.startswith("pandas") for r in requirements())
True
>>> download_commands("wh", ["win_amd64"], ["3.12"])[0][-6:]
['--platform', 'win_amd64', '--python-version', '3.12', '--implementation', 'cp']
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from .errors import CourseError
from .paths import REPO_ROOT

#: What a teacher needs beyond the course to test an installation (notebook 00 under nbval).
TEST_TOOLS = ("pytest", "nbval")


def requirements(pyproject: Path | None = None) -> list[str]:
    """Requirement strings: dependencies, build requirements and :data:`TEST_TOOLS`."""
    path = Path(pyproject) if pyproject else REPO_ROOT / "pyproject.toml"
    meta = tomllib.loads(path.read_text(encoding="utf-8"))
    reqs = list(meta["build-system"]["requires"]) + list(meta["project"]["dependencies"])
    dev = meta["project"].get("optional-dependencies", {}).get("dev", [])
    for tool in TEST_TOOLS:
        reqs += [r for r in dev if re.match(rf"{tool}\b", r)] or [tool]
    return reqs


def download_commands(dest: str | Path, platforms: list[str] | None = None,
                      pyversions: list[str] | None = None) -> list[list[str]]:
    """The ``pip download`` command lines: one for this machine, or one per platform and
    Python version (``platforms`` like ``manylinux2014_x86_64``, ``win_amd64``,
    ``macosx_11_0_arm64``; ``pyversions`` like ``3.11``)."""
    base = [sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:",
            "--dest", str(dest), *requirements()]
    if not platforms and not pyversions:
        return [base]
    platforms = platforms or [None]
    pyversions = pyversions or [f"{sys.version_info.major}.{sys.version_info.minor}"]
    commands = []
    for platform in platforms:
        for version in pyversions:
            extra = ["--platform", platform] if platform else []
            commands.append(base + extra + ["--python-version", version,
                                            "--implementation", "cp"])
    return commands


def build(dest: str | Path, platforms: list[str] | None = None,
          pyversions: list[str] | None = None) -> list[Path]:
    """Download the wheels into ``dest``; return the wheel files there."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for command in download_commands(dest, platforms, pyversions):
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode:
            raise CourseError("pip download failed (is the package index reachable?):\n"
                              + done.stderr.strip()[-1500:])
    return sorted(dest.glob("*.whl"))
