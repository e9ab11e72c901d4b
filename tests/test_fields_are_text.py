"""Text from YAML fields (titles, objectives, summaries) is text on every page: never HTML,
never Markdown, in the navigation too; and no script of an author's runs in a browser."""

from __future__ import annotations

import re

from benchmarks.browser import browser, served
from generator.build import build

TITLE = 'Sổ quỹ <img src=x onerror="window.hit=1">'
OBJECTIVE = '{: onclick="window.hit=1" } Ghi sổ [bấm vào](javascript:window.hit=1) *đậm*'


def hostile(mini) -> None:
    module = mini.content / "modules" / "so-quy.md"
    text = module.read_text("utf-8")
    text = text.replace("title: Sổ quỹ tiền mặt", f"title: '{TITLE}'")
    text = text.replace("  - Ghi đúng một khoản thu vào sổ quỹ.", f"  - '{OBJECTIVE}'")
    module.write_text(text, "utf-8")
    folder = mini.content / "stories"
    folder.mkdir()
    (folder / "thu.md").write_text(
        "---\ntitle: '[Tin](javascript:window.hit=1) <script>window.hit=1</script>'\n"
        "date: 2025-01-01\nsummary: '![x](https://example.com/x.png) _nghiêng_'\n"
        "consent: true\n---\n\nNội dung.\n", "utf-8")


def test_fields_reach_the_pages_as_text(mini, tmp_path):
    hostile(mini)
    result = build(mini, tmp_path / "site", pdf=False)
    for page in result.out.rglob("*.html"):
        html = page.read_text("utf-8")
        assert not re.search(r"<img[^>]*onerror", html), page
        assert "javascript:" not in html.replace("javascript:window.hit=1)", ""), page
        assert not re.search(r"<[a-z]+[^>]*\sonclick=", html), page
        assert "<script>window.hit" not in html, page
        assert 'src="https://example.com/x.png"' not in html, page
    module = (result.out / "modules" / "so-quy.html").read_text("utf-8")
    assert "<em>đậm</em>" not in module and "*đậm*" in module.replace("&#42;", "*")


def test_no_author_script_runs_in_a_browser(mini, tmp_path):
    hostile(mini)
    result = build(mini, tmp_path / "site", pdf=False)
    with served(result.out) as base, browser() as chromium:
        page = chromium.new_page()
        for path in ("modules/so-quy.html", "stories/index.html", "stories/thu.html",
                     "training/so-sach/index.html", "index.html"):
            page.goto(f"{base}/{path}")
            for link in page.locator("article.md-content__inner a").all():
                if "javascript" in (link.get_attribute("href") or ""):
                    raise AssertionError(f"{path}: a javascript: link")
            page.locator("article.md-content__inner h1").click()
            assert page.evaluate("window.hit") is None, path


def test_the_page_policy_blocks_inline_script_in_content_but_runs_the_themes(mini, tmp_path):
    result = build(mini, tmp_path / "site", pdf=False)
    pages = ["modules/so-quy.html", "clubs/ha-noi/dong-hoang.html", "404.html"]
    for path in pages:  # as if a script had slipped past every check into the content
        page = result.out / path
        html = page.read_text("utf-8")
        assert html.count('http-equiv="Content-Security-Policy"') == 1, path
        page.write_text(html.replace("</article>", "<script>window.hit=1</script></article>", 1),
                        "utf-8")
    with served(result.out) as base, browser() as chromium:
        page = chromium.new_page()
        refused = []
        page.on("console", lambda m: refused.append(m.text)
                if "Content Security Policy" in m.text else None)
        for path in pages:
            page.goto(f"{base}/{path}")
            assert page.evaluate("window.hit") is None, path
            assert page.evaluate("typeof __md_scope") == "object", path  # the theme's own ran
        assert len(refused) == len(pages)
