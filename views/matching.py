"""Matchning: the chosen cohort's mentees paired with its mentors. Who takes part; the weights;
a run with each pair's reasons; explanations and what a swap costs; pins, forbidden pairs and
swaps; a comparison with another run; the heat map of all scores; acceptance; the pair list."""

import hashlib

import pandas as pd
import streamlit as st

from core.calendar.schedule import cohort_label
from core.documents import PDF_MIME
from core.documents.tables import pair_list_pdf
from core.matching import runs as matching
from core.matching.assignment import OBJECTIVES
from core.matching.report import (
    alternatives_text,
    breakdown_table,
    compare_runs,
    describe,
    pair_list_csv,
    pair_list_xlsx,
    pairs_table,
    participants_table,
    people_labels,
    score_heatmap,
    score_text,
    unmatched_table,
    warnings_text,
)
from core.matching.runs import FORBID, PIN, Constraint
from core.matching.scoring import CRITERIA, MAX_WEIGHT, MatchSettings
from core.platform.files import XLSX_MIME, file_stem
from core.platform.i18n import MentorplanError, format_number, t
from ui import context, documents
from ui.downloads import offer
from ui.tables import with_numbers
from ui.text import plain, shown

HEATMAP_LIMIT = 150  # people on a side beyond which the heat map is no longer readable
FLASH = "matching_flash"
SHOW_RUN = "matching_show_run"
TABS = "matching_tabs"  # the open tab of explain / adjust / compare / heat map, by its label


@st.cache_data(show_spinner=False, max_entries=8)
def scored(cohort_id: str, register: str, settings: MatchSettings, constraints: tuple[Constraint, ...],
           _mentors: pd.DataFrame, _mentees: pd.DataFrame) -> matching.Problem:
    """The scored cohort, kept across reruns while the register (by its fingerprint), weights and
    pins stay the same."""
    return matching.prepare(cohort_id, _mentors, _mentees, settings, constraints)


def cohort_problem(settings: MatchSettings, constraints: tuple[Constraint, ...]) -> matching.Problem:
    register = hashlib.sha256("".join(frame.to_json(orient="split", date_format="iso", default_handler=str)
                                      for frame in (mentors, mentees)).encode()).hexdigest()
    return scored(cohort.id, register, settings, tuple(constraints), mentors, mentees)


def flash_and_rerun(message: str) -> None:
    st.session_state[FLASH] = message
    st.rerun()


def run_and_save(problem: matching.Problem) -> None:
    with st.spinner(t("matching.running", lang)):
        result = matching.run(problem)
        run_id = store.save_run(result)
    st.session_state[SHOW_RUN] = run_id  # shown after the rerun, when the run chooser is drawn anew
    flash_and_rerun(t("matching.run_saved", lang, run=run_id, pairs=result.pair_count,
                      unmatched=len(result.unmatched)))


def show_constraints() -> None:
    st.markdown(f"**{t('matching.constraints_title', lang)}**")
    if not constraints:
        st.caption(t("matching.no_constraints", lang))
        return
    for c in constraints:
        text, button = st.columns([5, 1])
        text.markdown(t(f"matching.constraint.{c.kind}", lang, mentor=plain(name_of(c.mentor_id)),
                        mentee=plain(name_of(c.mentee_id))))
        if button.button(t("matching.remove_button", lang), key=f"matching_remove_{c.mentor_id}_{c.mentee_id}"):
            store.delete_constraint(cohort.id, c.mentor_id, c.mentee_id)
            flash_and_rerun(t("matching.removed", lang))


lang = context.lang()
store = context.store()
cohort = context.cohort()
label = cohort_label(cohort, lang)  # the cohort in words where people read; its id stays in keys
view_key = f"matching_view_{cohort.id}"
st.title(f"{t('matching.title', lang)} · {label}")
st.caption(t("matching.intro", lang, cohort=label))
if flash := st.session_state.pop(FLASH, None):
    st.success(flash)

mentors = store.participants(cohort.id, "mentor")
mentees = store.participants(cohort.id, "mentee")
settings = store.match_settings(cohort.id)
constraints = tuple(store.match_constraints(cohort.id))
# Everyone of the cohort by id, as pickers and tables name them: two people of one name read apart.
names = people_labels(pd.concat([mentors, mentees]))


def name_of(person_id: int) -> str:
    """A person's label, or words for someone no longer in the cohort (never a bare id)."""
    return names.get(person_id) or t("matching.someone_gone", lang)


# -- Who takes part ----------------------------------------------------------------------------
st.subheader(t("matching.who_title", lang))
st.caption(t("matching.who_caption", lang))
active_mentors, active_mentees = matching.taking_part(mentors), matching.taking_part(mentees)
left, middle, right = st.columns(3)
left.metric(t("matching.metric_mentors", lang), len(active_mentors))
middle.metric(t("matching.metric_places", lang), int(active_mentors["capacity"].sum()))
right.metric(t("matching.metric_mentees", lang), len(active_mentees))
mentor_tab, mentee_tab = st.tabs([t("matching.tab_mentors", lang), t("matching.tab_mentees", lang)],
                                 key=f"matching_who_tabs_{lang}", on_change="rerun")
mentor_tab.dataframe(participants_table(active_mentors, "mentor", lang), hide_index=True, width="stretch",
                     placeholder="–")
mentee_tab.dataframe(participants_table(active_mentees, "mentee", lang), hide_index=True, width="stretch",
                     placeholder="–")

try:
    problem = cohort_problem(settings, constraints)
except MentorplanError as error:
    st.error(shown(error, lang))
    if constraints:
        st.caption(t("matching.fix_constraints", lang))
        show_constraints()
    st.stop()
for notice in problem.notices:
    st.warning(plain(describe(notice, lang)))

# -- Weights, and running ----------------------------------------------------------------------
st.subheader(t("matching.weights_title", lang))
with st.form(f"matching_weights_{cohort.id}"):
    st.caption(t("matching.weights_intro", lang))
    columns = st.columns(len(CRITERIA))
    weights = {name: column.slider(t(f"matching.criterion.{name}", lang), 0.0, MAX_WEIGHT,
                                   float(getattr(settings, name)), 0.5, key=f"matching_weight_{name}_{cohort.id}",
                                   help=t(f"matching.criterion_help.{name}", lang))
               for name, column in zip(CRITERIA, columns, strict=True)}
    rule_column, objective_column = st.columns(2)
    same_org_rule = rule_column.toggle(
        t("matching.same_org_rule", lang), value=settings.same_organisation_rule, key=f"matching_same_org_{cohort.id}",
        help=t("matching.same_org_rule_help", lang))
    objective = objective_column.radio(
        t("matching.objective_label", lang), OBJECTIVES, horizontal=True, index=OBJECTIVES.index(settings.objective),
        key=f"matching_objective_{cohort.id}", format_func=lambda o: t(f"matching.objective.{o}", lang),
        help=t("matching.objective_help", lang))
    run_clicked = st.form_submit_button(t("matching.run_button", lang), type="primary", key="matching_run")
if run_clicked:
    try:
        chosen = MatchSettings(**weights, same_organisation_rule=same_org_rule, objective=objective)
        checked = cohort_problem(chosen, constraints)  # refused settings are not saved
        store.save_match_settings(cohort.id, chosen)
        run_and_save(checked)
    except MentorplanError as error:
        st.error(shown(error, lang))

# -- The result --------------------------------------------------------------------------------
st.subheader(t("matching.runs_title", lang))
runs = store.match_runs(cohort.id)
if runs.empty:
    st.info(t("matching.no_runs", lang))
    show_constraints()
    st.stop()
summaries = runs.set_index("id")
if (just_run := st.session_state.pop(SHOW_RUN, None)) in summaries.index:
    st.session_state[view_key] = just_run
if st.session_state.get(view_key) not in summaries.index:
    st.session_state[view_key] = int(summaries.index[0])


def run_label(run_id: int) -> str:
    summary = summaries.loc[run_id]
    return t("matching.run_label", lang, id=run_id, time=pd.Timestamp(summary["created_at"]).strftime("%Y-%m-%d %H:%M"),
             objective=t(f"matching.objective.{summary['objective']}", lang), pairs=summary["pair_count"],
             unmatched=summary["unmatched_count"],
             accepted=t("matching.accepted_mark", lang) if summary["accepted"] else "")


run_id = st.selectbox(t("matching.run_choice", lang), list(summaries.index), key=view_key, format_func=run_label,
                      placeholder=t("common.choose_option", lang))
run = context.memo(lambda: store.match_run(run_id), "match_run", run_id)  # read again after a change
try:
    matching.check_acceptable(run, mentors, mentees)
    stale = None
except MentorplanError as error:
    stale = shown(error, lang)  # it names people: their names stay text
    st.warning(stale)

scores = run.pairs["score"].astype(float)
columns = st.columns(5)
columns[0].metric(t("matching.metric_pairs", lang), run.pair_count)
columns[1].metric(t("matching.metric_unmatched", lang), len(run.unmatched_mentees))
columns[2].metric(t("matching.metric_mean", lang), score_text(scores.mean(), lang) if len(scores) else "–")
columns[3].metric(t("matching.metric_weakest", lang), score_text(run.min_score, lang) if len(scores) else "–")
columns[4].metric(t("matching.metric_total", lang), score_text(run.total_score, lang))

st.markdown(f"**{t('matching.pairs_title', lang)}**")
# Scores the language's way ("0,645"): Streamlit's progress bar writes its number only with a point.
st.dataframe(with_numbers(pairs_table(run, lang, names), lang), hide_index=True, width="stretch", placeholder="–")
st.markdown(f"**{t('matching.unmatched_title', lang)}**")
if run.unmatched.empty or run.unmatched_mentees.empty:
    st.success(t("matching.no_unmatched", lang))
if not run.unmatched.empty:
    st.dataframe(unmatched_table(run, lang, names), hide_index=True, width="stretch", placeholder="–")

# The open tab is kept (by its key) across the reruns that pinning, forbidding and swapping make:
# the coordinator stays where they were instead of landing on the first tab.
explain_tab, adjust_tab, compare_tab, map_tab = st.tabs([
    t("matching.explain_title", lang), t("matching.adjust_title", lang), t("matching.compare_title", lang),
    t("matching.heatmap_title", lang)], key=f"{TABS}_{lang}", on_change="rerun")

# -- Explain a pair ------------------------------------------------------------------------------
with explain_tab:
    in_run = run.pairs["mentee_person_id"].tolist() + run.unmatched_mentees["person_id"].tolist()
    run_names = {**dict(zip(run.pairs["mentee_person_id"], run.pairs["mentee_name"], strict=True)),
                 **dict(zip(run.unmatched["person_id"], run.unmatched["name"], strict=True))}
    mentee_id = st.selectbox(t("matching.explain_mentee", lang), in_run, key=f"matching_explain_{cohort.id}",
                             format_func=lambda p: names.get(p) or run_names.get(p, str(p)),
                             placeholder=t("common.choose_option", lang))
    pair = run.pairs[run.pairs["mentee_person_id"] == mentee_id]
    if len(pair):
        pair = pair.iloc[0]
        st.markdown(t("matching.explain_pair", lang, mentee=plain(names.get(mentee_id, pair["mentee_name"])),
                      mentor=plain(names.get(int(pair["mentor_person_id"]), pair["mentor_name"])),
                      score=score_text(pair["score"], lang)))
        breakdown = breakdown_table(pair["reasons"], lang)
        shares = [t("matching.col.value", lang), t("matching.col.share", lang)]
        breakdown_shown = with_numbers(breakdown, lang, columns=shares).format(
            lambda v: format_number(v, lang, 1), subset=[t("matching.col.weight", lang)])
        st.dataframe(breakdown_shown, hide_index=True, width="stretch", placeholder="–")
        if pair["warnings"]:
            st.warning(plain(warnings_text(pair["warnings"], lang)))
    elif mentee_id is not None:
        person = run.unmatched[run.unmatched["person_id"] == mentee_id].iloc[0]
        st.markdown(t("matching.explain_unmatched", lang, mentee=plain(names.get(mentee_id, person["name"])),
                      reason=plain(describe(person["reason"], lang))))
    if mentee_id is not None and mentee_id in set(problem.mentees["person_id"]):
        st.markdown(f"**{t('matching.alternatives_title', lang)}**")
        st.caption(t("matching.alternatives_caption", lang))
        costs = matching.swap_costs(problem, mentee_id)
        if costs.empty:
            st.caption(t("matching.no_alternatives", lang))
        else:
            st.dataframe(with_numbers(pd.DataFrame({
                t("matching.col.mentor", lang): [names.get(int(p), n) for p, n in zip(
                    costs["mentor_person_id"], costs["name"], strict=True)],
                t("matching.col.score", lang): costs["score"].astype(float).round(3),
                t("matching.col.total_change", lang): costs["total_change"].astype(float).round(3),
                t("matching.col.pairs_change", lang): costs["pairs_change"],
            }), lang), hide_index=True, width="stretch", placeholder="–")
    elif len(pair):
        st.caption(plain(alternatives_text(pair["alternatives"], lang, names)))

# -- Adjust: pin, forbid, swap -------------------------------------------------------------------
with adjust_tab:
    st.caption(t("matching.adjust_intro", lang))
    pair_column, swap_column = st.columns(2)
    mentee_ids = problem.mentees["person_id"].tolist()
    mentor_ids = problem.mentors["person_id"].tolist()
    with pair_column:
        chosen_mentee = st.selectbox(t("matching.pair_mentee", lang), mentee_ids, key="matching_pair_mentee",
                                     format_func=names.__getitem__, placeholder=t("common.choose_option", lang))
        chosen_mentor = st.selectbox(t("matching.pair_mentor", lang), mentor_ids, key="matching_pair_mentor",
                                     format_func=names.__getitem__, placeholder=t("common.choose_option", lang))
        pin_button, forbid_button = st.columns(2)
        for kind, button, saved, icon in ((PIN, pin_button, "matching.pinned_saved", ":material/push_pin:"),
                                          (FORBID, forbid_button, "matching.forbidden_saved", ":material/block:")):
            if button.button(t(f"matching.{kind}_button", lang), key=f"matching_{kind}", width="stretch", icon=icon):
                added = [Constraint(int(chosen_mentor), int(chosen_mentee), kind)]
                try:
                    matching.check_constraints(problem, added)
                except MentorplanError as error:
                    st.error(shown(error, lang))
                else:
                    store.set_constraints(cohort.id, matching.with_constraints(constraints, added))
                    flash_and_rerun(t(saved, lang, mentor=plain(names[chosen_mentor]),
                                      mentee=plain(names[chosen_mentee])))
    with swap_column:
        mentor_of = {mentee: names.get(int(mentor), name) for mentee, mentor, name in zip(
            run.pairs["mentee_person_id"], run.pairs["mentor_person_id"], run.pairs["mentor_name"], strict=True)}
        paired = [m for m in mentor_of if m in set(mentee_ids)]

        def with_mentor(mentee: int) -> str:
            return f"{names[mentee]} ({mentor_of[mentee]})"

        first = st.selectbox(t("matching.swap_first", lang), paired, key="matching_swap_first", format_func=with_mentor,
                             placeholder=t("common.choose_option", lang))
        # Only mentees of another mentor: a swap within one mentor's mentees, or with oneself, is no change.
        partners = matching.swap_partners(run, int(first), paired) if first is not None else []
        second = st.selectbox(t("matching.swap_second", lang), partners, key="matching_swap_second",
                              format_func=with_mentor, placeholder=t("common.choose_option", lang))
        broken = matching.swap_breaks(problem, run, int(first), int(second)) if second is not None else []
        if first is not None and not partners:
            st.caption(t("matching.swap_no_partner", lang))
        elif second is not None and broken:  # said before the button is pressed, and the button kept shut
            st.warning("\n".join([t("matching.swap_breaks_title", lang)] + [
                "- " + t(f"matching.swap_breaks_{b.rule}", lang, mentor=plain(name_of(b.mentor_id)),
                         mentee=plain(name_of(b.mentee_id))) for b in broken]),
                icon=":material/block:")
        elif second is not None:
            st.caption(t("matching.swap_preview", lang, mentee_a=plain(names[first]), mentee_b=plain(names[second]),
                         mentor_a=plain(mentor_of[first]), mentor_b=plain(mentor_of[second])))
        if st.button(t("matching.swap_button", lang), key="matching_swap", disabled=second is None or bool(broken),
                     icon=":material/swap_horiz:"):
            try:
                added = matching.swap_pins(run, int(first), int(second))
                swapped = matching.check_constraints(problem, added)
            except MentorplanError as error:
                st.error(shown(error, lang))
            else:
                store.set_constraints(cohort.id, swapped.constraints)
                run_and_save(swapped)
    show_constraints()

# -- Compare with another run --------------------------------------------------------------------
with compare_tab:
    others = [i for i in summaries.index if i != run.id]
    if not others:
        st.caption(t("matching.compare_none", lang))
    else:
        older = [i for i in others if i < run.id]
        other_id = st.selectbox(t("matching.compare_with", lang), others, key=f"matching_compare_{run.id}",
                                index=others.index(older[0]) if older else 0, format_func=run_label,
                                placeholder=t("common.choose_option", lang))
        other = context.memo(lambda: store.match_run(other_id), "match_run", other_id)
        changes = compare_runs(other, run, lang, names)
        st.markdown(t("matching.compare_summary", lang, before=score_text(other.total_score, lang),
                      after=score_text(run.total_score, lang), pairs_before=other.pair_count,
                      pairs_after=run.pair_count, changed=len(changes)))
        if changes.empty:
            st.caption(t("matching.compare_same", lang))
        else:
            st.dataframe(with_numbers(changes, lang), hide_index=True, width="stretch", placeholder="–")

# -- Heat map ------------------------------------------------------------------------------------
with map_tab:
    st.caption(t("matching.heatmap_caption", lang))
    if max(len(problem.mentees), len(problem.mentors)) > HEATMAP_LIMIT:
        st.caption(t("matching.heatmap_too_big", lang, mentees=len(problem.mentees), mentors=len(problem.mentors)))
    else:
        heatmap = context.memo(lambda: score_heatmap(problem, run, lang, names), "heatmap", run.id, lang)
        st.plotly_chart(heatmap, width="stretch", config={"displaylogo": False})

# -- Accept ----------------------------------------------------------------------------------------
st.subheader(t("matching.accept_title", lang))
if run.accepted:
    st.success(t("matching.already_accepted", lang))
else:
    next_cohort = context.programme().next_start(cohort)
    next_label = cohort_label(next_cohort, lang)
    left_out = run.unmatched_mentees
    waiting = []
    if not left_out.empty:
        left_names = {p: names.get(int(p), n) for p, n in zip(left_out["person_id"], left_out["name"], strict=True)}
        waiting = st.multiselect(t("matching.accept_waiting", lang, next=next_label), list(left_names),
                                 default=list(left_names), key=f"matching_waiting_{run.id}",
                                 format_func=left_names.__getitem__, help=t("matching.accept_waiting_help", lang),
                                 placeholder=t("common.choose_options", lang))
    if st.button(t("matching.accept_button", lang), type="primary", key="matching_accept", disabled=stale is not None,
                 icon=":material/check:"):
        try:
            matching.check_acceptable(run, store.participants(cohort.id, "mentor"),
                                      store.participants(cohort.id, "mentee"))
            store.accept_run(cohort.id, run.id, waiting, next_cohort.id)
        except MentorplanError as error:
            st.error(shown(error, lang))
        else:
            flash_and_rerun(t("matching.accepted_done", lang, pairs=run.pair_count, waiting=len(waiting),
                              next=next_label))

# -- The pair list ---------------------------------------------------------------------------------
st.subheader(t("matching.export_title", lang))
file_name = file_stem(t("matching.file_name", lang, cohort=label))  # "parlista-hoststart-2026"
xlsx_column, csv_column = st.columns(2)
# Made once per run and language while nothing is written (ui.context.memo), not on every rerun;
# the PDF (fpdf2 takes a good part of a second) only when asked for, not after every pin or swap.
pair_files = context.memo(lambda: (pair_list_xlsx(run, label, lang), pair_list_csv(run, lang)),
                          "pair_files", run.id, lang, context.today())
offer(xlsx_column, t("matching.download_xlsx", lang), pair_files[0],
      f"{file_name}.xlsx", XLSX_MIME, key="matching_download_xlsx", width="stretch")
offer(csv_column, t("matching.download_csv", lang), pair_files[1],
      f"{file_name}.csv", "text/csv", key="matching_download_csv", width="stretch")
if documents.on_request(st, "matching_pdf", t("document.make_pairs_pdf", lang),
                        (run.id, lang, context.today(), context.version()), lang):
    offer(st, t("document.pairs_pdf", lang),
          context.memo(lambda: pair_list_pdf(run, cohort, lang, context.today()), "pair_pdf", run.id, lang,
                       context.today()),
          f"{file_name}.pdf", PDF_MIME, key="matching_download_pdf", help=t("document.pdf_help", lang),
          icon=":material/print:")
