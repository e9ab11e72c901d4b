"""`ishc new club`: write a valid, commented club file in the right folder."""

from __future__ import annotations

import datetime as dt
import difflib
import json
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml

from generator.load.places import Places, load_places
from generator.load.text import fold, name_key, nfc, slugify
from generator.model.content import Province
from generator.project import Project

CLUB_PREFIX = "clb lien the he tu giup nhau"


class NewClubError(Exception):
    pass


@dataclass(frozen=True)
class NewClub:
    path: Path
    club_id: str


def find_province(text: str, provinces: list[Province]) -> Province:
    """A province by name or folder name, ignoring marks and case: "hai phong" -> Hải Phòng."""
    wanted = slugify(text.removeprefix("Thành phố ").removeprefix("Tỉnh "))
    for province in provinces:
        if wanted in (province.slug, slugify(province.name)):
            return province
    for province in provinces:
        if wanted in (slugify(former) for former in province.former):
            raise NewClubError(f"từ ngày 1/7/2025, {text} thuộc {province.name}: dùng "
                               f'--province "{province.name}" và ghi tỉnh cũ ở place.former.')
    close = difflib.get_close_matches(wanted, [p.slug for p in provinces], n=1)
    hint = f" Có phải ý bạn là '{next(p.name for p in provinces if p.slug == close[0])}'?" if close else ""
    raise NewClubError(f"'{text}' không phải một trong 34 tỉnh/thành phố.{hint}")


def find_commune(text: str, province: Province, places: Places) -> str:
    """The official name of a current commune: "xa gia loc" is not enough, "Xã Gia Lộc" is."""
    for candidate in (text, f"Xã {text}", f"Phường {text}", f"Đặc khu {text}"):
        if official := places.commune(province.name, candidate):
            return official
    now = list(dict.fromkeys(c for (p, c), units in places.merged.items() if p == province.name
                             for unit in units if name_key(unit.commune).endswith(name_key(text))))
    if now:  # a commune merged in 2025 (or split among several)
        raise NewClubError(f"'{text}' là tên xã cũ, nay thuộc {' hoặc '.join(now)}: dùng "
                           f'--commune "{now[0]}" (hoặc xã đúng) và ghi xã cũ ở place.former.')
    close = places.closest_commune(province.name, text)
    hint = f" Có phải ý bạn là '{close}'?" if close else ""
    raise NewClubError(f"{province.name} không có xã/phường '{text}'.{hint} "
                       "Danh sách: generator/data/communes.csv.")


def club_id_for(name: str, village: str | None, commune: str) -> str:
    """A readable id: the village (or the name without the club prefix), then the commune."""
    own = fold(village or name).replace(CLUB_PREFIX, "")
    place = fold(commune)
    for prefix in ("xa ", "phuong ", "dac khu "):
        place = place.removeprefix(prefix)
    return slugify(f"{own} {place}") or slugify(name)


def new_club(project: Project, *, province: str, commune: str, name: str,
             village: str | None = None, club_id: str | None = None,
             founded: dt.date | None = None) -> NewClub:
    places = load_places()
    found = find_province(nfc(province), places.provinces)
    name = nfc(name).strip()
    commune = find_commune(nfc(commune).strip(), found, places)
    village = nfc(village).strip() if village else None
    club_id = club_id or club_id_for(name, village, commune)
    if slugify(club_id) != club_id:
        raise NewClubError(f"mã CLB '{club_id}' chỉ được có chữ thường không dấu, số và dấu gạch ngang.")
    taken = [p for p in project.clubs.glob(f"*/{club_id}.yaml")]
    if taken:
        raise NewClubError(f"đã có tệp {project.shown(taken[0])}; không ghi đè. "
                           "Chọn mã khác bằng --id.")
    founded = founded or dt.date.today()
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(project.templates / "new"),
                             keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined, finalize=_yaml_scalar)
    text = env.get_template("club.yaml.j2").render(
        name=name, province=found.name, commune=commune, village=village,
        founded=founded.isoformat(), year=founded.year)
    path = project.clubs / found.slug / f"{club_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    return NewClub(path, club_id)


def _yaml_scalar(value: object) -> object:
    """Quote a value that YAML would not read back as the same text: "CLB số #5" (a comment
    from " #"), "xóm: Đông", "2024", "yes", a leading symbol. A JSON string is a YAML one."""
    if isinstance(value, str):
        try:
            same = yaml.safe_load(f"v: {value}") == {"v": value}
        except yaml.YAMLError:
            same = False
        if not same:
            return json.dumps(value, ensure_ascii=False)
    return value
