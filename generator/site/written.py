"""Written pages: training modules, sets, stories, forms, downloads, glossary, free pages.

A few hundred pages that go through MkDocs and its theme, whose navigation serves readers. The
Markdown tree is made in memory from the checked content through templates/site/*.md.j2; it
holds nothing summed over clubs, so it changes only when content, templates or handbooks do.
MkDocs runs only then: its output is kept in the cache under the tree's digest (mkdocs_run.py).

Data pages (directory, provinces, communes, clubs) are not here: data.py renders them. Written
pages link to them with .html links, which mkdocs_run.py accepts when they name a data page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup, escape

from generator import fonts
from generator.cache import combine, digest
from generator.figures import FOLDER, SCREENSHOTS, images_in, numbered
from generator.load.text import fold, slugify, sort_key
from generator.markdown import site_config
from generator.model.club import RATING_LEVELS
from generator.model.content import Portal
from generator.model.course import clock
from generator.model.schema import club_schema_text
from generator.project import Project
from generator.templating import template_env

# The top-level sections, in the navigation of written pages and in the data pages' header.
CLUBS = ("Câu lạc bộ", "clubs/index.html")
SECTIONS = [("Trang chủ", "index.html"), ("Tập huấn", "training/index.html"), CLUBS,
            ("Câu chuyện", "stories/index.html"), ("Biểu mẫu", "forms/index.html"),
            ("Tải về", "downloads.html"), ("Thuật ngữ", "glossary.html"),
            ("Tìm kiếm", "search.html")]
# Filled into the home page after MkDocs (output.py): figures over all clubs change with any
# club, and must not make every club edit rebuild the written pages.
HOME_FIGURES = "<!--ishc:home-figures-->"


@dataclass
class WrittenTree:
    """The docs folder MkDocs is given, in memory: Markdown pages and files copied as they are."""

    pages: dict[str, str] = field(default_factory=dict)  # docs path -> Markdown
    files: dict[str, tuple[Path, str]] = field(default_factory=dict)  # docs path -> (file, digest)
    texts: dict[str, str] = field(default_factory=dict)  # docs path -> text written as is
    nav: list = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # docs path -> the author's file

    def digest(self, *more: str) -> str:
        parts = [f"{k}\x01{v}" for k, v in sorted(self.pages.items())]
        parts += [f"{k}\x01{d}" for k, (_, d) in sorted(self.files.items())]
        parts += [f"{k}\x01{v}" for k, v in sorted(self.texts.items())]
        return combine(*parts, repr(self.nav), *more)


def written_tree(portal: Portal, printed: list, project: Project) -> WrittenTree:
    env = template_env(project.templates, "site", project.cache / "jinja")
    tree = WrittenTree()
    form_pdfs = {p.form.id: p for p in printed if p.form}
    common = {"portal": portal, "areas": {a.id: a for a in portal.areas},
              "levels": RATING_LEVELS, "handbooks": [p for p in printed if p.set],
              "form_pdfs": form_pdfs, "handouts": {p.module.id: p for p in printed if p.module},
              "home_figures": Markup(HOME_FIGURES),
              "provinces": {p.slug: p for p in portal.provinces},
              "area_slugs": {a.id: slugify(a.vi) for a in portal.areas}}

    def page(path: str, template: str, **values) -> None:
        tree.pages[path] = env.get_template(template).render(**common, **values)

    home = next((p for p in portal.pages if p.name == "index"), None)
    stories = sorted(portal.stories, key=lambda s: s.meta.date, reverse=True)
    page("index.md", "home.md.j2", intro=_page_body(home) if home else "", stories=stories)
    for extra in sorted((p for p in portal.pages if p.name != "index"), key=lambda p: p.meta.order):
        page(f"{extra.name}.md", "page.md.j2", page=extra, body=_page_body(extra))

    _training(portal, page)
    if portal.courses:
        packs = {p.course.id: p for p in printed if getattr(p, "course", None)}
        page("training/courses/index.md", "courses.md.j2", courses=portal.courses)
        for course in portal.courses:
            page(f"training/courses/{course.id}.md", "course.md.j2", course=course,
                 pack=packs.get(course.id), clock=clock)
    _stories(portal, stories, page, common["provinces"], common["area_slugs"])
    for story in stories:
        page(f"stories/{story.id}.md", "story.md.j2", story=story,
             club_folder=portal.club_folders.get(story.meta.club or ""))
    page("forms/index.md", "forms.md.j2")
    for form in portal.forms:
        page(f"forms/{form.id}.md", "form.md.j2", form=form, pdf=form_pdfs.get(form.id),
             sets=[s for s in portal.catalogue.sets if s.number in form.sets])
    page("downloads.md", "downloads.md.j2")
    page("search.md", "search.md.j2")
    page("glossary.md", "glossary.md.j2", letters=_by_letter(portal.glossary))
    tree.texts["stories/feed.xml"] = _feed(env, stories, project)
    _assets(project, tree)
    _figures(portal, project, tree)
    for p in printed:
        tree.files[f"downloads/{p.filename}"] = (p.path, p.key)
        for name, picture in zip(p.preview_names(), p.previews):
            # Drawn from the PDF, so the PDF's key (and the picture's name) keys it.
            tree.files[f"downloads/{name}"] = (picture, combine(p.key, picture.name))
    tree.nav = _nav(portal, stories)
    tree.sources = {**{f"modules/{m.id}.md": m.path for m in portal.modules.values()},
                    **{f"stories/{s.id}.md": s.path for s in stories},
                    **{f"{p.name}.md": p.path for p in portal.pages}}
    if portal.sources:  # the sources page prints content/sources.yaml
        tree.sources["training/nguon-tai-lieu.md"] = "content/sources.yaml"
    return tree


def _training(portal: Portal, page) -> None:
    sets = sorted(portal.catalogue.sets, key=lambda s: s.number)
    page("training/index.md", "training.md.j2", sets=sets)
    for material_set in sets:
        page(f"training/{material_set.slug}/index.md", "set.md.j2", set=material_set,
             modules=portal.set_modules(material_set))
    page("training/nguon-tai-lieu.md", "sources.md.j2", sources=_sources_in_order(portal))
    for module in portal.modules.values():
        member_of = [s for s in sets if s.number in module.meta.sets]
        neighbours = _neighbours(portal, member_of, module)
        body = numbered(answers_folded(module.body), portal.lesson_number(module),
                        lambda name: f"../{FOLDER}/{name}")
        page(f"modules/{module.id}.md", "module.md.j2", module=module, sets=member_of,
             body=body, neighbours=neighbours)


def _page_body(page) -> str:
    """A free page's body with its figures and screenshots numbered; pages sit at the top of
    the site, beside the folders the pictures are copied to."""
    return numbered(page.body, None, lambda name: f"{FOLDER}/{name}",
                    screenshot_for=lambda name: f"{SCREENSHOTS}/{name}")


def _figures(portal: Portal, project: Project, tree: WrittenTree) -> None:
    """The figure files the modules and pages show and the pages' screenshots (checked by
    validate/figures.py), copied once each."""
    bodies = [m.body for m in portal.modules.values()] + [p.body for p in portal.pages]
    images = [image for body in bodies for image in images_in(body)]
    for folder, names in ((FOLDER, {i.name for i in images if i.name}),
                          (SCREENSHOTS, {i.screenshot for i in images if i.screenshot})):
        for name in sorted(names):
            path = project.content / folder / name
            tree.files[f"{folder}/{name}"] = (path, _file_digest(path))


def _sources_in_order(portal: Portal) -> list[tuple[str, object]]:
    """content/sources.yaml by issuer, then newest first: a reader looks for the Law of the
    National Assembly under "Quốc hội", and a law's newer text first."""
    return sorted(portal.sources.items(),
                  key=lambda item: (sort_key(item[1].issuer), -(item[1].year or 0), item[0]))


def _stories(portal: Portal, stories: list, page, provinces: dict, area_slugs: dict) -> None:
    """The stories index, and a page of them per province and per area (linked from each
    story's card): at national scale a list of every story is too long to browse."""
    by_province = sorted(_grouped(stories, lambda s: [s.province] if s.province else []).items(),
                         key=lambda g: sort_key(provinces[g[0]].name))
    by_area = sorted(_grouped(stories, lambda s: s.meta.areas).items(),
                     key=lambda g: [a.id for a in portal.areas].index(g[0]))
    shared = {"by_province": by_province, "by_area": by_area}
    page("stories/index.md", "stories.md.j2", stories=stories, **shared)
    for slug, group in by_province:
        page(f"stories/tinh/{slug}.md", "stories_group.md.j2", stories=group, kind="province",
             heading=provinces[slug].name, **shared)
    areas = {a.id: a for a in portal.areas}
    for area_id, group in by_area:
        page(f"stories/linh-vuc/{area_slugs[area_id]}.md", "stories_group.md.j2", stories=group,
             kind="area", heading=areas[area_id].vi, **shared)


def _grouped(stories: list, keys) -> dict[str, list]:
    groups: dict[str, list] = {}
    for story in stories:
        for key in keys(story):
            groups.setdefault(key, []).append(story)
    return groups


def _by_letter(terms: list) -> list[tuple[str, list]]:
    """Terms under their first letter, for the A–Z bar of a long glossary (Đ after D, as in a
    Vietnamese dictionary; other marks aside: Ấp under A)."""
    groups: dict[str, list] = {}
    for term in sorted(terms, key=lambda t: sort_key(t.vi)):
        first = term.vi.strip()[:1].upper()
        letter = "Đ" if first == "Đ" else fold(first).upper()
        groups.setdefault(letter, []).append(term)
    return sorted(groups.items(), key=lambda g: (g[0].replace("Đ", "D~")))


def _feed(env, stories: list, project: Project) -> str:
    """An Atom feed of the stories (stories/feed.xml), newest first, for feed readers and
    associations that relay them."""
    site_url = str(site_config(project.mkdocs_yml).get("site_url") or "").rstrip("/")
    return env.get_template("feed.xml.j2").render(stories=stories[:30], site_url=site_url)


def _neighbours(portal: Portal, sets: list, module) -> tuple:
    """The lessons before and after this one in its first set: (set, previous, next)."""
    if not sets:
        return (None, None, None)
    order = portal.set_modules(sets[0])
    i = next(i for i, m in enumerate(order) if m.id == module.id)
    return (sets[0], order[i - 1] if i > 0 else None, order[i + 1] if i + 1 < len(order) else None)


# A review question's answer, as modules write it: a paragraph indented under the question.
_ANSWER = re.compile(r"^(?P<indent>[ ]{4,})\*\*Đáp án:\*\*[ \t]*(?P<text>.+)$", re.M)


def answers_folded(body: str) -> str:
    """Answers behind a disclosure on the site (a trainer asks first, then opens it); the
    handbooks print them open, from the same Markdown."""
    return _ANSWER.sub(lambda m: f'{m["indent"]}??? success "Đáp án"\n\n'
                                 f'{m["indent"]}    {m["text"]}', body)


def _assets(project: Project, tree: WrittenTree) -> None:
    folder = project.templates / "site" / "assets"
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            tree.files[f"assets/{path.relative_to(folder).as_posix()}"] = (path, _file_digest(path))
    tree.texts["schema/club.schema.json"] = club_schema_text()
    faces = fonts.woff2_files(project.cache / "fonts")
    for face, path in faces:
        tree.files[f"assets/fonts/{face.name}.woff2"] = (path, path.stem)  # named by its digest
    tree.texts["assets/fonts.css"] = fonts.font_face_css(
        [(face, f"fonts/{face.name}.woff2") for face, _ in faces])


def _text(title: str) -> str:
    return str(escape(title))


def _file_digest(path: Path) -> str:
    return digest(path.read_bytes())


def _nav(portal: Portal, stories: list) -> list:
    """The navigation; titles escaped here, as the theme writes them into every page as is."""
    sets = sorted(portal.catalogue.sets, key=lambda s: s.number)
    training = ["training/index.md"] + [
        {_text(f"{s.number}. {s.title}"): [f"training/{s.slug}/index.md"] +
         [{_text(m.meta.title): f"modules/{m.id}.md"} for m in portal.set_modules(s)]}
        for s in sets] + [{"Nguồn tài liệu": "training/nguon-tai-lieu.md"}]
    if portal.courses:
        training.append({"Khóa tập huấn": ["training/courses/index.md"] +
                         [{_text(c.meta.title): f"training/courses/{c.id}.md"}
                          for c in portal.courses]})
    extras = [{_text(p.meta.title): f"{p.name}.md"}
              for p in sorted(portal.pages, key=lambda p: p.meta.order) if p.name != "index"]
    nav = [{"Trang chủ": "index.md"}, {"Tập huấn": training}, {CLUBS[0]: CLUBS[1]},
           {"Câu chuyện": ["stories/index.md"] +
            [{_text(s.meta.title): f"stories/{s.id}.md"} for s in stories]},
           {"Biểu mẫu": ["forms/index.md"] +
            [{_text(f.title): f"forms/{f.id}.md"} for f in portal.forms]},
           {"Tải về": "downloads.md"}, {"Thuật ngữ": "glossary.md"}, *extras,
           {"Tìm kiếm": "search.md"}]
    return nav
