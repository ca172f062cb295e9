"""The shape of course_lib (../shared/ARCHITECTURE.md): the layers contract in
pyproject.toml holds, and no two modules import each other, directly or in a loop.

Both read every import, the ones inside functions too: a lazy import that climbs the
layers is still an arrow up.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

REPO = Path(__file__).resolve().parents[1]


def _ignored_imports() -> set[tuple[str, str]]:
    """The contract's known exceptions (each says which branch removes it)."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    pairs = set()
    for contract in config["tool"]["importlinter"]["contracts"]:
        for line in contract.get("ignore_imports", []):
            importer, _, imported = line.partition("->")
            pairs.add((importer.strip(), imported.strip()))
    return pairs


def test_the_layers_contract_holds():
    lint = Path(sys.executable).with_name("lint-imports")
    assert lint.is_file(), "import-linter is missing: pip install -e '.[dev]'"
    done = subprocess.run([str(lint), "--no-cache", "--no-logo"], cwd=REPO, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def _circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                part = []
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    part.append(m)
                    if m == node:
                        break
                if len(part) > 1:
                    found.append(sorted(part))
    return found


def test_circles_are_found():
    """The search itself finds a loop, and only the modules on it."""
    g = grimp.ImportGraph()
    for a, b in [("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d"), ("p.e", "p.a")]:
        g.add_import(importer=a, imported=b)
    assert _circles(g) == [["p.a", "p.b", "p.c"]]


def test_no_module_of_course_lib_imports_itself_through_others():
    graph = grimp.build_graph("course_lib", include_external_packages=False, cache_dir=None)
    for importer, imported in _ignored_imports():
        graph.remove_import(importer=importer, imported=imported)
    assert _circles(graph) == []


#: Private names still imported across modules, each in a module another branch rewrites.
KNOWN_PRIVATE_IMPORTS: set = set()  # none: every branch that used one is merged


def test_no_private_name_is_imported_from_another_module():
    """A name with a leading underscore is private to its module (ARCHITECTURE.md)."""
    import ast

    package = REPO / "course_lib"
    found = set()
    for path in sorted(package.rglob("*.py")):
        module = ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith(
                    "course_lib")) and node.module != "__future__":
                found |= {(module, a.name) for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")}
    assert found <= KNOWN_PRIVATE_IMPORTS, sorted(found - KNOWN_PRIVATE_IMPORTS)


def test_the_claims_core_loads_nothing_above_it():
    """analysis imports claims.core: that must not load the evaluators, the rule applied or
    the wording (the package face hands its names on only when they are asked for)."""
    code = ("import sys, course_lib.claims.core\n"
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('course_lib'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert "course_lib.claims.core" in loaded
    assert not loaded & {"course_lib.claims.evaluation", "course_lib.claims.judge",
                         "course_lib.claims.display", "course_lib.analysis"}, sorted(loaded)


def test_claims_evaluate_stays_the_function():
    import importlib

    from course_lib import claims

    importlib.import_module("course_lib.claims.evaluation")
    assert callable(claims.evaluate) and claims.evaluate.__name__ == "evaluate"
    assert set(claims.__all__) <= set(dir(claims))
    for name in claims.__all__:
        assert getattr(claims, name) is not None, name


def test_no_module_is_over_400_lines():
    """Every Python module of course_lib, classroom, benchmarks and tools stays under 400
    lines (ARCHITECTURE.md): a module that grows past it is split at its seams."""
    root = Path(__file__).resolve().parents[1]
    long = {str(p.relative_to(root)): n
            for folder in ("course_lib", "classroom", "benchmarks", "tools")
            for p in sorted((root / folder).rglob("*.py"))
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long, f"modules over 400 lines: {long}"


def _non_docstring_strings(tree) -> list[str]:
    import ast

    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
            and n.body and isinstance(n.body[0], ast.Expr)
            and isinstance(n.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


MARKUP = r"<\s*/?\s*(b|i|br|p|div|span|table|tr|td|th|ul|li|h[1-6]|a|strong|em|code)\b|\*\*\S|^#{1,6} |\]\("


def test_analysis_holds_no_markdown_or_html():
    """analysis/ returns tables and numbers: no string in its code (docstrings aside) is
    Markdown or HTML; explanations live with the claims, readouts in the widgets."""
    import ast
    import re

    assert re.search(MARKUP, "**bold**") and re.search(MARKUP, "<b>x</b>")  # the pattern bites
    root = Path(__file__).resolve().parents[1] / "course_lib" / "analysis"
    found = {}
    for path in sorted(root.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        hits = [s for s in _non_docstring_strings(tree) if re.search(MARKUP, s, re.M)]
        if hits:
            found[path.name] = hits[:3]
    assert not found, f"Markdown or HTML in analysis/: {found}"
