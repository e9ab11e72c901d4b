"""What WeasyPrint may read while it prints: files inside the project, the fonts, data: URLs.

WeasyPrint fetches whatever a document points at: a link or picture in a module that names
/etc/passwd, a file in someone's home folder or a web address would be read (or requested)
during the build and could end up inside a handbook. This fetcher serves files under the
allowed folders only and refuses everything else, which stops the rendering (a fatal error in
WeasyPrint's terms) so the build reports it instead of printing a book without it.
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher


class Refused(FatalURLFetchingError):
    """A document asked for something outside what it may read."""

    def __init__(self, url: str):
        super().__init__(url)
        self.url = url


class ProjectFetcher(URLFetcher):
    """Serves data: URLs and files under `allowed` (real paths, links followed)."""

    def __init__(self, allowed: tuple[str, ...], **options):
        super().__init__(**options)
        self.allowed = tuple(os.path.realpath(folder) for folder in allowed)

    def fetch(self, url, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file" and self._inside(unquote(urlsplit(url).path)):
            return super().fetch(url, headers)
        raise Refused(url)

    def _inside(self, path: str) -> bool:
        real = os.path.realpath(path)
        return any(real == folder or real.startswith(folder + os.sep) for folder in self.allowed)
