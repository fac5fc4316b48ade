"""The matching page as the coordinator uses it, rendered with AppTest in both languages: run,
review the pairs and the unmatched, pin, forbid, swap, compare, accept, and download the pair list."""

import datetime as dt
import json

import pytest

from core.platform.i18n import t
from tests.matching_people import COHORT, small_cohort
from tests.pages import clean, cohort_name, downloads, headers, labels, metrics, values, widget

PAGE = "views/matching.py"
DAY = dt.date(2026, 9, 5)  # matching week of the autumn 2026 start


@pytest.fixture
def page(app):
    def open_page(lang="sv"):
        at = app(PAGE, lang=lang, today=DAY)
        assert not at.exception
        return at
    return open_page


def run_matching(at):
    at.button(key="matching_run").click().run()
    assert not at.exception
    return at


def table(at, index):
    return at.dataframe[index].value


def pairs(at) -> set[tuple[str, str]]:
    frame = table(at, 2)
    return set(zip(frame.iloc[:, 0], frame.iloc[:, 2], strict=True))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_empty_cohort_says_what_to_do(page, lang):
    at = page(lang)
    assert values(at.title) == [f"{t('matching.title', lang)} · {cohort_name(COHORT, lang)}"]  # no id
    assert values(at.subheader) == [t("matching.who_title", lang)]
    assert t("matching.who_caption", lang) in values(at.caption)
    assert metrics(at) == {t("matching.metric_mentors", lang): "0", t("matching.metric_places", lang): "0",
                           t("matching.metric_mentees", lang): "0"}
    assert labels(at.tabs) == [t("matching.tab_mentors", lang), t("matching.tab_mentees", lang)]
    mentors, mentees = at.dataframe
    assert mentors.value.empty and mentees.value.empty
    assert headers(mentors)[:2] == headers(mentees)[:2] == [t("matching.col.name", lang),
                                                             t("matching.col.organisation", lang)]
    assert t("matching.col.capacity", lang) in headers(mentors) and t("matching.col.goals", lang) in headers(mentees)
    # The one error says what to do, and the page stops there: nothing to run, accept or download.
    assert values(at.error) == [t("matching.no_participants", lang, cohort=cohort_name(COHORT, lang))]  # in words
    assert not at.main.button and not at.download_button


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_run_review_and_download(store, page, lang):
    small_cohort(store)
    at = page(lang)
    assert metrics(at) == {t("matching.metric_mentors", lang): "4", t("matching.metric_places", lang): "5",
                           t("matching.metric_mentees", lang): "5"}
    assert at.info[0].value == t("matching.no_runs", lang)
    assert labels(at.main.button) == [t("matching.run_button", lang)]
    clean(run_matching(at))
    assert at.success[0].value == t("matching.run_saved", lang, run=1, pairs=4, unmatched=1)
    assert values(at.subheader) == [t(f"matching.{key}", lang) for key in (
        "who_title", "weights_title", "runs_title", "accept_title", "export_title")]
    assert {t("matching.metric_pairs", lang): "4", t("matching.metric_unmatched", lang): "1"}.items() <= metrics(
        at).items()
    assert t("matching.accept_button", lang) in labels(at.main.button)
    assert pairs(at) == {("Anna Berg", "Elin Gran"), ("Bo Ek", "Gustav Holm"), ("Cecilia Dahl", "Hanna Ilves"),
                         ("David Falk", "Ivar Jonsson")}
    reasons = table(at, 2)[t("matching.col.reasons", lang)].tolist()
    assert reasons[0].startswith({"sv": "Mentorn kan 2 av", "en": "The mentor covers 2 of"}[lang])
    unmatched = table(at, 3)
    assert unmatched[t("matching.col.reason", lang)].tolist() == [
        {"sv": "Ingen mentor utanför Region Norr talar arabiska.",
         "en": "No mentor outside Region Norr speaks Arabic."}[lang]]
    # The heat map: every mentee against every mentor, the run's pairs outlined.
    [chart] = at.get("plotly_chart")
    spec = json.loads(chart.proto.spec)
    assert len(spec["data"][0]["y"]) == 5 and len(spec["data"][1]["x"]) == 4
    assert downloads(at) == [t("matching.download_xlsx", lang), t("matching.download_csv", lang)]
    widget(at.button, t("document.make_pairs_pdf", lang)).click().run()  # fpdf2: made when asked for
    assert downloads(at) == [t("matching.download_xlsx", lang), t("matching.download_csv", lang),
                             t("document.pairs_pdf", lang)]


def test_explain_shows_the_breakdown_and_what_a_swap_costs(store, page):
    ids = small_cohort(store)
    at = run_matching(page("en"))
    at.selectbox(key=f"matching_explain_{COHORT}").set_value(ids["Elin Gran"]).run()
    assert "**Elin Gran** and **Anna Berg**: score 0.957" in [m.value for m in at.markdown]
    breakdown = table(at, 4)
    assert breakdown["Criterion"].tolist()[0] == "Goals and competences"
    costs = table(at, 5)
    assert list(costs.columns) == ["Mentor", "Score", "Change in total", "Change in pairs"]
    assert (costs["Change in total"] <= 0).all()


def test_pin_a_pair_and_run_again(store, page):
    ids = small_cohort(store)
    at = run_matching(page("sv"))
    widget(at.button, t("document.make_pairs_pdf", "sv")).click().run()
    assert t("document.pairs_pdf", "sv") in downloads(at)
    at.selectbox(key="matching_pair_mentee").set_value(ids["Ivar Jonsson"])
    at.selectbox(key="matching_pair_mentor").set_value(ids["Bo Ek"])
    at.button(key="matching_pin").click().run()
    assert at.success[0].value == "Nålat: Bo Ek – Ivar Jonsson. Kör igen för att räkna med det."
    # A pin is a change: the PDF made before it is no longer offered, but made again when asked.
    assert t("document.pairs_pdf", "sv") not in downloads(at)
    assert widget(at.button, t("document.make_pairs_pdf", "sv"))
    assert ":material/push_pin: Bo Ek – Ivar Jonsson (nålat)" in [m.value for m in at.markdown]
    run_matching(at)
    assert ("Bo Ek", "Ivar Jonsson") in pairs(at)
    frame = table(at, 2).set_index("Adept")
    assert frame.at["Ivar Jonsson", "Nålat"]


def test_a_pin_that_breaks_a_rule_is_refused_and_forbidding_works(store, page):
    ids = small_cohort(store)
    at = run_matching(page("en"))
    at.selectbox(key="matching_pair_mentee").set_value(ids["Elin Gran"])
    at.selectbox(key="matching_pair_mentor").set_value(ids["Bo Ek"])
    at.button(key="matching_pin").click().run()
    assert at.error[0].value.startswith("The pair Bo Ek – Elin Gran does not meet a gender preference")
    assert store.match_constraints(COHORT) == []
    at.selectbox(key="matching_pair_mentor").set_value(ids["Anna Berg"])
    at.button(key="matching_forbid").click().run()
    run_matching(at)
    assert ("Anna Berg", "Elin Gran") not in pairs(at)


def test_swap_two_mentees_runs_again_and_compares(store, page):
    ids = small_cohort(store)
    at = run_matching(page("en"))
    at.selectbox(key="matching_swap_first").set_value(ids["Gustav Holm"]).run()
    at.selectbox(key="matching_swap_second").set_value(ids["Ivar Jonsson"]).run()
    at.button(key="matching_swap").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Run 2 saved")
    assert {("David Falk", "Gustav Holm"), ("Bo Ek", "Ivar Jonsson")} <= pairs(at)
    changes = at.dataframe[-1].value
    assert sorted(changes["Mentee"]) == ["Gustav Holm", "Ivar Jonsson"]
    assert len(store.match_constraints(COHORT)) == 2


def test_all_weights_zero_is_a_message_not_a_run(store, page):
    small_cohort(store)
    at = page("en")
    for name in ("goals", "sector", "town", "experience", "text"):
        at.slider(key=f"matching_weight_{name}_{COHORT}").set_value(0.0)
    run_matching(at)
    assert at.error[0].value == t("matching.weights_all_zero", "en")
    assert store.match_runs(COHORT).empty


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_accept_marks_the_pairs_and_the_waiting_list(store, page, lang):
    small_cohort(store)
    at = run_matching(page(lang))
    at.button(key="matching_accept").click().run()
    next_label = f"{t('cohort.track_spring', lang)} 2027"
    assert at.success[0].value == t("matching.accepted_done", lang, pairs=4, waiting=1, next=next_label)
    assert t("matching.already_accepted", lang) in [s.value for s in at.success]
    assert len(store.accepted_pairs(COHORT)) == 4
    assert store.participants("spring-2027", "mentee")["name"].tolist() == ["Farah Haddad"]


def test_a_run_made_before_someone_withdrew_cannot_be_accepted(store, page):
    ids = small_cohort(store)
    at = run_matching(page("en"))
    with store.transaction() as connection:
        from core.store import schema
        connection.execute(schema.participations.update().where(
            schema.participations.c.person_id == ids["Elin Gran"]).values(status="withdrawn"))
    at.run()
    assert any(w.value.startswith("The run was made before the register changed: Elin Gran") for w in at.warning)
    assert at.button(key="matching_accept").disabled


def test_refused_settings_are_not_saved(store, page):
    ids = small_cohort(store)
    at = page("en")
    at.toggle(key=f"matching_same_org_{COHORT}").set_value(False)
    run_matching(at)
    at.selectbox(key="matching_pair_mentee").set_value(ids["Farah Haddad"])
    at.selectbox(key="matching_pair_mentor").set_value(ids["David Falk"])  # the same organisation
    at.button(key="matching_pin").click().run()
    assert not at.error
    at.toggle(key=f"matching_same_org_{COHORT}").set_value(True)
    run_matching(at)
    assert at.error  # the pin breaks the rule switched back on
    assert store.match_settings(COHORT).same_organisation_rule is False
    assert at.slider(key=f"matching_weight_goals_{COHORT}")  # the weights can still be changed


# -- People who share a name ------------------------------------------------------------------------

def two_anders(store) -> dict[str, int]:
    """Two mentors called Anders Eriksson, of two organisations, and three mentees whose goals
    point each to one mentor."""
    from tests.matching_people import add_participant
    people = {}
    for key, role, name, organisation, tags in (
            ("kommun", "mentor", "Anders Eriksson", "Kommun A", ["ledarskap"]),
            ("region", "mentor", "Anders Eriksson", "Region Syd", ["budget"]),
            ("anna", "mentor", "Anna Berg", "Region Norr", ["digitalisering"]),
            ("elin", "mentee", "Elin Gran", "Kommun B", ["ledarskap"]),
            ("gustav", "mentee", "Gustav Holm", "Kommun C", ["budget"]),
            ("ivar", "mentee", "Ivar Jonsson", "Kommun C", ["digitalisering"])):
        fields = {"competences" if role == "mentor" else "goals": tags}
        people[key] = add_participant(store, role, name, email=f"{key}@example.se", organisation=organisation,
                                      sector="public", **fields)
    return people


def test_two_people_of_one_name_are_told_apart_on_the_matching_page(store, page):
    """Each Anders Eriksson is named by his organisation in the pickers, the pairs, the swap, the
    comparison of runs and the heat map; a name nobody shares stays as it is. Swapping the two
    Anders' mentees is a change, though their names are the same."""
    ids = two_anders(store)
    kommun, region = "Anders Eriksson (Kommun A)", "Anders Eriksson (Region Syd)"
    at = clean(run_matching(page("en")))
    assert at.selectbox(key="matching_pair_mentor").options == [kommun, region, "Anna Berg"]
    assert at.selectbox(key="matching_pair_mentee").options == ["Elin Gran", "Gustav Holm", "Ivar Jonsson"]
    assert pairs(at) == {(kommun, "Elin Gran"), (region, "Gustav Holm"), ("Anna Berg", "Ivar Jonsson")}
    assert f"Elin Gran ({kommun})" in at.selectbox(key="matching_swap_first").options
    [heatmap] = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert heatmap["data"][0]["x"] == [kommun, region, "Anna Berg"]
    # The pickers hold ids: the Anders chosen is the one pinned.
    at.selectbox(key="matching_pair_mentee").set_value(ids["ivar"])
    at.selectbox(key="matching_pair_mentor").set_value(ids["region"])
    at.button(key="matching_pin").click().run()
    assert at.success[0].value == t("matching.pinned_saved", "en", mentor=region, mentee="Ivar Jonsson")
    assert [(c.mentor_id, c.mentee_id) for c in store.match_constraints(COHORT)] == [(ids["region"], ids["ivar"])]
    store.set_constraints(COHORT, [])
    at.run()
    at.selectbox(key="matching_swap_first").set_value(ids["elin"])
    at.selectbox(key="matching_swap_second").set_value(ids["gustav"])
    at.button(key="matching_swap").click().run()
    clean(at)
    assert {(region, "Elin Gran"), (kommun, "Gustav Holm")} <= pairs(at)
    changes = at.dataframe[-1].value.set_index(t("matching.col.mentee", "en"))
    assert changes[t("matching.col.before", "en")].to_dict() == {"Elin Gran": kommun, "Gustav Holm": region}
    assert changes[t("matching.col.after", "en")].to_dict() == {"Elin Gran": region, "Gustav Holm": kommun}
