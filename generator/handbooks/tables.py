"""Printed tables as a typesetter sets them (issue #13).

- Columns of figures are right-aligned, so units sit under units as a bookkeeper reads them. A
  column is numeric when every filled body cell of it is a figure: money (1.050.000, 5 triệu),
  a count, a percentage, a reading (146/92) or a sum in bold. Its header goes right with it.
- A short table is kept whole; a long one breaks only with at least three rows on either side
  of the break (its header repeats, which WeasyPrint does for <thead>).
"""

from __future__ import annotations

import re

_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<(t[hd])( [^>]*)?>(.*?)</t[hd]>", re.S)
_TAGS = re.compile(r"<[^>]+>")
# A figure, maybe signed, with Vietnamese separators, a unit after it, or a dash for none.
_FIGURE = re.compile(r"^[−+–-]?\d[\d.,]*(/\d+)?\s*(%|đồng|triệu|nghìn|kg|g|m|phút|người|lần)?"
                     r"(\s*\([^)]*\))?$")
_NONE = {"", "—", "–", "-", "0"}


SHORT = 8  # body rows a table may have and still be kept whole on one page
KEEP = 3  # rows a page break leaves at least on either side


def typeset_tables(html: str) -> str:
    return _TABLE.sub(lambda m: _table(_aligned(m.group(1))), html)


def _table(inner: str) -> str:
    """The table with its rows told where a page may not break."""
    rows = _ROW.findall(inner.split("<tbody>", 1)[-1])
    if len(rows) <= SHORT:
        return f'<table class="whole">{inner}</table>'
    count = 0

    def row(match: re.Match) -> str:
        nonlocal count
        count += 1
        if count < KEEP:
            return f'<tr class="keep-next">{match.group(1)}</tr>'
        if count > len(rows) - KEEP + 1:
            return f'<tr class="keep-prev">{match.group(1)}</tr>'
        return match.group(0)

    head, _, body = inner.partition("<tbody>")
    return f"<table>{head}<tbody>{_ROW.sub(row, body)}</table>" if body else f"<table>{inner}</table>"


def _aligned(table: str) -> str:
    rows = _ROW.findall(table)
    body = [[_text(c) for c in _CELL.findall(r)] for r in rows if "<td" in r]
    if not body:
        return table
    width = max(len(r) for r in body)
    numeric = [_is_numeric([r[i] for r in body if i < len(r)]) for i in range(width)]
    if not any(numeric):
        return table

    def row(match: re.Match) -> str:
        index = iter(range(width + 1))
        cells = _CELL.sub(lambda c: _cell(c, numeric, next(index)), match.group(1))
        return f"<tr>{cells}</tr>"

    return _ROW.sub(row, table)


def _cell(match: re.Match, numeric: list[bool], i: int) -> str:
    tag, attributes, content = match.group(1), match.group(2) or "", match.group(3)
    if i >= len(numeric) or not numeric[i] or "style=" in attributes:
        return match.group(0)  # an author's own alignment stands
    return f'<{tag} class="num"{attributes}>{content}</{tag}>'


def _text(cell: tuple[str, str, str]) -> str:
    return _TAGS.sub("", cell[2]).replace("&nbsp;", " ").strip()


def _is_numeric(cells: list[str]) -> bool:
    filled = [c for c in cells if c not in _NONE]
    return bool(filled) and all(_FIGURE.match(c) for c in filled)
