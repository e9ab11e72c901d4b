"""The print stage, from the same Markdown as the site: per material set a handbook in A4,
large print and an A5 booklet; per module a handout; per printable form a one-page PDF.

compose  the checked model -> one HTML document per handbook (Jinja, templates/print/)
render   HTML -> PDF with WeasyPrint, one process per handbook, skipping unchanged ones
"""

from __future__ import annotations

from generator.handbooks.compose import compose_all
from generator.handbooks.render import Printed, render_all
from generator.model.content import Portal
from generator.progress import Progress
from generator.project import Project

__all__ = ["Printed", "render_handbooks"]


def render_handbooks(portal: Portal, project: Project, progress: Progress,
                     cover: str = "office") -> list[Printed]:
    """Every PDF of the build (handbooks in three variants, handouts, forms, course packs), in
    the cache; cover: compose.COVERS."""
    progress.stage("Soạn nội dung sổ tay, tài liệu phát tay và biểu mẫu")
    documents = compose_all(portal, project, cover)
    progress.stage(f"In {len(documents)} tệp PDF")
    return render_all(documents, project.cache / "handbooks", progress, project.root)
