"""Test-only revision that fails half-way: the table it created must vanish again."""

import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "HEAD"  # replaced by the real head when copied (conftest)
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("UPDATE plans SET notes = 'touched'")
    op.execute("INSERT INTO no_such_table VALUES (1)")


def downgrade() -> None:
    pass
