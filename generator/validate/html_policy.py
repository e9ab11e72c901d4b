"""What an author may write in Markdown besides Markdown: a short list of HTML, safe links.

Modules, stories and pages come from many hands and are published on a public site that
older people open on their phones. Raw HTML is limited to the tags and attributes below, and
links and pictures to relative paths and web or mail addresses; anything else is an error at
its line, so the author learns what to change instead of finding it silently dropped.
Code spans and fenced code are text, not HTML, and are skipped. content/README.md lists the same
allowlist for authors.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "u", "ul",
})
ATTRIBUTES = frozenset({"class", "id", "title", "href", "src", "alt", "width", "height",
                        "colspan", "rowspan", "open", "markdown", "lang"})
LINK_SCHEMES = ("http", "https", "mailto")
# Markdown and its HTML blocks are read recursively: a few thousand levels overflow the stack.
# Nothing a trainer writes needs more than a handful.
MAX_DEPTH = 20
# Python-Markdown's inline patterns take time growing with the square of an unclosed run
# ("[[[[…", "[x]([x](…"): a block (a paragraph, a table) is bounded, and brackets are nested at
# most MAX_DEPTH deep. The longest block of the shipped modules is 3,500 characters.
MAX_BLOCK = 10_000
_BLOCKS = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")
_VOID = frozenset({"br", "col", "hr", "img"})
_QUOTES = re.compile(r"^ {0,3}((?:> ?)+)", re.M)

_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
# Quoted values may hold ">": <img alt=">" onerror=…> is one tag, as a browser reads it.
# A browser takes any run of characters up to a blank, "/" or ">" as a tag's name
# ("<javascript: onmouseover=…>" is an element); without attributes, "<scheme:…>" and
# "<name@host>" are Markdown's autolinks instead. A name never holds "<": Markdown escapes the
# first "<" of "<javascript:<script>" and leaves the "<script>" after it a tag.
_TAG = re.compile(r"""<(/?)([A-Za-z][^\s/<>]*)(\s(?:"[^"]*"|'[^']*'|[^'">])*)?/?>""")
_ATTRIBUTE = re.compile(r"""([^\s=/"'<>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
# [text](url "title"), ![alt](url), <url> autolinks and [label]: url references.
_INLINE_LINK = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^\s)>]*)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# attr_list: "{: #id .class key=value }" after a paragraph, heading or link sets attributes too.
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_ATTR_PAIR = re.compile(r"""([^\s=#.{}'"]+)\s*=\s*("[^"]*"|'[^']*'|[^\s}]+)""")


@dataclass(frozen=True)
class Finding:
    """One thing outside the policy: where (1-based line in the text), what key, what value."""

    line: int
    key: str  # a message key of messages.py
    value: str


def findings(text: str) -> list[Finding]:
    """Everything in text (a Markdown body) that the policy refuses, in order."""
    visible = _blank(text)
    lines = _Lines(visible)
    found = _tag_findings(visible, lines)
    for match in _INLINE_LINK.finditer(visible):
        found += _url_findings(lines.at(match.start()), html.unescape(match.group(2)),
                               bool(match.group(1)))
    for match in _ATTR_LIST.finditer(visible):
        found += _attribute_findings(lines.at(match.start()), _ATTR_PAIR.findall(match.group(1)))
    found += _indent_findings(visible)
    found += _block_findings(visible, lines)
    for pattern in (_AUTOLINK, _REFERENCE):
        for match in pattern.finditer(visible):
            found += _url_findings(lines.at(match.start()), html.unescape(match.group(1)), False)
    return sorted(set(found), key=lambda f: (f.line, f.key, f.value))


class _Lines:
    """The 1-based line of a position in a text, found by bisection over its line starts."""

    def __init__(self, text: str):
        self.starts = [match.end() for match in re.finditer("\n", text)]

    def at(self, position: int) -> int:
        return bisect.bisect_right(self.starts, position) + 1


def _tag_findings(visible: str, lines: _Lines) -> list[Finding]:
    """Tags and their attributes outside the lists, and blocks nested past MAX_DEPTH."""
    found: list[Finding] = []
    depth, deepest = 0, None
    for match in _TAG.finditer(visible):
        line = lines.at(match.start())
        name = match.group(2).lower()
        if not match.group(3) and re.search(r"[:@]", name):
            continue  # an autolink, checked with the links
        if name in TAGS and name not in _VOID and not match.group(0).endswith("/>"):
            depth += -1 if match.group(1) else 1
            if depth > MAX_DEPTH and deepest is None:
                deepest = Finding(line, "html.too_deep", str(MAX_DEPTH))
        if name not in TAGS:
            found.append(Finding(line, "html.tag", name))
            continue
        found += _attribute_findings(line, _ATTRIBUTE.findall(match.group(3) or ""))
    return found + ([deepest] if deepest else [])


def _attribute_findings(line: int, pairs: list[tuple[str, str]]) -> list[Finding]:
    """(name, value) pairs of an HTML tag or an attr_list: names on the list, safe addresses."""
    found = []
    for attribute, value in pairs:
        attribute = attribute.lower()
        if attribute not in ATTRIBUTES:
            found.append(Finding(line, "html.attribute", attribute))
        elif attribute in ("href", "src"):
            found += _url_findings(line, html.unescape(value.strip("\"'")), attribute == "src")
    return found


def _indent_findings(visible: str) -> list[Finding]:
    for number, line_text in enumerate(visible.split("\n"), 1):
        quotes = _QUOTES.match(line_text)
        indent = len(line_text.expandtabs(4)) - len(line_text.expandtabs(4).lstrip(" "))
        # Quotes in quotes, or a list in a list in a list…: each level is a recursion.
        if (quotes and quotes.group(1).count(">") > MAX_DEPTH) or indent > 4 * MAX_DEPTH:
            return [Finding(number, "html.too_deep", str(MAX_DEPTH))]
    return []


def _block_findings(visible: str, lines: _Lines) -> list[Finding]:
    found = []
    for block in _BLOCKS.finditer(visible):
        line = lines.at(block.start())
        text = block.group(0)
        if len(text) > MAX_BLOCK:
            found.append(Finding(line, "html.block_too_long", str(MAX_BLOCK)))
            continue
        depth = deepest = 0
        for character in text:
            if character == "[":
                depth += 1
                deepest = max(deepest, depth)
            elif character == "]" and depth:
                depth -= 1
        if deepest > MAX_DEPTH:
            found.append(Finding(line, "html.too_deep", str(MAX_DEPTH)))
    return found


def _url_findings(line: int, url: str, picture: bool) -> list[Finding]:
    # Browsers drop tabs, newlines and leading blanks in a scheme: "java\tscript:" runs.
    squeezed = re.sub(r"[\x00-\x20]", "", url)
    scheme = _SCHEME.match(squeezed)
    if scheme is None:
        return [Finding(line, "html.absolute_path", url)] if squeezed.startswith(("/", "\\")) else []
    name = scheme.group(1).lower()
    if name not in LINK_SCHEMES:
        return [Finding(line, "html.scheme", f"{name}:")]
    if picture and name != "mailto":
        return [Finding(line, "html.remote_picture", url)]
    return []


def _blank(text: str) -> str:
    """text with code and comments made inert, line breaks and positions kept so lines still
    count: fenced blocks become blank lines; a code span or comment inside a line becomes
    letters, not blanks, or one at the start of a line would read as indentation."""
    def spaces(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    def letters(match: re.Match) -> str:
        return re.sub(r"[^\n]", "x", match.group(0))

    text = _FENCE.sub(spaces, text)
    for pattern in (_COMMENT, _CODE_SPAN):
        text = pattern.sub(letters, text)
    return text
