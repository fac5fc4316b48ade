"""${message}

Revision ID: ${up_revision}
Revises: ${repr(down_revision)}
Create Date: ${create_date}

Upgrades only: Mentorplan never downgrades (a newer database is refused, an older one upgraded
after a backup). Must run on SQLite and PostgreSQL: change a table inside
`with op.batch_alter_table(...)`; move data with op.execute or Core statements on
op.get_bind(). A test opens the previous release's database with it (docs/migrations.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
${imports if imports else ""}
revision: str = ${repr(up_revision)}
down_revision: str | None = ${repr(down_revision)}
branch_labels: str | None = ${repr(branch_labels)}
depends_on: str | None = ${repr(depends_on)}


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    raise NotImplementedError("Mentorplan does not downgrade: restore the backup taken before the upgrade")
