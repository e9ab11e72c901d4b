"""Indicators: aggregate figures per province and for the nation, from the latest club records.

Only aggregates leave this stage; they are what dashboards and directory pages show.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.model.content import ClubEntry, Portal

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
    income_fund: int = 0
    funded: int = 0  # clubs with a fund figure
    fund_over_target: int = 0
    rated: int = 0
    strong: int = 0
    ratings: dict[str, int] = field(default_factory=dict)

    def add(self, entry: ClubEntry) -> None:
        club = entry.club
        self.clubs += 1
        self.active += club.status == "active"
        if m := club.latest_members:
            self.counted += 1
            self.members += m.total
            self.women += m.women or 0
            self.older += m.older or 0
            self.poor += m.poor or 0
        if v := club.volunteers:
            self.volunteers += v.home_care or 0
            self.cared_for += v.cared_for or 0
        if (f := club.latest_funds) and f.income_fund is not None:
            self.funded += 1
            self.income_fund += f.income_fund
            self.fund_over_target += f.income_fund >= FUND_TARGET
        if r := club.latest_rating:
            self.rated += 1
            self.strong += r.level in STRONG
            self.ratings[r.level] = self.ratings.get(r.level, 0) + 1


@dataclass
class Indicators:
    national: Summary
    provinces: dict[str, Summary]  # by province slug, only provinces with clubs
    communes: dict[str, dict[str, list[ClubEntry]]]  # province slug -> commune -> clubs


def compute_indicators(portal: Portal) -> Indicators:
    national = Summary()
    provinces: dict[str, Summary] = defaultdict(Summary)
    communes: dict[str, dict[str, list[ClubEntry]]] = defaultdict(lambda: defaultdict(list))
    for entry in portal.clubs:
        national.add(entry)
        provinces[entry.province_slug].add(entry)
        communes[entry.province_slug][entry.commune].append(entry)
    return Indicators(national, dict(provinces), {k: dict(v) for k, v in communes.items()})
