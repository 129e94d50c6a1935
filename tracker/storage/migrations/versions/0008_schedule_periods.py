"""A plan's stored schedule length (``plans.schedule_periods``); plans by derivation revision.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

How many installments the stored schedule has: the terms' periods until a prepayment
regenerates the schedule or a payoff charge adds a row. Every "n/N" shows this N; lists read it
for every plan, and counting it there cost a subquery per plan (17 ms of a 10,000-plan list).
From now on it is derived at write time with the other per-plan columns
(tracker.storage.derived); here it is filled by counting each plan's installment rows, which is
what it means.

The plans table is rebuilt as in 0005 (so a migrated file has exactly the DDL of a new one),
its AUTOINCREMENT counter and its index on ``account_id`` are kept. An index on
``derived_rev`` lets every open ask whether any plan is stale without reading every plan; one
on the payments in the history's order (date, id) with every column the history shows lets
``history --json`` and ``export payments`` read them in order without a sort. Written by hand and frozen:
it does not import tracker.storage.models; a test checks the result equals a database created
from the models.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPTIONS = {"sqlite_strict": True, "sqlite_autoincrement": True}
_NOW = sa.text("(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")
_ZERO = sa.text("0")


def _ck(table: str, name: str, rule: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(rule, name=op.f(f"ck_{table}_{name}"))


def _money(table: str, column: str, *, positive: bool = False) -> sa.CheckConstraint:
    if positive:
        return _ck(table, f"{column}_positive", f"{column} > 0")
    return _ck(table, f"{column}_not_negative", f"{column} >= 0")


def _date(table: str, column: str, *, nullable: bool = False) -> sa.CheckConstraint:
    rule = f"date({column}, '+0 days') IS {column}"
    if nullable:
        rule = f"{column} IS NULL OR {rule}"
    return _ck(table, f"{column}_iso_date", rule)


def _decimal(table: str, column: str) -> sa.CheckConstraint:
    return _ck(
        table,
        f"{column}_decimal",
        f"length({column}) BETWEEN 1 AND 40 AND {column} GLOB '*[0-9]*' "
        f"AND {column} NOT GLOB '*[^0-9.]*' AND {column} NOT GLOB '*.*.*'",
    )


def _one_of(table: str, column: str, values: Sequence[str]) -> sa.CheckConstraint:
    listed = ", ".join(f"'{v}'" for v in values)
    return _ck(table, f"{column}_valid", f"{column} IN ({listed})")


def _bool(table: str, column: str) -> sa.CheckConstraint:
    return _ck(table, f"{column}_bool", f"{column} IN (0, 1)")


def _create_plans() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("platform", sa.Text(), nullable=False, server_default=""),
        sa.Column("purchase_date", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        sa.Column("currency", sa.Text(), nullable=False, server_default="CNY"),
        sa.Column("model", sa.Text(), nullable=False),
        sa.Column("principal", sa.Integer(), nullable=False),
        sa.Column("periods", sa.Integer(), nullable=False),
        sa.Column("rate", sa.Text(), nullable=False, server_default="0"),
        sa.Column("fee_mode", sa.Text(), nullable=False, server_default="spread"),
        sa.Column("fee_rounding", sa.Text(), nullable=False, server_default="half_up"),
        sa.Column("remainder", sa.Text(), nullable=False),
        sa.Column("first_due", sa.Text(), nullable=False),
        sa.Column("down_payment", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("upfront_fee", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("custom_amounts", sa.Text(), nullable=False, server_default=""),
        sa.Column("holidays", sa.Text(), nullable=True),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("grace_days", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("tolerance", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("penalty_daily_rate", sa.Text(), nullable=False, server_default="0"),
        sa.Column("payoff_policy", sa.Text(), nullable=False, server_default="charge_all_fees"),
        sa.Column("payoff_penalty_pct", sa.Text(), nullable=False, server_default="0"),
        sa.Column("archived", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("closed_on", sa.Text(), nullable=True),
        sa.Column("payoff_charge", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("remaining", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("paid_periods", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("schedule_periods", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("next_due", sa.Text(), nullable=True),
        sa.Column("next_amount", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("last_paid_on", sa.Text(), nullable=True),
        sa.Column("total_fee", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("total_cost", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("per_period", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("apr", sa.Text(), nullable=False, server_default="0"),
        sa.Column("effective_rate", sa.Text(), nullable=False, server_default="0"),
        sa.Column("derived_rev", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("created_at", sa.Text(), nullable=False, server_default=_NOW),
        sa.Column("updated_at", sa.Text(), nullable=False, server_default=_NOW),
        _ck("plans", "name_not_blank", "length(trim(name)) > 0"),
        _date("plans", "purchase_date", nullable=True),
        _ck("plans", "currency_code", "currency GLOB '[A-Z][A-Z][A-Z]'"),
        _one_of(
            "plans",
            "model",
            ("flat", "total", "annuity", "equal_principal", "interest_free", "pay_in_n", "custom"),
        ),
        _money("plans", "principal", positive=True),
        _ck("plans", "periods_range", "periods BETWEEN 1 AND 360"),
        _decimal("plans", "rate"),
        _one_of("plans", "fee_mode", ("spread", "first")),
        _one_of("plans", "fee_rounding", ("half_up", "half_even")),
        _one_of("plans", "remainder", ("first", "last")),
        _date("plans", "first_due"),
        _money("plans", "down_payment"),
        _money("plans", "upfront_fee"),
        _ck(
            "plans",
            "custom_amounts_json",
            "(model = 'custom') = (custom_amounts <> '') AND (custom_amounts = '' "
            "OR (json_valid(custom_amounts) AND json_type(custom_amounts) = 'array'))",
        ),
        _ck("plans", "holidays_code", "holidays IS NULL OR holidays GLOB '[A-Z][A-Z]'"),
        _ck("plans", "grace_days_not_negative", "grace_days >= 0"),
        _money("plans", "tolerance"),
        _decimal("plans", "penalty_daily_rate"),
        _one_of("plans", "payoff_policy", ("charge_all_fees", "waive_future_fees", "penalty_pct")),
        _decimal("plans", "payoff_penalty_pct"),
        _bool("plans", "archived"),
        _date("plans", "closed_on", nullable=True),
        _money("plans", "payoff_charge"),
        _money("plans", "remaining"),
        _ck("plans", "paid_periods_not_negative", "paid_periods >= 0"),
        _ck("plans", "schedule_periods_not_negative", "schedule_periods >= 0"),
        _date("plans", "next_due", nullable=True),
        _money("plans", "next_amount"),
        _date("plans", "last_paid_on", nullable=True),
        _money("plans", "total_fee"),
        _money("plans", "total_cost"),
        _money("plans", "per_period"),
        _decimal("plans", "apr"),
        _decimal("plans", "effective_rate"),
        _ck("plans", "derived_rev_not_negative", "derived_rev >= 0"),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_plans_account_id_accounts"),
            ondelete="RESTRICT",
        ),
        **_OPTIONS,
    )


_PLAN_COLUMNS = (
    "id, name, platform, purchase_date, notes, currency, model, principal, periods, rate, "
    "fee_mode, fee_rounding, remainder, first_due, down_payment, upfront_fee, custom_amounts, "
    "holidays, account_id, grace_days, tolerance, penalty_daily_rate, payoff_policy, "
    "payoff_penalty_pct, "
    "archived, closed_on, payoff_charge, remaining, paid_periods, next_due, next_amount, "
    "last_paid_on, total_fee, total_cost, per_period, apr, effective_rate, derived_rev, "
    "created_at, updated_at"
)


def _sequence(conn: sa.Connection, table: str) -> int | None:
    row = conn.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).first()
    return None if row is None else int(row[0])


def _rebuild(conn: sa.Connection, table: str, create: object, columns: str) -> None:
    seq = _sequence(conn, table)
    conn.exec_driver_sql(f"ALTER TABLE {table} RENAME TO _old_{table}")
    create()  # type: ignore[operator]
    conn.exec_driver_sql(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _old_{table}")
    conn.exec_driver_sql(f"DROP TABLE _old_{table}")
    if seq is not None:
        conn.exec_driver_sql(
            "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", (seq, table)
        )
        if _sequence(conn, table) is None:
            conn.exec_driver_sql(
                "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, seq)
            )


def upgrade() -> None:
    conn = op.get_bind()
    # Rename without rewriting the children's REFERENCES plans (foreign keys are off here).
    conn.exec_driver_sql("PRAGMA legacy_alter_table = ON")
    try:
        _rebuild(conn, "plans", _create_plans, _PLAN_COLUMNS)
    finally:
        conn.exec_driver_sql("PRAGMA legacy_alter_table = OFF")
    op.create_index(op.f("ix_plans_account_id"), "plans", ["account_id"])
    op.create_index(op.f("ix_plans_derived_rev"), "plans", ["derived_rev"])
    op.create_index(
        "ix_payments_history",
        "payments",
        ["date", "id", "plan_id", "amount", "method", "note", "voided", "kind", "bill_payment_id"],
    )
    conn.exec_driver_sql(
        "UPDATE plans SET schedule_periods = "
        "(SELECT count(*) FROM installments i WHERE i.plan_id = plans.id)"
    )


def downgrade() -> None:
    raise NotImplementedError("schema 0008 cannot be downgraded; restore the backup instead")
