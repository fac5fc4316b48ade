"""Guest lists as sent, and the coordinator's changes to one event's list (issue 12): two new
tables, guest_list_changes (a person added to, or left out of, one event's list) and
guest_list_sent (an event's list as it was when its invitations were first sent or prepared).
The rows of an older database are kept as they are, but for the 3 September mingle: it is now
one occurrence of both starts (rules.toml `shared_with`), kept under the autumn cohort, so a move
or a time and place stored under the spring cohort's listing of it (spring-Y) is kept under
autumn-(Y-1), unless that one has its own, and its invitations in the send log are logged there.

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
    for name in ("overrides", "event_details"):
        _move_to_owner(name)
    log = sa.table("message_log", sa.column("cohort_id", sa.String), sa.column("event_id", sa.String),
                   sa.column("kind", sa.String))
    bind = op.get_bind()
    for (cohort_id,) in bind.execute(sa.select(log.c.cohort_id).distinct().where(
            log.c.event_id == SHARED_EVENT, log.c.kind == "invitation")).all():
        owner = _owner(cohort_id)
        if owner:
            bind.execute(sa.update(log).where(log.c.cohort_id == cohort_id, log.c.event_id == SHARED_EVENT,
                                              log.c.kind == "invitation").values(cohort_id=owner))


def _owner(cohort_id: str) -> str | None:
    """spring-Y's 3 September mingle is autumn-(Y-1)'s."""
    found = re.fullmatch(r"spring-(\d{4})", cohort_id)
    return f"autumn-{int(found[1]) - 1}" if found else None


def _move_to_owner(name: str) -> None:
    """One row per cohort and event (a move, a time and place): the spring listing's goes to the
    owner, unless the owner has its own, which stands."""
    table = sa.table(name, sa.column("cohort_id", sa.String), sa.column("event_id", sa.String))
    bind = op.get_bind()
    kept = {row.cohort_id for row in bind.execute(
        sa.select(table.c.cohort_id).where(table.c.event_id == SHARED_EVENT))}
    for cohort_id in sorted(kept):
        owner = _owner(cohort_id)
        if owner is None:
            continue
        where = sa.and_(table.c.cohort_id == cohort_id, table.c.event_id == SHARED_EVENT)
        if owner in kept:
            bind.execute(sa.delete(table).where(where))
        else:
            bind.execute(sa.update(table).where(where).values(cohort_id=owner))
            kept.add(owner)


def downgrade() -> None:
    raise NotImplementedError("Mentorplan does not downgrade: restore the backup taken before the upgrade")
