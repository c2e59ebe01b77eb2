"""The "Where does it hurt?" finder, used as a person would on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect


def offered_spots(page: Page) -> list[int]:
    section = page.locator(".region-result:not([hidden])")
    return [
        int(n)
        for n in section.locator(".spot-card").evaluate_all("els => els.map(e => e.dataset.spot)")
    ]


@pytest.mark.parametrize(
    ("region", "view", "expected", "warning"),
    [
        ("low-back", "Back of the body", {2, 6, 12, 13}, "bladder"),
        ("chest", "Front of the body", {9}, "emergency number"),
        ("face", "Front of the body", {7}, None),
        ("foot", "Front of the body", {10}, None),
        # Third content review: every region a spot sends pain to shows the flags for it
        ("abdomen", "Front of the body", {2}, "kidney stone"),
        ("shoulder", "Back of the body", {14}, "emergency number"),
        ("thigh", "Front of the body", {8}, "blood clot"),
    ],
)
def test_tapping_a_region_on_the_map_lists_its_spots(
    live_server, page, region, view, expected, warning
):
    # Given the home page on a phone
    page.goto(f"{live_server.url}/en/")
    # When the reader shows that view of the body map (a phone shows one at a time)
    page.locator(".body-map-choice").get_by_role("radio", name=view).check()
    # And taps the region (its hit area, larger than the drawn shape, takes the finger)
    page.get_by_role("group", name=view).locator(f'.region-hit[data-region="{region}"]').first.tap()
    # Then its spots are offered, best match first, with any red flags for it
    results = page.locator(".region-result:not([hidden])")
    expect(results).to_have_count(1)
    assert set(offered_spots(page)[: len(expected)]) == expected
    if warning:
        expect(results.locator(".red-flags")).to_contain_text(warning)
    assert f"region={region}" in page.url


def test_the_plain_list_works_with_the_keyboard(live_server, page):
    # Given the home page
    page.goto(f"{live_server.url}/en/")
    # When the reader tabs to "Low back" in the list and presses Enter
    link = page.locator(".region-list").get_by_role("link", name="Low back")
    link.focus()
    page.keyboard.press("Enter")
    # Then the results appear and focus moves to their heading
    heading = page.locator("#region-title-low-back")
    expect(heading).to_be_visible()
    expect(heading).to_be_focused()
    assert set(offered_spots(page)) >= {2, 6, 12, 13}
    # And choosing a spot opens its guide
    page.locator(".region-result:not([hidden]) .spot-card a").first.press("Enter")
    expect(page.locator("h1")).to_contain_text("The low back")


def test_a_region_link_followed_before_the_script_ran_still_focuses_the_results(live_server, page):
    # Given a reader who pressed Enter on "Low back" before the finder's script had loaded, so
    # that the browser followed the link's own address
    page.goto(f"{live_server.url}/en/?region=low-back#results")
    # Then the results show and focus is on their heading, as when they open in place
    heading = page.locator("#region-title-low-back")
    expect(heading).to_be_visible()
    expect(heading).to_be_focused()
    # But an address with a region and no #results (a page reloaded, shared or kept offline)
    # shows the region and leaves focus where the browser puts it
    page.goto(f"{live_server.url}/en/?region=chest")
    expect(page.locator("#region-title-chest")).to_be_visible()
    expect(page.locator("#region-title-chest")).not_to_be_focused()


def test_the_finder_works_with_scripts_off(browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/")
    page.locator(".region-list").get_by_role("link", name="Chest").click()
    expect(page.locator("#region-chest")).to_be_visible()
    expect(page.locator("#region-chest .red-flags")).to_contain_text("emergency")
    assert offered_spots(page)[0] == 9
    context.close()


def test_back_button_returns_to_the_previous_region(live_server, page):
    page.goto(f"{live_server.url}/en/")
    region_list = page.locator(".region-list")
    region_list.get_by_role("link", name="Chest").click()
    region_list.get_by_role("link", name="Foot").click()
    expect(page.locator("#region-foot")).to_be_visible()
    page.go_back()
    expect(page.locator("#region-chest")).to_be_visible()
    expect(page.locator("#region-foot")).to_be_hidden()
