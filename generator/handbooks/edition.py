"""What a printed book says about its own edition: revision and date of its sources.

Taken from git (the last commit that touched the book's sources) rather than the build clock,
so rebuilding on another day renders nothing new, and a reader can match a printed copy to the
sources it came from.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Edition:
    revision: str
    date: dt.date


def edition(root: Path, sources: list[Path]) -> Edition:
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%h %cs", "--",
                              *[str(p) for p in sources]],
                             capture_output=True, text=True, timeout=20, check=True).stdout.split()
        if len(out) == 2:
            return Edition(out[0], dt.date.fromisoformat(out[1]))
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    return Edition("bản nháp (chưa có trong kho git)", _newest(sources))


def _newest(sources: list[Path]) -> dt.date:
    """Outside git: SOURCE_DATE_EPOCH when the packager sets it (reproducible-builds.org), else
    the day the newest source was saved. Never the clock: the same sources print the same book
    on any day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    stamps = [p.stat().st_mtime for p in sources if p.exists()]
    return dt.datetime.fromtimestamp(max(stamps, default=0), dt.timezone.utc).date()
