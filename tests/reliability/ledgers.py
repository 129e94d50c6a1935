"""Shared helpers of the reliability suite: ledgers on real SQLite files and their checks.

- ``new_ledger(path, plans)`` creates a database with interest-free plans of 10,000,000.00 each
  (1,000,000,000 fen over 10 periods, first due 2020-01-31): room for thousands of payments.
- ``ledger_health(path)`` opens the file the way the app does and returns what the checks of
  every fault test need: SQLite's integrity_check, foreign_key_check, the app's audit, and the
  notes of live payments (each test payment carries a unique note).
- ``payments_csv(plan_id, notes, amount)`` builds an import file of payments.
- ``tree_state(folder)`` is a folder's listing with each file's sha256, to prove nothing changed.
"""

from __future__ import annotations

import atexit
import hashlib
import shutil
import sqlite3
import tempfile
from collections import Counter
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tracker import services as sv
from tracker.domain import Model, PlanTerms
from tracker.services.audit import audit
from tracker.storage.engine import open_database

PRINCIPAL = 1_000_000_000
FIRST_DUE = date(2020, 1, 31)
PAID_ON = date(2024, 2, 1)


_TEMPLATES: dict[int, tuple[Path, list[int]]] = {}


def new_ledger(path: Path, plans: int = 1) -> list[int]:
    """A new database at ``path`` with ``plans`` large interest-free plans; their ids.

    Creating a database runs the migrations (about a second), so the first ledger of each
    size is built once per session and copied (it is closed: no -wal beside it).
    """
    if plans not in _TEMPLATES:
        folder = Path(tempfile.mkdtemp(prefix="tracker-ledger-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        template = folder / f"template-{plans}.sqlite3"
        _TEMPLATES[plans] = (template, _build_ledger(template, plans))
    template, ids = _TEMPLATES[plans]
    assert not Path(f"{template}-wal").exists()
    shutil.copyfile(template, path)
    path.chmod(0o600)
    return list(ids)


def _build_ledger(path: Path, plans: int) -> list[int]:
    ids = []
    with open_database(path) as db:
        for k in range(plans):
            terms = PlanTerms(Model.INTEREST_FREE, PRINCIPAL, 10, FIRST_DUE)
            change = sv.add_plan(db, sv.PlanInput(f"plan {k + 1}", terms), PAID_ON, 0)
            assert change.created_id is not None
            ids.append(change.created_id)
    return ids


@dataclass(frozen=True)
class Health:
    integrity: list[str]
    foreign_keys: list[tuple[object, ...]]
    audit_ok: bool
    audit_problems: tuple[str, ...]
    notes: Counter[str]
    error: str = ""

    @property
    def sound(self) -> bool:
        return (
            not self.error
            and self.integrity == ["ok"]
            and not self.foreign_keys
            and self.audit_ok
            and all(n == 1 for n in self.notes.values())
        )


def ledger_health(path: Path) -> Health:
    """Check the file after a fault; never raises for a damaged file (``error`` says why)."""
    try:
        with closing(sqlite3.connect(path)) as con:
            integrity = [r[0] for r in con.execute("PRAGMA integrity_check")]
            fks = [tuple(r) for r in con.execute("PRAGMA foreign_key_check")]
        with open_database(path) as db:
            report = audit(db)
            with db.read_session() as s:
                rows = s.connection().exec_driver_sql(
                    "SELECT note FROM payments WHERE voided = 0 AND kind != 'prior'"
                )
                notes = Counter(r[0] for r in rows)
    except Exception as exc:  # a damaged file: report it, the caller counts it as corrupt
        return Health([], [], False, (), Counter(), f"{type(exc).__name__}: {exc}")
    problems = (*report.integrity, *report.foreign_keys, *report.mismatches)
    return Health(integrity, fks, report.ok, problems, notes)


def payments_csv(plan_id: int, notes: list[str], amount: str = "0.01") -> bytes:
    """A payments CSV (our export's headers) with one payment per note, dated PAID_ON."""
    lines = ["plan_id,date,amount,method,note"]
    lines += [f"{plan_id},{PAID_ON.isoformat()},{amount},import,{n}" for n in notes]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_state(folder: Path) -> dict[str, str]:
    """Every entry under ``folder``: its sha256 (files) or its kind (folders, others)."""
    out: dict[str, str] = {}
    for p in sorted(folder.rglob("*")):
        rel = str(p.relative_to(folder))
        if p.is_symlink():
            out[rel] = "link"
        elif p.is_dir():
            out[rel] = "dir"
        else:
            try:
                out[rel] = sha256(p)
            except OSError:
                out[rel] = "unreadable"
    return out
