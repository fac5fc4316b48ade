"""Adjusting a matching without losing one's place (issue 14, point 5), through AppTest: pin and
forbid keep the open tab; a swap offers only swaps that change something, and says which hard
rule it would break before it is pressed."""

import datetime as dt

import pytest

from core.platform.i18n import t
from tests.matching_people import COHORT, small_cohort
from tests.pages import clean

PAGE = "views/matching.py"
DAY = dt.date(2026, 9, 5)


@pytest.fixture
def matched(store, app):
    """The small cohort, run once, on the matching page; returns (page, ids)."""
    ids = small_cohort(store)

    def open_page(lang="sv"):
        at = app(PAGE, lang=lang, today=DAY)
        at.button(key="matching_run").click().run()
        return clean(at), ids
    return open_page


def open_tabs(at) -> list[int]:
    """The tab open in each set of tabs on the page, top to bottom (the index Streamlit opens it on)."""
    found = []

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "tab_container") and proto.HasField("tab_container"):
            found.append(proto.tab_container.default_tab_index)
        for child in getattr(node, "children", {}).values():
            walk(child)
    walk(at.main)
    return found


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_pin_and_forbid_keep_the_adjust_tab_open(matched, lang):
    at, ids = matched(lang)
    assert open_tabs(at) == [0, 0]  # who takes part: mentors; the run: explain a pair
    at.session_state[f"matching_tabs_{lang}"] = t("matching.adjust_title", lang)  # the coordinator opens "Adjust"
    at.run()
    assert open_tabs(at) == [0, 1]
    at.selectbox(key="matching_pair_mentee").set_value(ids["Ivar Jonsson"])
    at.selectbox(key="matching_pair_mentor").set_value(ids["Bo Ek"])
    at.button(key="matching_pin").click().run()
    assert at.success[0].value == t("matching.pinned_saved", lang, mentor="Bo Ek", mentee="Ivar Jonsson")
    assert open_tabs(clean(at)) == [0, 1]
    at.selectbox(key="matching_pair_mentor").set_value(ids["Cecilia Dahl"])
    at.button(key="matching_forbid").click().run()
    assert at.success[0].value == t("matching.forbidden_saved", lang, mentor="Cecilia Dahl", mentee="Ivar Jonsson")
    assert open_tabs(clean(at)) == [0, 1]
    assert at.session_state[f"matching_tabs_{lang}"] == t("matching.adjust_title", lang)


def test_the_heat_map_tab_stays_open_after_a_new_run(matched):
    at, _ = matched("en")
    at.session_state["matching_tabs_en"] = t("matching.heatmap_title", "en")
    at.button(key="matching_run").click().run()
    assert at.success[0].value.startswith("Run 2 saved")
    assert open_tabs(clean(at)) == [0, 3]


def test_a_swap_is_offered_only_with_a_mentee_of_another_mentor(store, matched):
    at, ids = matched("en")
    # Anna Berg takes two: pin Hanna Ilves to her beside Elin Gran, and run again.
    at.selectbox(key="matching_pair_mentee").set_value(ids["Hanna Ilves"])
    at.selectbox(key="matching_pair_mentor").set_value(ids["Anna Berg"])
    at.button(key="matching_pin").click().run()
    at.button(key="matching_run").click().run()
    clean(at)
    first = at.selectbox(key="matching_swap_first")
    assert sorted(first.options) == ["Elin Gran (Anna Berg)", "Gustav Holm (Bo Ek)", "Hanna Ilves (Anna Berg)",
                             "Ivar Jonsson (David Falk)"]
    first.set_value(ids["Elin Gran"]).run()
    second = at.selectbox(key="matching_swap_second")
    # Neither Elin herself nor Hanna, who has the same mentor: those swaps change nothing.
    assert sorted(second.options) == ["Gustav Holm (Bo Ek)", "Ivar Jonsson (David Falk)"]
    at.selectbox(key="matching_swap_first").set_value(ids["Hanna Ilves"]).run()
    assert sorted(at.selectbox(key="matching_swap_second").options) == ["Gustav Holm (Bo Ek)",
                                                                        "Ivar Jonsson (David Falk)"]
    at.selectbox(key="matching_swap_first").set_value(ids["Gustav Holm"]).run()
    assert sorted(at.selectbox(key="matching_swap_second").options) == [
        "Elin Gran (Anna Berg)", "Hanna Ilves (Anna Berg)", "Ivar Jonsson (David Falk)"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_hard_rule_a_swap_breaks_is_said_before_it_is_pressed(store, matched, lang):
    at, ids = matched(lang)
    at.selectbox(key="matching_swap_first").set_value(ids["Elin Gran"]).run()
    at.selectbox(key="matching_swap_second").set_value(ids["Gustav Holm"]).run()
    # Elin wishes for a woman mentor; Gustav's is Bo Ek: said now, and the button stays shut.
    [warning] = at.warning
    assert warning.value.startswith(t("matching.swap_breaks_title", lang))
    assert t("matching.swap_breaks_gender", lang, mentor="Bo Ek", mentee="Elin Gran") in warning.value
    assert at.button(key="matching_swap").disabled
    assert store.match_constraints(COHORT) == [] and len(store.match_runs(COHORT)) == 1
    # A swap that breaks nothing says what it will make, and can be pressed.
    at.selectbox(key="matching_swap_first").set_value(ids["Gustav Holm"]).run()
    at.selectbox(key="matching_swap_second").set_value(ids["Ivar Jonsson"]).run()
    assert not at.warning
    assert t("matching.swap_preview", lang, mentee_a="Gustav Holm", mentor_b="David Falk", mentee_b="Ivar Jonsson",
             mentor_a="Bo Ek").replace("-", "\\-") in [c.value for c in at.caption]
    assert not at.button(key="matching_swap").disabled


def shown_values(table):
    """A table's cells as Streamlit shows them (the Styler's display values)."""
    import pyarrow as pa
    return pa.ipc.open_stream(table.proto.arrow_data.styler.display_values).read_all().to_pandas()


@pytest.mark.parametrize("lang, point", [("sv", ","), ("en", ".")])
def test_scores_are_written_the_languages_way(matched, lang, point):
    at, ids = matched(lang)
    figures = {m.label: m.value for m in at.metric}
    total = figures[t("matching.metric_total", lang)]
    assert point in total and ({",", "."} - {point}).isdisjoint(total)
    shown = shown_values(at.dataframe[2])
    scores = shown[t("matching.col.score", lang)].tolist()
    assert all(len(s) == 5 and s[1] == point for s in scores), scores
    assert at.dataframe[2].value[t("matching.col.score", lang)].dtype.kind == "f"  # still sorted as numbers
    at.selectbox(key=f"matching_explain_{COHORT}").set_value(ids["Elin Gran"]).run()
    assert any(f"0{point}957" in m.value for m in at.markdown)


def test_the_heat_map_writes_decimals_the_languages_way(matched):
    import json
    at, _ = matched("sv")
    [chart] = at.get("plotly_chart")
    assert json.loads(chart.proto.spec)["layout"]["separators"] == ", "
