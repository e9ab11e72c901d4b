"""`make bench`: the national-scale figures, measured as a user would meet them, then one line.

For 5,000 and for 21,000 generated clubs (benchmarks/national.py), each figure from the
commands themselves, run as processes:

  cold_s      `ishc build --no-pdf` from an empty cache and output folder
  nochange_s  the same build again, nothing changed
  edit_s      one club's member count changed, built again; the result is then compared,
              file by file, with a cold build of the edited sources (it must be identical)
  baseline_s  the same club pages as Markdown through plain mkdocs-material (out of the nav,
              its default search); ratio = baseline_s / cold_s
  rss_mb      peak memory of the cold build, all its processes together
  page_kb     median size of a club page's HTML
  search_kb   the most bytes one search loads (script and index parts), over 20 fixed
              queries with and without marks, in headless Chromium; each must find its target
  check_s     `ishc check` on the whole set, from an empty cache
  serve_s     `ishc serve`: from saving a club file to the browser showing the change
  pdf_s       every PDF of the example project (nine handbooks in three variants, handouts,
              forms) from an empty cache, on all cores

The last line is `bench: clubs=21000 cold_s=… …`. `--clubs N` runs one size only, `--quick`
skips the mkdocs-material baseline and the PDFs.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.national import generate  # noqa: E402

# Queries as people type them, with and without marks, and what each must find among its
# first results (folded: no marks, lower case).
QUERIES = [
    ("suc khoe", "suc khoe"), ("sức khỏe", "suc khoe"), ("khoẻ", "khoe"), ("huyet ap", "huyet ap"),
    ("huyết áp", "huyet ap"), ("so quy tien mat", "so quy tien mat"), ("sổ quỹ", "so quy"),
    ("quy tang thu nhap", "quy tang thu nhap"), ("cham soc tai nha", "cham soc tai nha"),
    ("tình nguyện viên", "tinh nguyen vien"), ("xep loai", "xep loai"),
    ("hai phong", "hai phong"), ("Hải Phòng", "hai phong"), ("ha noi", "ha noi"),
    ("phu tho", "phu tho"), ("gia loc", "gia loc"), ("xa gia loc", "gia loc"),
    ("tan an", "tan an"), ("thon dong hoa", "dong hoa"), ("dai thao duong", "dai thao duong"),
]


@dataclass
class Figures:
    clubs: int
    values: dict[str, float] = field(default_factory=dict)

    def line(self, prefix: str, extra: tuple[str, ...] = ()) -> str:
        order = ("cold_s", "nochange_s", "edit_s", "baseline_s", "ratio", "rss_mb", "page_kb",
                 "search_kb", "check_s", "pdf_s", *extra)
        parts = [f"clubs={self.clubs}"]
        for key in order:
            if key in self.values:
                value = self.values[key]
                parts.append(f"{key}={value:.0f}" if key == "rss_mb" else f"{key}={value:.1f}")
        return f"{prefix}: " + " ".join(parts)


def ishc(*args: str) -> list[str]:
    return [str(Path(sys.executable).parent / "ishc"), *args]


def run(command: list[str], label: str, peak: bool = False) -> tuple[float, float]:
    """Run a command to its end; (seconds, peak MB of it and its children when asked)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sampler = _PeakMemory(process.pid) if peak else None
    output, _ = process.communicate()
    seconds = time.perf_counter() - start
    if sampler:
        sampler.stop()
    if process.returncode != 0:
        raise SystemExit(f"{label} failed ({process.returncode}):\n{output[-3000:]}")
    print(f"  {label}: {seconds:.2f} s" + (f", peak {sampler.peak_mb:.0f} MB" if sampler else ""),
          flush=True)
    return seconds, sampler.peak_mb if sampler else 0.0


class _PeakMemory:
    """Samples the resident memory of a process tree (from /proc) until stopped."""

    def __init__(self, pid: int):
        self.pid = pid
        self.peak_mb = 0.0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.done.set()
        self.thread.join()

    def _sample(self) -> None:
        while not self.done.wait(0.05):
            total = sum(_rss_kb(pid) for pid in _tree(self.pid))
            self.peak_mb = max(self.peak_mb, total / 1024)


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo += [int(c) for c in task.read_text().split()]
            except OSError:
                pass
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


# --- The steps, each usable alone (tests/test_bench.py runs them on a small set) -------------

def cold_build(root: Path, out: Path, label: str = "cold build") -> tuple[float, float]:
    shutil.rmtree(root / ".ishc-cache", ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    return run(ishc("--root", str(root), "build", "--no-pdf", "--quiet", "--out", str(out)),
               label, peak=True)


def rebuild(root: Path, out: Path, label: str) -> float:
    return run(ishc("--root", str(root), "build", "--no-pdf", "--quiet", "--out", str(out)),
               label)[0]


def edit_one_club(root: Path) -> Path:
    """Add one member to the latest count of the first club: a one-field edit."""
    path = sorted((root / "clubs").glob("*/*.yaml"))[0]
    text = path.read_text("utf-8")
    totals = list(re.finditer(r"^(  total: )(\d+)$", text, re.M))
    last = totals[-1]
    text = text[:last.start()] + f"{last.group(1)}{int(last.group(2)) + 1}" + text[last.end():]
    path.write_text(text, "utf-8")
    return path


def differences(a: Path, b: Path) -> list[str]:
    """Paths whose presence or bytes differ between two site folders."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    found = sorted(files_a ^ files_b)
    for path in sorted(files_a & files_b):
        if not filecmp.cmp(a / path, b / path, shallow=False):
            found.append(path)
    return found


def same_as_cold(root: Path, out: Path, scratch: Path) -> None:
    """Build the same sources cold into another folder, with another cache; compare."""
    copy = scratch / "cold-copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, ignore=lambda folder, names: [".ishc-cache"] if folder == str(root) else [])
    cold_build(copy, scratch / "cold-site", "cold build of the edited sources")
    found = differences(out, scratch / "cold-site")
    if found:
        raise SystemExit(f"the incremental build differs from a cold one: {found[:10]}")
    print("  incremental build = cold build of the same sources, file for file", flush=True)
    shutil.rmtree(copy, ignore_errors=True)
    shutil.rmtree(scratch / "cold-site", ignore_errors=True)


def page_kb(out: Path) -> float:
    sizes = [p.stat().st_size for p in (out / "clubs").glob("*/*.html") if p.name != "index.html"]
    return statistics.median(sizes) / 1000


def check_seconds(root: Path) -> float:
    shutil.rmtree(root / ".ishc-cache", ignore_errors=True)
    return run(ishc("--root", str(root), "check"), "ishc check, empty cache")[0]


def baseline(root: Path, scratch: Path) -> float:
    """The same club pages as Markdown, built by plain mkdocs-material with its search."""
    from benchmarks.baseline import write_project

    project = write_project(root, scratch / "baseline")
    seconds = run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                   str(project / "mkdocs.yml")], "plain mkdocs-material, same club pages")[0]
    shutil.rmtree(project, ignore_errors=True)
    return seconds


def search_kb(out: Path, queries: list[tuple[str, str]] = QUERIES) -> float:
    from benchmarks.search import measure

    results = measure(out, queries)
    for query, (kb, found) in results.items():
        print(f"    {query!r}: {kb:.1f} KB{'' if found else '  (target not found!)'}")
    missing = [q for q, (_, found) in results.items() if not found]
    if missing:
        raise SystemExit(f"search did not find the targets of {missing}")
    return max(kb for kb, _ in results.values())


def serve_seconds(root: Path) -> float:
    from benchmarks.serving import edit_to_browser

    return edit_to_browser(root, edit_one_club)


def pdf_seconds(scratch: Path) -> float:
    project = scratch / "pdf-project"
    shutil.rmtree(project, ignore_errors=True)
    for name in ("content", "clubs", "templates"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    seconds = run(ishc("--root", str(project), "build", "--quiet", "--out",
                       str(scratch / "pdf-site")), "example project with every PDF, cold")[0]
    pdfs = list((scratch / "pdf-site" / "downloads").rglob("*.pdf"))
    print(f"    {len(pdfs)} PDFs on {os.cpu_count()} cores", flush=True)
    shutil.rmtree(project, ignore_errors=True)
    shutil.rmtree(scratch / "pdf-site", ignore_errors=True)
    return seconds


def measure_size(clubs: int, scratch: Path, quick: bool) -> Figures:
    figures = Figures(clubs)
    root, out = scratch / f"clubs-{clubs}", scratch / f"site-{clubs}"
    print(f"\n{clubs:,} clubs", flush=True)
    start = time.perf_counter()
    generate(root, clubs, content=REPO / "content", templates=REPO / "templates",
             mkdocs_yml=REPO / "mkdocs.yml")
    print(f"  generated in {time.perf_counter() - start:.1f} s", flush=True)
    v = figures.values
    v["check_s"] = check_seconds(root)
    v["cold_s"], v["rss_mb"] = cold_build(root, out)
    v["nochange_s"] = rebuild(root, out, "build again, nothing changed")
    edit_one_club(root)
    v["edit_s"] = rebuild(root, out, "build after a one-club edit")
    same_as_cold(root, out, scratch)
    v["page_kb"] = page_kb(out)
    v["search_kb"] = search_kb(out)
    v["serve_s"] = serve_seconds(root)
    if not quick:
        v["baseline_s"] = baseline(root, scratch)
        v["ratio"] = v["baseline_s"] / v["cold_s"]
    shutil.rmtree(root, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clubs", type=int, action="append",
                        help="number of clubs (repeatable; default: 5000 and 21000)")
    parser.add_argument("--quick", action="store_true", help="skip the baseline and the PDFs")
    args = parser.parse_args()
    sizes = args.clubs or [5_000, 21_000]
    print(f"ishc benchmark on {os.cpu_count()} cores", flush=True)
    with tempfile.TemporaryDirectory(prefix="ishc-bench-") as tmp:
        scratch = Path(tmp)
        results = [measure_size(n, scratch, args.quick) for n in sizes]
        pdf = None if args.quick else pdf_seconds(scratch)
    print()
    for figures in results:
        if pdf is not None:
            figures.values["pdf_s"] = pdf
        print(figures.line("figures", ("serve_s",)))
    print(results[-1].line("bench"))


if __name__ == "__main__":
    main()
