"""Training content: material sets, modules, activity areas, glossary, stories and pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated

from pydantic import Field, PositiveInt

from generator.model.club import Area, Club, Photo, RatingLevel, Record, Text

AudienceId = str
MODULE_SECTIONS = ("Kế hoạch buổi học", "Nội dung chính", "Hoạt động", "Tài liệu phát tay",
                   "Câu hỏi ôn tập")


class AreaInfo(Record):
    id: Area
    vi: Text
    en: str
    summary: Text


class Audience(Record):
    vi: Text
    en: str


class MaterialSet(Record):
    number: PositiveInt
    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: Text
    title_en: str
    audience: list[AudienceId]
    purpose: str
    purpose_en: str
    modules: list[str]


class Catalogue(Record):
    """content/sets.yaml"""

    programme: str | None = Field(None, description="Chương trình, in trên bìa sổ tay")
    audiences: dict[AudienceId, Audience]
    sets: list[MaterialSet]


class ModuleMeta(Record):
    """The front matter of content/modules/<id>.md"""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: Text
    title_en: str
    sets: list[PositiveInt] = Field(min_length=1)
    areas: list[Area]
    audience: list[AudienceId] = Field(min_length=1)
    duration: PositiveInt = Field(description="Phút")
    objectives: list[str] = Field(min_length=1)
    materials: list[str]
    key_messages: list[str] = Field(min_length=1)
    summary_en: str
    sources: list[str] = Field(min_length=1)


class GlossaryTerm(Record):
    vi: Text
    en: str
    short: str | None = None
    definition: str


class AreaList(Record):
    """content/areas.yaml"""

    areas: list[AreaInfo] = Field(min_length=1)


class ProvincePlan(Record):
    province: str = Field(description="Tỉnh, thành phố hiện nay (một trong 34 đơn vị)")
    source: str = Field(description="Văn bản đặt ra kế hoạch: số, ngày, cơ quan ban hành")
    clubs: dict[int, PositiveInt] = Field(
        min_length=1, description="Năm -> tổng số CLB trong tỉnh theo kế hoạch đến cuối năm đó")


class Plans(Record):
    """content/plans.yaml: each province's own plan for its number of clubs."""

    plans: list[ProvincePlan] = Field(default_factory=list)


class Glossary(Record):
    """content/glossary.yaml"""

    terms: list[GlossaryTerm]


class IndicatorInfo(Record):
    name: str
    levels: list[str]
    evidence: str


class Band(Record):
    level: RatingLevel
    min: float = Field(ge=0)
    note: str | None = None


class IndicatorSet(Record):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: Text
    scores: list[float] = Field(min_length=2)
    indicators: list[IndicatorInfo] = Field(min_length=1)
    bands: list[Band] = Field(min_length=1)

    @property
    def max_score(self) -> float:
        return max(self.scores) * len(self.indicators)

    def level_for(self, score: float) -> str:
        # Bands are few; checked for 21,000 clubs x 10 years, so no sorting per call.
        best = None
        for band in self.bands:
            if score >= band.min and (best is None or band.min > best.min):
                best = band
        return (best or min(self.bands, key=lambda b: b.min)).level


class IndicatorSets(Record):
    """content/indicators.yaml"""

    sets: list[IndicatorSet]


class Column(Record):
    label: str
    width: float = Field(gt=0, description="Phần trăm bề ngang")


class LabelledRow(Record):
    """A row printed with its label: the label fills the cells before the first named column;
    each named column gets its own cell to write in (a total, a balance), the others are shaded."""

    label: str
    columns: list[str] = Field(min_length=1, description="Nhãn các cột để trống cho người ghi")


class FormTable(Record):
    columns: list[Column] = Field(min_length=1)
    rows: PositiveInt = Field(description="Số dòng trống")
    printed: list[LabelledRow] = Field(
        default_factory=list, description="Dòng in sẵn trên các dòng trống (tồn đầu tháng…)")
    totals: list[LabelledRow] = Field(
        default_factory=list, description="Dòng cộng dưới các dòng trống")

    def index(self, label: str) -> int | None:
        """The position of the column with this label, None when there is none."""
        return next((i for i, c in enumerate(self.columns) if c.label == label), None)

    def row_cells(self, row: LabelledRow) -> tuple[int, list[bool]]:
        """How a labelled row prints: the number of leading columns its label spans, then for
        each later column whether it is open to write in (named by the row) or shaded."""
        named = [i for i in map(self.index, row.columns) if i is not None]
        span = max(min(named, default=len(self.columns) - 1), 1)
        return span, [c.label in row.columns for c in self.columns[span:]]


VoucherPrefix = Annotated[str, Field(pattern=r"^[A-Z]{2,4}$")]


class Voucher(Record):
    """The numbered head of a voucher: the club, the date, and the number with its prefix."""

    prefixes: list[VoucherPrefix] = Field(min_length=1, description="Tiền tố số phiếu: PT, PTV…")


BLOCK_KINDS = ("heading", "fields", "text", "table", "checklist", "indicators", "signatures",
               "voucher")


class FormBlock(Record):
    """Exactly one of the block kinds; `columns` only goes with `fields`."""

    heading: str | None = None
    fields: list[str] | None = None
    columns: PositiveInt = 1
    text: str | None = None
    lines: PositiveInt = Field(3, description="Số dòng để viết khi text chỉ là '……'")
    table: FormTable | None = None
    checklist: list[str] | None = None
    indicators: str | None = None
    signatures: list[str] | None = None
    voucher: Voucher | None = None

    @property
    def kinds(self) -> list[str]:
        """The block kinds set in this block; a valid block has exactly one."""
        return [k for k in BLOCK_KINDS if getattr(self, k) is not None]

    @property
    def kind(self) -> str:
        return self.kinds[0]


class Form(Record):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: Text
    title_en: str
    sets: list[PositiveInt]
    landscape: bool = False
    purpose: str
    blocks: list[FormBlock] = Field(min_length=1)


class Forms(Record):
    """content/forms.yaml"""

    forms: list[Form]


class StoryMeta(Record):
    title: Text
    date: dt.date
    club: str | None = Field(None, description="Mã CLB (tên tệp) mà câu chuyện kể về")
    province: str | None = None
    summary: Text
    consent: bool = Field(description="Người được nêu tên/ảnh đã đồng ý công bố")
    areas: list[Area] = Field(default_factory=list, description="Mảng hoạt động câu chuyện kể về")
    photo: Photo | None = Field(None, description="Ảnh đầu câu chuyện, trong content/photos/")


class PageMeta(Record):
    title: Text
    order: int = 100


@dataclass(frozen=True)
class Module:
    meta: ModuleMeta
    body: str
    path: str
    body_line: int

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def words(self) -> int:
        return len(self.body.split())


@dataclass(frozen=True)
class Story:
    id: str
    meta: StoryMeta
    body: str
    path: str
    province: str | None = None  # slug: the club's province, else the one the story names

    @property
    def photo(self) -> Photo | None:
        """The photo to publish: only with the consent of the story and of the photo."""
        photo = self.meta.photo
        return photo if photo and photo.consent and self.meta.consent else None


@dataclass(frozen=True)
class Page:
    name: str
    meta: PageMeta
    body: str
    path: str


@dataclass(frozen=True)
class ClubEntry:
    """A club with where it lives in the tree."""

    id: str
    province_slug: str
    path: str
    club: Club
    commune: str = ""  # the official spelling of club.place.commune (pages group by it)

    def __post_init__(self) -> None:
        if not self.commune:
            object.__setattr__(self, "commune", self.club.place.commune)


@dataclass(frozen=True)
class Province:
    name: str
    slug: str
    kind: str
    former: tuple[str, ...]


@dataclass
class Portal:
    """The checked content: everything the written pages and the handbooks read.

    Club records are not kept here: club_stage.py checks and renders each club on its own and
    keeps only a summary (model/directory.py)."""

    provinces: list[Province]
    areas: list[AreaInfo]
    catalogue: Catalogue
    modules: dict[str, Module]
    club_folders: dict[str, str]  # club id -> its province folder (the club's page is there)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    indicator_sets: dict[str, IndicatorSet] = field(default_factory=dict)
    forms: list[Form] = field(default_factory=list)
    plans: dict[str, ProvincePlan] = field(default_factory=dict)  # province slug -> its plan

    def set_forms(self, material_set: MaterialSet) -> list[Form]:
        return [f for f in self.forms if material_set.number in f.sets]

    def set_modules(self, material_set: MaterialSet) -> list[Module]:
        return [self.modules[m] for m in material_set.modules]

    def province(self, slug: str) -> Province:
        return next(p for p in self.provinces if p.slug == slug)
