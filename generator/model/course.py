"""Training courses (content/courses/<id>.yaml): days of timed sessions built from modules.

A session is one of four kinds, told apart by the key that names it:

    - {at: "08:30", module: clb-la-gi}                  # the whole module
    - {at: "10:00", module: thanh-lap-clb, path: core}  # its core path (module front matter)
    - {at: "13:30", module: so-quy-tien-mat, steps: [2, 4]}  # named steps of its plan
    - {at: "08:00", item: "Khai mạc, làm quen", minutes: 30, kind: opening}
    - {at: "09:45", break: 15}
    - {at: "11:30", meal: 90}

A module session has no minutes: they come from the module, so they are never typed twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import Field, PositiveInt, field_validator

from generator.messages import t
from generator.model.club import Record, Text
from generator.model.content import Module, QuizQuestion, Step

_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
MAX_TEACHING_MINUTES = 8 * 60  # "no day over 8 teaching hours" (issue #15)


def minutes_of(clock: str) -> int:
    hours, minutes = _CLOCK.match(clock).groups()  # type: ignore[union-attr]
    return int(hours) * 60 + int(minutes)


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class Timed(Record):
    at: str = Field(description="Giờ bắt đầu, dạng 08:30")

    @field_validator("at")
    @classmethod
    def _clock(cls, value: str) -> str:
        if not _CLOCK.match(value):
            raise ValueError(t("course.clock", value=value))
        return value

    @property
    def start(self) -> int:
        return minutes_of(self.at)


class ModuleSession(Timed):
    module: str
    path: Literal["full", "core"] = Field("full", description="full: cả bài; core: phần cốt lõi")
    steps: list[PositiveInt] | None = Field(
        None, description="Chỉ dạy các bước này của kế hoạch buổi học")


class FreeSession(Timed):
    item: Text = Field(description="Tên hoạt động: khai mạc, đi thực tế, đánh giá…")
    minutes: PositiveInt
    kind: Literal["opening", "review", "field_visit", "evaluation", "test", "closing",
                  "other"] = "other"


class Break(Timed):
    break_: PositiveInt = Field(alias="break", description="Giải lao, phút")


class Meal(Timed):
    meal: PositiveInt = Field(description="Nghỉ trưa, phút")


SESSION_KINDS: dict[str, type[Timed]] = {"module": ModuleSession, "item": FreeSession,
                                         "break": Break, "meal": Meal}


class Coverage(Record):
    """What the course must teach: every module of these sets, and these modules."""

    sets: list[PositiveInt] = Field(default_factory=list)
    modules: list[str] = Field(default_factory=list)


class DayPlan(Record):
    title: Text
    start: str = Field(description="Giờ bắt đầu ngày học")
    end: str = Field(description="Giờ kết thúc ngày học")
    sessions: list[dict] = Field(min_length=1)  # each checked as one of SESSION_KINDS

    _clocks = field_validator("start", "end")(Timed._clock.__func__)


class CourseMeta(Record):
    """content/courses/<id>.yaml"""

    title: Text
    kind: Literal["initial", "refresher", "trainers"] = Field(
        description="initial: khóa ban đầu; refresher: bồi dưỡng hằng năm; trainers: đào tạo giảng viên")
    audience: list[str] = Field(min_length=1)
    purpose: Text
    participants: str = Field(description="Số học viên và cách chia nhóm, ví dụ 30–35 người")
    covers: Coverage = Field(default_factory=Coverage)
    test_questions: PositiveInt = Field(
        20, le=40, description="Số câu của bài kiểm tra đầu và cuối khóa (lấy từ quiz của các bài)")
    days: list[DayPlan] = Field(min_length=1)


# --- The checked course, as the site, the pack and `ishc course plan` read it ----------------

@dataclass(frozen=True)
class Lesson:
    """A module session with what it teaches resolved: the steps and their minutes."""

    start: int
    module: Module
    steps: tuple[Step, ...]
    path: str  # "full", "core" or "steps"
    kind = "lesson"  # beside Activity.kind: what a timetable row is

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.steps)


@dataclass(frozen=True)
class Activity:
    start: int
    title: str
    minutes: int
    kind: str  # FreeSession.kind, or "break" / "meal"

    @property
    def teaching(self) -> bool:
        return self.kind not in ("break", "meal")


@dataclass(frozen=True)
class Day:
    title: str
    start: int
    end: int
    sessions: tuple[Lesson | Activity, ...]

    @property
    def teaching_minutes(self) -> int:
        return sum(s.minutes for s in self.sessions
                   if isinstance(s, Lesson) or s.teaching)


@dataclass(frozen=True)
class Course:
    id: str
    meta: CourseMeta
    days: tuple[Day, ...]
    path: str

    @property
    def modules(self) -> list[Module]:
        """The modules taught, in order, each once."""
        seen: dict[str, Module] = {}
        for day in self.days:
            for s in day.sessions:
                if isinstance(s, Lesson):
                    seen.setdefault(s.module.id, s.module)
        return list(seen.values())

    def test(self) -> list[tuple[Module, QuizQuestion]]:
        """The knowledge test given before and after the course (the same, so the gain shows):
        the first question of each module taught, in course order, then the second of each,
        until test_questions are drawn."""
        drawn: list[tuple[Module, QuizQuestion]] = []
        modules = self.modules
        for round_ in range(max((len(m.meta.quiz) for m in modules), default=0)):
            for module in modules:
                if round_ < len(module.meta.quiz) and len(drawn) < self.meta.test_questions:
                    drawn.append((module, module.meta.quiz[round_]))
        order = {m.id: i for i, m in enumerate(modules)}
        return sorted(drawn, key=lambda pair: order[pair[0].id])
