"""Compose the HTML of every printed document: handbooks in three variants, handouts, forms."""

from __future__ import annotations

import re
from dataclasses import dataclass

import segno
from markupsafe import Markup

from generator import __version__, fonts
from generator.figures import FOLDER, Image, images_in, numbered
from generator.handbooks.edition import Edition, edition
from generator.handbooks.tables import typeset_tables
from generator.markdown import renderer, site_config, to_html
from generator.model.content import Form, GlossaryTerm, MaterialSet, Module, Portal
from generator.model.course import Course, clock
from generator.project import Project
from generator.templating import template_env

_HEADING = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.S)
_MODULE_LINK = re.compile(r'<a href="([a-z0-9-]+)\.md(?:#([^"]*))?">(.*?)</a>', re.S)
_COURSE_LINK = re.compile(r'<a href="\.\./training/courses/[a-z0-9-]+\.md">(.*?)</a>', re.S)


@dataclass(frozen=True)
class Variant:
    """A way to print a handbook: its file-name suffix, extra CSS, and whether it carries forms."""

    name: str
    suffix: str
    css: str | None
    label: str
    forms: bool = True
    booklet: bool = False


VARIANTS = (
    Variant("a4", "", None, "A4"),
    Variant("large", "-chu-lon", "large-print.css", "A4 chữ lớn"),
    # Forms need A4 room to write in; the booklet points to the separate form PDFs instead.
    Variant("a5", "-so-tay-a5", "a5.css", "Sổ tay A5 (in hai mặt, gấp đôi)", forms=False,
            booklet=True),
)


# Handbook covers: "office" prints well in black and white on an office printer (white ground, a
# band of colour, the set number large); "color" is the full-colour cover for a print shop.
COVERS: dict[str, tuple[str, ...]] = {"office": (), "color": ("cover-color.css",)}


@dataclass(frozen=True)
class Section:
    anchor: str
    title: Markup


@dataclass(frozen=True)
class Chapter:
    module: Module
    anchor: str
    html: Markup
    sections: list[Section]
    qr: Markup | None


@dataclass(frozen=True)
class PrintDocument:
    """One PDF to render: a handbook variant, a handout or a form."""

    filename: str  # relative to the downloads folder
    html: str
    set: MaterialSet | None = None
    variant: Variant | None = None
    form: Form | None = None
    module: Module | None = None
    course: Course | None = None
    edition: Edition | None = None  # revision and date of its sources, shown on the site
    sources: tuple[str, ...] = ()  # the files it is made from, relative to the project


class Composer:
    """Holds what every document shares: templates, Markdown, styles, the site address."""

    def __init__(self, portal: Portal, project: Project, cover: str = "office"):
        self.portal = portal
        self.project = project
        self.cover = cover  # COVERS: how the handbooks' covers print
        self.env = template_env(project.templates, "print")
        self.md = renderer(project.mkdocs_yml)
        config = site_config(project.mkdocs_yml)
        self.site_url = (config.get("site_url") or "").rstrip("/")
        self.licence = config.get("copyright", "")
        self.base_css = (project.templates / "print" / "handbook.css").read_text("utf-8")
        self.font_css = fonts.font_face_css([(f, f.path.as_uri()) for f in fonts.faces()])

    def css(self, *extra: str | None) -> Markup:
        folder = self.project.templates / "print"
        more = "".join((folder / name).read_text("utf-8") for name in extra if name)
        return Markup(self.font_css + self.base_css + more)

    def site_qr(self) -> Markup | None:
        """A QR code that opens the site, for the booklet's back cover; none without site_url."""
        if not self.site_url:
            return None
        return Markup(segno.make(self.site_url + "/", error="m").svg_data_uri(scale=4, border=2))

    def qr(self, module: Module) -> Markup | None:
        """A QR code that opens the module's page; none when mkdocs.yml has no site_url."""
        if not self.site_url:
            return None
        url = f"{self.site_url}/modules/{module.id}.html"
        return Markup(segno.make(url, error="m").svg_data_uri(scale=4, border=2))

    def chapter(self, number: int, module: Module, in_book: set[str]) -> Chapter:
        anchor = f"m-{module.id}"
        body = numbered(module.body, number, lambda name: f"content/{FOLDER}/{name}", link=False)
        html = typeset_tables(_number_tables(to_html(self.md, body), number))
        # Every module's headings share names ("Hoạt động", ...): prefix ids to keep them unique.
        html = html.replace(' id="', f' id="{anchor}--').replace('href="#', f'href="#{anchor}--')
        html = _MODULE_LINK.sub(lambda m: _link(m, in_book), html)
        # A course's page is on the site only: in print its name stays, without a link.
        html = _COURSE_LINK.sub(r"<em>\1</em>", html)
        sections = [Section(a, Markup(t)) for a, t in _HEADING.findall(html)]
        return Chapter(module, anchor, Markup(html), sections, self.qr(module))

    @property
    def shared_sources(self) -> tuple[str, ...]:
        """The YAML files every handbook also prints from (cover, glossary, forms, areas, the
        sources cited at the end of each chapter)."""
        names = ("sets.yaml", "areas.yaml", "glossary.yaml", "forms.yaml", "indicators.yaml",
                 "sources.yaml")
        return tuple(f"content/{n}" for n in names if (self.project.content / n).is_file())

    def edition(self, modules: list[Module]) -> Edition:
        """From the modules and the figures they show: a new drawing is a new edition."""
        return edition(self.project.root, [self.project.root / p
                                           for p in (*(m.path for m in modules), *_figures(modules))])

    def handbooks(self) -> list[PrintDocument]:
        template = self.env.get_template("handbook.html.j2")
        documents = []
        for material_set in sorted(self.portal.catalogue.sets, key=lambda s: s.number):
            modules = self.portal.set_modules(material_set)
            chapters = [self.chapter(n, m, {x.id for x in modules}) for n, m in enumerate(modules, 1)]
            book_edition = self.edition(modules)
            for variant in VARIANTS:
                html = template.render(
                    set=material_set, chapters=chapters, portal=self.portal, variant=variant,
                    forms=self.portal.set_forms(material_set) if variant.forms else [],
                    areas={a.id: a for a in self.portal.areas}, edition=book_edition,
                    version=__version__, licence=self.licence, site_url=self.site_url,
                    glossary=glossary_for(self.portal.glossary, modules), back_qr=self.site_qr(),
                    css=self.css(variant.css, *COVERS[self.cover]))
                filename = f"bo-{material_set.number}-{material_set.slug}{variant.suffix}.pdf"
                documents.append(PrintDocument(filename, html, set=material_set, variant=variant,
                                               edition=book_edition,
                                               sources=tuple(m.path for m in modules)
                                               + self.shared_sources + _figures(modules)))
        return documents

    def handouts(self) -> list[PrintDocument]:
        """One short PDF per module: the handout section a trainer prints for a session."""
        template = self.env.get_template("handout.html.j2")
        documents = []
        for module in self.portal.modules.values():
            first = next((i for i in images_in(module.body) if i.caption and i.name), None)
            figure = self.handout_figure(module, first) if first else None
            html = template.render(module=module, handout=self.handout(module), figure=figure,
                                   sets=[s for s in self.portal.catalogue.sets
                                         if s.number in module.meta.sets],
                                   qr=self.qr(module), css=self.css())
            shown = (f"content/{FOLDER}/{first.name}",) if first else ()
            documents.append(PrintDocument(f"handouts/{module.id}.pdf", html, module=module,
                                           edition=self.edition([module]),
                                           sources=(module.path, *shown)))
        return documents

    def handout_figure(self, module: Module, first: Image) -> Markup:
        """The module's first figure, which a handout prints above its text: readers with
        little schooling take the picture in first."""
        line = f'![{first.alt}](../{FOLDER}/{first.name} "{first.caption}")'
        return Markup(to_html(self.md, numbered(line, self.portal.lesson_number(module),
                                                lambda name: f"content/{FOLDER}/{name}",
                                                link=False)))

    def handout(self, module: Module) -> Markup:
        text = module.body.split("## Tài liệu phát tay\n", 1)[1].split("\n## ", 1)[0]
        return Markup(to_html(self.md, text))

    def courses(self) -> list[PrintDocument]:
        """A course pack per course: timetable, knowledge test and its key, the handouts in
        teaching order, evaluation, attendance sheet and certificate."""
        template = self.env.get_template("course.html.j2")
        documents = []
        for course in self.portal.courses:
            modules = course.modules
            html = template.render(course=course, portal=self.portal, test=course.test(),
                                   handouts=[(m, self.handout(m)) for m in modules],
                                   clock=clock, css=self.css("course.css"))
            documents.append(PrintDocument(f"khoa-hoc/{course.id}.pdf", html, course=course,
                                           edition=self.edition(modules),
                                           sources=(course.path, *(m.path for m in modules))))
        return documents

    def forms(self) -> list[PrintDocument]:
        template = self.env.get_template("form.html.j2")
        forms_edition = edition(self.project.root, [self.project.content / "forms.yaml"])
        return [PrintDocument(f"forms/{form.id}.pdf",
                              template.render(form=form, portal=self.portal, css=self.css()),
                              form=form, edition=forms_edition, sources=("content/forms.yaml",))
                for form in self.portal.forms]


def compose_all(portal: Portal, project: Project, cover: str = "office") -> list[PrintDocument]:
    composer = Composer(portal, project, cover)
    return composer.handbooks() + composer.handouts() + composer.forms() + composer.courses()


def glossary_for(terms: list[GlossaryTerm], modules: list[Module]) -> list[GlossaryTerm]:
    """The terms a handbook's own modules use (by the term, any of its comma-separated forms,
    or its abbreviation), not the whole glossary: a reader looks up what this book says."""
    texts = [" ".join([m.meta.title, *m.meta.objectives, *m.meta.key_messages, m.body])
             for m in modules]
    text = " ".join(texts)
    lower = text.lower()

    def mentioned(term: GlossaryTerm) -> bool:
        forms = [f.strip().lower() for f in term.vi.split(",") if f.strip()]
        if any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", lower) for f in forms):
            return True
        return bool(term.short and re.search(rf"(?<!\w){re.escape(term.short)}(?!\w)", text))

    return [term for term in terms if mentioned(term)]


def _figures(modules: list[Module]) -> tuple[str, ...]:
    """The figure files the modules show, as paths from the project's root."""
    names = sorted({i.name for m in modules for i in images_in(m.body) if i.name})
    return tuple(f"content/{FOLDER}/{name}" for name in names)


def _number_tables(html: str, chapter: int) -> str:
    """Label each table "Bảng 3.2" (chapter 3, second table) so a trainer can point at it."""
    count = 0

    def label(_: re.Match) -> str:
        nonlocal count
        count += 1
        return f'<p class="table-number">Bảng {chapter}.{count}</p>\n<table>'

    return re.sub(r"<table>", label, html)


def _link(match: re.Match, in_book: set[str]) -> str:
    target, _, text = match.groups()
    if target in in_book:
        return f'<a href="#m-{target}">{text}</a>'
    return f"<em>{text}</em>"  # a module of another handbook: keep the words, drop the link
