"""Yearly club reports (ishc template --report, ishc import-report) and the DHIS2 CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl

from generator.cli import main
from generator.excel.dhis2 import ELEMENTS, HEADER


def _files(project) -> dict[str, bytes]:
    return {p.relative_to(project.root).as_posix(): p.read_bytes()
            for p in sorted(project.clubs.rglob("*.yaml"))}


def _fill(path: Path, values: dict[str, object]) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book["Báo cáo năm"]
    rows = {sheet.cell(r, 1).value: r for r in range(1, sheet.max_row + 1)}
    for label, value in values.items():
        sheet.cell(rows[label], 2, value)
    book.save(path)


def test_reports_update_exactly_their_clubs_and_list_the_missing(mini, tmp_path, capsys):
    folder = tmp_path / "bao-cao"
    assert main(["--root", str(mini.root), "template", str(folder), "--report",
                 "--year", "2024"]) == 0
    forms = sorted(folder.rglob("*.xlsx"))
    assert [f.name for f in forms] == ["dong-hoang-2024.xlsx", "ninh-xa-2024.xlsx"]
    _fill(forms[1], {"Tổng số thành viên": "57", "Số thành viên nữ": 41,
                     "Số thành viên nam": 16, "Số buổi sinh hoạt": 12})
    forms[0].unlink()  # dong-hoang has not reported
    before = _files(mini)
    capsys.readouterr()
    assert main(["--root", str(mini.root), "import-report", str(folder)]) == 0
    out = capsys.readouterr().out
    after = _files(mini)
    assert [n for n in before if before[n] != after[n]] == ["clubs/hai-phong/ninh-xa.yaml"]
    text = after["clubs/hai-phong/ninh-xa.yaml"].decode()
    assert "total: 57" in text and "women: 41" in text and "meetings: 12" in text
    assert "1/2 CLB" in out and "clubs/ha-noi/dong-hoang.yaml" in out
    assert main(["--root", str(mini.root), "check"]) == 0


def test_a_report_that_does_not_add_up_writes_nothing(mini, tmp_path, capsys):
    folder = tmp_path / "bao-cao"
    assert main(["--root", str(mini.root), "template", str(folder), "--report",
                 "--year", "2024"]) == 0
    forms = sorted(folder.rglob("*.xlsx"))
    _fill(forms[0], {"Tổng số thành viên": 63})  # a good report
    _fill(forms[1], {"Tổng số thành viên": 57, "Số thành viên nữ": 41, "Số thành viên nam": 15})
    before = _files(mini)
    capsys.readouterr()
    assert main(["--root", str(mini.root), "import-report", str(folder)]) == 1
    err = capsys.readouterr().err
    assert 'trang tính "Báo cáo năm"' in err and 'cột "Số thành viên nam"' in err
    assert "41 + 15 = 56" in err
    assert _files(mini) == before


def test_dhis2_csv_layout(mini, tmp_path):
    target = tmp_path / "dhis2.csv"
    assert main(["--root", str(mini.root), "export", str(tmp_path / "x.xlsx"),
                 "--dhis2", str(target)]) == 0
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert tuple(rows[0]) == HEADER
    values = {(r[0], r[1], r[2]): r[5] for r in rows[1:]}
    assert len(values) == len(rows) - 1 == len(ELEMENTS) * 3  # two provinces and the nation
    assert values[("ISHC_MEMBERS", "2024", "VN")] == str(62 + 55)
    assert values[("ISHC_MEMBERS", "2024", "ha-noi")] == "62"
    assert all(r[1] == "2024" and r[5].isdigit() for r in rows[1:])


def test_printable_report_has_the_workbook_rows():
    import yaml

    from generator.excel.report import form_columns
    from tests.conftest import REPO

    forms = yaml.safe_load((REPO / "content" / "forms.yaml").read_text("utf-8"))["forms"]
    printed = next(f for f in forms if f["id"] == "bao-cao-nam")
    labels = {label for block in printed["blocks"] for label in block.get("fields", [])}
    assert labels == {c.header for c in form_columns()}


def test_export_lists_training_records_and_counts_people_trained(mini, tmp_path):
    from test_courses import GOOD, write_course
    from test_trainings import RECORD, write_record

    write_course(mini, GOOD)
    write_record(mini, RECORD.replace("2025-03-10", "2024-03-10"))
    target = tmp_path / "x.xlsx"
    assert main(["--root", str(mini.root), "export", str(target)]) == 0
    book = openpyxl.load_workbook(target)
    sheet = book["Tập huấn"]
    headers = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 1
    row = dict(zip(headers, rows[0]))
    assert row["Ban Chủ nhiệm CLB: nữ"] == 12 and row["Ban Chủ nhiệm CLB: nam"] == 4
    assert row["Tổng số người học"] == 12 + 4 + 3 + 1 + 5 + 0
    assert row["Tỉnh/thành phố"] == "Hà Nội" and row["Hồ sơ minh họa"] == "có"
    summary = {r[0]: r[1] for r in book["Tổng hợp Hà Nội"].iter_rows(values_only=True) if r[0]}
    assert summary["Lượt người được tập huấn"] == 25
    assert summary["Thành viên Ban Chủ nhiệm được tập huấn"] == 16


def test_dhis2_csv_of_one_province_has_no_national_rows(mini, tmp_path):
    target = tmp_path / "dhis2.csv"
    assert main(["--root", str(mini.root), "export", str(tmp_path / "x.xlsx"),
                 "--province", "Hải Phòng", "--dhis2", str(target)]) == 0
    rows = list(csv.reader(target.open(encoding="utf-8")))[1:]
    assert {r[2] for r in rows} == {"hai-phong"} and len(rows) == len(ELEMENTS)


def test_every_dhis2_code_is_documented_in_the_readme():
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text("utf-8")
    assert all(f"`{code}`" in readme for code in ELEMENTS)
