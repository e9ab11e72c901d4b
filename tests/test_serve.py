"""`ishc serve`: the preview answers over HTTP and rebuilds when a source changes."""

import json
import socket
import threading
import time
import urllib.request
from contextlib import contextmanager
from typing import Iterator

import pytest

from generator.serve import serve


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(port: int, path: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@contextmanager
def serving(project) -> Iterator[int]:
    """`ishc serve` on project in a thread; yields its port, stops it at the end."""
    port, stop = free_port(), threading.Event()
    thread = threading.Thread(target=serve, args=(project,),
                              kwargs={"port": port, "interval": 0.05, "stop": stop}, daemon=True)
    thread.start()
    try:
        yield port
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()


def test_serve_rebuilds_after_a_club_file_changes(mini):
    with serving(mini) as port:
        page = "clubs/ha-noi/dong-hoang.html"
        assert wait_for(lambda: "thôn Đông Hoàng" in fetch(port, page))
        club = mini.clubs / "ha-noi" / "dong-hoang.yaml"
        club.write_text(club.read_text("utf-8").replace("thôn Đông Hoàng", "thôn Đông Hoàng Mới"),
                        "utf-8")
        assert wait_for(lambda: "thôn Đông Hoàng Mới" in fetch(port, page))


def test_serve_keeps_the_last_good_site_and_shows_what_is_broken(mini):
    with serving(mini) as port:
        page = "clubs/ha-noi/dong-hoang.html"
        assert wait_for(lambda: "thôn Đông Hoàng" in fetch(port, page))
        assert '<script src="/__ishc/reload.js">' in fetch(port, page)  # reloads after a rebuild
        assert "__ishc/status" in fetch(port, "__ishc/reload.js")
        version = json.loads(fetch(port, "__ishc/status"))["version"]
        club = mini.clubs / "ha-noi" / "dong-hoang.yaml"
        good = club.read_text("utf-8")
        club.write_text(good.replace("women: 44", "women: 700"), "utf-8")
        assert wait_for(lambda: json.loads(fetch(port, "__ishc/status"))["error"])
        status = json.loads(fetch(port, "__ishc/status"))
        assert status["version"] > version
        assert "clubs/ha-noi/dong-hoang.yaml" in status["error"]
        shown = fetch(port, page)
        assert "thôn Đông Hoàng" in shown and 'role="alert"' in shown  # last good page, and why
        assert "dong-hoang.yaml" in shown
        club.write_text(good.replace("thôn Đông Hoàng", "thôn Đông Hoàng Mới"), "utf-8")
        assert wait_for(lambda: "thôn Đông Hoàng Mới" in fetch(port, page))
        assert 'role="alert"' not in fetch(port, page)
        assert json.loads(fetch(port, "__ishc/status"))["error"] == ""


def test_serve_on_a_busy_port_says_so(mini):
    from generator.serve import ServeFailed

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(ServeFailed) as caught:
            serve(mini, port=port, stop=threading.Event())
    assert str(port) in str(caught.value) and "--port" in str(caught.value)


def test_serve_explains_a_first_build_that_fails(mini):
    club = mini.clubs / "ha-noi" / "dong-hoang.yaml"
    good = club.read_text("utf-8")
    club.write_text(good.replace("women: 44", "women: 700"), "utf-8")
    with serving(mini) as port:
        assert wait_for(lambda: "dong-hoang.yaml" in fetch(port, "index.html"))
        club.write_text(good, "utf-8")
        assert wait_for(lambda: "CLB" in fetch(port, "clubs/index.html"))
        assert 'role="alert"' not in fetch(port, "index.html")


def test_the_page_in_the_browser_reloads_itself_after_an_edit(mini):
    """Under the pages' Content-Security-Policy, which runs no inline script."""
    from benchmarks.browser import browser

    with serving(mini) as port, browser() as chromium:
        page = chromium.new_page()
        refused = []
        page.on("console", lambda m: refused.append(m.text)
                if "Content Security Policy" in m.text else None)
        assert wait_for(lambda: "thôn Đông Hoàng" in fetch(port, "clubs/ha-noi/dong-hoang.html"))
        page.goto(f"http://127.0.0.1:{port}/clubs/ha-noi/dong-hoang.html")
        page.wait_for_timeout(1000)  # the reload script has seen the current version
        club = mini.clubs / "ha-noi" / "dong-hoang.yaml"
        club.write_text(club.read_text("utf-8").replace("thôn Đông Hoàng", "thôn Đông Hoàng Mới"),
                        "utf-8")
        page.get_by_text("thôn Đông Hoàng Mới").first.wait_for(timeout=60_000)
        assert refused == []
