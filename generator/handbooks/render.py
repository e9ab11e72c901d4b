"""Render handbook HTML to PDF with WeasyPrint.

WeasyPrint lays out 10-17 pages/s on one core and holds a whole document in memory (DESIGN.md),
so each handbook renders in its own process, and a handbook whose HTML, styles and fonts did not
change is copied from the cache instead of rendered again.
"""

from __future__ import annotations

import hashlib
import os
from urllib.parse import unquote
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from generator import fonts
from generator.figures import FOLDER
from generator.background import die_with_parent
from generator.handbooks import booklet, preview
from generator.handbooks.booklet import impose_booklet
from generator.handbooks.compose import PrintDocument
from generator.model.content import Form, MaterialSet
from generator.messages import t
from generator.problems import BuildFailed, line_holding
from generator.progress import Progress


@dataclass(frozen=True)
class Printed:
    """A rendered PDF: a handbook or a form."""

    document: PrintDocument
    path: Path  # in the cache; the build publishes it as downloads/<filename>
    key: str  # its cache key: changes whenever the PDF would
    pages: int
    bytes: int
    rendered: bool  # False when it came from the cache
    previews: tuple[Path, ...] = ()  # pictures of its pages for the site (preview.py)

    @property
    def filename(self) -> str:
        return self.document.filename

    @property
    def set(self) -> MaterialSet | None:
        return self.document.set

    @property
    def form(self) -> Form | None:
        return self.document.form

    @property
    def variant(self):
        return self.document.variant

    @property
    def module(self):
        return self.document.module

    @property
    def course(self):
        return self.document.course

    @property
    def edition(self):
        return self.document.edition

    def preview_names(self) -> list[str]:
        """The pictures' paths in the downloads folder, beside the PDF."""
        stem = self.filename.removesuffix(".pdf")
        if len(self.previews) == 1 and not self.form:
            return [f"{stem}.png"]
        return [f"{stem}-trang-{n}.png" for n in range(1, len(self.previews) + 1)]


def render_all(documents: list[PrintDocument], cache: Path, progress: Progress,
               root: Path) -> list[Printed]:
    """root: the project, the one folder (with the fonts) that documents may read from."""
    cache.mkdir(parents=True, exist_ok=True)
    allowed = (str(root), *sorted({str(face.path.parent) for face in fonts.faces()}))
    renderer = _renderer()
    keys = {d.filename: _cache_key(d, renderer, root) for d in documents}
    cached = {d.filename: cache / f"{keys[d.filename]}.pdf" for d in documents}
    todo = [d for d in documents if not cached[d.filename].exists()]
    if todo:
        workers = max(1, min(len(todo), os.cpu_count() or 1))
        with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent) as pool:
            futures = {pool.submit(_render, d.html, str(cached[d.filename]),
                                   bool(d.variant and d.variant.booklet), root.as_uri() + "/",
                                   allowed): d for d in todo}
            for done, future in enumerate(as_completed(futures), 1):
                _result(future, futures[future], root)
                progress.count("tệp PDF đã in", done, len(todo))
    rendered = {d.filename for d in todo}
    printed = []
    for d in documents:
        path = cached[d.filename]
        pages = int(path.with_suffix(".pages").read_text())
        printed.append(Printed(d, path, keys[d.filename], pages, path.stat().st_size,
                               d.filename in rendered, _previews(d, path, pages)))
    _draw_missing(printed, progress)
    return printed


def _previews(document: PrintDocument, path: Path, pages: int) -> tuple[Path, ...]:
    """A form shows every page on its web page; a handbook in A4 shows its cover on the
    downloads page. Handouts and the other variants need no picture."""
    if document.form:
        return preview.preview_paths(path, pages, form=True)
    if document.set and document.variant and document.variant.name == "a4":
        return preview.preview_paths(path, pages, form=False)
    return ()


def _draw_missing(printed: list[Printed], progress: Progress) -> None:
    todo = [p for p in printed if p.previews and not all(x.exists() for x in p.previews)]
    if not todo:
        return
    with ProcessPoolExecutor(max_workers=max(1, min(len(todo), os.cpu_count() or 1)),
                             initializer=die_with_parent) as pool:
        futures = [pool.submit(preview.draw, str(p.path), [str(x) for x in p.previews],
                               preview.FORM_WIDTH if p.form else preview.COVER_WIDTH)
                   for p in todo]
        for done, future in enumerate(as_completed(futures), 1):
            future.result()
            progress.count("hình trang in", done, len(todo))


def _renderer() -> tuple[bytes, bytes]:
    """What every PDF depends on besides its HTML, read once per build: WeasyPrint's version,
    what a document may read (fetcher.py), what a kept PDF is scanned for (this file and
    personal.py: a cached book passed the scan of today's rules), the fonts; and, for the
    booklets, the imposition. Bytes, hashed after each document's HTML."""
    import weasyprint

    from generator.handbooks import fetcher
    from generator.model import personal

    fonts_digest = hashlib.sha256()
    for face in fonts.faces():
        fonts_digest.update(face.path.read_bytes())
    common = b"".join([weasyprint.__version__.encode(), Path(fetcher.__file__).read_bytes(),
                       Path(__file__).read_bytes(), Path(personal.__file__).read_bytes(),
                       fonts_digest.digest()])
    return common, Path(booklet.__file__).read_bytes()


def _cache_key(document: PrintDocument, renderer: tuple[bytes, bytes], root: Path) -> str:
    """Everything the finished PDF depends on: its HTML, the figures it draws (named, not held,
    by the HTML), the renderer, fonts, imposition."""
    common, imposition = renderer
    digest = hashlib.sha256(document.html.encode("utf-8"))
    for source in document.sources:
        if source.startswith(f"content/{FOLDER}/"):
            digest.update((root / source).read_bytes())
    digest.update(common)
    if document.variant and document.variant.booklet:
        digest.update(imposition)  # a change to imposition re-imposes
    else:
        digest.update(b"pdf/ua-1")
    return digest.hexdigest()[:32]


def _result(future, document: PrintDocument, root: Path) -> None:
    """Re-raise a worker's error here; a refused resource as a message naming its source."""
    from generator.handbooks.fetcher import Refused

    try:
        future.result()
    except Refused as err:
        raise BuildFailed(t("print.refused", document=document.filename, url=err.url,
                            source=_source_of(err.url, document, root))) from None
    except PersonalInPrint as err:
        raise BuildFailed(t("print.personal", document=document.filename, value=err.datum,
                            source=_source_of(err.datum, document, root))) from None


def _source_of(url: str, document: PrintDocument, root: Path) -> str:
    """The source that names url (as the author wrote it, so matched by its last part), as
    file:line; the document's sources, or its name, when none does."""
    name = unquote(url.rstrip("/").rsplit("/", 1)[-1])[:200]
    for source in document.sources:
        where = line_holding(root, source, name)
        if where != source:
            return where
    return ", ".join(document.sources) or document.filename


def _render(html: str, target: str, booklet: bool, base_url: str, allowed: tuple[str, ...]
            ) -> None:
    """Render (and impose) one PDF into the cache, with its page count beside it."""
    from weasyprint import HTML

    from generator.handbooks.fetcher import ProjectFetcher

    final = Path(target)
    partial = final.with_name(final.name + ".part")
    # PDF/UA-1: a tagged PDF (a structure tree for screen readers) whose XMP metadata declares
    # it, with its title and language. The imposed booklet is for paper only, and pypdf's
    # imposition would drop the tags anyway.
    options = {"pdf_variant": "pdf/ua-1"} if not booklet else {}
    HTML(string=html, base_url=base_url, url_fetcher=ProjectFetcher(allowed)).write_pdf(
        partial, **options)
    pages, found = _scanned(partial)
    if found:
        partial.unlink()
        raise PersonalInPrint(found)
    if booklet:
        flat, partial = partial, final.with_name(final.name + ".imposed.part")
        pages = impose_booklet(flat, partial)  # the printed sides
        flat.unlink()
    final.with_suffix(".pages").write_text(str(pages))
    os.replace(partial, final)  # the cache never holds half a PDF


class PersonalInPrint(Exception):
    """A phone number, ID-card number or e-mail address in a rendered PDF's text."""

    def __init__(self, datum: str):
        super().__init__(datum)
        self.datum = datum


def _scanned(pdf: Path) -> tuple[int, str | None]:
    """The PDF's number of pages, and the first personal datum in its text: the last look
    before a book is kept, after the checks of every source (model/personal.py). PDFium, 2 ms
    a page; pypdf took 2.5 s of a tagged handbook's 20 only to count its pages."""
    import pypdfium2

    from generator.model.personal import personal_data

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        for page in document:
            found = personal_data(page.get_textpage().get_text_range())
            if found:
                return len(document), found[0][2]
        return len(document), None
    finally:
        document.close()
