"""The guides for association staff (content/pages/huong-dan-*.md), walked through in the
browser on a copy of the example data: each step is done as the guide tells it, and the
screenshots the guide shows are taken on the way.

`make guide-screenshots` runs these tests with ISHC_SCREENSHOTS=content/screenshots and so writes
the guides' pictures again; a normal run keeps them in a temporary folder and checks that each
shows a page. The registry below ties each picture to the guide that shows it.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import openpyxl
import pytest

from conftest import REPO, copy_project
from generator.cli import main

SHOTS = {  # file in content/screenshots/ -> the guide (content/pages/) that shows it
    "bien-tap-danh-sach-clb.png": "huong-dan-bien-tap.md",
    "bien-tap-so-thanh-vien.png": "huong-dan-bien-tap.md",
    "bien-tap-loi-kiem-tra.png": "huong-dan-bien-tap.md",
    "bien-tap-anh-dong-y.png": "huong-dan-bien-tap.md",
    "excel-trang-clb-sau-khi-nhap.png": "huong-dan-excel.md",
    "bao-cao-nam-chua-bao-cao.png": "huong-dan-excel.md",
    "tai-ve-so-tay.png": "huong-dan-in-so-tay.md",
}
CLUB = "clubs/ha-noi/dong-lao-ung-hoa.yaml"
CLUB_PAGE = "clubs/ha-noi/dong-lao-ung-hoa.html"
WIDTH = 960  # pictures are scaled to this width at most: a phone shows them at 328 px


def test_every_screenshot_is_shown_by_its_guide_and_taken_by_a_test():
    folder = REPO / "content" / "screenshots"
    shown = {}
    for page in sorted((REPO / "content" / "pages").glob("*.md")):
        for name in re.findall(r"\]\(\.\./screenshots/([^)\s]+)", page.read_text("utf-8")):
            shown[name] = page.name
    assert shown == SHOTS
    assert sorted(p.name for p in folder.iterdir()) == sorted(SHOTS)


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    chosen = os.environ.get("ISHC_SCREENSHOTS")
    folder = Path(chosen).resolve() if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def keep(picture: bytes, folder: Path, name: str) -> None:
    """The screenshot as a guide shows it: at most WIDTH wide, in 64 colours (a few tens of KB,
    for a site read on phones); a picture of one flat colour is no page."""
    from PIL import Image

    assert name in SHOTS
    image = Image.open(io.BytesIO(picture)).convert("RGB")
    assert len(image.getcolors(1 << 20) or ()) > 16, f"{name}: the page is blank"
    if image.width > WIDTH:
        image = image.resize((WIDTH, round(image.height * WIDTH / image.width)), Image.LANCZOS)
    image.quantize(64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        folder / name, optimize=True)
    assert (folder / name).stat().st_size < 400 * 1024


@pytest.fixture
def example(tmp_path):
    """A copy of the example project; a screenshot not yet taken (the first run of make
    guide-screenshots) is a grey picture in the copy, so that its guide builds."""
    from PIL import Image

    project = copy_project(REPO / "content", REPO / "clubs", tmp_path / "example")
    folder = project.content / "screenshots"
    folder.mkdir(exist_ok=True)
    for name in SHOTS:
        if not (folder / name).exists():
            Image.new("RGB", (360, 200), "lightgrey").save(folder / name)
    return project


def _open_editor(chromium, port: int, width: int = 1100, height: int = 760):
    page = chromium.new_page(viewport={"width": width, "height": height}, locale="vi-VN")
    page.goto(f"http://127.0.0.1:{port}/admin/")
    page.get_by_role("button", name="Đăng nhập").click()
    return page


@pytest.mark.slow
def test_editing_a_club_in_the_browser_as_the_guide_says(example, shots):
    from benchmarks.browser import browser
    from generator.editor import assets
    from test_editor import changed_lines
    from test_serve import fetch, serving, wait_for

    assets.fetch()
    path = example.root / CLUB
    before = path.read_text("utf-8")
    with serving(example) as port, browser() as chromium:
        assert wait_for(lambda: "decap-cms.js" in fetch(port, "admin/index.html"))
        page = _open_editor(chromium, port)
        page.get_by_role("link", name="CLB Hà Nội").click()
        page.get_by_text("thôn Đông Lão – Xã Ứng Hòa").wait_for(timeout=30_000)
        keep(page.screenshot(), shots, "bien-tap-danh-sach-clb.png")
        page.get_by_text("thôn Đông Lão – Xã Ứng Hòa").click()
        totals = page.get_by_label("Tổng số thành viên")
        field = totals.last
        field.scroll_into_view_if_needed()
        women = page.get_by_label("Nữ").nth(totals.count() - 1)  # the latest count's
        total = int(field.input_value())
        field.fill(str(total + 1))
        keep(page.screenshot(), shots, "bien-tap-so-thanh-vien.png")
        page.get_by_role("button", name="Công bố").first.click()
        page.get_by_text("Công bố ngay").click()
        assert wait_for(lambda: path.read_text("utf-8") != before, 30)
        assert changed_lines(before, path.read_text("utf-8")) == [
            f"-     total: {total}", f"+     total: {total + 1}"]
        page.get_by_text("Mục đã được lưu").wait_for(state="hidden", timeout=30_000)
        # The checks refuse a count of women above the members: nothing is written.
        saved = path.read_text("utf-8")
        women.fill("700")
        page.get_by_role("button", name="Công bố").first.click()
        page.get_by_text("Công bố ngay").click()
        message = page.get_by_text(f"Nữ (700) lớn hơn Tổng số thành viên ({total + 1})")
        message.wait_for(timeout=30_000)
        page.wait_for_timeout(800)  # the message slides in
        keep(page.screenshot(), shots, "bien-tap-loi-kiem-tra.png")
        assert path.read_text("utf-8") == saved


@pytest.mark.slow
def test_a_story_photo_with_its_consent_as_the_guide_says(example, shots, tmp_path):
    from PIL import Image

    from benchmarks.browser import browser
    from generator.editor import assets
    from test_serve import fetch, serving, wait_for

    assets.fetch()
    story = next(p for p in sorted((example.content / "stories").glob("*.md"))
                 if "\nphoto:" not in p.read_text("utf-8"))
    title = re.search(r"^title: (.+)$", story.read_text("utf-8"), re.M)[1].strip("\"'")
    before = story.read_text("utf-8")
    upload = tmp_path / "buoi-sinh-hoat.jpg"
    _drawn_photo().save(upload, "JPEG")
    with serving(example) as port, browser() as chromium:
        assert wait_for(lambda: "decap-cms.js" in fetch(port, "admin/index.html"))
        page = _open_editor(chromium, port)
        page.get_by_text("Câu chuyện").first.click()
        page.get_by_text(title).first.click()
        page.get_by_role("button", name="Chọn một hình").first.click()
        page.locator("input[type=file]").first.set_input_files(str(upload))
        page.get_by_role("button", name="Lấy những cái đã chọn").click()
        page.get_by_label("Chú thích ảnh").fill("Buổi sinh hoạt tháng 3")
        consent = page.get_by_label("Đã có đồng ý bằng văn bản").nth(1)
        consent.check()
        consent.evaluate("e => e.scrollIntoView({block: 'center'})")
        keep(page.screenshot(), shots, "bien-tap-anh-dong-y.png")
        page.get_by_role("button", name="Công bố").first.click()
        page.get_by_text("Công bố ngay").click()
        assert wait_for(lambda: story.read_text("utf-8") != before, 30)
    assert "file: buoi-sinh-hoat.jpg" in story.read_text("utf-8")


def _drawn_photo():
    """A picture to upload that reads as a photo in a screenshot: people in a yard."""
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (900, 600), "#cfe6f2")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 380, 900, 600), fill="#8dbf6a")
    for n, colour in enumerate(("#b5473a", "#3a6fb5", "#d9a23b", "#6b4fa0", "#3f8f6b")):
        x = 110 + n * 170
        draw.ellipse((x - 32, 200, x + 32, 264), fill="#e9c29b")
        draw.rounded_rectangle((x - 55, 270, x + 55, 470), 40, fill=colour)
    return picture


def _set_cell(workbook: Path, sheet: str, club: str, column: str, value) -> object:
    """Write value in the row of club (its id in the first column); returns the old value."""
    book = openpyxl.load_workbook(workbook)
    table = book[sheet]
    header = [c.value for c in table[1]]
    rows = [r for r in table.iter_rows(min_row=2) if r[0].value == club]
    cell = rows[-1][header.index(column)]  # the club's latest year
    old, cell.value = cell.value, value
    book.save(workbook)
    return old


@pytest.mark.slow
def test_figures_from_excel_and_yearly_reports_as_the_guide_says(example, shots, tmp_path,
                                                                  capsys):
    from benchmarks.browser import browser
    from test_serve import fetch, serving, wait_for

    workbook = tmp_path / "clubs.xlsx"
    with serving(example) as port, browser() as chromium:
        assert wait_for(lambda: "thôn Đông Lão" in fetch(port, CLUB_PAGE))
        assert main(["--root", str(example.root), "export", str(workbook),
                     "--province", "Hà Nội"]) == 0
        old = _set_cell(workbook, "Số liệu năm", "dong-lao-ung-hoa", "Số buổi sinh hoạt", 24)
        assert old != 24
        assert main(["--root", str(example.root), "import", str(workbook)]) == 0
        assert wait_for(lambda: ">24<" in fetch(port, CLUB_PAGE))
        page = chromium.new_page(viewport={"width": 360, "height": 740})
        page.goto(f"http://127.0.0.1:{port}/{CLUB_PAGE}")
        section = page.locator("section", has=page.locator("#hoat-dong"))
        table = section.locator("table")
        assert "24" in table.locator("tbody tr").last.inner_text()
        table.scroll_into_view_if_needed()
        box = table.bounding_box()  # on the screen: the table scrolls sideways on a phone
        top = max(0, box["y"] - 56)
        keep(page.screenshot(clip={"x": 0, "y": top, "width": 360,
                                   "height": min(740 - top, box["height"] + 80)}),
             shots, "excel-trang-clb-sau-khi-nhap.png")

        # Yearly reports: one club of the province sends its form; the others are listed.
        folder = tmp_path / "bao-cao-2025"
        assert main(["--root", str(example.root), "template", str(folder), "--report",
                     "--year", "2025", "--province", "Hà Nội"]) == 0
        forms = sorted(folder.rglob("*.xlsx"))
        sent = next(f for f in forms if f.name.startswith("hop-nhat-ba-vi"))
        book = openpyxl.load_workbook(sent)
        sheet = book["Báo cáo năm"]
        rows = {sheet.cell(r, 1).value: r for r in range(1, sheet.max_row + 1)}
        sheet.cell(rows["Số buổi sinh hoạt"], 2, 13)
        book.save(sent)
        for other in forms:
            if other != sent:
                other.unlink()
        capsys.readouterr()
        assert main(["--root", str(example.root), "import-report", str(folder),
                     "--province", "Hà Nội"]) == 0
        out = capsys.readouterr().out
        assert f"1/{len(forms)} CLB" in out
        club_files = {p: p.read_bytes() for p in example.clubs.rglob("*.yaml")}
        assert main(["--root", str(example.root), "import-report", str(folder)]) == 0
        assert {p: p.read_bytes() for p in example.clubs.rglob("*.yaml")} == club_files
        # The command's answer, as the guide shows it: a terminal drawn as a page.
        terminal = chromium.new_page(viewport={"width": 760, "height": 100})
        terminal.set_content(_terminal(f'ishc import-report {folder.name} --province "Hà Nội"',
                                       out))
        keep(terminal.screenshot(full_page=True), shots, "bao-cao-nam-chua-bao-cao.png")


def _terminal(command: str, output: str) -> str:
    from html import escape

    # DejaVu Sans (installed with the system packages) has every Vietnamese letter; the
    # monospace fonts here lack some (ử, ế), whose marks then come apart.
    return ("<body style='margin:0;background:#1e1e1e;color:#e8e8e8;padding:14px 18px'>"
            "<pre style='margin:0;white-space:pre-wrap;font:15px/1.5 \"DejaVu Sans\"'>"
            f"$ {escape(command)}\n{escape(output.strip())}</pre></body>")


@pytest.mark.slow
def test_downloading_a_handbook_on_a_phone_as_the_guide_says(example_build, shots):
    from benchmarks.browser import browser, served

    _, result = example_build
    with served(result.out) as address, browser() as chromium:
        page = chromium.new_page(viewport={"width": 360, "height": 740})
        page.goto(f"{address}/downloads.html")
        books = page.locator(".ishc-book")
        assert books.count() == 9
        link = books.first.get_by_role("link", name="A4 chữ lớn")
        assert link.get_attribute("href").endswith("-chu-lon.pdf")
        books.first.scroll_into_view_if_needed()
        keep(page.screenshot(), shots, "tai-ve-so-tay.png")
