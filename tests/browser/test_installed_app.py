"""The installed app: one app for every language, and saved pages opened from the device."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import nullcontext

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.axe import violations
from tests.browser.conftest import PHONE, LiveServer
from tests.browser.offline_site import (
    GUIDES,
    SAVE_TIMEOUT,
    hung_network,
    save_for_offline,
    serve,
)

GUIDE = "/en/spots/13-low-back-pit"
LAST_GUIDE = list(GUIDES)[-1]  # saved last: when it is there, the language is saved


def wait_until_saved(page: Page, lang: str) -> None:
    """Wait until the service worker holds a language's guides (saved in the background)."""
    deadline = time.monotonic() + SAVE_TIMEOUT / 1000
    script = """async (url) => {
      for (const name of await caches.keys()) {
        if (!name.startsWith('knotwise-precache-')) continue;
        if (await (await caches.open(name)).match(url)) return true;
      }
      return false;
    }"""
    while not page.evaluate(script, LAST_GUIDE.replace("/en/", f"/{lang}/", 1)):
        assert time.monotonic() < deadline, f"{lang} was not saved"
        time.sleep(0.2)


def test_the_start_address_opens_the_language_chosen_last_with_no_server(server, page):
    # Given the app saved in English, and Arabic chosen with the switcher
    serve(server)
    save_for_offline(page, f"{server.url}/en/")
    page.locator(".language-switcher").get_by_role("link", name="العربية").click()
    expect(page).to_have_url(f"{server.url}/ar/")
    expect(page.locator("#app-status")).to_have_attribute(
        "data-state", "saved", timeout=SAVE_TIMEOUT
    )
    cdp = page.context.new_cdp_session(page)
    manifest = json.loads(cdp.send("Page.getAppManifest")["data"])
    assert cdp.send("Page.getAppId")["appId"] == f"{server.url}/"
    # When the server is gone (and with it the cookie the server reads) and the app launches
    server.stop()
    page.context.clear_cookies()
    launched = page.context.new_page()
    launched.goto(f"{server.url}{manifest['start_url']}")
    # Then it opens the Arabic home, saved on the device
    expect(launched).to_have_url(f"{server.url}/ar/")
    expect(launched.locator("html")).to_have_attribute("dir", "rtl")
    expect(launched.locator("html")).to_have_attribute("lang", "ar")
    expect(launched.locator("body#page-home .region-list")).to_be_visible()


def test_switching_to_a_saved_language_offline_opens_it(two_languages, page):
    server = two_languages
    serve(server)
    save_for_offline(page, f"{server.url}/en/")
    page.goto(f"{server.url}/es/")
    wait_until_saved(page, "es")
    page.goto(f"{server.url}/en/spots/")
    server.stop()
    # When the reader picks Español with no connection
    page.locator(".language-switcher").get_by_role("link", name="Español").click()
    # Then the same page opens in Spanish, from the device
    expect(page).to_have_url(f"{server.url}/es/spots/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("body#page-spots h1")).to_be_visible()
    expect(page.locator('[data-missing-lang="es"]')).to_have_count(0)


def test_a_language_asked_for_offline_is_saved_once_the_connection_is_back(two_languages, page):
    server = two_languages
    serve(server)
    save_for_offline(page, f"{server.url}/en/spots/")
    server.stop()
    # Given Spanish asked for while offline
    page.locator(".language-switcher").get_by_role("link", name="Español").click()
    notice = page.locator('[data-missing-lang="es"]')
    offer = notice.get_by_role("button", name="Save Español when I am back online")
    assert offer.bounding_box()["height"] >= 44
    assert violations(page) == []
    offer.click()
    expect(
        notice.get_by_text("Español will be saved as soon as there is a connection.")
    ).to_be_focused()
    expect(notice.get_by_role("button")).to_be_hidden()
    assert violations(page) == []
    # When the connection is back and the reader opens any page
    serve(server)
    page.goto(f"{server.url}/en/spots/")
    wait_until_saved(page, "es")
    # Then Spanish opens with no connection
    server.stop()
    page.goto(f"{server.url}/es/spots/7-jaw")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("h1")).to_have_text(GUIDES["/en/spots/7-jaw"])


# One visit, then the server stopped: each test opens saved guides on a hung or no network.
@pytest.fixture(scope="module")
def saved_site(browser: Browser, tmp_path_factory) -> Iterator[tuple[LiveServer, BrowserContext]]:
    instance = tmp_path_factory.mktemp("liefi-instance")
    site = LiveServer({"TESTING": True, "INSTANCE_PATH": str(instance)})
    serve(site)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    save_for_offline(page, f"{site.url}/en/")
    site.stop()
    page.close()
    yield site, context
    context.close()


@pytest.mark.parametrize("network", ["hung", "stopped"])
@pytest.mark.parametrize("address", [GUIDE, "/en/spots/13"])
def test_a_saved_guide_opens_at_once_on_a_hung_or_no_network(saved_site, network, address):
    site, context = saved_site
    page = context.new_page()
    with hung_network(site.port) if network == "hung" else nullcontext():
        # When the reader opens a guide (or its short address, from a printed link)
        start = time.monotonic()
        page.goto(f"{site.url}{address}")
        expect(page.locator("h1")).to_have_text(GUIDES[GUIDE])
        # Then it opens from the device, without waiting for the network (it used to wait 3 s)
        assert time.monotonic() - start < 2
        expect(page).to_have_url(f"{site.url}{GUIDE}")
    page.close()


def test_launching_the_app_again_opens_a_shortcut_but_keeps_the_readers_place(server, page):
    serve(server)
    # The installed app's window (display-mode standalone) with its launch queue
    page.add_init_script(
        "Object.defineProperty(window, 'launchQueue', "
        "{ value: { setConsumer(fn) { window.launchConsumer = fn; } } });"
        "Object.defineProperty(navigator, 'standalone', { value: true });"
    )
    page.goto(f"{server.url}/en/safety")
    deadline = time.monotonic() + 5
    while not page.evaluate("typeof window.launchConsumer === 'function'"):
        assert time.monotonic() < deadline, "the page never took launches"
        time.sleep(0.1)
    # The icon (the start address) only brings the window forward
    page.evaluate("window.launchConsumer({ targetURL: location.origin + '/' })")
    page.wait_for_timeout(300)
    expect(page).to_have_url(f"{server.url}/en/safety")
    # A shortcut opens its page in that window
    with page.expect_navigation():
        page.evaluate("window.launchConsumer({ targetURL: location.origin + '/en/spots/' })")
    expect(page).to_have_url(f"{server.url}/en/spots/")


def test_an_app_installed_from_a_language_opens_in_it(server, page):
    # Given English and Arabic saved (English first: with no choice kept, it would open)
    serve(server)
    save_for_offline(page, f"{server.url}/en/")
    page.goto(f"{server.url}/ar/")
    expect(page.locator("#app-status")).to_have_attribute(
        "data-state", "saved", timeout=SAVE_TIMEOUT
    )
    # When the reader installs the app from there (the event as the browser fires it)
    page.evaluate("window.dispatchEvent(new Event('appinstalled'))")
    page.wait_for_timeout(500)
    # Then launching it, even with no server, opens Arabic
    server.stop()
    page.goto(f"{server.url}/")
    expect(page).to_have_url(f"{server.url}/ar/")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
