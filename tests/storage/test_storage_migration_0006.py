"""Schema 0006 (bill payments, recorded prepayments) on real files of the current release: the
committed revision-0001 file and a revision-0005 file with an account, a plan on it, a typed
statement and payments of every kind, built here with the real migrations. Both upgrade
unchanged in meaning: the same plans, schedules, balances and payments, nothing added (every
payment on its own, no prepayment), the payments' id counter kept, and the audit clean."""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

from tracker import services as sv
from tracker.services.audit import audit
from tracker.storage import open_database
from tracker.storage.migrate import upgrade
from tracker.storage.models import SCHEMA_REVISION

TABLES = ("plans", "installments", "payments", "accounts", "bill_statements")


def _dump(path: Path) -> dict[str, list[dict[str, Any]]]:
    with closing(sqlite3.connect(path)) as con:
        con.row_factory = sqlite3.Row
        out = {t: [dict(r) for r in con.execute(f"SELECT * FROM {t} ORDER BY id")] for t in TABLES}
        out["sequence"] = [
            dict(r) for r in con.execute("SELECT * FROM sqlite_sequence ORDER BY name")
        ]
        return out


_DERIVED = {
    "plans": "remaining, paid_periods, next_due, next_amount, last_paid_on, total_fee, "
    "total_cost, per_period, apr, effective_rate, derived_rev",
    "installments": "paid_principal, paid_fee, paid_penalty, settled_on",
}


def _derive_as_0005(path: Path) -> None:
    """Derive the columns of a 0005 file as that release did on open. Its derivation is
    today's without the newer ``schedule_periods``: it runs on a copy upgraded to the head,
    and the 0005 columns are copied back."""
    head = path.with_name("head-" + path.name)
    shutil.copyfile(path, head)
    upgrade(head, backup=False)  # the audit at the head derives every plan
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("ATTACH DATABASE ? AS h", (str(head),))
        for table, columns in _DERIVED.items():
            con.execute(
                f"UPDATE {table} SET ({columns}) = "
                f"(SELECT {columns} FROM h.{table} x WHERE x.id = {table}.id)"
            )


def _at_0005(path: Path) -> None:
    """Upgrade to 0005 only, and derive the columns as that release did on open."""
    upgrade(path, target="0005", backup=False)
    _derive_as_0005(path)


def _check_upgrade(path: Path) -> dict[str, list[dict[str, Any]]]:
    before = _dump(path)
    with open_database(path) as db:
        report = audit(db)
        listed = {p.id: (p.remaining, p.periods_paid, p.next_due) for p in sv.list_plans(
            db, date(2024, 6, 1), include_archived=True
        )}  # fmt: skip
    after = _dump(path)
    assert report.ok, report
    for table in ("installments", "accounts", "bill_statements"):
        assert after[table] == before[table], table
    # 0008 adds each schedule's length; nothing else of a plan changes
    assert [{k: v for k, v in p.items() if k != "schedule_periods"}
            for p in after["plans"]] == before["plans"]  # fmt: skip
    lengths = Counter(i["plan_id"] for i in after["installments"])
    assert {p["id"]: p["schedule_periods"] for p in after["plans"]} == dict(lengths)
    assert [{k: v for k, v in p.items() if k not in ("prepay", "bill_payment_id")}
            for p in after["payments"]] == before["payments"]  # fmt: skip
    assert {(p["prepay"], p["bill_payment_id"]) for p in after["payments"]} <= {("", None)}
    assert [s for s in after["sequence"] if s["name"] != "bill_payments"] == before["sequence"]
    with closing(sqlite3.connect(path)) as con:
        assert con.execute("SELECT count(*) FROM bill_payments").fetchone() == (0,)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (
            SCHEMA_REVISION,
        )  # 0006 and on
    assert listed == {
        p["id"]: (
            p["remaining"],
            p["paid_periods"],
            date.fromisoformat(p["next_due"]) if p["next_due"] else None,
        )
        for p in before["plans"]
    }
    return after


def test_the_release_file_upgrades_to_0006_unchanged(v1_copy: Path) -> None:
    _at_0005(v1_copy)
    after = _check_upgrade(v1_copy)
    assert len(after["plans"]) == 3 and len(after["payments"]) == 6


def test_a_0005_file_with_accounts_upgrades_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite3"
    upgrade(path, target="0005", backup=False)
    with closing(sqlite3.connect(path)) as con, con:
        con.execute(
            "INSERT INTO accounts (name, kind, statement_day, due_rule, due_value, min_percent, "
            "daily_rate, interest_rule, late_fee_percent, late_fee_min) VALUES "
            "('招行信用卡', 'credit_card', 0, 'day_of_month', 25, '0.1', '0.0005', "
            "'full_statement', '0.05', 1000)"
        )
        con.execute(
            "INSERT INTO plans (name, model, principal, periods, rate, remainder, first_due, "
            "purchase_date, account_id) VALUES ('小米手机', 'flat', 360000, 3, '0.006', 'first', "
            "'2024-03-25', '2024-02-20', 1)"
        )
        for k, due in enumerate(("2024-03-25", "2024-04-25", "2024-05-25"), start=1):
            con.execute(
                "INSERT INTO installments (plan_id, period, due_date, principal, fee) "
                "VALUES (1, ?, ?, 120000, 2160)",
                (k, due),
            )
        con.execute(
            "INSERT INTO payments (plan_id, date, amount, kind) VALUES "
            "(1, '2024-03-25', 122160, 'prior')"
        )
        con.execute(
            "INSERT INTO payments (plan_id, date, amount, method, note) VALUES "
            "(1, '2024-04-20', 122160, '招行App', 'bill 2024-03 · 招行信用卡')"
        )
        con.execute(
            "INSERT INTO payments (plan_id, date, amount, voided) VALUES (1, '2024-04-21', 500, 1)"
        )
        con.execute("DELETE FROM payments WHERE id = 3")  # a hole: the counter must stay at 3
        con.execute(
            "INSERT INTO payments (plan_id, date, amount, voided) VALUES (1, '2024-05-01', 700, 1)"
        )
        con.execute(
            "INSERT INTO bill_statements (account_id, statement_date, spending, lender_amount) "
            "VALUES (1, '2024-04-30', 300000, 422160)"
        )
    _derive_as_0005(path)
    after = _check_upgrade(path)
    assert [p["id"] for p in after["payments"]] == [1, 2, 4]
    assert after["plans"][0]["remaining"] == 122160 and after["plans"][0]["account_id"] == 1
    assert {s["name"]: s["seq"] for s in after["sequence"]}["payments"] == 4
    with open_database(path) as db:  # and a new payment continues after the counter
        pid = sv.record_payment(db, 1, 1000, date(2024, 5, 2), date(2024, 5, 2)).created_id
    assert pid == 5
