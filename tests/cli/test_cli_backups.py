"""`tracker backup` and `tracker restore` on real files, in-process and as subprocesses:
round trip, a stale -wal held by another process, refusals that change nothing, listing
without changing a byte, and the automatic daily and pre-import backups."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from tests.cli.conftest import Result

Run = Callable[..., Result]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def payments(path: Path) -> int:
    with closing(sqlite3.connect(path)) as con:
        return int(con.execute("SELECT count(*) FROM payments").fetchone()[0])


@pytest.fixture
def ledger(run: Run, add_plan) -> int:
    plan = add_plan()
    run("pay", str(plan), "--amount", "321.60", "--date", "2024-01-30")
    return plan


def test_backup_writes_a_private_verified_file_and_says_what_is_in_it(
    run: Run, ledger: int, db_file: Path
) -> None:
    res = run("backup", "--json")
    made = Path(res.json()["path"])
    assert res.json() == {"path": str(made), "plans": 1, "payments": 1}
    assert made.parent == db_file.parent / "backups"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    text = run("backup")
    assert text.code == 0 and text.out.startswith("Backed up 1 plan(s) and 1 payment(s) to ")


def test_backup_to_a_new_file(run: Run, ledger: int, tmp_path: Path) -> None:
    out = tmp_path / "keep" / "mine.sqlite3"
    out.parent.mkdir()
    res = run("backup", "-o", str(out))
    assert res.out == f"Backed up 1 plan(s) and 1 payment(s) to {out}\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and payments(out) == 1
    assert listing(out.parent) == ["mine.sqlite3"]  # no temp file left


@pytest.mark.parametrize("target", ["db", "-wal", "-shm", "other-db", "existing", "no-folder"])
def test_backup_output_refusals(
    run: Run, ledger: int, db_file: Path, tmp_path: Path, target: str
) -> None:
    other = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(other)) as con:
        con.execute("CREATE TABLE x(y)")
    existing = tmp_path / "notes.txt"
    existing.write_text("mine")
    path = {
        "db": db_file,
        "-wal": Path(f"{db_file}-wal"),
        "-shm": Path(f"{db_file}-shm"),
        "other-db": other,
        "existing": existing,
        "no-folder": tmp_path / "missing" / "b.sqlite3",
    }[target]
    hashes = {p: sha(p) for p in (db_file, other, existing)}
    before = listing(tmp_path)
    line = run("backup", "-o", str(path)).one_line_error()
    assert line.startswith("tracker backup: error: -o:")
    assert {p: sha(p) for p in hashes} == hashes
    assert listing(tmp_path) == before


def test_restore_round_trip_later_payments_disappear(run: Run, ledger: int, db_file: Path) -> None:
    made = Path(run("backup", "--json").json()["path"])
    run("pay", str(ledger), "--amount", "321.60", "--date", "2024-02-28")
    run("pay", str(ledger), "--amount", "321.60", "--date", "2024-03-30")
    assert payments(db_file) == 3
    res = run("restore", str(made))
    assert res.code == 0, res.err
    lines = res.out.splitlines()
    assert lines[0].startswith("Restored the backup of 20") and lines[0].endswith(
        f"({made}): 1 plan(s) and 1 payment(s)."
    )
    assert lines[1].startswith(f"The data it replaced was kept as {db_file.parent}/backups/")
    assert "pre-restore" in lines[1]
    assert lines[2] == "Check: the file is sound and every plan adds up."
    assert payments(db_file) == 1
    assert payments(Path(lines[1].rsplit(" ", 1)[1])) == 3
    hist = run("history", "--json").json()
    assert [p["date"] for p in hist] == ["2024-01-30"]


WRITER = r"""
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA wal_autocheckpoint=0")
print(con.execute("SELECT count(*) FROM payments").fetchone()[0], flush=True)
sys.stdin.readline()  # the test restores meanwhile
print(con.execute("SELECT count(*) FROM payments").fetchone()[0], flush=True)
"""


def test_restore_while_another_process_holds_later_payments_in_the_wal(
    run: Run, ledger: int, db_file: Path
) -> None:
    made = Path(run("backup", "--json").json()["path"])
    other = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_file)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert other.stdout is not None and other.stdin is not None
    assert other.stdout.readline().strip() == "1"
    for day in ("2024-02-28", "2024-03-30"):  # later payments, while it has the file open
        run("pay", str(ledger), "--amount", "321.60", "--date", day)
    assert Path(f"{db_file}-wal").exists()
    assert run("restore", str(made)).code == 0
    other.stdin.write("\n")
    other.stdin.flush()
    assert other.stdout.readline().strip() == "1"  # the other process reads the restored data
    assert other.wait(timeout=30) == 0
    assert payments(db_file) == 1
    assert [p["date"] for p in run("history", "--json").json()] == ["2024-01-30"]


def _make_bad(kind: str, path: Path, good: Path) -> None:
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "garbled":
        path.write_bytes(b"not a database at all\n" * 50)
    elif kind == "foreign":
        with closing(sqlite3.connect(path)) as con:
            con.execute("CREATE TABLE contacts(name)")
            con.commit()
    elif kind == "newer":
        shutil.copyfile(good, path)
        with closing(sqlite3.connect(path)) as con:
            con.execute("UPDATE alembic_version SET version_num = '9999'")
            con.commit()
    elif kind == "damaged":
        data = bytearray(good.read_bytes())
        data[8192:12288] = b"\x5a" * 4096
        path.write_bytes(bytes(data))


@pytest.mark.parametrize("kind", ["empty", "garbled", "foreign", "newer", "damaged", "missing"])
def test_restore_refusals_change_nothing(
    run: Run, ledger: int, db_file: Path, tmp_path: Path, kind: str
) -> None:
    good = Path(run("backup", "--json").json()["path"])
    bad = tmp_path / "chosen.sqlite3"
    _make_bad(kind, bad, good)
    hashes = {p: sha(p) for p in (bad, db_file) if p.exists()}
    before = listing(tmp_path)
    line = run("restore", str(bad)).one_line_error()
    assert line.startswith("tracker restore: error: ") and "Nothing was changed" in line
    assert {p: sha(p) for p in hashes} == hashes
    assert listing(tmp_path) == before


def test_restore_list_shows_backups_without_changing_them(
    run: Run, ledger: int, db_file: Path
) -> None:
    first = Path(run("backup", "--json").json()["path"])
    run("plan", "add", "--name", "花呗", "--model", "interest-free", "--principal", "600",
        "--periods", "6", "--first-due", "2024-02-10", "--paid-periods", "0")  # fmt: skip
    second = Path(run("backup", "--json").json()["path"])
    hashes = {p: sha(p) for p in (first, second)}
    before = listing(db_file.parent)
    found = run("restore", "--list", "--json").json()
    rows = [(Path(b["path"]), b["label"], b["plans"], b["payments"], b["ok"]) for b in found]
    assert rows[:2] == [(second, "manual", 2, 1, True), (first, "manual", 1, 1, True)]
    assert [r[1:] for r in rows[2:]] == [("daily", 1, 0, True)]  # before the first payment
    text = run("backup", "--list").out.splitlines()
    assert len(text) == 3 and "manual" in text[0] and "2 plan(s)" in text[0]
    assert {p: sha(p) for p in hashes} == hashes
    assert listing(db_file.parent) == before


def test_the_first_write_of_the_day_takes_the_daily_backup(
    run: Run, add_plan, db_file: Path
) -> None:
    plan = add_plan()  # an empty database is not backed up: nothing to lose yet
    folder = db_file.parent / "backups"
    assert not folder.exists()
    run("plan", "list")  # reads never back up
    assert not folder.exists()
    run("pay", str(plan), "--amount", "321.60", "--date", "2024-01-30")
    [daily] = folder.iterdir()
    assert "-daily-" in daily.name and payments(daily) == 0  # taken before the payment
    run("pay", str(plan), "--amount", "321.60", "--date", "2024-02-28")
    assert list(folder.iterdir()) == [daily]


def test_every_import_is_preceded_by_a_backup(
    run: Run, ledger: int, db_file: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "payments.csv"
    run("export", "payments", "-o", str(exported))
    run("import", str(exported), "--dry-run")
    folder = db_file.parent / "backups"
    assert not [p for p in folder.iterdir() if "-import-" in p.name]
    run("import", str(exported))
    [made] = [p for p in folder.iterdir() if "-import-" in p.name]
    assert payments(made) == 1


def test_restore_as_a_subprocess_prints_one_line_for_a_bad_file(
    db_file: Path, tmp_path: Path, run: Run, ledger: int
) -> None:
    bad = tmp_path / "zero.sqlite3"
    bad.write_bytes(b"")
    env = dict(os.environ, TRACKER_DB=str(db_file))
    out = subprocess.run(
        [sys.executable, "-m", "tracker", "restore", str(bad)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and "is empty" in out.stderr
    assert json.loads(json.dumps(out.stderr))  # plain text, no traceback
    assert "Traceback" not in out.stderr


def test_restore_over_a_damaged_database_keeps_it_aside_and_says_so(
    run: Run, ledger: int, db_file: Path
) -> None:
    made = Path(run("backup", "--json").json()["path"])
    damaged = b"SQLite format 3\x00" + b"\x07" * 6000
    for suffix in ("-wal", "-shm"):
        Path(f"{db_file}{suffix}").unlink(missing_ok=True)
    db_file.write_bytes(damaged)
    assert run("plan", "list").one_line_error().startswith("tracker plan: error: ")
    res = run("restore", str(made))
    assert res.code == 0, res.err
    [aside] = db_file.parent.glob("t.damaged-*.sqlite3")
    assert aside.read_bytes() == damaged
    assert f"The unusable database was kept aside, unchanged, as {aside}" in res.out
    assert "kept as" not in res.out.replace("kept aside", "")  # no pre-restore of a bad file
    assert payments(db_file) == 1
    assert stat.S_IMODE(db_file.stat().st_mode) == 0o600
