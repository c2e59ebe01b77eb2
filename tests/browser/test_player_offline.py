"""Routines play with no network: after one visit the server is stopped and the player goes on."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from tests.browser.conftest import PHONE, LiveServer
from tests.browser.routine_helpers import (
    open_with_clock,
    play_jaw_headache_to_the_end,
    player,
    shows,
)
from tests.browser.test_offline import save_for_offline, serve

OWN = {
    "id": "own-offline1",
    "name": "Travel neck",
    "steps": [{"spot": 1, "tool": "fingers", "side": "centre", "seconds": 20}],
    "createdAt": "2026-03-01T07:00:00.000Z",
    "updatedAt": "2026-03-01T07:00:00.000Z",
}


@pytest.fixture
def offline_context(browser: Browser, tmp_path) -> Iterator[tuple[str, BrowserContext]]:
    """A browser that visited once (and has an own routine), then lost the server."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    site = LiveServer({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "instance")})
    serve(site)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site.url}/en/routines/")
    page.evaluate(f"localStorage.setItem('knotwise.routines', {json.dumps(json.dumps([OWN]))})")
    save_for_offline(page, f"{site.url}/en/routines/")
    site.stop()
    page.close()
    yield site.url, context
    context.close()


def test_a_built_in_and_an_own_routine_both_play_offline(offline_context):
    url, context = offline_context
    page = context.new_page()
    # Given no server, a built-in routine the reader never opened plays to the end
    play_jaw_headache_to_the_end(page, url)
    page.close()

    # And the reader's own routine is listed and plays too
    page = context.new_page()
    page.goto(f"{url}/en/routines/")
    page.locator(".own-card .own-play", has_text="Travel neck").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Travel neck")
    page.close()
    page = context.new_page()
    open_with_clock(page, f"{url}/en/routines/play#own-offline1")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(5_000)
    shows(page, count="Step 1 of 1", phase="Centre", time="0:20", spot="The skull base")
    page.clock.run_for(20_000)
    expect(player(page).get_by_role("heading", name="Done")).to_be_visible()
    page.close()

    # And both sessions are in the history, offline
    page = context.new_page()
    page.goto(f"{url}/en/history")
    expect(page.locator(".session")).to_have_count(2)
    expect(page.locator(".session", has_text="Travel neck")).to_have_count(1)
    expect(page.locator(".session", has_text="Jaw and headache")).to_have_count(1)
    page.close()
