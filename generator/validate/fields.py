"""Turn pydantic's findings into problems that point at the line and speak the user's language."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.load.yamlfile import Loc, YamlDocument
from generator.messages import t
from generator.problems import Problem

M = TypeVar("M", bound=BaseModel)


def parse_record(doc: YamlDocument, model: type[M], data: Any = None,
                 problems: list[Problem] | None = None, at: Loc = ()) -> M | None:
    """Validate doc.data (or data, found in doc at the path `at`) against model; on failure
    append problems and return None."""
    try:
        return model.model_validate(doc.data if data is None else data)
    except ValidationError as err:
        if problems is not None:
            problems.extend(_problem(doc, model, {**e, "loc": (*at, *e["loc"])}, len(at))
                            for e in err.errors())
        return None


def field_path(loc: Loc) -> str:
    return ".".join(str(part) for part in loc if isinstance(part, str)) or t("field.whole_file")


def _problem(doc: YamlDocument, model: type[BaseModel], error: dict, depth: int = 0) -> Problem:
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    shown = field_path(loc)
    got = _shown_value(error.get("input"))
    if kind == "missing":
        return doc.problem(loc[:-1], t("field.missing", field=shown),
                           t("field.missing.hint", key=loc[-1]))
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[depth:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        hint = (t("hint.did_you_mean", name=close[0]) if close else
                t("field.unknown.hint", fields=", ".join(sorted(allowed))))
        return doc.problem(loc, t("field.unknown", field=shown), hint, key=True)
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [o.strip(" '") for o in expected.replace(" or ", ",").split(",") if o.strip()]
        close = difflib.get_close_matches(str(error.get("input")), options, n=1, cutoff=0.5)
        hint = (t("hint.did_you_mean", name=close[0]) if close else
                t("field.invalid_choice.hint", options=expected))
        return doc.problem(loc, t("field.invalid_choice", field=shown, value=got), hint)
    if kind == "string_type" and isinstance(error.get("input"), dict):
        return doc.problem(loc, t("field.colon_in_text", field=shown),
                           t("field.colon_in_text.hint"))
    message, hint = _describe(kind, ctx, error)
    if got:
        return doc.problem(loc, t("field.problem_with_value", field=shown, problem=message,
                                  value=got), hint)
    return doc.problem(loc, t("field.problem", field=shown, problem=message), hint)


def _describe(kind: str, ctx: dict, error: dict) -> tuple[str, str]:
    """What is wrong with a value and how to fix it, from pydantic's error type."""
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return t("field.integer"), t("field.integer.hint")
    if kind in ("float_type", "float_parsing"):
        return t("field.number"), t("field.number.hint")
    if kind in ("greater_than_equal", "greater_than"):
        return t("field.at_least", limit=ctx.get("ge", ctx.get("gt"))), t("field.at_least.hint")
    if kind in ("less_than_equal", "less_than"):
        return t("field.at_most", limit=ctx.get("le", ctx.get("lt"))), ""
    if kind.startswith("date") or kind.startswith("datetime"):
        return t("field.date"), t("field.date.hint")
    if kind in ("string_type",):
        return t("field.text"), t("field.text.hint")
    if kind == "string_pattern_mismatch":
        return t("field.slug"), t("field.slug.hint")
    if kind == "list_type":
        return t("field.list"), t("field.list.hint")
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return t("field.mapping"), t("field.mapping.hint")
    if kind in ("bool_type", "bool_parsing"):
        return t("field.boolean"), ""
    if kind in ("too_short",):
        return t("field.too_short", count=ctx.get("min_length")), ""
    if kind == "value_error":
        # The model's own checks (model/club.py) word their messages with t() already.
        found = ctx.get("error")
        return (str(found if found is not None else error.get("msg")),
                getattr(found, "hint", None) or t("field.inconsistent.hint"))
    # A kind no club or content file has produced so far: pydantic's own words, in English.
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
