"""Print layout against reviewed pictures (tests/visual_pages.py says how to renew them)."""

from __future__ import annotations

import pytest

from visual_pages import PAGES, REFERENCES, TOLERANCE, build_mini, difference, draw


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return build_mini(tmp_path_factory.mktemp("visual"))


@pytest.mark.parametrize("pdf, page, name", PAGES, ids=[p[2] for p in PAGES])
def test_the_page_looks_as_reviewed(downloads, pdf, page, name, tmp_path):
    picture = draw(downloads / pdf, page)
    reference = REFERENCES / f"{name}.png"
    assert reference.exists(), "no reference: run `make visual-references` and review it"
    from PIL import Image

    changed = difference(picture, Image.open(reference).convert("L"))
    if changed > TOLERANCE:
        picture.save(tmp_path / f"{name}.png")
        pytest.fail(f"{pdf}, page {page + 1}: {changed:.1%} of the pixels differ from "
                    f"tests/visual/{name}.png (now: {tmp_path / f'{name}.png'}); if the change "
                    "is meant, run `make visual-references` and review the pictures")
