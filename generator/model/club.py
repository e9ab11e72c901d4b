"""The club record: what one `clubs/<province>/<club>.yaml` file holds.

The model checks each value's type and range; checks that compare values (women within total,
dates, places) are in validate/clubs.py, which points at the very field.

Members appear only as counts. Names of board members may be kept under `private`, which no
output ever reads. The same model produces the JSON Schema that editors use to check the files.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, NonNegativeInt,
                      ValidationInfo)

from generator.messages import t
from generator.model.personal import personal_data

Area = Literal["livelihood", "health", "home_care", "self_help", "rights", "learning",
               "culture", "resources"]
Status = Literal["active", "paused", "dissolved"]
RatingLevel = Literal["rất mạnh", "mạnh", "trung bình", "yếu"]

RATING_LEVELS: tuple[str, ...] = ("rất mạnh", "mạnh", "trung bình", "yếu")


# Characters that change how text around them shows without showing themselves: bidirectional
# overrides and isolates (a name that reads backwards, "Trojan Source") and zero-width marks (two
# names that look the same and are not, words the search cannot find).
_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)
_ZERO_WIDTH = (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)
INVISIBLE = {**{chr(c): "model.invisible.bidi" for c in _BIDI},
             **{chr(c): "model.invisible.zero_width" for c in _ZERO_WIDTH}}


def _stays_text(value: str, info: ValidationInfo) -> str:
    # A loader that has lost YAML's quotes (the fast path, load/fastyaml.py) passes a check, so
    # that `name: 2024-06-30` or `village: yes` is judged by the careful loader, which reads
    # such values as a date and a boolean, not as text.
    check = info.context.get("reads_as_other_type") if info.context else None
    if check is not None and value[:1] in check.first_characters and check(value):
        raise ValueError(t("model.reads_as_other_type"))
    return visible(value)


class Explained(ValueError):
    """A check's message that comes with its own hint (validate/fields.py shows both)."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


def not_personal(value: str) -> str:
    """value, or an Explained error for the first phone, ID-card number or e-mail in it: text
    fields are published (model/personal.py)."""
    found = personal_data(value)
    if found:
        _, key, datum = found[0]
        raise Explained(t(key, value=datum), t("personal.hint"))
    return value


def visible(value: str) -> str:
    """value, or a ValueError naming the first invisible control character in it."""
    for position, character in enumerate(value, 1):
        if character in INVISIBLE:
            raise ValueError(t("model.invisible", code=f"U+{ord(character):04X}", position=position,
                               kind=t(INVISIBLE[character])))
    return value


Text = Annotated[str, AfterValidator(_stays_text), AfterValidator(not_personal)]
# The association's public contact (an office phone, an address): text, but not scanned for
# personal data.
ContactText = Annotated[str, AfterValidator(_stays_text)]


class Record(BaseModel):
    """Strict records: an unknown field is a typo until proven otherwise."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class FormerPlace(Record):
    province: Text | None = Field(None, description="Tỉnh cũ (trước 1/7/2025)")
    district: Text | None = Field(None, description="Huyện/quận/thị xã cũ")
    commune: Text | None = Field(None, description="Xã/phường/thị trấn cũ")


class Place(Record):
    province: Text = Field(description="Tỉnh/thành phố hiện nay (một trong 34 đơn vị)")
    commune: Text = Field(description="Xã/phường/đặc khu hiện nay")
    village: Text | None = Field(None, description="Thôn, xóm, tổ dân phố")
    former: FormerPlace | None = Field(None, description="Địa danh trước ngày 1/7/2025")


class SeedCapital(Record):
    funder: Text = Field(description="Nguồn hỗ trợ vốn ban đầu")
    amount: NonNegativeInt = Field(description="Số tiền, đồng")
    year: int | None = None


class MemberCount(Record):
    """Aggregate counts on one date; never names."""

    date: dt.date
    total: NonNegativeInt
    women: NonNegativeInt | None = None
    older: NonNegativeInt | None = Field(None, description="Thành viên từ 60 tuổi trở lên")
    poor: NonNegativeInt | None = Field(None, description="Thành viên thuộc hộ nghèo, cận nghèo")
    disabled: NonNegativeInt | None = Field(None, description="Người khuyết tật")
    ethnic_minority: NonNegativeInt | None = Field(None, description="Người dân tộc thiểu số")


class Board(Record):
    size: NonNegativeInt
    women: NonNegativeInt | None = None
    roles: list[Text] = Field(default_factory=list, description="Chức danh, ví dụ: Chủ nhiệm")


class Volunteers(Record):
    home_care: NonNegativeInt | None = Field(None, description="Tình nguyện viên chăm sóc tại nhà")
    cared_for: NonNegativeInt | None = Field(None, description="Người được chăm sóc tại nhà")


class YearActivities(Record):
    year: int
    meetings: NonNegativeInt | None = Field(None, description="Số buổi sinh hoạt trong năm")
    attendance: NonNegativeInt | None = Field(None, description="Số người dự trung bình mỗi buổi")
    health_checks: NonNegativeInt | None = Field(None, description="Lượt đo huyết áp, cân nặng")
    home_care_visits: NonNegativeInt | None = Field(None, description="Lượt thăm chăm sóc tại nhà")
    loans: NonNegativeInt | None = Field(None, description="Lượt cho vay trong năm")
    events: NonNegativeInt | None = Field(None, description="Sự kiện văn hóa, giao lưu")


class Activities(Record):
    areas: list[Area] = Field(default_factory=list, description="Các mảng đang hoạt động")
    yearly: list[YearActivities] = Field(default_factory=list)


class Loans(Record):
    count: NonNegativeInt = Field(description="Số người đang vay")
    amount: NonNegativeInt = Field(description="Dư nợ, đồng")
    women: NonNegativeInt | None = Field(None, description="Số người vay là nữ")
    overdue: NonNegativeInt | None = Field(None, description="Nợ quá hạn, đồng")


class FundSnapshot(Record):
    date: dt.date
    income_fund: NonNegativeInt | None = Field(None, description="Quỹ tăng thu nhập, đồng")
    operating_fund: NonNegativeInt | None = Field(None, description="Quỹ hoạt động, đồng")
    loans_outstanding: Loans | None = None


class Rating(Record):
    year: int
    level: RatingLevel
    score: float | None = Field(None, ge=0)
    indicators: Text | None = Field(None, description="Bộ chỉ số dùng để chấm")


class Contact(Record):
    organisation: ContactText = Field(description="Tổ chức liên hệ công khai, ví dụ Hội NCT xã")
    phone: ContactText | None = Field(None, description="Điện thoại văn phòng Hội, không phải của thành viên")
    email: ContactText | None = None


class Photo(Record):
    file: Text
    caption: Text
    consent: bool = Field(description="Đã có đồng ý bằng văn bản của người trong ảnh")


class Club(Record):
    """One club. The id is the file name; the province folder must match place.province."""

    name: Text
    founded: dt.date
    status: Status = "active"
    dissolved: dt.date | None = None
    programmes: list[Text] = Field(default_factory=list)
    seed_capital: list[SeedCapital] = Field(default_factory=list)
    place: Place
    contact: Contact | None = None
    members: list[MemberCount] = Field(default_factory=list)
    board: Board | None = None
    volunteers: Volunteers | None = None
    activities: Activities | None = None
    funds: list[FundSnapshot] = Field(default_factory=list)
    ratings: list[Rating] = Field(default_factory=list)
    stories: list[Text] = Field(default_factory=list)
    photos: list[Photo] = Field(default_factory=list)
    private: dict | None = Field(None, description="Ghi chú nội bộ; không bao giờ được công bố")

    @property
    def latest_members(self) -> MemberCount | None:
        return max(self.members, key=lambda m: m.date) if self.members else None

    @property
    def latest_funds(self) -> FundSnapshot | None:
        return max(self.funds, key=lambda f: f.date) if self.funds else None

    @property
    def latest_rating(self) -> Rating | None:
        return max(self.ratings, key=lambda r: r.year) if self.ratings else None
