"""The hand-out: a self-contained folder (or zip) of the course for learners.

``python -m course_lib handout --out DIR [--zip]`` writes what a teacher can push as a
repository, copy to a USB stick or attach to a learning platform:

* ``notebooks/``: the **student edition** (no solutions);
* ``course_lib/``: the helper package, plus ``course_lib/solutions.json``, the reference
  solutions that only ``solution("<id>")`` reads (the instructor notebooks stay behind);
  ``--without-solutions`` (for assessed work) writes that file empty, so ``solution()``
  says the solutions are not available;
* ``data/``: the curated tables and ``datapackage.json``, byte for byte;
* ``pyproject.toml``, ``environment.yml`` and ``postBuild`` (install, conda, Binder);
* ``README.md``: a short learner README with the install command, the command that
  opens the course, and the offline install from a wheelhouse (``make wheelhouse``).

Nothing is written into the repository. ``DIR`` must be empty, missing, or an earlier
hand-out (recognised by its ``.course-handout`` file), which is replaced, all but its
``.git`` folder: a teacher who publishes the hand-out as a repository (the student
repository that Binder and nbgitpuller links open, see docs/deploy.md) rebuilds it in
place, then commits and pushes.

>>> "pip install --no-index" in learner_readme()
True
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from .errors import CourseError
from .paths import PACKAGE_DIR, REPO_ROOT, data_dir

MARK = ".course-handout"
TOP_FILES = ("pyproject.toml", "environment.yml", "postBuild")
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", "solutions.json",
                                 ".DS_Store")

README_TEXT = """\
# Security by Prevention? The SCO in data

A course of Jupyter notebooks: read what an October 2017 *UN Chronicle* article by the
Secretary-General of the Shanghai Cooperation Organization (SCO) claims, load real open
data, and judge each claim yourself with pandas, matplotlib and interactive widgets.
Everything runs offline once installed. You need Python 3.11 or newer.

## Two commands

From this folder, in a terminal:

```bash
python -m venv .venv && .venv/bin/python -m pip install -e .
.venv/bin/jupyter lab --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb
```

The first installs the course and its packages into `.venv` (about a minute, about
500 MB); the second opens JupyterLab in your browser on the start notebook (the address
it prints opens the same notebook). On Windows write `.venv\\Scripts\\python` and
`.venv\\Scripts\\jupyter`. With conda: `conda env create -f environment.yml`, then
`conda activate sco-course`, `pip install -e .` and the second command without `.venv/bin/`.

## Without internet (a classroom wheelhouse)

If your teacher gave you a `wheelhouse/` folder (every package as a wheel, made with
`make wheelhouse` in the course repository), install from it instead:

```bash
python -m venv .venv && .venv/bin/python -m pip install --no-index --find-links wheelhouse -e .
```

(`wheelhouse` is the folder's path; nothing is downloaded.)

## What is here

* `notebooks/`: the notebooks, 00 to 07, in order. They are your copies: edit and save
  freely. Each exercise has a `check("<id>", answer)` line that says what it compared;
  `hint("<id>")` gives hints one at a time; when you are still stuck,
  `solution("<id>")` (`from course_lib.exercises import solution`) shows a reference
  solution. Try first.
* `data/`: the data, with sources and licences in `data/README.md` and
  `data/datapackage.json`.
* `course_lib/`: the small helper library the notebooks import.

Licences: course code MIT, course text CC BY 4.0, data as stated for each table.
"""


WITHOUT_SOLUTIONS_TEXT = ("`hint(\"<id>\")` gives hints one at a time. This copy of the course "
                          "is for assessed work: it carries no reference solutions.")


def learner_readme(with_solutions: bool = True) -> str:
    """The README of the hand-out (Markdown).

    >>> "solution(" in learner_readme(with_solutions=False)
    False
    """
    if with_solutions:
        return README_TEXT
    return re.sub(r'`hint\("<id>"\)` gives hints one at a time;.*?Try first\.',
                  WITHOUT_SOLUTIONS_TEXT, README_TEXT, flags=re.S)


def _prepare(out: Path) -> None:
    out = out.resolve()
    for forbidden in (REPO_ROOT, PACKAGE_DIR, data_dir().resolve(), REPO_ROOT / "notebooks"):
        if out == forbidden.resolve() or forbidden.resolve().is_relative_to(out):
            raise CourseError(f"Refusing to write the hand-out into {out}: it would overwrite "
                              "the course itself. Choose a new folder, e.g. build/handout.")
    if out.is_relative_to(PACKAGE_DIR) or out.is_relative_to(data_dir().resolve()):
        raise CourseError(f"Refusing to write the hand-out inside {out.parent}: choose a "
                          "folder outside course_lib/ and data/, e.g. build/handout.")
    if out.exists():
        if not out.is_dir():
            raise CourseError(f"{out} is a file: give a folder for the hand-out.")
        if any(out.iterdir()):
            if not (out / MARK).exists():
                raise CourseError(f"{out} is not empty and is not an earlier hand-out: "
                                  "choose an empty or a new folder.")
            for item in out.iterdir():  # keep .git: the hand-out may be a repository
                if item.name == ".git":
                    continue
                shutil.rmtree(item) if item.is_dir() else item.unlink()
    out.mkdir(parents=True, exist_ok=True)


def build_handout(out: Path, with_solutions: bool = True) -> Path:
    """Write the hand-out into ``out``; return ``out``. ``with_solutions=False``: a
    hand-out for assessed work, whose ``solution()`` has nothing to show."""
    from .editions import build_student_edition
    from .solutions import solutions_from_notebooks

    out = Path(out)
    _prepare(out)
    build_student_edition(out / "notebooks")
    shutil.copytree(PACKAGE_DIR, out / "course_lib", ignore=_IGNORE)
    table = solutions_from_notebooks() if with_solutions else {}
    (out / "course_lib" / "solutions.json").write_text(
        json.dumps(table, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    shutil.copytree(data_dir(), out / "data", ignore=_IGNORE)
    for name in TOP_FILES:
        if (REPO_ROOT / name).exists():
            shutil.copy2(REPO_ROOT / name, out / name)
    (out / "README.md").write_text(learner_readme(with_solutions), encoding="utf-8")
    (out / ".gitignore").write_text(".venv/\nbuild/\n__pycache__/\n*.egg-info/\n"
                                    ".ipynb_checkpoints/\n", encoding="utf-8")
    (out / MARK).write_text("written by `python -m course_lib handout`; safe to delete\n",
                            encoding="utf-8")
    return out


def zip_handout(folder: Path) -> Path:
    """``folder`` as ``folder.zip`` beside it (one top folder inside); return its path."""
    folder = Path(folder).resolve()
    return Path(shutil.make_archive(str(folder), "zip", root_dir=folder.parent,
                                    base_dir=folder.name))


def size_bytes(path: Path) -> int:
    """Total size of the files under ``path`` (or of one file)."""
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
