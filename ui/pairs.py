"""What the pages about a cohort's pairs (follow-up, three-party conversations, report) open
with: the cohort's accepted pairs, or a word on where to make them and a stop."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.platform.i18n import t
from ui import context


def accepted_pairs_or_stop(no_pairs_key: str) -> pd.DataFrame:
    cohort, lang = context.cohort(), context.lang()
    pairs = context.store().accepted_pairs(cohort.id)
    if pairs.empty:
        st.info(t(no_pairs_key, lang, cohort=cohort.id))
        st.page_link("views/matching.py", label=t("followup.go_matching", lang), icon=":material/handshake:")
        st.stop()
    return pairs
