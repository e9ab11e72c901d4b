"""Compose one HTML document per material set: cover, contents, one chapter per module."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from markupsafe import Markup

from generator import fonts
from generator.markdown import renderer, to_html
from generator.model.content import Form, MaterialSet, Module, Portal
from generator.project import Project
from generator.templating import template_env

_HEADING = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.S)
_MODULE_LINK = re.compile(r'<a href="([a-z0-9-]+)\.md(?:#([^"]*))?">(.*?)</a>', re.S)


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


@dataclass(frozen=True)
class PrintDocument:
    """One PDF to render: a handbook (set) or a single form (form)."""

    filename: str  # relative to the downloads folder
    html: str
    set: MaterialSet | None = None
    form: Form | None = None


def compose_handbooks(portal: Portal, project: Project) -> list[PrintDocument]:
    env = template_env(project.templates / "print")
    template = env.get_template("handbook.html.j2")
    md = renderer(project.mkdocs_yml)
    css = print_css(project)
    documents = []
    for material_set in sorted(portal.catalogue.sets, key=lambda s: s.number):
        modules = portal.set_modules(material_set)
        in_book = {m.id for m in modules}
        chapters = [_chapter(md, m, in_book) for m in modules]
        html = template.render(set=material_set, chapters=chapters, portal=portal,
                               forms=portal.set_forms(material_set),
                               areas={a.id: a for a in portal.areas},
                               year=dt.date.today().year, css=css)
        filename = f"bo-{material_set.number}-{material_set.slug}.pdf"
        documents.append(PrintDocument(filename, html, set=material_set))
    return documents


def compose_forms(portal: Portal, project: Project) -> list[PrintDocument]:
    template = template_env(project.templates / "print").get_template("form.html.j2")
    css = print_css(project)
    return [PrintDocument(f"forms/{form.id}.pdf", template.render(form=form, portal=portal, css=css),
                          form=form)
            for form in portal.forms]


def print_css(project: Project) -> Markup:
    css = (project.templates / "print" / "handbook.css").read_text("utf-8")
    return Markup(fonts.font_face_css([(f, f.path.as_uri()) for f in fonts.faces()]) + css)


def _chapter(md, module: Module, in_book: set[str]) -> Chapter:
    anchor = f"m-{module.id}"
    html = to_html(md, module.body)
    # Every module's headings share names ("Hoạt động", ...): prefix ids to keep them unique.
    html = html.replace(' id="', f' id="{anchor}--').replace('href="#', f'href="#{anchor}--')
    html = _MODULE_LINK.sub(lambda m: _link(m, in_book), html)
    sections = [Section(a, Markup(t)) for a, t in _HEADING.findall(html)]
    return Chapter(module, anchor, Markup(html), sections)


def _link(match: re.Match, in_book: set[str]) -> str:
    target, _, text = match.groups()
    if target in in_book:
        return f'<a href="#m-{target}">{text}</a>'
    return f"<em>{text}</em>"  # a module of another handbook: keep the words, drop the link
