"""The JSON Schema of a club file, generated from the model the code validates with.

Committed as schema/club.schema.json and published on the site, so editors (VS Code with the
YAML extension) complete and check club files with the line
`# yaml-language-server: $schema=../../schema/club.schema.json`.
"""

from __future__ import annotations

import json

from generator.model.club import Club

SCHEMA_PATH = "schema/club.schema.json"


def club_schema() -> dict:
    schema = Club.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "CLB Liên thế hệ Tự giúp nhau"
    schema["description"] = ("Một tệp clubs/<tỉnh>/<mã-clb>.yaml. Chỉ ghi số liệu tổng hợp, "
                             "không ghi tên hay thông tin riêng của thành viên.")
    return schema


def club_schema_text() -> str:
    return json.dumps(club_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
