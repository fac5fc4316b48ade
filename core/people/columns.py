"""The sign-up sheet's columns: the fields Mentorplan keeps about a participant, the Swedish and
English headers that name them, and the mapping of a sheet's headers to those fields.

A header is compared the way a person reads it: case, accents, spacing and punctuation do not
count ("E-post", "e post", "EPOST" are one header). A header that is not one of the known names is
tried against short word patterns ("Vilket språk talar du?" names the languages), most specific
field first, so that "Önskemål om mentorns kön" is the mentee's wish and not their own gender."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

ROLES = ("mentor", "mentee")
STATUSES = ("applied", "matched", "waiting", "withdrawn")
EXTRA = "extra"    # a column we do not know: kept with the participation, under its header
IGNORE = "ignore"  # a column the coordinator chose to leave out

# Where each field is kept: on the person (one e-mail address across cohorts) or on their
# participation in a cohort. The store's columns carry the same names.
PERSON_FIELDS = ("email", "name", "phone", "organisation", "department", "title", "town",
                 "languages", "gender")
PARTICIPATION_FIELDS = ("status", "competences", "goals", "sector", "sector_preference",
                        "experience_years", "start_preference", "gender_preference", "capacity",
                        "consent", "motivation", "same_org_allowed")


@dataclass(frozen=True)
class Field:
    """A field a column can hold. `aliases` are whole headers; `patterns` are groups of words that
    must all appear in a longer header (a word of four letters or more also matches as the start
    of a longer word: "utveckl" finds "Utvecklingsområden"); a word with "!" must not appear."""
    id: str
    aliases: tuple[str, ...]
    patterns: tuple[tuple[str, ...], ...] = ()


def _field(id: str, aliases: str, patterns: str = "") -> Field:
    return Field(id, tuple(a.strip() for a in aliases.split("|")),
                 tuple(tuple(p.split()) for p in patterns.split("|") if p.strip()))


# In the order patterns are tried: a field whose words include another's comes first.
FIELDS: tuple[Field, ...] = (
    # When a form tool sent the sign-up in (Microsoft Forms, Google Forms, SurveyMonkey, Typeform):
    # kept to tell two sign-ups of one person apart, never read as a preference.
    _field("submitted_at", "Tid för slutförande|Completion time|Timestamp|Tidstämpel|Tidsstämpel|Submitted At|"
           "Submit Date (UTC)|End Date|Slutdatum|Inskickat|Submission time|Svarstid"),
    _field("email", "E-post|E-postadress|Epost|Email|E-mail|E-mail address|Email address|Mejl|"
           "Mejladress|Mail|Mailadress|Din e-post|Your e-mail",
           "epost|email|mejl|mail"),
    _field("phone", "Telefon|Telefonnummer|Tel|Tel nr|Mobil|Mobilnummer|Mobiltelefon|Phone|"
           "Phone number|Mobile|Mobile phone",
           "telefon|mobil|phone|mobile"),
    _field("same_org_allowed", "Samma organisation|Samma organisation ok|Same organisation|"
           "Same organization|Same organisation allowed",
           "samma organisation|same organisation|same organization|samma arbetsgivare|"
           "same employer|egna organisation|own organisation|own organization"),
    _field("sector_preference", "Önskar mentor från samma bransch / annan bransch|"
           "Sector preference|Branschönskemål|Önskad bransch hos mentorn",
           "samma bransch|annan bransch|same sector|other sector|another sector|"
           "same industry|other industry|sector preference|branschonskemal|"
           "onskad bransch|bransch mentor|sector mentor"),
    _field("organisation", "Organisation|Organization|Org|Arbetsgivare|Employer|Företag|Company|"
           "Myndighet|Arbetsplats|Workplace|Förvaltning/bolag",
           "organisation|organization|arbetsgivare|employer|foretag|company|arbetsplats|"
           "workplace|myndighet|where work|var arbetar|var jobbar"),
    _field("department", "Förvaltning|Avdelning|Förvaltning/avdelning|Enhet|Department|Unit|"
           "Division|Section|Sektion",
           "forvaltning|avdelning|enhet|department|unit|division|sektion|section"),
    _field("experience_years", "Erfarenhet|Erfarenhet (år)|År av erfarenhet|Antal år i yrket|"
           "Yrkeserfarenhet|Experience|Experience (years)|Years of experience|Years",
           "erfarenhet|experience|antal ar|manga ar|years|yrkesverksam"),
    _field("title", "Befattning|Titel|Yrkestitel|Tjänst|Title|Job title|Position|Role at work",
           "befattning|titel|title|yrkestitel|tjanst|position|job"),
    _field("town", "Ort|Stad|Hemort|Arbetsort|Bostadsort|Town|City|Location",
           "ort|stad|hemort|arbetsort|bostadsort|town|city|location"),
    _field("languages", "Språk|Språkkunskaper|Languages|Language|Spoken languages",
           "sprak|language"),
    _field("gender_preference", "Önskemål om mentorns kön|Mentorns kön|Önskat kön på mentor|"
           "Preferred mentor gender|Mentor gender|Gender of mentor",
           "kon mentor|kon onsk|gender mentor|gender prefer"),
    _field("gender", "Kön|Könstillhörighet|Gender|Sex", "kon|gender|konstillhorighet"),
    _field("sector", "Bransch|Sektor|Bransch/sektor|Sector|Industry|Verksamhetsområde",
           "bransch|sektor|sector|industry"),
    _field("capacity", "Antal adepter|Kapacitet|Capacity|Number of mentees|Antal mentees|"
           "Max antal adepter|How many mentees|Max mentees|Max adepter|Antal platser|Number of places",
           "antal adept|kapacitet|capacity|number mentee|many mentee|manga adept|max adept|max mentee|"
           "mentees could|adepter kan|platser adept|places mentee"),
    _field("start_preference", "Önskad start|Start|Önskad programstart|Preferred start|"
           "Start preference|Når vill du starta",
           "start|programstart|borja|begin"),
    _field("consent", "Samtycke|Consent|GDPR|Samtycke GDPR|Personuppgifter|Jag samtycker",
           "samtyck|consent|gdpr|personuppgift|godkanner|agree storing|agree store|lagra"),
    _field("motivation", "Motivering|Motivation|Varför vill du vara med|Why", "motiver|motivation|varfor|why"),
    _field("competences", "Kompetensområden|Kompetens|Kompetenser|Competences|Competencies|"
           "Skills|Expertise|Areas of expertise",
           "kompetens|competen|skill|expertis|omraden erfarenhet|dela erfarenhet|share experience|"
           "areas experience|kunskap|knowledge"),
    _field("goals", "Utvecklingsområden|Utvecklingsområde|Mål|Utvecklingsmål|Goals|"
           "Development areas|Development goals",
           "utveckl|mal|goal|develop|lara|learn"),
    _field("role", "Roll|Role|Deltagartyp|Mentor eller adept|Mentor/adept|Mentor/mentee",
           "roll|role|mentor adept|mentor mentee|deltagartyp|join as|delta som|anmaler mig som|sign up as"),
    _field("cohort", "Kohort|Cohort|Omgång|Programomgång", "kohort|cohort|omgang"),
    # First and last name before the name, which would otherwise take "Your first name".
    _field("first_name", "Förnamn|First name|Given name|Tilltalsnamn",
           "fornamn !efternamn|first name !last|given name"),
    _field("last_name", "Efternamn|Last name|Surname|Family name",
           "efternamn !fornamn|last name !first|surname|family name"),
    _field("name", "Namn|Name|Fullständigt namn|Full name|För- och efternamn|"
           "Förnamn och efternamn|Förnamn + efternamn|First and last name",
           "fornamn efternamn|first last name|fullstandigt namn|full name|namn|name"),
)
FIELD_IDS = tuple(f.id for f in FIELDS)
# Fields only one role's sign-up form asks for: how many mentees a mentor takes; the mentee's
# wishes for their mentor. A sheet read as one role with only the other's is likely the wrong file.
ROLE_ONLY_FIELDS = {"mentor": ("capacity",), "mentee": ("gender_preference", "sector_preference")}
TARGETS = FIELD_IDS + (EXTRA, IGNORE)

# The column of "what to fix" that an export of invalid rows carries; left out when the fixed
# sheet comes back.
FIX_HEADERS = ("Att rätta (ignoreras vid import)", "To fix (ignored on import)")
# The form tools' own columns, left out: response ids, when the form was opened or last changed,
# the responder's network address, quiz points. Those that are moments are left out only when their
# values are moments (a question "Start date" in a form of one's own is a preference).
FORM_TOOL_IDS = ("ID", "Respondent ID", "Collector ID", "Network ID", "IP Address", "IP-adress", "Response ID",
                 "Svars-ID", "Custom Data 1", "Response Type", "Tags", "Poäng", "Score", "Total points", "Points",
                 "Quiz feedback", "Feedback", "#")
FORM_TOOL_MOMENTS = ("Starttid", "Start time", "Senast ändrad", "Tid för senaste ändring", "Last modified time",
                     "Start Date", "Start Date (UTC)", "Stage Date (UTC)", "Startdatum")


def normalise_header(text: object) -> str:
    """A header as words without case, accents or punctuation: "Förvaltning/Avdelning" →
    "forvaltning avdelning". Hyphens and apostrophes join ("E-post" → "epost")."""
    decomposed = unicodedata.normalize("NFKD", str(text)).casefold()
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = re.sub(r"[-‐‑–'’´`]", "", plain)
    return " ".join(re.sub(r"[\W_]+", " ", plain).split())


def header_key(text: object) -> str:
    """The header with its spaces removed too, the form aliases are compared in."""
    return normalise_header(text).replace(" ", "")


_ALIASES: dict[str, str] = {}
for _f in FIELDS:
    for _alias in _f.aliases:
        _ALIASES.setdefault(header_key(_alias), _f.id)
for _fix in FIX_HEADERS:
    _ALIASES[header_key(_fix)] = IGNORE
_FORM_TOOL_IDS = {header_key(h) or h for h in FORM_TOOL_IDS}
_FORM_TOOL_MOMENTS = {header_key(h) for h in FORM_TOOL_MOMENTS}


def alias_of(header: object) -> str | None:
    """The target a whole header names: a field's alias, or IGNORE for a form tool's id column and
    our own what-to-fix column. (A form tool's moment columns: see is_form_tool_moment.)"""
    key = header_key(header)
    if key in _ALIASES:
        return _ALIASES[key]
    if (key or str(header).strip()) in _FORM_TOOL_IDS:
        return IGNORE
    return None


def is_form_tool_moment(header: object) -> bool:
    return header_key(header) in _FORM_TOOL_MOMENTS


def pattern_matches(field: Field, normalised_header: str) -> bool:
    words = normalised_header.split()
    return any(_matches(words, p) for p in field.patterns)


def _word_matches(pattern_word: str, word: str) -> bool:
    return word.startswith(pattern_word) if len(pattern_word) >= 4 else word == pattern_word


def _matches(words: Sequence[str], pattern: Sequence[str]) -> bool:
    """Every word of the pattern is in the header, and none of its "!words"."""
    return all(any(_word_matches(p.lstrip("!"), w) for w in words) != p.startswith("!")
               for p in pattern)


@lru_cache(maxsize=4096)
def recognise(header: object) -> str | None:
    """The field a header names on its own, or None: first as a whole, then by its words."""
    key = header_key(header)
    if not key:
        return None
    if key in _ALIASES:
        return _ALIASES[key]
    words = normalise_header(header).split()
    for field in FIELDS:
        if any(_matches(words, p) for p in field.patterns):
            return field.id
    return None


def header_score(row: Sequence[object], known: Mapping[str, str] | None = None) -> int:
    """How much a row looks like a header: the number of different fields its cells name."""
    found = set()
    for cell in row:
        if not isinstance(cell, str) or not cell.strip() or "@" in cell or len(cell) > 150:
            continue  # not a header: empty, a number or date, an address, a paragraph
        field = (known or {}).get(header_key(cell)) or recognise(cell)
        if field and field not in (EXTRA, IGNORE):
            found.add(field)
    return len(found)


def signature(headers: Iterable[str]) -> str:
    """What identifies "a file with the same headers": its headers as keys, in any order, without
    the what-to-fix column of our own exports."""
    keys = sorted({header_key(h) for h in headers if header_key(h)} - {header_key(h) for h in FIX_HEADERS})
    return hashlib.sha256("\n".join(keys).encode()).hexdigest()


def check_mapping(mapping: Sequence[str]) -> list[str]:
    """The fields chosen for more than one column (each field can come from one column only)."""
    seen: dict[str, int] = {}
    for target in mapping:
        if target not in (EXTRA, IGNORE):
            seen[target] = seen.get(target, 0) + 1
    return [field for field, count in seen.items() if count > 1]


def column_letter(index: int) -> str:
    """The spreadsheet's name of a column: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def changed_fields(old: Mapping[Any, Any], new: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """The fields of `new` whose value differs from `old`'s, as (old, new). Empty text and a
    missing value are the same; so are 3 and 3.0."""
    def same(a: Any, b: Any) -> bool:
        if a in (None, "") and b in (None, ""):
            return True
        if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
            return list(a) == list(b)
        return a == b

    return {key: (old.get(key), value) for key, value in new.items() if not same(old.get(key), value)}
