"""The one font family used by the site and the handbooks: Be Vietnam Pro, from its wheel.

Both outputs read the same TTF files; the site gets them compressed to WOFF2 so a cheap phone
downloads ~4x less, the PDFs embed subsets of the TTFs.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

FAMILY = "Be Vietnam Pro"
# (file stem, CSS weight, CSS style): the faces the templates use.
FACES = (("Regular", 400, "normal"), ("Italic", 400, "italic"),
         ("SemiBold", 600, "normal"), ("SemiBoldItalic", 600, "italic"),
         ("Bold", 700, "normal"), ("BoldItalic", 700, "italic"))


class FontMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class Face:
    path: Path
    weight: int
    style: str

    @property
    def name(self) -> str:
        return self.path.stem


def faces() -> list[Face]:
    try:
        import fontpkg_be_vietnam_pro as pkg
    except ImportError as err:  # pragma: no cover - a broken install
        raise FontMissing("Thiếu phông chữ Be Vietnam Pro. Chạy: pip install fontpkg-be-vietnam-pro "
                          "(hoặc 'make site', lệnh này cài mọi thứ cần thiết).") from err
    folder = Path(pkg.ROOT) / "files"
    found = [Face(folder / f"BeVietnamPro-{stem}.ttf", weight, style) for stem, weight, style in FACES]
    missing = [f.path.name for f in found if not f.path.exists()]
    if missing:
        raise FontMissing(f"Gói phông chữ thiếu tệp: {', '.join(missing)}")
    return found


def woff2_files(cache: Path) -> list[tuple[Face, Path]]:
    """Each face compressed to WOFF2, made once and kept in cache: (face, the WOFF2 file)."""
    from fontTools.ttLib import TTFont

    cache.mkdir(parents=True, exist_ok=True)
    found = []
    for face in faces():
        digest = hashlib.sha256(face.path.read_bytes()).hexdigest()[:16]
        cached = cache / f"{face.name}-{digest}-fixed.woff2"
        if not cached.exists():
            # The same bytes on every machine and day: saving would otherwise stamp the time
            # into the font, and a site built anew would differ from one built bit by bit.
            font = TTFont(face.path, recalcTimestamp=False)
            font.flavor = "woff2"
            partial = cached.with_name(cached.name + ".part")
            font.save(partial)
            partial.replace(cached)
        found.append((face, cached))
    return found


def font_face_css(urls: list[tuple[Face, str]]) -> str:
    rules = []
    for face, url in urls:
        fmt = "woff2" if url.endswith(".woff2") else "truetype"
        rules.append(f'@font-face {{ font-family: "{FAMILY}"; src: url("{url}") format("{fmt}"); '
                     f"font-weight: {face.weight}; font-style: {face.style}; font-display: swap; }}")
    return "\n".join(rules) + "\n"


SYMBOL_FALLBACK = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # Debian fonts-dejavu-core


def missing_glyphs(text: str) -> set[str]:
    """Characters of text that neither Be Vietnam Pro nor the symbol fallback can draw."""
    from fontTools.ttLib import TTFont

    covered: set[int] = set(TTFont(faces()[0].path).getBestCmap())
    if SYMBOL_FALLBACK.exists():
        covered |= set(TTFont(SYMBOL_FALLBACK).getBestCmap())
    return {ch for ch in set(text) if not ch.isspace() and ord(ch) not in covered}
