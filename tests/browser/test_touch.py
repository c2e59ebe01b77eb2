"""Touch and text: every target takes a thumb, and nothing scrolls sideways at 320 px or 200 %."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.axe import violations
from tests.browser.words import split_words

# Every tappable thing a page shows, and its box, minus what is hidden or visually hidden.
SMALL_TARGETS = """(selector) => [...document.querySelectorAll(selector)]
  .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden'
    && !el.closest('.visually-hidden, [hidden], .region, .body-map-tab'))
  .map((el) => [el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30)
                || el.outerHTML.slice(0, 60),
                el.getBoundingClientRect()])
  .filter(([, r]) => r.height < 44 || r.width < 44)
  .map(([name, r]) => `${name}: ${Math.round(r.width)}x${Math.round(r.height)}`)"""
TAPPABLE = "a[href], button, summary, select, input:not([type=hidden]), .region-hit, .body-map-tab"

# Each hit area of the body map: its box, and which region the centre of the box answers to.
HIT_AREAS = """() => [...document.querySelectorAll('.body-map-view')]
  .filter((view) => view.getClientRects().length)
  .flatMap((view) => [...view.querySelectorAll('.region-hit')].map((hit) => {
    hit.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
    const r = hit.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return { region: hit.dataset.region, width: r.width, height: r.height,
             answers: top?.closest('[data-region]')?.dataset.region };
  }))"""


def phone_context(browser: Browser, width: int, height: int, big_text: bool = False):
    context = browser.new_context(
        viewport={"width": width, "height": height},
        is_mobile=True,
        has_touch=True,
        service_workers="block",
    )
    if big_text:  # the phone's text at 200 %: every rem doubles
        context.add_init_script(
            "document.addEventListener('DOMContentLoaded', () =>"
            " document.documentElement.style.fontSize = '200%')"
        )
    return context


@pytest.fixture(params=[(320, 568, False), (390, 844, False), (390, 844, True)],
                ids=["320x568", "390x844", "390x844-200%"])  # fmt: skip
def phone(browser: Browser, request) -> Iterator[Page]:
    context: BrowserContext = phone_context(browser, *request.param)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("view", ["Front of the body", "Back of the body"])
def test_every_region_of_the_body_map_takes_a_thumb(live_server, phone: Page, view):
    phone.goto(f"{live_server.url}/en/")
    phone.locator(".body-map-choice").get_by_role("radio", name=view).check()
    expect(phone.get_by_role("group", name=view)).to_be_visible()
    areas = phone.evaluate(HIT_AREAS)
    assert len(areas) >= 10
    for area in areas:
        # Each hit area is at least 44 x 44 px, and its centre answers to its own region
        assert area["width"] >= 44 and area["height"] >= 44, area
        assert area["answers"] == area["region"], area


def test_tapping_beside_the_drawn_neck_still_chooses_the_neck(live_server, phone: Page):
    phone.goto(f"{live_server.url}/en/")
    neck = phone.locator('.body-map-view[data-view="front"] .region-hit[data-region="neck"]')
    neck.scroll_into_view_if_needed()
    box = neck.bounding_box()
    # The drawn neck is a thin band: a tap 20 px under its top edge is still the neck
    phone.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + 20)
    expect(phone.locator("#region-neck")).to_be_visible()


@pytest.mark.parametrize(
    "path", ["/en/", "/en/spots/13-low-back-pit", "/en/routines/", "/en/routines/low-back"]
)
def test_everything_tappable_is_at_least_44_px(live_server, phone: Page, path):
    phone.goto(live_server.url + path)
    assert phone.evaluate(SMALL_TARGETS, TAPPABLE) == []


# Where a word broken in two (with no hyphen: Chromium here has no hyphenation dictionary) would
# be hard to read: titles, buttons, the menu and the names of spots
WHOLE_WORDS = "main h1, main h2, button, .button, .site-nav a, .spot-card-title"
OVERFLOW_PATHS = [
    "/{lang}/",
    "/{lang}/spots/",
    "/{lang}/spots/13-low-back-pit",
    "/{lang}/routines/",
    "/{lang}/routines/low-back",
    "/{lang}/history",
    "/{lang}/history/report",
    "/{lang}/reminders",
]


@pytest.fixture(scope="module", params=[(320, 568, False), (320, 568, True), (390, 844, True)],
                ids=["320x568", "320x568-200%", "390x844-200%"])  # fmt: skip
def narrow(browser: Browser, request) -> Iterator[Page]:
    context = phone_context(browser, *request.param)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("path", OVERFLOW_PATHS)
def test_nothing_scrolls_sideways_or_clips(live_server, narrow: Page, lang, path):
    narrow.goto(live_server.url + path.format(lang=lang))
    expect(narrow.locator("main h1")).to_be_visible()
    width = narrow.evaluate("document.scrollingElement.scrollWidth")
    assert width <= narrow.viewport_size["width"]
    # And no box inside the page is cut off at its side (a card or field wider than the page)
    # (a phone widens its layout to fit what is too wide, so boxes are held to the screen's width)
    cut = narrow.evaluate(
        """(screen) => [...document.querySelectorAll('body *')]
          .filter((el) => el.getClientRects().length && !el.closest('.visually-hidden, svg'))
          .filter((el) => { const r = el.getBoundingClientRect();
                            return r.right > screen + 1 || r.left < -1; })
          .filter((el) => !el.closest('.table-scroll, .figure-defs, .site-nav ul'))
          .map((el) => el.tagName + '.' + el.className)""",
        narrow.viewport_size["width"],
    )
    assert cut == []  # (the menu's row and a table scroll inside their own box)
    # Titles, buttons, links of the menu and spot names keep each word whole on one line
    assert narrow.evaluate(split_words(WHOLE_WORDS)) == []


# Whether "Back to top", where it is drawn now, lies over any line of text of the page.
TO_TOP_COVERS = """() => {
  const link = document.querySelector('.to-top a').getBoundingClientRect();
  return [...document.querySelectorAll('main p, main li, main h2, main h3, main dd')]
    .filter((el) => !el.closest('.to-top') && el.getClientRects().length)
    .filter((el) => { const r = el.getBoundingClientRect();
      return r.left < link.right && link.left < r.right && r.top < link.bottom
             && link.top < r.bottom; })
    .map((el) => el.textContent.trim().slice(0, 40));
}"""


def test_back_to_top_never_covers_the_text_being_read(live_server, phone: Page):
    phone.goto(f"{live_server.url}/en/spots/13-low-back-pit")
    height = phone.evaluate("document.scrollingElement.scrollHeight")
    for y in range(0, height, 400):
        phone.evaluate("(y) => window.scrollTo({ top: y, behavior: 'instant' })", y)
        assert phone.evaluate(TO_TOP_COVERS) == [], y


QUICK_SESSION = {
    "id": "s-0001",
    "routineId": "quick:13:thumb:left:60:2",
    "routineName": "The low back pit",
    "startedAt": "2026-03-20T18:30:00.000Z",
    "endedAt": "2026-03-20T18:33:00.000Z",
    "seconds": 130,
    "completed": True,
    "before": 6,
    "after": 3,
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_changed_pages_pass_axe(live_server, browser: Browser, lang, scheme):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, color_scheme=scheme, service_workers="block"
    )
    page = context.new_page()
    page.clock.install(time=datetime(2026, 3, 25, 12, 0, tzinfo=UTC))
    page.goto(f"{live_server.url}/{lang}/history")
    page.evaluate(
        "(s) => localStorage.setItem('knotwise.sessions', JSON.stringify([s]))", QUICK_SESSION
    )
    for path in ("/", "/?region=neck", "/spots/13-low-back-pit", "/routines/", "/history",
                 "/history/report"):  # fmt: skip
        page.goto(f"{live_server.url}/{lang}{path}")
        expect(page.locator("main h1")).to_be_visible()
        if path == "/spots/13-low-back-pit":  # the treat-now panel with its before rating
            page.locator(".quick-card button.treat-now").click()
            expect(page.locator("#treat-panel .rating")).to_be_visible(timeout=20_000)
        if path.startswith("/history"):
            expect(page.locator(".session, .report-spot").first).to_be_visible()
        assert violations(page) == [], path
    context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_with_large_text_on_a_small_phone_the_title_is_on_the_first_screen(
    live_server, browser: Browser, lang
):
    context = phone_context(browser, 320, 568, big_text=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/{lang}/spots/13-low-back-pit")
    # The menu is one row (it took most of the screen, one link a line), the title begins in
    # the top half (it began at 497 px of 568)
    title = page.locator("main h1").bounding_box()
    assert title["y"] < 568 / 2
    links = page.locator(".site-nav a")
    heights = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
    assert len(heights) == 1
    # Every link of the row can be reached: tabbed to, it scrolls wholly into the screen
    links.first.focus()
    for i in range(links.count()):
        if i:
            page.keyboard.press("Tab")
        expect(links.nth(i)).to_be_focused()
        expect(links.nth(i)).to_be_in_viewport(ratio=0.95)  # (a pixel of subpixel rounding)
    # And at the usual text size the whole menu shows, wrapped, with nothing to scroll
    page.evaluate("document.documentElement.style.fontSize = ''")
    row = page.locator(".site-nav ul")
    expect(row).to_have_js_property("scrollWidth", row.evaluate("(ul) => ul.clientWidth"))
    context.close()
