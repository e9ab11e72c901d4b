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
    for path in sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html")):
        page.goto(f"{base}/{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide.append((path, width))
    assert wide == []


def test_from_the_directory_to_a_club_and_back_by_the_breadcrumb(phone):
    base, page, _ = phone
    page.goto(f"{base}/clubs/index.html")
    page.click("text=Hải Phòng")
    page.click("text=Xã Gia Lộc")
    page.click("text=CLB Liên thế hệ Tự giúp nhau thôn Lang Nhuận")
    assert page.url.endswith("/clubs/hai-phong/lang-nhuan-gia-loc.html")
    page.click(".ishc-crumbs >> text=Hải Phòng")
    assert page.url.endswith("/clubs/hai-phong/index.html")
    page.click(".ishc-crumbs >> text=Cả nước")
    assert page.url.endswith("/clubs/index.html")
