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
        found.append(ClubSummary(
            f"clb-{i}", province.slug, commune, name, None, dt.date(2020, 1, 1),
            rng.choice(["active", "paused"]), members,
            None if members is None else members // 2, None, None, rng.choice([None, 5]), 7,
            rng.choice([None, 40_000_000, 60_000_000]), rng.choice([None, "mạnh", "yếu"]), 2025,
            (), fold(name), fold(name)))
    return found


def test_every_level_sums_the_clubs_beneath_it():
    clubs = summaries(200)
    stats = compute_indicators(clubs, load_places())
    everyone = Summary()
    for club in clubs:
        everyone.add(club)
    assert stats.national == everyone and everyone.clubs == 200
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
