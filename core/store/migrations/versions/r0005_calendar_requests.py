"""Calendar requests: which version of an event's calendar request (iTIP REQUEST or CANCEL, its
SEQUENCE, and the day, time and place it carried) each person was given, so that a moved event
can be updated in everyone's calendar with a higher SEQUENCE (core/messages/requests.py). A new
table only: the rows of an older database are kept as they are.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

Upgrades only: Mentorplan never downgrades (a newer database is refused, an older one upgraded
after a backup). Must run on SQLite and PostgreSQL: change a table inside
`with op.batch_alter_table(...)`; move data with op.execute or Core statements on
op.get_bind(). A test opens the previous release's database with it (docs/migrations.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table('calendar_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cohort_id', sa.String(length=32), nullable=False),
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=8), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=False),
    sa.Column('time', sa.String(length=100), nullable=False),
    sa.Column('place', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('calendar_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_requests_cohort_id'), ['cohort_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_calendar_requests_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    raise NotImplementedError("Mentorplan does not downgrade: restore the backup taken before the upgrade")
