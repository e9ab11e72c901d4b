"""`ishc course plan FILE`: check one course file against the project's modules and print its
timetable, day by day, as a trainer reads it."""

from __future__ import annotations

from pathlib import Path

from generator.load.sources import load_sources
from generator.load.yamlfile import YamlProblem, read_yaml_file
from generator.messages import t
from generator.model.course import Course, Lesson, clock
from generator.problems import Problem
from generator.project import Project
from generator.validate import validate
from generator.validate.courses import check_courses


def plan(project: Project, file: Path) -> tuple[Course | None, list[Problem]]:
    """The checked course and the problems of its file (the project's own modules and sets are
    what it is checked against; their problems are `ishc check`'s to report)."""
    shown = project.shown(file.resolve())
    try:
        doc = read_yaml_file(file, shown)
    except YamlProblem as err:
        return None, [err.problem]
    sources = load_sources(project)
    sources.courses = []
    portal, _, _ = validate(sources)
    if portal is None:
        return None, [Problem(shown, 1, 1, t("course.project_errors"), t("course.project_errors.hint"))]
    problems: list[Problem] = []
    courses = check_courses([doc], portal.modules, portal.catalogue, problems)
    return (courses[0] if courses else None), sorted(problems)


def timetable(course: Course) -> str:
    lines = [f"{course.meta.title}", ""]
    for number, day in enumerate(course.days, 1):
        hours, minutes = divmod(day.teaching_minutes, 60)
        lines.append(t("course.day_line", number=number, title=day.title, start=clock(day.start),
                       end=clock(day.end), hours=hours, minutes=f"{minutes:02d}"))
        for s in day.sessions:
            span = f"  {clock(s.start)}–{clock(s.start + s.minutes)}  "
            if isinstance(s, Lesson):
                what = s.module.meta.title
                if s.path != "full":
                    what += " " + t("course.part", steps=", ".join(str(x.number) for x in s.steps),
                                    minutes=s.minutes)
            else:
                what = s.title
            lines.append(span + what)
        lines.append("")
    return "\n".join(lines)
