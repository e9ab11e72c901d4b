"""Figures over many clubs: communes add up to provinces, provinces to the nation."""

from __future__ import annotations

import datetime as dt
import random

from generator.indicators import Summary, compute_indicators
from generator.load.places import load_places
from generator.load.text import fold
from generator.model.directory import ClubSummary


def summaries(count: int) -> list[ClubSummary]:
    places = load_places()
    rng = random.Random(7)
    provinces = places.provinces[:3]
    found = []
    for i in range(count):
        province = rng.choice(provinces)
        commune = rng.choice(sorted(places.communes[province.name].values())[:4])
        name = f"CLB thôn {rng.choice(['Đông', 'Tây', 'Nam'])} {i}"
        members = rng.choice([None, rng.randint(30, 70)])
        borrowers = rng.choice([None, 20])
        found.append(ClubSummary(
            id=f"clb-{i}", province=province.slug, commune=commune, name=name, village=None,
            founded=dt.date(2015 + i % 10, 1, 1), status=rng.choice(["active", "paused"]),
            members=members, members_year=2025 if members else None,
            women=None if members is None else members // 2, older=None, poor=None,
            volunteers=rng.choice([None, 5]), cared_for=7, board=rng.choice([None, 7]),
            income_fund=rng.choice([None, 10_000_000, 40_000_000, 60_000_000, 150_000_000]),
            borrowers=borrowers, borrowers_women=borrowers and 14, loans=borrowers and 80_000_000,
            overdue=borrowers and 1_000_000, rating=rng.choice([None, "mạnh", "yếu"]),
            rating_year=2025, photos=(), programmes=rng.choice([(), ("VIE085",)]), former="",
            sort_name=fold(name), search_words=fold(name)))
    return found


def test_every_level_sums_the_clubs_beneath_it():
    clubs = summaries(200)
    stats = compute_indicators(clubs, load_places())
    everyone = Summary()
    for club in clubs:
        everyone.add(club)
    assert stats.national == everyone and everyone.clubs == 200
    assert sum(everyone.founded.values()) == 200 and sum(everyone.fund_bands.values()) == everyone.funded
    assert everyone.data_year == 2025 and 0 < everyone.programmes["VIE085"] < 200
    for slug, communes in stats.communes.items():
        province = Summary()
        for club in (c for c in clubs if c.province == slug):
            province.add(club)
        assert stats.provinces[slug] == province
        assert sum(c.summary.clubs for c in communes) == province.clubs
        for commune in communes:
            assert [c.name for c in commune.clubs] == sorted(
                (c.name for c in clubs if (c.province, c.commune) == (slug, commune.name)),
                key=lambda n: (fold(n), n))
