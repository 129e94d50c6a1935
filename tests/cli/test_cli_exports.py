"""`tracker export`, `tracker import` and `tracker ics` over a real database file.

Errors are one line on stderr with exit status 2; a refused import adds one line per problem
(``FILE:LINE: reason``) after that line and writes nothing.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Callable
from pathlib import Path

import icalendar
import pytest

from tests.cli.conftest import Result

Run = Callable[..., Result]


@pytest.fixture
def ledger(run: Run, add_plan: Callable[..., int]) -> None:
    """Two plans with payments: the reference plan and one with a formula-looking name."""
    add_plan(name="小米14")
    add_plan("--platform", "花呗", name='=HYPERLINK("http://x","点我")')
    assert (
        run("pay", "1", "--amount", "321.60", "--date", "2024-01-30", "--method", "支付宝").code
        == 0
    )
    assert (
        run("pay", "2", "--amount", "321.60", "--date", "2024-02-29", "--note", "-5% off").code == 0
    )
    assert run("pay", "1", "--amount", "100", "--date", "2024-03-31").code == 0


def table(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def test_export_to_stdout_is_the_csv(run: Run, ledger: None) -> None:
    res = run("export", "payments")
    assert res.code == 0 and res.err == ""
    rows = table(res.out)
    assert rows[0] == [
        "id", "plan_id", "plan_name", "date", "amount", "currency", "method", "note", "kind",
        "voided",
    ]  # fmt: skip
    assert rows[1] == [
        "1",
        "1",
        "小米14",
        "2024-01-30",
        "321.60",
        "CNY",
        "支付宝",
        "",
        "payment",
        "false",
    ]
    assert rows[2][2] == '\'=HYPERLINK("http://x","点我")' and rows[2][7] == "'-5% off"


def test_export_to_a_file(run: Run, ledger: None, tmp_path: Path) -> None:
    out = tmp_path / "inst.csv"
    res = run("export", "installments", "-o", str(out), "--plan", "1", "--from", "2024-02-01",
              "--to", "2024-03-31")  # fmt: skip
    assert res.code == 0 and res.out == f"Exported 2 installments to {out}\n"
    rows = table(out.read_bytes().decode("utf-8"))
    assert [(r[3], r[5], r[10], r[11], r[13]) for r in rows[1:]] == [
        ("2", "2024-02-29", "100.00", "221.60", "overdue"),
        ("3", "2024-03-31", "0.00", "321.60", "overdue"),
    ]


def test_export_plans_carries_every_term(run: Run, ledger: None) -> None:
    rows = table(run("export", "plans").out)
    assert rows[1][:11] == [
        "1", "小米14", "", "", "", "CNY", "flat", "3600.00", "12", "0.6", "2024-01-31",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("export", "plans", "--from", "2024-01-01"), "not plans"),
        (("export", "payments", "--from", "2024-13-01"), "--from: '2024-13-01' is not a date"),
        (("export", "payments", "--plan", "x"), "--plan: 'x' is not a plan id"),
        (("export", "installments", "--plan", "99"), "there is no plan with id 99"),
        (("export", "payments", "--from", "2024-05-01", "--to", "2024-04-01"), "before it starts"),
        (("export", "receipts"), "invalid choice"),
        (("ics", "--alarm-days", "-1"), "--alarm-days"),
        (("ics", "--alarm-days", "400"), "alarm must be from 0 to 365"),
        (("import", "missing.csv"), "cannot read 'missing.csv'"),
    ],
)
def test_user_errors_are_one_line(
    run: Run, ledger: None, argv: tuple[str, ...], message: str
) -> None:
    err = run(*argv).one_line_error()
    assert message in err


def test_export_to_an_unwritable_place(run: Run, ledger: None, tmp_path: Path) -> None:
    err = run("export", "plans", "-o", str(tmp_path / "no" / "x.csv")).one_line_error()
    assert "cannot write" in err


def test_round_trip_through_the_cli(run: Run, ledger: None, tmp_path: Path) -> None:
    plans, payments = tmp_path / "plans.csv", tmp_path / "payments.csv"
    assert run("export", "plans", "-o", str(plans)).code == 0
    assert run("export", "payments", "-o", str(payments)).code == 0
    other = tmp_path / "other.sqlite3"
    res = run("import", str(payments), str(plans), db=other)
    assert res.code == 0, res.err
    assert res.out == "Imported 2 plan(s) (ids 1, 2) and 3 payment(s).\n"
    again_plans, again_payments = tmp_path / "p2.csv", tmp_path / "y2.csv"
    assert run("export", "plans", "-o", str(again_plans), db=other).code == 0
    assert run("export", "payments", "-o", str(again_payments), db=other).code == 0
    assert again_plans.read_bytes() == plans.read_bytes()
    assert again_payments.read_bytes() == payments.read_bytes()


def test_dry_run_writes_nothing(run: Run, ledger: None, tmp_path: Path, snapshot) -> None:
    data = "分期编号,日期,金额,还款方式\r\n1,2024-04-30,321.60,微信支付\r\n".encode("gb18030")
    path = tmp_path / "gbk.csv"
    path.write_bytes(data)
    before = snapshot()
    res = run("import", str(path), "--dry-run")
    assert res.code == 0 and "nothing was written" in res.out
    assert snapshot() == before
    res = run("import", str(path), "--json")
    assert res.json() == {
        "dry_run": False,
        "plans": [],
        "payments": 1,
        "payment_ids": [{"file": str(path), "line": 2, "key": None, "id": 4}],
        "warnings": [],
    }
    assert snapshot() != before


def test_refused_import_lists_every_bad_row(
    run: Run, ledger: None, tmp_path: Path, snapshot
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "plan_id,date,amount\r\n1,2024-04-01,12.345\r\n1,2024-04-02,10.00\r\n9,2024-04-03,1\r\n"
        "1,2024-04-04,99999\r\n",
        encoding="utf-8",
    )
    before = snapshot()
    res = run("import", str(path))
    assert res.code == 2 and res.out == ""
    lines = res.err.splitlines()
    assert (
        lines[0] == f"tracker import: error: 3 problems on 3 lines of {path}; nothing was imported"
    )
    assert [line.split(": ", 1)[0] for line in lines[1:]] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    assert "more than the remaining balance" in lines[3]
    assert snapshot() == before
    assert run("import", str(path), "--dry-run").code == 2
    assert snapshot() == before


def test_malformed_file_from_the_collection(run: Run, ledger: None, snapshot) -> None:
    path = Path(__file__).parents[1] / "reports" / "malformed" / "binary_junk.bin"
    before = snapshot()
    res = run("import", str(path))
    assert res.code == 2 and len(res.err.splitlines()) == 2
    assert "neither UTF-8 nor GBK" in res.err
    assert snapshot() == before


def test_ics_to_stdout_and_file(
    run: Run, ledger: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1715329800")  # 2024-05-10 08:30 UTC
    res = run("ics", "--alarm-days", "2")
    assert res.code == 0
    cal = icalendar.Calendar.from_ical(res.out)
    found = list(cal.walk("VEVENT"))
    assert len(found) == 12 + 12  # every period of both plans
    due = [e for e in found if str(e["STATUS"]) == "CONFIRMED"]
    assert len(due) == 11 + 11  # periods 2..12 of both plans (plan 1 period 2 partly paid)
    paid = found[0]
    assert str(paid["UID"]) == "plan-1-period-1@installment-tracker"
    assert str(paid["STATUS"]) == "CANCELLED" and not list(paid.walk("VALARM"))
    assert str(due[0]["UID"]) == "plan-1-period-2@installment-tracker"
    assert due[0].decoded("SEQUENCE") == 2  # overdue when added (1), then partly paid (2)
    assert "DTSTAMP:20240510T083000Z" in res.out and "TRIGGER:-P1DT15H" in res.out
    out = tmp_path / "feed.ics"
    res = run("ics", "-o", str(out))
    assert res.out == f"Wrote 22 due date(s) to {out}\n"
    assert b"TRIGGER:-PT15H" in out.read_bytes()


def test_ics_dtstamp_is_the_time_of_the_run(
    run: Run, ledger: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not midnight of "today": a feed made later the same day is newer to a calendar."""
    from datetime import UTC, datetime, timedelta

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(UTC).replace(microsecond=0)
    res = run("ics")
    after = datetime.now(UTC)
    stamps = {e.decoded("DTSTAMP") for e in icalendar.Calendar.from_ical(res.out).walk("VEVENT")}
    assert len(stamps) == 1
    (stamp,) = stamps
    assert before <= stamp <= after + timedelta(seconds=1)
    from tracker.cli import exports

    monkeypatch.setattr(exports, "now", lambda: datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC))
    assert "DTSTAMP:20300102T030405Z" in run("ics").out


def test_reimporting_warns_and_json_lists_warnings_and_ids(
    run: Run, ledger: None, tmp_path: Path
) -> None:
    plans = tmp_path / "plans.csv"
    assert run("export", "plans", "-o", str(plans), "--plan", "1").code == 0
    res = run("import", str(plans), "--dry-run")
    assert res.code == 0 and "1 plan(s)" in res.out
    assert res.err.splitlines() == [
        f"warning: {plans}:2: plan id 1 is taken in the database; this plan gets id 3, and "
        "the payments of this import that name plan 1 go to it",
        f"warning: {plans}:2: plan 1 (小米14) in the database has the same name, platform, "
        "model, principal, periods and first due date; this adds a second one (remove the "
        "row if the file was imported before)",
    ]
    res = run("import", str(plans), "--json")
    out = res.json()
    assert out["plans"] == [{"file": str(plans), "line": 2, "key": 1, "id": 3}]
    assert [w["line"] for w in out["warnings"]] == [2, 2]
    assert out["payment_ids"] == []


def test_round_trip_keeps_the_ids_through_the_cli(run: Run, ledger: None, tmp_path: Path) -> None:
    """Plan 1 deleted: the ids left (2) and the payments' ids (2) come back as they were."""
    assert run("plan", "delete", "1", "--yes").code == 0
    plans, payments = tmp_path / "plans.csv", tmp_path / "payments.csv"
    assert run("export", "plans", "-o", str(plans)).code == 0
    assert run("export", "payments", "-o", str(payments)).code == 0
    other = tmp_path / "other.sqlite3"
    res = run("import", str(payments), str(plans), "--json", db=other)
    assert res.json()["plans"][0]["id"] == 2
    assert res.json()["payment_ids"] == [{"file": str(payments), "line": 2, "key": 2, "id": 2}]
    assert res.err == ""
    again = tmp_path / "again.csv"
    assert run("export", "payments", "-o", str(again), db=other).code == 0
    assert again.read_bytes() == payments.read_bytes()


def test_a_big_import_names_its_ids_as_ranges() -> None:
    from tracker.cli.exports import id_ranges

    assert id_ranges([]) == ""
    assert id_ranges([1, 2]) == "1, 2"
    assert id_ranges([*range(1, 1001), 1002, 1003, *range(1005, 1008)]) == (
        "1-1000, 1002, 1003, 1005-1007"
    )


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
@pytest.mark.parametrize("command", [("export", "payments"), ("ics",)])
def test_an_export_over_the_database_is_refused_and_nothing_changes(
    run, add_plan, db_file: Path, suffix: str, command: tuple[str, ...]
) -> None:
    plan = add_plan()
    run("pay", str(plan), "--amount", "321.60", "--date", "2024-01-30")
    target = Path(f"{db_file}{suffix}")
    before = db_file.read_bytes()
    sidecar = target.read_bytes() if suffix and target.exists() else None
    res = run(*command, "-o", str(target))
    assert "writing" in res.one_line_error() and "database" in res.one_line_error()
    assert db_file.read_bytes() == before
    if sidecar is not None:
        assert target.read_bytes() == sidecar
    assert len(run("history", "--json").json()) == 1  # the ledger is intact


def test_an_export_over_another_sqlite_file_is_refused(run, tmp_path: Path) -> None:
    other = tmp_path / "notes.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    before = other.read_bytes()
    assert "database" in run("export", "plans", "-o", str(other)).one_line_error()
    assert other.read_bytes() == before


def test_a_printout_over_the_database_is_refused(run, add_plan, db_file: Path) -> None:
    plan = add_plan()
    before = db_file.read_bytes()
    assert "database" in run("schedule", str(plan), "-o", str(db_file)).one_line_error()
    assert db_file.read_bytes() == before


def test_a_file_with_many_bad_rows_lists_the_first_hundred_and_counts_the_rest(
    run, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    rows = "".join(f"x{k},flat,-1,12,0.6,2026-12-15\r\n" for k in range(250))
    bad.write_text("name,model,principal,periods,rate_pct,first_due\r\n" + rows, "utf-8")
    res = run("import", str(bad))
    lines = res.err.splitlines()
    assert res.code == 2 and lines[0].startswith("tracker import: error: 250 problems")
    assert len(lines) == 1 + 100 + 1  # not 250 (or 500) lines
    assert lines[-1] == (
        "… and 150 more (the first 100 are listed; fix them and run the import again)"
    )
    assert run("plan", "list", "--json").json() == []  # nothing imported
