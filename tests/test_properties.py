"""Properties over many generated inputs (hypothesis): the loaders raise nothing but the
project's own error, text folding never fails, and Markdown that the content policy accepts
never renders into something a browser would run."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO
from generator.load.markdown import parse_markdown
from generator.load.text import fold, name_key, slugify
from generator.load.yamlfile import YamlProblem, parse_yaml
from generator.markdown import renderer, to_html
from generator.validate.html_policy import findings
from generator.model.personal import personal_data

# Pieces that matter to YAML, Markdown and HTML, mixed with Vietnamese text and noise.
PIECES = st.sampled_from([
    "<", ">", "</", "/>", "<script>", "</script>", "<img", "<a", "<div", "<svg", "<iframe",
    " src=", " href=", " onerror=", " onclick=", " style=", "javascript:", "JaVaScRiPt:", "data:",
    "&#106;", "&#x6A;", "&colon;", "\t", "\n", "\n\n", "    ", "  ", " ", "\"", "'", "`", "```",
    "[", "]", "(", ")", "![", "](", "{:", "{", "}", "=", "#", ".", "*", "_", ":", "- ", "> ",
    "|", "---", "!!! note", "<details>", "<!--", "-->", "%", "@", "0912345678", "http://x.vn",
    "Sổ quỹ", "huyết áp", "Đ", "ư", "\u0301", "\u202e", "\u200b", "\x00", "…", "x", "1",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=40).map("".join)

# What a browser would run: a script-like element, an event handler, a javascript:/data:
# address where the browser navigates or loads. Read as a browser reads it (html.parser).
class _Runs(HTMLParser):
    ELEMENTS = {"script", "iframe", "object", "embed", "svg", "math", "form", "meta", "base",
                "link", "style"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.ELEMENTS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            squeezed = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name.startswith("on") or name == "style":
                self.found.append(name)
            elif name in ("href", "src", "action", "formaction", "xlink:href") and \
                    squeezed.startswith(("javascript:", "data:", "vbscript:")):
                self.found.append(f"{name}={value}")


def runs(html: str) -> list[str]:
    parser = _Runs()
    parser.feed(html)
    parser.close()
    return parser.found


FAST = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@FAST
@given(TEXT)
def test_yaml_loader_raises_only_its_own_error(text):
    try:
        parse_yaml(text, "x.yaml")
    except YamlProblem:
        pass


@FAST
@given(TEXT)
def test_markdown_loader_raises_only_its_own_error(text):
    try:
        parse_markdown("---\ntitle: x\n---\n" + text, "x.md")
        parse_markdown(text, "x.md")
    except YamlProblem:
        pass


@FAST
@given(st.text(max_size=60))
def test_folding_and_slugs_never_fail(text):
    assert fold(fold(text)) == fold(text)
    assert re.fullmatch(r"[a-z0-9-]*", slugify(text))
    name_key(text)
    personal_data(text)


@pytest.fixture(scope="module")
def site_markdown():
    return renderer(REPO / "mkdocs.yml")


@settings(max_examples=600, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(TEXT)
def test_markdown_the_policy_accepts_renders_nothing_that_runs(site_markdown, text):
    if findings(text):
        return  # refused at its line: never built
    html = to_html(site_markdown, text)
    assert runs(html) == [], (text, html)


@pytest.mark.parametrize("text, found", [
    ("<img src=x onerror=alert(1)>", ["onerror"]),
    ("[x](javascript:alert(1))", ["href=javascript:alert(1)"]),
    ('Đoạn\n{: onclick="alert(1)" }', ["onclick"]),
    ("<script>alert(1)</script>", ["<script>"]),
])
def test_the_detector_sees_what_the_policy_refuses(site_markdown, text, found):
    # Without the policy these would run: the property above is not true by accident.
    assert runs(to_html(site_markdown, text)) == found
    assert findings(text)


@FAST
@given(TEXT)
def test_the_sanitiser_leaves_nothing_that_runs(text):
    from generator.site.sanitise import sanitised

    # style survives on table cells, reduced to text-align and width: not something that runs.
    assert [found for found in runs(sanitised(text)) if found != "style"] == [], text
