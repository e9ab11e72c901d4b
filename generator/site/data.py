"""Data pages: the club directory, provinces, communes and clubs, straight from records to HTML.

Up to 21,000 clubs: these pages never go through Markdown and MkDocs (DESIGN.md measured 50-100
ms a page there). Each is one Jinja template from templates/site/data/ rendered into the theme's
shell (shell.py). Club pages are rendered where their club is checked, in a worker process
(club_stage.py); the pages over many clubs from club summaries, in the main process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from pathlib import Path

from generator.cache import combine, digest
from generator.indicators import Commune, Indicators
from generator.load.places import Places
from generator.load.text import sort_key
from generator.model.club import Club
from generator.model.content import AreaInfo, ClubEntry, Province
from generator.site.shell import Shell
from generator.templating import template_env

FOLDER = "site/data"  # under templates/


@dataclass(frozen=True)
class DataContext:
    """What data pages are rendered with besides their own records; sent to worker processes."""

    templates: Path
    shell: Shell
    areas: tuple[AreaInfo, ...]
    stories: dict[str, str]  # story id -> title, for the clubs a story tells of

    @cached_property
    def digest(self) -> str:
        """Changes whenever a data page with the same records would come out differently."""
        folder = self.templates / FOLDER
        texts = [f"{p.relative_to(folder)}:{digest(p.read_bytes())}"
                 for p in sorted(folder.rglob("*")) if p.is_file()]
        return combine(self.shell.digest, *texts, repr(self.areas), repr(sorted(self.stories.items())))


class DataPages:
    """Renders data pages; each method returns (path in the site, HTML)."""

    def __init__(self, context: DataContext, places: Places):
        self.context = context
        self.places = places
        self.env = template_env(context.templates, FOLDER)

    def _page(self, path: str, template: str, title: str, **values) -> tuple[str, str]:
        content = self.env.get_template(template).render(**values)
        return path, self.context.shell.page(path, title, content)

    def club(self, entry: ClubEntry) -> tuple[str, str]:
        club = entry.club
        province = self.places.province(entry.province_slug)
        assert province is not None  # a club in an unknown province folder has an error
        stories = [(s, self.context.stories[s]) for s in club.stories if s in self.context.stories]
        return self._page(club_path(entry.province_slug, entry.id), "club.html.j2", club.name,
                          entry=entry, club=club, province=province, areas=self.context.areas,
                          series=_Series(club),
                          commune_slug=self.places.commune_slug(province.name, entry.commune),
                          stories=stories, photos=[p for p in club.photos if p.consent])

    def directory(self, stats: Indicators) -> tuple[str, str]:
        return self._page("clubs/index.html", "directory.html.j2", "Danh bạ câu lạc bộ",
                          stats=stats, provinces=provinces_with_clubs(self.places, stats))

    def province(self, province: Province, stats: Indicators) -> tuple[str, str]:
        return self._page(f"clubs/{province.slug}/index.html", "province.html.j2",
                          f"CLB tại {province.name}", province=province,
                          summary=stats.provinces[province.slug],
                          communes=stats.communes[province.slug])

    def commune(self, province: Province, commune: Commune) -> tuple[str, str]:
        return self._page(commune_path(province.slug, commune.slug), "commune.html.j2",
                          f"CLB tại {commune.name}, {province.name}", province=province,
                          commune=commune)


class _Series:
    """A club's records over time, oldest first (sorted here: Jinja's sort filter costs a tenth of
    a millisecond a table, and there are 21,000 pages)."""

    def __init__(self, club: Club):
        self.members = sorted(club.members, key=attrgetter("date"))
        self.funds = sorted(club.funds, key=attrgetter("date"))
        self.ratings = sorted(club.ratings, key=attrgetter("year"))
        yearly = club.activities.yearly if club.activities else []
        self.yearly = sorted(yearly, key=attrgetter("year"))


def club_path(province_slug: str, club_id: str) -> str:
    return f"clubs/{province_slug}/{club_id}.html"


def commune_path(province_slug: str, commune_slug: str) -> str:
    return f"clubs/{province_slug}/xa/{commune_slug}.html"


def provinces_with_clubs(places: Places, stats: Indicators) -> list[Province]:
    return sorted((p for p in places.provinces if p.slug in stats.provinces),
                  key=lambda p: sort_key(p.name))
