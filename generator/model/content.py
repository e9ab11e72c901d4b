"""Training content: material sets, modules, activity areas, glossary, stories and pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import Field, PositiveInt, field_validator, model_validator

from generator.formatting import citation as citation_text
from generator.messages import t
from generator.model.club import Area, Club, Explained, Photo, RatingLevel, Record, Text

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


class QuizQuestion(Record):
    """A multiple-choice question with four options (true/false would let guessing score half)."""

    question: Text
    options: list[Text] = Field(min_length=4, max_length=4)
    answer: Literal["A", "B", "C", "D"] = Field(description="Phương án đúng")

    @field_validator("options")
    @classmethod
    def _distinct(cls, options: list[str]) -> list[str]:
        if len({o.casefold() for o in options}) != len(options):
            raise ValueError(t("quiz.same_option"))
        return options

    @property
    def correct(self) -> str:
        return self.options["ABCD".index(self.answer)]


SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Citation(Record):
    """One item of a module's `sources:`: a key of content/sources.yaml, and where in it.

    Written either as the bare key (`luat-nct-2009`) or as `{key: blds-2015, at: "Điều 468"}`.
    The key is checked against the registry by validation, which names the closest keys."""

    key: str = Field(min_length=1)
    at: Text | None = Field(None, description="Điều, chương, trang… của nguồn mà bài dựa vào")

    @model_validator(mode="before")
    @classmethod
    def _bare_key(cls, value: object) -> object:
        return {"key": value} if isinstance(value, str) else value


class SourceInfo(Record):
    """One entry of content/sources.yaml: a document the modules cite."""

    issuer: Text = Field(description="Cơ quan, tổ chức hoặc tác giả ban hành")
    title: Text = Field(description="Tên văn bản, tài liệu hoặc bài viết")
    number: str | None = Field(None, description="Số, ký hiệu: 39/2009/QH12, 1648/QĐ-TTg")
    date: dt.date | int | None = Field(
        None, description="Ngày ban hành (năm-tháng-ngày) hoặc chỉ năm khi không rõ ngày")
    where: Text | None = Field(
        None, description="Nơi tìm: Công báo, cổng thông tin, nhà xuất bản, địa chỉ web")
    note: Text | None = Field(None, description="Ghi chú ngắn: hiệu lực, tình trạng, phạm vi")

    @property
    def year(self) -> int | None:
        return self.date.year if isinstance(self.date, dt.date) else self.date


class SourceList(Record):
    """content/sources.yaml: every document the modules cite, under a short key."""

    sources: dict[Annotated[str, Field(pattern=SLUG)], SourceInfo]


class ModuleMeta(Record):
    """The front matter of content/modules/<id>.md"""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: Text
    title_en: str
    sets: list[PositiveInt] = Field(min_length=1)
    areas: list[Area]
    audience: list[AudienceId] = Field(min_length=1)
    duration: PositiveInt = Field(description="Phút")
    core: list[PositiveInt] | None = Field(
        None, description="Các bước của kế hoạch buổi học giữ lại khi thiếu thời gian (60–90 phút)")
    objectives: list[str] = Field(min_length=1)
    materials: list[str]
    key_messages: list[str] = Field(min_length=1)
    quiz: list[QuizQuestion] = Field(
        default_factory=list, description="Câu hỏi trắc nghiệm cho bài kiểm tra đầu và cuối khóa")
    summary_en: str
    sources: list[Citation] = Field(
        min_length=1, description="Khóa trong content/sources.yaml, có thể kèm 'at' (điều, trang)")


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


Provenance = Literal["illustrative", "sourced"]


class StoryMeta(Record):
    """The front matter of content/stories/<id>.md.

    Every story says where it comes from, in exactly one way: `illustrative: true` (an example
    written for the handbooks: people and figures are fictional, and every page showing it says
    so) or `source:` (where it was published; printed under the story). A story with neither or
    both is refused."""

    title: Text
    date: dt.date
    club: str | None = Field(None, description="Mã CLB (tên tệp) mà câu chuyện kể về")
    province: str | None = None
    summary: Text
    consent: bool = Field(description="Người được nêu tên/ảnh đã đồng ý công bố")
    areas: list[Area] = Field(default_factory=list, description="Mảng hoạt động câu chuyện kể về")
    photo: Photo | None = Field(None, description="Ảnh đầu câu chuyện, trong content/photos/")
    illustrative: bool = Field(False, description="Câu chuyện minh họa: nhân vật và số liệu "
                                                  "là giả định (không ghi cùng source)")
    source: Text | None = Field(None, min_length=1, description="Nơi câu chuyện đã được công bố: "
                                "báo, tạp chí, trang web, số, ngày (không ghi cùng illustrative)")

    @model_validator(mode="after")
    def _one_provenance(self) -> StoryMeta:
        if self.illustrative and self.source:
            raise Explained(t("story.provenance_both"), t("story.provenance.hint"))
        if not self.illustrative and not self.source:
            raise Explained(t("story.provenance_missing"), t("story.provenance.hint"))
        return self

    @property
    def provenance(self) -> Provenance:
        """Where the story comes from: an illustrative example, or a published source."""
        return "illustrative" if self.illustrative else "sourced"


class PageMeta(Record):
    title: Text
    order: int = 100


@dataclass(frozen=True)
class Step:
    """A row of a module's session plan ("Kế hoạch buổi học")."""

    number: int
    minutes: int
    activity: str


# The core of a lesson, kept when a course is short of time (issue: "60-90 minutes").
CORE_MINUTES = (60, 90)


@dataclass(frozen=True)
class Module:
    meta: ModuleMeta
    body: str
    path: str
    body_line: int
    plan: tuple[Step, ...] = ()

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def core_steps(self) -> tuple[Step, ...]:
        """The steps a trainer keeps when time is short: all of them when none are named."""
        if not self.meta.core:
            return self.plan
        return tuple(s for s in self.plan if s.number in self.meta.core)

    @property
    def core_minutes(self) -> int:
        return sum(s.minutes for s in self.core_steps)

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
    courses: list = field(default_factory=list)  # model/course.py Course, by file name
    trainings: list = field(default_factory=list)  # model/training.py Training, oldest first
    sources: dict[str, SourceInfo] = field(default_factory=dict)  # key -> content/sources.yaml

    def cite(self, citation: Citation) -> str:
        """The citation as every page and book prints it (formatting.citation)."""
        return citation_text(self.sources[citation.key], citation.at)

    def citing(self, key: str) -> list[Module]:
        """The modules that cite the source key, in the order of the catalogue's sets."""
        return [m for m in self.modules.values() if any(c.key == key for c in m.meta.sources)]

    def lesson_number(self, module: Module) -> int:
        """The module's number in the first set that teaches it (its chapter in that handbook);
        its figures are numbered "Hình N.M" by it. 0 when no set teaches it."""
        for material_set in sorted(self.catalogue.sets, key=lambda s: s.number):
            if module.id in material_set.modules:
                return material_set.modules.index(module.id) + 1
        return 0

    def set_forms(self, material_set: MaterialSet) -> list[Form]:
        return [f for f in self.forms if material_set.number in f.sets]

    def set_modules(self, material_set: MaterialSet) -> list[Module]:
        return [self.modules[m] for m in material_set.modules]

    def province(self, slug: str) -> Province:
        return next(p for p in self.provinces if p.slug == slug)
