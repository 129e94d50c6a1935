"""Bill payments and recorded prepayments: ``bill_payments``, ``payments.bill_payment_id``,
``payments.prepay`` and the payment kind ``prepayment``.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

Paying an account's bill records one payment per plan it covers; ``bill_payments`` holds the
bill payment that groups them (what the user paid, on which statement), and each part points at
it (``payments.bill_payment_id``, NULL for every existing payment). A partial prepayment of a
loan is a payment of kind ``prepayment``; ``payments.prepay`` keeps the lender's choice and the
schedule it replaced (a JSON object; ``''`` for every other kind). The payments table is rebuilt
(no table refers to it) with its AUTOINCREMENT counter kept; no existing row changes meaning.
Written by hand and frozen: it does not import tracker.storage.models; a test checks the result
equals a database created from the models.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
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


def _date(table: str, column: str) -> sa.CheckConstraint:
    return _ck(table, f"{column}_iso_date", f"date({column}, '+0 days') IS {column}")


def _bool(table: str, column: str) -> sa.CheckConstraint:
    return _ck(table, f"{column}_bool", f"{column} IN (0, 1)")


def _create_bill_payments() -> None:
    op.create_table(
        "bill_payments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("statement_date", sa.Text(), nullable=False),
        sa.Column("date", sa.Text(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("spending", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("method", sa.Text(), nullable=False, server_default=""),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("voided", sa.Integer(), nullable=False, server_default=_ZERO),
        sa.Column("created_at", sa.Text(), nullable=False, server_default=_NOW),
        _date("bill_payments", "statement_date"),
        _date("bill_payments", "date"),
        _money("bill_payments", "amount", positive=True),
        _money("bill_payments", "spending"),
        _bool("bill_payments", "voided"),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_bill_payments_account_id_accounts"),
            ondelete="SET NULL",
        ),
        **_OPTIONS,
    )
    op.create_index(op.f("ix_bill_payments_account_id"), "bill_payments", ["account_id"])


def _create_payments() -> None:
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
        sa.Column("prepay", sa.Text(), nullable=False, server_default=""),
        sa.Column("bill_payment_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.Text(), nullable=False, server_default=_NOW),
        _date("payments", "date"),
        _money("payments", "amount", positive=True),
        _bool("payments", "voided"),
        _ck(
            "payments",
            "kind_valid",
            "kind IN ('payment', 'payoff', 'prior', 'prepayment')",
        ),
        _ck(
            "payments",
            "prepay_json",
            "(kind = 'prepayment') = (prepay <> '') AND (prepay = '' "
            "OR (json_valid(prepay) AND json_type(prepay) = 'object'))",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_payments_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["bill_payment_id"],
            ["bill_payments.id"],
            name=op.f("fk_payments_bill_payment_id_bill_payments"),
            ondelete="SET NULL",
        ),
        **_OPTIONS,
    )


_PAYMENT_COLUMNS = "id, plan_id, date, amount, method, note, voided, kind, created_at"


def _sequence(conn: sa.Connection, table: str) -> int | None:
    row = conn.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).first()
    return None if row is None else int(row[0])


def upgrade() -> None:
    conn = op.get_bind()
    _create_bill_payments()
    seq = _sequence(conn, "payments")
    conn.exec_driver_sql("ALTER TABLE payments RENAME TO _old_payments")
    _create_payments()
    conn.exec_driver_sql(
        f"INSERT INTO payments ({_PAYMENT_COLUMNS}) SELECT {_PAYMENT_COLUMNS} FROM _old_payments"
    )
    conn.exec_driver_sql("DROP TABLE _old_payments")
    if seq is not None:
        conn.exec_driver_sql(
            "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'payments'", (seq,)
        )
        if _sequence(conn, "payments") is None:
            conn.exec_driver_sql(
                "INSERT INTO sqlite_sequence (name, seq) VALUES ('payments', ?)", (seq,)
            )
    op.create_index(op.f("ix_payments_plan_id_date"), "payments", ["plan_id", "date"])
    op.create_index(op.f("ix_payments_bill_payment_id"), "payments", ["bill_payment_id"])


def downgrade() -> None:
    raise NotImplementedError("schema 0006 cannot be downgraded; restore the backup instead")
