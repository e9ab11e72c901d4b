"""Two faults in the HTML of the theme's own templates, removed from every page it renders.

The W3C Nu checker rejects them, and Material (pinned, in maintenance) will not change:
- base.html gives its drawer and search checkboxes autocomplete="off" (a Firefox workaround;
  the attribute is not allowed on a checkbox, and Material's script resets both toggles);
- partials/nav-item.html writes tabindex="" on the labels of navigation sections.
Removing them here keeps us off copies of the theme's templates.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r' tabindex=""')


def repaired(html: str) -> str:
    return _EMPTY_TABINDEX.sub("", _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html))


# --- Content-Security-Policy -------------------------------------------------------------------
# The browser's own guard, should script ever reach a page past the content checks
# (validate/html_policy.py): scripts only from the site's files, and the theme's few inline
# scripts by their hash; no plug-ins, frames or forms sent elsewhere. A meta tag, so that it
# holds on any web server and in the offline copy.
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>",
                            re.S)
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
          "form-action 'self'; frame-src 'none'")


def with_policy(html: str) -> str:
    """html with a Content-Security-Policy meta tag first in its head. Inline scripts are
    allowed by hash only outside the page's article, where the theme's live: an inline script
    in the content itself stays blocked."""
    theme = _ARTICLE.sub("", html)
    hashes = sorted({_sha256(body) for body in _INLINE_SCRIPT.findall(theme)})
    policy = POLICY.format(hashes=" ".join(f"'sha256-{h}'" for h in hashes))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html.replace("<head>", f"<head>\n{meta}", 1)


def _sha256(text: str) -> str:
    import base64
    import hashlib

    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
