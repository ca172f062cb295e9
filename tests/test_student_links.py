"""No learner's path holds a solution: every Binder and nbgitpuller link the course
documents opens the student repository (the published hand-out), and the Makefile's
learner targets use the student edition by default."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

REPO = Path(__file__).resolve().parents[1]
DOCS = [REPO / "README.md", REPO / "docs" / "teaching.md", REPO / "docs" / "deploy.md",
        REPO / "docs" / "_teaching_template.md"]
LINK = re.compile(r"https://[^\s)\"'`]*(?:mybinder\.org/v2/|git-pull\?)[^\s)\"'`]*")


def test_every_binder_and_nbgitpuller_link_opens_the_student_repository():
    links = [(p.name, m) for p in DOCS for m in LINK.findall(p.read_text(encoding="utf-8"))]
    assert len(links) >= 5, links
    for name, url in links:
        url = unquote(url)
        if "repo=<repository" in url:  # the generic shape, explained in the text
            continue
        repo = re.search(r"(?:gh/|repo=https://github\.com/)([^/&?]+/[^/&?]+)", url)
        assert repo, (name, url)
        assert repo.group(1).endswith("-student"), (name, url)


def test_learner_targets_default_to_the_student_edition():
    make = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^EDITION \?= student$", make, re.M)
    site = re.search(r"^site:.*?\n((?:\t.*\n)+)", make, re.M).group(1)
    assert "--edition $(EDITION)" in site
    from course_lib.commands import site as site_cmd
    import argparse

    parser = argparse.ArgumentParser()
    site_cmd.add_arguments(parser)
    assert parser.parse_args([]).edition == "student"
