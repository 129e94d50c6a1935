"""SQLite failures reach callers as StorageError with a clear message, and roll back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tracker.storage import StorageError, StorageIOError
from tracker.storage.connection import translate_sqlite_error
from tracker.storage.models import PlanRecord


def test_database_full_is_reported_and_rolled_back(db, make_plan):
    with db.session() as s:
        s.add(make_plan(name="before"))
    with pytest.raises(StorageIOError) as info, db.session() as s:
        conn = s.connection()
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()
        conn.exec_driver_sql(f"PRAGMA max_page_count = {pages + 2}")  # a disk with 2 pages free
        s.add_all([make_plan(name=f"big {n}", notes="分期" * 5000) for n in range(20)])
    assert info.value.sqlite_errorname == "SQLITE_FULL"
    assert "disk is full" in str(info.value) and str(db.path) in str(info.value)
    assert "Nothing from this change was saved" in str(info.value)
    db.close()  # drop the connection that carries the page limit
    with db.session() as s:
        assert s.scalars(select(PlanRecord.name)).all() == ["before"]
        assert s.scalar(select(func.count()).select_from(PlanRecord)) == 1


@pytest.mark.parametrize(
    "code, name, words",
    [
        (13, "SQLITE_FULL", "disk is full"),
        # RLIMIT_FSIZE (EFBIG) and some full disks surface as a failed write(): the same cause
        (10 | (3 << 8), "SQLITE_IOERR_WRITE", "disk is full (or the file-size limit"),
        (10 | (1 << 8), "SQLITE_IOERR_READ", "Could not read or write"),
        (11, "SQLITE_CORRUPT", "damaged"),
        (8, "SQLITE_READONLY", "is read-only"),
        (14, "SQLITE_CANTOPEN", "permissions"),
        (5, "SQLITE_BUSY", "busy"),
    ],
)
def test_translation_of_storage_failures(code, name, words):
    error = sqlite3.OperationalError("boom")
    error.sqlite_errorcode = code
    error.sqlite_errorname = name
    translated = translate_sqlite_error(error, Path("/data/tracker.sqlite3"))
    assert isinstance(translated, StorageError)
    assert words in str(translated) and "/data/tracker.sqlite3" in str(translated)
    assert translated.sqlite_errorname == name


def test_constraint_errors_are_not_storage_errors():
    error = sqlite3.IntegrityError("CHECK constraint failed")
    error.sqlite_errorcode = 275  # SQLITE_CONSTRAINT_CHECK
    error.sqlite_errorname = "SQLITE_CONSTRAINT_CHECK"
    assert translate_sqlite_error(error, Path("x")) is None
    assert translate_sqlite_error(ValueError("x"), Path("x")) is None
