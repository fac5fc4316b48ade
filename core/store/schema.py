"""Every table of the store, in one place, so that the whole of what Mentorplan keeps about the
programme and its people can be read at a glance."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
                        JSON,
                        Boolean,
                        Column,
                        Date,
                        DateTime,
                        Float,
                        ForeignKey,
                        Integer,
                        MetaData,
                        String,
                        Table,
                        Text,
                        UniqueConstraint,
                        false,
                        func,
)

metadata = MetaData()


def timestamp() -> dt.datetime:
    """The time stamp every `…_at` column takes: local time, to the second."""
    return dt.datetime.now().replace(microsecond=0)

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
    # Made up by the example data (core/people/examples.py), not the coordinator's: the overview's
    # "clear the example data" removes them and what hangs on them (PeopleStore.clear_examples).
    Column("example", Boolean, nullable=False, default=False, server_default=false()),
)

# A person's taking part in one cohort in one role, with what they said when they signed up.
participations = Table(
    "participations", metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("cohort_id", String(32), nullable=False, index=True),  # every cohort page reads by it
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

# -- Matching ----------------------------------------------------------------------------------
# Every reference to a person cascades: deleting a person everywhere takes their pins, pairs and
# reasons with them.

# The coordinator's weights, rule switch and objective for a cohort (core.scoring.MatchSettings).
match_settings = Table(
    "match_settings", metadata,
    Column("cohort_id", String(32), primary_key=True),
    Column("settings", JSON, nullable=False),
    Column("updated_at", DateTime, nullable=False, server_default=func.current_timestamp()),
)

# Pairs the coordinator fixed (pin) or ruled out (forbid); one row per pair.
match_constraints = Table(
    "match_constraints", metadata,
    Column("id", Integer, primary_key=True),
    Column("cohort_id", String(32), nullable=False, index=True),
    Column("mentor_person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("mentee_person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(8), nullable=False),  # pin | forbid
    Column("created_at", DateTime, nullable=False, server_default=func.current_timestamp()),
    UniqueConstraint("cohort_id", "mentor_person_id", "mentee_person_id"),
)

# A matching as run: what it was run with and its totals; at most one per cohort is accepted.
match_runs = Table(
    "match_runs", metadata,
    Column("id", Integer, primary_key=True),
    Column("cohort_id", String(32), nullable=False, index=True),
    Column("created_at", DateTime, nullable=False),
    Column("objective", String(16), nullable=False),  # total | fairest
    Column("settings", JSON, nullable=False),
    Column("constraints", JSON, nullable=False, default=list),  # [[mentor, mentee, kind], …]
    Column("notices", JSON, nullable=False, default=list),
    Column("pair_count", Integer, nullable=False),
    Column("unmatched_count", Integer, nullable=False),
    Column("total_score", Float, nullable=False),
    Column("accepted", Boolean, nullable=False, default=False),
    Column("accepted_at", DateTime, nullable=True),
)

match_pairs = Table(
    "match_pairs", metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("match_runs.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("mentor_person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("mentee_person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("score", Float, nullable=False),
    Column("pinned", Boolean, nullable=False, default=False),
    Column("reasons", JSON, nullable=False, default=list),
    Column("warnings", JSON, nullable=False, default=list),
    Column("alternatives", JSON, nullable=False, default=list),  # [{mentor_person_id, score}, …]
    UniqueConstraint("run_id", "mentee_person_id"),
)

# The people a run left without a pair, with the reason.
match_unmatched = Table(
    "match_unmatched", metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("match_runs.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(16), nullable=False),
    Column("reason", JSON, nullable=False),
    Column("alternatives", JSON, nullable=False, default=list),
)

# The coordinator's choice of field for each header of a sign-up sheet, remembered for the next
# file with the same headers (`signature`: core.columns.signature). Headers only, no personal data.
column_mappings = Table(
    "column_mappings", metadata,
    Column("signature", String(64), primary_key=True),
    Column("mapping", JSON, nullable=False),  # header key → field, "extra" or "ignore"
    Column("updated_at", DateTime, nullable=False, server_default=func.current_timestamp()),
)

# -- Trust -------------------------------------------------------------------------------------

# What changed, when: one line per write to a table (core/store/audit.py writes it, in the same
# transaction as the change, so a rolled-back change leaves no line).
change_log = Table(
    "change_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("table_name", String(64), nullable=False),
    Column("action", String(16), nullable=False),  # insert | update | delete
    Column("rows", Integer, nullable=False),
)

# People deleted everywhere, by a SHA-256 digest of their e-mail address (not the address), so
# that a restored backup made before the deletion does not bring them back (core/store/backup.py).
erased_people = Table(
    "erased_people", metadata,
    Column("email_digest", String(64), primary_key=True),
    Column("erased_at", DateTime, nullable=False),  # the latest deletion, to the microsecond
)

# The addresses a person had before their current one, each as a SHA-256 digest (never the
# address): deleting the person everywhere remembers every address they ever had, so that an
# older backup holding them under an old address leaves them out too (core/store/people.py).
past_addresses = Table(
    "past_addresses", metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("email_digest", String(64), nullable=False),
    Column("replaced_at", DateTime, nullable=False),
)

# Failed password logins, for the growing delay per source (core/platform/auth.py); no names, no
# passwords, no addresses: `source` is a SHA-256 digest of the address or browser (revision 0003).
# A row is written before the password is checked (in the transaction that counted), so parallel
# guesses cannot all pass the count; a correct password deletes its row again.
login_failures = Table(
    "login_failures", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False, index=True),
    Column("source", String(64), nullable=False, server_default="", index=True),
)

# -- Messages ----------------------------------------------------------------------------------
# Decisions and invitations (core/messages/letters.py, core/messages/delivery.py). The texts shipped in
# data/messages.toml are the defaults; a row here is the coordinator's own version of one.
message_templates = Table(
    "message_templates", metadata,
    Column("kind", String(64), primary_key=True),  # decision_mentor, invitation_kickoff, …
    Column("lang", String(8), primary_key=True),
    Column("subject", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)

# What the coordinator fills in for an invitation: where and when on the day.
event_details = Table(
    "event_details", metadata,
    Column("cohort_id", String(32), primary_key=True),
    Column("event_id", String(64), primary_key=True),
    Column("place", Text, nullable=False, default=""),
    Column("time", String(100), nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("updated_at", DateTime, nullable=False),
)

# Who was given which message, when and how: one line per person and attempt. `status` is sent
# (the server took it, or the coordinator marked it sent), failed (with the error) or prepared
# (in a downloaded .eml zip or mail-merge file, not known to be sent).
message_log = Table(
    "message_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("email", String(254), nullable=False),
    Column("cohort_id", String(32), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # decision | invitation
    Column("event_id", String(64), nullable=False),
    Column("template", String(64), nullable=False),
    Column("subject", Text, nullable=False, default=""),
    Column("channel", String(8), nullable=False),  # eml | merge | smtp
    Column("status", String(16), nullable=False),  # sent | failed | prepared
    Column("at", DateTime, nullable=False),
    Column("error", Text, nullable=False, default=""),
)

# Guest lists (revision 0004, core/messages/guests.py). The coordinator's own changes to one
# event's list: a person added by name, or left out of it (`change`: added | excluded).
guest_list_changes = Table(
    "guest_list_changes", metadata,
    Column("cohort_id", String(32), primary_key=True),
    Column("event_id", String(64), primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("change", String(16), nullable=False),  # added | excluded
    Column("role", String(16), nullable=False),  # mentor | mentee: as whom an added person comes
    Column("at", DateTime, nullable=False),
)

# An event's guest list as it was when its invitations were first sent or prepared, kept with the
# send log: the guests in their order, with their reasons ([[group, why, role, cohort_id], …]);
# from then on the list shown and invited is this one, not one computed from today's register.
guest_list_sent = Table(
    "guest_list_sent", metadata,
    Column("cohort_id", String(32), primary_key=True),
    Column("event_id", String(64), primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("email", String(254), nullable=False),
    Column("name", String(200), nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("kept_at", DateTime, nullable=False),
)

# The calendar requests people were given (revision 0005): per person and event, the method
# (REQUEST or CANCEL), its SEQUENCE and the day, time and place it carried, one row per message,
# so that a moved event is offered as an update (same UID, higher SEQUENCE) to whoever holds it.
calendar_requests = Table(
    "calendar_requests", metadata,
    Column("id", Integer, primary_key=True),
    Column("cohort_id", String(32), nullable=False, index=True),
    Column("event_id", String(64), nullable=False),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("method", String(8), nullable=False),  # REQUEST | CANCEL
    Column("sequence", Integer, nullable=False),
    Column("start", Date, nullable=False),
    Column("end", Date, nullable=False),
    Column("time", String(100), nullable=False),
    Column("place", Text, nullable=False),
    Column("at", DateTime, nullable=False),
)

# -- Follow-up ---------------------------------------------------------------------------------
# A pair is (cohort_id, mentor, mentee) as the cohort's accepted matching names it. Every reference
# to a person cascades, so deleting a person everywhere takes their meetings and bookings with them.

# A pair meeting (1–6) marked held, with the day and an optional short note.
pair_meetings = Table(
    "pair_meetings", metadata,
    Column("id", Integer, primary_key=True),
    Column("cohort_id", String(32), nullable=False, index=True),
    Column("mentor_person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("mentee_person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("held_on", Date, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("recorded_at", DateTime, nullable=False, server_default=func.current_timestamp()),
    UniqueConstraint("cohort_id", "mentor_person_id", "mentee_person_id", "number"),
)

# Who came to an event of a cohort (a training, the kick-off, the mid-programme meeting, the
# closing day); a person without a row was not recorded either way.
attendance = Table(
    "attendance", metadata,
    Column("cohort_id", String(32), primary_key=True),
    Column("event_id", String(64), primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("attended", Boolean, nullable=False),
    Column("recorded_at", DateTime, nullable=False, server_default=func.current_timestamp()),
)

# The coordinator's free times for three-party conversations (mentor, mentee, coordinator).
three_party_slots = Table(
    "three_party_slots", metadata,
    Column("id", Integer, primary_key=True),
    Column("cohort_id", String(32), nullable=False, index=True),
    Column("starts_at", DateTime, nullable=False),  # local time, Europe/Stockholm
    Column("minutes", Integer, nullable=False),
    Column("place", String(300), nullable=False),  # a room or a meeting link
)

# A pair given a slot: one pair per slot, one slot per pair.
three_party_bookings = Table(
    "three_party_bookings", metadata,
    Column("id", Integer, primary_key=True),
    Column("slot_id", Integer, ForeignKey("three_party_slots.id", ondelete="CASCADE"), nullable=False,
           unique=True),
    Column("cohort_id", String(32), nullable=False, index=True),
    Column("mentor_person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("mentee_person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("held", Boolean, nullable=False, default=False),
    UniqueConstraint("cohort_id", "mentor_person_id", "mentee_person_id"),
)
