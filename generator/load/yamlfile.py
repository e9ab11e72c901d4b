"""Read YAML the way people's files need: safely, with positions, and with clear complaints.

PyYAML alone is not enough for files edited by hand: it accepts duplicate keys silently, expands
anchors without limit and reports errors in English. Here the C composer (libyaml) parses the
text into nodes that carry line and column, and a small constructor builds plain Python values
from them while recording where every value sits, so later stages can point at the line.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.load.text import nfc
from generator.messages import number, t
from generator.problems import Problem

Loc = tuple[str | int, ...]

MAX_BYTES = 1_000_000
MAX_DEPTH = 40
MAX_NODES = 200_000

_SAFE_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    col: int  # 1-based


@dataclass
class Positions:
    """Where each value and each key starts, by location path."""

    values: dict[Loc, Position] = field(default_factory=dict)
    keys: dict[Loc, Position] = field(default_factory=dict)


@dataclass
class YamlDocument:
    """Plain data from one YAML text, and where each value and key starts.

    A document checked on the fast path (see fastyaml.py) keeps its text instead: positions are
    worked out by the careful loader the first time a problem needs one.
    """

    path: str
    data: Any
    line_offset: int = 0  # for YAML embedded in another file (front matter)
    text: str | None = field(default=None, repr=False)
    _positions: Positions | None = field(default=None, repr=False)

    @property
    def positions(self) -> Positions:
        if self._positions is None:
            try:
                self._positions = _careful(self.text or "", self.path, self.line_offset)[1]
            except YamlProblem:  # not while both paths agree (tests/test_fastyaml.py)
                self._positions = Positions()
        return self._positions

    def where(self, loc: Loc, *, key: bool = False) -> Position:
        """Position of loc, or of its nearest ancestor that exists in the file."""
        positions = self.positions
        table = positions.keys if key else positions.values
        for end in range(len(loc), -1, -1):
            found = table.get(loc[:end]) or positions.values.get(loc[:end])
            if found:
                return Position(found.line + self.line_offset, found.col)
        return Position(1 + self.line_offset, 1)

    def problem(self, loc: Loc, message: str, hint: str = "", *, key: bool = False,
                severity: str = "error") -> Problem:
        pos = self.where(loc, key=key)
        return Problem(self.path, pos.line, pos.col, message, hint, severity)  # type: ignore[arg-type]


class YamlProblem(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.format())


def too_large(path: str, size: int) -> Problem:
    return Problem(path, 1, 1, t("file.too_large", size=number(size), limit=number(MAX_BYTES)),
                   t("file.too_large.hint"))


def decode(raw: bytes, path: str) -> str:
    """Bytes to NFC text, or a YamlProblem naming the likely encoding."""
    if len(raw) > MAX_BYTES:
        raise YamlProblem(too_large(path, len(raw)))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlProblem(Problem(path, 1, 1, t("file.utf16"), t("file.utf16.hint")))
    if b"\x00" in raw[:8192]:
        raise YamlProblem(Problem(path, 1, 1, t("file.binary"), t("file.binary.hint")))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise YamlProblem(Problem(path, line, 1, t("file.not_utf8", encoding=_guess_legacy(raw)),
                                  t("file.not_utf8.hint"))) from None
    return nfc(text)


def _guess_legacy(raw: bytes) -> str:
    # Bytes that Windows-1258, the legacy Vietnamese code page, uses for Đ đ Ă ă Ơ ơ Ư ư and its
    # combining tone marks; text in Windows-1252 (Western) rarely has them.
    if any(bytes([b]) in raw for b in (0xD0, 0xF0, 0xC3, 0xE3, 0xD5, 0xF5, 0xDD, 0xFD, 0xCC, 0xEC,
                                       0xD2, 0xDE, 0xF2)):
        return t("encoding.windows_1258")
    return t("encoding.legacy")


def read_yaml_file(path: Path, shown: str) -> YamlDocument:
    """Read one YAML file; raises YamlProblem with a message for people."""
    return parse_yaml(decode(read_source(path, shown), shown), shown)


def read_source(path: Path, shown: str) -> bytes:
    """A source file's bytes, at most one past the limit decode() allows: a pipe or a device
    is refused before it is opened (it could block or never end), a huge file is not read
    whole."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise YamlProblem(Problem(shown, 1, 1, t("file.not_regular"),
                                      t("file.irregular.hint")))
        if info.st_size > MAX_BYTES:
            raise YamlProblem(too_large(shown, info.st_size))
        with open(path, "rb") as stream:
            return stream.read(MAX_BYTES + 1)
    except OSError as err:
        raise YamlProblem(Problem(shown, 1, 1, t("file.unreadable", reason=err.strerror))) from None


def parse_yaml(text: str, shown: str, line_offset: int = 0) -> YamlDocument:
    """Parse YAML text into a YamlDocument whose top level is a mapping; text becomes NFC."""
    data, positions = _careful(nfc(text), shown, line_offset)
    return YamlDocument(shown, data, line_offset, _positions=positions)


def _careful(text: str, shown: str, line_offset: int) -> tuple[Any, Positions]:
    """libyaml's nodes, every position kept, every oddity a YamlProblem."""
    if not text.strip():
        raise YamlProblem(Problem(shown, 1 + line_offset, 1, t("yaml.empty"),
                                  t("yaml.fill_in.hint")))
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        raise YamlProblem(_syntax_problem(err, text, shown, line_offset)) from None
    except yaml.YAMLError as err:  # pragma: no cover - libyaml always marks its errors
        raise YamlProblem(Problem(shown, 1 + line_offset, 1,
                                  t("yaml.syntax", detail=err))) from None
    if root is None:
        raise YamlProblem(Problem(shown, 1 + line_offset, 1, t("yaml.no_data"),
                                  t("yaml.fill_in.hint")))
    if not isinstance(root, yaml.MappingNode):
        pos = _pos(root)
        raise YamlProblem(Problem(shown, pos.line + line_offset, pos.col,
                                  t("yaml.top_level"), t("yaml.top_level.hint")))
    builder = _Builder(shown, line_offset)
    return builder.build(root, (), 0), builder.positions


def _pos(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _syntax_problem(err: yaml.MarkedYAMLError, text: str, shown: str, offset: int) -> Problem:
    mark = err.problem_mark or err.context_mark
    line = (mark.line + 1 if mark else 1) + offset
    col = mark.column + 1 if mark else 1
    problem = err.problem or ""
    if mark and _indented_with_tab(text, mark.line):
        return Problem(shown, line, col, t("yaml.tab"), t("yaml.tab.hint"))
    return Problem(shown, line, col, t("yaml.syntax", detail=problem or err),
                   t("yaml.syntax.hint"))


def _indented_with_tab(text: str, line: int) -> bool:
    lines = text.splitlines()
    if line >= len(lines):
        return False
    indent = lines[line][: len(lines[line]) - len(lines[line].lstrip())]
    return "\t" in indent


class _Builder:
    """Builds Python values from nodes, refusing what a data file has no business holding."""

    def __init__(self, path: str, line_offset: int):
        self.path = path
        self.line_offset = line_offset
        self.positions = Positions()
        self.seen: set[int] = set()
        self.scalars = yaml.SafeLoader("")  # only its scalar constructors are used

    def fail(self, node: yaml.Node, message: str, hint: str = "") -> YamlProblem:
        pos = _pos(node)
        return YamlProblem(Problem(self.path, pos.line + self.line_offset, pos.col,
                                   message, hint))

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise self.fail(node, t("yaml.too_deep", limit=MAX_DEPTH), t("yaml.too_deep.hint"))
        if id(node) in self.seen:
            raise self.fail(node, t("yaml.alias"), t("yaml.alias.hint"))
        self.seen.add(id(node))
        if len(self.seen) > MAX_NODES:
            raise self.fail(node, t("yaml.too_many_values"), t("yaml.too_many_values.hint"))
        self.positions.values[loc] = _pos(node)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            self.check_tag(node, _SEQ)
            return [self.build(item, loc + (i,), depth + 1) for i, item in enumerate(node.value)]
        self.check_tag(node, *_SAFE_SCALAR_TAGS)
        return self.scalar(node)

    def mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[str, Any]:
        self.check_tag(node, _MAP)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node, t("yaml.key_not_simple"), t("yaml.key_not_simple.hint"))
            self.check_tag(key_node, *_SAFE_SCALAR_TAGS)
            key = str(self.scalar(key_node))
            if key in result:
                first = self.positions.keys[loc + (key,)]
                raise self.fail(key_node,
                                t("yaml.duplicate_key", key=key, line=first.line + self.line_offset),
                                t("yaml.duplicate_key.hint"))
            self.positions.keys[loc + (key,)] = _pos(key_node)
            result[key] = self.build(value_node, loc + (key,), depth + 1)
        return result

    def check_tag(self, node: yaml.Node, *allowed: str) -> None:
        if node.tag not in allowed:
            raise self.fail(node, t("yaml.tag", tag=node.tag), t("yaml.tag.hint"))

    def scalar(self, node: yaml.ScalarNode) -> Any:
        # Fast paths for the common tags; PyYAML's constructor handles the rare spellings
        # (0x1F, 1_000, 2024-06-30T10:00, .inf, yes/no) the same way it always does.
        tag, text = node.tag, node.value
        if tag == _STR:
            return nfc(text) if not text.isascii() else text
        if tag == _INT and text.isdigit():
            return int(text)
        if tag == _TIMESTAMP and len(text) == 10:
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                pass
        if tag == _NULL:
            return None
        try:
            value = self.scalars.construct_object(node)
        except (ValueError, KeyError, AttributeError, TypeError, yaml.YAMLError):
            # 2024-02-30, 25:00, `!!int abc`: the spelling of a type whose value cannot exist.
            raise self.fail(node, t("yaml.bad_value", text=text[:60]),
                            t("yaml.bad_value.hint")) from None
        return nfc(value) if isinstance(value, str) else value
