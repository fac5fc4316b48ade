"""Every table of the store, in one place, so that the whole of what Mentorplan keeps about the
programme and its people can be read at a glance."""

from __future__ import annotations

from sqlalchemy import (
                        JSON,
                        Boolean,
                        Column,
                        Date,
                        DateTime,
                        ForeignKey,
                        Integer,
                        MetaData,
                        String,
                        Table,
                        Text,
                        UniqueConstraint,
                        func,
)

metadata = MetaData()

# -- Calendar ----------------------------------------------------------------------------------

settings = Table(
    "settings", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", JSON, nullable=False),
)

overrides = Table(
    "overrides", metadata,
    Column("cohort_id", String(32), primary_key=True),
    Column("event_id", String(64), primary_key=True),
    Column("start", Date, nullable=False),
    Column("end", Date, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("created_at", DateTime, nullable=False, server_default=func.current_timestamp()),
)

# -- People ------------------------------------------------------------------------------------

# A person is one e-mail address across cohorts and roles over the years.
people = Table(
    "people", metadata,
    Column("id", Integer, primary_key=True),
    Column("email", String(254), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("phone", String(64), nullable=False, default=""),
    Column("organisation", String(200), nullable=False, default=""),
    Column("department", String(200), nullable=False, default=""),
    Column("title", String(200), nullable=False, default=""),
    Column("town", String(100), nullable=False, default=""),
    Column("languages", JSON, nullable=False, default=list),
    Column("gender", String(32), nullable=False, default=""),
    Column("created_at", DateTime, nullable=False, server_default=func.current_timestamp()),
    Column("updated_at", DateTime, nullable=False, server_default=func.current_timestamp()),
)

# A person's taking part in one cohort in one role, with what they said when they signed up.
participations = Table(
    "participations", metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("cohort_id", String(32), nullable=False),
    Column("role", String(16), nullable=False),  # mentor | mentee
    Column("status", String(16), nullable=False, default="applied"),  # applied|matched|waiting|withdrawn
    Column("competences", JSON, nullable=False, default=list),  # a mentor's areas
    Column("goals", JSON, nullable=False, default=list),  # a mentee's development areas
    Column("sector", String(100), nullable=False, default=""),
    Column("sector_preference", String(16), nullable=False, default=""),  # same | other | ""
    Column("experience_years", Integer, nullable=True),
    Column("start_preference", String(16), nullable=False, default="any"),  # autumn|spring|any
    Column("gender_preference", String(32), nullable=False, default=""),  # a mentee's wish
    Column("capacity", Integer, nullable=False, default=1),  # a mentor's number of mentees
    Column("consent", Boolean, nullable=False, default=False),
    Column("motivation", Text, nullable=False, default=""),
    Column("same_org_allowed", Boolean, nullable=False, default=False),
    Column("extra", JSON, nullable=False, default=dict),  # columns of the sheet we do not know
    Column("created_at", DateTime, nullable=False, server_default=func.current_timestamp()),
    Column("updated_at", DateTime, nullable=False, server_default=func.current_timestamp()),
    UniqueConstraint("person_id", "cohort_id", "role"),
)
