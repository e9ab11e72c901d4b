"""Turn pydantic's findings into problems that point at the line and speak Vietnamese."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.load.yamlfile import Loc, YamlDocument
from generator.problems import Problem

M = TypeVar("M", bound=BaseModel)


def parse_record(doc: YamlDocument, model: type[M], data: Any = None,
                 problems: list[Problem] | None = None) -> M | None:
    """Validate doc.data (or data) against model; on failure append problems and return None."""
    try:
        return model.model_validate(doc.data if data is None else data)
    except ValidationError as err:
        if problems is not None:
            problems.extend(_problem(doc, model, e) for e in err.errors())
        return None


def field_path(loc: Loc) -> str:
    return ".".join(str(part) for part in loc if isinstance(part, str)) or "(cả tệp)"


def _problem(doc: YamlDocument, model: type[BaseModel], error: dict) -> Problem:
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    shown = field_path(loc)
    got = _shown_value(error.get("input"))
    if kind == "missing":
        return doc.problem(loc[:-1], f"thiếu trường bắt buộc '{shown}'",
                           f"Thêm dòng '{loc[-1]}: ...' vào đây.")
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        hint = (f"Có phải ý bạn là '{close[0]}'?" if close else
                "Các trường được dùng ở đây: " + ", ".join(sorted(allowed)) + ".")
        return doc.problem(loc, f"trường lạ '{shown}'", hint, key=True)
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [o.strip(" '") for o in expected.replace(" or ", ",").split(",") if o.strip()]
        close = difflib.get_close_matches(str(error.get("input")), options, n=1, cutoff=0.5)
        hint = f"Có phải ý bạn là '{close[0]}'?" if close else f"Chọn một trong: {expected}."
        return doc.problem(loc, f"{shown}: giá trị {got} không hợp lệ", hint)
    if kind == "string_type" and isinstance(error.get("input"), dict):
        return doc.problem(loc, f"{shown}: câu này bị hiểu thành cặp 'khóa: giá trị' vì có "
                           "dấu hai chấm và dấu cách (': ')",
                           'Đặt cả câu trong dấu ngoặc kép: - "Nêu được ba khó khăn: ..."')
    message, hint = _describe(kind, ctx, error)
    return doc.problem(loc, f"{shown}: {message}, nhận được {got}" if got else f"{shown}: {message}",
                       hint)


def _describe(kind: str, ctx: dict, error: dict) -> tuple[str, str]:
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "phải là số nguyên", "Chỉ viết chữ số, không có dấu chấm, dấu phẩy hay chữ: 50000000."
    if kind in ("float_type", "float_parsing"):
        return "phải là một số", "Viết số thập phân bằng dấu chấm: 82.5."
    if kind in ("greater_than_equal", "greater_than"):
        return f"phải lớn hơn hoặc bằng {ctx.get('ge', ctx.get('gt'))}", "Số này không thể âm."
    if kind in ("less_than_equal", "less_than"):
        return f"phải nhỏ hơn hoặc bằng {ctx.get('le', ctx.get('lt'))}", ""
    if kind.startswith("date") or kind.startswith("datetime"):
        return "phải là một ngày", "Viết ngày theo dạng năm-tháng-ngày: 2024-06-30."
    if kind in ("string_type",):
        return "phải là chữ", "Đặt chữ trong dấu ngoặc kép nếu nó trông giống số hay ngày."
    if kind == "string_pattern_mismatch":
        return "chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang", "Ví dụ: so-quy-tien-mat."
    if kind == "list_type":
        return "phải là một danh sách", "Mỗi mục một dòng, bắt đầu bằng '- '."
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "phải là các cặp 'khóa: giá trị'", "Thụt lề các trường con bằng 2 dấu cách."
    if kind in ("bool_type", "bool_parsing"):
        return "phải là true hoặc false", ""
    if kind in ("too_short",):
        return f"cần ít nhất {ctx.get('min_length')} mục", ""
    if kind == "value_error":
        return str(ctx.get("error", error.get("msg"))), "Sửa lại số liệu cho khớp nhau."
    return error.get("msg", kind), ""


def _shown_value(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    text = str(value)
    return f'"{text[:60]}"'


def _allowed_fields(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names of the record found by walking model along loc."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """list[X] -> X, X | None -> X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin in (list, tuple):
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation
