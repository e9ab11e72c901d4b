"""Search on the built example site, in a real browser: marks are optional, as people type them
on phones. Needs Debian's chromium; installs it when missing (CI runs as root)."""

from __future__ import annotations

import unicodedata

import pytest
import yaml

from benchmarks.browser import browser, served


@pytest.fixture(scope="module")
def served_site(example_build):
    _, result = example_build
    with served(result.out) as base:
        yield base


@pytest.fixture(scope="module")
def browser_page():
    with browser() as chromium:
        yield chromium.new_page()


def search(page, base: str, query: str) -> list[str]:
    """The titles of the results, places first or lessons first as the page shows them."""
    page.goto(f"{base}/search.html?q={query}")
    page.wait_for_function("""() => {
        const text = document.getElementById("ishc-search-status").textContent;
        return text && !text.startsWith("Đang");
    }""", timeout=30_000)
    return page.locator("#ishc-search-results .ishc-results__list > li > a").all_inner_texts()


@pytest.mark.parametrize("query, expected", [
    ("suc khoe", "sức khỏe"),         # no marks at all
    ("huyet ap", "huyết áp"),
    ("khoẻ", "khỏe"),                 # the old tone placement finds the new one
    ("khỏe", "khỏe"),
    ("so quy tien mat", "sổ quỹ tiền mặt"),
    ("hai phong", "hải phòng"),       # places: the province first
    ("HẢI PHÒNG", "hải phòng"),
    ("gia loc", "gia lộc"),           # a commune
])
def test_search_finds_vietnamese_typed_without_marks(served_site, browser_page, query, expected):
    titles = search(browser_page, served_site, query)
    assert any(expected in title.lower() for title in titles[:3]), titles[:5]


@pytest.mark.parametrize("query", ["sổ quỹ", "so quy"])
def test_words_side_by_side_rank_first_even_when_the_first_is_short(served_site, browser_page,
                                                                    query):
    """A pair is indexed in the shard of its first three letters ("so quy" in "so "), which
    the search loads too: without it the phrase counted for nothing and "số", "quy định"
    ranked a page on business first."""
    titles = search(browser_page, served_site, query)
    assert "sổ quỹ" in titles[0].lower() and "sổ quỹ" in titles[1].lower(), titles[:5]


def test_search_decomposed_input_finds_the_same(served_site, browser_page):
    # A phone keyboard may send NFD: "khỏe" as k h o + hook above + e.
    nfd = unicodedata.normalize("NFD", "sức khỏe")
    assert search(browser_page, served_site, nfd) == search(browser_page, served_site, "suc khoe")


def test_search_finds_clubs_by_village(served_site, browser_page, example_build):
    project, _ = example_build
    record = yaml.safe_load((project.clubs / "hai-phong" / "lang-nhuan-gia-loc.yaml").read_text("utf-8"))
    village = record["place"]["village"]
    titles = search(browser_page, served_site, village)
    assert record["name"] in titles, titles


def test_search_page_itself_is_not_a_result(served_site, browser_page):
    # The search page explains "suc khoe" finds "sức khỏe"; it must not answer that query itself.
    assert "Tìm kiếm" not in search(browser_page, served_site, "suc khoe")


def test_search_works_from_a_folder_opened_from_disk(browser_page, example_build):
    # Browsers block fetch() and import() on file://: every part of the index is a plain script.
    _, result = example_build
    titles = search(browser_page, result.out.as_uri(), "huyet ap")
    assert any("huyết áp" in title.lower() for title in titles[:3]), titles


def test_a_query_that_finds_nothing_says_so(served_site, browser_page):
    search(browser_page, served_site, "zzzz")
    assert "Không tìm thấy" in browser_page.inner_text("#ishc-search-status")


def test_a_commune_is_found_by_a_former_commune_merged_into_it(served_site, browser_page):
    # Xã Yết Kiêu (Huyện Gia Lộc, Hải Dương) became part of Xã Gia Lộc, Hải Phòng, in 2025;
    # people still call it by the old name.
    titles = search(browser_page, served_site, "yet kieu")
    assert titles[:1] == ["Xã Gia Lộc"], titles[:5]


def test_a_club_is_found_by_its_former_district(served_site, browser_page, example_build):
    project, _ = example_build
    record = yaml.safe_load((project.clubs / "hai-phong" / "lang-nhuan-gia-loc.yaml").read_text("utf-8"))
    titles = search(browser_page, served_site, "lang nhuan huyen gia loc hai duong")
    assert record["name"] in titles[:3], titles[:5]
