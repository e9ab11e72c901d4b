"""Charts and dashboards of the data pages: figures right, targets judged without rounding."""

from __future__ import annotations

import re

from generator.formatting import number
from generator.indicators import Summary
from generator.site.charts import LABELS, column_chart, nice_step, share_bar
from generator.site.dashboard import dashboard, targets


def rects(svg: str) -> list[dict[str, float]]:
    return [{k: float(v) for k, v in re.findall(r'(\w+)="([\d.]+)"', tag)}
            for tag in re.findall(r"<rect [^>]*>", svg)]


def test_columns_are_drawn_to_scale_with_a_gap_for_missing_figures():
    chart = column_chart("Thành viên", "…", ["2023", "2024", "2025"],
                         [("Tổng số", [40, 60, 80]), ("Nữ", [30, None, 56])], number)
    bars = rects(chart.svg("t"))
    assert len(bars) == 5  # one figure is missing: no column for it
    heights = [b["height"] for b in bars]  # 2023: 40, 30; 2024: 60; 2025: 80, 56
    assert abs(heights[0] / heights[3] - 40 / 80) < 0.01
    assert abs(heights[4] / heights[3] - 56 / 80) < 0.01
    assert all(b["y"] + b["height"] <= chart.baseline + 0.1 for b in bars)
    assert chart.rows[1] == ("2024", ["60", "–"])


def test_axis_steps_are_round_whole_numbers_and_labels_stay_few():
    assert [nice_step(v) for v in (0.4, 3, 9, 26, 5250)] == [1, 5, 10, 50, 10000]
    years = [str(y) for y in range(2000, 2026)]
    svg = column_chart("CLB", "…", years, [("CLB", list(range(26)))], number).svg("t")
    shown = re.findall(r'text-anchor="middle">(\d{4})<', svg)
    assert len(shown) <= LABELS and shown[-1] == "2025"


def test_chart_text_is_escaped():
    svg = column_chart("<b>x</b>", "a & b", ["<2025>"], [("s", [1])], number).svg("t")
    assert "<b>" not in svg and "&lt;2025&gt;" in svg and "a &amp; b" in svg


def test_share_bars_add_up_and_place_the_target():
    bar = share_bar("Nữ", "…", [("Nữ", 1497, "a"), ("Nam", 656, "b")], (70, "Mục tiêu 70%"))
    assert round(sum(p.share for p in bar.parts), 1) == 100
    assert bar.target.at == 70


def test_a_target_is_not_met_by_rounding():
    s = Summary(members=2153, women=1497)  # 69.5 %: shown as "69,5%", not met
    women = next(t for t in targets(s, national=False) if t.label == "Thành viên là nữ")
    assert (women.value, women.met) == ("69,5%", False)
    s = Summary(members=100, women=70, rated=162, strong=137)
    found = {t.label: t for t in targets(s, national=False)}
    assert found["Thành viên là nữ"].met is True
    assert found["CLB xếp loại mạnh hoặc rất mạnh"].met is True
    assert found["Người vay vốn là nữ"].met is None  # no loan figures: not judged


def test_the_national_dashboard_counts_new_clubs_against_decisions_1336_and_1648():
    s = Summary(founded={2020: 900, 2021: 1000, 2024: 1900, 2025: 7, 2026: 5})
    board = {t.label: t for t in dashboard(s, "Cả nước", national=True).targets}
    new = board["CLB thành lập mới 2025–2030"]
    assert new.value == "12 CLB" and new.met is False and "1648" in new.source
    old = board["CLB thành lập mới 2021–2025"]  # 2020 is before the decision's period
    assert old.value == "2.907 CLB" and old.met is False and "1336" in old.source
    assert not any("2025–2030" in t.label for t in targets(s, national=False))
