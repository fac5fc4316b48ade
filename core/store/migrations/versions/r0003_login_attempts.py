"""Login attempts counted per source, atomically (issue 16; filled in by its work).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

Upgrades only: Mentorplan never downgrades (a newer database is refused, an older one upgraded
after a backup). Must run on SQLite and PostgreSQL: change a table inside
`with op.batch_alter_table(...)`; move data with op.execute or Core statements on
op.get_bind(). A test opens the previous release's database with it (docs/migrations.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    # Failures of an older database came from no known source: they keep the empty one, which
    # no attempt has, so they count against no one (and are forgotten within the hour anyway).
    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(length=64), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_login_failures_source"), ["source"], unique=False)


def downgrade() -> None:
    raise NotImplementedError("Mentorplan does not downgrade: restore the backup taken before the upgrade")
