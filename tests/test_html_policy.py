"""Raw HTML and links in Markdown: a short allowlist, refused at the line that breaks it."""

from __future__ import annotations

import pytest

from generator.build import check
from generator.validate.html_policy import findings

from conftest import write_story

HOSTILE = [
    ("<script>alert(1)</script>", "html.tag", "script"),
    ("<SCRIPT src=x></SCRIPT>", "html.tag", "script"),
    ('<img src="a.png" onerror="alert(1)">', "html.attribute", "onerror"),
    ('<p style="background:url(x)">chữ</p>', "html.attribute", "style"),
    ('<img alt=">" onerror=alert(1) src=a.png>', "html.attribute", "onerror"),
    ("<a\nhref=x\nonclick='alert(1)'>x</a>", "html.attribute", "onclick"),
    ('{: onclick="alert(1)" }', "html.attribute", "onclick"),
    ("[x](trang.md){: href='javascript:alert(1)' }", "html.scheme", "javascript:"),
    ("## Tiêu đề {: style=\"color:red\" }", "html.attribute", "style"),
    ('<iframe src="https://example.com"></iframe>', "html.tag", "iframe"),
    ('<form action="https://example.com"><input name="q"></form>', "html.tag", "form"),
    ('<meta http-equiv="refresh" content="0;url=https://example.com">', "html.tag", "meta"),
    ("<style>body{display:none}</style>", "html.tag", "style"),
    ("<svg onload=alert(1)>", "html.tag", "svg"),
    ("<javascript: onmouseover=alert(1)>", "html.tag", "javascript:"),  # found by hypothesis
    ("<javascript:<script>", "html.tag", "script"),  # found by hypothesis
    ("[bấm vào đây](javascript:alert(1))", "html.scheme", "javascript:"),
    ("[bấm](JaVaScRiPt:alert(1))", "html.scheme", "javascript:"),
    ("[bấm](&#106;avascript:alert(1))", "html.scheme", "javascript:"),
    ("[bấm](&#x6A;avascript&colon;alert(1))", "html.scheme", "javascript:"),
    ('<a href="java\tscript:alert(1)">x</a>', "html.scheme", "javascript:"),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", "html.scheme", "data:"),
    ("![ảnh](data:image/png;base64,AAAA)", "html.scheme", "data:"),
    ("<vbscript:msgbox(1)>", "html.scheme", "vbscript:"),
    ("[x]: javascript:alert(1)", "html.scheme", "javascript:"),
    ("![ảnh](https://example.com/anh.jpg)", "html.remote_picture", "https://example.com/anh.jpg"),
    ("![ảnh](file:///etc/passwd)", "html.scheme", "file:"),
    ("[hồ sơ](/etc/passwd)", "html.absolute_path", "/etc/passwd"),
]

BENIGN = [
    "Dùng `<script>` trong mã là chữ, không phải HTML.",
    "```html\n<script>alert(1)</script>\n```",
    "[Quyết định 1336](https://vanban.chinhphu.vn/?pageid=27160&docid=200000)",
    "[Bài trước](so-quy-tien-mat.md) và ![sơ đồ](../photos/so-do.png)",
    "Gửi thư: <mailto:hoi@example.vn> hoặc <https://example.vn>",
    '<div class="admonition note" markdown>\nGhi chú\n</div>',
    "<details><summary>Đáp án</summary>Ba bước.</details>",
    "Tỷ lệ 3 < 5 và 7 > 2; a<b.",
    "`ishc import clubs.xlsx` đọc bảng tính.\n\n" + "- `ishc export` ghi bảng tính\n" * 3,
]


@pytest.mark.parametrize("text, key, value", HOSTILE)
def test_hostile_html_and_links_are_refused(text, key, value):
    found = findings(f"Dòng đầu.\n\n{text}\n")
    assert (3, key, value) in [(f.line, f.key, f.value) for f in found], found


@pytest.mark.parametrize("text", BENIGN)
def test_ordinary_markdown_passes(text):
    assert findings(text) == []


def test_check_points_at_the_file_and_line_of_a_story(mini):
    write_story(mini, "xau", "Đoạn một.\n\n<script>alert('xin chào')</script>\n")
    problems = [p for p in check(mini) if p.path.endswith("xau.md")]
    assert [(p.line, p.severity) for p in problems] == [(11, "error")]
    assert "<script>" in problems[0].message and "content/README.md" in problems[0].hint


@pytest.mark.parametrize("body, line", [
    ('<div markdown="1">\n' * 30 + "x\n" + "</div>\n" * 30, 21),
    ("> " * 30 + "trích dẫn\n", 1),
    ("".join("    " * i + "- mục\n" for i in range(30)), 22),
])
def test_nesting_past_twenty_levels_is_refused_before_it_overflows(body, line):
    found = [f for f in findings(body) if f.key == "html.too_deep"]
    assert [f.line for f in found] == [line]


def test_a_page_nested_too_deep_is_refused_by_the_build_too(mini, tmp_path):
    from generator.build import build
    from generator.problems import SourceError

    module = mini.content / "modules" / "so-quy.md"
    deep = "".join("    " * i + "- mục\n" for i in range(400))
    module.write_text(module.read_text("utf-8").replace("### Sổ quỹ là gì\n", f"### Sổ quỹ là gì\n\n{deep}\n"),
                      "utf-8")
    with pytest.raises(SourceError):  # refused by the check, at its line
        build(mini, tmp_path / "site", pdf=False)
    assert not (tmp_path / "site").exists()


def test_a_pipe_or_a_huge_file_among_the_modules_is_refused_unread(mini):
    import os

    os.mkfifo(mini.content / "modules" / "ong.md")
    (mini.content / "modules" / "lon.md").write_bytes(b"---\ntitle: x\n---\n" + b"a" * 3_000_000)
    problems = {p.path.rsplit("/", 1)[-1]: p.message for p in check(mini)}
    assert problems["ong.md"].startswith("không phải tệp thường")
    assert "lon.md" in problems


@pytest.mark.parametrize("body, key", [
    ("[" * 5000 + "x", "html.too_deep"),  # unclosed: 3 s to render, 48 s at 20,000
    ("[" * 30 + "x" + "]" * 30, "html.too_deep"),
    ("[x](" * 3000, "html.block_too_long"),
    ("Một đoạn rất dài. " * 700, "html.block_too_long"),
])
def test_blocks_whose_rendering_time_explodes_are_refused(body, key):
    assert [f.key for f in findings("Mở đầu.\n\n" + body)] == [key]
    assert [f.line for f in findings("Mở đầu.\n\n" + body)] == [3]


def test_long_tables_and_paragraphs_that_are_usual_pass():
    table = "| Ngày | Số tiền |\n|---|---|\n" + "| 1/5 | 100.000 |\n" * 200
    assert findings(table) == [] and findings("[a] [b] [[c]] " * 50) == []
