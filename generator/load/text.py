"""Vietnamese text helpers: NFC normalisation, diacritic folding, slugs."""

from __future__ import annotations

import re
import unicodedata

# Old-style tone placement (hoà, khoẻ, thuý) and new-style (hòa, khỏe, thúy) are both correct
# Vietnamese but compare unequal; folding removes marks so search and sorting treat them alike.
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    """Return text in Unicode NFC, the one form the project stores and compares."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case text with all diacritics removed: "Sức khỏe" -> "suc khoe"."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d")


def slugify(text: str) -> str:
    """ASCII slug for file names and URLs: "Hải Phòng" -> "hai-phong"."""
    return _NON_SLUG.sub("-", fold(text)).strip("-")


def sort_key(text: str) -> tuple[str, str]:
    """Sort Vietnamese names by their letters first, marks second."""
    return (fold(text), nfc(text))
