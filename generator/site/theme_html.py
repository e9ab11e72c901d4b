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
