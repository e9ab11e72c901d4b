"""End to end on the shipped example data, and the build's promises on a small project."""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
import unicodedata

import pytest
import yaml
from pypdf import PdfReader

from generator.build import build
from generator.figures import images_in
from generator.problems import SourceError

from conftest import REPO

LEADER = re.compile(r"^(?P<title>\S.*?)\s*\.{2,}\s*(?P<page>\d+)$")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def script_value(path) -> object:
    """The value a search index part hands to ISHC_SEARCH: `ISHC_SEARCH.call(value);`."""
    text = path.read_text("utf-8")
    return json.loads(text[text.index("(") + 1:text.rindex(")")])


def catalogue() -> list[dict]:
    return yaml.safe_load((REPO / "content" / "sets.yaml").read_text("utf-8"))["sets"]


def test_check_on_the_example_data_is_silent_and_clean():
    done = subprocess.run([sys.executable, "-m", "generator.cli", "--root", str(REPO), "check"],
                          capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_every_club_has_a_page_reached_from_the_directory(example_build):
    # directory -> province -> commune -> club, each a link on the page before
    project, result = example_build
    clubs = sorted(project.clubs.glob("*/*.yaml"))
    assert len(clubs) >= 18
    national = (result.out / "clubs" / "index.html").read_text("utf-8")
    for path in clubs:
        province, club_id = path.parent.name, path.stem
        record = yaml.safe_load(path.read_text("utf-8"))
        page = result.out / "clubs" / province / f"{club_id}.html"
        assert record["name"] in page.read_text("utf-8"), page
        assert f'href="{province}/index.html"' in national
        directory = (result.out / "clubs" / province / "index.html").read_text("utf-8")
        communes = re.findall(r'href="(xa/[a-z0-9-]+\.html)"', directory)
        linking = [c for c in communes if f'href="../{club_id}.html"' in
                   (result.out / "clubs" / province / c).read_text("utf-8")]
        assert len(linking) == 1, (club_id, communes)


def test_club_pages_stay_out_of_the_navigation(example_build):
    _, result = example_build
    home = (result.out / "index.html").read_text("utf-8")
    some_club = next(p for p in (result.out / "clubs").glob("*/*.html") if p.name != "index.html")
    assert some_club.name not in home


def a4(result) -> list:
    return [h for h in result.handbooks if h.variant.name == "a4"]


def test_nine_handbooks_in_three_variants_open_and_are_listed(example_build):
    _, result = example_build
    sets = catalogue()
    assert len(sets) == 9
    pdfs = sorted((result.out / "downloads").glob("*.pdf"))
    assert len(pdfs) == 27
    downloads = (result.out / "downloads.html").read_text("utf-8")
    for handbook in result.handbooks:
        assert len(PdfReader(handbook.path).pages) == handbook.pages > 4
        item = re.search(rf'<li><a href="downloads/{re.escape(handbook.filename)}">(.*?)</li>',
                         downloads).group(1)
        shown = f"{handbook.pages} mặt A4" if handbook.variant.booklet else f"{handbook.pages} trang"
        assert shown in item, (handbook.filename, item)
    for number in range(1, 10):
        books = {h.variant.name: h for h in result.handbooks if h.set.number == number}
        assert sorted(books) == ["a4", "a5", "large"]
        # Large print has the same content on more pages.
        assert books["large"].pages > books["a4"].pages


@pytest.mark.parametrize("variant", ["a4", "large"])
@pytest.mark.parametrize("number", range(1, 10))
def test_handbook_contents_point_at_the_printed_pages(example_build, number, variant):
    _, result = example_build
    handbook = next(h for h in result.handbooks
                    if h.set.number == number and h.variant.name == variant)
    pages = [p.extract_text() for p in PdfReader(handbook.path).pages]
    toc = next(i for i, text in enumerate(pages) if text.lstrip().startswith("Mục lục"))
    lines = [line.strip() for text in pages[toc:toc + 3] for line in text.splitlines()]
    entries, pending = [], ""
    for line in lines:  # a long title wraps: join its lines until the one with the leader
        if m := LEADER.match(f"{pending} {line}".strip()):
            entries.append(m)
            pending = ""
        elif re.match(r"^\d+(\.\d+)*\. ", line) or pending:
            pending = f"{pending} {line}".strip()
    chapters = [e for e in entries if re.match(r"^\d+\. ", e["title"])]
    assert len(chapters) == len(handbook.set.modules)
    for entry in entries:
        title = re.sub(r"^[\d.]+\s*", "", entry["title"])
        page = int(entry["page"])
        printed = pages[page - 1]
        assert squash(title) in squash(printed), (title, page)
        assert str(page) in printed.splitlines(), f"page {page} does not print its number"


def test_a5_booklets_are_imposed_for_folding(example_build):
    _, result = example_build
    for booklet in (h for h in result.handbooks if h.variant.name == "a5"):
        reader = PdfReader(booklet.path)
        assert len(reader.pages) % 2 == 0  # sheets printed on both sides
        for page in reader.pages:
            assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
        # The outer sheet carries the back cover and the cover on its front, the colophon behind.
        assert squash(booklet.set.title) in squash(reader.pages[0].extract_text())
        assert squash(f"Sổ tay này là Bộ {booklet.set.number}") in squash(reader.pages[0].extract_text())
        assert squash(f"Bộ {booklet.set.number} trong chín bộ") in squash(reader.pages[1].extract_text())


def test_every_module_has_a_handout_linked_from_its_page(example_build):
    project, result = example_build
    assert len(result.handouts) == len(list(project.content.glob("modules/*.md")))
    for handout in result.handouts:
        reader = PdfReader(handout.path)
        assert 1 <= len(reader.pages) <= 2
        first_page = squash(reader.pages[0].extract_text())
        assert squash(handout.module.meta.title) in first_page
        # The lesson's first picture heads its handout, with its caption.
        figure = next(i for i in images_in(handout.module.body) if i.caption)
        assert squash(figure.caption) in first_page, handout.module.id
        page = (result.out / "modules" / f"{handout.module.id}.html").read_text("utf-8")
        assert f"downloads/{handout.filename}" in page


def test_handbooks_keep_vietnamese_text_and_embed_their_fonts(example_build):
    _, result = example_build
    for handbook in a4(result):
        reader = PdfReader(handbook.path)
        text = " ".join(" ".join(_page_texts(handbook.path)).split())
        assert "\ufffd" not in text
        assert "Câu lạc bộ Liên thế hệ Tự giúp nhau" in text
        assert re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", text)
        assert reader.metadata.title.startswith(f"Bộ {handbook.set.number}.")
        catalog = reader.trailer["/Root"]
        assert catalog["/Lang"] == "vi"
        assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]  # tagged PDF
        for page in reader.pages[:3]:
            for font in page["/Resources"]["/Font"].values():
                descriptor = font.get_object()
                descendants = descriptor.get("/DescendantFonts")
                if descendants:
                    descriptor = descendants[0].get_object()
                files = descriptor["/FontDescriptor"]
                assert any(k in files for k in ("/FontFile", "/FontFile2", "/FontFile3")), font


def test_the_site_ships_its_own_fonts_and_loads_none_from_the_web(example_build):
    _, result = example_build
    assert sorted(p.name for p in (result.out / "assets" / "fonts").glob("*.woff2"))
    for page in (result.out / "index.html", next(result.out.glob("modules/*.html"))):
        html = page.read_text("utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
        assert "assets/fonts.css" in html
    assert 'lang="vi"' in (result.out / "index.html").read_text("utf-8")


def test_training_pages_carry_the_module_text(example_build):
    project, result = example_build
    module = next(project.content.glob("modules/*.md"))
    html = (result.out / "modules" / f"{module.stem}.html").read_text("utf-8")
    assert "Kế hoạch buổi học" in html and "Câu hỏi ôn tập" in html
    # ... and every module is in the search index, each of its five sections an entry
    rows = [row for chunk in sorted((result.out / "search" / "docs").glob("e-*.js"))
            for row in script_value(chunk)[2]]
    for module in project.content.glob("modules/*.md"):
        sections = [row for row in rows if row[2].split("#")[0] == f"modules/{module.stem}.html"]
        assert len(sections) >= 6, module.stem


def test_private_fields_never_reach_the_output(mini, tmp_path):
    result = build(mini, tmp_path / "site", pdf=True)
    secret = "Bí Mật"
    for file in result.out.rglob("*"):
        if file.suffix in (".html", ".json", ".xml", ".js"):
            assert secret not in file.read_text("utf-8", errors="ignore"), file
    for printed in result.handbooks + result.handouts + result.forms:
        text = "".join(p.extract_text() for p in PdfReader(printed.path).pages)
        assert secret not in text


def test_only_photos_with_consent_are_published(mini, tmp_path):
    from PIL import Image

    photos = mini.content / "photos"
    photos.mkdir()
    for name, colour in (("hop-mat.jpg", "green"), ("chua-dong-y.jpg", "red")):
        Image.new("RGB", (40, 30), colour).save(photos / name)
    club = mini.clubs / "ha-noi" / "dong-hoang.yaml"
    club.write_text(club.read_text("utf-8").replace("private:", (
        "photos:\n"
        "  - {file: hop-mat.jpg, caption: Gặp mặt đầu xuân, consent: true}\n"
        "  - {file: chua-dong-y.jpg, caption: Ảnh chưa xin phép, consent: false}\n"
        "private:")), "utf-8")
    result = build(mini, tmp_path / "site", pdf=False)
    page = (result.out / "clubs" / "ha-noi" / "dong-hoang.html").read_text("utf-8")
    assert 'src="../../photos/hop-mat.jpg"' in page and "Gặp mặt đầu xuân" in page
    published = Image.open(result.out / "photos" / "hop-mat.jpg")
    assert published.size == (40, 30) and published.getpixel((20, 15))[1] > 100  # green
    assert not list(result.out.rglob("chua-dong-y*"))
    assert not any("Ảnh chưa xin phép" in f.read_text("utf-8", errors="ignore")
                   for f in result.out.rglob("*.html"))


def test_pages_use_the_official_commune_name_whatever_the_tone_placement(mini, tmp_path):
    club = mini.clubs / "ha-noi" / "dong-hoang.yaml"
    club.write_text(club.read_text("utf-8").replace("Xã Sóc Sơn", "Xã Ứng Hoà"), "utf-8")
    result = build(mini, tmp_path / "site", pdf=False)
    for page in ("clubs/ha-noi/index.html", "clubs/ha-noi/dong-hoang.html"):
        html = (result.out / page).read_text("utf-8")
        assert "Xã Ứng Hòa" in html and "Ứng Hoà" not in html, page


def test_a_failed_build_leaves_the_previous_site_untouched(mini, tmp_path):
    out = tmp_path / "site"
    build(mini, out, pdf=False)
    before = (out / "index.html").read_text("utf-8")
    club = mini.clubs / "ha-noi" / "dong-hoang.yaml"
    club.write_text(club.read_text("utf-8").replace("total: 62", "total: sáu mươi"), "utf-8")
    with pytest.raises(SourceError) as caught:
        build(mini, out, pdf=False)
    assert any(p.path == "clubs/ha-noi/dong-hoang.yaml" for p in caught.value.problems)
    assert (out / "index.html").read_text("utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini", "site"]


def add_second_set(project) -> None:
    """A second set with its own module, so a change can touch one handbook and not the other."""
    sets = project.content / "sets.yaml"
    text = sets.read_text("utf-8")
    second = text.split("sets:\n", 1)[1].replace("number: 1", "number: 2").replace(
        "slug: so-sach", "slug: so-vay").replace("[so-quy]", "[so-vay]")
    sets.write_text(text + second, "utf-8")
    module = (project.content / "modules" / "so-quy.md").read_text("utf-8")
    (project.content / "modules" / "so-vay.md").write_text(
        module.replace("id: so-quy", "id: so-vay").replace("sets: [1]", "sets: [2]"), "utf-8")


def rendered(result) -> dict[str, bool]:
    return {p.filename: p.rendered for p in result.handbooks + result.handouts + result.forms}


def test_only_documents_whose_inputs_changed_are_rendered_again(mini, tmp_path):
    add_second_set(mini)
    first = rendered(build(mini, tmp_path / "a", pdf=True))
    assert len(first) == 8 and all(first.values())  # 2 sets x 3 variants + 2 handouts
    assert not any(rendered(build(mini, tmp_path / "b", pdf=True)).values())
    module = mini.content / "modules" / "so-quy.md"
    module.write_text(module.read_text("utf-8").replace("hai người kiểm quỹ", "ba người kiểm quỹ"))
    third = rendered(build(mini, tmp_path / "c", pdf=True))
    assert sorted(name for name, again in third.items() if again) == [
        "bo-1-so-sach-chu-lon.pdf", "bo-1-so-sach-so-tay-a5.pdf", "bo-1-so-sach.pdf",
        "handouts/so-quy.pdf"]


def test_every_character_of_the_content_has_a_glyph_in_print():
    from generator.fonts import missing_glyphs

    text = "".join(p.read_text("utf-8") for p in sorted((REPO / "content").rglob("*.md")))
    text += (REPO / "content" / "glossary.yaml").read_text("utf-8")
    assert missing_glyphs(text) == set()


def test_a_symbol_outside_every_font_is_detected():
    from generator.fonts import missing_glyphs

    assert missing_glyphs("Sức khỏe ☐ → 𓀀") == {"𓀀"}


def test_each_form_prints_on_one_a4_page_and_is_offered(example_build):
    project, result = example_build
    forms = yaml.safe_load((project.content / "forms.yaml").read_text("utf-8"))["forms"]
    downloads = (result.out / "downloads.html").read_text("utf-8")
    assert len(result.forms) == len(forms)
    for form in forms:
        pdf = result.out / "downloads" / "forms" / f"{form['id']}.pdf"
        [page] = PdfReader(pdf).pages
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert sorted((round(width), round(height))) == [595, 842]  # A4 in points
        assert (width > height) == bool(form.get("landscape")), form["id"]
        assert squash(form["title"]) in squash(page.extract_text())
        assert f"forms/{form['id']}.pdf" in downloads
        site_page = (result.out / "forms" / f"{form['id']}.html").read_text("utf-8")
        assert form["title"] in site_page and f'id="form-{form["id"]}"' in site_page


def test_a_form_page_shows_the_form_as_it_prints(example_build):
    """Pictures of the PDF's pages, drawn from the PDF itself, then the form's items as text."""
    from PIL import Image

    project, result = example_build
    forms = yaml.safe_load((project.content / "forms.yaml").read_text("utf-8"))["forms"]
    for form in forms:
        html = (result.out / "forms" / f"{form['id']}.html").read_text("utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        assert article.count("<h1") == 1, form["id"]  # the title once, not again from the form
        pdf = result.out / "downloads" / "forms" / f"{form['id']}.pdf"
        pages = PdfReader(pdf).pages
        pictures = re.findall(r'<img src="\.\./downloads/(forms/[^"]+\.png)" alt="([^"]+)"', article)
        assert len(pictures) == len(pages), form["id"]
        for (src, alt), page in zip(pictures, pages):
            assert form["title"] in alt
            image = Image.open(result.out / "downloads" / src)
            width, height = image.size
            ratio = float(page.mediabox.height) / float(page.mediabox.width)
            assert width == 1200 and abs(height / width - ratio) < 0.01, src
            # Drawn, not blank: the ruling and the words darken part of the page.
            dark = sum(image.convert("L").point(lambda v: v < 128 and 255).histogram()[255:])
            assert 0.005 < dark / (width * height) < 0.5, src
        assert f'href="../downloads/forms/{form["id"]}.pdf"' in article
        text = article[article.index('<details class="ishc-form-text"'):]
        for block in form["blocks"]:
            for column in (block.get("table") or {}).get("columns", []):
                assert column["label"] in text, (form["id"], column["label"])


def test_downloads_show_each_handbook_with_its_cover_and_date(example_build):
    from PIL import Image

    _, result = example_build
    downloads = (result.out / "downloads.html").read_text("utf-8")
    for handbook in a4(result):
        card = downloads[downloads.index(f'aria-labelledby="bo-{handbook.set.number}"'):]
        card = card[:card.index("</section>")]
        cover = re.search(r'<img class="ishc-book__cover" src="downloads/([^"]+)"', card).group(1)
        image = Image.open(result.out / "downloads" / cover)
        assert image.size[0] == 300 and 1.40 < image.size[1] / image.size[0] < 1.43
        for variant in ("", "-chu-lon", "-so-tay-a5"):
            assert handbook.filename.replace(".pdf", f"{variant}.pdf") in card
        assert f"Cập nhật ngày {handbook.edition.date:%d/%m/%Y}" in card


def test_handbooks_carry_the_forms_of_their_set(example_build):
    project, result = example_build
    forms = yaml.safe_load((project.content / "forms.yaml").read_text("utf-8"))["forms"]
    for handbook in a4(result):
        outline = PdfReader(handbook.path).outline
        titles = [o.title for o in outline if not isinstance(o, list)]
        expected = [f["title"] for f in forms if handbook.set.number in f["sets"]]
        if not expected:
            assert "Phụ lục: Biểu mẫu" not in titles
            continue
        children = outline[outline.index(next(o for o in outline if not isinstance(o, list)
                                              and o.title == "Phụ lục: Biểu mẫu")) + 1]
        assert [c.title for c in children] == expected, handbook.filename


def test_cross_references_in_print_name_the_lesson_and_its_page(example_build):
    _, result = example_build
    checked = 0
    for handbook in a4(result):
        modules = handbook.set.modules
        pages = _page_texts(handbook.path)
        text = " ".join(" ".join(pages).split())
        for lesson, page in re.findall(r"\(xem bài (\d+), trang (\d+)\)", text):
            module_title = yaml.safe_load(
                (REPO / "content" / "modules" / f"{modules[int(lesson) - 1]}.md")
                .read_text("utf-8").split("---")[1])["title"]
            assert squash(module_title) in squash(pages[int(page) - 1]), (handbook.filename, lesson)
            checked += 1
    assert checked >= 5


def test_qr_codes_point_at_module_pages_when_the_site_has_an_address(mini, tmp_path):
    import segno

    from generator.build import load_portal
    from generator.handbooks.compose import Composer

    portal, _ = load_portal(mini)
    assert "class=\"qr\"" not in Composer(portal, mini).handbooks()[0].html  # no address, no QR
    config = mini.root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "site_url: https://clb.example.vn/\n", "utf-8")
    expected = segno.make("https://clb.example.vn/modules/so-quy.html", error="m")
    for document in Composer(portal, mini).handbooks() + Composer(portal, mini).handouts():
        assert expected.svg_data_uri(scale=4, border=2) in document.html, document.filename
    result = build(mini, tmp_path / "site", pdf=True)
    colophon = PdfReader(result.handbooks[0].path).pages[1].extract_text()
    assert "https://clb.example.vn" in colophon


def test_outline_has_an_entry_per_chapter_and_tables_are_numbered(example_build):
    _, result = example_build
    for handbook in a4(result):
        reader = PdfReader(handbook.path)
        titles = [o.title for o in reader.outline if not isinstance(o, list)]
        chapters = [t for t in titles if t not in ("Mục lục", "Phụ lục: Biểu mẫu", "Thuật ngữ")]
        assert len(chapters) == len(handbook.set.modules), (handbook.filename, chapters)
        assert any("Bảng 1.1" in page for page in _page_texts(handbook.path))  # every module opens with its session-plan table


def test_directory_and_province_pages_compare_the_clubs_with_the_targets(example_build):
    _, result = example_build
    for page in ("clubs/index.html", "clubs/ha-noi/index.html"):
        html = (result.out / page).read_text("utf-8")
        assert html.count('class="ishc-chart"') == 5, page
        assert "Thành viên là nữ" in html and ("Đạt" in html or "Chưa đạt" in html)
        assert html.count("<details><summary>Bảng số liệu</summary>") >= 1
    national = (result.out / "clubs" / "index.html").read_text("utf-8")
    assert "Quyết định 1648/QĐ-TTg" in national and "CLB thành lập mới 2025–2030" in national


def test_a_club_page_charts_its_members_and_funds_over_the_years(example_build):
    project, result = example_build
    record = yaml.safe_load((project.clubs / "ha-noi" / "hop-nhat-ba-vi.yaml").read_text("utf-8"))
    html = (result.out / "clubs" / "ha-noi" / "hop-nhat-ba-vi.html").read_text("utf-8")
    assert html.count('class="ishc-chart"') == 2
    members = html.split('id="bd-thanh-vien"')[1].split("</figure>")[0]
    assert members.count('<rect class="ishc-s0"') == len(record["members"])
    assert f">{record['members'][-1]['total']}<" in members  # the figures behind the chart
    assert 'Trước 1/7/2025' in html  # the place before the reform


def test_a_module_page_serves_a_trainer(example_build):
    project, result = example_build
    source = (project.content / "modules" / "so-quy-tien-mat.md").read_text("utf-8")
    html = (result.out / "modules" / "so-quy-tien-mat.html").read_text("utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    # every answer behind a closed disclosure, none printed open
    assert article.count('<details class="success">') == source.count("**Đáp án:**") > 0
    assert "<details class=\"success\" open" not in article and "Đáp án:</strong>" not in article
    # the handout before the lesson, the neighbours in the set after it, no English summary
    assert article.index("downloads/handouts/so-quy-tien-mat.pdf") < article.index("<h2")
    assert 'href="so-sach-cua-clb.html">← Bài trước' in article
    assert "Bài sau:" in article and "English summary" not in article
    # what to prepare, as a list
    assert re.search(r"<strong>Chuẩn bị:</strong></p>\s*<ul>", article)


def test_the_site_speaks_vietnamese_where_it_used_to_speak_english(example_build):
    _, result = example_build
    missing = (result.out / "404.html").read_text("utf-8")
    assert "Không tìm thấy trang này" in missing and 'name="q"' in missing
    for page in ("index.html", "clubs/index.html", "modules/so-quy-tien-mat.html"):
        assert "Made with" not in (result.out / page).read_text("utf-8"), page


def test_every_page_has_a_search_box_in_its_header(example_build):
    _, result = example_build
    for page in result.out.rglob("*.html"):
        if page.relative_to(result.out).parts[0] == "admin":
            continue  # the web editor's page (Decap CMS), not a page of the site to read
        html = page.read_text("utf-8")
        header = html[html.find("<header"):html.find("</header>")]
        assert 'role="search"' in header and 'name="q"' in header, page


def test_the_glossary_jumps_from_letter_to_letter(example_build):
    _, result = example_build
    html = (result.out / "glossary.html").read_text("utf-8")
    bar = html.split('class="ishc-az"', 1)[1].split("</nav>", 1)[0]
    letters = re.findall(r'href="#(chu-[a-z]+)">([^<]+)</a>', bar)
    assert len(letters) >= 10
    for anchor, _ in letters:
        assert f'id="{anchor}"' in html, anchor
    names = [letter for _, letter in letters]
    assert names.index("Đ") == names.index("D") + 1  # as in a Vietnamese dictionary


def test_the_stories_have_an_atom_feed_whose_links_resolve(example_build):
    from xml.etree import ElementTree

    project, result = example_build
    feed = ElementTree.parse(result.out / "stories" / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == len(list((project.content / "stories").glob("*.md")))
    for entry in entries:
        href = entry.find(f"{atom}link").get("href")
        assert (result.out / "stories" / href).is_file(), href
        assert entry.find(f"{atom}title").text and entry.find(f"{atom}summary").text
    assert 'href="feed.xml"' in (result.out / "stories" / "index.html").read_text("utf-8")


def test_the_home_page_opens_a_door_for_each_visitor_and_counts_the_clubs(example_build):
    project, result = example_build
    home = (result.out / "index.html").read_text("utf-8")
    for door in ("Giảng viên, tập huấn viên", "Hội Người cao tuổi tỉnh, xã", "Ban Chủ nhiệm CLB"):
        assert door in home
    clubs = len(list(project.clubs.glob("*/*.yaml")))
    assert f"<strong>{clubs}</strong> CLB" in home and 'id="tc-clb"' in home  # figures, chart
    stories = [(yaml.safe_load(p.read_text("utf-8").split("---")[1])["date"], p.stem)
               for p in (project.content / "stories").glob("*.md")]
    assert f'href="stories/{max(stories)[1]}.html"' in home  # the newest story


def test_no_markdown_attribute_or_dangling_label_reaches_the_pages(example_build):
    # What the W3C Nu checker found in our own templates: a leaked markdown="0", and a
    # <label for="__toc"> with no __toc on pages that open a section.
    _, result = example_build
    toggles = 0
    for page in result.out.rglob("*.html"):
        html = page.read_text("utf-8")
        assert ' markdown="' not in html, page
        if 'for="__toc"' in html:
            assert 'id="__toc"' in html, page
        # And in the theme's own templates (generator/site/theme_html.py): an autocomplete on
        # its toggles, an empty tabindex on navigation labels. 404.html included.
        assert not re.search(r'<input[^>]*type="checkbox"[^>]*autocomplete', html), page
        assert 'tabindex=""' not in html, page
        toggles += 'data-md-toggle="drawer"' in html  # the toggles themselves stay
    assert toggles > 100


def test_theme_faults_are_removed_and_nothing_else():
    from generator.site.theme_html import repaired

    html = ('<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
            '<input type="search" autocomplete="off"><label for="a" tabindex="">x</label>'
            '<label tabindex="0">y</label>')
    assert repaired(html) == ('<input class="md-toggle" type="checkbox" id="__drawer">'
                              '<input type="search" autocomplete="off"><label for="a">x</label>'
                              '<label tabindex="0">y</label>')


@pytest.mark.parametrize("link, stage", [
    ("[bài khác](khong-co-bai-nay.md)", SourceError),  # a missing lesson: ishc check finds it
    ("[mục](so-quy.md#khong-co-muc-nay)", "chỉ tới một mục không có"),  # a missing section
])
def test_a_broken_link_stops_the_build_at_its_source_line(mini, tmp_path, link, stage):
    from generator.problems import BuildFailed

    module = mini.content / "modules" / "so-quy.md"
    lines = module.read_text("utf-8").splitlines()
    at = lines.index("### Sổ quỹ là gì") + 2
    lines.insert(at, f"Xem thêm {link}.")
    module.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises((BuildFailed, SourceError)) as raised:
        build(mini, tmp_path / "site", pdf=False)
    error = raised.value
    if stage is SourceError:
        assert isinstance(error, SourceError)
        shown = error.problems[0].format()
    else:
        assert isinstance(error, BuildFailed) and stage in str(error)
        shown = str(error)
    assert shown.startswith(f"content/modules/so-quy.md:{at + 1}:")
    assert not (tmp_path / "site").exists()


def test_a_template_that_prints_private_notes_stops_the_build(mini, tmp_path):
    # The last line of defence: the club stage looks for the private notes in each page it
    # renders. Here a careless template edit prints them.
    template = mini.templates / "site" / "data" / "club.html.j2"
    template.write_text(template.read_text("utf-8") + "\n{{ club.private }}\n", "utf-8")
    with pytest.raises(SourceError) as raised:
        build(mini, tmp_path / "site", pdf=False)
    [problem] = raised.value.problems
    assert problem.path == "clubs/ha-noi/dong-hoang.yaml"
    assert "Nguyễn Thị Bí Mật" in problem.message and "templates/site/data" in problem.hint
    assert not (tmp_path / "site").exists()


def test_personal_data_that_reaches_a_written_page_stops_the_build(mini, tmp_path):
    from generator.problems import BuildFailed

    sets = mini.content / "sets.yaml"  # a field no check scans, shown on the set's page
    sets.write_text(sets.read_text("utf-8").replace(
        "purpose: Giữ sổ sách của CLB.", "purpose: Giữ sổ sách; thư cho hoa.nguyen@example.vn"),
        "utf-8")
    with pytest.raises(BuildFailed, match=r"hoa\.nguyen@example\.vn"):
        build(mini, tmp_path / "site", pdf=False)
    assert not (tmp_path / "site").exists()


def test_each_course_has_a_page_and_a_pack(example_build):
    project, result = example_build
    assert len(result.courses) == len(list((project.content / "courses").glob("*.yaml")))
    for pack in result.courses:
        course = pack.course
        page = (result.out / "training" / "courses" / f"{course.id}.html").read_text("utf-8")
        assert f"downloads/{pack.filename}" in page
        text = squash(" ".join(p.extract_text() for p in PdfReader(result.out / "downloads" /
                                                                   pack.filename).pages))
        assert squash(course.meta.title) in text
        for module, question in course.test():
            assert squash(question.question) in text, (course.id, module.id)


def test_the_dashboard_counts_the_example_trainings(example_build):
    _, result = example_build
    directory = (result.out / "clubs" / "index.html").read_text("utf-8")
    assert "Thành viên Ban Chủ nhiệm CLB được tập huấn" in directory
    assert "Khóa đào tạo giảng viên" in directory and "lớp tập huấn" in directory


def _structure(node, found: list) -> list:
    """Every structure element under node (a PDF structure tree), depth first."""
    node = node.get_object()
    if isinstance(node, dict):
        if "/S" in node:
            found.append(node)
        kids = node.get("/K")
        if kids is not None:
            for kid in kids if isinstance(kids, list) else [kids]:
                if not isinstance(kid, int) and not (isinstance(kid, dict) and "/MCID" in kid):
                    _structure(kid, found)
    return found


def test_tagged_pdfs_declare_pdf_ua_and_describe_their_figures(example_build):
    """What PDF/UA-1 asks that can be read from the file (README, "Phones, older readers,
    accessibility"); no full validator (veraPDF) installs from our registries."""
    _, result = example_build
    tagged = [p for p in result.handbooks if not p.variant.booklet] + result.handouts[:3] + \
        result.forms[:3] + result.courses
    figures = 0
    for printed in tagged:
        reader = PdfReader(printed.path)
        catalog = reader.trailer["/Root"]
        xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
        assert 'pdfuaid:part="1"' in xmp, printed.filename
        assert "<dc:title>" in xmp and catalog["/Lang"] == "vi"
        assert catalog["/MarkInfo"]["/Marked"] and reader.pdf_header == "%PDF-1.7"
        elements = _structure(catalog["/StructTreeRoot"], [])
        for element in elements:
            if element["/S"] == "/Figure":
                figures += 1
                assert str(element.get("/Alt", "")).strip(), printed.filename
        kinds = {e["/S"] for e in elements}
        if printed.set or printed.course:  # the lessons' tables have header cells
            assert {"/Table", "/TH"} <= kinds, printed.filename
    assert figures >= 50  # every module's figures, in the handbooks


@functools.lru_cache(maxsize=None)
def _page_texts(pdf) -> tuple[str, ...]:
    """The text of each page of a PDF, read once (PDFium: ten times quicker than pypdf)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    texts = tuple(unicodedata.normalize("NFC", page.get_textpage().get_text_range())
                  for page in document)
    document.close()
    return texts


@functools.lru_cache(maxsize=None)
def _chars(pdf) -> tuple[tuple[float, float, tuple], ...]:
    """Every page of a PDF as (width, height, its printed characters), each character as (x, y
    of its baseline, size in points, bold, the character). Read once per file for the tests
    that need them (PDFium; WeasyPrint writes CSS pixels, 3/4 pt)."""
    import ctypes

    import pypdfium2
    import pypdfium2.raw as pdfium

    document = pypdfium2.PdfDocument(pdf)
    x, y = ctypes.c_double(), ctypes.c_double()
    pages = []
    for page in document:
        text, found = page.get_textpage(), []
        for i in range(text.count_chars()):
            char = text.get_text_range(i, 1)
            if char.isspace():
                continue
            pdfium.FPDFText_GetCharOrigin(text.raw, i, x, y)  # on the baseline: q and ỹ alike
            found.append((x.value, y.value, round(pdfium.FPDFText_GetFontSize(text.raw, i) * 0.75, 1),
                          pdfium.FPDFText_GetFontWeight(text.raw, i) >= 600, char))
        pages.append((page.get_width(), page.get_height(), tuple(found)))
    document.close()
    return tuple(pages)


def _sizes(pdf) -> list[float]:
    """The size of every character of a PDF, in points."""
    return [c[2] for _, _, chars in _chars(pdf) for c in chars]


def test_chapters_appendix_and_glossary_open_on_right_hand_pages(example_build):
    _, result = example_build
    for book in (h for h in result.handbooks if not h.variant.booklet):
        reader = PdfReader(book.path)
        starts = {item.title: reader.get_destination_page_number(item) + 1
                  for item in reader.outline if not isinstance(item, list)}
        opened = {title: page for title, page in starts.items() if title != "Mục lục"}
        assert len(opened) >= 4 and all(page % 2 == 1 for page in opened.values()), (book.filename, starts)


def test_money_columns_line_up_on_their_right_edge(example_build):
    """The outstanding-loans table of the loan lesson (bo-4): its amounts share right edges."""
    import pypdfium2

    _, result = example_build
    book = next(h for h in result.handbooks if h.set.number == 4 and h.variant.name == "a4")
    document = pypdfium2.PdfDocument(book.path)
    page = next(p for p in document if "Bảng tổng hợp dư nợ" in (t := p.get_textpage().get_text_range())
                and "33.000.000" in t)  # the lesson's table, not the contents or the form
    text = page.get_textpage()
    content = text.get_text_range()
    edges: dict[float, set[float]] = {}
    for match in re.finditer(r"\d{1,2}\.000\.000", content):
        left = text.get_charbox(match.start())[0]
        right = text.get_charbox(match.end() - 1)[2]
        edges.setdefault(round(right), set()).add(round(left))
    # A column of 6 amounts of different widths (6.000.000, 10.000.000, 33.000.000 …) ends at
    # one right edge; left-aligned they would share a left edge instead.
    assert any(len(lefts) >= 2 for lefts in edges.values()), edges


def test_large_print_sets_what_is_read_at_twelve_points_and_the_booklet_at_eleven(example_build):
    _, result = example_build
    for book in result.handbooks:
        sizes = _sizes(book.path)
        body = max(set(sizes), key=sizes.count)  # the size most characters are set in
        if book.variant.name == "large":
            assert body >= 14 and min(sizes) >= 12, (book.filename, sorted(set(sizes))[:5])
        if book.variant.name == "a5":
            assert body >= 11, (book.filename, body)


def _page_lines(pdf, number: int, body: float, halves: bool) -> list[list[tuple[float, float]]]:
    """The lines of text of page number (from 0): (largest size in pt, share of bold
    characters), top to bottom; halves: the page is an imposed sheet of two A5 pages, each
    read on its own. The running head (small type in the top tenth) and the page number
    (digits alone in the bottom tenth) are left out."""
    width, height, chars = _chars(pdf)[number]
    rows: dict[tuple[int, int], list] = {}
    for x, y, size, bold, char in chars:
        rows.setdefault((int(halves and x > width / 2), round(y / 3)), []).append((char, size, bold))
    pages: list[list] = [[], []] if halves else [[]]
    for (half, baseline), line in sorted(rows.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        words, size = "".join(c[0] for c in line), max(c[1] for c in line)
        if baseline * 3 > 0.9 * height and size < body * 0.95:
            continue  # the running head
        if baseline * 3 < 0.1 * height and words.isdigit():
            continue  # the page number
        pages[half].append((size, sum(c[2] for c in line) / len(line)))
    return pages


def test_no_heading_ends_a_page_and_no_page_holds_only_a_line_or_two(example_build):
    """Every handbook in every variant: the last line of a page is never a heading (larger
    than the text and bold), and a page with text has at least three lines of it."""
    _, result = example_build
    faults = []
    for book in result.handbooks:
        sizes = _sizes(book.path)
        body = max(set(sizes), key=sizes.count)
        for number in range(1, len(_chars(book.path)) + 1):
            for lines in _page_lines(book.path, number - 1, body, halves=book.variant.booklet):
                if not lines:
                    continue  # a blank page, or the cover's half
                size, bold = lines[-1]
                if len(lines) > 1 and size >= body * 1.15 and bold > 0.8:
                    faults.append((book.filename, number, "heading at the foot"))
                if len(lines) <= 2 and number > 1:
                    faults.append((book.filename, number, f"{len(lines)} lines"))
    assert faults == [], faults
