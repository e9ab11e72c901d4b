"""Reading a workbook (.xlsx) or a CSV file into plain rows, each value with its sheet, row and
column, and every cell turned into the type its column wants.

What people type is taken as meant where that is safe: numbers typed as text ("45",
"1.000.000"), dates as dd/mm/yyyy or as Excel dates, text in NFD or with stray spaces, a CSV
with or without a byte-order mark, separated by commas or semicolons. What cannot be read is a
problem that names the cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.excel.columns import (CLUBS_SHEET, KIND_CLUBS, LEVELS,
                                     LIST_SEPARATOR, META_SHEET, OLDEST_READABLE, SHEETS,
                                     STATUS_LABELS, VERSION, YEARS_SHEET, Column,
                                     current_header)
from generator.load.text import fold, nfc
from generator.messages import t


@dataclass(frozen=True, order=True)
class CellProblem:
    """A problem in a workbook: file, sheet, row and column (row 0: the sheet as a whole)."""

    file: str
    sheet: str
    row: int
    column: str
    message: str
    hint: str = ""
    severity: str = "error"

    def format(self) -> str:
        if self.column:
            where = t("excel.where", file=self.file, sheet=self.sheet, row=self.row,
                      column=self.column)
        elif self.row:
            where = t("excel.where_row", file=self.file, sheet=self.sheet, row=self.row)
        elif self.sheet:
            where = t("excel.where_sheet", file=self.file, sheet=self.sheet)
        else:
            where = self.file
        label = "" if self.severity == "error" else t("output.warning") + ": "
        text = f"{where}: {label}{self.message}"
        return f"{text}\n    → {self.hint}" if self.hint else text


@dataclass
class Row:
    sheet: str
    number: int  # as the spreadsheet numbers it
    values: dict[str, object] = field(default_factory=dict)  # column key -> typed value
    raw: dict[str, object] = field(default_factory=dict)  # column key -> the cell as read
    file: str = ""  # when rows come from several files (yearly reports)
    where: dict[str, int] = field(default_factory=dict)  # column key -> row, in a vertical form


@dataclass
class Book:
    file: str  # as shown in messages
    kind: str
    version: int
    sheets: dict[str, list[Row]] = field(default_factory=dict)
    problems: list[CellProblem] = field(default_factory=list)

    @property
    def errors(self) -> list[CellProblem]:
        return [p for p in self.problems if p.severity == "error"]


class Unreadable(Exception):
    def __init__(self, problem: CellProblem):
        super().__init__(problem.message)
        self.problem = problem


class CellError(ValueError):
    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.hint = hint


# --- Cells to values --------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
_GROUPED = re.compile(r"^\d{1,3}([.,  ]\d{3})+$")  # 1.000.000, 1,000,000, 1 000 000
_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
EXCEL_EPOCH = dt.date(1899, 12, 30)


def clean_text(value: object) -> str:
    """NFC, no-break spaces as spaces, runs of spaces as one, no spaces at either end."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _SPACES.sub(" ", nfc(str(value)).replace("\u00a0", " ")).strip()


def convert(col: Column, value: object) -> object:
    """The cell's value as its column wants it, None when empty, or a CellError."""
    if value is None or (isinstance(value, str) and not clean_text(value)):
        return None
    kind = col.kind
    if kind in ("int", "year"):
        number = whole_number(value)
        if kind == "year" and not 1990 <= number <= 2100:
            raise CellError(t("excel.not_year", value=clean_text(value)))
        return number
    if kind == "float":
        return decimal(value)
    if kind == "date":
        return to_date(value)
    text = clean_text(value)
    if kind == "status":
        return _choice(text, {**{fold(v): k for k, v in STATUS_LABELS.items()},
                              **{k: k for k in STATUS_LABELS}}, STATUS_LABELS.values())
    if kind == "level":
        return _choice(text, {fold(level): level for level in LEVELS}, LEVELS)
    if kind == "list":
        parts = (clean_text(p) for p in re.split(rf"[{LIST_SEPARATOR}\n]", text))
        return [p for p in parts if p]
    return text


def _choice(text: str, known: dict[str, str], shown) -> str:
    found = known.get(fold(text))
    if found is None:
        raise CellError(t("excel.unknown_choice", value=text),
                        t("hint.use_one_of", options=", ".join(shown)))
    return found


def whole_number(value: object) -> int:
    if isinstance(value, bool):
        raise CellError(t("excel.not_number", value=value), t("excel.not_number.hint"))
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise CellError(t("excel.not_whole", value=str(value).replace(".", ",")))
        number = int(value)
    else:
        text = clean_text(value)
        bare = text.replace(" ", "")
        if _GROUPED.match(text):
            bare = re.sub(r"[.,  ]", "", text)
        elif re.fullmatch(r"-?\d+([.,]0+)?", bare):
            bare = re.split(r"[.,]", bare)[0]
        elif re.fullmatch(r"-?\d+[.,]\d+", bare):
            raise CellError(t("excel.not_whole", value=text))
        if not re.fullmatch(r"-?\d+", bare):
            raise CellError(t("excel.not_number", value=text), t("excel.not_number.hint"))
        number = int(bare)
    if number < 0:
        raise CellError(t("excel.negative", value=number))
    return number


def decimal(value: object) -> float:
    if isinstance(value, bool):
        raise CellError(t("excel.not_number", value=value), t("excel.not_number.hint"))
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = clean_text(value).replace(" ", "")
        if re.fullmatch(r"\d+,\d+", text):
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise CellError(t("excel.not_number", value=clean_text(value)),
                            t("excel.not_number.hint")) from None
    if number < 0:
        raise CellError(t("excel.negative", value=clean_text(value)))
    return number


def to_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 100_000:
        return EXCEL_EPOCH + dt.timedelta(days=int(value))  # a date cell without its format
    text = clean_text(value).replace(" ", "")
    try:
        if match := _DATE.match(text):
            day, month, year = map(int, match.groups())
            return dt.date(year, month, day)
        if match := _ISO.match(text):
            year, month, day = map(int, match.groups())
            return dt.date(year, month, day)
    except ValueError:
        pass
    raise CellError(t("excel.not_date", value=clean_text(value)), t("excel.not_date.hint"))


# --- Files to rows ----------------------------------------------------------------------------


def read_book(path: Path, shown: str, wanted: str = KIND_CLUBS) -> Book:
    """Every data row of a club workbook or CSV file, or Unreadable."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path, shown)
    if suffix not in (".xlsx", ".xlsm"):
        raise Unreadable(CellProblem(shown, "", 0, "", t("excel.unsupported_type")))
    book = open_workbook(path, shown)
    try:
        return _read_xlsx(book, shown, wanted)
    finally:
        book.close()  # a read-only workbook keeps its file open until closed


def _read_xlsx(book, shown: str, wanted: str) -> Book:
    kind, version = workbook_kind(book, shown, CLUBS_SHEET)
    if kind != wanted:
        raise Unreadable(CellProblem(shown, "", 0, "", t("excel.wrong_kind",
                                     found=t("excel.kind.report"),
                                     wanted=t("excel.kind.clubs"))))
    result = Book(shown, kind, version)
    for sheet_name, columns in SHEETS.items():
        if sheet_name not in book.sheetnames:
            if sheet_name == CLUBS_SHEET and YEARS_SHEET in book.sheetnames:
                continue
            if sheet_name == YEARS_SHEET:
                continue
            raise Unreadable(CellProblem(shown, sheet_name, 0, "",
                                         t("excel.no_sheet", sheet=sheet_name)))
        rows = [list(r) for r in book[sheet_name].iter_rows(values_only=True)]
        result.sheets[sheet_name] = table_rows(rows, sheet_name, columns, version, result)
    return result


# What a workbook may hold once unpacked (a national export of 21,000 clubs: about 200 MB); a
# file that unpacks to more is refused before it is read (a "zip bomb" sent as a report).
MAX_UNPACKED = 1_000_000_000


def open_workbook(path: Path, shown: str):
    """The workbook, read-only (rows are streamed), or Unreadable."""
    import zipfile

    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(entry.file_size for entry in archive.infolist())
        if unpacked > MAX_UNPACKED:
            raise Unreadable(CellProblem(shown, "", 0, "", t("excel.too_large",
                             size=unpacked // 1_000_000, limit=MAX_UNPACKED // 1_000_000)))
        return load_workbook(path, data_only=True, read_only=True)
    except Unreadable:
        raise
    except Exception as err:  # a damaged file, or not a workbook: openpyxl raises many kinds
        raise Unreadable(CellProblem(shown, "", 0, "", t("excel.unreadable",
                                                         reason=str(err) or type(err).__name__)))


def workbook_kind(book, shown: str, first_sheet: str) -> tuple[str, int]:
    """(kind, version) from the hidden sheet "ishc", or Unreadable: too old, too new, unknown."""
    if META_SHEET not in book.sheetnames:
        sheet = book[first_sheet] if first_sheet in book.sheetnames else book.worksheets[0]
        headers = [clean_text(c) for c in next(sheet.iter_rows(max_row=1, values_only=True), ())
                   if c is not None]
        if "Mã CLB" in headers:  # a workbook rebuilt by hand from the template's headers
            return KIND_CLUBS, VERSION
        raise Unreadable(CellProblem(shown, "", 0, "", t("excel.not_ishc"), t("excel.not_ishc.hint")))
    meta = {clean_text(r[0]): r[1] for r in book[META_SHEET].iter_rows(max_col=2, values_only=True)
            if r and r[0] is not None}
    kind = clean_text(meta.get("kind") or KIND_CLUBS)
    try:
        version = whole_number(meta.get("version"))
    except (CellError, TypeError):
        version = 0
    if version < OLDEST_READABLE:
        raise Unreadable(CellProblem(shown, META_SHEET, 0, "", t("excel.version_old",
                         version=version, oldest=OLDEST_READABLE), t("excel.version_old.hint")))
    if version > VERSION:
        raise Unreadable(CellProblem(shown, META_SHEET, 0, "", t("excel.version_new",
                         version=version, current=VERSION), t("excel.version_new.hint")))
    return kind, version


def _read_csv(path: Path, shown: str) -> Book:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable(CellProblem(shown, "", 0, "", t("excel.csv_encoding"),
                                     t("excel.csv_encoding.hint"))) from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    headers = {clean_text(h) for h in (rows[0] if rows else [])}
    if "Mã CLB" not in headers:
        raise Unreadable(CellProblem(shown, "", 0, "", t("excel.not_ishc"), t("excel.not_ishc.hint")))
    sheet = YEARS_SHEET if "Năm" in headers else CLUBS_SHEET
    book = Book(shown, KIND_CLUBS, VERSION)
    book.sheets[sheet] = table_rows(rows, sheet, SHEETS[sheet], VERSION, book)
    return book


def table_rows(rows: list[list], sheet: str, columns: tuple[Column, ...], version: int,
               book: Book) -> list[Row]:
    """Rows under a header row, each cell converted by the column its header names."""
    if not rows:
        return []
    by_header = {c.header: c for c in columns}
    found: dict[int, Column] = {}
    for index, header in enumerate(rows[0]):
        if header is None or not clean_text(header):
            continue
        name = current_header(clean_text(header), version)
        col = by_header.get(name) or next((c for c in columns if fold(c.header) == fold(name)), None)
        if col is None:
            book.problems.append(CellProblem(book.file, sheet, 1, clean_text(header),
                                             t("excel.unknown_header", header=clean_text(header)),
                                             severity="warning"))
            continue
        found[index] = col
    if not any(c.kind == "id" for c in found.values()):
        id_header = next(c.header for c in columns if c.kind == "id")
        book.problems.append(CellProblem(book.file, sheet, 1, id_header,
                                         t("excel.missing_column", header=id_header)))
        return []
    result = []
    for number, cells in enumerate(rows[1:], 2):
        row = Row(sheet, number)
        for index, col in found.items():
            value = cells[index] if index < len(cells) else None
            if col.kind == "label":
                continue
            try:
                typed = convert(col, value)
            except CellError as err:
                book.problems.append(CellProblem(book.file, sheet, number, col.header, str(err),
                                                 err.hint))
                continue
            if typed is not None:
                row.values[col.key] = typed
                row.raw[col.key] = value
        if row.values or any(row.raw.values()):
            result.append(row)
    return result
