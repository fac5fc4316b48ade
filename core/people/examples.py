"""Example participants, clearly made up: Swedish names, fictional organisations (their
addresses end in .example, a domain that never receives mail), competences that overlap with
mentees' goals. Deterministic for a seed. They fill the demo ("load example participants"),
the tests, and scripts/make_example_data.py, which writes them as sign-up files, one of them
messy on purpose."""

from __future__ import annotations

import datetime as dt
import io
import random
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import openpyxl
from openpyxl.utils import get_column_letter

from core.calendar.programme import Cohort, Programme, cohorts_of_programme_year, programme_year_of
from core.people.reading import read_upload
from core.people.register import check, commit, mapped_sheets

if TYPE_CHECKING:
    from core.store import Store

SEED = 2026

WOMEN = ("Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Kerstin", "Ingrid", "Malin", "Linnea",
         "Sofia", "Elin", "Johanna", "Ida", "Hanna", "Maja", "Åsa", "Helena", "Ulrika", "Annika", "Jenny",
         "Amira", "Leila", "Aino", "Tuula", "Fatima", "Nour", "Camilla", "Therese", "Frida", "Josefin")
MEN = ("Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Mikael", "Nils", "Jonas", "Oskar", "Björn",
       "Magnus", "Fredrik", "Henrik", "Daniel", "Mattias", "Gustav", "Olof", "Pekka", "Jussi", "Ahmed",
       "Omar", "Hassan", "Ali", "David", "Stefan", "Tobias", "Viktor", "Emil", "Göran", "Torbjörn")
SURNAMES = ("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
            "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Lindström", "Lindqvist",
            "Sjöberg", "Berglund", "Sundberg", "Hedlund", "Öberg", "Nordin", "Holmgren", "Lundgren",
            "Westerlund", "Forsberg", "Åström", "Norberg", "Wikström", "Virtanen", "Korhonen", "Haddad",
            "Hassan", "Rahimi", "Nyström", "Bergkvist", "Engström", "Sandberg", "Ek", "Strand", "Blom")
# (organisation, e-mail domain, sector, departments)
ORGANISATIONS = (
    ("Region Norrland", "regionnorrland.example", "Hälso- och sjukvård",
     ("Hälso- och sjukvårdsförvaltningen", "Regionservice", "Kultur och utbildning")),
    ("Sundsvalls kommun", "sundsvallskommun.example", "Offentlig förvaltning",
     ("Socialtjänsten", "Barn- och utbildningsförvaltningen", "Stadsbyggnadskontoret")),
    ("Kustlanda kommun", "kustlanda.example", "Offentlig förvaltning",
     ("Kommunledningskontoret", "Omsorgsförvaltningen", "Tekniska förvaltningen")),
    ("Älvkraft Energi AB", "alvkraft.example", "Energi", ("Nät", "Produktion", "Kundservice")),
    ("Norrskog Trä AB", "norrskogtra.example", "Skog och trä", ("Sågverket", "Inköp", "Hållbarhet")),
    ("Mittbanken", "mittbanken.example", "Bank och finans", ("Företag", "Risk", "IT")),
    ("Bottenviken Logistik AB", "bottenvikenlogistik.example", "Transport och logistik",
     ("Terminal", "Planering", "Ekonomi")),
    ("Högskolan Mittnorr", "hogskolanmittnorr.example", "Utbildning och forskning",
     ("Institutionen för data", "Studentavdelningen", "Forskningsstöd")),
    ("Länsbostäder AB", "lansbostader.example", "Fastighet", ("Förvaltning", "Uthyrning", "Projekt")),
    ("Nordvik IT AB", "nordvikit.example", "IT och digitalisering", ("Konsult", "Drift", "Sälj")),
)
TOWNS = ("Sundsvall", "Sundsvall", "Sundsvall", "Härnösand", "Timrå", "Kramfors", "Örnsköldsvik",
         "Östersund", "Umeå")
TITLES = ("Enhetschef", "Handläggare", "Projektledare", "Systemutvecklare", "Ekonom", "HR-specialist",
          "Sjuksköterska", "Verksamhetsutvecklare", "Kommunikatör", "Controller", "Avdelningschef",
          "Ingenjör", "Utredare", "Lärare", "Samordnare")
TAGS = ("ledarskap", "förändringsledning", "kommunikation", "projektledning", "verksamhetsutveckling",
        "ekonomistyrning", "digitalisering", "konflikthantering", "rekrytering", "strategiskt arbete",
        "hållbarhet", "kvalitetsarbete", "coachning", "presentationsteknik", "upphandling",
        "arbetsmiljö", "innovation", "nätverkande", "karriärplanering", "att leda utan mandat")
# Languages besides Swedish, as people write them, with how often.
OTHER_LANGUAGES = (("engelska", 0.45), ("arabiska", 0.08), ("finska", 0.07), ("persiska", 0.04),
                   ("somaliska", 0.03), ("spanska", 0.03), ("tyska", 0.03))
MOTIVATIONS = {
    "mentor": ("Jag vill ge tillbaka det stöd jag själv fick tidigt i karriären.",
               "Har varit chef i många år och vill dela med mig av erfarenheterna.",
               "Tycker om att se andra växa, och lär mig själv mycket av att vara mentor.",
               "Vill bidra till att fler hittar sin väg i vår region."),
    "mentee": ("Jag har nyss blivit chef och vill utvecklas i min nya roll.",
               "Vill få perspektiv på min karriär och hitta nästa steg.",
               "Behöver stöd i att leda förändring i min verksamhet.",
               "Vill bygga nätverk utanför min egen organisation."),
}
MENTOR_HEADERS = ("Tidstämpel", "Namn", "E-post", "Telefon", "Organisation", "Förvaltning/avdelning",
                  "Befattning", "Ort", "Språk", "Kön", "Bransch/sektor", "Erfarenhet (år)",
                  "Kompetensområden", "Antal adepter", "Önskad start (höst/vår/valfri)", "Motivering",
                  "Samtycke")
MENTEE_HEADERS = ("Tidstämpel", "Namn", "E-post", "Telefon", "Organisation", "Förvaltning/avdelning",
                  "Befattning", "Ort", "Språk", "Kön", "Bransch/sektor", "Erfarenhet (år)",
                  "Utvecklingsområden", "Önskemål om mentorns kön",
                  "Önskar mentor från samma bransch / annan bransch", "Önskad start (höst/vår/valfri)",
                  "Motivering", "Samtycke")
SHEET_NAMES = {"mentor": "Mentorer", "mentee": "Adepter"}


@dataclass(frozen=True)
class ExampleSheets:
    """A cohort's sign-up rows, as the form would deliver them (Swedish headers)."""
    cohort: Cohort
    rows: Mapping[str, list[tuple]]  # by role

    @property
    def headers(self) -> Mapping[str, tuple[str, ...]]:
        return {"mentor": MENTOR_HEADERS, "mentee": MENTEE_HEADERS}


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in plain if ch.isascii() and (ch.isalnum() or ch in ".-")).lower()


class _People:
    """Draws people, each name and address once."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.emails: set[str] = set()

    def person(self) -> dict:
        rng = self.rng
        gender = rng.choices(("woman", "man", "other"), (0.56, 0.42, 0.02))[0]
        first = rng.choice(WOMEN if gender == "woman" else MEN if gender == "man" else WOMEN + MEN)
        last = rng.choice(SURNAMES)
        organisation, domain, sector, departments = rng.choice(ORGANISATIONS)
        local = f"{_ascii(first)}.{_ascii(last)}"
        email, n = f"{local}@{domain}", 1
        while email in self.emails:
            n += 1
            email = f"{local}{n}@{domain}"
        self.emails.add(email)
        languages = ["Svenska"] + [name.capitalize() for name, p in OTHER_LANGUAGES if rng.random() < p]
        return {"name": f"{first} {last}", "email": email, "gender": gender, "organisation": organisation,
                "department": rng.choice(departments), "sector": sector, "title": rng.choice(TITLES),
                "town": rng.choice(TOWNS), "languages": ", ".join(languages),
                "phone": f"070-{rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}"}


_GENDER_WORD = {"woman": "Kvinna", "man": "Man", "other": "Annat"}
_START_WORD = {"autumn": "Höst", "spring": "Vår"}


def _sign_up_time(rng: random.Random, cohort: Cohort) -> str:
    start = dt.date(cohort.year, 8, 10) if cohort.track == "autumn" else dt.date(cohort.year - 1, 11, 1)
    day = start + dt.timedelta(days=rng.randint(0, 25))
    return f"{day.isoformat()} {rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}"


def example_sheets(year: int, seed: int = SEED) -> list[ExampleSheets]:
    """The two cohorts of programme year `year`, 22–25 mentors and 22–25 mentees each; a few
    mentors serve in both."""
    rng = random.Random(seed * 10_000 + year)
    people = _People(rng)
    result = []
    repeat: list[dict] = []
    for cohort in cohorts_of_programme_year(year):
        mentors = repeat + [people.person() for _ in range(rng.randint(22, 25) - len(repeat))]
        mentees = [people.person() for _ in range(rng.randint(22, 25))]
        rows = {"mentor": [_mentor_row(rng, cohort, p) for p in mentors],
                "mentee": [_mentee_row(rng, cohort, p) for p in mentees]}
        result.append(ExampleSheets(cohort, rows))
        repeat = mentors[:3]
    return result


def _tags(rng: random.Random, low: int, high: int) -> str:
    return ", ".join(rng.sample(TAGS, rng.randint(low, high)))


def _start(rng: random.Random, cohort: Cohort) -> str:
    return rng.choices((_START_WORD[cohort.track], "Valfri", ""), (0.6, 0.3, 0.1))[0]


def _mentor_row(rng: random.Random, cohort: Cohort, p: dict) -> tuple:
    return (_sign_up_time(rng, cohort), p["name"], p["email"], p["phone"], p["organisation"], p["department"],
            rng.choice(("Enhetschef", "Avdelningschef", "Projektledare", "Verksamhetsutvecklare", p["title"])),
            p["town"], p["languages"], _GENDER_WORD[p["gender"]], p["sector"], rng.randint(8, 32),
            _tags(rng, 2, 5), rng.choices((1, 2), (0.75, 0.25))[0], _start(rng, cohort),
            rng.choice(MOTIVATIONS["mentor"]), "Ja")


def _mentee_row(rng: random.Random, cohort: Cohort, p: dict) -> tuple:
    wish = rng.choices(("Ingen preferens", "Kvinna", "Man"), (0.7, 0.22, 0.08))[0]
    sector = rng.choices(("Spelar ingen roll", "Samma bransch", "Annan bransch"), (0.6, 0.2, 0.2))[0]
    return (_sign_up_time(rng, cohort), p["name"], p["email"], p["phone"], p["organisation"], p["department"],
            p["title"], p["town"], p["languages"], _GENDER_WORD[p["gender"]], p["sector"], rng.randint(1, 12),
            _tags(rng, 1, 3), wish, sector, _start(rng, cohort), rng.choice(MOTIVATIONS["mentee"]), "Ja")


def workbook(sheets: Mapping[str, tuple[Sequence[str], Sequence[Sequence]]], title_rows: Sequence[str] = ()
             ) -> bytes:
    """An .xlsx of sheets (name → headers, rows), with `title_rows` above the header as a form
    export or a hand-made list might have them (the first one merged across the columns)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, (headers, rows) in sheets.items():
        sheet = book.create_sheet(name)
        for index, line in enumerate(title_rows):
            sheet.append([line])
            if index == 0 and len(headers) > 1:
                sheet.merge_cells(f"A1:{get_column_letter(min(len(headers), 8))}1")
        sheet.append(list(headers))
        for row in rows:
            sheet.append(list(row))
        for index, header in enumerate(headers, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(12, min(40, len(header) + 2))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def example_workbook(example: ExampleSheets) -> bytes:
    return workbook({SHEET_NAMES[role]: (example.headers[role], rows) for role, rows in example.rows.items()})


def messy_workbook(example: ExampleSheets) -> bytes:
    """The cohort's sheets as they might really arrive: a title above the header (on row 4), and
    rows with the mistakes the validation is there to catch, each noted in the docs."""
    mentors = [list(r) for r in example.rows["mentor"]]
    mentees = [list(r) for r in example.rows["mentee"]]
    m = {h: i for i, h in enumerate(MENTOR_HEADERS)}
    a = {h: i for i, h in enumerate(MENTEE_HEADERS)}
    # Fine once cleaned: spaces, a non-breaking space and capitals around an address; a number
    # written in words; a season in other words; "about 10 years"; a date typed as a serial number.
    mentors[0][m["E-post"]] = f"  {mentors[0][m['E-post']].upper()}\u00a0"
    mentors[1][m["Antal adepter"]] = "två"
    mentors[2][m["Önskad start (höst/vår/valfri)"]] = "Hösten" if example.cohort.track == "autumn" else "Våren"
    mentors[3][m["Erfarenhet (år)"]] = "ca 10 år"
    # To fix: a cut-off address, no consent, no mentees, an unknown start, text for years, no name.
    mentors[4][m["E-post"]] = mentors[4][m["E-post"]].split("@")[0] + "@"
    mentors[5][m["Samtycke"]] = ""
    mentors[6][m["Antal adepter"]] = 0
    mentors[7][m["Önskad start (höst/vår/valfri)"]] = "sommar"
    mentors[8][m["Erfarenhet (år)"]] = "många"
    mentors[9][m["Namn"]] = ""
    # The same person twice, and a row shifted one column to the right.
    mentors.append(list(mentors[10]))
    mentors[11] = [""] + mentors[11]
    # A mentee who also signed up as a mentor; a mentee with a wish the form never offered.
    mentees[0][a["E-post"]] = mentors[12][m["E-post"]]
    mentees[1][a["Önskemål om mentorns kön"]] = "helst någon äldre"
    mentees[2][a["E-post"]] = "\u00a0" + mentees[2][a["E-post"]].replace("@", " @")
    mentees[3][a["Önskad start (höst/vår/valfri)"]] = 46296.0  # 2026-10-01 as Excel counts days
    mentees[4][a["Samtycke"]] = "Jag samtycker till att mina uppgifter sparas"
    season = "hösten" if example.cohort.track == "autumn" else "våren"
    return workbook({"Mentorer": (MENTOR_HEADERS, mentors), "Adepter": (MENTEE_HEADERS, mentees)},
                    title_rows=(f"Anmälningar till mentorskapsprogrammet, {season} {example.cohort.year}",
                                "Exporterat från anmälningsformuläret", ""))


def load_example_participants(store: Store, programme: Programme, today: dt.date, seed: int = SEED) -> dict:
    """Put example participants for the two cohorts of today's programme year into the register,
    through the same reading, validation and commit as an upload, and mark the people it makes as
    examples (the overview can clear them again); someone already in the register stays the
    coordinator's own. Loading twice changes nothing. Returns the number of participations
    stored and the cohorts."""
    year = programme_year_of(today)
    stored = 0
    for example in example_sheets(year, seed):
        upload = read_upload(example_workbook(example), f"exempel-{example.cohort.id}.xlsx")
        sheets = mapped_sheets(store, upload.sheets)
        report = check(store, sheets, example.cohort.id, example.cohort.id)
        emails = {row[2].strip().lower() for rows in example.rows.values() for row in rows}
        already = set(store.known(emails))
        commit(store, report.valid)
        store.mark_examples(emails - already)
        stored += len(report.valid)
    return {"count": stored, "cohorts": [c.id for c in cohorts_of_programme_year(year)]}
