"""The sign-up template: a workbook with a sheet per role, the columns Mentorplan recognises,
a note on each header saying what to write, and drop-down lists where the values are fixed.
Generated on demand in the coordinator's language; a filled-in template imports as it is."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from core.people.cleaning import MAX_CAPACITY, MAX_EXPERIENCE
from core.platform.i18n import t

ROWS = 500  # rows below the header that the drop-downs cover
_COMMON = ("name", "email", "phone", "organisation", "department", "title", "town", "languages", "gender",
           "sector", "experience_years")
COLUMNS = {
    "mentor": _COMMON + ("competences", "capacity", "start_preference", "same_org_allowed", "motivation",
                         "consent"),
    "mentee": _COMMON + ("goals", "gender_preference", "sector_preference", "start_preference",
                         "same_org_allowed", "motivation", "consent"),
}
# The values of the drop-downs, as label keys; each is read back by core.validation.
CHOICES = {
    "gender": ("participants.gender.woman", "participants.gender.man", "participants.gender.other"),
    "gender_preference": ("participants.gender.woman", "participants.gender.man",
                          "participants.template.no_preference"),
    "sector_preference": ("participants.sector_preference.same", "participants.sector_preference.other",
                          "participants.sector_preference.none"),
    "start_preference": ("participants.start.autumn", "participants.start.spring", "participants.start.any"),
    "consent": ("participants.template.yes", "participants.template.no"),
    "same_org_allowed": ("participants.template.yes", "participants.template.no"),
}
WHOLE_NUMBERS = {"capacity": (1, MAX_CAPACITY), "experience_years": (0, MAX_EXPERIENCE)}


def signup_template(lang: str) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for role in ("mentor", "mentee"):
        sheet = workbook.create_sheet(t(f"participants.template.sheet_{role}", lang))
        fields = COLUMNS[role]
        sheet.append([t(f"participants.field.{f}", lang) for f in fields])
        for index, field in enumerate(fields, start=1):
            letter = get_column_letter(index)
            cell = sheet.cell(row=1, column=index)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DCE6F1")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.comment = Comment(t(f"participants.note.{field}", lang), "Mentorplan", width=300, height=120)
            sheet.column_dimensions[letter].width = 28 if field in ("competences", "goals", "motivation",
                                                                    "sector_preference") else 18
            cells = f"{letter}2:{letter}{ROWS + 1}"
            if field in CHOICES:
                values = ",".join(t(key, lang) for key in CHOICES[field])
                check = DataValidation(type="list", formula1=f'"{values}"', allow_blank=True)
            elif field in WHOLE_NUMBERS:
                low, high = WHOLE_NUMBERS[field]
                check = DataValidation(type="whole", operator="between", formula1=str(low), formula2=str(high),
                                       allow_blank=True)
            else:
                continue
            check.error = t(f"participants.note.{field}", lang)
            check.errorTitle = t(f"participants.field.{field}", lang)
            check.showErrorMessage = True
            sheet.add_data_validation(check)
            check.add(cells)
        sheet.freeze_panes = "A2"
        sheet.row_dimensions[1].height = 32
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
