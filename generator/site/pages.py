"""Write the site's Markdown tree from the checked model through the Jinja templates in
templates/site/. Club pages are written but never put in the navigation: MkDocs renders the whole
navigation into every page, so thousands of clubs in it make the build quadratic (DESIGN.md).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from generator import fonts
from generator.indicators import Indicators
from generator.load.text import sort_key
from generator.model.club import RATING_LEVELS
from generator.model.content import Portal
from generator.model.schema import club_schema_text
from generator.project import Project
from generator.templating import template_env


@dataclass
class Written:
    count: int = 0
    nav: list = field(default_factory=list)


def write_pages(portal: Portal, stats: Indicators, printed: list, project: Project,
                docs: Path) -> Written:
    env = template_env(project.templates / "site")
    written = Written()
    form_pdfs = {p.form.id: p for p in printed if p.form}
    common = {"portal": portal, "stats": stats, "areas": {a.id: a for a in portal.areas},
              "levels": RATING_LEVELS, "handbooks": [p for p in printed if p.set],
              "form_pdfs": form_pdfs, "handouts": {p.module.id: p for p in printed if p.module}}

    def page(path: str, template: str, **values) -> None:
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(env.get_template(template).render(**common, **values), "utf-8")
        written.count += 1

    home = next((p for p in portal.pages if p.name == "index"), None)
    page("index.md", "home.md.j2", intro=home.body if home else "")
    for extra in sorted((p for p in portal.pages if p.name != "index"), key=lambda p: p.meta.order):
        page(f"{extra.name}.md", "page.md.j2", page=extra)

    _training(portal, page)
    provinces = _directory(portal, stats, page)
    stories = sorted(portal.stories, key=lambda s: s.meta.date, reverse=True)
    page("stories/index.md", "stories.md.j2", stories=stories)
    for story in stories:
        page(f"stories/{story.id}.md", "story.md.j2", story=story)
    page("forms/index.md", "forms.md.j2")
    for form in portal.forms:
        page(f"forms/{form.id}.md", "form.md.j2", form=form, pdf=form_pdfs.get(form.id),
             sets=[s for s in portal.catalogue.sets if s.number in form.sets])
    page("downloads.md", "downloads.md.j2")
    page("search.md", "search.md.j2")
    page("glossary.md", "glossary.md.j2",
         terms=sorted(portal.glossary, key=lambda t: sort_key(t.vi)))
    _assets(project, docs)
    _photos(portal, project, docs)

    written.nav = _nav(portal, provinces, stories)
    return written


def _training(portal: Portal, page) -> None:
    sets = sorted(portal.catalogue.sets, key=lambda s: s.number)
    page("training/index.md", "training.md.j2", sets=sets)
    for material_set in sets:
        page(f"training/{material_set.slug}/index.md", "set.md.j2", set=material_set,
             modules=portal.set_modules(material_set))
    for module in portal.modules.values():
        member_of = [s for s in sets if s.number in module.meta.sets]
        page(f"modules/{module.id}.md", "module.md.j2", module=module, sets=member_of)


def _directory(portal: Portal, stats: Indicators, page) -> list:
    provinces = sorted((p for p in portal.provinces if p.slug in stats.provinces),
                       key=lambda p: sort_key(p.name))
    page("clubs/index.md", "directory.md.j2", provinces=provinces)
    for province in provinces:
        communes = stats.communes[province.slug]
        page(f"clubs/{province.slug}/index.md", "province.md.j2", province=province,
             summary=stats.provinces[province.slug],
             communes=[(name, sorted(communes[name], key=lambda e: sort_key(e.club.name)))
                       for name in sorted(communes, key=sort_key)])
    for entry in portal.clubs:
        page(f"clubs/{entry.province_slug}/{entry.id}.md", "club.md.j2", entry=entry,
             club=entry.club, province=portal.province(entry.province_slug),
             stories=[s for s in portal.stories if s.id in entry.club.stories],
             photos=[p for p in entry.club.photos if p.consent])
    return provinces


def _photos(portal: Portal, project: Project, docs: Path) -> None:
    """Copy only the photos a club shows with recorded consent; the rest never leave content/."""
    wanted = {p.file for entry in portal.clubs for p in entry.club.photos if p.consent}
    for name in sorted(wanted):
        target = docs / "photos" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(project.content / "photos" / name, target)


def _assets(project: Project, docs: Path) -> None:
    assets = docs / "assets"
    shutil.copytree(project.templates / "site" / "assets", assets, dirs_exist_ok=True)
    schema = docs / "schema" / "club.schema.json"
    schema.parent.mkdir(parents=True, exist_ok=True)
    schema.write_text(club_schema_text(), "utf-8")
    faces = fonts.write_woff2(assets / "fonts", project.cache / "fonts")
    css = fonts.font_face_css([(face, f"fonts/{name}") for face, name in faces])
    (assets / "fonts.css").write_text(css, "utf-8")


def _nav(portal: Portal, provinces: list, stories: list) -> list:
    sets = sorted(portal.catalogue.sets, key=lambda s: s.number)
    training = ["training/index.md"] + [
        {f"{s.number}. {s.title}": [f"training/{s.slug}/index.md"] +
         [{m.meta.title: f"modules/{m.id}.md"} for m in portal.set_modules(s)]}
        for s in sets]
    clubs = ["clubs/index.md"] + [{p.name: f"clubs/{p.slug}/index.md"} for p in provinces]
    extras = [{p.meta.title: f"{p.name}.md"}
              for p in sorted(portal.pages, key=lambda p: p.meta.order) if p.name != "index"]
    return [{"Trang chủ": "index.md"}, {"Tập huấn": training}, {"Câu lạc bộ": clubs},
            {"Câu chuyện": ["stories/index.md"] + [{s.meta.title: f"stories/{s.id}.md"} for s in stories]},
            {"Biểu mẫu": ["forms/index.md"] + [{f.title: f"forms/{f.id}.md"} for f in portal.forms]},
            {"Tải về": "downloads.md"}, {"Thuật ngữ": "glossary.md"}, *extras,
            {"Tìm kiếm": "search.md"}]
