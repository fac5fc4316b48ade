"""A printable document: landscape A4 (or A3), a title, the day it was made and page numbers on
every page, and tables that run across pages with their header row repeated. Written with fpdf2
(pure Python) in DejaVu Sans, which matplotlib's wheel carries, so that å, ä, ö and every other
letter of a name print as they are written; nothing is downloaded.

DejaVu has no Chinese, Japanese or Korean, nor Ethiopic and some other scripts. A character it
lacks is drawn from Last Resort (also in matplotlib's wheel), whose glyph is a box naming the
character's Unicode block — never left out silently — and the document ends with a note that says
so and points to the Excel file, which has every name as written. A table with a name in Arabic,
Persian or Hebrew is shaped by HarfBuzz (uharfbuzz), so that the name runs right to left with its
letters joined, as it is read, instead of as separate letters in the wrong order (only then: shaped
text makes a larger file)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import matplotlib
import pandas as pd
from fpdf import FPDF, FontFace
from fpdf.fonts import TTFFont

from core.documents import PAPERS
from core.platform.i18n import MentorplanError, format_date, t

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FAMILY = "DejaVu"
LAST_RESORT = "LastResort"
HEADER_FILL = (232, 236, 241)


class Document(FPDF):
    """A landscape document with its title and the day it was made at the top of every page."""

    def __init__(self, title: str, lang: str, made: dt.date, paper: str = "a4", subtitle: str = "") -> None:
        if paper not in PAPERS:
            raise MentorplanError("document.bad_paper", paper=paper, allowed=", ".join(PAPERS))
        super().__init__(orientation="landscape", unit="mm", format=paper.upper())
        self.doc_title, self.subtitle, self.lang, self.made = title, subtitle, lang, made
        self.add_font(FAMILY, "", FONT_DIR / "DejaVuSans.ttf")
        self.add_font(FAMILY, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
        self.add_font(LAST_RESORT, "", FONT_DIR / "LastResortHE-Regular.ttf")
        self.set_fallback_fonts([LAST_RESORT], exact_match=False)
        font = self.fonts[FAMILY.lower()]
        assert isinstance(font, TTFFont)  # added from its file just above
        self.printable = frozenset(font.cmap)
        self.unprintable: set[str] = set()  # characters drawn from Last Resort
        self.shaping = False  # turned on by the first table with right-to-left text (shaped text is larger)
        self.set_title(title)
        self.set_creator("Mentorplan")
        self.set_creation_date(dt.datetime.combine(made, dt.time(12), tzinfo=dt.UTC))
        self.set_auto_page_break(auto=True, margin=14)
        self.set_margins(12, 12, 12)
        self.alias_nb_pages()
        self.add_page()

    def header(self) -> None:
        self.set_font(FAMILY, "B", 15)
        self.cell(0, 8, self.doc_title, new_x="LMARGIN", new_y="NEXT")
        self.set_font(FAMILY, "", 9)
        made = t("document.made", self.lang, day=format_date(self.made, self.lang))
        self.cell(0, 5, f"{self.subtitle} · {made}" if self.subtitle else made, new_x="LMARGIN", new_y="NEXT")
        self.ln(3)

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(FAMILY, "", 8)
        self.cell(0, 5, t("document.page", self.lang, page=self.page_no(), pages="{nb}"), align="R")

    def heading(self, text: str) -> None:
        """A section's heading, kept on the page with at least a few of its rows."""
        if self.will_page_break(30):
            self.add_page()
        self.ln(2)
        self.set_font(FAMILY, "B", 12)
        self.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")

    def note(self, text: str) -> None:
        self.set_font(FAMILY, "", 9)
        self.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")

    def table_of(self, frame: pd.DataFrame, widths: Sequence[float] | None = None, size: float = 8.5) -> None:
        """`frame` as a table as wide as the page: its columns' names as the header row, repeated
        on each page the table runs onto; every value as plain text (never markup)."""
        rows = [[cell_text(value, self.lang) for value in values] for values in frame.itertuples(index=False)]
        if not self.shaping and any(right_to_left(text) for row in rows for text in row):
            self.set_text_shaping(use_shaping_engine=True)
            self.shaping = True
        self.set_font(FAMILY, "", size)
        headings = FontFace(emphasis="BOLD", fill_color=HEADER_FILL)
        with self.table(col_widths=tuple(widths) if widths else None, headings_style=headings, markdown=False,
                        text_align="LEFT", line_height=size * 0.5, repeat_headings=1,
                        padding=1.2, width=self.epw) as table:
            table.row([str(column) for column in frame.columns])
            for row in rows:
                table.row(row)
        self.ln(3)

    def normalize_text(self, text: str) -> str:
        self.unprintable.update(c for c in text if ord(c) not in self.printable and c.isprintable() and not c.isspace())
        return super().normalize_text(text)

    def bytes(self) -> bytes:
        if self.unprintable:
            self.note(t("document.unprintable", self.lang, count=len(self.unprintable)))
        return bytes(self.output())


def right_to_left(text: str) -> bool:
    """Whether the text has letters of a right-to-left script (Arabic, Persian, Hebrew …)."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def cell_text(value: object, lang: str) -> str:
    """A value as a table shows it: dates the language's way, nothing for a missing value."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    if isinstance(value, pd.Timestamp):
        value = value.date()
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return format_date(value, lang)
    if isinstance(value, bool):
        return t("document.yes" if value else "document.no", lang)
    if isinstance(value, float):
        text = f"{value:g}"
        return text.replace(".", ",") if lang == "sv" else text
    return str(value)
