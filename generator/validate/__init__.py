"""Validation: raw records -> the checked Portal model, with every problem found in one pass."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import PurePosixPath

from generator.load.markdown import MarkdownSource
from generator.load.sources import Sources
from generator.load.places import load_places
from generator.load.yamlfile import YamlDocument
from generator.model.content import (MODULE_SECTIONS, AreaInfo, AreaList, Catalogue,
                                     Glossary, GlossaryTerm, Module, ModuleMeta, Page, PageMeta, Portal,
                                     Province, Story, StoryMeta, Form, Forms, IndicatorSet,
                                     IndicatorSets)
from generator.problems import Problem
from generator.validate.clubs import ClubRules, check_club_files
from generator.validate.fields import parse_record



def load_provinces() -> list[Province]:
    return load_places().provinces


def validate(sources: Sources, today: dt.date | None = None, *, portal: bool = True,
             workers: int | None = None) -> tuple[Portal | None, list[Problem]]:
    """Check everything; return the Portal (None when there are errors) and all problems.

    portal=False when only the problems are wanted (`ishc check`): club records are then not
    kept, which lets the club files be checked in parallel.
    """
    problems = list(sources.problems)
    places = load_places()
    catalogue = _catalogue(sources.catalogue, problems)
    areas = _areas(sources.areas, problems)
    modules = {m.id: m for m in _modules(sources.modules, catalogue, problems)}
    present = {PurePosixPath(src.path).stem for src in sources.modules}
    problems.extend(_module_links(modules, present))
    if catalogue:
        problems.extend(_catalogue_links(sources.catalogue, catalogue, modules, present))
    indicator_sets = _indicator_sets(sources.indicators, problems)
    forms = _forms(sources.forms, catalogue, indicator_sets, problems)
    stories = _stories(sources.stories, {PurePosixPath(f.shown).stem for f in sources.club_files},
                       problems)
    rules = ClubRules(places, indicator_sets, frozenset(s.id for s in stories),
                      today or dt.date.today(), sources.photos)
    clubs, club_problems = check_club_files(sources.club_files, rules, keep=portal,
                                            workers=workers)
    problems.extend(club_problems)
    glossary = _glossary(sources.glossary, problems)
    pages = [Page(PurePosixPath(p.path).stem, meta, p.body, p.path)
             for p in sources.pages if (meta := parse_record(p.meta, PageMeta, problems=problems))]
    if any(p.severity == "error" for p in problems) or catalogue is None or not portal:
        return None, problems
    portal = Portal(provinces=places.provinces, areas=areas, catalogue=catalogue, modules=modules,
                    clubs=clubs, glossary=glossary, stories=stories, pages=pages,
                    indicator_sets=indicator_sets, forms=forms)
    return portal, problems


def _catalogue(doc: YamlDocument | None, problems: list[Problem]) -> Catalogue | None:
    if doc is None:
        return None
    catalogue = parse_record(doc, Catalogue, problems=problems)
    if catalogue is None:
        return None
    seen: dict[object, int] = {}
    for i, s in enumerate(catalogue.sets):
        for key, value in (("number", s.number), ("slug", s.slug)):
            if (key, value) in seen:
                problems.append(doc.problem(("sets", i, key), f"bộ tài liệu {key} '{value}' trùng",
                                            "Mỗi bộ tài liệu có số và slug riêng."))
            seen[(key, value)] = i
        for j, audience in enumerate(s.audience):
            if audience not in catalogue.audiences:
                problems.append(doc.problem(("sets", i, "audience", j),
                    f"đối tượng '{audience}' chưa được khai báo trong audiences",
                    "Dùng một trong: " + ", ".join(catalogue.audiences) + "."))
    return catalogue


def _catalogue_links(doc: YamlDocument, catalogue: Catalogue, modules: dict[str, Module],
                     present: set[str]) -> list[Problem]:
    """Sets list modules and modules name their sets; both sides must agree.

    present holds every module file, valid or not, so a broken module is not also "missing".
    """
    problems = []
    numbers = {s.number for s in catalogue.sets}
    for i, s in enumerate(catalogue.sets):
        for j, module_id in enumerate(s.modules):
            module = modules.get(module_id)
            if module is None and module_id in present:
                continue  # its own problems are already reported
            if module is None:
                close = difflib.get_close_matches(module_id, list(modules), n=1)
                problems.append(doc.problem(("sets", i, "modules", j),
                    f"không có bài học '{module_id}' (content/modules/{module_id}.md)",
                    f"Có phải ý bạn là '{close[0]}'?" if close else "Tạo tệp bài học hoặc xóa dòng này."))
            elif s.number not in module.meta.sets:
                problems.append(Problem(module.path, 2, 1,
                    f"bài học có trong bộ {s.number} (content/sets.yaml) nhưng 'sets' không ghi bộ này",
                    f"Thêm {s.number} vào danh sách 'sets' của bài."))
    for module in modules.values():
        for number in module.meta.sets:
            listed = any(s.number == number and module.id in s.modules for s in catalogue.sets)
            if not listed:
                problems.append(Problem(module.path, 2, 1,
                    f"bài học ghi thuộc bộ {number} nhưng bộ đó không liệt kê bài này"
                    if number in numbers else f"không có bộ tài liệu số {number}",
                    "Thêm mã bài vào 'modules' của bộ trong content/sets.yaml, hoặc sửa 'sets'."))
    return problems


_MD_LINK = re.compile(r"\]\(([^)\s#]+\.md)(?:#[^)\s]*)?\)")


def _module_links(modules: dict[str, Module], present: set[str]) -> list[Problem]:
    """Links between modules are written [text](other-id.md); each must name a module file."""
    problems = []
    for module in modules.values():
        for offset, line in enumerate(module.body.splitlines()):
            for match in _MD_LINK.finditer(line):
                target = match.group(1)
                stem = target[:-3]
                if stem not in present:
                    close = difflib.get_close_matches(stem, sorted(present), n=1)
                    problems.append(Problem(module.path, module.body_line + offset,
                        match.start() + 1, f"liên kết tới bài '{target}' không tồn tại",
                        f"Có phải ý bạn là '{close[0]}.md'?" if close else
                        "Liên kết tới bài khác viết dạng [tên bài](ma-bai.md)."))
    return problems


def _areas(doc: YamlDocument | None, problems: list[Problem]) -> list[AreaInfo]:
    parsed = parse_record(doc, AreaList, problems=problems) if doc else None
    return list(parsed.areas) if parsed else []


def _modules(sources: list[MarkdownSource], catalogue: Catalogue | None,
             problems: list[Problem]) -> list[Module]:
    modules = []
    audiences = set(catalogue.audiences) if catalogue else set()
    for src in sources:
        meta = parse_record(src.meta, ModuleMeta, problems=problems)
        if meta is None:
            continue
        stem = PurePosixPath(src.path).stem
        if meta.id != stem:
            problems.append(src.meta.problem(("id",), f"id '{meta.id}' khác tên tệp '{stem}.md'",
                                             f"Đặt id: {stem} hoặc đổi tên tệp."))
        for j, audience in enumerate(meta.audience):
            if audiences and audience not in audiences:
                problems.append(src.meta.problem(("audience", j), f"đối tượng '{audience}' không có",
                                                 "Dùng một trong: " + ", ".join(sorted(audiences)) + "."))
        problems.extend(_module_body(src, meta))
        modules.append(Module(meta, src.body, src.path, src.body_line))
    return modules


def _module_body(src: MarkdownSource, meta: ModuleMeta) -> list[Problem]:
    problems = []
    headings = [(i, m.group(1).strip()) for i, line in enumerate(src.body.splitlines())
                if (m := re.match(r"^## (.+)$", line))]
    titles = [t for _, t in headings]
    if titles != list(MODULE_SECTIONS):
        missing = [s for s in MODULE_SECTIONS if s not in titles]
        problems.append(Problem(src.path, src.body_line, 1,
            "các mục chính của bài phải là: " + ", ".join(MODULE_SECTIONS) +
            (f" (thiếu: {', '.join(missing)})" if missing else " (sai thứ tự hoặc thừa mục)"),
            "Xem content/README.md: mỗi mục bắt đầu bằng '## ' và đúng tên như trên."))
        return problems
    start = headings[0][0]
    end = headings[1][0]
    lines = src.body.splitlines()[start:end]
    minutes = 0
    for offset, line in enumerate(lines):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0].isdigit():
            if not cells[1].isdigit():
                problems.append(Problem(src.path, src.body_line + start + offset, 1,
                    f"kế hoạch buổi học: cột thời gian phải là số phút, nhận được \"{cells[1]}\""))
            else:
                minutes += int(cells[1])
    if minutes != meta.duration:
        problems.append(src.meta.problem(("duration",),
            f"duration là {meta.duration} phút nhưng kế hoạch buổi học cộng lại {minutes} phút",
            "Sửa duration hoặc thời gian các bước cho khớp."))
    return problems


def _indicator_sets(doc: YamlDocument | None, problems: list[Problem]) -> dict[str, IndicatorSet]:
    parsed = parse_record(doc, IndicatorSets, problems=problems) if doc else None
    found: dict[str, IndicatorSet] = {}
    for i, indicator_set in enumerate(parsed.sets if parsed else []):
        if indicator_set.id in found:
            problems.append(doc.problem(("sets", i, "id"), f"bộ chỉ số '{indicator_set.id}' trùng"))
        for j, indicator in enumerate(indicator_set.indicators):
            if len(indicator.levels) != len(indicator_set.scores):
                problems.append(doc.problem(("sets", i, "indicators", j, "levels"),
                    f"chỉ số có {len(indicator.levels)} mức nhưng 'scores' có "
                    f"{len(indicator_set.scores)} mức điểm", "Mỗi mức điểm cần một mô tả."))
        found[indicator_set.id] = indicator_set
    return found


def _forms(doc: YamlDocument | None, catalogue: Catalogue | None,
           indicator_sets: dict[str, IndicatorSet], problems: list[Problem]) -> list[Form]:
    parsed = parse_record(doc, Forms, problems=problems) if doc else None
    if parsed is None:
        return []
    numbers = {s.number for s in catalogue.sets} if catalogue else set()
    seen: set[str] = set()
    for i, form in enumerate(parsed.forms):
        here = ("forms", i)
        if form.id in seen:
            problems.append(doc.problem(here + ("id",), f"biểu mẫu '{form.id}' trùng"))
        seen.add(form.id)
        for j, number in enumerate(form.sets):
            if numbers and number not in numbers:
                problems.append(doc.problem(here + ("sets", j), f"không có bộ tài liệu số {number}"))
        for j, block in enumerate(form.blocks):
            if len(block.kinds) != 1:
                problems.append(doc.problem(here + ("blocks", j),
                    "mỗi khối của biểu mẫu chỉ có một loại: heading, fields, text, table, "
                    "checklist, indicators hoặc signatures",
                    "Tách thành nhiều khối, mỗi khối bắt đầu bằng '- '."))
            if block.table and abs(sum(c.width for c in block.table.columns) - 100) > 5:
                problems.append(doc.problem(here + ("blocks", j, "table"),
                    f"tổng độ rộng các cột là {sum(c.width for c in block.table.columns):g}, "
                    "cần khoảng 100", "Độ rộng tính theo phần trăm bề ngang trang."))
            if block.indicators and block.indicators not in indicator_sets:
                problems.append(doc.problem(here + ("blocks", j, "indicators"),
                    f"không có bộ chỉ số '{block.indicators}' trong content/indicators.yaml"))
    return list(parsed.forms)


def _stories(sources: list[MarkdownSource], club_ids: set[str],
             problems: list[Problem]) -> list[Story]:
    stories = []
    for src in sources:
        meta = parse_record(src.meta, StoryMeta, problems=problems)
        if meta is None:
            continue
        if meta.club and meta.club not in club_ids:
            problems.append(src.meta.problem(("club",), f"không có CLB mã '{meta.club}'",
                                             "Ghi đúng tên tệp của CLB, không có .yaml."))
        stories.append(Story(PurePosixPath(src.path).stem, meta, src.body, src.path))
    return stories


def _glossary(doc: YamlDocument | None, problems: list[Problem]) -> list[GlossaryTerm]:
    parsed = parse_record(doc, Glossary, problems=problems) if doc else None
    return list(parsed.terms) if parsed else []
