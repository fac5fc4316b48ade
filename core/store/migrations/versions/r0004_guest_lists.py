"""Guest lists as sent, and the coordinator's changes to one event's list (issue 12): two new
tables, guest_list_changes (a person added to, or left out of, one event's list) and
guest_list_sent (an event's list as it was when its invitations were first sent or prepared).
The rows of an older database are kept as they are, but for one move: the 3 September mingle is
now one occurrence of both starts (rules.toml `shared_with`), moved under the autumn cohort, so
a move stored under the spring cohort's listing of it (spring-Y) is kept under autumn-(Y-1),
unless that one was moved itself.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

Upgrades only: Mentorplan never downgrades (a newer database is refused, an older one upgraded
after a backup). Must run on SQLite and PostgreSQL: change a table inside
`with op.batch_alter_table(...)`; move data with op.execute or Core statements on
op.get_bind(). A test opens the previous release's database with it (docs/migrations.md).
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | None = None
depends_on: str | None = None

SHARED_EVENT = "mentor_mingle"


def upgrade() -> None:
    op.create_table('guest_list_changes',
    sa.Column('cohort_id', sa.String(length=32), nullable=False),
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('change', sa.String(length=16), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('cohort_id', 'event_id', 'person_id')
    )
    op.create_table('guest_list_sent',
    sa.Column('cohort_id', sa.String(length=32), nullable=False),
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('kept_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('cohort_id', 'event_id', 'person_id')
    )
    _move_shared_overrides()


def _move_shared_overrides() -> None:
    overrides = sa.table("overrides", sa.column("cohort_id", sa.String), sa.column("event_id", sa.String))
    bind = op.get_bind()
    kept = {row.cohort_id for row in bind.execute(
        sa.select(overrides.c.cohort_id).where(overrides.c.event_id == SHARED_EVENT))}
    for cohort_id in sorted(kept):
        found = re.fullmatch(r"spring-(\d{4})", cohort_id)
        if not found:
            continue
        owner = f"autumn-{int(found[1]) - 1}"
        where = sa.and_(overrides.c.cohort_id == cohort_id, overrides.c.event_id == SHARED_EVENT)
        if owner in kept:  # the owner's own move stands; the spring listing follows it now
            bind.execute(sa.delete(overrides).where(where))
        else:
            bind.execute(sa.update(overrides).where(where).values(cohort_id=owner))
            kept.add(owner)


def downgrade() -> None:
    raise NotImplementedError("Mentorplan does not downgrade: restore the backup taken before the upgrade")
