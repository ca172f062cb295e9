"""One cache for results computed from the data package: it follows the data and
hands out copies.

Tables that take time to build (a pivot, a join, an incidence table) are kept so that
explorers stay fast. Two things must never happen to a kept result:

* **going stale**: every entry is stored under :func:`course_lib.data.state`, the
  fingerprint of the package on disk (folder, each file's size and modification time).
  When a file changes, or another package is chosen, the fingerprint changes, every
  entry kept under the old one is dropped, and the next call recomputes (and
  :func:`course_lib.data.load` checks the files again, so damage is reported, never
  hidden behind an old answer);
* **leaking**: a cached DataFrame, Series, list, dict, set or writeable array is
  returned as a copy, so a learner who edits what they got cannot change the next
  answer.

Errors are not cached: a call that raised raises again (and is retried) next time.

Reading the fingerprint costs a few file-system calls. Inside :func:`snapshot` (an
explorer's update, or the computation of one kept result) it is read once and every
cached call of the block uses that one state: one consistent view of the package. In
a notebook it is read once per cell (see :func:`_in_a_cell`).

>>> calls = []
>>> @data_cached
... def table():
...     calls.append(1)
...     return {"a": [1, 2]}
>>> t = table(); t["a"].append(3)
>>> table(), len(calls)
({'a': [1, 2]}, 1)
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import functools
import os
import sys
from typing import Any, Callable, Iterator, TypeVar

import numpy as np
import pandas as pd

F = TypeVar("F", bound=Callable[..., Any])

_IMMUTABLE = (str, bytes, int, float, complex, bool, type(None), frozenset, range,
              pd.Timestamp, pd.Timedelta, np.generic)


def fresh(value: Any) -> Any:
    """A copy of ``value`` that shares nothing mutable with it.

    DataFrames, Series and Index objects are copied with ``.copy()``; tuples, lists,
    dicts and sets element by element, dataclasses field by field; read-only numpy arrays (which nobody can edit)
    and immutable scalars are returned as they are; anything else is deep-copied.

    >>> a = pd.DataFrame({"x": [1]})
    >>> b = fresh(a); b.loc[0, "x"] = 5
    >>> int(a.loc[0, "x"])
    1
    >>> fresh((1, "a")) == (1, "a")
    True
    >>> from collections import namedtuple
    >>> fresh(namedtuple("Point", "x y")(1, [2]))
    Point(x=1, y=[2])
    """
    if isinstance(value, _IMMUTABLE):
        return value
    if isinstance(value, (pd.DataFrame, pd.Series, pd.Index)):
        return value.copy()
    if isinstance(value, np.ndarray):
        return value if not value.flags.writeable else value.copy()
    if isinstance(value, tuple):
        if hasattr(value, "_fields"):  # a named tuple keeps its type
            return type(value)(*(fresh(v) for v in value))
        return tuple(fresh(v) for v in value)
    if isinstance(value, list):
        return [fresh(v) for v in value]
    if isinstance(value, dict):
        return {k: fresh(v) for k, v in value.items()}
    if isinstance(value, set):
        return set(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: fresh(getattr(value, f.name))
                                             for f in dataclasses.fields(value) if f.init})
    return copy.deepcopy(value)


_PINNED: list[Any] = []  # states pinned by snapshot(), innermost last


_CELL: dict[str, Any] = {"shell": None, "running": False, "key": None, "state": None}


def _state() -> Any:
    if _PINNED:
        return _PINNED[-1]
    from .data import state

    if not _in_a_cell():
        return state()
    key = os.environ.get("COURSE_DATA")
    if _CELL["state"] is None or _CELL["key"] != key:
        _CELL["key"], _CELL["state"] = key, state()
    return _CELL["state"]


def _in_a_cell() -> bool:
    """Whether a notebook cell (an IPython ``run_cell``) is running now. In one, the
    data's state is read once per cell: a file changed by one cell is seen by the next,
    and ``COURSE_DATA`` changed in a cell is seen at once. Anywhere else (a script, a
    test, a widget's callback between cells) it is read on every call. The first call
    in a shell hooks the start and end of its cells."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None or not hasattr(shell, "events"):
        return False
    if _CELL["shell"] is not shell:
        _CELL.update(shell=shell, running=False, state=None)
        shell.events.register("pre_run_cell", _cell_starts)
        shell.events.register("post_run_cell", _cell_ends)
        return False  # hooked in the middle of this cell: from the next cell on
    return _CELL["running"]


def _cell_starts(*_: Any) -> None:
    _CELL.update(running=True, state=None)


def _cell_ends(*_: Any) -> None:
    _CELL.update(running=False, state=None)


@contextlib.contextmanager
def snapshot() -> Iterator[Any]:
    """Read the data package's state once for a block of cached calls.

    Every :func:`data_cached` call inside the block uses the state read on entry (a
    change made *during* the block is seen by the next block). Blocks nest.

    >>> with snapshot() as s:
    ...     s is _state()
    True
    """
    from .data import state

    _PINNED.append(_PINNED[-1] if _PINNED else state())
    try:
        yield _PINNED[-1]
    finally:
        _PINNED.pop()


def data_cached(func: F) -> F:
    """Decorator: keep ``func``'s results per argument tuple while the data package is
    unchanged, and return a fresh copy of the kept result on every call.

    The arguments must be hashable (ints, strings, tuples). The wrapper has
    ``cache_clear()`` and ``cache_size()`` for tests, and ``peek(*args)``: the kept
    result itself, not a copy, for code inside ``course_lib`` that only *reads* it on a
    hot path (an explorer's update). Never hand what ``peek`` returns to a learner, and
    never modify it: derive a new object instead.

    >>> @data_cached
    ... def rows(name):
    ...     from course_lib.data import load
    ...     return len(load(name))
    >>> rows("sco_membership") == rows("sco_membership") > 0
    True
    >>> rows.cache_size()
    1
    """
    store: dict[str, Any] = {"state": None, "values": {}}

    def peek(*args: Any, **kwargs: Any) -> Any:
        now = _state()
        if store["state"] != now:
            store["state"], store["values"] = now, {}
        key = (args, tuple(sorted(kwargs.items()))) if kwargs else args
        values = store["values"]
        try:
            return values[key]
        except KeyError:
            _PINNED.append(now)  # the computation reads the same state throughout
            try:
                result = func(*args, **kwargs)
            finally:
                _PINNED.pop()
            values[key] = result
            return result

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return fresh(peek(*args, **kwargs))

    def cache_clear() -> None:
        store["state"], store["values"] = None, {}

    wrapper.peek = peek  # type: ignore[attr-defined]
    wrapper.cache_clear = cache_clear  # type: ignore[attr-defined]
    wrapper.cache_size = lambda: len(store["values"])  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]
