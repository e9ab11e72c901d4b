"""Photos as the site publishes them: a copy scaled for a phone, without the file's metadata.

A phone photo is 3-8 MB and carries EXIF: the camera, the time and often the GPS position of
the home where it was taken. The site gets a re-encoded copy (at most 1,600 px, no metadata),
made once per photo and kept in the cache; the original never leaves content/photos/.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from generator import cache
from generator.messages import number, t

LONGEST = 1600  # px: sharp full-width on a phone, enough for a desktop column
MAX_BYTES = 30_000_000  # a phone's largest photos are 10-15 MB; past this it is no photo
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}


class NotAPhoto(Exception):
    """The file is not an image Pillow can read (or not of the kind its name says)."""


def published(source: Path, folder: Path) -> tuple[str, Path]:
    """(key, cached copy) of the photo at source; the copy is made when not yet cached.
    Keyed by the file's stamp: photos are many and large, and not read on every build."""
    stat = source.stat()
    if stat.st_size > MAX_BYTES:
        raise NotAPhoto(t("photo.too_big", size=number(stat.st_size), limit=number(MAX_BYTES)))
    key = cache.combine(source.name, str(stat.st_size), str(stat.st_mtime_ns), str(LONGEST))
    target = folder / f"{key}{source.suffix.lower()}"
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        data = scaled(source.read_bytes(), FORMATS[source.suffix.lower()])
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")
        partial.write_bytes(data)
        os.replace(partial, target)
    return key, target


def scaled(data: bytes, kind: str) -> bytes:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as err:
        raise NotAPhoto(str(err)) from err
    if image.format != kind:
        raise NotAPhoto(f"{image.format} ≠ {kind}")
    image = ImageOps.exif_transpose(image)  # upright as the camera meant, before EXIF goes
    image.thumbnail((LONGEST, LONGEST))
    out = io.BytesIO()
    if kind == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=82, optimize=True, progressive=True)
    elif kind == "WEBP":
        image.save(out, "WEBP", quality=80)
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue()
