"""Problems found in sources: where they are, what is wrong, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Literal

from generator.messages import t

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem, pointing at a place in a source file (1-based line and column)."""

    path: str
    line: int
    col: int
    message: str
    hint: str = ""
    severity: Severity = "error"

    def format(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        label = "" if self.severity == "error" else t("output.warning") + ": "
        text = f"{where}: {label}{self.message}"
        return f"{text}\n    → {self.hint}" if self.hint else text


@dataclass
class Problems:
    """Collects problems across every stage so a user sees them all in one run."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))

    def __bool__(self) -> bool:
        return bool(self.items)


class SourceError(Exception):
    """Raised when sources have errors; the build stops before writing anything."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(t("output.source_errors", count=len(problems)))


def relative(path: Path, root: Path) -> str:
    """Path as the user knows it: relative to the project root when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def line_holding(root: Path, source: str, text: str) -> str:
    """"source:line" of the first line of the project file source that holds text (the place
    to fix what a later stage found in its output), or "source" when none does."""
    lines = (root / source).read_text("utf-8", errors="replace").splitlines()
    number = next((i for i, line in enumerate(lines, 1) if text and text in line), None)
    return f"{source}:{number}" if number else source


class BuildFailed(Exception):
    """A stage after validation failed (a template, MkDocs, fonts); the message says why."""
