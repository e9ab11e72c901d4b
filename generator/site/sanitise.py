"""The last line on every written page's content: nh3 (Ammonia) keeps only known tags,
attributes and link schemes.

The content policy (validate/html_policy.py) refuses anything else at its source line, and the
Content-Security-Policy (theme_html.py) stops what a browser would run; this pass guarantees the
HTML itself holds nothing else, whatever Markdown made of the source. The allowlist is what
the written pages' templates and Markdown's extensions produce, and no more. The home and search
pages are ours alone (their search form would not pass) and are left as rendered.
"""

from __future__ import annotations

import nh3

from generator.validate.html_policy import TAGS

_TAGS = set(TAGS) | {"h1", "nav", "section", "article", "figure", "figcaption", "cite"}
_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href", "tabindex"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "style", "scope"},
    "col": {"style", "span"},
    "details": {"open"},
    "ol": {"start"},
}
OWN_PAGES = frozenset({"index.md", "search.md"})


def sanitised(html: str) -> str:
    return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     generic_attribute_prefixes={"aria-"}, link_rel=None,
                     filter_style_properties={"text-align", "width"})
