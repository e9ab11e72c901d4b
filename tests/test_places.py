"""The shipped place data: 34 provinces, their 3,321 communes and the former units merged in."""

import csv
import unicodedata
from importlib import resources

from generator.load.places import load_places
from generator.load.text import name_key


def rows(name: str) -> list[dict[str, str]]:
    with resources.files("generator.data").joinpath(name).open(encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def test_every_province_has_its_communes_and_no_name_twice():
    places = load_places()
    communes = rows("communes.csv")
    assert len(places.provinces) == 34 and len(communes) == 3321
    assert {r["province"] for r in communes} == {p.name for p in places.provinces}
    keys = [(r["province"], name_key(r["commune"])) for r in communes]
    assert len(set(keys)) == len(keys)  # unique even when tone placement is ignored
    for row in communes:
        assert row["commune"].startswith(("Xã ", "Phường ", "Đặc khu ")), row
        assert unicodedata.is_normalized("NFC", row["commune"]) and row["commune"].strip() == row["commune"]


def test_every_former_unit_went_into_a_current_commune_of_a_province_it_belongs_to():
    places = load_places()
    by_name = {p.name: p for p in places.provinces}
    current = {(r["province"], r["commune"]) for r in rows("communes.csv")}
    former = rows("former-communes.csv")
    assert len({(r["former_province"], r["former_district"], r["former_commune"])
                for r in former if r["former_commune"]}) == 10_035  # communes just before the reform
    for row in former:
        assert (row["province"], row["commune"]) in current, row
        province = by_name[row["province"]]
        assert row["former_province"] in (province.name, *province.former), row


def test_names_match_whatever_the_tone_placement():
    places = load_places()
    assert places.commune("Ninh Bình", "Xã Giao Thuỷ") == "Xã Giao Thủy"
    assert places.commune("Hà Nội", "xã  ứng hoà") == "Xã Ứng Hòa"
    assert places.commune("Hà Nội", "Xã Ứng Hóa") is None  # another tone is another name
    assert places.closest_commune("Hà Nội", "Xã Ung Hoa") == "Xã Ứng Hòa"
