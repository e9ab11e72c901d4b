"""Markdown sources: YAML front matter between '---' lines, then the body."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.load.yamlfile import (YamlDocument, YamlProblem, decode, parse_yaml,
                                     read_source)
from generator.messages import t
from generator.problems import Problem


@dataclass
class MarkdownSource:
    path: str  # as shown to the user
    meta: YamlDocument
    body: str
    body_line: int  # line of the file where the body starts


def read_markdown_file(path: Path, shown: str) -> MarkdownSource:
    """Split a Markdown file into front matter and body; raises YamlProblem."""
    return parse_markdown(decode(read_source(path, shown), shown), shown)


def parse_markdown(text: str, shown: str) -> MarkdownSource:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise YamlProblem(Problem(shown, 1, 1, t("markdown.no_front_matter"),
                                  t("markdown.no_front_matter.hint")))
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            break
    else:
        raise YamlProblem(Problem(shown, 1, 1, t("markdown.front_matter_unclosed"),
                                  t("markdown.front_matter_unclosed.hint")))
    meta = parse_yaml("".join(lines[1:end]), shown, line_offset=1)
    return MarkdownSource(shown, meta, "".join(lines[end + 1:]), end + 2)
