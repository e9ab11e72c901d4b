"""A club page printed from the browser is a one-page A4 profile: facts, members, areas, funds
and ratings; no header, menus or links to follow."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from benchmarks.browser import browser, served


@pytest.fixture(scope="module")
def desktop(example_build):
    _, result = example_build
    with served(result.out) as base, browser() as chromium:
        yield base, chromium.new_page(viewport={"width": 1280, "height": 900}), result.out


def test_every_club_prints_on_one_a4_page(desktop):
    base, page, out = desktop
    clubs = sorted(p for p in (out / "clubs").glob("*/*.html") if p.name != "index.html")
    assert len(clubs) > 30
    long = []
    for club in clubs:
        page.goto(f"{base}/{club.relative_to(out).as_posix()}")
        name = page.locator("h1").inner_text()
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
        text = pdf.pages[0].extract_text()
        if len(pdf.pages) != 1:
            long.append((club.name, len(pdf.pages)))
        assert name.split()[-1] in text and "Hồ sơ câu lạc bộ" in text, club.name
        assert "Tìm" not in text.split() and "Tải về" not in text, club.name  # no header
        assert "Thành viên" in text and "Mảng hoạt động" in text, club.name
    assert long == []


def test_the_print_button_appears_with_javascript_and_prints(desktop):
    base, page, out = desktop
    club = next(p for p in (out / "clubs" / "ha-noi").glob("*.html") if p.name != "index.html")
    page.goto(f"{base}/{club.relative_to(out).as_posix()}")
    page.evaluate("window.print = () => { window.printed = true; }")
    button = page.get_by_role("button", name="In hồ sơ CLB (một trang A4)")
    assert button.is_visible()
    button.click()
    assert page.evaluate("window.printed") is True
