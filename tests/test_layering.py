"""Layering rules, checked by parsing every module under tracker/ with `ast`.

Data flows one way: ui/cli -> services -> domain + storage. Nothing below imports anything above:

- tracker/domain imports only the standard library and tracker.domain itself;
- tracker/storage imports no ui, cli, services, app or PySide6;
- tracker/reports imports only the domain (and itself, the standard library and third-party
  writers): no storage, services, cli, ui, app or PySide6;
- only tracker/ui imports PySide6 or tracker.ui; tracker/app.py (the wiring) may too, and
  tracker/__main__.py may, but only inside a function, so `tracker quote` never loads Qt.

`TYPE_CHECKING` imports count: a type-only import is still a dependency on that layer.
No two modules import each other, directly or round a longer loop (`test_no_import_cycles`),
whether the import is at the top, type-only or inside a function.
`importlib.import_module("x")` and `__import__("x")` with a literal name count too.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "tracker"

QT = ("PySide6", "shiboken6")
UI = ("tracker.ui",)
ABOVE_STORAGE = ("tracker.ui", "tracker.cli", "tracker.services", "tracker.app", "tracker.__main__")


@dataclass(frozen=True)
class Import:
    """One imported module name, fully resolved (relative imports made absolute)."""

    name: str
    lineno: int
    in_function: bool


def _matches(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def module_name(rel_path: str) -> tuple[str, bool]:
    """'tracker/domain/money.py' -> ('tracker.domain.money', False); packages -> (pkg, True)."""
    parts = list(Path(rel_path).with_suffix("").parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def _resolve(module: str | None, level: int, current: str, is_package: bool) -> str:
    if level == 0:
        return module or ""
    base = current.split(".") if is_package else current.split(".")[:-1]
    if level > 1:
        base = base[: -(level - 1)]
    return ".".join([*base, module] if module else base)


def _dynamic_import(call: ast.Call) -> str | None:
    """The literal module name of `importlib.import_module("x")` / `__import__("x")`, if any."""
    func = call.func
    callee = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
    if callee not in {"__import__", "import_module"} or not call.args:
        return None
    first = call.args[0]
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None


def imports_of(source: str, rel_path: str) -> list[Import]:
    """Every module that `source` (the file at `rel_path`) imports, resolved to absolute names.

    `from pkg import name` yields both `pkg` and `pkg.name` (name may be a submodule, e.g.
    `from tracker import ui`).
    """
    current, is_package = module_name(rel_path)
    tree = ast.parse(source, filename=rel_path)
    found: list[Import] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        if isinstance(node, ast.Import):
            found.extend(Import(a.name, node.lineno, in_function) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node.module, node.level, current, is_package)
            found.append(Import(base, node.lineno, in_function))
            found.extend(
                Import(f"{base}.{a.name}" if base else a.name, node.lineno, in_function)
                for a in node.names
                if a.name != "*"
            )
        elif isinstance(node, ast.Call) and (dynamic := _dynamic_import(node)):
            found.append(Import(dynamic, node.lineno, in_function))
        inner = in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        for child in ast.iter_child_nodes(node):
            visit(child, inner)

    visit(tree, False)
    return found


def violations(rel_path: str, source: str) -> list[str]:
    """The layering violations of one file, as 'path:line imports X (rule)' lines."""
    current, _ = module_name(rel_path)
    problems: list[str] = []

    def bad(imp: Import, rule: str) -> None:
        problems.append(f"{rel_path}:{imp.lineno} imports {imp.name} ({rule})")

    for imp in imports_of(source, rel_path):
        name = imp.name
        top = name.split(".")[0]
        if _matches(current, ("tracker.domain",)):
            if not (top in sys.stdlib_module_names or _matches(name, ("tracker.domain",))):
                bad(imp, "tracker/domain may import only the standard library and tracker.domain")
            continue
        if _matches(current, ("tracker.storage",)) and _matches(name, ABOVE_STORAGE + QT):
            bad(imp, "tracker/storage must not import ui, cli, services, app or PySide6")
            continue
        if _matches(current, ("tracker.reports",)) and (
            _matches(name, QT + UI + ABOVE_STORAGE + ("tracker.storage",))
        ):
            bad(imp, "tracker/reports may import only the domain (no storage, services or ui)")
            continue
        if _matches(current, ("tracker.ui",)) or current == "tracker.app":
            continue
        if _matches(name, QT + UI):
            if current == "tracker.__main__":
                if not imp.in_function:
                    bad(imp, "tracker/__main__.py may import Qt/ui only inside a function")
                continue
            bad(imp, "only tracker/ui (and the app.py wiring) may import PySide6 or tracker.ui")
    return problems


def _tracker_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_tracker_modules_respect_layers() -> None:
    files = _tracker_files()
    assert files, f"no .py files found under {PACKAGE}"
    problems: list[str] = []
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        problems += violations(rel, path.read_text(encoding="utf-8"))
    assert not problems, "layering violations:\n" + "\n".join(problems)


def import_graph(sources: dict[str, str]) -> dict[str, set[str]]:
    """Which tracker modules each module (path -> source) imports. ``from pkg import name``
    counts ``pkg.name`` when that is a module, and ``pkg`` itself only when it is not a
    package the importing module belongs to (importing a sibling runs no new code)."""
    modules = {module_name(rel)[0]: rel for rel in sources}
    graph: dict[str, set[str]] = {}
    for name, rel in modules.items():
        deps: set[str] = set()
        for imp in imports_of(sources[rel], rel):
            target = imp.name
            if target not in modules or target == name:
                continue
            if name.startswith(target + "."):
                continue  # its own package, already being imported
            deps.add(target)
        graph[name] = deps
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other (strongly connected, more than one)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group: list[str] = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles() -> None:
    sources = {
        p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in _tracker_files()
    }
    assert cycles(import_graph(sources)) == []


def test_cycle_finder_sees_a_type_only_loop() -> None:
    sources = {
        "tracker/ui/a.py": "from .b import B\n",
        "tracker/ui/b.py": "import typing\nif typing.TYPE_CHECKING:\n    from .a import A\n",
        "tracker/ui/c.py": "from . import a\n",
        "tracker/ui/__init__.py": "from .c import x\n",
    }
    assert cycles(import_graph(sources)) == [["tracker.ui.a", "tracker.ui.b"]]


# --- self-tests: the checker must catch what it claims to catch ---------------------------------


@pytest.mark.parametrize(
    ("rel_path", "source", "culprit"),
    [
        ("tracker/domain/money.py", "import PySide6.QtCore\n", "PySide6.QtCore"),
        ("tracker/domain/money.py", "from sqlalchemy import select\n", "sqlalchemy"),
        ("tracker/domain/money.py", "import matplotlib\n", "matplotlib"),
        ("tracker/domain/money.py", "import alembic\n", "alembic"),
        ("tracker/domain/money.py", "import platformdirs\n", "platformdirs"),
        ("tracker/domain/money.py", "from tracker.storage import repo\n", "tracker.storage"),
        ("tracker/domain/money.py", "from .. import services\n", "tracker"),
        ("tracker/domain/__init__.py", "from ..reports import csv\n", "tracker.reports"),
        (
            "tracker/domain/money.py",
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from tracker.storage import x\n",
            "tracker.storage",
        ),
        ("tracker/domain/money.py", "def f():\n    import sqlalchemy\n", "sqlalchemy"),
        ("tracker/storage/repo.py", "from tracker.ui import main_window\n", "tracker.ui"),
        ("tracker/storage/repo.py", "from tracker import services\n", "tracker.services"),
        ("tracker/storage/repo.py", "from .. import cli\n", "tracker.cli"),
        ("tracker/storage/repo.py", "from PySide6.QtCore import QObject\n", "PySide6.QtCore"),
        ("tracker/reports/csv.py", "from tracker.ui.widgets import Grid\n", "tracker.ui"),
        ("tracker/reports/csv.py", "import PySide6\n", "PySide6"),
        ("tracker/services.py", "from PySide6 import QtCore\n", "PySide6"),
        ("tracker/cli.py", "def main():\n    from tracker import ui\n", "tracker.ui"),
        ("tracker/cli.py", "import importlib\nimportlib.import_module('PySide6')\n", "PySide6"),
        ("tracker/__main__.py", "from tracker.ui.app import run\n", "tracker.ui"),
    ],
)
def test_checker_catches_violation(rel_path: str, source: str, culprit: str) -> None:
    problems = violations(rel_path, source)
    assert problems, f"checker missed a violation in {rel_path}: {source!r}"
    expected = f"{rel_path}:"
    assert any(p.startswith(expected) and f" imports {culprit}" in p for p in problems), problems


@pytest.mark.parametrize(
    ("rel_path", "source"),
    [
        (
            "tracker/domain/money.py",
            "from __future__ import annotations\nimport decimal, datetime\n"
            "from dataclasses import dataclass\nfrom collections.abc import Sequence\n",
        ),
        ("tracker/domain/schedule.py", "from .money import Money\nfrom . import apr\n"),
        ("tracker/domain/__init__.py", "from .money import Money\n"),
        ("tracker/domain/schedule.py", "from tracker.domain.money import Money\n"),
        ("tracker/storage/repo.py", "import sqlalchemy\nfrom tracker.domain import plan\n"),
        ("tracker/reports/chart.py", "from tracker.domain import schedule\nimport csv\n"),
        ("tracker/ui/main_window.py", "from PySide6.QtWidgets import QMainWindow\n"),
        ("tracker/app.py", "from PySide6.QtWidgets import QApplication\nimport tracker.ui\n"),
        ("tracker/__main__.py", "def main():\n    from tracker.ui.app import run\n"),
        ("tracker/cli.py", "import argparse\nfrom tracker import services\n"),
    ],
)
def test_checker_accepts_allowed_imports(rel_path: str, source: str) -> None:
    assert violations(rel_path, source) == []


def test_relative_imports_resolve() -> None:
    names = {i.name for i in imports_of("from ..storage import repo\n", "tracker/domain/x.py")}
    assert names == {"tracker.storage", "tracker.storage.repo"}
    names = {i.name for i in imports_of("from . import money\n", "tracker/domain/__init__.py")}
    assert names == {"tracker.domain", "tracker.domain.money"}


# --- at run time: the headless modules must not drag Qt in, even indirectly ---------------------

_PROBE = """
import importlib, json, sys
found = {}
for name in sys.argv[1:]:
    importlib.import_module(name)
    if "PySide6" in sys.modules:
        found = {"culprit": name}
        break
print(json.dumps(found))
"""


def test_headless_modules_do_not_load_qt() -> None:
    """Importing every module outside ui/app (e.g. what `tracker quote` needs) never loads PySide6.

    The static rules see direct imports only; this catches a chain such as cli -> app -> PySide6.
    """
    import json
    import os
    import subprocess

    names = []
    for path in _tracker_files():
        name, _ = module_name(path.relative_to(ROOT).as_posix())
        if _matches(name, ("tracker.ui", "tracker.app", "tracker.storage.migrations")):
            continue
        names.append(name)
    env = {**os.environ, "MPLBACKEND": "Agg"}
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, *names],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert not found, f"importing {found['culprit']} loads PySide6 (import Qt lazily, inside ui)"
