"""The offline copy: the whole site in one zip that a trainer copies to a laptop or a phone and
opens from the disk (file://), with no network.

Everything the site needs ships inside it (fonts, styles, scripts, the search index as plain
scripts, the PDFs), and its links end in .html, so the copy works as it is. What cannot work
without a network — links to other web sites — is said on the pages themselves
(assets/offline.js).
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

# A fixed time for every entry: the same site gives the same zip, byte for byte.
_STAMP = (2025, 1, 1, 0, 0, 0)


def write_zip(site: Path, target: Path) -> Path:
    """Zip the site folder into target (written whole, then renamed into place)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = target.stem  # the zip opens into one folder, named like the file
    fd, partial = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            # Not the web editor (admin/): it needs `ishc serve` or GitHub, never a disk copy.
            for path in sorted(p for p in site.rglob("*")
                               if p.is_file() and p.relative_to(site).parts[0] != "admin"):
                name = f"{folder}/{path.relative_to(site).as_posix()}"
                info = zipfile.ZipInfo(name, _STAMP)
                info.compress_type = (zipfile.ZIP_STORED if path.suffix in (".pdf", ".woff2", ".png", ".jpg")
                                      else zipfile.ZIP_DEFLATED)  # already compressed
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(partial, 0o666 & ~mask)  # mkstemp made it private
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return target
