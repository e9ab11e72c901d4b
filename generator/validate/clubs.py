"""Club files: each read, parsed and checked on its own (in parallel: see club_stage.py).

A club file stands alone: everything it is checked against (places, indicator sets, story ids,
today's date) is known before the first club is read. So each file goes through read -> parse
-> model -> checks in one call, and 21,000 files can be shared among worker processes. Only the
checks across files (duplicate ids, province folders) look at the list of files, in
path_problems.

Parsing takes the fast path (load/fastyaml.py: rapidyaml, JSON, pydantic in Rust) and falls back
to the careful loader whenever the fast path declines or the record has any problem, so every
problem is reported with the careful loader's line, column and wording.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import typing
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel, ValidationError

from generator.load.fastyaml import OtherTypeCheck, yaml_to_json
from generator.load.places import Places
from generator.load.sources import ClubFile
from generator.load.text import name_key
from generator.load.yamlfile import YamlDocument, YamlProblem, decode, parse_yaml
from generator.messages import number, t
from generator.model.club import Club
from generator.model.content import ClubEntry, IndicatorSet, Province
from generator.model.labels import label
from generator.problems import Problem
from generator.validate.fields import parse_record

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
EARLIEST = dt.date(1990, 1, 1)


@dataclass(frozen=True)
class ClubRules:
    """What every club file is checked against."""

    places: Places
    indicator_sets: dict[str, IndicatorSet]
    story_ids: frozenset[str]
    today: dt.date
    photos: frozenset[str] = frozenset()  # file names in content/photos/


@dataclass
class ClubResult:
    entry: ClubEntry | None
    problems: list[Problem] = field(default_factory=list)


def unreadable(file: ClubFile, err: OSError) -> ClubResult:
    return ClubResult(None, [Problem(file.shown, 1, 1, t("file.unreadable", reason=err.strerror))])


def check_club_bytes(file: ClubFile, raw: bytes, rules: ClubRules) -> ClubResult:
    """Parse and check the content of one club file: the record and every problem in it."""
    try:
        text = decode(raw, file.shown)
    except YamlProblem as err:
        return ClubResult(None, [err.problem])
    doc, club = _fast(file, text)
    if club is None:
        try:
            doc = parse_yaml(text, file.shown)
        except YamlProblem as err:
            return ClubResult(None, [err.problem])
        problems: list[Problem] = []
        club = parse_record(doc, Club, problems=problems)
        if club is None:
            return ClubResult(None, problems)
    province = rules.places.province(file.province_folder)
    if province is None:  # reported once per file by path_problems
        return ClubResult(None, club_problems(doc, club, None, None, rules))
    commune = rules.places.commune(province.name, club.place.commune)
    entry = ClubEntry(file.club_id, file.province_folder, file.shown, club, commune or "")
    return ClubResult(entry, club_problems(doc, club, province, commune, rules))


def _fast(file: ClubFile, text: str) -> tuple[YamlDocument | None, Club | None]:
    """The record from rapidyaml's JSON, or (None, None) for the careful path."""
    fast = yaml_to_json(text)
    if fast is None:
        return None, None
    try:
        # strict: JSON numbers, text and booleans only where the model wants exactly those. JSON
        # has made `1e3` a number where YAML 1.1 reads text, and a lax int field would take it.
        club = Club.model_validate_json(fast.text, strict=True, context={
            "reads_as_other_type": OtherTypeCheck(text)})
    except ValidationError:
        return None, None
    if keys_given(club) != fast.keys:
        return None, None  # a repeated key, which the JSON reader kept only once
    return YamlDocument(file.shown, None, text=text), club


def keys_given(record: BaseModel) -> int:
    """How many keys the file gave for this record: every field set, and inside free mappings."""
    total = 0
    stack = [record]
    while stack:
        model = stack.pop()
        given = model.__pydantic_fields_set__
        total += len(given)
        values = model.__dict__
        for name in _nested_fields(type(model)):
            value = values[name] if name in given else None
            if type(value) is list:
                if value and not _nested_fields(type(value[0])):  # records of plain values
                    total += sum(len(item.__pydantic_fields_set__) for item in value)
                else:
                    stack.extend(value)
            elif type(value) is dict:
                total += _keys_in(value)
            elif value is not None:
                stack.append(value)
    return total


@lru_cache(maxsize=None)
def _nested_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """Fields that hold records, lists of records or free mappings (the rest hold plain values)."""
    def nested(annotation: object) -> bool:
        if isinstance(annotation, type):
            return issubclass(annotation, (BaseModel, dict))
        return any(nested(arg) for arg in typing.get_args(annotation)) or typing.get_origin(annotation) is dict
    return tuple(name for name, info in model.model_fields.items() if nested(info.annotation))


def _keys_in(value: object) -> int:
    if type(value) is dict:
        return len(value) + sum(_keys_in(item) for item in value.values())
    if type(value) is list:
        return sum(_keys_in(item) for item in value)
    return 0


def club_problems(doc: YamlDocument, club: Club, province: Province | None, commune: str | None,
                  rules: ClubRules) -> list[Problem]:
    """Checks of one valid record against places, dates, indicator sets and stories.

    province is the one of the club's folder; commune the official name of its place.commune
    there, or None when the province has no such commune.
    """
    problems = _dates(doc, club, rules.today)
    if province is not None:
        problems += _place(doc, club, province, commune, rules.places)
    problems += _ratings(doc, club, rules.indicator_sets)
    problems += [doc.problem(("stories", i), t("club.story_missing", story=story))
                 for i, story in enumerate(club.stories) if story not in rules.story_ids]
    problems += _photos(doc, club, rules.photos)
    problems += _parts(doc, club) + _loans(doc, club)
    return problems


MEMBER_PARTS = ("women", "older", "poor", "disabled", "ethnic_minority")


def _parts(doc: YamlDocument, club: Club) -> list[Problem]:
    """Counts of a part (women, overdue loans) cannot exceed their whole."""
    problems: list[Problem] = []

    def within(loc: tuple, record: object, whole: str, parts: tuple[str, ...]) -> None:
        total = getattr(record, whole)
        for name in parts:
            count = getattr(record, name)
            if count is not None and count > total:
                field = ".".join(str(p) for p in loc if isinstance(p, str)) + "." + name
                model = type(record).__name__
                problems.append(doc.problem(loc + (name,), t(
                    "club.part_over_whole", field=field, count=count, whole=whole, total=total,
                    label=label(model, name), whole_label=label(model, whole)),
                    t("field.inconsistent.hint")))

    for i, members in enumerate(club.members):
        within(("members", i), members, "total", MEMBER_PARTS)
    if club.board:
        within(("board",), club.board, "size", ("women",))
    for i, snapshot in enumerate(club.funds):
        if loans := snapshot.loans_outstanding:
            within(("funds", i, "loans_outstanding"), loans, "count", ("women",))
            within(("funds", i, "loans_outstanding"), loans, "amount", ("overdue",))
    return problems


def _loans(doc: YamlDocument, club: Club) -> list[Problem]:
    """Money lent out is part of the income-generation fund, so it cannot exceed the fund."""
    return [doc.problem(("funds", i, "loans_outstanding", "amount"),
                        t("club.loans_over_fund", amount=number(s.loans_outstanding.amount),
                          fund=number(s.income_fund)), t("club.loans_over_fund.hint"),
                        severity="warning")
            for i, s in enumerate(club.funds)
            if s.loans_outstanding and s.income_fund is not None
            and s.loans_outstanding.amount > s.income_fund]


PHOTO_TYPES = (".jpg", ".jpeg", ".png", ".webp")


def _photos(doc: YamlDocument, club: Club, photos: frozenset[str]) -> list[Problem]:
    return [p for i, photo in enumerate(club.photos)
            for p in photo_problems(doc, ("photos", i), photo, photos)]


def photo_problems(doc: YamlDocument, where: tuple, photo: Photo,
                   photos: frozenset[str]) -> list[Problem]:
    """A photo names a file in content/photos/; one without consent is never published.
    Shared by club files and stories (where: the photo's place in its document)."""
    problems = []
    field = ".".join(str(part) for part in where if isinstance(part, str)) + ".file"
    if not photo.file.lower().endswith(PHOTO_TYPES):
        problems.append(doc.problem(where + ("file",),
            t("photo.not_image", field=field, file=photo.file), t("photo.not_image.hint")))
    elif photo.file not in photos:
        close = difflib.get_close_matches(photo.file, sorted(photos), n=1)
        problems.append(doc.problem(where + ("file",),
            t("photo.missing", field=field, file=photo.file),
            t("hint.did_you_mean", name=close[0]) if close else t("photo.missing.hint")))
    if not photo.consent:
        problems.append(doc.problem(where + ("consent",), t("photo.no_consent"),
                                    t("photo.no_consent.hint"), severity="warning"))
    return problems


def path_problems(files: list[ClubFile], places: Places) -> list[Problem]:
    """What the file names and folders alone say: ids and province folders."""
    problems = []
    slugs = [p.slug for p in places.provinces]
    known = set(slugs)
    first: dict[str, str] = {}
    for file in files:
        club_id, folder = file.club_id, file.province_folder
        if not _ID.match(club_id):
            problems.append(Problem(file.shown, 1, 1,
                                    t("club.bad_id", name=file.shown.rsplit("/", 1)[-1]),
                                    t("club.bad_id.hint")))
        if club_id in first:
            problems.append(Problem(file.shown, 1, 1,
                                    t("club.duplicate_id", id=club_id, other=first[club_id]),
                                    t("club.duplicate_id.hint")))
        first.setdefault(club_id, file.shown)
        if folder not in known:
            close = difflib.get_close_matches(folder, slugs, n=1)
            problems.append(Problem(file.shown, 1, 1, t("club.province_folder", folder=folder),
                t("hint.did_you_mean", name=f"clubs/{close[0]}/") if close else
                t("club.province_folder.hint")))
    return problems


def _dates(doc: YamlDocument, club: Club, today: dt.date) -> list[Problem]:
    found = []
    dated = [(("founded",), club.founded)]
    if club.dissolved:
        dated.append((("dissolved",), club.dissolved))
    dated += [(("members", i, "date"), m.date) for i, m in enumerate(club.members)]
    dated += [(("funds", i, "date"), f.date) for i, f in enumerate(club.funds)]
    for loc, day in dated:
        if day > today:
            found.append(doc.problem(loc, t("club.date_future", field=loc[0], day=day),
                                     t("club.date_future.hint")))
        elif day < EARLIEST:
            found.append(doc.problem(loc, t("club.date_too_early", field=loc[0], day=day,
                                            year=EARLIEST.year),
                                     t("club.date_too_early.hint", year=EARLIEST.year)))
    return found + _status(doc, club)


def _status(doc: YamlDocument, club: Club) -> list[Problem]:
    """A dissolved club has its date of dissolution, after its founding; no other club has one."""
    if club.status == "dissolved" and club.dissolved is None:
        return [doc.problem(("status",), t("club.dissolved_no_date"), t("club.dissolved_no_date.hint"))]
    if club.status != "dissolved" and club.dissolved is not None:
        return [doc.problem(("dissolved",), t("club.dissolved_not_status", status=club.status),
                            t("club.dissolved_not_status.hint"))]
    if club.dissolved is not None and club.dissolved < club.founded:
        return [doc.problem(("dissolved",), t("club.dissolved_before_founded",
                                              day=club.dissolved, founded=club.founded))]
    return []


def _place(doc: YamlDocument, club: Club, province: Province, commune: str | None,
           places: Places) -> list[Problem]:
    place = club.place
    if name_key(place.province) != name_key(province.name):
        close = places.closest_province(place.province)
        hint = (t("hint.did_you_mean", name=close) if close and close != province.name else
                t("place.province_not_folder.hint", slug=province.slug, name=province.name))
        return [doc.problem(("place", "province"),
                            t("place.province_not_folder", province=place.province), hint)]
    if commune is None:
        close = places.closest_commune(province.name, place.commune)
        return [doc.problem(("place", "commune"),
            t("commune.unknown", province=province.name, commune=place.commune),
            t("hint.did_you_mean", name=close) if close else t("commune.unknown.hint"))]
    return _former(doc, club, province, commune, places) if place.former else []


def _former(doc: YamlDocument, club: Club, province: Province, commune: str,
            places: Places) -> list[Problem]:
    """A former province, district and commune must be among those merged into the commune."""
    former = club.place.former
    assert former is not None
    merged = places.merged_into(province.name, commune)
    if former.province:
        allowed = [*places.former_provinces(province.name), *province.former]
        if name_key(former.province) not in {name_key(n) for n in allowed}:
            return [doc.problem(("place", "former", "province"),
                t("former.province", former=former.province, province=province.name),
                t("former.province.hint", province=province.name,
                  names=", ".join(dict.fromkeys(allowed))))]
        merged = [f for f in merged if name_key(f.province) == name_key(former.province)] or merged
    if former.district:
        districts = {name_key(f.district): f.district for f in merged}
        if name_key(former.district) not in districts:
            return [doc.problem(("place", "former", "district"),
                t("former.district", district=former.district, commune=commune),
                t("former.district.hint", names=", ".join(sorted(set(districts.values())))))]
        merged = [f for f in merged if name_key(f.district) == name_key(former.district)]
    if former.commune:
        communes = {name_key(f.commune): f.commune for f in merged if f.commune}
        if name_key(former.commune) not in communes:
            shown = sorted(set(communes.values()))
            return [doc.problem(("place", "former", "commune"),
                t("former.commune", former=former.commune, commune=commune),
                t("former.commune.hint",
                  names=", ".join(shown[:12]) + (", …" if len(shown) > 12 else "")))]
    return []


def _ratings(doc: YamlDocument, club: Club, indicator_sets: dict[str, IndicatorSet]) -> list[Problem]:
    """A rating names the indicator set it was scored with; its score must fit that set."""
    problems = []
    for i, rating in enumerate(club.ratings):
        if rating.indicators is None:
            continue
        indicator_set = indicator_sets.get(rating.indicators)
        if indicator_set is None:
            close = difflib.get_close_matches(rating.indicators, list(indicator_sets), n=1)
            problems.append(doc.problem(("ratings", i, "indicators"),
                t("rating.unknown_indicator_set", id=rating.indicators),
                t("hint.did_you_mean", name=close[0]) if close else
                t("rating.unknown_indicator_set.hint")))
        elif rating.score is not None and rating.score > indicator_set.max_score:
            problems.append(doc.problem(("ratings", i, "score"),
                t("rating.score_too_high", score=rating.score, max=indicator_set.max_score,
                  id=indicator_set.id)))
        elif rating.score is not None and indicator_set.level_for(rating.score) != rating.level:
            problems.append(doc.problem(("ratings", i, "level"),
                t("rating.level_mismatch", score=rating.score,
                  expected=indicator_set.level_for(rating.score), level=rating.level),
                t("rating.level_mismatch.hint"), severity="warning"))
    return problems
