"""Tables shown in the coordinator's language: numbers written the language's way ("0,645" in
Swedish) while the table still sorts them as numbers. Streamlit's own number formats (printf
style, or the browser's locale) cannot follow the app's language, so the numbers are formatted by
Babel and handed over as a pandas Styler, whose display values Streamlit shows."""

from __future__ import annotations

import pandas as pd
from pandas.io.formats.style import Styler

from core.platform.i18n import format_number


def with_numbers(frame: pd.DataFrame, lang: str, decimals: int = 3, columns: list[str] | None = None) -> Styler:
    """`frame` with its decimal columns (or `columns`) written with `decimals` decimals the
    language's way; missing values as "–"."""
    floats = columns if columns is not None else [c for c in frame.columns
                                                  if pd.api.types.is_float_dtype(frame[c])]
    return frame.style.format(lambda v: format_number(v, lang, decimals), subset=floats)
