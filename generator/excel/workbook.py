"""Writing the club workbook: the empty template and the export, from the column table.

Both have the same two data sheets ("CLB", "Số liệu năm") with a note on every header and
dropdowns for province, commune (of the province chosen in the same row) and rating; the lists
behind the dropdowns are in a hidden sheet, and a hidden sheet "ishc" names the workbook's kind
and template version. Members' personal data (the `private` field) has no column, so it never
leaves the club files.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from generator.excel.columns import (CLUBS_SHEET, KIND_CLUBS, LEVELS, LISTS_SHEET,
                                     LIST_SEPARATOR, META_SHEET, SHEETS, STATUS_LABELS, VERSION,
                                     YEARS_SHEET, Column, GROUPS)
from generator.load.places import Places
from generator.load.text import sort_key
from generator.model.club import Club

HEADER_FILL = PatternFill("solid", fgColor="FFF2CC")
TITLE_FONT = Font(bold=True, size=13)
BOLD = Font(bold=True)
DATE_FORMAT = "DD/MM/YYYY"
NUMBER_FORMAT = "#,##0"
SPARE_ROWS = 500  # rows below the data that still have dropdowns, for clubs added by hand


def new_workbook(places: Places, kind: str = KIND_CLUBS) -> Workbook:
    """A workbook with the hidden version sheet and lists, and no data sheet yet."""
    book = Workbook()
    book.remove(book.active)
    meta = book.create_sheet(META_SHEET)
    meta.append(["kind", kind])
    meta.append(["version", VERSION])
    meta.append(["Trang tính này cho ishc biết mẫu và phiên bản; xin đừng sửa."])
    meta.sheet_state = "hidden"
    _lists(book, places)
    return book


def club_workbook(places: Places, clubs: Iterable[tuple[str, Club]] = ()) -> Workbook:
    """The two data sheets, filled with clubs (id, record) when given."""
    book = new_workbook(places)
    clubs = list(clubs)
    club_rows = [club_values(club_id, club) for club_id, club in clubs]
    year_rows = [row for club_id, club in clubs for row in year_values(club_id, club)]
    for index, (sheet, rows) in enumerate(((CLUBS_SHEET, club_rows), (YEARS_SHEET, year_rows))):
        data_sheet(book, sheet, SHEETS[sheet], rows, index)
    book.active = book.sheetnames.index(CLUBS_SHEET)
    return book


def data_sheet(book: Workbook, title: str, columns: tuple[Column, ...], rows: list[dict],
               index: int) -> Worksheet:
    sheet = book.create_sheet(title, index)
    for number, col in enumerate(columns, 1):
        cell = sheet.cell(1, number, col.header)
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.comment = Comment(col.note, "ishc", width=300, height=120)
        sheet.column_dimensions[get_column_letter(number)].width = col.width
    for r, row in enumerate(rows, 2):
        for number, col in enumerate(columns, 1):
            value = row.get(col.key)
            if value is None:
                continue
            cell = sheet.cell(r, number, value)
            if col.kind == "date":
                cell.number_format = DATE_FORMAT
            elif col.kind == "int":
                cell.number_format = NUMBER_FORMAT
    sheet.freeze_panes = "B2"
    sheet.row_dimensions[1].height = 45
    _dropdowns(sheet, columns, len(rows) + 1 + SPARE_ROWS)
    return sheet


def _lists(book: Workbook, places: Places) -> None:
    """The hidden sheet the dropdowns read: provinces, each one's communes under a name."""
    sheet = book.create_sheet(LISTS_SHEET)
    sheet.sheet_state = "hidden"
    sheet.cell(1, 1, "Tỉnh/thành phố")
    sheet.cell(1, 2, "Tên danh sách xã")
    quoted = quote_sheetname(LISTS_SHEET)
    for r, province in enumerate(places.provinces, 2):
        name = list_name(province.slug)
        sheet.cell(r, 1, province.name)
        sheet.cell(r, 2, name)
        communes = sorted(places.communes.get(province.name, {}).values(), key=sort_key)
        column = get_column_letter(r + 1)
        sheet.cell(1, r + 1, province.name)
        for c, commune in enumerate(communes, 2):
            sheet.cell(c, r + 1, commune)
        last = max(len(communes) + 1, 2)
        book.defined_names[name] = DefinedName(name, attr_text=f"{quoted}!${column}$2:${column}${last}")
    last = len(places.provinces) + 1
    book.defined_names["tinh"] = DefinedName("tinh", attr_text=f"{quoted}!$A$2:$A${last}")
    book.defined_names["tinh_xa"] = DefinedName("tinh_xa", attr_text=f"{quoted}!$A$2:$B${last}")


def list_name(slug: str) -> str:
    """The defined name of a province's communes: "ha-noi" -> "xa_ha_noi"."""
    return "xa_" + slug.replace("-", "_")


def _dropdowns(sheet: Worksheet, columns: tuple[Column, ...], last_row: int) -> None:
    letters = {c.key: get_column_letter(i) for i, c in enumerate(columns, 1)}
    for col in columns:
        if not col.dropdown:
            continue
        letter = letters[col.key]
        if col.dropdown == "province":
            formula = "tinh"
        elif col.dropdown == "commune":
            formula = f"INDIRECT(VLOOKUP({letters['province']}2,tinh_xa,2,FALSE))"
        elif col.dropdown == "status":
            formula = '"' + ",".join(STATUS_LABELS.values()) + '"'
        else:
            formula = '"' + ",".join(LEVELS) + '"'
        rule = DataValidation(type="list", formula1=formula, allow_blank=True,
                              showErrorMessage=True, errorTitle="Giá trị không có trong danh sách",
                              error=f"Chọn {col.header.lower()} trong danh sách.",
                              promptTitle=col.header[:32], prompt=col.note[:255],
                              showInputMessage=False)
        rule.add(f"{letter}2:{letter}{last_row}")
        sheet.add_data_validation(rule)


def title_rows(sheet: Worksheet, title: str, lines: Iterable[str]) -> int:
    """A bold title and lines of text under it; the next free row."""
    sheet.cell(1, 1, title).font = TITLE_FONT
    row = 2
    for line in lines:
        sheet.cell(row, 1, line)
        row += 1
    return row + 1


# --- Values of a club record, by column ---------------------------------------------------------


def value_at(record: object, path: tuple[str, ...]) -> object:
    for name in path:
        if record is None:
            return None
        record = getattr(record, name)
    return record


def cell_value(col: Column, value: object) -> object:
    """A record's value as a cell holds it."""
    if value is None:
        return None
    if col.kind == "status":
        return STATUS_LABELS.get(value, value)
    if col.kind == "list":
        return f"{LIST_SEPARATOR} ".join(value) or None
    if col.kind == "float" and float(value).is_integer():
        return int(value)
    return value


def club_values(club_id: str, club: Club) -> dict[str, object]:
    """A row of the sheet "CLB"."""
    row: dict[str, object] = {}
    for col in SHEETS[CLUBS_SHEET]:
        row[col.key] = club_id if col.kind == "id" else cell_value(col, value_at(club, col.path))
    return row


def year_items(club: Club) -> dict[str, dict[int, object]]:
    """Each group's item of each year (of two in one year, the latest: the one the row shows)."""
    found: dict[str, dict[int, object]] = {name: {} for name in GROUPS}
    for item in sorted(club.members, key=lambda m: m.date):
        found["members"][item.date.year] = item
    for item in (club.activities.yearly if club.activities else []):
        found["activities"][item.year] = item
    for item in sorted(club.funds, key=lambda f: f.date):
        found["funds"][item.date.year] = item
    for item in club.ratings:
        found["ratings"][item.year] = item
    return found


def year_values(club_id: str, club: Club) -> list[dict[str, object]]:
    """The rows of the sheet "Số liệu năm" for a club, one per year with any figure."""
    items = year_items(club)
    years = sorted({year for by_year in items.values() for year in by_year})
    rows = []
    for year in years:
        row: dict[str, object] = {"id": club_id, "name": club.name, "year": year}
        for col in SHEETS[YEARS_SHEET]:
            if col.group:
                row[col.key] = cell_value(col, value_at(items[col.group].get(year), col.path))
        rows.append(row)
    return rows


def save(book: Workbook, target: Path) -> None:
    """Write the workbook atomically: a half-written file never replaces a good one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                         dir=target.parent)
    os.close(handle)
    try:
        book.save(temporary)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

