"""The build, top to bottom: load -> validate -> clubs -> handbooks -> written pages -> data pages
-> search -> write.

Nothing reaches the output folder until every stage has succeeded (site/output.py). Each stage
reuses what the cache holds for inputs it has seen: club files (club_stage.py), PDFs
(handbooks/), MkDocs' output for the written pages (site/mkdocs_run.py), and the pages already in
the output folder; whatever is summed over many clubs is computed again from club summaries.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.club_stage import PageRequest, run_club_stage
from generator.load.sources import load_sources
from generator.messages import t
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
    courses: list = field(default_factory=list)  # one course pack per course
    warnings: list[Problem] = field(default_factory=list)
    files: int = 0  # in the output folder
    written: int = 0  # of which this build wrote (the rest were kept as they were)


def check(project: Project, today: dt.date | None = None) -> list[Problem]:
    """Load and validate every source; return all problems (errors and warnings)."""
    sources = load_sources(project)
    _, rules, problems = validate(sources, today)
    stage = run_club_stage(sources.club_files, rules, project.cache)
    return problems + stage.problems


def load_portal(project: Project, progress: Progress | None = None) -> tuple[Portal, list[Problem]]:
    """The checked content (no clubs), or SourceError with every error in it."""
    progress = progress or Progress(enabled=False)
    progress.stage("Đọc và kiểm tra nội dung")
    portal, _, problems = validate(load_sources(project))
    errors = [p for p in problems if p.severity == "error"]
    if portal is None or errors:
        raise SourceError(errors)
    return portal, [p for p in problems if p.severity == "warning"]


def build(project: Project, out: Path, *, pdf: bool = True, progress: Progress | None = None,
          today: dt.date | None = None, cover: str = "office") -> BuildResult:
    from generator.background import Background
    from generator.indicators import compute_indicators
    from generator.site.output import Output
    from generator.site.plan import data_context, data_page_paths, plan_site, prepare_written

    progress = progress or Progress(enabled=False)
    if not project.mkdocs_yml.is_file():
        raise BuildFailed(t("project.no_mkdocs", root=project.root))
    progress.stage("Đọc và kiểm tra dữ liệu nguồn")
    sources = load_sources(project)
    portal, rules, problems = validate(sources, today)
    with _stage_errors():
        output = Output(out, project.cache, project)
    beside = None
    try:
        with _stage_errors():
            context = data_context(portal, project) if portal else None
            data_pages = data_page_paths(sources.club_files)
            if portal is not None and not pdf:  # the written pages need nothing of the clubs
                beside = Background(prepare_written, portal, [], project, data_pages)
            pages = PageRequest(context, output.staging, output.has) if context else None
            clubs = run_club_stage(sources.club_files, rules, project.cache, pages,
                                   on_progress=lambda done, total: progress.count(
                                       "tệp CLB đã kiểm tra", done, total))
            problems += clubs.problems
            errors = [p for p in problems if p.severity == "error"]
            if errors or portal is None or context is None:
                raise SourceError(errors)
            printed = _handbooks(portal, project, progress, cover) if pdf else []
            stats = compute_indicators(clubs.summaries, rules.places)
            progress.stage("Dựng trang web")
            written_pages = (beside.result() if beside else
                             prepare_written(portal, printed, project, data_pages))
            plan = plan_site(written_pages, project, context, clubs, stats, output, progress)
            written = output.write(plan.files)
    except BaseException:
        if beside is not None:
            beside.cancel()
        output.discard()
        raise
    # Handbooks live in the cache; point at the published copies.
    printed = [replace(p, path=out / "downloads" / p.filename) for p in printed]
    progress.stage(f"Đã ghi {out}")
    return BuildResult(out, plan.pages, [p for p in printed if p.set],
                       [p for p in printed if p.module], [p for p in printed if p.form],
                       [p for p in printed if p.course],
                       [p for p in problems if p.severity == "warning"], len(plan.files), written)


def _handbooks(portal: Portal, project: Project, progress: Progress, cover: str) -> list:
    from generator.handbooks import render_handbooks  # WeasyPrint: imported only when printing

    return render_handbooks(portal, project, progress, cover)


@contextmanager
def _stage_errors():
    """Errors of templates, fonts and MkDocs as one readable message instead of a traceback."""
    import jinja2

    from generator.fonts import FontMissing
    from generator.site.mkdocs_run import MkDocsFailed

    try:
        yield
    except jinja2.TemplateSyntaxError as err:
        raise BuildFailed(f"{err.filename or err.name}:{err.lineno}: lỗi cú pháp mẫu: {err.message}") from err
    except jinja2.TemplateError as err:
        raise BuildFailed(f"lỗi khi dùng mẫu trong templates/: {err}") from err
    except (FontMissing, MkDocsFailed) as err:
        raise BuildFailed(str(err)) from err
    except RecursionError as err:  # what ishc check's depth limits did not foresee
        raise BuildFailed(t("output.too_deep")) from err
    except OSError as err:  # a full disk, a folder without write permission, a file in use
        raise BuildFailed(t("output.io", file=err.filename or "?", reason=_reason(err))) from err


def _reason(err: OSError) -> str:
    """The operating system's reason in the user's language when it is a common one."""
    import errno

    key = _REASONS.get(errno.errorcode.get(err.errno or 0, ""))
    return t(key) if key else (err.strerror or str(err))


_REASONS = {"EACCES": "errno.eacces", "EPERM": "errno.eperm", "ENOSPC": "errno.enospc",
            "EROFS": "errno.erofs", "EEXIST": "errno.eexist", "ENOTDIR": "errno.enotdir",
            "ENOENT": "errno.enoent"}
