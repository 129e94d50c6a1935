"""Fixtures for the service tests: a real SQLite file per test and the reference plan.

Reference plan (domain-rules.md, "flat"): 3600.00 over 12 periods at 0.6% per period, first due
2024-01-31, so every installment is 32160 fen (30000 principal + 2160 fee) and the due dates
are 01-31, 02-29, 03-31, 04-30, 05-31, …  Every amount is integer fen, every date exact.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tracker import services as sv
from tracker.domain import Model, PlanTerms
from tracker.domain.payoff import PayoffPolicy
from tracker.storage.engine import Database, open_database


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "t.sqlite3"


@pytest.fixture
def db(db_file: Path) -> Iterator[Database]:
    database = open_database(db_file)
    yield database
    for name in ("close", "dispose"):
        closer = getattr(database, name, None)
        if callable(closer):
            closer()
            break


def reference_terms(**changes: Any) -> PlanTerms:
    """The reference flat plan, with any field changed."""
    fields: dict[str, Any] = {
        "model": Model.FLAT,
        "principal": 360000,
        "periods": 12,
        "first_due": date(2024, 1, 31),
        "rate": Decimal("0.006"),
    }
    fields.update(changes)
    return PlanTerms(**fields)


def plan_input(
    name: str = "Xiaomi 14", terms: PlanTerms | None = None, **extra: Any
) -> sv.PlanInput:
    return sv.PlanInput(name=name, terms=terms or reference_terms(), **extra)


@pytest.fixture
def make_terms() -> Callable[..., PlanTerms]:
    """``make_terms(periods=24)``: the reference terms with fields changed."""
    return reference_terms


@pytest.fixture
def make_input() -> Callable[..., sv.PlanInput]:
    """``make_input(name, terms, grace_days=3, …)``: a PlanInput over the reference terms."""
    return plan_input


@pytest.fixture
def add(db: Database) -> Callable[..., int]:
    """Add a plan (the reference plan unless told otherwise); return its id."""

    def _add(
        name: str = "Xiaomi 14",
        *,
        terms: PlanTerms | None = None,
        grace_days: int = 0,
        tolerance: int = 0,
        penalty_daily_rate: Decimal = Decimal(0),
        payoff_policy: PayoffPolicy = PayoffPolicy.CHARGE_ALL_FEES,
        payoff_penalty_pct: Decimal = Decimal(0),
        platform: str = "",
        notes: str = "",
    ) -> int:
        change = sv.add_plan(
            db,
            plan_input(
                name,
                terms,
                platform=platform,
                notes=notes,
                grace_days=grace_days,
                tolerance=tolerance,
                penalty_daily_rate=penalty_daily_rate,
                payoff_policy=payoff_policy,
                payoff_penalty_pct=payoff_penalty_pct,
            ),
        )
        assert change.created_id is not None
        return change.created_id

    return _add


@pytest.fixture
def snapshot(db_file: Path) -> Callable[[], dict[str, list[tuple[Any, ...]]]]:
    """Every row of the ledger tables, read straight from the file (to prove nothing changed)."""

    def _snap() -> dict[str, list[tuple[Any, ...]]]:
        with closing(sqlite3.connect(db_file)) as con:
            return {
                t: con.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                for t in ("plans", "installments", "payments")
            }

    return _snap
