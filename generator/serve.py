"""Local preview: build, serve, and build again (incrementally) as soon as a source changes.

The operating system tells of changes (watchdog: inotify on Linux), so 21,000 club files are not
polled. Each rebuild is an ordinary incremental build into the same folder: a one-club edit costs
what that club costs. Pages are served with a small script that reloads them when a rebuild has
finished; while a source is broken, the last good site stays up with the problems shown on top of
every page.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.build import build
from generator.messages import t
from generator.problems import BuildFailed, SourceError
from generator.progress import Progress
from generator.project import Project

WATCHED = ("clubs", "content", "templates")  # folders, and the file mkdocs.yml
STATUS = "/__ishc/status"


@dataclass
class State:
    """What the pages ask the preview: has the site changed, and is a source broken?"""

    version: int = 0
    error: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def report(self) -> bytes:
        with self.lock:
            return json.dumps({"version": self.version, "error": self.error}).encode()


class ServeFailed(RuntimeError):
    pass


def serve(project: Project, port: int = 8000, pdf: bool = False, interval: float = 0.1,
          stop: threading.Event | None = None) -> None:
    """Serve until Ctrl+C (or until stop is set, for tests). interval: how long to let a burst
    of changes settle before building."""
    stop = stop or threading.Event()
    changed = threading.Event()
    state = State()
    with tempfile.TemporaryDirectory(prefix="ishc-serve-") as tmp:
        out = Path(tmp) / "site"
        # Watch before the first build: an edit saved while it runs (or before the first page
        # is served) starts another build instead of being missed.
        observer = _watch(project, changed)
        try:
            _rebuild(project, out, pdf, state)
            server = _server(port, functools.partial(_Handler, directory=str(out), state=state,
                                                     project=project))
        except BaseException:
            observer.stop()
            raise
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(t("serve.ready", port=port), flush=True)
        try:
            while not stop.is_set():
                if not changed.wait(0.2):
                    continue
                while changed.is_set():  # let a burst of saves settle
                    changed.clear()
                    time.sleep(interval)
                _rebuild(project, out, pdf, state)
        finally:
            observer.stop()
            observer.join(timeout=5)
            server.shutdown()
            server.server_close()


def _server(port: int, handler) -> http.server.ThreadingHTTPServer:
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as err:
        raise ServeFailed(t("serve.port", port=port, reason=err.strerror)) from err


def _watch(project: Project, changed: threading.Event):
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    class Changes(FileSystemEventHandler):
        def on_any_event(self, event) -> None:
            if event.event_type in ("opened", "closed_no_write"):
                return  # reading a file changes nothing (the build reads them all)
            path = Path(str(event.src_path))
            if path.parent == project.root and path.name != "mkdocs.yml":
                return
            changed.set()

    observer = Observer()
    handler = Changes()
    for name in WATCHED:
        folder = project.root / name
        if folder.is_dir():
            observer.schedule(handler, str(folder), recursive=True)
    observer.schedule(handler, str(project.root), recursive=False)  # mkdocs.yml
    observer.start()
    return observer


def _rebuild(project: Project, out: Path, pdf: bool, state: State) -> None:
    started = time.perf_counter()
    try:
        result = build(project, out, pdf=pdf, progress=Progress(enabled=False))
    except SourceError as err:
        # Keep serving the last good site; show what to fix, here and on every page.
        text = "\n".join(problem.format() for problem in sorted(set(err.problems)))
        print(text, flush=True)
        _set(state, text)
        return
    except BuildFailed as err:
        text = t("output.failed", reason=err)
        print(text, flush=True)
        _set(state, text)
        return
    seconds = time.perf_counter() - started
    print(t("serve.rebuilt", files=result.written, seconds=f"{seconds:.1f}"), flush=True)
    _set(state, "")


def _set(state: State, error: str) -> None:
    with state.lock:
        state.version += 1
        state.error = error


# Reloads the page when a rebuild has finished, and shows the problems while a source is broken.
# A file of its own, not inline: the pages' Content-Security-Policy runs only the site's files.
RELOAD = "/__ishc/reload.js"
_RELOAD_JS = """(function(){var seen=null;function poll(){fetch("%s").then(function(r){
return r.json()}).then(function(s){if(seen!==null&&s.version!==seen){location.reload();return}
seen=s.version;setTimeout(poll,400)}).catch(function(){setTimeout(poll,1000)})}poll()})();
""" % STATUS
_SCRIPT = f'<script src="{RELOAD}"></script>'

_BANNER = ('<div role="alert" style="position:sticky;top:0;z-index:10;background:#fff3cd;'
           'color:#3d2c00;border-bottom:3px solid #b26a00;padding:.8rem 1rem;font:16px/1.5 '
           'sans-serif;white-space:pre-wrap"><strong>{title}</strong>\n{text}</div>')


_EMPTY = '<!doctype html><html lang="vi"><meta charset="utf-8"><title>ishc serve</title><body></body></html>'


# Decap CMS's local backend (editor/api.py): the web editor at /admin/ saves through it.
API = "/api/v1"
API_MAX_BYTES = 64_000_000  # a few photos, base64-encoded


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".yml": "text/yaml; charset=utf-8"}  # the editor's config.yml

    def __init__(self, *args, state: State, project: Project | None = None, **kwargs):
        self.state = state
        self.project = project
        super().__init__(*args, **kwargs)

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        if self.path.split("?")[0] != API or self.project is None:
            self.send_error(404)
            return
        # Only the editor's page may write: another web site open in the same browser could
        # post here too. A JSON request from elsewhere needs CORS, which is never granted, and
        # a browser names the page's origin.
        origin = self.headers.get("Origin")
        host = self.headers.get("Host", "")
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        length = int(self.headers.get("Content-Length") or 0)
        if kind != "application/json" or (origin and origin.split("://", 1)[-1] != host):
            self._send_json(403, {"error": "forbidden"})
            return
        if not 0 < length <= API_MAX_BYTES:
            self._send_json(413, {"error": "too large"})
            return
        from generator.editor.api import answer

        try:
            body = json.loads(self.rfile.read(length))
        except ValueError:
            self._send_json(400, {"error": "JSON"})
            return
        status, reply = answer(self.project, body)
        self._send_json(status, reply)

    def _send_json(self, status: int, reply: object) -> None:
        data = json.dumps(reply, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        if self.path.split("?")[0] == STATUS:
            self._send(self.state.report(), "application/json")
            return
        if self.path.split("?")[0] == RELOAD:
            self._send(_RELOAD_JS.encode("utf-8"), "text/javascript; charset=utf-8")
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file() and not self.path.startswith("/admin/"):
            # Not the editor: a reload after each save would throw away what is being edited.
            self._send(self._page(path.read_text("utf-8")), "text/html; charset=utf-8")
            return
        if not path.exists() and self.state.error:
            # No good site yet (the first build failed): say why on the page asked for.
            self._send(self._page(_EMPTY), "text/html; charset=utf-8")
            return
        super().do_GET()

    def _page(self, page: str) -> bytes:
        with self.state.lock:
            error = self.state.error
        head, _, tail = page.rpartition("</body>")
        page = head + _SCRIPT + "</body>" + tail if head else page + _SCRIPT
        if error:
            banner = _BANNER.format(title=html.escape(t("serve.broken")), text=html.escape(error))
            start = page.find("<body")
            end = page.find(">", start) + 1 if start >= 0 else 0
            page = page[:end] + banner + page[end:]
        return page.encode("utf-8")

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass
