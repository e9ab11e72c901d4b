"""One Markdown configuration for the site and for print: the extensions listed in mkdocs.yml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import yaml


def site_config(mkdocs_yml: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data (it holds no Python tags)."""
    return yaml.safe_load(mkdocs_yml.read_text("utf-8")) or {}


def extensions(mkdocs_yml: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The markdown_extensions of mkdocs.yml as (names, configs), the way MkDocs reads them."""
    config = site_config(mkdocs_yml)
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            (name, options), = item.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(item)
    return names, configs


def renderer(mkdocs_yml: Path) -> markdown.Markdown:
    names, configs = extensions(mkdocs_yml)
    return markdown.Markdown(extensions=names, extension_configs=configs, output_format="html")


def to_html(md: markdown.Markdown, text: str) -> str:
    md.reset()
    return md.convert(text)
