"""Offline after one visit: the server is stopped and the reader goes on reading."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from tests.browser.axe import violations
from tests.browser.conftest import PHONE, LiveServer
from tests.browser.offline_site import (
    GUIDES,
    SAVE_TIMEOUT,
    SAVED,
    cache_names,
    listed,
    save_for_offline,
    serve,
)


# One visit, then no server: a module's worth of fresh navigations against the saved copy.
@pytest.fixture(scope="module")
def offline_site(browser: Browser, tmp_path_factory) -> Iterator[tuple[str, BrowserContext]]:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    instance = tmp_path_factory.mktemp("offline-instance")
    site = LiveServer({"TESTING": True, "INSTANCE_PATH": str(instance)})
    serve(site)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    save_for_offline(page, f"{site.url}/en/")
    site.stop()
    page.close()
    yield site.url, context
    context.close()


@pytest.mark.parametrize("path", GUIDES)
def test_every_guide_opens_offline_with_its_diagram(offline_site, path):
    # Given one online visit to the home page, and then no server at all
    url, context = offline_site
    page = context.new_page()
    # When the reader opens a guide they never visited
    page.goto(url + path)
    # Then it is the guide, with its heading and its diagram
    expect(page.locator("h1")).to_have_text(GUIDES[path])
    expect(page.locator("svg.diagram[role=img] .spot-dot").first).to_be_visible()
    # And the page says what is saved
    expect(page.locator("#app-status")).to_contain_text(SAVED)
    page.close()


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/en/spots/", "The 14 spots"),
        ("/en/safety", None),
        ("/en/about", None),
        ("/en/routines/", None),
        ("/en/routines/low-back", None),
    ],
)
def test_lists_and_pages_open_offline(offline_site, path, heading):
    url, context = offline_site
    page = context.new_page()
    page.goto(url + path)
    expect(page.locator("h1")).to_have_count(1)
    if heading:
        expect(page.locator("h1")).to_have_text(heading)
    assert page.title() and "offline" not in page.title().lower()
    page.close()


def test_the_finder_works_offline_with_a_region_in_the_address(offline_site):
    url, context = offline_site
    page = context.new_page()
    # A region link followed offline: the saved home page shows that region's spots
    page.goto(f"{url}/en/?region=chest")
    expect(page.locator("#region-chest")).to_be_visible()
    expect(page.locator("#region-chest .red-flags")).to_contain_text("emergency")
    # And tapping another region still works
    page.locator(".region-list").get_by_role("link", name="Foot").click()
    expect(page.locator("#region-foot")).to_be_visible()
    # A link followed before the finder's script ran (its address ends #results): the saved
    # page shows that region and puts focus on its results, as online
    page.goto(f"{url}/en/?region=low-back#results")
    expect(page.locator("#region-title-low-back")).to_be_focused()
    page.close()


def test_an_unsaved_address_shows_the_offline_page_in_the_readers_language(offline_site):
    url, context = offline_site
    page = context.new_page()
    page.goto(f"{url}/en/spots/99-not-a-spot")
    expect(page.locator("h1")).to_have_text("You are offline")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_text("This page is not saved on this device")).to_be_visible()
    expect(page.get_by_role("link", name="Try again")).to_be_visible()
    # Its links lead to saved pages
    page.locator(".offline-saved").get_by_role("link", name="All 14 spots").click()
    expect(page.locator("h1")).to_have_text("The 14 spots")
    page.close()


def test_the_root_address_opens_the_saved_language_offline(offline_site):
    url, context = offline_site
    page = context.new_page()
    page.goto(url + "/")
    expect(page).to_have_url(f"{url}/en/")
    expect(page.locator("h1")).to_have_text("Where does it hurt?")
    page.close()


def test_chromium_finds_the_app_installable(server, page):
    serve(server)
    save_for_offline(page, f"{server.url}/en/")
    cdp = page.context.new_cdp_session(page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    # Test contexts are incognito-like, which alone blocks installing; nothing else may.
    assert [e["errorId"] for e in errors if e["errorId"] != "in-incognito"] == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []
    assert manifest["url"].endswith("/en/manifest.webmanifest")
    # And the cache holds exactly the listed files: no API answer, no error page, nothing else
    expected = set(listed(server))
    cached = page.evaluate(
        """async () => {
          const cache = await caches.open((await caches.keys())[0]);
          return (await cache.keys()).map((r) => new URL(r.url).pathname);
        }"""
    )
    assert sorted(cached) == sorted(expected)


def test_icons_are_drawn_and_the_badge_is_monochrome(server, page):
    serve(server)
    page.goto(f"{server.url}/en/")
    icons = page.evaluate(
        """async () => {
          const link = document.querySelector('link[rel=manifest]');
          const manifest = await (await fetch(link.href)).json();
          const apple = document.querySelector('link[rel=apple-touch-icon]').href;
          const all = [...manifest.icons, { src: apple, sizes: '180x180', purpose: 'apple' }];
          const out = [];
          for (const icon of all) {
            const img = new Image();
            img.src = icon.src;
            await img.decode();
            const canvas = new OffscreenCanvas(img.width, img.height);
            const ctx = canvas.getContext('2d');
            ctx.drawImage(img, 0, 0);
            const px = ctx.getImageData(0, 0, img.width, img.height).data;
            let opaque = 0, coloured = 0, seen = new Set();
            for (let i = 0; i < px.length; i += 4) {
              if (px[i + 3] < 128) continue;
              opaque += 1;
              if (px[i] < 250 || px[i + 1] < 250 || px[i + 2] < 250) coloured += 1;
              seen.add(`${px[i] >> 5},${px[i + 1] >> 5},${px[i + 2] >> 5}`);
            }
            out.push({ purpose: icon.purpose, size: `${img.width}x${img.height}`, sizes: icon.sizes,
                       opaque: opaque / (img.width * img.height), coloured, colours: seen.size });
          }
          return out;
        }"""
    )
    for icon in icons:
        assert icon["size"] == icon["sizes"]
        if icon["purpose"] == "monochrome":
            assert icon["coloured"] == 0 and 0.1 < icon["opaque"] < 0.6  # white knot, clear ground
        else:
            assert icon["colours"] >= 3  # green ground, cream knot, red spot
        if icon["purpose"] in ("maskable", "apple"):
            assert icon["opaque"] == 1  # full bleed: the platform cuts the shape


def test_a_changed_guide_updates_after_the_reader_accepts(server, data, page):
    # Given the app saved for offline
    serve(server)
    save_for_offline(page, f"{server.url}/en/")
    old_caches = cache_names(page)
    assert len(old_caches) == 1 and old_caches[0].startswith("knotwise-precache-")
    page.evaluate("caches.open('another-app')")  # not Knotwise's: an update leaves it alone
    before = listed(server)
    # When a guide's text changes on the server
    server.stop()
    guide = data / "en" / "spots" / "13.toml"
    text = re.sub(
        r'^summary = ".*"$',
        'summary = "A freshly reworded summary for the update test."',
        guide.read_text(),
        flags=re.M,
    )
    guide.write_text(text)
    recorder = serve(server)
    # And the reader comes back
    page.reload()
    offer = page.locator("#update-offer")
    expect(offer).to_be_visible(timeout=SAVE_TIMEOUT)
    expect(offer).to_contain_text("Update available")
    # Then the new version downloaded only what changed: that guide, and no other guide
    after = listed(server)
    changed = {url for url, digest in after.items() if before.get(url) != digest}
    assert "/en/spots/13-low-back-pit" in changed
    assert not changed & (set(GUIDES) - {"/en/spots/13-low-back-pit"})
    assert recorder.precached_since_update_check() == changed
    # And mid-routine, the page asks before reloading
    page.evaluate("document.body.dataset.busy = 'routine'")
    offer.get_by_role("button", name="Reload", exact=True).click()
    expect(offer).to_contain_text("stops the routine")
    offer.get_by_role("button", name="After the routine").click()
    expect(offer).to_be_hidden()
    page.evaluate("delete document.body.dataset.busy")
    expect(offer).to_be_visible()
    # When they accept
    with page.expect_navigation():
        offer.get_by_role("button", name="Reload", exact=True).click()
    # Then the old copy is gone and the new one is complete
    expect(page.locator("#app-status")).to_contain_text(SAVED)
    new_caches = [name for name in cache_names(page) if name != "another-app"]
    assert len(new_caches) == 1 and new_caches != old_caches
    assert "another-app" in cache_names(page)
    # And offline, the guide shows the new text
    server.stop()
    page.goto(f"{server.url}/en/spots/13-low-back-pit")
    # (the summary is the guide's description; on the page, the quick card stands in for it)
    expect(page.locator('meta[name="description"]')).to_have_attribute(
        "content", "A freshly reworded summary for the update test."
    )


def test_a_failed_page_is_not_counted_and_the_next_visit_completes(server, page):
    # Given a server that cannot deliver one guide
    recorder = serve(server)
    recorder.failing.add("/en/spots/7-jaw")
    # When the reader visits
    page.goto(f"{server.url}/en/")
    status = page.locator("#app-status")
    # Then the app says what is really saved, and that it will finish later
    expect(status).to_contain_text("13 of 14 guides saved for offline", timeout=SAVE_TIMEOUT)
    expect(status).to_contain_text("Some pages could not be saved")
    # And the missing guide is not offline yet: it shows the offline page, not a broken copy
    server.stop()
    page.goto(f"{server.url}/en/spots/7-jaw")
    expect(page.locator("h1")).to_have_text("You are offline")
    # When the reader visits again with a working server
    serve(server)
    save_for_offline(page, f"{server.url}/en/")
    server.stop()
    page.goto(f"{server.url}/en/spots/7-jaw")
    expect(page.locator("h1")).to_have_text(GUIDES["/en/spots/7-jaw"])


def test_full_storage_is_explained(server, page):
    serve(server)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": server.url, "quotaSize": 50_000})
    page.goto(f"{server.url}/en/")
    status = page.locator("#app-status")
    expect(status).to_contain_text("not enough storage space", timeout=SAVE_TIMEOUT)
    expect(status).to_contain_text("0 of 14 guides saved for offline")


def test_storage_is_kept_once_a_routine_starts(server, browser, page):
    serve(server)
    cdp = page.context.new_cdp_session(page)
    context_id = cdp.send("Target.getTargetInfo")["targetInfo"]["browserContextId"]
    browser_cdp = browser.new_browser_cdp_session()
    browser_cdp.send(
        "Browser.grantPermissions",
        {"permissions": ["durableStorage"], "origin": server.url, "browserContextId": context_id},
    )
    save_for_offline(page, f"{server.url}/en/")
    note = page.locator(".app-status-note")
    expect(note).to_have_count(0)
    # When the player marks the page busy with a routine
    page.evaluate("document.body.dataset.busy = 'routine'")
    # Then the browser is asked to keep the copy, and the answer is shown
    expect(note).to_have_text("Your browser will keep the offline copy.")
    assert page.evaluate("navigator.storage.persisted()") is True


def test_install_button_appears_when_the_browser_offers_it(server, page):
    serve(server)
    page.goto(f"{server.url}/en/")
    offer = page.locator("#install-offer")
    expect(offer).to_be_hidden()
    # When Chromium says the app can be installed (its event, as the browser fires it)
    page.evaluate(
        """() => {
          const event = new Event('beforeinstallprompt', { cancelable: true });
          event.prompt = async () => { window.promptShown = true; return { outcome: 'accepted' }; };
          window.dispatchEvent(event);
        }"""
    )
    expect(offer.get_by_role("button", name="Install")).to_be_visible()
    box = offer.get_by_role("button", name="Install").bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    offer.get_by_role("button", name="Install").click()
    assert page.evaluate("window.promptShown") is True
    expect(offer).to_be_hidden()


IPHONE_SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


@pytest.mark.parametrize("standalone", [False, True])
def test_iphone_safari_gets_add_to_home_screen_steps(server, browser, standalone):
    serve(server)
    context = browser.new_context(
        user_agent=IPHONE_SAFARI, viewport=PHONE, is_mobile=True, has_touch=True
    )
    if standalone:  # what iOS says inside an app opened from the Home Screen
        context.add_init_script("Object.defineProperty(navigator, 'standalone', {value: true})")
    page = context.new_page()
    page.goto(f"{server.url}/en/")
    steps = page.locator("#ios-install")
    if standalone:
        expect(steps).to_be_hidden()
    else:
        steps.get_by_text("Add Knotwise to your Home Screen").click()
        expect(steps).to_contain_text("Add to Home Screen")
        expect(steps.locator("li")).to_have_count(3)
        # "Not now" puts it away, and it stays away on the next page
        steps.get_by_role("button", name="Not now").click()
        expect(steps).to_be_hidden()
        page.goto(f"{server.url}/en/spots/")
        expect(page.locator("#ios-install")).to_be_hidden()
    context.close()


def test_switching_to_an_unsaved_language_offline_says_so(two_languages, page):
    server = two_languages
    # Given English saved, Spanish never opened
    serve(server)
    save_for_offline(page, f"{server.url}/en/spots/")
    server.stop()
    # When the reader picks Español in the switcher with no connection
    page.locator(".language-switcher").get_by_role("link", name="Español").click()
    # Then a page (in English, the saved language) says Spanish is not saved yet
    expect(page).to_have_url(f"{server.url}/es/spots/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    notice = page.locator('[data-missing-lang="es"]')
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Español is not saved on this device yet.")
    expect(notice.locator('p[lang="es"]')).to_be_visible()
    expect(page.get_by_text("This page is not saved on this device")).to_be_hidden()
    # And going back to English from there opens the same page, saved
    page.locator(".language-switcher").get_by_role("link", name="English").click()
    expect(page.locator("h1")).to_have_text("The 14 spots")


def test_every_saved_language_works_offline(two_languages, page):
    server = two_languages
    serve(server)
    save_for_offline(page, f"{server.url}/en/")
    page.goto(f"{server.url}/es/")
    expect(page.locator("#app-status")).to_have_attribute(
        "data-state", "saved", timeout=SAVE_TIMEOUT
    )
    server.stop()
    for lang in ("es", "en"):
        page.goto(f"{server.url}/{lang}/spots/13-low-back-pit")
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator("h1")).to_have_text(GUIDES["/en/spots/13-low-back-pit"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_offline_status_and_offers_are_accessible(server, browser, scheme):
    serve(server)
    # (reduced motion: the offers fade in, and axe would measure them mid-fade)
    context = browser.new_context(
        viewport=PHONE, color_scheme=scheme, reduced_motion="reduce", is_mobile=True, has_touch=True
    )
    page = context.new_page()
    # Given the offline page with its status, and every offer shown at once
    save_for_offline(page, f"{server.url}/en/offline")
    page.evaluate(
        """() => {
          for (const id of ['update-offer', 'install-offer', 'ios-install']) {
            document.getElementById(id).hidden = false;
          }
          document.getElementById('ios-install').open = true;
        }"""
    )
    # Then axe finds nothing, and every control is a comfortable tap target
    assert violations(page) == []
    controls = page.locator(".app-offer button:visible, .app-offer summary, .offline-page a")
    for box in controls.evaluate_all("els => els.map(e => e.getBoundingClientRect().toJSON())"):
        assert box["height"] >= 44, box
    context.close()


def test_a_slow_or_failing_server_gives_way_to_the_saved_page(server, page):
    # Given the app saved for offline
    recorder = serve(server)
    save_for_offline(page, f"{server.url}/en/")
    try:
        # When the server hangs on a page, the saved copy shows after a short wait
        recorder.stalling.add("/en/spots/")
        start = time.monotonic()
        page.goto(f"{server.url}/en/spots/")
        expect(page.locator("h1")).to_have_text("The 14 spots")
        assert time.monotonic() - start < 8
        # And when something in front of the app answers 503, the saved copy shows too
        recorder.failing.add("/en/safety")
        page.goto(f"{server.url}/en/safety")
        expect(page.locator("h1")).not_to_have_text("unavailable")
        expect(page.locator("#page-safety")).to_have_count(1)
    finally:
        recorder.released.set()
