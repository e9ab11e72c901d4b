"""Validation of a small project: clean data passes, each mistake points at its line."""

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.build import check
from generator.project import Project

TODAY = dt.date(2025, 6, 1)


def problems_of(project: Project) -> list[str]:
    return [p.format() for p in check(project, today=TODAY)]


def edit(project: Project, path: str, old: str, new: str) -> None:
    file = project.root / path
    text = file.read_text("utf-8")
    assert old in text, f"fixture text changed: {old!r}"
    file.write_text(text.replace(old, new, 1), "utf-8")


def test_the_mini_project_is_clean(mini):
    assert problems_of(mini) == []


def test_wrong_type_names_field_line_and_value(mini):
    edit(mini, "clubs/ha-noi/dong-hoang.yaml", "women: 44", 'women: "bốn mươi"')
    [problem] = problems_of(mini)
    assert problem.startswith("clubs/ha-noi/dong-hoang.yaml:15:12: members.women: phải là số nguyên")
    assert '"bốn mươi"' in problem


def test_unknown_field_suggests_the_closest(mini):
    edit(mini, "clubs/ha-noi/dong-hoang.yaml", "founded:", "founde:")
    found = problems_of(mini)
    assert any("dong-hoang.yaml:2:1: trường lạ 'founde'" in p and "'founded'" in p for p in found)
    assert any("thiếu trường bắt buộc 'founded'" in p for p in found)


def test_impossible_counts_are_refused(mini):
    edit(mini, "clubs/ha-noi/dong-hoang.yaml", "women: 44", "women: 70")
    [problem] = problems_of(mini)
    assert "dong-hoang.yaml:15:12: Nữ (70) lớn hơn Tổng số thành viên (62) (members.women > total)" in problem


def test_dates_in_the_future_are_refused(mini):
    edit(mini, "clubs/ha-noi/dong-hoang.yaml", "founded: 2023-05-14", "founded: 2030-05-14")
    [problem] = problems_of(mini)
    assert "dong-hoang.yaml:2:10: founded: ngày 14/05/2030 ở tương lai" in problem


def test_province_must_match_its_folder(mini):
    edit(mini, "clubs/hai-phong/ninh-xa.yaml", "province: Hải Phòng", "province: Hải Dương")
    [problem] = problems_of(mini)
    assert "ninh-xa.yaml:4:13: place.province: 'Hải Dương' không khớp thư mục" in problem
    assert "place.former.province" in problem


def test_unknown_province_folder(mini):
    (mini.clubs / "hai-duong").mkdir()
    (mini.clubs / "hai-phong" / "ninh-xa.yaml").rename(mini.clubs / "hai-duong" / "ninh-xa.yaml")
    [problem] = problems_of(mini)
    assert "clubs/hai-duong/ninh-xa.yaml" in problem and "không phải một trong 34" in problem


def test_duplicate_club_ids_across_provinces(mini):
    source = mini.clubs / "ha-noi" / "dong-hoang.yaml"
    text = source.read_text("utf-8").replace("Hà Nội", "Hải Phòng")
    (mini.clubs / "hai-phong" / "dong-hoang.yaml").write_text(text, "utf-8")
    assert any("mã CLB 'dong-hoang' trùng" in p for p in problems_of(mini))


def test_rating_level_must_be_one_of_four(mini):
    edit(mini, "clubs/ha-noi/dong-hoang.yaml", "level: mạnh", "level: manh")
    [problem] = problems_of(mini)
    assert "ratings.level" in problem and "Có phải ý bạn là 'mạnh'?" in problem


def test_module_plan_must_add_up_to_its_duration(mini):
    edit(mini, "content/modules/so-quy.md", "duration: 30", "duration: 45")
    [problem] = problems_of(mini)
    assert problem.startswith("content/modules/so-quy.md:8:11: duration là 45 phút")


def test_module_sections_are_checked(mini):
    edit(mini, "content/modules/so-quy.md", "## Hoạt động", "## Trò chơi")
    [problem] = problems_of(mini)
    assert "so-quy.md" in problem and "thiếu: Hoạt động" in problem


def test_links_between_modules_must_resolve(mini):
    edit(mini, "content/modules/so-quy.md", "Mỗi nhóm ghi", "Xem [bài khác](so-qui.md). Mỗi nhóm ghi")
    [problem] = problems_of(mini)
    assert "liên kết tới bài 'so-qui.md' không tồn tại" in problem and "'so-quy.md'" in problem


def test_catalogue_and_module_must_agree(mini):
    edit(mini, "content/sets.yaml", "modules: [so-quy]", "modules: [so-quy, so-vay]")
    [problem] = problems_of(mini)
    assert problem.startswith("content/sets.yaml:11:23:")
    assert "không có bài học 'so-vay'" in problem


def test_colon_in_a_list_item_gets_a_quoting_hint(mini):
    edit(mini, "content/modules/so-quy.md", "- Ghi đúng một khoản thu vào sổ quỹ.",
         "- Ghi đúng: một khoản thu vào sổ quỹ.")
    [problem] = problems_of(mini)
    assert "so-quy.md:10:5: objectives:" in problem and "dấu ngoặc kép" in problem


def test_stray_files_under_clubs_are_reported_as_warnings(mini):
    (mini.clubs / "ha-noi" / "moi.yml").write_text("name: x\n", "utf-8")
    problems = check(mini, today=TODAY)
    assert [p.severity for p in problems] == ["warning"]
    assert "Đổi đuôi tệp thành .yaml" in problems[0].hint


def test_committed_json_schema_matches_the_model():
    from generator.model.schema import SCHEMA_PATH, club_schema_text

    from conftest import REPO

    committed = (REPO / SCHEMA_PATH).read_text("utf-8")
    assert committed == club_schema_text(), "run `ishc schema` after changing the club model"


def test_json_schema_accepts_every_example_club_and_rejects_a_typo():
    import datetime
    import json

    import jsonschema
    import yaml

    from conftest import REPO
    from generator.model.schema import club_schema

    validator = jsonschema.Draft202012Validator(club_schema())
    clubs = sorted((REPO / "clubs").glob("*/*.yaml"))
    assert clubs
    for path in clubs:
        data = yaml.safe_load(path.read_text("utf-8"))
        # YAML dates arrive as date objects; the schema sees the text the editor sees.
        data = json.loads(json.dumps(data, default=lambda v: v.isoformat()
                                     if isinstance(v, datetime.date) else v))
        assert not list(validator.iter_errors(data)), path
        data["foundd"] = data.pop("founded")
        assert list(validator.iter_errors(data))


def test_a_form_block_holds_exactly_one_kind(mini):
    (mini.content / "forms.yaml").write_text(
        "forms:\n  - id: thu\n    title: Thử\n    title_en: Test\n    sets: [1]\n"
        "    purpose: Thử.\n    blocks:\n      - heading: Một\n        text: Hai\n", "utf-8")
    [problem] = problems_of(mini)
    assert problem.startswith("content/forms.yaml:8:9: mỗi khối của biểu mẫu chỉ có một loại")


INVALID = sorted((Path(__file__).parent / "fixtures" / "invalid-clubs").glob("*.yaml"))


@pytest.mark.parametrize("fixture", INVALID, ids=[p.stem for p in INVALID])
def test_each_invalid_club_file_is_reported_at_its_line(mini, fixture):
    # Each file holds one mistake and names what check must say in its `# expect:` lines.
    expected = [line.removeprefix("# expect: ") for line in fixture.read_text("utf-8").splitlines()
                if line.startswith("# expect: ")]
    shutil.copy(fixture, mini.clubs / "ha-noi" / fixture.name)
    shown = f"clubs/ha-noi/{fixture.name}:"
    found = [p.removeprefix(shown).split("\n")[0] for p in problems_of(mini) if p.startswith(shown)]
    assert found == expected


def test_commune_spelled_with_the_older_tone_placement_is_accepted(mini):
    edit(mini, "clubs/ha-noi/dong-hoang.yaml", "commune: Xã Sóc Sơn", "commune: Xã Ứng Hoà")
    assert problems_of(mini) == []


def test_photos_without_consent_are_a_warning(mini):
    (mini.content / "photos").mkdir()
    (mini.content / "photos" / "buoi-hop.jpg").write_bytes(b"\xff\xd8\xff")
    edit(mini, "clubs/ha-noi/dong-hoang.yaml", "private:",
         "photos:\n  - {file: buoi-hop.jpg, caption: Buổi họp, consent: false}\nprivate:")
    [problem] = check(mini, today=TODAY)
    assert problem.severity == "warning" and "sẽ không được đăng" in problem.message


@pytest.mark.parametrize("character, kind", [("\u202e", "đảo chiều chữ"), ("\u2066", "đảo chiều chữ"),
                                             ("\u200b", "không có bề rộng"), ("\ufeff", "không có bề rộng")])
def test_invisible_characters_in_names_and_titles_are_errors(mini, character, kind):
    club = mini.clubs / "ha-noi" / "dong-hoang.yaml"
    text = club.read_text("utf-8")
    name = next(line for line in text.splitlines() if line.startswith("name:"))
    club.write_text(text.replace(name, name[:12] + character + name[12:]), "utf-8")
    module = mini.content / "modules" / "so-quy.md"
    module.write_text(module.read_text("utf-8").replace("title: Sổ quỹ", f"title: Sổ{character} quỹ"),
                      "utf-8")
    found = {p.path.rsplit("/", 1)[-1]: p for p in check(mini) if p.severity == "error"}
    assert set(found) == {"dong-hoang.yaml", "so-quy.md"}
    assert f"U+{ord(character):04X} ({kind})" in found["dong-hoang.yaml"].message
    assert found["dong-hoang.yaml"].line == 1 + text.splitlines().index(name)
    assert "ký tự thứ 3" in found["so-quy.md"].message


def test_club_files_that_are_no_regular_files_of_the_project_are_refused(mini, tmp_path):
    import os

    folder = mini.clubs / "ha-noi"
    os.mkfifo(folder / "ong-dan.yaml")  # reading it would wait for ever
    (folder / "thiet-bi.yaml").symlink_to("/dev/zero")  # reading it would never end
    outside = tmp_path / "ngoai.yaml"
    outside.write_text((folder / "dong-hoang.yaml").read_text("utf-8"), "utf-8")
    (folder / "ngoai.yaml").symlink_to(outside)
    (folder / "hong.yaml").symlink_to(tmp_path / "khong-co.yaml")
    (folder / "ban-sao.yaml").symlink_to(folder / "dong-hoang.yaml")  # inside the project: fine
    problems = {p.path: p.message for p in check(mini) if p.severity == "error"}
    assert problems["clubs/ha-noi/ong-dan.yaml"].startswith("không phải tệp thường")
    assert "ngoài dự án" in problems["clubs/ha-noi/thiet-bi.yaml"]
    assert "ngoài dự án" in problems["clubs/ha-noi/ngoai.yaml"]
    assert "ngoài dự án" in problems["clubs/ha-noi/hong.yaml"] or "hỏng" in problems["clubs/ha-noi/hong.yaml"]
    assert "liên kết" not in problems.get("clubs/ha-noi/ban-sao.yaml", "")
