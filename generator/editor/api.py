"""The API of Decap CMS's local proxy (decap-server, localFs), answered by `ishc serve`.

Decap's "local backend" posts JSON actions to <address>/api/v1: info, entriesByFolder,
entriesByFiles, getEntry, persistEntry, getMedia, getMediaFile, persistMedia, deleteFile(s),
getDeployPreview. decap-server writes whatever it is sent; here:
- only files under clubs/, content/stories/, content/modules/ and content/photos/ are read or
  written, and a path that leaves them (.., a link, an absolute path) is refused;
- an edited club, story or module is merged into the file as it is (ruamel.yaml round trip:
  comments, order and layout kept), so a save changes exactly the lines edited;
- the result is checked by the same validation as `ishc check`, in memory, and written only
  without errors; otherwise the CMS shows the problems and nothing is written.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from generator.load.markdown import parse_markdown
from generator.load.places import load_places
from generator.load.yamlfile import YamlProblem, parse_yaml
from generator.messages import t
from generator.problems import Problem
from generator.project import Project

PHOTO_TYPES = (".jpg", ".jpeg", ".png", ".webp")
MAX_PHOTO = 30_000_000
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Area:
    """A folder the editor may use, what its files end with and how deep they sit."""

    folder: str
    suffixes: tuple[str, ...]
    depth: int


AREAS = (Area("clubs", (".yaml",), 2), Area("content/stories", (".md",), 1),
         Area("content/modules", (".md",), 1), Area("content/photos", PHOTO_TYPES, 1))


class Refused(Exception):
    """A request the editor may not make, or an edit with problems: shown in the CMS."""


def answer(project: Project, body: Any) -> tuple[int, Any]:
    """(HTTP status, JSON answer) for one request of the CMS."""
    action = body.get("action") if isinstance(body, dict) else None
    params = body.get("params") or {} if isinstance(body, dict) else {}
    handler = _ACTIONS.get(action) if isinstance(action, str) else None
    if handler is None:
        return 422, {"error": t("editor.unknown_action", action=str(action)[:80])}
    try:
        return 200, handler(project, params)
    except Refused as err:
        return 422, {"error": str(err)}


def _info(project: Project, params: dict) -> dict:
    return {"repo": project.root.name, "publish_modes": ["simple"], "type": "local_fs"}


def _entries_by_folder(project: Project, params: dict) -> list:
    area = _area(str(params.get("folder", "")).strip("/"))
    extension = str(params.get("extension") or "").lstrip(".")
    return [_entry(project, path) for path in _listed(project, area)
            if not extension or path.endswith(f".{extension}")]


def _entries_by_files(project: Project, params: dict) -> list:
    return [_entry(project, _allowed(project, str(f.get("path", ""))), f.get("label"))
            for f in params.get("files") or [] if isinstance(f, dict)]


def _get_entry(project: Project, params: dict) -> dict:
    return _entry(project, _allowed(project, str(params.get("path", ""))))


def _persist_entry(project: Project, params: dict) -> dict:
    files = params.get("dataFiles") or ([params["entry"]] if params.get("entry") else [])
    assets = params.get("assets") or []
    checked = [_photo(project, asset) for asset in assets]
    new_photos = frozenset(path.name for path, _ in checked)
    for data_file in files:
        shown = _allowed(project, str(data_file.get("path", "")))
        if data_file.get("newPath"):  # renaming an entry would break the ids others use
            raise Refused(t("editor.outside", path=str(data_file["newPath"])[:200]))
        path = project.root / shown
        old = path.read_text("utf-8") if path.is_file() else None
        text = merged(old, str(data_file.get("raw", "")), shown)
        problems = [p for p in problems_of(project, shown, text, new_photos)
                    if p.severity == "error"]
        if problems:
            raise Refused("\n".join([t("editor.not_saved"), *(p.format() for p in problems)]))
        checked.append((path, text.encode("utf-8")))
    for path, data in checked:
        _write(path, data)
    return {"message": "entry persisted"}


def _get_media(project: Project, params: dict) -> list:
    area = _area(str(params.get("mediaFolder", "")).strip("/"))
    if area.folder != "content/photos":
        raise Refused(t("editor.outside", path=area.folder))
    return [_media(project, path) for path in _listed(project, area)]


def _get_media_file(project: Project, params: dict) -> dict:
    return _media(project, _allowed(project, str(params.get("path", ""))))


def _persist_media(project: Project, params: dict) -> dict:
    path, data = _photo(project, params.get("asset") or {})
    _write(path, data)
    return _media(project, project.shown(path))


def _delete_file(project: Project, params: dict) -> dict:
    paths = params.get("paths") or [params.get("path", "")]
    targets = [_allowed(project, str(p)) for p in paths]
    for shown in targets:  # only photos: clubs, stories and modules are named by other files
        if not shown.startswith("content/photos/"):
            raise Refused(t("editor.outside", path=shown))
    for shown in targets:
        (project.root / shown).unlink(missing_ok=True)
    return {"message": f"deleted {', '.join(targets)}"}


def _deploy_preview(project: Project, params: dict) -> None:
    return None


_ACTIONS = {"info": _info, "entriesByFolder": _entries_by_folder,
            "entriesByFiles": _entries_by_files, "getEntry": _get_entry,
            "persistEntry": _persist_entry, "getMedia": _get_media,
            "getMediaFile": _get_media_file, "persistMedia": _persist_media,
            "deleteFile": _delete_file, "deleteFiles": _delete_file,
            "getDeployPreview": _deploy_preview}


# --- Paths --------------------------------------------------------------------------------------

def _area(folder: str) -> Area:
    for area in AREAS:
        if folder == area.folder:
            return area
    province = folder.removeprefix("clubs/") if folder.startswith("clubs/") else None
    if province in {p.slug for p in load_places().provinces}:
        return Area(folder, (".yaml",), 1)  # a province's clubs: a collection of their own
    raise Refused(t("editor.outside", path=folder[:200]))


def _allowed(project: Project, path: str) -> str:
    """path (relative to the project, as the CMS sends it) when it names a file the editor may
    use; else Refused. Links are not followed out: the real path must stay in its folder."""
    clean = PurePosixPath(path)
    if ("\\" in path or "\x00" in path or clean.is_absolute() or ".." in clean.parts
            or not clean.parts):
        raise Refused(t("editor.outside", path=path[:200]))
    shown = clean.as_posix()
    for area in AREAS:
        inside = PurePosixPath(area.folder)
        if clean.parent.is_relative_to(inside) and shown.lower().endswith(area.suffixes) \
                and len(clean.relative_to(inside).parts) == area.depth:
            real = Path(os.path.realpath(project.root / shown))
            if real.is_relative_to(os.path.realpath(project.root / area.folder)):
                return shown
    raise Refused(t("editor.outside", path=path[:200]))


def _listed(project: Project, area: Area) -> list[str]:
    root = project.root / area.folder
    pattern = "/".join(["*"] * area.depth)
    found = []
    for path in sorted(root.glob(pattern)):
        shown = project.shown(path)
        if path.is_file() and not path.name.startswith(".") and path.name != "README.md":
            try:
                found.append(_allowed(project, shown))
            except Refused:
                continue
    return found


def _entry(project: Project, shown: str, label: str | None = None) -> dict:
    path = project.root / shown
    try:
        data = path.read_bytes()
    except OSError:
        return {"data": None, "file": {"path": shown, "label": label, "id": None}}
    return {"data": data.decode("utf-8", errors="replace"),
            "file": {"path": shown, "label": label, "id": hashlib.sha256(data).hexdigest()}}


def _media(project: Project, shown: str) -> dict:
    data = (project.root / shown).read_bytes()
    return {"id": hashlib.sha256(data).hexdigest(), "content": base64.b64encode(data).decode(),
            "encoding": "base64", "path": shown, "name": PurePosixPath(shown).name}


def _photo(project: Project, asset: Any) -> tuple[Path, bytes]:
    """A photo the CMS uploads: in content/photos/, and an image of the kind its name says."""
    from generator.site.photos import FORMATS, NotAPhoto, scaled

    if not isinstance(asset, dict):
        raise Refused(t("editor.unreadable", reason="asset"))
    shown = _allowed(project, str(asset.get("path", "")))
    if not shown.startswith("content/photos/"):
        raise Refused(t("editor.not_a_photo", path=shown))
    try:
        data = base64.b64decode(str(asset.get("content", "")), validate=True)
    except ValueError as err:
        raise Refused(t("editor.unreadable", reason=err)) from err
    if len(data) > MAX_PHOTO:
        raise Refused(t("editor.not_a_photo", path=shown))
    try:
        scaled(data, FORMATS[PurePosixPath(shown).suffix.lower()])
    except NotAPhoto as err:
        raise Refused(t("editor.not_a_photo", path=shown)) from err
    return project.root / shown, data


def _write(path: Path, data: bytes) -> None:
    """Whole or not at all: a half-written club file would break the next build."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, path)


# --- Checks -------------------------------------------------------------------------------------

def problems_of(project: Project, shown: str, text: str,
                new_photos: frozenset[str] = frozenset()) -> list[Problem]:
    """The problems `ishc check` would report in this file if it held text."""
    from generator.editor import checks

    if shown.startswith("clubs/"):
        return checks.club_problems(project, shown, text.encode("utf-8"))
    try:
        source = parse_markdown(text, shown)
    except YamlProblem as err:
        return [err.problem]
    if shown.startswith("content/stories/"):
        return checks.story_problems(project, source, new_photos)
    return checks.module_problems(project, source)


# --- Merging an edit into the file --------------------------------------------------------------

def merged(old: str | None, new: str, shown: str) -> str:
    """The file after the edit: new's values in old's text. Decap sends the whole record as it
    writes YAML (no comments, its own order and quoting); only values that differ are changed
    in old, so every other line stays as it was. A new file is written as sent."""
    if old is None:
        return new
    if shown.endswith(".yaml"):
        return _merged_yaml(old, _data(new, shown), shown)
    old_front, old_body = _split(old, shown)
    new_front, new_body = _split(new, shown)
    front = _merged_yaml(old_front, _data(new_front, shown), shown)
    if new_body.strip() == old_body.strip():
        body = old_body
    else:
        body = ("\n" if old_body.startswith("\n") and not new_body.startswith("\n") else "") \
            + new_body.rstrip("\n") + "\n"
    return f"---\n{front}---\n{body}"


def _split(text: str, shown: str) -> tuple[str, str]:
    """(front matter, body) of a Markdown file."""
    found = re.match(r"^---\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|$)", text, re.S)
    if not found:
        raise Refused(t("editor.unreadable", reason=f"{shown}: ---"))
    return found.group(1) or "", text[found.end():]


def _data(text: str, shown: str) -> Any:
    try:
        return parse_yaml(text, shown).data
    except YamlProblem as err:
        raise Refused(t("editor.unreadable", reason=err.problem.format())) from err


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line the author wrote on one
    yaml.indent(mapping=2, sequence=4, offset=2)  # the project's layout (content/README.md)
    return yaml


def _merged_yaml(old: str, new: Any, shown: str) -> str:
    yaml = _yaml()
    document = yaml.load(old)
    if not isinstance(document, dict) or not isinstance(new, dict):
        out = io.StringIO()
        yaml.dump(_plain(new), out)
        return out.getvalue()
    _update(document, new, top=True)
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def _update(old: Any, new: Any, top: bool = False) -> None:
    """Change old (ruamel's mapping or list) in place so that it equals new."""
    from generator.editor.config import HIDDEN

    if isinstance(old, dict):
        for key in [k for k in old if k not in new and not (top and k in HIDDEN)]:
            del old[key]
        for key, value in new.items():
            if key not in old and _blank(_plain(value)):
                continue  # a field (or a whole record) the form shows but nobody filled
            if _empty(value) and not isinstance(old.get(key), (list, dict)):
                del old[key]
            elif key in old and _same_kind(old[key], value):
                _update(old[key], value)
            elif key not in old or not _equal(old[key], value):
                old[key] = _plain(value)
        return
    for i, value in enumerate(new[:len(old)]):
        if _same_kind(old[i], value):
            _update(old[i], value)
        elif not _equal(old[i], value):
            old[i] = _plain(value)
    del old[len(new):]
    old.extend(_plain(v) for v in new[len(old):])


def _same_kind(old: Any, new: Any) -> bool:
    return (isinstance(old, dict) and isinstance(new, dict)) or (
        isinstance(old, list) and isinstance(new, list))


def _empty(value: Any) -> bool:
    return value is None or value == ""


def _blank(value: Any) -> bool:
    return _empty(value) or value == {} or value == []


def _equal(old: Any, new: Any) -> bool:
    if isinstance(old, dt.date) and isinstance(new, str):
        return old.isoformat() == new
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    return old == new


def _plain(value: Any) -> Any:
    """A value as ruamel writes it plainly: an ISO date text becomes a date (unquoted)."""
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return {k: plain for k, v in value.items() if not _blank(plain := _plain(v))}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
