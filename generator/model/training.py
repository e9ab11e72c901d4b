"""Delivered courses (content/trainings/*.yaml): who was trained, counted, never named.

A record says which course plan was followed, when, where and by whom, and how many people
took part by role and sex, with the class's average test scores before and after when they were
recorded. Names of participants stay on the paper attendance sheet at the association.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from pydantic import Field, NonNegativeInt, PositiveInt, model_validator

from generator.messages import t
from generator.model.club import Record, Text

Role = Literal["board", "association", "volunteer", "other"]
ROLES: dict[str, str] = {"board": "Ban Chủ nhiệm CLB", "association": "Cán bộ Hội NCT",
                         "volunteer": "Tình nguyện viên", "other": "Khác"}


class Participants(Record):
    role: Role
    women: NonNegativeInt
    men: NonNegativeInt

    @property
    def total(self) -> int:
        return self.women + self.men


class TestScores(Record):
    """The class's average scores on the course's knowledge test (course pack), out of
    `questions`."""

    questions: PositiveInt
    pre: float = Field(ge=0, description="Điểm trung bình đầu khóa")
    post: float = Field(ge=0, description="Điểm trung bình cuối khóa")

    @model_validator(mode="after")
    def _within(self) -> TestScores:
        if max(self.pre, self.post) > self.questions:
            raise ValueError(t("training.score_over", questions=self.questions))
        return self


class TrainingRecord(Record):
    course: str = Field(description="Mã khóa học đã theo (tên tệp trong content/courses/)")
    start: dt.date
    end: dt.date
    province: Text = Field(description="Tỉnh, thành phố hiện nay nơi mở lớp")
    place: Text = Field(description="Nơi học, ví dụ Hội trường UBND xã")
    organiser: Text = Field(description="Đơn vị tổ chức, ví dụ Hội NCT tỉnh")
    trainers: PositiveInt = Field(description="Số giảng viên")
    participants: list[Participants] = Field(min_length=1)
    test: TestScores | None = None
    example: bool = Field(False, description="Hồ sơ minh họa, không phải lớp có thật")

    def count(self, role: str) -> tuple[int, int]:
        """(women, men) of a role."""
        for p in self.participants:
            if p.role == role:
                return p.women, p.men
        return 0, 0

    @property
    def people(self) -> int:
        return sum(p.total for p in self.participants)


@dataclass(frozen=True)
class Training:
    """A checked record with what it refers to resolved."""

    id: str  # its file name
    record: TrainingRecord
    kind: str  # the course's kind: initial, refresher, trainers
    course_title: str
    province: str  # slug
    path: str
