"""Where a build may write the site: never over the project's sources or someone's files.

A build replaces its output folder whole (output.py). Pointed at the repository, at content/,
or at a folder of documents, that would destroy them; so a folder is accepted only when it is
new, empty, the default site/, or a folder an earlier build wrote (its MARKER file, or this
project's manifest of it) — and never the project itself or a folder inside its sources.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.messages import t
from generator.problems import BuildFailed
from generator.project import Project

MARKER = ".ishc-site"  # written into every output folder (plan.py)
MARKER_TEXT = ("Thư mục này do ishc tạo ra. Mỗi lần dựng, ishc thay toàn bộ nội dung của nó.\n"
               "This folder was made by ishc. Each build replaces everything in it.\n")
# Folders of a project that hold what people wrote or the tools that build it.
GUARDED = ("clubs", "content", "templates", "generator", "schema", "scripts", "tests",
           "benchmarks", ".git", ".github", ".ci", ".ishc-cache", ".venv")


def check_destination(out: Path, project: Project, remembered: bool) -> None:
    """Raise BuildFailed when out must not be replaced by the site. remembered: this project's
    cache holds a manifest of an earlier build into out."""
    target, root = _real(out), _real(project.root)
    shown = str(out)
    if target == root or root.is_relative_to(target):
        raise BuildFailed(t("destination.project", out=shown))
    if target.is_relative_to(root):
        first = target.relative_to(root).parts[0]
        if first in GUARDED:
            raise BuildFailed(t("destination.sources", out=shown, folder=first))
        if target == root / "site":
            return  # the default, replaced on every build since the first
    if target.exists() and not target.is_dir():
        raise BuildFailed(t("destination.file", out=shown))
    if not target.exists() or remembered or (target / MARKER).is_file():
        return
    others = _count_files(target)
    if others:
        raise BuildFailed(t("destination.not_ours", out=shown, count=others))


def _real(path: Path) -> Path:
    """The path with links followed, as far as it exists (a folder to create need not)."""
    return Path(os.path.realpath(path))


def _count_files(folder: Path, limit: int = 10_000) -> int:
    count = 0
    for _, _, names in os.walk(folder):
        count += len(names)
        if count >= limit:
            break
    return count
