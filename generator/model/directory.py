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
    women: int | None
    older: int | None
    poor: int | None
    volunteers: int | None  # home-care volunteers
    cared_for: int | None
    income_fund: int | None  # latest figure, đồng
    rating: str | None  # latest level
    rating_year: int | None
    photos: tuple[str, ...]  # file names of the photos published with consent
    sort_name: str  # the name folded (load/text.py's sort_key), made once where it is read
    search_words: str  # the folded words of its name and village, for the search index

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
    return ClubSummary(
        id=entry.id, province=entry.province_slug, commune=entry.commune, name=club.name,
        village=club.place.village, founded=club.founded, status=club.status,
        members=m.total if m else None, women=m.women if m else None,
        older=m.older if m else None, poor=m.poor if m else None,
        volunteers=v.home_care if v else None, cared_for=v.cared_for if v else None,
        income_fund=f.income_fund if f else None,
        rating=r.level if r else None, rating_year=r.year if r else None,
        photos=tuple(p.file for p in club.photos if p.consent), sort_name=fold(club.name),
        search_words=" ".join(folded_words(f"{club.name} {club.place.village or ''}")))
