"""From the cells of a sign-up sheet to clean participant records, with a complaint in plain
words for every cell that cannot be used. The same cleaning checks the coordinator's edits in the
register, so that a value is accepted or refused the same way wherever it comes from.

Canonical values (what the store keeps and matching reads): e-mail lowercased and stripped;
`languages` ISO 639-1 codes where recognised; `competences`/`goals` lists of tags as written;
`gender`/`gender_preference` "woman" | "man" | "other" | ""; `start_preference` "autumn" |
"spring" | "any"; `sector_preference` "same" | "other" | ""; `capacity` a whole number ≥ 1."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from babel import Locale

from core.calendar.programme import Cohort
from core.people.columns import EXTRA, IGNORE, STATUSES, column_letter, header_key, normalise_header
from core.people.reading import Cell, Sheet, excel_date
from core.platform.i18n import t

# The longest text each stored column takes (core/store/schema.py).
MAX_LENGTH = {"email": 254, "name": 200, "phone": 64, "organisation": 200, "department": 200,
              "title": 200, "town": 100, "sector": 100}
MAX_CAPACITY = 10
MAX_EXPERIENCE = 70
MAX_REFERENCES = 3  # other rows named in one complaint


class Invalid(ValueError):
    """A value a field cannot take: `code` names the complaint (a validation.* label)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


# -- Words in messages that depend on the language --------------------------------------------

@dataclass(frozen=True)
class Label:
    """A message parameter that is itself a label: a role, a field, a preference."""
    key: str

    def format(self, lang: str) -> str:
        return t(self.key, lang)


@dataclass(frozen=True)
class Rows:
    """Other rows a message refers to: "rad 14", or "Adepter rad 14" when on another sheet
    ("b.xlsx › Adepter rad 14" when the check covers several files); sheets by their place."""
    refs: tuple[tuple[str, int], ...]
    sheet: str

    def format(self, lang: str) -> str:
        return ", ".join(t("validation.row_ref", lang, row=row) if sheet == self.sheet
                         else t("validation.row_ref_sheet", lang, sheet=sheet, row=row)
                         for sheet, row in self.refs)


@dataclass(frozen=True)
class Issue:
    """One complaint: where (sheet, row, column as the file names it) and what. `sheet` is the
    sheet's place (see sheet_place): its name, with the file's when the check covers several
    files; `source` is the file."""
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    sheet: str = ""
    row: int | None = None
    column: str | Label | None = None
    severity: str = "error"  # error: the row cannot be imported | warning: it can, but look
    source: str = ""

    def text(self, lang: str) -> str:
        params = {k: (v.format(lang) if isinstance(v, (Label, Rows)) else v) for k, v in self.params.items()}
        return t(self.code, lang, **params)

    def message(self, lang: str) -> str:
        """ "Rad 14, E-post: 'anna.svensson@' är ingen giltig adress." """
        text = self.text(lang)
        column = self.column.format(lang) if isinstance(self.column, Label) else self.column
        if self.row is not None and column:
            return t("validation.at_row_column", lang, row=self.row, column=column, text=text)
        if self.row is not None:
            return t("validation.at_row", lang, row=self.row, text=text)
        if column:
            return t("validation.at_column", lang, column=column, text=text)
        return text


# -- Cleaning one value ------------------------------------------------------------------------

_EDGE_SPACE = " \t\r\n\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@")


def text(value: Cell) -> str:
    """A cell as one line of text: spaces (non-breaking too) trimmed and runs of them made one;
    numbers without a needless ".0"; dates as YYYY-MM-DD. The apostrophe that our own exports
    put before a formula-like value ("'+46 70…") is taken away again."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    result = " ".join(str(value).replace("\u00a0", " ").split()).strip(_EDGE_SPACE)
    if result.startswith("'") and result[1:2] and result[1] in _FORMULA_STARTS:
        result = result[1:]
    return result


def _words(value: Cell) -> list[str]:
    return normalise_header(text(value)).split()


_EMAIL = re.compile(
    r"(?P<local>[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*)"
    r"@(?P<domain>(?:[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?\.)+(?:[^\W\d_]{2,63}|xn--[a-z0-9-]{1,59}))")


def clean_email(value: Cell) -> str:
    """An address as stored: trimmed (non-breaking and zero-width spaces too), without a
    "mailto:" or angle brackets, lowercased. Not yet checked: see valid_email."""
    address = str(value if value is not None else "").strip(_EDGE_SPACE + " ")
    address = address.strip(_EDGE_SPACE)
    if address.lower().startswith("mailto:"):
        address = address[7:].strip(_EDGE_SPACE)
    if address.startswith("<") and address.endswith(">"):
        address = address[1:-1].strip(_EDGE_SPACE)
    return address.lower()


def valid_email(address: str) -> bool:
    match = _EMAIL.fullmatch(address)
    return bool(match) and len(address) <= 254 and len(match["local"]) <= 64


def check_email(value: Cell) -> str:
    address = clean_email(value)
    if not address:
        raise Invalid("validation.email_missing")
    if not valid_email(address):
        raise Invalid("validation.email_invalid", value=_shown(value))
    return address


def _shown(value: Cell) -> str:
    shown = text(value) if not isinstance(value, str) else value.strip(_EDGE_SPACE)
    return shown if len(shown) <= 60 else shown[:57] + "…"


# Languages: names in Swedish and English from the CLDR (through Babel), and a few names people
# write that the CLDR does not use.
_LANGUAGE_SYNONYMS = {"farsi": "fa", "mandarin": "zh", "kantonesiska": "zh", "cantonese": "zh",
                      "svensk": "sv", "engelsk": "en", "samiska": "se", "sami": "se",
                      "arabic": "ar", "persiska": "fa", "norska": "no", "flamländska": "nl",
                      "holländska": "nl", "kurdiska sorani": "ku", "sorani": "ku", "kurmanji": "ku",
                      "somaliska": "so", "tigrinja": "ti"}


@lru_cache(maxsize=1)
def _language_codes() -> dict[str, str]:
    codes: dict[str, str] = {}
    for locale in ("sv", "en"):
        for code, name in Locale.parse(locale).languages.items():
            if len(code) == 2:
                codes.setdefault(header_key(name), code)
                codes.setdefault(code, code)
    for name, code in _LANGUAGE_SYNONYMS.items():
        codes[header_key(name)] = code
    return codes


_LIST_SPLIT = re.compile(r"[,;/\n\r•·]+")
_LANGUAGE_SPLIT = re.compile(r"[,;/\n\r•·+&]+|\s(?:och|and|samt|eller|or)\s", re.IGNORECASE)


def language_code(name: str) -> str:
    """ "Svenska", "Swedish", "SV", "sv-SE" → "sv"; a language the CLDR does not name is kept
    as written, lowercased ("meänkieli")."""
    cleaned = " ".join(name.split()).strip(" .-").casefold()
    key = header_key(cleaned)
    codes = _language_codes()
    if key in codes:
        return codes[key]
    regional = re.fullmatch(r"([a-z]{2})[-_][a-z]{2}", cleaned)
    if regional and regional[1] in codes:
        return codes[regional[1]]
    return cleaned


@lru_cache(maxsize=4096)
def clean_languages(value: Cell) -> list[str]:
    raw = re.sub(r"\([^)]*\)", " ", text_multiline(value))
    found: list[str] = []
    for part in _LANGUAGE_SPLIT.split(raw):
        if part.strip(_EDGE_SPACE + " .-"):
            code = language_code(part)
            if code and code not in found:
                found.append(code)
    return found


def text_multiline(value: Cell) -> str:
    if isinstance(value, str):
        return value.replace("\u00a0", " ").replace("\r\n", "\n")
    return text(value)


@lru_cache(maxsize=4096)
def clean_tags(value: Cell) -> list[str]:
    """Competences or goals: tags as written, split on , ; / and new lines, trimmed, each once."""
    tags: list[str] = []
    seen = set()
    for part in _LIST_SPLIT.split(text_multiline(value)):
        tag = re.sub(r"^[-*•]\s+", "", " ".join(part.split())).strip(_EDGE_SPACE + " .")
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tags


def _one_of(words: list[str], vocabulary: Iterable[str]) -> bool:
    vocabulary = set(vocabulary)
    return any(w in vocabulary for w in words)


_WOMAN = {"kvinna", "kvinnor", "kvinnlig", "kvinnliga", "k", "kv", "woman", "women", "female", "f", "w",
          "tjej", "dam"}
_MAN = {"man", "men", "manlig", "manliga", "m", "male", "kille", "herre"}
_OTHER = {"annat", "annan", "ickebinar", "icke", "binar", "nonbinary", "non", "binary", "other", "hen",
          "enby", "genderfluid", "ickebinara", "queer", "agender"}
_UNSAID = {"vill ej uppge", "vill inte uppge", "ej angivet", "inte angivet", "prefer not to say",
           "rather not say", "uppger ej", "okant", "unknown", "nej", "no", "ingen uppgift"}


@lru_cache(maxsize=1024)
def clean_gender(value: Cell) -> str:
    words = _words(value)
    phrase = " ".join(words)
    if not words or phrase in _UNSAID:
        return ""
    if _one_of(words, _OTHER):
        return "other"
    woman, man = _one_of(words, _WOMAN), _one_of(words, _MAN)
    if woman != man:
        return "woman" if woman else "man"
    raise Invalid("validation.gender_unknown", value=_shown(value))


_NO_PREFERENCE = ("ingen", "inget", "inga", "spelar ingen roll", "oviktigt", "valfri", "valfritt",
                  "no preference", "none", "doesnt matter", "does not matter", "dont mind", "any",
                  "either", "nej", "no", "egal", "oavsett", "bada", "both", "vilket som",
                  "ingen preferens", "inget onskemal", "inga onskemal", "n a", "na")


def _no_preference(words: list[str]) -> bool:
    phrase = " ".join(words)
    return (not words or phrase in _NO_PREFERENCE or "ingen roll" in phrase or "no preference" in phrase
            or "onskemal saknas" in phrase or phrase.startswith(("ingen ", "inget ", "inga ", "no ")))


@lru_cache(maxsize=1024)
def clean_gender_preference(value: Cell) -> str:
    """A mentee's wish for their mentor's gender: "" when there is none."""
    words = _words(value)
    if _no_preference(words):
        return ""
    woman, man, other = _one_of(words, _WOMAN), _one_of(words, _MAN), _one_of(words, _OTHER)
    if woman and man:  # "kvinna eller man"
        return ""
    if other and not (woman or man):
        return "other"
    if woman or man:
        return "woman" if woman else "man"
    raise Invalid("validation.gender_preference_unknown", value=_shown(value))


_AUTUMN = {"host", "hosten", "hoststart", "hostterminen", "ht", "autumn", "fall", "aug", "augusti",
           "august", "sep", "sept", "september", "septembermaj"}
_SPRING = {"var", "varen", "varstart", "varterminen", "vt", "spring", "jan", "januari", "january",
           "feb", "februari", "february", "januarinovember"}


def _track_words(words: list[str]) -> set[str]:
    tracks = set()
    for word in words:
        bare = re.sub(r"\d+$", "", word)  # "ht26", "vt2027", "autumn-2026"
        if word in _AUTUMN or bare in _AUTUMN or word.startswith("hoststart"):
            tracks.add("autumn")
        if word in _SPRING or bare in _SPRING or word.startswith("varstart"):
            tracks.add("spring")
    return tracks


@lru_cache(maxsize=1024)
def clean_start_preference(value: Cell) -> str:
    """ "Höst", "hösten", "HT", "autumn", "september" → autumn; "Vår", "VT", "spring", "januari"
    → spring; "valfri", "båda", "any", empty → any; a date → the start of its half of the year."""
    day = excel_date(value) if not isinstance(value, str) or re.search(r"\d{4}-\d|^\s*\d{5}", value) else None
    if day:
        return "autumn" if day.month >= 7 else "spring"
    words = _words(value)
    if _no_preference(words):
        return "any"
    tracks = _track_words(words)
    if len(tracks) == 1:
        return tracks.pop()
    if len(tracks) == 2:
        return "any"
    raise Invalid("validation.start_unknown", value=_shown(value))


@lru_cache(maxsize=1024)
def clean_sector_preference(value: Cell) -> str:
    words = _words(value)
    if not words:
        return ""
    same = _one_of(words, {"samma", "same", "lika", "egen", "own"})
    other = _one_of(words, {"annan", "annat", "andra", "other", "another", "different", "ny", "new"})
    if same != other:
        return "same" if same else "other"
    if _no_preference(words) or (same and other):
        return ""
    raise Invalid("validation.sector_preference_unknown", value=_shown(value))


_YES = {"ja", "j", "yes", "y", "x", "sant", "true", "1", "ok", "okej", "absolut", "garna", "visst",
        "kryss", "check", "checked", "✓", "✔", "☑"}
_NO = {"nej", "n", "no", "falskt", "false", "0", "inte", "ej", "not", "dont", "nope", "aldrig",
       "never"}


def _yes_no(value: Cell) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    raw = text(value)
    if raw in ("✓", "✔", "☑", "x", "X"):
        return True
    words = _words(value)
    if not words:
        return None
    if _one_of(words, _NO):
        return False
    if _one_of(words, _YES):
        return True
    return None


@lru_cache(maxsize=1024)
def clean_same_org_allowed(value: Cell) -> bool:
    if not _words(value) and not isinstance(value, (bool, int, float)):
        return False
    answer = _yes_no(value)
    if answer is None:
        raise Invalid("validation.yes_no_unknown", value=_shown(value))
    return answer


_CONSENT_WORDS = ("samtyck", "godkann", "medger", "medgiv", "agree", "consent", "accept", "approve",
                  "intygar")


@lru_cache(maxsize=1024)
def clean_consent(value: Cell) -> bool:
    """Consent must be given in the sheet: "Ja", "x", TRUE, or the form's sentence ("Jag
    samtycker till…"); empty or "nej" is no consent."""
    answer = _yes_no(value)
    if answer is None:
        words = _words(value)
        if not words:
            answer = False
        elif any(w.startswith(_CONSENT_WORDS) for w in words):
            answer = True
        else:
            raise Invalid("validation.consent_unclear", value=_shown(value))
    if not answer:
        raise Invalid("validation.consent_missing")
    return True


_NUMBER_WORDS = {"en": 1, "ett": 1, "one": 1, "tva": 2, "two": 2, "tre": 3, "three": 3, "fyra": 4,
                 "four": 4, "fem": 5, "five": 5, "sex": 6, "six": 6, "sju": 7, "seven": 7, "atta": 8,
                 "eight": 8, "nio": 9, "nine": 9, "tio": 10, "ten": 10}
_CAPACITY = re.compile(r"(?:max(?:imalt|imum)?\.?|upp till|up to|högst)?\s*(\d+)"
                       r"(?:\s*(?:st|stycken|adepter|adept|mentees?|personer|pers))?\.?", re.IGNORECASE)


def clean_capacity(value: Cell) -> int:
    """How many mentees a mentor takes: a whole number from 1; empty means 1."""
    if isinstance(value, bool):
        raise Invalid("validation.capacity_invalid", value=_shown(value))
    if isinstance(value, (int, float)):
        if isinstance(value, float) and (math.isnan(value) or not value.is_integer()):
            raise Invalid("validation.capacity_invalid", value=_shown(value))
        number = int(value)
    else:
        raw = text(value)
        if not raw:
            return 1
        words = _words(value)
        match = _CAPACITY.fullmatch(raw)
        if match:
            number = int(match[1])
        elif len(words) in (1, 2) and words[0] in _NUMBER_WORDS and \
                (len(words) == 1 or words[1] in ("st", "adepter", "adept", "mentees", "mentee")):
            number = _NUMBER_WORDS[words[0]]
        else:
            raise Invalid("validation.capacity_invalid", value=_shown(value))
    if number < 1:
        raise Invalid("validation.capacity_invalid", value=_shown(value))
    if number > MAX_CAPACITY:
        raise Invalid("validation.capacity_too_many", value=number, limit=MAX_CAPACITY)
    return number


_EXPERIENCE = re.compile(r"(?:ca\.?|cirka|ungefär|omkring|about|approx\.?|around|över|over|mer än|"
                         r"more than|drygt|>|~)?\s*(\d{1,3})(?:[.,](\d+))?\s*\+?\s*"
                         r"(?:år|ar|years?|yrs?\.?|y)?\.?", re.IGNORECASE)


def clean_experience(value: Cell) -> int | None:
    """Years of experience, a whole number (7.5 → 8); empty is unknown."""
    if isinstance(value, bool):
        raise Invalid("validation.experience_invalid", value=_shown(value))
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return None
        years = round(value)
    else:
        raw = text(value)
        if not raw:
            return None
        match = _EXPERIENCE.fullmatch(raw)
        if not match:
            words = _words(value)
            if len(words) in (1, 2) and words[0] in _NUMBER_WORDS and (len(words) == 1 or words[1] in
                                                                      ("ar", "years", "year")):
                return _NUMBER_WORDS[words[0]]
            raise Invalid("validation.experience_invalid", value=_shown(value))
        years = round(float(f"{match[1]}.{match[2] or 0}"))
    if not 0 <= years <= MAX_EXPERIENCE:
        raise Invalid("validation.experience_invalid", value=_shown(value))
    return years


_MENTOR_ROLE = {"mentor", "mentorer", "mentors", "handledare"}
_MENTEE_ROLE = {"adept", "adepter", "mentee", "mentees", "adepten"}


@lru_cache(maxsize=256)
def clean_role(value: Cell) -> str | None:
    """ "Mentor", "Jag vill bli mentor" → mentor; "Adept", "Mentee", "Jag vill ha en mentor"
    → mentee; empty → None."""
    words = _words(value)
    if not words:
        return None
    phrase = " ".join(words)
    if _one_of(words, _MENTEE_ROLE) or any(w.startswith("adept") for w in words) or \
            re.search(r"\b(ha|fa|fatt|have|get|find) (en |a )?mentor\b", phrase):
        return "mentee"
    if _one_of(words, _MENTOR_ROLE):
        return "mentor"
    raise Invalid("validation.role_unknown", value=_shown(value))


@lru_cache(maxsize=256)
def clean_cohort(value: Cell) -> str | None:
    """ "autumn-2026", "Höst 2026", "HT26", "vårstart 2027", "spring-2027", or a date → the
    cohort's id; empty → None."""
    raw = text(value)
    if not raw:
        return None
    day = excel_date(value)
    if day:
        return Cohort(day.year, "autumn" if day.month >= 7 else "spring").id
    words = _words(value)
    tracks = _track_words(words)
    years = [int(y) for y in re.findall(r"(?<!\d)(\d{4}|\d{2})(?!\d)", " ".join(words))]
    years = [y + 2000 if y < 100 else y for y in years]
    if len(tracks) == 1 and len(set(years)) == 1 and (cohort := Cohort(years[0], tracks.pop())).in_calendar:
        return cohort.id
    raise Invalid("validation.cohort_unknown", value=_shown(value))


_STATUS_WORDS = {"applied": ("applied", "anmald", "anmalan", "sokt"), "matched": ("matched", "matchad"),
                 "waiting": ("waiting", "vantar", "vantelista", "reserv"),
                 "withdrawn": ("withdrawn", "avhoppad", "aterkallad", "hoppat av", "avbrutit")}


def clean_status(value: Cell) -> str:
    phrase = " ".join(_words(value))
    for status, words in _STATUS_WORDS.items():
        if phrase in words:
            return status
    raise Invalid("validation.status_unknown", value=_shown(value), allowed=", ".join(STATUSES))


def extra_value(value: Cell) -> object:
    """A cell of a column we do not know, kept as JSON can hold it."""
    if isinstance(value, float):
        return None if math.isnan(value) else (int(value) if value.is_integer() else value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, (bool, int)):
        return value
    return text_multiline(value).strip(_EDGE_SPACE) or None


# -- Cleaning a record -------------------------------------------------------------------------

_CLEANERS = {
    "languages": clean_languages, "gender": clean_gender, "competences": clean_tags,
    "goals": clean_tags, "sector_preference": clean_sector_preference,
    "experience_years": clean_experience, "start_preference": clean_start_preference,
    "gender_preference": clean_gender_preference, "consent": clean_consent,
    "same_org_allowed": clean_same_org_allowed, "status": clean_status,
}


def clean_fields(values: Mapping[str, Cell], role: str, complete: bool = True
                 ) -> tuple[dict[str, Any], dict[str, Any], list[tuple[str, Invalid]]]:
    """The person's fields and the participation's fields from raw values by field id, and
    the problems, each with the field it is about. `complete` (an import) also asks for what a
    new participant must have: an e-mail, a name and consent; an edit checks what it changes."""
    person: dict[str, Any] = {}
    participation: dict[str, Any] = {}
    problems: list[tuple[str, Invalid]] = []

    def attempt(field_id: str, clean, raw: Cell) -> Any:
        try:
            return clean(raw)
        except Invalid as problem:
            problems.append((field_id, problem))
            return None

    if "email" in values or complete:
        person["email"] = attempt("email", check_email, values.get("email"))
    if any(f in values for f in ("name", "first_name", "last_name")) or complete:
        name = text(values.get("name"))
        if not name:
            name = " ".join(p for p in (text(values.get("first_name")), text(values.get("last_name"))) if p)
        if not name:
            problems.append(("name" if "name" in values or "first_name" not in values else "first_name",
                             Invalid("validation.name_missing")))
        person["name"] = name
    for field_id in ("phone", "organisation", "department", "title", "town"):
        if field_id in values:
            person[field_id] = text(values[field_id])
    for field_id in ("languages", "gender"):
        if field_id in values:
            person[field_id] = attempt(field_id, _CLEANERS[field_id], values[field_id])
    for field_id in ("sector", "motivation"):
        if field_id in values:
            participation[field_id] = (text(values[field_id]) if field_id == "sector"
                                       else text_multiline(values[field_id]).strip(_EDGE_SPACE))
    for field_id in ("competences", "goals", "sector_preference", "experience_years",
                     "start_preference", "gender_preference", "same_org_allowed", "status"):
        if field_id in values:
            participation[field_id] = attempt(field_id, _CLEANERS[field_id], values[field_id])
    if "capacity" in values and role == "mentor":
        participation["capacity"] = attempt("capacity", clean_capacity, values["capacity"])
    if "consent" in values or complete:
        participation["consent"] = attempt("consent", clean_consent, values.get("consent"))
    for field_id, limit in MAX_LENGTH.items():
        value = person.get(field_id, participation.get(field_id))
        if isinstance(value, str) and len(value) > limit:
            problems.append((field_id, Invalid("validation.too_long", limit=limit)))
    return person, participation, problems


# -- Validating sheets -------------------------------------------------------------------------

@dataclass(frozen=True)
class MappedSheet:
    """A sheet with the coordinator's mapping (a target per column) and, if chosen, a role for
    all its rows."""
    sheet: Sheet
    mapping: tuple[str, ...]
    role: str | None = None

    def column_of(self, field_id: str) -> int | None:
        return self.mapping.index(field_id) if field_id in self.mapping else None


@dataclass(frozen=True)
class Candidate:
    """A valid row, cleaned: who (e-mail), in which cohort and role, and the fields the file gave.
    `sheet` is the sheet's place (see sheet_place), `source` the file."""
    sheet: str
    row: int
    role: str
    cohort_id: str
    email: str
    person: Mapping[str, Any]
    participation: Mapping[str, Any]
    source: str = ""

    @property
    def name(self) -> str:
        return self.person.get("name", "")


@dataclass(frozen=True)
class InvalidRow:
    sheet: str  # the sheet's place (see sheet_place)
    row: int
    values: tuple[Cell, ...]
    issues: tuple[Issue, ...]
    source: str = ""


@dataclass
class Report:
    """What validation found: rows to import, rows to fix, and complaints in the file's order."""
    valid: list[Candidate]
    invalid: list[InvalidRow]
    issues: list[Issue]  # errors and warnings, for whole sheets first, then by row
    sheets: list[MappedSheet]

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    def summary(self) -> str:
        """The command line's last line, a contract: "18 valid, 2 invalid"."""
        return f"{len(self.valid)} valid, {len(self.invalid)} invalid"

    def place(self, sheet: Sheet) -> str:
        """The place of one of the checked sheets, as its rows and complaints name it."""
        return sheet_place(sheet, several_files(self.sheets))


def several_files(sheets: Iterable[MappedSheet]) -> bool:
    return len({m.sheet.source for m in sheets}) > 1


def sheet_place(sheet: Sheet, several: bool) -> str:
    """Where a sheet's rows are, as the coordinator reads it: the sheet's name ("Mentorer"), and
    the file's too ("b.xlsx › Mentorer") when the check covers several files, which may well
    have sheets of the same name. Rows and complaints are told apart by it."""
    return f"{sheet.source} › {sheet.name}" if several and sheet.source else sheet.name


def validate(sheets: Sequence[MappedSheet], default_cohort: str, cohort: str | None = None,
             registered: Mapping[tuple[str, str], set[str]] | None = None) -> Report:
    """Check every row of the sheets. The cohort of a row is `cohort` when given, else the
    sheet's cohort column, else `default_cohort`. `registered` holds the roles the register
    already has for (e-mail, cohort), to find a person signed up in both roles."""
    rows: list[dict[str, Any]] = []
    sheet_issues: list[Issue] = []
    several = several_files(sheets)
    for mapped in sheets:
        place = sheet_place(mapped.sheet, several)
        sheet_issues.extend(_sheet_issues(mapped, place))
        rows.extend(_check_rows(mapped, default_cohort, cohort, place))
    _cross_checks(rows, registered or {})
    valid, invalid, row_issues = [], [], []
    for row in rows:
        row_issues.extend(row["issues"])
        if any(i.severity == "error" for i in row["issues"]):
            invalid.append(InvalidRow(row["sheet"], row["row"], row["values"], tuple(row["issues"]), row["source"]))
        else:
            valid.append(row["candidate"])
    return Report(valid, invalid, sheet_issues + row_issues, list(sheets))


def _sheet_issues(mapped: MappedSheet, place: str) -> list[Issue]:
    codes = []
    if "email" not in mapped.mapping:
        codes.append("validation.no_email_column")
    if not {"name", "first_name", "last_name"} & set(mapped.mapping):
        codes.append("validation.no_name_column")
    if "consent" not in mapped.mapping:
        codes.append("validation.no_consent_column")
    if mapped.role is None and mapped.sheet.role is None and "role" not in mapped.mapping:
        codes.append("validation.no_role")
    return [Issue(code, sheet=place, source=mapped.sheet.source) for code in codes]


def _check_rows(mapped: MappedSheet, default_cohort: str, cohort: str | None, place: str):
    sheet = mapped.sheet
    source = sheet.source
    header = {i: (h or column_letter(i)) for i, h in enumerate(sheet.headers)}
    columns = {target: index for index, target in reversed(list(enumerate(mapped.mapping)))
               if target not in (EXTRA, IGNORE)}
    extras = [(index, _extra_name(sheet.headers, index)) for index, target in enumerate(mapped.mapping)
              if target == EXTRA]
    width = len(sheet.headers)
    sheet_role = mapped.role or sheet.role
    email_column = columns.get("email")
    for number, values in sheet.rows:
        issues: list[Issue] = []

        def complain(field_id: str | None, problem: Invalid, severity: str = "error",
                     _number: int = number, _issues: list = issues) -> None:
            column = header.get(columns[field_id]) if field_id in columns else None
            _issues.append(Issue(problem.code, problem.params, place, _number, column, severity, source))

        cell = {f: (values[i] if i < len(values) else "") for f, i in columns.items()}
        role = sheet_role
        if "role" in cell and mapped.role is None:
            try:
                role = clean_role(cell["role"]) or sheet_role
            except Invalid as problem:
                complain("role", problem)
                role = None
        if role is None and not issues:
            complain(None, Invalid("validation.role_missing"))
        row_cohort = cohort
        if row_cohort is None and "cohort" in cell:
            try:
                row_cohort = clean_cohort(cell["cohort"])
            except Invalid as problem:
                complain("cohort", problem)
        row_cohort = row_cohort or default_cohort
        person, participation, problems = clean_fields(cell, role or "mentee")
        for field_id, problem in problems:
            if field_id == "consent" and "consent" not in columns:
                issues.append(Issue("validation.consent_missing", {}, place, number, None, source=source))
            else:
                complain(field_id, problem)
        for (r, c), formula in sheet.formulas.items():
            if r == number:  # the formula is the complaint, not the empty value it left
                severity = "error" if c < len(mapped.mapping) and mapped.mapping[c] not in (EXTRA, IGNORE) \
                    else "warning"
                column = header.get(c, column_letter(c))
                issues[:] = [i for i in issues if i.column != column]
                issues.append(Issue("validation.formula_no_value", {"formula": formula[:60]}, place,
                                    number, column, severity, source))
        shifted = _shift_issues(place, source, values, number, width, None if person.get("email") else email_column,
                                header)
        if shifted:  # every other complaint about a shifted row would only follow from the shift
            issues[:] = shifted
        if role == "mentor" and "capacity" not in participation and "capacity" in columns:
            participation["capacity"] = 1
        if role == "mentee":
            participation.pop("capacity", None)
        start = participation.get("start_preference")
        if start in ("autumn", "spring") and not issues and Cohort.parse(row_cohort).track != start:
            issues.append(Issue("validation.start_mismatch",
                                {"preference": Label(f"participants.start.{start}"), "cohort": row_cohort},
                                place, number, header.get(columns["start_preference"]), "warning", source))
        extra = {name: extra_value(values[i]) for i, name in extras if i < len(values)}
        participation["extra"] = {k: v for k, v in extra.items() if v not in (None, "")}
        email = person.get("email") or ""
        yield {"sheet": place, "source": source, "row": number, "values": values, "issues": issues,
               "email": email, "role": role, "cohort": row_cohort,
               "name": person.get("name", ""), "organisation": person.get("organisation", ""),
               "email_header": header.get(email_column) if email_column is not None else None,
               "candidate": Candidate(place, number, role or "", row_cohort, email, person, participation, source)}


def _shift_issues(place: str, source: str, values, number: int, width: int,
                  email_column: int | None, header: Mapping[int, str]) -> list[Issue]:
    """Values that look shifted: cells right of the last column, or, when the e-mail column has
    no valid address (`email_column` is given only then), an address in another column."""
    issues = []
    beyond = [i for i in range(width, len(values)) if text(values[i])]
    if beyond:
        issues.append(Issue("validation.shifted_beyond", {"column": column_letter(beyond[0])}, place, number,
                            source=source))
    if email_column is not None:  # (given only when the row's own address is not valid)
        for index, value in enumerate(values[:width]):
            if index != email_column and isinstance(value, str) and "@" in value and valid_email(clean_email(value)):
                issues.append(Issue("validation.shifted_email", {"found": header.get(index, column_letter(index))},
                                    place, number, header.get(email_column), source=source))
                break
    return issues


def _cross_checks(rows: list[dict[str, Any]], registered: Mapping[tuple[str, str], set[str]]) -> None:
    """The same person twice: the same e-mail twice in a role and cohort, in both roles, or
    in the other role in the register already. Same name and organisation under two addresses
    is only a warning."""
    by_person: dict[tuple[str, str], list[dict]] = defaultdict(list)
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        if row["email"]:  # set only when valid
            by_person[(row["email"], row["cohort"])].append(row)
        if row["name"] and row["organisation"]:
            by_name[(row["name"].casefold(), row["organisation"].casefold())].append(row)
    for (email, cohort), group in by_person.items():
        roles = {r["role"] for r in group if r["role"]}
        for row in group:
            others = tuple((o["sheet"], o["row"]) for o in group if o is not row)[:MAX_REFERENCES]
            if len(roles) > 1:
                row["issues"].append(Issue("validation.both_roles", {"rows": Rows(others, row["sheet"])},
                                           row["sheet"], row["row"], _email_header(row), source=row["source"]))
            elif others:
                row["issues"].append(Issue("validation.duplicate", {"rows": Rows(others, row["sheet"])},
                                           row["sheet"], row["row"], _email_header(row), source=row["source"]))
            other_roles = registered.get((email, cohort), set()) - {row["role"]}
            if other_roles and row["role"]:
                row["issues"].append(Issue("validation.other_role_registered",
                                           {"role": Label(f"participants.role.{sorted(other_roles)[0]}"),
                                            "cohort": cohort}, row["sheet"], row["row"], _email_header(row),
                                           source=row["source"]))
    for group in by_name.values():
        if len({r["email"] for r in group}) < 2:
            continue
        for row in group:
            others = []  # the first few are enough to look at
            for other in group:
                if other["email"] != row["email"]:
                    others.append((other["sheet"], other["row"]))
                    if len(others) == MAX_REFERENCES:
                        break
            row["issues"].append(Issue("validation.same_name", {"rows": Rows(tuple(others), row["sheet"])},
                                       row["sheet"], row["row"], None, "warning", row["source"]))


def _email_header(row: Mapping[str, Any]) -> str | None:
    return row["email_header"]


def _extra_name(headers: Sequence[str], index: int) -> str:
    """The name an unknown column is kept under: its header, made unique; "Kolumn F" if empty."""
    name = headers[index] or f"{t('validation.column', 'sv')} {column_letter(index)}"
    earlier = [h for h in headers[:index] if h == headers[index]]
    return f"{name} ({len(earlier) + 1})" if earlier and headers[index] else name
