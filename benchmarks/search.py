"""search_kb of `make bench`: what one search loads, in a real browser with an empty cache."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from benchmarks.browser import browser, served
from generator.load.text import fold

STATUS_DONE = """() => {
    const text = document.getElementById("ishc-search-status").textContent;
    return text && !text.startsWith("Đang");
}"""


def measure(out: Path, queries: list[tuple[str, str]]) -> dict[str, tuple[float, bool]]:
    """query -> (KB the search code loaded, whether its first results hold the target)."""
    results = {}
    with served(out) as base, browser() as chromium:
        for query, target in queries:
            context = chromium.new_context()  # an empty cache: everything counts
            page = context.new_page()
            loaded: list[str] = []
            page.on("requestfinished", lambda request: loaded.append(request.url))
            page.goto(f"{base}/search.html?q={query}")
            page.wait_for_function(STATUS_DONE, timeout=60_000)
            titles = page.locator("#ishc-search-results .ishc-results__list > li > a").all_inner_texts()
            paths = {unquote(urlparse(u).path) for u in loaded}
            size = sum((out / p.lstrip("/")).stat().st_size for p in paths
                       if p.startswith("/search/") or p.endswith("/search.js"))
            results[query] = (size / 1000, any(target in fold(t) for t in titles[:3]))
            context.close()
    return results
