"""Run MkDocs on the generated docs tree with the project's mkdocs.yml."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.project import Project


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class MkDocsFailed(RuntimeError):
    pass


def run_mkdocs(project: Project, docs: Path, site: Path, nav: list) -> list[str]:
    """Build site from docs; returns MkDocs' warnings. Raises MkDocsFailed on broken links."""
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    previous = logger.level
    logger.setLevel(logging.WARNING)
    try:
        config = load_config(config_file=str(project.mkdocs_yml), docs_dir=str(docs),
                             site_dir=str(site), nav=nav)
        build(config)
    finally:
        logger.removeHandler(collect)
        logger.setLevel(previous)
    broken = [m for m in collect.messages if "not found among documentation files" in m
              or "contains a link" in m]
    if broken:
        raise MkDocsFailed("Liên kết hỏng trong trang web:\n  " + "\n  ".join(broken))
    return collect.messages
