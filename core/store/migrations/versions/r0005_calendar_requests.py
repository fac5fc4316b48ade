"""Calendar requests' sequence numbers (issue 15; filled in by its work).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

Upgrades only: Mentorplan never downgrades (a newer database is refused, an older one upgraded
after a backup). Must run on SQLite and PostgreSQL: change a table inside
`with op.batch_alter_table(...)`; move data with op.execute or Core statements on
op.get_bind(). A test opens the previous release's database with it (docs/migrations.md).
"""

from __future__ import annotations

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    raise NotImplementedError("Mentorplan does not downgrade: restore the backup taken before the upgrade")
