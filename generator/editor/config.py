"""Decap CMS's config.yml, generated from the pydantic models the files are checked with (the
same models give schema/club.schema.json): each field's widget, whether it is required, its hint
(the model's Vietnamese description) and the choices of a fixed list. Labels are the one thing
the models do not carry; LABELS gives each field name its Vietnamese label (a test holds that
every field of the edited models has one).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any

import yaml
from annotated_types import Ge, Gt
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.model.club import Club
from generator.model.content import ModuleMeta, StoryMeta
from generator.model.labels import LABELS, vietnamese

# Labels of fixed choices; a choice without one shows as it is written in the file.
CHOICES: dict[str, str] = {
    "active": "Đang hoạt động", "paused": "Tạm ngừng", "dissolved": "Đã giải thể",
}
LONG_TEXT = {"summary", "summary_en", "question", "purpose"}  # several lines to write
# A photo's file: chosen or uploaded in the editor's media library, kept in content/photos/ and
# written as its bare file name, as the model wants (public_folder "").
WIDGETS: dict[str, dict] = {
    "Photo.file": {"widget": "image", "choose_url": False, "media_folder": "/content/photos",
                   "public_folder": ""},
}
HIDDEN = {"private"}  # never shown in the editor; a save keeps it as it is (editor/api.py)


def label(model: type[BaseModel], name: str) -> str:
    return vietnamese(model.__name__, name)


def fields(model: type[BaseModel], areas: dict[str, str] | None = None,
           optional: bool = False) -> list[dict]:
    """Decap's fields for a record; areas: area id -> its Vietnamese name (content/areas.yaml).
    optional: the record itself may be left out (an optional `contact`): then none of its
    fields is required in the form, or Decap would demand them of every club without one;
    the save's check (editor/api.py) still refuses a record given with a field missing."""
    choices = {**CHOICES, **(areas or {})}
    return [_field(model, name, info, choices, optional)
            for name, info in model.model_fields.items() if name not in HIDDEN]


def _field(model: type[BaseModel], name: str, info: FieldInfo, choices: dict[str, str],
           within_optional: bool = False) -> dict:
    out: dict[str, Any] = {"name": name, "label": label(model, name)}
    annotation, optional = _unwrapped(info.annotation)
    out.update(WIDGETS.get(f"{model.__name__}.{name}") or _widget(
        annotation, info, name, choices, within_optional or not info.is_required()))
    if within_optional or not required(info):
        out["required"] = False
    if info.description:
        out["hint"] = info.description
    if isinstance(info.default, (str, int, float)) and not optional:  # plain defaults only
        out["default"] = info.default
    return out


def required(info: FieldInfo) -> bool:
    """Must be given, and given non-empty: a list without a minimum length may stay empty
    (`areas: []`), which Decap's own check of a required field would refuse."""
    if not info.is_required():
        return False
    annotation, _ = _unwrapped(info.annotation)
    if typing.get_origin(annotation) is list:
        return any(getattr(rule, "min_length", 0) for rule in info.metadata)
    return True


def _widget(annotation: Any, info: FieldInfo, name: str, choices: dict[str, str],
            optional: bool = False) -> dict:
    origin = typing.get_origin(annotation)
    if annotation is bool:
        return {"widget": "boolean"}
    if annotation is int or annotation is float:
        widget: dict[str, Any] = {"widget": "number", "value_type": annotation.__name__}
        for rule in info.metadata:
            if isinstance(rule, Ge):
                widget["min"] = rule.ge
            elif isinstance(rule, Gt):
                widget["min"] = rule.gt + (1 if annotation is int else 0)
        return widget
    if annotation is dt.date:
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD/MM/YYYY",
                "time_format": False, "picker_utc": True}
    if origin is typing.Literal:
        return {"widget": "select", "options": _options(annotation, choices)}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {"widget": "object", "collapsed": False,
                "fields": fields(annotation, choices, optional)}
    if origin is list:
        item, _ = _unwrapped(typing.get_args(annotation)[0])
        if typing.get_origin(item) is typing.Literal:
            return {"widget": "select", "multiple": True, "options": _options(item, choices)}
        if isinstance(item, type) and issubclass(item, BaseModel):
            return {"widget": "list", "collapsed": False, "fields": fields(item, choices)}
        inner = _widget(item, FieldInfo(annotation=item), name, choices)
        return {"widget": "list", "field": {"name": name, "label": LABELS.get(name, name), **inner}}
    return {"widget": "text" if name in LONG_TEXT else "string"}


def _options(literal: Any, choices: dict[str, str]) -> list[dict]:
    return [{"label": choices.get(value, value), "value": value}
            for value in typing.get_args(literal)]


def _unwrapped(annotation: Any) -> tuple[Any, bool]:
    """(the type inside Annotated[...] and `X | None`, whether None is allowed)."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            annotation = args[0] if len(args) == 1 else str
        else:
            return annotation, optional


def collections(areas: dict[str, str] | None = None,
                provinces: list[tuple[str, str]] | None = None) -> list[dict]:
    """provinces: (folder, name) of the provinces that have clubs: a collection each. Decap
    reads every file of a collection when it opens it; one of all 21,000 clubs would be some
    40 MB, one province's at most a few."""
    body = {"name": "body", "label": "Nội dung", "widget": "markdown"}
    clubs = {"label_singular": "CLB", "extension": "yaml", "format": "yaml", "create": False,
             "delete": False, "identifier_field": "name",
             # A club has no page to preview here: the pane showed its fields as bare text and
             # took half the screen of the form.
             "editor": {"preview": False},
             "summary": "{{name}} – {{place.commune}}",
             "fields": fields(Club, areas)}
    return [
        *({**clubs, "name": f"clubs-{folder}", "label": f"CLB {name}", "folder": f"clubs/{folder}",
           "description": f"Mỗi CLB của {name} một tệp clubs/{folder}/<mã>.yaml. Thêm CLB mới "
                          "bằng lệnh ishc new club (đặt tệp đúng thư mục tỉnh)."}
          for folder, name in provinces or []),
        {"name": "stories", "label": "Câu chuyện", "label_singular": "Câu chuyện",
         "folder": "content/stories", "extension": "md", "format": "frontmatter",
         "create": True, "delete": False, "slug": "{{slug}}", "identifier_field": "title",
         "summary": "{{title}} ({{date}})",
         "description": "Câu chuyện thành công của các CLB. Chỉ đăng khi người có tên, có ảnh "
                        "đã đồng ý bằng văn bản.",
         "fields": fields(StoryMeta, areas) + [body]},
        {"name": "modules", "label": "Bài tập huấn", "label_singular": "Bài tập huấn",
         "folder": "content/modules", "extension": "md", "format": "frontmatter",
         "create": False, "delete": False, "identifier_field": "title",
         "description": "Nội dung bài giữ đủ năm mục ## theo thứ tự: Kế hoạch buổi học, Nội dung "
                        "chính, Hoạt động, Tài liệu phát tay, Câu hỏi ôn tập.",
         # Markdown as written, first: a module's plan is a table, which the rich-text mode
         # would rewrite.
         "fields": fields(ModuleMeta, areas) + [{**body, "modes": ["raw", "rich_text"]}]},
    ]


def decap_config(repo: str | None = None, branch: str = "main", site_url: str | None = None,
                 areas: dict[str, str] | None = None,
                 provinces: list[tuple[str, str]] | None = None) -> dict:
    """repo: "owner/name" on GitHub, where the published site's editor saves (a commit per
    save); editing on one's own computer goes through `ishc serve` instead (local_backend)."""
    backend: dict[str, Any] = {"name": "github", "branch": branch}
    if repo:
        backend["repo"] = repo
    config: dict[str, Any] = {
        "locale": "vi", "backend": backend,
        # Only on localhost; the address (ishc serve's own port) is set by admin/start.js.
        "local_backend": True,
        "publish_mode": "simple",
        # File names of new stories as the project writes ids: "do-huyet-ap", not "đo-huyết-áp".
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "media_folder": "content/photos", "public_folder": "/photos",
        "collections": collections(areas, provinces),
    }
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    return config


def config_text(config: dict) -> str:
    return ("# Sinh tự động bởi ishc build từ mô hình dữ liệu (generator/editor/config.py); "
            "đừng sửa tay.\n" + yaml.safe_dump(config, allow_unicode=True, sort_keys=False,
                                                 width=100))
