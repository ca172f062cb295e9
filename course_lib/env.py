"""The reproducibility footer: Python and package versions and the data's hashes.

>>> rep = env_report()
>>> "python" in rep.versions
True
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass, field
from importlib import metadata

PACKAGES = ("course_lib", "pandas", "numpy", "matplotlib", "ipywidgets", "ipykernel")


def _version(dist: str) -> str:
    if dist == "course_lib":
        from . import __version__

        return __version__
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


@dataclass
class EnvReport:
    """Versions and data hashes; shows as a small table in a notebook."""

    versions: dict[str, str]
    data: list[dict[str, str]] = field(default_factory=list)
    data_version: str = ""
    package: str = ""

    def _repr_markdown_(self) -> str:
        lines = ["**Reproducibility.** This notebook ran with:", ""]
        lines.append(
            ", ".join(f"{k} {v}" for k, v in self.versions.items())
        )
        if self.package:
            lines += ["", f"Data package: {self.package}."]
        lines += ["", f"Data package version {self.data_version}; files and sha256 (first 12):", ""]
        lines.append(
            "; ".join(f"`{d['file']}` {d['sha256'][:12]} {d['status']}" for d in self.data)
        )
        return "\n".join(lines)

    def __str__(self) -> str:
        text = "\n".join(f"{k}: {v}" for k, v in self.versions.items())
        if self.package:
            text += f"\ndata package: {self.package}"
        text += "\n" + "\n".join(f"{d['file']}: {d['sha256'][:12]} {d['status']}" for d in self.data)
        return text


def env_report(datasets: list[str] | None = None) -> EnvReport:
    """Python and package versions, and for each dataset (default: all) whether its
    file on disk still matches the sha256 recorded in ``data/datapackage.json``, and
    which data package (``COURSE_DATA``, else ``data/``) and vintage the notebook used.

    >>> "sco-course-data" in env_report().package
    True
    """
    from .data import identity, names, package, path_of, resource, sha256_of
    from .paths import is_default_data

    versions = {"python": platform.python_version(), "platform": sys.platform}
    versions.update({p: _version(p) for p in PACKAGES})
    rows = []
    for name in datasets or names():
        path = path_of(name)
        expected = str(resource(name).get("hash") or "").rpartition(":")[2].lower()
        try:
            status = "✓" if sha256_of(name) == expected else "✗ modified"
        except OSError:
            status = "✗ missing"
        # the course's own files as data/x.csv, a package chosen by COURSE_DATA in full
        shown = f"data/{path.name}" if is_default_data(path.parent) else str(path)
        rows.append({"file": shown, "sha256": expected, "status": status})
    return EnvReport(versions=versions, data=rows, data_version=str(package().get("version", "")),
                     package=str(identity()))
