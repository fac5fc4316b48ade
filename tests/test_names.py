"""People who share a name, told apart (core.platform.names): by organisation, by organisation and
e-mail where both are shared, by e-mail where there is no organisation; a name nobody shares is
left as written; the same person listed twice is one person. Examples, then properties over
cohorts drawn at random. And people in the order of their names, the same whatever backs the
name column (by_name)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.platform.names import by_name, label_of, labels_by_id, person_labels, side_labels, with_person_labels


def test_a_name_nobody_shares_is_left_as_it_is():
    assert person_labels(["Anna Berg", "Bo Ek", " Cecilia  Dahl"], ["Region Norr", "", "X"],
                         ["anna@x.se", "bo@x.se", "c@x.se"]) == ["Anna Berg", "Bo Ek", " Cecilia  Dahl"]


def test_two_people_of_one_name_are_told_apart_by_organisation():
    assert person_labels(["Anders Eriksson", "Anders Eriksson", "Bo Ek"], ["Kommun A", "Region Norr", "Kommun A"],
                         ["anders@kommun.se", "anders@region.se", "bo@kommun.se"]) == [
        "Anders Eriksson (Kommun A)", "Anders Eriksson (Region Norr)", "Bo Ek"]


def test_names_are_compared_case_and_spaces_aside():
    assert person_labels(["Anders Eriksson", " anders  ERIKSSON "], ["Kommun A", "Region Norr"],
                         ["a@kommun.se", "a@region.se"]) == ["Anders Eriksson (Kommun A)",
                                                             "anders ERIKSSON (Region Norr)"]


def test_a_shared_organisation_adds_the_e_mail():
    assert person_labels(["Anders Eriksson"] * 3, ["Kommun A", "kommun a ", "Region Norr"],
                         ["a1@kommun.se", "a2@kommun.se", "a@region.se"]) == [
        "Anders Eriksson (Kommun A, a1@kommun.se)", "Anders Eriksson (kommun a, a2@kommun.se)",
        "Anders Eriksson (Region Norr)"]


def test_no_organisation_is_told_by_the_e_mail():
    assert person_labels(["Anders Eriksson", "Anders Eriksson"], ["", None],
                         ["a1@kommun.se", "a2@kommun.se"]) == ["Anders Eriksson (a1@kommun.se)",
                                                               "Anders Eriksson (a2@kommun.se)"]
    assert person_labels(["Anders Eriksson", "Anders Eriksson"], ["Kommun A", float("nan")],
                         ["a1@kommun.se", "a2@kommun.se"]) == ["Anders Eriksson (Kommun A)",
                                                               "Anders Eriksson (a2@kommun.se)"]


def test_the_same_person_twice_is_not_another_person():
    # A mentor with two mentees is listed twice: the same address, one person.
    assert person_labels(["Anders Eriksson", "Anders Eriksson", "Elin Gran"], ["Kommun A", "Kommun A", "X"],
                         ["anders@kommun.se", "Anders@Kommun.se ", "elin@x.se"]) == [
        "Anders Eriksson", "Anders Eriksson", "Elin Gran"]
    # … and where another Anders is listed, both rows of the first read alike.
    assert person_labels(["Anders Eriksson"] * 3, ["Kommun A", "Kommun A", "Region Norr"],
                         ["a@kommun.se", "a@kommun.se", "a@region.se"]) == [
        "Anders Eriksson (Kommun A)", "Anders Eriksson (Kommun A)", "Anders Eriksson (Region Norr)"]


def test_words_that_happen_to_read_alike_still_differ():
    # A name that nobody shares keeps its words; the one told apart says more.
    assert person_labels(["Anders (Kommun A)", "Anders", "Anders"], ["", "Kommun A", "Region Norr"],
                         ["x@a.se", "y@a.se", "z@a.se"]) == [
        "Anders (Kommun A)", "Anders (Kommun A, y@a.se)", "Anders (Region Norr)"]
    # An organisation spelt like somebody's address, and one without an address at all.
    labels = person_labels(["Anders", "Anders", "Anders"], ["a@x.se", "", "a@x.se, b"], ["", "a@x.se", "b"])
    assert len(set(labels)) == 3


def test_series_and_sequences_alike():
    names = pd.Series(["Anders Eriksson", "Anders Eriksson"], index=[7, 3])
    organisations = pd.Series(["Kommun A", "Region Norr"], index=[7, 3])
    assert person_labels(names, organisations, ("a@k.se", "a@r.se")) == person_labels(
        list(names), list(organisations), ["a@k.se", "a@r.se"]) == ["Anders Eriksson (Kommun A)",
                                                                  "Anders Eriksson (Region Norr)"]
    assert person_labels([]) == [] and person_labels(["Bo"]) == ["Bo"]
    with pytest.raises(ValueError):
        person_labels(["Anders", "Anders"], ["Kommun A"], ["a", "b"])


def test_pairs_are_labelled_on_both_sides_together():
    pairs = pd.DataFrame({
        "mentor_person_id": [1, 1, 2], "mentee_person_id": [3, 4, 1],
        "mentor_name": ["Anders Eriksson", "Anders Eriksson", "Bo Ek"],
        "mentor_organisation": ["Kommun A", "Kommun A", "X"],
        "mentor_email": ["a@k.se", "a@k.se", "bo@x.se"],
        "mentee_name": ["Anders Eriksson", "Elin Gran", "Anders Eriksson"],
        "mentee_organisation": ["Region Norr", "Y", "Kommun A"],
        "mentee_email": ["a@r.se", "elin@y.se", "a@k.se"]})
    assert side_labels(pairs) == {
        "mentor": ["Anders Eriksson (Kommun A)", "Anders Eriksson (Kommun A)", "Bo Ek"],
        "mentee": ["Anders Eriksson (Region Norr)", "Elin Gran", "Anders Eriksson (Kommun A)"]}
    labelled = with_person_labels(pairs)
    assert labelled["mentee_label"].tolist() == side_labels(pairs)["mentee"]
    assert "mentee_label" not in pairs.columns  # a new frame, the given one untouched
    # A frame without organisations (or e-mails) tells people apart with what it has.
    bare = pairs.drop(columns=["mentor_organisation", "mentee_organisation"])
    assert side_labels(bare)["mentee"][0] == "Anders Eriksson (a@r.se)"
    assert side_labels(pairs.iloc[:0]) == {"mentor": [], "mentee": []}


def test_labels_by_id():
    labels = labels_by_id([5, 6, 5], ["Anders Eriksson"] * 3, ["Kommun A", "Region Norr", "Kommun A"],
                          ["a@k.se", "a@r.se", "a@k.se"])
    assert labels == {5: "Anders Eriksson (Kommun A)", 6: "Anders Eriksson (Region Norr)"}
    assert label_of(labels, 6) == "Anders Eriksson (Region Norr)"
    assert label_of(labels, 9, "Bo Ek") == "Bo Ek" and label_of(labels, 9) == "#9"


# -- Properties ---------------------------------------------------------------------------------

NAMES = ("Anders Eriksson", "anders eriksson", " Anders  Eriksson", "Anna Berg", "Bo Ek", "Anders (Kommun A)", "")
ORGANISATIONS = ("Kommun A", "kommun a", "Region Norr", "", "a1@x.se", "Kommun A, a1@x.se")
EMAILS = ("a1@x.se", "A1@x.se", "a2@x.se", "a3@x.se", "b@x.se", "")


def key(text: str) -> str:
    return " ".join(text.split()).casefold()


@st.composite
def listed_people(draw) -> list[tuple[str, str, str]]:
    """Rows of people, some listed more than once. One address is one person, with one name and
    one organisation (as the register keeps them); people without an address are told by name
    and organisation."""
    people = draw(st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(ORGANISATIONS),
                                     st.sampled_from(EMAILS) | st.text(max_size=6)), max_size=12))
    by_address: dict[str, tuple[str, str, str]] = {}
    rows = []
    for name, organisation, email in people:
        if key(email):
            name, organisation, email = by_address.setdefault(key(email), (name, organisation, email))
        rows.append((name, organisation, email))
    return draw(st.permutations(rows + draw(st.lists(st.sampled_from(rows), max_size=4)) if rows else rows))


def person(row: tuple[str, str, str]) -> tuple[str, str]:
    name, organisation, email = row
    return key(name), f"@{key(email)}" if key(email) else f"#{key(organisation)}"


@settings(max_examples=300, deadline=None)
@given(listed_people())
def test_different_people_always_read_apart_and_the_same_person_alike(rows):
    labels = person_labels(*zip(*rows, strict=True)) if rows else []
    assert len(labels) == len(rows)
    for i, a in enumerate(rows):
        for j, b in enumerate(rows):
            assert (labels[i] == labels[j]) == (person(a) == person(b)), (a, b, labels[i], labels[j])


@settings(max_examples=300, deadline=None)
@given(listed_people())
def test_a_name_nobody_else_has_is_unchanged(rows):
    labels = person_labels(*zip(*rows, strict=True)) if rows else []
    for row, label in zip(rows, labels, strict=True):
        others = {person(r) for r in rows if key(r[0]) == key(row[0])} - {person(row)}
        # The person's name as first written (one without an address may be written two ways).
        written = next(r[0] for r in rows if person(r) == person(row))
        if not others:
            assert label == written
        elif key(row[1]) or key(row[2]):
            assert label.startswith(" ".join(written.split()) + " (") and label.endswith(")")
        else:  # nothing to tell them by: the others say more
            assert label == " ".join(written.split())


@settings(max_examples=200, deadline=None)
@given(listed_people())
def test_labels_are_the_same_every_time(rows):
    columns = list(zip(*rows, strict=True)) if rows else [[], [], []]
    assert person_labels(*columns) == person_labels(*columns)
    assert person_labels(*(pd.Series(c, dtype=object) for c in columns)) == person_labels(*columns)


# -- Where people are listed ----------------------------------------------------------------------

def two_anders(store) -> dict[str, int]:
    """Two mentors called Anders Eriksson, of two organisations, each with a mentee, accepted in
    autumn-2026; the first mentee is also called Anders Eriksson, of the first Anders' organisation."""

    from tests.followup_pairs import accept_pairs, add_people
    people = add_people(store, "autumn-2026", (
        ("kommun", "mentor", "Anders Eriksson", "Kommun A"),
        ("region", "mentor", "Anders Eriksson", "Region Syd"),
        ("adept", "mentee", "Anders Eriksson", "Kommun A"),
        ("farah", "mentee", "Farah Haddad", "Region Norr")))
    accept_pairs(store, "autumn-2026", ((people["kommun"], people["adept"]), (people["region"], people["farah"])))
    return people


def test_follow_up_guests_and_matching_name_people_alike(store):
    import datetime as dt

    from core import services
    from core.calendar.programme import Cohort
    from core.followup.attendance import expected_attendees
    from core.followup.checkin import checkin_template
    from core.followup.meetings import Pairs, meeting_states, meeting_windows, overview_frame
    from core.followup.three_party import booking_list, booking_table
    from core.matching.report import compare_runs, pairs_table, run_labels, unmatched_table
    from core.matching.runs import MatchRun
    from core.messages.guests import display_frame, guest_list, load_history

    ids = two_anders(store)
    autumn, programme = Cohort(2026, "autumn"), services.programme(store)
    kommun, region = "Anders Eriksson (Kommun A, kommun@example.se)", "Anders Eriksson (Region Syd)"
    adept = "Anders Eriksson (Kommun A, adept@example.se)"
    frame = store.accepted_pairs(autumn.id)
    pairs = Pairs(frame)
    assert pairs.labels() == {(ids["kommun"], ids["adept"]): f"{kommun} – {adept}",
                              (ids["region"], ids["farah"]): f"{region} – Farah Haddad"}
    assert pairs.people()[ids["region"]] == region and pairs.label((1, 99)) == "#1 – #99"
    states = meeting_states(frame, store.pair_meetings(autumn.id), meeting_windows(programme, autumn),
                            dt.date(2026, 11, 25))
    assert set(overview_frame(states, "en")["Pair"]) == {f"{kommun} – {adept}", f"{region} – Farah Haddad"}
    assert set(checkin_template(frame, "en").iloc[:, -1]) == set(pairs.labels().values())
    table = booking_table(frame, store.three_party_bookings(autumn.id))
    assert set(booking_list(table, "en")["Mentor"]) == {kommun, region}
    kickoff = programme.occurrence(autumn, "kickoff")
    assert {kommun, region, adept} <= set(display_frame(guest_list(load_history(store), programme, kickoff),
                                                        "en")["Name"])
    assert {kommun, region, adept} <= set(expected_attendees(store, programme, kickoff)["label"])
    run = store.accepted_run(autumn.id)
    assert run_labels(run) == {ids["kommun"]: kommun, ids["region"]: region, ids["adept"]: adept,
                               ids["farah"]: "Farah Haddad"}
    assert set(pairs_table(run, "en")["Mentor"]) == {kommun, region}
    assert unmatched_table(run, "en").empty
    # One Anders for another is a change, though the name is the same.
    swapped = store.match_run(store.save_run(MatchRun(
        run.cohort_id, run.objective, run.settings, (), run.pairs.assign(
            mentor_person_id=run.pairs["mentor_person_id"][::-1].to_numpy(),
            mentor_organisation=run.pairs["mentor_organisation"][::-1].to_numpy(),
            mentor_email=run.pairs["mentor_email"][::-1].to_numpy()), run.unmatched)))
    changes = compare_runs(run, swapped, "en").set_index("Mentee")
    assert changes["Mentor before"].to_dict() == {adept: kommun, "Farah Haddad": region}
    assert changes["Mentor now"].to_dict() == {adept: region, "Farah Haddad": kommun}


# The storages a text column can have: pyarrow (the dashboard, where Streamlit installs it), pandas'
# own Python strings (the command line, which keeps pyarrow out), and plain objects.
STORAGES = [pd.StringDtype("pyarrow", na_value=float("nan")), pd.StringDtype("python", na_value=float("nan")), object]


@pytest.mark.parametrize("storage", STORAGES, ids=["pyarrow", "python", "object"])
def test_people_in_the_order_of_their_names_case_aside_namesakes_as_they_came(storage):
    names = ["ivar", "İlker", "Ida", "anna", "Zed", "Åsa"] + ["Anders Eriksson"] * 20  # more than 16: numpy's
    frame = pd.DataFrame({"name": pd.Series(names, dtype=storage), "n": range(len(names))})  # quicksort is unstable
    ordered = by_name(frame)
    assert list(ordered["name"])[:3] == ["Anders Eriksson"] * 3
    assert list(ordered.loc[ordered["name"] == "Anders Eriksson", "n"]) == list(range(6, 26))  # as they came
    assert list(ordered["name"])[20:] == ["anna", "Ida", "ivar", "İlker", "Zed", "Åsa"]  # casefold: İ is i + dot


@given(st.lists(st.text(alphabet="aAbBiIİıåÅ ", max_size=4), max_size=40))
@settings(max_examples=100)
def test_the_order_of_names_is_the_same_whatever_backs_the_column(names):
    orders = [list(by_name(pd.DataFrame({"name": pd.Series(names, dtype=storage, index=range(len(names)))})).index)
              for storage in STORAGES]
    assert orders[0] == orders[1] == orders[2]
