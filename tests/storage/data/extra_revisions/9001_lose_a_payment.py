"""Test-only revision that loses a payment: the audit after the upgrade must roll it back."""

from alembic import op

revision = "9001"
down_revision = "HEAD"  # replaced by the real head when copied (conftest)
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE plans SET notes = 'touched'")
    op.execute("DELETE FROM payments WHERE id = (SELECT min(id) FROM payments)")


def downgrade() -> None:
    pass
