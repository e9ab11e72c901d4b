"""`ishc new club` writes a file that `ishc check` accepts, and never overwrites one."""

import pytest

from generator.build import check
from generator.cli import main
from generator.load.yamlfile import read_yaml_file


def run(mini, *args: str) -> int:
    return main(["--root", str(mini.root), "new", "club", *args])


def test_new_club_round_trips_through_check(mini, capsys):
    code = run(mini, "--province", "hai phong", "--commune", "Xã Gia Lộc",
               "--name", "CLB Liên thế hệ Tự giúp nhau thôn Đông: Mới", "--village", "thôn Đông",
               "--founded", "2024-03-08")
    assert code == 0
    path = mini.clubs / "hai-phong" / "thon-dong-gia-loc.yaml"
    assert "clubs/hai-phong/thon-dong-gia-loc.yaml" in capsys.readouterr().out
    data = read_yaml_file(path, "new.yaml").data
    assert data["name"] == "CLB Liên thế hệ Tự giúp nhau thôn Đông: Mới"
    assert data["place"] == {"province": "Hải Phòng", "commune": "Xã Gia Lộc", "village": "thôn Đông"}
    assert check(mini) == []


def test_new_club_refuses_to_overwrite(mini, capsys):
    target = mini.clubs / "ha-noi" / "dong-hoang.yaml"
    before = target.read_bytes()
    assert run(mini, "--province", "Hà Nội", "--commune", "Xã Sóc Sơn", "--name", "CLB khác",
               "--id", "dong-hoang") == 1
    assert "không ghi đè" in capsys.readouterr().err
    assert target.read_bytes() == before


@pytest.mark.parametrize("province, words", [
    ("Hải Dương", 'thuộc Hải Phòng: dùng --province "Hải Phòng"'),
    ("Ha Tinh x", "Có phải ý bạn là 'Hà Tĩnh'?"),
])
def test_new_club_explains_a_wrong_province(mini, capsys, province, words):
    assert run(mini, "--province", province, "--commune", "Xã A", "--name", "CLB A") == 1
    assert words in capsys.readouterr().err
    assert sorted(p.name for p in mini.clubs.iterdir()) == ["ha-noi", "hai-phong"]


@pytest.mark.parametrize("commune, words", [
    ("Xã Gia Lôc", "Có phải ý bạn là 'Xã Gia Lộc'?"),
    ("Thị trấn Gia Lộc", "nay thuộc Xã Gia Lộc hoặc Xã Gia Phúc"),
])
def test_new_club_explains_a_wrong_commune(mini, capsys, commune, words):
    assert run(mini, "--province", "Hải Phòng", "--commune", commune, "--name", "CLB A") == 1
    assert words in capsys.readouterr().err


def test_new_club_writes_the_official_commune_name(mini):
    assert run(mini, "--province", "Hải Phòng", "--commune", "gia lộc", "--name", "CLB B",
               "--village", "thôn Bắc") == 0
    data = read_yaml_file(mini.clubs / "hai-phong" / "thon-bac-gia-loc.yaml", "new.yaml").data
    assert data["place"]["commune"] == "Xã Gia Lộc"


@pytest.mark.parametrize("name", ["CLB số #5", "CLB 2024", "yes", "CLB: Đông # Tây", "- CLB",
                                  "CLB 'Hoa Sen'", 'CLB "Hoa Sen"', "null"])
def test_new_club_names_read_back_as_typed(mini, name):
    assert run(mini, "--province", "Hà Nội", "--commune", "Xã Sóc Sơn", "--name", name,
               "--village", "thôn Mới", "--id", "moi") == 0
    path = mini.clubs / "ha-noi" / "moi.yaml"
    assert read_yaml_file(path, "moi.yaml").data["name"] == name
