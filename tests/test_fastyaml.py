"""The fast path (load/fastyaml.py) against the careful one (load/yamlfile.py, validate/fields.py).

The contract, from fastyaml.py: whenever the fast path accepts a file, the careful path accepts it
too and produces an equal Club. Declining is always allowed; for the shipped example clubs it is
not, since they are what the fast path is for. Every text goes through `decode` first, as in
`check_club_bytes`, so the fast path sees NFC text without a byte order mark.
"""

from __future__ import annotations

import difflib
import math
import pprint
import random
import re
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from generator.load.fastyaml import MAX_FAST_BYTES, yaml_to_json
from generator.load.sources import ClubFile
from generator.load.yamlfile import YamlProblem, decode, parse_yaml
from generator.model.club import Club
from generator.validate.clubs import _fast, keys_given
from generator.validate.fields import parse_record

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "clubs").glob("*/*.yaml"))
MINI = Path(__file__).resolve().parent / "fixtures" / "mini" / "clubs" / "ha-noi" / "dong-hoang.yaml"
SHOWN = "clubs/ha-noi/dong-hoang.yaml"
FILE = ClubFile(str(REPO / SHOWN), SHOWN)


# --- the two paths -------------------------------------------------------------------------

def read(raw: bytes | str) -> str:
    """Text as check_club_bytes hands it to both paths (NFC, no BOM); YamlProblem if unreadable."""
    return decode(raw.encode("utf-8") if isinstance(raw, str) else raw, SHOWN)


def careful_why(text: str) -> tuple[Club | None, list[str]]:
    """The careful path: the Club, or None and the problems it reports."""
    try:
        doc = parse_yaml(text, SHOWN)
    except YamlProblem as err:
        return None, [err.problem.format()]
    problems: list = []
    club = parse_record(doc, Club, problems=problems)
    return club, [p.format() for p in problems]


def careful(text: str) -> Club | None:
    return careful_why(text)[0]


def fast(text: str) -> Club | None:
    """The fast path exactly as check_club_bytes takes it (context hook and key count included)."""
    return _fast(FILE, text)[1]


def same(a: Any, b: Any) -> bool:
    """Equal values of equal types, all the way down (NaN equals NaN; True is not 1)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def broken_contract(text: str) -> str | None:
    """None when the contract holds for this text, else how it is broken."""
    quick = fast(text)
    if quick is None:
        return None  # declined: always allowed
    try:
        slow, problems = careful_why(text)
    except Exception as err:  # noqa: BLE001 - a crash is a finding, not a test error
        return f"fast path accepts; careful path crashes: {err!r}"
    if slow is None:
        return "fast path accepts; careful path reports:\n    " + "\n    ".join(problems)
    got, want = quick.model_dump(), slow.model_dump()
    if not same(got, want):
        diff = difflib.unified_diff(pprint.pformat(want, width=100).splitlines(),
                                    pprint.pformat(got, width=100).splitlines(),
                                    "careful", "fast", lineterm="", n=1)
        return "both accept, Clubs differ:\n" + "\n".join(diff)
    return None


# --- 1. every example club -------------------------------------------------------------------

def _count_keys(value: Any) -> int:
    if isinstance(value, dict):
        return len(value) + sum(_count_keys(v) for v in value.values())
    if isinstance(value, list):
        return sum(_count_keys(v) for v in value)
    return 0


def test_there_are_example_clubs():
    assert len(EXAMPLES) >= 30


@pytest.mark.parametrize("path", EXAMPLES, ids=[f"{p.parent.name}/{p.stem}" for p in EXAMPLES])
def test_example_club_takes_the_fast_path_with_the_careful_result(path: Path):
    text = read(path.read_bytes())
    converted = yaml_to_json(text)
    assert converted is not None, "yaml_to_json declined an example club"
    quick = fast(text)
    assert quick is not None, "the fast path (pydantic or the key count) declined an example club"
    slow, problems = careful_why(text)
    assert slow is not None, problems
    assert same(quick.model_dump(), slow.model_dump()), broken_contract(text)
    # No repeated keys in the examples: the JSON's key count is the careful document's.
    assert converted.keys == keys_given(quick) == keys_given(slow)
    assert converted.keys == _count_keys(parse_yaml(text, SHOWN).data)


# --- 2. hand-written tricky inputs -----------------------------------------------------------

# tests/fixtures/mini/clubs/ha-noi/dong-hoang.yaml written in block style (the fixture's flow
# collections `[...]`, `{...}` send it to the careful path).
MINI_BLOCK = """\
name: CLB Liên thế hệ Tự giúp nhau thôn Đông Hoàng
founded: 2023-05-14
programmes:
  - VIE085
seed_capital:
  - funder: HAI/KOICA
    amount: 75000000
    year: 2023
place:
  province: Hà Nội
  commune: Xã Sóc Sơn
  village: thôn Đông Hoàng
members:
  - date: 2024-12-31
    total: 62
    women: 44
    older: 40
    poor: 12
funds:
  - date: 2024-12-31
    income_fund: 80000000
    loans_outstanding:
      count: 20
      amount: 70000000
      women: 15
ratings:
  - year: 2024
    level: mạnh
    score: 78
private:
  board_names:
    - Nguyễn Thị Bí Mật
"""

# The same club with a field of every kind the model has: text, optional text in a record, a
# list of text, bool, literal, free mapping (`private`).
BASE = MINI_BLOCK.replace("members:\n", """\
contact:
  organisation: Hội Người cao tuổi xã Sóc Sơn
  phone: 0981234567
members:
""").replace("ratings:\n", """\
board:
  size: 5
  women: 3
  roles:
    - Chủ nhiệm
    - Thủ quỹ
activities:
  areas:
    - livelihood
    - health
ratings:
""").replace("private:\n", """\
photos:
  - file: sinh-hoat.jpg
    caption: Buổi sinh hoạt tháng 6
    consent: true
private:
  note: Ghi chú nội bộ
""")
# The fast path declines any file with `private:` (free-form notes whose YAML 1.1 types no model
# checks), so most rows start from the club without it; the `private` rows from PRIVATE.
PRIVATE = BASE
BASE = PRIVATE.split("private:\n")[0]


def test_base_texts_are_the_mini_club_and_take_the_fast_path():
    mini = careful(read(MINI.read_bytes()))
    assert mini is not None
    assert same(careful(read(MINI_BLOCK)).model_dump(), mini.model_dump())
    added = [line for line in PRIVATE.splitlines() if line not in MINI_BLOCK.splitlines()]
    assert len(PRIVATE.splitlines()) == len(MINI_BLOCK.splitlines()) + len(added)
    quick = fast(read(BASE))
    assert quick is not None
    assert same(quick.model_dump(), careful(read(BASE)).model_dump())
    assert fast(read(PRIVATE)) is None and careful(read(PRIVATE)) is not None


def edit(old: str, new: str, base: str = BASE, *, first: bool = False) -> str:
    """BASE with its line `old` replaced by `new` (which may span lines or be empty).

    `old` must be the only such line, unless first=True (the first of several is replaced).
    """
    lines = base.split("\n")
    assert lines.count(old) == 1 or first and old in lines, f"BASE has no single line {old!r}"
    lines[lines.index(old)] = new
    return "\n".join(lines)


def below(key_line: str, extra: str) -> str:
    """BASE with `extra` (lines, no final newline) inserted after the line `key_line`."""
    return edit(key_line, key_line + "\n" + extra)


def big_private(size: int) -> str:
    lines, n = [], 0
    while len(PRIVATE.encode()) + sum(len(line.encode()) + 1 for line in lines) < size:
        n += 1
        lines.append(f"  ghi_chu_{n:05}: Buổi sinh hoạt số {n} của câu lạc bộ, có {n % 60} người dự")
    return PRIVATE + "\n".join(lines) + "\n"


def nested(levels: int, indent: int) -> str:
    lines = [" " * (2 + indent * i) + f"cap_{i}:" for i in range(levels)]  # private's keys: 2
    return PRIVATE + "\n".join(lines) + " cuối\n"


VILLAGE = "  village: thôn Đông Hoàng"
PHONE = "  phone: 0981234567"
NAME = "name: CLB Liên thế hệ Tự giúp nhau thôn Đông Hoàng"
ROLE = "    - Thủ quỹ"
CAPTION = "    caption: Buổi sinh hoạt tháng 6"
TOTAL = "    total: 62"
WOMEN = "    women: 44"
AMOUNT = "    amount: 75000000"
YEAR = "  - year: 2024"
SCORE = "    score: 78"
FOUNDED = "founded: 2023-05-14"
MEMBER_DATE = "  - date: 2024-12-31"  # members (funds has the same line later)
CONSENT = "    consent: true"
LEVEL = "    level: mạnh"
AREA = "    - health"
NOTE = "  note: Ghi chú nội bộ"

TEXT_VALUES = [
    "yes", "no", "on", "off", "y", "n", "~", "null", "Null", "NULL", "", '""', "''", '"null"',
    "'yes'", '"no"', "true", "True", "FALSE", "2024-06-30", '"2024-06-30"', "'2024-06-30'",
    "2024-06-30 10:00:00", "0241234567", "02412345", "'02412345'", "0981234567", "1e3", "1E3",
    "1.5e+3", "1.5e3", ".5", "-.5", "+12", "0x1F", "0o17", "1_000", "12:30", "190:20:30",
    ".inf", "inf", "nan", ".nan", "012", "08", "-0", "1.", "'61'", '"61"', "61",
    "123456789012345678901234567890", '"a: b"', "'a # b'", '"x # y"', "a#b", "a #b", "'it''s'",
    "😀", "Đông Hoàng 😀", "-a", ":a", "a:b", "a,b", "x: y", "- x", '"  yes  "', '" x "',
]
NUMBER_VALUES = [
    "yes", "no", "on", "true", "~", "null", "Null", "", '""', '"61"', "'61'", "61.0", "61.5",
    "1e3", "1E3", "1e+3", "1.5e+3", "1.5e3", "62.0e0", "6.2e1", "620e-1", "6.2E+1", ".5", "-.5",
    "+12", "-0", "0x1F", "0o17", "0b11", "1_000", "1__0", "1_", "012", "08", "00", "12:30",
    "190:20:30", ".inf", "inf", "nan", "123456789012345678901234567890", "1e400", "2024-06-30",
    '"2024-06-30"', '"1e3"', "'12:30'",
]
DATE_VALUES = [
    '"2024-06-30"', "'2024-06-30'", "2024-06-30 00:00:00", "2024-06-30T00:00:00Z",
    "2024-06-30t00:00:00Z", "2024-06-30 00:00:00 +07:00", "2024-06-30T10:00:00", "2024-6-30",
    "20240630", "1718000000", '"1718000000"', "yes", "~", "",
]
BOOL_VALUES = ["yes", "no", "on", "off", "y", "n", "t", "f", "true", "True", "TRUE", "1", "0",
               "2", "1.0", '"yes"', "'no'", "~", "", "0x1"]

# (id, raw text or bytes). Each row is checked against the contract only.
CASES: list[Any] = []
for v in TEXT_VALUES:
    CASES.append((f"village: {v}", edit(VILLAGE, f"  village: {v}")))
    CASES.append((f"phone: {v}", edit(PHONE, f"  phone: {v}")))
for v in ["yes", "2024-06-30", '"2024-06-30"', "12:30", "0x1F", "1e3", "~", "''"]:
    CASES.append((f"name: {v}", edit(NAME, f"name: {v}")))
    CASES.append((f"roles item: {v}", edit(ROLE, f"    - {v}")))
    CASES.append((f"caption: {v}", edit(CAPTION, f"    caption: {v}")))
for v in NUMBER_VALUES:
    CASES.append((f"total: {v}", edit(TOTAL, f"    total: {v}")))
    CASES.append((f"women: {v}", edit(WOMEN, f"    women: {v}")))
    CASES.append((f"score: {v}", edit(SCORE, f"    score: {v}")))
for v in ["1e3", "1.5e3", "7.5e+7", "75000000.0", "75_000_000", '"75000000"', "0x47868C0"]:
    CASES.append((f"amount: {v}", edit(AMOUNT, f"    amount: {v}")))
for v in ["2_024", "+2024", "-2024", '"2024"', "2024.0", "2.024e3", "2.024e+3", "0b11111101000"]:
    CASES.append((f"ratings year: {v}", edit(YEAR, f"  - year: {v}")))
for v in DATE_VALUES:
    CASES.append((f"founded: {v}", edit(FOUNDED, f"founded: {v}")))
    CASES.append((f"members date: {v}", edit(MEMBER_DATE, f"  - date: {v}", first=True)))
for v in BOOL_VALUES:
    CASES.append((f"consent: {v}", edit(CONSENT, f"    consent: {v}")))
for v in ["yes", '"active"', "'active'", "null", "Active", "active # c"]:  # BASE has no status
    CASES.append((f"status: {v}", edit(FOUNDED, f"{FOUNDED}\nstatus: {v}")))
for v in ["'mạnh'", '"mạnh"', "yes", "mạnh # c", "Mạnh", "~"]:
    CASES.append((f"level: {v}", edit(LEVEL, f"    level: {v}")))
for v in ["on", '"health"', "health   # sức khỏe"]:
    CASES.append((f"areas item: {v}", edit(AREA, f"    - {v}")))

# Repeated keys: top level, nested mapping, inside list items, inside private.
CASES += [
    ("duplicate top-level key", edit(FOUNDED, f"{FOUNDED}\n{FOUNDED}")),
    ("duplicate top-level key, other value", BASE + "name: CLB khác\n"),
    ("duplicate top-level key, quoted", BASE + '"name": CLB khác\n'),
    ("duplicate top-level key, single-quoted", edit(FOUNDED, f"{FOUNDED}\n'founded': 2023-05-14")),
    ("duplicate top-level key, space before colon", edit(FOUNDED, f"{FOUNDED}\nfounded : 2023-05-14")),
    ("duplicate top-level mapping", BASE + "place:\n  province: Hà Nội\n  commune: Xã Sóc Sơn\n"),
    ("duplicate nested key", edit(VILLAGE, f"{VILLAGE}\n  village: thôn Khác")),
    ("duplicate nested key, same value", edit(VILLAGE, f"{VILLAGE}\n{VILLAGE}")),
    ("duplicate nested key in a deeper record", edit("      count: 20", "      count: 20\n      count: 20")),
    ("duplicate key in a list item", edit(WOMEN, f"{WOMEN}\n    women: 40")),
    ("duplicate key in a list item, first line", edit(TOTAL, f"{TOTAL}\n    date: 2024-12-31")),
    ("duplicate key in a rating item", edit(SCORE, f"{SCORE}\n    year: 2024")),
    ("duplicate key in private", PRIVATE + "  note: Ghi chú khác\n"),
    ("duplicate key in private, same value", PRIVATE + f"{NOTE}\n"),
    ("duplicate key in a mapping inside private", PRIVATE + "  so:\n    a: 1\n    a: 2\n"),
    ("duplicate key in a list item inside private", PRIVATE + "  ds:\n    - a: 1\n      a: 2\n"),
    ("private: key 1 and '1'", PRIVATE + "  1: a\n  '1': b\n"),
    ("private: key 2024-06-30 twice, one quoted", BASE + '  2024-06-30: a\n  "2024-06-30": b\n'),
    ("private: keys yes and true", PRIVATE + "  yes: 1\n  true: 2\n"),
    ("private: keys on and 'True'", PRIVATE + "  on: 1\n  'True': 2\n"),
    ("private: keys ~ and null", PRIVATE + "  ~: a\n  null: b\n"),
    ("private: keys ~ and 'None'", PRIVATE + "  ~: a\n  'None': b\n"),
    ("private: keys 0x1F and 31", PRIVATE + "  0x1F: a\n  31: b\n"),
    ("private: keys 1_0 and 10", PRIVATE + "  1_0: a\n  10: b\n"),
    ("private: keys 1.0 and 1.00", PRIVATE + "  1.0: a\n  1.00: b\n"),
    ("private: keys 1:30 and 90", PRIVATE + "  1:30: a\n  90: b\n"),
    ("private: keys +1 and 1", PRIVATE + "  +1: a\n  1: b\n"),
]
# Keys and values inside private, the mapping the model leaves free.
CASES += [(f"private key {k}", PRIVATE + f"  {k}: x\n") for k in
          ["yes", "no", "on", "Off", "~", "null", "Null", "true", "2024", "1.5", ".5", "+1", "1:30",
           "0x1F", "012", "1_0", "2024-06-30", "2024-06-30T10:00:00", "1e3", '"yes"', "'2024'"]]
CASES += [(f"private value {v}", PRIVATE + f"  gia_tri: {v}\n") for v in
          ["2024-06-30", '"2024-06-30"', "2024-06-30 10:00:00", "yes", "no", "True", "true", "~",
           "null", "Null", "", "0x1F", "1_000", "012", "12:30", "1e3", "1.5e+3", ".5", "inf", ".inf",
           "nan", "+12", "-0", "123456789012345678901234567890", "1e400", '"x"', "'it''s'", "😀"]]
CASES += [
    ("private value 2024-02-30 (impossible date)", PRIVATE + "  gia_tri: 2024-02-30\n"),
    ("private key of 1000 characters", PRIVATE + "  " + "k" * 1000 + ": x\n"),
    ("private key of 1100 characters", PRIVATE + "  " + "k" * 1100 + ": x\n"),
    ("private value of 5000 characters", PRIVATE + "  dai: " + "x" * 5000 + "\n"),
    ("private: a list", edit("private:", "private:\n  - a", PRIVATE).replace(NOTE + "\n", "")
     .replace("  board_names:\n    - Nguyễn Thị Bí Mật\n", "")),
    ("private: a scalar", PRIVATE.split("private:")[0] + "private: yes\n"),
    ("private: empty", PRIVATE.split("private:")[0] + "private:\n"),
    ("private: nested 14 levels (2-space indent)", nested(14, 2)),
    ("private: nested 28 levels (1-space indent)", nested(28, 1)),
    ("private: nested 29 levels (1-space indent)", nested(29, 1)),
    ("private: nested 45 levels (1-space indent)", nested(45, 1)),
    ("private: nested 45 levels (2-space indent)", nested(45, 2)),
    ("150 KB file", big_private(150_000)),
    ("file just over the fast path's size limit", big_private(MAX_FAST_BYTES + 100)),
]

# Line endings, byte order marks, Unicode.
NFD = unicodedata.normalize("NFD", BASE)
assert NFD != BASE
CASES += [
    ("CRLF line endings", BASE.replace("\n", "\r\n").encode()),
    ("CRLF in part of the file", BASE.replace("\n", "\r\n", 10).encode()),
    ("CRLF inside a multi-line quoted value", edit(VILLAGE, '  village: "thôn\r\n    Đông Hoàng"').encode()),
    ("CRLF and a multi-line plain value", edit(VILLAGE, "  village: thôn\n    Đông Hoàng").replace("\n", "\r\n").encode()),
    ("lone CR ending one line", BASE.replace("\n", "\r", 1).encode()),
    ("lone CR ending every line", BASE.replace("\n", "\r").encode()),
    ("lone CR inside a value", edit(VILLAGE, "  village: thôn\rĐông Hoàng").encode()),
    ("CR CR LF", BASE.replace("\n", "\r\r\n", 3).encode()),
    ("BOM at the start", b"\xef\xbb\xbf" + BASE.encode()),
    ("two BOMs at the start", b"\xef\xbb\xbf\xef\xbb\xbf" + BASE.encode()),
    ("BOM in the middle of a value", edit(VILLAGE, "  village: thôn\ufeffĐông Hoàng").encode()),
    ("BOM at the start of a line", edit(VILLAGE, "\ufeff" + VILLAGE).encode()),
    ("NFD text (decomposed diacritics)", NFD.encode()),
    ("NFD in one value", edit(VILLAGE, unicodedata.normalize("NFD", VILLAGE)).encode()),
    ("NFD key", (BASE + unicodedata.normalize("NFD", "  ghi_chú: x\n")).encode()),
    ("combining mark after '>' composes to U+226F", edit(VILLAGE, "  village: >\u0338 thôn").encode()),
    ("emoji in a value", edit(VILLAGE, "  village: thôn Đông Hoàng 🌾👵").encode()),
    ("emoji as a private key", (PRIVATE + "  🌾: lúa\n").encode()),
    ("NBSP in a value", edit(VILLAGE, "  village: thôn\u00a0Đông Hoàng").encode()),
    ("NBSP as indentation", edit(VILLAGE, "\u00a0\u00a0village: thôn Đông Hoàng").encode()),
    ("NBSP after the colon", edit(VILLAGE, "  village:\u00a0thôn Đông Hoàng").encode()),
    ("U+2028 line separator in a value", edit(VILLAGE, "  village: thôn\u2028Đông Hoàng").encode()),
    ("U+2029 paragraph separator at a line end", edit(VILLAGE, VILLAGE + "\u2029").encode()),
    ("U+0085 next line in a value", edit(VILLAGE, "  village: thôn\u0085Đông Hoàng").encode()),
    ("zero-width space in a value", edit(VILLAGE, "  village: thôn\u200bĐông Hoàng").encode()),
    ("ideographic space at the end of a value", edit(VILLAGE, VILLAGE + "\u3000").encode()),
    ("ideographic space as the whole value", edit(VILLAGE, "  village: \u3000").encode()),
    ("DEL character", edit(VILLAGE, VILLAGE + "\x7f").encode()),
    ("U+FFFE", edit(VILLAGE, VILLAGE + "\ufffe").encode()),
    ("NUL byte after 8 KB", (big_private(9000) + "  cuoi: a\x00b\n").encode()),
    ("vertical tab", edit(VILLAGE, VILLAGE + "\x0b").encode()),
    ("form feed line", edit(VILLAGE, VILLAGE + "\n\x0c").encode()),
]

# Tabs and YAML features a club file does not need.
CASES += [
    ("tab as indentation", edit(VILLAGE, "\tvillage: thôn Đông Hoàng")),
    ("tab and spaces as indentation", edit(VILLAGE, "  \tvillage: thôn Đông Hoàng")),
    ("tab after the colon", edit(VILLAGE, "  village:\tthôn Đông Hoàng")),
    ("tab inside a value", edit(VILLAGE, "  village: thôn\tĐông Hoàng")),
    ("tab before a comment", edit(VILLAGE, VILLAGE + "\t# c")),
    ("anchor and alias", edit(VILLAGE, "  village: &v thôn Đông Hoàng").replace(
        "  organisation: Hội Người cao tuổi xã Sóc Sơn", "  organisation: *v")),
    ("anchor only", edit(VILLAGE, "  village: &v thôn Đông Hoàng")),
    ("anchored mapping and merge key", PRIVATE + "  a: &m\n    x: 1\n  b:\n    <<: *m\n"),
    ("!!python/object tag", edit(VILLAGE, "  village: !!python/object:os.system ls")),
    ("!!python/name tag in private", PRIVATE + "  p: !!python/name:os.system\n"),
    ("!!str tag", edit(PHONE, "  phone: !!str 0241234567")),
    ("!!int tag", edit(TOTAL, "    total: !!int '62'")),
    ("local tag", edit(VILLAGE, "  village: !lang thôn Đông Hoàng")),
    ("flow list [a, b]", edit("  roles:", "  roles: [Chủ nhiệm, Thủ quỹ]").replace(
        "    - Chủ nhiệm\n    - Thủ quỹ\n", "")),
    ("flow mapping {a: 1}", edit("    loans_outstanding:", "    loans_outstanding: {count: 20, amount: 70000000, women: 15}")
     .replace("      count: 20\n      amount: 70000000\n      women: 15\n", "")),
    ("empty flow list", edit("programmes:", "programmes: []").replace("  - VIE085\n", "", 1)),
    ("brackets inside a value", edit(VILLAGE, "  village: thôn [Đông] Hoàng")),
    ("braces inside a quoted value", edit(VILLAGE, '  village: "thôn {Đông} Hoàng"')),
    ("literal block scalar |", edit(VILLAGE, "  village: |\n    thôn\n    Đông Hoàng")),
    ("literal block scalar |-", edit(VILLAGE, "  village: |-\n    thôn Đông Hoàng")),
    ("folded block scalar >", edit(VILLAGE, "  village: >\n    thôn\n    Đông Hoàng")),
    ("folded block scalar in private", PRIVATE + "  dai: >\n    dòng một\n    dòng hai\n"),
    ("multi-line plain value", edit(VILLAGE, "  village: thôn\n    Đông Hoàng")),
    ("multi-line plain value with a blank line", edit(VILLAGE, "  village: thôn\n\n    Đông Hoàng")),
    ("multi-line plain value with trailing spaces", edit(VILLAGE, "  village: thôn   \n    Đông Hoàng   ")),
    ("multi-line plain value with a comment line inside", edit(VILLAGE, "  village: thôn\n    # c\n    Đông Hoàng")),
    ("multi-line plain value, continuation under-indented", edit(VILLAGE, "  village: thôn\n  Đông Hoàng")),
    ("multi-line plain value, continuation one space in", edit(VILLAGE, "  village: thôn\n   Đông Hoàng")),
    ("multi-line plain value that looks like a list", edit(VILLAGE, "  village: thôn\n    - Đông Hoàng")),
    ("multi-line plain value that folds to a date", edit(VILLAGE, "  village:\n    2024-06-30")),
    ("multi-line plain value that folds to yes", edit(VILLAGE, "  village:\n    yes")),
    ("multi-line plain number", edit(TOTAL, "    total:\n      62")),
    ("multi-line plain key-value", edit(VILLAGE, "  village: thôn\n    Đông: Hoàng")),
    ("multi-line double-quoted value", edit(VILLAGE, '  village: "thôn\n    Đông Hoàng"')),
    ("multi-line double-quoted value with a blank line", edit(VILLAGE, '  village: "thôn\n\n    Đông Hoàng"')),
    ("multi-line double-quoted value at column 0", edit(VILLAGE, '  village: "thôn\nĐông Hoàng"')),
    ("multi-line single-quoted value", edit(VILLAGE, "  village: 'thôn\n    Đông Hoàng'")),
    ("multi-line single-quoted value with a blank line", edit(VILLAGE, "  village: 'thôn\n   \n    Đông Hoàng'")),
    ("multi-line quoted date", edit(FOUNDED, "founded: '2023-05-14\n  '")),
    ("value on the next line", edit(VILLAGE, "  village:\n    thôn Đông Hoàng")),
    ("quoted value on the next line", edit(VILLAGE, '  village:\n    "thôn Đông Hoàng"')),
    ("--- at the start", "---\n" + BASE),
    ("--- with a comment at the start", "--- # câu lạc bộ\n" + BASE),
    ("--- after a comment", "# câu lạc bộ\n---\n" + BASE),
    ("... at the start", "...\n" + BASE),
    ("... in the middle", edit(VILLAGE, VILLAGE + "\n...")),
    ("... at the end", BASE + "...\n"),
    ("two documents", BASE + "---\nname: CLB khác\n"),
    ("%YAML directive", "%YAML 1.1\n---\n" + BASE),
    ("--- as a value", edit(VILLAGE, "  village: ---")),
    ("... as a value", edit(VILLAGE, "  village: ...")),
    ("? complex key", edit(VILLAGE, "  ? village\n  : thôn Đông Hoàng")),
    ("key without space after the colon", edit(VILLAGE, "  village:thôn Đông Hoàng")),
    ("backslash in a double-quoted value", edit(VILLAGE, '  village: "thôn\\nĐông"')),
    ("backslash in a plain value", edit(VILLAGE, "  village: thôn\\Đông")),
    ("@ at the start of a value", edit(VILLAGE, "  village: @thôn")),
    ("backquote at the start of a value", edit(VILLAGE, "  village: `thôn`")),
    ("% at the start of a value", edit(VILLAGE, "  village: %thôn")),
    ("comma at the start of a value", edit(VILLAGE, "  village: ,thôn")),
    ("- - nested list item", edit(ROLE, "    - - Thủ quỹ")),
    ("-   - nested list item, three spaces", edit(ROLE, "    -   - Thủ quỹ")),
    ("list item with its mapping on the next line", edit(MEMBER_DATE, "  -\n    date: 2024-12-31", first=True)),
    ("list not indented under its key", edit("  - VIE085", "- VIE085")),
    ("list item indented one more", edit(ROLE, "     - Thủ quỹ")),
    ("key indented one more", edit(VILLAGE, "   village: thôn Đông Hoàng")),
    ("key indented one less", edit(VILLAGE, " village: thôn Đông Hoàng")),
    ("first key indented", "  " + BASE),
    ("4-space indentation", re.sub(r"(?m)^( +)", lambda m: m.group(1) * 2, BASE)),
    ("empty file", ""),
    ("only comments", "# chỉ có ghi chú\n# không có dữ liệu\n"),
    ("only spaces and newlines", "  \n\n   \n"),
    ("top-level list", "- name: CLB\n- founded: 2023-05-14\n"),
    ("top-level scalar", "CLB Liên thế hệ\n"),
    ("top-level null", "~\n"),
    ("missing required field", BASE.replace(FOUNDED + "\n", "")),
    ("unknown field", BASE + "unknown_field: 1\n"),
    ("unknown nested field", edit(VILLAGE, VILLAGE + "\n  hamlet: x")),
    ("women larger than total", edit(WOMEN, "    women: 99")),
]

# Comments, spaces, quotes: the clean spellings the fast path is for.
CASES += [
    ("comments everywhere", "# đầu tệp\n" + re.sub(r"(?m)^(.+)$", r"\1  # ghi chú", BASE) + "# cuối tệp\n"),
    ("comment lines between every line", re.sub(r"(?m)^(.*)$", r"\1\n  # ghi chú", BASE)),
    ("comment right after a key with no value", edit("place:", "place:  # địa bàn")),
    ("comment directly after a quoted value", edit(VILLAGE, '  village: "thôn"# c')),
    ("comment at column 0 inside a mapping", edit(VILLAGE, "# c\n" + VILLAGE)),
    ("comment without a space before it", edit(VILLAGE, "  village: thôn#Đông")),
    ("trailing spaces on every line", re.sub(r"(?m)$", "   ", BASE)),
    ("spaces-only lines between keys", BASE.replace("\nplace:", "\n    \nplace:")),
    ("no final newline", BASE.rstrip("\n")),
    ("many blank lines", BASE.replace("\n", "\n\n\n")),
    ("spaces before the colon", edit(VILLAGE, "  village   :   thôn Đông Hoàng")),
    ("quoted keys", edit(VILLAGE, '  "village": thôn Đông Hoàng')),
    ("single-quoted key", edit(VILLAGE, "  'village': thôn Đông Hoàng")),
    ("': ' inside double quotes", edit(VILLAGE, '  village: "thôn: Đông Hoàng"')),
    ("': ' inside single quotes", edit(VILLAGE, "  village: 'thôn: Đông Hoàng'")),
    ("'\": ' inside single quotes", edit(VILLAGE, "  village: 'thôn\": Đông'")),
    ("'\": ' inside a private key", PRIVATE + "  'a\": b': x\n"),
    ("double quote inside a plain value", edit(VILLAGE, '  village: thôn "Đông" Hoàng')),
    ("'#' inside double quotes", edit(VILLAGE, '  village: "thôn # Đông Hoàng"')),
    ("'#' inside single quotes", edit(VILLAGE, "  village: 'thôn # Đông Hoàng'")),
    ("'' escape inside single quotes", edit(VILLAGE, "  village: 'thôn ''Đông'' Hoàng'")),
    ("colon at the end of a value", edit(VILLAGE, "  village: thôn Đông Hoàng:")),
    ("colon inside a plain value", edit(VILLAGE, "  village: thôn:Đông")),
    ("quoted number in a list of text", edit("  - VIE085", "  - '085'")),
    ("plain number in a list of text", edit("  - VIE085", "  - 085")),
    ("quoted and plain 2024-06-30 in one file", edit(VILLAGE, '  village: "2024-06-30"').replace(
        "  note: Ghi chú nội bộ", "  note: 2024-06-30")),
    ("quoted yes and a comment with yes", edit(VILLAGE, "  village: 'yes'  # yes")),
]
CASE_IDS = [c[0] for c in CASES]
assert len(set(CASE_IDS)) == len(CASE_IDS), "case ids must be unique"


@pytest.mark.parametrize("raw", [pytest.param(r, id=i) for i, r in CASES])
def test_tricky_input_keeps_the_contract(raw: Any):
    try:
        text = read(raw)
    except YamlProblem:
        return  # unreadable: neither path ever sees it
    problem = broken_contract(text)
    assert problem is None, f"{problem}\n--- input ---\n{text!r}"


def test_the_table_exercises_both_outcomes():
    """Enough rows are accepted and enough declined for the table to mean something."""
    accepted = declined = 0
    for _, raw in CASES:
        try:
            text = read(raw)
        except YamlProblem:
            continue
        if fast(text) is None:
            declined += 1
        else:
            accepted += 1
    assert accepted >= 100 and declined >= 100, (accepted, declined)


@pytest.mark.parametrize("text", [
    edit(FOUNDED, "founded: 2024-02-30"),
    edit(TOTAL, "    total: 2024-13-01"),
    edit(VILLAGE, "  village: 2023-02-29"),
    edit(FOUNDED, "founded: 2024-06-30 25:00:00"),
    PRIVATE + "  2024-02-30: x\n",
    edit(VILLAGE, "  !x village: thôn Đông Hoàng"),
    edit(VILLAGE, "  !!python/object village: thôn Đông Hoàng"),
    PRIVATE + "  !!bool maybe: x\n",
    edit(TOTAL, "    total: !!int abc"),
    edit(FOUNDED, "founded: !!timestamp abc"),
], ids=["founded: 2024-02-30", "total: 2024-13-01", "village: 2023-02-29",
        "founded: 2024-06-30 25:00:00", "private key 2024-02-30", "local tag on a key",
        "python tag on a key", "!!bool tag on a key", "total: !!int abc",
        "founded: !!timestamp abc"])
def test_careful_path_reports_instead_of_crashing(text: str):
    """Not the contract itself: the fast path declines these (impossible dates, tags), so
    check_club_bytes relies on the careful path, which must report them, not raise ValueError,
    KeyError or ConstructorError out of `ishc check`."""
    text = read(text)
    assert fast(text) is None
    club, problems = careful_why(text)  # must raise nothing but YamlProblem (caught inside)
    assert club is None and problems


# --- 3. seeded mutation fuzz -----------------------------------------------------------------

FUZZ_SEED = 2035
FUZZ_CASES = 3000
TOKENS = [
    "\t", "&a ", "*a", "!!python/object ", "!x ", "[", "]", "{", "}", "|", ">", "#", " #", "'",
    '"', ": ", ":", "- ", "-", "?", "%", "@", "`", "\\", "\r", "\r\n", "\n", "\n  ", "\ufeff",
    "\u2028", "\u00a0", "\u0085", "\u3000", "\u200b", "😀", ",", "~", "---\n", "...\n", "---",
    "e3", "E+1", "0", ".", "+", "_", "e", "x", "1", " ", "  ", "yes", "e\u0302\u0301", "a\u0338",
]
SCALARS = sorted({*TEXT_VALUES, *NUMBER_VALUES, *DATE_VALUES, *BOOL_VALUES, "2024-02-30"})
KEY_LINE = re.compile(r"^(\s*(?:- )?[\w\"']+\s*:)(\s*)(.*)$")
ITEM_LINE = re.compile(r"^(\s*- )(.*)$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def mutate(rng: random.Random, text: str) -> tuple[str, str]:
    """One small random edit of text, and what it was."""
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    op = rng.randrange(8)
    if op == 0:
        del lines[i]
        return "\n".join(lines), f"delete line {i + 1}"
    if op == 1:
        lines.insert(i, lines[i])
        return "\n".join(lines), f"duplicate line {i + 1}"
    if op == 2:
        j = min(len(lines) - 1, i + rng.choice([1, 1, 2, 5]))
        lines[i], lines[j] = lines[j], lines[i]
        return "\n".join(lines), f"swap lines {i + 1} and {j + 1}"
    if op == 3:
        at = rng.randrange(len(text) + 1)
        token = rng.choice(TOKENS)
        return text[:at] + token + text[at:], f"insert {token!r} at offset {at}"
    if op == 4:
        shift = rng.choice([-4, -2, -1, 1, 2, 4])
        line = lines[i]
        if shift > 0:
            lines[i] = " " * shift + line
        elif _indent(line) >= -shift:
            lines[i] = line[-shift:]
        return "\n".join(lines), f"indent line {i + 1} by {shift}"
    if op in (5, 6):
        candidates = [k for k, line in enumerate(lines) if KEY_LINE.match(line) or ITEM_LINE.match(line)]
        if not candidates:
            return text, "no value to replace"
        k = rng.choice(candidates)
        value = rng.choice(SCALARS)
        key = KEY_LINE.match(lines[k])
        lines[k] = f"{key.group(1)} {value}" if key else ITEM_LINE.match(lines[k]).group(1) + value
        return "\n".join(lines), f"line {k + 1} value -> {value!r}"
    # Repeat a key line elsewhere among its siblings: a duplicate key, maybe far from the first.
    candidates = [k for k, line in enumerate(lines) if KEY_LINE.match(line)]
    if not candidates:
        return text, "no key to repeat"
    k = rng.choice(candidates)
    line = lines[k]
    if line.lstrip().startswith("- "):
        depth = _indent(line) + 2
        line = " " * depth + line.lstrip()[2:]
    else:
        depth = _indent(line)
    siblings = [q for q, other in enumerate(lines)
                if other.strip() and not other.lstrip().startswith("#") and _indent(other) == depth]
    at = rng.choice(siblings) if siblings else k + 1
    lines.insert(at, line)
    return "\n".join(lines), f"repeat key line {k + 1} at line {at + 1}"


@dataclass
class Finding:
    case: int
    seed: str
    edits: list[str]
    text: str
    problem: str

    def show(self, seed_text: str) -> str:
        diff = difflib.unified_diff([repr(x) for x in seed_text.split("\n")],
                                    [repr(x) for x in self.text.split("\n")],
                                    self.seed, "mutated", lineterm="", n=1)
        return (f"case {self.case} ({self.seed}; {'; '.join(self.edits)}):\n{self.problem}\n"
                + "\n".join(diff))


@dataclass
class FuzzRun:
    cases: int
    unreadable: int
    accepted: int
    findings: list[Finding]
    crashes: list[Finding]  # careful path raised something other than YamlProblem
    seconds: float


def _seeds() -> dict[str, str]:
    seeds = {f"{p.parent.name}/{p.name}": read(p.read_bytes()) for p in EXAMPLES}
    seeds["BASE"] = BASE  # the one seed with contact.phone, photos, board roles and private
    return seeds


def _minimal(seed_text: str, text: str, broken) -> str:
    """Undo changed line blocks, one at a time, while the text stays broken."""
    a = seed_text.split("\n")
    while True:
        b = text.split("\n")
        blocks = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
                  if op[0] != "equal"]
        if len(blocks) <= 1:
            return text
        for _, i1, i2, j1, j2 in blocks:
            trial = "\n".join(b[:j1] + a[i1:i2] + b[j2:])
            if broken(trial):
                text = trial
                break
        else:
            return text


def _careful_crash(text: str) -> str | None:
    try:
        careful_why(text)
    except Exception as err:  # noqa: BLE001 - a crash is a finding, not a test error
        return f"careful path crashes: {err!r}"
    return None


@lru_cache(maxsize=1)
def fuzz() -> FuzzRun:
    rng = random.Random(FUZZ_SEED)
    seeds = _seeds()
    names = sorted(seeds)
    started = time.perf_counter()
    unreadable = accepted = 0
    findings: list[Finding] = []
    crashes: list[Finding] = []
    for case in range(FUZZ_CASES):
        name = "BASE" if rng.random() < 0.25 else rng.choice(names)
        text, edits = seeds[name], []
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            text, what = mutate(rng, text)
            edits.append(what)
        if rng.random() < 0.05:
            text, edits = text.replace("\n", "\r\n"), [*edits, "CRLF line endings"]
        try:
            text = read(text)
        except YamlProblem:
            unreadable += 1
            continue
        crash = _careful_crash(text)
        if crash is not None:
            smaller = _minimal(seeds[name], text, _careful_crash)
            crashes.append(Finding(case, name, edits, smaller, _careful_crash(smaller) or crash))
        if fast(text) is None:
            continue
        accepted += 1
        problem = broken_contract(text)
        if problem is not None:
            smaller = _minimal(seeds[name], text, broken_contract)
            findings.append(Finding(case, name, edits, smaller, broken_contract(smaller) or problem))
    return FuzzRun(FUZZ_CASES, unreadable, accepted, findings, crashes,
                   time.perf_counter() - started)


def _report(findings: list[Finding], shown: int = 12) -> str:
    seeds = _seeds()
    kinds: dict[str, int] = {}
    for f in findings:
        kind = f.problem.split("\n")[0].split(":")[0]
        kinds[kind] = kinds.get(kind, 0) + 1
    parts = [f"{len(findings)} counterexample(s) in {FUZZ_CASES} cases "
             f"(random.Random({FUZZ_SEED})): "
             + "; ".join(f"{n} x {kind}" for kind, n in sorted(kinds.items()))
             + f". The first {min(shown, len(findings))}, each reduced to the fewest changed lines:"]
    parts += [f.show(seeds[f.seed]) for f in findings[:shown]]
    return "\n\n".join(parts)


def test_fuzz_accepts_often_enough_to_mean_something():
    run = fuzz()
    print(f"fuzz: {run.cases} cases, {run.accepted} accepted by the fast path "
          f"({run.accepted / run.cases:.1%}), {run.unreadable} unreadable, {run.seconds:.1f} s")
    assert run.accepted >= run.cases // 20  # observed ~17%
    assert run.seconds < 45


def test_fuzz_keeps_the_contract():
    run = fuzz()
    assert not run.findings, _report(run.findings)


def test_fuzz_careful_path_never_crashes():
    """Not the contract itself: a crash in the careful path crashes `ishc check`."""
    run = fuzz()
    assert not run.crashes, _report(run.crashes)
