"""The reminders page and the service worker's notifications, in real Chromium.

Headless Chromium cannot reach a real push service (FCM), so in the page flow alone the
browser's PushManager.subscribe() is replaced by one returning a subscription whose endpoint is
the tests' loopback push service, with real keys: everything after it (the API, the database,
pywebpush, VAPID, encryption, the push service decrypting the test notification) is real. The
notification tests deliver pushes to the real service worker through CDP.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from sqlalchemy import text

from tests.browser.axe import violations
from tests.conftest import NOW
from tests.pushservice import declarative
from webapp.push.message import payload

PERMISSION_SPY = """
window.__permissionRequests = 0;
if (window.Notification) {
  const ask = Notification.requestPermission.bind(Notification);
  Notification.requestPermission = (...args) => {
    window.__permissionRequests += 1;
    return ask(...args);
  };
}
"""
SUBSCRIBE_STUB = """
(() => {
  const json = %s;
  let current = null;
  window.__unsubscribed = 0;
  const make = () => ({
    endpoint: json.endpoint,
    expirationTime: null,
    toJSON: () => json,
    unsubscribe: async () => { current = null; window.__unsubscribed += 1; return true; },
  });
  PushManager.prototype.subscribe = async function (options) {
    window.__serverKey = options.applicationServerKey;
    current = make();
    return current;
  };
  PushManager.prototype.getSubscription = async function () { return current; };
})();
"""


@pytest.fixture
def reminders(reminders_server, push_service, clock, context: BrowserContext):
    """The live app with an empty reminders database and a fresh push service.

    The server's clock is frozen at NOW and the browser's starts there, so "next" is the same
    day on any real date.
    """
    context.clock.install(time=NOW)
    engine = reminders_server.app.extensions["push_db"]["engine"]
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM reminders"))
        connection.execute(text("DELETE FROM subscriptions"))
    push_service.reset()
    push_service.state.vapid_key = reminders_server.app.extensions["push_vapid"].public_key
    return reminders_server


def rows(server, sql: str) -> list[dict]:
    with server.app.extensions["push_db"]["engine"].connect() as connection:
        return [dict(r) for r in connection.execute(text(sql)).mappings()]


def first_routine(server, lang: str) -> tuple[str, str]:
    from webapp.content import library

    with server.app.app_context():
        lib = library()
        rid = next(iter(lib.routines))
        return rid, lib.languages[lang].routines[rid].name


def fill_reminder(
    page: Page, routine: str, days=("mon", "thu"), time="07:30", zone="Europe/Berlin"
):
    page.get_by_label("Routine").select_option(label=routine)
    for box in page.locator("input[name=days]").all():
        box.set_checked(box.get_attribute("value") in days)
    page.get_by_label("Time", exact=True).fill(time)
    page.get_by_label("Time zone").select_option(zone)


def status(page: Page, message: str):
    return page.locator(".reminders-status").filter(has_text=message)


def test_whole_flow_with_permission_granted(context: BrowserContext, reminders, push_service):
    whole_flow(context, reminders.url, reminders, push_service)


def whole_flow(context: BrowserContext, url: str, reminders, push_service) -> None:
    """Add, turn on, test, skip, pause, resume, edit, delete and turn off a reminder.

    The pages come from url (the app, or nginx serving the static build in front of it);
    reminders is the live app whose database is looked at.
    """
    # Given a browser that allows notifications, and a push subscription on the test service
    subscriber = push_service.subscriber()
    context.grant_permissions(["notifications"], origin=url)
    context.add_init_script(PERMISSION_SPY + SUBSCRIBE_STUB % json.dumps(subscriber.subscription()))
    page = context.new_page()
    routine_id, routine = first_routine(reminders, "en")
    page.goto(f"{url}/en/reminders")
    expect(page.get_by_role("button", name="Turn on reminders")).to_be_visible()
    assert page.evaluate("window.__permissionRequests") == 0, "asked on page load"

    # When they add a reminder: it is kept on the device, not yet on the server
    fill_reminder(page, routine)
    page.get_by_role("button", name="Save reminder").click()
    item = page.locator(".reminder-card")
    expect(item.get_by_role("heading", name=routine)).to_be_visible()
    expect(item).to_contain_text("Mon, Thu at 7:30 AM")
    expect(item).to_contain_text("Not sent yet")
    assert rows(reminders, "SELECT * FROM subscriptions") == []

    # When they turn reminders on: asked once, subscribed with the app's key, stored on the server
    page.get_by_role("button", name="Turn on reminders").click()
    # (the first press waits for the service worker to be active, which saves the offline copy
    # first: on a machine busy with other tests that once took longer than 15 s)
    expect(page.get_by_role("status").filter(has_text="Reminders are on")).to_be_visible(
        timeout=40_000
    )
    assert page.evaluate("window.__permissionRequests") == 1
    assert page.evaluate("window.__serverKey") == push_service.state.vapid_key
    expect(item).to_contain_text("Next: Thursday")  # NOW is a Wednesday noon
    (sub,) = rows(reminders, "SELECT * FROM subscriptions")
    assert (sub["lang"], sub["timezone"], bool(sub["paused"])) == ("en", "Europe/Berlin", False)
    (stored,) = rows(reminders, "SELECT * FROM reminders")
    assert stored["rid"] == item.get_attribute("data-id")
    assert (stored["days"], stored["minute"]) == (0b0001001, 450)
    everything = json.dumps(
        rows(reminders, "SELECT * FROM subscriptions JOIN reminders ON 1=1"), default=str
    )
    assert routine not in everything and routine_id not in everything  # the routine stays here

    # When they send a test: the push service receives it, encrypted for this browser
    page.get_by_role("button", name="Send a test").click()
    expect(page.get_by_role("status").filter(has_text="Test sent")).to_be_visible()
    (delivery,) = push_service.wait_for(1)
    shown = declarative(delivery.message, url)
    assert (shown["data"]["type"], shown["lang"]) == ("test", "en")
    assert push_service.state.errors == []

    # When they skip the next one, then pause and resume all
    item.get_by_role("button", name="Skip the next one").click()
    expect(item).to_contain_text("The next one is skipped")
    expect(status(page, "The next reminder will be skipped.")).to_be_visible()
    assert rows(reminders, "SELECT skip_through FROM reminders")[0]["skip_through"] is not None
    page.get_by_role("button", name="Pause all").click()
    expect(page.get_by_text("All reminders are paused. Nothing will arrive")).to_be_visible()
    expect(status(page, "All reminders are paused.")).to_be_visible()
    assert rows(reminders, "SELECT paused FROM subscriptions")[0]["paused"]
    assert rows(reminders, "SELECT next_due FROM reminders")[0]["next_due"] is None
    page.get_by_role("button", name="Resume all").click()
    expect(page.get_by_role("status").filter(has_text="Reminders resumed")).to_be_visible()
    assert rows(reminders, "SELECT next_due FROM reminders")[0]["next_due"] is not None

    # When they edit it: the server has the new time
    item.get_by_role("button", name="Edit").click()
    expect(page.get_by_role("heading", name="Change this reminder")).to_be_visible()
    page.get_by_label("Time", exact=True).fill("21:15")
    page.get_by_role("button", name="Save changes").click()
    expect(item).to_contain_text("9:15")
    expect(status(page, "Reminder saved.")).to_be_visible()
    assert rows(reminders, "SELECT minute FROM reminders")[0]["minute"] == 21 * 60 + 15
    assert violations(page) == []

    # When they delete it, then turn reminders off: the server keeps nothing
    item.get_by_role("button", name="Delete").click()
    expect(page.get_by_text("No reminders yet.")).to_be_visible()
    expect(status(page, "Reminder deleted.")).to_be_visible()
    assert rows(reminders, "SELECT * FROM reminders") == []
    page.get_by_role("button", name="Turn off reminders").click()
    expect(page.get_by_role("status").filter(has_text="Reminders are off")).to_be_visible()
    assert rows(reminders, "SELECT * FROM subscriptions") == []
    assert page.evaluate("window.__unsubscribed") == 1


def set_notifications(context: BrowserContext, page: Page, origin: str, setting: str) -> None:
    """Set this site's notification permission in the browser itself, as its settings do."""
    cdp = context.new_cdp_session(page)
    browser_context = cdp.send("Target.getTargetInfo")["targetInfo"]["browserContextId"]
    cdp.send(
        "Browser.setPermission",
        {
            "permission": {"name": "notifications"},
            "setting": setting,
            "origin": origin,
            "browserContextId": browser_context,
        },
    )


def test_blocking_notifications_later_removes_the_servers_copy(
    context: BrowserContext, reminders, push_service
):
    # Given reminders turned on in this browser
    subscriber = push_service.subscriber()
    context.grant_permissions(["notifications"], origin=reminders.url)
    context.add_init_script(SUBSCRIBE_STUB % json.dumps(subscriber.subscription()))
    page = context.new_page()
    page.goto(f"{reminders.url}/en/reminders")
    page.get_by_role("button", name="Save reminder").click()
    page.get_by_role("button", name="Turn on reminders").click()
    expect(status(page, "Reminders are on")).to_be_visible()
    assert len(rows(reminders, "SELECT * FROM subscriptions")) == 1
    # When the reader blocks notifications in the browser's settings and comes back
    set_notifications(context, page, reminders.url, "denied")
    page.reload()
    # Then the page explains, and the server keeps nothing
    expect(page.get_by_role("heading", name="Notifications are blocked")).to_be_visible()
    expect(page.locator(".reminder-card")).to_contain_text("Not sent yet")
    assert rows(reminders, "SELECT * FROM subscriptions") == []


def test_blocked_notifications_are_explained_with_a_calendar_instead(
    context: BrowserContext, reminders
):
    # Given a browser where notifications for this site are blocked, and a routine of their own
    own = [{"id": "own-abc", "name": "Morning neck", "steps": [{"spot": 4, "tool": "thumb"}]}]
    context.add_init_script(
        f"localStorage.setItem('knotwise.routines', {json.dumps(json.dumps(own))});"
    )
    page = context.new_page()
    set_notifications(context, page, reminders.url, "denied")
    # When they open the reminders page
    page.goto(f"{reminders.url}/en/reminders")
    # Then it says so in plain words, offers the calendar, and offers no switch
    expect(page.get_by_role("heading", name="Notifications are blocked")).to_be_visible()
    expect(page.get_by_text("open this site's settings")).to_be_visible()
    expect(page.get_by_role("button", name="Turn on reminders")).to_be_hidden()
    assert violations(page) == []
    page.emulate_media(color_scheme="dark")
    assert violations(page) == []
    # When they download the schedule for their own routine as a calendar file
    routine = "Morning neck"
    expect(page.locator("optgroup[label='Your routines'] option")).to_have_text([routine])
    fill_reminder(page, routine, days=("mon", "thu"), time="07:30", zone="Europe/Berlin")
    with page.expect_download() as download:
        page.get_by_role("button", name="Add to calendar (.ics)").click()
    ics = Path(download.value.path()).read_text(encoding="utf-8").replace("\r\n ", "")
    # Then it is a weekly event at 07:30 Berlin time, named after the routine
    assert download.value.suggested_filename == "knotwise-reminder.ics"
    assert "RRULE:FREQ=WEEKLY;BYDAY=MO,TH" in ics
    assert "DTSTART;TZID=Europe/Berlin:20261126T073000" in ics  # Thursday after NOW
    assert "BEGIN:VTIMEZONE" in ics and "TZID:Europe/Berlin" in ics
    assert f"SUMMARY:Time for your routine: {routine}" in ics
    assert rows(reminders, "SELECT * FROM subscriptions") == []


def test_a_browser_without_push_is_told_about_the_calendar(context: BrowserContext, reminders):
    # Given a browser tab with no push support (like Safari on iPhone outside the home screen)
    context.add_init_script("delete window.PushManager;")
    page = context.new_page()
    page.goto(f"{reminders.url}/en/reminders")
    expect(page.get_by_role("heading", name="This browser cannot show reminders")).to_be_visible()
    explained = page.get_by_role("region", name="This browser cannot show reminders")
    expect(explained).to_contain_text("add Knotwise to your Home Screen")
    expect(page.get_by_role("button", name="Turn on reminders")).to_be_hidden()
    expect(page.get_by_role("button", name="Add to calendar (.ics)")).to_be_visible()


def notifications(page: Page) -> list[dict]:
    return page.evaluate(
        """async () => (await (await navigator.serviceWorker.ready).getNotifications())
          .map((n) => ({title: n.title, body: n.body, tag: n.tag, icon: n.icon,
                        badge: n.badge, lang: n.lang, dir: n.dir, data: n.data}))"""
    )


def wait_for_tags(page: Page, *tags: str, timeout: float = 10.0) -> list[dict]:
    """Return the notifications on show once one with each tag is there."""
    deadline = time.monotonic() + timeout
    while True:
        shown = notifications(page)
        if {n["tag"] for n in shown} >= set(tags) or time.monotonic() > deadline:
            return shown
        page.wait_for_timeout(100)


@pytest.mark.parametrize("lang", ["en", "de", "ar"])
def test_a_push_shows_the_translated_notification_with_the_routine_named_locally(
    context: BrowserContext, reminders, lang
):
    # Given a reminder saved on this device, and the real service worker running
    context.grant_permissions(["notifications"], origin=reminders.url)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    registrations = []
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda event: registrations.extend(event["registrations"]),
    )
    cdp.send("ServiceWorker.enable")
    page.goto(f"{reminders.url}/{lang}/reminders")
    routine_id, routine = first_routine(reminders, lang)
    page.locator("#reminder-routine").select_option(routine_id)
    page.locator(".reminder-save").click()
    item = page.locator(".reminder-card")
    expect(item).to_have_count(1)
    rid = item.get_attribute("data-id")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    for _ in range(50):
        if registrations:
            break
        page.wait_for_timeout(100)
    (registration,) = {r["registrationId"] for r in registrations if not r["isDeleted"]}

    def push(data: bytes) -> None:
        cdp.send(
            "ServiceWorker.deliverPushMessage",
            {
                "origin": reminders.url + "/",
                "registrationId": registration,
                "data": data.decode(),
            },
        )

    with reminders.app.app_context():
        reminder, test = payload("reminder", lang, rid), payload("test", lang)
    sent = declarative(json.loads(reminder), reminders.url)
    assert sent["dir"] == ("rtl" if lang == "ar" else "ltr")

    # When the server's push for that reminder arrives, twice
    push(reminder)
    push(reminder)
    # Then one notification shows, in the reader's language, naming the routine from this device
    (shown,) = wait_for_tags(page, f"knotwise-reminder-{rid}")
    assert shown["title"] == sent["data"]["title_named"].replace("{routine}", routine)
    if lang != "en":
        assert not shown["title"].startswith("Time for your routine")  # translated
    assert shown["body"] == sent["body"]
    assert (shown["lang"], shown["dir"]) == (lang, sent["dir"])
    assert shown["icon"].endswith("/static/img/icon-192.png")
    assert shown["badge"].endswith("/static/img/badge-96.png")
    assert shown["data"]["url"] == f"/{lang}/routines/{routine_id}"
    for path in ("/static/img/icon-192.png", "/static/img/badge-96.png"):
        assert page.request.get(reminders.url + path).ok
    # When a test push and a broken push arrive, each still shows a notification
    push(test)
    push(b"not json")
    expected = {f"knotwise-reminder-{rid}", "knotwise-test-all", "knotwise-reminder-all"}
    shown_now = wait_for_tags(page, *expected)
    titles = {n["tag"]: n["title"] for n in shown_now}
    assert expected <= titles.keys(), f"after 10 s the notifications on show are {shown_now}"
    assert [n["tag"] for n in shown_now].count(f"knotwise-reminder-{rid}") == 1  # replaced
    assert titles[f"knotwise-reminder-{rid}"] == shown["title"]
    assert titles["knotwise-test-all"] == json.loads(test)["notification"]["title"]
    assert titles["knotwise-reminder-all"] == sent["title"]  # from this device's saved words
    # When the push's own address is opened (as iOS does, without the service worker), this
    # device turns the opaque id into the routine's page
    page.goto(sent["navigate"])  # from the reminders page: only the fragment changes
    expect(page).to_have_url(f"{reminders.url}/{lang}/routines/{routine_id}")
    page.goto("about:blank")
    page.goto(sent["navigate"])  # a fresh launch
    expect(page).to_have_url(f"{reminders.url}/{lang}/routines/{routine_id}")


@pytest.mark.parametrize(
    "lang, clock, phrase",
    [("es", "01:30", "a la 1:30"), ("es", "13:30", "a las 13:30"), ("en", "01:30", "at 1:30")],
)
def test_the_time_takes_the_hours_plural_form(
    context: BrowserContext, reminders, lang, clock, phrase
):
    page = context.new_page()
    page.goto(f"{reminders.url}/{lang}/reminders")
    page.locator("#reminder-routine").select_option(index=1)
    page.locator("#reminder-time").fill(clock)
    page.locator(".reminder-save").click()
    expect(page.locator(".reminder-card .reminder-when")).to_contain_text(phrase)
