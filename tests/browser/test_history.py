"""The private history: sessions, ratings trend, and export / import / delete of device data."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import violations

ROUTINE = {
    "id": "own-abc123",
    "name": "Morning neck",
    "steps": [
        {"spot": 1, "tool": "fingers", "side": "centre", "seconds": 60},
        {"spot": 4, "tool": "fingers", "side": "both", "seconds": 20},
    ],
    "createdAt": "2026-03-01T07:00:00.000Z",
    "updatedAt": "2026-03-01T07:00:00.000Z",
}


def session(n: int, before: int | None, after: int | None, completed: bool = True) -> dict:
    return {
        "id": f"s-{n:04d}",
        "routineId": "low-back",
        "routineName": "Low back",
        "startedAt": f"2026-03-{n:02d}T18:30:00.000Z",
        "endedAt": f"2026-03-{n:02d}T18:38:00.000Z",
        "seconds": 490,
        "completed": completed,
        "before": before,
        "after": after,
    }


EXPORT = {
    "app": "knotwise",
    "version": 1,
    "exportedAt": "2026-03-10T12:00:00.000Z",
    "routines": [ROUTINE],
    "sessions": [session(3, 7, 4), session(5, 6, 3), session(8, 5, None, completed=False)],
    "settings": {"chime": False, "vibrate": True, "speech": False},
}


def import_file(page: Page, data: str | bytes, name: str = "knotwise.json") -> None:
    payload = data.encode() if isinstance(data, str) else data
    page.locator("input.import-data").set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": payload}
    )


def shown_sessions(page: Page) -> list[str]:
    return page.locator(".session").evaluate_all("els => els.map(e => e.dataset.session)")


@pytest.fixture
def history(live_server, page: Page) -> Page:
    # The seeded sessions are from early March 2026; the device's clock starts just after them.
    page.clock.install(time=datetime(2026, 3, 10, 12, 0, tzinfo=UTC))
    page.goto(f"{live_server.url}/en/history")
    expect(page.get_by_text("No sessions yet.")).to_be_visible()
    return page


def test_sessions_show_in_the_readers_locale_with_ratings_and_a_trend(history: Page):
    # Given a file with three sessions, two of them rated
    import_file(history, json.dumps(EXPORT))
    expect(history.locator(".data-status")).to_contain_text("Routines: 1. Sessions: 3.")
    expect(history.locator(".session")).to_have_count(3)
    # Then they are listed newest first, with date and time in the page's locale
    assert shown_sessions(history) == ["s-0008", "s-0005", "s-0003"]
    newest = history.locator(".session").first
    expected = history.evaluate(
        """() => new Intl.DateTimeFormat("en", {dateStyle: "medium", timeStyle: "short"})
                 .format(new Date("2026-03-08T18:30:00.000Z"))"""
    )
    expect(newest.locator("time")).to_have_text(expected)
    expect(newest.locator("time")).to_have_attribute("datetime", "2026-03-08T18:30:00.000Z")
    expect(newest).to_contain_text("8 min, 10 sec · Stopped early")
    expect(newest).to_contain_text("Tenderness 5 before, not rated after")
    expect(history.locator(".session").nth(1)).to_contain_text("Tenderness 6 before, 3 after")
    # And the trend chart draws both lines and sums them up in words
    chart = history.get_by_role("img", name="Tenderness before and after")
    expect(chart).to_be_visible()
    expect(chart.locator("polyline.trend-before")).to_have_count(1)
    expect(chart.locator("polyline.trend-after")).to_have_count(1)
    expect(history.locator(".trend-summary")).to_have_text("On average 6 before and 3.5 after.")


def test_a_rating_can_be_added_afterwards(history: Page):
    # Given a session with no rating after it
    import_file(history, json.dumps(EXPORT))
    newest = history.locator(".session").first
    expect(newest).to_contain_text("Tenderness 5 before, not rated after")
    # When the reader rates it from the history
    newest.get_by_text("Rate this session").click()
    newest.get_by_label("Tenderness after").select_option("2")
    newest.get_by_role("button", name="Save rating").click()
    # Then the session and the trend show it, and it is kept
    expect(history.locator(".data-status")).to_have_text("Rating saved.")
    expect(history.locator(".session").first).to_contain_text("Tenderness 5 before, 2 after")
    expect(history.locator(".trend-summary")).to_have_text("On average 6 before and 3 after.")
    history.reload()
    expect(history.locator(".session").first).to_contain_text("Tenderness 5 before, 2 after")


def test_export_delete_and_import_brings_everything_back(history: Page, live_server):
    # Given data on the device
    import_file(history, json.dumps(EXPORT))
    expect(history.locator(".session")).to_have_count(3)
    # When the reader exports it
    with history.expect_download() as download:
        history.get_by_role("button", name="Export my data").click()
    assert download.value.suggested_filename.startswith("knotwise-")
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["routines"][0]["name"] == "Morning neck"
    assert len(exported["sessions"]) == 3
    # And deletes everything
    history.once("dialog", lambda dialog: dialog.accept())
    history.get_by_role("button", name="Delete all my data").click()
    expect(history.locator(".data-status")).to_have_text(
        "All your Knotwise data was deleted from this device."
    )
    expect(history.locator(".session")).to_have_count(0)
    history.goto(f"{live_server.url}/en/routines/")
    expect(history.locator(".own-card")).to_have_count(0)
    # Then importing the file brings every routine, session and setting back
    history.goto(f"{live_server.url}/en/history")
    expect(history.get_by_text("No sessions yet.")).to_be_visible()
    import_file(history, json.dumps(exported))
    expect(history.locator(".session")).to_have_count(3)
    assert shown_sessions(history) == ["s-0008", "s-0005", "s-0003"]
    history.goto(f"{live_server.url}/en/routines/")
    expect(history.locator(".own-card", has_text="Morning neck")).to_be_visible()
    history.goto(f"{live_server.url}/en/routines/jaw-headache")
    history.locator(".player-options summary").click()
    expect(history.get_by_role("checkbox", name="Soft chime")).not_to_be_checked()


def test_cancelling_delete_all_keeps_the_data(history: Page):
    import_file(history, json.dumps(EXPORT))
    history.once("dialog", lambda dialog: dialog.dismiss())
    history.get_by_role("button", name="Delete all my data").click()
    expect(history.locator(".session")).to_have_count(3)


BAD_FILES = [
    ("not json", b"this is not json {"),
    ("another app", json.dumps({**EXPORT, "app": "other"})),
    (
        "unknown spot",
        json.dumps(
            {**EXPORT, "routines": [{**ROUTINE, "steps": [{**ROUTINE["steps"][0], "spot": 15}]}]}
        ),
    ),
    (
        "wrong tool",
        json.dumps(
            {
                **EXPORT,
                "routines": [{**ROUTINE, "steps": [{**ROUTINE["steps"][0], "tool": "elbow"}]}],
            }
        ),
    ),
    (
        "absurd time",
        json.dumps(
            {
                **EXPORT,
                "routines": [{**ROUTINE, "steps": [{**ROUTINE["steps"][0], "seconds": 99999}]}],
            }
        ),
    ),
    ("rating 11", json.dumps({**EXPORT, "sessions": [session(2, 11, 3)]})),
    ("empty name", json.dumps({**EXPORT, "routines": [{**ROUTINE, "name": " "}]})),
]


@pytest.mark.parametrize(("case", "content"), BAD_FILES, ids=[c for c, _ in BAD_FILES])
def test_a_bad_import_file_is_refused_and_nothing_is_lost(history: Page, case, content):
    # Given a device with a routine and sessions
    import_file(history, json.dumps(EXPORT))
    expect(history.locator(".session")).to_have_count(3)
    before = history.evaluate("() => JSON.stringify(Object.entries(localStorage).sort())")
    # When a corrupt file is imported
    import_file(history, content, name="broken.json")
    # Then it is refused with a clear message and nothing changes
    expect(history.locator(".data-error")).to_contain_text("Nothing was changed.")
    assert history.evaluate("() => JSON.stringify(Object.entries(localStorage).sort())") == before
    expect(history.locator(".session")).to_have_count(3)


def test_history_reads_without_scripts(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/history")
    expect(page.get_by_role("heading", level=1)).to_have_text("History")
    expect(page.get_by_text("needs JavaScript to show")).to_be_visible()
    expect(page.get_by_role("button", name="Delete all my data")).to_be_hidden()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_history_and_routine_lists(browser, live_server, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/history")
    expect(page.get_by_text("No sessions yet.")).to_be_visible()
    assert violations(page) == []
    import_file(page, json.dumps(EXPORT))
    expect(page.locator(".session")).to_have_count(3)
    assert violations(page) == []
    page.goto(f"{live_server.url}/en/routines/")
    expect(page.locator(".own-card")).to_have_count(1)
    assert violations(page) == []
    page.goto(f"{live_server.url}/en/routines/edit#own-abc123")
    expect(page.locator(".step-row")).to_have_count(2)
    assert violations(page) == []
    page.goto(f"{live_server.url}/en/routines/play#own-abc123")
    expect(page.get_by_role("heading", level=1)).to_have_text("Morning neck")
    assert violations(page) == []
    context.close()
