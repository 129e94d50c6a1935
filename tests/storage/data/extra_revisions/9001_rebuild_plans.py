"""Test-only revision: rebuild the parent table ``plans`` (a batch "move and copy").

With foreign keys ON, the rebuild's DROP TABLE would delete every installment and payment
through ON DELETE CASCADE; migrate.upgrade must run it with foreign keys OFF.
"""

import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "HEAD"  # replaced by the real head when copied (conftest)
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table(
        "plans", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.add_column(
            sa.Column("reminder_days", sa.Integer(), nullable=False, server_default=sa.text("7"))
        )


def downgrade() -> None:
    with op.batch_alter_table("plans", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("reminder_days")
