"""The province summary (the report an association sends to the centre) and the national one.

The figures are those the dashboards show, computed by the same code (indicators.py for the
sums, site/dashboard.py for the targets, trainings.py for people trained), from each club's
record as it stood at the end of the report's year. Each summary carries the year and how
complete the data is: clubs that reported a member count for that year, of the clubs that
existed in it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable

from generator.formatting import number
from generator.indicators import Summary, compute_indicators
from generator.load.places import Places
from generator.model.club import Club
from generator.model.content import ClubEntry
from generator.model.directory import summarize
from generator.model.training import Training
from generator.site.dashboard import Target, targets, training_targets
from generator.trainings import Trained, trained


@dataclass
class YearTotals:
    """What the clubs did in the year (their activities of that year, summed)."""

    meetings: int = 0
    health_checks: int = 0
    home_care_visits: int = 0
    loans: int = 0
    events: int = 0

    def add(self, club: Club, year: int) -> None:
        for item in (club.activities.yearly if club.activities else []):
            if item.year == year:
                for name in vars(self):
                    setattr(self, name, getattr(self, name) + (getattr(item, name) or 0))


@dataclass
class Scope:
    """One province, or the nation, in one year."""

    name: str
    slug: str  # "" for the nation
    year: int
    summary: Summary
    existing: list[ClubEntry] = field(default_factory=list)  # clubs that existed in the year
    reported: list[ClubEntry] = field(default_factory=list)  # of those, with a count that year
    totals: YearTotals = field(default_factory=YearTotals)
    trained: Trained = field(default_factory=Trained)

    @property
    def missing(self) -> list[ClubEntry]:
        done = {e.id for e in self.reported}
        return [e for e in self.existing if e.id not in done]

    @property
    def completeness(self) -> str:
        """"412 / 430 CLB": clubs that reported for the year, of those that existed in it."""
        return f"{number(len(self.reported))} / {number(len(self.existing))} CLB"

    @property
    def national(self) -> bool:
        return not self.slug

    def targets(self) -> list[Target]:
        return (targets(self.summary, self.national)
                + training_targets(self.trained, self.summary, self.national))


def report_year(entries: Iterable[ClubEntry]) -> int:
    """The latest year with a member count, or last year when there is none."""
    years = [m.date.year for e in entries for m in e.club.members]
    return max(years) if years else dt.date.today().year - 1


def as_of(club: Club, year: int) -> Club:
    """The record as it stood at the end of year: later counts, funds and ratings left out."""
    end = dt.date(year, 12, 31)
    update: dict[str, object] = {
        "members": [m for m in club.members if m.date <= end],
        "funds": [f for f in club.funds if f.date <= end],
        "ratings": [r for r in club.ratings if r.year <= year],
    }
    if club.activities:
        update["activities"] = club.activities.model_copy(
            update={"yearly": [y for y in club.activities.yearly if y.year <= year]})
    if club.dissolved and club.dissolved > end:
        update["status"], update["dissolved"] = "active", None
    return club.model_copy(update=update)


def existed(club: Club, year: int) -> bool:
    """Founded by the end of year and not dissolved before it began."""
    return club.founded.year <= year and not (club.dissolved and club.dissolved.year < year)


def scopes(entries: list[ClubEntry], trainings: list[Training], places: Places,
           year: int) -> tuple[Scope, list[Scope]]:
    """(the nation, each province with clubs, in the order of provinces.yaml)."""
    existing = [e for e in entries if existed(e.club, year)]
    views = [ClubEntry(e.id, e.province_slug, e.path, as_of(e.club, year), e.commune)
             for e in existing]
    stats = compute_indicators((summarize(v) for v in views), places)
    in_year = [tr for tr in trainings if tr.record.start.year == year]
    people, by_province = trained(in_year)
    nation = Scope("Toàn quốc", "", year, stats.national, trained=people)
    provinces = []
    for province in places.provinces:
        if province.slug not in stats.provinces:
            continue
        provinces.append(Scope(province.name, province.slug, year, stats.provinces[province.slug],
                               trained=by_province.get(province.slug, Trained())))
    by_slug = {s.slug: s for s in provinces}
    for entry in existing:
        scope = by_slug[entry.province_slug]
        reported = any(m.date.year == year for m in entry.club.members)
        for target in (scope, nation):
            target.existing.append(entry)
            if reported:
                target.reported.append(entry)
            target.totals.add(entry.club, year)
    return nation, provinces


def figures(scope: Scope) -> list[tuple[str, object]]:
    """(label, value) rows of a summary: numbers as numbers, shares as the dashboards show them."""
    s, t = scope.summary, scope.trained
    rows: list[tuple[str, object]] = [
        ("Năm báo cáo", scope.year),
        ("CLB đã báo cáo số liệu năm", scope.completeness),
        ("Số CLB", s.clubs),
        ("CLB đang hoạt động", s.active),
        ("Tổng số thành viên", s.members),
        ("Thành viên nữ", s.women),
        ("Thành viên từ 60 tuổi", s.older),
        ("Thành viên hộ nghèo, cận nghèo", s.poor),
        ("Thành viên Ban Chủ nhiệm (CLB đang hoạt động)", s.board),
        ("Tình nguyện viên chăm sóc tại nhà", s.volunteers),
        ("Người được chăm sóc tại nhà", s.cared_for),
        ("Số buổi sinh hoạt trong năm", scope.totals.meetings),
        ("Lượt kiểm tra sức khỏe trong năm", scope.totals.health_checks),
        ("Lượt thăm chăm sóc tại nhà trong năm", scope.totals.home_care_visits),
        ("Lượt cho vay trong năm", scope.totals.loans),
        ("Sự kiện văn hóa, giao lưu trong năm", scope.totals.events),
        ("Quỹ tăng thu nhập, tổng (đồng)", s.income_fund),
        ("CLB có số liệu quỹ", s.funded),
        ("CLB có quỹ tăng thu nhập từ 50 triệu đồng", s.fund_over_target),
        ("Người đang vay vốn", s.borrowers),
        ("Người vay là nữ", s.borrowers_women),
        ("Dư nợ (đồng)", s.loans),
        ("Nợ quá hạn (đồng)", s.overdue),
        ("CLB đã xếp loại", s.rated),
    ]
    rows += [(f"CLB xếp loại {level}", s.ratings.get(level, 0))
             for level in ("rất mạnh", "mạnh", "trung bình", "yếu")]
    rows += [
        ("Lớp tập huấn trong năm", t.courses),
        ("Lượt người được tập huấn", t.people),
        ("Thành viên Ban Chủ nhiệm được tập huấn", t.board),
        ("Cán bộ Hội được tập huấn", t.staff),
        ("Tình nguyện viên được tập huấn", t.volunteers),
    ]
    return rows
