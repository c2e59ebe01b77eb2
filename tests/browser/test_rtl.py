"""Arabic reads right to left: the layout mirrors, the body diagrams do not."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import violations


def right_edge_gap(page: Page, selector: str) -> float:
    """Return how far the element's text starts from the right edge of the main column."""
    return page.evaluate(
        """(sel) => {
          const main = document.querySelector('main').getBoundingClientRect();
          const range = document.createRange();
          const el = document.querySelector(sel);
          range.selectNodeContents(el);
          const first = range.getClientRects()[0];
          return { right: main.right - first.right, left: first.left - main.left };
        }""",
        selector,
    )


@pytest.mark.parametrize("path", ["/ar/", "/ar/spots/13-low-back-pit"])
def test_arabic_pages_read_right_to_left(live_server, page, path):
    # Given an Arabic page on a phone
    page.goto(live_server.url + path)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    # Then the first text of the main column hugs the right edge, not the left
    gap = right_edge_gap(page, "main h1")
    assert gap["right"] < 40 < gap["left"]
    # And the body figure is not mirrored (the back view still shows the same side marked)
    assert page.locator("svg use").first.evaluate("e => getComputedStyle(e).transform") == "none"
    assert violations(page) == []


def test_english_pages_read_left_to_right(live_server, page):
    page.goto(live_server.url + "/en/spots/13-low-back-pit")
    gap = right_edge_gap(page, "main h1")
    assert gap["left"] < 40 < gap["right"]


def test_the_switcher_keeps_the_reader_on_the_same_page(live_server, page):
    page.goto(live_server.url + "/en/spots/7-jaw")
    page.locator(".language-switcher").get_by_role("link", name="Deutsch").click()
    expect(page).to_have_url(f"{live_server.url}/de/spots/7-jaw")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    # The choice is remembered: "/" now goes to German even for an English browser
    page.goto(live_server.url + "/")
    expect(page).to_have_url(f"{live_server.url}/de/")
