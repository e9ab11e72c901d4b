"""Rows into club files: all checked in memory first, then all written, or none.

Each club a row touches is edited as a ruamel.yaml round-trip document, so its comments, key
order, quotes and flow style stay as they were; a value equal to the file's is not touched
(a province or commune spelled another way but naming the same place counts as equal), and an
unchanged document is not written at all. The new text of every changed file is checked exactly
as `ishc check` checks a file (check_club_bytes); a problem it finds is reported at the cell
that set the value, found through the value's place in the new text.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.excel.columns import (CLUBS_SHEET, GROUPS, YEARS_SHEET, Column, SHEETS)
from generator.excel.data import ProjectData
from generator.excel.read import CellError, CellProblem, Row, convert
from generator.excel.workbook import club_values, year_values
from generator.load.sources import ClubFile
from generator.load.text import name_key, nfc, slugify
from generator.load.yamlfile import YamlProblem, parse_yaml
from generator.messages import t
from generator.model.club import (Activities, Board, Club, Contact, FormerPlace, FundSnapshot,
                                  Loans, MemberCount, Place, Rating, Volunteers, YearActivities)
from generator.new import club_id_for
from generator.project import Project
from generator.validate.clubs import check_club_bytes

# The model that orders the keys of each mapping, by the path of the mapping: a key added to a
# file goes where the model lists it.
_MODELS = {(): Club, ("place",): Place, ("place", "former"): FormerPlace, ("contact",): Contact,
           ("board",): Board, ("volunteers",): Volunteers, ("activities",): Activities,
           ("members", "*"): MemberCount, ("activities", "yearly", "*"): YearActivities,
           ("funds", "*"): FundSnapshot, ("funds", "*", "loans_outstanding"): Loans,
           ("ratings", "*"): Rating}


# Indentation of mappings and of lists, and of a list's dash: the project's files (2, 4, 2),
# PyYAML's output (2, 2, 0), and two wider styles. A file is written back in the one of these
# that reproduces it byte for byte.
LAYOUTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4))


def yaml(layout: tuple[int, int, int] = LAYOUTS[0]) -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=layout[0], sequence=layout[1], offset=layout[2])
    return y


def dump(doc: object, layout: tuple[int, int, int] = LAYOUTS[0]) -> str:
    out = io.StringIO()
    yaml(layout).dump(doc, out)
    return out.getvalue()


@dataclass(frozen=True)
class Cell:
    file: str
    sheet: str
    row: int
    column: str  # header; "" for the row as a whole


@dataclass
class Change:
    path: Path
    shown: str
    old: str | None  # None: a new file
    new: str
    fields: list[str] = field(default_factory=list)


@dataclass
class Target:
    """A club file being edited."""

    club_id: str
    path: Path
    shown: str
    old: str | None
    doc: CommentedMap
    first: Cell  # the row that names the club first
    cells: dict[tuple[int, object], Cell] = field(default_factory=dict)  # (id(map), key) -> cell
    fields: list[str] = field(default_factory=list)
    broken: bool = False  # cannot be rewritten without changing its layout
    layout: tuple[int, int, int] = LAYOUTS[0]


@dataclass
class Outcome:
    changes: list[Change]
    unchanged: list[str]
    problems: list[CellProblem]

    @property
    def errors(self) -> list[CellProblem]:
        return [p for p in self.problems if p.severity == "error"]


def plan(project: Project, data: ProjectData, file: str, sheets: dict[str, list[Row]]
         ) -> Outcome:
    """What importing these rows would change, and every problem; writes nothing."""
    problems: list[CellProblem] = []
    targets: dict[str, Target] = {}
    same = matching(data, sheets)
    for row in sheets.get(CLUBS_SHEET, []):
        if row.values.get("id") not in same:
            _club_row(project, data, file, row, targets, problems)
    seen: dict[tuple[str, int], int] = {}
    for row in sheets.get(YEARS_SHEET, []):
        if row.values.get("id") not in same:
            _year_row(project, data, file, row, targets, seen, problems)
    changes, unchanged = [], list(same.values())
    for target in targets.values():
        if target.old is not None and not target.fields:
            unchanged.append(target.shown)
            continue
        text = dump(target.doc, target.layout)
        if target.broken:
            problems.append(_at(target.first, t("excel.layout_changed"),
                                t("excel.layout_changed.hint")))
            continue
        problems += _check(target, text, data)
        changes.append(Change(target.path, target.shown, target.old, text, target.fields))
    return Outcome(changes, unchanged, problems)


def matching(data: ProjectData, sheets: dict[str, list[Row]]) -> dict[str, str]:
    """Clubs whose every row says just what their file says (id -> file as shown): those files
    are left as they are without being opened for editing, so an export imported back costs
    a quick read of each file."""
    rows: dict[str, list[tuple[str, Row]]] = {}
    for sheet in (CLUBS_SHEET, YEARS_SHEET):
        for row in sheets.get(sheet, []):
            if isinstance(row.values.get("id"), str):
                rows.setdefault(row.values["id"], []).append((sheet, row))
    found = {}
    for club_id, club_rows in rows.items():
        file = data.file_of(club_id)
        club = _record(file, data) if file is not None else None
        if club is not None and _rows_match(club_id, club, club_rows):
            found[club_id] = file.shown
    return found


def _record(file: ClubFile, data: ProjectData) -> Club | None:
    """The club's record, or None when its file cannot be read or has an error."""
    try:
        raw = Path(file.path).read_bytes()
    except OSError:
        return None
    result = check_club_bytes(file, raw, data.rules)
    if result.entry is None or any(p.severity == "error" for p in result.problems):
        return None
    return result.entry.club


def _rows_match(club_id: str, club: Club, rows: list[tuple[str, Row]]) -> bool:
    """Every value of every row equals what the export writes for this club (once each)."""
    expected = {CLUBS_SHEET: {None: _typed(CLUBS_SHEET, club_values(club_id, club))},
                YEARS_SHEET: {r["year"]: _typed(YEARS_SHEET, r)
                              for r in year_values(club_id, club)}}
    seen: set[tuple[str, object]] = set()
    for sheet, row in rows:
        key = None if sheet == CLUBS_SHEET else row.values.get("year")
        if (sheet, key) in seen or key not in expected[sheet]:
            return False
        seen.add((sheet, key))
        wanted = expected[sheet][key]
        if not all(_equal(name, value, wanted.get(name)) for name, value in row.values.items()):
            return False
    return True


def _typed(sheet: str, values: dict[str, object]) -> dict[str, object]:
    """Exported cell values as the import reads them back."""
    typed = {}
    for col in SHEETS[sheet]:
        try:
            typed[col.key] = convert(col, values.get(col.key))
        except CellError:
            typed[col.key] = values.get(col.key)
    return typed


def _equal(key: str, value: object, expected: object) -> bool:
    if expected is None:
        return False
    if key in ("province", "commune"):
        return name_key(str(value)) == name_key(str(expected))
    if isinstance(value, (int, float)) and isinstance(expected, (int, float)):
        return float(value) == float(expected)
    return value == expected


def _at(cell: Cell, message: str, hint: str = "", severity: str = "error") -> CellProblem:
    return CellProblem(cell.file, cell.sheet, cell.row, cell.column, message, hint, severity)


def _cell(file: str, row: Row, col: Column | None) -> Cell:
    number = row.where.get(col.key, row.number) if col else row.number
    return Cell(row.file or file, row.sheet, number, col.header if col else "")


def _club_row(project: Project, data: ProjectData, file: str, row: Row,
              targets: dict[str, Target], problems: list[CellProblem]) -> None:
    columns = SHEETS[CLUBS_SHEET]
    values = row.values
    id_col = columns[0]
    club_id = values.get("id")
    if club_id is not None and slugify(club_id) != club_id:
        problems.append(_at(_cell(file, row, id_col), t("club.bad_id", name=club_id),
                            t("club.bad_id.hint")))
        return
    existing = data.file_of(club_id) if club_id else None
    if club_id in targets:
        problems.append(_at(_cell(file, row, id_col), t("excel.duplicate_row", id=club_id,
                                                         row=targets[club_id].first.row)))
        return
    province = None
    if "province" in values:
        province = data.places.province_named(values["province"])
        if province is None:
            close = data.places.closest_province(values["province"])
            problems.append(_at(_cell(file, row, _col(CLUBS_SHEET, "province")),
                                t("excel.unknown_province", value=values["province"]),
                                t("hint.did_you_mean", name=close) if close else ""))
            return
    if existing is not None:
        if province is not None and province.slug != existing.province_folder:
            folder = data.places.province(existing.province_folder)
            problems.append(_at(_cell(file, row, _col(CLUBS_SHEET, "province")),
                                t("excel.province_moved", id=club_id,
                                  province=folder.name if folder else existing.province_folder),
                                t("excel.province_moved.hint")))
            return
        target = _open(project, existing, _cell(file, row, None))
    else:
        missing = [c for c in columns if c.required and c.key not in values]
        if missing:
            problems += [_at(_cell(file, row, c), t("excel.missing_value", header=c.header))
                         for c in missing]
            return
        commune = data.places.commune(province.name, values["commune"]) or values["commune"]
        club_id = club_id or club_id_for(values["name"], values.get("village"), commune)
        taken = data.file_of(club_id)
        if taken is not None or club_id in targets:
            shown = taken.shown if taken else targets[club_id].shown
            problems.append(_at(_cell(file, row, id_col), t("excel.id_taken", id=club_id,
                                path=shown), t("excel.id_taken.hint")))
            return
        target = _new(project, club_id, province, commune, values, _cell(file, row, None))
    targets[club_id] = target
    for col in columns:
        if col.kind in ("id", "label") or col.key not in values:
            continue
        value = values[col.key]
        if col.key == "commune" and province is None:
            province = data.places.province(target.path.parent.name)
        if col.key == "commune" and province is not None:
            value = data.places.commune(province.name, value) or value
        _set(target, target.doc, col.path, value, (), _cell(file, row, col), col.header)


def _col(sheet: str, key: str) -> Column:
    return next(c for c in SHEETS[sheet] if c.key == key)


def _year_row(project: Project, data: ProjectData, file: str, row: Row,
              targets: dict[str, Target], seen: dict[tuple[str, int], int],
              problems: list[CellProblem]) -> None:
    values = row.values
    columns = SHEETS[YEARS_SHEET]
    id_col, year_col = columns[0], _col(YEARS_SHEET, "year")
    club_id, year = values.get("id"), values.get("year")
    if club_id is None:
        problems.append(_at(_cell(file, row, id_col), t("excel.missing_value", header=id_col.header)))
        return
    if year is None:
        problems.append(_at(_cell(file, row, year_col), t("excel.missing_value",
                                                           header=year_col.header)))
        return
    if (club_id, year) in seen:
        problems.append(_at(_cell(file, row, year_col), t("excel.duplicate_year", year=year,
                            id=club_id, row=seen[(club_id, year)])))
        return
    seen[(club_id, year)] = row.number
    target = targets.get(club_id)
    if target is None:
        existing = data.file_of(club_id)
        if existing is None:
            problems.append(_at(_cell(file, row, id_col), t("excel.unknown_club", id=club_id),
                                t("excel.unknown_club.hint")))
            return
        target = targets[club_id] = _open(project, existing, _cell(file, row, None))
    for name, group in GROUPS.items():
        cols = [c for c in columns if c.group == name and c.key in values]
        if cols:
            apply_group(target, group.name, year, {c: values[c.key] for c in cols},
                        lambda c: _cell(file, row, c), problems)


def apply_group(target: Target, name: str, year: int, values: dict[Column, object],
                cell_of, problems: list[CellProblem]) -> None:
    """Set a group's values (one item of a list, matched by year) in the club document."""
    group = GROUPS[name]
    date_col = next((c for c in values if c.path == ("date",)), None)
    day = values.get(date_col) if date_col else None
    if group.by == "date" and day is not None and day.year != year:
        problems.append(_at(cell_of(date_col), t("excel.date_other_year", day=_shown_date(day),
                                                  year=year)))
        return
    seq = _get(target.doc, group.path)
    item = _find(seq, group.by, year, day) if seq is not None else None
    if item is None:
        required = [c for c in values if c.required]
        needed = next((c for c in SHEETS[YEARS_SHEET] if c.group == name and c.required), None)
        if needed is not None and not required:
            problems.append(_at(cell_of(next(iter(values))),
                                t("excel.missing_value", header=needed.header)))
            return
        item = CommentedMap()
        key = ("date", day or dt.date(year, 12, 31)) if group.by == "date" else ("year", year)
        item[key[0]] = key[1]
        seq = _get(target.doc, group.path)
        if isinstance(seq, CommentedSeq):
            _insert_item(seq, item, group.by)
        else:
            _place(target.doc, group.path, CommentedSeq([item]), (), target.old is not None)
        target.fields.append(f"+ {group.label} {year}")
        new = True
    else:
        new = False
    for col, value in values.items():
        _set(target, item, col.path, value, group.path + ("*",), cell_of(col),
             None if new else f"{col.header} ({year})")


def _find(seq: CommentedSeq, by: str, year: int, day: dt.date | None) -> CommentedMap | None:
    """The item of year: of dated items, the one of that date, else the latest of the year."""
    if by == "year":
        return next((i for i in reversed(seq) if _plain(i.get("year")) == year), None)
    dated = [i for i in seq if isinstance(i.get("date"), dt.date) and i["date"].year == year]
    if day is not None:
        exact = [i for i in dated if i["date"] == day]
        if exact:
            return exact[0]
    return max(dated, key=lambda i: i["date"]) if dated else None


def _shown_date(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


# --- Documents ----------------------------------------------------------------------------------


def _open(project: Project, file: ClubFile, first: Cell) -> Target:
    path = Path(file.path)
    old = path.read_text("utf-8")
    doc = yaml().load(old)
    if not isinstance(doc, CommentedMap):
        return Target(file.club_id, path, file.shown, old, CommentedMap(), first, broken=True)
    layout = next((layout for layout in LAYOUTS if dump(doc, layout) == old), None)
    return Target(file.club_id, path, file.shown, old, doc, first, broken=layout is None,
                  layout=layout or LAYOUTS[0])


def _new(project: Project, club_id: str, province, commune: str, values: dict,
         first: Cell) -> Target:
    """A new club file from the same commented template as `ishc new club`."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(project.templates / "new"),
                             keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined, finalize=_scalar)
    founded = values["founded"]
    text = env.get_template("club.yaml.j2").render(
        name=values["name"], province=province.name, commune=commune,
        village=values.get("village"), founded=founded.isoformat(), year=founded.year)
    doc = yaml().load(text)
    path = project.clubs / province.slug / f"{club_id}.yaml"
    target = Target(club_id, path, project.shown(path), None, doc, first)
    return target


def _scalar(value: object) -> object:
    """A text as YAML reads it back the same (quoted as JSON when it must be), as `ishc new`."""
    if isinstance(value, str):
        try:
            same = yaml().load(f"v: {value}") == {"v": value}
        except Exception:  # any YAML error: quote it
            same = False
        if not same:
            return json.dumps(value, ensure_ascii=False)
    return value


def _get(doc: CommentedMap, path: tuple[str, ...]) -> object:
    node: object = doc
    for key in path:
        if not isinstance(node, CommentedMap) or key not in node:
            return None
        node = node[key]
    return node


def _place(node: CommentedMap, path: tuple[str, ...], value: object,
           base: tuple[str, ...], move: bool = True) -> CommentedMap:
    """Put value at path under node, making the mappings on the way; the mapping that holds it.
    Each missing mapping is built whole before it is added, so comments move only once."""
    depth = 0
    while depth < len(path) - 1 and isinstance(node.get(path[depth]), CommentedMap):
        node = node[path[depth]]
        depth += 1
    rest = path[depth:]
    holder = node
    built = value
    if len(rest) > 1:
        holder = CommentedMap()
        holder[rest[-1]] = value
        built = holder
        for key in reversed(rest[1:-1]):
            outer = CommentedMap()
            outer[key] = built
            built = outer
    if rest[0] in node:
        node[rest[0]] = built
    else:
        _insert_key(node, rest[0], built, base + path[:depth], move)
    return holder


def _set(target: Target, node: CommentedMap, path: tuple[str, ...], value: object,
         base: tuple[str, ...], cell: Cell, label: str | None) -> None:
    """Set path under node to value, unless the file already says the same."""
    current = _get(node, path)
    if current is None and value == _default(base + path):
        return  # the model's default, which the file leaves out (status: active)
    if _same(current, value, path[-1]):
        holder = _get(node, path[:-1]) if len(path) > 1 else node
        target.cells[(id(holder), path[-1])] = cell
        return
    holder = _place(node, path, _as_yaml(value, current), base, target.old is not None)
    target.cells[(id(holder), path[-1])] = cell
    if label:
        target.fields.append(label)


def _default(path: tuple[str, ...]) -> object:
    model = _MODELS.get(path[:-1])
    info = model.model_fields.get(path[-1]) if model else None
    return info.default if info is not None and isinstance(info.default, str) else None


def _same(current: object, value: object, key: str) -> bool:
    if current is None:
        return False
    if isinstance(value, list):
        return isinstance(current, list) and [nfc(str(c)).strip() for c in current] == value
    if isinstance(value, str):
        if key in ("province", "commune"):
            return name_key(str(current)) == name_key(value)
        return nfc(str(current)).strip() == value
    if isinstance(value, (int, float)) and isinstance(current, (int, float)):
        return float(current) == float(value) and not isinstance(current, bool)
    return current == value


def _as_yaml(value: object, current: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        seq = CommentedSeq(value)
        if isinstance(current, CommentedSeq) and current.fa.flow_style():
            seq.fa.set_flow_style()
        elif not isinstance(current, CommentedSeq):
            seq.fa.set_flow_style()
        return seq
    return value


def _plain(value: object) -> object:
    return int(value) if isinstance(value, int) else value


def _insert_key(node: CommentedMap, key: str, value: object, path: tuple[str, ...],
                move: bool = True) -> None:
    """Add key where the model lists it among the keys node has. move: the comment lines
    before the key that follows belong to that key (in a file made from the template for new
    clubs they are hints, which stay where they are)."""
    model = _MODELS.get(tuple("*" if isinstance(p, int) else p for p in path))
    order = list(model.model_fields) if model else []
    rank = order.index(key) if key in order else len(order)
    position = len(node)
    for index, existing in enumerate(node):
        if existing in order and order.index(existing) > rank:
            position = index
            break
    moved = _take_trailing(_slot_before(node, position)) if move else None
    node.insert(position, key, value)
    _give_trailing(_slot_at(node, key), moved)


def _insert_item(seq: CommentedSeq, item: CommentedMap, by: str) -> None:
    """Add item to a list kept in order of date or year, in the style of its neighbours."""
    key = item[by]
    position = len(seq)
    for index, other in enumerate(seq):
        if isinstance(other, CommentedMap) and isinstance(other.get(by), type(key)) \
                and other[by] > key:
            position = index
            break
    if seq and isinstance(seq[-1], CommentedMap) and seq[-1].fa.flow_style():
        item.fa.set_flow_style()
    moved = _take_trailing(_slot_before(seq, position))
    seq.insert(position, item)
    _give_trailing(_slot_at(seq, position), moved)


# ruamel keeps the comment lines between two entries with the last scalar of the first entry.
# Those lines introduce what follows them ("# Quỹ cuối năm" before `funds:`), so an entry
# inserted there must come before them: they move to the end of the new entry.


def _last_slot(node: object) -> tuple[object, object] | None:
    """(container, key) of the last scalar at the end of node."""
    while True:
        if isinstance(node, CommentedMap) and len(node):
            key = list(node)[-1]
            if isinstance(node[key], (CommentedMap, CommentedSeq)) and len(node[key]):
                node = node[key]
                continue
            return node, key
        if isinstance(node, CommentedSeq) and len(node):
            index = len(node) - 1
            if isinstance(node[index], (CommentedMap, CommentedSeq)) and len(node[index]):
                node = node[index]
                continue
            return node, index
        return None


def _slot_at(node: object, key: object) -> tuple[object, object]:
    """The last scalar of the entry key of node (the entry itself when it is a scalar)."""
    value = node[key]
    if isinstance(value, (CommentedMap, CommentedSeq)) and len(value):
        return _last_slot(value)
    return node, key


def _slot_before(node: object, position: int) -> tuple[object, object] | None:
    """The last scalar before position in node, or None at the start."""
    if position == 0:
        return None
    key = list(node)[position - 1] if isinstance(node, CommentedMap) else position - 1
    return _slot_at(node, key)


def _comment_index(container: object) -> int:
    return 2 if isinstance(container, CommentedMap) else 0


def _take_trailing(slot: tuple[object, object] | None):
    """Detach the comment lines after slot's value (a comment on its own line stays)."""
    if slot is None:
        return None
    container, key = slot
    entry = container.ca.items.get(key)
    position = _comment_index(container)
    token = entry[position] if entry and len(entry) > position else None
    if token is None or "\n" not in token.value:
        return None
    first, _, rest = token.value.partition("\n")
    if not rest:
        return None
    if first.strip():
        token.value = first + "\n"
    else:
        entry[position] = None
    moved = copy.copy(token)
    moved.value = "\n" + rest
    return moved


def _give_trailing(slot: tuple[object, object] | None, token) -> None:
    """Attach comment lines after slot's value."""
    if token is None or slot is None:
        return
    container, key = slot
    position = _comment_index(container)
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    current = entry[position]
    if current is not None:  # a comment on the same line: the lines follow it
        token.value = current.value.rstrip("\n") + token.value
    entry[position] = token


# --- Checking ----------------------------------------------------------------------------------


def _check(target: Target, text: str, data: ProjectData) -> list[CellProblem]:
    """Problems of the new text, as `ishc check` finds them, each at the cell behind it."""
    file = ClubFile(str(target.path), target.shown)
    result = check_club_bytes(file, text.encode("utf-8"), data.rules)
    if not result.problems:
        return []
    places = _cell_places(target, text)
    found = []
    for problem in result.problems:
        cell = places.get((problem.line, problem.col)) or places.get((problem.line, 0))
        if cell is None:
            cell = target.first
            message = f"{problem.message} ({target.shown}:{problem.line})"
        else:
            message = problem.message
        found.append(_at(cell, message, problem.hint, problem.severity))
    return found


def _cell_places(target: Target, text: str) -> dict[tuple[int, int], Cell]:
    """(line, column) and (line, 0) of each value a cell set, in the new text."""
    try:
        doc = parse_yaml(text, target.shown)
    except YamlProblem:
        return {}
    locs: dict[tuple[int, object], tuple] = {}

    def walk(node: object, loc: tuple) -> None:
        if isinstance(node, CommentedMap):
            for key, value in node.items():
                locs[(id(node), key)] = loc + (key,)
                walk(value, loc + (key,))
        elif isinstance(node, CommentedSeq):
            for index, value in enumerate(node):
                walk(value, loc + (index,))

    walk(target.doc, ())
    places: dict[tuple[int, int], Cell] = {}
    for slot, cell in target.cells.items():
        loc = locs.get(slot)
        position = doc.positions.values.get(loc) if loc else None
        if position is None and loc:
            position = doc.positions.keys.get(loc)
        if position is not None:
            places[(position.line, position.col)] = cell
            places.setdefault((position.line, 0), cell)
    return places


# --- Writing -----------------------------------------------------------------------------------


def write_all(changes: list[Change]) -> None:
    """Each file written atomically (temporary file, then rename), new files never over one."""
    for change in changes:
        change.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{change.path.name}.", suffix=".tmp",
                                             dir=change.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(change.new)
            mode = (change.path.stat().st_mode & 0o777) if change.path.exists() else 0o644
            os.chmod(temporary, mode)
            if change.old is None and change.path.exists():
                raise FileExistsError(change.path)
            os.replace(temporary, change.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
