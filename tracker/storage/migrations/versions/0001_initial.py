"""Initial schema: plans, installments, payments (STRICT tables, CHECK constraints).

Revision ID: 0001
Revises:
Create Date: 2025-01-01

Written by hand and frozen: it does not import tracker.storage.models. A test checks that a
database migrated to head has exactly the schema the models describe.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
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


def _fk_plan(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["plan_id"], ["plans.id"], name=op.f(f"fk_{table}_plan_id_plans"), ondelete="CASCADE"
    )


def upgrade() -> None:
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
        sa.Column("remainder", sa.Text(), nullable=False),
        sa.Column("first_due", sa.Text(), nullable=False),
        sa.Column("down_payment", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("upfront_fee", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("custom_amounts", sa.Text(), nullable=False, server_default=""),
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
        _ck("plans", "grace_days_not_negative", "grace_days >= 0"),
        _money("plans", "tolerance"),
        _decimal("plans", "penalty_daily_rate"),
        _one_of("plans", "payoff_policy", ("charge_all_fees", "waive_future_fees", "penalty_pct")),
        _decimal("plans", "payoff_penalty_pct"),
        _bool("plans", "archived"),
        _date("plans", "closed_on", nullable=True),
        _money("plans", "payoff_charge"),
        **_OPTIONS,
    )

    op.create_table(
        "installments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Text(), nullable=False),
        sa.Column("principal", sa.Integer(), nullable=False),
        sa.Column("fee", sa.Integer(), nullable=False),
        _ck("installments", "period_positive", "period >= 1"),
        _date("installments", "due_date"),
        _money("installments", "principal"),
        _money("installments", "fee"),
        sa.UniqueConstraint("plan_id", "period", name=op.f("uq_installments_plan_id_period")),
        _fk_plan("installments"),
        **_OPTIONS,
    )
    op.create_index(op.f("ix_installments_due_date"), "installments", ["due_date"])

    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Text(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False, server_default=""),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("voided", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("kind", sa.Text(), nullable=False, server_default="payment"),
        sa.Column("created_at", sa.Text(), nullable=False, server_default=_NOW),
        _date("payments", "date"),
        _money("payments", "amount", positive=True),
        _bool("payments", "voided"),
        _one_of("payments", "kind", ("payment", "payoff")),
        _fk_plan("payments"),
        **_OPTIONS,
    )
    op.create_index(op.f("ix_payments_plan_id_date"), "payments", ["plan_id", "date"])


def downgrade() -> None:
    op.drop_table("payments")
    op.drop_table("installments")
    op.drop_table("plans")
