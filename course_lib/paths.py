"""Where the course's files live, found relative to this package (never the working
directory).

The data package is ``data/`` beside the package unless the environment variable
``COURSE_DATA`` names another folder that holds a ``datapackage.json`` (the older name
``SCO_COURSE_DATA_DIR`` still works; ``COURSE_DATA`` wins if both are set).

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


def _course_data() -> Path:
    """``data/`` beside the package (a clone, or an editable install). A copy installed
    with ``pip install .`` (no ``-e``) has no data beside it: then the course folder the
    kernel runs in is used, found upward from the working directory (the folder that
    holds ``data/datapackage.json`` and ``notebooks/``); else ``data/`` beside the
    package, whose absence :mod:`course_lib.data_files` explains."""
    beside = REPO_ROOT / "data"
    if (beside / "datapackage.json").is_file():
        return beside
    try:
        here = Path.cwd()
    except OSError:
        return beside
    for folder in (here, *here.parents):
        if (folder / "data" / "datapackage.json").is_file() and (folder / "notebooks").is_dir():
            return folder / "data"
    return beside


DEFAULT_DATA_DIR = _course_data()
#: True when the course's data/ is not beside the package (``pip install .``)
INSTALLED_WITHOUT_DATA = not (REPO_ROOT / "data" / "datapackage.json").is_file()
DATA_ENV_VAR = "COURSE_DATA"
#: Older name of :data:`DATA_ENV_VAR`, still read (after it).
LEGACY_DATA_ENV_VAR = "SCO_COURSE_DATA_DIR"


def data_env() -> str | None:
    """The data folder named by the environment (``COURSE_DATA``, else the older
    ``SCO_COURSE_DATA_DIR``), or None when neither is set or both are empty.

    >>> import os
    >>> data_env() == (os.environ.get("COURSE_DATA") or os.environ.get("SCO_COURSE_DATA_DIR") or None)
    True
    """
    for var in (DATA_ENV_VAR, LEGACY_DATA_ENV_VAR):
        value = os.environ.get(var, "").strip()
        if value:
            return value
    return None


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """Return the folder that holds ``datapackage.json``.

    ``override``, else the environment variable ``COURSE_DATA`` (or the older
    ``SCO_COURSE_DATA_DIR``), points the library at another data package: a refreshed
    vintage, or a damaged copy in the tests. A relative folder is taken from the
    current working directory and returned absolute, so notebooks (which run in
    ``notebooks/``) see the same folder.

    >>> data_dir(DEFAULT_DATA_DIR).name
    'data'
    """
    if override is not None:
        return Path(override).expanduser().resolve()
    env = data_env()
    return Path(env).expanduser().resolve() if env else DEFAULT_DATA_DIR


def is_default_data(folder: str | os.PathLike | None = None) -> bool:
    """True when ``folder`` (default: the folder in use) is the course's own ``data/``.

    >>> is_default_data(DEFAULT_DATA_DIR)
    True
    """
    return data_dir(folder) == DEFAULT_DATA_DIR.resolve()
