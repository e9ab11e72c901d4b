"""The build, top to bottom: load -> validate -> indicators -> handbooks -> site pages -> MkDocs.

Nothing is written to the output folder until every stage has succeeded: the site is built in a
staging folder beside it and swapped in at the end.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.load.sources import load_sources
from generator.model.content import Portal
from generator.problems import BuildFailed, Problem, SourceError
from generator.progress import Progress
from generator.project import Project
from generator.validate import validate


@dataclass
class BuildResult:
    out: Path
    pages: int
    handbooks: list = field(default_factory=list)  # per material set: A4, large print, A5 booklet
    handouts: list = field(default_factory=list)  # one PDF per module
    forms: list = field(default_factory=list)  # one PDF per printable form
    warnings: list[Problem] = field(default_factory=list)


def check(project: Project, today: dt.date | None = None) -> list[Problem]:
    """Load and validate every source; return all problems (errors and warnings)."""
    _, problems = validate(load_sources(project), today, portal=False)
    return problems


def load_portal(project: Project, progress: Progress | None = None) -> tuple[Portal, list[Problem]]:
    """The checked model, or SourceError with every error."""
    progress = progress or Progress(enabled=False)
    progress.stage("Đọc và kiểm tra dữ liệu nguồn")
    portal, problems = validate(load_sources(project))
    errors = [p for p in problems if p.severity == "error"]
    if portal is None or errors:
        raise SourceError(errors)
    return portal, [p for p in problems if p.severity == "warning"]


def build(project: Project, out: Path, *, pdf: bool = True,
          progress: Progress | None = None) -> BuildResult:
    from generator.handbooks import render_handbooks
    from generator.indicators import compute_indicators
    from generator.site import build_site

    progress = progress or Progress(enabled=False)
    portal, warnings = load_portal(project, progress)
    stats = compute_indicators(portal)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{out.name}-", dir=out.parent) as tmp:
        staging = Path(tmp)
        downloads = staging / "docs" / "downloads"
        with _stage_errors():
            printed = render_handbooks(portal, project, downloads, progress) if pdf else []
            pages = build_site(portal, stats, printed, project, staging / "docs",
                               staging / "site", progress)
        _swap_in(staging / "site", out)
    # MkDocs copied the PDFs out of the staging docs folder; point at the published copies.
    printed = [replace(p, path=out / "downloads" / p.filename) for p in printed]
    progress.stage(f"Đã ghi {out}")
    return BuildResult(out, pages, [p for p in printed if p.set], [p for p in printed if p.module],
                       [p for p in printed if p.form], warnings)


@contextmanager
def _stage_errors():
    """Errors of templates, fonts and MkDocs as one readable message instead of a traceback."""
    import jinja2

    from generator.fonts import FontMissing
    from generator.site.mkdocs_run import MkDocsFailed
    from generator.site.search import SearchIndexFailed

    try:
        yield
    except jinja2.TemplateSyntaxError as err:
        raise BuildFailed(f"{err.filename or err.name}:{err.lineno}: lỗi cú pháp mẫu: {err.message}") from err
    except jinja2.TemplateError as err:
        raise BuildFailed(f"lỗi khi dùng mẫu trong templates/: {err}") from err
    except (FontMissing, MkDocsFailed, SearchIndexFailed) as err:
        raise BuildFailed(str(err)) from err


def _swap_in(new: Path, out: Path) -> None:
    """Replace out with new in two renames, so a failed build never leaves half a site."""
    old = out.with_name(f".{out.name}-old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    new.rename(out)
    if old.exists():
        shutil.rmtree(old)
