"""Figure files (content/figures/*.svg): read and parsed into their elements, with lines; and
the guides' screenshots (content/screenshots/*.png), whose signature is checked.

An SVG is a document a browser runs when it is opened on its own: the checks
(validate/figures.py) look at every element and attribute, so the parse keeps them all. Expat
with no DTD loading and no external entities; its own limits stop entity expansion attacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from generator.load.yamlfile import read_source

MAX_BYTES = 512 * 1024  # a drawing of a few hundred shapes is 5-30 KB


@dataclass(frozen=True)
class Element:
    line: int
    tag: str  # without the SVG namespace
    attributes: tuple[tuple[str, str], ...]
    text: str = ""  # for <style>: what it holds


@dataclass(frozen=True)
class FigureFile:
    """A file of content/figures/: its elements, or why it could not be read."""

    name: str
    shown: str  # content/figures/<name>
    elements: tuple[Element, ...] = ()
    error: str | None = None  # expat's message, or "too_big" / "not_svg"
    error_line: int = 1


def read_figure(path: Path, shown: str) -> FigureFile:
    if path.suffix.lower() != ".svg":
        return FigureFile(path.name, shown, error="not_svg")
    if path.stat().st_size > MAX_BYTES:
        return FigureFile(path.name, shown, error="too_big")
    return parse_svg(read_source(path, shown), path.name, shown)


def parse_svg(data: bytes, name: str, shown: str) -> FigureFile:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    elements: list[Element] = []
    styles: list[tuple[int, list[str]]] = []
    open_styles = [0]  # how many <style> elements are open: their text is kept

    def start(tag: str, attributes: dict[str, str]) -> None:
        local = tag.rsplit(" ", 1)[-1]
        pairs = tuple((key.rsplit(" ", 1)[-1], value) for key, value in attributes.items())
        elements.append(Element(parser.CurrentLineNumber, local, pairs))
        if local == "style":
            styles.append((len(elements) - 1, []))
            open_styles[0] += 1

    def end(tag: str) -> None:
        if tag.rsplit(" ", 1)[-1] == "style":
            open_styles[0] -= 1

    def text(data: str) -> None:
        if open_styles[0]:
            styles[-1][1].append(data)

    def entity(*_: object) -> None:
        raise expat.ExpatError("entity declarations are not allowed")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.EntityDeclHandler = entity
    try:
        parser.Parse(data, True)
    except expat.ExpatError as err:
        return FigureFile(name, shown, error=str(err).split(":")[0],
                          error_line=getattr(err, "lineno", 1) or 1)
    for index, parts in styles:
        element = elements[index]
        elements[index] = Element(element.line, element.tag, element.attributes, "".join(parts))
    return FigureFile(name, shown, tuple(elements))


@dataclass(frozen=True)
class Screenshot:
    """A picture of content/screenshots/ (a guide's screen, taken by the browser tests), or why
    it cannot be one."""

    name: str
    shown: str  # content/screenshots/<name>
    error: str | None = None  # "not_png" / "too_big"


SCREENSHOT_MAX_BYTES = 400 * 1024  # a phone screen in 64 colours is 20-80 KB
_PNG = b"\x89PNG\r\n\x1a\n"


def read_screenshot(path: Path, shown: str) -> Screenshot:
    if path.suffix.lower() != ".png":
        return Screenshot(path.name, shown, error="not_png")
    if path.stat().st_size > SCREENSHOT_MAX_BYTES:
        return Screenshot(path.name, shown, error="too_big")
    with path.open("rb") as handle:
        head = handle.read(24)
    if not head.startswith(_PNG) or head[12:16] != b"IHDR":
        return Screenshot(path.name, shown, error="not_png")
    return Screenshot(path.name, shown)
