"""What the page tests read off a page drawn by Streamlit's AppTest, through its public API only
(streamlit.testing.v1; an element's documented `.proto` where AppTest has no accessor): the check
every page must pass, the words and widgets the coordinator sees, and a widget found by its label.

Widgets are found by their label, in the page's language through core.platform.i18n.t, not by a
key: a choice kept across languages lives in a widget whose key ends in the language
(ui.context.kept), which is how the page works, not what it shows."""

from __future__ import annotations

import json

from core.platform.i18n import t


def clean(at):
    """The page was drawn whole: no exception and no error box."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def values(elements) -> list:
    return [element.value for element in elements]


def labels(elements) -> list[str]:
    return [element.label for element in elements]


def metrics(at) -> dict[str, str]:
    """The page's figures, by their label."""
    return {metric.label: metric.value for metric in at.metric}


def links(at) -> list[str]:
    return [link.value for link in at.page_link]


def downloads(at) -> list[str]:
    return [button.label for button in at.download_button]


def headers(table) -> list[str]:
    """A table's column headers as the coordinator reads them (at.dataframe, at.data_editor): the
    label the page gives a column, else the column's name; hidden columns left out."""
    config = json.loads(table.proto.columns or "{}")
    order = list(table.proto.column_order) or [str(column) for column in table.value.columns]
    return [config.get(name, {}).get("label", name) for name in order if not config.get(name, {}).get("hidden")]


def widget(widgets, label: str):
    """The one widget among `widgets` (at.selectbox, at.toggle, …) with this label."""
    found = [w for w in widgets if w.label == label]
    assert len(found) == 1, f"{len(found)} widgets labelled {label!r} among {[w.label for w in widgets]}"
    return found[0]


def around(key: str, lang: str, gap: str, **params) -> tuple[str, str]:
    """The words of label `key` before and after its placeholder `gap` (a date, say, that the
    test does not spell out), the other placeholders filled with `params`."""
    before, after = t(key, lang, **{gap: "\0"}, **params).split("\0")
    return before, after


def cohort_name(cohort_id: str, lang: str) -> str:
    """A cohort as the pages name it: "Höststart 2026" for autumn-2026."""
    track, year = cohort_id.split("-")
    return t("cohort.label", lang, track=t(f"cohort.track_{track}", lang), year=year)


def cohort_title(key: str, lang: str, cohort_id: str = "autumn-2026") -> str:
    """A cohort page's title: "Schema · Höststart 2026" (the cohort in words, no id)."""
    return f"{t(key, lang)} · {cohort_name(cohort_id, lang)}"
