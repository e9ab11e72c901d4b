"""A province's own plan for its number of clubs (content/plans.yaml) on its dashboard."""

from __future__ import annotations

import pytest

from generator.build import build, check
from generator.indicators import Summary
from generator.model.content import ProvincePlan
from generator.site.dashboard import dashboard


def test_plan_years_are_judged_when_due_and_followed_while_running():
    s = Summary(founded={2019: 20, 2023: 15, 2025: 6}, data_year=2025)
    plan = ProvincePlan(province="Hà Nội", source="Kế hoạch 12/KH-UBND", clubs={2025: 60, 2023: 30,
                                                                              2030: 80})
    board = dashboard(s, "Hà Nội", national=False, plan=plan)
    planned = {t.label: t for t in board.targets if "kế hoạch" in t.label}
    assert [(t.value, t.met) for t in planned.values()] == [
        ("35 CLB", True), ("41 CLB", False), ("41 CLB", None)]  # 2023, 2025, 2030
    assert planned["Số CLB đến năm 2030 theo kế hoạch của tỉnh"].note == "Đang thực hiện: còn 39 CLB"
    assert board.growth.reading.startswith("Hà Nội: 41 trên 60 CLB theo kế hoạch đến năm 2025.")
    reached = dashboard(Summary(founded={2020: 90}, data_year=2025), "Hà Nội", False, plan)
    assert all(t.met for t in reached.targets if "kế hoạch" in t.label)  # 2030 already reached


def test_the_province_page_shows_its_plan(mini, tmp_path):
    (mini.content / "plans.yaml").write_text(
        "plans:\n  - province: Hà Nội\n    source: Kế hoạch số 7/KH-UBND\n    clubs: {2025: 3}\n",
        "utf-8")
    result = build(mini, tmp_path / "site", pdf=False)
    page = (result.out / "clubs" / "ha-noi" / "index.html").read_text("utf-8")
    assert "Số CLB đến năm 2025 theo kế hoạch của tỉnh" in page and "Kế hoạch số 7/KH-UBND" in page
    assert "kế hoạch" not in (result.out / "clubs" / "hai-phong" / "index.html").read_text("utf-8")


@pytest.mark.parametrize("text, line, words", [
    ("plans:\n  - province: Hà Nộii\n    source: x\n    clubs: {2025: 3}\n", 2, "Hà Nội"),
    ("plans:\n  - province: Hà Nội\n    source: x\n    clubs: {25: 3}\n", 4, "2010–2050"),
    ("plans:\n  - province: Hà Nội\n    source: x\n    clubs: {2025: 3}\n"
     "  - province: Hà Nội\n    source: y\n    clubs: {2030: 5}\n", 5, "đã có kế hoạch"),
    ("plans:\n  - province: Hà Nội\n    source: x\n    clubs: {2025: 0}\n", 4, "clubs"),
])
def test_a_wrong_plan_is_pointed_at(mini, text, line, words):
    (mini.content / "plans.yaml").write_text(text, "utf-8")
    errors = [p for p in check(mini) if p.path.endswith("plans.yaml")]
    assert len(errors) == 1 and errors[0].line == line, errors
    assert words in errors[0].message + errors[0].hint
