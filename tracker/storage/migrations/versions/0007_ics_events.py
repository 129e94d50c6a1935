"""Calendar-feed event revisions: the ``ics_events`` table.

Revision ID: 0007
Revises: 0005 (the lead re-chains at merge)
Create Date: 2026-12-04

One row per installment event of the calendar feed (``tracker.storage.ics_events`` keeps it at
write time), with no foreign key so a deleted plan's rows stay as tombstones. Filled here with a
row per stored installment, ``state = 'pending'``: the fingerprint columns depend on the derived
columns, which an upgrade from before 0003 fills only after the revisions, so the audit that
ends every upgrade settles pending rows (``ics_events.sync_pending``) without a new revision.

Their ``sequence`` starts where older versions' feeds left it, the plan's payments plus its
voided payments (0 for a plan without payments): a calendar ignores an update whose SEQUENCE is
lower than the one it has. Written by hand and frozen: it does not import
tracker.storage.models; a test checks the result equals a database created from the models.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _ck(name: str, rule: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(rule, name=op.f(f"ck_ics_events_{name}"))


def _date(column: str, *, nullable: bool = False) -> sa.CheckConstraint:
    rule = f"date({column}, '+0 days') IS {column}"
    if nullable:
        rule = f"{column} IS NULL OR {rule}"
    return _ck(f"{column}_iso_date", rule)


def upgrade() -> None:
    op.create_table(
        "ics_events",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("plan_name", sa.Text(), nullable=False),
        sa.Column("periods", sa.Integer(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Text(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("remaining", sa.Integer(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False, server_default=sa.text("0")),
        sa.Column("overdue_from", sa.Text(), nullable=True),
        sa.Column("deleted_on", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("plan_id", "period", name=op.f("pk_ics_events")),
        _ck("period_positive", "period >= 1"),
        _ck("plan_name_not_blank", "length(trim(plan_name)) > 0"),
        _ck("periods_positive", "periods >= 1"),
        _ck("currency_code", "currency GLOB '[A-Z][A-Z][A-Z]'"),
        _date("due_date"),
        _ck("amount_not_negative", "amount >= 0"),
        _ck("remaining_not_negative", "remaining >= 0"),
        _ck("state_valid", "state IN ('owed', 'paid', 'archived', 'deleted', 'pending')"),
        _ck("sequence_not_negative", "sequence >= 0"),
        _date("overdue_from", nullable=True),
        _date("deleted_on", nullable=True),
        _ck("deleted_on_when_deleted", "(state = 'deleted') = (deleted_on IS NOT NULL)"),
        sqlite_strict=True,
    )
    op.create_index(
        op.f("ix_ics_events_deleted_on"),
        "ics_events",
        ["deleted_on"],
        sqlite_where=sa.text("deleted_on IS NOT NULL"),
    )
    op.get_bind().exec_driver_sql(
        "INSERT INTO ics_events (plan_id, period, plan_name, periods, currency, due_date, "
        "amount, remaining, state, sequence) "
        "SELECT i.plan_id, i.period, p.name, "
        "(SELECT count(*) FROM installments c WHERE c.plan_id = i.plan_id), p.currency, "
        "i.due_date, i.principal + i.fee, "
        "max(0, i.principal + i.fee - i.paid_principal - i.paid_fee), 'pending', "
        "(SELECT count(*) + coalesce(sum(y.voided), 0) FROM payments y "
        "WHERE y.plan_id = i.plan_id) "
        "FROM installments i JOIN plans p ON p.id = i.plan_id"
    )


def downgrade() -> None:
    raise NotImplementedError("schema 0007 cannot be downgraded; restore the backup instead")
