"""The build cache in .ishc-cache/: what each source produced, keyed by content hash.

Like Pelican's file-stamp cache, a source file is read again only when its size, modification
time or inode changed since it was last read; its content hash then decides what is reused. A
file changed in the very second it was read could keep its old stamp (timestamps are coarser
than edits), so, as git does for its index, such a "racy" stamp is never trusted.

Everything here can be deleted at any time: the next build is then a cold one, with the same
output. Files are pickles written whole and renamed into place, so a killed build never leaves
half a cache; one that cannot be read, or was written by another version, is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, NamedTuple

FORMAT = 1  # bump when what is pickled here changes shape
RACY_NS = 2_000_000_000  # stamps taken this close to a file's modification are not trusted


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def combine(*parts: str) -> str:
    """One key from several: keys of the inputs an output depends on."""
    return digest("\x00".join(parts).encode())


class Stamp(NamedTuple):  # a tuple: tens of thousands are pickled on every build
    mtime_ns: int
    size: int
    ino: int
    digest: str
    taken_ns: int  # when the file was read

    def matches(self, stat: os.stat_result) -> bool:
        """The file is as it was when read: same stamp, and one that can be trusted."""
        return (self.mtime_ns == stat.st_mtime_ns and self.size == stat.st_size
                and self.ino == stat.st_ino and stat.st_mtime_ns < self.taken_ns - RACY_NS)


def stamp(stat: os.stat_result, content: bytes, taken_ns: int) -> Stamp:
    return Stamp(stat.st_mtime_ns, stat.st_size, stat.st_ino, digest(content), taken_ns)


class Shelf:
    """A mapping kept as one pickle per shard (a province, a folder of the site), so that a build
    which changed a few entries writes a few small files: pickling all 21,000 entries of a
    national set costs a quarter of a second."""

    def __init__(self, folder: Path, shard: Callable[[str], str]):
        self.folder = folder
        self.shard = shard
        self.loaded: dict[str, dict] = {}

    def load(self) -> dict[str, Any]:
        entries: dict[str, Any] = {}
        for path in sorted(self.folder.glob("*.pickle")) if self.folder.is_dir() else []:
            value = load(path)
            if isinstance(value, dict):
                self.loaded[path.stem] = value
                entries.update(value)
        return entries

    def save(self, entries: dict[str, Any]) -> None:
        shards: dict[str, dict] = defaultdict(dict)
        for key, value in entries.items():
            shards[_SAFE.sub("_", self.shard(key))][key] = value
        for name, values in shards.items():
            if self.loaded.get(name) != values:
                save(self.folder / f"{name}.pickle", values)
        for name in self.loaded.keys() - shards.keys():
            (self.folder / f"{name}.pickle").unlink(missing_ok=True)
        self.loaded = dict(shards)


_SAFE = re.compile(r"[^a-z0-9-]")


def load(path: Path) -> Any | None:
    """What save() stored at path, or None when it is missing, unreadable or of another format."""
    try:
        with path.open("rb") as stream:
            stored = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError,
            TypeError, IndexError):
        return None
    if not isinstance(stored, dict) or stored.get("format") != FORMAT:
        return None
    return stored.get("value")


def save(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            pickle.dump({"format": FORMAT, "value": value}, stream, pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The generator's own code and data: a new version of ishc invalidates every cached result."""
    package = Path(__file__).resolve().parent
    parts = []
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".csv", ".yaml") and "__pycache__" not in path.parts:
            parts.append(path.relative_to(package).as_posix())
            parts.append(digest(path.read_bytes()))
    return combine(*parts)
