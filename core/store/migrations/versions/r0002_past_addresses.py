"""Past addresses: a table of the digests of the addresses a person had before their current one,
so that deleting them everywhere remembers every address they ever had (core/store/people.py).
A new table only: the rows of an older database are kept as they are.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 17:26:43.277454

Upgrades only: Mentorplan never downgrades (a newer database is refused, an older one upgraded
after a backup). Must run on SQLite and PostgreSQL: change a table inside
`with op.batch_alter_table(...)`; move data with op.execute or Core statements on
op.get_bind(). A test opens the previous release's database with it (docs/migrations.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table('past_addresses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('email_digest', sa.String(length=64), nullable=False),
    sa.Column('replaced_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('past_addresses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_past_addresses_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    raise NotImplementedError("Mentorplan does not downgrade: restore the backup taken before the upgrade")
