"""People trained: training records summed for the nation and per province, as the dashboards
count them against the VIE085 and Decision 1648 targets."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.training import Training


@dataclass
class Trained:
    courses: int = 0
    trainer_courses: int = 0  # training-of-trainers courses held
    board_women: int = 0
    board_men: int = 0
    staff_women: int = 0  # association staff
    staff_men: int = 0
    volunteers: int = 0
    others: int = 0
    board_by_year: dict[int, int] = field(default_factory=dict)  # board members trained, any course
    tested: int = 0  # people in classes whose test averages were recorded
    pre_points: float = 0.0  # sum over those people of their class's average, in % of the test
    post_points: float = 0.0

    @property
    def board(self) -> int:
        return self.board_women + self.board_men

    @property
    def staff(self) -> int:
        return self.staff_women + self.staff_men

    @property
    def people(self) -> int:
        return self.board + self.staff + self.volunteers + self.others

    @property
    def pre(self) -> float | None:
        """The average score before the courses, in % of the test, weighted by class size."""
        return self.pre_points / self.tested if self.tested else None

    @property
    def post(self) -> float | None:
        return self.post_points / self.tested if self.tested else None

    def add(self, training: Training) -> None:
        record = training.record
        self.courses += 1
        self.trainer_courses += training.kind == "trainers"
        women, men = record.count("board")
        self.board_women += women
        self.board_men += men
        year = record.start.year
        self.board_by_year[year] = self.board_by_year.get(year, 0) + women + men
        women, men = record.count("association")
        self.staff_women += women
        self.staff_men += men
        self.volunteers += sum(record.count("volunteer"))
        self.others += sum(record.count("other"))
        if record.test:
            self.tested += record.people
            self.pre_points += record.people * 100 * record.test.pre / record.test.questions
            self.post_points += record.people * 100 * record.test.post / record.test.questions


def trained(trainings: list[Training]) -> tuple[Trained, dict[str, Trained]]:
    """(the nation, each province by slug)."""
    national, provinces = Trained(), {}
    for training in trainings:
        national.add(training)
        provinces.setdefault(training.province, Trained()).add(training)
    return national, provinces
