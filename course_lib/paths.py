"""Where the course's files live, found relative to this package (never the working
directory).

>>> REPO_ROOT.joinpath("course_lib").is_dir()
True
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
BUILD_DIR = REPO_ROOT / "build"
DATA_ENV_VAR = "SCO_COURSE_DATA_DIR"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """Return the folder that holds ``datapackage.json``.

    ``override`` (or the environment variable ``SCO_COURSE_DATA_DIR``) points the
    library at another copy of the data, which the tests use for damaged copies.

    >>> data_dir().name
    'data'
    """
    if override is not None:
        return Path(override)
    env = os.environ.get(DATA_ENV_VAR)
    return Path(env) if env else REPO_ROOT / "data"
