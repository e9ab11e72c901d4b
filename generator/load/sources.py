"""Find and read every source file of a project into located, unchecked records."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.markdown import MarkdownSource, read_markdown_file
from generator.load.svg import FigureFile, Screenshot, read_figure, read_screenshot
from generator.load.yamlfile import YamlDocument, YamlProblem, read_yaml_file
from generator.messages import t
from generator.problems import Problem
from generator.project import Project


@dataclass(frozen=True)
class ClubFile:
    """A club file, listed but not yet read: club_stage.py reads each in one go."""

    path: str  # to open it (a string: 21,000 Path objects cost a tenth of a second)
    shown: str  # as the user knows it: clubs/ha-noi/dong-lao.yaml
    province_folder: str = field(init=False)  # ha-noi
    club_id: str = field(init=False)  # dong-lao

    def __post_init__(self) -> None:
        folder, name = self.shown.rsplit("/", 2)[-2:]
        object.__setattr__(self, "province_folder", folder)
        object.__setattr__(self, "club_id", name.rsplit(".", 1)[0])


@dataclass
class Sources:
    catalogue: YamlDocument | None = None
    areas: YamlDocument | None = None
    glossary: YamlDocument | None = None
    indicators: YamlDocument | None = None
    forms: YamlDocument | None = None
    plans: YamlDocument | None = None
    references: YamlDocument | None = None  # content/sources.yaml: the documents modules cite
    club_files: list[ClubFile] = field(default_factory=list)  # read and checked one by one
    photos: frozenset[str] = frozenset()  # file names in content/photos/
    figures: dict[str, FigureFile] = field(default_factory=dict)  # content/figures/, by name
    screenshots: dict[str, Screenshot] = field(default_factory=dict)  # content/screenshots/
    modules: list[MarkdownSource] = field(default_factory=list)
    courses: list[YamlDocument] = field(default_factory=list)  # content/courses/*.yaml
    trainings: list[YamlDocument] = field(default_factory=list)  # content/trainings/*.yaml
    stories: list[MarkdownSource] = field(default_factory=list)
    pages: list[MarkdownSource] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def load_sources(project: Project) -> Sources:
    sources = Sources()

    def yaml_file(path: Path, required: bool = True) -> YamlDocument | None:
        if not path.exists():
            if required:
                sources.problems.append(Problem(project.shown(path), 1, 1, t("file.missing"),
                                                t("file.missing.hint")))
            return None
        try:
            return read_yaml_file(path, project.shown(path))
        except YamlProblem as err:
            sources.problems.append(err.problem)
            return None

    def markdown_files(folder: Path) -> list[MarkdownSource]:
        found = []
        for path in sorted(folder.glob("*.md")):
            try:
                found.append(read_markdown_file(path, project.shown(path)))
            except YamlProblem as err:
                sources.problems.append(err.problem)
        return found

    sources.catalogue = yaml_file(project.content / "sets.yaml")
    sources.areas = yaml_file(project.content / "areas.yaml")
    sources.glossary = yaml_file(project.content / "glossary.yaml", required=False)
    sources.indicators = yaml_file(project.content / "indicators.yaml", required=False)
    sources.forms = yaml_file(project.content / "forms.yaml", required=False)
    sources.plans = yaml_file(project.content / "plans.yaml", required=False)
    sources.references = yaml_file(project.content / "sources.yaml", required=False)
    sources.club_files = club_files(project, sources.problems)
    sources.modules = markdown_files(project.content / "modules")
    sources.courses = [doc for path in sorted((project.content / "courses").glob("*.yaml"))
                       if (doc := yaml_file(path)) is not None]
    sources.trainings = [doc for path in sorted((project.content / "trainings").glob("*.yaml"))
                         if (doc := yaml_file(path)) is not None]
    sources.stories = markdown_files(project.content / "stories")
    sources.pages = markdown_files(project.content / "pages")
    photos = project.content / "photos"
    if photos.is_dir():
        # A link could publish any file of the machine as a "photo": only real files count.
        sources.photos = frozenset(p.name for p in photos.iterdir()
                                   if p.is_file() and not p.is_symlink())
    sources.figures = figure_files(project, sources.problems)
    sources.screenshots = figure_files(project, sources.problems, "screenshots", read_screenshot)
    sources.problems.extend(stray_club_files(project))
    return sources


def figure_files(project: Project, problems: list[Problem], folder_name: str = "figures",
                 read=read_figure) -> dict:
    """content/figures/* (or the screenshots), each read; links and odd files are refused
    unread, like photos: a link could publish any file of the machine."""
    folder = project.content / folder_name
    if not folder.is_dir():
        return {}
    found = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        shown = project.shown(path)
        if path.is_symlink() or not path.is_file():
            problems.append(Problem(shown, 1, 1, t("file.not_regular"), t("file.irregular.hint")))
            continue
        try:
            found[path.name] = read(path, shown)
        except YamlProblem as err:
            problems.append(err.problem)
    return found


def club_files(project: Project, problems: list[Problem]) -> list[ClubFile]:
    """clubs/<province>/<club>.yaml, sorted; os.scandir, which is ten times quicker than a glob
    on 21,000 files. A .yaml there that is no regular file of the project (a link leading out,
    a pipe, a device) is not read: its problem goes to problems."""
    found = []
    try:
        with os.scandir(project.clubs) as entries:
            folders = [e for e in entries if e.is_dir() and not e.name.startswith(".")]
    except OSError:
        return []
    for folder in folders:
        with os.scandir(folder.path) as entries:
            for entry in entries:
                if not entry.name.endswith(".yaml") or entry.name.startswith("."):
                    continue
                shown = f"clubs/{folder.name}/{entry.name}"
                # The directory entry's own type answers for the usual file, with no system
                # call; only links and odd files are looked at closer.
                if not entry.is_file(follow_symlinks=False):
                    if why := _irregular(Path(entry.path), project.root):
                        problems.append(Problem(shown, 1, 1, t(why), t("file.irregular.hint")))
                        continue
                found.append(ClubFile(entry.path, shown))
    return sorted(found, key=lambda f: f.shown)


def _irregular(path: Path, root: Path) -> str | None:
    """Why path is no source file (a message key), or None: a source is a regular file inside
    the project; a device, a pipe or a link leading out of the project would be read without
    bound, hang, or publish a file of the machine."""
    try:
        if path.is_symlink():
            real = Path(os.path.realpath(path))
            if not real.is_relative_to(os.path.realpath(root)):
                return "file.link_outside"
        mode = path.stat().st_mode
    except OSError:
        return "file.broken_link"
    return None if stat.S_ISREG(mode) else "file.not_regular"


def stray_club_files(project: Project) -> list[Problem]:
    """Files under clubs/ that would silently be ignored: wrong extension or wrong depth."""
    if not project.clubs.is_dir():
        return []
    stray = []
    # os.walk, not Path.rglob: 21,000 files take 0.1 s instead of 2 s.
    for folder, _, names in os.walk(project.clubs):
        depth = len(Path(folder).relative_to(project.clubs).parts) + 1
        for name in names:
            if depth == 2 and name.endswith(".yaml") or name == "README.md":
                continue  # club files, read (or refused) by club_files()
            path = Path(folder, name)
            hint = t("file.stray.yml.hint" if path.suffix == ".yml" else "file.stray.hint")
            stray.append(Problem(project.shown(path), 1, 1, t("file.stray"), hint, "warning"))
    return sorted(stray)
