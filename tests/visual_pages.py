"""Visual regression of print: chosen pages of each variant of the small test project, drawn
as pictures and compared with reviewed references in tests/visual/ (issue #13).

The pages are drawn with PDFium (pypdfium2, already what the site uses for form previews), so
no poppler-utils is needed. The small project (tests/fixtures/mini) changes only when the tests
change, so a difference means the templates, styles, fonts or WeasyPrint laid a page out anew.

After reviewing a change on purpose, write the references again with one command:

    make visual-references

and look at the pictures in tests/visual/ before committing them.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops

HERE = Path(__file__).resolve().parent
REFERENCES = HERE / "visual"
# (PDF in downloads/, 0-based page, picture name): the cover, the contents, a chapter with a
# table and a figure (after the blank left page a chapter opens behind), the same in large print,
# the booklet's outer sheet, a handout.
PAGES = (("bo-1-so-sach.pdf", 0, "a4-cover"),
         ("bo-1-so-sach.pdf", 2, "a4-contents"),
         ("bo-1-so-sach.pdf", 4, "a4-chapter"),
         ("bo-1-so-sach-chu-lon.pdf", 4, "large-chapter"),
         ("bo-1-so-sach-so-tay-a5.pdf", 0, "a5-outer-sheet"),
         ("handouts/so-quy.pdf", 0, "handout"))
DPI = 40
EPOCH = "1735689600"  # 2025-01-01: the edition date the pictures show, whatever the day
# A pixel differs when its grey level moves by more than THRESHOLD; a page differs when more
# than TOLERANCE of its pixels do (anti-aliasing noise stays far below).
THRESHOLD = 48
TOLERANCE = 0.004


def draw(pdf: Path, page: int) -> Image.Image:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return document[page].render(scale=DPI / 72).to_pil().convert("L")
    finally:
        document.close()


def difference(picture: Image.Image, reference: Image.Image) -> float:
    """The share of pixels that differ visibly; 1.0 when the sizes differ."""
    if picture.size != reference.size:
        return 1.0
    changed = ImageChops.difference(picture, reference).point(lambda v: 255 if v > THRESHOLD else 0)
    return changed.histogram()[255] / (picture.size[0] * picture.size[1])


def build_mini(target: Path) -> Path:
    """The small test project, with PDFs, built into target; returns the downloads folder."""
    sys.path.insert(0, str(HERE))
    from conftest import FIXTURES, copy_project
    from generator.build import build

    project = copy_project(FIXTURES / "mini" / "content", FIXTURES / "mini" / "clubs",
                           target / "mini")
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        build(project, target / "site", pdf=True)
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
    return target / "site" / "downloads"


def write_references() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        downloads = build_mini(Path(tmp))
        shutil.rmtree(REFERENCES, ignore_errors=True)
        REFERENCES.mkdir()
        for pdf, page, name in PAGES:
            draw(downloads / pdf, page).save(REFERENCES / f"{name}.png", optimize=True)
            print(f"tests/visual/{name}.png  ←  {pdf}, trang {page + 1}")


if __name__ == "__main__":
    write_references()
