"""Incremental builds: after any edit, the output equals a cold build of the same sources.

Each test builds the small project, edits it as a user would, builds again into the same folder
with the same cache, and compares the folder, file by file, with a build of a copy of the
edited sources from an empty cache into an empty folder.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from benchmarks.run import differences
from generator.build import build
from generator.project import Project

from conftest import REPO


def cold_copy(project: Project, target: Path) -> Project:
    for name in ("content", "clubs", "templates"):
        shutil.copytree(project.root / name, target / name)
    shutil.copy(project.mkdocs_yml, target / "mkdocs.yml")
    return Project(target)


def assert_same_as_cold(project: Project, out: Path, scratch: Path) -> None:
    copy = cold_copy(project, scratch / "cold")
    build(copy, scratch / "cold-site", pdf=False)
    assert differences(out, scratch / "cold-site") == []


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def club(project: Project) -> Path:
    return project.clubs / "ha-noi" / "dong-hoang.yaml"


EDITS = {
    "a member count": lambda p: replace(club(p), "total: 62", "total: 63"),
    "a club's name": lambda p: replace(club(p), "thôn Đông Hoàng", "thôn Đông Hoàng Mới"),
    "a club's commune": lambda p: replace(club(p), "Xã Sóc Sơn", "Xã Đa Phúc"),
    "a new club": lambda p: shutil.copy(club(p), club(p).with_name("dong-hoang-2.yaml")),
    "a club removed": lambda p: (p.clubs / "hai-phong" / "ninh-xa.yaml").unlink(),
    "a module's text": lambda p: replace(p.content / "modules" / "so-quy.md", "## Nội dung chính",
                                         "## Nội dung chính\n\nMột đoạn mới về sổ quỹ.\n"),
    "a data page template": lambda p: replace(p.templates / "site" / "data" / "club.html.j2",
                                              "<h2 id=\"quy\">Quỹ</h2>", "<h2 id=\"quy\">Quỹ của CLB</h2>"),
    "the theme's page shell": lambda p: replace(p.templates / "site" / "overrides" / "data-page.html",
                                                "Tìm CLB, xã, bài học…", "Tìm kiếm…"),
    "the site's name": lambda p: replace(p.mkdocs_yml, "site_name: CLB Liên thế hệ Tự giúp nhau",
                                         "site_name: Cổng CLB Liên thế hệ"),
    "a cited source's title": lambda p: replace(p.content / "sources.yaml",
                                                "title: Luật Người cao tuổi",
                                                "title: Luật Người cao tuổi (văn bản hợp nhất)"),
    "a glossary term": lambda p: (p.content / "glossary.yaml").write_text(
        "terms:\n  - {vi: Sổ quỹ, en: Cash book, definition: Sổ ghi thu chi tiền mặt.}\n", "utf-8"),
}


@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
def test_an_incremental_build_equals_a_cold_one(mini, tmp_path, edit):
    out = tmp_path / "site"
    first = build(mini, out, pdf=False)
    EDITS[edit](mini)
    second = build(mini, out, pdf=False)
    assert 0 < second.written < first.written
    assert_same_as_cold(mini, out, tmp_path)


def test_a_build_with_nothing_changed_writes_nothing(mini, tmp_path):
    out = tmp_path / "site"
    first = build(mini, out, pdf=False)
    again = build(mini, out, pdf=False)
    assert first.written == first.files > 50
    assert again.written == 0 and again.files == first.files


def test_a_member_count_edit_rewrites_only_the_pages_that_show_it(mini, tmp_path):
    out = tmp_path / "site"
    build(mini, out, pdf=False)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    replace(club(mini), "total: 62", "total: 63")
    result = build(mini, out, pdf=False)
    changed = sorted(p.relative_to(out).as_posix() for p, t in before.items()
                     if p.stat().st_mtime_ns != t)
    # the club, its commune, its province, the directory and the home page's national figures:
    # not the search index, not the other written pages
    assert changed == ["clubs/ha-noi/dong-hoang.html", "clubs/ha-noi/index.html",
                       "clubs/ha-noi/xa/xa-soc-son.html", "clubs/index.html", "index.html"]
    assert result.written == 5


def test_files_changed_by_hand_in_the_output_are_put_right(mini, tmp_path):
    out = tmp_path / "site"
    build(mini, out, pdf=False)
    (out / "clubs" / "ha-noi" / "dong-hoang.html").write_text("hỏng", "utf-8")
    (out / "search" / "meta.js").unlink()
    (out / "modules" / "so-quy.html").unlink()
    (out / "stray.html").write_text("không thuộc trang web", "utf-8")
    (out / "empty" / "folder").mkdir(parents=True)
    build(mini, out, pdf=False)
    assert_same_as_cold(mini, out, tmp_path)


def test_a_build_killed_while_writing_is_finished_by_the_next(mini, tmp_path, monkeypatch):
    out = tmp_path / "site"
    build(mini, out, pdf=False)
    replace(club(mini), "thôn Đông Hoàng", "thôn Đông Hoàng Mới")  # changes pages and search
    real, calls = os.replace, []

    def dies_after_two(source, target):
        if str(target).startswith(str(out)):
            calls.append(target)
            if len(calls) > 2:
                raise KeyboardInterrupt  # as if the process were killed here
        real(source, target)

    monkeypatch.setattr(os, "replace", dies_after_two)
    with pytest.raises(KeyboardInterrupt):
        build(mini, out, pdf=False)
    monkeypatch.setattr(os, "replace", real)
    build(mini, out, pdf=False)
    assert_same_as_cold(mini, out, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cold", "cold-site", "mini", "site"]


def test_a_checked_club_is_not_read_again_until_it_changes(mini, monkeypatch):
    from generator import club_stage
    from generator.load.sources import load_sources
    from generator.validate import validate

    an_hour_ago = time.time_ns() - 3600 * 10**9  # a stamp taken just after a change is not trusted
    for path in mini.clubs.glob("*/*.yaml"):
        os.utime(path, ns=(an_hour_ago, an_hour_ago))
    sources = load_sources(mini)
    _, rules, _ = validate(sources)
    first = club_stage.run_club_stage(sources.club_files, rules, mini.cache)
    read: list[str] = []
    real = club_stage._one
    monkeypatch.setattr(club_stage, "_one", lambda task: read.append(task.file.shown) or real(task))
    again = club_stage.run_club_stage(sources.club_files, rules, mini.cache)
    assert read == [] and again.outcomes == first.outcomes
    os.utime(club(mini), ns=(0, 0))  # another stamp, the same content: read, same outcome
    third = club_stage.run_club_stage(sources.club_files, rules, mini.cache)
    assert read == ["clubs/ha-noi/dong-hoang.yaml"] and third.outcomes == first.outcomes


def test_an_outcome_holds_on_later_days_unless_a_date_was_in_its_future():
    import datetime as dt

    from generator.club_stage import ClubOutcome

    day = dt.date(2026, 6, 1)
    past = ClubOutcome((), None, dt.date(2026, 5, 1), day)
    assert past.holds_on(day) and past.holds_on(dt.date(2027, 1, 1))
    assert not past.holds_on(dt.date(2026, 4, 1))  # its latest date would be in the future then
    future = ClubOutcome((), None, dt.date(2026, 7, 1), day)  # checked when 1/7 was to come
    assert future.holds_on(day) and not future.holds_on(dt.date(2026, 8, 1))


def test_the_example_data_builds_again_without_writing(tmp_path):
    # The shipped data, not only the small project: nothing in it makes a build differ from
    # the one before (no dates of today, no random names).
    project = cold_copy(Project(REPO), tmp_path / "example")
    first = build(project, tmp_path / "site", pdf=False)
    assert build(project, tmp_path / "site", pdf=False).written == 0
    assert first.pages > 100


def test_the_staging_folder_of_a_killed_build_is_removed_by_the_next(mini, tmp_path):
    import subprocess
    import sys

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    abandoned = tmp_path / f".site-{gone}-x1y2z3"
    (abandoned / "clubs").mkdir(parents=True)
    mine = tmp_path / f".site-{os.getpid()}-a1b2c3"  # a build of this process, still running
    mine.mkdir()
    build(mini, tmp_path / "site", pdf=False)
    assert not abandoned.exists() and mine.exists()


def test_builds_on_different_days_are_byte_identical(mini, tmp_path, monkeypatch):
    import datetime as dt
    import types

    import generator.handbooks.edition as edition

    class NoClock(dt.date):
        @classmethod
        def today(cls):
            raise AssertionError("the printed edition read the clock")

    # mini is no git repository: its books' edition date comes from the sources, not the day.
    monkeypatch.setattr(edition, "dt", types.SimpleNamespace(date=NoClock, datetime=dt.datetime,
                                                             timezone=dt.timezone))
    first = build(mini, tmp_path / "mot", pdf=True, today=dt.date(2026, 1, 5)).out
    shutil.rmtree(mini.cache)  # cold again: nothing carried over but the sources
    second = build(mini, tmp_path / "hai", pdf=True, today=dt.date(2026, 9, 30)).out
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    assert any(f.endswith(".pdf") for f in files) and "stories/feed.xml" in files
    differ = [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert differ == []


@pytest.mark.parametrize("signal_name, after", [("SIGKILL", 0.6), ("SIGKILL", 1.5),
                                                ("SIGTERM", 1.0)])
def test_a_real_kill_leaves_no_process_or_folder_and_the_next_build_is_whole(
        tmp_path, signal_name, after):
    import signal
    import subprocess
    import sys

    project = cold_copy(Project(REPO), tmp_path / "example")
    out = tmp_path / "site"
    command = [sys.executable, "-m", "generator.cli", "--root", str(project.root), "build",
               "--no-pdf", "--quiet", "--out", str(out)]
    run = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    time.sleep(after)
    os.kill(run.pid, getattr(signal, signal_name))  # the build only: its workers must follow
    run.wait(timeout=30)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # orphans would keep the session alive
        try:
            os.killpg(run.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)
    else:
        raise AssertionError("processes of the killed build are still running")
    result = build(project, out, pdf=False)
    assert_same_as_cold(project, out, tmp_path)
    assert result.pages > 100
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_province_plan_renders_its_province_page_again_and_no_club_page(mini, tmp_path):
    out = tmp_path / "site"
    build(mini, out, pdf=False)
    club_pages = {p: p.stat().st_mtime_ns for p in out.glob("clubs/*/*.html")
                  if p.name != "index.html"}
    province = out / "clubs" / "ha-noi" / "index.html"
    (mini.content / "plans.yaml").write_text(
        "plans:\n  - province: Hà Nội\n    source: Kế hoạch số 7/KH-UBND\n    clubs: {2030: 9}\n",
        "utf-8")
    build(mini, out, pdf=False)
    assert "Kế hoạch số 7/KH-UBND" in province.read_text("utf-8")
    # The plan shows on its province's page only: no club page is written again.
    assert club_pages and {p: p.stat().st_mtime_ns for p in club_pages} == club_pages
    assert_same_as_cold(mini, out, tmp_path)
