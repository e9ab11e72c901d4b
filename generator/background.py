"""Work done in a forked process while this one does something else.

The written pages (MkDocs) do not depend on the clubs, so a build runs them beside the club
stage instead of after it: on two cores the whole build is then a second or so shorter. The
result, or the exception, comes back through a pipe.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import traceback
from typing import Any, Callable


class Background:
    """fn(*args) in a child process; result() waits for it. When this process runs other
    threads (`ishc serve`), forking could copy a lock another thread holds: fn then runs at
    once, in this process."""

    def __init__(self, fn: Callable[..., Any], *args: Any):
        self._value: Any = None
        self._process = None
        if threading.active_count() > 1:
            self._value = fn(*args)
            return
        context = multiprocessing.get_context("fork")
        self._pipe, child = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(child, fn, args, os.getpid()),
                                        daemon=True)
        self._process.start()
        child.close()

    def result(self) -> Any:
        if self._process is None:
            return self._value
        try:
            failed, value = self._pipe.recv()
        except EOFError:
            self._process.join()
            raise RuntimeError(f"a build process stopped ({self._process.exitcode})") from None
        self._process.join()
        if failed:
            raise value
        return value

    def cancel(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()


def die_with_parent(parent: int | None = None) -> None:
    """Have the kernel end this worker when the process that started it dies, however it dies
    (SIGKILL included): otherwise a killed build's workers wait on their queue for ever.
    Linux only (prctl PR_SET_PDEATHSIG); elsewhere a no-op. parent: its pid, to catch a parent
    that died before this call."""
    import ctypes
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if parent is not None and os.getppid() != parent:
        os._exit(1)


def _run(pipe, fn: Callable[..., Any], args: tuple, parent: int) -> None:
    die_with_parent(parent)
    try:
        outcome = (False, fn(*args))
    except BaseException as err:  # noqa: BLE001 - handed to the parent, which raises it
        outcome = (True, err)
    try:
        pipe.send(outcome)
    except Exception:  # noqa: BLE001 - a value that does not pickle: say what happened instead
        pipe.send((True, RuntimeError(traceback.format_exc())))
