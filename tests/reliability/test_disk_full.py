"""Disk full: a `tracker pay` loop in a subprocess whose file size limit (RLIMIT_FSIZE) stops the
database from growing. The write that fails gives one clean line (no traceback) and exit 2;
every payment acknowledged before is intact (audit ok) and the failed one left nothing behind.

The worker runs ``tracker.cli.main`` (the `tracker pay` command) in a loop in one process, so the
limit is hit after a few commits without starting an interpreter per payment. SIGXFSZ is ignored,
as a shell's limit would make it, so the write fails with EFBIG instead of killing the process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.reliability.ledgers import ledger_health, new_ledger

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]

WORKER = textwrap.dedent(
    """
    import contextlib, io, json, resource, signal, sys
    from datetime import date
    from tracker.cli import main

    db_file, limit = sys.argv[1], int(sys.argv[2])
    with contextlib.redirect_stdout(io.StringIO()):  # warm up: the imports are done
        main(["--db", db_file, "plan", "list"], today=lambda: date(2024, 5, 10))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    for i in range(2000):
        argv = ["--db", db_file, "pay", str(1 + i % 2), "--amount", "0.01",
                "--date", "2024-02-01", "--method", "fsize", "--note", "n" * 900 + str(i)]
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(argv, today=lambda: date(2024, 5, 10))
        if code:
            print(json.dumps({"failed": i, "code": code, "stderr": err.getvalue()}))
            break
        print(json.dumps({"ack": "n" * 900 + str(i)}), flush=True)
    """
)


def _fill_the_disk(tmp_path: Path) -> tuple[Path, list[str], dict[str, object]]:
    db_file = tmp_path / "full.sqlite3"
    new_ledger(db_file, plans=2)
    # Each `tracker pay` checkpoints its WAL into the file when it closes: the file itself
    # must grow, and may by only a few pages.
    limit = db_file.stat().st_size + 1 * 4096
    proc = subprocess.run(
        [sys.executable, "-c", WORKER, str(db_file), str(limit)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        timeout=120,
    )
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    acked = [str(x["ack"]) for x in lines if "ack" in x]
    failures = [x for x in lines if "failed" in x]
    assert len(failures) == 1, "the size limit was never reached"
    return db_file, acked, failures[0]


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], dict[str, object]]:
    return _fill_the_disk(tmp_path_factory.mktemp("disk-full"))


def test_a_write_on_a_full_disk_fails_cleanly_and_keeps_what_was_saved(
    filled: tuple[Path, list[str], dict[str, object]],
) -> None:
    db_file, acked, failure = filled
    assert len(acked) >= 3  # some payments were saved before the disk filled up
    err = str(failure["stderr"])
    assert failure["code"] == 2, failure
    assert err.count("\n") == 1 and err.startswith("tracker pay: error:"), err
    assert "Traceback" not in err and str(db_file) in err
    assert "Nothing from this change was saved" in err

    health = ledger_health(db_file)  # the limit is gone: the file opens and reads normally
    assert health.error == "" and health.integrity == ["ok"] and not health.foreign_keys
    assert health.audit_ok, health.audit_problems
    assert sorted(health.notes) == sorted(acked)  # every acknowledged one, the failed one not
    assert all(c == 1 for c in health.notes.values())


def test_the_full_disk_message_names_the_cause(
    filled: tuple[Path, list[str], dict[str, object]],
) -> None:
    err = str(filled[2]["stderr"]).lower()
    assert "full" in err or "too large" in err, err
    assert "disk i/o error" not in err
