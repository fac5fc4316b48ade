"""The templates of the letters: each kind's placeholders, the shipped templates in Swedish and
English (data/messages.toml) and the coordinator's own, each checked before anything is rendered:
an unknown placeholder is an error naming it."""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from core.calendar.programme import Occurrence, Programme
from core.platform.i18n import LANGUAGES, MentorplanError, check_language, labels, t
from core.platform.paths import DATA_DIR

if TYPE_CHECKING:
    from core.store import Store

TEMPLATES_FILE = DATA_DIR / "messages.toml"
DECISIONS_EVENT = "decisions_sent"
KINDS = ("decision", "invitation")
DECISION_TEMPLATES = ("decision_mentor", "decision_mentee", "not_matched")
SUBJECT_MAX, BODY_MAX = 250, 20_000
NOT_TOLD_COLUMNS = ("person_id", "email", "name", "role")
# How labels show braces to the coordinator (a label's own braces are placeholders).
BRACES = {"example": "{first_name}", "open": "{{", "close": "}}"}
# The long date of a letter ("24 september 2026"); English as written in Europe.
_LETTER_LOCALES = {"sv": "sv_SE", "en": "en_GB"}

_PERSON = ("name", "first_name", "email", "role", "cohort")
_TRAINING_AND_KICKOFF = ("training_date", "training_weekday", "training_week",
                         "kickoff_date", "kickoff_weekday", "kickoff_week")
PLACEHOLDERS: Mapping[str, tuple[str, ...]] = {
    "decision_mentor": _PERSON + ("mentees", "mentee_name", "mentee_organisation", "mentee_email",
                                  "mentee_phone", "mentee_title") + _TRAINING_AND_KICKOFF,
    "decision_mentee": _PERSON + ("mentor_name", "mentor_organisation", "mentor_email", "mentor_phone",
                                  "mentor_title") + _TRAINING_AND_KICKOFF,
    "not_matched": _PERSON + ("next_cohort", "next_kickoff_date", "next_kickoff_weekday", "next_kickoff_week"),
}
INVITATION_PLACEHOLDERS = _PERSON + ("event", "event_in_sentence", "date", "weekday", "week", "time", "place", "note",
                                     "reason")
_MINGLE = ("mingle", "mingle_date", "mingle_weekday", "mingle_week", "mingle_time", "mingle_place", "signup")
# The letters that are no decision and no invitation: the call for mentors (to the organisation's
# own channel, and to each former participant), a changed or cancelled event, a booked
# three-party conversation.
OTHER_PLACEHOLDERS: Mapping[str, tuple[str, ...]] = {
    "call_channel": ("cohort",) + _MINGLE,
    "call_personal": _PERSON + _MINGLE,
    "update": _PERSON + ("event", "event_in_sentence", "date", "weekday", "week", "time", "place", "details",
                         "previous_date"),
    "cancel": _PERSON + ("event", "event_in_sentence", "date", "weekday", "week"),
    "three_party_booked": _PERSON + ("partner", "partner_email", "date", "weekday", "week", "time", "place"),
}
# An invitation's variants: a former pair at a training is asked to share their experience, and a
# mentor who has applied already is not told at a mingle that they can apply.
VARIANTS = ("former_pair", "applied")
# Filled once for the whole event: missing, they stop the whole batch with one message.
EVENT_DETAILS = ("place", "time", "note")


# -- Templates ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Template:
    kind: str
    lang: str
    subject: str
    body: str
    edited: bool = False  # the coordinator's own text, stored; else the shipped one


@dataclass(frozen=True)
class EventDetails:
    """What the coordinator fills in for an invitation."""
    place: str = ""
    time: str = ""
    note: str = ""


def template_label(kind: str, lang: str) -> str:
    """A template's name in words ("Inbjudan: kick-off"); a kind this version does not know (a
    send-log line written by another version) by its own name rather than an error."""
    key = f"messages.template_{kind}"
    return t(key, lang) if key in labels() else kind


def invitation_template(event_kind: str) -> str:
    return f"invitation_{event_kind}"


def is_invitation(occurrence: Occurrence) -> bool:
    """An event people are invited to (the decisions are messages of their own)."""
    return bool(occurrence.event.invites) and occurrence.id != DECISIONS_EVENT


def allowed_placeholders(kind: str) -> tuple[str, ...]:
    if kind in PLACEHOLDERS:
        return PLACEHOLDERS[kind]
    if kind in OTHER_PLACEHOLDERS:
        return OTHER_PLACEHOLDERS[kind]
    if kind.startswith("invitation_"):
        return INVITATION_PLACEHOLDERS
    raise MentorplanError("messages.unknown_template", kind=kind)


def placeholders_in(text: str) -> list[str]:
    """The placeholders of a text, in order. Only plain names are placeholders: {0}, {a.b},
    {name!r} and {name:>10} are refused, and so are unmatched braces."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        raise MentorplanError("messages.bad_braces", **BRACES) from None
    found = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise MentorplanError("messages.bad_placeholder", placeholder="{" + shown + "}")
        found.append(name)
    return found


def check_template(template: Template) -> Template:
    """A template that can be rendered: a one-line subject, a body, and only the placeholders
    its kind allows. Otherwise MentorplanError says what is wrong."""
    allowed = allowed_placeholders(template.kind)
    if not template.subject.strip() or not template.body.strip():
        raise MentorplanError("messages.empty_template")
    if "\r" in template.subject or "\n" in template.subject:
        raise MentorplanError("messages.subject_one_line")
    if len(template.subject) > SUBJECT_MAX or len(template.body) > BODY_MAX:
        raise MentorplanError("messages.too_long", subject=SUBJECT_MAX, body=BODY_MAX)
    for text in (template.subject, template.body):
        for name in placeholders_in(text):
            if name not in allowed:
                raise MentorplanError("messages.unknown_placeholder", placeholder="{" + name + "}",
                                      allowed=", ".join("{" + a + "}" for a in allowed))
    return template


def used_placeholders(template: Template) -> set[str]:
    return set(placeholders_in(template.subject)) | set(placeholders_in(template.body))


@lru_cache(maxsize=1)
def shipped_templates() -> dict[tuple[str, str], Template]:
    """The texts in data/messages.toml, by (kind, language), each checked."""
    with TEMPLATES_FILE.open("rb") as handle:
        raw = tomllib.load(handle)
    found = {}
    for kind, texts in raw.items():
        for lang in LANGUAGES:
            text = texts[lang]
            found[(kind, lang)] = check_template(Template(kind, lang, text["subject"].strip(), text["body"]))
    return found


def template_kinds(programme: Programme) -> list[str]:
    """Every kind of template: the three decisions, one invitation for each kind of event that
    invites anyone (and for an event with a letter of its own, such as an evening mingle), their
    variants, and the other letters (the call for mentors, changes, three-party bookings)."""
    kinds = list(DECISION_TEMPLATES)
    shipped = [kind for kind, lang in shipped_templates() if lang == LANGUAGES[0]]
    for track in programme.rulebook.tracks.values():
        for event in track.events:
            if not event.invites or event.id == DECISIONS_EVENT:
                continue
            for kind in (invitation_template(event.id), invitation_template(event.kind)):
                if kind in shipped or kind == invitation_template(event.kind):
                    found = [kind] + [f"{kind}_{variant}" for variant in VARIANTS if f"{kind}_{variant}" in shipped]
                    kinds.extend(k for k in found if k not in kinds)
    kinds.extend(k for k in shipped if k not in kinds)
    return kinds


def invitation_kind(templates: Mapping[tuple[str, str], Template], event_id: str, event_kind: str, lang: str,
                    variant: str = "") -> str:
    """The template of an invitation: the event's own (invitation_closing_mingle) where there is
    one, else its kind's (invitation_kickoff); and the variant for this guest where there is one."""
    base = invitation_template(event_id)
    if (base, lang) not in templates:
        base = invitation_template(event_kind)
    if variant and (f"{base}_{variant}", lang) in templates:
        return f"{base}_{variant}"
    return base


def all_templates(store: Store) -> dict[tuple[str, str], Template]:
    """The shipped texts with the coordinator's edits in their place."""
    return {**shipped_templates(), **store.stored_templates()}


def template_for(templates: Mapping[tuple[str, str], Template], kind: str, lang: str) -> Template:
    try:
        return check_template(templates[(kind, check_language(lang))])
    except KeyError:
        raise MentorplanError("messages.no_template", kind=kind, lang=lang) from None


def render(template: Template, values: Mapping[str, Any]) -> tuple[str, str]:
    """Subject and body with the placeholders filled. A placeholder without a value (missing,
    None or blank) is MentorplanError messages.missing_value naming it. Values in the subject
    are made one line, so that no value can add a header to an e-mail."""
    check_template(template)
    for name in used_placeholders(template):
        value = values.get(name)
        if value is None or not str(value).strip():
            raise MentorplanError("messages.missing_value", placeholder="{" + name + "}")
    one_line = {k: " ".join(str(v).split()) for k, v in values.items()}
    return template.subject.format_map(one_line), template.body.format_map({k: str(v) for k, v in values.items()})
