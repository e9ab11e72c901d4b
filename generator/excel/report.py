"""The club's yearly report: a one-sheet workbook a club board fills in, and the import of a
folder of them (`ishc import-report`).

The form lists the yearly sheet's columns (columns.py) one per row, label, value and note, so
the report and the club workbook can never disagree; two rows only check the arithmetic (men,
and members under 60, each completing the total). Each report updates the figures of its year
in its club's file, with the same all-or-nothing checks as `ishc import`, and the import lists
the clubs that have not reported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.comments import Comment
from openpyxl.styles import Alignment

from generator.excel.columns import KIND_REPORT, YEAR_COLUMNS, Column
from generator.excel.data import ProjectData
from generator.excel.read import (CellError, CellProblem, Row, Unreadable, clean_text, convert,
                                  open_workbook, workbook_kind)
from generator.excel.summary import existed
from generator.excel.workbook import BOLD, HEADER_FILL, TITLE_FONT, new_workbook, save
from generator.messages import t
from generator.model.content import Province
from generator.project import Project

REPORT_SHEET = "Báo cáo năm"
MEN = Column("check.men", "Số thành viên nam", "Để kiểm tra: số nữ + số nam = tổng số.", (),
             "int")
YOUNGER = Column("check.younger", "Thành viên dưới 60 tuổi", "Để kiểm tra: từ 60 tuổi + dưới "
                 "60 tuổi = tổng số.", (), "int")
# The form's rows: the yearly columns a club reports itself (its rating is given by the
# association), with the two checks after the counts they complete.
_SKIP = {"ratings.level", "ratings.score", "ratings.indicators"}


def form_columns() -> list[Column]:
    rows: list[Column] = []
    for col in YEAR_COLUMNS:
        if col.key in _SKIP:
            continue
        rows.append(col)
        if col.key == "members.women":
            rows.append(MEN)
        if col.key == "members.older":
            rows.append(YOUNGER)
    return rows


FIRST_ROW = 4  # the form's first field row


def report_workbook(places, club_id: str = "", name: str = "", commune: str = "",
                    year: int | None = None):
    book = new_workbook(places, KIND_REPORT)
    sheet = book.create_sheet(REPORT_SHEET, 0)
    sheet.cell(1, 1, "BÁO CÁO NĂM CỦA CLB LIÊN THẾ HỆ TỰ GIÚP NHAU").font = TITLE_FONT
    sheet.cell(2, 1, f"{name}{', ' + commune if commune else ''}".strip(", ") or
               "Ban Chủ nhiệm điền cột Số liệu, rồi gửi tệp này cho Hội Người cao tuổi xã.")
    for c, header in enumerate(("Mục", "Số liệu", "Giải thích"), 1):
        cell = sheet.cell(FIRST_ROW - 1, c, header)
        cell.font, cell.fill = BOLD, HEADER_FILL
    prefill = {"id": club_id or None, "name": name or None, "year": year}
    for r, col in enumerate(form_columns(), FIRST_ROW):
        sheet.cell(r, 1, col.header).font = BOLD
        value = prefill.get(col.key)
        if value is not None:
            sheet.cell(r, 2, value)
        if col.kind == "date":
            sheet.cell(r, 2).number_format = "DD/MM/YYYY"
        elif col.kind == "int":
            sheet.cell(r, 2).number_format = "#,##0"
        note = sheet.cell(r, 3, col.note)
        note.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(r, 1).comment = Comment(col.note, "ishc", width=300, height=100)
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 18
    sheet.column_dimensions["C"].width = 70
    sheet.freeze_panes = f"B{FIRST_ROW}"
    book.active = 0
    return book


def write_report_forms(project: Project, target: Path, year: int | None,
                       provinces: list[str] | None) -> list[Path]:
    """A blank report (target ends in .xlsx), or one report per club in the folder target."""
    from generator.excel.commands import provinces_named
    from generator.excel.data import load_project

    year = year or dt.date.today().year - 1
    if target.suffix.lower() == ".xlsx":
        from generator.load.places import load_places

        save(report_workbook(load_places(), year=year), target)
        return [target]
    data = load_project(project)
    wanted = {p.slug for p in provinces_named(provinces, data.places)}
    written = []
    for entry in sorted(data.entries.values(), key=lambda e: e.path):
        if (wanted and entry.province_slug not in wanted) or not existed(entry.club, year):
            continue
        path = target / entry.province_slug / f"{entry.id}-{year}.xlsx"
        save(report_workbook(data.places, entry.id, entry.club.name, entry.commune, year), path)
        written.append(path)
    return written


@dataclass
class Reports:
    rows: list[Row] = field(default_factory=list)  # one per report, as a row of the yearly sheet
    problems: list[CellProblem] = field(default_factory=list)
    by_club: dict[tuple[str, int], str] = field(default_factory=dict)  # (id, year) -> file


def read_reports(folder: Path, root: Path, year: int | None) -> Reports:
    found = Reports()
    files = sorted(p for p in folder.rglob("*.xlsx") if not p.name.startswith(("~$", ".")))
    if not files:
        found.problems.append(CellProblem(str(folder), "", 0, "",
                                          t("excel.report_empty_folder", path=folder)))
    for path in files:
        shown = _shown(path, root)
        try:
            row = read_report(path, shown)
        except Unreadable as err:
            found.problems.append(err.problem)
            continue
        except CellErrors as err:
            found.problems += err.problems
            continue
        club, got = row.values.get("id"), row.values.get("year")
        if year is not None and got != year:
            found.problems.append(CellProblem(shown, REPORT_SHEET, row.number, "Năm",
                                              t("excel.report_year", found=got, year=year)))
            continue
        if (club, got) in found.by_club:
            found.problems.append(CellProblem(shown, REPORT_SHEET, FIRST_ROW, "Mã CLB",
                t("excel.report_duplicate", id=club, year=got, other=found.by_club[(club, got)])))
            continue
        found.by_club[(club, got)] = shown
        found.rows.append(row)
    return found


class CellErrors(Exception):
    def __init__(self, problems: list[CellProblem]):
        super().__init__(len(problems))
        self.problems = problems


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_report(path: Path, shown: str) -> Row:
    """One report as a row of the yearly sheet (its cells located in the form), or CellErrors."""
    book = open_workbook(path, shown)
    try:
        return _report_row(book, shown)
    finally:
        book.close()


def _report_row(book, shown: str) -> Row:
    kind, _ = workbook_kind(book, shown, REPORT_SHEET)
    if kind != KIND_REPORT or REPORT_SHEET not in book.sheetnames:
        raise Unreadable(CellProblem(shown, "", 0, "", t("excel.wrong_kind",
                         found=t("excel.kind.clubs"), wanted=t("excel.kind.report"))))
    by_label = {c.header: c for c in form_columns()}
    row = Row(REPORT_SHEET, FIRST_ROW, file=shown)
    rows: dict[str, int] = {}
    problems = []
    for number, cells in enumerate(book[REPORT_SHEET].iter_rows(max_col=2, values_only=True), 1):
        label = clean_text(cells[0]) if cells and cells[0] is not None else ""
        col = by_label.get(label)
        if col is None or col.kind == "label":
            continue
        rows[col.key] = number
        try:
            value = convert(col, cells[1] if len(cells) > 1 else None)
        except CellError as err:
            problems.append(CellProblem(shown, REPORT_SHEET, number, col.header, str(err), err.hint))
            continue
        if value is not None:
            row.values[col.key] = value
    row.where = rows
    for key, header in (("id", "Mã CLB"), ("year", "Năm")):
        if key not in row.values and not any(p.column == header for p in problems):
            problems.append(CellProblem(shown, REPORT_SHEET, rows.get(key, 0), header,
                                        t("excel.missing_value", header=header)))
    problems += _sums(row, rows, shown)
    if problems:
        raise CellErrors(problems)
    for key in ("check.men", "check.younger"):
        row.values.pop(key, None)
    return row


def by_label_header(key: str) -> str:
    return next(c.header for c in form_columns() if c.key == key)


def _sums(row: Row, rows: dict[str, int], shown: str) -> list[CellProblem]:
    """Women + men, and 60 and over + under 60, must each equal the total when given."""
    values = row.values
    total = values.get("members.total")
    found = []
    for first, second in (("members.women", "check.men"), ("members.older", "check.younger")):
        if total is None or first not in values or second not in values:
            continue
        if values[first] + values[second] != total:
            found.append(CellProblem(shown, REPORT_SHEET, rows[second], by_label_header(second),
                t("excel.report_sum", first=values[first], second=values[second],
                  sum=values[first] + values[second], total=total), t("excel.report_sum.hint")))
    return found


def missing_reports(data: ProjectData, reported: set[tuple[str, int]], year: int,
                    provinces: list[Province]) -> tuple[int, list[tuple[str, str]]]:
    """(clubs that should report for year, [(file, name)] of those that have not)."""
    wanted = {p.slug for p in provinces}
    due = [e for e in data.entries.values()
           if (not wanted or e.province_slug in wanted) and existed(e.club, year)
           and e.club.status != "dissolved"]
    missing = sorted((e.path, e.club.name) for e in due if (e.id, year) not in reported)
    return len(due), missing
