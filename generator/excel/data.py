"""The project's checked club records and training records, as the export and import need them.

The same loader and checks as `ishc check` (load/sources.py, validate/): a club file is read
with check_club_bytes, so what the export writes is exactly what the site shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.places import Places
from generator.load.sources import ClubFile, load_sources
from generator.model.content import ClubEntry, Portal
from generator.problems import Problem
from generator.project import Project
from generator.validate import validate
from generator.validate.clubs import ClubRules, check_club_bytes, path_problems, unreadable


@dataclass
class ProjectData:
    rules: ClubRules
    portal: Portal | None  # None when the content (not the clubs) has errors
    files: list[ClubFile]
    entries: dict[str, ClubEntry]  # by club id, the files without errors
    problems: list[Problem] = field(default_factory=list)
    _by_id: dict[str, ClubFile] | None = field(default=None, repr=False)

    @property
    def places(self) -> Places:
        return self.rules.places

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def file_of(self, club_id: str) -> ClubFile | None:
        if self._by_id is None:  # looked up once per row: 21,000 rows, 21,000 files
            self._by_id = {}
            for file in self.files:
                self._by_id.setdefault(file.club_id, file)
        return self._by_id.get(club_id)


def load_project(project: Project, today: dt.date | None = None,
                 clubs: bool = True) -> ProjectData:
    """Every club file read and checked (with the content it refers to); clubs=False: the
    club files listed, not read (the import reads and checks only those it changes)."""
    sources = load_sources(project)
    portal, rules, problems = validate(sources, today)
    problems = problems + path_problems(sources.club_files, rules.places)
    entries: dict[str, ClubEntry] = {}
    for file in sources.club_files if clubs else []:
        try:
            raw = Path(file.path).read_bytes()
        except OSError as err:
            problems += unreadable(file, err).problems
            continue
        result = check_club_bytes(file, raw, rules)
        problems += result.problems
        if result.entry is not None and not any(p.severity == "error" for p in result.problems):
            entries[file.club_id] = result.entry
    return ProjectData(rules, portal, sources.club_files, entries, problems)
