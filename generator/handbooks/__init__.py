"""The print stage: one PDF handbook per material set, from the same Markdown as the site.

compose  the checked model -> one HTML document per handbook (Jinja, templates/print/)
render   HTML -> PDF with WeasyPrint, one process per handbook, skipping unchanged ones
"""

from __future__ import annotations

from pathlib import Path

from generator.handbooks.compose import compose_handbooks
from generator.handbooks.render import Handbook, render_all
from generator.model.content import Portal
from generator.progress import Progress
from generator.project import Project

__all__ = ["Handbook", "render_handbooks"]


def render_handbooks(portal: Portal, project: Project, out: Path,
                     progress: Progress) -> list[Handbook]:
    progress.stage("Soạn nội dung sổ tay")
    documents = compose_handbooks(portal, project)
    progress.stage(f"In {len(documents)} sổ tay PDF")
    return render_all(documents, out, project.cache / "handbooks", progress)
