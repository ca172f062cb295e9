"""course_lib: the helper library of the course "Security by Prevention? The SCO in data".

Submodules are imported lazily, so ``import course_lib`` is cheap and has no side
effects: nothing is read from disk and no global matplotlib or pandas option changes.

>>> import course_lib
>>> sorted(course_lib.__all__)[:3]
['claims', 'data', 'env_report']
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_SUBMODULES = {
    "claims", "data", "errors", "exercises", "plotting", "sco", "widgets", "env",
    "analysis", "report", "paths", "course", "maps",
}
__all__ = sorted(_SUBMODULES | {"env_report", "check", "hint", "reveal", "solution"})


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    if name == "env_report":
        return importlib.import_module(f"{__name__}.env").env_report
    if name in {"check", "hint", "reveal"}:
        return getattr(importlib.import_module(f"{__name__}.exercises"), name)
    if name == "solution":
        return importlib.import_module(f"{__name__}.solutions").solution
    raise AttributeError(f"module 'course_lib' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
