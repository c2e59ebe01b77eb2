"""Own routines: built, kept on the device, played, shared by link and deleted."""

from __future__ import annotations

import json
import re

from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import PHONE
from tests.browser.routine_helpers import close_player, open_with_clock, player, shows


def step_rows(page: Page):
    return page.locator(".step-row")


def chosen_spots(page: Page) -> list[str]:
    return (
        step_rows(page)
        .locator("select[data-field=spot]")
        .evaluate_all("els => els.map(e => e.value)")
    )


def add_step(page: Page, spot_label: str) -> None:
    page.get_by_label("Add a spot").select_option(label=spot_label)
    page.get_by_role("button", name="Add step").click()


def build_evening_back(page: Page, url: str) -> None:
    """Build "Evening back": the low back pit then the top of the buttock, each side 30 s."""
    page.goto(f"{url}/en/routines/")
    expect(page.get_by_text("You have no routines of your own yet.")).to_be_visible()
    page.get_by_role("link", name="New routine").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New routine")
    page.get_by_label("Name").fill("Evening back")
    add_step(page, "13. The low back pit")
    add_step(page, "12. The top of the buttock")
    for row in (0, 1):
        step_rows(page).nth(row).get_by_label("Seconds (each side)").fill("30")
    page.get_by_role("button", name="Save routine").click()
    expect(page.locator(".own-card")).to_contain_text("Evening back")


def test_a_saved_routine_is_shown_in_view_with_a_confirmation(live_server, page: Page):
    # Given the reader builds a routine and saves it
    build_evening_back(page, live_server.url)
    # Then the routines page shows it, far down as it is: in view, focused and confirmed
    card = page.locator(".own-card", has_text="Evening back")
    expect(card.locator(".own-saved")).to_have_text("Saved to your routines on this device.")
    expect(card.locator("a.own-play")).to_be_focused()
    expect(card).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 0
    expect(page).to_have_url(f"{live_server.url}/en/routines/")
    # And the confirmation is said once: not again on a reload
    page.reload()
    expect(page.locator(".own-card", has_text="Evening back")).to_be_visible()
    expect(page.locator(".own-saved")).to_have_count(0)


def test_the_editor_explains_errors_inline_and_keeps_what_was_typed(live_server, page: Page):
    # Given an empty new routine
    page.goto(f"{live_server.url}/en/routines/edit")
    # When the reader saves it with no name and no steps
    page.get_by_role("button", name="Save routine").click()
    # Then both problems are explained, at the top and where they are
    errors = page.locator(".form-errors")
    expect(errors).to_be_focused()
    expect(errors).to_contain_text("Give your routine a name.")
    expect(errors).to_contain_text("Add at least one step.")
    expect(page.get_by_label("Name")).to_have_attribute("aria-invalid", "true")
    # When they add a step with too short a time
    page.get_by_label("Name").fill("Quick jaw")
    add_step(page, "7. The jaw muscle")
    seconds = step_rows(page).first.get_by_label("Seconds (each side)")
    seconds.fill("3")
    page.get_by_role("button", name="Save routine").click()
    # Then the time is flagged beside the field, and nothing typed is lost
    expect(step_rows(page).first).to_contain_text("Choose a time from 5 seconds to 10 minutes")
    expect(seconds).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Name")).to_have_value("Quick jaw")
    expect(seconds).to_have_value("3")
    expect(page.get_by_label("Name")).not_to_have_attribute("aria-invalid", "true")
    # And too long a time is flagged too
    seconds.fill("601")
    page.get_by_role("button", name="Save routine").click()
    expect(seconds).to_have_attribute("aria-invalid", "true")
    # A spot offers only the tools it can be treated with
    tools = step_rows(page).first.get_by_label("Tool")
    expect(tools.locator("option:not([disabled])")).to_have_text(["Fingertips"])


def test_the_editor_keeps_each_hold_within_what_the_spot_s_guide_advises(live_server, page: Page):
    # Given a new routine with one step on the side of the neck (at most 60 s a side)
    page.goto(f"{live_server.url}/en/routines/edit")
    page.get_by_label("Name").fill("Long neck hold")
    add_step(page, "4. The side of the neck")
    row = step_rows(page).first
    seconds = row.get_by_label("Seconds (each side)")
    # Then the step says how long this spot may be held, and the field goes no higher
    expect(row).to_contain_text("This spot: up to 60 seconds a side, as its guide advises.")
    expect(seconds).to_have_accessible_description(re.compile("up to 60 seconds a side"))
    expect(seconds).to_have_attribute("max", "60")
    # When the reader asks for a five-minute hold and saves
    seconds.fill("300")
    page.get_by_role("button", name="Save routine").click()
    # Then nothing is saved, and the step explains the limit where it is
    message = "Hold this spot for 60 seconds a side at most, as its guide advises."
    expect(page.locator(".form-errors")).to_contain_text(message)
    expect(row).to_contain_text(message)
    expect(seconds).to_have_attribute("aria-invalid", "true")
    expect(page).to_have_url(re.compile(r"/en/routines/edit"))
    # When the step moves to the low back pit, the limit follows the spot (90 s)
    row.get_by_label("Spot").select_option(label="13. The low back pit")
    expect(row).to_contain_text("This spot: up to 90 seconds a side")
    seconds.fill("90")
    page.get_by_role("button", name="Save routine").click()
    # Then the routine is saved
    expect(page.locator(".own-card")).to_contain_text("Long neck hold")


def test_steps_can_be_reordered_and_removed(live_server, page: Page):
    page.goto(f"{live_server.url}/en/routines/edit")
    add_step(page, "1. The skull base")
    add_step(page, "11. Between the shoulder blades")
    add_step(page, "4. The side of the neck")
    page.get_by_role("button", name="Move step 3 up").click()
    assert chosen_spots(page) == ["1", "4", "11"]
    expect(page.get_by_role("button", name="Move step 2 up")).to_be_focused()
    page.get_by_role("button", name="Remove step 1").click()
    assert chosen_spots(page) == ["4", "11"]
    expect(step_rows(page).first.locator("legend")).to_have_text("Step 1")


def test_an_own_routine_is_kept_played_shared_and_deleted(
    live_server, page: Page, context: BrowserContext, browser
):
    # Given a routine the reader built
    build_evening_back(page, live_server.url)
    card = page.locator(".own-card", has_text="Evening back")
    expect(card).to_contain_text("2 min")

    # When they reload, it is still there
    page.reload()
    expect(page.locator(".own-card", has_text="Evening back")).to_be_visible()

    # And it can be edited: the editor opens with everything filled in
    card.get_by_role("link", name="Edit: Evening back").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit routine")
    expect(page.get_by_label("Name")).to_have_value("Evening back")
    expect(step_rows(page)).to_have_count(2)
    page.get_by_role("link", name="Cancel").click()

    # And it plays, with its own spots and the time it was given
    play_url = page.locator(".own-card a.own-play").get_attribute("href")
    open_with_clock(page, f"{live_server.url}{play_url}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Evening back")
    expect(page.locator(".routine-step")).to_have_count(2)
    expect(page.locator(".routine-total")).to_have_text("2 min")
    page.get_by_role("button", name="Start").click()
    shows(page, count="Step 1 of 2", phase="Get ready", time="0:05", spot="The low back pit")
    page.clock.run_for(5_000)
    shows(page, count="Step 1 of 2", phase="Left side", time="0:30")
    page.clock.run_for(30_000 + 5_000 + 30_000 + 5_000 + 30_000 + 5_000 + 30_000)
    expect(player(page).get_by_role("heading", name="Done")).to_be_visible()
    close_player(page)

    # When they share it, the link carries the routine
    page.goto(f"{live_server.url}/en/routines/")
    page.locator(".own-card").get_by_role("button", name="Share: Evening back").click()
    link = page.get_by_label("Link to this routine").input_value()
    assert "#share=" in link
    assert "Evening" not in link  # encoded, and never sent as a query to the server

    # Then a fresh browser opens the link and saves the routine there
    other = browser.new_context(viewport=PHONE)
    friend = other.new_page()
    friend.goto(link)
    expect(friend.get_by_role("heading", level=1)).to_have_text("Evening back")
    expect(
        friend.get_by_role("heading", name="Someone shared this routine with you")
    ).to_be_visible()
    expect(friend.locator(".routine-step")).to_have_count(2)
    friend.get_by_role("button", name="Save to my routines").click()
    expect(friend.locator(".shared-status")).to_be_visible()
    friend.goto(f"{live_server.url}/en/routines/")
    expect(friend.locator(".own-card", has_text="Evening back")).to_be_visible()
    other.close()

    # And back on the first device, deleting it removes it
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".own-card").get_by_role("button", name="Delete: Evening back").click()
    expect(page.locator(".own-card")).to_have_count(0)
    expect(page.get_by_text("You have no routines of your own yet.")).to_be_visible()
    page.reload()
    expect(page.locator(".own-card")).to_have_count(0)


def test_a_damaged_shared_link_is_refused(live_server, page: Page):
    page.goto(f"{live_server.url}/en/routines/play#share=eyJ2IjoxLCJuIjoiWCIsInMiOltbOTks")
    expect(page.locator(".own-problem")).to_contain_text("damaged or incomplete")
    expect(page.get_by_role("button", name="Start")).to_be_hidden()


def test_a_shared_link_with_an_impossible_step_is_refused(live_server, page: Page):
    # A well-formed link whose step uses a tool spot 7 cannot be treated with
    bad = page.evaluate(
        """() => btoa(JSON.stringify({v: 1, n: "Odd", s: [[7, "elbow", "left", 30]]}))"""
    )
    page.goto(f"{live_server.url}/en/routines/play#share={bad.rstrip('=')}")
    expect(page.locator(".own-problem")).to_contain_text("damaged or incomplete")
    expect(page.get_by_role("button", name="Save to my routines")).to_be_hidden()


def test_a_routine_holds_at_most_fifty_steps(live_server, page: Page):
    page.goto(f"{live_server.url}/en/routines/edit")
    add = page.get_by_role("button", name="Add step")
    for _ in range(50):
        add.click()
    expect(step_rows(page)).to_have_count(50)
    add.click()
    expect(step_rows(page)).to_have_count(50)
    expect(page.locator("#steps-error")).to_have_text("A routine can have at most 50 steps.")


def test_a_hold_longer_than_the_guide_advises_is_played_at_the_guides_limit(live_server, page):
    # Given an own routine from before the limits (or a shared link): 5 minutes on the side of
    # the neck, whose guide advises at most 60 seconds
    own = [{"id": "own-long", "name": "Long neck", "steps": [{"spot": 4, "tool": "fingers",
            "side": "both", "seconds": 300}]}]  # fmt: skip
    page.add_init_script(
        f"localStorage.setItem('knotwise.routines', {json.dumps(json.dumps(own))});"
    )
    # When it is opened and played
    open_with_clock(page, f"{live_server.url}/en/routines/play#own-long")
    expect(page.locator(".routine-step-how")).to_contain_text("1 min")
    expect(page.locator(".routine-step-how")).not_to_contain_text("5 min")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(5_000)
    # Then the hold is the guide's 60 seconds, not five minutes
    expect(player(page).locator(".player-count")).to_have_text("Step 1 of 1")
    expect(player(page).locator(".player-time")).to_have_text("1:00")
    page.clock.run_for(30_000)
    expect(player(page).locator(".player-time")).to_have_text("0:30")


def test_a_step_with_a_tool_its_guide_no_longer_offers_plays_the_one_it_offers_now(
    live_server, page: Page
):
    # Given an own routine and a shared link saved when the shin's guide still offered the
    # other knee (it now offers the thumb and a ball on the floor, and spots.toml says the
    # knee's steps play the ball)
    own = [{"id": "own-shin", "name": "Old shins", "steps": [{"spot": 3, "tool": "knee",
            "side": "left", "seconds": 30}]}]  # fmt: skip
    page.add_init_script(
        f"localStorage.setItem('knotwise.routines', {json.dumps(json.dumps(own))});"
    )
    # When the own routine is opened and played
    open_with_clock(page, f"{live_server.url}/en/routines/play#own-shin")
    how = page.locator(".routine-step-how")
    expect(how).to_contain_text("Ball on the floor")
    expect(how).not_to_contain_text("Knee")
    page.get_by_role("button", name="Start").click()
    # Then the player names the ball and shows its picture
    expect(player(page).locator(".player-how")).to_contain_text("Ball on the floor")
    expect(player(page).locator('svg.technique[data-tool="ball_floor"]')).to_have_count(1)
    page.clock.run_for(120_000)
    close_player(page)
    # And the editor opens it with the ball chosen, so saving it again keeps it valid
    page.goto(f"{live_server.url}/en/routines/edit#own-shin")
    expect(step_rows(page).locator("select[data-field=tool]")).to_have_value("ball_floor")
    # And a shared link naming the knee opens with the ball too, ready to save
    link = page.evaluate(
        """() => btoa(JSON.stringify({v: 1, n: "Old shins", s: [[3, "knee", "left", 30]]}))"""
    )
    page.goto(f"{live_server.url}/en/routines/play#share={link.rstrip('=')}")
    expect(page.locator(".routine-step-how")).to_contain_text("Ball on the floor")
    expect(page.get_by_role("button", name="Save to my routines")).to_be_visible()
