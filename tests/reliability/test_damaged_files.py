"""Damaged or foreign database files given to the CLI: `plan list`, `pay` and `history` exit 2
with one line on stderr naming the file, and neither the file's bytes nor its folder's
listing change (no -wal/-shm, backup or temporary file left beside it).

Variants: zero-length, truncated to half its pages, a garbled header (first 16 bytes), a garbled
page in the middle of a real ledger, another application's SQLite file (application_id 0 with a
``users`` table; another application_id), a newer schema revision than this app, a directory,
and a file the user may not read (run as an unprivileged user; skipped where that is impossible).
"""

from __future__ import annotations

import atexit
import io
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import traceback
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from tests.reliability.ledgers import PAID_ON, new_ledger, payments_csv, tree_state
from tracker.cli import main
from tracker.services.transfer import import_file
from tracker.storage.engine import open_database

pytestmark = pytest.mark.slow

COMMANDS = {
    "plan-list": ["plan", "list"],
    "pay": ["pay", "1", "--amount", "1.00", "--date", "2024-02-01"],
    "history": ["history"],
}


_REAL: list[Path] = []


def _real_ledger(path: Path) -> None:
    """A ledger of many pages: 2 plans and 300 payments with long notes (built once, copied)."""
    if not _REAL:
        folder = Path(tempfile.mkdtemp(prefix="tracker-real-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        real = folder / "real.sqlite3"
        plan_ids = new_ledger(real, plans=2)
        notes = [f"payment {i} " + "备注" * 20 for i in range(300)]
        with open_database(real) as db:
            for plan_id in plan_ids:
                import_file(db, payments_csv(plan_id, notes), PAID_ON)
        _REAL.append(real)
    shutil.copyfile(_REAL[0], path)


def _pages(path: Path) -> tuple[int, int]:
    with closing(sqlite3.connect(path)) as con:
        size = con.execute("PRAGMA page_size").fetchone()[0]
        count = con.execute("PRAGMA page_count").fetchone()[0]
    return size, count


def zero_length(path: Path) -> None:
    path.write_bytes(b"")


def truncated(path: Path) -> None:
    _real_ledger(path)
    size, count = _pages(path)
    with path.open("r+b") as f:
        f.truncate(size * (count // 2))


def garbled_header(path: Path) -> None:
    _real_ledger(path)
    data = bytearray(path.read_bytes())
    data[:16] = random.Random(1).randbytes(16)
    path.write_bytes(bytes(data))


def garbled_page(path: Path) -> None:
    _real_ledger(path)
    size, count = _pages(path)
    data = bytearray(path.read_bytes())
    page = count // 2  # 0-based: a b-tree page in the middle of the file
    data[page * size : (page + 1) * size] = random.Random(2).randbytes(size)
    path.write_bytes(bytes(data))


def other_app_id0(path: Path) -> None:
    with closing(sqlite3.connect(path)) as con:
        con.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
        con.execute("INSERT INTO users (name) VALUES ('alice')")
        con.commit()


def other_app_id(path: Path) -> None:
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA application_id = 1179208786")  # another program's id
        con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        con.commit()


def newer_schema(path: Path) -> None:
    new_ledger(path, plans=1)
    with closing(sqlite3.connect(path)) as con:
        con.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
        con.commit()
        con.execute("PRAGMA journal_mode=DELETE")


def directory(path: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_text("not a database")


VARIANTS: dict[str, tuple[Callable[[Path], None], tuple[str, ...]]] = {
    # what to make, and words the message must contain (any one of them)
    "zero-length": (zero_length, ("empty", "0 bytes")),
    "truncated": (truncated, ("damaged", "truncated")),
    "garbled-header": (garbled_header, ("not a database", "not a SQLite")),
    "garbled-page": (garbled_page, ("damaged",)),
    "other-app-id-0": (other_app_id0, ("another program",)),
    "other-app-id": (other_app_id, ("another program",)),
    "newer-schema": (newer_schema, ("newer version",)),
    "directory": (directory, ("not a regular file", "directory")),
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_cli_refuses_a_damaged_file_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], variant: str, command: str
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    target = folder / "tracker.sqlite3"
    make, words = VARIANTS[variant]
    make(target)
    for side in ("-wal", "-shm", "-journal"):
        Path(f"{target}{side}").unlink(missing_ok=True)
    before = tree_state(folder)
    capsys.readouterr()

    code = main(["--db", str(target), *COMMANDS[command]], today=lambda: date(2024, 5, 10))
    out, err = capsys.readouterr()

    assert code == 2, (out, err)
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err
    assert str(target) in err
    assert any(w in err for w in words), err
    assert tree_state(folder) == before


def _run_as_nobody(argv: list[str]) -> tuple[int, str, str]:
    """Run ``tracker.cli.main(argv)`` in a forked child that has become user nobody (65534).

    A fork, not a new interpreter: this Python lives under /root, which nobody cannot enter;
    the modules the command needs are imported here first (``_warm_up``)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 99
        try:
            os.close(r)
            os.setgid(65534)
            os.setuid(65534)
            sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
            code = main(argv, today=lambda: date(2024, 5, 10))
            os.write(w, json.dumps([code, sys.stdout.getvalue(), sys.stderr.getvalue()]).encode())
        except BaseException:
            os.write(w, json.dumps([98, "", traceback.format_exc()]).encode())
        finally:
            os._exit(0)
    os.close(w)
    data = b""
    while chunk := os.read(r, 65536):
        data += chunk
    os.close(r)
    os.waitpid(pid, 0)
    code, out, err = json.loads(data)
    return code, out, err


def test_cli_refuses_a_file_it_may_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As an unprivileged user (root ignores file modes): exit 2, one line, nothing changed."""
    if not hasattr(os, "fork") or os.geteuid() != 0:
        pytest.skip("needs root on POSIX to become an unprivileged user (nobody) for the test")
    good = tmp_path / "good.sqlite3"
    new_ledger(good, plans=1)
    for argv in COMMANDS.values():  # load everything the commands import, as root
        main(["--db", str(good), *argv], today=lambda: date(2024, 5, 10))
    main(["--db", str(tmp_path / "missing" / "x.sqlite3"), "plan", "list"])
    capsys.readouterr()
    base = Path(tempfile.mkdtemp(prefix="tracker-perm-"))  # pytest's tmp_path is 0700
    try:
        os.chmod(base, 0o755)
        folder = base / "data"
        folder.mkdir(mode=0o755)
        os.chmod(folder, 0o755)  # nobody may enter and see the file, not open it
        target = folder / "tracker.sqlite3"
        new_ledger(target, plans=1)
        os.chmod(target, 0o600)
        if any(p.stat().st_mode & 0o001 == 0 for p in folder.parents):
            pytest.skip(f"{base} is in a folder nobody cannot enter")
        before = tree_state(folder)
        for name, argv in COMMANDS.items():
            code, out, err = _run_as_nobody(["--db", str(target), *argv])
            assert code == 2, (name, out, err)
            assert err.count("\n") == 1 and "Traceback" not in err, (name, err)
            assert str(target) in err and "ermission" in err, (name, err)
            assert tree_state(folder) == before, name
    finally:
        shutil.rmtree(base, ignore_errors=True)
