"""A module's figures: a Markdown image alone on its line, with alt text and a caption.

    ![What the picture shows, for a reader who cannot see it](../figures/vong-vay.svg "Caption")

The validation finds them with their lines (`figures_in`); the site and the handbooks print each
as a numbered <figure> (`numbered`): "Hình N.M", N the lesson's number in its set (its chapter
in a handbook), M the figure's place in the lesson. Both outputs number them here, in one way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from markupsafe import escape

FOLDER = "figures"  # content/figures/: modules write ../figures/<name>
SCREENSHOTS = "screenshots"  # content/screenshots/: the guides (pages) write ../screenshots/<name>
_FIGURE = re.compile(r'^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:[ \t]+"(?P<caption>[^"]*)")?\)[ \t]*$',
                     re.M)
_IMAGE = re.compile(r'!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)')


@dataclass(frozen=True)
class Image:
    """A Markdown image in a body: alone on its line it is a figure (with a caption)."""

    alt: str
    src: str  # as written: relative to the module's file
    caption: str | None  # None for an image inside a line of text
    line: int  # 1-based, in the body

    @property
    def name(self) -> str | None:
        """The file name in content/figures/, or None when src points elsewhere."""
        return self.in_folder(FOLDER)

    @property
    def screenshot(self) -> str | None:
        """The file name in content/screenshots/, or None when src points elsewhere."""
        return self.in_folder(SCREENSHOTS)

    def in_folder(self, folder: str) -> str | None:
        prefix = f"../{folder}/"
        rest = self.src[len(prefix):] if self.src.startswith(prefix) else ""
        return rest if rest and "/" not in rest else None


def images_in(body: str) -> list[Image]:
    found = []
    for number, line in enumerate(body.splitlines(), 1):
        if whole := _FIGURE.match(line):
            found.append(Image(whole["alt"].strip(), whole["src"], (whole["caption"] or "").strip(),
                               number))
            continue
        found += [Image(m["alt"].strip(), m["src"], None, number) for m in _IMAGE.finditer(line)]
    return found


def numbered(body: str, chapter: int | None, src_for: Callable[[str], str], link: bool = True,
             screenshot_for: Callable[[str], str] | None = None) -> str:
    """The body with each figure as raw HTML: <figure> with its number and caption.

    src_for maps a figure's file name to the address the output uses (the site: a path beside
    the page; print: a path from the project's root, WeasyPrint's base); screenshot_for, a
    screenshot's (pages only). chapter: None on a page, whose figures are numbered 1, 2, ...
    link: the drawing opens on its own when tapped (on a phone it can then be zoomed); not on
    paper."""
    count = 0

    def figure(match: re.Match) -> str:
        nonlocal count
        image = Image(match["alt"], match["src"], match["caption"] or "", 0)
        if image.name:
            src = escape(src_for(image.name))
        elif image.screenshot and screenshot_for:
            src = escape(screenshot_for(image.screenshot))
        else:
            return match[0]
        count += 1
        label = f"Hình {count}" if chapter is None else f"Hình {chapter}.{count}"
        img = f'<img src="{src}" alt="{escape(image.alt.strip())}">'
        if link:
            img = f'<a href="{src}">{img}</a>'
        anchor = f"hinh-{count}" if chapter is None else f"hinh-{chapter}-{count}"
        return (f'\n<figure class="ishc-figure" id="{anchor}">\n{img}\n'
                f'<figcaption><span class="figure-number">{label}.</span> '
                f'{escape(image.caption.strip())}</figcaption>\n</figure>\n')

    return _FIGURE.sub(figure, body)
