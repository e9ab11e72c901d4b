"""Pictures of printed pages for the site: a form's pages as they print, a book's cover.

A form on the web is only honest as an image of its PDF: ruled HTML would wrap, collapse its
blanks and drift from what the printer gives. PDFium (pypdfium2) draws the pages; a palette of
16 greys and greens keeps a ruled A4 page near 20 KB at 1,200 px, a cover near 4 KB.
"""

from __future__ import annotations

import os
from pathlib import Path

FORM_WIDTH = 1200  # px: sharp on a phone held sideways, and on a desktop at 2x
COVER_WIDTH = 300  # px: a 150 px thumbnail on a dense screen


def preview_paths(pdf: Path, pages: int, form: bool) -> tuple[Path, ...]:
    """Where the pictures of a cached PDF live: beside it, named after its cache key."""
    if form:
        return tuple(pdf.with_name(f"{pdf.stem}.page-{n}.png") for n in range(1, pages + 1))
    return (pdf.with_name(f"{pdf.stem}.cover.png"),)


def draw(pdf: str, targets: list[str], width: int) -> None:
    """Draw the first len(targets) pages of pdf into the target PNG files."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        for number, target in enumerate(targets):
            page = document[number]
            scale = width / page.get_size()[0]
            image = page.render(scale=scale).to_pil().convert("RGB").quantize(16)
            partial = f"{target}.part"
            image.save(partial, "PNG", optimize=True)
            os.replace(partial, target)  # the cache never holds half a picture
            page.close()
    finally:
        document.close()
