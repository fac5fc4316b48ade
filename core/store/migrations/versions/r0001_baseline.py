"""Baseline: the tables as the release of 2026-12-01 made them (core/store/schema.py of that day,
created with metadata.create_all), written out here so that later changes to schema.py do not
change them. A database that release made has these tables and no revision; opening it stamps it
with this one (core/store/migrations/__init__.py).

Revision ID: 0001
Revises: None
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

NOW = sa.func.current_timestamp()


def _person(name: str) -> sa.Column:
    """A reference to a person, deleted with them."""
    return sa.Column(name, sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    # -- Calendar --
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.JSON, nullable=False),
    )
    op.create_table(
        "overrides",
        sa.Column("cohort_id", sa.String(32), primary_key=True),
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("end", sa.Date, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False, server_default=NOW),
    )

    # -- People --
    op.create_table(
        "people",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(64), nullable=False),
        sa.Column("organisation", sa.String(200), nullable=False),
        sa.Column("department", sa.String(200), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("town", sa.String(100), nullable=False),
        sa.Column("languages", sa.JSON, nullable=False),
        sa.Column("gender", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False, server_default=NOW),
        sa.Column("updated_at", sa.DateTime, nullable=False, server_default=NOW),
    )
    op.create_table(
        "participations",
        sa.Column("id", sa.Integer, primary_key=True),
        _person("person_id"),
        sa.Column("cohort_id", sa.String(32), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("competences", sa.JSON, nullable=False),
        sa.Column("goals", sa.JSON, nullable=False),
        sa.Column("sector", sa.String(100), nullable=False),
        sa.Column("sector_preference", sa.String(16), nullable=False),
        sa.Column("experience_years", sa.Integer, nullable=True),
        sa.Column("start_preference", sa.String(16), nullable=False),
        sa.Column("gender_preference", sa.String(32), nullable=False),
        sa.Column("capacity", sa.Integer, nullable=False),
        sa.Column("consent", sa.Boolean, nullable=False),
        sa.Column("motivation", sa.Text, nullable=False),
        sa.Column("same_org_allowed", sa.Boolean, nullable=False),
        sa.Column("extra", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False, server_default=NOW),
        sa.Column("updated_at", sa.DateTime, nullable=False, server_default=NOW),
        sa.UniqueConstraint("person_id", "cohort_id", "role"),
    )

    # -- Matching --
    op.create_table(
        "match_settings",
        sa.Column("cohort_id", sa.String(32), primary_key=True),
        sa.Column("settings", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False, server_default=NOW),
    )
    op.create_table(
        "match_constraints",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("cohort_id", sa.String(32), nullable=False),
        _person("mentor_person_id"),
        _person("mentee_person_id"),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False, server_default=NOW),
        sa.UniqueConstraint("cohort_id", "mentor_person_id", "mentee_person_id"),
    )
    op.create_index("ix_match_constraints_cohort_id", "match_constraints", ["cohort_id"])
    op.create_table(
        "match_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("cohort_id", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("objective", sa.String(16), nullable=False),
        sa.Column("settings", sa.JSON, nullable=False),
        sa.Column("constraints", sa.JSON, nullable=False),
        sa.Column("notices", sa.JSON, nullable=False),
        sa.Column("pair_count", sa.Integer, nullable=False),
        sa.Column("unmatched_count", sa.Integer, nullable=False),
        sa.Column("total_score", sa.Float, nullable=False),
        sa.Column("accepted", sa.Boolean, nullable=False),
        sa.Column("accepted_at", sa.DateTime, nullable=True),
    )
    op.create_index("ix_match_runs_cohort_id", "match_runs", ["cohort_id"])
    op.create_table(
        "match_pairs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("match_runs.id", ondelete="CASCADE"), nullable=False),
        _person("mentor_person_id"),
        _person("mentee_person_id"),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("pinned", sa.Boolean, nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
        sa.Column("warnings", sa.JSON, nullable=False),
        sa.Column("alternatives", sa.JSON, nullable=False),
        sa.UniqueConstraint("run_id", "mentee_person_id"),
    )
    op.create_index("ix_match_pairs_run_id", "match_pairs", ["run_id"])
    op.create_table(
        "match_unmatched",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("match_runs.id", ondelete="CASCADE"), nullable=False),
        _person("person_id"),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("reason", sa.JSON, nullable=False),
        sa.Column("alternatives", sa.JSON, nullable=False),
    )
    op.create_index("ix_match_unmatched_run_id", "match_unmatched", ["run_id"])
    op.create_table(
        "column_mappings",
        sa.Column("signature", sa.String(64), primary_key=True),
        sa.Column("mapping", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False, server_default=NOW),
    )

    # -- Trust --
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("rows", sa.Integer, nullable=False),
    )
    op.create_table(
        "erased_people",
        sa.Column("email_digest", sa.String(64), primary_key=True),
        sa.Column("erased_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_login_failures_at", "login_failures", ["at"])

    # -- Messages --
    op.create_table(
        "message_templates",
        sa.Column("kind", sa.String(64), primary_key=True),
        sa.Column("lang", sa.String(8), primary_key=True),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "event_details",
        sa.Column("cohort_id", sa.String(32), primary_key=True),
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("place", sa.Text, nullable=False),
        sa.Column("time", sa.String(100), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "message_log",
        sa.Column("id", sa.Integer, primary_key=True),
        _person("person_id"),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("cohort_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("template", sa.String(64), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("channel", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("error", sa.Text, nullable=False),
    )
    op.create_index("ix_message_log_person_id", "message_log", ["person_id"])
    op.create_index("ix_message_log_cohort_id", "message_log", ["cohort_id"])

    # -- Follow-up --
    op.create_table(
        "pair_meetings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("cohort_id", sa.String(32), nullable=False),
        _person("mentor_person_id"),
        _person("mentee_person_id"),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False, server_default=NOW),
        sa.UniqueConstraint("cohort_id", "mentor_person_id", "mentee_person_id", "number"),
    )
    op.create_index("ix_pair_meetings_cohort_id", "pair_meetings", ["cohort_id"])
    op.create_table(
        "attendance",
        sa.Column("cohort_id", sa.String(32), primary_key=True),
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("attended", sa.Boolean, nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False, server_default=NOW),
    )
    op.create_table(
        "three_party_slots",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("cohort_id", sa.String(32), nullable=False),
        sa.Column("starts_at", sa.DateTime, nullable=False),
        sa.Column("minutes", sa.Integer, nullable=False),
        sa.Column("place", sa.String(300), nullable=False),
    )
    op.create_index("ix_three_party_slots_cohort_id", "three_party_slots", ["cohort_id"])
    op.create_table(
        "three_party_bookings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slot_id", sa.Integer, sa.ForeignKey("three_party_slots.id", ondelete="CASCADE"),
                  nullable=False, unique=True),
        sa.Column("cohort_id", sa.String(32), nullable=False),
        _person("mentor_person_id"),
        _person("mentee_person_id"),
        sa.Column("held", sa.Boolean, nullable=False),
        sa.UniqueConstraint("cohort_id", "mentor_person_id", "mentee_person_id"),
    )
    op.create_index("ix_three_party_bookings_cohort_id", "three_party_bookings", ["cohort_id"])


def downgrade() -> None:
    raise NotImplementedError("Mentorplan does not downgrade: restore the backup taken before the upgrade")
