"""Säkerhetskopior: download everything as one file, restore it (checked first), the automatic
backups kept before risky changes, and the change log."""

import datetime as dt

import pandas as pd
import streamlit as st

from core.platform import backup
from core.platform.i18n import MentorplanError, t
from ui import context
from ui.downloads import offer
from ui.text import shown

lang = context.lang()
store = context.store()

st.title(t("backup.title", lang))
st.caption(t("backup.intro", lang))
# Made again only after a change (ui.context.memo): what is unchanged need not be dumped on every rerun.
offer(st, t("backup.download", lang), data=context.memo(store.backup, "backup"), type="primary",
      icon=":material/download:",
          file_name=backup.file_name(dt.datetime.now().replace(microsecond=0)), mime="application/zip")

st.subheader(t("backup.restore_title", lang))
st.caption(t("backup.restore_help", lang))
upload = st.file_uploader(t("backup.upload", lang), type=["zip"], key="restore_upload")
if upload is not None:
    data = upload.getvalue()
    try:  # checked whole (signature, shape, tables) before anything is offered
        preview = store.restore_preview(data, unverified_ok=True)
    except MentorplanError as error:
        st.error(shown(error, lang))
    else:
        summary = pd.DataFrame(
            [(t(f"table.{name}", lang), preview.now.get(name, 0), rows) for name, rows in preview.backup.items()],
            columns=[t("changelog.what", lang), t("backup.now", lang), t("backup.in_backup", lang)])
        st.dataframe(summary, hide_index=True, placeholder="–")
        if preview.erased_again:
            st.info(t("backup.will_erase_again", lang, count=preview.erased_again))
        trusted = preview.verified
        if not preview.verified:  # made before backups were signed, or its signature removed
            st.warning(t("backup.unverified_warning", lang), icon=":material/gpp_maybe:")
            trusted = st.checkbox(t("backup.unverified_confirm", lang), key="restore_unverified")
        confirmed = st.checkbox(t("backup.confirm", lang), key="restore_confirm")
        if st.button(t("backup.restore", lang), disabled=not (confirmed and trusted), type="primary"):
            try:
                restored = store.restore(data, unverified_ok=not preview.verified)
            except MentorplanError as error:
                st.error(shown(error, lang))
            else:
                st.success(t("backup.restored", lang, rows=sum(restored.rows.values()), tables=len(restored.rows)))
                if restored.erased_again:
                    st.info(t("backup.erased_again", lang, count=restored.erased_again))

st.subheader(t("backup.automatic_title", lang))
st.caption(t("backup.automatic_help", lang, folder=backup.backup_dir(), keep=backup.KEEP_AUTOMATIC))
automatic = backup.automatic_backups()
if not automatic:
    st.caption(t("backup.no_automatic", lang))
else:  # one chosen at a time: a button per backup would read every file on every rerun
    sizes = {path.name: path.stat().st_size // 1024 for path in automatic}
    left, right = st.columns([4, 1], vertical_alignment="bottom")
    chosen = left.selectbox(t("backup.automatic_choose", lang), list(sizes), key="backup_automatic",
                            format_func=lambda name: f"{name} · {sizes[name]} kB")
    if chosen is not None:
        path = backup.backup_dir() / chosen
        offer(right, t("common.download", lang), data=path.read_bytes(), file_name=path.name,
              mime="application/zip", key="backup_automatic_download", width="stretch")

st.subheader(t("changelog.title", lang))
st.caption(t("changelog.help", lang))
log = store.change_log(limit=300)
if log.empty:
    st.caption(t("changelog.empty", lang))
else:
    st.dataframe(pd.DataFrame({
        t("changelog.at", lang): log["at"],
        t("changelog.what", lang): [t(f"table.{name}", lang) for name in log["table_name"]],
        t("changelog.action", lang): [t(f"changelog.{action}", lang) for action in log["action"]],
        t("changelog.rows", lang): log["rows"],
    }), hide_index=True, width="stretch", placeholder="–")
