"""How numbers, money, dates and missing values read in Vietnamese, on the site and in print."""

from __future__ import annotations

import datetime as dt

MISSING = "chưa có số liệu"


def number(value: int | float | None) -> str:
    """12345 -> "12.345" (Vietnamese groups thousands with dots)."""
    if value is None:
        return MISSING
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return f"{int(value):,}".replace(",", ".")


def money(value: int | None) -> str:
    """50000000 -> "50.000.000 ₫"."""
    return MISSING if value is None else f"{number(value)} ₫"


def millions(value: int | None) -> str:
    """50000000 -> "50 triệu đồng"; 1234567 -> "1,2 triệu đồng"."""
    if value is None:
        return MISSING
    return f"{_tenths(value, 1_000_000)} triệu đồng"


def _tenths(value: int, unit: int) -> str:
    """value / unit to one decimal, half up in whole-number arithmetic (no float surprises)."""
    tenths = (value * 10 + unit // 2) // unit
    whole, decimal = divmod(tenths, 10)
    return number(whole) + (f",{decimal}" if decimal else "")


def percent(part: int | float | None, whole: int | float | None) -> str:
    if part is None or not whole:
        return MISSING
    return f"{number(round(100 * part / whole))}%"


def percent_tenths(part: int, whole: int) -> str:
    """69,5% and not 70%: beside a target of 70%, rounding must not seem to meet it."""
    if not whole:
        return MISSING
    return f"{_tenths(1000 * part, 10 * whole)}%"


def date(value: dt.date | None) -> str:
    return MISSING if value is None else f"{value.day:02d}/{value.month:02d}/{value.year}"


def citation(source, at: str | None = None) -> str:
    """A source of content/sources.yaml (model.content.SourceInfo) as every page and handbook
    prints it: "Quốc hội (2009). Luật Người cao tuổi, số 39/2009/QH12, ngày 23/11/2009 (hiệu
    lực từ 01/7/2010). Điều 3. Công báo; vbpl.vn." Issuer and year first, so a reader finds it
    in a list; the place cited (`at`) before where to find the document."""
    exact = isinstance(source.date, dt.date)
    year = source.date.year if exact else source.date
    head = f"{source.issuer} ({year})" if year else source.issuer
    title = source.title
    if source.number:
        title += f", số {source.number}"
    if exact:
        # As Vietnamese legal texts write it (ngày 01/8/2025), not the padded date of tables.
        title += f", ngày {source.date.day:02d}/{source.date.month}/{source.date.year}"
    if source.note:
        title += f" ({source.note})"
    return " ".join(_sentence(part) for part in (head, title, at, source.where) if part)


def _sentence(text: str) -> str:
    """text ending with a full stop (not doubled after one it already has, or after ? or !)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def size(num_bytes: int) -> str:
    """File size for the downloads page: "1,4 MB", "320 KB"."""
    if num_bytes >= 1_000_000:
        return f"{_tenths(num_bytes, 1_000_000)} MB"
    return f"{number(max(1, round(num_bytes / 1000)))} KB"


def number_or_dash(value: int | float | None) -> str:
    """In a table, where "chưa có số liệu" in every empty cell would drown the figures."""
    return "–" if value is None else number(value)


def money_or_dash(value: int | None) -> str:
    return "–" if value is None else money(value)


def or_missing(value: object) -> object:
    return MISSING if value in (None, "", []) else value


FILTERS = {"number": number, "money": money, "millions": millions, "date": date, "percent": percent,
           "citation": citation, "size": size, "or_missing": or_missing, "num": number_or_dash, "vnd": money_or_dash}
