"""Fixtures for storage tests: a fresh database file in tmp_path, valid rows to vary."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tracker.storage import Database, open_database
from tracker.storage.migrate import MIGRATIONS_DIR, head_revision
from tracker.storage.models import PlanRecord

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "tracker.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


def _plan_values(**changes: Any) -> dict[str, Any]:
    """Column values of a valid plan row, as raw SQL parameters (text dates, text decimals)."""
    values: dict[str, Any] = {
        "name": "小米14 Pro",
        "currency": "CNY",
        "model": "flat",
        "principal": 360000,
        "periods": 12,
        "rate": "0.006",
        "remainder": "first",
        "first_due": "2024-01-31",
    }
    values.update(changes)
    return values


def _make_plan(**changes: Any) -> PlanRecord:
    """A valid, unsaved PlanRecord."""
    fields: dict[str, Any] = {
        "name": "小米14 Pro",
        "platform": "小米分期",
        "model": "flat",
        "principal": 360000,
        "periods": 12,
        "rate": Decimal("0.006"),
        "remainder": "first",
        "first_due": date(2024, 1, 31),
    }
    fields.update(changes)
    return PlanRecord(**fields)


@pytest.fixture
def plan_values():
    """``plan_values(**changes)``: a valid plan row for raw SQL, with some columns changed."""
    return _plan_values


@pytest.fixture
def make_plan():
    """``make_plan(**changes)``: a valid unsaved PlanRecord, with some fields changed."""
    return _make_plan


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    """A copy of the committed revision-0001 database (never open the original)."""
    target = tmp_path / "old" / "tracker.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(DATA / "v1.sqlite3", target)
    return target


@pytest.fixture
def migrations_with(tmp_path: Path):
    """Build a migrations folder: the real revisions plus test-only ones from data/."""

    def build(*extra: str) -> Path:
        folder = tmp_path / "migrations"
        shutil.copytree(MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
        head = head_revision()
        for name in extra:
            text = (DATA / "extra_revisions" / name).read_text(encoding="utf-8")
            text = text.replace('down_revision = "HEAD"', f'down_revision = "{head}"')
            (folder / "versions" / name).write_text(text, encoding="utf-8")
        return folder

    return build
