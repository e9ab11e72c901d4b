"""The benchmark's machinery on a few hundred clubs: it runs, and incremental equals cold.

Speed targets live in `make bench`, which prints its figures; here only that every step works
and that the build after an edit is the same, file for file, as a cold build of the edited set.
"""

from __future__ import annotations

import pytest
import yaml

from benchmarks import run as bench
from benchmarks.national import generate
from generator.load.text import fold

from conftest import REPO


@pytest.mark.slow
def test_the_benchmark_runs_and_an_edit_builds_the_same_as_cold(tmp_path):
    root = generate(tmp_path / "clubs", 300, content=REPO / "content",
                    templates=REPO / "templates", mkdocs_yml=REPO / "mkdocs.yml")
    out = tmp_path / "site"
    seconds, peak_mb = bench.cold_build(root, out)
    assert seconds > 0 and peak_mb > 50  # the sampler saw the build's processes
    bench.rebuild(root, out, "nothing changed")
    edited = bench.edit_one_club(root)
    bench.rebuild(root, out, "one club edited")
    bench.same_as_cold(root, out, tmp_path)  # stops the benchmark on any difference
    page = (out / "clubs" / edited.parent.name / f"{edited.stem}.html").read_text("utf-8")
    total = yaml.safe_load(edited.read_text("utf-8"))["members"][-1]["total"]
    assert f"<strong>{total}</strong> thành viên" in page
    assert 2 < bench.page_kb(out) < 30
    province = yaml.safe_load(edited.read_text("utf-8"))["place"]["province"]
    queries = [("suc khoe", "suc khoe"), ("huyet ap", "huyet ap"), ("thon dong hoa", "dong hoa"),
               (province, fold(province)), (fold(province), fold(province))]
    assert 0 < bench.search_kb(out, queries) < 300
    assert 0 < bench.serve_seconds(root) < 30
    assert bench.baseline(root, tmp_path) > 0
