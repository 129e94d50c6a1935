"""tracker.storage sits below services, CLI and UI: it must not import them (or Qt)."""

from __future__ import annotations

import ast
from pathlib import Path

import tracker.storage

FORBIDDEN = (
    "PySide6",
    "matplotlib",
    "tracker.ui",
    "tracker.cli",
    "tracker.services",
    "tracker.app",
)


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_storage_imports_nothing_above_it():
    root = Path(tracker.storage.__file__).parent
    files = sorted(root.rglob("*.py"))
    assert len(files) > 5
    for path in files:
        bad = {
            name
            for name in imported_modules(path)
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
        }
        assert not bad, f"{path.relative_to(root)} imports {sorted(bad)}"
