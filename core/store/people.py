"""The register's stored part: people and their participation in cohorts, the column choices
remembered for sign-up sheets, and everything stored about one person (to export it, or to
delete it everywhere)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Column, Connection, Table, delete, func, insert, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from core.people.columns import PARTICIPATION_FIELDS, PERSON_FIELDS, changed_fields
from core.platform.i18n import MentorplanError
from core.store import schema
from core.store.base import StoreBase, frame, inserted_id
from core.store.schema import timestamp

if TYPE_CHECKING:
    import pandas as pd

# The columns of a participants frame: the person's fields, then their participation's.
PERSON_COLUMNS = ("person_id", "email", "name", "phone", "organisation", "department", "title",
                  "town", "languages", "gender")
PARTICIPATION_COLUMNS = ("participation_id", "cohort_id", "role", "status", "competences", "goals",
                         "sector", "sector_preference", "experience_years", "start_preference",
                         "gender_preference", "capacity", "consent", "motivation",
                         "same_org_allowed", "extra")
HISTORY_COLUMNS = ("participation_id", "cohort_id", "role", "status")  # participations() gives these
# A person moved to the next start keeps, in the new participation's extra fields, where from.
MOVED_FROM = "moved_from"
_CHUNK = 500  # values in one IN (…): well below every database's limit


def email_digest(email: str) -> str:
    """How a deleted person's address, and every address they had before, is remembered: a
    SHA-256 digest of it trimmed and in lower case, never the address. Unkeyed on purpose: the
    digests travel in backups and must match on any installation and after any key change."""
    return hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()


def erased_since(erasures: Mapping[str, dt.datetime], made_at: dt.datetime | None) -> set[str]:
    """The digests deleted everywhere at or after `made_at` (all of them if it is not known): a
    person in a backup made then with one of these addresses was deleted after the backup was
    made; a person with an address deleted before it signed up again later and stays."""
    return {digest for digest, at in erasures.items() if made_at is None or at >= made_at}


def people_erased_in(tables: Mapping[str, Mapping[str, list]], erasures: Mapping[str, dt.datetime],
                     made_at: dt.datetime | None) -> list[int]:
    """The ids of the people in a backup's tables (as core.platform.backup reads them) whose
    address, or an address they had before, was deleted everywhere after the backup was made."""
    gone = erased_since(erasures, made_at)
    if not gone:
        return []
    digests = _backup_digests(tables)
    return sorted(person for person, theirs in digests.items() if theirs & gone)


def _backup_digests(tables: Mapping[str, Mapping[str, list]]) -> dict[int, set[str]]:
    digests: dict[int, set[str]] = {}
    people = tables.get("people") or {}
    columns = list(people.get("columns") or [])
    if "id" in columns and "email" in columns:
        at_id, at_email = columns.index("id"), columns.index("email")
        for row in people.get("rows") or []:
            if isinstance(row[at_email], str):
                digests.setdefault(row[at_id], set()).add(email_digest(row[at_email]))
    past = tables.get(schema.past_addresses.name) or {}
    columns = list(past.get("columns") or [])
    if "person_id" in columns and "email_digest" in columns:
        at_person, at_digest = columns.index("person_id"), columns.index("email_digest")
        for row in past.get("rows") or []:
            if row[at_person] in digests:
                digests[row[at_person]].add(row[at_digest])
    return digests



class PeopleStore(StoreBase):
    def participants(self, cohort_id: str | None = None, role: str | None = None) -> pd.DataFrame:
        """One row per participation (a person in a cohort in a role), with the person's fields;
        filtered by cohort and role when given."""
        return self._participations(PARTICIPATION_COLUMNS, cohort_id, role)

    def participations(self) -> pd.DataFrame:
        """Who took part where: every participation with the person's fields, as participants()
        gives them without the sign-up's answers (competences, goals … extra) — what the guest
        lists' history needs; in a decade's register the answers are most of the reading."""
        return self._participations(HISTORY_COLUMNS, None, None)

    def _participations(self, columns: Sequence[str], cohort_id: str | None, role: str | None) -> pd.DataFrame:
        p, q = schema.people, schema.participations
        chosen = [q.c.id.label("participation_id") if c == "participation_id" else q.c[c] for c in columns]
        query = (select(p.c.id.label("person_id"), *(p.c[c] for c in PERSON_COLUMNS[1:]), *chosen)
                 .join(q, q.c.person_id == p.c.id)
                 .order_by(q.c.cohort_id, q.c.role, p.c.name))
        if cohort_id is not None:
            query = query.where(q.c.cohort_id == cohort_id)
        if role is not None:
            query = query.where(q.c.role == role)
        with self.reading() as connection:
            rows = connection.execute(query).all()
        return frame(rows, PERSON_COLUMNS + tuple(columns))

    def people_count(self) -> int:
        with self.reading() as connection:
            return int(connection.execute(select(func.count()).select_from(schema.people)).scalar_one())

    def person(self, person_id: int) -> dict[str, Any] | None:
        """A person's row with their participations (as a list of dicts, oldest cohort first)."""
        p, q = schema.people, schema.participations
        with self.reading() as connection:
            row = connection.execute(select(p).where(p.c.id == person_id)).mappings().first()
            if row is None:
                return None
            participations = connection.execute(
                select(q).where(q.c.person_id == person_id).order_by(q.c.cohort_id, q.c.role)).mappings().all()
        return {**dict(row), "participations": [dict(r) for r in participations]}

    def known(self, emails: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The people with these e-mail addresses, each with their participations, by address."""
        p, q = schema.people, schema.participations
        emails = sorted(set(emails))
        found: dict[str, dict[str, Any]] = {}
        with self.reading() as connection:
            for start in range(0, len(emails), _CHUNK):
                chunk = emails[start:start + _CHUNK]
                for row in connection.execute(select(p).where(p.c.email.in_(chunk))).mappings():
                    found[row["email"]] = {**dict(row), "participations": []}
                by_id = {person["id"]: person for person in found.values()}
                ids = [person["id"] for person in found.values() if person["email"] in chunk]
                if ids:
                    for row in connection.execute(select(q).where(q.c.person_id.in_(ids))).mappings():
                        by_id[row["person_id"]]["participations"].append(dict(row))
        return found

    # -- Writing ---------------------------------------------------------------------------

    def import_participants(self, candidates: Sequence[Any],
                            mappings: Sequence[tuple[str, Mapping[str, str]]] = ()) -> dict[str, int]:
        """Store the validated rows (core.validation.Candidate) and the sheets' column choices in
        one transaction: all of it or, if anything fails, nothing. A known address updates that
        person with the fields the file gave; a known participation keeps its status. Returns
        the counts by outcome. A database error (a lost connection, a locked file, a value the
        database refuses) is MentorplanError("import.database"), naming only its kind: the
        driver's own text says nothing to a coordinator and may quote personal data."""
        counts = {"new": 0, "changed": 0, "unchanged": 0}
        if candidates:
            self.automatic_backup("import")  # the register as it was, should the import be regretted
        try:
            with self.transaction() as connection:
                for candidate in candidates:
                    counts[self._import_one(connection, candidate)] += 1
                for signature, mapping in mappings:
                    self._save_column_mapping(connection, signature, mapping)
        except SQLAlchemyError as error:  # rolled back whole by then
            raise MentorplanError("import.database", kind=type(error).__name__) from error
        return counts

    def _import_one(self, connection: Connection, candidate: Any) -> str:
        p, q = schema.people, schema.participations
        now = timestamp()
        person = dict(candidate.person)
        person["email"] = candidate.email
        row = connection.execute(select(p).where(p.c.email == candidate.email)).mappings().first()
        if row is None:
            person_id = inserted_id(connection.execute(insert(p).values(
                **{k: v for k, v in person.items() if k in PERSON_FIELDS},
                created_at=now, updated_at=now)))
            person_changes: dict = {"new": True}
        else:
            person_id = row["id"]
            person_changes = changed_fields(row, {k: v for k, v in person.items() if k in PERSON_FIELDS})
            if person_changes:
                connection.execute(update(p).where(p.c.id == person_id).values(
                    **{k: new for k, (_old, new) in person_changes.items()}, updated_at=now))
        values = {k: v for k, v in candidate.participation.items() if k in PARTICIPATION_FIELDS}
        extra = dict(candidate.participation.get("extra") or {})
        existing = connection.execute(select(q).where(
            q.c.person_id == person_id, q.c.cohort_id == candidate.cohort_id,
            q.c.role == candidate.role)).mappings().first()
        if existing is None:
            connection.execute(insert(q).values(
                **values, extra=extra, person_id=person_id, cohort_id=candidate.cohort_id,
                role=candidate.role, created_at=now, updated_at=now))
            return "new"
        values.pop("status", None)  # an import does not undo a match or a withdrawal
        merged_extra = {**(existing["extra"] or {}), **extra}
        changes = changed_fields(existing, {**values, "extra": merged_extra})
        if changes:
            connection.execute(update(q).where(q.c.id == existing["id"]).values(
                **{k: new for k, (_old, new) in changes.items()}, updated_at=now))
        return "changed" if changes or person_changes else "unchanged"

    def update_person(self, person_id: int, values: Mapping[str, Any]) -> None:
        """Change a person's fields (checked by core.register.edit_person)."""
        p = schema.people
        unknown = set(values) - set(PERSON_FIELDS)
        if unknown:
            raise ValueError(f"not a person's field: {sorted(unknown)}")
        with self.transaction() as connection:
            if "email" in values:
                other = connection.execute(select(p.c.id).where(
                    p.c.email == values["email"], p.c.id != person_id)).first()
                if other:
                    raise MentorplanError("register.email_taken", email=values["email"])
                old = connection.execute(select(p.c.email).where(p.c.id == person_id)).scalar()
                if old is not None and email_digest(old) != email_digest(values["email"]):
                    self._remember_past_address(connection, person_id, old)
            result = connection.execute(update(p).where(p.c.id == person_id).values(**values, updated_at=timestamp()))
            if result.rowcount == 0:
                raise MentorplanError("register.no_person", id=person_id)

    @staticmethod
    def _remember_past_address(connection: Connection, person_id: int, email: str) -> None:
        """An address a person leaves, as a digest: deleting them everywhere later forgets none."""
        past, digest = schema.past_addresses, email_digest(email)
        known = connection.execute(select(past.c.id).where(
            past.c.person_id == person_id, past.c.email_digest == digest)).first()
        if known is None:
            connection.execute(insert(past).values(person_id=person_id, email_digest=digest, replaced_at=timestamp()))

    def update_participation(self, participation_id: int, values: Mapping[str, Any]) -> None:
        """Change a participation's fields (checked by core.register.edit_participation)."""
        q = schema.participations
        unknown = set(values) - set(PARTICIPATION_FIELDS) - {"extra"}
        if unknown:
            raise ValueError(f"not a participation's field: {sorted(unknown)}")
        with self.transaction() as connection:
            result = connection.execute(update(q).where(q.c.id == participation_id)
                                        .values(**values, updated_at=timestamp()))
            if result.rowcount == 0:
                raise MentorplanError("register.no_participation", id=participation_id)

    def move_participation(self, participation_id: int, next_cohort_id: str) -> int:
        """Offer a participant the next start: they wait in the cohort they applied for, and take
        part in the next one as applied, with the cohort they came from noted. Returns the new
        participation's id."""
        q = schema.participations
        with self.transaction() as connection:
            row = connection.execute(select(q).where(q.c.id == participation_id)).mappings().first()
            if row is None:
                raise MentorplanError("register.no_participation", id=participation_id)
            if row["status"] == "matched":
                raise MentorplanError("register.move_matched")
            if row["status"] == "withdrawn":
                raise MentorplanError("register.move_withdrawn")
            there = connection.execute(select(q.c.id).where(
                q.c.person_id == row["person_id"], q.c.cohort_id == next_cohort_id,
                q.c.role == row["role"])).first()
            if there:
                raise MentorplanError("register.already_in_cohort", cohort=next_cohort_id)
            now = timestamp()
            connection.execute(update(q).where(q.c.id == participation_id)
                               .values(status="waiting", updated_at=now))
            copied = {k: row[k] for k in PARTICIPATION_FIELDS if k != "status"}
            extra = {**(row["extra"] or {}), MOVED_FROM: row["cohort_id"]}
            return inserted_id(connection.execute(insert(q).values(
                **copied, extra=extra, person_id=row["person_id"], role=row["role"],
                cohort_id=next_cohort_id, status="applied", created_at=now,
                updated_at=now)))

    # -- One person everywhere ---------------------------------------------------------------

    def person_data(self, person_id: int) -> dict[str, list[dict[str, Any]]]:
        """Every row stored about a person, by table: their people row, their participations,
        and the rows of any other table that refers to either (matching pairs, constraints …),
        found by walking the schema's foreign keys, so that a table added later is included
        without a change here."""
        with self.reading() as connection:
            found = self._rows_of_person(connection, person_id)
        tables = sorted(schema.metadata.sorted_tables,  # the person and their participations first
                        key=lambda t: {schema.people: 0, schema.participations: 1}.get(t, 2))
        return {table.name: found[table] for table in tables if found.get(table)}

    def accepted_partners(self, person_id: int) -> list[dict[str, Any]]:
        """Who a person is paired with in their cohorts' accepted runs: cohort_id, the partner's
        person_id, role, name and email, and keeps_pair (a mentor who has other mentees in that
        run stays matched when this pair goes)."""
        with self.reading() as connection:
            return self._accepted_partners(connection, person_id)

    @staticmethod
    def _accepted_partners(connection: Connection, person_id: int) -> list[dict[str, Any]]:
        runs, pairs, p = schema.match_runs, schema.match_pairs, schema.people
        found = connection.execute(
            select(runs.c.id, runs.c.cohort_id, pairs.c.mentor_person_id, pairs.c.mentee_person_id)
            .join(runs, runs.c.id == pairs.c.run_id)
            .where(runs.c.accepted.is_(True),
                   or_(pairs.c.mentor_person_id == person_id, pairs.c.mentee_person_id == person_id))
            .order_by(runs.c.cohort_id, pairs.c.id)).all()
        partners = []
        for run_id, cohort_id, mentor_id, mentee_id in found:
            partner, role = (mentee_id, "mentee") if mentor_id == person_id else (mentor_id, "mentor")
            own = pairs.c.mentor_person_id if role == "mentor" else pairs.c.mentee_person_id
            other_pair = connection.execute(select(pairs.c.id).where(
                pairs.c.run_id == run_id, own == partner, pairs.c.mentor_person_id != person_id,
                pairs.c.mentee_person_id != person_id)).first()
            name, email = connection.execute(select(p.c.name, p.c.email).where(p.c.id == partner)).one()
            partners.append({"cohort_id": cohort_id, "person_id": partner, "role": role, "name": name,
                             "email": email, "keeps_pair": other_pair is not None})
        return partners

    def delete_person(self, person_id: int) -> dict[str, int]:
        """Delete a person everywhere, in one transaction: the rows that refer to them are deleted
        first, deepest first, then their participations and their people row. The schema's
        foreign keys also cascade (SQLite with foreign_keys=ON, PostgreSQL); deleting explicitly
        makes it so even for a table whose key forgot ON DELETE CASCADE. Returns rows deleted
        by table.

        Their partners in accepted runs lose their pair with them, so in the same transaction
        each goes back from "matched" to "applied" in that cohort (the coordinator can match
        them again or offer them the next start), unless a mentor keeps other mentees there."""
        with self.transaction() as connection:
            deleted, digests = self._erase(connection, person_id)
            # Every address they had, remembered as a digest with the time, so that restoring a
            # backup made before now leaves them out again (a backup made after they sign up
            # again keeps the new sign-up). The time to the microsecond: a backup made in the
            # same second before the deletion is older than it.
            self._remember_erasure(connection, digests, dt.datetime.now())
        # The automatic backups on disk are rewritten without them (core/store/backup.py).
        self.scrub_automatic_backups()
        return deleted

    @staticmethod
    def _remember_erasure(connection: Connection, digests: Iterable[str], at: dt.datetime) -> None:
        """Record addresses deleted everywhere at `at`; one deleted again keeps the later time."""
        table = schema.erased_people
        for digest in sorted(set(digests)):
            known = connection.execute(select(table.c.erased_at).where(table.c.email_digest == digest)).first()
            if known is None:
                connection.execute(insert(table).values(email_digest=digest, erased_at=at))
            elif known.erased_at < at:
                connection.execute(update(table).where(table.c.email_digest == digest).values(erased_at=at))

    def _erase(self, connection: Connection, person_id: int) -> tuple[dict[str, int], set[str]]:
        """delete_person's work inside a transaction (a restore repeats it for people deleted
        after the backup was made). Returns the rows deleted by table, and the digests of every
        address the person had (their address and those they had before)."""
        deleted: dict[str, int] = {}
        found = self._rows_of_person(connection, person_id)
        if not found.get(schema.people):
            raise MentorplanError("register.no_person", id=person_id)
        digests = {email_digest(found[schema.people][0]["email"])}
        digests |= {row["email_digest"] for row in found.get(schema.past_addresses) or []}
        partners = self._accepted_partners(connection, person_id)
        for table in reversed(schema.metadata.sorted_tables):
            rows = found.get(table) or []
            # By primary key; a table without one by all of its (non-empty) values.
            keys = list(table.primary_key.columns) or list(table.columns)
            for row in rows:
                connection.execute(delete(table).where(
                    *[key == row[key.name] for key in keys if row[key.name] is not None]))
            if rows:
                deleted[table.name] = len(rows)
        q = schema.participations
        for partner in partners:
            if not partner["keeps_pair"]:
                connection.execute(update(q).where(
                    q.c.person_id == partner["person_id"], q.c.cohort_id == partner["cohort_id"],
                    q.c.role == partner["role"], q.c.status == "matched").values(
                    status="applied", updated_at=timestamp()))
        return deleted, digests

    # -- the example data --

    def mark_examples(self, emails: Iterable[str]) -> int:
        """Mark the people with these addresses as made up by the example data; returns how many."""
        p = schema.people
        emails = sorted(set(emails))
        if not emails:
            return 0
        with self.transaction() as connection:
            return connection.execute(update(p).where(p.c.email.in_(emails), p.c.example.is_(False))
                                      .values(example=True)).rowcount

    def example_count(self) -> int:
        """How many people the example data made (and are still there)."""
        p = schema.people
        with self.reading() as connection:
            return int(connection.execute(select(func.count()).select_from(p).where(p.c.example.is_(True)))
                       .scalar_one())

    def example_ids(self) -> set[int]:
        """The ids of the people the example data made."""
        p = schema.people
        with self.reading() as connection:
            return set(connection.execute(select(p.c.id).where(p.c.example.is_(True))).scalars())

    def clear_examples(self, slot_places: Iterable[str] = ()) -> dict[str, int]:
        """Remove the example people and everything that hangs on them, in one transaction,
        leaving the coordinator's own data as it is: their participations, the pairs, unmatched
        entries, pins and forbids they are in, their meetings, attendance, three-party bookings,
        messages logged and guest-list entries; then the matching runs that held nobody else,
        and the free three-party slots of their cohorts at the example data's places
        (`slot_places`). The coordinator's own people paired with an example in an accepted run
        go back from matched to applied, as after a deletion everywhere (a mentor who keeps an own
        mentee stays matched). Settings, moved events and event details are the coordinator's
        and stay. Not an erasure: nothing is remembered about them. Returns rows deleted by table."""
        p, q, runs = schema.people, schema.participations, schema.match_runs
        pairs, unmatched = schema.match_pairs, schema.match_unmatched
        slots, bookings = schema.three_party_slots, schema.three_party_bookings
        deleted: dict[str, int] = {}
        with self.transaction() as connection:
            ids = set(connection.execute(select(p.c.id).where(p.c.example.is_(True))).scalars())
            if not ids:
                return deleted
            found = self._rows_of_people(connection, ids)
            cohorts = {row["cohort_id"] for row in found.get(q) or []}
            touched_runs = {row["run_id"] for table in (pairs, unmatched) for row in found.get(table) or []}
            # The own people who lose an example partner in an accepted run: (run, cohort, person, role).
            accepted = set(connection.execute(select(runs.c.id).where(runs.c.accepted.is_(True),
                                                                      runs.c.id.in_(sorted(touched_runs)))).scalars())
            left_alone = {(row["run_id"], person, role) for row in found.get(pairs) or [] if row["run_id"] in accepted
                          for person, role in ((row["mentor_person_id"], "mentor"), (row["mentee_person_id"], "mentee"))
                          if person not in ids}
            for table in reversed(schema.metadata.sorted_tables):
                rows = found.get(table) or []
                keys = list(table.primary_key.columns) or list(table.columns)
                if len(keys) == 1:
                    values = sorted({row[keys[0].name] for row in rows})
                    for start in range(0, len(values), 500):
                        connection.execute(delete(table).where(keys[0].in_(values[start:start + 500])))
                else:
                    for row in rows:
                        connection.execute(delete(table).where(
                            *[key == row[key.name] for key in keys if row[key.name] is not None]))
                if rows:
                    deleted[table.name] = len(rows)
            cohort_of = dict(connection.execute(select(runs.c.id, runs.c.cohort_id)
                                                .where(runs.c.id.in_(sorted(touched_runs)))).all())
            for run_id, person, role in sorted(left_alone):
                own = pairs.c.mentor_person_id if role == "mentor" else pairs.c.mentee_person_id
                if connection.execute(select(pairs.c.id).where(pairs.c.run_id == run_id, own == person)).first():
                    continue  # a mentor who keeps an own mentee
                connection.execute(update(q).where(q.c.person_id == person, q.c.cohort_id == cohort_of[run_id],
                                                   q.c.role == role, q.c.status == "matched")
                                   .values(status="applied", updated_at=timestamp()))
            empty = [run_id for run_id in sorted(touched_runs)
                     if not connection.execute(select(pairs.c.id).where(pairs.c.run_id == run_id)).first()
                     and not connection.execute(select(unmatched.c.id).where(unmatched.c.run_id == run_id)).first()]
            if empty:
                deleted[runs.name] = connection.execute(delete(runs).where(runs.c.id.in_(empty))).rowcount
            places = sorted(set(slot_places))
            if places and cohorts:
                free = connection.execute(delete(slots).where(
                    slots.c.cohort_id.in_(sorted(cohorts)), slots.c.place.in_(places),
                    slots.c.id.not_in(select(bookings.c.slot_id)))).rowcount
                if free:
                    deleted[slots.name] = free
        return deleted

    def erased_digests(self, connection: Connection) -> dict[str, dt.datetime]:
        """Every address deleted everywhere, as its digest, with when it was last deleted."""
        table = schema.erased_people
        return {digest: at for digest, at in connection.execute(select(table.c.email_digest, table.c.erased_at))}

    def erase_again(self, connection: Connection, erasures: Mapping[str, dt.datetime],
                    made_at: dt.datetime | None) -> int:
        """Inside a restore's transaction, with the backup's rows in place: delete again everyone
        with an address (or an address they had before) deleted everywhere after the backup was
        made (`made_at`; None for a backup whose time cannot be trusted: every deletion ever;
        erasures as erased_digests read them before the restore), and keep
        the record of erasures whole, each with its latest time. Returns how many were deleted."""
        for digest, at in erasures.items():
            self._remember_erasure(connection, [digest], at)
        gone = erased_since(erasures, made_at)
        again = sorted(person for person, theirs in self._digests_of_people(connection).items() if theirs & gone)
        for person_id in again:
            self._erase(connection, person_id)
        return len(again)

    @staticmethod
    def _digests_of_people(connection: Connection) -> dict[int, set[str]]:
        """Every person's digests: of their address and of those they had before."""
        p, past = schema.people, schema.past_addresses
        digests = {row.id: {email_digest(row.email)} for row in connection.execute(select(p.c.id, p.c.email))}
        for person_id, digest in connection.execute(select(past.c.person_id, past.c.email_digest)):
            digests.setdefault(person_id, set()).add(digest)
        return digests

    @staticmethod
    def _rows_of_person(connection: Connection, person_id: int) -> dict[Table, list[dict[str, Any]]]:
        """The person's row and, transitively, every row that refers to a row already found:
        through a foreign key, or through a column named person_id or participation_id."""
        return PeopleStore._rows_of_people(connection, {person_id})

    @staticmethod
    def _rows_of_people(connection: Connection, person_ids: set[int]) -> dict[Table, list[dict[str, Any]]]:
        """_rows_of_person for several people at once."""
        found: dict[Table, list[dict[str, Any]]] = {
            schema.people: [dict(r) for r in connection.execute(
                select(schema.people).where(schema.people.c.id.in_(sorted(person_ids)))).mappings()]}
        ids: dict[str, set] = {"people": {r["id"] for r in found[schema.people]}}
        changed = True
        while changed:
            changed = False
            for table in schema.metadata.sorted_tables:
                if table is schema.people:
                    continue
                conditions = []
                for column in table.columns:
                    for target in _references(column):
                        target_ids = ids.get(target)
                        if target_ids:
                            conditions.append(column.in_(sorted(target_ids)))
                if not conditions:
                    continue
                rows = [dict(r) for r in connection.execute(select(table).where(or_(*conditions))).mappings()]
                known = found.get(table, [])
                if len(rows) != len(known):
                    found[table] = rows
                    keys = [c.name for c in table.primary_key.columns]
                    if len(keys) == 1:
                        ids[table.name] = {r[keys[0]] for r in rows}
                    changed = True
        return found

    # -- Column choices ----------------------------------------------------------------------

    def column_mapping(self, signature: str) -> dict[str, str] | None:
        table = schema.column_mappings
        with self.reading() as connection:
            return connection.execute(select(table.c.mapping).where(table.c.signature == signature)).scalar()

    def remembered_headers(self) -> dict[str, str]:
        """Every header the coordinator has mapped, by its key, with the field chosen last; these
        count towards finding the header row of a new file."""
        table = schema.column_mappings
        with self.reading() as connection:
            rows = connection.execute(select(table.c.mapping).order_by(table.c.updated_at)).scalars().all()
        return {key: target for mapping in rows for key, target in mapping.items()}

    def save_column_mapping(self, signature: str, mapping: Mapping[str, str]) -> None:
        with self.transaction() as connection:
            self._save_column_mapping(connection, signature, mapping)

    @staticmethod
    def _save_column_mapping(connection: Connection, signature: str, mapping: Mapping[str, str]) -> None:
        table = schema.column_mappings
        connection.execute(delete(table).where(table.c.signature == signature))
        connection.execute(insert(table).values(signature=signature, mapping=dict(mapping), updated_at=timestamp()))


def _references(column: Column[Any]) -> list[str]:
    """The tables a column points at: its foreign keys, or by name a person or participation."""
    targets = [fk.column.table.name for fk in column.foreign_keys]
    if not targets and column.name == "person_id":
        targets = ["people"]
    elif not targets and column.name == "participation_id":
        targets = ["participations"]
    return targets
