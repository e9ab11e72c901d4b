#!/usr/bin/env python3
"""Regenerate generator/data/communes.csv and generator/data/former-communes.csv.

Source: the `vietnamadminunits` package (MIT licence,
https://github.com/tranngocminhhieu/vietnamadminunits); the committed CSVs come from version 1.0.4.
Only its data files are read (dataset.db and converter_2025.json); nothing from the package is
imported, so its dependencies are not needed.

Run from the repository root, with any Python 3.11+ that has PyYAML (the project's .venv has it):

    pip download --no-deps -d /tmp/vau vietnamadminunits==1.0.4
    .venv/bin/python scripts/update-places.py /tmp/vau/vietnamadminunits-1.0.4-py3-none-any.whl

The argument may also be the unpacked package folder (the one holding data/dataset.db). Without
an argument the script looks for an installed `vietnamadminunits` package.

Names are copied from the source, in NFC, with these fixes only:
- the kind prefix is written in its usual case ("Thị Xã Việt Yên" -> "Thị xã Việt Yên");
- a few former commune names whose GSO spelling has a lowercase word are capitalised (FIXES);
- former province names follow generator/data/provinces.yaml ("Bà Rịa – Vũng Tàu" with an en dash).
"""

import csv
import importlib.util
import json
import sqlite3
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "generator" / "data"

# Kind prefixes of commune-level and (former) district-level units.
KINDS = ["Phường", "Xã", "Đặc khu", "Thị trấn", "Quận", "Huyện", "Thị xã", "Thành phố"]

# Former commune names that the GSO list writes with a lowercase word.
FIXES = {
    "Xã Đại áng": "Xã Đại Áng",
    "Xã Pa ủ": "Xã Pa Ủ",
    "Xã Mường é": "Xã Mường É",
    "Xã é Tòng": "Xã É Tòng",
    "Xã Đồng ý": "Xã Đồng Ý",
    "Xã Ya ly": "Xã Ya Ly",
}


def read_source(arg):
    """Read the rows of dataset.db and converter_2025.json from a wheel, a folder or the install."""
    if arg is None:
        spec = importlib.util.find_spec("vietnamadminunits")
        if spec is None:
            sys.exit("vietnamadminunits is not installed; pass the wheel or its folder")
        arg = spec.submodule_search_locations[0]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(arg)
        if path.suffix == ".whl":
            with zipfile.ZipFile(path) as whl:
                whl.extract("vietnamadminunits/data/dataset.db", tmp)
                whl.extract("vietnamadminunits/data/converter_2025.json", tmp)
            path = Path(tmp) / "vietnamadminunits"
        converter = json.loads((path / "data" / "converter_2025.json").read_text(encoding="utf-8"))
        con = sqlite3.connect(path / "data" / "dataset.db")
        current = con.execute(
            "SELECT provinceKey, provinceShort, wardKey, ward, wardCode FROM admin_units"
        ).fetchall()
        former = con.execute(
            "SELECT provinceKey, districtKey, wardKey, provinceShort, district, ward, wardCode"
            " FROM admin_units_legacy"
        ).fetchall()
        con.close()
    return current, former, converter


def clean(name):
    """NFC, single spaces, and the kind prefix in its usual case ("Thị Xã" -> "Thị xã")."""
    name = " ".join(unicodedata.normalize("NFC", name).split())
    for kind in KINDS:
        if name.lower().startswith(kind.lower() + " "):
            name = kind + name[len(kind):]
            return FIXES.get(name, name)
    raise ValueError(f"{name!r} has no known kind prefix")


def dashless(name):
    return name.replace("–", "-")


def main():
    current, former_rows, converter = read_source(sys.argv[1] if len(sys.argv) > 1 else None)
    provinces = yaml.safe_load((DATA / "provinces.yaml").read_text(encoding="utf-8"))["provinces"]
    order = {p["name"]: i for i, p in enumerate(provinces)}
    # Every current and former province name of provinces.yaml, keyed without dash differences.
    canonical = {dashless(n): n for p in provinces for n in [p["name"], *p["former"]]}

    def province_name(short):
        short = " ".join(unicodedata.normalize("NFC", short).split())
        if dashless(short) not in canonical:
            raise ValueError(f"province {short!r} is not in provinces.yaml")
        return canonical[dashless(short)]

    # Current communes, keyed by (province key, ward key) as the converter data names them.
    new = {}
    for pkey, short, wkey, ward, code in current:
        province = province_name(short)
        if province not in order:
            raise ValueError(f"{province!r} is not one of the 34 provinces")
        new[pkey, wkey] = (province, clean(ward), code)

    # Former communes, keyed "province_district_ward"; the ward part is empty for the five
    # island districts that had no communes.
    old = {}
    for pkey, dkey, wkey, short, district, ward, wcode in former_rows:
        key = f"{pkey}_{dkey}_{wkey or ''}"
        commune = clean(ward) if ward else ""
        old[key] = (province_name(short), clean(district), commune, wcode or "")

    # Old key -> new commune keys, from both tables of the converter data.
    links = []
    for pkey, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for wkey, old_keys in wards.items():
            links += [(old_key, (pkey, wkey)) for old_key in old_keys]
    for pkey, divided in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, targets in divided.items():
            links += [(old_key, (pkey, t["newWardKey"])) for t in targets]

    # Each source key must be unique, and every former and current commune linked.
    if len(new) != len(current) or len(old) != len(former_rows):
        raise ValueError("duplicate keys in dataset.db")
    if {o for o, _ in links} != set(old) or {n for _, n in links} != set(new):
        raise ValueError("converter data does not cover every former and current commune")
    if len({row[:2] for row in new.values()}) != len(new):
        raise ValueError("two current communes of one province have the same name")

    def new_order(row):
        return order[row[0]], row[2], row[1]

    communes = sorted(new.values(), key=new_order)
    former = sorted(
        {(old[o], new[n]) for o, n in links},
        key=lambda pair: (*new_order(pair[1]), pair[0][3], pair[0][1], pair[0][2]),
    )

    write(DATA / "communes.csv", ["province", "commune", "code"], communes)
    write(
        DATA / "former-communes.csv",
        ["former_province", "former_district", "former_commune", "province", "commune"],
        [(*o[:3], *n[:2]) for o, n in former],
    )
    print(f"{len(communes)} communes, {len(former)} former commune links")


def write(path, header, rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)


if __name__ == "__main__":
    main()
