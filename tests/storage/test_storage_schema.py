"""The schema refuses bad data by itself, enforces foreign keys, and matches the models."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm.exc import DetachedInstanceError

from tracker.storage import APPLICATION_ID, Database
from tracker.storage.models import Base, InstallmentRecord, PaymentRecord, PlanRecord


def insert(db: Database, table: str, values: dict) -> int:
    """Raw INSERT (no ORM, no Python-side types); returns the new rowid."""
    cols = ", ".join(values)
    marks = ", ".join(f":{k}" for k in values)
    with db.engine.begin() as conn:
        result = conn.exec_driver_sql(f"INSERT INTO {table} ({cols}) VALUES ({marks})", values)
        return result.lastrowid


def count(db: Database, table: str) -> int:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()


def test_valid_raw_row_is_accepted_with_defaults(db, plan_values):
    plan_id = insert(db, "plans", plan_values())
    with db.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT * FROM plans WHERE id = ?", (plan_id,)).mappings().one()
    assert row["platform"] == "" and row["archived"] == 0 and row["penalty_daily_rate"] == "0"
    assert row["payoff_policy"] == "charge_all_fees" and row["custom_amounts"] == ""
    assert row["created_at"].endswith("Z")


@pytest.mark.parametrize(
    "column, bad",
    [
        ("principal", 12.5),
        ("principal", "12,50"),
        ("principal", "12.50"),
        ("principal", -100),
        ("principal", 0),
        ("down_payment", -1),
        ("upfront_fee", 0.5),
        ("tolerance", -1),
        ("payoff_charge", -5),
        ("periods", 0),
        ("periods", 361),
        ("model", "balloon"),
        ("model", "FLAT"),
        ("fee_mode", "later"),
        ("remainder", "middle"),
        ("payoff_policy", "whatever"),
        ("currency", "cny"),
        ("currency", "CNYX"),
        ("name", "   "),
        ("rate", "0,006"),
        ("rate", "-0.006"),
        ("rate", "1e-3"),
        ("rate", "NaN"),
        ("rate", "1.2.3"),
        ("first_due", "2024-02-30"),
        ("first_due", "2024/01/31"),
        ("first_due", "31.01.2024"),
        ("first_due", None),
        ("purchase_date", "2023-13-01"),
        ("archived", 2),
        ("custom_amounts", "[1,2]"),  # not a custom plan
        ("grace_days", -3),
    ],
)
def test_plans_refuse_bad_values(db, plan_values, column, bad):
    with pytest.raises(IntegrityError):
        insert(db, "plans", plan_values(**{column: bad}))
    assert count(db, "plans") == 0


@pytest.mark.parametrize("custom", ["", "not json", '{"a": 1}'])
def test_custom_plans_need_a_json_list(db, plan_values, custom):
    with pytest.raises(IntegrityError):
        insert(db, "plans", plan_values(model="custom", custom_amounts=custom))
    assert count(db, "plans") == 0
    insert(db, "plans", plan_values(model="custom", custom_amounts="[180000, 180000]"))
    assert count(db, "plans") == 1


@pytest.mark.parametrize(
    "column, bad",
    [("amount", 12.5), ("amount", "12,50"), ("amount", 0), ("amount", -100),
     ("voided", 3), ("kind", "refund"), ("date", "2024-02-30"), ("date", "yesterday")],
)  # fmt: skip
def test_payments_refuse_bad_values(db, plan_values, column, bad):
    plan_id = insert(db, "plans", plan_values())
    good = {"plan_id": plan_id, "date": "2024-01-31", "amount": 32160}
    with pytest.raises(IntegrityError):
        insert(db, "payments", {**good, column: bad})
    assert count(db, "payments") == 0
    insert(db, "payments", good)
    assert count(db, "payments") == 1


@pytest.mark.parametrize(
    "column, bad",
    [("principal", 12.5), ("principal", -1), ("fee", "21,60"), ("fee", -1), ("period", 0),
     ("due_date", "2024-04-31")],
)  # fmt: skip
def test_installments_refuse_bad_values(db, plan_values, column, bad):
    plan_id = insert(db, "plans", plan_values())
    good = {"plan_id": plan_id, "period": 1, "due_date": "2024-01-31", "principal": 30000, "fee": 0}
    with pytest.raises(IntegrityError):
        insert(db, "installments", {**good, column: bad})
    assert count(db, "installments") == 0


def test_installment_periods_are_unique_per_plan(db, plan_values):
    plan_id = insert(db, "plans", plan_values())
    row = {"plan_id": plan_id, "period": 1, "due_date": "2024-01-31", "principal": 1, "fee": 0}
    insert(db, "installments", row)
    with pytest.raises(IntegrityError):
        insert(db, "installments", row)
    assert count(db, "installments") == 1


def test_foreign_keys_refuse_rows_for_a_missing_plan(db):
    with pytest.raises(IntegrityError):
        insert(db, "payments", {"plan_id": 999, "date": "2024-01-31", "amount": 100})
    with pytest.raises(IntegrityError):
        insert(
            db,
            "installments",
            {"plan_id": 999, "period": 1, "due_date": "2024-01-31", "principal": 1, "fee": 0},
        )
    assert count(db, "payments") == count(db, "installments") == 0


def test_deleting_a_plan_cascades_to_its_rows_only(db, plan_values):
    keep, drop = insert(db, "plans", plan_values()), insert(db, "plans", plan_values(name="B"))
    for plan_id in (keep, drop):
        insert(db, "payments", {"plan_id": plan_id, "date": "2024-01-31", "amount": 100})
        insert(
            db,
            "installments",
            {"plan_id": plan_id, "period": 1, "due_date": "2024-01-31", "principal": 1, "fee": 0},
        )
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM plans WHERE id = ?", (drop,))
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT plan_id FROM payments").scalars().all() == [keep]
        assert conn.exec_driver_sql("SELECT plan_id FROM installments").scalars().all() == [keep]


def test_connection_settings(db):
    with db.engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar_one()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") == 5000
        assert pragma("application_id") == APPLICATION_ID == 0x46514A5A
        assert pragma("user_version") >= 1
    raw = sqlite3.connect(db.path)  # the id is in the file header, for any tool to see
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    raw.close()


def test_all_tables_are_strict(db):
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA table_list").all()
    strict = {row[1]: row[5] for row in rows if row[0] == "main"}
    assert strict["plans"] == strict["installments"] == strict["payments"] == 1


def test_orm_round_trip_is_exact(db, make_plan):
    plan = make_plan(
        rate=Decimal("0.0075"),
        penalty_daily_rate=Decimal("0.0005"),
        payoff_penalty_pct=Decimal("1E-2"),
        purchase_date=date(2024, 1, 1),
        model="custom",
        custom_amounts="[30000, 30000]",
        periods=2,
        principal=60000,
    )
    with db.session() as s:
        s.add(plan)
    with db.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT rate, payoff_penalty_pct, first_due FROM plans").one()
    assert tuple(row) == ("0.0075", "0.01", "2024-01-31")
    with db.session() as s:
        back = s.scalars(select(PlanRecord)).one()
    assert back.rate == Decimal("0.0075") and isinstance(back.rate, Decimal)
    assert back.first_due == date(2024, 1, 31) and back.purchase_date == date(2024, 1, 1)
    assert back.archived is False and back.closed_on is None


@pytest.mark.parametrize(
    "field, bad", [("rate", 0.006), ("rate", Decimal("NaN")), ("first_due", "2024-01-31")]
)
def test_orm_types_refuse_inexact_values(db, make_plan, field, bad):
    with pytest.raises(StatementError), db.session() as s:
        s.add(make_plan(**{field: bad}))
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(PlanRecord)) == 0


def test_relationships_are_ordered_and_load_only_when_asked(db, make_plan):
    with db.session() as s:
        plan = make_plan()
        plan.installments = [
            InstallmentRecord(period=k, due_date=date(2024, k, 1), principal=100, fee=1)
            for k in (3, 1, 2)
        ]
        plan.payments = [
            PaymentRecord(date=date(2024, 3, 1), amount=5),
            PaymentRecord(date=date(2024, 1, 1), amount=7),
        ]
        s.add(plan)
    with db.session() as s:
        loaded = s.get(PlanRecord, plan.id)
        assert [i.period for i in loaded.installments] == [1, 2, 3]
        assert [p.amount for p in loaded.payments] == [7, 5]
    with db.session() as s:
        unloaded = s.get(PlanRecord, plan.id)
    with pytest.raises(DetachedInstanceError):  # nothing is loaded eagerly by default
        _ = unloaded.installments


def test_migrated_schema_matches_the_models(db, tmp_path: Path):
    engine = create_engine(f"sqlite:///{tmp_path / 'from_models.sqlite3'}")
    Base.metadata.create_all(engine)

    def schema(eng) -> dict[str, str]:
        with eng.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE '%alembic%'"
            ).all()
        return {name: sql for name, sql in rows}

    assert schema(db.engine) == schema(engine)  # identical DDL, CHECKs and STRICT included
    engine.dispose()
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_models_name_the_newest_revision():
    from tracker.storage.migrate import head_revision
    from tracker.storage.models import SCHEMA_REVISION

    assert head_revision() == SCHEMA_REVISION
