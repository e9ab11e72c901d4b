"""A build never replaces the project, its sources or a folder of someone's files."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from generator.build import build
from generator.problems import BuildFailed
from generator.site.destination import MARKER


def snapshot(folder) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("where, words", [
    (lambda root: root, "chứa chính dự án"),
    (lambda root: root.parent, "chứa chính dự án"),
    (lambda root: root / "content", "nằm trong content/"),
    (lambda root: root / "clubs" / "ha-noi", "nằm trong clubs/"),
    (lambda root: root / "templates" / "moi", "nằm trong templates/"),  # not there yet: still no
])
def test_the_project_and_its_sources_are_refused(mini, where, words):
    before = snapshot(mini.root)
    with pytest.raises(BuildFailed, match=words):
        build(mini, where(mini.root), pdf=False)
    assert snapshot(mini.root) == before
    assert not list(mini.root.parent.glob(".*-*-*"))  # no staging folder left either


def test_a_folder_of_other_files_is_refused_and_kept(mini, tmp_path):
    documents = tmp_path / "tai-lieu"
    documents.mkdir()
    (documents / "bao-cao.docx").write_bytes(b"PK\x03\x04")
    with pytest.raises(BuildFailed, match="đã có 1 tệp không do ishc tạo"):
        build(mini, documents, pdf=False)
    assert snapshot(documents) == {"bao-cao.docx": b"PK\x03\x04"}


def test_a_link_to_the_sources_is_seen_through(mini, tmp_path):
    link = tmp_path / "ket-qua"
    link.symlink_to(mini.content)
    with pytest.raises(BuildFailed, match="nằm trong content/"):
        build(mini, link, pdf=False)


def test_new_empty_default_and_earlier_outputs_are_accepted(mini, tmp_path):
    empty = tmp_path / "trong"
    empty.mkdir()
    assert build(mini, empty, pdf=False).pages > 0
    assert (empty / MARKER).is_file()
    shutil.rmtree(mini.cache)  # the marker alone says ishc made it
    assert build(mini, empty, pdf=False).pages > 0
    default = mini.root / "site"
    default.mkdir()
    (default / "cu.html").write_text("bản cũ", "utf-8")  # site/ is replaced, as always
    build(mini, default, pdf=False)
    assert not (default / "cu.html").exists()
    assert build(mini, mini.root / "ban-dung" / "web", pdf=False).pages > 0  # new, in the project


def test_the_command_line_says_why_without_a_traceback(mini):
    run = subprocess.run([sys.executable, "-m", "generator.cli", "build", "--no-pdf", "--out", "."],
                         cwd=mini.root, capture_output=True, text=True)
    assert run.returncode == 1
    assert "chứa chính dự án" in run.stderr + run.stdout and "Traceback" not in run.stderr
    assert (mini.content / "sets.yaml").is_file()


def test_an_output_path_through_a_file_is_one_message(mini, tmp_path):
    (tmp_path / "tep").write_text("x", "utf-8")
    with pytest.raises(BuildFailed, match="không đọc hoặc ghi được .*tep"):
        build(mini, tmp_path / "tep" / "site", pdf=False)


def test_a_folder_without_mkdocs_yml_is_named_not_a_traceback(mini, tmp_path):
    mini.mkdocs_yml.unlink()
    with pytest.raises(BuildFailed, match="không thấy mkdocs.yml"):
        build(mini, tmp_path / "site", pdf=False)


@pytest.mark.parametrize("port", ["99999", "0", "-1", "abc"])
def test_a_bad_port_is_refused_by_the_command_line(mini, port, capsys):
    from generator.cli import main

    with pytest.raises(SystemExit) as raised:
        main(["--root", str(mini.root), "serve", "--port", port])
    assert raised.value.code == 2 and "không phải số cổng" in capsys.readouterr().err


def test_a_recursion_the_checks_did_not_foresee_is_one_message(mini, tmp_path, monkeypatch):
    import generator.indicators

    def overflow(*_):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(generator.indicators, "compute_indicators", overflow)
    with pytest.raises(BuildFailed, match="lồng nhau quá sâu"):
        build(mini, tmp_path / "site", pdf=False)
    assert not (tmp_path / "site").exists()


def test_two_builds_at_once_into_one_folder_leave_one_complete_site(mini, tmp_path):
    out = tmp_path / "site"
    command = [sys.executable, "-m", "generator.cli", "--root", str(mini.root), "build",
               "--no-pdf", "--quiet", "--out", str(out)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(3)]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    reference = tmp_path / "mot-lan"
    build(mini, reference, pdf=False)
    assert snapshot(out).keys() == snapshot(reference).keys()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no leftovers
