"""Personal data that must not be published: phone numbers, ID-card numbers, e-mail addresses.

Clubs publish counts, never people (DOMAIN.md): a member's phone number or citizen ID typed into
a club's name, a caption or a story would reach the site, the search index and the handbooks.
Found in any public field or text, it is an error at its line. The one public contact a club
file has — the association's office under `contact` — is its own field and is not scanned.
"""

from __future__ import annotations

import re

# Vietnamese numbers as people write them: mobiles 0912 345 678 / 0912.345.678 / 0912345678,
# landlines 024 3826 1234, or with +84. Digits come in these groups, which a row of figures in
# a table ("0 1.000.000 0 0 0") never forms.
_SEP = r"[\s.\-]?"
_PHONE = re.compile(r"(?<![\d/])(?<!\d[.,])(?:\+\s?84" + _SEP + r"|0)"
                    r"(?:\d{3}" + _SEP + r"\d{3}" + _SEP + r"\d{3,4}|\d{2}" + _SEP + r"\d{3,4}"
                    + _SEP + r"\d{4})(?![\d/]|[.,\-]\d)")
# The 12-digit citizen ID (căn cước công dân); 9-digit old IDs look like too many other numbers.
_ID_CARD = re.compile(r"(?<![\d/])(?<!\d[.,])\d{12}(?![\d/]|[.,\-]\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

KINDS = (("personal.phone", _PHONE), ("personal.id_card", _ID_CARD), ("personal.email", _EMAIL))
_DIGIT = re.compile(r"\d")


def personal_data(text: str) -> list[tuple[int, str, str]]:
    """(1-based line, message key, the text found) for each personal datum in text.

    Called for every text field of every club (some 300,000 in a national check): a text with
    no digit holds no number, one with no "@" no address, and most names have neither.
    """
    numbers, at = _DIGIT.search(text) is not None, "@" in text
    found = []
    for key, pattern in KINDS:
        if (at if pattern is _EMAIL else numbers):
            for match in pattern.finditer(text):
                found.append((text.count("\n", 0, match.start()) + 1, key, match.group(0)))
    return sorted(found)
