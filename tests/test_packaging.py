"""pyproject.toml and environment.yml list the same dependencies; layout is complete."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _name_and_bound(spec: str) -> tuple[str, str]:
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", spec)
    assert m, spec
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


def test_environment_yml_matches_pyproject():
    py = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = dict(_name_and_bound(s) for s in py["project"]["dependencies"])
    wanted.update(_name_and_bound(s) for s in py["project"]["optional-dependencies"]["dev"])
    conda = {}
    for line in (REPO / "environment.yml").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s{2}- ([A-Za-z0-9_.\-]+[^#]*)$", line)
        if m and not line.strip().startswith("- pip:"):
            name, bound = _name_and_bound(m.group(1).strip())
            if name not in {"python", "pip"}:
                conda[name] = bound
    assert conda == wanted


def test_layout_of_the_spec():
    for name in ["README.md", "Makefile", "pyproject.toml", "environment.yml", ".ci/run",
                 "course_lib", "notebooks", "data", "tests", "docs"]:
        assert (REPO / name).exists(), name


def test_ci_calls_make_test():
    text = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in text


def test_readme_shows_the_two_commands_and_plain_equivalents():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    for needle in ["make lab", "make test", "python -m venv", "pip install -e", "jupyter lab",
                   "pytest"]:
        assert needle in text, needle
