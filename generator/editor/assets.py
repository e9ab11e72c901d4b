"""Decap CMS's files: fetched from the npm registry at setup, served from the site's /admin/.

Decap CMS, not Sveltia CMS: Decap's Vietnamese interface is inside its npm bundle, while Sveltia
has fetched every non-English locale from a CDN at run time since August 2026, so an association
office without internet (or behind a filter) would get a broken or English editor. The bundle is
never loaded from a CDN and never committed: `make setup` (or `python -m generator.editor.assets`)
downloads the pinned tarball from the registry, checks it against the registry's published
SHA-512 and unpacks its dist/ folder into a cache shared by every project of this user; the build
copies it into site/admin/.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import shutil
import sys
import tarfile
import urllib.request
from pathlib import Path

NAME = "decap-cms"
VERSION = "3.16.3"
TARBALL = f"https://registry.npmjs.org/{NAME}/-/{NAME}-{VERSION}.tgz"
INTEGRITY = ("sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwU"
             "YhUJDYtYw==")
MAIN = "decap-cms.js"


def folder() -> Path:
    """Where the unpacked bundle lives: $ISHC_EDITOR_DIR, else the user's cache."""
    given = os.environ.get("ISHC_EDITOR_DIR")
    if given:
        return Path(given)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "ishc" / f"{NAME}-{VERSION}"


def installed() -> Path | None:
    found = folder()
    return found if (found / MAIN).is_file() else None


def bundle_files(dist: Path) -> list[Path]:
    """What the page loads: the main script, its chunks, WebAssembly, and the licences."""
    return sorted(p for p in dist.iterdir() if p.is_file() and (
        p.name == MAIN or p.name.endswith(f".{MAIN}") or p.suffix == ".wasm"
        or p.name.endswith(".LICENSE.txt") and p.name.startswith(MAIN)))


def fetch(target: Path | None = None, url: str = TARBALL) -> Path:
    """Download, check and unpack the pinned bundle into target (default: folder())."""
    target = target or folder()
    if (target / MAIN).is_file():
        return target
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 - fixed https URL
        data = response.read()
    algorithm, _, expected = INTEGRITY.partition("-")
    got = base64.b64encode(hashlib.new(algorithm, data).digest()).decode("ascii")
    if got != expected:
        raise RuntimeError(f"{url}: SHA-512 {got} ≠ {expected}")
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member in archive.getmembers():
            name = member.name.removeprefix("package/")
            if member.isfile() and name.startswith("dist/") and "/" not in name[5:] \
                    and not name.endswith(".map") and not _other_build(name[5:]):
                with archive.extractfile(member) as source:
                    (partial / name[5:]).write_bytes(source.read())
            elif member.isfile() and name == "LICENSE":
                with archive.extractfile(member) as source:
                    (partial / "LICENSE").write_bytes(source.read())
    shutil.rmtree(target, ignore_errors=True)
    os.replace(partial, target)
    return target


def _other_build(name: str) -> bool:
    """The package holds each script twice, as cms.js and decap-cms.js: keep one."""
    return (name == "cms.js" or name.endswith(".cms.js") or name.startswith("cms.")) \
        and MAIN not in name


def main() -> int:
    try:
        where = fetch()
    except (OSError, RuntimeError) as err:
        print(f"Không tải được {NAME} {VERSION} từ npm: {err}", file=sys.stderr)
        return 1
    print(f"{NAME} {VERSION}: {where}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
