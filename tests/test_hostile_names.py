"""Text is text (issue 16): participants whose names, organisations and goals are Markdown images,
Markdown links and HTML anchors and images, on every page of the dashboard with the example data:
no page produces a link or an image from them — not in Markdown, captions, alerts, labels and
help texts (which Streamlit renders as Markdown), nor in a chart's labels and hover texts (which
Plotly renders as HTML)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from sqlalchemy import select, update

from core import services
from core.followup.examples import load_examples
from core.store import Store, schema
from tests.pages import clean

HOST = "127.0.0.1:9"  # nothing listens there: a fetch would fail, but must not even be tried
HOSTILE = [
    f"![x](http://{HOST}/pixel.png)",
    f"[Logga in igen](http://{HOST}/phish)",
    f'<a href="http://{HOST}/anchor">Klicka</a>',
    f'<img src="http://{HOST}/image.png">',
]
TODAY = dt.date(2026, 12, 1)
PAGES = ["views/home.py", "views/timeline.py", "views/year_wheel.py", "views/schedule.py",
         "views/participants.py", "views/register.py", "views/matching.py", "views/guests.py",
         "views/messages.py", "views/followup.py", "views/three_party.py", "views/report.py",
         "views/settings.py", "views/backup.py"]
# Proto fields that Streamlit renders as Markdown: an element's body, a widget's label and help.
MARKDOWN_FIELDS = {"body", "label", "help", "caption", "title"}
_ESCAPED = re.compile(r"\\.", re.DOTALL)
_MARKDOWN_MARKUP = re.compile(r"\]\s*\(|<\s*(a|img)\b", re.IGNORECASE)
_HTML_MARKUP = re.compile(r"<\s*(a|img)\b", re.IGNORECASE)


def hostile_examples(store: Store) -> None:
    """The example programme, everyone renamed: a hostile name before their own, their
    organisation and goals hostile too."""
    load_examples(store, services.programme(store), TODAY)
    people, participations = schema.people, schema.participations
    with store.transaction() as connection:
        rows = connection.execute(select(people.c.id, people.c.name)).all()
        for index, (person_id, name) in enumerate(rows):
            connection.execute(update(people).where(people.c.id == person_id).values(
                name=f"{HOSTILE[index % len(HOSTILE)]} {name}",
                organisation=HOSTILE[(index + 1) % len(HOSTILE)]))
        connection.execute(update(participations).values(goals=[HOSTILE[0], HOSTILE[2]]))


def strings(message, path: str = ""):
    """Every (field path, text) in a protobuf message, nested ones included."""
    for field, value in message.ListFields():
        values = value if isinstance(value, (list, tuple)) or type(value).__name__.startswith("Repeated") else [value]
        for item in values:
            if isinstance(item, str):
                yield f"{path}.{field.name}", item
            elif hasattr(item, "ListFields"):
                yield from strings(item, f"{path}.{field.name}")


def chart_texts(spec: str):
    def walk(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)
    yield from walk(json.loads(spec))


def as_read(text: str) -> str:
    """Markdown's escapes read: the text a reader sees."""
    return _ESCAPED.sub(lambda m: m.group(0)[1], text)


def markup_on(at) -> list[str]:
    """Where a page would render a hostile name as a link or an image."""
    found = []
    protos = [node.proto for node in _elements(at) if getattr(node, "proto", None) is not None]
    for proto in protos:
        for field, text in strings(proto):
            name = field.rsplit(".", 1)[-1]
            if name == "spec" or name == "figure":  # a Plotly figure: its strings are HTML
                for shown in chart_texts(text) if text.lstrip().startswith("{") else [text]:
                    if HOST in shown and _HTML_MARKUP.search(shown):
                        found.append(f"chart {field}: {shown[:120]}")
            elif name in MARKDOWN_FIELDS and HOST in as_read(text):
                without_escaped = _ESCAPED.sub("", text)
                # Streamlit's Markdown links an address written out even when its signs are escaped
                if _MARKDOWN_MARKUP.search(without_escaped) or f"://{HOST}" in as_read(text):
                    found.append(f"{type(proto).__name__}{field}: {text[:160]}")
    return found


def _elements(at):
    def walk(node):
        yield node
        for child in getattr(node, "children", {}).values():
            yield from walk(child)
    yield from walk(at._tree)  # the whole tree: main, sidebar, expanders, columns, tabs


@pytest.fixture
def hostile(store):
    hostile_examples(store)
    return store


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_page_makes_a_link_or_an_image_of_a_name(app, hostile, page, lang):
    at = clean(app(page, lang=lang, today=TODAY))
    assert markup_on(at) == []


def test_the_check_finds_a_name_drawn_as_markdown(app, hostile, monkeypatch):
    """The check itself: a page that put a name into Markdown unescaped would be caught."""
    from ui import text
    monkeypatch.setattr(text, "plain", str)
    monkeypatch.setattr(text, "chart_text", str)
    at = app("views/matching.py", lang="sv", today=TODAY)
    assert markup_on(at)


def test_a_persons_page_in_the_register_shows_their_name_as_text(app, hostile):
    with hostile.reading() as connection:  # one person of each hostile kind (hostile_examples)
        ids = list(connection.execute(select(schema.people.c.id).order_by(schema.people.c.id).limit(4)).scalars())
    at = app("views/register.py", lang="sv", today=TODAY)
    for person_id in ids:
        at.session_state["register_person"] = person_id
        at.run()
        clean(at)
        assert HOST in as_read("".join(h.value for h in at.subheader))  # the person's page is open
        assert markup_on(at) == []


def test_the_follow_up_later_in_the_year_shows_pairs_as_text(app, hostile):
    """In March the overdue pairs are listed by name on the follow-up page."""
    for page in ("views/followup.py", "views/three_party.py", "views/home.py"):
        at = clean(app(page, lang="sv", today=dt.date(2027, 4, 20)))
        assert markup_on(at) == []
