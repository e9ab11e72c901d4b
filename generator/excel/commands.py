"""The Excel commands of `ishc`: template, export, import and import-report (cli.py calls these)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.messages import t
from generator.problems import SourceError
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


def run_export(project: Project, args: argparse.Namespace) -> int:
    raise NotImplementedError


def run_import(project: Project, args: argparse.Namespace) -> int:
    raise NotImplementedError


def run_import_report(project: Project, args: argparse.Namespace) -> int:
    raise NotImplementedError
