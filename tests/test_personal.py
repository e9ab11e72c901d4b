"""Phone numbers, ID-card numbers and e-mail addresses of people are refused wherever they
would be published, at their line; the association's office contact is not a person's."""

from __future__ import annotations

import pytest

from generator.build import check
from generator.model.personal import personal_data

from conftest import write_story


@pytest.mark.parametrize("text, key", [
    ("Gọi chị Hoa: 0912 345 678", "personal.phone"),
    ("ĐT 0912.345.678 để hỏi", "personal.phone"),
    ("liên hệ +84 912 345 678", "personal.phone"),
    ("máy bàn 024 3826 1234", "personal.phone"),
    ("CCCD 001203004567", "personal.id_card"),
    ("thư: hoa.nguyen@example.vn", "personal.email"),
])
def test_personal_data_is_found(text, key):
    assert [k for _, k, _ in personal_data(text)] == [key]


@pytest.mark.parametrize("text", [
    "Quỹ có 50.000.000 đồng, cho 12 hộ vay 2.500.000 đồng.",
    "Quyết định 1648/QĐ-TTg ngày 01/08/2025; Đề án 3007.",
    "Huyết áp 160/95 mmHg; 424 lượt thăm năm 2024.",
    "Tổng đài 111 và 115 hoạt động cả ngày.",
    "Mã số thuế 0101234567-001",
])
def test_ordinary_figures_are_not_personal_data(text):
    assert personal_data(text) == []


def test_a_phone_in_a_club_name_is_an_error_but_the_office_contact_is_not(mini):
    club = mini.clubs / "ha-noi" / "dong-hoang.yaml"
    text = club.read_text("utf-8")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  village:"))
    lines[at] = "  village: thôn Đông Hoàng (chị Lan 0987654321)"
    lines.append("contact: {organisation: Hội NCT xã, phone: 024 3826 1234}")
    club.write_text("\n".join(lines) + "\n", "utf-8")
    errors = [p for p in check(mini) if p.severity == "error"]
    assert [(p.path, p.line) for p in errors] == [("clubs/ha-noi/dong-hoang.yaml", at + 1)]
    assert "0987654321" in errors[0].message


def test_a_story_with_an_email_or_an_id_is_refused_at_its_lines(mini):
    write_story(mini, "lo", "Đoạn một.\n\nBà Tư, CCCD 036155001234, kể lại.\n",
                summary="Viết cho hoa@example.vn")
    found = sorted((p.line, p.message.split("'")[1]) for p in check(mini) if p.path.endswith("lo.md"))
    assert found == [(4, "hoa@example.vn"), (11, "036155001234")]
