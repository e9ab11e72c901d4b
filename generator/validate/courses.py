"""Courses: each session's kind and module resolved, times that follow each other, days that fit
their hours, and the modules the course promises to cover."""

from __future__ import annotations

import difflib
from pathlib import PurePosixPath

from generator.load.yamlfile import Loc, YamlDocument
from generator.messages import t
from generator.model.content import Catalogue, Module
from generator.model.course import (MAX_TEACHING_MINUTES, SESSION_KINDS, Activity, Break,
                                    Course, CourseMeta, Day, DayPlan, FreeSession, Lesson,
                                    Meal, ModuleSession, clock, minutes_of)
from generator.problems import Problem
from generator.validate.fields import parse_record


def check_courses(docs: list[YamlDocument], modules: dict[str, Module],
                  catalogue: Catalogue | None, problems: list[Problem]) -> list[Course]:
    courses = []
    for doc in docs:
        meta = parse_record(doc, CourseMeta, problems=problems)
        if meta is None:
            continue
        found: list[Problem] = []
        days = tuple(_day(doc, i, day, modules, found) for i, day in enumerate(meta.days))
        found += _audience(doc, meta, catalogue) + _coverage(doc, meta, days, modules, catalogue)
        problems += found
        if not any(p.severity == "error" for p in found):
            courses.append(Course(PurePosixPath(doc.path).stem, meta, days, doc.path))
    return courses


def _day(doc: YamlDocument, i: int, plan: DayPlan, modules: dict[str, Module],
         problems: list[Problem]) -> Day:
    here: Loc = ("days", i)
    sessions = []
    for j, raw in enumerate(plan.sessions):
        session = _session(doc, (*here, "sessions", j), raw, modules, problems)
        if session is not None:
            sessions.append((j, session))
    day = Day(plan.title, minutes_of(plan.start), minutes_of(plan.end),
              tuple(s for _, s in sessions))
    problems += _timing(doc, here, day, sessions)
    return day


def _session(doc: YamlDocument, at: Loc, raw: object, modules: dict[str, Module],
             problems: list[Problem]) -> Lesson | Activity | None:
    kinds = [k for k in SESSION_KINDS if isinstance(raw, dict) and k in raw]
    if len(kinds) != 1:
        problems.append(doc.problem(at, t("course.session_kind"), t("course.session_kind.hint")))
        return None
    record = parse_record(doc, SESSION_KINDS[kinds[0]], data=_without_minutes(raw, kinds[0]),
                          problems=problems, at=at)
    if isinstance(record, ModuleSession):
        return _lesson(doc, at, record, raw, modules, problems)
    if isinstance(record, FreeSession):
        return Activity(record.start, record.item, record.minutes, record.kind)
    if isinstance(record, Break):
        return Activity(record.start, "Giải lao", record.break_, "break")
    if isinstance(record, Meal):
        return Activity(record.start, "Nghỉ trưa", record.meal, "meal")
    return None


def _without_minutes(raw: dict, kind: str) -> dict:
    """A module session's typed minutes are judged against the module (_lesson), not refused
    as an unknown field."""
    return {k: v for k, v in raw.items() if k != "minutes"} if kind == "module" else raw


def _lesson(doc: YamlDocument, at: Loc, record: ModuleSession, raw: dict,
            modules: dict[str, Module], problems: list[Problem]) -> Lesson | None:
    module = modules.get(record.module)
    if module is None:
        close = difflib.get_close_matches(record.module, list(modules), n=1)
        problems.append(doc.problem((*at, "module"), t("course.unknown_module", id=record.module),
                                    t("hint.did_you_mean", name=close[0]) if close
                                    else t("course.unknown_module.hint")))
        return None
    if record.steps is not None:
        if record.path == "core":
            problems.append(doc.problem((*at, "steps"), t("course.steps_and_core")))
            return None
        numbers = [s.number for s in module.plan]
        bad = [(k, n) for k, n in enumerate(record.steps) if n not in numbers]
        for k, number in bad:
            problems.append(doc.problem((*at, "steps", k),
                t("course.unknown_step", step=number, id=module.id),
                t("module.core_step.hint", steps=", ".join(map(str, numbers)))))
        if bad:
            return None
        lesson = Lesson(record.start, module,
                        tuple(s for s in module.plan if s.number in record.steps), "steps")
    elif record.path == "core":
        lesson = Lesson(record.start, module, module.core_steps, "core")
    else:
        lesson = Lesson(record.start, module, module.plan, "full")
    typed = raw.get("minutes")
    if typed is not None:
        key = "course.module_minutes" if typed == lesson.minutes else "course.module_minutes_differ"
        problems.append(doc.problem((*at, "minutes"), t(key, minutes=typed, id=module.id,
                                                        module_minutes=lesson.minutes),
                                    t("course.module_minutes.hint"),
                                    severity="warning" if typed == lesson.minutes else "error"))
    return lesson


def _timing(doc: YamlDocument, here: Loc, day: Day,
            sessions: list[tuple[int, Lesson | Activity]]) -> list[Problem]:
    """Sessions in time order without overlap, inside the day's hours; at most 8 hours taught."""
    problems = []
    previous_end, previous = day.start, None
    for j, session in sessions:
        if session.start < previous_end:
            key, values = (("course.overlap", {"name": _name(previous), "end": clock(previous_end)})
                           if previous is not None else ("course.before_day", {"start": clock(day.start)}))
            problems.append(doc.problem((*here, "sessions", j, "at"),
                t(key, at=clock(session.start), **values), t("course.overlap.hint")))
        previous_end, previous = session.start + session.minutes, session
    if previous_end > day.end:
        problems.append(doc.problem((*here, "end"),
            t("course.day_over", end=clock(day.end), last=clock(previous_end)),
            t("course.day_over.hint")))
    if day.teaching_minutes > MAX_TEACHING_MINUTES:
        problems.append(doc.problem((*here, "title"),
            t("course.too_long", minutes=day.teaching_minutes, limit=MAX_TEACHING_MINUTES),
            t("course.too_long.hint")))
    return problems


def _name(session: Lesson | Activity) -> str:
    return session.module.meta.title if isinstance(session, Lesson) else session.title


def _audience(doc: YamlDocument, meta: CourseMeta, catalogue: Catalogue | None) -> list[Problem]:
    known = catalogue.audiences if catalogue else {}
    return [doc.problem(("audience", j), t("audience.unknown", audience=a),
                        t("hint.use_one_of", options=", ".join(sorted(known))))
            for j, a in enumerate(meta.audience) if known and a not in known]


def _coverage(doc: YamlDocument, meta: CourseMeta, days: tuple[Day, ...],
              modules: dict[str, Module], catalogue: Catalogue | None) -> list[Problem]:
    """Every module of the sets the course declares, and every module it names, is taught."""
    problems = []
    sets = {s.number: s for s in catalogue.sets} if catalogue else {}
    required: list[str] = []
    for j, number in enumerate(meta.covers.sets):
        if number not in sets:
            problems.append(doc.problem(("covers", "sets", j), t("set.unknown", number=number)))
        else:
            required += sets[number].modules
    for j, module_id in enumerate(meta.covers.modules):
        if module_id not in modules:
            problems.append(doc.problem(("covers", "modules", j),
                                        t("course.unknown_module", id=module_id),
                                        t("course.unknown_module.hint")))
        required.append(module_id)
    taught = {s.module.id for d in days for s in d.sessions if isinstance(s, Lesson)}
    missing = [m for m in dict.fromkeys(required) if m in modules and m not in taught]
    if missing:
        problems.append(doc.problem(("covers",), t("course.not_covered", ids=", ".join(missing)),
                                    t("course.not_covered.hint")))
    return problems
