"""Cleaning one value, and one record: from the cells of a sign-up sheet to clean participant
fields, with a complaint (core.people.issues.Invalid) for every cell that cannot be used. The
same cleaning checks the coordinator's edits in the register, so that a value is accepted or
refused the same way wherever it comes from.

Canonical values (what the store keeps and matching reads): e-mail lowercased and stripped;
`languages` ISO 639-1 codes where recognised; `competences`/`goals` lists of tags as written;
`gender`/`gender_preference` "woman" | "man" | "other" | ""; `start_preference` "autumn" |
"spring" | "any"; `sector_preference` "same" | "other" | ""; `capacity` a whole number ≥ 1."""

from __future__ import annotations

import datetime as dt
import decimal
import math
import numbers
import re
from collections.abc import Callable, Iterable
from functools import lru_cache, wraps
from typing import TypeVar

from babel import Locale

from core.calendar.programme import Cohort
from core.people.addresses import valid_email
from core.people.columns import STATUSES, header_key, normalise_header
from core.people.issues import Invalid
from core.people.reading import Cell, excel_date
from core.platform.files import unguarded

# The longest text each stored column takes (core/store/schema.py).
MAX_LENGTH = {"email": 254, "name": 200, "phone": 64, "organisation": 200, "department": 200,
              "title": 200, "town": 100, "sector": 100}
MAX_CAPACITY = 10
MAX_EXPERIENCE = 70


# -- Cleaning one value ------------------------------------------------------------------------

EDGE_SPACE = " \t\r\n\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff"

_SHEET_TYPES = frozenset({str, type(None), bool, int, float, dt.date, dt.datetime, dt.time, dt.timedelta})


def _plain(value: Cell) -> Cell:
    """A cell as one of the types a sheet gives (str, int, float, bool, a date, a time, a
    timedelta or None): numpy's numbers and booleans become Python's, Decimal and other real
    numbers a float, bytes the text they hold (UTF-8)."""
    kind = type(value)
    if kind in _SHEET_TYPES:
        return value
    item_of = getattr(value, "item", None)
    if kind.__module__ == "numpy" and callable(item_of):
        item = item_of()
        if type(item) is not kind:
            return _plain(item)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, decimal.Decimal):
        return math.nan if value.is_nan() else float(value)  # a signalling NaN cannot be a float
    if isinstance(value, numbers.Real):
        try:
            return float(value)
        except (OverflowError, ValueError):  # a Fraction too large for a float
            # (typeshed's numbers.Real has no comparisons, though every real number compares)
            return math.inf if value > 0 else -math.inf if value < 0 else math.nan  # type: ignore[operator]
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8", "replace")
    return value


def _int_text(number: int) -> str:
    try:
        return str(number)
    except ValueError:  # more digits than Python writes out (sys.get_int_max_str_digits): the first thousand
        digits = int(abs(number).bit_length() * math.log10(2))
        return ("-" if number < 0 else "") + str(abs(number) // 10 ** (digits - 1000)) + "…"


_Result = TypeVar("_Result")


def _cleaner(maxsize: int = 0) -> Callable[[Callable[[Cell], _Result]], Callable[[Cell], _Result]]:
    """A cleaner of one cell, given the cell made plain (_plain). With `maxsize`, the answers for
    the most recent text cells are remembered: a sheet repeats its answers ("Ja", "Svenska").
    Only text: numbers, dates and booleans clean fast, and 1, 1.0 and True, equal as keys of a
    cache, must not share an answer. A remembered answer must not be one the caller can change
    (a tuple, not a list)."""
    def decorate(clean: Callable[[Cell], _Result]) -> Callable[[Cell], _Result]:
        remembered = lru_cache(maxsize=maxsize)(clean) if maxsize else clean

        @wraps(clean)
        def cleaned(value: Cell) -> _Result:
            value = _plain(value)
            return remembered(value) if type(value) is str else clean(value)
        return cleaned
    return decorate


def text(value: Cell) -> str:
    """A cell as one line of text: spaces (non-breaking too) trimmed and runs of them made one;
    numbers without a needless ".0"; dates as YYYY-MM-DD. The apostrophe that our own exports
    put before a formula-like value ("'+46 70…") is taken away again."""
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return _int_text(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return _int_text(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    result = unguarded(str(value))  # our exports' apostrophes, before lines become one
    return " ".join(result.replace("\u00a0", " ").split()).strip(EDGE_SPACE)


def _words(value: Cell) -> list[str]:
    return normalise_header(text(value)).split()


def clean_email(value: Cell) -> str:
    """An address as stored: trimmed (non-breaking and zero-width spaces too), without a
    "mailto:" or angle brackets, lowercased. Not yet checked: see valid_email."""
    address = (value if isinstance(value, str) else text(value)).strip(EDGE_SPACE + " ")
    address = address.strip(EDGE_SPACE)
    if address.lower().startswith("mailto:"):
        address = address[7:].strip(EDGE_SPACE)
    if address.startswith("<") and address.endswith(">"):
        address = address[1:-1].strip(EDGE_SPACE)
    return address.lower()


def check_email(value: Cell) -> str:
    address = clean_email(value)
    if not address:
        raise Invalid("validation.email_missing")
    if not valid_email(address):
        raise Invalid("validation.email_invalid", value=_shown(value))
    return address


def _shown(value: Cell) -> str:
    shown = text(value) if not isinstance(value, str) else value.strip(EDGE_SPACE)
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
_LEADING_AND = re.compile(r"^\s*(?:och|and|samt|eller|or)\s+(?=\S)", re.IGNORECASE)


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


def clean_languages(value: Cell) -> list[str]:
    """The languages named, as codes (language_code), each once: a new list at every call."""
    return list(_languages(value))


@_cleaner(4096)
def _languages(value: Cell) -> tuple[str, ...]:
    raw = re.sub(r"\([^)]*\)", " ", text_multiline(value))
    found: list[str] = []
    for part in _LANGUAGE_SPLIT.split(raw):
        part = _LEADING_AND.sub("", part)  # "svenska,och engelska": the "och" of a list, no language
        if part.strip(EDGE_SPACE + " .-"):
            code = language_code(part)
            if code and code not in found:
                found.append(code)
    return tuple(found)


def text_multiline(value: Cell) -> str:
    if isinstance(value, str):
        return value.replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")  # "\r\r\n" too
    return text(value)


def clean_tags(value: Cell) -> list[str]:
    """Competences or goals: tags as written, split on , ; / and new lines, trimmed, each once;
    a new list at every call."""
    return list(_tags(value))


@_cleaner(4096)
def _tags(value: Cell) -> tuple[str, ...]:
    tags: list[str] = []
    seen = set()
    for part in _LIST_SPLIT.split(text_multiline(value)):
        tag = " ".join(part.split())
        while (bare := re.sub(r"^[-*•]\s+", "", tag).strip(EDGE_SPACE + " .")) != tag:  # "- - x", ". - x"
            tag = bare
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tuple(tags)


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


@_cleaner(1024)
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


@_cleaner(1024)
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


def _date(value: Cell) -> dt.date | None:
    """excel_date, for a number too: one larger than a float holds is no date (nor a serial)."""
    if isinstance(value, int) and not isinstance(value, bool) and not -2 ** 53 <= value <= 2 ** 53:
        return None
    return excel_date(value)


@_cleaner(1024)
def clean_start_preference(value: Cell) -> str:
    """ "Höst", "hösten", "HT", "autumn", "september" → autumn; "Vår", "VT", "spring", "januari"
    → spring; "valfri", "båda", "any", empty → any; a date → the start of its half of the year."""
    day = _date(value) if not isinstance(value, str) or re.search(r"\d{4}-\d|^\s*\d{5}", value) else None
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


@_cleaner(1024)
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


@_cleaner(1024)
def clean_same_org_allowed(value: Cell) -> bool:
    if not _words(value) and (not isinstance(value, (bool, int, float)) or value != value):  # NaN: empty
        return False
    answer = _yes_no(value)
    if answer is None:
        raise Invalid("validation.yes_no_unknown", value=_shown(value))
    return answer


_CONSENT_WORDS = ("samtyck", "godkann", "medger", "medgiv", "agree", "consent", "accept", "approve",
                  "intygar")


@_cleaner(1024)
def clean_consent(value: Cell) -> bool:
    """Consent must be given in the sheet: "Ja", "x", TRUE, or the form's sentence ("Jag
    samtycker till…"). An empty cell is consent missing; "Nej"/"No" is consent refused."""
    words = _words(value)
    if not words:
        raise Invalid("validation.consent_missing")
    answer = _yes_no(value)
    if answer is None:
        if not any(w.startswith(_CONSENT_WORDS) for w in words):
            raise Invalid("validation.consent_unclear", value=_shown(value))
        answer = True
    if not answer:  # an answer, and it is no: a refusal, not an oversight
        raise Invalid("validation.consent_refused")
    return True


_NUMBER_WORDS = {"en": 1, "ett": 1, "one": 1, "tva": 2, "two": 2, "tre": 3, "three": 3, "fyra": 4,
                 "four": 4, "fem": 5, "five": 5, "sex": 6, "six": 6, "sju": 7, "seven": 7, "atta": 8,
                 "eight": 8, "nio": 9, "nine": 9, "tio": 10, "ten": 10}
_CAPACITY = re.compile(r"(?:max(?:imalt|imum)?\.?|upp till|up to|högst)?\s*(\d+)"
                       r"(?:\s*(?:st|stycken|adepter|adept|mentees?|personer|pers))?\.?", re.IGNORECASE)


@_cleaner()
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
        if match and len(match[1]) <= 4000:  # more digits than Python reads as a number: no number
            number = int(match[1])
        elif len(words) in (1, 2) and words[0] in _NUMBER_WORDS and \
                (len(words) == 1 or words[1] in ("st", "adepter", "adept", "mentees", "mentee")):
            number = _NUMBER_WORDS[words[0]]
        else:
            raise Invalid("validation.capacity_invalid", value=_shown(value))
    if number < 1:
        raise Invalid("validation.capacity_invalid", value=_shown(value))
    if number > MAX_CAPACITY:
        raise Invalid("validation.capacity_too_many", value=_shown(number), limit=MAX_CAPACITY)
    return number


_EXPERIENCE = re.compile(r"(?:ca\.?|cirka|ungefär|omkring|about|approx\.?|around|över|over|mer än|"
                         r"more than|drygt|>|~)?\s*(\d{1,3})(?:[.,](\d+))?\s*\+?\s*"
                         r"(?:år|ar|years?|yrs?\.?|y)?\.?", re.IGNORECASE)


@_cleaner()
def clean_experience(value: Cell) -> int | None:
    """Years of experience, a whole number, halves rounded up (6.5 → 7, 7.5 → 8); empty is
    unknown."""
    if isinstance(value, bool):
        raise Invalid("validation.experience_invalid", value=_shown(value))
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return None
        if not -1 <= value <= MAX_EXPERIENCE + 1:  # infinity too
            raise Invalid("validation.experience_invalid", value=_shown(value))
        years = math.floor(value + 0.5)
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
        years = math.floor(float(f"{match[1]}.{match[2] or 0}") + 0.5)
    if not 0 <= years <= MAX_EXPERIENCE:
        raise Invalid("validation.experience_invalid", value=_shown(value))
    return years


_MENTOR_ROLE = {"mentor", "mentorer", "mentors", "handledare"}
_MENTEE_ROLE = {"adept", "adepter", "mentee", "mentees", "adepten"}


@_cleaner(256)
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


@_cleaner(256)
def clean_cohort(value: Cell) -> str | None:
    """ "autumn-2026", "Höst 2026", "HT26", "vårstart 2027", "spring-2027", or a date → the
    cohort's id; empty → None."""
    raw = text(value)
    if not raw:
        return None
    day = _date(value)
    if day and (cohort := Cohort(day.year, "autumn" if day.month >= 7 else "spring")).in_calendar:
        return cohort.id
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


@_cleaner()
def clean_status(value: Cell) -> str:
    phrase = " ".join(_words(value))
    for status, words in _STATUS_WORDS.items():
        if phrase in words:
            return status
    raise Invalid("validation.status_unknown", value=_shown(value), allowed=", ".join(STATUSES))


@_cleaner()
def extra_value(value: Cell) -> object:
    """A cell of a column we do not know, kept as JSON can hold it."""
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if not math.isfinite(value):
            return text(value)  # JSON has no infinity
        value = int(value) if value.is_integer() else value
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value if -2 ** 63 <= value < 2 ** 63 else text(value)  # beyond 64 bits: as its digits
    if isinstance(value, float):
        return value
    return text_multiline(value).strip(EDGE_SPACE) or None
