"""What the directory, the dashboards and search keep of each club: a few figures, never people.

A checked club record is large (eight years of counts, funds and ratings); a national build has
21,000 of them. Each club's page is rendered from its full record where it is checked, in a
worker process, and only this summary travels back and is cached: the directory, province and
commune pages and every aggregate are computed from summaries alone.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from generator.load.text import fold, folded_words
from generator.model.club import Club
from generator.model.content import ClubEntry


class ClubSummary(NamedTuple):
    # A named tuple, not a dataclass: 21,000 of them are pickled into the cache and back on
    # every build, and tuples pickle in C.
    id: str
    province: str  # slug of the province folder
    commune: str  # official spelling
    name: str
    village: str | None
    founded: dt.date
    status: str
    members: int | None  # latest count
    members_year: int | None  # the year of that count
    women: int | None
    older: int | None
    poor: int | None
    volunteers: int | None  # home-care volunteers
    cared_for: int | None
    board: int | None  # members of its board
    income_fund: int | None  # latest figure, đồng
    borrowers: int | None  # in the latest fund figures
    borrowers_women: int | None
    loans: int | None  # outstanding, đồng
    overdue: int | None
    rating: str | None  # latest level
    rating_year: int | None
    photos: tuple[str, ...]  # file names of the photos published with consent
    programmes: tuple[str, ...]
    former: str  # the place before 1 July 2025, as shown: "Xã Gia Xuyên, Huyện Gia Lộc, Hải Dương"
    sort_name: str  # the name folded (load/text.py's sort_key), made once where it is read
    search_words: str  # the folded words of its name, village and former place, for search

    @property
    def url(self) -> str:
        """Path of the club's page in the site."""
        return f"clubs/{self.province}/{self.id}.html"


def summarize(entry: ClubEntry) -> ClubSummary:
    club = entry.club
    m = club.latest_members
    f = club.latest_funds
    r = club.latest_rating
    v = club.volunteers
    loans = f.loans_outstanding if f else None
    former = former_place(club)
    return ClubSummary(
        id=entry.id, province=entry.province_slug, commune=entry.commune, name=club.name,
        village=club.place.village, founded=club.founded, status=club.status,
        members=m.total if m else None, members_year=m.date.year if m else None,
        women=m.women if m else None, older=m.older if m else None, poor=m.poor if m else None,
        volunteers=v.home_care if v else None, cared_for=v.cared_for if v else None,
        board=club.board.size if club.board else None,
        income_fund=f.income_fund if f else None,
        borrowers=loans.count if loans else None, borrowers_women=loans.women if loans else None,
        loans=loans.amount if loans else None, overdue=loans.overdue if loans else None,
        rating=r.level if r else None, rating_year=r.year if r else None,
        photos=tuple(p.file for p in club.photos if p.consent),
        programmes=tuple(club.programmes), former=former, sort_name=fold(club.name),
        search_words=" ".join(folded_words(f"{club.name} {club.place.village or ''} {former}")))


def former_place(club: Club) -> str:
    """Where the club was before the reform of 1 July 2025, as people still name it."""
    former = club.place.former
    if former is None:
        return ""
    return ", ".join(x for x in (former.commune, former.district, former.province) if x)
