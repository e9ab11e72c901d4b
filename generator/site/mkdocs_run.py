"""Run MkDocs on the written pages, and keep what it made in the cache under their digest.

The written pages change rarely (content, templates, handbooks) while club files change often,
so MkDocs runs only when the tree it is given changed: otherwise the build takes the output of
the last run from .ishc-cache/written/.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from generator import cache
from generator.messages import t
from generator.model.personal import personal_data
from generator.problems import line_holding
from generator.project import Project
from generator.site.sanitise import OWN_PAGES, sanitised
from generator.site.shell import theme_digest
from generator.site.theme_html import repaired, with_policy
from generator.site.written import WrittenTree

CACHE_DIR = "written"


class MkDocsFailed(RuntimeError):
    def __init__(self, message: str, broken: list[str] | None = None):
        super().__init__(message)
        self.broken = broken or []  # MkDocs' messages about broken links, as it wrote them


@dataclass(frozen=True)
class WrittenSite:
    """MkDocs' output for one tree: a folder in the cache and the digest of each file in it."""

    root: Path
    files: dict[str, str]  # site path -> content digest
    pages: dict[str, tuple[str, str]]  # docs path -> (title, content HTML), for search


class _Pages:
    """A plugin of this build only (MkDocs' public plugin API): each page's HTML as MkDocs
    converted it, so the search index need not convert the Markdown a second time."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, str]] = {}

    def on_page_content(self, html: str, page, **_) -> str:
        if page.file.src_uri not in OWN_PAGES:
            html = sanitised(html)
        self.pages[page.file.src_uri] = (str(page.title or ""), html)
        return html

    def on_post_page(self, output: str, **_) -> str:
        return with_policy(repaired(output))

    def on_post_template(self, output_content: str, template_name: str = "", **_) -> str:
        if template_name.endswith(".html"):  # 404.html; not sitemap.xml
            return with_policy(repaired(output_content))
        return output_content


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            self.messages.append(record.getMessage())


def written_site(tree: WrittenTree, project: Project, is_data_page: Callable[[str], bool]
                 ) -> tuple[WrittenSite, bool]:
    """MkDocs' output for tree, from the cache or made now; and whether MkDocs ran."""
    key = tree.digest(theme_digest(project), cache.code_digest())
    folder = project.cache / CACHE_DIR
    stored = cache.load(folder / f"{key}.pickle")
    if stored is not None and (folder / key).is_dir():
        return WrittenSite(folder / key, *stored), False
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="run-", dir=folder) as tmp:
        docs, site = Path(tmp, "docs"), Path(tmp, "site")
        _materialise(tree, docs)
        try:
            _, pages = run_mkdocs(project, docs, site, tree.nav, is_data_page)
        except MkDocsFailed as err:
            raise MkDocsFailed(_located(err.broken, tree, project) or str(err)) from None
        _no_personal_data(pages, tree, project)
        files = {p.relative_to(site).as_posix(): cache.digest(p.read_bytes())
                 for p in sorted(site.rglob("*")) if p.is_file()}
        for old in folder.iterdir():  # only the latest output is kept
            if old.name != Path(tmp).name:
                shutil.rmtree(old) if old.is_dir() else old.unlink()
        site.rename(folder / key)
    cache.save(folder / f"{key}.pickle", (files, pages))
    return WrittenSite(folder / key, files, pages), True


def _materialise(tree: WrittenTree, docs: Path) -> None:
    for path, text in [*tree.pages.items(), *tree.texts.items()]:
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    for path, (source, _) in tree.files.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            target.hardlink_to(source)  # PDFs: megabytes each, read only
        except OSError:
            shutil.copyfile(source, target)


# MkDocs' wording for a link to a file it does not have, and for such a file in the navigation.
_MISSING_LINK = re.compile(r"contains a link '(?P<url>[^']*)', but the target(?: '(?P<target>[^']*)')? "
                           r"is not found among documentation files")
_MISSING_NAV = re.compile(r"A reference to '(?P<target>[^']*)' is included in the 'nav'")


def run_mkdocs(project: Project, docs: Path, site: Path, nav: list,
               is_data_page: Callable[[str], bool] = lambda path: False
               ) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """Build site from docs; returns MkDocs' warnings and each page's (title, content HTML).
    Raises MkDocsFailed on broken links.

    A link to a data page is not broken: data.py writes those pages beside MkDocs' output.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    previous = logger.level
    logger.setLevel(logging.WARNING)
    try:
        config = load_config(config_file=str(project.mkdocs_yml), docs_dir=str(docs),
                             site_dir=str(site), nav=nav)
        capture = _Pages()
        config.plugins["ishc-pages"] = capture
        build(config)
    finally:
        logger.removeHandler(collect)
        logger.setLevel(previous)
    warnings = [m for m in collect.messages if not _to_data_page(m, is_data_page)]
    broken = [m for m in warnings if "not found among documentation files" in m
              or "contains a link" in m or "included in the 'nav'" in m]
    if broken:
        raise MkDocsFailed("Liên kết hỏng trong trang web:\n  " + "\n  ".join(broken), broken)
    return warnings, capture.pages


def _no_personal_data(pages: dict[str, tuple[str, str]], tree: WrittenTree,
                      project: Project) -> None:
    """The last look at each written page's text before it is kept: a phone number, an ID-card
    number or an e-mail address that came in through a field no check scans stops the build,
    at the source line when the page has one source."""
    for uri, (_, html) in sorted(pages.items()):
        found = personal_data(_TAGS.sub(" ", html))
        if not found:
            continue
        datum = found[0][2]
        source = tree.sources.get(uri)
        where = line_holding(project.root, source, datum) if source else uri
        raise MkDocsFailed(t("page.personal", page=where, value=datum))


_TAGS = re.compile(r"<[^>]+>")
_LINK_IN = re.compile(r"Doc file '(?P<doc>[^']*)' contains a link '(?P<url>[^']*)'")


def _located(broken: list[str], tree: WrittenTree, project: Project) -> str:
    """MkDocs' broken-link messages as file:line of the source that holds the link (a module,
    story or page), so the author can fix it there; others as MkDocs wrote them."""
    lines = []
    for message in broken:
        found = _LINK_IN.search(message)
        source = tree.sources.get(found.group("doc")) if found else None
        if found is None or source is None:
            lines.append(message)
            continue
        url = found.group("url")
        key = "link.broken_anchor" if "anchor" in message else "link.broken"
        lines.append(f"{line_holding(project.root, source, url)}: {t(key, url=url)}")
    return "\n".join(lines)


def _to_data_page(message: str, is_data_page: Callable[[str], bool]) -> bool:
    found = _MISSING_LINK.search(message) or _MISSING_NAV.search(message)
    if not found:
        return False
    target = found.group("target") or found.group("url").lstrip("/")
    return is_data_page(target.split("#")[0])
