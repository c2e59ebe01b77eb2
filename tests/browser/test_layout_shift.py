"""Nothing jumps: status lines float over the page, say "all saved" once, and say "offline"."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from tests.browser.axe import violations
from tests.browser.offline_site import SAVE_TIMEOUT, SAVED

GUIDE = "/{lang}/spots/13-low-back-pit"
NOW = datetime(2026, 3, 25, 12, 0, tzinfo=UTC)

# The layout shifts the page has seen since it started loading (buffered), as Chrome scores
# them for Cumulative Layout Shift: shifts right after the reader's own input do not count.
LAYOUT_SHIFTS = """() => new Promise((resolve) => {
  const name = (s) => `${s.node?.nodeName}.${s.node?.className || s.node?.id || ""}`;
  const seen = (list) => list.getEntries().filter((e) => !e.hadRecentInput)
    .map((e) => ({ value: e.value, nodes: e.sources.map(name) }));
  new PerformanceObserver((list) => resolve(seen(list)))
    .observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve([]), 1000);
})"""


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh 375 x 667 phone (iPhone SE/8): nothing saved yet."""
    context = browser.new_context(
        viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True
    )
    yield context
    context.close()


def late(route: Route) -> None:
    """Let a request through after a second."""
    time.sleep(1)
    route.continue_()


def cumulative_shift(page: Page) -> tuple[float, list]:
    shifts = page.evaluate(LAYOUT_SHIFTS)
    return sum(s["value"] for s in shifts), shifts


def saved_line(page: Page):
    return page.locator('#app-status [data-line="saved"]')


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_guide_loads_and_saves_for_offline_without_moving_anything(live_server, phone, lang):
    page = phone.new_page()
    # Given a first visit to a guide, which saves the language for offline use
    page.goto(live_server.url + GUIDE.format(lang=lang))
    expect(page.locator("#app-status")).to_have_attribute(
        "data-state", "saved", timeout=SAVE_TIMEOUT
    )
    # Then the page did not move while it loaded and said how saving went
    score, shifts = cumulative_shift(page)
    assert score <= 0.01, shifts
    # And the status line covers nothing that was painted under it for good: it stepped aside
    expect(saved_line(page)).to_be_hidden(timeout=SAVE_TIMEOUT)
    # When the reader reloads the saved guide
    page.reload()
    expect(page.locator("#app-status")).to_have_attribute(
        "data-state", "saved", timeout=SAVE_TIMEOUT
    )
    # Then nothing moves either
    score, shifts = cumulative_shift(page)
    assert score <= 0.01, shifts


def test_all_saved_is_said_once_then_steps_aside_for_good(live_server, phone):
    page = phone.new_page()
    page.clock.install(time=NOW)
    # Given a first visit: the reader sees that everything is saved
    page.goto(f"{live_server.url}/en/")
    expect(page.locator("#app-status")).to_have_attribute(
        "data-state", "saved", timeout=SAVE_TIMEOUT
    )
    expect(saved_line(page)).to_have_text(SAVED)
    expect(saved_line(page)).to_be_visible()
    # The line floats over the page: it covers no heading and pushes nothing
    assert page.locator("#app-status").evaluate("el => getComputedStyle(el).position") == "fixed"
    # When a few seconds pass, it gets out of the way
    page.clock.run_for(7000)
    expect(saved_line(page)).to_be_hidden()
    # And on later pages it does not come back
    for path in ("/en/spots/13-low-back-pit", "/en/routines/"):
        page.goto(live_server.url + path)
        expect(page.locator("#app-status")).to_have_attribute(
            "data-state", "saved", timeout=SAVE_TIMEOUT
        )
        expect(saved_line(page)).to_be_hidden()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_an_offline_device_says_so_in_one_quiet_line(live_server, browser, lang, scheme):
    context = browser.new_context(
        viewport={"width": 320, "height": 568}, is_mobile=True, color_scheme=scheme
    )
    page = context.new_page()
    # Given the guide saved on the device
    page.goto(live_server.url + GUIDE.format(lang=lang))
    expect(page.locator("#app-status")).to_have_attribute(
        "data-state", "saved", timeout=SAVE_TIMEOUT
    )
    line = page.locator('#app-status [data-line="offline"]')
    expect(line).to_have_count(0)
    # When the device loses its connection and the reader opens the guide again
    context.set_offline(True)
    page.reload()
    # Then one short line says so, in the top corner, over neither the heading nor Start
    expect(line).to_be_visible()
    expect(line).to_have_count(1)
    box = line.bounding_box()
    assert box["y"] + box["height"] <= 568 / 4
    assert box["height"] < 40, "one line"
    for other in (page.locator("main h1"), page.locator(".treat-now")):
        them = other.bounding_box()
        assert box["y"] + box["height"] <= them["y"] or them["y"] + them["height"] <= box["y"]
    assert violations(page) == []
    # When the connection comes back, the line goes
    context.set_offline(False)
    expect(line).to_have_count(0)
    context.close()


@pytest.mark.parametrize("path", ["/en/", "/en/routines/", "/en/history", "/en/history/report"])
def test_other_pages_load_without_moving_anything(live_server, phone, path):
    page = phone.new_page()
    # The scripts arrive a second late, as on a slow network: the page is painted before they
    # run, so whatever they add, remove or reveal must move nothing already on screen
    page.route("**/static/js/app.js?*", late)
    page.goto(live_server.url + path)
    expect(page.locator("#app-status")).to_have_attribute(
        "data-state", "saved", timeout=SAVE_TIMEOUT
    )
    score, shifts = cumulative_shift(page)
    assert score <= 0.01, shifts
