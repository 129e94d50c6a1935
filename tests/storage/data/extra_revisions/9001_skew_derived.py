"""Test-only revision that leaves a stored balance the ledger disagrees with (marked current,
so nothing refreshes it): the audit after the upgrade must roll it back."""

from alembic import op

revision = "9001"
down_revision = "HEAD"  # replaced by the real head when copied (conftest)
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE plans SET notes = 'touched'")
    op.execute("UPDATE plans SET derived_rev = 1")
    op.execute("UPDATE plans SET remaining = remaining + 1 WHERE id = (SELECT min(id) FROM plans)")


def downgrade() -> None:
    pass
