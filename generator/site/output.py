"""Writing the site: every file planned first, then only what changed written.

Each file of the site is planned with a key that changes whenever its content would: the content
hash of its inputs for a rendered page, of its bytes for a copied file. Nothing reaches the
output folder before the whole plan exists, so a build that finds an error leaves it untouched.

A first build (or one into a folder whose last build this project does not remember) builds the
whole site in a staging folder beside the output and swaps it in with two renames. A later build
changes the output in place: it writes only the files whose key changed, each whole and renamed
into place, and deletes the files no longer planned (and any other file, so that the folder
always equals a cold build). The manifest of the last build (path -> key, size, modification
time) says what the folder holds; a file changed by hand no longer matches its stamp and is
written again, and so is any file a killed build did not reach.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from generator import cache
from generator.project import Project
from generator.site.destination import check_destination

MANIFESTS = "site"  # under the cache folder


@dataclass(frozen=True, slots=True)
class Planned:
    """One file of the site: what it is made of, unless the output already holds it."""

    key: str
    data: bytes | None = None  # content made now
    source: Path | None = None  # a file to copy (from the cache), or to move (from staging)
    staged: bool = False  # source is in the staging folder and may be moved


class _Held(NamedTuple):  # a tuple: one per file of the site, pickled on every build
    key: str
    size: int
    mtime_ns: int


class Output:
    """The output folder, its manifest and the staging folder beside it."""

    def __init__(self, out: Path, cache_dir: Path, project: Project):
        self.out = out
        self._root = str(out)
        folder = cache_dir / MANIFESTS / cache.digest(str(out).encode())
        # Before anything is created or deleted: is out a folder a build may replace?
        check_destination(out, project, remembered=folder.is_dir() and out.is_dir())
        if not out.is_dir():  # the output was deleted: forget what it held
            shutil.rmtree(folder, ignore_errors=True)
        # One build at a time into a folder (ishc serve and a build by hand, say): the second
        # waits for the first, then starts from what it left.
        self._lock = _lock(folder.with_name(folder.name + ".lock"))
        self.manifest = cache.Shelf(folder, _folder_of)
        self.held: dict[str, _Held] = self.manifest.load()
        out.parent.mkdir(parents=True, exist_ok=True)
        _remove_abandoned(out)
        self.staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-{os.getpid()}-", dir=out.parent))

    @property
    def incremental(self) -> bool:
        return bool(self.held)

    def has(self, path: str, key: str) -> bool:
        """Does the output hold this file, made from the same inputs, untouched since?"""
        held = self.held.get(path)
        if held is None or held.key != key:
            return False
        try:
            stat = os.stat(f"{self._root}/{path}")  # not pathlib: called for every file
        except OSError:
            return False
        return stat.st_size == held.size and stat.st_mtime_ns == held.mtime_ns

    def discard(self) -> None:
        """Remove the staging folder and let the next build in (after writing or failing)."""
        shutil.rmtree(self.staging, ignore_errors=True)
        if not self._lock.closed:
            self._lock.close()  # closing the file releases its lock

    def write(self, plan: dict[str, Planned]) -> int:
        """Make the output folder hold exactly plan; returns how many files were written."""
        try:
            if self.incremental:
                written = self._update(plan)
            else:
                written = self._replace(plan)
        finally:
            self.discard()
        return written

    def _replace(self, plan: dict[str, Planned]) -> int:
        held = {}
        for path, item in plan.items():
            target = self.staging / path
            if not (item.staged and item.source == target):
                _put(item, target)
            stat = target.stat()
            held[path] = _Held(item.key, stat.st_size, stat.st_mtime_ns)
        site = self.staging.with_name(self.staging.name + "-site")
        self.staging.rename(site)
        os.chmod(site, 0o777 & ~_umask())  # mkdtemp made it private; a web server must read it
        self.staging.mkdir()
        _swap_in(site, self.out)
        self._remember(held)
        return len(plan)

    def _update(self, plan: dict[str, Planned]) -> int:
        held, written = {}, 0
        for path, item in plan.items():
            if item.data is None and item.source is None:  # kept: has() said it is there
                held[path] = self.held[path]
                continue
            target = self.out / path
            if item.staged and item.source is not None:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(item.source, target)
            else:
                partial = self.staging / "partial"
                _put(item, partial)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(partial, target)
            stat = target.stat()
            held[path] = _Held(item.key, stat.st_size, stat.st_mtime_ns)
            written += 1
        self._remember(held)  # before deleting: a kill now leaves only files to delete
        _remove_others(self.out, set(plan))
        return written

    def _remember(self, held: dict[str, _Held]) -> None:
        self.manifest.save(held)


def _folder_of(path: str) -> str:
    """The manifest's shard of a file: clubs/<province>/…, or its first folder."""
    parts = path.split("/", 2)
    return "-".join(parts[:2]) if parts[0] == "clubs" and len(parts) > 2 else parts[0] if len(parts) > 1 else "_"


def _put(item: Planned, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if item.data is not None:
        target.write_bytes(item.data)
    elif item.staged:
        assert item.source is not None
        os.replace(item.source, target)
    else:
        assert item.source is not None
        shutil.copyfile(item.source, target)


def _remove_others(out: Path, wanted: set[str]) -> None:
    """Delete every file not planned, then the folders left empty."""
    for folder, dirs, names in os.walk(out, topdown=False):
        relative = os.path.relpath(folder, out)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        for name in names:
            if prefix + name not in wanted:
                os.unlink(os.path.join(folder, name))
        for name in dirs:
            try:
                os.rmdir(os.path.join(folder, name))  # only when empty
            except OSError:
                pass


def _lock(path: Path):
    """An open file holding an exclusive lock on path (released when the file is closed, or
    when the process ends, however it ends)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a")
    fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove_abandoned(out: Path) -> None:
    """Staging folders of builds that were killed: their process is gone (its id is in the name)."""
    for path in out.parent.glob(f".{out.name}-*-*"):
        pid = path.name[len(out.name) + 2:].split("-", 1)[0]
        if pid.isdigit() and path.is_dir() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's
    return True


def _swap_in(new: Path, out: Path) -> None:
    """Replace out with new in two renames, so a failed build never leaves half a site."""
    old = out.with_name(f".{out.name}-old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    new.rename(out)
    if old.exists():
        shutil.rmtree(old)
