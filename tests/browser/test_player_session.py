"""A session in the hand: controls in reach at every phone size, pacing from the data, a side
at a time, ending on purpose, and going on after a reload."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from datetime import timedelta

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.axe import violations
from tests.browser.routine_helpers import START, announced, open_with_clock, player, shows
from webapp import ROOT

PACING = tomllib.loads((ROOT / "data" / "tools.toml").read_text())
LOW_BACK_PIT = "/{lang}/spots/13-low-back-pit"

# The phones people have: (width, height, root text size)
SIZES = [
    (320, 568, "100%"),
    (360, 740, "100%"),
    (375, 667, "100%"),
    (390, 844, "100%"),
    (390, 844, "200%"),
]


def clock_text(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def wholly_on_screen(page: Page, element: Locator) -> None:
    """Assert that an element is inside the viewport and that nothing covers its middle."""
    box = element.bounding_box()
    view = page.viewport_size
    assert box, "not rendered"
    assert box["x"] >= 0 and box["x"] + box["width"] <= view["width"], box
    assert box["y"] >= 0 and box["y"] + box["height"] <= view["height"], box
    on_top = element.evaluate(
        """(el) => { const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return el === hit || el.contains(hit); }"""
    )
    assert on_top, "something covers it"


def large_text(page: Page, size: str) -> None:
    """Set the root text size, as a phone's text setting does."""
    if size != "100%":
        page.add_style_tag(content=f"html {{ font-size: {size} !important; }}")


def one_line(button: Locator) -> bool:
    """Return whether a button's label sits on one line."""
    return button.evaluate(
        """(el) => { const range = document.createRange(); range.selectNodeContents(el);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 1)
            .map((r) => Math.round(r.top)));
          return tops.size === 1; }"""
    )


@pytest.fixture
def phone_at(browser: Browser) -> Iterator:
    """Open phone-sized pages: (width, height, scheme) -> Page. Closed after the test."""
    contexts = []

    def open_page(width: int, height: int, scheme: str = "light") -> Page:
        context = browser.new_context(
            viewport={"width": width, "height": height},
            is_mobile=True,
            has_touch=True,
            color_scheme=scheme,
            bypass_csp=True,  # only so the test can set the root text size with a style tag
            service_workers="block",
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize(("width", "height", "text"), SIZES)
def test_start_and_pause_are_on_screen_at_every_phone_size(
    live_server, phone_at, width, height, text, lang, scheme
):
    page = phone_at(width, height, scheme)
    page.goto(live_server.url + LOW_BACK_PIT.format(lang=lang))
    large_text(page, text)
    # When the reader opens "Treat this spot now", its Start is brought wholly into view
    page.locator(".quick-card button.treat-now").click()
    start = page.locator("#treat-panel .player-start")
    expect(start).to_be_visible(timeout=20_000)
    expect(start).to_be_in_viewport(ratio=1)
    page.wait_for_timeout(600)  # a smooth scroll settles
    wholly_on_screen(page, start)
    # And once the timer runs, Pause is on screen with no scrolling, its label on one line
    start.click()
    dialog = player(page)
    pause = dialog.locator(".player-pause")
    expect(dialog.locator(".player-time")).not_to_be_empty()
    wholly_on_screen(page, pause)
    assert one_line(pause)
    for control in ("player-back", "player-skip", "player-stop"):
        wholly_on_screen(page, dialog.locator(f".{control}"))
    # Paused says so, in words, and the controls stay where they were
    pause.click()
    expect(dialog.locator(".player-paused-label")).to_be_visible()
    expect(announced(page)).to_contain_text(dialog.locator(".player-paused-label").inner_text())
    wholly_on_screen(page, pause)
    assert one_line(pause)
    assert violations(page) == []


def test_every_player_control_is_big_enough_for_a_thumb(live_server, phone_at):
    page = phone_at(320, 568)
    page.goto(f"{live_server.url}/en/routines/low-back")
    page.get_by_role("button", name="Start").click()
    small = player(page).evaluate(
        """(dialog) => [...dialog.querySelectorAll('button')]
          .filter((el) => el.offsetParent !== null)
          .map((el) => [el.textContent.trim(), el.getBoundingClientRect()])
          .filter(([, r]) => r.height < 44 || r.width < 44)
          .map(([text, r]) => `${text}: ${Math.round(r.width)}x${Math.round(r.height)}`)"""
    )
    assert small == []


@pytest.mark.parametrize(("width", "height", "lang"), [(375, 667, "en"), (320, 568, "ar")])
def test_the_routine_page_start_is_on_the_first_screen_above_printing(
    live_server, phone_at, width, height, lang
):
    page = phone_at(width, height)
    page.goto(f"{live_server.url}/{lang}/routines/low-back")
    start = page.locator(".player-launch .player-start")
    expect(start).to_be_visible()
    wholly_on_screen(page, start)
    printing = page.locator(".print-action .print-button")
    expect(printing).to_be_visible()
    assert start.bounding_box()["y"] < printing.bounding_box()["y"]


def test_keyboard_hints_show_only_where_there_is_a_keyboard(live_server, browser, phone_at):
    phone = phone_at(390, 844)
    phone.goto(f"{live_server.url}/en/routines/low-back")
    expect(phone.locator(".player-launch")).to_be_visible()
    expect(phone.get_by_text("Space pauses; the arrow keys skip and go back.")).to_be_hidden()
    desk = browser.new_context(viewport={"width": 1024, "height": 768})
    page = desk.new_page()
    page.goto(f"{live_server.url}/en/routines/low-back")
    expect(page.get_by_text("Space pauses; the arrow keys skip and go back.")).to_be_visible()
    desk.close()


def marked(dialog: Locator) -> list[float]:
    """Return the x of each spot mark on the player's diagram."""
    dots = dialog.locator(".player-visual svg.diagram .spot-dot")
    return [float(x) for x in dots.evaluate_all("(els) => els.map((e) => e.getAttribute('cx'))")]


def test_a_two_round_session_on_a_ball_paces_rests_and_names_each_side(live_server, page: Page):
    ready = PACING["tools"]["ball_wall"]["ready"]
    switch = PACING["tools"]["ball_wall"]["switch"]
    rest = PACING["rest"]
    assert ready > 5 and switch > 5  # a ball needs longer than the old five seconds
    # Given the low back pit (2 rounds of 1 minute), a ball against a wall, each side in turn
    open_with_clock(page, live_server.url + LOW_BACK_PIT.format(lang="en"))
    page.get_by_role("button", name="Treat this spot now").click()
    choices = page.locator("#treat-panel")
    expect(choices).to_be_visible(timeout=20_000)
    choices.get_by_role("radio", name="Ball against a wall").check()
    choices.get_by_role("radio", name="Each side in turn").check()
    choices.get_by_role("button", name="Start").click()
    dialog = player(page)

    # Round 1: time to get to the wall, as the data says for that tool; the left side comes
    # first, marked on the left of the back view only, and the right side is next
    shows(page, count="Step 1 of 2", phase="Get ready", time=clock_text(ready))
    expect(dialog).to_have_attribute("data-current-side", "left")
    expect(dialog.locator(".player-next")).to_have_text("Next: Right side")
    assert marked(dialog) == [94.0]  # seen from the back, the body's left is the viewer's left
    page.clock.run_for(ready * 1000)
    shows(page, count="Step 1 of 2", phase="Left side", time="1:00")
    expect(dialog.locator(".player-next")).to_have_text("Next: Right side")

    # Then the switch, timed for the tool, and the mark moves to the right side only
    page.clock.run_for(60_000)
    shows(page, count="Step 1 of 2", phase="Switch sides", time=clock_text(switch))
    expect(dialog).to_have_attribute("data-current-side", "right")
    expect(dialog.locator(".player-next")).to_have_text("Next: Round 2")
    assert marked(dialog) == [106.0]
    page.clock.run_for(switch * 1000)
    shows(page, count="Step 1 of 2", phase="Right side", time="1:00")

    # Between the rounds, a rest of a few breaths, as the guides say
    page.clock.run_for(60_000)
    shows(page, count="Step 2 of 2", phase="Rest", time=clock_text(rest))
    expect(announced(page)).to_contain_text("Rest for a few easy breaths. Round 2 comes next.")
    expect(dialog).to_have_attribute("data-current-side", "left")
    page.clock.run_for(rest * 1000)
    shows(page, count="Step 2 of 2", phase="Left side", time="1:00")
    page.clock.run_for(60_000 + switch * 1000)
    shows(page, count="Step 2 of 2", phase="Right side", time="1:00")
    expect(dialog.locator(".player-next")).to_have_text("Last step")

    # Ending takes a second step: the first only asks, and the session waits
    page.clock.run_for(10_000)
    dialog.get_by_role("button", name="End session").click()
    expect(dialog.locator(".player-ask")).to_be_visible()
    expect(dialog.get_by_role("heading", name="Session ended")).to_be_hidden()
    page.clock.run_for(30_000)
    shows(page, count="Step 2 of 2", phase="Right side", time="0:50")
    dialog.get_by_role("button", name="End now").click()
    expect(dialog.get_by_role("heading", name="Session ended")).to_be_visible()


def test_a_front_view_spot_marks_the_body_side_not_the_screen_side(live_server, page: Page):
    # Given the outer thigh (front view, marked on the viewer's left: the body's right)
    open_with_clock(page, f"{live_server.url}/en/spots/8-outer-thigh")
    page.get_by_role("button", name="Treat this spot now").click()
    choices = page.locator("#treat-panel")
    expect(choices).to_be_visible(timeout=20_000)
    choices.get_by_role("radio", name="Left side").check()
    choices.get_by_role("button", name="Start").click()
    # Then the left thigh is marked: on the viewer's right, seen from the front
    expect(player(page)).to_have_attribute("data-current-side", "left")
    assert marked(player(page)) == [128.0]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_diagram_is_never_mirrored_for_right_to_left(live_server, page: Page, lang):
    open_with_clock(page, f"{live_server.url}/{lang}/routines/low-back")
    page.locator(".player-start").click()
    svg = player(page).locator(".player-visual svg.diagram")
    expect(svg).to_be_visible()
    assert svg.evaluate("(el) => getComputedStyle(el).transform") == "none"
    assert marked(player(page)) == [94.0]


def test_escape_pauses_and_asks_instead_of_ending(live_server, page: Page):
    open_with_clock(page, f"{live_server.url}/en/routines/jaw-headache")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(5_000 + 20_000)
    shows(page, count="Step 1 of 2", phase="Left side", time="0:40")
    # When Escape is pressed (or the phone's back gesture), the session pauses and asks
    page.keyboard.press("Escape")
    dialog = player(page)
    expect(dialog).to_be_visible()
    expect(dialog.locator(".player-ask")).to_be_visible()
    expect(dialog.get_by_role("button", name="Keep going")).to_be_focused()
    expect(dialog.locator(".player-paused-label")).to_be_visible()
    page.clock.run_for(60_000)
    shows(page, count="Step 1 of 2", phase="Left side", time="0:40")
    # A second Escape still does not end it
    page.keyboard.press("Escape")
    expect(dialog).to_be_visible()
    # Keep going runs the clock again from where it stood
    dialog.get_by_role("button", name="Keep going").click()
    expect(dialog.get_by_role("button", name="Pause")).to_be_focused()
    page.clock.run_for(10_000)
    shows(page, count="Step 1 of 2", phase="Left side", time="0:30")


def test_a_session_cut_short_by_a_reload_can_go_on_where_it_was(live_server, page: Page):
    # Given a routine 25 seconds into its first hold (jaw: 5 s to get ready with fingers)
    open_with_clock(page, f"{live_server.url}/en/routines/jaw-headache")
    page.locator('[data-rating="before"] input[value="6"]').check()
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(5_000 + 25_000)
    shows(page, count="Step 1 of 2", phase="Left side", time="0:35")
    # When the page is reloaded
    page.reload()
    # Then the routine offers to go on, and does so where it was, paused
    offer = page.locator(".player-resume")
    expect(offer).to_contain_text("You stopped part of the way through this session")
    offer.get_by_role("button", name="Resume where you were").click()
    dialog = player(page)
    shows(page, count="Step 1 of 2", phase="Left side", time="0:35")
    expect(dialog.locator(".player-paused-label")).to_be_visible()
    dialog.get_by_role("button", name="Resume").click()
    page.clock.run_for(35_000 + 5_000 + 60_000 + 5_000 + 90_000)
    expect(dialog.get_by_role("heading", name="Done")).to_be_visible()
    # And the history holds one session, finished, with the rating given before the reload
    page.goto(f"{live_server.url}/en/history")
    sessions = page.locator(".session", has_text="Jaw and headache")
    expect(sessions).to_have_count(1)
    expect(sessions).to_contain_text("Finished")
    expect(sessions).to_contain_text("Tenderness 6 before")


def test_an_old_interrupted_session_is_not_offered(live_server, page: Page):
    open_with_clock(page, f"{live_server.url}/en/routines/jaw-headache")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(10_000)
    page.reload()
    expect(page.locator(".player-resume")).to_be_visible()
    # Past an hour it is gone: a fresh start suits the body better
    page.clock.set_fixed_time(START + timedelta(hours=1, minutes=5))
    page.reload()
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    expect(page.locator(".player-resume")).to_have_count(0)


def test_the_time_to_get_into_position_can_be_longer_and_is_remembered(live_server, page: Page):
    ready = PACING["tools"]["ball_wall"]["ready"]
    open_with_clock(page, f"{live_server.url}/en/routines/low-back")
    page.locator(".player-options summary").click()
    page.get_by_role("radio", name="Longer").check()
    page.reload()
    page.locator(".player-options summary").click()
    expect(page.get_by_role("radio", name="Longer")).to_be_checked()
    page.get_by_role("button", name="Start").click()
    shows(page, count="Step 1 of 4", phase="Get ready", time=clock_text(2 * ready))


def test_a_damaged_kept_session_is_not_offered_and_harms_nothing(live_server, page: Page):
    page.add_init_script(
        """localStorage.setItem('knotwise.unfinished', JSON.stringify({ key: 'jaw-headache',
          steps: [{ spot: 99, tool: 'spoon', side: 'up', seconds: -1 }], part: 7,
          savedAt: Date.now() }));"""
    )
    open_with_clock(page, f"{live_server.url}/en/routines/jaw-headache")
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    expect(page.locator(".player-resume")).to_have_count(0)
    page.get_by_role("button", name="Start").click()
    shows(page, count="Step 1 of 2", phase="Get ready", time="0:05", spot="The jaw muscle")


def test_going_back_mid_session_pauses_and_asks_instead_of_leaving(live_server, page: Page):
    url = f"{live_server.url}/en/routines/jaw-headache"
    open_with_clock(page, url)
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(5_000 + 20_000)
    # When the reader goes back (a phone's back gesture), the page stays and the player asks
    page.go_back()
    dialog = player(page)
    expect(dialog.locator(".player-ask")).to_be_visible()
    assert page.url == url
    shows(page, count="Step 1 of 2", phase="Left side", time="0:40")
    # Going back again still asks, and the session can go on
    page.go_back()
    expect(dialog.locator(".player-ask")).to_be_visible()
    assert page.url == url
    dialog.get_by_role("button", name="Keep going").click()
    page.clock.run_for(10_000)
    shows(page, count="Step 1 of 2", phase="Left side", time="0:30")
    # Once ended and closed, Back leaves the page as usual
    dialog.get_by_role("button", name="End session").click()
    dialog.get_by_role("button", name="End now").click()
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()
