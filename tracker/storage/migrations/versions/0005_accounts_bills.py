"""Accounts and bills: ``accounts``, ``bill_statements`` and ``plans.account_id``.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

An account is a credit card or platform (花呗, 白条) with a statement day and a due rule; a
plan may belong to one (``plans.account_id``, NULL for every existing plan: nothing the user
did not ask for is added). ``bill_statements`` holds what the user typed from a statement
(ordinary spending, fees and interest, the unpaid part of the previous minimum, the lender's
total). The plans table is rebuilt as in 0004 (so a migrated file has exactly the DDL of a
new one) and its AUTOINCREMENT counter is kept. Written by hand and frozen: it does not import
tracker.storage.models; a test checks the result equals a database created from the models.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
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


def _create_accounts() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("statement_day", sa.Integer(), nullable=False),
        sa.Column("due_rule", sa.Text(), nullable=False),
        sa.Column("due_value", sa.Integer(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False, server_default="CNY"),
        sa.Column("min_percent", sa.Text(), nullable=False),
        sa.Column("daily_rate", sa.Text(), nullable=False),
        sa.Column("interest_rule", sa.Text(), nullable=False),
        sa.Column("late_fee_percent", sa.Text(), nullable=False),
        sa.Column("late_fee_min", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("late_fee_max", sa.Integer(), nullable=True),
        sa.Column("credit_limit", sa.Integer(), nullable=True),
        sa.Column("grace_days", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("tolerance", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        sa.Column("archived", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("created_at", sa.Text(), nullable=False, server_default=_NOW),
        sa.Column("updated_at", sa.Text(), nullable=False, server_default=_NOW),
        _ck("accounts", "name_not_blank", "length(trim(name)) > 0"),
        sa.UniqueConstraint("name", name=op.f("uq_accounts_name")),
        _one_of("accounts", "kind", ("credit_card", "huabei", "baitiao", "other")),
        _ck("accounts", "statement_day_range", "statement_day BETWEEN 0 AND 28"),
        _one_of("accounts", "due_rule", ("day_of_month", "days_after")),
        _ck("accounts", "due_value_range", "due_value BETWEEN 1 AND 60"),
        _ck("accounts", "currency_code", "currency GLOB '[A-Z][A-Z][A-Z]'"),
        _decimal("accounts", "min_percent"),
        _decimal("accounts", "daily_rate"),
        _one_of("accounts", "interest_rule", ("full_statement", "unpaid_only")),
        _decimal("accounts", "late_fee_percent"),
        _money("accounts", "late_fee_min"),
        _ck("accounts", "late_fee_max_range", "late_fee_max IS NULL OR late_fee_max >= 0"),
        _ck("accounts", "credit_limit_range", "credit_limit IS NULL OR credit_limit >= 0"),
        _ck("accounts", "grace_days_not_negative", "grace_days >= 0"),
        _money("accounts", "tolerance"),
        _bool("accounts", "archived"),
        **_OPTIONS,
    )


def _create_bill_statements() -> None:
    op.create_table(
        "bill_statements",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("statement_date", sa.Text(), nullable=False),
        sa.Column("spending", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("posted_on", sa.Text(), nullable=True),
        sa.Column("fees_interest", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("previous_minimum_unpaid", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("lender_amount", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.Text(), nullable=False, server_default=_NOW),
        sa.Column("updated_at", sa.Text(), nullable=False, server_default=_NOW),
        _date("bill_statements", "statement_date"),
        _money("bill_statements", "spending"),
        _date("bill_statements", "posted_on", nullable=True),
        _money("bill_statements", "fees_interest"),
        _money("bill_statements", "previous_minimum_unpaid"),
        _ck(
            "bill_statements",
            "lender_amount_range",
            "lender_amount IS NULL OR lender_amount >= 0",
        ),
        sa.UniqueConstraint(
            "account_id", "statement_date", name=op.f("uq_bill_statements_account_id_statement_date")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_bill_statements_account_id_accounts"),
            ondelete="CASCADE",
        ),
        **_OPTIONS,
    )


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
        sa.Column(
            "payoff_policy", sa.Text(), nullable=False, server_default="charge_all_fees"
        ),
        sa.Column("payoff_penalty_pct", sa.Text(), nullable=False, server_default="0"),
        sa.Column("archived", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("closed_on", sa.Text(), nullable=True),
        sa.Column("payoff_charge", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("remaining", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("paid_periods", sa.Integer(), nullable=False, server_default=_ZERO),
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
    "holidays, grace_days, tolerance, penalty_daily_rate, payoff_policy, payoff_penalty_pct, "
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
            conn.exec_driver_sql("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, seq))


def upgrade() -> None:
    conn = op.get_bind()
    _create_accounts()
    _create_bill_statements()
    # Rename without rewriting the children's REFERENCES plans (foreign keys are off here).
    conn.exec_driver_sql("PRAGMA legacy_alter_table = ON")
    try:
        _rebuild(conn, "plans", _create_plans, _PLAN_COLUMNS)
    finally:
        conn.exec_driver_sql("PRAGMA legacy_alter_table = OFF")
    op.create_index(op.f("ix_plans_account_id"), "plans", ["account_id"])


def downgrade() -> None:
    raise NotImplementedError("schema 0005 cannot be downgraded; restore the backup instead")
