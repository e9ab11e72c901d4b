"""Dashboards: a group of clubs (the nation, a province) against the programme targets.

Targets are those the associations report against (DOMAIN.md, "Programmes and targets"):
- VIE085 (HelpAge Korea and KOICA with the Vietnam Association of the Elderly, 12/2022–11/2025):
  at least 70 % women members, 137 of 162 clubs strong or very strong, borrowers at least 65 %
  women;
- Decision 1336/QĐ-TTg (31 August 2020), 2021–2025: at least 3,000 new clubs;
- Decision 1648/QĐ-TTg (1 August 2025), to 2035: 50–70 % of clubs holding an income-generation
  fund of 50 million đồng or more; at least 6,000 new clubs in 2025–2030 across the country.
- people trained (VIE085): 810 club board members, at least 50 % women; 171 association staff;
  2 training-of-trainers courses; Decision 1648: every board member trained at the start and
  refreshed every year.
Counting new clubs and VIE085's people trained is for the nation only: the decisions and the
project set no share per province.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.formatting import millions, number, percent_tenths
from generator.indicators import FUND_BANDS, FUND_TARGET, Summary
from generator.model.club import RATING_LEVELS
from generator.model.content import ProvincePlan
from generator.site.charts import ColumnChart, ShareBar, column_chart, share_bar
from generator.trainings import Trained

VIE085 = "Dự án VIE085"
D1336 = "Quyết định 1336/QĐ-TTg"
D1648 = "Quyết định 1648/QĐ-TTg"
WOMEN_TARGET = 70  # % of members
STRONG_TARGET = (137, 162)  # clubs strong or very strong, of clubs
BORROWERS_WOMEN_TARGET = 65  # % of borrowers
# New clubs nationwide: (goal, from year, to year, decision)
NEW_CLUBS_TARGETS = ((3_000, 2021, 2025, D1336), (6_000, 2025, 2030, D1648))
# VIE085 people trained: board members (of whom at least 50 % women), association staff, and
# training-of-trainers courses.
VIE085_TRAINED = (810, 50, 171, 2)
YEARS = 15  # the clubs-by-year chart shows at most this many years


@dataclass(frozen=True)
class Target:
    label: str
    goal: str
    source: str
    value: str
    met: bool | None  # None when there are no figures to judge by (or the year is to come)
    note: str | None = None  # said instead of "no figures" when met is None


@dataclass
class Dashboard:
    year: int | None  # of the latest figures
    targets: list[Target]
    training: list[Target]  # people trained, against the programmes' targets
    training_reading: str | None
    growth: ColumnChart | None
    women: ShareBar | None
    ratings: ShareBar | None
    funds: ShareBar | None
    borrowers: ShareBar | None


def dashboard(s: Summary, scope: str, national: bool, plan: ProvincePlan | None = None,
              trained: Trained | None = None) -> Dashboard:
    """plan: the province's own plan for its number of clubs (content/plans.yaml); trained:
    the people its training records count (trainings.py)."""
    year = s.data_year or None
    found = targets(s, national) + (plan_targets(s, plan, year) if plan else [])
    return Dashboard(year, found, training_targets(trained, s, national) if trained else [],
                     _training_reading(trained, scope) if trained else None,
                     _growth(s, scope, year, plan), _women(s),
                     _ratings(s), _funds(s), _borrowers(s))


def training_targets(t: Trained, s: Summary, national: bool) -> list[Target]:
    """VIE085's counts of people trained are for the whole project: judged nationally only.
    Decision 1648 wants every board member trained and refreshed each year: judged for the
    latest year with training records, against the board members of active clubs."""
    found = []
    if national:
        goal, women_share, staff, courses = VIE085_TRAINED
        found += [
            Target("Thành viên Ban Chủ nhiệm CLB được tập huấn", f"{number(goal)} người", VIE085,
                   f"{number(t.board)} người", t.board >= goal),
            Target("Nữ trong số thành viên Ban Chủ nhiệm được tập huấn", f"từ {women_share}%",
                   VIE085, percent_tenths(t.board_women, t.board),
                   _at_least(t.board_women, t.board, women_share)),
            Target("Cán bộ Hội được tập huấn", f"{number(staff)} người", VIE085,
                   f"{number(t.staff)} người", t.staff >= staff),
            Target("Khóa đào tạo giảng viên", f"{courses} khóa", VIE085,
                   f"{t.trainer_courses} khóa", t.trainer_courses >= courses)]
    if t.board_by_year:
        year = max(t.board_by_year)
        done = t.board_by_year[year]
        found.append(Target(f"Thành viên Ban Chủ nhiệm được tập huấn, bồi dưỡng năm {year}",
                            f"tất cả ({number(s.board)} người)", D1648,
                            f"{number(done)} người ({percent_tenths(done, s.board)})",
                            _at_least(done, s.board, 100)))
    return found


def _training_reading(t: Trained, scope: str) -> str:
    text = (f"{scope}: {number(t.courses)} lớp tập huấn, {number(t.people)} lượt người học "
            f"({number(t.board)} thành viên Ban Chủ nhiệm, {number(t.staff)} cán bộ Hội, "
            f"{number(t.volunteers)} tình nguyện viên).")
    if t.pre is not None and t.post is not None:
        text += (f" Điểm kiểm tra trung bình tăng từ {round(t.pre)}% đầu khóa lên "
                 f"{round(t.post)}% cuối khóa ({number(t.tested)} người ở các lớp có chấm bài).")
    return text


def plan_targets(s: Summary, plan: ProvincePlan, year: int | None) -> list[Target]:
    """Clubs in the province by the end of each year of its plan. A year still to come is not
    judged unless already reached."""
    found = []
    for end, goal in sorted(plan.clubs.items()):
        have = clubs_by(s, end)
        due = year is None or end <= year
        met = True if have >= goal else (False if due else None)
        note = None if due else f"Đang thực hiện: còn {number(goal - have)} CLB"
        found.append(Target(f"Số CLB đến năm {end} theo kế hoạch của tỉnh", f"{number(goal)} CLB",
                            plan.source, f"{number(have)} CLB", met, note))
    return found


def clubs_by(s: Summary, year: int) -> int:
    """Clubs founded up to the end of year."""
    return sum(n for y, n in s.founded.items() if y <= year)


def targets(s: Summary, national: bool) -> list[Target]:
    found = [
        Target("Thành viên là nữ", f"từ {WOMEN_TARGET}%", VIE085, percent_tenths(s.women, s.members),
               _at_least(s.women, s.members, WOMEN_TARGET)),
        Target("CLB xếp loại mạnh hoặc rất mạnh", f"{STRONG_TARGET[0]}/{STRONG_TARGET[1]} CLB "
               f"({percent_tenths(*STRONG_TARGET)})", VIE085,
               f"{number(s.strong)}/{number(s.rated)} CLB ({percent_tenths(s.strong, s.rated)})",
               _at_least(s.strong, s.rated, 100 * STRONG_TARGET[0] / STRONG_TARGET[1])),
        Target("CLB có quỹ tăng thu nhập từ 50 triệu đồng", "50–70% số CLB", D1648,
               percent_tenths(s.fund_over_target, s.funded),
               _at_least(s.fund_over_target, s.funded, 50)),
        Target("Người vay vốn là nữ", f"từ {BORROWERS_WOMEN_TARGET}%", VIE085,
               percent_tenths(s.borrowers_women, s.borrowers),
               _at_least(s.borrowers_women, s.borrowers, BORROWERS_WOMEN_TARGET)),
    ]
    if national:
        for goal, start, end, source in NEW_CLUBS_TARGETS:
            new = sum(n for y, n in s.founded.items() if start <= y <= end)
            found.append(Target(f"CLB thành lập mới {start}–{end}", f"từ {number(goal)} CLB",
                                source, f"{number(new)} CLB", new >= goal))
    return found


def _at_least(part: int, whole: int, share: float) -> bool | None:
    return None if not whole else 100 * part >= share * whole


def _growth(s: Summary, scope: str, year: int | None, plan: ProvincePlan | None
            ) -> ColumnChart | None:
    if not s.founded:
        return None
    last = max(year or 0, max(s.founded))
    first = max(min(s.founded), last - YEARS + 1)
    years = list(range(first, last + 1))
    before = sum(n for y, n in s.founded.items() if y < first)
    totals, running = [], before
    for y in years:
        running += s.founded.get(y, 0)
        totals.append(running)
    new = [s.founded.get(y, 0) for y in years]
    reading = (f"{scope} có {number(totals[-1])} CLB đến năm {last}, trong đó "
               f"{number(new[-1])} CLB thành lập năm {last}.")
    if plan:
        # The plan's year that is running now, else its last: "41 of 60 clubs planned for 2025".
        end = min((y for y in plan.clubs if y >= last), default=max(plan.clubs))
        reading = (f"{scope}: {number(clubs_by(s, end))} trên {number(plan.clubs[end])} CLB theo "
                   f"kế hoạch đến năm {end}. " + reading)
    return column_chart("Số CLB qua các năm", reading, [str(y) for y in years],
                        [("Tổng số CLB", totals), ("Thành lập trong năm", new)], number)


def _women(s: Summary) -> ShareBar | None:
    if not s.members:
        return None
    reading = (f"{percent_tenths(s.women, s.members)} thành viên là nữ ({number(s.women)} trên "
               f"{number(s.members)} người); mục tiêu từ {WOMEN_TARGET}%.")
    return _women_and_men("Thành viên nữ", reading, s.women, s.members, WOMEN_TARGET)


def _ratings(s: Summary) -> ShareBar | None:
    if not s.rated:
        return None
    share = 100 * STRONG_TARGET[0] / STRONG_TARGET[1]
    reading = (f"{number(s.strong)} trên {number(s.rated)} CLB được xếp loại "
               f"({percent_tenths(s.strong, s.rated)}) là mạnh hoặc rất mạnh; mục tiêu "
               f"{STRONG_TARGET[0]} trên {STRONG_TARGET[1]} CLB ({round(share)}%).")
    parts = [(level, s.ratings.get(level, 0), f"ishc-r{i}") for i, level in enumerate(RATING_LEVELS)]
    return share_bar("Xếp loại CLB", reading, parts, (share, f"Mục tiêu {round(share)}% ({VIE085})"))


def _funds(s: Summary) -> ShareBar | None:
    if not s.funded:
        return None
    reading = (f"{number(s.fund_over_target)} trên {number(s.funded)} CLB "
               f"({percent_tenths(s.fund_over_target, s.funded)}) có quỹ tăng thu nhập từ "
               f"{millions(FUND_TARGET)}; tổng quỹ {millions(s.income_fund)}.")
    parts = [(band, s.fund_bands.get(band, 0), f"ishc-f{i}") for i, band in enumerate(FUND_BANDS)]
    return share_bar("Quỹ tăng thu nhập", reading, parts, (50, f"Mục tiêu 50–70% số CLB ({D1648})"))


def _borrowers(s: Summary) -> ShareBar | None:
    if not s.borrowers:
        return None
    reading = (f"{number(s.borrowers)} người đang vay, {percent_tenths(s.borrowers_women, s.borrowers)} "
               f"là nữ; dư nợ {millions(s.loans)}, trong đó quá hạn {millions(s.overdue)} "
               f"({percent_tenths(s.overdue, s.loans)}).")
    return _women_and_men("Người vay vốn", reading, s.borrowers_women, s.borrowers,
                          BORROWERS_WOMEN_TARGET)


def _women_and_men(title: str, reading: str, women: int, everyone: int, target: int) -> ShareBar:
    return share_bar(title, reading, [("Nữ", women, "ishc-s0"), ("Nam", everyone - women, "ishc-s-rest")],
                     (target, f"Mục tiêu {target}% ({VIE085})"))
