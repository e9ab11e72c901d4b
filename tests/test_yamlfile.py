"""Reading hand-edited YAML: positions kept, hostile and broken files refused with a message."""

import unicodedata
from pathlib import Path

import pytest

from generator.load.yamlfile import YamlProblem, parse_yaml, read_yaml_file

BROKEN = Path(__file__).parent / "fixtures" / "broken"


def test_values_remember_line_and_column():
    doc = parse_yaml("name: A\nmembers:\n  - date: 2024-12-31\n    total: 60\n", "c.yaml")
    assert doc.data["members"][0]["total"] == 60
    assert doc.where(("members", 0, "total")).line == 4
    assert doc.where(("members", 0, "total")).col == 12
    # A location that does not exist falls back to its nearest ancestor.
    assert doc.where(("members", 0, "women")).line == 3


def test_text_is_normalised_to_nfc():
    doc = parse_yaml(unicodedata.normalize("NFD", "name: Sức khỏe\n"), "c.yaml")
    assert doc.data["name"] == unicodedata.normalize("NFC", "Sức khỏe")


BROKEN_CASES = [
    ("duplicate-key.yaml", 2, "khóa 'name' lặp lại"),
    ("tab.yaml", 4, "Tab"),
    ("python-tag.yaml", 1, "thẻ YAML không được phép"),
    ("alias-bomb.yaml", 1, "neo và bí danh"),  # points at the anchor that is reused
    ("top-level-list.yaml", 1, "cấp ngoài cùng"),
    ("empty.yaml", 1, "tệp rỗng"),
    ("utf16.yaml", 1, "UTF-16"),
    ("cp1258.yaml", 1, "Windows-1258"),
    ("binary.yaml", 1, "nhị phân"),
    ("deep.yaml", 1, "lồng quá sâu"),
    ("syntax.yaml", 4, "cú pháp"),
]


@pytest.mark.parametrize("name, line, words", BROKEN_CASES)
def test_broken_files_name_file_line_and_fault(name, line, words):
    with pytest.raises(YamlProblem) as caught:
        read_yaml_file(BROKEN / name, f"clubs/ha-noi/{name}")
    problem = caught.value.problem
    assert problem.path == f"clubs/ha-noi/{name}"
    assert problem.line == line
    assert words in problem.message
    assert problem.format().startswith(f"clubs/ha-noi/{name}:{line}:")


def test_file_over_one_megabyte_is_refused(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("note: " + "x" * 1_100_000 + "\n")
    with pytest.raises(YamlProblem) as caught:
        read_yaml_file(big, "big.yaml")
    assert "quá lớn" in caught.value.problem.message


@pytest.mark.parametrize("name, line, words", BROKEN_CASES)
def test_ishc_check_reports_each_broken_club_file_without_a_traceback(mini, name, line, words):
    import shutil

    from generator.build import check

    shutil.copy(BROKEN / name, mini.clubs / "ha-noi" / name)
    [problem] = [p for p in check(mini) if p.path == f"clubs/ha-noi/{name}"]
    assert (problem.line, problem.severity) == (line, "error")
    assert words in problem.message
