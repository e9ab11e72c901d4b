"""serve_s of `make bench`: from saving a club file to the browser showing the change."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Callable

from benchmarks.browser import browser


def edit_to_browser(root: Path, edit: Callable[[Path], Path]) -> float:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ishc = str(Path(sys.executable).parent / "ishc")
    process = subprocess.Popen([ishc, "--root", str(root), "serve", "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(base, process)
        club = sorted((root / "clubs").glob("*/*.yaml"))[0]
        url = f"{base}/clubs/{club.parent.name}/{club.stem}.html"
        with browser() as chromium:
            page = chromium.new_page()
            page.goto(url)
            before = page.inner_text("article")
            time.sleep(1.5)  # the watcher and the page are settled
            start = time.perf_counter()
            edit(root)
            # The page reloads itself when the rebuild is done (generator/serve.py).
            page.wait_for_function("text => document.querySelector('article') && "
                                   "document.querySelector('article').innerText !== text",
                                   arg=before, timeout=60_000, polling=50)
            seconds = time.perf_counter() - start
    finally:
        process.terminate()
        process.wait(timeout=30)
    print(f"  ishc serve: edit shown in the browser after {seconds:.2f} s", flush=True)
    return seconds


def _wait_until_up(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"ishc serve stopped:\n{process.stdout.read()[-3000:]}")
        try:
            urllib.request.urlopen(base + "/index.html", timeout=5).read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("ishc serve did not start")
