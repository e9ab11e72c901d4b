"""axe-core on every kind of page, on a phone and on a desktop: no serious or critical fault."""

from __future__ import annotations

import pytest

from benchmarks.browser import browser, served

PAGES = {
    "home": "index.html", "training": "training/index.html",
    "set": "training/so-sach-tai-chinh/index.html",
    "module": "modules/so-quy-tien-mat.html", "stories": "stories/index.html",
    "story": "stories/do-huyet-ap-binh-dan.html", "forms": "forms/index.html",
    "form": "forms/so-quy.html", "downloads": "downloads.html", "glossary": "glossary.html",
    "search": "search.html?q=huyet%20ap", "directory": "clubs/index.html",
    "province": "clubs/ha-noi/index.html", "commune": "clubs/ha-noi/xa/xa-ba-vi.html",
    "club": "clubs/ha-noi/hop-nhat-ba-vi.html", "not found": "404.html",
}


@pytest.fixture(scope="module")
def pages(example_build):
    _, result = example_build
    with served(result.out) as base, browser() as chromium:
        yield base, chromium


@pytest.mark.parametrize("width", [360, 1280])
def test_no_page_kind_has_a_serious_accessibility_fault(pages, width):
    from axe_playwright_python.sync_playwright import Axe

    base, chromium = pages
    page = chromium.new_page(viewport={"width": width, "height": 800})
    axe = Axe()
    faults = []
    for kind, path in PAGES.items():
        response = page.goto(f"{base}/{path}")
        assert response is not None and response.ok, path
        page.wait_for_load_state("load")
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [n["target"] for n in violation["nodes"][:3]]
                faults.append(f"{kind}: {violation['id']} {targets}")
    page.close()
    assert faults == []
