"""The club workbook: template, export, import (ishc template / export / import)."""

from __future__ import annotations

import difflib
import unicodedata
from pathlib import Path

import openpyxl
import pytest

from generator.cli import main
from generator.excel.columns import (CLUBS_SHEET, META_SHEET, SHEETS, VERSION, YEARS_SHEET,
                                     column)
from generator.project import Project


def _files(project: Project) -> dict[str, bytes]:
    return {p.relative_to(project.root).as_posix(): p.read_bytes()
            for p in sorted(project.clubs.rglob("*.yaml"))}


def _export(project: Project, tmp_path: Path, *extra: str) -> Path:
    target = tmp_path / "clubs.xlsx"
    assert main(["--root", str(project.root), "export", str(target), *extra]) == 0
    return target


def _import(project: Project, source: Path, *extra: str) -> int:
    return main(["--root", str(project.root), "import", str(source), *extra])


def _set(book: Path, sheet: str, club: str, header: str, value, year: int | None = None) -> int:
    """Set one cell of the row of club (and year); the row's number."""
    workbook = openpyxl.load_workbook(book)
    ws = workbook[sheet]
    headers = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == club and (year is None or row[headers.index("Năm")].value == year):
            row[headers.index(header)].value = value
            workbook.save(book)
            return row[0].row
    raise AssertionError(f"no row for {club} {year}")


def test_template_has_headers_notes_and_dropdowns(mini, tmp_path):
    target = tmp_path / "mau.xlsx"
    assert main(["--root", str(mini.root), "template", str(target)]) == 0
    book = openpyxl.load_workbook(target)
    assert book[META_SHEET].sheet_state == "hidden"
    assert book[META_SHEET]["B2"].value == VERSION
    for name, columns in SHEETS.items():
        ws = book[name]
        assert [c.value for c in ws[1]] == [c.header for c in columns]
        assert all(ws.cell(1, i + 1).comment.text == c.note for i, c in enumerate(columns))
    rules = {str(dv.sqref).split(":")[0][0]: dv.formula1
             for dv in book[CLUBS_SHEET].data_validations.dataValidation}
    assert rules["B"] == "tinh"  # province
    assert "INDIRECT" in rules["C"] and "B2" in rules["C"]  # communes of the row's province
    levels = [dv.formula1 for dv in book[YEARS_SHEET].data_validations.dataValidation]
    assert any("rất mạnh" in f for f in levels)
    # each province's list holds exactly its communes
    name = book.defined_names["xa_ha_noi"]
    sheet, cells = next(name.destinations)
    values = [c.value for row in book[sheet][cells.replace("$", "")] for c in row]
    assert "Xã Sóc Sơn" in values and "Xã Gia Lộc" not in values


def test_export_then_import_changes_nothing(mini, tmp_path):
    before = _files(mini)
    book = _export(mini, tmp_path)
    assert _import(mini, book) == 0
    assert _files(mini) == before


def test_export_keeps_private_out(mini, tmp_path):
    book = openpyxl.load_workbook(_export(mini, tmp_path))
    text = " ".join(str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
                    for c in row if c is not None)
    assert "Bí Mật" not in text and "Đông Hoàng" in text


def test_one_changed_cell_changes_that_value_only(mini, tmp_path):
    before = _files(mini)
    book = _export(mini, tmp_path)
    _set(book, YEARS_SHEET, "dong-hoang", "Số thành viên nữ", 45, 2024)
    assert _import(mini, book) == 0
    after = _files(mini)
    changed = [name for name in before if before[name] != after[name]]
    assert changed == ["clubs/ha-noi/dong-hoang.yaml"]
    diff = [line for line in difflib.unified_diff(before[changed[0]].decode().splitlines(),
                                                  after[changed[0]].decode().splitlines(), n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert diff == ["-    women: 44", "+    women: 45"]


def test_typed_values_are_read_as_meant(mini, tmp_path):
    book = _export(mini, tmp_path)
    _set(book, YEARS_SHEET, "ninh-xa", "Tổng số thành viên", " 56 ", 2024)  # number as text
    _set(book, YEARS_SHEET, "ninh-xa", "Quỹ tăng thu nhập", "60.000.000", 2024)
    _set(book, YEARS_SHEET, "ninh-xa", "Ngày chốt quỹ", "31/12/2024", 2024)
    nfd = unicodedata.normalize("NFD", "thôn  Ninh Xá ")
    _set(book, CLUBS_SHEET, "ninh-xa", "Thôn/xóm/tổ dân phố", nfd)
    assert _import(mini, book) == 0
    text = (mini.clubs / "hai-phong" / "ninh-xa.yaml").read_text("utf-8")
    assert "total: 56" in text and "income_fund: 60000000" in text
    assert "village: thôn Ninh Xá\n" in text and unicodedata.is_normalized("NFC", text)
    assert main(["--root", str(mini.root), "check"]) == 0


def test_bad_rows_are_reported_by_cell_and_nothing_is_written(mini, tmp_path, capsys):
    before = _files(mini)
    book = _export(mini, tmp_path)
    row = _set(book, YEARS_SHEET, "dong-hoang", "Số thành viên nữ", "bốn mươi", 2024)
    other = _set(book, CLUBS_SHEET, "ninh-xa", "Xã/phường", "Xã Không Có")
    _set(book, YEARS_SHEET, "ninh-xa", "Tổng số thành viên", 70, 2024)  # a good change
    capsys.readouterr()
    assert _import(mini, book) == 1
    err = capsys.readouterr().err
    assert f'clubs.xlsx, trang tính "Số liệu năm", dòng {row}, cột "Số thành viên nữ"' in err
    assert f'clubs.xlsx, trang tính "CLB", dòng {other}, cột "Xã/phường"' in err
    assert _files(mini) == before


def test_a_check_of_ishc_check_points_at_the_cell(mini, tmp_path, capsys):
    before = _files(mini)
    book = _export(mini, tmp_path)
    row = _set(book, YEARS_SHEET, "dong-hoang", "Số thành viên nữ", 99, 2024)  # over the total
    capsys.readouterr()
    assert _import(mini, book) == 1
    err = capsys.readouterr().err
    assert f'dòng {row}, cột "Số thành viên nữ"' in err and "women" in err
    assert _files(mini) == before


def test_csv_with_bom_adds_a_year(mini, tmp_path):
    headers = ["Mã CLB", "Năm", "Tổng số thành viên", "Số thành viên nữ", "Xếp loại"]
    source = tmp_path / "so-lieu.csv"
    source.write_bytes("\ufeff".encode() + (";".join(headers) + "\n"
                       + "ninh-xa;2025;58;41;Trung bình\n").encode("utf-8"))
    assert _import(mini, source) == 0
    text = (mini.clubs / "hai-phong" / "ninh-xa.yaml").read_text("utf-8")
    assert "date: 2025-12-31" in text and "total: 58" in text and "level: trung bình" in text
    assert main(["--root", str(mini.root), "check"]) == 0


def test_dry_run_writes_nothing(mini, tmp_path):
    before = _files(mini)
    book = _export(mini, tmp_path)
    _set(book, YEARS_SHEET, "dong-hoang", "Số thành viên nữ", 45, 2024)
    assert _import(mini, book, "--dry-run") == 0
    assert _files(mini) == before


def test_new_club_from_a_row(mini, tmp_path):
    book = _export(mini, tmp_path)
    workbook = openpyxl.load_workbook(book)
    ws = workbook[CLUBS_SHEET]
    headers = [c.value for c in ws[1]]
    values = {"Mã CLB": "thon-moi", "Tỉnh/thành phố": "Hà Nội", "Xã/phường": "xã sóc sơn",
              "Tên CLB": "CLB Liên thế hệ Tự giúp nhau thôn Mới", "Ngày thành lập": "01/06/2024"}
    for header, value in values.items():
        ws.cell(ws.max_row + (header == "Mã CLB"), headers.index(header) + 1, value)
    workbook.save(book)
    assert _import(mini, book) == 0
    text = (mini.clubs / "ha-noi" / "thon-moi.yaml").read_text("utf-8")
    assert "commune: Xã Sóc Sơn" in text and "founded: 2024-06-01" in text
    assert main(["--root", str(mini.root), "check"]) == 0


@pytest.mark.parametrize("version, word", [(0, "phiên bản 0"), (VERSION + 1, "mới hơn")])
def test_other_template_versions_are_refused_clearly(mini, tmp_path, capsys, version, word):
    book = _export(mini, tmp_path)
    workbook = openpyxl.load_workbook(book)
    workbook[META_SHEET]["B2"].value = version
    workbook.save(book)
    capsys.readouterr()
    assert _import(mini, book) == 1
    assert word in capsys.readouterr().err


def test_an_older_header_is_read_by_its_new_name(mini, tmp_path, monkeypatch):
    from generator.excel import columns

    header = column(YEARS_SHEET, "members.women").header
    monkeypatch.setattr(columns, "VERSION", VERSION + 1)
    monkeypatch.setattr("generator.excel.read.VERSION", VERSION + 1)
    monkeypatch.setitem(columns.RENAMED, VERSION, {"Nữ": header})
    book = _export(mini, tmp_path)
    workbook = openpyxl.load_workbook(book)
    workbook[META_SHEET]["B2"].value = VERSION  # the older version, with the older header
    ws = workbook[YEARS_SHEET]
    cell = next(c for c in ws[1] if c.value == header)
    cell.value = "Nữ"
    workbook.save(book)
    _set(book, YEARS_SHEET, "dong-hoang", "Nữ", 46, 2024)
    assert _import(mini, book) == 0
    assert "women: 46" in (mini.clubs / "ha-noi" / "dong-hoang.yaml").read_text("utf-8")


def test_export_has_province_summaries_with_completeness(mini, tmp_path):
    book = openpyxl.load_workbook(_export(mini, tmp_path))
    assert {"Tổng hợp Hà Nội", "Tổng hợp Hải Phòng", "Tổng hợp toàn quốc", "Tập huấn"} <= set(
        book.sheetnames)
    rows = {r[0]: r[1] for r in book["Tổng hợp toàn quốc"].iter_rows(values_only=True) if r[0]}
    assert rows["Năm báo cáo"] == 2024
    assert rows["CLB đã báo cáo số liệu năm"] == "2 / 2 CLB"
    assert rows["Tổng số thành viên"] == 62 + 55
    one = openpyxl.load_workbook(_export(mini, tmp_path, "--province", "Hà Nội"))
    assert "Tổng hợp Hải Phòng" not in one.sheetnames
    ids = [r[0] for r in one[CLUBS_SHEET].iter_rows(min_row=2, values_only=True)]
    assert ids == ["dong-hoang"]


COMMENTED = """\
# Đầu tệp
name: CLB Liên thế hệ Tự giúp nhau thôn Đông Hoàng
founded: 2023-05-14
programmes: [VIE085]
place:
  province: Hà Nội
  commune: Xã Sóc Sơn
  village: thôn Đông Hoàng

# Số thành viên cuối năm
members:
  - date: 2024-12-31
    total: 62   # đếm cuối năm
    women: 44

# Quỹ cuối năm
funds:
  - date: 2024-12-31
    income_fund: 80000000
    loans_outstanding: {count: 20, amount: 70000000, women: 15}
ratings:
  - {year: 2024, level: mạnh, score: 78}

# Cuối tệp
"""


def test_a_new_year_keeps_every_comment_in_its_place(mini, tmp_path):
    path = mini.clubs / "ha-noi" / "dong-hoang.yaml"
    path.write_text(COMMENTED, "utf-8")
    source = tmp_path / "nam.csv"
    source.write_text("Mã CLB,Năm,Tổng số thành viên,Số thành viên nữ,Số buổi sinh hoạt,"
                      "Xếp loại,Quỹ tăng thu nhập\n"
                      "dong-hoang,2025,64,45,12,rất mạnh,90000000\n", "utf-8")
    assert _import(mini, source) == 0
    lines = path.read_text("utf-8").splitlines()
    old = COMMENTED.splitlines()
    # nothing of the old file is lost or reordered: it is a subsequence of the new one
    found = iter(lines)
    assert all(any(line == new for new in found) for line in old)
    after = lambda text: lines[lines.index(text) + 1]  # noqa: E731
    assert after("# Số thành viên cuối năm") == "members:"
    assert after("# Quỹ cuối năm") == "funds:"
    assert lines[-1] == "# Cuối tệp"
    assert "    total: 62   # đếm cuối năm" in lines
    assert "  - {year: 2025, level: rất mạnh}" in lines  # in the style of its neighbours
    assert main(["--root", str(mini.root), "check"]) == 0


def test_csv_not_in_utf8_is_refused_with_the_way_out(mini, tmp_path, capsys):
    before = _files(mini)
    source = tmp_path / "cu.csv"
    source.write_bytes("Mã CLB,Năm,Tổng số thành viên\nninh-xa,2025,58\n".encode("cp1252",
                                                                                 "replace"))
    capsys.readouterr()
    assert _import(mini, source) == 1
    err = capsys.readouterr().err
    assert "cu.csv: tệp CSV không phải bảng mã UTF-8" in err and "CSV UTF-8" in err
    assert _files(mini) == before


def test_a_file_in_pyyaml_layout_keeps_its_layout(mini, tmp_path):
    import datetime as dt

    import yaml

    path = mini.clubs / "hai-phong" / "ninh-xa.yaml"
    record = yaml.safe_load(path.read_text("utf-8"))
    record["members"].insert(0, {"date": dt.date(2023, 12, 31), "total": 50, "women": 36})
    text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
    assert "\n- date:" in text  # PyYAML puts a list's dash at the key's indentation
    path.write_text(text, "utf-8")
    book = _export(mini, tmp_path)
    _set(book, YEARS_SHEET, "ninh-xa", "Số thành viên nữ", 37, 2023)
    assert _import(mini, book) == 0
    assert path.read_text("utf-8") == text.replace("women: 36", "women: 37")


def test_summary_counts_the_clubs_that_have_not_reported(mini, tmp_path):
    path = mini.clubs / "ha-noi" / "dong-hoang.yaml"
    path.write_text(path.read_text("utf-8").replace(
        "members:\n", "members:\n  - {date: 2025-12-31, total: 64, women: 46}\n"), "utf-8")
    book = openpyxl.load_workbook(_export(mini, tmp_path))
    sheet = list(book["Tổng hợp toàn quốc"].iter_rows(values_only=True))
    rows = {r[0]: r[1] for r in sheet if r[0]}
    assert rows["Năm báo cáo"] == 2025
    assert rows["CLB đã báo cáo số liệu năm"] == "1 / 2 CLB"
    assert rows["Tổng số thành viên"] == 64 + 55  # each club's latest count by the year's end
    missing = [r for r in sheet if r[0] == "ninh-xa"]
    assert missing and missing[0][1] == "CLB Liên thế hệ Tự giúp nhau thôn Ninh Xá"
    earlier = openpyxl.load_workbook(_export(mini, tmp_path, "--year", "2024"))
    rows = {r[0]: r[1] for r in earlier["Tổng hợp toàn quốc"].iter_rows(values_only=True) if r[0]}
    assert rows["CLB đã báo cáo số liệu năm"] == "2 / 2 CLB" and rows["Tổng số thành viên"] == 117


def test_a_workbook_that_unpacks_too_large_is_refused_before_reading(mini, tmp_path, capsys,
                                                                     monkeypatch):
    book = _export(mini, tmp_path)
    monkeypatch.setattr("generator.excel.read.MAX_UNPACKED", 1000)
    capsys.readouterr()
    assert _import(mini, book) == 1
    assert "sổ quá lớn" in capsys.readouterr().err
