"""Every file of the site planned, from caches where the inputs are unchanged."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape

from generator import cache
from generator.background import Background
from generator.club_stage import ClubStage
from generator.indicators import Indicators
from generator.load.places import load_places
from generator.model.content import Portal
from generator.progress import Progress
from generator.project import Project
from generator.site.data import (DataContext, DataPages, club_path, commune_path,
                                 provinces_with_clubs)
from generator.site.mkdocs_run import WrittenSite, written_site
from generator.markdown import site_config
from generator.messages import t
from generator.problems import BuildFailed
from generator.site import photos, search
from generator.site.destination import MARKER, MARKER_TEXT
from generator.site.output import Output, Planned
from generator.site.shell import theme_shell
from generator.site.written import CLUBS, HOME_FIGURES, SECTIONS, written_tree
from generator.trainings import trained


@dataclass
class SitePlan:
    files: dict[str, Planned]  # every file of the site, by its path in the site
    pages: int  # how many of them are pages


@dataclass
class Written:
    """The written pages, ready: MkDocs' output and their part of the search index."""

    site: WrittenSite
    ran: bool  # MkDocs ran (else its output came from the cache)
    pages: int
    docs_key: str
    docs: search.Part
    photos: frozenset[str]  # the photos the stories show (with consent)


def prepare_written(portal: Portal, printed: list, project: Project,
                    data_pages: frozenset[str]) -> Written:
    """Needs nothing of the clubs but their paths: build.py runs it beside the club stage."""
    tree = written_tree(portal, printed, project)
    site, ran = written_site(tree, project, data_pages.__contains__)
    docs_key = tree.digest(cache.code_digest(), project.mkdocs_yml.read_text("utf-8"))
    return Written(site, ran, len(tree.pages), docs_key, _docs_part(docs_key, site, project),
                   frozenset(s.photo.file for s in portal.stories if s.photo))


def data_page_paths(club_files: list) -> frozenset[str]:
    """The data pages written pages may link to: the directory, provinces, clubs."""
    return frozenset({"clubs/index.html",
                      *(f"clubs/{f.province_folder}/index.html" for f in club_files),
                      *(club_path(f.province_folder, f.club_id) for f in club_files)})


def data_context(portal: Portal, project: Project) -> DataContext:
    shell = theme_shell(project, SECTIONS, CLUBS[1])
    stories = {s.id: s.meta.title for s in portal.stories}
    by_province: dict[str, list] = {}
    for story in sorted(portal.stories, key=lambda s: s.meta.date, reverse=True):
        if story.province:
            by_province.setdefault(story.province, []).append((story.id, story.meta.title))
    national, provinces = trained(portal.trainings)
    return DataContext(project.templates, shell, tuple(portal.areas), stories,
                       {k: tuple(v) for k, v in by_province.items()}, portal.plans,
                       national if portal.trainings else None, provinces)


def plan_site(written: Written, project: Project, context: DataContext, clubs: ClubStage,
              stats: Indicators, output: Output, progress: Progress) -> SitePlan:
    plan: dict[str, Planned] = {}
    summaries = list(clubs.summaries)
    progress.stage(f"Trang viết: {written.pages} trang"
                   + (" (MkDocs)" if written.ran else " (không đổi, lấy từ bộ nhớ đệm)"))
    for path, digest in written.site.files.items():
        plan[path] = _copy(output, path, digest, written.site.root / path)
    _fill_home(plan, output, written.site.root, context, stats)
    _club_pages(plan, output, clubs, summaries)
    index = _Search(plan, output, project, written, stats, summaries)
    _pages_over_clubs(plan, output, context, clubs.keys, stats, summaries)
    _photos(plan, output, project, summaries, written.photos)
    _admin(plan, output, project)
    _sitemap(plan, output, project)
    # Later builds may replace this folder (destination.py).
    plan[MARKER] = _bytes(output, MARKER, MARKER_TEXT.encode("utf-8"))
    progress.stage(f"Trang dữ liệu: {len(summaries)} CLB, {len(stats.provinces)} tỉnh")
    index.finish()
    progress.stage("Chỉ mục tìm kiếm")
    pages = written.pages + sum(1 for p in plan if p.startswith("clubs/") and p.endswith(".html"))
    return SitePlan(plan, pages)


def _club_pages(plan: dict[str, Planned], output: Output, clubs: ClubStage,
                summaries: list) -> None:
    """Rendered by the club stage into staging when new, else already in the output."""
    for summary in summaries:
        path = summary.url
        if path in clubs.rendered:
            plan[path] = Planned(clubs.keys[path], source=output.staging / path, staged=True)
        else:
            plan[path] = Planned(clubs.keys[path])


def _pages_over_clubs(plan: dict[str, Planned], output: Output, context: DataContext,
                      keys: dict[str, str], stats: Indicators, summaries: list) -> None:
    """Directory, provinces, communes: keyed by the keys of the clubs they show, so a page is
    rendered again exactly when one of its clubs (or a template) changed."""
    places = load_places()
    renderer = DataPages(context, places)
    everything = cache.combine(context.digest, context.national_digest,
                               *(keys[s.url] for s in summaries))
    plan["clubs/index.html"] = _render(output, "clubs/index.html", everything,
                                       lambda: renderer.directory(stats))
    for province in provinces_with_clubs(places, stats):
        communes = stats.communes[province.slug]
        key = cache.combine(context.digest, context.province_digest(province.slug), province.slug,
                            *(keys[c.url] for commune in communes for c in commune.clubs))
        path = f"clubs/{province.slug}/index.html"
        plan[path] = _render(output, path, key, lambda p=province: renderer.province(p, stats))
        for commune in communes:
            key = cache.combine(context.digest, province.slug, commune.name,
                                *(keys[c.url] for c in commune.clubs))
            path = commune_path(province.slug, commune.slug)
            plan[path] = _render(output, path, key,
                                 lambda p=province, c=commune: renderer.commune(p, c))


class _Search:
    """The search index: made again only when a page's text or a place's name changed, and then
    in a forked process while this one renders the directory, province and commune pages.

    A club's figures are not in the index, so the usual edit (a member count) leaves it as it
    was; deciding that costs one hash over the names, not the 2,700 files of the index.
    """

    def __init__(self, plan: dict[str, Planned], output: Output, project: Project,
                 written: Written, stats: Indicators, summaries: list):
        self.plan, self.output = plan, output
        names = cache.combine(*(f"{s.province}/{s.commune}/{s.id}/{s.name}/{s.village}/"
                                f"{s.search_words}" for s in summaries))
        self.key = cache.combine(written.docs_key, names)
        self.path = project.cache / "search.pickle"
        self.job = None
        stored = cache.load(self.path)
        if stored is not None and stored[0] == self.key and all(
                output.has(p, d) for p, d in stored[1].items()):
            plan.update((p, Planned(d)) for p, d in stored[1].items())
        else:
            self.job = Background(_index_files, written.docs, stats)

    def finish(self) -> None:
        if self.job is None:
            return
        digests = {}
        for name, data in self.job.result().items():
            self.plan[name] = _bytes(self.output, name, data)
            digests[name] = self.plan[name].key
        cache.save(self.path, (self.key, digests))


def _index_files(docs: search.Part, stats: Indicators) -> dict[str, bytes]:
    return search.index_files(docs, search.places_part(search.place_entries(stats, load_places())))


def _docs_part(key: str, site: WrittenSite, project: Project) -> search.Part:
    """The index of the written pages, made again only when those pages change."""
    path = project.cache / "search-docs.pickle"
    stored = cache.load(path)
    if stored is not None and stored[0] == key:
        return stored[1]
    part = search.docs_part(search.doc_entries(site.pages))
    cache.save(path, (key, part))
    return part


def _copy(output: Output, path: str, key: str, source: Path) -> Planned:
    return Planned(key) if output.has(path, key) else Planned(key, source=source)


def _render(output: Output, path: str, key: str, make) -> Planned:
    if output.has(path, key):
        return Planned(key)
    made_path, html = make()
    assert made_path == path
    return Planned(key, data=html.encode("utf-8"))


def _bytes(output: Output, path: str, data: bytes) -> Planned:
    """A small file made whole on every build, keyed by its content."""
    key = cache.digest(data)
    return Planned(key) if output.has(path, key) else Planned(key, data=data)


def _fill_home(plan: dict[str, Planned], output: Output, root: Path, context: DataContext,
               stats: Indicators) -> None:
    """The home page's figures and chart over all clubs, put in after MkDocs (see
    written.HOME_FIGURES): they change with any club, the rest of the page does not."""
    figures = DataPages(context, load_places()).home_figures(stats)
    key = cache.combine(plan["index.html"].key, figures)
    if output.has("index.html", key):
        plan["index.html"] = Planned(key)
        return
    html = (root / "index.html").read_text("utf-8")
    plan["index.html"] = Planned(key, data=html.replace(HOME_FIGURES, figures).encode("utf-8"))


def _photos(plan: dict[str, Planned], output: Output, project: Project, summaries: list,
            stories: frozenset[str]) -> None:
    """Only the photos a club or a story shows with recorded consent, as photos.py publishes
    them; the rest never leave content/."""
    folder = project.content / "photos"
    for name in sorted({p for s in summaries for p in s.photos} | stories):
        try:
            key, copy = photos.published(folder / name, project.cache / "photos")
        except photos.NotAPhoto as err:
            raise BuildFailed(t("photo.unreadable", file=f"content/photos/{name}",
                                reason=str(err))) from err
        plan[f"photos/{name}"] = _copy(output, f"photos/{name}", key, copy)


def _admin(plan: dict[str, Planned], output: Output, project: Project) -> None:
    """/admin/: the web editor for association staff (editor/page.py)."""
    from generator.editor.page import admin_files

    for path, made in admin_files(project).items():
        if made.source is not None:
            plan[path] = _copy(output, path, made.key, made.source)
        else:
            plan[path] = Planned(made.key) if output.has(path, made.key) else Planned(
                made.key, data=made.data)


SITEMAP_LIMIT = 50_000  # URLs in one sitemap file (sitemaps.org)


def _sitemap(plan: dict[str, Planned], output: Output, project: Project) -> None:
    """Every page, data pages included (MkDocs' sitemap knows only the written ones), when
    mkdocs.yml gives the site's address; none without one, as a sitemap needs full URLs."""
    for name in ("sitemap.xml", "sitemap.xml.gz"):  # MkDocs' own, empty without site_url
        plan.pop(name, None)
    site_url = str(site_config(project.mkdocs_yml).get("site_url") or "").rstrip("/")
    if not site_url:
        return
    pages = sorted(p for p in plan if p.endswith(".html") and p != "404.html")
    files = _sitemap_files(site_url, pages)
    for name, data in files.items():
        plan[name] = _bytes(output, name, data)


def _sitemap_files(site_url: str, pages: list[str]) -> dict[str, bytes]:
    """sitemap.xml (an index of sitemap-N.xml files past 50,000 pages), each also gzipped
    without a timestamp so that two builds are byte-identical."""
    def urlset(chunk: list[str]) -> str:
        urls = "".join(f"<url><loc>{escape(f'{site_url}/{quote(p)}')}</loc></url>\n" for p in chunk)
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns='
                f'"http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n')

    chunks = [pages[i:i + SITEMAP_LIMIT] for i in range(0, len(pages), SITEMAP_LIMIT)] or [[]]
    texts: dict[str, str] = {}
    if len(chunks) == 1:
        texts["sitemap.xml"] = urlset(chunks[0])
    else:
        names = [f"sitemap-{n}.xml" for n in range(1, len(chunks) + 1)]
        texts.update(zip(names, map(urlset, chunks)))
        entries = "".join(f"<sitemap><loc>{escape(site_url)}/{n}</loc></sitemap>\n" for n in names)
        texts["sitemap.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns='
                                f'"http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}'
                                f'</sitemapindex>\n')
    files = {name: text.encode("utf-8") for name, text in texts.items()}
    files["sitemap.xml.gz"] = gzip.compress(files["sitemap.xml"], mtime=0)
    files["robots.txt"] = f"User-agent: *\nAllow: /\nSitemap: {site_url}/sitemap.xml\n".encode()
    return files
