"""The baseline of `make bench`: the club pages as Markdown, built by plain mkdocs-material.

What the site stage did before data pages were rendered straight to HTML: one Markdown page per
club (kept out of the navigation, which would make MkDocs quadratic), Material's theme and its
default search plugin. The pages hold the same figures as ishc's club pages.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from generator.load.fastyaml import yaml_to_json

CONFIG = {
    "site_name": "CLB Liên thế hệ Tự giúp nhau",
    "theme": {"name": "material", "language": "vi"},
    "plugins": ["search"],
    "use_directory_urls": False,
    "nav": ["index.md"],
    "validation": {"nav": {"omitted_files": "ignore"}},
}


def write_project(root: Path, target: Path) -> Path:
    """A MkDocs project in target with one Markdown page per club file of root."""
    docs = target / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Câu lạc bộ\n", "utf-8")
    for path in sorted((root / "clubs").glob("*/*.yaml")):
        text = path.read_text("utf-8")
        fast = yaml_to_json(text)
        club = json.loads(fast.text) if fast else yaml.safe_load(text)
        page = docs / "clubs" / path.parent.name / f"{path.stem}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(club_markdown(club), "utf-8")
    (target / "mkdocs.yml").write_text(yaml.safe_dump(CONFIG, allow_unicode=True), "utf-8")
    return target


def club_markdown(club: dict) -> str:
    place = club["place"]
    lines = [f"# {club['name']}", "",
             f"{place.get('village', '')}, {place['commune']}, {place['province']}", "",
             "| Thông tin chung | |", "|---|---|", f"| Thành lập | {club['founded']} |",
             f"| Chương trình | {', '.join(club.get('programmes', []))} |", "",
             "## Thành viên", "", "| Ngày | Tổng số | Nữ | Cao tuổi | Hộ nghèo |", "|---|---|---|---|---|"]
    lines += [f"| {m['date']} | {m['total']} | {m.get('women', '')} | {m.get('older', '')} | "
              f"{m.get('poor', '')} |" for m in club.get("members", [])]
    lines += ["", "## Hoạt động", "", "| Năm | Buổi | Người dự | Khám sức khỏe | Thăm tại nhà | Lượt vay |",
              "|---|---|---|---|---|---|"]
    yearly = (club.get("activities") or {}).get("yearly", [])
    lines += [f"| {y['year']} | {y.get('meetings', '')} | {y.get('attendance', '')} | "
              f"{y.get('health_checks', '')} | {y.get('home_care_visits', '')} | {y.get('loans', '')} |"
              for y in yearly]
    lines += ["", "## Quỹ", "", "| Ngày | Quỹ tăng thu nhập | Dư nợ | Nợ quá hạn | Quỹ hoạt động |",
              "|---|---|---|---|---|"]
    for f in club.get("funds", []):
        loans = f.get("loans_outstanding") or {}
        lines.append(f"| {f['date']} | {f.get('income_fund', '')} | {loans.get('amount', '')} | "
                     f"{loans.get('overdue', '')} | {f.get('operating_fund', '')} |")
    lines += ["", "## Xếp loại", "", "| Năm | Xếp loại | Điểm |", "|---|---|---|"]
    lines += [f"| {r['year']} | {r['level']} | {r.get('score', '')} |" for r in club.get("ratings", [])]
    return "\n".join(lines) + "\n"
