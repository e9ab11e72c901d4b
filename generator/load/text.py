"""Vietnamese text helpers: NFC normalisation, diacritic folding, slugs."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Old-style tone placement (hoà, khoẻ, thuý) and new-style (hòa, khỏe, thúy) are both correct
# Vietnamese but compare unequal; folding removes marks so search and sorting treat them alike.
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    """Return text in Unicode NFC, the one form the project stores and compares."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case text with all diacritics removed: "Sức khỏe" -> "suc khoe"."""
    folded = text.lower().translate(_fold_table())
    if folded.isascii():
        return folded
    return _fold_slowly(folded)  # beyond the table: other scripts, dashes, symbols


def _fold_slowly(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("đ", "d")


# Latin letters with marks (Latin-1, Extended-A and -B, Extended Additional: all of Vietnamese)
# and the combining marks themselves.
_TABLE_RANGES = (range(0x80, 0x250), range(0x300, 0x370), range(0x1E00, 0x1F00))


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Each Latin character that folding changes, and what it becomes.

    The same as decomposing a whole text (NFD) and dropping its marks, which per character and
    in Python cost a second for 21,000 club names; str.translate does it in C.
    """
    table = {}
    for code in (c for r in _TABLE_RANGES for c in r):
        char = chr(code)
        bare = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        if bare != char:
            table[code] = bare
    table[ord("đ")] = "d"
    return table


WORD = re.compile(r"[a-z0-9]+")  # a word of folded text


def folded_words(text: str) -> list[str]:
    """The words of text as search compares them: "Sức khỏe, Hà Nội" -> suc, khoe, ha, noi."""
    return WORD.findall(fold(text))


def slugify(text: str) -> str:
    """ASCII slug for file names and URLs: "Hải Phòng" -> "hai-phong"."""
    return _NON_SLUG.sub("-", fold(text)).strip("-")


def sort_key(text: str) -> tuple[str, str]:
    """Sort Vietnamese names by their letters first, marks second."""
    return (fold(text), nfc(text))


_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


@lru_cache(maxsize=65_536)  # place names repeat: every club of a commune has the same
def name_key(text: str) -> str:
    """Compare place names the way people read them: case, spacing and tone placement aside.

    "Xã Giao Thuỷ" and "Xã Giao Thủy" are one name with the tone mark on a different vowel; the
    key keeps each word's letters and vowel marks and moves its tone to the word's end, so they
    match while "Tân An" and "Tấn An" stay apart.
    """
    words = []
    for word in unicodedata.normalize("NFD", text.lower()).split():
        tones = "".join(c for c in word if c in _TONES)
        words.append("".join(c for c in word if c not in _TONES) + tones)
    return " ".join(words)
