"""People as the pages name them: by name, and where two different people share a name (two
"Anders Eriksson"), by name and what tells them apart — "Anders Eriksson (Region Norr)", or, where
the organisation is shared too, "Anders Eriksson (Region Norr, anders.e@region.se)".

One person is one e-mail address: the same person listed twice (a mentor with two mentees) is
not another person and is labelled alike each time. Names and organisations are compared as
people write them, case and spaces aside. Labels are text from people: show them through
Streamlit's escaping elements, never as markdown built from them.

Here, on the platform, because every area that lists people uses it — matching too, which
stands on nothing else."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

__all__ = ["by_name", "label_of", "labels_by_id", "person_labels", "side_labels", "with_person_labels"]

PAIR_SIDES = ("mentor", "mentee")


def _text(value: object) -> str:
    """A cell as text, trimmed and with its spaces evened out; a missing value is ""."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return " ".join(str(value).split())


def _raw(value: object) -> str:
    """A name as written (shown unchanged where nobody shares it); a missing value is ""."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _column(values: Iterable[object] | None, length: int) -> list[object]:
    if values is None:
        return [""] * length
    found = list(values)
    if len(found) != length:
        raise ValueError(f"{len(found)} values given for {length} names")
    return found


def person_labels(names: Iterable[object], organisations: Iterable[object] | None = None,
                  emails: Iterable[object] | None = None) -> list[str]:
    """Each person's label, in the order given (pandas Series or plain sequences, all as long).

    A person's label is their name. Where two or more different people (different e-mail) share
    a name, each of them is "Name (Organisation)"; where they share the organisation too,
    "Name (Organisation, e-mail)"; one without an organisation is "Name (e-mail)". A name that
    nobody else has is left exactly as written. Labels of different people always differ: in
    the unlikely case that the words above still read alike (an organisation spelt like somebody's
    e-mail), the label says both, then a number."""
    name_list = list(names)
    count = len(name_list)
    organisation_list = _column(organisations, count)
    email_list = _column(emails, count)
    written = [_raw(n) for n in name_list]
    shown_names = [_text(n) for n in name_list]
    name_keys = [n.casefold() for n in shown_names]
    shown_organisations = [_text(o) for o in organisation_list]
    shown_emails = [_text(e) for e in email_list]

    # Who is who: one e-mail address is one person; without an address, the name and organisation
    # are all there is to go by.
    people: dict[tuple[str, str], list[int]] = defaultdict(list)  # (name, person) -> rows
    for row in range(count):
        email = shown_emails[row].casefold()
        person = f"@{email}" if email else f"#{shown_organisations[row].casefold()}"
        people[(name_keys[row], person)].append(row)
    by_name: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in people:
        by_name[key[0]].append(key)

    labels: dict[tuple[str, str], str] = {}
    told_apart: list[tuple[str, str]] = []  # the people whose label says more than their name
    for same_name in by_name.values():
        if len(same_name) == 1:
            labels[same_name[0]] = written[people[same_name[0]][0]]
            continue
        organisation_count: dict[str, int] = defaultdict(int)
        for key in same_name:
            organisation_count[shown_organisations[people[key][0]].casefold()] += 1
        for key in same_name:
            first = people[key][0]
            organisation, email = shown_organisations[first], shown_emails[first]
            if organisation and organisation_count[organisation.casefold()] == 1:
                labels[key] = _with(shown_names[first], organisation)
            else:
                labels[key] = _with(shown_names[first], organisation, email)
            told_apart.append(key)

    # The last resort, for words that happen to read alike: first both organisation and e-mail,
    # then a number. Names that nobody shares are never touched, and never alike (their keys differ).
    for step in ("both", "number"):
        seen: dict[str, int] = defaultdict(int)
        for label in labels.values():
            seen[label] += 1
        clashing = [key for key in told_apart if seen[labels[key]] > 1]
        if not clashing:
            break
        taken = set(labels.values())
        for key in clashing:
            first = people[key][0]
            if step == "both":
                labels[key] = _with(shown_names[first], shown_organisations[first], shown_emails[first])
            else:
                label, number = labels[key], 2
                while f"{label} ({number})" in taken:
                    number += 1
                labels[key] = f"{label} ({number})"
                taken.add(labels[key])

    found = [""] * count
    for key, rows in people.items():
        for row in rows:
            found[row] = labels[key]
    return found


def _with(name: str, *details: str) -> str:
    shown = [d for d in details if d]
    return f"{name} ({', '.join(shown)})" if shown else name


def side_labels(frame: pd.DataFrame, sides: Sequence[str] = PAIR_SIDES) -> dict[str, list[str]]:
    """The labels of the people on each side of a frame of pairs ("mentor_name",
    "mentor_organisation", "mentor_email", "mentee_name", …), told apart across all sides at once,
    so that a person reads alike as mentor and as mentee. A missing organisation or e-mail column
    counts as empty."""
    names: list[object] = []
    organisations: list[object] = []
    emails: list[object] = []
    for side in sides:
        names += list(frame[f"{side}_name"])
        for column, values in (("organisation", organisations), ("email", emails)):
            name = f"{side}_{column}"
            values += list(frame[name]) if name in frame.columns else [""] * len(frame)
    labels = person_labels(names, organisations, emails)
    size = len(frame)
    return {side: labels[k * size:(k + 1) * size] for k, side in enumerate(sides)}


def with_person_labels(frame: pd.DataFrame, sides: Sequence[str] = PAIR_SIDES) -> pd.DataFrame:
    """The frame of pairs with a "<side>_label" column beside each "<side>_name" (side_labels)."""
    labels = side_labels(frame, sides)
    return frame.assign(**{f"{side}_label": pd.Series(labels[side], index=frame.index, dtype=object)
                           for side in sides})


def labels_by_id(ids: Iterable[object], names: Iterable[object], organisations: Iterable[object] | None = None,
                 emails: Iterable[object] | None = None) -> dict[int, str]:
    """person_labels keyed by person id (the same id given twice is one person)."""
    id_list = [int(i) for i in ids]  # type: ignore[call-overload]
    return dict(zip(id_list, person_labels(names, organisations, emails), strict=True))


def label_of(labels: Mapping[int, str], person_id: object, fallback: object = None) -> str:
    """A person's label, or `fallback` (their name, say) for an id the labels do not hold."""
    key = int(person_id)  # type: ignore[call-overload]
    if key in labels:
        return labels[key]
    return _raw(fallback) if fallback is not None else f"#{key}"


def by_name(frame: pd.DataFrame, column: str = "name") -> pd.DataFrame:
    """The rows in the order of their names, case aside, people of one name in the order they
    came. Python's casefold and a stable sort, so the order is the same whatever backs the column
    (pyarrow in the dashboard, pandas' own text in the command line, core/__main__.py)."""
    return frame.sort_values(column, key=lambda names: names.str.casefold(), kind="stable")
