"""Test-only revision that leaves an installment pointing at a missing plan.

Foreign keys are OFF during migrations, so SQLite lets it through; the foreign_key_check
after the upgrade must catch it and roll the whole upgrade back.
"""

from alembic import op

revision = "9001"
down_revision = "HEAD"  # replaced by the real head when copied (conftest)
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_test_orphans ON payments (amount)")
    op.execute(
        "INSERT INTO installments (plan_id, period, due_date, principal, fee)"
        " VALUES (4242, 1, '2024-01-01', 100, 0)"
    )


def downgrade() -> None:
    pass
