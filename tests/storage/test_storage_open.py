"""Opening files: new ones are private and complete, files that are not ours are refused
untouched, and resolve_target picks --db, then TRACKER_DB, then the default path."""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from pathlib import Path

import platformdirs
import pytest
from sqlalchemy import select

from tracker.storage import (
    APPLICATION_ID,
    ForeignDatabaseError,
    NewerDatabaseError,
    StorageError,
    default_db_path,
    open_database,
    resolve_target,
)
from tracker.storage.models import PlanRecord


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_refused_unchanged(path: Path) -> None:
    before = path.read_bytes()
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(ForeignDatabaseError) as info:
        open_database(path)
    assert str(path) in str(info.value)
    assert "Nothing was changed" in str(info.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings  # no backup, no temp file


def test_new_database_is_private_under_new_folders(tmp_path: Path, make_plan):
    target = tmp_path / "a" / "b" / "tracker.sqlite3"
    with open_database(target) as db:
        with db.session() as s:
            s.add(make_plan())
        assert mode(target) == 0o600
        for suffix in ("-wal", "-shm"):
            sidecar = Path(f"{target}{suffix}")
            assert not sidecar.exists() or mode(sidecar) == 0o600
    assert mode(tmp_path / "a") == mode(tmp_path / "a" / "b") == 0o700
    assert sorted(p.name for p in target.parent.iterdir()) == ["tracker.sqlite3"]  # no temp left


def test_umask_is_restored(tmp_path: Path):
    old = os.umask(0o022)
    try:
        open_database(tmp_path / "t.sqlite3").close()
        assert os.umask(0o022) == 0o022
    finally:
        os.umask(old)


def test_existing_folder_keeps_its_mode(tmp_path: Path):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    open_database(folder / "t.sqlite3").close()
    assert mode(folder) == 0o755


def test_reopen_keeps_data(db_path: Path, make_plan):
    with open_database(db_path) as db, db.session() as s:
        s.add(make_plan(name="花呗 - 冰箱"))
    with open_database(db_path) as db, db.session() as s:
        assert s.scalars(select(PlanRecord.name)).all() == ["花呗 - 冰箱"]
    assert not list(db_path.parent.glob("*.backup-*"))  # nothing to migrate, no backup


def test_refuses_text_file(tmp_path: Path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("这不是数据库\nshopping list\n" * 20, encoding="utf-8")
    assert_refused_unchanged(path)


def test_refuses_zero_length_file(tmp_path: Path):
    path = tmp_path / "tracker.sqlite3"
    path.touch()
    assert_refused_unchanged(path)
    assert path.stat().st_size == 0


def test_refuses_short_garbage(tmp_path: Path):
    path = tmp_path / "tracker.sqlite3"
    path.write_bytes(b"SQLite format 3\x00")  # a header, then nothing
    assert_refused_unchanged(path)


def test_refuses_another_apps_database(tmp_path: Path):
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("PRAGMA application_id = 1234")
    con.execute("CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)")
    con.execute("INSERT INTO songs (title) VALUES ('月亮代表我的心')")
    con.commit()
    con.close()
    assert_refused_unchanged(path)


def test_refuses_sqlite_file_without_application_id_but_with_tables(tmp_path: Path):
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE plans (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    assert_refused_unchanged(path)


def test_refuses_corrupted_database(db_path: Path, make_plan):
    with open_database(db_path) as db, db.session() as s:
        for n in range(200):
            s.add(make_plan(name=f"plan {n}", notes="x" * 200))
    data = bytearray(db_path.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    for offset in range(3 * page, 6 * page, 7):  # scribble over three b-tree pages
        data[offset] = 0xA5
    db_path.write_bytes(bytes(data))
    assert_refused_unchanged(db_path)


def test_refuses_newer_database(db_path: Path):
    open_database(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_adopts_empty_sqlite_file(tmp_path: Path):
    path = tmp_path / "empty.sqlite3"
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 0")
    con.execute("VACUUM")  # writes a valid, schema-less database
    con.close()
    assert path.stat().st_size > 0
    with open_database(path) as db, db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA application_id").scalar_one() == APPLICATION_ID


def test_refuses_a_folder(tmp_path: Path):
    with pytest.raises(ForeignDatabaseError):
        open_database(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file modes")
def test_unreadable_file_is_a_storage_error(db_path: Path):
    open_database(db_path).close()
    os.chmod(db_path, 0)
    try:
        with pytest.raises(StorageError):
            open_database(db_path)
    finally:
        os.chmod(db_path, 0o600)


def test_session_commits_or_rolls_back(db, make_plan):
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(make_plan(name="rolled back"))
        s.flush()
        raise RuntimeError("user cancelled")
    with db.session() as s:
        s.add(make_plan(name="kept"))
    with db.session() as s:
        assert s.scalars(select(PlanRecord.name)).all() == ["kept"]


# --- resolve_target ---------------------------------------------------------------------


def test_resolve_prefers_db_option(tmp_path: Path):
    env = {"TRACKER_DB": str(tmp_path / "env.sqlite3")}
    assert resolve_target(str(tmp_path / "opt.sqlite3"), env) == f"sqlite:///{tmp_path}/opt.sqlite3"


def test_resolve_uses_environment(tmp_path: Path):
    env = {"TRACKER_DB": str(tmp_path / "env.sqlite3")}
    assert resolve_target(None, env) == f"sqlite:///{tmp_path}/env.sqlite3"


def test_resolve_defaults_to_user_data_folder():
    expected = Path(platformdirs.user_data_dir("installment-tracker", appauthor=False))
    assert default_db_path() == expected / "tracker.sqlite3"
    assert resolve_target(None, {}) == f"sqlite:///{default_db_path()}"
    assert resolve_target(None, {"TRACKER_DB": ""}) == f"sqlite:///{default_db_path()}"


def test_resolve_accepts_urls_and_relative_paths(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert resolve_target("sqlite:////data/t.sqlite3", {}) == "sqlite:////data/t.sqlite3"
    assert resolve_target("sqlite:///rel.sqlite3", {}) == f"sqlite:///{tmp_path}/rel.sqlite3"
    assert resolve_target("rel.sqlite3", {}) == f"sqlite:///{tmp_path}/rel.sqlite3"
    home = Path("~").expanduser()
    assert resolve_target("~/t.sqlite3", {}) == f"sqlite:///{home}/t.sqlite3"


@pytest.mark.parametrize(
    "bad",
    ["", "  ", "postgresql://u@h/db", "sqlite://", "sqlite:///:memory:", "sqlite:///x?mode=ro"],
)
def test_resolve_refuses_what_is_not_a_file(bad: str):
    with pytest.raises(StorageError):
        resolve_target(bad, {})


def test_resolved_url_opens_odd_paths(tmp_path: Path):
    path = tmp_path / "分期 账本#1?.sqlite3"
    url = resolve_target(str(path), {})
    with open_database(url) as db:
        assert db.path == path
        assert db.url == url
    assert path.exists()


@pytest.mark.parametrize("damage", ["DELETE FROM alembic_version", "DROP TABLE alembic_version"])
def test_our_tables_without_a_schema_version_are_refused_in_one_line(v1_copy: Path, damage: str):
    con = sqlite3.connect(v1_copy)
    con.execute(damage)
    con.commit()
    con.close()
    assert_refused_unchanged(v1_copy)
    with pytest.raises(ForeignDatabaseError) as info:
        open_database(v1_copy)
    message = str(info.value)
    assert "no schema version" in message and "Restore a backup" in message
    assert "\n" not in message  # not the 55-line SQL error of a failed CREATE TABLE


def test_an_existing_database_readable_by_others_is_made_private(v1_copy: Path):
    os.chmod(v1_copy, 0o644)
    with open_database(v1_copy):
        pass
    assert stat.S_IMODE(v1_copy.stat().st_mode) == 0o600


def test_temporary_files_of_an_abandoned_first_run_are_cleaned_up(tmp_path: Path):
    target = tmp_path / "tracker.sqlite3"
    old = tmp_path / ".tracker.sqlite3.new-dead"
    for p in (old, Path(f"{old}-wal")):
        p.write_bytes(b"half a database")
        os.utime(p, (time.time() - 3600, time.time() - 3600))
    recent = tmp_path / ".tracker.sqlite3.new-busy"  # another process creating it right now
    recent.write_bytes(b"")
    with open_database(target):
        pass
    assert not old.exists() and not Path(f"{old}-wal").exists()
    assert recent.exists()
