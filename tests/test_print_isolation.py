"""Printing reads only the project's files (and the fonts): nothing from elsewhere on the
machine, nothing from the network, whatever a module points at."""

from __future__ import annotations

import os

import pytest

from generator.build import build
from generator.handbooks.fetcher import ProjectFetcher, Refused
from generator.problems import BuildFailed, SourceError


@pytest.fixture
def fetcher(tmp_path):
    project = tmp_path / "du-an"
    (project / "content" / "photos").mkdir(parents=True)
    (project / "content" / "photos" / "anh.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    outside = tmp_path / "bi-mat.txt"
    outside.write_text("mật khẩu", "utf-8")
    (project / "content" / "photos" / "lien-ket.png").symlink_to(outside)
    return ProjectFetcher((str(project),)), project, outside


def test_files_inside_the_project_and_data_urls_are_served(fetcher):
    fetch, project, _ = fetcher
    assert fetch.fetch((project / "content" / "photos" / "anh.png").as_uri()).read().startswith(b"\x89PNG")
    assert fetch.fetch("data:text/plain;base64,eGlu").read() == b"xin"


@pytest.mark.parametrize("url", [
    lambda project, outside: outside.as_uri(),
    lambda project, outside: "file:///etc/hostname",
    lambda project, outside: (project / "content" / ".." / ".." / outside.name).as_uri(),
    lambda project, outside: (project / "content" / "photos" / "lien-ket.png").as_uri(),  # a link out
    lambda project, outside: "https://example.com/anh.png",
    lambda project, outside: "http://127.0.0.1:9/",
    lambda project, outside: "ftp://example.com/x",
])
def test_everything_else_is_refused(fetcher, url):
    fetch, project, outside = fetcher
    with pytest.raises(Refused):
        fetch.fetch(url(project, outside))


def test_a_module_pointing_outside_stops_the_build_at_its_line(mini, tmp_path):
    secret = tmp_path / "ho-so-rieng.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n")
    module = mini.content / "modules" / "so-quy.md"
    text = module.read_text("utf-8")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("## ") and i > 5) + 2
    # A relative path in raw HTML passes the content policy (html_policy.py) and the figure
    # check (which reads Markdown images, validate/figures.py); leaving the project, it is the
    # fetcher that stops it.
    lines.insert(at, f'<img src="{os.path.relpath(secret, mini.root)}" alt="Hồ sơ">')
    module.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(BuildFailed) as raised:
        build(mini, tmp_path / "site", pdf=True)
    message = str(raised.value)
    assert message.startswith(f"content/modules/so-quy.md:{at + 1}: ")
    assert "ho-so-rieng.png" in message and "chỉ được dùng tệp trong dự án" in message
    assert not (tmp_path / "site").exists()


def test_a_markdown_picture_outside_the_figures_is_refused_before_printing(mini, tmp_path):
    module = mini.content / "modules" / "so-quy.md"
    outside = os.path.relpath(tmp_path / "ho-so-rieng.png", module.parent)
    module.write_text(module.read_text("utf-8") + f"\n![Hồ sơ]({outside} \"Hồ sơ\")\n", "utf-8")
    with pytest.raises(SourceError) as raised:
        build(mini, tmp_path / "site", pdf=True)
    assert any("không nằm trong content/figures/" in p.format() for p in raised.value.problems)
    assert not (tmp_path / "site").exists()


def test_personal_data_that_reaches_a_book_stops_the_build(mini, tmp_path):
    # A field no check scans (the set's purpose, printed in its handbook): the PDF's own text
    # is the last look before a book is kept.
    sets = mini.content / "sets.yaml"
    sets.write_text(sets.read_text("utf-8").replace(
        "purpose: Giữ sổ sách của CLB.", "purpose: Giữ sổ sách của CLB, hỏi chị Hoa 0912 345 678."),
        "utf-8")
    with pytest.raises(BuildFailed) as raised:
        build(mini, tmp_path / "site", pdf=True)
    message = str(raised.value)
    assert message.startswith("content/sets.yaml:") and "0912 345 678" in message
    assert not (tmp_path / "site").exists()
    assert not list((mini.cache / "handbooks").glob("*.part"))
