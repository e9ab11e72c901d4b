"""The print stage: one PDF handbook per material set, from the same Markdown as the site,
and one PDF per printable form.

compose  the checked model -> one HTML document per handbook (Jinja, templates/print/)
render   HTML -> PDF with WeasyPrint, one process per handbook, skipping unchanged ones
"""

from __future__ import annotations

from pathlib import Path

from generator.handbooks.compose import compose_forms, compose_handbooks
from generator.handbooks.render import Printed, render_all
from generator.model.content import Portal
from generator.progress import Progress
from generator.project import Project

__all__ = ["Printed", "render_handbooks"]


def render_handbooks(portal: Portal, project: Project, out: Path,
                     progress: Progress) -> list[Printed]:
    """Every PDF of the build: the handbooks first, then one per form."""
    progress.stage("Soạn nội dung sổ tay và biểu mẫu")
    documents = compose_handbooks(portal, project) + compose_forms(portal, project)
    progress.stage(f"In {len(documents)} tệp PDF")
    return render_all(documents, out, project.cache / "handbooks", progress)
