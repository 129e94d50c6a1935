"""A new database is a copy of the shipped template, and the template is exactly what the
migrations make: the same schema, pragmas and rows. After a new migration this test fails
until ``python -m tracker.storage.template`` rebuilds the file."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tracker.storage import open_database, template
from tracker.storage.migrate import upgrade
from tracker.storage.schema_version import SCHEMA_REVISION

PRAGMAS = ("user_version", "application_id", "journal_mode", "page_size", "auto_vacuum", "encoding")


def describe(path: Path) -> dict[str, object]:
    """Everything about a database file but its bytes."""
    # immutable: the shipped template must get no -wal/-shm beside it
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)) as con:
        master = con.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        tables = [n for t, n, _tbl, _sql in master if t == "table"]
        rows = {t: con.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
        pragmas = {p: con.execute(f"PRAGMA {p}").fetchone()[0] for p in PRAGMAS}
        columns = {t: con.execute(f'PRAGMA table_xinfo("{t}")').fetchall() for t in tables}
    return {"master": master, "rows": rows, "pragmas": pragmas, "columns": columns}


def migrated(tmp_path: Path) -> Path:
    path = tmp_path / "migrated.sqlite3"
    path.touch(mode=0o600)
    upgrade(path, backup=False)
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def test_the_template_is_what_the_migrations_make(tmp_path: Path) -> None:
    assert template.template_bytes(SCHEMA_REVISION) is not None, "rebuild the template"
    assert template.template_bytes("0001") is None  # it is used only for its own revision
    expected = describe(migrated(tmp_path))
    assert describe(template.TEMPLATE) == expected
    for side in ("-wal", "-shm", "-journal"):  # read immutable: nothing is made beside it
        assert not Path(f"{template.TEMPLATE}{side}").exists()
    assert expected["rows"]["alembic_version"] == [(SCHEMA_REVISION,)]  # type: ignore[index]


def test_a_new_database_is_the_template_and_works(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    with open_database(path) as db:
        assert db.path == path
    assert path.stat().st_mode & 0o777 == 0o600
    assert describe(path) == describe(migrated(tmp_path))


def test_without_a_template_for_this_schema_the_migrations_make_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []
    real = upgrade

    def counting(path: Path, **kwargs: object) -> object:
        calls.append(path)
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("tracker.storage.engine.upgrade", counting)
    monkeypatch.setattr(template, "TEMPLATE", tmp_path / "missing.sqlite3")
    path = tmp_path / "new.sqlite3"
    open_database(path).close()
    assert len(calls) == 1
    assert describe(path) == describe(migrated(tmp_path))
