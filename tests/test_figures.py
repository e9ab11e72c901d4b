"""Figures and core paths of modules: checked at their lines, numbered alike on the site and in
print, published with their pages, and a changed drawing prints the book again."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.build import build, check
from generator.figures import images_in, numbered
from generator.handbooks.compose import glossary_for
from generator.model.content import GlossaryTerm
from generator.project import Project

from test_validate import edit

TODAY = dt.date(2025, 6, 1)
MODULE = "content/modules/so-quy.md"
FIGURE = "![Ba ô: tồn đầu kỳ cộng thu trừ chi bằng số tồn](../figures/so-ton.svg \"Cách tính số tồn\")"


def problems_of(project: Project) -> list[str]:
    return [p.format() for p in check(project, today=TODAY)]


def line_of(project: Project, path: str, text: str) -> int:
    lines = (project.root / path).read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_images_are_found_with_alt_caption_and_line():
    body = "Chữ.\n\n![Một hình](../figures/a.svg \"Chú thích\")\n\nTrong câu ![nhỏ](../figures/b.svg) nữa.\n"
    figure, inline = images_in(body)
    assert (figure.alt, figure.name, figure.caption, figure.line) == ("Một hình", "a.svg", "Chú thích", 3)
    assert (inline.name, inline.caption, inline.line) == ("b.svg", None, 5)


def test_figures_are_numbered_by_lesson_and_escaped():
    body = "![a < b](../figures/a.svg \"Một\")\n\nChữ.\n\n![c](../figures/c.svg \"Hai & ba\")\n"
    html = numbered(body, 3, lambda name: f"x/{name}")
    assert html.count("<figure") == 2
    assert "Hình 3.1.</span> Một" in html and "Hình 3.2.</span> Hai &amp; ba" in html
    assert 'src="x/a.svg" alt="a &lt; b"' in html and '<a href="x/a.svg">' in html
    assert "<a " not in numbered(body, 3, lambda name: name, link=False)


def test_missing_alt_text_is_reported_at_its_line(mini):
    edit(mini, MODULE, "![Ba ô: tồn đầu kỳ cộng thu trừ chi bằng số tồn]", "![]")
    line = line_of(mini, MODULE, "so-ton.svg")
    [problem] = problems_of(mini)
    assert problem.startswith(f"{MODULE}:{line}:1:") and "alt" in problem


def test_missing_caption_is_reported(mini):
    edit(mini, MODULE, ' "Cách tính số tồn")', ' "")')
    [problem] = problems_of(mini)
    assert "không có chú thích" in problem


def test_missing_file_suggests_the_close_name(mini):
    edit(mini, MODULE, "so-ton.svg", "so-tom.svg")
    line = line_of(mini, MODULE, "so-tom.svg")
    [problem] = problems_of(mini)
    assert problem.startswith(f"{MODULE}:{line}:1: không có tệp hình '../figures/so-tom.svg'")
    assert "so-ton.svg" in problem


def test_a_picture_outside_the_figures_folder_is_refused(mini):
    edit(mini, MODULE, "../figures/so-ton.svg", "../../so-ton.svg")
    [problem] = problems_of(mini)
    assert "không nằm trong content/figures/" in problem


@pytest.mark.parametrize("inside, what", [
    ('<script>alert(1)</script>', "<script>"),
    ('<rect width="1" height="1" onclick="alert(1)"/>', "onclick"),
    ('<image href="https://example.org/x.png" width="1" height="1"/>', "<image>"),
    ('<use href="https://example.org/x.svg#a"/>', "https://example.org"),
    ('<style>rect { fill: url(https://example.org/x) }</style>', "url(https://"),
])
def test_a_figure_that_runs_or_fetches_is_refused_at_its_line(mini, inside, what):
    path = mini.content / "figures" / "so-ton.svg"
    lines = path.read_text("utf-8").splitlines()
    lines.insert(2, "  " + inside)
    path.write_text("\n".join(lines) + "\n", "utf-8")
    [problem] = problems_of(mini)
    assert problem.startswith("content/figures/so-ton.svg:3:1:") and what in problem


def test_a_malformed_drawing_is_reported(mini):
    path = mini.content / "figures" / "so-ton.svg"
    path.write_text(path.read_text("utf-8").replace("</svg>", ""), "utf-8")
    [problem] = problems_of(mini)
    assert problem.startswith("content/figures/so-ton.svg:") and "SVG bị lỗi" in problem


def test_a_module_without_figure_or_core_is_warned(mini):
    edit(mini, MODULE, FIGURE, "")
    edit(mini, MODULE, "core: [1, 2]\n", "")
    found = problems_of(mini)
    assert len(found) == 2 and all("cảnh báo" in p for p in found)
    assert any("chưa có hình" in p for p in found) and any("chưa có core" in p for p in found)


def test_core_steps_must_exist_and_fit(mini):
    edit(mini, MODULE, "core: [1, 2]", "core: [1, 3]")
    [problem] = problems_of(mini)
    assert "core nêu bước 3" in problem and "1, 2" in problem
    edit(mini, MODULE, "core: [1, 3]", "core: [2]")
    [problem] = problems_of(mini)  # a 30-minute module keeps all of it
    assert "20 phút" in problem and "60 đến 90" in problem


def test_the_site_shows_numbered_figures_beside_their_pages(mini, tmp_path):
    out = tmp_path / "site"
    build(mini, out, pdf=False)
    page = (out / "modules" / "so-quy.html").read_text("utf-8")
    assert '<a href="../figures/so-ton.svg"><img src="../figures/so-ton.svg" alt="Ba ô: tồn đầu kỳ' in page
    assert "Hình 1.1.</span> Cách tính số tồn</figcaption>" in page
    assert "Khi thiếu thời gian:</strong> giữ bước 1, 2 (30 phút)" in page
    assert (out / "figures" / "so-ton.svg").read_bytes() == (
        mini.content / "figures" / "so-ton.svg").read_bytes()


def test_a_changed_drawing_prints_its_books_again(mini, tmp_path):
    first = build(mini, tmp_path / "a", pdf=True)
    assert all(p.rendered for p in first.handbooks)
    svg = mini.content / "figures" / "so-ton.svg"
    svg.write_text(svg.read_text("utf-8").replace("#e8f5e9", "#ffffff"), "utf-8")
    again = build(mini, tmp_path / "b", pdf=True)
    assert all(p.rendered for p in again.handbooks)
    assert all(p.rendered for p in again.handouts)  # it heads the lesson's handout too
    assert not any(p.rendered for p in again.forms)


def test_a_handbook_prints_only_the_terms_its_lessons_use():
    class Meta:
        title, objectives, key_messages = "Sổ quỹ", ["Ghi sổ"], ["Có phiếu thu"]

    class Lesson:
        meta, body = Meta, "Quỹ hoạt động do BCN giữ; hộ cận nghèo được ưu tiên."

    terms = [GlossaryTerm(vi="Phiếu thu", en="Receipt", definition="."),
             GlossaryTerm(vi="Ban Chủ nhiệm", en="Board", short="BCN", definition="."),
             GlossaryTerm(vi="Hộ nghèo, hộ cận nghèo", en="Poor households", definition="."),
             GlossaryTerm(vi="Dư nợ", en="Outstanding loans", definition="."),
             GlossaryTerm(vi="Quỹ", en="Fund", definition=".")]
    used = [t.vi for t in glossary_for(terms, [Lesson])]
    assert used == ["Phiếu thu", "Ban Chủ nhiệm", "Hộ nghèo, hộ cận nghèo", "Quỹ"]


def _guide(project: Project, body: str) -> str:
    """A free page (a guide) with body; its path."""
    path = project.content / "pages" / "huong-dan.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f"---\ntitle: Hướng dẫn\n---\nMở đầu.\n\n{body}\n", "utf-8")
    return "content/pages/huong-dan.md"


def _png(project: Project, name: str, data: bytes | None = None) -> None:
    from PIL import Image

    folder = project.content / "screenshots"
    folder.mkdir(exist_ok=True)
    if data is None:
        Image.new("RGB", (40, 30), "teal").save(folder / name)
    else:
        (folder / name).write_bytes(data)


SHOT = '![Danh sách CLB trong trang biên tập](../screenshots/danh-sach.png "Danh sách CLB")'


def test_a_guide_shows_its_screenshots_numbered_and_published(mini, tmp_path):
    _png(mini, "danh-sach.png")
    _guide(mini, f"{SHOT}\n\n{FIGURE}\n")
    out = tmp_path / "site"
    build(mini, out, pdf=False)
    page = (out / "huong-dan.html").read_text("utf-8")
    assert '<img src="screenshots/danh-sach.png" alt="Danh sách CLB trong trang biên tập">' in page
    assert "Hình 1.</span> Danh sách CLB</figcaption>" in page
    assert "Hình 2.</span> Cách tính số tồn</figcaption>" in page
    assert (out / "screenshots" / "danh-sach.png").read_bytes() == (
        mini.content / "screenshots" / "danh-sach.png").read_bytes()
    assert (out / "figures" / "so-ton.svg").is_file()


def test_a_guide_s_missing_screenshot_is_reported_at_its_line(mini):
    _png(mini, "danh-sach-clb.png")
    path = _guide(mini, SHOT)
    [problem] = problems_of(mini)
    assert problem.startswith(f"{path}:6:1:") and "danh-sach.png" in problem
    assert "danh-sach-clb.png" in problem  # the close name


def test_a_screenshot_that_is_no_png_is_refused(mini):
    _png(mini, "danh-sach.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    _guide(mini, SHOT)
    [problem] = problems_of(mini)
    assert problem.startswith("content/screenshots/danh-sach.png:1:1:") and "PNG" in problem


def test_a_module_may_not_show_a_screenshot(mini):
    _png(mini, "danh-sach.png")
    edit(mini, MODULE, "../figures/so-ton.svg", "../screenshots/danh-sach.png")
    assert any("content/figures/" in p for p in problems_of(mini))
