"""Data pages: the club directory, provinces, communes and clubs, straight from records to HTML.

Up to 21,000 clubs: these pages never go through Markdown and MkDocs (DESIGN.md measured 50-100
ms a page there). Each is one Jinja template from templates/site/data/ rendered into the theme's
shell (shell.py). Club pages are rendered where their club is checked, in a worker process
(club_stage.py); the pages over many clubs from club summaries, in the main process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from pathlib import Path

from markupsafe import Markup

from generator.cache import combine, digest
from generator.indicators import Commune, Indicators
from generator.load.places import Places
from generator.load.text import sort_key
from generator.formatting import date as format_date
from generator.formatting import millions, money_or_dash, number, number_or_dash, percent
from generator.model.club import RATING_LEVELS, Club
from generator.model.content import AreaInfo, ClubEntry, Province, ProvincePlan
from generator.site.charts import ColumnChart, column_chart
from generator.site.dashboard import dashboard
from generator.site.shell import Shell
from generator.trainings import Trained
from generator.templating import template_env

FOLDER = "site/data"  # under templates/


@dataclass(frozen=True)
class DataContext:
    """What data pages are rendered with besides their own records; sent to worker processes."""

    templates: Path
    shell: Shell
    areas: tuple[AreaInfo, ...]
    stories: dict[str, str]  # story id -> title, for the clubs a story tells of
    # province slug -> ((story id, title), ...), newest first, for the province pages
    province_stories: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    plans: dict[str, ProvincePlan] = field(default_factory=dict)  # province slug -> its plan
    trained: Trained | None = None  # people trained nationally (trainings.py)
    trained_provinces: dict[str, Trained] = field(default_factory=dict)

    @cached_property
    def digest(self) -> str:
        """Changes whenever a data page with the same records would come out differently
        (a province page also depends on province_digest)."""
        folder = self.templates / FOLDER
        texts = [f"{p.relative_to(folder)}:{digest(p.read_bytes())}"
                 for p in sorted(folder.rglob("*")) if p.is_file()]
        return combine(self.shell.digest, *texts, repr(self.areas), repr(sorted(self.stories.items())))

    def province_digest(self, slug: str) -> str:
        """What only a province's own page shows besides its clubs: its stories and plan. Kept
        out of digest, which keys every club page: a new story re-renders one province page,
        not 21,000 club pages."""
        return combine(repr(self.province_stories.get(slug)), repr(self.plans.get(slug)),
                       repr(self.trained_provinces.get(slug)))

    @property
    def national_digest(self) -> str:
        """What only the directory shows besides the clubs: the people trained nationally."""
        return combine(repr(self.trained))


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
                          stats=stats, provinces=provinces_with_clubs(self.places, stats),
                          board=dashboard(stats.national, "Cả nước", national=True,
                                          trained=self.context.trained))

    def home_figures(self, stats: Indicators) -> str:
        """The national figures and the clubs-by-year chart for the home page (an HTML part)."""
        board = dashboard(stats.national, "Cả nước", national=True)
        return self.env.get_template("home-figures.html.j2").render(
            n=stats.national, provinces=len(stats.provinces), board=board)

    def province(self, province: Province, stats: Indicators) -> tuple[str, str]:
        summary = stats.provinces[province.slug]
        return self._page(f"clubs/{province.slug}/index.html", "province.html.j2",
                          f"CLB tại {province.name}", province=province, summary=summary,
                          communes=stats.communes[province.slug],
                          stories=self.context.province_stories.get(province.slug, ()),
                          board=dashboard(summary, province.name, national=False,
                                          plan=self.context.plans.get(province.slug),
                                          trained=self.context.trained_provinces.get(province.slug)))

    def commune(self, province: Province, commune: Commune) -> tuple[str, str]:
        return self._page(commune_path(province.slug, commune.slug), "commune.html.j2",
                          f"CLB tại {commune.name}, {province.name}", province=province,
                          commune=commune, former=former_units(self.places, province, commune.name))


class _Series:
    """A club's records over time, oldest first (sorted here: Jinja's sort filter costs a tenth of
    a millisecond a table, and there are 21,000 pages), and their charts."""

    def __init__(self, club: Club):
        self.members = sorted(club.members, key=attrgetter("date"))
        self.funds = sorted(club.funds, key=attrgetter("date"))
        self.ratings = sorted(club.ratings, key=attrgetter("year"))
        yearly = club.activities.yearly if club.activities else []
        self.yearly = sorted(yearly, key=attrgetter("year"))
        self.levels = {level: i for i, level in enumerate(RATING_LEVELS)}
        self.members_chart = _members_chart(self.members) if len(self.members) > 1 else None
        self.funds_chart = _funds_chart(self.funds) if len(self.funds) > 1 else None

    # The rows of the yearly tables are written here, not in the template: they are most of a
    # club page's figures, and Jinja's escaping and filters per cell made them a third of the
    # time of 21,000 pages. Every cell is a formatted number or date (digits, dots, commas, ₫),
    # nothing an editor typed, so there is nothing to escape.
    @property
    def member_rows(self) -> Markup:
        return _rows((format_date(m.date), number(m.total), number_or_dash(m.women),
                      number_or_dash(m.older), number_or_dash(m.poor)) for m in self.members)

    @property
    def yearly_rows(self) -> Markup:
        return _rows((str(y.year), number_or_dash(y.meetings), number_or_dash(y.attendance),
                      number_or_dash(y.health_checks), number_or_dash(y.home_care_visits),
                      number_or_dash(y.loans)) for y in self.yearly)

    @property
    def fund_rows(self) -> Markup:
        return _rows((format_date(f.date), money_or_dash(f.income_fund),
                      money_or_dash(l.amount if (l := f.loans_outstanding) else None),
                      money_or_dash(l.overdue if l else None),
                      f"{l.count} ({number_or_dash(l.women)})" if l else "–",
                      money_or_dash(f.operating_fund)) for f in self.funds)


def _rows(rows) -> Markup:
    return Markup("\n".join(
        f'<tr><th scope="row">{first}</th>' + "".join(f'<td class="num">{v}</td>' for v in rest)
        + "</tr>" for first, *rest in rows))


def _labels(dates: list) -> list[str]:
    """Years, or whole dates when a year has more than one figure."""
    years = [d.year for d in dates]
    if len(set(years)) == len(years):
        return [str(y) for y in years]
    return [format_date(d) for d in dates]


def _members_chart(members: list) -> ColumnChart:
    first, last = members[0], members[-1]
    reading = (f"Từ {first.total} thành viên ngày {format_date(first.date)} đến {last.total} "
               f"ngày {format_date(last.date)}"
               + (f", {percent(last.women, last.total)} là nữ." if last.women is not None else "."))
    return column_chart("Thành viên qua các năm", reading, _labels([m.date for m in members]),
                        [("Tổng số", [m.total for m in members]),
                         ("Nữ", [m.women for m in members])], number)


def _funds_chart(funds: list) -> ColumnChart:
    last = funds[-1]
    loans = last.loans_outstanding

    def in_millions(value: int | None) -> float | None:
        return None if value is None else round(value / 1_000_000, 1)

    reading = (f"Ngày {format_date(last.date)}: quỹ tăng thu nhập {millions(last.income_fund)}"
               + (f", dư nợ cho vay {millions(loans.amount)}." if loans else "."))
    return column_chart("Quỹ và dư nợ (triệu đồng)", reading, _labels([f.date for f in funds]),
                        [("Quỹ tăng thu nhập", [in_millions(f.income_fund) for f in funds]),
                         ("Dư nợ cho vay", [in_millions(f.loans_outstanding.amount)
                                            if f.loans_outstanding else None for f in funds])],
                        number)


def former_units(places: Places, province: Province, commune: str) -> list[str]:
    """The communes (or districts) merged into a commune on 1 July 2025, as people name them."""
    units = []
    for unit in places.merged_into(province.name, commune):
        name = f"{unit.commune} ({unit.district})" if unit.commune else unit.district
        if unit.province != province.name:
            name += f", {unit.province}"
        units.append(name)
    return sorted(set(units), key=sort_key)


def club_path(province_slug: str, club_id: str) -> str:
    return f"clubs/{province_slug}/{club_id}.html"


def commune_path(province_slug: str, commune_slug: str) -> str:
    return f"clubs/{province_slug}/xa/{commune_slug}.html"


def provinces_with_clubs(places: Places, stats: Indicators) -> list[Province]:
    return sorted((p for p in places.provinces if p.slug in stats.provinces),
                  key=lambda p: sort_key(p.name))
