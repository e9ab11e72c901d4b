"""Shared fixtures: the repository, a small valid project, and one build of the example data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.project import Project

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def copy_project(source_content: Path, source_clubs: Path, target: Path) -> Project:
    """A project in target with the repository's templates and mkdocs.yml."""
    shutil.copytree(source_content, target / "content")
    shutil.copytree(source_clubs, target / "clubs")
    shutil.copytree(REPO / "templates", target / "templates")
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return Project(target)


@pytest.fixture
def mini(tmp_path: Path) -> Project:
    """A copy of tests/fixtures/mini that a test may change freely."""
    return copy_project(FIXTURES / "mini" / "content", FIXTURES / "mini" / "clubs",
                        tmp_path / "mini")


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory):
    """The shipped example data built once, PDFs included, with a cold cache."""
    root = tmp_path_factory.mktemp("example")
    project = copy_project(REPO / "content", REPO / "clubs", root / "project")
    result = build(project, root / "site", pdf=True)
    return project, result


def write_story(project: Project, name: str, body: str = "Nội dung câu chuyện.\n",
                **fields) -> None:
    """content/stories/<name>.md with a valid front matter (title, date, summary, consent,
    then fields, in that order: line 4 is the summary; then `illustrative: true` unless fields
    say otherwise) and body after a blank line. A field given as None is left out."""
    meta = {"title": "Câu chuyện thử", "date": "2025-05-01", "summary": "Tóm tắt ngắn.",
            "consent": "true", **fields}
    meta.setdefault("illustrative", "true")
    meta = {k: v for k, v in meta.items() if v is not None}
    folder = project.content / "stories"
    folder.mkdir(exist_ok=True)
    front = "\n".join(f"{k}: {v}" for k, v in meta.items())
    (folder / f"{name}.md").write_text(f"---\n{front}\n---\n\n{body}", "utf-8")
