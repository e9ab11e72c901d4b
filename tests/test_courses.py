"""Course plans: a course file is checked like every other source (file:line: message, hint),
its durations come from the modules, and `ishc course plan` prints the timetable."""

from __future__ import annotations

import datetime as dt

from generator.build import check
from generator.cli import main
from generator.project import Project

GOOD = """\
title: Khóa thử một buổi
kind: refresher
audience: [board]
purpose: Ôn sổ quỹ cho Ban Chủ nhiệm.
participants: 20–30 người
covers: {sets: [1]}
days:
  - title: Sổ quỹ
    start: "08:00"
    end: "09:30"
    sessions:
      - {at: "08:00", item: "Khai mạc, làm quen", minutes: 20, kind: opening}
      - {at: "08:20", module: so-quy}
      - {at: "08:50", break: 10}
      - {at: "09:00", module: so-quy, steps: [2]}
"""


def write_content(project: Project, folder: str, name: str, text: str) -> str:
    """Write content/<folder>/<name>; its path as problems show it."""
    (project.content / folder).mkdir(exist_ok=True)
    (project.content / folder / name).write_text(text, "utf-8")
    return f"content/{folder}/{name}"


def write_course(project: Project, text: str, name: str = "thu.yaml") -> str:
    return write_content(project, "courses", name, text)


def problems_of(project: Project) -> list[str]:
    return [p.format() for p in check(project, today=dt.date(2025, 6, 1))]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_good_course_passes_and_prints_its_timetable(mini, capsys):
    path = write_course(mini, GOOD)
    assert problems_of(mini) == []
    assert main(["--root", str(mini.root), "course", "plan", str(mini.root / path)]) == 0
    out = capsys.readouterr().out
    assert "Ngày 1. Sổ quỹ (08:00–09:30; học 1 giờ 10 phút)" in out
    assert "  08:20–08:50  Sổ quỹ tiền mặt" in out
    assert "  09:00–09:20  Sổ quỹ tiền mặt (bước 2; 20 phút)" in out
    assert "1 ngày, 1 bài" in out


def test_an_unknown_module_is_reported_at_its_line_with_a_suggestion(mini):
    text = GOOD.replace("module: so-quy}", "module: so-qy}", 1)
    path = write_course(mini, text)
    [problem, *rest] = problems_of(mini)
    assert problem.startswith(f"{path}:{line_of(text, 'so-qy')}:")
    assert "không có bài 'so-qy'" in problem and "'so-quy'" in problem


def test_overlapping_sessions_are_reported_at_the_later_one(mini):
    text = GOOD.replace('{at: "08:50", break: 10}', '{at: "08:40", break: 10}')
    path = write_course(mini, text)
    [problem] = problems_of(mini)
    assert problem.startswith(f"{path}:{line_of(text, '08:40')}:")
    assert "bắt đầu trước khi 'Sổ quỹ tiền mặt' kết thúc (08:50)" in problem


def test_a_day_over_its_hours_is_reported(mini):
    text = GOOD.replace('end: "09:30"', 'end: "09:10"')
    path = write_course(mini, text)
    [problem] = problems_of(mini)
    assert problem.startswith(f"{path}:{line_of(text, '09:10')}:")
    assert "kéo đến 09:20" in problem


def test_more_than_eight_teaching_hours_is_refused(mini):
    text = GOOD.replace('end: "09:30"', 'end: "18:00"').replace(
        '{at: "09:00", module: so-quy, steps: [2]}',
        '{at: "09:00", item: "Đi thực tế", minutes: 440, kind: field_visit}')
    path = write_course(mini, text)
    [problem] = problems_of(mini)  # 20 + 30 + 440 minutes taught; the break does not count
    assert problem.startswith(f"{path}:{line_of(text, 'title: Sổ quỹ')}:")
    assert "490 phút học, quá 480 phút" in problem


def test_typed_minutes_that_disagree_with_the_module_are_an_error(mini):
    text = GOOD.replace("module: so-quy}", "module: so-quy, minutes: 45}", 1)
    path = write_course(mini, text)
    [problem] = problems_of(mini)
    assert problem.startswith(f"{path}:{line_of(text, 'minutes: 45')}:")
    assert "minutes là 45 nhưng bài 'so-quy' dạy như đã chọn mất 30 phút" in problem


def test_typed_minutes_that_agree_are_only_a_warning(mini):
    write_course(mini, GOOD.replace("module: so-quy}", "module: so-quy, minutes: 30}", 1))
    [problem] = problems_of(mini)
    assert "cảnh báo" in problem and "không cần ghi minutes" in problem


def test_a_promised_module_left_out_is_reported(mini):
    text = GOOD.replace("covers: {sets: [1]}", "covers: {sets: [1], modules: [khong-co]}")
    write_course(mini, text)
    [problem] = problems_of(mini)
    assert "không có bài 'khong-co'" in problem


def test_a_session_of_no_known_kind_is_reported(mini):
    text = GOOD.replace('{at: "08:50", break: 10}', '{at: "08:50", giai-lao: 10}')
    path = write_course(mini, text)
    [problem] = problems_of(mini)
    assert problem.startswith(f"{path}:{line_of(text, 'giai-lao')}:")
    assert "module, item, break, meal" in problem


def test_a_bad_clock_names_the_field(mini):
    text = GOOD.replace('{at: "08:50", break: 10}', '{at: "8h50", break: 10}')
    path = write_course(mini, text)
    [problem] = problems_of(mini)
    assert problem.startswith(f"{path}:{line_of(text, '8h50')}:") and "'8h50'" in problem


def test_a_course_builds_into_a_page_and_a_pack(mini, tmp_path):
    from generator.build import build
    import pypdfium2

    write_course(mini, GOOD)
    result = build(mini, tmp_path / "site", pdf=True)
    [pack] = result.courses
    page = (tmp_path / "site" / "training" / "courses" / "thu.html").read_text("utf-8")
    assert "Ngày 1. Sổ quỹ" in page and "<td>08:20–08:50</td>" in page  # a table, not text
    assert f'href="../../downloads/{pack.filename}"' in page
    pdf = pypdfium2.PdfDocument(tmp_path / "site" / "downloads" / pack.filename)
    text = "\f".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    for part in ("Thời khóa biểu", "Bài kiểm tra kiến thức", "Đáp án (dành cho giảng viên)",
                 "Tài liệu phát tay", "Phiếu đánh giá khóa học", "Danh sách điểm danh",
                 "Giấy chứng nhận"):
        assert part.casefold() in text.casefold(), part
    # Both quiz questions of the one module, each with four options, and the key names them.
    assert "Số tồn quỹ cuối ngày tính thế nào?" in text and "Khi nào ghi một khoản thu" in text
    assert "A. Tồn đầu kỳ + thu − chi" in text and "B. Ngay trong ngày, có phiếu thu" in text
    widths = {round(pdf[i].get_size()[0]) for i in range(len(pdf))}
    assert widths == {595, 842}  # portrait pages, and landscape attendance and certificate


def test_a_module_may_link_to_a_course_page_which_print_keeps_as_words(mini):
    from generator.build import load_portal
    from generator.handbooks.compose import Composer

    write_course(mini, GOOD)
    module = mini.content / "modules" / "so-quy.md"
    text = module.read_text("utf-8")
    module.write_text(text.replace("Sổ quỹ ghi mọi khoản", "Xem [khóa thử](../training/courses/thu.md). "
                                   "Sổ quỹ ghi mọi khoản"), "utf-8")
    assert problems_of(mini) == []
    portal, _ = load_portal(mini)
    book = Composer(portal, mini).handbooks()[0].html
    assert "<em>khóa thử</em>" in book and "training/courses" not in book
    module.write_text(text.replace("Sổ quỹ ghi mọi khoản", "Xem [khóa](../training/courses/khong-co.md). "
                                   "Sổ quỹ ghi mọi khoản"), "utf-8")
    [problem] = problems_of(mini)
    assert "khong-co.md" in problem
