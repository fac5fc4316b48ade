"""Besked och inbjudningar: the decisions' deadline and who has not been told; the decisions, one
event's invitations, the call for mentors or the changes to calendars written for the chosen
cohort, previewed, and delivered as .eml drafts, a mail-merge sheet, or through the mail server
after a dry run; the templates; the send log; the sender and the organisation's channel."""

import dataclasses
import hashlib

import pandas as pd
import streamlit as st

from core.calendar.programme import Occurrence
from core.calendar.schedule import cohort_label, describe_when, event_name
from core.messages import delivery
from core.messages.letters import (
    CALL_EVENT,
    Batch,
    calendar_changes,
    call_messages,
    call_mingle,
    change_messages,
    decision_messages,
    invitation_messages,
)
from core.messages.requests import CANCEL, REQUEST, time_understood
from core.messages.sendlog import decisions_deadline, people_not_told, recipients
from core.messages.templates import (
    BODY_MAX,
    BRACES,
    DECISIONS_EVENT,
    SUBJECT_MAX,
    EventDetails,
    Template,
    all_templates,
    allowed_placeholders,
    check_template,
    is_invitation,
    template_kinds,
    template_label,
)
from core.platform.files import XLSX_MIME
from core.platform.i18n import LANGUAGES, MentorplanError, format_date, t
from ui import context, mail
from ui.downloads import offer
from ui.sidebar import LANGUAGE_NAMES
from ui.text import plain, shown

FLASH = "messages_flash"
DRY_RUN = "messages_dry_run"
# What the page writes: the send log's kinds, and the changes to calendars (updates, removals).
WHAT = ("decision", "invitation", "call", "changes")
ONLY_PEOPLE = "messages_only_people"  # set by the guest-list page's "invite" (views/guests.py)

lang = context.lang()
store = context.store()
programme = context.programme()
cohort = context.cohort()
today = context.today()
label = cohort_label(cohort, lang)
invitations = {o.id: o for o in programme.cohort(cohort) if is_invitation(o)}
message_settings = store.message_settings()


def flash(kind: str, text: str) -> None:
    st.session_state[FLASH] = (kind, text)


def step_name(kind: str, event_id: str) -> str:
    if kind in ("decision", "call", "booking"):
        return t(f"messages.step_{kind}", lang)
    if kind in ("update", "cancel"):
        return t(f"messages.step_{kind}", lang, event=event_name(event_id, lang))
    return t("messages.step_invitation", lang, event=event_name(event_id, lang))


# -- The decisions' deadline -------------------------------------------------------------------

def told(which: str, kind: str, event_id: str):
    """recipients() or people_not_told() of a step, kept until the next change (ui.context.memo)."""
    work = recipients if which == "recipients" else people_not_told
    return context.memo(lambda: work(store, programme, cohort.id, kind, event_id), which, cohort.id, kind, event_id,
                        today)


def changes_now() -> list:
    """calendar_changes() of the cohort, kept until the next change."""
    return context.memo(lambda: calendar_changes(store, programme, cohort), "calendar_changes", cohort.id, today)


def show_deadline() -> None:
    deadline = decisions_deadline(programme, cohort)
    days = (deadline - today).days
    when = (t("messages.deadline_today", lang) if days == 0 else
            t("messages.deadline_in", lang, days=days) if days > 0 else t("messages.deadline_passed", lang, days=-days))
    lines = [t("messages.deadline", lang, cohort=label, day=format_date(deadline, lang), when=when)]
    total = len(told("recipients", "decision", DECISIONS_EVENT))
    untold = len(told("not_told", "decision", DECISIONS_EVENT))
    if total:
        lines.append(t("messages.not_told", lang, count=untold, total=total) if untold
                     else t("messages.all_told", lang, total=total))
    pressing = untold and days <= 7
    (st.warning if pressing else st.info)("  \n".join(lines), icon=":material/event:")


# -- Write and send ----------------------------------------------------------------------------

def calendar_time(time: str, occurrence: Occurrence) -> str:
    """The time the letters' calendar requests will carry, as read from the time written."""
    understood = time_understood(time, one_day=occurrence.start == occurrence.end)
    return t("messages.calendar_time", lang, time=understood) if understood else t("messages.calendar_all_day", lang)


def details_form(event_id: str) -> None:
    saved = store.event_details(*invitations[event_id].key)  # a shared occurrence's details are kept once
    key = f"{cohort.id}_{event_id}"
    with st.form(f"messages_details_{key}"):
        st.markdown(f"**{t('messages.details', lang, event=event_name(event_id, lang))}**")
        st.caption(t("messages.details_help", lang))
        left, right = st.columns(2)
        place = left.text_input(t("messages.place", lang), value=saved.place, key=f"messages_place_{key}",
                                max_chars=300)
        time = right.text_input(t("messages.time", lang), value=saved.time, key=f"messages_time_{key}",
                                max_chars=100, help=t("messages.time_help", lang))
        right.caption(calendar_time(saved.time, invitations[event_id]))
        note = st.text_area(t("messages.note", lang, placeholder="{note}"), value=saved.note,
                            key=f"messages_note_{key}", max_chars=2000, height=80)
        if st.form_submit_button(t("common.save", lang)):
            store.save_event_details(*invitations[event_id].key, EventDetails(place, time, note))
            flash("success", t("messages.details_saved", lang))
            st.rerun()


def log_prepared(batch: Batch, channel: str) -> None:
    """The download button's callback: the files went out, so each message is prepared."""
    count = delivery.log_prepared(store, batch, channel)
    flash("success", t("messages.logged_prepared", lang, count=count))


def preview(batch: Batch) -> None:
    st.subheader(t("messages.preview", lang))
    messages = batch.messages
    index = st.selectbox(t("messages.preview_person", lang), range(len(messages)), key=f"messages_preview_{batch.name}",
                         format_func=lambda i: f"{messages[i].name} <{messages[i].email}> · "
                                               f"{t(f'messages.template_{messages[i].template}', lang)}",
                         placeholder=t("common.choose_option", lang))
    message = messages[index]
    with st.container(border=True):
        st.text(f"{t('messages.preview_to', lang)}: {message.name} <{message.email}>")
        st.text(f"{t('messages.preview_subject', lang)}: {message.subject}")
        if message.calendars and current_sender():
            st.text(t("messages.calendar_requests", lang, events="; ".join(r.summary for r in message.calendars)))
        elif batch.calendar:
            st.text(f"{t('messages.preview_attachment', lang)}: {batch.calendar_name}")
        st.code(message.body, language=None, wrap_lines=True)
    with st.expander(t("messages.all_messages", lang)):
        st.dataframe(pd.DataFrame([{
            t("delivery.col_name", lang): m.name, t("delivery.col_email", lang): m.email,
            t("delivery.col_template", lang): template_label(m.template, lang),
            t("delivery.col_subject", lang): m.subject} for m in messages]), hide_index=True, width="stretch",
                     placeholder="–")


def signature(batch: Batch, force: bool) -> str:
    """What a dry run was done for: the same messages to the same people, the same resend choice
    (not Batch.fingerprint: an invitation's calendar file is stamped when made, and a dry run
    should outlast another session's unrelated write)."""
    digest = hashlib.sha256(repr((batch.cohort_id, batch.kind, batch.event_id, batch.lang, force)).encode())
    for m in batch.messages:
        digest.update(repr((m.person_id, m.email, m.subject, m.body)).encode())
    return digest.hexdigest()


def report_flash(report: delivery.SendReport) -> None:
    failures = "".join(f"\n- {m.name} <{m.email}>: {detail}" for m, detail in report.failed)
    if report.stopped:
        flash("error", t("messages.stopped", lang, detail=delivery.describe_detail(report.stopped, lang),
                         sent=len(report.sent), failed=len(report.failed), left=len(report.not_tried)) + failures)
    elif report.failed:
        flash("warning", t("messages.sent_some", lang, sent=len(report.sent), failed=len(report.failed)) + failures)
    else:
        flash("success", t("messages.sent_all", lang, sent=len(report.sent)))


def send_by_smtp(batch: Batch, force: bool) -> None:
    st.markdown(f"**{t('messages.smtp', lang)}**")
    try:
        config = mail.smtp_config()
    except MentorplanError as error:
        st.error(shown(error, lang))
        return
    if config is None:
        st.info(t("messages.smtp_missing", lang), icon=":material/info:")
        return
    tls = "ssl" if config.ssl else "starttls" if config.starttls else "none"
    st.caption(t("messages.smtp_server", lang, where=config.where, sender=config.sender,
                 tls=t(f"messages.smtp_tls_{tls}", lang)))
    test_column, dry_column, send_column = st.columns(3)
    if test_column.button(t("messages.smtp_test", lang), key="messages_smtp_test", width="stretch"):
        try:
            delivery.check_connection(config)
        except MentorplanError as error:
            st.error(shown(error, lang))
        else:
            st.success(t("messages.smtp_ok", lang))
    wanted = signature(batch, force)
    if dry_column.button(t("messages.dry_run", lang), key="messages_dry_run_button",
                         help=t("messages.dry_run_help", lang), width="stretch"):
        st.session_state[DRY_RUN] = wanted
    if st.session_state.get(DRY_RUN) != wanted:
        send_column.caption(t("messages.send_first_dry_run", lang))
        return
    the_plan = delivery.plan(store, batch, force)
    st.info(t("messages.dry_run_result", lang, send=len(the_plan.to_send), skip=len(the_plan.already_sent)))
    st.dataframe(delivery.plan_frame(the_plan, lang), hide_index=True, width="stretch", placeholder="–")
    if not the_plan.to_send:
        return
    if send_column.button(t("messages.send", lang, count=len(the_plan.to_send)), type="primary",
                          key="messages_send", width="stretch"):
        bar = st.progress(0.0)
        try:
            report = delivery.send(store, batch, config, force, progress=lambda done, total: bar.progress(
                done / total, text=t("messages.sending", lang, done=done, total=total)))
        except MentorplanError as error:
            st.error(shown(error, lang))
            return
        st.session_state.pop(DRY_RUN, None)
        report_flash(report)
        st.rerun()


def current_sender() -> str:
    """The From of the drafts: as typed above the downloads, else the sender set in the settings."""
    typed = st.session_state.get("messages_sender")
    return (typed if isinstance(typed, str) else message_settings["message_sender"]).strip()


def deliver(batch: Batch, force: bool) -> None:
    st.subheader(t("messages.deliver", lang))
    st.session_state.setdefault("messages_sender", message_settings["message_sender"])
    sender = st.text_input(t("messages.sender", lang), key="messages_sender", max_chars=300,
                           help=t("messages.sender_help", lang)).strip()
    if not sender:
        st.caption(t("messages.no_sender", lang))
    if sender:
        try:
            delivery.sender_header(sender)
        except MentorplanError as error:
            st.error(shown(error, lang))
            return
    # The drafts and the merge files, made once while the batch and the sender are unchanged (some
    # fifty e-mails and a workbook took 0.2 s, on every rerun of the page)
    drafts, merge_csv, merge_xlsx = context.memo(
        lambda: (delivery.eml_zip(batch, sender), delivery.merge_csv(batch), delivery.merge_xlsx(batch)),
        "message_files", batch.fingerprint, sender)
    zip_column, csv_column, xlsx_column = st.columns(3)
    offer(zip_column, t("messages.download_eml", lang), drafts,
                      f"{batch.name}.zip", "application/zip", key="messages_zip", width="stretch",
                      help=t("messages.download_eml_help", lang), on_click=log_prepared, args=(batch, "eml"),
                      icon=":material/drafts:")
    offer(csv_column, t("messages.download_csv", lang), merge_csv,
                      f"{batch.name}.csv", "text/csv", key="messages_csv", width="stretch",
                      help=t("messages.download_merge_help", lang), on_click=log_prepared,
                      args=(batch, "merge"))
    offer(xlsx_column, t("messages.download_xlsx", lang), merge_xlsx,
                       f"{batch.name}.xlsx",
                       XLSX_MIME,
                       key="messages_xlsx", width="stretch", help=t("messages.download_merge_help", lang),
                       on_click=log_prepared, args=(batch, "merge"))
    send_by_smtp(batch, force)


def only_people(what: str, event_id: str) -> set[int] | None:
    """The guest-list page's "invite" opens this page for just the people it added to a list
    (session state ONLY_PEOPLE): says so, with a button that widens it to everyone again."""
    only = st.session_state.get(ONLY_PEOPLE)
    if not only or (what, event_id, cohort.id) != ("invitation", only["event"], only["cohort"]):
        return None
    left, right = st.columns([4, 1], vertical_alignment="center")
    left.info(t("messages.only_people", lang, count=len(only["people"])), icon=":material/person:")
    if right.button(t("messages.only_people_all", lang), key="messages_only_people_all"):
        st.session_state.pop(ONLY_PEOPLE, None)
        st.rerun()
    return set(only["people"])


def call_form() -> None:
    """The call's mingle (time and place, as its invitation has them) and how to sign up."""
    mingle = call_mingle(programme, cohort, today)
    st.markdown(t("messages.call_intro", lang, mingle=event_name(mingle.id, lang).lower(),
                  day=format_date(mingle.start, lang), cohort=cohort_label(cohort, lang)))
    if not message_settings["call_channel"]:
        st.caption(t("messages.call_no_channel", lang))
    saved = store.event_details(*mingle.key)  # a shared mingle's details are kept once
    signup = store.event_details(cohort.id, CALL_EVENT)
    key = f"{cohort.id}_{mingle.cohort.id}_{mingle.id}"
    with st.form(f"messages_call_{key}"):
        st.markdown(f"**{t('messages.call_details', lang, cohort=cohort_label(cohort, lang))}**")
        st.caption(t("messages.call_details_help", lang, mingle=event_name(mingle.id, lang),
                     placeholder="{signup}"))
        left, right = st.columns(2)
        place = left.text_input(t("messages.place", lang), value=saved.place, key=f"messages_call_place_{key}",
                                max_chars=300)
        time = right.text_input(t("messages.time", lang), value=saved.time, key=f"messages_call_time_{key}",
                                max_chars=100, help=t("messages.time_help", lang))
        right.caption(calendar_time(saved.time, mingle))
        how = st.text_area(t("messages.signup", lang), value=signup.note, key=f"messages_call_signup_{key}",
                           max_chars=2000, height=80, help=t("messages.signup_help", lang))
        if st.form_submit_button(t("common.save", lang)):
            store.save_event_details(*mingle.key, EventDetails(place, time, saved.note))
            store.save_event_details(cohort.id, CALL_EVENT, EventDetails(note=how))
            flash("success", t("messages.details_saved", lang))
            st.rerun()


def changes_batch(message_lang: str) -> Batch | None:
    """The changes to calendars: which event, and whether updates or removals go out."""
    st.caption(t("messages.changes_intro", lang))
    changes = {c.event_id: c for c in changes_now() if c.holders}
    if not any(c.update or c.cancel for c in changes.values()):
        st.info(t("messages.changes_none", lang), icon=":material/event_available:")
        if not changes:
            return None
    events = {o.id: o for o in programme.cohort(cohort)}
    event_id = st.selectbox(t("messages.event", lang), list(changes), key="messages_change_event",
                            format_func=lambda e: t("messages.change_event", lang, event=event_name(e, lang),
                                                    when=describe_when(events[e], lang),
                                                    update=len(changes[e].update), cancel=len(changes[e].cancel),
                                                    holders=len(changes[e].holders)),
                            placeholder=t("common.choose_option", lang))
    change = changes[event_id]
    options = {"update": (REQUEST, change.update), "cancel": (CANCEL, change.cancel),
               "cancel_all": (CANCEL, change.holders)}
    choice = st.radio(t("messages.change_kind", lang), list(options), key="messages_change_kind",
                      format_func=lambda k: t(f"messages.change_{k}", lang, count=len(options[k][1])))
    method, people = options[choice]
    if not people:
        return None
    return change_messages(store, programme, cohort, event_id, method, message_lang, people)


def pending_changes() -> None:
    """Say so when someone holds an old version of an event in their calendar (a moved event)."""
    changes = [c for c in changes_now() if c.update or c.cancel]
    if changes:
        st.warning(t("messages.changes_pending", lang, count=sum(len(c.update) + len(c.cancel) for c in changes),
                     events=", ".join(event_name(c.event_id, lang) for c in changes),
                     what=t("messages.what_changes", lang)), icon=":material/event_repeat:")


def write_and_send() -> None:
    pending_changes()
    what = st.radio(t("messages.what", lang), WHAT, key="messages_what", horizontal=True,
                    format_func=lambda k: t(f"messages.what_{k}", lang))
    event_id = DECISIONS_EVENT
    if what == "invitation":
        if st.session_state.get("messages_event") not in invitations:
            st.session_state.pop("messages_event", None)
        event_id = st.selectbox(t("messages.event", lang), list(invitations), key="messages_event",
                                format_func=lambda e: f"{event_name(e, lang)} · {describe_when(invitations[e], lang)}",
                                placeholder=t("common.choose_option", lang))
    only = only_people(what, event_id)
    st.session_state.setdefault("messages_lang", lang)
    message_lang = lang
    if what != "call":  # the call is written in each person's language
        message_lang = st.radio(t("messages.language", lang), LANGUAGES, key="messages_lang", horizontal=True,
                                format_func=LANGUAGE_NAMES.__getitem__)
    only_untold = what != "changes" and st.checkbox(t("messages.only_untold", lang), value=True,
                                                    key="messages_only_untold")
    try:
        if what == "invitation":
            details_form(event_id)
        elif what == "call":
            call_form()
        found: Batch | None
        if what == "decision":
            found = context.memo(lambda: decision_messages(store, programme, cohort, message_lang), "decisions",
                                 cohort.id, message_lang, today)
        elif what == "invitation":
            found = context.memo(lambda: invitation_messages(store, programme, cohort, event_id, message_lang),
                                 "invitations", cohort.id, event_id, message_lang, today)
        elif what == "call":
            found = context.memo(lambda: call_messages(store, programme, cohort, message_settings["call_channel"],
                                                       day=today, lang=lang), "call", cohort.id, today, lang)
        else:
            found = changes_batch(message_lang)
    except MentorplanError as error:
        st.error(shown(error, lang), icon=":material/error:")
        return
    if found is None:
        return
    batch = found
    if only is not None:  # just the people the guest-list page invited
        batch = dataclasses.replace(batch, messages=tuple(m for m in batch.messages if m.person_id in only))
    written = len(batch.messages)
    if only_untold:
        to_send = context.memo(lambda: delivery.plan(store, batch).to_send, "to_send", cohort.id, what, event_id,
                               message_lang, today, lang, None if only is None else tuple(sorted(only)))
        batch = dataclasses.replace(batch, messages=to_send)
    st.markdown(t("messages.summary", lang, count=len(batch.messages)) if batch.messages
                else t("messages.summary_none", lang))
    if written > len(batch.messages):
        st.caption(t("messages.skipped_told", lang, count=written - len(batch.messages)))
    if batch.problems:
        st.warning("\n".join([t("messages.problems", lang, count=len(batch.problems))]
                             + [f"- {plain(p.shown(lang))}" for p in batch.problems]), icon=":material/warning:")
    if not batch.messages:
        return
    preview(batch)
    deliver(batch, force=not only_untold)


# -- Templates ---------------------------------------------------------------------------------

def edit_templates() -> None:
    st.caption(t("messages.templates_intro", lang, **BRACES))
    kind = st.selectbox(t("messages.template", lang), template_kinds(programme), key="messages_template_kind",
                        format_func=lambda k: template_label(k, lang),
                        placeholder=t("common.choose_option", lang))
    template_lang = st.radio(t("messages.template_language", lang), LANGUAGES, key="messages_template_lang",
                             horizontal=True, format_func=LANGUAGE_NAMES.__getitem__)
    current = all_templates(store)[(kind, template_lang)]
    st.caption(t("messages.template_edited" if current.edited else "messages.template_shipped", lang) + " "
               + t("messages.placeholders", lang, names=", ".join("{" + p + "}" for p in allowed_placeholders(kind))))
    keys = (f"messages_subject_{kind}_{template_lang}", f"messages_body_{kind}_{template_lang}")
    with st.form(f"messages_template_{kind}_{template_lang}"):
        subject = st.text_input(t("messages.subject", lang), value=current.subject, key=keys[0], max_chars=SUBJECT_MAX)
        body = st.text_area(t("messages.body", lang), value=current.body, key=keys[1], height=380, max_chars=BODY_MAX)
        save = st.form_submit_button(t("messages.template_save", lang), type="primary")
    if save:
        try:
            template = check_template(Template(kind, template_lang, subject.strip(), body.rstrip()))
        except MentorplanError as error:
            st.error(shown(error, lang), icon=":material/error:")
        else:
            store.save_template(template)
            flash("success", t("messages.template_saved", lang))
            st.rerun()
    if current.edited and st.button(t("messages.template_reset", lang), key=f"messages_reset_{kind}_{template_lang}"):
        store.reset_template(kind, template_lang)
        for key in keys:
            st.session_state.pop(key, None)
        flash("success", t("messages.template_was_reset", lang))
        st.rerun()


# -- Settings ----------------------------------------------------------------------------------

def edit_settings() -> None:
    """The sender (From, and organiser of the calendar requests) and the call's channel."""
    with st.form("messages_settings"):
        st.markdown(f"**{t('messages.settings_title', lang)}**")
        sender = st.text_input(t("messages.settings_sender", lang), value=message_settings["message_sender"],
                               key="messages_settings_sender", max_chars=300,
                               help=t("messages.settings_sender_help", lang))
        channel = st.text_input(t("messages.settings_channel", lang), value=message_settings["call_channel"],
                                key="messages_settings_channel", max_chars=300,
                                help=t("messages.settings_channel_help", lang))
        save = st.form_submit_button(t("messages.settings_save", lang), type="primary")
    if save:
        try:
            values = {"message_sender": delivery.check_address_setting(sender),
                      "call_channel": delivery.check_address_setting(channel)}
        except MentorplanError as error:
            st.error(shown(error, lang), icon=":material/error:")
        else:
            store.save_message_settings(values)
            st.session_state.pop("messages_sender", None)  # the drafts' From follows the new setting
            flash("success", t("messages.settings_saved", lang))
            st.rerun()


# -- The send log ------------------------------------------------------------------------------

def show_log() -> None:
    st.caption(t("messages.log_intro", lang))
    steps = [("decision", DECISIONS_EVENT)] + [("invitation", e) for e in invitations]
    kind, event_id = st.selectbox(t("messages.log_step", lang), steps, key="messages_log_step",
                                  format_func=lambda s: step_name(*s), placeholder=t("common.choose_option", lang))
    untold = told("not_told", kind, event_id)
    st.markdown("**" + (t("messages.not_told_title", lang) if kind == "decision" else
                        t("messages.not_told_invitation", lang, event=event_name(event_id, lang))) + "**")
    if len(untold):
        st.dataframe(pd.DataFrame({t("guests_page.col_name", lang): untold["name"],
                                   t("guests_page.col_email", lang): untold["email"],
                                   t("guests_page.col_role", lang): [t(f"guests_page.role_{r}", lang)
                                                                     for r in untold["role"]]}),
                     hide_index=True, width="stretch", placeholder="–")
    elif told("recipients", kind, event_id).empty:
        st.info(t("messages.nobody_to_tell", lang))  # no one to tell yet: not "everyone has been told"
    else:
        st.success(t("messages.nobody_untold", lang))
    log = store.message_log(cohort.id)
    step_log = log[(log["kind"] == kind) & (log["event_id"] == event_id)]
    sent = set(step_log.loc[step_log["status"] == "sent", "person_id"])
    prepared = step_log[(step_log["status"] == "prepared") & ~step_log["person_id"].isin(sent)]
    prepared = prepared.drop_duplicates("person_id")
    if len(prepared):
        st.markdown(f"**{t('messages.prepared_title', lang)}**")
        names = dict(zip(prepared["person_id"], prepared["name"] + " <" + prepared["email"] + ">", strict=True))
        with st.expander(t("messages.prepared_people", lang, count=len(names))):
            chosen = st.multiselect(t("messages.prepared_people", lang, count=len(names)), list(names),
                                    default=list(names), key=f"messages_prepared_{kind}_{event_id}",
                                    format_func=names.__getitem__, label_visibility="collapsed",
                                    placeholder=t("common.choose_options", lang))
        if st.button(t("messages.mark_sent", lang, count=len(chosen)), key="messages_mark_sent", disabled=not chosen):
            count = store.mark_sent(cohort.id, kind, event_id, chosen)
            flash("success", t("messages.marked_sent", lang, count=count))
            st.rerun()
    st.markdown(f"**{t('messages.whole_log', lang)}**")
    if not len(log):
        st.caption(t("messages.log_empty", lang, cohort=label))
        return
    st.dataframe(pd.DataFrame({
        t("messages.col_at", lang): log["at"],
        t("guests_page.col_name", lang): log["name"],
        t("guests_page.col_email", lang): log["email"],
        t("messages.col_step", lang): [step_name(k, e) for k, e in zip(log["kind"], log["event_id"], strict=True)],
        t("delivery.col_template", lang): [template_label(k, lang) for k in log["template"]],
        t("messages.col_channel", lang): [t(f"messages.channel_{c}", lang) for c in log["channel"]],
        t("messages.col_status", lang): [t(f"messages.status_{s}", lang) for s in log["status"]],
        t("messages.col_error", lang): [delivery.describe_detail(e, lang) if isinstance(e, str) else e
                                        for e in log["error"]],
    }), hide_index=True, width="stretch", placeholder="–")


st.title(f"{t('messages.title', lang)} · {label}")
st.caption(t("messages.intro", lang))
show_deadline()
if message := st.session_state.pop(FLASH, None):
    getattr(st, message[0])(message[1])
write_tab, templates_tab, log_tab, settings_tab = st.tabs([
    t("messages.tab_write", lang), t("messages.tab_templates", lang), t("messages.tab_log", lang),
    t("messages.tab_settings", lang)])
with write_tab:
    write_and_send()
with templates_tab:
    edit_templates()
with log_tab:
    show_log()
with settings_tab:
    edit_settings()
