"""The column table: every column of the club workbook, what it holds and where it goes.

The template, the export and the import all read this table, so a header, a field and a type
are named once. Two sheets carry data:

- "CLB": one row per club, the fields that do not change year by year;
- "Số liệu năm": one row per club and year, the counts the club reports each year (members,
  activities, funds and loans at year end, rating).

A row of the yearly sheet touches four lists of the club file, each matched by its year: a
member count and a fund snapshot (dated; 31/12 of the year when no date is given), the year's
activities and the year's rating. A cell left empty never deletes anything: the file keeps what
it had.

The workbook names its template version in a hidden sheet "ishc". Headers are found by name,
not by position, so a column added in a later version is simply absent from an older workbook
(its cells count as empty). A header renamed in a later version is listed in RENAMED so that
older workbooks are still read; a workbook older than OLDEST_READABLE is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.club import RATING_LEVELS

VERSION = 1  # the template version written now
OLDEST_READABLE = 1  # older workbooks are refused with a message
# version -> {header in that version: header now}, for every version older than VERSION
RENAMED: dict[int, dict[str, str]] = {}

CLUBS_SHEET = "CLB"
YEARS_SHEET = "Số liệu năm"
LISTS_SHEET = "Danh mục"  # hidden: the lists the dropdowns offer
META_SHEET = "ishc"  # hidden: kind and version of the workbook
TRAINING_SHEET = "Tập huấn"
NATIONAL_SHEET = "Tổng hợp toàn quốc"
SUMMARY_PREFIX = "Tổng hợp "  # + province name: one summary sheet per province

KIND_CLUBS = "clubs"  # the workbook kind written in the META_SHEET
KIND_REPORT = "report"

STATUS_LABELS = {"active": "đang hoạt động", "paused": "tạm dừng", "dissolved": "đã giải thể"}
LIST_SEPARATOR = ";"  # between the items of a list in one cell (programmes)


@dataclass(frozen=True)
class Group:
    """A list of records in the club file, one item per year."""

    name: str
    path: tuple[str, ...]  # where the list is in the club record
    by: str  # "date" (item's date, in the row's year) or "year"
    label: str  # what a row of it is, for messages


GROUPS = {
    "members": Group("members", ("members",), "date", "số thành viên"),
    "activities": Group("activities", ("activities", "yearly"), "year", "hoạt động trong năm"),
    "funds": Group("funds", ("funds",), "date", "quỹ cuối năm"),
    "ratings": Group("ratings", ("ratings",), "year", "xếp loại"),
}


@dataclass(frozen=True)
class Column:
    key: str  # stable name, used by the code and the tests
    header: str  # as shown in the workbook
    note: str  # the comment on the header cell
    path: tuple[str, ...]  # in the club record, or in the group's item when group is set
    kind: str  # id, text, int, float, date, year, status, level, list, label (shown, not read)
    group: str | None = None
    dropdown: str | None = None  # province, commune, status, level
    width: int = 14
    required: bool = False  # needed to create a club or a group's item


_MONEY = " Tính bằng đồng, chỉ gõ số, ví dụ 50000000."
_COUNT = " Chỉ gõ số người (số đếm), không ghi tên."

CLUB_COLUMNS: tuple[Column, ...] = (
    Column("id", "Mã CLB", "Tên tệp của CLB trong máy (chữ thường không dấu, nối bằng dấu "
           "gạch ngang), ví dụ an-dong-tu-ky. Không sửa mã của CLB đã có. Để trống khi thêm CLB "
           "mới: ishc tự đặt mã theo thôn và xã.", (), "id", width=24),
    Column("province", "Tỉnh/thành phố", "Tỉnh/thành phố hiện nay (một trong 34 đơn vị sau "
           "ngày 1/7/2025). Chọn trong danh sách.", ("place", "province"), "text",
           dropdown="province", width=16, required=True),
    Column("commune", "Xã/phường", "Xã/phường/đặc khu hiện nay, thuộc tỉnh ở cột bên trái. "
           "Chọn tỉnh trước, rồi chọn xã trong danh sách.", ("place", "commune"), "text",
           dropdown="commune", width=22, required=True),
    Column("village", "Thôn/xóm/tổ dân phố", "Thôn, xóm, tổ dân phố nơi CLB sinh hoạt.",
           ("place", "village"), "text", width=18),
    Column("name", "Tên CLB", "Tên đầy đủ, ví dụ: CLB Liên thế hệ Tự giúp nhau thôn An Đông.",
           ("name",), "text", width=40, required=True),
    Column("founded", "Ngày thành lập", "Ngày ra mắt CLB, dạng ngày/tháng/năm, ví dụ 10/09/2019.",
           ("founded",), "date", width=14, required=True),
    Column("status", "Tình trạng", "Đang hoạt động, tạm dừng hoặc đã giải thể. Chọn trong danh "
           "sách.", ("status",), "status", dropdown="status", width=16),
    Column("dissolved", "Ngày giải thể", "Chỉ điền khi CLB đã giải thể (ngày/tháng/năm).",
           ("dissolved",), "date", width=14),
    Column("programmes", "Chương trình, dự án", "Chương trình hoặc dự án hỗ trợ CLB; nhiều "
           "mục thì ngăn cách bằng dấu chấm phẩy, ví dụ: VIE085; QĐ 1533.", ("programmes",),
           "list", width=18),
    Column("former_province", "Tỉnh cũ", "Tỉnh trước ngày 1/7/2025, nếu khác tỉnh hiện nay.",
           ("place", "former", "province"), "text", width=14),
    Column("former_district", "Huyện cũ", "Huyện/quận/thị xã trước ngày 1/7/2025.",
           ("place", "former", "district"), "text", width=16),
    Column("former_commune", "Xã cũ", "Xã/phường/thị trấn trước ngày 1/7/2025.",
           ("place", "former", "commune"), "text", width=16),
    Column("organisation", "Tổ chức liên hệ", "Tổ chức liên hệ công khai, ví dụ Hội Người cao "
           "tuổi xã. Không ghi số điện thoại cá nhân.", ("contact", "organisation"), "text",
           width=28),
    Column("board", "Số người Ban Chủ nhiệm", "Số thành viên Ban Chủ nhiệm hiện nay.",
           ("board", "size"), "int"),
    Column("board_women", "Nữ trong Ban Chủ nhiệm", "Số nữ trong Ban Chủ nhiệm; không lớn hơn "
           "số người Ban Chủ nhiệm.", ("board", "women"), "int"),
    Column("volunteers", "Tình nguyện viên chăm sóc tại nhà", "Số tình nguyện viên chăm sóc "
           "tại nhà hiện có." + _COUNT, ("volunteers", "home_care"), "int"),
    Column("cared_for", "Người được chăm sóc tại nhà", "Số người đang được tình nguyện viên "
           "chăm sóc tại nhà." + _COUNT, ("volunteers", "cared_for"), "int"),
)

YEAR_COLUMNS: tuple[Column, ...] = (
    Column("id", "Mã CLB", "Mã CLB như ở trang tính CLB. Mỗi dòng là số liệu một năm của một "
           "CLB.", (), "id", width=24),
    Column("name", "Tên CLB", "Chỉ để dễ đọc; ishc không đọc cột này (tên sửa ở trang tính "
           "CLB).", (), "label", width=36),
    Column("year", "Năm", "Năm của số liệu, ví dụ 2025.", (), "year", width=8),
    Column("members.date", "Ngày đếm thành viên", "Ngày đếm số thành viên (ngày/tháng/năm); để "
           "trống là ngày 31/12 của năm.", ("date",), "date", "members"),
    Column("members.total", "Tổng số thành viên", "Tổng số thành viên vào ngày đếm." + _COUNT,
           ("total",), "int", "members", required=True),
    Column("members.women", "Số thành viên nữ", "Số thành viên là nữ; không lớn hơn tổng số.",
           ("women",), "int", "members"),
    Column("members.older", "Thành viên từ 60 tuổi", "Số thành viên từ 60 tuổi trở lên.",
           ("older",), "int", "members"),
    Column("members.poor", "Thành viên hộ nghèo, cận nghèo", "Số thành viên thuộc hộ nghèo "
           "hoặc cận nghèo.", ("poor",), "int", "members"),
    Column("members.disabled", "Thành viên khuyết tật", "Số thành viên là người khuyết tật.",
           ("disabled",), "int", "members"),
    Column("members.ethnic_minority", "Thành viên dân tộc thiểu số", "Số thành viên là người "
           "dân tộc thiểu số.", ("ethnic_minority",), "int", "members"),
    Column("activities.meetings", "Số buổi sinh hoạt", "Số buổi sinh hoạt CLB trong năm.",
           ("meetings",), "int", "activities"),
    Column("activities.attendance", "Số người dự trung bình", "Số người dự trung bình mỗi buổi "
           "sinh hoạt.", ("attendance",), "int", "activities"),
    Column("activities.health_checks", "Lượt kiểm tra sức khỏe", "Lượt đo huyết áp, cân nặng "
           "trong năm.", ("health_checks",), "int", "activities"),
    Column("activities.home_care_visits", "Lượt thăm chăm sóc tại nhà", "Lượt tình nguyện viên "
           "đến thăm, chăm sóc tại nhà trong năm.", ("home_care_visits",), "int", "activities"),
    Column("activities.loans", "Lượt cho vay", "Lượt cho thành viên vay vốn trong năm.",
           ("loans",), "int", "activities"),
    Column("activities.events", "Sự kiện văn hóa, giao lưu", "Số sự kiện văn hóa, thể thao, "
           "giao lưu trong năm.", ("events",), "int", "activities"),
    Column("funds.date", "Ngày chốt quỹ", "Ngày chốt sổ quỹ (ngày/tháng/năm); để trống là ngày "
           "31/12 của năm.", ("date",), "date", "funds"),
    Column("funds.income_fund", "Quỹ tăng thu nhập", "Quỹ tăng thu nhập vào ngày chốt, kể cả "
           "tiền đang cho vay." + _MONEY, ("income_fund",), "int", "funds", width=16),
    Column("funds.operating_fund", "Quỹ hoạt động", "Quỹ hoạt động của CLB vào ngày chốt."
           + _MONEY, ("operating_fund",), "int", "funds", width=16),
    Column("funds.borrowers", "Số người đang vay", "Số thành viên đang vay vốn vào ngày chốt.",
           ("loans_outstanding", "count"), "int", "funds"),
    Column("funds.outstanding", "Dư nợ", "Tổng số tiền thành viên đang vay vào ngày chốt."
           + _MONEY, ("loans_outstanding", "amount"), "int", "funds", width=16),
    Column("funds.borrowers_women", "Người vay là nữ", "Số người đang vay là nữ.",
           ("loans_outstanding", "women"), "int", "funds"),
    Column("funds.overdue", "Nợ quá hạn", "Số tiền vay đã quá hạn mà chưa trả." + _MONEY,
           ("loans_outstanding", "overdue"), "int", "funds", width=16),
    Column("ratings.level", "Xếp loại", "Xếp loại cuối năm: rất mạnh, mạnh, trung bình, yếu. "
           "Chọn trong danh sách.", ("level",), "level", "ratings", dropdown="level",
           required=True),
    Column("ratings.score", "Điểm xếp loại", "Điểm theo bộ chỉ số; số thập phân dùng dấu phẩy, "
           "ví dụ 78,5.", ("score",), "float", "ratings"),
    Column("ratings.indicators", "Bộ chỉ số", "Mã bộ chỉ số dùng để chấm điểm, ví dụ "
           "vie085-mau.", ("indicators",), "text", "ratings", width=16),
)

SHEETS: dict[str, tuple[Column, ...]] = {CLUBS_SHEET: CLUB_COLUMNS, YEARS_SHEET: YEAR_COLUMNS}
LEVELS: tuple[str, ...] = RATING_LEVELS


def column(sheet: str, key: str) -> Column:
    return next(c for c in SHEETS[sheet] if c.key == key)


def group_columns(group: str) -> tuple[Column, ...]:
    return tuple(c for c in YEAR_COLUMNS if c.group == group)


def current_header(header: str, version: int) -> str:
    """A header as this version names it, from a workbook of an older version."""
    for older in range(version, VERSION):
        header = RENAMED.get(older, {}).get(header, header)
    return header
