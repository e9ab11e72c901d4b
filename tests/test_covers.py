"""Handbook covers: an office cover by default (white ground, prints in black and white), the
full-colour cover for a print shop with `ishc build --cover color` (issue #13)."""

from generator.build import load_portal
from generator.cli import _parser
from generator.handbooks.compose import Composer


def cover_css(html: str) -> str:
    return html.split("<style>", 1)[1].split("</style>", 1)[0]


def test_the_office_cover_has_a_white_ground_and_the_colour_cover_fills_the_page(mini):
    portal, _ = load_portal(mini)
    office = Composer(portal, mini).handbooks()[0].html
    color = Composer(portal, mini, "color").handbooks()[0].html
    assert "background: #00695c" not in cover_css(office)
    assert ".cover { background: #00695c; color: white" in cover_css(color)
    assert office.split("</style>", 1)[1] == color.split("</style>", 1)[1]  # same book


def test_the_build_command_offers_the_cover():
    args = _parser().parse_args(["build", "--cover", "color"])
    assert args.cover == "color" and _parser().parse_args(["build"]).cover == "office"
