"""Stories: cards with province and areas, pages per province and per area, photos published
scaled and without their metadata, and the checks on a story's front matter."""

from __future__ import annotations

import re

import pytest

from generator.build import build, check
from generator.problems import BuildFailed, SourceError

from conftest import write_story


def story(mini, name: str, **fields) -> None:
    write_story(mini, name, **fields)


def photo_with_gps(path, size=(3000, 2000)) -> None:
    from PIL import Image

    image = Image.new("RGB", size, "teal")
    exif = Image.Exif()
    exif[0x010F] = "Điện thoại của chị Hoa"  # Make
    exif[0x8825] = {1: "N", 2: (21.0, 2.0, 3.0), 3: "E", 4: (105.0, 50.0, 1.0)}  # GPS
    image.save(path, "JPEG", exif=exif)


def test_stories_are_listed_by_province_and_by_area(example_build):
    project, result = example_build
    index = (result.out / "stories" / "index.html").read_text("utf-8")
    pages = {p.stem: p.read_text("utf-8") for p in (result.out / "stories").glob("*.html")}
    cards = re.findall(r'<article class="ishc-story-card.*?</article>', index, re.S)
    assert len(cards) == len(pages) - 1 == 3
    for card in cards:
        story_id = re.search(r'href="\.\./stories/([^"]+)\.html"', card).group(1)
        province = re.search(r'href="\.\./stories/tinh/([^"]+)\.html">([^<]+)<', card)
        by_province = (result.out / "stories" / "tinh" / f"{province.group(1)}.html").read_text("utf-8")
        assert f"stories/{story_id}.html" in by_province
        assert f"stories/{story_id}.html" in (
            result.out / "clubs" / province.group(1) / "index.html").read_text("utf-8")
        areas = re.findall(r'href="\.\./stories/linh-vuc/([^"]+)\.html"', card)
        assert areas, story_id
        for area in areas:
            listed = (result.out / "stories" / "linh-vuc" / f"{area}.html").read_text("utf-8")
            assert f"stories/{story_id}.html" in listed
    # A page per province lists only that province's stories.
    for page in (result.out / "stories" / "tinh").glob("*.html"):
        html = page.read_text("utf-8")
        assert html.count('<article class="ishc-story-card') == 1, page.name


def test_a_story_photo_is_published_scaled_and_without_its_metadata(mini, tmp_path):
    from PIL import Image

    (mini.content / "photos").mkdir()
    photo_with_gps(mini.content / "photos" / "do-huyet-ap.jpg")
    story(mini, "suc-khoe", club="dong-hoang", areas="[health]",
          photo="{file: do-huyet-ap.jpg, caption: Góc đo huyết áp, consent: true}")
    result = build(mini, tmp_path / "site", pdf=False)
    page = (result.out / "stories" / "suc-khoe.html").read_text("utf-8")
    assert 'src="../photos/do-huyet-ap.jpg" alt="Góc đo huyết áp"' in page
    assert 'src="../photos/do-huyet-ap.jpg"' in (result.out / "stories" / "index.html").read_text("utf-8")
    published = result.out / "photos" / "do-huyet-ap.jpg"
    image = Image.open(published)
    assert image.size == (1600, 1067)
    assert not image.getexif() and b"GPS" not in published.read_bytes()
    assert "Điện thoại".encode() not in published.read_bytes()
    assert (mini.content / "photos" / "do-huyet-ap.jpg").stat().st_size > 0  # the original stays


def test_a_story_photo_without_consent_stays_home(mini, tmp_path):
    (mini.content / "photos").mkdir()
    photo_with_gps(mini.content / "photos" / "chua-xin.jpg", (50, 40))
    story(mini, "chua-xin", photo="{file: chua-xin.jpg, caption: Ảnh chưa xin phép, consent: false}")
    result = build(mini, tmp_path / "site", pdf=False)
    assert not list(result.out.rglob("chua-xin.jpg"))
    assert "Ảnh chưa xin phép" not in (result.out / "stories" / "chua-xin.html").read_text("utf-8")
    assert any("không được đăng" in w.message for w in result.warnings
               if w.path.endswith("chua-xin.md"))


def test_a_photo_that_is_not_an_image_stops_the_build_and_names_the_file(mini, tmp_path):
    (mini.content / "photos").mkdir()
    (mini.content / "photos" / "hong.jpg").write_text("không phải ảnh", "utf-8")
    story(mini, "anh-hong", photo="{file: hong.jpg, caption: Ảnh hỏng, consent: true}")
    with pytest.raises(BuildFailed, match=r"content/photos/hong\.jpg: không đọc được ảnh"):
        build(mini, tmp_path / "site", pdf=False)
    assert not (tmp_path / "site").exists()


def test_a_linked_file_is_not_taken_for_a_photo(mini, tmp_path):
    (mini.content / "photos").mkdir()
    secret = tmp_path / "ngoai.jpg"
    photo_with_gps(secret, (20, 20))
    (mini.content / "photos" / "lien-ket.jpg").symlink_to(secret)
    story(mini, "lien-ket", photo="{file: lien-ket.jpg, caption: Liên kết, consent: true}")
    problems = check(mini)
    assert any(p.message.startswith("photo.file: không có ảnh 'content/photos/lien-ket.jpg'")
               for p in problems)


@pytest.mark.parametrize("fields, line, words", [
    ({"province": "Hà Nộii"}, 6, "Hà Nội"),  # a typo: the hint names the province
    ({"club": "dong-hoang", "province": "Hải Phòng"}, 7, "Hà Nội"),  # not the club's
    ({"areas": "[suc-khoe]"}, 6, "areas"),
])
def test_a_story_names_a_real_province_and_known_areas(mini, fields, line, words):
    story(mini, "sai", **fields)
    errors = [p for p in check(mini) if p.severity == "error" and p.path.endswith("sai.md")]
    assert len(errors) == 1 and errors[0].line == line, errors
    assert words in errors[0].message + errors[0].hint
    with pytest.raises(SourceError):
        build(mini, mini.root / "site", pdf=False)


def test_a_story_without_consent_is_checked_but_never_published(mini, tmp_path):
    story(mini, "chua-dong-y", consent="false", club="dong-hoang",
          title="Chuyện chưa được phép đăng")
    club = mini.clubs / "ha-noi" / "dong-hoang.yaml"
    club.write_text(club.read_text("utf-8").replace("private:", "stories: [chua-dong-y]\nprivate:"),
                    "utf-8")
    result = build(mini, tmp_path / "site", pdf=False)
    assert any(w.path.endswith("chua-dong-y.md") and w.message.startswith("consent:")
               for w in result.warnings)
    assert not list(result.out.rglob("chua-dong-y*"))
    for page in result.out.rglob("*"):
        if page.is_file() and page.suffix in (".html", ".xml", ".js", ".json"):
            assert "Chuyện chưa được phép đăng" not in page.read_text("utf-8", errors="ignore"), page


def test_a_photo_whose_bytes_are_not_what_its_name_says_or_too_big_stops_the_build(
        mini, tmp_path, monkeypatch):
    from PIL import Image

    from generator.site import photos

    (mini.content / "photos").mkdir()
    Image.new("RGB", (20, 20), "red").save(mini.content / "photos" / "that-ra-png.jpg", "PNG")
    story(mini, "sai-loai", photo="{file: that-ra-png.jpg, caption: Ảnh, consent: true}")
    with pytest.raises(BuildFailed, match=r"content/photos/that-ra-png\.jpg: không đọc được ảnh"):
        build(mini, tmp_path / "site", pdf=False)
    Image.new("RGB", (20, 20), "red").save(mini.content / "photos" / "that-ra-png.jpg", "JPEG")
    monkeypatch.setattr(photos, "MAX_BYTES", 100)
    with pytest.raises(BuildFailed, match=r"that-ra-png\.jpg: không đọc được ảnh \(tệp [\d.]+ byte, "
                                          r"quá giới hạn 100 byte\)"):
        build(mini, tmp_path / "site", pdf=False)
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("fields, line, words", [
    ({"illustrative": None}, 2, "illustrative: true"),  # neither: refused where the front matter starts
    ({"source": "Báo Người cao tuổi, 2025"}, 2, "source:"),  # both
    ({"illustrative": "false"}, 2, "source:"),
])
def test_a_story_says_where_it_comes_from_in_exactly_one_way(mini, fields, line, words):
    story(mini, "nguon", **fields)
    errors = [p for p in check(mini) if p.severity == "error" and p.path.endswith("nguon.md")]
    assert len(errors) == 1 and errors[0].line == line, errors
    assert words in errors[0].message and "illustrative: true" in errors[0].hint
    with pytest.raises(SourceError):
        build(mini, mini.root / "site", pdf=False)


NOTE = "nhân vật và số liệu là giả định"


def test_an_illustrative_story_says_so_on_its_page_its_card_and_in_the_feed(mini, tmp_path):
    story(mini, "minh-hoa", title="Chuyện minh họa", areas="[health]")
    result = build(mini, tmp_path / "site", pdf=False)
    page = (result.out / "stories" / "minh-hoa.html").read_text("utf-8")
    note = page.index("Câu chuyện minh họa:")
    assert NOTE in page[note:] and note < page.index("Nội dung câu chuyện.")  # read before the story
    listings = [result.out / "stories" / "index.html",
                *(result.out / "stories" / "linh-vuc").glob("*.html")]
    assert len(listings) == 2
    for listing in listings:
        card = re.search(r'<article class="ishc-story-card.*?</article>',
                         listing.read_text("utf-8"), re.S).group(0)
        assert "Câu chuyện minh họa:" in card and NOTE in card, listing
    assert "minh họa" in (result.out / "stories" / "feed.xml").read_text("utf-8")
    assert "Nguồn:" not in page


def test_a_sourced_story_prints_its_source_under_the_story_and_no_note(mini, tmp_path):
    source = "Tạp chí Người cao tuổi, số 12, ngày 5/6/2025: “Quỹ nhỏ, việc lớn”"
    story(mini, "co-nguon", illustrative=None, source=f"'{source}'")
    result = build(mini, tmp_path / "site", pdf=False)
    page = (result.out / "stories" / "co-nguon.html").read_text("utf-8")
    assert page.index("Nội dung câu chuyện.") < page.index(f"Nguồn:</strong> {source}")
    index = (result.out / "stories" / "index.html").read_text("utf-8")
    assert f"Nguồn:</strong> {source}" in index
    for html in (page, index):
        assert NOTE not in html


def test_every_shipped_story_says_where_it_comes_from_on_its_page(example_build):
    import yaml

    project, result = example_build
    for path in (project.content / "stories").glob("*.md"):
        meta = yaml.safe_load(path.read_text("utf-8").split("---")[1])
        page = (result.out / "stories" / f"{path.stem}.html").read_text("utf-8")
        if meta.get("illustrative"):
            assert NOTE in page, path.name
        else:
            assert f"Nguồn:</strong> {meta['source']}" in page, path.name
