"""Search on the built example site, in a real browser: marks are optional, as people type them
on phones. Needs Debian's chromium; installs it when missing (CI runs as root)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading

import pytest

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env,
                       capture_output=True)
        path = shutil.which("chromium")
    assert path, "the search tests need Debian's chromium: sudo apt-get install chromium"
    return path


@pytest.fixture(scope="module")
def served_site(example_build):
    _, result = example_build
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(result.out))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser_page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser.new_page()
        browser.close()


def search(page, base: str, query: str) -> list[str]:
    page.goto(f"{base}/search.html?q={query}")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=30_000)
    return page.locator(".pagefind-ui__result-title .pagefind-ui__result-link").all_inner_texts()


@pytest.mark.parametrize("query, expected", [
    ("suc khoe", "sức khỏe"),         # no marks at all
    ("huyet ap", "huyết áp"),
    ("khoẻ", "khỏe"),                 # the old tone placement finds the new one
    ("so quy tien mat", "sổ quỹ tiền mặt"),
    ("hai phong", "hải phòng"),       # places: the province page
])
def test_search_finds_vietnamese_typed_without_marks(served_site, browser_page, query, expected):
    titles = search(browser_page, served_site, query)
    assert any(expected in title.lower() for title in titles[:5]), titles[:5]


def test_search_page_itself_is_not_a_result(served_site, browser_page):
    # The search page explains "suc khoe" finds "sức khỏe"; it must not answer that query itself.
    assert "Tìm kiếm" not in search(browser_page, served_site, "suc khoe")
