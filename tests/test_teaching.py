"""docs/teaching.md and the README's course map match the notebooks' metadata.

When a notebook is added or its metadata changes, these tests fail until
``python -m course_lib teaching`` is run (it regenerates both files).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from course_lib import teaching
from course_lib.cli import main
from course_lib.runner import course_notebooks

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = course_notebooks()
REGENERATE = "out of date: run `python -m course_lib teaching`"


def test_guide_is_up_to_date(tmp_path):
    out = tmp_path / "teaching.md"
    assert main(["teaching", "--out", str(out)]) == 0
    fresh = out.read_text(encoding="utf-8")
    committed = (REPO / "docs" / "teaching.md").read_text(encoding="utf-8")
    assert fresh == committed, "docs/teaching.md is " + REGENERATE


def test_readme_course_map_is_up_to_date():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert teaching.update_readme(text, teaching.rows()) == text, "README course map " + REGENERATE


def test_check_mode_agrees(capsys):
    assert main(["teaching", "--check"]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_in_guide_and_readme_with_its_minutes(path):
    from course_lib.course import notebook_meta

    minutes = notebook_meta(path)["minutes"]
    guide = (REPO / "docs" / "teaching.md").read_text(encoding="utf-8")
    row = [ln for ln in guide.splitlines() if f"({'../notebooks/'}{path.name})" in ln
           and ln.startswith("|")]
    assert row and f"| {minutes} |" in row[0], f"{path.stem} missing from the guide's map"
    assert f"**{minutes} minutes**" in guide
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"\[{path.stem}\]\(notebooks/{path.name}\) \| [^\n]*\| {minutes} \|", readme)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_has_prompts_and_misconceptions(path):
    _, notes = teaching._notes(teaching.TEMPLATE.read_text(encoding="utf-8"))
    note = notes.get(path.name[:2], "")
    assert "**Discussion prompts**" in note and "**Common misconceptions**" in note
    assert note.count("\n- ") >= 4, "at least two prompts and two misconceptions"


def test_guide_has_the_three_plans_and_the_deployments():
    guide = (REPO / "docs" / "teaching.md").read_text(encoding="utf-8")
    for needle in ["One 90-minute class", "four-week module", "Self-study", "nbgitpuller",
                   "git-pull?repo=", "Binder", "environment.yml", "nbgrader",
                   "generate_assignment", "enforce_metadata = False", "deploy.md",
                   "make student", "make site"]:
        assert needle in guide, needle
    assert "{{" not in guide and "}}" not in guide, "an unfilled template field"


def test_guide_links_resolve():
    guide = (REPO / "docs" / "teaching.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", guide):
        if target.startswith(("http://", "https://")):
            continue
        path = (REPO / "docs" / target).resolve()
        if path.name == "deploy.md" and not path.exists():
            continue  # written alongside (docs/deploy.md); linked ahead of time
        assert path.exists(), target


def test_readme_for_teachers():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "## For teachers" in readme
    section = readme.split("## For teachers", 1)[1].split("\n## ", 1)[0]
    for needle in [teaching.BINDER_URL, "make student", "build/student/", "docs/teaching.md",
                   "OWNER/REPO"]:
        assert needle in section, needle


def test_fill_reports_unknown_fields():
    with pytest.raises(ValueError, match="unknown field"):
        teaching.fill("{{nonsense}}", [])


def test_guide_for_missing_notebooks_says_so(tmp_path):
    """Planned notebooks that do not exist yet do not break the guide."""
    src = tmp_path / "nbs"
    src.mkdir()
    import shutil

    shutil.copy(NOTEBOOKS[0], src / NOTEBOOKS[0].name)
    text = teaching.render_guide(src)
    assert teaching.MISSING in text or len(NOTEBOOKS) == 1
    assert NOTEBOOKS[0].stem in text


def test_the_hub_installs_the_student_repository():
    """deploy.md installs the hand-out (student edition) on the hub, never the instructor
    repository, whose notebooks hold every solution (issue 29)."""
    text = (REPO / "docs" / "deploy.md").read_text(encoding="utf-8")
    clones = re.findall(r"git clone (\S+)", text)
    assert clones and all(url.endswith("-student") for url in clones), clones
    assert "--without-solutions" in text
