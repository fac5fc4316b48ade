"""Matching's stored part: each cohort's weights and constraints, the runs with their pairs and
unmatched people, and the accepted run, which sets the participants' statuses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import Connection, delete, func, insert, select, update

from core.platform.i18n import MentorplanError
from core.store import schema
from core.store.base import StoreBase, frame, inserted_id
from core.store.schema import timestamp

if TYPE_CHECKING:  # imported where used: the matching (scipy) is not loaded by what only reads pairs
    import pandas as pd

    from core.matching.runs import Constraint, MatchRun
    from core.matching.scoring import MatchSettings

ACCEPTED_PAIR_COLUMNS = ("mentor_person_id", "mentor_email", "mentor_name", "mentee_person_id",
                         "mentee_email", "mentee_name", "score", "mentor_organisation", "mentee_organisation")
RUN_SUMMARY_COLUMNS = ("id", "created_at", "objective", "pair_count", "unmatched_count", "total_score",
                       "accepted")
# Written into a participation copied to the next start, so that a later acceptance can take it back.
WAITING_LIST_MARK = "waiting_list_from"



class MatchingStore(StoreBase):
    # -- settings and constraints --

    def match_settings(self, cohort_id: str) -> MatchSettings:
        from core.matching.scoring import MatchSettings
        """The cohort's saved settings, or the defaults."""
        table = schema.match_settings
        with self.reading() as connection:
            raw = connection.execute(select(table.c.settings).where(table.c.cohort_id == cohort_id)).scalar()
        try:
            return MatchSettings.from_dict(raw)
        except MentorplanError:  # saved by a version with other rules: start again from the defaults
            return MatchSettings()

    def save_match_settings(self, cohort_id: str, settings: MatchSettings) -> None:
        table = schema.match_settings
        with self.transaction() as connection:
            connection.execute(delete(table).where(table.c.cohort_id == cohort_id))
            connection.execute(insert(table).values(cohort_id=cohort_id, settings=settings.to_dict(),
                                                    updated_at=timestamp()))

    def match_constraints(self, cohort_id: str) -> list[Constraint]:
        from core.matching.runs import Constraint
        table = schema.match_constraints
        with self.reading() as connection:
            rows = connection.execute(
                select(table.c.mentor_person_id, table.c.mentee_person_id, table.c.kind)
                .where(table.c.cohort_id == cohort_id).order_by(table.c.id)).all()
        return [Constraint(int(mentor), int(mentee), kind) for mentor, mentee, kind in rows]

    def set_constraints(self, cohort_id: str, constraints: Iterable[Constraint]) -> None:
        """Replace the cohort's pins and forbidden pairs with these (checked and combined by
        core.matching.check_constraints and with_constraints), in one go."""
        table = schema.match_constraints
        with self.transaction() as connection:
            connection.execute(delete(table).where(table.c.cohort_id == cohort_id))
            rows = [{"cohort_id": cohort_id, "mentor_person_id": c.mentor_id, "mentee_person_id": c.mentee_id,
                     "kind": c.kind} for c in dict.fromkeys(constraints)]
            if rows:
                connection.execute(insert(table), rows)

    def delete_constraint(self, cohort_id: str, mentor_id: int, mentee_id: int) -> bool:
        table = schema.match_constraints
        with self.transaction() as connection:
            result = connection.execute(delete(table).where(
                table.c.cohort_id == cohort_id, table.c.mentor_person_id == mentor_id,
                table.c.mentee_person_id == mentee_id))
        return result.rowcount > 0

    # -- runs --

    def save_run(self, run: MatchRun, accept: bool = False, waiting: Iterable[int] = (),
                 next_cohort_id: str | None = None) -> int:
        """Store a run whole, and accept it at once if asked (one transaction: all or nothing)."""
        if accept:
            self.automatic_backup("accept")
        with self.transaction() as connection:
            run_id = self._insert_run(connection, run)
            if accept:
                self._accept(connection, run.cohort_id, run_id, waiting, next_cohort_id)
        return run_id

    def accept_run(self, cohort_id: str, run_id: int, waiting: Iterable[int] = (),
                   next_cohort_id: str | None = None) -> None:
        """Make a saved run the cohort's pairs. Its people become "matched"; the unmatched mentees
        in `waiting` become "waiting" and are added to `next_cohort_id` (the next start); everyone
        else taking part goes back to "applied". Check the run first (core.matching.check_acceptable)."""
        self.automatic_backup("accept")  # the statuses as they were, should the acceptance be regretted
        with self.transaction() as connection:
            self._accept(connection, cohort_id, run_id, waiting, next_cohort_id)

    def match_runs(self, cohort_id: str) -> pd.DataFrame:
        """The cohort's runs, newest first."""
        table = schema.match_runs
        with self.reading() as connection:
            rows = connection.execute(
                select(*(table.c[name] for name in RUN_SUMMARY_COLUMNS))
                .where(table.c.cohort_id == cohort_id).order_by(table.c.id.desc())).all()
        return frame(rows, RUN_SUMMARY_COLUMNS)

    def match_run(self, run_id: int) -> MatchRun | None:
        """A saved run with its pairs and unmatched people, named as the register names them now."""
        from core.matching.runs import Constraint, MatchRun
        from core.matching.scoring import MatchSettings
        with self.reading() as connection:
            row = connection.execute(select(schema.match_runs).where(schema.match_runs.c.id == run_id)
                                     ).mappings().first()
            if row is None:
                return None
            pairs = self._pairs(connection, run_id)
            unmatched = self._unmatched(connection, run_id)
            ids = {a["mentor_person_id"] for column in (pairs["alternatives"], unmatched["alternatives"])
                   for alternatives in column for a in alternatives}
            names = dict(connection.execute(select(schema.people.c.id, schema.people.c.name)
                                            .where(schema.people.c.id.in_(ids))).all()) if ids else {}
        for table in (pairs, unmatched):
            table["alternatives"] = [[{**a, "name": names[a["mentor_person_id"]]} for a in alternatives
                                      if a["mentor_person_id"] in names]
                                     for alternatives in table["alternatives"]]
        try:
            settings = MatchSettings.from_dict(row["settings"])
        except MentorplanError:
            settings = MatchSettings()
        return MatchRun(
            cohort_id=row["cohort_id"], objective=row["objective"], settings=settings,
            constraints=tuple(Constraint(int(a), int(b), k) for a, b, k in row["constraints"]),
            pairs=pairs, unmatched=unmatched, notices=list(row["notices"]), id=row["id"],
            created_at=row["created_at"], accepted=bool(row["accepted"]),
            missing=(row["pair_count"] - len(pairs)) + (row["unmatched_count"] - len(unmatched)))

    def accepted_run(self, cohort_id: str) -> MatchRun | None:
        table = schema.match_runs
        with self.reading() as connection:
            run_id = connection.execute(select(table.c.id).where(table.c.cohort_id == cohort_id,
                                                                 table.c.accepted.is_(True))).scalar()
        return self.match_run(run_id) if run_id is not None else None

    def accepted_pairs(self, cohort_id: str) -> pd.DataFrame:
        """The cohort's pairs as accepted: mentor and mentee ids, e-mails and names, score, and
        organisations (which tell apart people of one name). Empty (with these columns) before a
        run is accepted."""
        return self._accepted_pairs(cohort_id).get(cohort_id, frame([], ACCEPTED_PAIR_COLUMNS))

    def all_accepted_pairs(self) -> dict[str, pd.DataFrame]:
        """Every cohort's accepted pairs (as accepted_pairs gives them) by cohort id, in one query;
        cohorts without an accepted run left out."""
        return self._accepted_pairs(None)

    def _accepted_pairs(self, cohort_id: str | None) -> dict[str, pd.DataFrame]:
        runs, pairs = schema.match_runs, schema.match_pairs
        mentor, mentee = schema.people.alias("mentor"), schema.people.alias("mentee")
        columns = {"mentor_person_id": pairs.c.mentor_person_id, "mentor_email": mentor.c.email,
                   "mentor_name": mentor.c.name, "mentee_person_id": pairs.c.mentee_person_id,
                   "mentee_email": mentee.c.email, "mentee_name": mentee.c.name, "score": pairs.c.score,
                   "mentor_organisation": mentor.c.organisation, "mentee_organisation": mentee.c.organisation}
        query = (select(runs.c.cohort_id, *(column.label(name) for name, column in columns.items()))
                 .select_from(runs).join(pairs, pairs.c.run_id == runs.c.id)
                 .join(mentor, mentor.c.id == pairs.c.mentor_person_id)
                 .join(mentee, mentee.c.id == pairs.c.mentee_person_id)
                 .where(runs.c.accepted.is_(True))
                 .order_by(runs.c.cohort_id, func.lower(mentor.c.name), func.lower(mentee.c.name)))
        if cohort_id is not None:
            query = query.where(runs.c.cohort_id == cohort_id)
        with self.reading() as connection:  # the pairs only, not the runs' reasons and alternatives
            rows = connection.execute(query).all()
        found: dict[str, list] = {}
        for row in rows:
            found.setdefault(row[0], []).append(row[1:])
        return {cohort: frame(cohort_rows, ACCEPTED_PAIR_COLUMNS)
                for cohort, cohort_rows in found.items()}

    # -- inside a transaction --

    def _insert_run(self, connection: Connection, run: MatchRun) -> int:
        run_id = inserted_id(connection.execute(insert(schema.match_runs).values(
            cohort_id=run.cohort_id, created_at=run.created_at or timestamp(), objective=run.objective,
            settings=run.settings.to_dict(),
            constraints=[[c.mentor_id, c.mentee_id, c.kind] for c in run.constraints],
            notices=run.notices, pair_count=len(run.pairs), unmatched_count=len(run.unmatched),
            total_score=run.total_score, accepted=False)))
        if len(run.pairs):
            connection.execute(insert(schema.match_pairs), [
                {"run_id": run_id, "mentor_person_id": int(p.mentor_person_id),
                 "mentee_person_id": int(p.mentee_person_id), "score": float(p.score),
                 "pinned": bool(p.pinned), "reasons": p.reasons, "warnings": p.warnings,
                 "alternatives": _ids_only(p.alternatives)}
                for p in run.pairs.itertuples(index=False)])
        if len(run.unmatched):
            connection.execute(insert(schema.match_unmatched), [
                {"run_id": run_id, "person_id": int(u.person_id), "role": u.role, "reason": u.reason,
                 "alternatives": _ids_only(u.alternatives)}
                for u in run.unmatched.itertuples(index=False)])
        return int(run_id)

    def _accept(self, connection: Connection, cohort_id: str, run_id: int, waiting: Iterable[int],
                next_cohort_id: str | None) -> None:
        runs, q = schema.match_runs, schema.participations
        found = connection.execute(select(runs.c.cohort_id).where(runs.c.id == run_id)).scalar()
        if found != cohort_id:
            raise MentorplanError("matching.unknown_run", run=run_id, cohort=cohort_id)
        waiting = sorted(set(int(w) for w in waiting))
        unmatched_mentees = set(connection.execute(
            select(schema.match_unmatched.c.person_id).where(
                schema.match_unmatched.c.run_id == run_id,
                schema.match_unmatched.c.role == "mentee")).scalars())
        if not set(waiting) <= unmatched_mentees:
            raise MentorplanError("matching.waiting_not_unmatched")
        now = timestamp()
        connection.execute(update(runs).where(runs.c.cohort_id == cohort_id)
                           .values(accepted=False, accepted_at=None))
        connection.execute(update(runs).where(runs.c.id == run_id).values(accepted=True, accepted_at=now))
        pairs = connection.execute(select(schema.match_pairs.c.mentor_person_id,
                                          schema.match_pairs.c.mentee_person_id)
                                   .where(schema.match_pairs.c.run_id == run_id)).all()
        in_cohort = (q.c.cohort_id == cohort_id) & (q.c.status != "withdrawn")
        connection.execute(update(q).where(in_cohort, q.c.status.in_(("matched", "waiting")))
                           .values(status="applied", updated_at=now))
        for role, people, status in (("mentor", {p[0] for p in pairs}, "matched"),
                                     ("mentee", {p[1] for p in pairs}, "matched"),
                                     ("mentee", set(waiting), "waiting")):
            if people:
                connection.execute(update(q).where(in_cohort, q.c.role == role, q.c.person_id.in_(people))
                                   .values(status=status, updated_at=now))
        if next_cohort_id:
            self._offer_next_start(connection, cohort_id, next_cohort_id, waiting, now)

    def _offer_next_start(self, connection: Connection, cohort_id: str, next_cohort_id: str,
                          waiting: list[int], now: dt.datetime) -> None:
        """Waiting mentees get a place in the next start (a copy of their participation, marked);
        copies made by an earlier acceptance for mentees no longer waiting are taken back, unless
        the next start has already matched them."""
        q = schema.participations
        there = {row.person_id: row for row in connection.execute(
            select(q.c.id, q.c.person_id, q.c.status, q.c.extra)
            .where(q.c.cohort_id == next_cohort_id, q.c.role == "mentee")).all()}
        for row in there.values():
            ours = isinstance(row.extra, dict) and row.extra.get(WAITING_LIST_MARK) == cohort_id
            if ours and row.person_id not in waiting and row.status == "applied":
                connection.execute(delete(q).where(q.c.id == row.id))
        copied = [c for c in q.columns if c.name not in ("id", "cohort_id", "status", "extra",
                                                         "created_at", "updated_at")]
        for person_id in waiting:
            if person_id in there:
                continue
            source = connection.execute(select(*copied, q.c.extra).where(
                q.c.cohort_id == cohort_id, q.c.role == "mentee", q.c.person_id == person_id)).mappings().first()
            if source is None:
                continue
            values = {c.name: source[c.name] for c in copied}
            extra = dict(source["extra"] or {})
            extra[WAITING_LIST_MARK] = cohort_id
            connection.execute(insert(q).values(**values, cohort_id=next_cohort_id, status="applied",
                                                extra=extra, created_at=now, updated_at=now))

    @staticmethod
    def _pairs(connection: Connection, run_id: int) -> pd.DataFrame:
        from core.matching.runs import PAIR_COLUMNS
        pairs = schema.match_pairs
        mentor, mentee = schema.people.alias("mentor"), schema.people.alias("mentee")
        person = [(alias, role, name) for alias, role in ((mentor, "mentor"), (mentee, "mentee"))
                  for name in ("name", "email", "phone", "organisation")]
        rows = connection.execute(
            select(pairs.c.mentor_person_id, pairs.c.mentee_person_id,
                   *(alias.c[name].label(f"{role}_{name}") for alias, role, name in person),
                   pairs.c.score, pairs.c.pinned, pairs.c.reasons, pairs.c.warnings, pairs.c.alternatives)
            .join(mentor, mentor.c.id == pairs.c.mentor_person_id)
            .join(mentee, mentee.c.id == pairs.c.mentee_person_id)
            .where(pairs.c.run_id == run_id)
            .order_by(func.lower(mentor.c.name), func.lower(mentee.c.name))).mappings().all()
        return frame(rows, PAIR_COLUMNS)

    @staticmethod
    def _unmatched(connection: Connection, run_id: int) -> pd.DataFrame:
        from core.matching.runs import UNMATCHED_COLUMNS
        table, p = schema.match_unmatched, schema.people
        rows = connection.execute(
            select(table.c.person_id, table.c.role, p.c.name, p.c.email, p.c.organisation, table.c.reason,
                   table.c.alternatives)
            .join(p, p.c.id == table.c.person_id).where(table.c.run_id == run_id)
            .order_by(table.c.role, func.lower(p.c.name))).mappings().all()  # mentees first
        return frame(rows, UNMATCHED_COLUMNS)


def _ids_only(alternatives: list[dict]) -> list[dict]:
    """Saved alternatives name people by id only: a person deleted from the register is then gone
    from every saved run too."""
    return [{"mentor_person_id": int(a["mentor_person_id"]), "score": round(float(a["score"]), 6)}
            for a in alternatives]

