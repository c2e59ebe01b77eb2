"""Mobile first: every kind of page reads at 320 px wide without sideways scrolling."""

from __future__ import annotations

import pytest

PATHS = [
    "/{lang}/",
    "/{lang}/?region=low-back",
    "/{lang}/spots/",
    "/{lang}/spots/13-low-back-pit",
    "/{lang}/spots/4-side-of-neck",
    "/{lang}/routines/",
    "/{lang}/routines/desk-worker",
    "/{lang}/history",
    "/{lang}/reminders",
    "/{lang}/safety",
]


@pytest.fixture(scope="module")
def narrow_page(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("lang", ["en", "de", "ar"])
@pytest.mark.parametrize("path", PATHS)
def test_no_sideways_scrolling_at_320px(live_server, narrow_page, lang, path):
    narrow_page.goto(live_server.url + path.format(lang=lang))
    width = narrow_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"page is {width}px wide"


@pytest.mark.parametrize("path", ["/en/", "/en/spots/13-low-back-pit", "/en/routines/low-back"])
def test_links_and_buttons_are_big_enough_for_a_thumb(live_server, narrow_page, path):
    narrow_page.goto(live_server.url + path)
    small = narrow_page.evaluate(
        """() => [...document.querySelectorAll('nav a, button, .button, .region-list a')]
          .filter((el) => el.offsetParent !== null)
          .map((el) => [el.textContent.trim(), el.getBoundingClientRect()])
          .filter(([, r]) => r.height < 44 || r.width < 44)
          .map(([text, r]) => `${text}: ${Math.round(r.width)}x${Math.round(r.height)}`)"""
    )
    assert small == []
