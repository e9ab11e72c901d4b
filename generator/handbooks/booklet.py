"""Impose an A5 document two-up on A4 landscape sheets in saddle-stitch order.

Printed double-sided (flip on the short edge), folded in the middle and stapled, the sheets read
as an A5 booklet. Blank pages pad the document to a multiple of four.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, DictionaryObject, EncodedStreamObject, NameObject,
                           StreamObject)

A4_LANDSCAPE = (841.89, 595.28)  # points


def saddle_stitch_order(pages: int, back_cover: bool = False) -> list[tuple[int | None, int | None]]:
    """Pairs (left, right) of 0-based page numbers for each printed side; None is blank.

    For 8 pages: (7, 0), (1, 6), (5, 2), (3, 4): the outer sheet carries the last and first
    pages on its front and the second and second-to-last on its back. back_cover: the last page
    is the back cover, so the blanks that pad to a multiple of four go before it, not after.
    """
    total = -(-pages // 4) * 4 if pages else 0
    order: list[int | None] = list(range(pages)) + [None] * (total - pages)
    if back_cover and pages and total > pages:
        order = list(range(pages - 1)) + [None] * (total - pages) + [pages - 1]
    sides = []
    for sheet in range(total // 4):
        front = (order[total - 1 - 2 * sheet], order[2 * sheet])
        back = (order[2 * sheet + 1], order[total - 2 - 2 * sheet])
        sides += [front, back]
    return sides


def impose_booklet(source: Path, target: Path) -> int:
    """Write the imposed booklet, its last page the back cover; returns the number of printed
    sides (A4 pages).

    Each A5 page becomes a form XObject (its content stream as it is, still compressed, with
    its resources) that its side draws scaled: no content stream is parsed or rewritten, which
    made pypdf's page merging half of a booklet's time.
    """
    reader = PdfReader(source)
    writer = PdfWriter()
    width, height = A4_LANDSCAPE
    for left, right in saddle_stitch_order(len(reader.pages), back_cover=True):
        side = PageObject.create_blank_page(writer, width=width, height=height)
        drawn, draw = DictionaryObject(), []
        for slot, number in ((0, left), (1, right)):
            if number is None:
                continue
            page = reader.pages[number]
            name = NameObject(f"/P{slot}")
            drawn[name] = writer._add_object(_as_form(page).clone(writer))
            draw.append(_placement(page, slot) + f" {name} Do Q")
        side[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): drawn})
        content = StreamObject()
        content.set_data("\n".join(draw).encode("ascii"))
        side[NameObject("/Contents")] = writer._add_object(content.flate_encode())
        writer.add_page(side)
    writer.add_metadata(reader.metadata or {})
    with target.open("wb") as handle:
        writer.write(handle)
    return len(writer.pages)


def _as_form(page: PageObject) -> StreamObject:
    """The page as a form XObject of the source document, its stream kept encoded."""
    contents = page["/Contents"].get_object()
    if isinstance(contents, ArrayObject):  # several streams: join them (not what WeasyPrint writes)
        form = StreamObject()
        form.set_data(b"\n".join(part.get_object().get_data() for part in contents))
    else:
        form = EncodedStreamObject() if "/Filter" in contents else StreamObject()
        form._data = contents._data  # noqa: SLF001 - pypdf has no public setter for raw bytes
        for key in ("/Filter", "/DecodeParms"):
            if key in contents:
                form[NameObject(key)] = contents[key]
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject(page.mediabox)
    form[NameObject("/Resources")] = page["/Resources"]
    if "/Group" in page:  # transparency group of the page (WeasyPrint's opacity)
        form[NameObject("/Group")] = page["/Group"]
    return form


def _placement(page: PageObject, slot: int) -> str:
    """The operators that scale the page into the left (0) or right (1) half of the side."""
    width, height = A4_LANDSCAPE
    page_width, page_height = float(page.mediabox.width), float(page.mediabox.height)
    scale = min((width / 2) / page_width, height / page_height)
    x = slot * width / 2 + (width / 2 - page_width * scale) / 2
    y = (height - page_height * scale) / 2
    left, bottom = float(page.mediabox.left), float(page.mediabox.bottom)
    return (f"q {scale:.6f} 0 0 {scale:.6f} {x - left * scale:.4f} {y - bottom * scale:.4f} cm")
