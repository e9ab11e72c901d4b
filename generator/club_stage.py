"""The club stage: every club file read, checked, summarised and rendered in one pass.

A club file stands alone (validate/clubs.py), and so does its page: neither needs another club.
So each file goes read -> parse -> check -> summary -> page in one call, shared among worker
processes on every core, and only the problems and the small summary travel back (sending
21,000 full records between processes would cost more than checking them). `ishc check` runs
the very same pass without pages.

What each file produced is cached by content hash (cache.py): a file whose content and rules did
not change is neither read nor checked again, and its page is rendered again only when the
output lacks it or the page templates changed. Everything summed over many clubs is computed
afterwards from the summaries, cached or new alike, so it is never stale.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from markupsafe import escape

from generator import cache
from generator.background import die_with_parent
from generator.load.sources import ClubFile
from generator.load.yamlfile import MAX_BYTES
from generator.messages import language, set_language, t
from generator.model.directory import ClubSummary, summarize
from generator.problems import Problem
from generator.site.data import DataContext, DataPages, club_path
from generator.validate.clubs import (ClubResult, ClubRules, check_club_bytes, path_problems,
                                      unreadable)

PARALLEL_FROM = 400  # below this many files to read, starting workers costs more than it saves
CACHE_DIR = "clubs"  # under the cache folder: one shelf per province


class ClubOutcome(NamedTuple):
    """What checking one club file gave; cached under the file's content and rules.

    A named tuple: 21,000 of them are pickled into the cache and back, and tuples pickle in C.
    """

    problems: tuple[Problem, ...]
    summary: ClubSummary | None  # None when the file has errors
    latest: dt.date | None  # the latest date in the record (None: nothing read depends on it)
    checked_on: dt.date

    def holds_on(self, today: dt.date) -> bool:
        """A date after `today` is an error; an outcome from another day holds if none was."""
        return (today == self.checked_on or self.latest is None
                or self.latest <= min(today, self.checked_on))


@dataclass(frozen=True)
class PageRequest:
    """Club pages to render into staging, unless the output already has them (have)."""

    context: DataContext
    staging: Path
    have: Callable[[str, str], bool]  # (path in the site, page key) -> already in the output


@dataclass
class ClubStage:
    files: list[ClubFile]
    outcomes: dict[str, ClubOutcome]  # by file as shown
    keys: dict[str, str]  # club page's site path -> its key (content, rules, page templates)
    rendered: set[str] = field(default_factory=set)  # site paths written into staging now
    problems: list[Problem] = field(default_factory=list)

    @property
    def summaries(self) -> Iterator[ClubSummary]:
        for file in self.files:
            outcome = self.outcomes.get(file.shown)
            if outcome is not None and outcome.summary is not None:
                yield outcome.summary


class _Known(NamedTuple):
    """What the cache keeps of a club file."""

    stamp: cache.Stamp
    rules: str  # the rules it was checked against (rules_digest)
    key: str  # its content and those rules
    outcome: ClubOutcome
    pages: str = ""  # the page templates its page key was made with
    page_key: str = ""  # its key and those templates: kept so 21,000 keys are not hashed anew


class _Task(NamedTuple):  # tuples: sent to and from worker processes by the thousand
    file: ClubFile
    render: bool


class _Done(NamedTuple):
    shown: str
    stamp: cache.Stamp | None  # None when the file could not be read
    outcome: ClubOutcome
    page: str | None  # site path written into staging


def rules_digest(rules: ClubRules) -> str:
    """Everything but the date that a club's problems depend on (the date: ClubOutcome)."""
    indicator_sets = sorted((k, v.model_dump_json()) for k, v in rules.indicator_sets.items())
    return cache.combine(cache.code_digest(), language(), repr(indicator_sets),
                         repr(sorted(rules.story_ids)), repr(sorted(rules.photos)))


def run_club_stage(files: list[ClubFile], rules: ClubRules, cache_dir: Path,
                   pages: PageRequest | None = None, workers: int | None = None,
                   on_progress: Callable[[int, int], None] | None = None) -> ClubStage:
    """Check every club file (and render the pages asked for), reusing what is cached."""
    shelf = cache.Shelf(cache_dir / CACHE_DIR, lambda shown: shown.rsplit("/", 2)[-2])
    known: dict[str, _Known] = shelf.load()
    rules_key = rules_digest(rules)
    page_digest = pages.context.digest if pages else ""
    stage = ClubStage(files, {}, {}, problems=path_problems(files, rules.places))
    kept: dict[str, _Known] = {}
    tasks = []
    for file in files:
        found = _cached(file, known.get(file.shown), rules_key, rules.today)
        if found is None:
            tasks.append(_Task(file, pages is not None))
            continue
        stage.outcomes[file.shown] = found.outcome
        if pages is None or found.outcome.summary is None:
            kept[file.shown] = found
            continue
        if found.pages != page_digest:
            found = found._replace(pages=page_digest,
                                   page_key=cache.combine(found.key, page_digest))
        kept[file.shown] = found
        path = _site_path(file)
        stage.keys[path] = found.page_key
        if not pages.have(path, found.page_key):
            tasks.append(_Task(file, True))
    by_shown = {task.file.shown: task.file for task in tasks}
    for done in _run(tasks, rules, pages, workers, on_progress):
        stage.outcomes[done.shown] = done.outcome
        if done.stamp is None:
            continue
        key = cache.combine(rules_key, done.stamp.digest)
        known = _Known(done.stamp, rules_key, key, done.outcome)
        if pages is not None and done.outcome.summary is not None:
            known = known._replace(pages=page_digest, page_key=cache.combine(key, page_digest))
            stage.keys[_site_path(by_shown[done.shown])] = known.page_key
        kept[done.shown] = known
        if done.page:
            stage.rendered.add(done.page)
    stage.problems += [p for f in files for p in stage.outcomes[f.shown].problems]
    shelf.save(kept)
    return stage


def _cached(file: ClubFile, known: _Known | None, rules_key: str,
            today: dt.date) -> _Known | None:
    """What the cache knows of an unchanged file checked against the same rules, or None."""
    if known is None:
        return None
    try:
        stat = os.stat(file.path)
    except OSError:
        return None  # the worker reports it
    if not (known.rules == rules_key and known.stamp.matches(stat)
            and known.outcome.holds_on(today)):
        return None
    return known


def _site_path(file: ClubFile) -> str:
    return club_path(file.province_folder, file.club_id)


def _run(tasks: list[_Task], rules: ClubRules, pages: PageRequest | None, workers: int | None,
         on_progress: Callable[[int, int], None] | None) -> Iterator[_Done]:
    workers = workers or os.cpu_count() or 1
    context, staging = (pages.context, pages.staging) if pages else (None, None)
    if workers < 2 or len(tasks) < PARALLEL_FROM:
        _start_worker(rules, context, staging, language())
        try:
            yield from _batch(tasks)
        finally:
            _start_worker(None, None, None, language())
        if on_progress and tasks:
            on_progress(len(tasks), len(tasks))
        return
    size = max(25, len(tasks) // (workers * 32))  # small batches: workers finish together
    batches = [tasks[i:i + size] for i in range(0, len(tasks), size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                             initializer=_start_worker,
                             initargs=(rules, context, staging, language())) as pool:
        done = 0
        for results in pool.map(_batch, batches):
            done += len(results)
            if on_progress:
                on_progress(done, len(tasks))
            yield from results


def _context() -> multiprocessing.context.BaseContext:
    # fork starts a worker in milliseconds with everything already imported; but forking a
    # process that runs other threads (`ishc serve` answers requests in one) can copy a lock
    # held by one of them, so then the workers start from a fresh interpreter.
    if threading.active_count() > 1:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("fork")


# What a worker needs for every file, given once when it starts instead of with every batch.
# The language is passed explicitly so that workers not forked from this process speak it too.
_worker: tuple[ClubRules, DataPages | None, Path | None] | None = None


def _start_worker(rules: ClubRules | None, context: DataContext | None, staging: Path | None,
                  lang: str) -> None:
    global _worker
    die_with_parent()
    set_language(lang)
    if rules is None:
        _worker = None
        return
    _worker = (rules, DataPages(context, rules.places) if context else None, staging)


def _batch(tasks: list[_Task]) -> list[_Done]:
    # Records are many small acyclic objects: the cyclic garbage collector would rescan them
    # again and again (it doubled the time pydantic takes), and finds nothing to free.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return [_one(task) for task in tasks]
    finally:
        if enabled:
            gc.enable()


def _one(task: _Task) -> _Done:
    assert _worker is not None
    rules, renderer, staging = _worker
    taken = time.time_ns()
    try:
        with open(task.file.path, "rb") as stream:
            stat = os.fstat(stream.fileno())
            raw = stream.read(MAX_BYTES + 1)  # decode() names a file over the limit
    except OSError as err:
        result = unreadable(task.file, err)
        return _Done(task.file.shown, None, ClubOutcome(tuple(result.problems), None, None,
                                                        rules.today), None)
    result = check_club_bytes(task.file, raw, rules)
    stamp = cache.stamp(stat, raw, taken)
    outcome = _outcome(result, rules.today)
    page = None
    if task.render and renderer is not None and staging is not None and outcome.summary:
        assert result.entry is not None
        page, html = renderer.club(result.entry)
        leaked = _private_in(html, result.entry.club.private)
        if leaked:  # a template that prints a private note: the page is not written
            problem = Problem(task.file.shown, 1, 1, t("club.private_published", value=leaked),
                              t("club.private_published.hint"))
            return _Done(task.file.shown, None, outcome._replace(
                problems=outcome.problems + (problem,), summary=None), None)
        _write(f"{staging}/{page}", html.encode("utf-8"))
    return _Done(task.file.shown, stamp, outcome, page)


def _private_in(page: str, private: object) -> str | None:
    """The first text of a club's `private` notes that its page shows, as written or
    HTML-escaped. The last check before a page is written: the notes reach no template on
    purpose, so a hit is a template's mistake, and it must not be published."""
    if not private:
        return None
    stack = [private]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, (list, tuple)):
            stack.extend(value)
        elif isinstance(value, str) and len(value.strip()) >= 4:
            text = value.strip()
            if text in page or str(escape(text)) in page:
                return text
    return None


def _write(path: str, data: bytes) -> None:
    """One club page: plain os calls, since there are 21,000 of them (a folder is made once)."""
    try:
        stream = open(path, "wb")
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        stream = open(path, "wb")
    with stream:
        stream.write(data)


def _outcome(result: ClubResult, today: dt.date) -> ClubOutcome:
    if result.entry is None:
        return ClubOutcome(tuple(result.problems), None, None, today)
    club = result.entry.club
    dates = [club.founded, *(m.date for m in club.members), *(f.date for f in club.funds)]
    if club.dissolved:
        dates.append(club.dissolved)
    errors = any(p.severity == "error" for p in result.problems)
    summary = None if errors else summarize(result.entry)
    return ClubOutcome(tuple(result.problems), summary, max(dates), today)
