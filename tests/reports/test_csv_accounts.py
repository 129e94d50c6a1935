"""The plans CSV carries each plan's account by name (``account`` / 账户): an export and an
import into another file that has the account restore the link; a name that file does not
know is refused, naming the accounts it has, and nothing is stored; an older file without
the column still imports (tests/reports/test_csv_import.py drops it with the others)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tracker import services as sv
from tracker.domain import Model, PlanTerms
from tracker.domain.accounts import MONTH_END, AccountKind, DueRule, default_terms
from tracker.services import accounts as acc
from tracker.services import transfer
from tracker.services.transfer import ImportFile, ImportRefused, import_file, import_files
from tracker.storage.engine import Database, open_database

TODAY = date(2026, 6, 1)
CARD = default_terms(AccountKind.CREDIT_CARD, MONTH_END, DueRule.day_of_month(25))
HUABEI = default_terms(AccountKind.HUABEI, 1, DueRule.day_of_month(10))


@pytest.fixture
def files(tmp_path: Path) -> Iterator[list[Database]]:
    opened: list[Database] = []

    def make(name: str) -> Database:
        db = open_database(tmp_path / name)
        opened.append(db)
        return db

    yield make  # type: ignore[misc]
    for db in opened:
        db.close()


def _ledger(db: Database) -> None:
    card = acc.add_account(db, "招行信用卡", CARD).created_id
    phone = PlanTerms(Model.FLAT, 360000, 12, date(2026, 3, 25), Decimal("0.006"))
    data = sv.PlanInput(
        name="小米手机", terms=phone, purchase_date=date(2026, 2, 20), account_id=card
    )
    sv.add_plan(db, data, as_of=TODAY, paid_periods=2)
    own = PlanTerms(Model.INTEREST_FREE, 90000, 3, date(2026, 7, 5))
    sv.add_plan(db, sv.PlanInput(name="耳机", terms=own), as_of=TODAY, paid_periods=0)


def _export(db: Database) -> dict[str, bytes]:
    return {k: transfer.export_csv(db, k, TODAY)[0] for k in ("plans", "payments")}


def _table(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_round_trip_restores_the_account(files) -> None:  # type: ignore[no-untyped-def]
    source = files("a.sqlite3")
    _ledger(source)
    exported = _export(source)
    rows = _table(exported["plans"])
    assert [(r["name"], r["account"]) for r in rows] == [("小米手机", "招行信用卡"), ("耳机", "")]
    target = files("b.sqlite3")
    acc.add_account(target, "花呗", HUABEI)  # ids differ: the link goes by name
    card = acc.add_account(target, "招行信用卡", CARD).created_id
    import_files(
        target,
        [ImportFile("p.csv", exported["plans"]), ImportFile("y.csv", exported["payments"])],
        TODAY,
    )
    assert sv.plan_detail(target, 1, TODAY).input.account_id == card == 2
    assert sv.plan_detail(target, 2, TODAY).input.account_id is None
    assert _export(target) == exported
    assert [(d.due_date, d.amount_due) for d in sv.plan_detail(target, 1, TODAY).installments][
        :3
    ] == [(date(2026, 3, 25), 0), (date(2026, 4, 25), 0), (date(2026, 5, 25), 32160)]


def test_an_unknown_account_is_refused_naming_the_known_ones(files) -> None:  # type: ignore[no-untyped-def]
    source = files("a.sqlite3")
    _ledger(source)
    plans = _export(source)["plans"]
    target = files("b.sqlite3")
    acc.add_account(target, "花呗", HUABEI)
    acc.add_account(target, "白条", default_terms(AccountKind.BAITIAO, 20, DueRule.days_after(9)))
    with pytest.raises(ImportRefused) as caught:
        import_file(target, plans, TODAY)
    assert [str(p) for p in caught.value.report.problems] == [
        "import.csv:2: account: there is no account named 招行信用卡; the accounts are 白条, 花呗 "
        "(add it first, or clear the cell)"
    ]
    assert sv.list_plans(target, TODAY) == []
    assert [a.name for a in acc.list_accounts(target)] == ["白条", "花呗"]  # none created
    empty = files("c.sqlite3")
    with pytest.raises(ImportRefused) as caught:
        import_file(empty, plans, TODAY)
    assert "no account yet" in str(caught.value.report.problems[0])
    assert acc.list_accounts(empty) == [] and sv.list_plans(empty, TODAY) == []


def test_a_hand_made_row_on_an_account_falls_due_on_its_statements(files) -> None:  # type: ignore[no-untyped-def]
    db = files("a.sqlite3")
    terms = default_terms(AccountKind.CREDIT_CARD, 10, DueRule.days_after(20))
    card = acc.add_account(db, "建行信用卡", terms).created_id
    text = (
        "name,model,principal,periods,rate_pct,purchase_date,first_due,账户,paid_periods\r\n"
        "小米手机,flat,3600,12,0.6,2026-02-01,2026-03-02,建行信用卡,0\r\n"
    )
    import_file(db, text.encode(), TODAY)
    detail = sv.plan_detail(db, 1, TODAY)
    assert detail.input.account_id == card
    # statement + 20 days: 02-10 → 03-02, 03-10 → 03-30, 04-10 → 04-30 (not 04-02 monthly)
    assert [i.due_date for i in detail.installments][:3] == [
        date(2026, 3, 2),
        date(2026, 3, 30),
        date(2026, 4, 30),
    ]
