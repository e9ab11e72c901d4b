"""A deterministic national data set: 21,000 clubs in the 34 provinces and their 3,321 communes.

The club model is the one in generator/model/club.py; every generated file passes `ishc check`.
Communes and their former names come from the shipped place data (generator/data/).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

import yaml

from generator.load.places import load_places
from generator.model.club import Club

LEVELS = [("rất mạnh", 85, 98), ("mạnh", 70, 84), ("trung bình", 50, 69), ("yếu", 30, 49)]
AREAS = ["livelihood", "health", "home_care", "self_help", "rights", "learning", "culture",
         "resources"]
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
NAMES = ["Tân An", "Đông Hòa", "Phú Lộc", "Thanh Bình", "Hưng Long", "Yên Hòa", "Quảng Phú",
         "Đại Đồng", "Phúc Thành", "Minh Đức", "Hòa Lạc", "Xuân Trường"]


def club_record(rng: random.Random, province: str, commune: str, village: str,
                former: dict | None) -> dict:
    founded = dt.date(rng.randint(2012, 2024), rng.randint(1, 12), rng.randint(1, 28))
    seed = rng.choice([50_000_000, 75_000_000, 40_000_000])
    members, funds, ratings, yearly = [], [], [], []
    total, fund = rng.randint(45, 70), seed
    for year in range(founded.year, 2026):
        total = max(30, min(80, total + rng.randint(-3, 4)))
        women = round(total * rng.uniform(0.6, 0.75))
        members.append({"date": dt.date(year, 12, 31), "total": total, "women": women,
                        "older": round(total * rng.uniform(0.55, 0.75)),
                        "poor": round(total * rng.uniform(0.15, 0.45))})
        fund = int(round(fund * rng.uniform(1.02, 1.12), -4))
        borrowers = rng.randint(10, 35)
        funds.append({"date": dt.date(year, 12, 31), "income_fund": fund,
                      "operating_fund": rng.randint(2, 15) * 1_000_000,
                      "loans_outstanding": {"count": borrowers, "amount": int(round(fund * 0.8, -4)),
                                            "women": round(borrowers * 0.7),
                                            "overdue": rng.choice([0, 0, 0, 1_000_000, 2_000_000])}})
        level, low, high = rng.choices(LEVELS, weights=[40, 40, 15, 5])[0]
        ratings.append({"year": year, "level": level, "score": rng.randint(low, high),
                        "indicators": "vie085-mau"})
        yearly.append({"year": year, "meetings": rng.randint(10, 12),
                       "attendance": rng.randint(35, 60), "health_checks": rng.randint(300, 700),
                       "home_care_visits": rng.randint(100, 600), "loans": rng.randint(10, 40)})
    return {
        "name": f"CLB Liên thế hệ Tự giúp nhau {village}",
        "founded": founded,
        "programmes": [rng.choice(["VIE085", "Đề án 1336", "Đề án 1648"])],
        "seed_capital": [{"funder": "Ngân sách tỉnh", "amount": seed, "year": founded.year}],
        "place": {"province": province, "commune": commune, "village": village,
                  **({"former": former} if former else {})},
        "contact": {"organisation": f"Hội Người cao tuổi {commune}"},
        "members": members,
        "board": {"size": 5, "women": rng.randint(2, 4)},
        "volunteers": {"home_care": rng.randint(5, 15), "cared_for": rng.randint(5, 20)},
        "activities": {"areas": rng.sample(AREAS, rng.randint(5, 8)), "yearly": yearly},
        "funds": funds,
        "ratings": ratings,
    }


def generate(root: Path, clubs: int = 21_000, seed: int = 2035, content: Path | None = None,
             templates: Path | None = None, mkdocs_yml: Path | None = None) -> Path:
    """Write a complete project into root (content and templates copied) and return root."""
    rng = random.Random(seed)
    places = load_places()
    communes = [(province, commune) for province in places.provinces
                for commune in sorted(places.communes[province.name].values())]
    for source, name in ((content, "content"), (templates, "templates")):
        if source:
            shutil.copytree(source, root / name, dirs_exist_ok=True)
    if content:  # the shipped stories tell of the example clubs, which this set does not have
        shutil.rmtree(root / "content" / "stories", ignore_errors=True)
    if mkdocs_yml:
        shutil.copy(mkdocs_yml, root / "mkdocs.yml")
    for i in range(clubs):
        province, commune = communes[i % len(communes)]
        village = f"thôn {NAMES[(i // 7) % len(NAMES)]} {i // len(communes) + 1}"
        merged = places.merged_into(province.name, commune)
        former = rng.choice(merged) if merged and rng.random() < 0.5 else None
        former_place = {"province": former.province, "district": former.district,
                        **({"commune": former.commune} if former.commune else {})} if former else None
        record = club_record(rng, province.name, commune, village, former_place)
        Club.model_validate(record)  # the generator and the model must not drift apart
        path = root / "clubs" / province.slug / f"clb-{i + 1:05d}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.dump(record, Dumper=_Dumper, allow_unicode=True, sort_keys=False), "utf-8")
    return root
