"""The quick card at the top of each guide, and "Treat this spot now" played by the player."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import nullcontext

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from tests.browser.axe import violations
from tests.browser.conftest import PHONE, LiveServer
from tests.browser.offline_site import hung_network, save_for_offline, serve
from tests.browser.routine_helpers import open_with_clock, player, shows
from webapp import ROOT
from webapp.content import load
from webapp.i18n import NAMES

LIBRARY = load(ROOT / "data", list(NAMES))
GUIDES = [(lang, s.number, s.slug) for lang in NAMES for s in LIBRARY.spots.values()]
LOW_BACK_PIT = "/en/spots/13-low-back-pit"


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    """One phone-sized page for every guide: loading and measuring is all these tests do.

    Scripts are off: they change nothing in the card's layout (the start link becomes a button
    of the same size), and without them each guide loads several times faster."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("lang", "number", "slug"), GUIDES)
def test_the_quick_card_fits_the_first_phone_screen(live_server, phone, lang, number, slug):
    # Given a guide opened on a 390 x 844 phone
    phone.goto(f"{live_server.url}/{lang}/spots/{number}-{slug}")
    card = phone.locator(".quick-card")
    # Then Find, Press and How long and the start button are all on screen without scrolling
    lines = card.locator(".quick-lines dd")
    expect(lines).to_have_count(3)
    start = card.locator(".treat-now")
    expect(start).to_be_visible()
    text = LIBRARY.languages[lang].spots[number].quick
    expect(lines).to_have_text([text.find, text.press, text.how_long])
    assert phone.evaluate("window.scrollY") == 0
    for box in [lines.nth(i).bounding_box() for i in range(3)] + [start.bounding_box()]:
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box


def open_choices(page: Page) -> Locator:
    """Press "Treat this spot now" and return the choices it shows."""
    page.get_by_role("button", name="Treat this spot now").click()
    choices = page.locator("#treat-panel")
    # The first press loads the player's modules and markup: allow for a slow, busy machine
    expect(choices).to_be_visible(timeout=20_000)
    return choices


def until_the_scroll_rests(page: Page) -> None:
    """Wait until the page stops moving: "Treat this spot now" scrolls its Start into view
    smoothly, and Start counts as on screen a few pixels before the scroll ends. A check() in
    those last frames (Playwright scrolls its target into view first) left the page near its
    top in about one run of the module in two; with the scroll at rest, none in six."""
    last = None
    for _ in range(50):
        now = page.evaluate("window.scrollY")
        if now == last:
            return
        last = now
        page.wait_for_timeout(100)
    raise AssertionError("the page kept scrolling for 5 s")


def choose_and_start(page: Page, tool: str, side: str) -> None:
    """Open "Treat this spot now", pick a tool and a side, and press Start."""
    choices = open_choices(page)
    choices.get_by_role("radio", name=tool).check()
    choices.get_by_role("radio", name=side).check()
    choices.get_by_role("button", name="Start").click()


def test_treat_this_spot_now_plays_the_chosen_tool_and_side_and_lands_in_history(
    live_server, page: Page
):
    # Given the low back pit guide, whose dose is 2 rounds of 1 minute per side
    open_with_clock(page, live_server.url + LOW_BACK_PIT)
    choices = open_choices(page)
    expect(choices.locator(".treat-dose")).to_have_text("2 rounds of 1 min per side")
    # When the reader picks the ball against a wall, on the left side only, and starts
    choices.get_by_role("radio", name="Ball against a wall").check()
    choices.get_by_role("radio", name="Left side").check()
    choices.get_by_role("button", name="Start").click()
    # Then the player counts down round 1 with that tool and side (10 s to get to the wall)
    shows(page, count="Step 1 of 2", phase="Get ready", time="0:10", spot="The low back pit")
    expect(player(page).locator(".player-how")).to_have_text("Ball against a wall · Left side")
    page.clock.run_for(10_000)
    shows(page, count="Step 1 of 2", phase="Left side", time="1:00")
    # And the second round follows a rest of a few breaths, and then Done
    page.clock.run_for(60_000)
    shows(page, count="Step 2 of 2", phase="Rest", time="0:15")
    page.clock.run_for(15_000 + 60_000)
    done = player(page).locator(".player-done")
    expect(done.get_by_role("heading", name="Done")).to_be_visible()
    expect(done).to_contain_text("You finished The low back pit in 2 min, 25 sec.")
    # And the session is in the history
    done.get_by_role("link", name="See your history").click()
    session = page.locator(".session").first
    expect(session).to_contain_text("The low back pit")
    expect(session).to_contain_text("2 min, 25 sec")
    expect(session).to_contain_text("Finished")


def test_the_choices_show_the_picture_of_the_chosen_tool_on_the_first_screen(
    live_server, page: Page
):
    # Given the low back pit guide on a phone, with "Treat this spot now" opened
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + LOW_BACK_PIT)
    choices = open_choices(page)
    picture = choices.locator(".treat-picture svg.technique")
    start = choices.get_by_role("button", name="Start")
    # Then the picture of the first tool shows, named by its caption, and the page scrolls
    # (smoothly) until Start is on the screen
    expect(picture).to_have_count(1)
    expect(picture).to_have_attribute("data-tool", "thumb")
    expect(picture).to_have_accessible_name(re.compile("one thumb pressing the low back"))
    expect(start).to_be_in_viewport(ratio=1)
    # And when the reader then picks another tool, its picture takes the place of the first
    until_the_scroll_rests(page)
    choices.get_by_role("radio", name="Ball against a wall").check()
    expect(picture).to_have_attribute("data-tool", "ball_wall")
    expect(picture).to_have_count(1)
    # And the picture and the Start button are both still on the first phone screen
    expect(start).to_be_in_viewport(ratio=1)
    box, screen = picture.bounding_box(), page.viewport_size
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= screen["height"], box


def test_both_sides_are_each_worked_in_turn_and_the_session_can_be_saved(live_server, page):
    # Given the forearm guide and the reader's choice of both sides with the thumb
    open_with_clock(page, f"{live_server.url}/en/spots/5-forearm")
    choices = open_choices(page)
    choices.get_by_role("radio", name="Each side in turn").check()
    # When they save it as a routine of their own
    choices.get_by_role("button", name="Save as my routine").click()
    expect(choices.get_by_role("status")).to_have_text("Saved to your routines on this device.")
    # And play it: each round works the left side, then the right
    choices.get_by_role("button", name="Start").click()
    page.clock.run_for(5_000)
    shows(page, count="Step 1 of 2", phase="Left side", time="1:00", spot="The forearm")
    page.clock.run_for(60_000)
    shows(page, count="Step 1 of 2", phase="Switch sides", time="0:05")
    page.clock.run_for(5_000)
    shows(page, count="Step 1 of 2", phase="Right side", time="1:00")
    # Then the saved routine is listed with the reader's own, two steps of thumb on each side
    page.goto(f"{live_server.url}/en/routines/")
    own = page.locator(".own-card", has_text="The forearm")
    expect(own).to_have_count(1)
    own.locator(".own-play").click()
    expect(page.locator(".routine-steps li")).to_have_count(2)
    expect(page.locator(".routine-steps li").first).to_contain_text("Thumb · 1 min each side")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_card_and_its_choices_pass_axe(live_server, browser: Browser, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme, service_workers="block")
    page = context.new_page()
    page.goto(live_server.url + LOW_BACK_PIT)
    page.get_by_role("button", name="Treat this spot now").click()
    expect(page.locator("#treat-panel")).to_be_visible()
    assert violations(page) == []
    context.close()


def test_without_scripts_the_button_opens_a_routine_with_this_spot(live_server, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + LOW_BACK_PIT)
    expect(page.locator("#treat-panel")).to_be_hidden()
    page.get_by_role("link", name="Treat this spot now").click()
    expect(page).to_have_url(f"{live_server.url}/en/routines/low-back")
    expect(page.locator('.routine-step[data-spot="13"]')).to_have_count(1)
    context.close()


@pytest.fixture
def offline_guide(browser: Browser, tmp_path) -> Iterator[tuple[LiveServer, BrowserContext]]:
    """A browser that opened one guide online, which then lost the server."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    site = LiveServer({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "instance")})
    serve(site)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    save_for_offline(page, site.url + LOW_BACK_PIT)
    site.stop()
    page.close()
    yield site, context
    context.close()


@pytest.mark.parametrize("network", ["hung", "stopped"])
def test_treat_this_spot_now_works_offline(offline_guide, network):
    site, context = offline_guide
    page = context.new_page()
    with hung_network(site.port) if network == "hung" else nullcontext():
        # Given no server, or one that never answers, the guide opens from the device
        open_with_clock(page, site.url + "/en/spots/12-buttock-top")
        choose_and_start(page, "Thumb", "Right side")
        # And its session plays in the player, styled (player.css fills the screen with it)
        shows(
            page, count="Step 1 of 2", phase="Get ready", time="0:05", spot="The top of the buttock"
        )
        box = player(page).bounding_box()
        assert (round(box["width"]), round(box["height"])) == (PHONE["width"], PHONE["height"])
        page.clock.run_for(5_000 + 60_000 + 15_000 + 60_000)
        expect(player(page).get_by_role("heading", name="Done")).to_be_visible()
        # And it is in the history, offline too
        page.goto(f"{site.url}/en/history")
        expect(page.locator(".session", has_text="The top of the buttock")).to_have_count(1)
