"""Sign-up files for the participant tests, made in the test (no committed binaries): workbooks
written with openpyxl, CSV text in a chosen encoding, an OpenDocument sheet, an encrypted
workbook."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

from sqlalchemy import insert

from core.people.examples import workbook
from core.store import schema

MENTOR_HEADERS = ("Namn", "E-post", "Organisation", "Förvaltning/Avdelning", "Befattning", "Ort", "Språk",
                  "Kompetensområden", "Bransch/Sektor", "Erfarenhet (år)", "Önskad start (höst/vår/valfri)", "Kön",
                  "Antal adepter", "Samtycke", "Motivering")
MENTEE_HEADERS = ("Namn", "E-post", "Organisation", "Förvaltning/Avdelning", "Befattning", "Ort", "Språk",
                  "Utvecklingsområden", "Bransch/Sektor", "Erfarenhet (år)", "Önskad start (höst/vår/valfri)", "Kön",
                  "Önskemål om mentorns kön", "Önskar mentor från samma bransch / annan bransch", "Samtycke")


def mentor(n: int, **changes) -> list:
    row = dict(zip(MENTOR_HEADERS, (
        f"Mentor Nummer{n}", f"mentor{n}@region.example", "Region Norrland", "Regionservice", "Enhetschef",
        "Sundsvall", "Svenska, engelska", "ledarskap; kommunikation", "Offentlig förvaltning", 15, "höst",
        "Kvinna", 1, "Ja", "Vill ge tillbaka"), strict=True))
    row.update(changes)
    return list(row.values())


def mentee(n: int, **changes) -> list:
    row = dict(zip(MENTEE_HEADERS, (
        f"Adept Nummer{n}", f"adept{n}@kommun.example", "Sundsvalls kommun", "Socialtjänsten", "Handläggare",
        "Timrå", "Svenska", "ledarskap, projektledning", "Offentlig förvaltning", 3, "valfri", "Man",
        "Ingen preferens", "Annan bransch", "Ja"), strict=True))
    row.update(changes)
    return list(row.values())


def signup_workbook(mentors: Sequence[Sequence] = (), mentees: Sequence[Sequence] = (),
                    title_rows: Sequence[str] = ()) -> bytes:
    sheets = {}
    if mentors:
        sheets["Mentorer"] = (MENTOR_HEADERS, mentors)
    if mentees:
        sheets["Adepter"] = (MENTEE_HEADERS, mentees)
    return workbook(sheets, title_rows)


def csv_text(headers: Sequence[str], rows: Sequence[Sequence], delimiter: str = ";") -> str:
    """CSV as Excel saves it: a value holding the delimiter is quoted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return buffer.getvalue()


def ods(headers: Sequence[str], rows: Sequence[Sequence], sheet: str = "Adepter") -> bytes:
    """A minimal OpenDocument spreadsheet, as LibreOffice would save it."""
    def cell(value) -> str:
        if isinstance(value, (int, float)):
            return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p>' \
                   "</table:table-cell>"
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'

    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
                   for row in [list(headers), *rows])
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{sheet}">{body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>")
    return ods_package(content)


def encrypted(data: bytes, password: str = "hemligt") -> bytes:
    """The workbook protected with a password the way Excel does it (an OLE2 file holding an
    EncryptedPackage)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(password, out)
    return out.getvalue()


def add_matching_rows(store, mentor_id: int, mentee_id: int, more_pairs=(), accept: bool = False) -> int:
    """A pin and a run with the pair (and `more_pairs`), accepted as the cohort's pairs if asked
    (which makes its people "matched", as the matching page does)."""
    pairs = [(mentor_id, mentee_id), *more_pairs]
    with store.transaction() as connection:
        connection.execute(insert(schema.match_constraints).values(
            cohort_id="autumn-2026", mentor_person_id=mentor_id, mentee_person_id=mentee_id, kind="pin"))
        run = connection.execute(insert(schema.match_runs).values(
            cohort_id="autumn-2026", created_at=dt.datetime(2026, 9, 1), objective="total", settings={},
            constraints=[], notices=[], pair_count=len(pairs), unmatched_count=0,
            total_score=0.8)).inserted_primary_key[0]
        for mentor, mentee in pairs:
            connection.execute(insert(schema.match_pairs).values(
                run_id=run, mentor_person_id=mentor, mentee_person_id=mentee, score=0.8, reasons=[]))
    if accept:
        store.accept_run("autumn-2026", run)
    return run


def ods_package(content: str) -> bytes:
    """An OpenDocument spreadsheet file around its content.xml."""
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
