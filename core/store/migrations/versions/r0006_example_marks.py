"""Example people marked; an index for the pages' queries (issue 12).

`people.example` (the example loaders mark the people they make; an upgrade marks the people
whose address is in the reserved `.example` domain — every example person an earlier release
made has one, and no real person can — so that a register with earlier example data can clear it)
lets the overview clear the example data; participations
get an index on cohort_id, which every page about a cohort reads by.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

Upgrades only: Mentorplan never downgrades (a newer database is refused, an older one upgraded
after a backup). Must run on SQLite and PostgreSQL: change a table inside
`with op.batch_alter_table(...)`; move data with op.execute or Core statements on
op.get_bind(). A test opens the previous release's database with it (docs/migrations.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("example", sa.Boolean(), nullable=False, server_default=sa.false()))
    people = sa.table("people", sa.column("email", sa.String), sa.column("example", sa.Boolean))
    op.execute(people.update().where(sa.func.lower(people.c.email).like("%.example")).values(example=True))
    with op.batch_alter_table("participations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_participations_cohort_id"), ["cohort_id"], unique=False)


def downgrade() -> None:
    raise NotImplementedError("Mentorplan does not downgrade: restore the backup taken before the upgrade")
