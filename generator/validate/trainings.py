"""Training records: a known course plan, a current province, dates in order and not to come,
each role counted once."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import PurePosixPath
from typing import Callable

from generator.load.yamlfile import YamlDocument
from generator.messages import t
from generator.model.course import Course
from generator.model.training import Training, TrainingRecord
from generator.problems import Problem
from generator.validate.fields import parse_record


def check_trainings(docs: list[YamlDocument], courses: list[Course], today: dt.date,
                    province_named: Callable, problems: list[Problem]) -> list[Training]:
    """province_named(doc, where, name) -> the Province, or None with a problem added."""
    by_id = {c.id: c for c in courses}
    found = []
    for doc in docs:
        record = parse_record(doc, TrainingRecord, problems=problems)
        if record is None:
            continue
        mine: list[Problem] = []
        course = by_id.get(record.course)
        if course is None:
            close = difflib.get_close_matches(record.course, list(by_id), n=1)
            mine.append(doc.problem(("course",), t("training.unknown_course", id=record.course),
                                    t("hint.did_you_mean", name=close[0]) if close
                                    else t("training.unknown_course.hint")))
        if record.end < record.start:
            mine.append(doc.problem(("end",), t("training.end_before_start")))
        if record.start > today:
            mine.append(doc.problem(("start",), t("training.future")))
        roles = [p.role for p in record.participants]
        mine += [doc.problem(("participants", j, "role"), t("training.role_twice", role=role))
                 for j, role in enumerate(roles) if role in roles[:j]]
        province = province_named(doc, ("province",), record.province, mine)
        problems += mine
        if not mine and course is not None and province is not None:
            found.append(Training(PurePosixPath(doc.path).stem, record, course.meta.kind,
                                  course.meta.title, province.slug, doc.path))
    return sorted(found, key=lambda x: (x.record.start, x.id))
