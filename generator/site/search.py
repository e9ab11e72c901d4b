"""The site's search index: made from the records, split so one query loads only a few parts.

Two indexes, one engine (templates/site/assets/search.js):
- docs: every section of every written page (modules, stories, forms, glossary…), found by its
  words; a query's word pairs ("sức khỏe", "huyết áp") rank exact phrases first;
- places: provinces, communes and clubs, found by their names and places.

Words are folded (lower case, no marks, đ -> d), so "suc khoe", "khoẻ" and "sức khỏe" are one
word, whatever the tone placement or Unicode form typed. Each index is cut into shards by the
first three letters of a word, and its entries (title, address, excerpt) into chunks of
CHUNK entries: a query of two words loads two or three small shards and the chunks of the
results it shows. Every part is a plain script (ISHC_SEARCH.load(...)), so search works from
a web server and from a folder opened straight from disk (file://), where browsers block
fetch() and import().

Nothing here reads HTML that another tool made: docs entries come from the Markdown of the
written pages, place entries from club summaries, so the index is rebuilt from the cache in a
fraction of a second and equals a cold build's.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePosixPath

from generator import cache
from generator.indicators import Indicators
from generator.load.places import Places
from generator.load.text import WORD as _WORD
from generator.load.text import folded_words
from generator.site.data import commune_path, former_units, provinces_with_clubs

FOLDER = "search"
CHUNK = 48  # entries per chunk file: a page of results mostly needs one or two
SHARD = 3  # a word's shard is its first letters
COMMON = 0.5  # a place word in more than half the clubs ("clb", "thon") is not indexed
EXCERPT = 180  # characters of a section shown under its title
# Weights of a word's place in a section: in the page title, in the section heading, in the text.
TITLE, HEADING, TEXT = 3, 2, 1


words = folded_words


def shard_of(word: str) -> str:
    return word[:SHARD]


def shard_file(index: str, shard: str) -> str:
    # "w-" because a shard may be named "con" or "aux", which Windows reserves as file names
    # (the site is also copied to USB sticks).
    return f"{FOLDER}/{index}/w-{shard}.js"


@dataclass(frozen=True)
class DocEntry:
    page: str  # the page's title
    heading: str  # the section's heading; "" for the top of the page
    url: str  # page.html#anchor
    excerpt: str
    weights: dict[str, int]  # word or "word word" -> TITLE, HEADING or TEXT


@dataclass(frozen=True)
class PlaceEntry:
    kind: int  # 0 province, 1 commune, 2 club
    name: str
    where: str  # shown under the name
    url: str
    words: frozenset[str]  # every word it is found by
    named: frozenset[str]  # the words of its own name, which rank it first


# --- Entries -----------------------------------------------------------------------------

def doc_entries(pages: dict[str, tuple[str, str]]) -> list[DocEntry]:
    """The sections of the written pages: docs path -> (title, the page's HTML as MkDocs made
    it, taken through its plugin API: no page is converted twice, nor read back from disk)."""
    entries = []
    for path, (title, html) in sorted(pages.items()):
        if path in ("search.md",):
            continue
        entries += _sections(title, PurePosixPath(path).with_suffix(".html").as_posix(), html)
    return entries


class _Sections(HTMLParser):
    """Split a page's HTML at its h1/h2 headings into (heading, anchor, text) sections."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[list] = [["", "", []]]
        self.heading: list[str] | None = None
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("h1", "h2"):
            self.sections.append(["", dict(attrs).get("id") or "", []])
            self.heading = []
        elif tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2") and self.heading is not None:
            self.sections[-1][0] = " ".join("".join(self.heading).split())
            self.heading = None
        elif tag in ("script", "style") and self.skip:
            self.skip -= 1
        elif tag in ("p", "li", "td", "th", "div", "h3", "h4", "dd", "dt", "br", "tr"):
            self.sections[-1][2].append(" ")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.heading is not None:
            self.heading.append(data)
        else:
            self.sections[-1][2].append(data)


def _sections(title: str, url: str, html: str) -> list[DocEntry]:
    parser = _Sections()
    parser.feed(html)
    parser.close()
    merged: dict[str, list] = {}  # heading -> [anchor, texts]; the page's h1 joins its top
    for heading, anchor, parts in parser.sections:
        heading = "" if heading == title else heading
        text = " ".join("".join(parts).split())
        if heading not in merged:
            merged[heading] = [anchor, []]
        merged[heading][1].append(text)
    entries = []
    for heading, (anchor, texts) in merged.items():
        text = " ".join(t for t in texts if t)
        if not text and not heading:
            continue
        weights: dict[str, int] = {}
        for level, part in ((TEXT, text), (HEADING, heading), (TITLE, title)):
            found = words(part)
            for word in found + [f"{a} {b}" for a, b in zip(found, found[1:])]:
                weights[word] = max(weights.get(word, 0), level)
        excerpt = text if len(text) <= EXCERPT else text[:EXCERPT].rsplit(" ", 1)[0] + " …"
        entries.append(DocEntry(title, heading, f"{url}#{anchor}" if heading and anchor else url,
                                excerpt, weights))
    return entries


def place_entries(stats: Indicators, places: Places) -> list[PlaceEntry]:
    """Provinces, then communes, then clubs, each in the order of the directory."""
    provinces = provinces_with_clubs(places, stats)
    entries = []
    for p in provinces:
        s = stats.provinces[p.slug]
        merged = f" (gồm cả {', '.join(p.former)} cũ)" if p.former else ""
        entries.append(PlaceEntry(0, p.name, f"{p.kind.capitalize()}{merged} · {s.clubs} CLB",
                                  f"clubs/{p.slug}/index.html",
                                  frozenset(words(" ".join((p.name, *p.former)))),
                                  frozenset(words(p.name))))
    for p in provinces:
        for c in stats.communes[p.slug]:
            # found by the names of the communes merged into it, too ("Xã Gia Xuyên")
            former = " ".join(former_units(places, p, c.name))
            entries.append(PlaceEntry(1, c.name, f"{p.name} · {c.summary.clubs} CLB",
                                      commune_path(p.slug, c.slug),
                                      frozenset(words(f"{c.name} {p.name} {former}")),
                                      frozenset(words(c.name))))
    for p in provinces:
        province_words = words(p.name)
        for c in stats.communes[p.slug]:
            place = frozenset(words(c.name) + province_words)
            for club in c.clubs:
                where = ", ".join(x for x in (club.village, c.name, p.name) if x)
                # the club's own words were folded when it was read (model/directory.py)
                entries.append(PlaceEntry(2, club.name, where, club.url,
                                          place.union(club.search_words.split()),
                                          frozenset(_WORD.findall(club.sort_name))))
    return entries


# --- Files -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Part:
    """One index: its files by path in the site, and what meta.js says of it."""

    files: dict[str, bytes]
    meta: dict


def index_files(docs: Part, places: Part) -> dict[str, bytes]:
    """Every file of the index, by its path in the site."""
    files = {**docs.files, **places.files}
    version = cache.combine(*(f"{k}:{cache.digest(v)}" for k, v in sorted(files.items())))[:12]
    meta = {"version": version, "chunk": CHUNK, "shard": SHARD, "docs": docs.meta,
            "places": places.meta}
    files[f"{FOLDER}/meta.js"] = _script("meta", meta)
    return files


def docs_part(entries: list[DocEntry]) -> Part:
    files: dict[str, bytes] = {}
    return Part(files, _docs_files(entries, files))


def places_part(entries: list[PlaceEntry]) -> Part:
    files: dict[str, bytes] = {}
    return Part(files, _places_files(entries, files))


def _docs_files(entries: list[DocEntry], files: dict[str, bytes]) -> dict:
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, entry in enumerate(entries):
        for word, weight in entry.weights.items():
            postings[word].append((i, weight))
    total = len(entries)
    # A word pair seen in one section only adds little over its two words: not indexed.
    pairs = {w for w, p in postings.items() if " " in w and len(p) < 2}
    shards: dict[str, dict[str, dict]] = defaultdict(lambda: {"w": {}, "p": {}})
    for word, found in postings.items():
        if word in pairs:
            continue
        encoded, last = [], 0
        for i, weight in found:
            encoded.append((i - last) * 4 + weight)
            last = i
        shards[shard_of(word)]["p" if " " in word else "w"][word] = encoded
    for name, shard in shards.items():
        files[shard_file("docs", name)] = _script("shard", ["docs", name, shard])
    _chunks("docs", [[e.page, e.heading, e.url, e.excerpt] for e in entries], files)
    # Where each page's entries start: results are grouped by page without loading entries.
    starts = [i for i, e in enumerate(entries) if i == 0 or e.page != entries[i - 1].page
              or e.url.split("#")[0] != entries[i - 1].url.split("#")[0]]
    return {"entries": total, "shards": sorted(shards), "pages": starts}


def _places_files(entries: list[PlaceEntry], files: dict[str, bytes]) -> dict:
    clubs = sum(1 for e in entries if e.kind == 2)
    frequency = Counter(w for e in entries if e.kind == 2 for w in e.words)
    common = sorted(w for w, n in frequency.items() if clubs >= 50 and n > COMMON * clubs)
    skip = set(common)
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, entry in enumerate(entries):
        for word in sorted(entry.words - skip):
            postings[word].append((i, word in entry.named))
    shards: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for word, found in postings.items():
        # each entry as the gap from the one before, doubled, plus 1 when the word is in its name
        shards[shard_of(word)][word] = [(i - last) * 2 + named for (last, _), (i, named)
                                        in zip([(0, 0), *found], found)]
    for name, shard in shards.items():
        files[shard_file("places", name)] = _script("shard", ["places", name, shard])
    _chunks("places", [[e.kind, e.name, e.where, e.url] for e in entries], files)
    return {"entries": len(entries), "shards": sorted(shards), "common": common}


def _chunks(index: str, rows: list[list], files: dict[str, bytes]) -> None:
    for n in range(math.ceil(len(rows) / CHUNK)):
        part = rows[n * CHUNK:(n + 1) * CHUNK]
        files[f"{FOLDER}/{index}/e-{n}.js"] = _script("entries", [index, n, part])


def _script(call: str, value: object) -> bytes:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"ISHC_SEARCH.{call}({text});\n".encode("utf-8")
