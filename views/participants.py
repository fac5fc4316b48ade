"""Importera deltagare: upload the sign-up files, see and change which field each column fills,
read the check in plain words, compare with the register, and import the valid rows."""

import hashlib
from collections.abc import Mapping

import streamlit as st

from core.calendar.programme import FIRST_YEAR, LAST_YEAR, cohorts_of_programme_year
from core.calendar.schedule import cohort_words
from core.people.columns import IGNORE, TARGETS, check_mapping
from core.people.examples import load_example_participants
from core.people.reading import Upload, read_upload, sheets_for_role
from core.people.register import (
    check,
    commit,
    field_label,
    invalid_rows_sheets,
    issues_frame,
    mapped_sheets,
    preview,
    preview_counts,
    preview_frame,
    sheet_key,
)
from core.people.template import signup_template
from core.platform.files import XLSX_MIME, to_csv, to_xlsx
from core.platform.i18n import MentorplanError, t, unique_labels
from ui import context
from ui.downloads import offer
from ui.text import plain, shown

ROUND = "signup_round"  # a new round empties the uploader after an import


def read_file(digest: str, name: str, known: tuple[tuple[str, str], ...], _data: bytes) -> Upload:
    """An uploaded file read once, not on every rerun (a click on the page reruns it): reading is
    pure, so it is kept by the content's hash, the name (a CSV's name is its sheet's) and the
    remembered headers that help find the header row — in this session only, so that no one
    else's session holds the participants' data. A refusal (MentorplanError) is not kept."""
    kept = st.session_state.setdefault("signup_reads", {})
    key = (digest, name, known)
    if key not in kept:
        kept[key] = read_upload(_data, name, dict(known))
        while len(kept) > 8:  # the files of the last few uploads
            kept.pop(next(iter(kept)))
    return kept[key]


def known_headers(remembered: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(remembered.items()))


lang = context.lang()
store = context.store()
st.title(t("participants.title", lang))
st.caption(t("participants.intro", lang))
if st.session_state.get("signup_done"):
    st.success(st.session_state.pop("signup_done"), icon=":material/check_circle:")

offer(st, t("participants.template_download", lang), signup_template(lang), mime=XLSX_MIME,
          file_name=f"{t('participants.template.sheet_mentor', lang).lower()}-"
                    f"{t('participants.template.sheet_mentee', lang).lower()}-mentorplan.xlsx",
          help=t("participants.template_download_help", lang), icon=":material/download:")
if store.people_count() == 0:
    st.info(t("participants.empty_register", lang))
    if st.button(t("participants.load_examples", lang), key="load_examples", icon=":material/group_add:"):
        loaded = load_example_participants(store, context.programme(), context.today())
        st.session_state["signup_done"] = t("participants.examples_loaded", lang, count=loaded["count"],
                                            cohorts=", ".join(cohort_words(c, lang) for c in loaded["cohorts"]))
        st.rerun()

files = st.file_uploader(t("participants.upload", lang), accept_multiple_files=True,
                         type=["xlsx", "xlsm", "xlsb", "xls", "ods", "csv", "txt", "tsv"],
                         key=f"signup_files_{st.session_state.get(ROUND, 0)}", help=t("participants.upload_help", lang))
if not files:
    st.stop()

year = context.programme_year()
# The programme years around the chosen one, as far as the programme is computed (2000–2100: at
# 2100 the last cohort offered is spring-2101, matched in December 2100).
cohort_ids = [c.id for y in (year - 1, year, year + 1) if FIRST_YEAR <= y <= LAST_YEAR
              for c in cohorts_of_programme_year(y)]
default_cohort = context.cohort().id
left, right = st.columns(2)
role = left.selectbox(t("participants.role_choice", lang), [None, "mentor", "mentee"], key="import_role",
                      format_func=lambda r: t(f"participants.role.{r}s", lang).capitalize() if r
                      else t("participants.role_from_file", lang), placeholder=t("common.choose_option", lang))
cohort = right.selectbox(t("participants.cohort", lang), [None] + cohort_ids, key="import_cohort",
                         help=t("participants.cohort_help", lang),
                         format_func=lambda c: cohort_words(c, lang) if c else t(
                             "participants.cohort_from_file", lang, cohort=cohort_words(default_cohort, lang)),
                         placeholder=t("common.choose_option", lang))

sheets = []
known = known_headers(store.remembered_headers())
for file, name in zip(files, unique_labels([f.name for f in files]), strict=True):
    data = file.getvalue()
    try:
        upload = read_file(hashlib.sha256(data).hexdigest(), name, known, data)
    except MentorplanError as error:  # named by the message itself, or in front of it
        message = shown(error, lang)  # the file's name stays text, in the message or in front of it
        st.error(message if error.params.get("file") == name else f"**{plain(name)}**: {message}",
                 icon=":material/error:")
        continue
    kept, _ = sheets_for_role(upload, role)
    sheets.extend(kept)
    described = ", ".join(t("participants.sheet_read", lang, sheet=s.name, header_row=s.header_row, rows=len(s.rows),
                            role=t(f"participants.role.{(role or s.role)}s", lang) if (role or s.role)
                            else t("participants.role_unknown", lang)) for s in kept)
    st.caption(t("participants.file_read", lang, file=plain(name), sheets=plain(described)))
    for skipped in upload.skipped:
        st.caption(t("participants.sheet_skipped", lang, sheet=plain(skipped)))
    if upload.encoding:
        st.caption(t("participants.csv_read", lang, encoding=upload.encoding, delimiter=repr(upload.delimiter)))
if not sheets:
    st.stop()

# Columns: the remembered or recognised field of each, which the coordinator may change. Columns
# kept unused and guesses to check are shown open, above the rows; the sure ones in a closed list.
suggested = mapped_sheets(store, sheets, role)
choices, changed = {}, []
for mapped in suggested:
    sheet = mapped.sheet
    chosen = list(mapped.mapping)

    def column_choice(container, index: int, sheet=sheet, mapped=mapped) -> str:
        header = sheet.headers[index]
        example = next((str(v[index]) for _, v in sheet.rows if index < len(v) and str(v[index]).strip()), "")
        return container.selectbox(
            plain(header) if header else f"({index + 1})", TARGETS, index=TARGETS.index(mapped.mapping[index]),
            key=f"map|{sheet.source}|{sheet.name}|{index}", format_func=lambda f: field_label(f, lang),
            help=t("participants.mapping_example", lang, value=plain(example[:60])) if example else None,
            placeholder=t("common.choose_option", lang))

    to_check = [i for i, guess in enumerate(mapped.guesses) if guess.unsure and guess.target != IGNORE]
    if to_check:
        with st.container(border=True):
            st.markdown("**" + t("participants.mapping_check", lang, sheet=plain(f"{sheet.source} › {sheet.name}"))
                        + "**")
            st.caption(t("participants.mapping_check_help", lang))
            columns = st.columns(3)
            for n, index in enumerate(to_check):
                chosen[index] = column_choice(columns[n % 3], index)
    with st.expander(t("participants.mapping", lang, sheet=plain(f"{sheet.source} › {sheet.name}")), expanded=False):
        st.caption(t("participants.mapping_help", lang))
        columns = st.columns(3)
        for n, index in enumerate(i for i in range(len(sheet.headers)) if i not in to_check):
            chosen[index] = column_choice(columns[n % 3], index)
    choices[sheet_key(sheet)] = tuple(chosen)  # by file and sheet: two files may both have "Mentorer"
    if tuple(chosen) != mapped.mapping:  # the coordinator's own choice, remembered on import
        changed.append(sheet_key(sheet))
    for field in check_mapping(chosen):
        st.warning(t("participants.mapping_twice", lang, field=field_label(field, lang)), icon=":material/warning:")
mapped = mapped_sheets(store, sheets, role, choices)
report = check(store, mapped, default_cohort, cohort)

st.subheader(t("participants.report", lang))
counts = st.columns(3)
counts[0].metric(t("participants.valid_rows", lang), len(report.valid))
counts[1].metric(t("participants.invalid_rows", lang), len(report.invalid))
counts[2].metric(t("participants.warnings", lang), len(report.warnings))
for issue in report.issues:
    if issue.row is None:  # about a whole sheet: said above the table, a warning as a warning
        warning = issue.severity == "warning"
        (st.warning if warning else st.error)(f"**{plain(issue.sheet)}**: {plain(issue.shown(lang))}",
                                              icon=":material/warning:" if warning else ":material/error:")
if not report.errors and not report.warnings:  # notes (two people of one name) only inform
    st.success(t("participants.all_valid", lang), icon=":material/check_circle:")
if report.issues:
    st.dataframe(issues_frame(report.issues, lang), hide_index=True, width="stretch", placeholder="–")
if report.invalid:
    to_fix = invalid_rows_sheets(report, lang)
    stem = t("participants.invalid_rows", lang).lower().replace(" ", "-")
    buttons = st.columns(2)
    offer(buttons[0], t("participants.download_invalid", lang), to_xlsx(to_fix), file_name=f"{stem}.xlsx",
                      mime=XLSX_MIME, help=t("participants.download_invalid_help", lang),
                      icon=":material/download:")
    if len(to_fix) == 1:
        [(sheet_name, frame)] = to_fix.items()  # named after its sheet, which may say the role
        offer(buttons[1], t("participants.download_invalid_csv", lang), to_csv(frame, lang),
                          file_name=f"{sheet_name}-{stem}.csv", mime="text/csv")

st.subheader(t("participants.preview_title", lang))
rows = preview(store, report.valid)
if not rows:
    st.info(t("participants.nothing_to_import", lang))
    st.stop()
st.caption(t("participants.preview_counts", lang, **preview_counts(rows)))
st.dataframe(preview_frame(rows, lang), hide_index=True, width="stretch", placeholder="–")
if st.button(t("participants.commit", lang, count=len(rows)), type="primary", key="commit_import",
             help=t("participants.commit_help", lang), disabled=any(check_mapping(c) for c in choices.values()),
             icon=":material/upload:"):
    try:
        done = commit(store, report.valid, [m for m in mapped if sheet_key(m.sheet) in changed])
    except MentorplanError as error:  # the store words a database error too (import.database)
        st.error(t("participants.commit_failed", lang, detail=shown(error, lang)), icon=":material/error:")
    else:
        st.session_state["signup_done"] = t("participants.committed", lang, **done)
        st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1
        st.rerun()
st.page_link("views/register.py", label=t("participants.register_link", lang), icon=":material/groups:")
