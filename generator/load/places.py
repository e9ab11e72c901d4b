"""Vietnam's provinces and communes after 1 July 2025, and the former ones merged into them.

The data ships in generator/data/ (its README names the sources). Names are matched with
`name_key`, so "Xã Giao Thuỷ" finds "Xã Giao Thủy"; what pages show is the official spelling.
"""

from __future__ import annotations

import csv
import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from generator.load.text import name_key, slugify, sort_key
from generator.model.content import Province


@dataclass(frozen=True)
class FormerCommune:
    province: str
    district: str
    commune: str  # empty for the island districts that had no communes


@dataclass
class Places:
    provinces: list[Province]
    # current province -> name key -> official commune name
    communes: dict[str, dict[str, str]] = field(default_factory=dict)
    # (current province, current commune) -> the former units merged into it
    merged: dict[tuple[str, str], list[FormerCommune]] = field(default_factory=dict)
    # current province -> former provinces with units in it, in the order of provinces.yaml
    former: dict[str, list[str]] = field(default_factory=dict)
    # (current province, official commune name) -> the commune's page name in the site
    slugs: dict[tuple[str, str], str] = field(default_factory=dict)

    def province(self, slug: str) -> Province | None:
        """The province whose folder under clubs/ is slug."""
        return next((p for p in self.provinces if p.slug == slug), None)

    def province_named(self, name: str) -> Province | None:
        """The current province called name, whatever the tone placement or case."""
        wanted = name_key(name)
        return next((p for p in self.provinces if name_key(p.name) == wanted), None)

    def closest_province(self, name: str) -> str | None:
        close = difflib.get_close_matches(name, [p.name for p in self.provinces], n=1)
        return close[0] if close else None

    def commune(self, province: str, name: str) -> str | None:
        """The official name of a current commune of province, or None."""
        return self.communes.get(province, {}).get(name_key(name))

    def closest_commune(self, province: str, name: str) -> str | None:
        known = self.communes.get(province, {})
        close = difflib.get_close_matches(name_key(name), list(known), n=1, cutoff=0.75)
        return known[close[0]] if close else None

    def former_provinces(self, province: str) -> list[str]:
        """Provinces merged into province (itself too when it existed before 2025)."""
        return self.former.get(province, [])

    def merged_into(self, province: str, commune: str) -> list[FormerCommune]:
        return self.merged.get((province, commune), [])

    def commune_slug(self, province: str, commune: str) -> str:
        """"Xã Gia Lộc" -> "xa-gia-loc"; fixed by the place data, so any process agrees on it."""
        return self.slugs[(province, commune)]


@lru_cache(maxsize=1)
def load_places() -> Places:
    data = resources.files("generator.data")
    rows = yaml.safe_load(data.joinpath("provinces.yaml").read_text("utf-8"))["provinces"]
    places = Places([Province(r["name"], r["slug"], r["kind"], tuple(r["former"])) for r in rows])
    with data.joinpath("communes.csv").open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            places.communes.setdefault(row["province"], {})[name_key(row["commune"])] = row["commune"]
    merged: dict[tuple[str, str], list[FormerCommune]] = defaultdict(list)
    with data.joinpath("former-communes.csv").open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            former = FormerCommune(row["former_province"], row["former_district"],
                                   row["former_commune"])
            merged[(row["province"], row["commune"])].append(former)
    places.merged = dict(merged)
    for province, known in places.communes.items():
        taken: set[str] = set()
        for name in sorted(known.values(), key=sort_key):
            places.slugs[(province, name)] = _unique(slugify(name), taken)
    held: dict[str, set[str]] = defaultdict(set)  # current province -> former provinces in it
    for (province, _), units in merged.items():
        held[province].update(unit.province for unit in units)
    for province in places.provinces:
        names = (province.name, *province.former)
        places.former[province.name] = [n for n in names if n in held[province.name]]
    return places


def _unique(slug: str, taken: set[str]) -> str:
    """Two communes of a province may fold alike ("Tân An", "Tấn An"): number the second."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate
