"""Index the built site with Pagefind: a static, chunked search index that folds diacritics."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexFailed(RuntimeError):
    pass


def index_site(site: Path) -> None:
    """Write site/pagefind/: the index and the search UI used by search.html."""
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site),
                           "--output-subdir", "pagefind", "--force-language", "vi", "--silent"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SearchIndexFailed(f"Pagefind không tạo được chỉ mục tìm kiếm:\n{done.stderr or done.stdout}")
