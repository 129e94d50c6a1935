"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

Runs inside tracker.storage.migrate.upgrade: one transaction, foreign keys OFF, a verified
backup taken first, foreign_key_check afterwards. Use numeric ids ("0002", "0003", ...):
user_version is set from them. Write operations by hand and keep them frozen (do not import
tracker.storage.models here: the models will change, this revision must not). A batch
rebuild loses AUTOINCREMENT: use op.batch_alter_table(name, table_kwargs={"sqlite_autoincrement":
True}); the schema-vs-models test will tell you if anything else was lost.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
${imports if imports else ""}

revision: str = ${repr(up_revision)}
down_revision: str | Sequence[str] | None = ${repr(down_revision)}
branch_labels: str | Sequence[str] | None = ${repr(branch_labels)}
depends_on: str | Sequence[str] | None = ${repr(depends_on)}


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
