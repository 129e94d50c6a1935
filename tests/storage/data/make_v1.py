"""Rebuild ``v1.sqlite3``: a small database as schema revision 0001 wrote it.

Run from the repository root: ``uv run python tests/storage/data/make_v1.py``. The schema
comes from the real migration (upgrade to "0001", not "head"), the rows from plain SQL
against that schema, so the file stays a revision-0001 file however the models change.
Commit the result; tests open copies of it to check upgrades keep every row.

Contents: 3 plans (flat 3600.00 × 12 at 0.6 %, a 花呗 total-fee plan, an archived custom plan),
their 20 installments and 6 payments (one voided, one payoff).
"""

from __future__ import annotations

import calendar
import os
import sqlite3
import sys
from datetime import date
from pathlib import Path

from tracker.storage.migrate import upgrade

HERE = Path(__file__).resolve().parent
TARGET = HERE / "v1.sqlite3"
STAMP = "2024-06-01T08:00:00Z"


def monthly(first: date, k: int) -> date:
    """first_due + k months, clamped to the month's last day (never chained)."""
    month0 = first.month - 1 + k
    year, month = first.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(first.day, calendar.monthrange(year, month)[1]))


PLANS = [
    # id, name, platform, model, principal, periods, rate, remainder, first_due, custom, archived
    (1, "小米14 Pro", "小米分期", "flat", 360000, 12, "0.006", "first", date(2024, 1, 31), "", 0),
    (2, "花呗 - 冰箱", "花呗", "total", 100000, 6, "0.045", "first", date(2024, 3, 15), "", 0),
    (
        3,
        "Old phone",
        "Bank",
        "custom",
        20000,
        2,
        "0",
        "first",
        date(2023, 5, 10),
        "[10050,10050]",
        1,
    ),
]


def schedule(plan: tuple) -> list[tuple[int, date, int, int]]:
    _, _, _, model, principal, periods, _, _, first_due, _, _ = plan
    base, rem = divmod(principal, periods)
    if model == "flat":
        fees = [2160] * periods
    elif model == "total":
        fees = [754] + [749] * (periods - 1)
    else:
        fees = [50] * periods
    return [
        (k, monthly(first_due, k - 1), base + (rem if k == 1 else 0), fees[k - 1])
        for k in range(1, periods + 1)
    ]


PAYMENTS = [
    # plan_id, date, amount, method, note, voided, kind
    (1, "2024-01-30", 32160, "银行卡", "1月", 0, "payment"),
    (1, "2024-02-29", 32160, "支付宝", "", 0, "payment"),
    (1, "2024-03-05", 32160, "支付宝", "typed twice", 1, "payment"),
    (1, "2024-03-31", 32160, "微信支付", "", 0, "payment"),
    (2, "2024-03-15", 17424, "花呗", "", 0, "payment"),
    (3, "2023-06-01", 20100, "Bank", "paid off", 0, "payoff"),
]


def build(target: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    upgrade(target, target="0001", backup=False)
    con = sqlite3.connect(target, isolation_level=None)
    try:
        con.execute("PRAGMA foreign_keys=ON")
        con.execute("BEGIN IMMEDIATE")
        for p in PLANS:
            pid, name, platform, model, principal, periods, rate, rem, first_due, custom, arch = p
            con.execute(
                "INSERT INTO plans (id, name, platform, purchase_date, currency, model, principal,"
                " periods, rate, remainder, first_due, custom_amounts, grace_days, tolerance,"
                " archived, created_at, updated_at) VALUES"
                " (?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, ?, ?, 3, 1000, ?, ?, ?)",
                (pid, name, platform, first_due.replace(day=1).isoformat(), model, principal,
                 periods, rate, rem, first_due.isoformat(), custom, arch, STAMP, STAMP),
            )  # fmt: skip
            con.executemany(
                "INSERT INTO installments (plan_id, period, due_date, principal, fee)"
                " VALUES (?, ?, ?, ?, ?)",
                [(pid, k, d.isoformat(), pr, fee) for k, d, pr, fee in schedule(p)],
            )
        con.executemany(
            "INSERT INTO payments (plan_id, date, amount, method, note, voided, kind, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(*row, STAMP) for row in PAYMENTS],
        )
        con.execute("COMMIT")
        con.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        con.execute("VACUUM")
    finally:
        con.close()


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET)
    print(f"wrote {TARGET if len(sys.argv) < 2 else sys.argv[1]}")
