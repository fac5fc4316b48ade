"""Deltagarregister: everyone across cohorts; search and filter, then one person's details to
edit, their participation to withdraw or move to the next start, their data to export, or the
person to delete everywhere."""


import streamlit as st

from core.calendar.schedule import cohort_words
from core.people.columns import STATUSES
from core.people.register import (
    delete_consequences,
    delete_person,
    describe_value,
    edit_participation,
    edit_person,
    field_label,
    form_edits,
    move_to_next_start,
    person_export_file,
    register_frame,
    search,
    withdraw,
)
from core.platform.backup import backup_dir
from core.platform.files import XLSX_MIME
from core.platform.i18n import MentorplanError, t
from core.platform.names import labels_by_id
from ui import context
from ui.downloads import offer
from ui.text import plain, shown

PERSON = "register_person"

lang = context.lang()
store = context.store()
st.title(t("register.title", lang))
if st.session_state.get("register_done"):
    st.success(st.session_state.pop("register_done"), icon=":material/check_circle:")

frame = context.memo(store.participants, "participants")  # read again only after a change
if frame.empty:
    st.info(t("register.empty", lang))
    st.page_link("views/participants.py", label=t("participants.nav", lang), icon=":material/upload_file:")
    st.stop()

text = st.text_input(t("register.search", lang), key="register_search", placeholder=t("register.search_hint", lang))
filters = st.columns(4)
cohorts = filters[0].multiselect(t("participants.field.cohort", lang), sorted(frame["cohort_id"].unique()),
                                 key="register_cohorts", placeholder=t("common.choose_options", lang),
                                 format_func=lambda c: cohort_words(c, lang))
roles = filters[1].multiselect(t("participants.field.role", lang), ["mentor", "mentee"], key="register_roles",
                               format_func=lambda r: t(f"participants.role.{r}", lang),
                               placeholder=t("common.choose_options", lang))
statuses = filters[2].multiselect(t("participants.field.status", lang), list(STATUSES), key="register_statuses",
                                  format_func=lambda s: t(f"participants.status.{s}", lang),
                                  placeholder=t("common.choose_options", lang))
organisations = filters[3].multiselect(t("participants.field.organisation", lang),
                                       sorted(o for o in frame["organisation"].unique() if o), key="register_orgs",
                                       placeholder=t("common.choose_options", lang))


def found_and_table():
    hits = search(frame, text, cohorts, roles, statuses, organisations)
    return hits, register_frame(hits, lang)


chosen_filters = (text, tuple(cohorts), tuple(roles), tuple(statuses), tuple(organisations))
found, register_table = context.memo(found_and_table, "register_found", chosen_filters, lang)
st.caption(t("register.found", lang, count=len(found), people=found["person_id"].nunique(), total=len(frame)))
st.dataframe(register_table, hide_index=True, width="stretch", placeholder="–")

people = found.drop_duplicates("person_id").set_index("person_id")
chosen = st.session_state.get(PERSON)
options = list(people.index) + ([chosen] if chosen in frame["person_id"].values and chosen not in people.index else [])
# Everyone in the register by id: two people of one name read apart by organisation (or e-mail).
person_labels, person_emails = context.memo(lambda: (
    labels_by_id(frame["person_id"], frame["name"], frame["organisation"], frame["email"]),
    dict(zip(frame["person_id"].astype(int), frame["email"], strict=True))), "register_labels")


def person_choice(pid: int) -> str:
    """"Anna Berg · anna@x.se", "Anders Eriksson (Region Norr) · anders@region.se"."""
    label, email = person_labels[int(pid)], person_emails[int(pid)]
    return label if email in label else f"{label} · {email}"


person_id = st.selectbox(t("register.choose_person", lang), options, index=None, key=PERSON,
                         format_func=person_choice, placeholder=t("common.choose_option", lang))
if person_id is None:
    st.stop()
person = store.person(int(person_id))
if person is None:
    st.stop()


def show_problems(problems) -> None:
    for problem in problems:
        st.error(shown(problem, lang), icon=":material/error:")


st.subheader(plain(person["name"]))
details, taking_part, export, removal = st.tabs([t("register.tab_details", lang), t("register.tab_participation", lang),
                                                 t("register.tab_export", lang), t("register.tab_delete", lang)])
with details, st.form(f"person_{person_id}"):
    values = {}
    left, right = st.columns(2)
    for index, field in enumerate(("name", "email", "phone", "organisation", "department", "title", "town")):
        column = left if index % 2 == 0 else right
        values[field] = column.text_input(field_label(field, lang), person[field] or "", key=f"p{person_id}_{field}")
    values["languages"] = left.text_input(field_label("languages", lang), ", ".join(person["languages"] or []),
                                          key=f"p{person_id}_languages", help=t("register.languages_help", lang))
    genders = ["", "woman", "man", "other"]
    values["gender"] = right.selectbox(field_label("gender", lang), genders,
                                       index=genders.index(person["gender"] or ""), key=f"p{person_id}_gender",
                                       format_func=lambda g: describe_value("gender", g, lang),
                                       placeholder=t("common.choose_option", lang))
    if st.form_submit_button(t("common.save", lang)):
        edits = form_edits(person, values)
        try:
            problems = edit_person(store, int(person_id), edits) if edits else []
        except MentorplanError as error:
            problems = []
            st.error(shown(error, lang), icon=":material/error:")
        else:
            show_problems(problems)
            if not problems:
                st.session_state["register_done"] = t("common.saved", lang)
                st.rerun()

with taking_part:
    for part in person["participations"]:
        pid, role = part["id"], part["role"]
        status = t("participants.status." + part["status"], lang)
        title = f"{cohort_words(part['cohort_id'], lang)} · {t('participants.role.' + role, lang)} · {status}"
        with st.expander(title, expanded=len(person["participations"]) == 1):
            if part["extra"]:
                st.caption(f"{t('register.extra', lang)}: {plain(describe_value('extra', part['extra'], lang))}")
            with st.form(f"participation_{pid}"):
                values = {}
                left, right = st.columns(2)
                values["status"] = left.selectbox(field_label("status", lang), STATUSES, key=f"q{pid}_status",
                                                  index=STATUSES.index(part["status"]),
                                                  format_func=lambda s: t(f"participants.status.{s}", lang),
                                                  placeholder=t("common.choose_option", lang))
                tags = "competences" if role == "mentor" else "goals"
                values[tags] = right.text_input(field_label(tags, lang), ", ".join(part[tags] or []),
                                                key=f"q{pid}_tags")
                values["sector"] = left.text_input(field_label("sector", lang), part["sector"] or "",
                                                   key=f"q{pid}_sector")
                values["experience_years"] = right.number_input(
                    field_label("experience_years", lang), min_value=0, max_value=70, step=1,
                    value=part["experience_years"], key=f"q{pid}_experience")
                starts = ["autumn", "spring", "any"]
                values["start_preference"] = left.selectbox(
                    field_label("start_preference", lang), starts, index=starts.index(part["start_preference"]),
                    key=f"q{pid}_start", format_func=lambda s: t(f"participants.start.{s}", lang),
                    placeholder=t("common.choose_option", lang))
                if role == "mentor":
                    values["capacity"] = right.number_input(field_label("capacity", lang), min_value=1, max_value=10,
                                                            step=1, value=part["capacity"], key=f"q{pid}_capacity")
                else:
                    wishes = ["", "woman", "man", "other"]
                    values["gender_preference"] = right.selectbox(
                        field_label("gender_preference", lang), wishes, key=f"q{pid}_wish",
                        index=wishes.index(part["gender_preference"] or ""),
                        format_func=lambda g: describe_value("gender_preference", g, lang),
                        placeholder=t("common.choose_option", lang))
                    sectors = ["", "same", "other"]
                    values["sector_preference"] = left.selectbox(
                        field_label("sector_preference", lang), sectors, key=f"q{pid}_sector_wish",
                        index=sectors.index(part["sector_preference"] or ""),
                        format_func=lambda s: t(f"participants.sector_preference.{s or 'none'}", lang),
                        placeholder=t("common.choose_option", lang))
                values["same_org_allowed"] = st.checkbox(field_label("same_org_allowed", lang),
                                                         part["same_org_allowed"], key=f"q{pid}_same_org")
                values["consent"] = st.checkbox(field_label("consent", lang), part["consent"], key=f"q{pid}_consent")
                values["motivation"] = st.text_area(field_label("motivation", lang), part["motivation"] or "",
                                                    key=f"q{pid}_motivation")
                if st.form_submit_button(t("common.save", lang)):
                    edits = form_edits(part, values)
                    problems = edit_participation(store, pid, role, edits) if edits else []
                    show_problems(problems)
                    if not problems:
                        st.session_state["register_done"] = t("common.saved", lang)
                        st.rerun()
            actions = st.columns(2)
            if part["status"] != "withdrawn" and actions[0].button(t("register.withdraw", lang), key=f"q{pid}_withdraw",
                                                                   icon=":material/person_remove:"):
                withdraw(store, pid)
                st.session_state["register_done"] = t("register.withdrawn", lang,
                                                      cohort=cohort_words(part["cohort_id"], lang))
                st.rerun()
            if part["status"] in ("applied", "waiting") and actions[1].button(
                    t("register.move", lang), key=f"q{pid}_move", help=t("register.move_help", lang),
                    icon=":material/redo:"):
                try:
                    target = move_to_next_start(store, context.programme(), pid, part["cohort_id"])
                except MentorplanError as error:
                    st.error(shown(error, lang), icon=":material/error:")
                else:
                    st.session_state["register_done"] = t("register.moved", lang, cohort=cohort_words(target, lang))
                    st.rerun()

with export:
    st.caption(t("register.export_help", lang))
    stem = person["email"].replace("@", "_at_")
    buttons = st.columns(2)
    as_json = person_export_file(store, int(person_id), "json")
    as_xlsx = person_export_file(store, int(person_id), "xlsx")
    offer(buttons[0], t("register.export_json", lang), as_json, file_name=f"{stem}.json",
                      mime="application/json", icon=":material/download:", key="export_json")
    offer(buttons[1], t("register.export_xlsx", lang), as_xlsx, file_name=f"{stem}.xlsx",
                      mime=XLSX_MIME, icon=":material/download:", key="export_xlsx")

with removal:
    held = ", ".join(f"{table}: {len(rows)}" for table, rows in store.person_data(int(person_id)).items())
    consequences = [plain(words) for words in delete_consequences(store, int(person_id), lang)]  # partners' names
    st.warning(" ".join([t("register.delete_warning", lang, name=plain(person["name"]), held=held,
                                       folder=backup_dir()), *consequences]),
               icon=":material/warning:")
    typed = st.text_input(t("register.delete_confirm", lang, email=plain(person["email"])), key=f"delete_{person_id}")
    if st.button(t("register.delete", lang), type="primary", key=f"delete_button_{person_id}",
                 disabled=typed.strip().lower() != person["email"], icon=":material/delete_forever:"):
        try:
            deleted = delete_person(store, int(person_id), typed)
        except MentorplanError as error:
            st.error(shown(error, lang), icon=":material/error:")
        else:
            st.session_state["register_done"] = " ".join([t("register.deleted", lang, name=plain(person["name"]),
                                                            rows=sum(deleted.values())), *consequences])
            del st.session_state[PERSON]
            st.rerun()
