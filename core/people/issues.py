"""The complaints of the import and the register's edits: a value a field cannot take
(Invalid), and one complaint with its place in the file (Issue), put into words only when shown."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from core.platform.i18n import Words, shown_params, t


class Invalid(ValueError):
    """A value a field cannot take: `code` names the complaint (a validation.* label)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


# -- Words in messages that depend on the language --------------------------------------------

@dataclass(frozen=True)
class Rows:
    """Other rows a message refers to: "rad 14", or "Adepter rad 14" when on another sheet
    ("b.xlsx › Adepter rad 14" when the check covers several files); sheets by their place."""
    refs: tuple[tuple[str, int], ...]
    sheet: str

    def shown(self, lang: str) -> str:
        return ", ".join(t("validation.row_ref", lang, row=row) if sheet == self.sheet
                         else t("validation.row_ref_sheet", lang, sheet=sheet, row=row)
                         for sheet, row in self.refs)


@dataclass(frozen=True)
class Issue:
    """One complaint: where (sheet, row, column as the file names it) and what. `sheet` is the
    sheet's place (see sheet_place): its name, with the file's when the check covers several
    files; `source` is the file."""
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    sheet: str = ""
    row: int | None = None
    column: str | Words | None = None
    severity: str = "error"  # error: the row cannot be imported | warning: it can, but look | note
    source: str = ""

    def text(self, lang: str) -> str:
        """What is wrong, without where: "'anna.svensson@' är ingen giltig adress"."""
        return t(self.code, lang, **shown_params(self.params, lang))

    def shown(self, lang: str) -> str:
        """ "Rad 14, E-post: 'anna.svensson@' är ingen giltig adress." """
        text = self.text(lang)
        column = self.column.shown(lang) if isinstance(self.column, Words) else self.column
        if self.row is not None and column:
            return t("validation.at_row_column", lang, row=self.row, column=column, text=text)
        if self.row is not None:
            return t("validation.at_row", lang, row=self.row, text=text)
        if column:
            return t("validation.at_column", lang, column=column, text=text)
        return text
