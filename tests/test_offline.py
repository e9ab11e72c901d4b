"""The offline copy (`ishc build --offline`): opened from a disk, everything works, no network."""

from __future__ import annotations

import stat
import zipfile

import pytest

from benchmarks.browser import browser
from generator.cli import main
from generator.site.offline import write_zip

from conftest import REPO, copy_project


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory):
    root = tmp_path_factory.mktemp("offline")
    project = copy_project(REPO / "content", REPO / "clubs", root / "project")
    assert main(["--root", str(project.root), "build", "--no-pdf", "--quiet", "--offline",
                 "--out", str(root / "site")]) == 0
    archive = root / "site-ngoai-tuyen.zip"
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(root / "unzipped")
    return root, root / "unzipped" / "site-ngoai-tuyen"


def test_the_copy_holds_the_whole_site_readable_by_everyone(offline_copy):
    root, unzipped = offline_copy
    site = root / "site"
    # All but the web editor (admin/), which needs `ishc serve` or GitHub, never a disk copy.
    assert sorted(p.relative_to(site) for p in site.rglob("*")
                  if p.is_file() and p.relative_to(site).parts[0] != "admin") == \
        sorted(p.relative_to(unzipped) for p in unzipped.rglob("*") if p.is_file())
    assert (site / "admin" / "index.html").is_file() and not (unzipped / "admin").exists()
    for path in (site, root / "site-ngoai-tuyen.zip"):  # a web server reads them as another user
        assert path.stat().st_mode & stat.S_IROTH, path


def test_the_same_site_gives_the_same_zip(offline_copy, tmp_path):
    root, _ = offline_copy
    first = write_zip(root / "site", tmp_path / "a" / "copy.zip").read_bytes()
    assert write_zip(root / "site", tmp_path / "b" / "copy.zip").read_bytes() == first


def test_opened_from_disk_it_navigates_and_searches_with_no_network(offline_copy):
    _, unzipped = offline_copy
    with browser() as chromium:
        page = chromium.new_page()
        outside: list[str] = []
        page.on("request", lambda r: r.url.startswith("file:") or outside.append(r.url))
        page.goto((unzipped / "index.html").as_uri())
        assert "bản ngoại tuyến" in page.inner_text("article")
        page.click("text=Danh bạ và số liệu các CLB")
        page.click("text=Hải Phòng")
        assert page.url.endswith("/clubs/hai-phong/index.html")
        page.goto((unzipped / "search.html").as_uri() + "?q=huyet ap")
        page.wait_for_function("""() => {
            const text = document.getElementById("ishc-search-status").textContent;
            return text && !text.startsWith("Đang");
        }""", timeout=30_000)
        titles = page.locator("#ishc-search-results .ishc-results__list > li > a").all_inner_texts()
        assert any("huyết áp" in t.lower() for t in titles[:3]), titles
        assert outside == []
