"""`make bench`: the figures we track, printed, on this machine.

- validation of a national data set (21,000 clubs; target < 10 s on 2 cores);
- the nine handbooks: cold render (pages per second) and a second build with nothing changed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.national import generate  # noqa: E402
from generator.load.sources import load_sources  # noqa: E402
from generator.validate import validate  # noqa: E402
from generator.handbooks import render_handbooks  # noqa: E402
from generator.build import load_portal  # noqa: E402
from generator.progress import Progress  # noqa: E402
from generator.project import Project  # noqa: E402


def timed(label: str, work):
    start = time.perf_counter()
    value = work()
    seconds = time.perf_counter() - start
    print(f"{label}: {seconds:.2f} s", flush=True)
    return value, seconds


def bench_check(clubs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        timed(f"generate {clubs:,} clubs", lambda: generate(root, clubs, content=REPO / "content"))
        # The command as a user runs it: interpreter start, imports and all.
        ishc = Path(sys.executable).parent / "ishc"
        run, seconds = timed(f"`ishc check` on {clubs:,} clubs",
                             lambda: subprocess.run([str(ishc), "--root", str(root), "check"],
                                                    capture_output=True, text=True))
        errors = run.stdout.count("\n")
        print(f"  exit {run.returncode}, {errors} lines of problems; {clubs / seconds:,.0f} clubs/s "
              f"on {os.cpu_count()} cores (target: 21,000 in < 10 s on 2 cores)")
        problems, _ = timed("the same, in this process, without the pool (a build's path)",
                            lambda: validate(load_sources(Project(root)), portal=True,
                                             workers=1))


def bench_handbooks() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Project(REPO)
        portal, _ = load_portal(project)
        cache = Path(tmp) / "cache"
        out = Path(tmp) / "downloads"
        quiet = Progress(enabled=False)
        # A throwaway cache: the cold figure is a real render of all nine.
        cold_project = _with_cache(project, cache)
        books, cold = timed("all PDFs (handbooks x3, handouts, forms), cold", lambda: render_handbooks(portal, cold_project, out, quiet))
        pages = sum(b.pages for b in books)
        print(f"  {len(books)} PDFs, {pages} pages, {pages / cold:.1f} pages/s on {os.cpu_count()} cores")
        _, warm = timed("all PDFs, nothing changed", lambda: render_handbooks(portal, cold_project, out, quiet))


def _with_cache(project: Project, cache: Path) -> Project:
    class Cached(Project):
        @property
        def cache(self) -> Path:
            return cache
    return Cached(project.root)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clubs", type=int, default=21_000)
    parser.add_argument("--skip-pdf", action="store_true")
    args = parser.parse_args()
    bench_check(args.clubs)
    if not args.skip_pdf:
        bench_handbooks()


if __name__ == "__main__":
    main()
