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
    """The checked course and the problems of its file, checked against the project's modules
    and sets (their own problems are `ishc check`'s to report). A file of content/courses/ is
    checked with the project, as the build checks it; another file on its own."""
    shown = project.shown(file.resolve())
    try:
        doc = read_yaml_file(file, shown)
    except YamlProblem as err:
        return None, [err.problem]
    sources = load_sources(project)
    inside = any(d.path == shown for d in sources.courses)
    portal, _, found = validate(sources)
    problems = sorted(p for p in found if p.path == shown)
    if portal is None and not any(p.severity == "error" for p in problems):
        return None, [Problem(shown, 1, 1, t("course.project_errors"),
                              t("course.project_errors.hint"))]
    if inside:
        return next((c for c in portal.courses if c.path == shown), None) if portal else None, problems
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
                    key = "course.core_part" if s.path == "core" else "course.part"
                    what += " " + t(key, steps=", ".join(str(x.number) for x in s.steps),
                                    minutes=s.minutes)
            else:
                what = s.title
            lines.append(span + what)
        lines.append("")
    return "\n".join(lines)
