"""Try first, then see: in the student edition, executed, no output of a cell above an
exercise shows that exercise's expected value (at the precisions a learner would read
it), and no unanswered feedback states it.

Small whole numbers (below 100) are not searched for as bare numbers: "3" or "8" appear
in every page for other reasons. In explorers' readouts, a count question's small answer is
searched as a count of the thing counted ("10 members", see ``count_phrase``); other leaks
of such a value can only be found by reading.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from course_lib.editions import build_student_edition
from course_lib.exercises import check, question
from course_lib.ladder import exercises
from course_lib.paths import NOTEBOOKS_DIR
from course_lib.runner import course_notebooks, execute

pytestmark = pytest.mark.slow
SECTION = course_notebooks()  # 00 (its primer) and 07 (the capstone) too


def renderings(value) -> list[str]:
    """How a learner would read a number on the page (at least two significant digits;
    a whole number between 1900 and 2100 only with its thousands separator, since as
    "2000" it is read as a year).

    >>> renderings(41.9017)
    ['41.9', '41.90']
    >>> renderings(13800.0)
    ['13,800', '13800', '13,800.0']
    >>> renderings(2000)
    ['2,000']
    >>> renderings(0.0987)
    ['0.099', '0.10']
    >>> renderings(3)
    []
    >>> renderings(1.0458)  # "1.0" is read as a round number, like a small whole number
    ['1.05']
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        return []
    v = float(value)
    if v.is_integer():
        if abs(v) < 100:
            return []
        if 1900 <= v <= 2100:
            return [f"{v:,.0f}"]
        return [f"{v:,.0f}", f"{v:.0f}", f"{v:,.1f}"]
    if abs(v) < 1:
        out = [f"{v:.3f}", f"{v:.2f}"]
    else:
        out = [f"{v:.1f}", f"{v:.2f}"]
    if abs(v) >= 100:
        out = [f"{v:,.0f}", f"{v:,.1f}"] + out
    out = [s for s in out if not (float(s.replace(",", "")).is_integer()
                                  and abs(float(s.replace(",", ""))) < 100)]
    return list(dict.fromkeys(s for s in out if s.strip("0.,-")))


def _found(text: str, rendering: str) -> bool:
    return re.search(r"(?<![\d.,])" + re.escape(rendering) + r"(?![\d])", text) is not None


def _text(cell) -> str:
    parts = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream":
            parts.append(o.get("text", ""))
        for mime in ("text/plain", "text/markdown", "text/html"):
            parts.append(str(o.get("data", {}).get(mime, "")))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def student(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("student")
    build_student_edition(out)
    return out


@pytest.mark.parametrize("path", SECTION, ids=lambda p: p.name)
def test_no_output_above_an_exercise_shows_its_answer(path, student):
    nb, _ = execute(student / path.name, cwd=NOTEBOOKS_DIR, timeout=300)
    leaks = []
    for ex in exercises(NOTEBOOKS_DIR / path.name):
        q = question(ex["qid"])
        if q.kind not in {"number", "integer", "prediction"} or q.choices:
            continue
        shown = renderings(q.expected())
        if not shown:
            continue
        above = "\n".join(_text(c) for c in nb.cells[:ex["index"]] if c.cell_type == "code")
        unanswered = check(ex["qid"], ...).message
        for r in shown:
            if _found(above, r):
                leaks.append(f"{ex['qid']}: {r} shown above the exercise")
            if _found(unanswered, r):
                leaks.append(f"{ex['qid']}: {r} in the 'not answered' message")
    assert not leaks, leaks


# --------------------------------------------------------------------------- explorers
# Every explorer's readout (and the live text of its figure), at every value of every
# control and every pair of values of two controls, must not show the answer of an
# exercise checked after the explorer's cell. The widgets' computing function is called
# directly (``Explorer._update``): no browser, no PNG.
import ast  # noqa: E402
import html as _html  # noqa: E402
import importlib  # noqa: E402
import itertools  # noqa: E402
import os  # noqa: E402
import pydoc  # noqa: E402

import nbformat  # noqa: E402

from course_lib.exercises import questions  # noqa: E402

os.environ.setdefault("MPLBACKEND", "Agg")
ALL = course_notebooks()
MAX_SLIDER_VALUES = 80


def _sources(path) -> list[str]:
    nb = nbformat.read(str(path), as_version=4)
    return [c.source if c.cell_type == "code" else "" for c in nb.cells]


def _explorer_cells(path) -> list[tuple[int, object]]:
    """(cell index, builder) of each explorer a notebook builds."""
    found, names = [], {}
    for i, src in enumerate(_sources(path)):
        for mod, name in re.findall(r"from (course_lib\.widgets\.\w+) import (\w*explorer\w*)", src):
            names[name] = getattr(importlib.import_module(mod), name)
        for name, builder in names.items():
            if re.search(rf"\b{name}\(", src):
                found.append((i, builder))
    return found


def _numeric_answers(path, after: int = -1) -> dict[str, list[str]]:
    """qid -> renderings of its expected value, for the exercises checked after cell
    ``after``."""
    out = {}
    for ex in exercises(path):
        q = question(ex["qid"])
        if ex["index"] > after and q.kind in {"number", "integer", "prediction"} and not q.choices:
            shown = renderings(q.expected())
            if shown:
                out[ex["qid"]] = shown
    return out


# "3 years" reads as a duration ("over 3 years") as often as a count of years
AMBIGUOUS_NOUNS = {"years"}


def count_phrase(qid: str) -> str | None:
    """For a count question whose answer is too small to search as a bare number, a
    pattern that finds it only as a count of the thing counted: the noun after "the
    number of" in the question's ``what`` (at most one word between, as in "10 full
    members"). ``None`` when the answer is searched as a number anyway, or the question
    does not name what it counts.
    """
    q = question(qid)
    if q.kind not in {"number", "integer", "prediction"} or q.choices:
        return None
    v = q.expected()
    if isinstance(v, bool) or not float(v).is_integer() or renderings(v) or float(v) == 1:
        return None
    m = re.match(r"the (?:number|count) of (?:\d{4} )?([a-z]+)\b", q.what)
    if not m or m.group(1) in AMBIGUOUS_NOUNS:
        return None
    return rf"(?<![\d.,]){int(v)}\s+(?:[A-Za-z-]+\s+)?{m.group(1)}\b"


def _count_phrases(path, after: int = -1) -> dict[str, str]:
    """qid -> :func:`count_phrase`, for the exercises checked after cell ``after``."""
    out = {}
    for ex in exercises(path):
        pattern = count_phrase(ex["qid"])
        if ex["index"] > after and pattern:
            out[ex["qid"]] = pattern
    return out


def test_count_phrase_finds_the_count_of_the_thing_counted_only():
    from course_lib import sco

    pattern = count_phrase("01_members_2024")
    n = len(sco.members("2024-12-31"))
    assert pattern and n < 100  # a small whole number: renderings() cannot see it
    for text in (f"{n} members, 3 observers", f"<b>31 Dec</b>: {n} full members"):
        assert re.search(pattern, text), text
    for text in (f"{n} observers", f"{n + 1} members", f"20{n} members", f"{n}.5 members"):
        assert not re.search(pattern, text), text
    assert count_phrase("03_rats_per_year") is None  # a large number: searched as such
    assert count_phrase("01_partner_growth") is None  # a choice


def _control_values(w) -> list:
    opts = getattr(w, "options", None)
    if opts is not None and len(opts):
        vals = [o[1] if isinstance(o, tuple) and len(o) == 2 else o for o in opts]
        if isinstance(w.value, tuple):  # SelectMultiple: each item alone, then growing sets
            return [(v,) for v in vals] + [tuple(vals[:k]) for k in range(2, len(vals) + 1)]
        return vals
    if isinstance(w.value, bool):
        return [False, True]
    if hasattr(w, "min") and hasattr(w, "max") and isinstance(w.value, (int, float)):
        step = getattr(w, "step", 1) or 1
        n = int(round((w.max - w.min) / step))
        idx = sorted({round(i * n / min(n, MAX_SLIDER_VALUES)) for i in range(min(n, MAX_SLIDER_VALUES) + 1)})
        return [type(w.value)(w.min + step * i) for i in idx]
    return [w.value]


def _readouts(ex):
    """Yield (settings, text) for the default, every single value and every pair."""
    from course_lib.cache import snapshot

    base = ex.values()
    values = {k: _control_values(w) for k, w in ex.controls.items()}
    settings = [{}]
    settings += [{k: v} for k, vs in values.items() for v in vs]
    for (a, va), (b, vb) in itertools.combinations(values.items(), 2):
        settings += [{a: x, b: y} for x, y in itertools.product(va, vb)]
    for change in settings:
        kw = {**base, **change}
        try:
            with snapshot():
                text = ex._update(**kw)
        except Exception:  # an impossible combination; test_widgets_sweep covers errors
            continue
        parts = [text]
        if ex.figure is not None:
            # every text of the figure but an axis's graduations (a tick label that is
            # only a number, such as "12.5": a round step of the scale, not a result)
            ticks = {id(label) for ax in ex.figure.axes for axis in (ax.xaxis, ax.yaxis)
                     for tick in (*axis.majorTicks, *axis.minorTicks)
                     for label in (tick.label1, tick.label2)
                     if re.fullmatch(r"[\d.,\s%−-]*", label.get_text())}
            parts += [t.get_text() for t in ex.figure.findobj(
                lambda a: hasattr(a, "get_text") and callable(a.get_text))
                if id(t) not in ticks]
        yield change, _html.unescape(re.sub(r"<[^>]+>", " ", "\n".join(map(str, parts))))


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_no_explorer_shows_the_answer_of_a_later_exercise(path):
    leaks = []
    for cell, builder in _explorer_cells(path):
        answers = _numeric_answers(path, after=cell)
        counts = _count_phrases(path, after=cell)  # small whole numbers, as counts
        if not answers and not counts:
            continue
        ex = builder()
        seen = set()
        for change, text in _readouts(ex):
            found = [(qid, r) for qid, shown in answers.items() for r in shown
                     if _found(text, r)]
            found += [(qid, hit.group(0)) for qid, pattern in counts.items()
                      for hit in [re.search(pattern, text)] if hit]
            for qid, r in found:
                if (qid, r) not in seen:
                    seen.add((qid, r))
                    leaks.append(f"{builder.__name__} (cell {cell}) at {change or 'start'} "
                                 f"shows {r!r}, the answer of {qid}")
    assert not leaks, "\n".join(leaks)


# --------------------------------------------------------------------------- help()
def _course_objects(path) -> dict[str, object]:
    """Every course function or class a notebook imports, with the module functions it
    calls through an imported module (``heritage.share``)."""
    objs: dict[str, object] = {}
    code = "\n".join(_sources(path))
    for src in _sources(path):
        try:
            tree = ast.parse(src)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("course_lib")):
                continue
            mod = importlib.import_module(node.module)
            for alias in node.names:
                name = alias.asname or alias.name
                obj = getattr(mod, alias.name, None)
                if obj is None:
                    obj = importlib.import_module(f"{node.module}.{alias.name}")
                if isinstance(obj, type(os)):  # a module: itself, and the functions called
                    objs[name] = obj
                    for attr in set(re.findall(rf"\b{name}\.(\w+)\(", code)):
                        f = getattr(obj, attr, None)
                        if callable(f):
                            objs[f"{name}.{attr}"] = f
                elif callable(obj):
                    objs[name] = obj
    return objs


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_help_of_a_course_function_never_prints_an_answer(path):
    answers = _numeric_answers(path)
    leaks = []
    for name, obj in sorted(_course_objects(path).items()):
        text = pydoc.render_doc(obj, renderer=pydoc.plaintext)
        for qid, shown in answers.items():
            for r in shown:
                if _found(text, r):
                    leaks.append(f"help({name}) shows {r}, the answer of {qid}")
    assert not leaks, "\n".join(leaks)


def test_every_numeric_question_is_searched_somewhere():
    """The searches above can only find values of two digits or more; list the numeric
    questions whose answer is too small to search (read those by hand)."""
    searched = [q for q in questions() if question(q).kind in {"number", "integer"}
                and renderings(question(q).expected())]
    assert len(searched) >= 20
