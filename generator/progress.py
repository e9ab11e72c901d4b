"""A small progress display for long work: one line per stage, a counter for many items."""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, enabled: bool = True, stream=None):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.started = time.perf_counter()
        self.live = self.enabled and self.stream.isatty()

    def stage(self, text: str) -> None:
        if self.enabled:
            elapsed = time.perf_counter() - self.started
            print(f"[{elapsed:6.1f}s] {text}", file=self.stream, flush=True)

    def count(self, text: str, done: int, total: int) -> None:
        """A counter that rewrites its line on a terminal and prints only the end otherwise."""
        if not self.enabled:
            return
        if self.live:
            end = "\n" if done == total else ""
            print(f"\r         {text}: {done}/{total}", end=end, file=self.stream, flush=True)
        elif done == total:
            print(f"         {text}: {done}/{total}", file=self.stream, flush=True)
