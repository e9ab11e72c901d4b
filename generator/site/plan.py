"""Every file of the site planned, from caches where the inputs are unchanged."""


from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator import cache
from generator.club_stage import ClubStage  # noqa: F401 (type)
from generator.indicators import Indicators
from generator.load.places import load_places
from generator.model.content import Portal
from generator.progress import Progress
from generator.project import Project
from generator.site.data import DataContext, DataPages, commune_path, provinces_with_clubs
from generator.site.mkdocs_run import written_site
from generator.site.output import Output, Planned
from generator.site.shell import theme_shell
from generator.site import search
from generator.site.written import CLUBS, HOME_FIGURES, SECTIONS, WrittenTree, written_tree


@dataclass
class SitePlan:
    files: dict[str, Planned]  # every file of the site, by its path in the site
    pages: int  # how many of them are pages


def data_context(portal: Portal, project: Project) -> DataContext:
    shell = theme_shell(project, SECTIONS, CLUBS[1])
    stories = {s.id: s.meta.title for s in portal.stories}
    return DataContext(project.templates, shell, tuple(portal.areas), stories)


def plan_site(portal: Portal, printed: list, project: Project, context: DataContext,
              clubs: ClubStage, stats: Indicators, output: Output,
              progress: Progress) -> SitePlan:
    places = load_places()
    plan: dict[str, Planned] = {}
    summaries = list(clubs.summaries)
    data_pages = {"clubs/index.html", *(f"clubs/{p}/index.html" for p in stats.provinces),
                  *(s.url for s in summaries)}

    tree = written_tree(portal, printed, project)
    written, ran = written_site(tree, project, data_pages.__contains__)
    progress.stage(f"Trang viết: {len(tree.pages)} trang"
                   + (" (MkDocs)" if ran else " (không đổi, lấy từ bộ nhớ đệm)"))
    for path, digest in written.files.items():
        plan[path] = _copy(output, path, digest, written.root / path)
    _fill_home(plan, output, written.root, context, stats)

    for summary in summaries:
        path = summary.url
        key = clubs.keys[path]
        staged = path in clubs.rendered
        plan[path] = Planned(key, source=output.staging / path, staged=True) if staged else Planned(key)

    renderer = DataPages(context, places)
    keys = clubs.keys
    everything = cache.combine(context.digest, *(keys[s.url] for s in summaries))
    plan["clubs/index.html"] = _render(output, "clubs/index.html", everything,
                                       lambda: renderer.directory(stats))
    for province in provinces_with_clubs(places, stats):
        communes = stats.communes[province.slug]
        key = cache.combine(context.digest, province.slug,
                            *(keys[c.url] for commune in communes for c in commune.clubs))
        path = f"clubs/{province.slug}/index.html"
        plan[path] = _render(output, path, key, lambda p=province: renderer.province(p, stats))
        for commune in communes:
            key = cache.combine(context.digest, province.slug, commune.name,
                                *(keys[c.url] for c in commune.clubs))
            path = commune_path(province.slug, commune.slug)
            plan[path] = _render(output, path, key,
                                 lambda p=province, c=commune: renderer.commune(p, c))
    _photos(plan, output, project, summaries)
    progress.stage(f"Trang dữ liệu: {len(summaries)} CLB, {len(stats.provinces)} tỉnh")
    _search(plan, output, project, tree, stats, summaries)
    progress.stage("Chỉ mục tìm kiếm")
    pages = len(tree.pages) + sum(1 for p in plan if p.startswith("clubs/") and p.endswith(".html"))
    return SitePlan(plan, pages)


def _search(plan: dict[str, Planned], output: Output, project: Project, tree: WrittenTree,
            stats: Indicators, summaries: list) -> None:
    """The search index: made again only when a page's text or a place's name changed.

    A club's figures are not in the index, so the usual edit (a member count) leaves it as it
    was; deciding that costs one hash over the names, not the 2,700 files of the index.
    """
    docs_key = tree.digest(cache.code_digest(), project.mkdocs_yml.read_text("utf-8"))
    places_key = cache.combine(*(f"{s.province}/{s.commune}/{s.id}/{s.name}/{s.village}"
                                 for s in summaries))
    key = cache.combine(docs_key, places_key)
    path = project.cache / "search.pickle"
    stored = cache.load(path)
    if stored is not None and stored[0] == key and all(output.has(p, d) for p, d in stored[1].items()):
        plan.update((p, Planned(d)) for p, d in stored[1].items())
        return
    docs = _doc_entries(docs_key, tree, project)
    digests = {}
    for name, data in search.index_files(docs, search.place_entries(stats, load_places())).items():
        digests[name] = cache.digest(data)
        plan[name] = Planned(digests[name]) if output.has(name, digests[name]) else Planned(digests[name], data=data)
    cache.save(path, (key, digests))


def _doc_entries(key: str, tree: WrittenTree, project: Project) -> list:
    """Search entries of the written pages, made again only when those pages change."""
    path = project.cache / "search-docs.pickle"
    stored = cache.load(path)
    if stored is not None and stored[0] == key:
        return stored[1]
    entries = search.doc_entries(tree.pages, project.mkdocs_yml)
    cache.save(path, (key, entries))
    return entries


def _copy(output: Output, path: str, key: str, source: Path) -> Planned:
    return Planned(key) if output.has(path, key) else Planned(key, source=source)


def _render(output: Output, path: str, key: str, make) -> Planned:
    if output.has(path, key):
        return Planned(key)
    made_path, html = make()
    assert made_path == path
    return Planned(key, data=html.encode("utf-8"))


def _fill_home(plan: dict[str, Planned], output: Output, root: Path, context: DataContext,
               stats: Indicators) -> None:
    """The home page's figures over all clubs, put in after MkDocs (see written.HOME_FIGURES)."""
    from generator.formatting import number

    n = stats.national
    figures = f"{number(n.clubs)} CLB tại {number(len(stats.provinces))} tỉnh, thành phố;"
    key = cache.combine(plan["index.html"].key, figures)
    if output.has("index.html", key):
        plan["index.html"] = Planned(key)
        return
    html = (root / "index.html").read_text("utf-8")
    plan["index.html"] = Planned(key, data=html.replace(HOME_FIGURES, figures).encode("utf-8"))


def _photos(plan: dict[str, Planned], output: Output, project: Project, summaries: list) -> None:
    """Only the photos a club shows with recorded consent; the rest never leave content/."""
    folder = project.content / "photos"
    for name in sorted({p for s in summaries for p in s.photos}):
        source = folder / name
        stat = source.stat()
        # Photos can be large and many: keyed by their stamp, not read on every build.
        key = cache.combine(name, str(stat.st_size), str(stat.st_mtime_ns))
        plan[f"photos/{name}"] = _copy(output, f"photos/{name}", key, source)
