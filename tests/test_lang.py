"""Messages in Vietnamese and English: one catalogue, `ishc check --lang en`, same positions."""

from __future__ import annotations

import functools
import multiprocessing
import re
import shutil
import string
import unicodedata
from pathlib import Path

import pytest

from generator import messages
from generator.cli import main
from generator.load.places import load_places
from generator.load.yamlfile import YamlProblem, read_yaml_file
from generator.messages import LANGUAGES, MESSAGES, set_language, t

from conftest import FIXTURES, REPO

VIETNAMESE = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
INVALID = sorted((FIXTURES / "invalid-clubs").glob("*.yaml"))
BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))


@pytest.fixture(autouse=True)
def vietnamese_afterwards():
    """The language is process-wide: every test leaves it as the default."""
    yield
    set_language("vi")


def placeholders(template: str) -> set[str]:
    """Names of the fields a template fills: {day:%d/%m/%Y} -> day."""
    return {re.split(r"[.\[]", name)[0]
            for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@functools.lru_cache(maxsize=1)
def place_names() -> list[str]:
    """Every province, commune and former unit name, longest first."""
    places = load_places()
    names = {p.name for p in places.provinces}
    names |= {n for p in places.provinces for n in p.former}
    names |= {n for communes in places.communes.values() for n in communes.values()}
    names |= {n for units in places.merged.values() for f in units
              for n in (f.province, f.district, f.commune) if n}
    return sorted(names, key=len, reverse=True)


def words_outside_values(text: str) -> str:
    """text without quoted values and place names: what a translator wrote."""
    text = re.sub(r"(?<![A-Za-z])'[^'\n]*'", "", text)
    text = re.sub(r'"[^"\n]*"', "", text)
    for name in place_names():
        text = text.replace(name, "")
    return text


def assert_english(text: str) -> None:
    left = words_outside_values(text)
    assert not VIETNAMESE & set(left.lower()), f"Vietnamese words in: {text!r}"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"fixture text changed: {old!r}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def positions(output: str) -> list[str]:
    """file:line:col of each problem printed by ishc check."""
    return [line.split(": ", 1)[0] for line in output.splitlines()
            if line and not line.startswith(" ")]


# --- The catalogue ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_exists_in_both_languages_with_the_same_placeholders(key):
    templates = MESSAGES[key]
    assert len(templates) == len(LANGUAGES) == 2
    for template in templates:
        assert template.strip(), f"{key}: empty template"
        assert unicodedata.is_normalized("NFC", template), f"{key}: not NFC"
    vi, en = templates
    assert placeholders(vi) == placeholders(en), key
    assert_english(en)


def test_every_message_is_used_and_every_key_used_exists():
    sources = "\n".join(p.read_text("utf-8") for p in (REPO / "generator").rglob("*.py")
                        if p.name != "messages.py")
    used = set(re.findall(r'(?<![\w.])t\("([a-z0-9_.]+)"', sources))
    assert used <= set(MESSAGES), f"unknown keys: {sorted(used - set(MESSAGES))}"
    quoted = set(re.findall(r'"([a-z0-9_.]+)"', sources))
    unused = [key for key in MESSAGES if key not in quoted]
    assert not unused, f"catalogue entries no code uses: {unused}"


def test_language_is_chosen_once_and_defaults_to_vietnamese():
    assert messages.language() == "vi"
    assert t("hint.did_you_mean", name="Xã Sóc Sơn") == "Có phải ý bạn là 'Xã Sóc Sơn'?"
    set_language("en")
    assert t("hint.did_you_mean", name="Xã Sóc Sơn") == "Did you mean 'Xã Sóc Sơn'?"
    assert messages.number(1_000_000) == "1,000,000"
    with pytest.raises(ValueError):
        set_language("fr")
    assert messages.language() == "en"


# --- ishc check --lang en ----------------------------------------------------------------------


def test_check_in_english_prints_message_and_hint(mini, capsys):
    edit(mini.clubs / "ha-noi" / "dong-hoang.yaml", "commune: Xã Sóc Sơn", "commune: Xã Sóc Sơm")
    assert main(["--root", str(mini.root), "check", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert ("clubs/ha-noi/dong-hoang.yaml:10:12: place.commune: Hà Nội has no commune or ward "
            "'Xã Sóc Sơm'\n    → Did you mean 'Xã Sóc Sơn'?") in err


def test_check_in_vietnamese_by_default(mini, capsys):
    edit(mini.clubs / "ha-noi" / "dong-hoang.yaml", "commune: Xã Sóc Sơn", "commune: Xã Sóc Sơm")
    set_language("en")  # a previous run in English does not leak into the next one
    assert main(["--root", str(mini.root), "check"]) == 1
    err = capsys.readouterr().err
    assert "place.commune: Hà Nội không có 'Xã Sóc Sơm'" in err
    assert "Có phải ý bạn là 'Xã Sóc Sơn'?" in err


def test_ishc_lang_sets_the_default_and_the_option_wins(mini, capsys, monkeypatch):
    edit(mini.clubs / "ha-noi" / "dong-hoang.yaml", "women: 44", "women: 70")
    monkeypatch.setenv("ISHC_LANG", "en")
    assert main(["--root", str(mini.root), "check"]) == 1
    assert "members.women (70) is more than total (62)" in capsys.readouterr().err
    assert main(["--root", str(mini.root), "check", "--lang", "vi"]) == 1
    assert "Nữ (70) lớn hơn Tổng số thành viên (62) (members.women > total)" in capsys.readouterr().err


def test_an_unknown_ishc_lang_is_refused(mini, capsys, monkeypatch):
    monkeypatch.setenv("ISHC_LANG", "fr")
    with pytest.raises(SystemExit) as exit_:
        main(["--root", str(mini.root), "check"])
    assert exit_.value.code == 2
    assert "ISHC_LANG" in capsys.readouterr().err


def test_warnings_are_labelled_in_english(mini, capsys):
    (mini.content / "photos").mkdir()
    (mini.content / "photos" / "buoi-hop.jpg").write_bytes(b"\xff\xd8\xff")
    edit(mini.clubs / "ha-noi" / "dong-hoang.yaml", "private:",
         "photos:\n  - {file: buoi-hop.jpg, caption: Buổi họp, consent: false}\nprivate:")
    assert main(["--root", str(mini.root), "check", "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert "dong-hoang.yaml:" in err and ": warning: photo will not be published" in err
    assert main(["--root", str(mini.root), "check", "--strict", "--lang", "vi"]) == 1
    assert ": cảnh báo: ảnh chưa có đồng ý" in capsys.readouterr().err


@pytest.mark.parametrize("fixture", INVALID, ids=[p.stem for p in INVALID])
def test_each_invalid_club_file_is_reported_in_english_at_the_same_place(mini, capsys, fixture):
    shutil.copy(fixture, mini.clubs / "ha-noi" / fixture.name)
    shown = f"clubs/ha-noi/{fixture.name}:"
    code = main(["--root", str(mini.root), "check"])  # 0 when the fixture is only a warning
    vietnamese = capsys.readouterr().err
    assert main(["--root", str(mini.root), "check", "--lang", "en"]) == code
    english = capsys.readouterr().err
    assert positions(english) == positions(vietnamese)
    assert any(p.startswith(shown) for p in positions(english))
    assert english != vietnamese
    for line in english.splitlines():
        assert_english(line.removeprefix(shown))


@pytest.mark.parametrize("fixture", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_yaml_files_are_explained_in_english(fixture):
    def problem():
        with pytest.raises(YamlProblem) as caught:
            read_yaml_file(fixture, f"clubs/ha-noi/{fixture.name}")
        return caught.value.problem

    vietnamese = problem()
    set_language("en")
    english = problem()
    assert (english.path, english.line, english.col) == (vietnamese.path, vietnamese.line,
                                                         vietnamese.col)
    assert english.message != vietnamese.message
    assert_english(english.format())


def test_file_over_one_megabyte_in_english(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("note: " + "x" * 1_100_000 + "\n")
    set_language("en")
    with pytest.raises(YamlProblem) as caught:
        read_yaml_file(big, "big.yaml")
    assert caught.value.problem.message == "file too large (1,100,007 bytes, at most 1,000,000)"


def test_spawned_workers_speak_the_chosen_language(mini, monkeypatch):
    # Workers that are spawned, not forked, start with the default language: the initializer
    # must set it. Force the parallel path on a few files, with spawned processes.
    from generator import club_stage
    from generator.load.sources import load_sources
    from generator.validate import validate

    for fixture in INVALID:
        shutil.copy(fixture, mini.clubs / "ha-noi" / fixture.name)
    monkeypatch.setattr(club_stage, "PARALLEL_FROM", 1)
    monkeypatch.setattr(club_stage, "_context", lambda: multiprocessing.get_context("spawn"))
    set_language("en")
    sources = load_sources(mini)
    _, rules, _ = validate(sources)
    problems = club_stage.run_club_stage(sources.club_files, rules, mini.cache, workers=2).problems
    found = [p.format() for p in problems]
    expected = "clubs/ha-noi/women-over-total.yaml:17:12: members.women (70) is more than total (62)"
    assert expected in "\n".join(found)
    for text in found:
        assert_english(text)
