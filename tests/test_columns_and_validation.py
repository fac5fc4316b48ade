"""Columns named in Swedish or English, and every cell checked in plain words: the canonical
values matching relies on, and the complaints the coordinator reads."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from participant_files import MENTEE_HEADERS, MENTOR_HEADERS, mentee, mentor, signup_workbook, workbook

from core.people.addresses import valid_email
from core.people.cleaning import (
    clean_capacity,
    clean_cohort,
    clean_consent,
    clean_email,
    clean_experience,
    clean_gender,
    clean_gender_preference,
    clean_languages,
    clean_role,
    clean_sector_preference,
    clean_start_preference,
    clean_tags,
)
from core.people.columns import FIELD_IDS, check_mapping, header_key, normalise_header, recognise, signature
from core.people.issues import Invalid
from core.people.reading import read_upload
from core.people.recognising import suggest_mapping
from core.people.validation import MappedSheet, validate

# -- Headers -----------------------------------------------------------------------------------

SWEDISH = {"Namn": "name", "E-post": "email", "Mejl": "email", "Förnamn": "first_name", "Efternamn": "last_name",
           "Organisation": "organisation", "Arbetsgivare": "organisation", "Förvaltning/Avdelning": "department",
           "Befattning": "title", "Titel": "title", "Ort": "town", "Språk": "languages",
           "Kompetensområden": "competences", "Utvecklingsområden": "goals", "Mål": "goals", "Bransch/Sektor": "sector",
           "Erfarenhet (år)": "experience_years", "Önskad start (höst/vår/valfri)": "start_preference",
           "Kön": "gender", "Önskemål om mentorns kön": "gender_preference", "Antal adepter": "capacity",
           "Samtycke": "consent", "Motivering": "motivation", "Telefon": "phone", "Roll": "role", "Kohort": "cohort",
           "Önskar mentor från samma bransch / annan bransch": "sector_preference",
           "Får mentorn komma från samma organisation?": "same_org_allowed",
           "Vilket språk kan du ha samtalen på?": "languages", "Hur många adepter kan du ta emot?": "capacity",
           "Förnamn + Efternamn": "name", "Vad vill du utveckla?": "goals"}
ENGLISH = {"Name": "name", "E-mail": "email", "Email address": "email", "First name": "first_name",
           "Last name": "last_name", "Employer": "organisation", "Department": "department", "Job title": "title",
           "City": "town", "Languages": "languages", "Competences": "competences", "Development goals": "goals",
           "Sector": "sector", "Years of experience": "experience_years", "Preferred start": "start_preference",
           "Gender": "gender", "Preferred mentor gender": "gender_preference", "Number of mentees": "capacity",
           "Consent": "consent", "Motivation": "motivation", "Role": "role", "Your first name": "first_name"}


@pytest.mark.parametrize(("header", "field"), list(SWEDISH.items()) + list(ENGLISH.items()))
def test_swedish_and_english_headers_are_recognised(header, field):
    assert recognise(header) == field


def test_unknown_columns_are_kept_as_extra_and_empty_ones_left_out():
    headers = ("Tidstämpel", "Namn", "E-post", "", "Kommentar")
    columns = (("2026-09-01 10:12:00",), ("Anna",), ("anna@example.se",), (), ("Ser fram emot det",))
    assert suggest_mapping(headers, columns) == ("submitted_at", "name", "email", "ignore", "extra")


def test_a_field_takes_one_column_and_a_remembered_choice_wins():
    assert suggest_mapping(("E-post", "Mejl")) == ("email", "extra")
    remembered = {header_key("Mejl"): "email", header_key("E-post"): "extra"}
    assert suggest_mapping(("E-post", "Mejl"), remembered=remembered) == ("extra", "email")
    assert check_mapping(("email", "email", "name")) == ["email"]


def test_the_signature_of_headers_ignores_order_case_and_our_fix_column():
    assert signature(["Namn", "E-post"]) == signature(["e-post", "NAMN", "Att rätta (ignoreras vid import)"])
    assert signature(["Namn", "E-post"]) != signature(["Namn", "E-post", "Ort"])


header_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@given(header_text)
def test_normalising_ignores_case_and_surrounding_space(header):
    assert normalise_header(header) == normalise_header(f"  {header.upper()} \t")
    assert normalise_header(normalise_header(header)) == normalise_header(header)


@given(st.sampled_from(sorted(SWEDISH)), st.sampled_from(["", " ", "  ", ":", "*", " ?"]))
def test_headers_are_recognised_whatever_their_case_spacing_or_trailing_punctuation(header, suffix):
    assert recognise(header.upper() + suffix) == recognise(f" {header.lower()}{suffix}") == SWEDISH[header]


def test_accents_are_ignored():
    assert recognise("Onskad start") == recognise("ÖNSKAD  START") == "start_preference"
    assert recognise("Kon") == "gender"


# -- Values ------------------------------------------------------------------------------------

local = st.from_regex(r"[a-z0-9][a-z0-9._+-]{0,20}[a-z0-9]", fullmatch=True).filter(lambda s: ".." not in s)
domain = st.from_regex(r"[a-z][a-z0-9-]{0,10}[a-z0-9]\.(se|com|example|org)", fullmatch=True)
padding = st.text(alphabet=" \t\u00a0\u200b\ufeff\u202f", max_size=4)


@given(local, domain, padding, padding)
def test_an_address_is_stripped_of_any_space_and_lowercased(name, host, before, after):
    address = f"{name}@{host}"
    cleaned = clean_email(f"{before}{address.upper()}{after}")
    assert cleaned == address and valid_email(cleaned)
    assert clean_email(cleaned) == cleaned


@pytest.mark.parametrize("address", ["anna.svensson@", "@region.se", "anna svensson@region.se", "anna@region",
                                     "anna@@region.se", "anna..svensson@region.se", "anna@region..se", "åsa@region.se",
                                     "anna@-region.se", "anna@region.s"])
def test_invalid_addresses(address):
    assert not valid_email(clean_email(address))


@pytest.mark.parametrize(("text", "codes"), [
    ("Svenska", ["sv"]), ("Swedish, English", ["sv", "en"]), ("svenska och engelska", ["sv", "en"]),
    ("Arabiska; Finska", ["ar", "fi"]), ("SV/EN", ["sv", "en"]), ("sv-SE", ["sv"]), ("Persiska (farsi)", ["fa"]),
    ("Farsi", ["fa"]), ("svenska, svenska", ["sv"]), ("Meänkieli", ["meänkieli"]), ("Teckenspråk", ["teckenspråk"]),
    ("", []), ("Somaliska\nTigrinja", ["so", "ti"]),
])
def test_languages_become_iso_codes_where_known(text, codes):
    assert clean_languages(text) == codes


def test_tags_are_split_and_trimmed_as_written():
    assert clean_tags(" Ledarskap, förändringsledning;kommunikation / Projektledning\n- coachning ") == [
        "Ledarskap", "förändringsledning", "kommunikation", "Projektledning", "coachning"]
    assert clean_tags("ledarskap, Ledarskap") == ["ledarskap"]


@pytest.mark.parametrize(("cleaner", "value", "expected"), [
    (clean_gender, "Kvinna", "woman"), (clean_gender, "man", "man"), (clean_gender, "Icke-binär", "other"),
    (clean_gender, "Annat", "other"), (clean_gender, "Vill ej uppge", ""), (clean_gender, "", ""),
    (clean_gender, "Female", "woman"),
    (clean_gender_preference, "Ingen preferens", ""), (clean_gender_preference, "Spelar ingen roll", ""),
    (clean_gender_preference, "Kvinna", "woman"), (clean_gender_preference, "Helst en man", "man"),
    (clean_gender_preference, "kvinna eller man", ""), (clean_gender_preference, "No preference", ""),
    (clean_start_preference, "Höst", "autumn"), (clean_start_preference, "hösten", "autumn"),
    (clean_start_preference, "HT26", "autumn"), (clean_start_preference, "Vår", "spring"),
    (clean_start_preference, "VT", "spring"), (clean_start_preference, "Valfri", "any"),
    (clean_start_preference, "höst eller vår", "any"), (clean_start_preference, "", "any"),
    (clean_start_preference, "autumn", "autumn"), (clean_start_preference, "januari–november", "spring"),
    (clean_start_preference, dt.date(2026, 9, 1), "autumn"), (clean_start_preference, 46037.0, "spring"),
    (clean_sector_preference, "Samma bransch", "same"), (clean_sector_preference, "Annan bransch", "other"),
    (clean_sector_preference, "Spelar ingen roll", ""), (clean_sector_preference, "", ""),
    (clean_consent, "Ja", True), (clean_consent, "x", True), (clean_consent, True, True),
    (clean_consent, "Jag samtycker till att mina uppgifter sparas", True),
    (clean_capacity, 2, 2), (clean_capacity, 2.0, 2), (clean_capacity, "2", 2), (clean_capacity, "två", 2),
    (clean_capacity, "2 st", 2), (clean_capacity, "", 1), (clean_capacity, "max 3", 3),
    (clean_experience, 12, 12), (clean_experience, 7.5, 8), (clean_experience, "ca 10 år", 10),
    (clean_experience, "15+", 15), (clean_experience, "", None), (clean_experience, "tio år", 10),
    (clean_role, "Mentor", "mentor"), (clean_role, "Adept", "mentee"), (clean_role, "Mentee", "mentee"),
    (clean_role, "Jag vill ha en mentor", "mentee"), (clean_role, "Jag vill bli mentor", "mentor"),
    (clean_cohort, "autumn-2026", "autumn-2026"), (clean_cohort, "Höst 2026", "autumn-2026"),
    (clean_cohort, "VT27", "spring-2027"), (clean_cohort, "vårstart 2027", "spring-2027"),
    (clean_cohort, dt.date(2026, 9, 24), "autumn-2026"),
])
def test_values_become_canonical(cleaner, value, expected):
    assert cleaner(value) == expected


@pytest.mark.parametrize(("cleaner", "value", "code"), [
    (clean_gender, "kanske", "validation.gender_unknown"),
    (clean_gender_preference, "helst någon äldre", "validation.gender_preference_unknown"),
    (clean_start_preference, "sommar", "validation.start_unknown"),
    (clean_sector_preference, "vet ej", "validation.sector_preference_unknown"),
    (clean_consent, "", "validation.consent_missing"), (clean_consent, "Nej", "validation.consent_refused"),
    (clean_consent, "Jag samtycker inte", "validation.consent_refused"),
    (clean_consent, False, "validation.consent_refused"),
    (clean_consent, "kanske", "validation.consent_unclear"),
    (clean_capacity, 0, "validation.capacity_invalid"), (clean_capacity, -1, "validation.capacity_invalid"),
    (clean_capacity, 2.5, "validation.capacity_invalid"), (clean_capacity, "många", "validation.capacity_invalid"),
    (clean_capacity, 40, "validation.capacity_too_many"), (clean_capacity, True, "validation.capacity_invalid"),
    (clean_experience, "många", "validation.experience_invalid"),
    (clean_experience, 120, "validation.experience_invalid"),
    (clean_role, "chef", "validation.role_unknown"), (clean_cohort, "nästa år", "validation.cohort_unknown"),
])
def test_values_that_cannot_be_used(cleaner, value, code):
    with pytest.raises(Invalid) as caught:
        cleaner(value)
    assert caught.value.code == code


# -- Sheets ------------------------------------------------------------------------------------

def check(data: bytes, cohort: str = "autumn-2026", registered=None, role=None):
    upload = read_upload(data, "anmalan.xlsx")
    sheets = [MappedSheet(s, suggest_mapping(s.headers, s.columns()), role) for s in upload.sheets]
    return validate(sheets, cohort, None, registered)


def test_a_sheet_of_the_other_roles_columns_is_a_warning_naming_them():
    """The mentees' file imported as mentors (or the other way round): its rows are valid, but the
    sheet has only the other role's own columns, which the coordinator is told, by their headers."""
    mentees_as_mentors = check(signup_workbook([], [mentee(1), mentee(2)]), role="mentor")
    [warning] = mentees_as_mentors.warnings
    assert warning.code == "validation.looks_like_mentees" and len(mentees_as_mentors.valid) == 2
    assert "'Önskemål om mentorns kön', 'Önskar mentor från samma bransch / annan bransch'" in warning.shown("sv")
    assert "is it the mentees' file?" in warning.shown("en")
    [warning] = check(signup_workbook([mentor(1)]), role="mentee").warnings
    assert warning.code == "validation.looks_like_mentors" and "'Antal adepter'" in warning.shown("sv")
    # each sheet as the role it is (by its name, or chosen), or a file that has both roles' columns
    assert not check(signup_workbook([mentor(1)], [mentee(2)])).warnings
    assert not check(signup_workbook([], [mentee(1)]), role="mentee").warnings
    assert not check(signup_workbook([mentor(1, **{"Antal adepter": ""})]), role="mentor").warnings
    # a mentor's own wish about their mentee, without a number of mentees, is a mentor's question
    without_capacity = [h for h in MENTOR_HEADERS if h != "Antal adepter"] + ["Önskemål om adeptens kön"]
    rows = [[mentor(1)[MENTOR_HEADERS.index(h)] if h in MENTOR_HEADERS else "Kvinna" for h in without_capacity]]
    sheet = check(workbook({"Mentorer": (without_capacity, rows)}))
    assert "gender_preference" in sheet.sheets[0].mapping and not sheet.warnings


def test_the_complaint_names_row_and_column_in_plain_words_in_both_languages():
    rows = [mentor(n) for n in range(1, 13)] + [mentor(13, **{"E-post": "anna.svensson@"})]
    report = check(signup_workbook(rows, title_rows=("Anmälningar",)))
    [issue] = report.errors
    assert issue.shown("sv") == "Rad 15, E-post: 'anna.svensson@' är ingen giltig adress"
    assert issue.shown("en") == "Row 15, E-post: 'anna.svensson@' is not a valid address"
    assert report.summary() == "12 valid, 1 invalid"


def test_the_same_person_twice_in_a_sheet_makes_both_rows_invalid():
    report = check(signup_workbook([mentor(1), mentor(2), mentor(3, **{"E-post": "MENTOR1@region.example "})]))
    assert [(r.row, [i.shown("sv") for i in r.issues]) for r in report.invalid] == [
        (2, ["Rad 2, E-post: samma person (e-postadress) finns också på rad 4; behåll en av raderna"]),
        (4, ["Rad 4, E-post: samma person (e-postadress) finns också på rad 2; behåll en av raderna"])]


def test_a_person_in_both_roles_is_invalid_in_both_sheets_and_against_the_register():
    report = check(signup_workbook([mentor(1)], [mentee(1, **{"E-post": "mentor1@region.example"}), mentee(2)]))
    assert [i.shown("en") for i in report.errors] == [
        "Row 2, E-post: the same person signed up both as mentor and as mentee (Adepter row 2); choose one role",
        "Row 2, E-post: the same person signed up both as mentor and as mentee (Mentorer row 2); choose one role"]
    registered = {("adept2@kommun.example", "autumn-2026"): {"mentor"}}
    report = check(signup_workbook([], [mentee(2)]), registered=registered)
    assert [i.shown("sv") for i in report.errors] == [
        "Rad 2, E-post: personen finns redan i registret som mentor i autumn-2026; en person kan ha en roll per kohort"]


def test_a_shifted_row_is_named_as_shifted():
    shifted = [""] + mentor(2)
    report = check(signup_workbook([mentor(1), shifted]))
    assert [i.shown("sv") for i in report.errors] == [
        "Rad 3: raden har värden till höger om sista kolumnen (från kolumn P); värdena verkar förskjutna",
        "Rad 3, E-post: ingen e-postadress här, men en i kolumnen 'Organisation'; värdena verkar förskjutna"]


def test_missing_name_consent_and_consent_column():
    report = check(signup_workbook([mentor(1, Namn=" ", Samtycke="")]))
    assert [i.shown("en") for i in report.errors] == [
        "Row 2, Namn: the name is missing",
        "Row 2, Samtycke: consent is missing; the person cannot be included without consent"]
    no_consent = [row[:-2] for row in (mentor(1), mentor(2))]
    from core.people.examples import workbook

    report = check(workbook({"Mentorer": (MENTOR_HEADERS[:-2], no_consent)}))
    assert report.summary() == "0 valid, 2 invalid"
    assert report.issues[0].shown("sv") == "ingen kolumn för samtycke; utan samtycke kan ingen importeras"


def test_a_sheet_without_a_role_is_named_and_a_role_column_decides_per_row():
    from core.people.examples import workbook

    headers = ("Roll",) + MENTEE_HEADERS
    rows = [["Adept"] + mentee(1), ["Mentor"] + mentee(2), ["Chef"] + mentee(3)]
    report = check(workbook({"Blad1": (headers, rows)}))
    assert [(c.row, c.role) for c in report.valid] == [(2, "mentee"), (3, "mentor")]
    assert [i.shown("sv") for i in report.errors] == [
        "Rad 4, Roll: 'Chef' är ingen roll; skriv mentor eller adept"]
    report = check(workbook({"Blad1": (MENTEE_HEADERS, [mentee(1)])}))
    assert report.issues[0].code == "validation.no_role"
    assert check(workbook({"Blad1": (MENTEE_HEADERS, [mentee(1)])}), role="mentee").summary() == "1 valid, 0 invalid"


def test_canonical_values_reach_the_candidates():
    report = check(signup_workbook([mentor(1, **{"Antal adepter": "2", "Språk": "Svenska, arabiska"})],
                                   [mentee(1)]))
    first, second = report.valid
    assert (first.role, first.participation["capacity"], first.person["languages"]) == ("mentor", 2, ["sv", "ar"])
    assert first.participation["competences"] == ["ledarskap", "kommunikation"]
    assert second.participation == {
        "sector": "Offentlig förvaltning", "goals": ["ledarskap", "projektledning"], "sector_preference": "other",
        "experience_years": 3, "start_preference": "any", "gender_preference": "", "consent": True, "extra": {}}
    assert set(FIELD_IDS) >= set(first.person) | set(first.participation) - {"extra"}


def test_a_start_wish_for_another_track_is_a_warning_only():
    report = check(signup_workbook([mentor(1, **{"Önskad start (höst/vår/valfri)": "vår"})]))
    assert report.summary() == "1 valid, 0 invalid"
    assert [i.shown("sv") for i in report.warnings] == ["Rad 2, Önskad start (höst/vår/valfri): önskar vårstart men "
                                                          "importeras till autumn-2026"]
