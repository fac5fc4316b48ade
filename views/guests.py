"""Gästlistor: who is invited to each event of the chosen cohort, and why — counts for every
event, one event's list with each guest's reason, and the list as .xlsx or .csv. The coordinator
chooses how many past cohorts' pairs the trainings invite, adds a person to one event's list or
leaves one out; once an event's invitations are sent (or its day has passed) its list stays as it
was, and a later sign-up who would now be invited shows as not invited, with a way to invite them."""


import streamlit as st

from core.calendar.schedule import cohort_label, describe_guests, describe_note, describe_when, event_name
from core.messages.guests import (
    counts,
    display_frame,
    event_guests,
    guest_labels,
    invited_events,
    load_history,
    summary_frame,
)
from core.messages.records import ADDED, EXCLUDED, MAX_FORMER_PAIR_COHORTS
from core.messages.templates import DECISIONS_EVENT
from core.platform.files import XLSX_MIME, file_stem, to_csv, to_xlsx
from core.platform.i18n import format_date, t
from core.platform.names import by_name, person_labels
from ui import context, downloads
from ui.text import plain

ONLY_PEOPLE = "messages_only_people"  # the messages page writes to just these people (views/messages.py)

lang = context.lang()
store = context.store()
programme = context.programme()
cohort = context.cohort()
today = context.today()
label = cohort_label(cohort, lang)

st.title(f"{t('guests_page.title', lang)} · {label}")
st.caption(t("guests_page.intro", lang, cohort=label))
st.caption(t("guests_page.as_of_now", lang))

# Worked out once per session while nothing is written (ui.context.memo): a rerun only draws.
history = context.memo(lambda: load_history(store), "history")
events = {o.id: o for o in invited_events(programme, cohort)}
lists = context.memo(lambda: {event_id: event_guests(store, programme, o, history, today)
                              for event_id, o in events.items()}, "guest_lists", cohort.id, today)
st.subheader(t("guests_page.overview", lang))
summary = context.memo(lambda: summary_frame(history, programme, cohort, lang, lists), "guest_summary", cohort.id,
                       today, lang)
st.dataframe(summary, hide_index=True, width="stretch", height=36 * (len(summary) + 1) + 4, placeholder="–")


def save_former_cohorts() -> None:
    store.save_former_pair_cohorts(int(st.session_state["guests_former_cohorts"]))


if any(invite.who == "former_pairs" for o in events.values() for invite in o.event.invites):
    st.number_input(t("guests_page.former_cohorts", lang), min_value=1, max_value=MAX_FORMER_PAIR_COHORTS,
                    value=store.former_pair_cohorts(), step=1, key="guests_former_cohorts",
                    help=t("guests_page.former_cohorts_help", lang), on_change=save_former_cohorts)

event_id = st.selectbox(t("guests_page.event", lang), list(events), key="guests_event",
                        format_func=lambda e: f"{event_name(e, lang)} · {describe_when(events[e], lang)}",
                        placeholder=t("common.choose_option", lang))
occurrence = events[event_id]
chosen = lists[event_id]
guests = chosen.invited
numbers = context.memo(lambda: counts(guests), "guest_counts", cohort.id, event_id, today)
labels = context.memo(lambda: guest_labels(guests), "guest_labels", cohort.id, event_id, today)  # as on the list
key_cohort, key_event = occurrence.key  # a shared occurrence's list is kept under its owner


def go_write(person_ids: list[int] | None = None) -> None:
    """Open the messages page on this event's invitation (for just these people, if given)."""
    if event_id == DECISIONS_EVENT:
        st.session_state["messages_what"] = "decision"
    else:
        st.session_state["messages_what"] = "invitation"
        st.session_state["messages_event"] = event_id
    if person_ids:
        st.session_state[ONLY_PEOPLE] = {"cohort": cohort.id, "event": event_id, "people": person_ids}
    else:
        st.session_state.pop(ONLY_PEOPLE, None)
    st.switch_page("views/messages.py")


st.subheader(t("guests_page.list_title", lang, event=event_name(event_id, lang), when=describe_when(occurrence, lang)))
if len(occurrence.cohorts) > 1:
    st.caption(t("guests_page.shared", lang, cohorts=", ".join(cohort_label(c, lang) for c in occurrence.cohorts)))
if describe_note(occurrence, lang):  # the rulebook's note (an evening mingle: whom it is for)
    st.caption(describe_note(occurrence, lang))
if chosen.kept and chosen.kept_on and (guests or chosen.not_invited or chosen.excluded):
    st.info(t(f"guests_page.kept_{chosen.kept}", lang, day=format_date(chosen.kept_on, lang)),
            icon=":material/lock:")
columns = st.columns(4)
for column, (key, count) in zip(columns, (("invited", numbers["total"]), ("mentors", numbers["mentor"]),
                                          ("mentees", numbers["mentee"]),
                                          ("no_address_count", numbers["no_address"])), strict=True):
    column.metric(t(f"guests_page.{key}", lang), count)

if not guests:
    st.info(t("guests_page.nobody", lang, groups=", ".join(describe_guests(occurrence, lang))))
else:
    table = context.memo(lambda: display_frame(guests, lang), "guest_table", cohort.id, event_id, today, lang)
    st.dataframe(table, hide_index=True, width="stretch", placeholder="–")
    missing = [label for g, label in zip(guests, labels, strict=True) if not g.has_address]
    if missing:
        st.warning(t("guests_page.no_address_warning", lang, count=len(missing),
                     names=", ".join(plain(name) for name in missing)), icon=":material/warning:")
    st.caption(t("guests_page.export", lang))
    heading = f"{t('guests_page.title', lang)} · {event_name(event_id, lang)} · {cohort_label(cohort, lang)}"
    name = file_stem(heading)  # "gastlistor-kick-off-hoststart-2026"
    xlsx_column, csv_column = st.columns(2)
    files = context.memo(lambda: (to_xlsx({event_name(event_id, lang): table}, heading), to_csv(table, lang)),
                         "guest_files", cohort.id, event_id, today, lang)
    downloads.offer(xlsx_column, t("guests_page.xlsx", lang), files[0], f"{name}.xlsx", XLSX_MIME, width="stretch")
    downloads.offer(csv_column, t("guests_page.csv", lang), files[1], f"{name}.csv", "text/csv", width="stretch")
    if st.button(t("guests_page.to_messages", lang), icon=":material/mail:", key="guests_to_messages"):
        go_write()  # the messages page opens on this event's invitation

# -- Not invited: people today's register would invite, not on the list kept as it was ---------
if chosen.not_invited:
    st.subheader(t("guests_page.not_invited_title", lang))
    st.caption(t("guests_page.not_invited_intro", lang))
    late = chosen.not_invited
    st.dataframe(display_frame(late, lang).assign(**{t("guests_page.col_status", lang):
                                                     t("guests_page.not_invited", lang)}),
                 hide_index=True, width="stretch", placeholder="–")
    if chosen.occurrence.end < today:  # an invitation to a day gone by helps no one
        st.caption(t("guests_page.not_invited_past", lang))
    else:
        late_labels = dict(zip((g.person_id for g in late), guest_labels(late), strict=True))
        pick, act = st.columns([3, 2], vertical_alignment="bottom")
        person = pick.selectbox(t("guests_page.invite_who", lang), list(late_labels),
                                key=f"guests_invite_{event_id}", format_func=late_labels.__getitem__,
                                placeholder=t("common.choose_option", lang))
        if act.button(t("guests_page.invite", lang), icon=":material/person_add:", key="guests_invite",
                      width="stretch"):
            [guest] = [g for g in late if g.person_id == person]
            store.change_guest_list(key_cohort, key_event, guest.person_id, ADDED, guest.role)
            go_write([guest.person_id])

# -- The coordinator's changes: leave one out, add one by name ---------------------------------
with st.expander(t("guests_page.change_title", lang), expanded=bool(chosen.excluded)):
    if guests:
        on_list = dict(zip((g.person_id for g in guests), labels, strict=True))
        pick, act = st.columns([3, 2], vertical_alignment="bottom")
        person = pick.selectbox(t("guests_page.exclude_who", lang), list(on_list), key=f"guests_exclude_{event_id}",
                                format_func=on_list.__getitem__, placeholder=t("common.choose_option", lang))
        if act.button(t("guests_page.exclude", lang), icon=":material/person_remove:", key="guests_exclude",
                      width="stretch"):
            store.change_guest_list(key_cohort, key_event, int(person), EXCLUDED)
            st.session_state["guests_flash"] = t("guests_page.excluded_saved", lang, name=plain(on_list[person]))
            st.rerun()
    if chosen.excluded:
        st.markdown(f"**{t('guests_page.excluded_title', lang)}**")
        for guest, shown in zip(chosen.excluded, guest_labels(chosen.excluded), strict=True):
            left, right = st.columns([4, 1], vertical_alignment="center")
            left.markdown(plain(shown))
            if right.button(t("guests_page.include_again", lang), key=f"guests_include_{guest.person_id}"):
                store.change_guest_list(key_cohort, key_event, guest.person_id, None)
                st.rerun()
    def addable() -> tuple[dict[int, str], dict[int, str]]:
        listed = {g.person_id for g in guests} | {g.person_id for g in chosen.excluded}
        people = history.participants.drop_duplicates("person_id")
        people = by_name(people[~people["person_id"].isin(listed)])
        names = dict(zip((int(p) for p in people["person_id"]),
                         person_labels(list(people["name"]), list(people["organisation"]), list(people["email"])),
                         strict=True))
        return names, dict(zip((int(p) for p in people["person_id"]), people["role"], strict=True))

    names, roles = context.memo(addable, "guest_addable", cohort.id, event_id, today)
    if names:
        pick, act = st.columns([3, 2], vertical_alignment="bottom")
        person = pick.selectbox(t("guests_page.add_who", lang), list(names), key=f"guests_add_{event_id}",
                                index=None, placeholder=t("guests_page.add_placeholder", lang),
                                format_func=names.__getitem__)
        if act.button(t("guests_page.add", lang), icon=":material/person_add:", key="guests_add", width="stretch",
                      disabled=person is None):
            store.change_guest_list(key_cohort, key_event, int(person), ADDED, str(roles[person]))
            st.session_state["guests_flash"] = t("guests_page.added_saved", lang, name=plain(names[person]))
            st.rerun()

if flash := st.session_state.pop("guests_flash", None):
    st.success(flash)
