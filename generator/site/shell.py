"""The page shell of the data pages, taken from the theme once per build.

Data pages (directory, provinces, communes, clubs) are rendered straight to HTML, but they must
look like the written pages around them. So the theme renders one page per folder depth from
templates/site/overrides/data-page.html (Material's page with a compact header instead of the
navigation); the result is cut at its two markers, and every data page is the three pieces
around its own title and content. Links in the shell are relative, hence one shell per depth.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from generator import cache
from generator.project import Project
from generator.site.theme_html import repaired, with_policy

TITLE = "ISHC-TITLE"
CONTENT = "ISHC-CONTENT"
TEMPLATE = "data-page.html"


@dataclass(frozen=True)
class Shell:
    """(before title, before content, after content) for each folder depth."""

    parts: dict[int, tuple[str, str, str]]

    def page(self, path: str, title: str, content: str) -> str:
        before, middle, after = self.parts[path.count("/")]
        return f"{before}{escape(title)}{middle}{content}{after}"

    @property
    def digest(self) -> str:
        """Changes whenever any data page would come out differently."""
        text = "\x00".join("\x00".join(p) for _, p in sorted(self.parts.items()))
        return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def theme_digest(project: Project) -> str:
    """Everything of the theme a page depends on: its version, the overrides, mkdocs.yml."""
    import material
    import mkdocs

    folder = project.templates / "site" / "overrides"
    files = [f"{p.relative_to(folder)}:{cache.digest(p.read_bytes())}"
             for p in sorted(folder.rglob("*")) if p.is_file()]
    return cache.combine(mkdocs.__version__, material.__version__, *files,
                         project.mkdocs_yml.read_text("utf-8"))


def theme_shell(project: Project, sections: list[tuple[str, str]], current: str) -> Shell:
    """The shell, from the cache when the theme did not change (loading MkDocs' configuration and
    theme costs a third of a second)."""
    key = cache.combine(theme_digest(project), cache.code_digest(), repr(sections), current)
    path = project.cache / "shell.pickle"
    stored = cache.load(path)
    if stored is not None and stored[0] == key:
        return stored[1]
    shell = _render_shell(project, sections, current)
    cache.save(path, (key, shell))
    return shell


def _render_shell(project: Project, sections: list[tuple[str, str]], current: str,
                  depths: range = range(1, 4)) -> Shell:
    """Render the shell at each depth (clubs/index.html is 1, clubs/ha-noi/x.html is 2)."""
    from mkdocs.commands.build import get_context
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    with tempfile.TemporaryDirectory(prefix="ishc-shell-") as tmp:
        docs = Path(tmp, "docs")
        docs.mkdir()
        config = load_config(config_file=str(project.mkdocs_yml), docs_dir=str(docs),
                             site_dir=str(Path(tmp, "site")))
        template = config.theme.get_env().get_template(TEMPLATE)
        parts = {}
        for depth in depths:
            file = File("x/" * depth + "shell.md", config.docs_dir, config.site_dir,
                        config.use_directory_urls)
            page = Page(TITLE, file, config)
            context = get_context(Navigation([], []), Files([file]), config, page)
            html = template.render(**context, sections=sections, current_section=current)
            parts[depth] = _cut(_compact(with_policy(repaired(html))))
    return Shell(parts)


def _compact(html: str) -> str:
    """Drop the indentation and blank lines of the theme's templates (a third of the shell).

    Safe here: the shell has no <pre> or <textarea>, and a line break still separates words.
    """
    return "\n".join(line.strip() for line in html.splitlines() if line.strip()) + "\n"


def _cut(html: str) -> tuple[str, str, str]:
    before, rest = html.split(TITLE, 1)
    middle, after = rest.split(CONTENT, 1)
    if TITLE in after or CONTENT in after or TITLE in middle:
        raise ValueError(f"{TEMPLATE} must hold each marker once")
    return before, middle, after
