"""Where a project's sources live, relative to its root."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.problems import relative


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def clubs(self) -> Path:
        return self.root / "clubs"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def cache(self) -> Path:
        """Build cache (rendered handbooks by content hash); safe to delete."""
        return self.root / ".ishc-cache"

    def shown(self, path: Path) -> str:
        return relative(path, self.root)
