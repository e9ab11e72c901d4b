"""Text from YAML fields (titles, objectives, summaries) is text on every page: never HTML,
never Markdown, in the navigation too; and no script of an author's runs in a browser."""

from __future__ import annotations

from html import unescape
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
        "consent: true\nsource: '[Báo](javascript:window.hit=1) <img src=x onerror=\"window.hit=1\">'\n"
        "---\n\nNội dung.\n", "utf-8")


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
    # Shown as typed: quotes and ampersands too, not as the references that carry them.
    assert TITLE in unescape(module) and OBJECTIVE in unescape(module)


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


def test_the_sanitiser_keeps_the_pages_and_drops_what_runs():
    from generator.site.sanitise import sanitised

    kept = ('<h2 id="muc">Mục</h2><details class="note" open><summary>Đáp án</summary>'
            '<table><tbody><tr><td colspan="2" style="text-align: right">1</td></tr></tbody>'
            '</table></details><a href="../modules/so-quy.html" class="md-button">Sổ quỹ</a>'
            '<img src="../photos/a.jpg" alt="Ảnh" loading="lazy">')
    # The same elements, attributes and text, written the way the sanitiser writes them.
    assert sanitised(kept) == kept.replace(" open>", ' open="">').replace(
        "text-align: right", "text-align:right")
    for hostile in ('<img src="x" onerror="alert(1)">', '<a href="javascript:alert(1)">x</a>',
                    "<script>alert(1)</script>", '<form action="https://x.vn"><input></form>',
                    '<p style="background:url(javascript:alert(1))">x</p>', "<svg onload=alert(1)>",
                    '<iframe src="https://x.vn"></iframe>', '<a href="data:text/html,x">x</a>'):
        cleaned = sanitised(hostile)
        for runs in ("onerror", "javascript", "<script", "<form", "<input", "background",
                     "onload", "<iframe", "data:"):
            assert runs not in cleaned, (hostile, cleaned)


def test_what_slips_past_the_content_policy_is_still_removed(mini, tmp_path, monkeypatch):
    import generator.validate as validate

    monkeypatch.setattr(validate, "findings", lambda text: [])  # as if the policy missed it
    module = mini.content / "modules" / "so-quy.md"
    module.write_text(module.read_text("utf-8").replace(
        "### Sổ quỹ là gì\n", '### Sổ quỹ là gì\n\n<img src="x" onerror="window.hit=1">\n'), "utf-8")
    result = build(mini, tmp_path / "site", pdf=False)
    page = (result.out / "modules" / "so-quy.html").read_text("utf-8")
    assert "onerror" not in page and 'src="x"' in page
