"""An import checks its rows without the write lock: while a big import is still validating in
another process, reads and even writes are answered at once; whatever they committed is
checked again before the import writes (a payment that no longer fits is refused).

Deterministic: the importing child stops inside its progress callback (on the first row
checked) until the test says go; nothing here measures time.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest

from tracker import services as sv
from tracker.services.audit import audit
from tracker.services.imports import ImportFile, import_files
from tracker.storage import ReadOnlyDatabaseError, open_database

IMPORTER = textwrap.dedent(
    """
    import sys, time
    from datetime import date
    from pathlib import Path
    from tracker.services.imports import ImportFile, import_files
    from tracker.storage import open_database

    db_path, ready, go, result, *csvs = sys.argv[1:]
    seen = []

    def hold(done, total):
        if done == 1:  # the batch is being checked: say so, then wait for the test
            seen.append(total)
            Path(ready).write_text(str(len(seen)))
            limit = time.monotonic() + 120
            while not Path(go).exists():
                if time.monotonic() > limit:
                    raise SystemExit("never told to go on")
                time.sleep(0.01)

    files = [ImportFile(Path(c).name, Path(c).read_bytes()) for c in csvs]
    with open_database(db_path) as db:
        try:
            _change, report = import_files(db, files, date(2024, 5, 10), progress=hold)
            text = f"ok {len(report.plans)} {len(report.payments)} checked {len(seen)}x"
        except Exception as exc:
            text = f"{type(exc).__name__}: {exc}"
    Path(result).write_text(text)
    """
)


def _tracker(db: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tracker", "--db", str(db), *argv],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _wait_for(path: Path, child: subprocess.Popen[str]) -> None:
    while not path.exists():
        assert child.poll() is None, child.communicate()
        time.sleep(0.01)


@pytest.fixture
def ledger(db, db_file: Path, add) -> Path:
    assert add() == 1  # 3600.00 over 12 × 321.60 from 2024-01-31
    db.close()
    return db_file


def _start(tmp_path: Path, db: Path, *csvs: Path) -> tuple[subprocess.Popen[str], Path, Path, Path]:
    ready, go, result = tmp_path / "ready", tmp_path / "go", tmp_path / "result"
    child = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(db), str(ready), str(go), str(result)]
        + [str(c) for c in csvs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for(ready, child)
    return child, go, result, ready


def test_reads_and_writes_are_answered_while_an_import_validates(ledger: Path, tmp_path: Path):
    plans = tmp_path / "plans.csv"
    rows = [f"imported {n},flat,1200.00,12,0.5,2024-06-30" for n in range(300)]
    text = "name,model,principal,periods,rate_pct,first_due\n" + "\n".join(rows) + "\n"
    plans.write_text(text, encoding="utf-8")
    child, go, result, _ready = _start(tmp_path, ledger, plans)
    try:
        listed = _tracker(ledger, "plan", "list", "--json")
        assert listed.returncode == 0, listed.stderr  # no "stayed busy"
        assert '"id": 1' in listed.stdout
        paid = _tracker(ledger, "pay", "1", "--amount", "321.60", "--date", "2024-01-31")
        assert paid.returncode == 0, paid.stderr  # the write lock is free
    finally:
        go.touch()
        child.wait(timeout=120)
    # The pay committed while the batch was checked: it was checked again (a second pass).
    assert result.read_text() == "ok 300 0 checked 2x", child.stderr.read()
    with open_database(ledger) as db:
        assert len(sv.list_plans(db, date(2024, 5, 10))) == 301
        assert [p.amount for p in sv.history(db, 1)] == [32160]
        report = audit(db)
        assert report.ok, report
        assert report.plans == 301


def test_a_payment_that_no_longer_fits_is_refused_on_the_second_check(ledger: Path, tmp_path: Path):
    payments = tmp_path / "payments.csv"
    payments.write_text(
        "plan_id,date,amount\n1,2024-05-10,3859.20\n", encoding="utf-8"
    )  # the whole balance, as the snapshot saw it
    child, go, result, _ready = _start(tmp_path, ledger, payments)
    try:
        paid = _tracker(ledger, "pay", "1", "--amount", "321.60", "--date", "2024-01-31")
        assert paid.returncode == 0, paid.stderr
    finally:
        go.touch()
        child.wait(timeout=120)
    outcome = result.read_text()
    assert outcome.startswith("ImportRefused: 1 problem on 1 line of payments.csv"), outcome
    with open_database(ledger) as db:
        assert [p.amount for p in sv.history(db, 1)] == [32160]  # only the CLI's payment
        assert audit(db).ok


def test_an_import_with_nothing_in_between_is_checked_once(ledger: Path, tmp_path: Path):
    payments = tmp_path / "payments.csv"
    payments.write_text("plan_id,date,amount\n1,2024-01-31,321.60\n", encoding="utf-8")
    child, go, result, _ready = _start(tmp_path, ledger, payments)
    go.touch()
    child.wait(timeout=120)
    assert result.read_text() == "ok 0 1 checked 1x"
    with open_database(ledger) as db:
        assert [p.amount for p in sv.history(db, 1)] == [32160]
        assert audit(db).ok


def test_an_import_whose_result_fails_the_audit_writes_nothing(db, add, snapshot):
    """The audit runs on the result before it reaches the file: a stored balance that
    disagrees with its installments (damage from outside the app) stops the import."""
    add()
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE plans SET remaining = remaining + 1 WHERE id = 1")
    before = snapshot()
    data = "name,model,principal,periods,rate_pct,first_due\nnew,flat,1200.00,12,0.5,2024-06-30\n"
    with pytest.raises(sv.ServiceError) as info:
        import_files(db, [ImportFile("p.csv", data.encode())], date(2024, 5, 10))
    text = str(info.value)
    assert text.startswith("the check after the import found 1 problem(s), the first: plan 1:")
    assert text.endswith("nothing was imported")
    assert snapshot() == before


def test_a_dry_run_works_on_a_read_only_file_and_an_import_is_refused(
    db, db_file: Path, add, snapshot
):
    add()
    db.close()
    ro = open_database(db_file)
    ro.read_only_reason = "file"  # as open_database decides for a file it cannot write
    data = "name,model,principal,periods,rate_pct,first_due\nnew,flat,1200.00,12,0.5,2024-06-30\n"
    files = [ImportFile("p.csv", data.encode())]
    _change, report = import_files(ro, files, date(2024, 5, 10), dry_run=True)
    assert [p.name for p in report.plans] == ["new"]
    with pytest.raises(ReadOnlyDatabaseError, match="is read-only"):
        import_files(ro, files, date(2024, 5, 10))
    ro.close()
