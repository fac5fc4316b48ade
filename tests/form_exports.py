"""Sign-up exports as the form tools write them, built here (nothing binary is committed):
Microsoft Forms (.xlsx, Swedish and English), Google Forms (.csv, English and Swedish),
SurveyMonkey and Typeform (.csv). Each has the tool's own metadata columns, long question headers,
multi-choice answers in the tool's way ("A;B;" or "A, B"), one refused consent and one person
who sent the form twice."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl

MENTORS = [  # name, e-mail, organisation, title, competences, years, places, start, gender
    ("Anna Svensson", "anna.svensson@kommunen.example", "Kommunen", "Enhetschef", ["Ledarskap", "Projektledning"],
     14, 2, "Hösten", "Kvinna"),
    ("Bo Lind", "bo.lind@regionen.example", "Regionen", "Controller", ["Ekonomi", "Budget"], 8, 1, "Valfri", "Man"),
    ("Cecilia Ek", "cecilia.ek@bolaget.example", "Bolaget AB", "HR-chef", ["Rekrytering", "Ledarskap"], 20, 3,
     "Hösten", "Kvinna"),
    ("Anders Eriksson", "anders.eriksson@kommunen.example", "Kommunen", "IT-strateg", ["Digitalisering"], 11, 2,
     "Valfri", "Man"),
]
MENTEES = [  # name, e-mail, organisation, title, goals, start, wish
    ("Dina Haddad", "dina.haddad@kommunen.example", "Kommunen", "Handläggare", ["Ledarskap", "Kommunikation"],
     "Hösten", "Ingen preferens"),
    ("Erik Nord", "erik.nord@bolaget.example", "Bolaget AB", "Ekonom", ["Budget"], "Hösten", "Man"),
    ("Anders Eriksson", "anders.e@regionen.example", "Regionen", "Sjuksköterska", ["Ledarskap"], "Valfri",
     "Kvinna"),
]
EN = {"Hösten": "Autumn", "Valfri": "Any", "Kvinna": "Woman", "Man": "Man", "Ingen preferens": "No preference",
      "Ledarskap": "Leadership", "Projektledning": "Project management", "Ekonomi": "Finance",
      "Budget": "Budgeting", "Rekrytering": "Recruitment", "Digitalisering": "Digitalisation",
      "Kommunikation": "Communication"}
SENT = dt.datetime(2026, 8, 20, 9, 14, 5)


def _workbook(headers: list[str], rows: list[list[object]], sheet: str) -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(headers)
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _csv(headers: list[str], rows: list[list[object]], delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def microsoft_forms(lang: str = "sv") -> bytes:
    """Microsoft Forms: ID, Starttid, Tid för slutförande, E-post, Namn, Senast ändrad, then one
    column per question; multi-choice as "A;B;"; a date-time a cell. Mentors and mentees in one
    form, told apart by a question. Bo Lind sends the form twice (the later answer says 2 places)."""
    sv = lang == "sv"
    word = (lambda w: w) if sv else (lambda w: EN.get(w, w))
    headers = (["ID", "Starttid", "Tid för slutförande", "E-post", "Namn", "Senast ändrad"] if sv else
               ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"])
    headers += (["Vill du vara mentor eller adept?", "Organisation", "Befattning",
                 "Inom vilka områden kan du dela med dig av din erfarenhet?",
                 "Hur många år har du arbetat i yrket?", "Hur många adepter kan du ta emot?",
                 "Inom vilka områden vill du utvecklas?", "När vill du börja?", "Kön",
                 "Önskemål om mentorns kön", "Jag godkänner att mina personuppgifter behandlas för programmet"]
                if sv else
                ["Do you want to be a mentor or a mentee?", "Organisation", "Job title",
                 "In which areas can you share your experience?", "How many years have you worked in your field?",
                 "How many mentees can you take on?", "Which areas do you want to develop?",
                 "When do you want to start?", "Gender", "Preferred mentor gender",
                 "I consent to my personal data being processed for the programme"])
    rows: list[list[object]] = []

    def meta(n: int, email: str, name: str, minutes: int) -> list[object]:
        sent = SENT + dt.timedelta(minutes=minutes)
        return [n, sent - dt.timedelta(minutes=4), sent, email, name, None]

    for n, (name, email, org, title, comp, years, places, start, gender) in enumerate(MENTORS, 1):
        rows.append(meta(n, email, name, n * 7) + ["Mentor", org, title, "".join(f"{word(c)};" for c in comp),
                                                    years, places, None, word(start), word(gender), None,
                                                    "Ja" if sv else "Yes"])
    # Bo Lind again, a day later, now with two places.
    again = list(rows[1])
    again[:3] = [len(rows) + 1, SENT + dt.timedelta(days=1), SENT + dt.timedelta(days=1, minutes=3)]
    again[11] = 2
    rows.append(again)
    for n, (name, email, org, title, goals, start, wish) in enumerate(MENTEES, len(rows) + 1):
        consent = ("Nej" if sv else "No") if name == "Erik Nord" else ("Ja" if sv else "Yes")
        rows.append(meta(n, email, name, n * 5) + ["Adept" if sv else "Mentee", org, title, None, None, None,
                                                    "".join(f"{word(g)};" for g in goals), word(start), None,
                                                    word(wish), consent])
    return _workbook(headers, rows, "Form1" if not sv else "Formulär1")


def google_forms(lang: str = "en") -> bytes:
    """Google Forms' CSV: Timestamp, Email Address, then the questions; multi-choice "A, B";
    the role a question "I want to join as" with the answers Mentor/Mentee."""
    en = lang == "en"
    word = (lambda w: EN.get(w, w)) if en else (lambda w: w)
    headers = (["Timestamp", "Email Address", "Full name", "Organisation", "I want to join as",
                "How many mentees could you take on?", "Which areas can you share your experience in?",
                "Years of experience", "What would you like to develop?", "Preferred start",
                "I consent to the programme keeping my data"]
               if en else
               ["Tidstämpel", "E-postadress", "Namn", "Organisation", "Jag anmäler mig som",
                "Hur många adepter kan du ta emot?", "Inom vilka områden kan du dela med dig av din erfarenhet?",
                "Antal år i yrket", "Vad vill du utveckla?", "Önskad start",
                "Jag samtycker till att uppgifterna sparas"])
    rows = []
    for n, (name, email, org, _title, comp, years, places, start, _gender) in enumerate(MENTORS):
        stamp = (SENT + dt.timedelta(hours=n)).strftime("%Y/%m/%d %I:%M:%S %p") + " GMT+2"
        rows.append([stamp, email, name, org, "Mentor", places, ", ".join(word(c) for c in comp), years, "",
                     word(start), "Yes" if en else "Ja"])
    for n, (name, email, org, _title, goals, start, _wish) in enumerate(MENTEES):
        stamp = (SENT + dt.timedelta(hours=n, minutes=30)).strftime("%Y/%m/%d %I:%M:%S %p") + " GMT+2"
        consent = ("No" if en else "Nej") if name == "Erik Nord" else ("Yes" if en else "Ja")
        rows.append([stamp, email, name, org, "Mentee" if en else "Adept", "", "", "",
                     ", ".join(word(g) for g in goals), word(start), consent])
    return _csv(headers, rows)


def surveymonkey() -> bytes:
    """SurveyMonkey's CSV (responses as rows, one header row): ids, start and end dates, the
    network address, then the questions."""
    headers = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
               "First Name", "Last Name", "Custom Data 1", "Role in the programme", "Organization",
               "Max mentees", "Areas of expertise", "Consent"]
    rows = []
    for n, (name, email, org, _t, comp, _y, places, _s, _g) in enumerate(MENTORS):
        first, last = name.split(" ", 1)
        start = (SENT + dt.timedelta(hours=n)).strftime("%m/%d/%Y %I:%M:%S %p")
        end = (SENT + dt.timedelta(hours=n, minutes=6)).strftime("%m/%d/%Y %I:%M:%S %p")
        rows.append([11800000000 + n, 4020000, start, end, "192.0.2.10", email, first, last, "", "Mentor", org,
                     places, "; ".join(EN.get(c, c) for c in comp), "Yes"])
    return _csv(headers, rows)


def typeform() -> bytes:
    """Typeform's CSV: "#" (the response token), the questions, then Start Date (UTC), Submit Date
    (UTC) and Network ID."""
    headers = ["#", "What's your name?", "And your work e-mail?", "Where do you work?", "Are you a mentor or a mentee?",
               "What would you like to develop?", "Do you agree to us storing your answers?", "Start Date (UTC)",
               "Submit Date (UTC)", "Network ID"]
    rows = []
    for n, (name, email, org, _t, goals, _s, _w) in enumerate(MENTEES):
        start = (SENT + dt.timedelta(hours=n)).strftime("%Y-%m-%d %H:%M:%S")
        end = (SENT + dt.timedelta(hours=n, minutes=3)).strftime("%Y-%m-%d %H:%M:%S")
        consent = "0" if name == "Erik Nord" else "1"
        rows.append([f"k3j4h5{n}x", name, email, org, "Mentee", ",".join(EN.get(g, g) for g in goals), consent, start,
                     end, f"9f8e7d{n}"])
    return _csv(headers, rows)
