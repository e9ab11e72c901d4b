"""The sitemap lists every page, data pages included, when the site's address is known."""

from __future__ import annotations

import gzip
import re

from generator.build import build
from generator.site import plan


def with_address(project, url="https://clb.example.vn/"):
    text = project.mkdocs_yml.read_text("utf-8")
    project.mkdocs_yml.write_text(f"site_url: {url}\n{text}", "utf-8")


def test_every_page_is_in_the_sitemap(mini, tmp_path):
    with_address(mini)
    result = build(mini, tmp_path / "site", pdf=False)
    sitemap = (result.out / "sitemap.xml").read_bytes()
    urls = re.findall(r"<loc>https://clb\.example\.vn/([^<]+)</loc>", sitemap.decode())
    pages = sorted(p.relative_to(result.out).as_posix() for p in result.out.rglob("*.html")
                   if p.name != "404.html")
    assert urls == pages and "clubs/ha-noi/dong-hoang.html" in urls
    assert gzip.decompress((result.out / "sitemap.xml.gz").read_bytes()) == sitemap
    assert "Sitemap: https://clb.example.vn/sitemap.xml" in (result.out / "robots.txt").read_text()


def test_no_sitemap_without_an_address(mini, tmp_path):
    result = build(mini, tmp_path / "site", pdf=False)
    assert not (result.out / "sitemap.xml").exists() and not (result.out / "robots.txt").exists()


def test_past_the_limit_the_sitemap_becomes_an_index(monkeypatch):
    monkeypatch.setattr(plan, "SITEMAP_LIMIT", 2)
    files = plan._sitemap_files("https://x.vn", ["a.html", "b.html", "c.html"])
    assert sorted(files) == ["robots.txt", "sitemap-1.xml", "sitemap-2.xml", "sitemap.xml",
                             "sitemap.xml.gz"]
    assert b"<sitemapindex" in files["sitemap.xml"] and b"https://x.vn/sitemap-2.xml" in files["sitemap.xml"]
    assert files["sitemap-2.xml"].count(b"<url>") == 1
    assert files["sitemap.xml.gz"] == plan._sitemap_files("https://x.vn", ["a.html", "b.html",
                                                                           "c.html"])["sitemap.xml.gz"]
