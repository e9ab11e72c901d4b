"""The build cache in .ishc-cache/: what each source produced, keyed by content hash.

Like Pelican's file-stamp cache, a source file is hashed again only when its size, modification
time or inode changed since it was last seen; its content hash then decides what is reused. A
file changed in the very second its stamp was taken could keep its old stamp (timestamps are
coarser than edits), so, as git does for its index, such a "racy" stamp is never trusted.

Everything here can be deleted at any time: the next build is then a cold one, with the same
output. Files are pickles written whole and renamed into place, so a killed build never leaves
half a cache; one that cannot be read, or was written by another version, is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

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


class Stamps:
    """Content hashes of source files, reading only the files whose stamp changed."""

    def __init__(self, known: dict[str, Stamp], taken_ns: int):
        self.known = known
        self.trusted_before = taken_ns - RACY_NS
        self.seen: dict[str, Stamp] = {}
        self.taken_ns = time.time_ns()

    def cached(self, name: str, stat: os.stat_result) -> str | None:
        """The digest of an unchanged file, without reading it; None when it must be read."""
        old = self.known.get(name)
        if (old is not None and old.mtime_ns == stat.st_mtime_ns and old.size == stat.st_size
                and old.ino == stat.st_ino and stat.st_mtime_ns < self.trusted_before):
            self.seen[name] = old
            return old.digest
        return None

    def record(self, name: str, stat: os.stat_result, content: bytes) -> str:
        found = digest(content)
        self.seen[name] = Stamp(stat.st_mtime_ns, stat.st_size, stat.st_ino, found)
        return found


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
