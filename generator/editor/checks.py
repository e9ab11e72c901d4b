"""One edited record checked in memory, among the project's other sources, by the same
validation as `ishc check`, before anything is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from generator.load.markdown import MarkdownSource
from generator.load.sources import ClubFile, load_sources
from generator.problems import Problem
from generator.project import Project
from generator.validate import validate
from generator.validate.clubs import check_club_bytes, path_problems


def story_problems(project: Project, source: MarkdownSource,
                   extra_photos: frozenset[str] = frozenset(),
                   today: dt.date | None = None) -> list[Problem]:
    """Problems of a story file's new text (source), as if it were on disk; extra_photos are
    photos about to be written with it."""
    sources = load_sources(project)
    sources.stories = _replaced(sources.stories, source)
    sources.photos = sources.photos | extra_photos
    _, _, problems = validate(sources, today)
    return [p for p in problems if p.path == source.path]


def module_problems(project: Project, source: MarkdownSource,
                    today: dt.date | None = None) -> list[Problem]:
    sources = load_sources(project)
    sources.modules = _replaced(sources.modules, source)
    _, _, problems = validate(sources, today)
    return [p for p in problems if p.path == source.path]


def club_problems(project: Project, shown: str, raw: bytes,
                  today: dt.date | None = None) -> list[Problem]:
    """Problems of a club file's new content; shown is its path in the project
    (clubs/<province>/<id>.yaml)."""
    sources = load_sources(project)
    _, rules, _ = validate(sources, today)
    rules = replace(rules, photos=sources.photos)
    file = ClubFile(str(project.root / shown), shown)
    others = [f for f in sources.club_files if f.shown != shown]
    problems = [p for p in path_problems([file, *others], rules.places) if p.path == shown]
    return problems + check_club_bytes(file, raw, rules).problems


def _replaced(found: list[MarkdownSource], source: MarkdownSource) -> list[MarkdownSource]:
    return [s for s in found if s.path != source.path] + [source]
