"""Quick sessions ("Treat this spot now") count like any other: rated, listed, reported."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.browser.routine_helpers import open_with_clock, player, rate

LOW_BACK_PIT = "/en/spots/13-low-back-pit"


def open_choices(page: Page) -> Locator:
    """Press "Treat this spot now" and return the choices it shows."""
    page.get_by_role("button", name="Treat this spot now").click()
    choices = page.locator("#treat-panel")
    expect(choices).to_be_visible(timeout=20_000)
    return choices


def play_quick_session(page: Page, tool: str, side: str, before: int | None) -> Locator:
    """Pick a tool and side, rate (or skip rating) the tenderness, play it through to Done."""
    choices = open_choices(page)
    choices.get_by_role("radio", name=tool).check()
    choices.get_by_role("radio", name=side).check()
    # The before rating is offered with the choices, and is optional
    rating = choices.get_by_role("group", name="How tender is it now?")
    expect(rating).to_be_visible()
    if before is not None:
        rate(rating, before)
    choices.get_by_role("button", name="Start").click()
    page.clock.run_for(10 * 60_000)  # more than two rounds of a minute per side with any pacing
    done = player(page).locator(".player-done")
    expect(done.get_by_role("heading", name="Done")).to_be_visible()
    return done


def report_rows(page: Page, spot_name: str) -> list[list[str]]:
    name = page.locator(".report-spot-name", has_text=spot_name)
    section = page.locator(".report-spot", has=name)
    expect(section.locator("tbody tr").first).to_be_visible()  # drawn after the page loads
    return section.locator("tbody tr").evaluate_all(
        "trs => trs.map(tr => [...tr.cells].map(td => td.textContent))"
    )


def test_a_rated_quick_session_is_reported_under_its_spot_with_tool_side_and_time(
    live_server, page: Page
):
    # Given the low back pit guide (2 rounds of 1 minute per side), at a fixed moment
    open_with_clock(page, live_server.url + LOW_BACK_PIT)
    # When the reader rates the tenderness 6, plays the thumb on the left side, then rates 3
    done = play_quick_session(page, "Thumb", "Left side", before=6)
    rate(done, 3)
    expect(done.get_by_role("status")).to_have_text("Rating saved.")
    # Then the history lists it under the spot, linked to its guide, with what was played
    page.goto(f"{live_server.url}/en/history")
    session = page.locator(".session").first
    expect(session.get_by_role("link", name="The low back pit")).to_have_attribute(
        "href", LOW_BACK_PIT
    )
    expect(session.locator(".session-how")).to_have_text("Thumb · Left side · 1 min × 2")
    expect(session.locator(".session-rating")).to_have_text("Tenderness 6 before, 3 after")
    # And the clinician report files it under its spot, like a routine's session
    page.goto(f"{live_server.url}/en/history/report")
    expect(page.locator(".report-summary")).to_have_text(
        "1 session over 1 day, from Mar 2, 2026 to Mar 2, 2026. "
        "The low back pit: tenderness from 6 to 3."
    )
    expect(page.locator(".report-spot-name")).to_have_text(["The low back pit"])
    assert report_rows(page, "The low back pit") == [
        ["Mar 2, 2026", "Thumb", "Left side", "1:00 × 2", "6", "3", ""]
    ]
    expect(page.get_by_text("no longer on this device")).to_have_count(0)


def test_the_before_rating_can_be_skipped(live_server, page: Page):
    # Given the reader starts a quick session on both sides without rating it
    open_with_clock(page, live_server.url + LOW_BACK_PIT)
    play_quick_session(page, "Ball against a wall", "Each side in turn", before=None)
    # Then it is kept unrated, and still reported under its spot with its tool, side and time
    page.goto(f"{live_server.url}/en/history")
    session = page.locator(".session").first
    expect(session.locator(".session-how")).to_have_text(
        "Ball against a wall · 1 min each side × 2"
    )
    expect(session.locator(".session-rating")).to_have_count(0)
    page.goto(f"{live_server.url}/en/history/report")
    assert report_rows(page, "The low back pit") == [
        ["Mar 2, 2026", "Ball against a wall", "Each side in turn", "1:00 × 2", "–", "–", ""]
    ]


def test_a_guide_loads_the_players_styles_only_with_the_player(live_server, page: Page):
    # Given a first visit to a guide (bench/page_weight.py: its first visit has a budget)
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(request.url))
    open_with_clock(page, live_server.url + LOW_BACK_PIT)
    expect(page.get_by_role("button", name="Treat this spot now")).to_be_visible()
    page.wait_for_load_state("networkidle")
    # Then it loaded the shared stylesheet only, and no code for an installed app's launches
    sheets = page.locator('link[rel="stylesheet"]')
    expect(sheets).to_have_count(1)
    expect(sheets).to_have_attribute("href", re.compile(r"^/static/css/app\.css\?v="))
    assert not [url for url in loaded if "/css/player.css" in url or "/launch.js" in url]
    # When the reader opens the choices
    choices = open_choices(page)
    # Then the player's styles came with them: the options fold, and the player fills the phone
    assert any("/static/css/player.css?v=" in url for url in loaded)
    summary = choices.locator(".player-options summary")
    expect(summary).to_have_css("display", "flex")
    choices.get_by_role("button", name="Start").click()
    dialog = player(page)
    expect(dialog).to_be_visible()
    box = dialog.bounding_box()
    assert box and box["width"] == page.viewport_size["width"]
    expect(dialog.locator(".player-bar")).to_have_css("border-top-style", "solid")
