"""Local preview: build into a temporary folder, serve it, rebuild when a source changes."""

from __future__ import annotations

import functools
import http.server
import tempfile
import threading
from pathlib import Path

from generator.build import build
from generator.problems import BuildFailed, SourceError
from generator.progress import Progress
from generator.project import Project

WATCHED = ("clubs", "content", "templates", "mkdocs.yml")


def snapshot(project: Project) -> dict[Path, float]:
    """Modification times of every watched file; a change in any triggers a rebuild."""
    times: dict[Path, float] = {}
    for name in WATCHED:
        path = project.root / name
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file())
        for file in files:
            times[file] = file.stat().st_mtime
    return times


def serve(project: Project, port: int = 8000, pdf: bool = False, interval: float = 1.0,
          stop: threading.Event | None = None) -> None:
    """Serve until Ctrl+C (or until stop is set, for tests)."""
    stop = stop or threading.Event()
    with tempfile.TemporaryDirectory(prefix="ishc-serve-") as tmp:
        out = Path(tmp) / "site"
        _rebuild(project, out, pdf)
        handler = functools.partial(_QuietHandler, directory=str(out))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(f"Đang phục vụ http://127.0.0.1:{port}/ — nhấn Ctrl+C để dừng.", flush=True)
        seen = snapshot(project)
        try:
            while not stop.wait(interval):
                now = snapshot(project)
                if now != seen:
                    seen = now
                    _rebuild(project, out, pdf)
        finally:
            server.shutdown()
            server.server_close()


def _rebuild(project: Project, out: Path, pdf: bool) -> None:
    try:
        build(project, out, pdf=pdf, progress=Progress())
        print("Đã tạo lại trang web.", flush=True)
    except SourceError as err:
        # Keep serving the last good site; show what to fix.
        for problem in err.problems:
            print(problem.format(), flush=True)
    except BuildFailed as err:
        print(f"Lỗi: {err}", flush=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass
