"""Technique pictures as a reader sees them: in each technique section, in light and dark mode,
the same way round in Arabic, and in the player's step view."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import violations
from tests.browser.conftest import PHONE
from tests.browser.routine_helpers import open_with_clock, player

SIDE_OF_HIP = "/{lang}/spots/6-side-of-hip"  # four tools: the most pictures on one guide


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_guides_pictures_show_in_each_technique_section_and_pass_axe(
    live_server, browser, scheme
):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(live_server.url + SIDE_OF_HIP.format(lang="en"))
    sections = page.locator("section.tool")
    expect(sections).to_have_count(4)
    for i in range(4):
        picture = sections.nth(i).get_by_role("img")
        expect(picture).to_be_visible()
        box = picture.bounding_box()
        # big enough to read on a phone: a standing figure is tall, a lying one is wide
        assert min(box["width"], box["height"]) > 90 and max(box["width"], box["height"]) > 200
    helper = page.get_by_role("img", name="Lying on one side while a helper kneeling behind")
    expect(helper).to_be_visible()
    # The ball is drawn in the theme's accent colour, which differs between the schemes
    fill = page.locator("section.tool svg.technique .k").first.evaluate(
        "el => getComputedStyle(el).fill"
    )
    assert fill == ("rgb(15, 107, 92)" if scheme == "light" else "rgb(95, 208, 184)")
    assert violations(page) == []
    context.close()


def test_arabic_pictures_are_not_mirrored(live_server, browser):
    where = {}
    for lang in ("en", "ar"):
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        page.goto(live_server.url + SIDE_OF_HIP.format(lang=lang))
        picture = page.locator('section.tool svg.technique[data-tool="ball_wall"]')
        assert picture.evaluate("el => getComputedStyle(el).transform") == "none"
        # Where the ball and the body sit across the drawing, as fractions of its width
        where[lang] = picture.evaluate(
            """svg => {
              const box = svg.getBoundingClientRect();
              const x = (el) => {
                const r = el.getBoundingClientRect();
                return (r.left + r.width / 2 - box.left) / box.width;
              };
              return [x(svg.querySelector(".k")), x(svg.querySelector(".t"))];
            }"""
        )
        context.close()
    ball, body = where["en"]
    assert ball < body  # the ball (and the wall) are on the left of the person...
    assert where["ar"] == pytest.approx(where["en"], abs=0.01)  # ...in Arabic too


def test_the_player_shows_the_picture_of_the_steps_tool(live_server, page: Page):
    # The low-back routine starts with spot 13 and a ball against the wall
    open_with_clock(page, f"{live_server.url}/en/routines/low-back")
    page.locator(".player-launch").get_by_role("button", name="Start").click()
    visual = player(page).locator(".player-visual")
    picture = visual.locator("svg.technique")
    expect(picture).to_be_visible()
    expect(picture).to_have_attribute("data-tool", "ball_wall")
    expect(visual.get_by_role("img", name="Standing with the back to a wall")).to_be_visible()
    # ...beside the spot's diagram, and both fit the phone's width
    expect(visual.locator("svg.diagram")).to_be_visible()
    assert visual.bounding_box()["width"] <= PHONE["width"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_one_sided_picture_turns_to_the_side_the_player_announces(live_server, browser, lang):
    # The player marks its root with data-current-side; a picture drawn for the other side
    # turns round, one drawn for that side or for both sides stays as drawn, in any language.
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + SIDE_OF_HIP.format(lang=lang))
    wall = page.locator('section.tool svg.technique[data-tool="ball_wall"]')
    expect(wall).to_have_attribute("data-drawn-side", "left")
    floor = page.locator('section.tool svg.technique[data-tool="ball_floor"]')
    expect(floor).to_have_attribute("data-drawn-side", "right")
    mirrored = "matrix(-1, 0, 0, 1, 0, 0)"
    for side, wall_turned in (("left", False), ("right", True)):
        page.locator("main").evaluate("(el, side) => { el.dataset.currentSide = side; }", side)
        assert wall.evaluate("el => getComputedStyle(el).transform") == (
            mirrored if wall_turned else "none"
        )
        assert floor.evaluate("el => getComputedStyle(el).transform") == (
            "none" if wall_turned else mirrored
        )
    context.close()
