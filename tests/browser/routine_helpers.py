"""Given / When helpers shared by the routine, player and history browser tests."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from playwright.sync_api import Locator, Page, expect

# A fixed moment for Playwright's clock; time then moves only when a test moves it.
START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def open_with_clock(page: Page, url: str) -> None:
    """Open a page with a paused fake clock, so time only passes when the test says."""
    page.clock.install(time=START)
    page.goto(url)
    page.clock.pause_at(datetime(2026, 3, 2, 8, 0, 30, tzinfo=UTC))


def play_jaw_headache_to_the_end(page: Page, url: str) -> None:
    """Open the built-in "Jaw and headache" routine at url and play it to Done on the clock."""
    open_with_clock(page, f"{url}/en/routines/jaw-headache")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jaw and headache")
    page.get_by_role("button", name="Start").click()
    shows(page, count="Step 1 of 2", phase="Get ready", time="0:05", spot="The jaw muscle")
    page.clock.run_for(5_000 + 60_000 + 5_000 + 60_000 + 5_000 + 90_000)
    expect(player(page).get_by_role("heading", name="Done")).to_be_visible()


def close_player(page: Page) -> None:
    """Press Close on the Done screen, then wait until the player has taken its own step out of
    the browser's history (history.back() runs as the dialog closes, and a navigation the test
    starts before it is done would be cut short: ERR_ABORTED)."""
    player(page).get_by_role("button", name="Close").click()
    player_left_history(page)


def player_left_history(page: Page) -> None:
    """Wait until the closed player has taken its own step out of the browser's history."""
    expect(player(page)).to_be_hidden()
    deadline = time.monotonic() + 15
    while page.evaluate("Boolean(history.state && history.state.knotwisePlayer)"):
        assert time.monotonic() < deadline, "the player kept its step in the history"
        page.wait_for_timeout(50)


def player(page: Page) -> Locator:
    return page.locator("dialog.player")


def shows(page: Page, *, count: str, phase: str, time: str, spot: str | None = None) -> None:
    """Assert what the running player shows right now."""
    dialog = player(page)
    expect(dialog.locator(".player-count")).to_have_text(count)
    expect(dialog.locator(".player-phase")).to_have_text(phase)
    expect(dialog.locator(".player-time")).to_have_text(time)
    if spot:
        expect(dialog.locator(".player-spot-name")).to_have_text(spot)


def end_session(page: Page) -> None:
    """End the running session: "End session", then "End now" when the player asks."""
    player(page).get_by_role("button", name="End session").click()
    player(page).get_by_role("button", name="End now").click()


def announced(page: Page) -> Locator:
    return player(page).locator(".player-live")


def rate(scope: Locator, value: int) -> None:
    """Choose a tenderness rating on a 0 to 10 scale."""
    scope.locator(f'input[type="radio"][value="{value}"]').check()


def open_signals(page: Page) -> None:
    """Open the player's sound, vibration and voice settings."""
    page.locator(".player-options summary").click()
