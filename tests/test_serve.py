"""`ishc serve`: the preview answers over HTTP and rebuilds when a source changes."""

import socket
import threading
import time
import urllib.request

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


def test_serve_rebuilds_after_a_club_file_changes(mini):
    port, stop = free_port(), threading.Event()
    thread = threading.Thread(target=serve, args=(mini,),
                              kwargs={"port": port, "interval": 0.2, "stop": stop}, daemon=True)
    thread.start()
    try:
        page = "clubs/ha-noi/dong-hoang.html"
        assert wait_for(lambda: "thôn Đông Hoàng" in fetch(port, page))
        club = mini.clubs / "ha-noi" / "dong-hoang.yaml"
        club.write_text(club.read_text("utf-8").replace("thôn Đông Hoàng", "thôn Đông Hoàng Mới"),
                        "utf-8")
        assert wait_for(lambda: "thôn Đông Hoàng Mới" in fetch(port, page))
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()
