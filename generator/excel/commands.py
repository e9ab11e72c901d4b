"""The Excel commands of `ishc`: template, export, import and import-report (cli.py calls these)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.messages import t
from generator.project import Project


def _target(path: Path) -> Path:
    return path if path.is_absolute() else Path.cwd() / path


def run_template(project: Project, args: argparse.Namespace) -> int:
    from generator.excel.workbook import club_workbook, save
    from generator.load.places import load_places

    if args.report:
        return _report_forms(project, args)
    target = _target(args.file)
    save(club_workbook(load_places()), target)
    print(t("excel.template_written", path=target))
    return 0


def _report_forms(project: Project, args: argparse.Namespace) -> int:
    from generator.excel.report import write_report_forms

    written = write_report_forms(project, _target(args.file), args.year, args.province)
    print(t("excel.reports_written", count=len(written), path=_target(args.file)))
    return 0


def _print(problems) -> None:
    for problem in problems:
        print(problem.format(), file=sys.stderr)


def provinces_named(names: list[str] | None, places) -> list:
    """The provinces given with --province (by name or folder name), or SystemExit."""
    from generator.new import NewClubError, find_province

    found = []
    for name in names or []:
        try:
            found.append(find_province(name, places.provinces))
        except NewClubError as err:
            print(f"{t('excel.unknown_province', value=name)}: {err}", file=sys.stderr)
            raise SystemExit(2) from None
    return found


def run_export(project: Project, args: argparse.Namespace) -> int:
    from generator.excel.data import load_project
    from generator.excel.export import export

    data = load_project(project)
    provinces = provinces_named(args.province, data.places)
    if data.errors:
        _print(sorted(set(data.errors)))
        print(t("excel.export_errors"), file=sys.stderr)
        return 1
    target = _target(args.file)
    done = export(data, target, provinces, args.year)
    print(t("excel.exported", path=target, clubs=done.clubs, rows=done.year_rows,
            trainings=done.trainings))
    if args.dhis2:
        from generator.excel.dhis2 import write_dhis2

        csv_target = _target(args.dhis2)
        count = write_dhis2(done.nation, done.provinces, csv_target)
        print(t("excel.dhis2_written", path=csv_target, count=count))
    return 0


def run_import(project: Project, args: argparse.Namespace) -> int:
    from generator.excel.apply import plan
    from generator.excel.data import load_project
    from generator.excel.read import Unreadable, read_book

    source = _target(args.file)
    try:
        book = read_book(source, args.file.name)
    except Unreadable as err:
        _print([err.problem])
        return 1
    except OSError as err:
        print(t("excel.unreadable", reason=err.strerror or err), file=sys.stderr)
        return 1
    data = load_project(project, clubs=False)
    outcome = plan(project, data, book.file, book.sheets)
    return finish(book.problems + outcome.problems, outcome, args.dry_run)


def finish(problems: list, outcome, dry_run: bool) -> int:
    """Print the problems; write every change, or none if any problem is an error."""
    from generator.excel.apply import write_all

    _print(sorted(set(problems)))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        print("\n" + t("excel.nothing_written", count=len(errors)), file=sys.stderr)
        return 1
    for change in outcome.changes:
        if change.old is None:
            print(t("excel.created_file", path=change.shown))
        else:
            print(t("excel.updated_file", path=change.shown, fields=", ".join(change.fields)))
    created = sum(c.old is None for c in outcome.changes)
    print(t("excel.summary", created=created, updated=len(outcome.changes) - created,
            unchanged=len(outcome.unchanged)))
    if dry_run:
        print(t("excel.dry_run"))
        return 0
    write_all(outcome.changes)
    return 0


def run_import_report(project: Project, args: argparse.Namespace) -> int:
    from collections import Counter

    from generator.excel.apply import plan
    from generator.excel.columns import YEARS_SHEET
    from generator.excel.data import load_project
    from generator.excel.report import missing_reports, read_reports

    folder = _target(args.folder)
    data = load_project(project)
    provinces = provinces_named(args.province, data.places)
    reports = read_reports(folder, project.root, args.year)
    outcome = plan(project, data, project.shown(folder), {YEARS_SHEET: reports.rows})
    code = finish(reports.problems + outcome.problems, outcome, args.dry_run)
    years = Counter(year for _, year in reports.by_club)
    year = args.year or (years.most_common(1)[0][0] if years else None)
    if year is not None:
        due, missing = missing_reports(data, set(reports.by_club), year, provinces)
        print(t("excel.reported", year=year, reported=due - len(missing), total=due))
        if missing:
            print(t("excel.not_reported", year=year, count=len(missing)))
            for path, name in missing:
                print(f"  {path}: {name}")
    return code
