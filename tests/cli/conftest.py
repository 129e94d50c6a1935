"""Fixtures for the ledger CLI tests: run `tracker` in-process on a real SQLite file.

``run("plan", "show", "1", "--json", today=date(2024, 5, 10))`` calls
``tracker.cli.main(["--db", FILE, ...], today=lambda: today)`` and returns the exit status
with captured stdout and stderr. The default "today" is 2024-05-10.

Reference plan (domain-rules.md, "flat"): 3600.00 over 12 periods at 0.6% per period, first
due 2024-01-31: 321.60 per period (300.00 + 21.60); due 01-31, 02-29, 03-31, 04-30, 05-31, …
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tracker.cli import main

TODAY = date(2024, 5, 10)
REFERENCE = (
    "--model", "flat", "--principal", "3600", "--periods", "12", "--rate", "0.6",
    "--first-due", "2024-01-31", "--paid-periods", "0",
)  # fmt: skip


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        assert self.code == 0, self.err
        return json.loads(self.out)

    def one_line_error(self) -> str:
        """Assert the command failed like a user error should; return the message line."""
        assert self.code == 2, (self.code, self.out, self.err)
        assert self.err.endswith("\n") and self.err.count("\n") == 1, self.err
        assert "Traceback" not in self.err
        assert self.err.startswith("tracker"), self.err
        return self.err.strip()


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "t.sqlite3"


@pytest.fixture
def run(db_file: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    def _run(*argv: str, today: date = TODAY, db: Path | None = db_file) -> Result:
        args = ["--db", str(db), *argv] if db is not None else list(argv)
        code = main(args, today=lambda: today)
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return _run


@pytest.fixture
def add_plan(run: Callable[..., Result]) -> Callable[..., int]:
    """``add_plan("--grace-days", "3", name="x")``: the reference plan plus options; its id."""

    def _add(*extra: str, name: str = "Xiaomi 14") -> int:
        res = run("plan", "add", "--name", name, *REFERENCE, *extra, "--json")
        return int(res.json()["id"])

    return _add


@pytest.fixture
def snapshot(db_file: Path) -> Callable[[], dict[str, list[tuple[Any, ...]]]]:
    """Every row of the ledger tables, read straight from the file (to prove nothing changed)."""

    def _snap() -> dict[str, list[tuple[Any, ...]]]:
        if not db_file.exists():
            return {}
        with closing(sqlite3.connect(db_file)) as con:
            return {
                t: con.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                for t in ("plans", "installments", "payments")
            }

    return _snap
