"""The site stage: the checked model -> Markdown pages (Jinja templates) -> MkDocs -> HTML."""

from __future__ import annotations

from pathlib import Path

from generator.indicators import Indicators
from generator.model.content import Portal
from generator.progress import Progress
from generator.project import Project
from generator.site.mkdocs_run import run_mkdocs
from generator.site.pages import write_pages
from generator.site.search import index_site


def build_site(portal: Portal, stats: Indicators, printed: list, project: Project,
               docs: Path, site: Path, progress: Progress) -> int:
    """Write the Markdown tree into docs, render it into site; returns the number of pages."""
    progress.stage("Tạo các trang Markdown")
    written = write_pages(portal, stats, printed, project, docs)
    progress.stage(f"Dựng trang web bằng MkDocs ({written.count} trang)")
    run_mkdocs(project, docs, site, written.nav)
    progress.stage("Tạo chỉ mục tìm kiếm (Pagefind)")
    index_site(site)
    return written.count
