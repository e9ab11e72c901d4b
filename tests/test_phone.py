"""Every page of the example site on a 360 px phone: nothing wider than the screen."""

from __future__ import annotations

import pytest

from benchmarks.browser import browser, served

PHONE = {"width": 360, "height": 760}


@pytest.fixture(scope="module")
def phone(example_build):
    _, result = example_build
    with served(result.out) as base, browser() as chromium:
        yield base, chromium.new_page(viewport=PHONE), result.out


def test_no_page_is_wider_than_a_phone(phone):
    base, page, out = phone
    wide = []
    # Not the web editor (admin/): Decap CMS is made for a computer at the association's office.
    for path in sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html")
                       if not p.relative_to(out).as_posix().startswith("admin/")):
        page.goto(f"{base}/{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide.append((path, width))
    assert wide == []


def test_from_home_to_a_club_and_back_by_the_breadcrumb(phone):
    base, page, _ = phone
    page.goto(f"{base}/index.html")
    page.click("article >> text=Danh bạ và số liệu các CLB")
    assert page.url.endswith("/clubs/index.html")
    page.click("text=Hải Phòng")
    page.click("text=Xã Gia Lộc")
    page.click("text=CLB Liên thế hệ Tự giúp nhau thôn Lang Nhuận")
    assert page.url.endswith("/clubs/hai-phong/lang-nhuan-gia-loc.html")
    page.click(".ishc-crumbs >> text=Hải Phòng")
    assert page.url.endswith("/clubs/hai-phong/index.html")
    page.click(".ishc-crumbs >> text=Cả nước")
    assert page.url.endswith("/clubs/index.html")
    page.click(".ishc-crumbs >> text=Trang chủ")
    assert page.url.endswith("/index.html") and "/clubs/" not in page.url


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two CSS rgb() colours."""
    def luminance(colour: str) -> float:
        channels = [int(c) / 255 for c in colour[colour.index("(") + 1:colour.index(")")].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("path", ["modules/so-quy-tien-mat.html", "clubs/index.html",
                                  "clubs/hai-phong/lang-nhuan-gia-loc.html"])
def test_header_and_links_read_at_4_5_to_1(phone, path):
    base, page, _ = phone
    page.goto(f"{base}/{path}")
    header = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('.md-header'));
                                     return [s.color, s.backgroundColor]; }""")
    assert contrast(*header) >= 4.5, header
    link = page.evaluate("getComputedStyle(document.querySelector('article a')).color")
    assert contrast(link, "rgb(255, 255, 255)") >= 4.5, link


def test_a_lessons_wide_tables_are_cards_on_a_phone(phone):
    base, page, _ = phone
    page.goto(f"{base}/modules/so-quy-tien-mat.html")
    plan = page.locator("article table").first
    cells = plan.locator("tbody td")
    assert cells.count() > 10
    labels = cells.evaluate_all("cells => cells.map(c => c.getAttribute('data-label'))")
    assert labels[:3] == ["Bước", "Thời gian (phút)", "Hoạt động"]
    # Each cell as wide as the card, so words are not squeezed one per line.
    widths = cells.evaluate_all("cells => cells.map(c => c.getBoundingClientRect().width)")
    assert min(widths) > 250, widths[:6]
