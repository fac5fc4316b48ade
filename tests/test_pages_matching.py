"""The matching page as the coordinator uses it, rendered with AppTest in both languages: run,
review the pairs and the unmatched, pin, forbid, swap, compare, accept, and download the pair list."""

import datetime as dt
import json

import pytest

from core.platform.i18n import t
from tests.matching_people import COHORT, small_cohort

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
    assert [title.value for title in at.title] == [
        f"{t('matching.title', lang)} · {t('cohort.track_autumn', lang)} 2026 (autumn-2026)"]
    assert [e.value for e in at.error] == [t("matching.no_participants", lang, cohort=COHORT)]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_run_review_and_download(store, page, lang):
    small_cohort(store)
    at = page(lang)
    assert [m.value for m in at.metric] == ["4", "5", "5"]  # mentors, places, mentees
    assert at.info[0].value == t("matching.no_runs", lang)
    run_matching(at)
    assert at.success[0].value == t("matching.run_saved", lang, run=1, pairs=4, unmatched=1)
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
    downloads = [d.proto.label for d in at.get("download_button")]
    assert downloads == [t("matching.download_xlsx", lang), t("matching.download_csv", lang)]


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
    at.selectbox(key="matching_pair_mentee").set_value(ids["Ivar Jonsson"])
    at.selectbox(key="matching_pair_mentor").set_value(ids["Bo Ek"])
    at.button(key="matching_pin").click().run()
    assert at.success[0].value == "Nålat: Bo Ek – Ivar Jonsson. Kör igen för att räkna med det."
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
    at.selectbox(key="matching_swap_first").set_value(ids["Gustav Holm"])
    at.selectbox(key="matching_swap_second").set_value(ids["Ivar Jonsson"])
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
    next_label = f"{t('cohort.track_spring', lang)} 2027 (spring-2027)"
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
