"""Impose an A5 document two-up on A4 landscape sheets in saddle-stitch order.

Printed double-sided (flip on the short edge), folded in the middle and stapled, the sheets read
as an A5 booklet. Blank pages pad the document to a multiple of four.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter, Transformation

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
    sides (A4 pages)."""
    reader = PdfReader(source)
    writer = PdfWriter()
    width, height = A4_LANDSCAPE
    for left, right in saddle_stitch_order(len(reader.pages), back_cover=True):
        side = PageObject.create_blank_page(width=width, height=height)
        for slot, number in ((0, left), (1, right)):
            if number is None:
                continue
            page = reader.pages[number]
            scale = min((width / 2) / float(page.mediabox.width), height / float(page.mediabox.height))
            x = slot * width / 2 + (width / 2 - float(page.mediabox.width) * scale) / 2
            y = (height - float(page.mediabox.height) * scale) / 2
            side.merge_transformed_page(page, Transformation().scale(scale).translate(x, y))
        writer.add_page(side).compress_content_streams()  # merged streams come out uncompressed
    writer.add_metadata(reader.metadata or {})
    with target.open("wb") as handle:
        writer.write(handle)
    return len(writer.pages)
