"""An import inserts in bulk: its SQL statements do not grow with the plans and payments.

The batch's new plans, installments and payments are inserted with one ``executemany`` per
table (``services.import_bulk``), derived once, audited with SQL, then copied into the file:
a ledger ten times larger takes the same statements (each ``executemany`` counts once), but
for the look-ups of the file's ids, which go 500 ids to a statement (SQLite's bound on
parameters).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event

from tracker.services import imports
from tracker.services.transfer import ImportFile, import_files
from tracker.storage import open_database

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 11, 29)


def _generate(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    path = ROOT / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("bench_generate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_generate", module)  # its dataclasses need it
    spec.loader.exec_module(module)
    return module


@contextmanager
def counting(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every statement run on the file and on the import's private copy."""
    seen: list[str] = []

    def note(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    real = imports.scratch_database

    def scratch(memory, path):  # type: ignore[no-untyped-def]
        db = real(memory, path)
        event.listen(db.engine, "before_cursor_execute", note)
        return db

    monkeypatch.setattr(imports, "scratch_database", scratch)
    yield seen


def _import(tmp_path: Path, n: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int, int]:
    generate = _generate(monkeypatch)
    plans_csv, payments_csv, _count = generate.write_csvs(n, tmp_path / f"csv-{n}", 9, AS_OF)
    files = [ImportFile(p.name, p.read_bytes()) for p in (plans_csv, payments_csv)]
    with open_database(tmp_path / f"{n}.sqlite3") as db, counting(monkeypatch) as seen:
        event.listen(db.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
        _change, report = import_files(db, files, AS_OF)
    return len(report.plans), len(report.payments), len(seen)


def test_import_statements_do_not_grow_with_the_ledger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = _import(tmp_path, 10, monkeypatch)
    large = _import(tmp_path, 100, monkeypatch)
    assert small[:2] == (10, small[1]) and large[0] == 100 and large[1] > 5 * small[1]
    chunks = -(-large[1] // 500) - 1  # more statements of 500 ids for the larger file
    assert large[2] - small[2] <= chunks, (small, large)
    assert small[2] < 60  # far from one per row (10 plans, ~100 payments, ~200 installments)
