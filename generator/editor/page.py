"""The site's /admin/ folder: the editor's page, its generated config.yml, two small scripts and
Decap CMS's bundle (from the cache editor/assets.py fills at setup)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

import yaml

from generator import cache
from generator.editor import assets
from generator.editor.config import config_text, decap_config
from generator.markdown import site_config
from generator.project import Project

FOLDER = "admin"

# The editor's own policy, looser than the site's (theme_html.POLICY) where Decap needs it:
# 'unsafe-eval' for the validator it compiles the configuration with (ajv), 'wasm-unsafe-eval'
# for its WebAssembly, inline styles (emotion), blob: pictures being uploaded, and GitHub's API
# for the published site's backend; blob: for reading a photo being uploaded. Scripts still come
# only from the site itself.
POLICY = ("default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; "
          "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: "
          "https://avatars.githubusercontent.com; font-src 'self' data:; "
          "connect-src 'self' blob: https://api.github.com; object-src 'none'; base-uri 'self'; "
          "form-action 'self'; frame-src 'none'")

# Set before the bundle runs: start it by hand, so the local address can be given.
_BEFORE = "window.CMS_MANUAL_INIT = true;\n"
# On this computer (`ishc serve`), the local backend is this very server, whatever its port;
# on the published site Decap ignores local_backend and signs in to GitHub.
_START = 'CMS.init({config: {local_backend: {url: location.origin + "/api/v1"}}});\n'

_PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Biên tập nội dung – {site}</title>
<link rel="icon" href="data:,">
<link rel="cms-config-url" type="text/yaml" href="config.yml">
</head>
<body>
{body}
</body>
</html>
"""
_SCRIPTS = ('<noscript>Trang biên tập cần bật JavaScript.</noscript>\n'
            '<script src="before.js"></script>\n<script src="{main}"></script>\n'
            '<script src="start.js"></script>')
_MISSING = ('<main style="font:18px/1.5 sans-serif;max-width:40rem;margin:2rem auto">'
            '<h1>Chưa cài trình biên tập</h1><p>Trang này cần bộ Decap CMS {version}, tải một '
            'lần khi cài đặt. Trên máy tạo trang web, chạy <code>make setup</code> (hoặc '
            '<code>python -m generator.editor.assets</code>) rồi tạo lại trang.</p></main>')


@dataclass(frozen=True)
class AdminFile:
    key: str
    data: bytes | None = None
    source: Path | None = None


def admin_files(project: Project) -> dict[str, AdminFile]:
    """Every file of site/admin/, by its path in the site."""
    settings = site_config(project.mkdocs_yml)
    config = decap_config(_github_repo(settings.get("repo_url")),
                          str(settings.get("edit_branch") or "main"),
                          settings.get("site_url"), _areas(project), _provinces(project))
    extra = settings.get("extra") if isinstance(settings.get("extra"), dict) else {}
    if extra.get("editor_oauth_url"):  # the OAuth endpoint for GitHub sign-in
        config["backend"]["base_url"] = str(extra["editor_oauth_url"])
    dist = assets.installed()
    body = (_SCRIPTS.format(main=assets.MAIN) if dist else
            _MISSING.format(version=escape(assets.VERSION)))
    page = _PAGE.format(policy=POLICY, site=escape(str(settings.get("site_name") or "")),
                        body=body)
    made = {"index.html": page, "config.yml": config_text(config), "before.js": _BEFORE,
            "start.js": _START}
    files = {f"{FOLDER}/{name}": _made(text.encode("utf-8")) for name, text in made.items()}
    for path in assets.bundle_files(dist) if dist else []:
        stat = path.stat()
        key = cache.combine(assets.VERSION, path.name, str(stat.st_size))
        files[f"{FOLDER}/{path.name}"] = AdminFile(key, source=path)
    return files


def _made(data: bytes) -> AdminFile:
    return AdminFile(cache.digest(data), data=data)


def _github_repo(url: object) -> str | None:
    """owner/name of mkdocs.yml's repo_url when it is on GitHub."""
    found = re.match(r"^https://github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?/?$", str(url or ""))
    return found.group(1) if found else None


def _provinces(project: Project) -> list[tuple[str, str]]:
    """(folder, name) of each province folder under clubs/, in Vietnamese order."""
    from generator.load.places import load_places
    from generator.load.text import sort_key

    names = {p.slug: p.name for p in load_places().provinces}
    folders = [e.name for e in os.scandir(project.clubs) if e.is_dir() and e.name in names] \
        if project.clubs.is_dir() else []
    return sorted(((f, names[f]) for f in folders), key=lambda p: sort_key(p[1]))


def _areas(project: Project) -> dict[str, str]:
    """Area id -> Vietnamese name, from content/areas.yaml (already checked by the build)."""
    path = project.content / "areas.yaml"
    data = yaml.safe_load(path.read_text("utf-8")) if path.is_file() else None
    items = data.get("areas") if isinstance(data, dict) else None
    return {a["id"]: a["vi"] for a in items or [] if isinstance(a, dict) and "id" in a and "vi" in a}
