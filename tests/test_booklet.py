"""A5 booklet imposition: saddle-stitch order, padding to four, two pages per A4 side."""

from pypdf import PdfReader
from weasyprint import HTML

from generator.handbooks.booklet import impose_booklet, saddle_stitch_order


def test_saddle_stitch_order_for_eight_pages():
    assert saddle_stitch_order(8) == [(7, 0), (1, 6), (5, 2), (3, 4)]


def test_short_documents_are_padded_with_blank_pages():
    # 6 pages become 8: pages 7 and 8 are blank (None).
    assert saddle_stitch_order(6) == [(None, 0), (1, None), (5, 2), (3, 4)]
    assert saddle_stitch_order(1) == [(None, 0), (None, None)]


def test_the_back_cover_stays_last_and_the_blanks_go_before_it():
    assert saddle_stitch_order(6, back_cover=True) == [(5, 0), (1, None), (None, 2), (3, 4)]
    assert saddle_stitch_order(8, back_cover=True) == saddle_stitch_order(8)


def test_imposed_booklet_places_the_right_pages_side_by_side(tmp_path):
    pages = "".join(f'<section style="break-after: page">Trang số {n}</section>' for n in range(1, 7))
    source = tmp_path / "a5.pdf"
    HTML(string=f"<style>@page {{ size: A5 }}</style>{pages}").write_pdf(source)
    target = tmp_path / "booklet.pdf"
    assert impose_booklet(source, target) == 4
    reader = PdfReader(target)
    assert len(reader.pages) % 2 == 0
    for page in reader.pages:
        assert round(float(page.mediabox.width)) == 842 and round(float(page.mediabox.height)) == 595
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    # The last page is the back cover: the two blanks that pad to eight go before it.
    assert texts[0] == "Trang số 6 Trang số 1"  # front of the outer sheet: back cover | page 1
    assert texts[1] == "Trang số 2"  # back: page 2 | blank
    assert texts[2] == "Trang số 3"  # blank | page 3
    assert texts[3] == "Trang số 4 Trang số 5"
