"""The hand-out (fast checks; the install test is `make test-handout`) and the wheelhouse's
requirement list."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
import zipfile

import nbformat
import pytest

from course_lib import wheelhouse
from course_lib.errors import CourseError
from course_lib.handout import MARK, build_handout, zip_handout
from course_lib.paths import NOTEBOOKS_DIR, REPO_ROOT, data_dir
from course_lib.solutions import solutions_from_notebooks


@pytest.fixture(scope="module")
def handout(tmp_path_factory):
    return build_handout(tmp_path_factory.mktemp("h") / "sco-course")


def test_handout_has_what_a_learner_needs(handout):
    for name in ("README.md", "pyproject.toml", "environment.yml", "course_lib/__init__.py",
                 "data/datapackage.json", "notebooks/00_start_here.ipynb"):
        assert (handout / name).exists(), name
    originals = sorted(p.name for p in NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
    assert sorted(p.name for p in (handout / "notebooks").glob("*.ipynb")) == originals


def test_handout_data_is_byte_identical(handout):
    for src in data_dir().iterdir():
        if src.is_file():
            assert (handout / "data" / src.name).read_bytes() == src.read_bytes(), src.name


def test_no_solution_in_the_handout_notebooks(handout):
    table = solutions_from_notebooks()
    for path in (handout / "notebooks").glob("*.ipynb"):
        text = path.read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in text, path.name
        nb = nbformat.reads(text, as_version=4)
        assert nb.metadata["course"]["edition"] == "student"
        sources = "\n".join(c.source for c in nb.cells)
        for qid, entry in table.items():
            if entry["notebook"] == path.stem and len(entry["code"]) > 20:
                assert entry["code"] not in sources, qid


def test_solutions_travel_only_in_the_solutions_file(handout):
    shipped = json.loads((handout / "course_lib" / "solutions.json").read_text(encoding="utf-8"))
    assert shipped == solutions_from_notebooks()
    others = [p for p in handout.rglob("*") if p.is_file() and p.suffix in {".ipynb", ".json"}
              and p.name != "solutions.json" and "BEGIN SOLUTION" in p.read_text(encoding="utf-8")]
    assert not others, others


def test_readme_gives_the_commands(handout):
    text = (handout / "README.md").read_text(encoding="utf-8")
    blocks = "\n".join(re.findall(r"```bash\n(.*?)```", text, re.S))
    assert "pip install -e ." in blocks
    assert "jupyter lab" in blocks and "00_start_here.ipynb" in blocks
    assert "--no-index --find-links" in blocks
    assert not (REPO_ROOT / "course_lib" / "solutions.json").exists()


def test_zip_holds_the_folder(handout):
    archive = zip_handout(handout)
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
    archive.unlink()
    assert "sco-course/README.md" in names and "sco-course/notebooks/00_start_here.ipynb" in names


def test_refuses_to_overwrite_the_course_or_a_foreign_folder(tmp_path):
    for target in (REPO_ROOT, NOTEBOOKS_DIR, data_dir(), REPO_ROOT / "course_lib" / "x"):
        with pytest.raises(CourseError):
            build_handout(target)
    (tmp_path / "mine.txt").write_text("x", encoding="utf-8")
    with pytest.raises(CourseError, match="not empty"):
        build_handout(tmp_path)


def test_rebuild_replaces_an_earlier_handout(tmp_path):
    out = build_handout(tmp_path / "h")
    (out / "stale.txt").write_text("x", encoding="utf-8")
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    assert (out / MARK).exists()
    build_handout(out)
    assert not (out / "stale.txt").exists()
    assert (out / ".git" / "HEAD").exists()  # a published hand-out keeps its history


def test_command_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "course_lib", "handout", "--out",
                           str(tmp_path / "h")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "hand-out:" in done.stdout and "MB" in done.stdout


def test_wheelhouse_lists_every_dependency_and_the_build_tools():
    meta = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    reqs = wheelhouse.requirements()
    for r in meta["project"]["dependencies"] + meta["build-system"]["requires"]:
        assert r in reqs, r
    assert any(r.startswith("nbval") for r in reqs)


def test_wheelhouse_commands_per_platform_and_version():
    cmds = wheelhouse.download_commands("wh", ["win_amd64", "macosx_11_0_arm64"], ["3.11", "3.12"])
    assert len(cmds) == 4
    assert all("--only-binary=:all:" in c for c in cmds)
    assert len(wheelhouse.download_commands("wh")) == 1
    assert "--platform" not in wheelhouse.download_commands("wh")[0]


def test_readme_states_the_handouts_size(handout):
    """The README's size of the hand-out is measured, not remembered (issue 29)."""
    from course_lib.handout import size_bytes

    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"\(([\d.]+) MB; ([\d.]+) MB zipped\)", text)
    assert stated, "README.md should give the hand-out's size as '(X MB; Y MB zipped)'"
    archive = zip_handout(handout)
    measured = (size_bytes(handout) / 1e6, size_bytes(archive) / 1e6)
    for said, real in zip(map(float, stated.groups()), measured):
        assert abs(said - real) <= 0.15, (
            f"README.md says {said} MB, the hand-out measures {real:.1f} MB: update it")


def test_a_handout_without_solutions_for_assessed_work(tmp_path):
    out = build_handout(tmp_path / "assessed", with_solutions=False)
    assert json.loads((out / "course_lib" / "solutions.json").read_text("utf-8")) == {}
    assert "solution(" not in (out / "README.md").read_text("utf-8")
    text = "\n".join(p.read_text("utf-8") for p in out.rglob("*")
                     if p.suffix in {".ipynb", ".json", ".py"})
    for entry in solutions_from_notebooks().values():
        if len(entry["code"]) > 40:
            assert entry["code"] not in text
    said = subprocess.run(
        [sys.executable, "-c", "import course_lib, sys; assert course_lib.__file__.startswith("
         "sys.argv[1]); from course_lib.exercises import solution; "
         "print(solution('00_warmup_sum'))", str(out)],
        cwd=out, capture_output=True, text=True, timeout=120)
    assert said.returncode == 0, said.stderr
    assert "not available" in said.stdout and "assessed work" in said.stdout
