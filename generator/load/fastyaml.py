"""The fast path for clean YAML: rapidyaml turns a file into JSON, which pydantic reads in Rust.

A national data set is 21,000 club files. PyYAML's C loader still resolves every scalar in
Python and spends ~4 ms on a 4 KB file; rapidyaml (C++) parses it and emits JSON in ~0.2 ms,
and `Model.model_validate_json` checks that JSON in ~0.15 ms without building Python values
first. No positions are kept: a file that turns out to have any problem is read again by the
careful loader in yamlfile.py, which knows lines and columns and words the complaint.

The two paths must accept the same files with the same values, so this one *declines* (returns
None) whenever it cannot vouch for that: on YAML features a club file does not need (anchors,
tags, flow collections, block scalars, directives, several documents, tabs, control
characters), on duplicate keys and on parse errors. One difference is left to the reader of the
JSON: JSON drops quotes, so `2024-06-30` and `"2024-06-30"` both arrive as text, where YAML 1.1
makes the first a date. Dates, numbers and booleans are read from text by pydantic anyway; a
field that must stay text asks `OtherTypeCheck` (see model/club.py's `Text`).
tests/test_fastyaml.py feeds both paths the same files, valid and mangled, to hold this.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import ryml
import yaml

# Features outside what a club file needs, where the two parsers' rules could differ. Blunt on
# purpose: a false alarm only costs a few milliseconds on the careful path. Tested on the UTF-8
# bytes with `in` and `translate`, which run at memory speed, unlike a regular expression.
_UNSUPPORTED_BYTES = (
    b"\t&*!|>{}[]\\@`?%<"  # tabs; anchors, aliases, tags, block and flow styles, merge keys
    + bytes(range(0, 9)) + b"\x0b\x0c" + bytes(range(14, 32)) + b"\x7f"  # control characters
    + b"\xc2"  # lead byte of U+0080-U+00BF: C1 controls, no-break space (and, bluntly, ° « »)
    + b"\xef"  # lead byte of U+F000-U+FFFF: a byte order mark inside the text
)
_UNSUPPORTED_RUNS = (
    b"\xe2\x80\xa8", b"\xe2\x80\xa9",  # line and paragraph separators
    b"\n---", b"\n...", b"- -", b"-  -",  # document markers, `- - item`
    b"\n" + b" " * 30,  # deep indentation, which alone keeps nesting far below the careful limit
    b"\nprivate:",  # free-form notes: YAML 1.1 gives their keys and values types no model checks
)
MAX_FAST_BYTES = 200_000  # larger files are never club records; the careful path judges them

_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers


@dataclass(frozen=True)
class FastJson:
    text: str  # JSON of the YAML file's top-level mapping
    keys: int  # how many keys it holds, counting a repeated key each time


def yaml_to_json(text: str) -> FastJson | None:
    """JSON for YAML text (NFC) whose top level is a mapping, or None to decline."""
    raw = text.encode("utf-8")
    if (len(raw) > MAX_FAST_BYTES or raw.startswith((b"---", b"..."))
            or len(raw.translate(None, _UNSUPPORTED_BYTES)) != len(raw)
            or any(run in raw for run in _UNSUPPORTED_RUNS)
            or b"\r" in raw and raw.count(b"\r") != raw.count(b"\r\n")):  # a lone CR breaks lines
        return None
    buffer = bytearray(raw)  # the tree points into it: it must outlive emit_json
    try:
        with _quiet_stderr():
            emitted = ryml.emit_json(ryml.parse_in_place(buffer))
    except ryml.ExceptionBasic:
        return None
    if not emitted or not emitted.startswith("{"):  # empty, a list or a single value
        return None
    # rapidyaml keeps both copies of a repeated key, and a JSON reader keeps the last in silence,
    # where the careful loader calls it an error. So the reader counts the keys it ends up with
    # against this count. Every key is followed by `": `; inside a string a quote is escaped,
    # and the source has no backslashes (refused above) to make `\\": ` ambiguous.
    return FastJson(emitted, emitted.count('": ') - emitted.count('\\": '))


class OtherTypeCheck:
    """Would YAML 1.1 read a text value of this file as a number, date, boolean or null?

    Called as check(value): True unless the value is plainly text, or appears in the file only
    inside quotes. first_characters lets a caller skip the call for most values.
    """

    first_characters = frozenset(_RESOLVERS)  # a value starting otherwise is always text

    def __init__(self, text: str):
        self.text = text

    def __call__(self, value: str) -> bool:
        text = self.text
        if not _implicit(value):
            return False
        quoted = f'"{value}"' in text or f"'{value}'" in text
        return not quoted or _plain_somewhere(value, text)


def _implicit(value: str) -> bool:
    return any(pattern.match(value) for _, pattern in _RESOLVERS.get(value[:1], ()))


def _plain_somewhere(value: str, text: str) -> bool:
    # The same spelling both quoted and plain in one file: too close to call, so say yes and let
    # the careful path decide.
    return text.count(value) > text.count(f'"{value}"') + text.count(f"'{value}'")


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """rapidyaml prints its parse errors to file descriptor 2; users get ours instead."""
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all: nothing to silence
        yield
        return
    try:
        os.dup2(_devnull(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


@lru_cache(maxsize=1)
def _devnull() -> int:
    return os.open(os.devnull, os.O_WRONLY)
