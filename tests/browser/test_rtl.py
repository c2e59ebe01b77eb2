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


# Where a line's last character is drawn: at the end of its line (right in left-to-right text),
# and where a link's first character is drawn: at the start of its first line.
SOURCE_EDGES = """() => [...document.querySelectorAll('.sources li')].map((li) => {
  const edge = (node, at) => { const r = document.createRange();
    r.setStart(node, at); r.setEnd(node, at + 1); return r.getBoundingClientRect(); };
  const bdi = li.querySelector('bdi');
  const text = (bdi || li).firstChild;
  const last = edge(text, text.textContent.trimEnd().length - 1);
  const range = document.createRange();
  range.selectNodeContents(text);
  const lines = range.getClientRects();
  const link = li.querySelector('a');
  const first = link && edge(link.firstChild, 0);
  return { text: text.textContent.slice(-12),
           lastAtEnd: Math.abs(lines[lines.length - 1].right - last.right) < 2,
           linkStartsLeft: !link || Math.abs(link.getClientRects()[0].left - first.left) < 2 };
})"""


@pytest.mark.parametrize("path", ["/ar/spots/13-low-back-pit", "/ar/about"])
def test_english_sources_and_addresses_read_left_to_right_in_arabic(live_server, page, path):
    # Given an Arabic page listing sources in English, with their addresses
    page.goto(live_server.url + path)
    edges = page.evaluate(SOURCE_EDGES)
    assert edges
    # Then each source ends with its own full stop on the right (never ".Williams & Wilkins")
    # and each address starts with "https" on the left (never "/https://…")
    for edge in edges:
        assert edge["lastAtEnd"] and edge["linkStartsLeft"], edge
