"""Training records: checked at their lines, counted (never named) on the dashboards against
the VIE085 and Decision 1648 targets, nationally and per province."""

from __future__ import annotations

import datetime as dt

from generator.build import build
from generator.project import Project

from test_courses import GOOD, problems_of, write_content, write_course

RECORD = """\
course: thu
start: 2025-03-10
end: 2025-03-10
province: Hà Nội
place: Hội trường UBND xã
organiser: Hội NCT thành phố Hà Nội
trainers: 2
participants:
  - {role: board, women: 12, men: 4}
  - {role: association, women: 3, men: 1}
  - {role: volunteer, women: 5, men: 0}
test: {questions: 20, pre: 9, post: 15}
example: true
"""


def write_record(project: Project, text: str, name: str = "2025-ha-noi.yaml") -> str:
    return write_content(project, "trainings", name, text)


def test_a_good_record_passes(mini):
    write_course(mini, GOOD)
    write_record(mini, RECORD)
    assert problems_of(mini) == []


def test_each_mistake_is_reported_at_its_line(mini):
    write_course(mini, GOOD)
    cases = [("course: thu", "course: thuu", "không có khóa học 'thuu'"),
             ("end: 2025-03-10", "end: 2025-03-01", "ngày kết thúc trước ngày bắt đầu"),
             ("start: 2025-03-10", "start: 2025-09-10", "lớp chưa diễn ra"),
             ("{role: volunteer", "{role: board", "vai trò 'board' được đếm hai lần"),
             ("province: Hà Nội", "province: Hà Nôi", "Hà Nội"),
             ("pre: 9,", "pre: 29,", "lớn hơn số câu (20)")]
    for old, new, expected in cases:
        text = RECORD.replace(old, new)
        if old.startswith("start"):
            text = text.replace("end: 2025-03-10", "end: 2025-09-10")
        path = write_record(mini, text)
        found = problems_of(mini)
        assert len(found) == 1 and expected in found[0], (new, found)
        line = max(i for i, x in enumerate(text.splitlines(), 1) if new.split(",")[0] in x)
        assert found[0].startswith(f"{path}:{line}:"), found


def test_dashboards_count_people_trained_against_the_targets(mini, tmp_path):
    write_course(mini, GOOD)
    write_record(mini, RECORD)
    out = tmp_path / "site"
    build(mini, out, pdf=False, today=dt.date(2025, 6, 1))
    national = (out / "clubs" / "index.html").read_text("utf-8")
    assert "1 lớp tập huấn, 25 lượt người học (16 thành viên Ban Chủ nhiệm, 4 cán bộ Hội, " \
           "5 tình nguyện viên)" in national
    assert "tăng từ 45% đầu khóa lên 75% cuối khóa" in national
    assert "Hiện nay: <b>16 người</b> · mục tiêu 810 người (Dự án VIE085)" in national
    assert "Hiện nay: <b>75%</b> · mục tiêu từ 50%" in national  # 12 of 16
    assert "được tập huấn, bồi dưỡng năm 2025" in national
    province = (out / "clubs" / "ha-noi" / "index.html").read_text("utf-8")
    assert "Hà Nội: 1 lớp tập huấn" in province
    assert "mục tiêu 810 người" not in province  # the project's counts are national
    other = (out / "clubs" / "hai-phong" / "index.html").read_text("utf-8")
    assert "lớp tập huấn" not in other


def test_a_new_record_renders_the_directory_and_its_province_again(mini, tmp_path):
    write_course(mini, GOOD)
    out = tmp_path / "site"
    build(mini, out, pdf=False, today=dt.date(2025, 6, 1))
    before = {p: (out / p).read_text("utf-8") for p in
              ("clubs/index.html", "clubs/ha-noi/index.html", "clubs/hai-phong/index.html")}
    write_record(mini, RECORD)
    build(mini, out, pdf=False, today=dt.date(2025, 6, 1))
    after = {p: (out / p).read_text("utf-8") for p in before}
    assert after["clubs/index.html"] != before["clubs/index.html"]
    assert after["clubs/ha-noi/index.html"] != before["clubs/ha-noi/index.html"]
    assert after["clubs/hai-phong/index.html"] == before["clubs/hai-phong/index.html"]
