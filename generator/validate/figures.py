"""Figures: each image a module shows exists in content/figures/ and says what it shows; each
figure file is a plain drawing (no script, nothing fetched from elsewhere)."""

from __future__ import annotations

import difflib
import re

from generator.figures import images_in
from generator.load.markdown import MarkdownSource
from generator.load.svg import FigureFile, Screenshot
from generator.messages import t
from generator.problems import Problem

# Elements that run, embed or fetch: an SVG opened on its own is a page of the site.
_FORBIDDEN = frozenset({"script", "foreignObject", "iframe", "embed", "object", "image", "audio",
                        "video", "animate", "set", "animateMotion", "animateTransform",
                        "handler", "listener"})
_REMOTE = re.compile(r"url\(\s*['\"]?(?!#)|@import", re.I)


def image_problems(src: MarkdownSource, figures: dict[str, FigureFile],
                   screenshots: dict[str, Screenshot] | None = None) -> list[Problem]:
    """A module's images at their lines: missing alt text, caption or file. screenshots: given
    for a page, which may also show the guides' screenshots (a module shows drawings only: it
    is printed too)."""
    problems = []
    images = images_in(src.body)
    for image in images:
        line = src.body_line + image.line - 1

        def problem(key: str, hint: str, **values: str) -> None:
            problems.append(Problem(src.path, line, 1, t(key, src=image.src, **values), t(hint)))

        if image.src.startswith(("http:", "https:", "//")):
            continue  # the content policy refuses it (html.remote_picture)
        if not image.alt:
            problem("figure.no_alt", "figure.no_alt.hint")
        if image.caption == "":
            problem("figure.no_caption", "figure.no_caption.hint")
        if screenshots is not None and image.screenshot is not None:
            problems += _missing(src.path, line, image.src, image.screenshot, screenshots,
                                 "screenshot.missing.hint")
        elif image.name is None:
            problem("figure.not_in_folder" if screenshots is None else "page.image_not_in_folder",
                    "figure.not_in_folder.hint" if screenshots is None
                    else "page.image_not_in_folder.hint")
        else:
            problems += _missing(src.path, line, image.src, image.name, figures)
    if screenshots is None and all(image.caption is None for image in images):
        problems.append(Problem(src.path, src.body_line, 1, t("module.no_figure"),
                                t("module.no_figure.hint"), "warning"))
    return problems


def _missing(path: str, line: int, written: str, name: str, files: dict,
             hint: str = "figure.missing.hint") -> list[Problem]:
    if name in files:
        return []
    close = difflib.get_close_matches(name, list(files), n=3)
    return [Problem(path, line, 1, t("figure.missing", src=written),
                    t("hint.did_you_mean", name=close[0]) if close else t(hint))]


def screenshot_problems(screenshots: dict[str, Screenshot]) -> list[Problem]:
    keys = {"not_png": "screenshot.not_png", "too_big": "screenshot.too_big"}
    return [Problem(shot.shown, 1, 1, t(keys[shot.error]), t("screenshot.hint"))
            for shot in screenshots.values() if shot.error]


def figure_file_problems(figures: dict[str, FigureFile]) -> list[Problem]:
    problems = []
    for figure in figures.values():
        if figure.error:
            key = {"too_big": "figure.too_big", "not_svg": "figure.not_svg"}.get(figure.error)
            message = t(key) if key else t("figure.not_xml", reason=figure.error)
            problems.append(Problem(figure.shown, figure.error_line, 1, message,
                                    t("figure.file.hint")))
            continue
        problems += [Problem(figure.shown, line, 1, t(key, value=value), t("figure.file.hint"))
                     for line, key, value in svg_findings(figure)]
    return problems


def svg_findings(figure: FigureFile) -> list[tuple[int, str, str]]:
    """(line, message key, what) for each part of the drawing a browser would run or fetch."""
    found = []
    if not figure.elements or figure.elements[0].tag != "svg":
        return [(1, "figure.not_svg", "")]
    for element in figure.elements:
        if element.tag in _FORBIDDEN:
            found.append((element.line, "figure.element", element.tag))
            continue  # one finding is enough for it
        if element.tag == "style" and _REMOTE.search(element.text):
            found.append((element.line, "figure.remote", element.text.strip()[:60]))
        for name, value in element.attributes:
            if name.lower().startswith("on"):
                found.append((element.line, "figure.attribute", name))
            elif name == "href" and not value.startswith("#"):
                found.append((element.line, "figure.remote", value))
            elif _REMOTE.search(value):
                found.append((element.line, "figure.remote", value[:60]))
    return found

