"""The guided session player, driven by Playwright's clock so minutes pass in milliseconds."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import violations
from tests.browser.routine_helpers import (
    announced,
    end_session,
    open_signals,
    open_with_clock,
    player,
    player_left_history,
    rate,
    shows,
)


def test_a_routine_plays_start_to_finish_and_lands_in_history(live_server, page: Page):
    # Given the "Jaw and headache" routine: jaw 1 min each side, then the skull base 1 min 30
    open_with_clock(page, f"{live_server.url}/en/routines/jaw-headache")
    launcher = page.locator(".player-launch")
    rate(launcher.locator('[data-rating="before"]'), 6)

    # When the reader presses Start, a 5-second get-ready lead-in comes first
    launcher.get_by_role("button", name="Start").click()
    expect(player(page)).to_be_visible()
    shows(page, count="Step 1 of 2", phase="Get ready", time="0:05", spot="The jaw muscle")
    expect(announced(page)).to_contain_text("Step 1 of 2: The jaw muscle. Fingertips, Left side")
    assert page.evaluate("document.body.dataset.busy") == "routine"

    # Then the left side counts down its full minute
    page.clock.run_for(5_000)
    shows(page, count="Step 1 of 2", phase="Left side", time="1:00")
    page.clock.run_for(30_000)
    shows(page, count="Step 1 of 2", phase="Left side", time="0:30")
    # Screen readers hear the change of step, not every passing second
    expect(announced(page)).to_have_text("Go.")
    expect(player(page).locator(".player-time")).to_have_attribute("role", "timer")

    # Pausing stops the clock, however long the reader waits
    player(page).get_by_role("button", name="Pause").click()
    expect(announced(page)).to_contain_text("Paused")
    page.clock.run_for(120_000)
    shows(page, count="Step 1 of 2", phase="Left side", time="0:30")
    player(page).get_by_role("button", name="Resume").click()

    # The switch to the other side is called out, and the right side gets its full minute
    page.clock.run_for(30_000)
    shows(page, count="Step 1 of 2", phase="Switch sides", time="0:05")
    expect(announced(page)).to_contain_text("Switch sides: Right side.")
    page.clock.run_for(5_000)
    shows(page, count="Step 1 of 2", phase="Right side", time="1:00")

    # Skip moves on to the next step's get-ready
    page.clock.run_for(10_000)
    player(page).get_by_role("button", name="Skip").click()
    shows(page, count="Step 2 of 2", phase="Get ready", time="0:05", spot="The skull base")
    expect(announced(page)).to_contain_text("Step 2 of 2: The skull base. Fingertips, Centre")
    page.clock.run_for(5_000)
    shows(page, count="Step 2 of 2", phase="Centre", time="1:30")

    # And when the last step runs out, the Done screen appears
    page.clock.run_for(90_000)
    done = player(page).locator(".player-done")
    expect(done.get_by_role("heading", name="Done")).to_be_visible()
    # 5 + 60 (the pause not counted) + 5 + 10 + 5 + 90 seconds of session
    expect(done).to_contain_text("You finished Jaw and headache in 2 min, 55 sec.")
    assert page.evaluate("document.body.dataset.busy") is None
    rate(done, 3)
    expect(done.get_by_role("status")).to_have_text("Rating saved.")

    # The session is in the history with its duration and both ratings
    done.get_by_role("link", name="See your history").click()
    session = page.locator(".session").first
    expect(session).to_contain_text("Jaw and headache")
    expect(session).to_contain_text("2 min, 55 sec")
    expect(session).to_contain_text("Finished")
    expect(session).to_contain_text("Tenderness 6 before, 3 after")
    expect(page.locator(".trend svg")).to_be_visible()


def test_a_page_left_in_the_background_catches_up_from_timestamps(live_server, page: Page):
    # Given a routine playing
    open_with_clock(page, f"{live_server.url}/en/routines/neck-headache")
    page.get_by_role("button", name="Start").click()
    # When no timer runs for 105 seconds (a throttled background tab) and the page is looked at
    page.clock.fast_forward(105_000)
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    # Then the player shows where the routine really is: 5 s to get ready for fingers, 90 s of
    # step 1, 10 s to get ready against a wall
    shows(
        page, count="Step 2 of 3", phase="Centre", time="1:30", spot="Between the shoulder blades"
    )


def test_the_player_works_from_the_keyboard(live_server, page: Page):
    # Given a started routine, with focus on the player
    open_with_clock(page, f"{live_server.url}/en/routines/low-back")
    page.get_by_role("button", name="Start").press("Enter")
    dialog = player(page)
    expect(dialog.get_by_role("button", name="Pause")).to_be_focused()
    # Space pauses and resumes (a ball against a wall: 10 s to get ready)
    page.keyboard.press("Space")
    expect(dialog.get_by_role("button", name="Resume")).to_be_visible()
    page.clock.run_for(10_000)
    shows(page, count="Step 1 of 4", phase="Get ready", time="0:10")
    # Space works wherever focus is in the player, not only on the Pause button
    dialog.locator(".player-time").click()
    page.keyboard.press("Space")
    expect(dialog.get_by_role("button", name="Pause")).to_be_visible()
    # The right arrow skips ahead, the left arrow goes back
    page.keyboard.press("ArrowRight")
    shows(page, count="Step 1 of 4", phase="Left side", time="1:00")
    page.keyboard.press("ArrowRight")
    shows(page, count="Step 1 of 4", phase="Switch sides", time="0:08")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    shows(page, count="Step 2 of 4", phase="Get ready", time="0:10", spot="The top of the buttock")
    page.keyboard.press("ArrowLeft")
    shows(page, count="Step 1 of 4", phase="Switch sides", time="0:08", spot="The low back pit")
    # Escape pauses and asks; "End now" ends the session early, and Escape then closes
    page.clock.run_for(20_000)
    page.keyboard.press("Escape")
    expect(dialog.get_by_role("button", name="Keep going")).to_be_focused()
    dialog.get_by_role("button", name="End now").click()
    expect(dialog.get_by_role("heading", name="Session ended")).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("button", name="Start")).to_be_focused()
    player_left_history(page)
    page.goto(f"{live_server.url}/en/history")
    expect(page.locator(".session").first).to_contain_text("Stopped early")


def test_ending_early_keeps_the_session_as_stopped(live_server, page: Page):
    open_with_clock(page, f"{live_server.url}/en/routines/shoulder")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(25_000)
    # End asks first, and the clock stands still while it asks
    player(page).get_by_role("button", name="End session").click()
    expect(player(page).locator(".player-ask")).to_contain_text("End the session now?")
    expect(player(page).locator(".player-paused-label")).to_be_visible()
    page.clock.run_for(30_000)
    player(page).get_by_role("button", name="End now").click()
    done = player(page).locator(".player-done")
    expect(done.get_by_role("heading", name="Session ended")).to_be_visible()
    expect(done).to_contain_text("You stopped after 25 sec.")
    page.goto(f"{live_server.url}/en/history")
    session = page.locator(".session").first
    expect(session).to_contain_text("Shoulder")
    expect(session).to_contain_text("25 sec · Stopped early")


def test_signals_follow_the_settings_and_the_screen_stays_on(live_server, page: Page):
    # Given a page that records wake lock requests and vibrations
    page.add_init_script(
        """
        window.__log = [];
        navigator.vibrate = (p) => { window.__log.push('vibrate'); return true; };
        const fake = { released: false, release() { this.released = true;
          window.__log.push('release'); return Promise.resolve(); } };
        Object.defineProperty(navigator, 'wakeLock', { value: { request: async () => {
          window.__log.push('lock'); fake.released = false; return fake; } } });
        window.__fakeLock = fake;
        Object.defineProperty(navigator, 'audioSession', { value: { type: 'auto' } });
        """
    )
    open_with_clock(page, f"{live_server.url}/en/routines/jaw-headache")
    # Spoken cues are off until the reader turns them on
    open_signals(page)
    expect(page.get_by_role("checkbox", name="Spoken cues")).not_to_be_checked()
    page.get_by_role("checkbox", name="Vibrate (where the phone allows)").uncheck()
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(6_000)
    assert page.evaluate("window.__log") == ["lock"]
    # Pausing lets the screen sleep; resuming keeps it on again
    player(page).get_by_role("button", name="Pause").click()
    player(page).get_by_role("button", name="Resume").click()
    assert page.evaluate("window.__log") == ["lock", "release", "lock"]
    # The sounds mix with the reader's own music instead of stopping it
    assert page.evaluate("navigator.audioSession.type") == "ambient"
    # When the system drops the lock while the page is away, coming back takes it again
    page.evaluate(
        "window.__fakeLock.released = true; document.dispatchEvent(new Event('visibilitychange'))"
    )
    assert page.evaluate("window.__log") == ["lock", "release", "lock", "lock"]
    # Finishing lets the screen sleep
    end_session(page)
    assert page.evaluate("window.__log")[-1] == "release"
    # The vibrate setting is remembered on this device
    page.reload()
    open_signals(page)
    expect(
        page.get_by_role("checkbox", name="Vibrate (where the phone allows)")
    ).not_to_be_checked()
    page.get_by_role("checkbox", name="Vibrate (where the phone allows)").check()
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(6_000)
    assert page.evaluate("window.__log").count("vibrate") >= 2


FAKE_SPEECH = """
    window.__spoken = [];
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    Object.defineProperty(window, 'speechSynthesis', { value: {
      getVoices: () => window.__voices || [],
      speak: (u) => window.__spoken.push([u.text, u.lang]),
      cancel() {},
      addEventListener() {},
    } });
"""


def test_spoken_cues_use_a_voice_of_the_page_language(live_server, page: Page):
    page.add_init_script(FAKE_SPEECH + "window.__voices = [{ lang: 'en-GB', name: 'Fake' }];")
    open_with_clock(page, f"{live_server.url}/en/routines/jaw-headache")
    open_signals(page)
    page.get_by_role("checkbox", name="Spoken cues").check()
    expect(page.get_by_text("This device has no voice for this language")).to_be_hidden()
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(5_000)
    spoken = page.evaluate("window.__spoken")
    assert spoken[0] == ["Step 1 of 2: The jaw muscle. Fingertips, Left side.", "en-GB"]
    assert spoken[1][0].startswith("Let your mouth hang slightly open.")


def test_spoken_cues_stay_silent_without_a_voice_for_the_language(live_server, page: Page):
    page.add_init_script(FAKE_SPEECH + "window.__voices = [{ lang: 'de-DE', name: 'Fake' }];")
    open_with_clock(page, f"{live_server.url}/en/routines/jaw-headache")
    open_signals(page)
    page.get_by_role("checkbox", name="Spoken cues").check()
    expect(page.get_by_text("This device has no voice for this language")).to_be_visible()
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(10_000)
    assert page.evaluate("window.__spoken") == []
    expect(player(page).locator(".player-phase")).to_have_text("Left side")


def test_the_routine_page_reads_without_scripts(browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/routines/low-back")
    expect(page.get_by_role("heading", level=1)).to_have_text("Low back")
    expect(page.locator(".routine-step")).to_have_count(4)
    expect(page.get_by_role("link", name=re.compile("The low back pit"))).to_be_visible()
    expect(page.get_by_text("Turn on JavaScript to use the timed player")).to_be_visible()
    expect(page.get_by_role("button", name="Start")).to_have_count(0)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_the_routine_page_and_the_player(browser, live_server, scheme):
    # axe waits on real timers, so this test lets time run normally
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/routines/desk-worker")
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    assert violations(page) == []
    page.get_by_role("button", name="Start").click()
    expect(player(page).locator(".player-time")).not_to_be_empty()
    assert violations(page) == []
    player(page).get_by_role("button", name="Pause").click()
    assert violations(page) == []
    for _ in range(12):  # six parts (two steps are two-sided), each a lead-in and a hold
        player(page).get_by_role("button", name="Skip").click()
    expect(player(page).get_by_role("heading", name="Done")).to_be_visible()
    assert violations(page) == []
    context.close()
