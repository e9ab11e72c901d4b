"""Indicators: aggregate figures per commune, province and for the nation, from club summaries.

Only aggregates and club summaries leave this stage; they are what the directory and dashboard
pages show. Everything here is recomputed from the summaries on every build (a few milliseconds
per thousand clubs), so a figure summed over many clubs can never be stale.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from generator.load.places import Places
from generator.load.text import sort_key
from generator.model.directory import ClubSummary

FUND_TARGET = 50_000_000  # Decision 1648/QĐ-TTg: 50–70 % of clubs hold an income fund ≥ 50 M VND
STRONG = ("rất mạnh", "mạnh")


@dataclass
class Summary:
    clubs: int = 0
    active: int = 0
    members: int = 0
    women: int = 0
    older: int = 0
    poor: int = 0
    counted: int = 0  # clubs with a member count
    volunteers: int = 0
    cared_for: int = 0
    board: int = 0  # members of active clubs' boards (Decision 1648: all trained, every year)
    income_fund: int = 0
    funded: int = 0  # clubs with a fund figure
    fund_over_target: int = 0
    rated: int = 0
    strong: int = 0
    borrowers: int = 0
    borrowers_women: int = 0
    loans: int = 0  # outstanding, đồng
    overdue: int = 0
    lending: int = 0  # clubs with loan figures
    data_year: int = 0  # the latest year of a member count
    ratings: dict[str, int] = field(default_factory=dict)
    founded: dict[int, int] = field(default_factory=dict)  # year -> clubs founded
    fund_bands: dict[str, int] = field(default_factory=dict)  # FUND_BANDS -> clubs
    programmes: dict[str, int] = field(default_factory=dict)  # programme -> clubs in it

    def add(self, club: ClubSummary) -> None:
        self.clubs += 1
        self.active += club.status == "active"
        if club.members is not None:
            self.counted += 1
            self.members += club.members
            self.women += club.women or 0
            self.older += club.older or 0
            self.poor += club.poor or 0
        self.volunteers += club.volunteers or 0
        self.cared_for += club.cared_for or 0
        if club.status == "active":
            self.board += club.board or 0
        if club.income_fund is not None:
            self.funded += 1
            self.income_fund += club.income_fund
            self.fund_over_target += club.income_fund >= FUND_TARGET
            _count(self.fund_bands, fund_band(club.income_fund))
        if club.rating:
            self.rated += 1
            self.strong += club.rating in STRONG
            _count(self.ratings, club.rating)
        if club.borrowers is not None:
            self.lending += 1
            self.borrowers += club.borrowers
            self.borrowers_women += club.borrowers_women or 0
            self.loans += club.loans or 0
            self.overdue += club.overdue or 0
        self.data_year = max(self.data_year, club.members_year or 0)
        _count(self.founded, club.founded.year)
        for programme in club.programmes:
            _count(self.programmes, programme)

    def merge(self, other: Summary) -> None:
        """Add the figures of another group of clubs (a commune's to its province's)."""
        for name, value in vars(other).items():
            if isinstance(value, dict):
                mine = getattr(self, name)
                for key, count in value.items():
                    mine[key] = mine.get(key, 0) + count
            elif name == "data_year":
                self.data_year = max(self.data_year, value)
            else:
                setattr(self, name, getattr(self, name) + value)


# Income-generation funds by size, in millions of đồng: the target is 50 M (Decision 1648).
FUND_BANDS = ("từ 100 triệu", "50–100 triệu", "20–50 triệu", "dưới 20 triệu")


def fund_band(amount: int) -> str:
    if amount >= 100_000_000:
        return FUND_BANDS[0]
    if amount >= FUND_TARGET:
        return FUND_BANDS[1]
    return FUND_BANDS[2] if amount >= 20_000_000 else FUND_BANDS[3]


def _count(counts: dict, key: object) -> None:
    counts[key] = counts.get(key, 0) + 1


@dataclass
class Commune:
    name: str
    slug: str
    summary: Summary
    clubs: list[ClubSummary]  # sorted by name


@dataclass
class Indicators:
    national: Summary
    provinces: dict[str, Summary]  # by province slug, only provinces with clubs
    communes: dict[str, list[Commune]]  # province slug -> its communes with clubs, sorted


def compute_indicators(clubs: Iterable[ClubSummary], places: Places) -> Indicators:
    grouped: dict[str, dict[str, list[ClubSummary]]] = defaultdict(lambda: defaultdict(list))
    for club in clubs:
        grouped[club.province][club.commune].append(club)
    national = Summary()
    provinces: dict[str, Summary] = {}
    communes: dict[str, list[Commune]] = {}
    for slug, by_name in grouped.items():
        province = places.province(slug)
        communes[slug] = []
        provinces[slug] = Summary()
        for name in sorted(by_name, key=sort_key):
            # as sort_key(c.name) would, with the folding done once, when the club was read
            members = sorted(by_name[name], key=lambda c: (c.sort_name, c.name, c.id))
            summary = Summary()
            for club in members:
                summary.add(club)
            provinces[slug].merge(summary)
            communes[slug].append(Commune(name, places.commune_slug(province.name, name),
                                          summary, members))
        national.merge(provinces[slug])
    return Indicators(national, provinces, communes)
