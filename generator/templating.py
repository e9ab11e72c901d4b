"""The Jinja environment shared by the site pages and the handbooks."""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from generator.formatting import FILTERS


def template_env(templates: Path, output: str, cache: Path | None = None) -> jinja2.Environment:
    """Templates of one output (site, site/data or print) under templates/, plus shared/.

    cache: a folder for compiled templates (compiling them anew costs a tenth of a second on
    every build); Jinja checks each against its source before using it.
    """
    # Autoescape: names typed by editors must not become markup on a public page.
    loader = jinja2.FileSystemLoader([templates / output, templates / "shared"])
    bytecode = None
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        bytecode = jinja2.FileSystemBytecodeCache(str(cache))
    # The written pages are Markdown: a field's text must not become Markdown either (a link,
    # an attr_list "{: onclick=…}", emphasis), so its Markdown characters become entities.
    finalize = _plain_in_markdown if output == "site" else None
    env = jinja2.Environment(loader=loader, autoescape=True, bytecode_cache=bytecode,
                             trim_blocks=True, lstrip_blocks=True, finalize=finalize,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters.update(FILTERS)
    env.filters["cell"] = _cell
    env.tests["search"] = lambda text, needle: needle in text
    return env


def _cell(text: object) -> Markup:
    """Text safe inside a Markdown table cell: escaped, one line, no column separators."""
    return escape(" ".join(str(text).split())).replace("|", Markup("&#124;"))


# Characters with a meaning in Markdown (or its attr_list and tables), as numeric references:
# shown as themselves, read as nothing. Slugs, file names, dates and numbers hold none of them.
# HTML's own characters are escaped in the same single pass: escaping first and then turning
# the "#" of "&#34;" into "&#35;" would show a quotation mark as "&#34;" on the page.
_MARKDOWN = str.maketrans({**{c: f"&#{ord(c)};" for c in "\\`*_[]{}#|!~"},
                           "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def _plain_in_markdown(value: object) -> object:
    """Text from the records, HTML-escaped and with its Markdown characters neutralised;
    Markup (Markdown bodies, macros) passes as it is."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(value.translate(_MARKDOWN))
    return value
