"""`ishc import-story`: a Word document (.docx) -> a success story in content/stories/.

mammoth reads the document's meaning (headings, lists, bold, tables, pictures) rather than its
looks, and gives clean HTML; markdownify turns that into Markdown. The first heading is the
title; the first picture, with the caption under it, becomes the story's photo, re-encoded the
way the site publishes photos (site/photos.py: at most 1,600 px, no EXIF with the GPS position
of someone's home). A story is written only when it passes the same checks as `ishc check`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.markdown import parse_markdown
from generator.load.text import nfc
from generator.load.yamlfile import YamlProblem
from generator.messages import t
from generator.project import Project

# Word's built-in caption style (English and Vietnamese Word name it differently), mapped to a
# class so the caption can be told from an ordinary paragraph.
_STYLE_MAP = "\n".join(f"p[style-name='{name}'] => p.ishc-caption:fresh"
                       for name in ("Caption", "caption", "Chú thích"))
_KINDS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}
_SENTENCE = re.compile(r"(?<=[.!?…])\s")


class ImportFailed(Exception):
    """The document cannot become a story; the message says why, in the user's language."""


@dataclass
class Picture:
    data: bytes
    kind: str  # content type as Word stored it
    caption: str = ""
    file: str = ""  # name in content/photos/ once written


@dataclass
class Imported:
    story: Path
    photos: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the user should know (not errors)


def import_story(project: Project, docx: Path, club: str, consent: str, source: str | None = None,
                 story_id: str | None = None, date: dt.date | None = None,
                 areas: tuple[str, ...] = ()) -> Imported:
    """Convert docx into content/stories/<id>.md and its pictures into content/photos/.
    consent: the record of the written consent of the people shown ("" when there is none:
    the story is then kept but not published). Raises ImportFailed; writes nothing then."""
    province = _club_province(project, club)
    title, body, pictures = convert(docx)
    story_id = story_id or slug(title)
    target = project.content / "stories" / f"{story_id}.md"
    if target.exists():
        raise ImportFailed(t("import.exists", file=project.shown(target)))
    photos = project.content / "photos"
    for number, picture in enumerate(pictures, 1):
        picture.file = f"{story_id}-{number}{_KINDS.get(picture.kind, '.jpg')}"
        if (photos / picture.file).exists():
            raise ImportFailed(t("import.exists", file=project.shown(photos / picture.file)))
    scaled = [_scaled(picture) for picture in pictures]
    today = date or dt.date.today()
    # An imported story is a real one: without a published source, the Word file itself and
    # the day it came in are its provenance.
    source = (source or "").strip() or t("import.source_file", file=docx.name,
                                         date=today.strftime("%d/%m/%Y"))
    text = story_text(title, body, club, province, consent, source, pictures[:1], today, areas)
    _check(project, text, target)
    photos.mkdir(parents=True, exist_ok=True)
    written = []
    for picture, data in zip(pictures, scaled):
        (photos / picture.file).write_bytes(data)
        written.append(photos / picture.file)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, "utf-8")
    notes = [t("import.extra_photos", count=len(pictures) - 1, files=", ".join(
        p.file for p in pictures[1:]))] if len(pictures) > 1 else []
    return Imported(target, written, notes)


def convert(docx: Path) -> tuple[str, str, list[Picture]]:
    """(title, Markdown body, pictures in order) of a Word document."""
    import mammoth

    pictures: list[Picture] = []

    def keep(image) -> dict:
        with image.open() as stream:
            pictures.append(Picture(stream.read(), image.content_type or ""))
        return {"src": f"picture:{len(pictures) - 1}"}

    try:
        with docx.open("rb") as stream:
            result = mammoth.convert_to_html(stream, style_map=_STYLE_MAP,
                                             convert_image=mammoth.images.img_element(keep))
    except OSError as err:
        raise ImportFailed(t("import.unreadable", file=docx.name, reason=err.strerror)) from err
    except Exception as err:  # a broken or non-Word file: zipfile, KeyError, XML errors
        raise ImportFailed(t("import.not_docx", file=docx.name)) from err
    return _markdown(nfc(result.value), pictures)


def _markdown(html: str, pictures: list[Picture]) -> tuple[str, str, list[Picture]]:
    from bs4 import BeautifulSoup
    from markdownify import markdownify

    soup = BeautifulSoup(html, "html.parser")
    title = ""
    heading = soup.find("h1")
    if heading is not None:
        title = heading.get_text(" ", strip=True)
        heading.decompose()
    found: list[Picture] = []
    for image in soup.find_all("img"):
        picture = pictures[int(image["src"].split(":")[1])]
        holder = image.find_parent("p") or image
        caption = holder.find_next_sibling()
        if caption is not None and "ishc-caption" in (caption.get("class") or []):
            picture.caption = caption.get_text(" ", strip=True)
            caption.decompose()
        image.decompose()
        if holder is not image and not holder.get_text(strip=True):
            holder.decompose()
        found.append(picture)
    for caption in soup.select("p.ishc-caption"):  # a caption without a picture: plain text
        del caption["class"]
    # Headings under the title: the story page's own title is the only h1.
    if soup.find("h1") is not None:
        for level in range(5, 0, -1):
            for node in soup.find_all(f"h{level}"):
                node.name = f"h{level + 1}"
    body = markdownify(str(soup), heading_style="ATX", bullets="-", strong_em_symbol="*")
    body = re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"
    if not title:
        raise ImportFailed(t("import.no_title"))
    return title, body, found


def _scaled(picture: Picture) -> bytes:
    """The picture re-encoded as the site publishes photos; other kinds (GIF, TIFF) as JPEG."""
    from generator.site.photos import NotAPhoto, scaled

    kind = {".jpg": "JPEG", ".png": "PNG", ".webp": "WEBP"}[_KINDS.get(picture.kind, ".jpg")]
    data = picture.data
    if picture.kind not in _KINDS:
        data = _as_jpeg(data)
    try:
        return scaled(data, kind)
    except NotAPhoto as err:
        raise ImportFailed(t("import.bad_picture", file=picture.file, reason=err)) from err


def _as_jpeg(data: bytes) -> bytes:
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        out = io.BytesIO()
        image.convert("RGB").save(out, "JPEG", quality=90)
        return out.getvalue()
    except (UnidentifiedImageError, OSError) as err:
        raise ImportFailed(t("import.bad_picture", file="?", reason=err)) from err


def story_text(title: str, body: str, club: str, province: str, consent: str,
               source: str, photos: list[Picture], date: dt.date,
               areas: tuple[str, ...]) -> str:
    """The story file: front matter in the order content/README.md shows, then the body."""
    given = bool(consent.strip())
    lines = ["---", f"title: {_quoted(title)}", f"date: {date.isoformat()}", f"club: {club}",
             f"province: {_quoted(province)}", f"summary: {_quoted(summary(body, title))}",
             f"consent: {'true' if given else 'false'}"
             + (f"  # {_comment(consent)}" if given else "")]
    lines.append(f"source: {_quoted(source)}")
    if areas:
        lines.append(f"areas: [{', '.join(areas)}]")
    if photos:
        photo = photos[0]
        lines += ["photo:", f"  file: {photo.file}",
                  f"  caption: {_quoted(photo.caption or title)}",
                  f"  consent: {'true' if given else 'false'}"]
    return "\n".join(lines + ["---", "", body])


def summary(body: str, title: str) -> str:
    """The first sentence of the first paragraph of text, else the title."""
    for block in body.split("\n\n"):
        text = block.strip()
        if text and text[0] not in "#-*|>!0123456789":
            sentence = _SENTENCE.split(" ".join(text.split()), maxsplit=1)[0]
            return re.sub(r"[*_\\]", "", sentence)[:300]
    return title


def slug(text: str) -> str:
    """A file name from Vietnamese text: 'Đo huyết áp' -> 'do-huyet-ap'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:8]) or "cau-chuyen"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar: any text stays text (a colon, a leading dash, 'yes')."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _comment(text: str) -> str:
    return " ".join(text.split())


def _club_province(project: Project, club: str) -> str:
    """The current province of the club with this id, from its file."""
    from generator.load.yamlfile import read_yaml_file

    found = sorted(project.clubs.glob(f"*/{club}.yaml"))
    if not found:
        raise ImportFailed(t("import.unknown_club", club=club))
    try:
        doc = read_yaml_file(found[0], project.shown(found[0]))
    except YamlProblem as err:
        raise ImportFailed(err.problem.format()) from err
    place = doc.data.get("place") if isinstance(doc.data, dict) else None
    province = place.get("province") if isinstance(place, dict) else None
    if not isinstance(province, str):
        raise ImportFailed(t("import.unknown_club", club=club))
    return province


def _check(project: Project, text: str, target: Path) -> None:
    """The story as `ishc check` would judge it among the project's sources (its photos counted
    as present): raises ImportFailed with every error."""
    from generator.editor.checks import story_problems

    try:
        source = parse_markdown(text, project.shown(target))
    except YamlProblem as err:
        raise ImportFailed(err.problem.format()) from err
    photos = re.findall(r"^  file: (\S+)$", text, re.M)
    errors = [p for p in story_problems(project, source, extra_photos=frozenset(photos))
              if p.severity == "error"]
    if errors:
        raise ImportFailed("\n".join(p.format() for p in errors))
