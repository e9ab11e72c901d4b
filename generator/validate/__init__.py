"""Validation: raw records -> the checked Portal model, with every problem found in one pass."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import PurePosixPath

from generator.load.markdown import MarkdownSource
from generator.load.sources import Sources
from generator.load.svg import FigureFile
from generator.load.places import Places, load_places
from generator.load.yamlfile import YamlDocument
from generator.model.content import (CORE_MINUTES, MODULE_SECTIONS, AreaInfo, Step, AreaList, Catalogue, Province,
                                     Glossary, GlossaryTerm, Module, ModuleMeta, Page, PageMeta, Portal,
                                     Story, StoryMeta, Form, FormBlock, Forms, FormTable,
                                     IndicatorSet, LabelledRow, IndicatorSets, Plans, ProvincePlan,
                                     SourceInfo, SourceList)
from generator.messages import t
from generator.problems import Problem
from generator.validate.clubs import ClubRules, photo_problems
from generator.validate.courses import check_courses
from generator.validate.trainings import check_trainings
from generator.validate.fields import parse_record
from generator.validate.figures import figure_file_problems, image_problems, screenshot_problems
from generator.validate.html_policy import findings
from generator.model.personal import personal_data


def validate(sources: Sources, today: dt.date | None = None
             ) -> tuple[Portal | None, ClubRules, list[Problem]]:
    """Check the content; return the Portal (None when it has errors), the rules club files are
    checked against (club_stage.py checks them, each on its own), and the problems found."""
    problems = list(sources.problems)
    places = load_places()
    catalogue = _catalogue(sources.catalogue, problems)
    areas = _areas(sources.areas, problems)
    registry = _registry(sources.references, problems)
    modules = {m.id: m for m in _modules(sources.modules, catalogue, sources.figures, problems)}
    problems.extend(figure_file_problems(sources.figures))
    if registry is not None:
        problems.extend(_citations(sources.modules, registry))
        problems.extend(_unused_sources(sources.references, sources.modules, registry))
    present = {PurePosixPath(src.path).stem for src in sources.modules}
    courses_present = {PurePosixPath(doc.path).stem for doc in sources.courses}
    problems.extend(_module_links(modules, present, courses_present))
    if catalogue:
        problems.extend(_catalogue_links(sources.catalogue, catalogue, modules, present))
    courses = check_courses(sources.courses, modules, catalogue, problems)
    indicator_sets = _indicator_sets(sources.indicators, problems)
    forms = _forms(sources.forms, catalogue, indicator_sets, problems)
    club_folders = {f.club_id: f.province_folder for f in sources.club_files}
    stories = _stories(sources.stories, club_folders, places, sources.photos, problems)
    rules = ClubRules(places, indicator_sets, frozenset(s.id for s in stories),
                      today or dt.date.today(), sources.photos)
    glossary = _glossary(sources.glossary, problems)
    plans = _plans(sources.plans, places, problems)
    trainings = check_trainings(
        sources.trainings, courses, today or dt.date.today(),
        lambda doc, where, name, found: _province_named(doc, where, name, places, found), problems)
    pages = [Page(PurePosixPath(p.path).stem, meta, p.body, p.path)
             for p in sources.pages if (meta := parse_record(p.meta, PageMeta, problems=problems))]
    for page in sources.pages:
        problems.extend(html_problems(page))
        problems.extend(image_problems(page, sources.figures, sources.screenshots))
    problems.extend(screenshot_problems(sources.screenshots))
    if any(p.severity == "error" for p in problems) or catalogue is None:
        return None, rules, problems
    # A story without the consent of the people in it is checked, and never published.
    published = [s for s in stories if s.meta.consent]
    portal = Portal(provinces=places.provinces, areas=areas, catalogue=catalogue, modules=modules,
                    club_folders=club_folders, glossary=glossary, stories=published, pages=pages,
                    indicator_sets=indicator_sets, forms=forms, plans=plans, courses=courses,
                    trainings=trainings, sources=registry or {})
    return portal, rules, problems


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
                problems.append(doc.problem(("sets", i, key),
                                            t("set.duplicate", key=key, value=value),
                                            t("set.duplicate.hint")))
            seen[(key, value)] = i
        for j, audience in enumerate(s.audience):
            if audience not in catalogue.audiences:
                problems.append(doc.problem(("sets", i, "audience", j),
                    t("audience.undeclared", audience=audience),
                    t("hint.use_one_of", options=", ".join(catalogue.audiences))))
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
                    t("module.missing", module=module_id),
                    t("hint.did_you_mean", name=close[0]) if close else t("module.missing.hint")))
            elif s.number not in module.meta.sets:
                problems.append(Problem(module.path, 2, 1,
                    t("module.set_not_in_module", number=s.number),
                    t("module.set_not_in_module.hint", number=s.number)))
    for module in modules.values():
        for number in module.meta.sets:
            listed = any(s.number == number and module.id in s.modules for s in catalogue.sets)
            if not listed:
                problems.append(Problem(module.path, 2, 1,
                    t("module.not_in_set" if number in numbers else "set.unknown", number=number),
                    t("module.not_in_set.hint")))
    return problems


_MD_LINK = re.compile(r"\]\(([^)\s#]+\.md)(?:#[^)\s]*)?\)")
_COURSE_LINK = re.compile(r"^\.\./training/courses/([a-z0-9-]+)\.md$")


def _module_links(modules: dict[str, Module], present: set[str],
                  courses: set[str] = frozenset()) -> list[Problem]:
    """Links between modules are written [text](other-id.md); each must name a module file. A
    module may also link to a course's page: [text](../training/courses/<course-id>.md)."""
    problems = []
    for module in modules.values():
        for offset, line in enumerate(module.body.splitlines()):
            for match in _MD_LINK.finditer(line):
                target = match.group(1)
                stem = target[:-3]
                course = _COURSE_LINK.match(target)
                if course and course.group(1) in courses:
                    continue
                if stem not in present:
                    close = difflib.get_close_matches(stem, sorted(present), n=1)
                    problems.append(Problem(module.path, module.body_line + offset,
                        match.start() + 1, t("module.broken_link", target=target),
                        t("hint.did_you_mean", name=f"{close[0]}.md") if close else
                        t("module.broken_link.hint")))
    return problems


def _registry(doc: YamlDocument | None, problems: list[Problem]
              ) -> dict[str, SourceInfo] | None:
    """content/sources.yaml by key; {} when there is none, None when it is broken (citations
    are then not checked against it: each would be reported as unknown)."""
    if doc is None:
        return {} if not any(p.path.endswith("content/sources.yaml") for p in problems) else None
    parsed = parse_record(doc, SourceList, problems=problems)
    if parsed is None:
        return None
    seen: dict[tuple[str, str], str] = {}
    for key, source in parsed.sources.items():
        if not source.number:
            continue
        same = (source.issuer.casefold(), source.number.casefold())
        if same in seen:
            problems.append(doc.problem(("sources", key, "number"),
                t("source.same_document", key=key, other=seen[same], number=source.number),
                t("source.same_document.hint")))
        seen.setdefault(same, key)
    return dict(parsed.sources)


def _cited(src: MarkdownSource) -> list[tuple[tuple, str]]:
    """(location, key) of each citation in a module's front matter, read from the raw data so
    that a module with other problems still counts as citing."""
    items = src.meta.data.get("sources") if isinstance(src.meta.data, dict) else None
    found = []
    for j, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, str):
            found.append((("sources", j), item.strip()))
        elif isinstance(item, dict) and isinstance(item.get("key"), str):
            found.append((("sources", j, "key"), item["key"].strip()))
    return found


def _citations(modules: list[MarkdownSource], registry: dict[str, SourceInfo]) -> list[Problem]:
    """Every key a module cites names a source of content/sources.yaml, once per module."""
    problems = []
    for src in modules:
        seen: set[str] = set()
        for where, key in _cited(src):
            if key in seen:
                problems.append(src.meta.problem(where, t("source.cited_twice", key=key),
                                                 t("source.cited_twice.hint")))
            seen.add(key)
            if key not in registry:
                problems.append(src.meta.problem(where, t("source.unknown", key=key),
                                                 _unknown_hint(key, registry)))
    return problems


def _unknown_hint(key: str, registry: dict[str, SourceInfo]) -> str:
    if " " in key:  # a citation written out in full, as modules did before the registry
        same = _same_document(key, registry)
        return (t("source.free_text.match", keys=", ".join(same)) if same else
                t("source.free_text.hint"))
    close = difflib.get_close_matches(key, list(registry), n=3, cutoff=0.5)
    if close:
        return t("source.unknown.close", keys=", ".join(close))
    return t("source.unknown.hint")


def _same_document(text: str, registry: dict[str, SourceInfo]) -> list[str]:
    """Keys of the registry a citation written out in full probably means: those whose number
    it holds, else the one or two sharing most words with it (issuer and title; the harmonic
    mean of the shares of each side's words found in the other, at least one half)."""
    folded = text.casefold()
    numbered = [k for k, s in registry.items() if s.number and s.number.casefold() in folded]
    if numbered:
        return numbered
    words = set(re.findall(r"\w+", folded))
    scored = []
    for key, source in registry.items():
        entry = set(re.findall(r"\w+", f"{source.issuer} {source.title}".casefold()))
        common = len(entry & words)
        if common:
            score = 2 * common / (len(entry) + len(words))  # harmonic mean of the two shares
            scored.append((-score, key))
    return [key for score, key in sorted(scored)[:2] if -score >= 0.5]


def _unused_sources(doc: YamlDocument | None, modules: list[MarkdownSource],
                    registry: dict[str, SourceInfo]) -> list[Problem]:
    """A source no module cites is a warning: perhaps a module stopped citing it by mistake."""
    cited = {key for src in modules for _, key in _cited(src)}
    return [doc.problem(("sources", key), t("source.unused", key=key), t("source.unused.hint"),
                        key=True, severity="warning")
            for key in registry if key not in cited and doc is not None]


def _areas(doc: YamlDocument | None, problems: list[Problem]) -> list[AreaInfo]:
    parsed = parse_record(doc, AreaList, problems=problems) if doc else None
    return list(parsed.areas) if parsed else []


def _modules(sources: list[MarkdownSource], catalogue: Catalogue | None,
             figures: dict[str, FigureFile], problems: list[Problem]) -> list[Module]:
    modules = []
    audiences = set(catalogue.audiences) if catalogue else set()
    for src in sources:
        meta = parse_record(src.meta, ModuleMeta, problems=problems)
        problems.extend(html_problems(src))
        if meta is None:
            continue
        stem = PurePosixPath(src.path).stem
        if meta.id != stem:
            problems.append(src.meta.problem(("id",),
                                             t("module.id_not_file_name", id=meta.id, stem=stem),
                                             t("module.id_not_file_name.hint", stem=stem)))
        for j, audience in enumerate(meta.audience):
            if audiences and audience not in audiences:
                problems.append(src.meta.problem(("audience", j),
                    t("audience.unknown", audience=audience),
                    t("hint.use_one_of", options=", ".join(sorted(audiences)))))
        plan, found = _module_body(src, meta)
        problems += found + image_problems(src, figures)
        modules.append(Module(meta, src.body, src.path, src.body_line, plan))
    return modules


def html_problems(src: MarkdownSource) -> list[Problem]:
    """Raw HTML and links of a Markdown body against html_policy.py, and personal data in it
    (personal.py), at their lines."""
    problems = [Problem(src.path, src.body_line + f.line - 1, 1, t(f.key, value=f.value),
                        t(_HTML_HINTS[f.key]))
                for f in findings(src.body)]
    problems += [Problem(src.path, src.body_line + line - 1, 1, t(key, value=value),
                         t("personal.hint"))
                 for line, key, value in personal_data(src.body)]
    return problems  # the front matter's text fields are checked by their type (model.club.Text)


_HTML_HINTS = {"html.tag": "html.tag.hint", "html.attribute": "html.attribute.hint",
               "html.scheme": "html.scheme.hint", "html.absolute_path": "html.absolute_path.hint",
               "html.remote_picture": "html.remote_picture.hint",
               "html.too_deep": "html.too_deep.hint",
               "html.block_too_long": "html.block_too_long.hint"}


def _module_body(src: MarkdownSource, meta: ModuleMeta
                 ) -> tuple[tuple[Step, ...], list[Problem]]:
    """The session plan of a module's body, and the problems of its sections and plan."""
    problems: list[Problem] = []
    headings = [(i, m.group(1).strip()) for i, line in enumerate(src.body.splitlines())
                if (m := re.match(r"^## (.+)$", line))]
    titles = [t for _, t in headings]
    if titles != list(MODULE_SECTIONS):
        missing = [s for s in MODULE_SECTIONS if s not in titles]
        sections = ", ".join(MODULE_SECTIONS)
        problems.append(Problem(src.path, src.body_line, 1,
            t("module.sections_missing", sections=sections, missing=", ".join(missing)) if missing
            else t("module.sections_order", sections=sections),
            t("module.sections.hint")))
        return (), problems
    start = headings[0][0]
    end = headings[1][0]
    steps = []
    for offset, line in enumerate(src.body.splitlines()[start:end]):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0].isdigit():
            if not cells[1].isdigit():
                problems.append(Problem(src.path, src.body_line + start + offset, 1,
                    t("module.plan_minutes", value=cells[1])))
            else:
                steps.append(Step(int(cells[0]), int(cells[1]), cells[2] if len(cells) > 2 else ""))
    minutes = sum(s.minutes for s in steps)
    if minutes != meta.duration:
        problems.append(src.meta.problem(("duration",),
            t("module.duration", duration=meta.duration, minutes=minutes),
            t("module.duration.hint")))
    problems += _core(src, meta, steps)
    return tuple(steps), problems


def _core(src: MarkdownSource, meta: ModuleMeta, steps: list[Step]) -> list[Problem]:
    """The core path: steps of the plan adding up to 60-90 minutes (all steps of a shorter
    module), so a course can plan a lesson's short form honestly."""
    if meta.core is None:
        return [src.meta.problem(("id",), t("module.no_core"), t("module.no_core.hint"),
                                 severity="warning")]
    problems = []
    numbers = {s.number: s for s in steps}
    for j, step in enumerate(meta.core):
        if step not in numbers:
            problems.append(src.meta.problem(("core", j), t("module.core_step", step=step),
                t("module.core_step.hint", steps=", ".join(str(n) for n in numbers))))
        elif step in meta.core[:j]:
            problems.append(src.meta.problem(("core", j), t("module.core_twice", step=step)))
    if problems:
        return problems
    low, high = CORE_MINUTES
    minutes = sum(numbers[n].minutes for n in set(meta.core))
    total = sum(s.minutes for s in steps)
    if not (low <= minutes <= high or minutes == total < low):
        problems.append(src.meta.problem(("core",),
            t("module.core_minutes", minutes=minutes, low=low, high=high),
            t("module.core_minutes.hint")))
    return problems


def _indicator_sets(doc: YamlDocument | None, problems: list[Problem]) -> dict[str, IndicatorSet]:
    parsed = parse_record(doc, IndicatorSets, problems=problems) if doc else None
    found: dict[str, IndicatorSet] = {}
    for i, indicator_set in enumerate(parsed.sets if parsed else []):
        if indicator_set.id in found:
            problems.append(doc.problem(("sets", i, "id"),
                                        t("indicators.duplicate", id=indicator_set.id)))
        for j, indicator in enumerate(indicator_set.indicators):
            if len(indicator.levels) != len(indicator_set.scores):
                problems.append(doc.problem(("sets", i, "indicators", j, "levels"),
                    t("indicators.levels", levels=len(indicator.levels),
                      scores=len(indicator_set.scores)),
                    t("indicators.levels.hint")))
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
            problems.append(doc.problem(here + ("id",), t("form.duplicate", id=form.id)))
        seen.add(form.id)
        for j, number in enumerate(form.sets):
            if numbers and number not in numbers:
                problems.append(doc.problem(here + ("sets", j), t("set.unknown", number=number)))
        for j, block in enumerate(form.blocks):
            problems.extend(_form_block(doc, here + ("blocks", j), block, indicator_sets))
            if block.voucher and j != 0:
                problems.append(doc.problem(here + ("blocks", j, "voucher"),
                                            t("form.voucher_first"), t("form.voucher_first.hint")))
    return list(parsed.forms)


def _form_block(doc: YamlDocument, here: tuple, block: FormBlock,
                indicator_sets: dict[str, IndicatorSet]) -> list[Problem]:
    problems = []
    if len(block.kinds) != 1:
        problems.append(doc.problem(here, t("form.one_kind"), t("form.one_kind.hint")))
    if block.table:
        problems.extend(_form_table(doc, here + ("table",), block.table))
    if block.indicators and block.indicators not in indicator_sets:
        problems.append(doc.problem(here + ("indicators",),
            t("form.unknown_indicator_set", id=block.indicators)))
    return problems


def _form_table(doc: YamlDocument, here: tuple, table: FormTable) -> list[Problem]:
    """Widths add up to the page; labels are unique; printed and total rows name real columns
    and leave the first column for their label."""
    problems = []
    width = sum(c.width for c in table.columns)
    if abs(width - 100) > 5:
        problems.append(doc.problem(here, t("form.table_width", total=width),
                                    t("form.table_width.hint")))
    labels = [c.label for c in table.columns]
    for k, label in enumerate(labels):
        if label in labels[:k]:
            problems.append(doc.problem(here + ("columns", k, "label"),
                t("form.column_duplicate", column=label), t("form.column_duplicate.hint")))
    for part in ("printed", "totals"):
        for k, row in enumerate(getattr(table, part)):
            problems.extend(_labelled_row(doc, here + (part, k), row, table))
    return problems


def _labelled_row(doc: YamlDocument, here: tuple, row: LabelledRow,
                  table: FormTable) -> list[Problem]:
    problems = []
    labels = [c.label for c in table.columns]
    for m, name in enumerate(row.columns):
        if table.index(name) is None:
            close = difflib.get_close_matches(name, labels, n=1)
            problems.append(doc.problem(here + ("columns", m),
                t("form.row_column_unknown", row=row.label, column=name),
                t("hint.did_you_mean", name=close[0]) if close
                else t("hint.use_one_of", options=", ".join(labels))))
        elif table.index(name) == 0:
            problems.append(doc.problem(here + ("columns", m),
                t("form.row_no_label_cell", row=row.label, column=name),
                t("form.row_no_label_cell.hint")))
    return problems


def _stories(sources: list[MarkdownSource], club_folders: dict[str, str], places: Places,
             photos: frozenset[str], problems: list[Problem]) -> list[Story]:
    stories = []
    for src in sources:
        meta = parse_record(src.meta, StoryMeta, problems=problems)
        problems.extend(html_problems(src))  # the body is read even when the front matter fails
        if meta is None:
            continue
        if meta.club and meta.club not in club_folders:
            problems.append(src.meta.problem(("club",), t("story.unknown_club", club=meta.club),
                                             t("story.unknown_club.hint")))
        # The story's province: its club's, else the one it names (one of the 34).
        province = places.province(club_folders[meta.club]) if meta.club in club_folders else None
        named = (_province_named(src.meta, ("province",), meta.province, places, problems)
                 if meta.province else None)
        if named and province and named != province:
            problems.append(src.meta.problem(("province",),
                t("story.province_not_club", province=meta.province, club=province.name),
                t("story.province.hint")))
        if meta.photo:
            problems.extend(photo_problems(src.meta, ("photo",), meta.photo, photos))
        if not meta.consent:
            problems.append(src.meta.problem(("consent",), t("story.no_consent"),
                                             t("story.no_consent.hint"), severity="warning"))
        stories.append(Story(PurePosixPath(src.path).stem, meta, src.body, src.path,
                             (province or named).slug if (province or named) else None))
    return stories


PLAN_YEARS = range(2010, 2051)


def _plans(doc: YamlDocument | None, places: Places, problems: list[Problem]
           ) -> dict[str, ProvincePlan]:
    """content/plans.yaml: one plan per province, named as it is today, for sensible years."""
    parsed = parse_record(doc, Plans, problems=problems) if doc else None
    if parsed is None:
        return {}
    found: dict[str, ProvincePlan] = {}
    for i, plan in enumerate(parsed.plans):
        province = _province_named(doc, ("plans", i, "province"), plan.province, places, problems)
        if province is None:
            continue
        if province.slug in found:
            problems.append(doc.problem(("plans", i, "province"),
                t("plan.duplicate", province=province.name), t("plan.duplicate.hint")))
        for year in plan.clubs:
            if year not in PLAN_YEARS:
                problems.append(doc.problem(("plans", i, "clubs", year),
                    t("plan.year", year=year), t("plan.year.hint"), key=True))
        found[province.slug] = plan
    return found


def _province_named(doc: YamlDocument, where: tuple, name: str, places: Places,
                    problems: list[Problem]) -> Province | None:
    """The current province a story or plan names; an unknown name is a problem at where."""
    found = places.province_named(name)
    if found is None:
        close = places.closest_province(name)
        problems.append(doc.problem(where, t("province.unknown", province=name),
            t("hint.did_you_mean", name=close) if close else t("province.unknown.hint")))
    return found


def _glossary(doc: YamlDocument | None, problems: list[Problem]) -> list[GlossaryTerm]:
    parsed = parse_record(doc, Glossary, problems=problems) if doc else None
    return list(parsed.terms) if parsed else []
