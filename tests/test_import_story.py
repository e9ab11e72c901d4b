"""`ishc import-story`: Word documents the test writes (python-docx) become stories that build."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest

from generator.build import build, check
from generator.cli import main
from generator.story_import import ImportFailed, import_story


def picture(size=(2400, 1800), colour="teal") -> io.BytesIO:
    from PIL import Image

    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    exif[0x010F] = "Điện thoại của chị Hoa"  # Make: must not reach the published copy
    data = io.BytesIO()
    image.save(data, "JPEG", exif=exif)
    data.seek(0)
    return data


def word_story(path, pictures: int = 1) -> None:
    """A story as a club writes it in Word: title, bold words, a sub-heading, a list, pictures
    each with a caption under it (Word's Caption style)."""
    from docx import Document
    from docx.shared import Cm

    doc = Document()
    doc.add_heading("Góp gạo tiết kiệm: thôn Đông Hoàng giúp nhau qua mùa giáp hạt", level=1)
    para = doc.add_paragraph("Mỗi tháng, các thành viên góp ")
    para.add_run("một bơ gạo").bold = True
    para.add_run(" vào hũ chung. Cả thôn cùng làm từ năm 2023.")
    for number in range(1, pictures + 1):
        doc.add_picture(picture(colour=("teal", "orange")[number % 2]), width=Cm(12))
        doc.add_paragraph(f"Ảnh {number}: Buổi góp gạo tháng 3", style="Caption")
    doc.add_heading("Cách làm", level=2)
    for step in ("Bầu người giữ sổ", "Góp vào ngày sinh hoạt", "Công khai số gạo mỗi quý"):
        doc.add_paragraph(step, style="List Bullet")
    doc.add_paragraph("CLB, người và số liệu là giả định.")
    doc.save(path)


def test_a_word_story_becomes_a_story_that_builds(mini, tmp_path):
    from PIL import Image

    docx = tmp_path / "gop-gao.docx"
    word_story(docx)
    done = import_story(mini, docx, "dong-hoang", "Phiếu đồng ý ký ngày 12/3/2025, lưu tại Hội NCT xã",
                        "Bản tin Hội NCT xã, số 3/2025", date=dt.date(2025, 3, 20), areas=("self_help",))
    text = done.story.read_text("utf-8")
    assert text.startswith("---\ntitle: \"Góp gạo tiết kiệm: thôn Đông Hoàng")
    assert 'source: "Bản tin Hội NCT xã, số 3/2025"' in text.split("---", 2)[1]
    assert "consent: true" in text and "province: \"Hà Nội\"" in text
    assert "một bơ gạo" in text and "**một bơ gạo**" in text
    assert re.search(r"^## Cách làm$", text, re.M)
    assert re.findall(r"^- (.+)$", text, re.M) == ["Bầu người giữ sổ", "Góp vào ngày sinh hoạt",
                                                   "Công khai số gạo mỗi quý"]
    assert "caption: \"Ảnh 1: Buổi góp gạo tháng 3\"" in text
    assert "Ảnh 1: Buổi góp gạo" not in text.split("---", 2)[2]  # not again in the body
    assert [p.name for p in done.photos] == [f"{done.story.stem}-1.jpg"]
    stored = Image.open(done.photos[0])
    assert max(stored.size) == 1600 and not stored.getexif()
    assert not [p for p in check(mini) if p.severity == "error"]
    result = build(mini, tmp_path / "site", pdf=False)
    page = (result.out / "stories" / f"{done.story.stem}.html").read_text("utf-8")
    assert "<strong>một bơ gạo</strong>" in page
    assert f'src="../photos/{done.story.stem}-1.jpg"' in page


def test_more_pictures_are_kept_beside_the_story_and_named(mini, tmp_path):
    docx = tmp_path / "hai-anh.docx"
    word_story(docx, pictures=2)
    done = import_story(mini, docx, "dong-hoang", "Phiếu đồng ý", None, story_id="hai-anh")
    assert [p.name for p in done.photos] == ["hai-anh-1.jpg", "hai-anh-2.jpg"]
    # No published source: the Word file and the day it came in are the story's provenance.
    assert "source: \"Tệp Word hai-anh.docx, nhập ngày" in done.story.read_text("utf-8")
    assert len(done.notes) == 1 and "hai-anh-2.jpg" in done.notes[0]


def test_without_consent_the_story_is_kept_but_not_published(mini, tmp_path):
    docx = tmp_path / "chua-dong-y.docx"
    word_story(docx)
    assert main(["--root", str(mini.root), "import-story", str(docx), "--club", "dong-hoang",
                 "--consent", "", "--source", "", "--id", "chua-dong-y"]) == 0
    text = (mini.content / "stories" / "chua-dong-y.md").read_text("utf-8")
    assert text.count("consent: false") == 2  # the story and its photo
    result = build(mini, tmp_path / "site", pdf=False)
    assert not list(result.out.rglob("chua-dong-y*"))


def test_a_broken_word_file_is_refused_and_nothing_is_written(mini, tmp_path, capsys):
    docx = tmp_path / "hong.docx"
    word_story(docx)
    docx.write_bytes(docx.read_bytes()[:2000])  # cut short, as by a failed download
    before = sorted(p.name for p in mini.content.rglob("*"))
    assert main(["--root", str(mini.root), "import-story", str(docx), "--club", "dong-hoang",
                 "--consent", "Phiếu đồng ý", "--source", "Bản tin"]) == 1
    assert "hong.docx không phải tệp Word .docx" in capsys.readouterr().err
    assert sorted(p.name for p in mini.content.rglob("*")) == before


def test_an_unknown_club_or_an_existing_story_is_refused(mini, tmp_path):
    docx = tmp_path / "gop-gao.docx"
    word_story(docx)
    with pytest.raises(ImportFailed, match="không có CLB mã 'khong-co'"):
        import_story(mini, docx, "khong-co", "Phiếu đồng ý")
    import_story(mini, docx, "dong-hoang", "Phiếu đồng ý", story_id="gop-gao")
    with pytest.raises(ImportFailed, match="đã có; không ghi đè"):
        import_story(mini, docx, "dong-hoang", "Phiếu đồng ý", story_id="gop-gao")
