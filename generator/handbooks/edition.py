"""What a printed book says about its own edition: revision and date of its sources.

Taken from git (the last commit that touched the book's sources) rather than the build clock,
so rebuilding on another day renders nothing new, and a reader can match a printed copy to the
sources it came from.
"""

from __future__ import annotations

import datetime as dt
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
    return Edition("bản nháp (chưa có trong kho git)", dt.date.today())
