"""`ishc export`: the club workbook with current data, a summary per province, the national
summary and the training records (the report an association sends upward)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment

from generator.excel.columns import NATIONAL_SHEET, SUMMARY_PREFIX, TRAINING_SHEET
from generator.excel.data import ProjectData
from generator.excel.summary import Scope, figures, report_year, scopes
from generator.excel.workbook import (BOLD, DATE_FORMAT, HEADER_FILL, NUMBER_FORMAT,
                                      club_workbook, save, title_rows)
from generator.formatting import date
from generator.model.content import Province
from generator.model.training import ROLES, Training


@dataclass
class Exported:
    clubs: int
    year_rows: int
    trainings: int
    nation: Scope | None  # None when only some provinces were exported
    provinces: list[Scope]


def export(data: ProjectData, target: Path, provinces: list[Province] | None = None,
           year: int | None = None) -> Exported:
    """Write the workbook; provinces: only their clubs (and summaries), when given."""
    wanted = {p.slug for p in provinces} if provinces else None
    entries = sorted((e for e in data.entries.values()
                      if wanted is None or e.province_slug in wanted),
                     key=lambda e: (e.province_slug, e.path))
    trainings = [tr for tr in (data.portal.trainings if data.portal else [])
                 if wanted is None or tr.province in wanted]
    year = year or report_year(entries)
    nation, by_province = scopes(entries, trainings, data.places, year)
    book = club_workbook(data.places, ((e.id, e.club) for e in entries))
    for scope in by_province:
        summary_sheet(book, scope, _sheet_title(scope.name))
    if wanted is None or len(wanted) > 1:
        summary_sheet(book, nation, NATIONAL_SHEET, by_province)
    training_sheet(book, trainings, data.places.provinces)
    book.active = 0
    save(book, target)
    rows = book["Số liệu năm"].max_row - 1
    return Exported(len(entries), rows, len(trainings), nation if wanted is None else None,
                    by_province)


def _sheet_title(name: str) -> str:
    return (SUMMARY_PREFIX + name)[:31]  # Excel's limit on a sheet's name


def summary_sheet(book: Workbook, scope: Scope, title: str,
                  provinces: list[Scope] | None = None) -> None:
    sheet = book.create_sheet(title)
    row = title_rows(sheet, f"Báo cáo tổng hợp CLB Liên thế hệ Tự giúp nhau – {scope.name} – "
                            f"năm {scope.year}", [
        f"Số liệu của các CLB đến ngày 31/12/{scope.year}; {scope.completeness} đã báo cáo "
        f"số liệu năm {scope.year}.",
        f"Ghi ngày {date(dt.date.today())} bằng ishc export, từ các tệp hồ sơ CLB; các chỉ số "
        "giống trang tổng quan trên trang web."])
    row = _table(sheet, row, ("Chỉ số", "Giá trị"), figures(scope))
    found = [(t.label, t.goal, t.source, t.value, _met(t.met)) for t in scope.targets()]
    row = _table(sheet, row, ("Mục tiêu", "Chỉ tiêu", "Căn cứ", "Kết quả", "Đánh giá"), found)
    if provinces:
        per = [(p.name, len(p.existing), len(p.reported), p.summary.members, p.summary.women,
                p.summary.income_fund, p.trained.people) for p in provinces]
        row = _table(sheet, row, ("Tỉnh/thành phố", "Số CLB", "Đã báo cáo", "Thành viên", "Nữ",
                                  "Quỹ tăng thu nhập (đồng)", "Người được tập huấn"), per)
    missing = [(e.id, e.club.name, e.commune) for e in scope.missing]
    if missing:
        _table(sheet, row, (f"CLB chưa báo cáo năm {scope.year}: mã", "Tên CLB", "Xã/phường"),
               missing)
    for letter, width in zip("ABCDEFG", (48, 22, 26, 22, 14, 24, 20)):
        sheet.column_dimensions[letter].width = width


def _met(met: bool | None) -> str:
    return {True: "Đạt", False: "Chưa đạt", None: "Chưa đủ số liệu"}[met]


def _table(sheet, row: int, headers: tuple[str, ...], rows: list[tuple]) -> int:
    for c, header in enumerate(headers, 1):
        cell = sheet.cell(row, c, header)
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r, values in enumerate(rows, row + 1):
        for c, value in enumerate(values, 1):
            cell = sheet.cell(r, c, value)
            if isinstance(value, int) and not (c == 2 and values[0] == "Năm báo cáo"):
                cell.number_format = NUMBER_FORMAT
    return row + len(rows) + 2


TRAINING_HEADERS = ("Mã hồ sơ", "Khóa học", "Từ ngày", "Đến ngày", "Tỉnh/thành phố", "Nơi học",
                    "Đơn vị tổ chức", "Số giảng viên",
                    *(f"{label}: {sex}" for label in ROLES.values() for sex in ("nữ", "nam")),
                    "Tổng số người học", "Số câu kiểm tra", "Điểm trung bình đầu khóa",
                    "Điểm trung bình cuối khóa", "Hồ sơ minh họa")


def training_sheet(book: Workbook, trainings: list[Training], provinces: list[Province]) -> None:
    """One row per class held (content/trainings/), as the training dashboards count them."""
    sheet = book.create_sheet(TRAINING_SHEET)
    names = {p.slug: p.name for p in provinces}
    for c, header in enumerate(TRAINING_HEADERS, 1):
        cell = sheet.cell(1, c, header)
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r, training in enumerate(sorted(trainings, key=lambda tr: (tr.record.start, tr.id)), 2):
        record = training.record
        counts = [n for role in ROLES for n in record.count(role)]
        test = record.test
        values = (training.id, training.course_title, record.start, record.end,
                  names.get(training.province, record.province), record.place, record.organiser,
                  record.trainers, *counts, record.people,
                  test.questions if test else None, test.pre if test else None,
                  test.post if test else None, "có" if record.example else "không")
        for c, value in enumerate(values, 1):
            cell = sheet.cell(r, c, value)
            if isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
    sheet.freeze_panes = "B2"
    sheet.row_dimensions[1].height = 45

