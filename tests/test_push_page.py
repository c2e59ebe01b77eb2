"""The reminders page (served, translated, strict) and the calendar file it offers."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from babel import Locale
from icalendar import Calendar

from webapp.push.calendar import build
from webapp.push.schedule import DAYS, days_mask, utcnow


def test_reminders_page_is_in_the_navigation_and_strict(client):
    response = client.get("/en/reminders")
    assert response.status_code == 200
    html = response.text
    assert '<body id="page-reminders"' in html
    assert re.search(r'<a href="/en/reminders" aria-current="page">Reminders</a>', html)
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert "style=" not in html and not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    # Without scripts the page still offers the calendar file for the same schedule.
    assert re.search(r'<form class="reminder-form" method="post" action="/api/calendar.ics"', html)
    assert "Turn on reminders" in html and "Notifications are blocked" in html


def test_reminders_page_offers_the_built_in_routines_and_a_week_in_locale_order(client):
    html = client.get("/en/reminders").text
    assert 'value="low-back"' in html
    days = re.findall(r'name="days" value="([a-z]{3})"', html)
    first = Locale.parse("en").first_week_day  # the week starts where the reader's does
    assert days == [DAYS[(first + i) % 7] for i in range(7)]
    assert "<option selected>UTC</option>" in html
    assert "<option>Europe/Berlin</option>" in html


def post_calendar(client, **changes):
    form = {"lang": "en", "timezone": "America/New_York", "time": "07:30", "days": ["mon", "fri"]}
    form.update(changes)
    return client.post("/api/calendar.ics", data=form)


def test_calendar_file_is_a_weekly_event_in_the_readers_zone(client, clock):
    response = post_calendar(client, routine="low-back")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Cache-Control"] == "no-store"
    calendar = Calendar.from_ical(response.data)
    (event,) = calendar.walk("VEVENT")
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["BYDAY"] == ["MO", "FR"]
    start = event.decoded("DTSTART")
    assert (start.hour, start.minute, str(start.tzinfo)) == (7, 30, "America/New_York")
    # Made on Wednesday 25 November (the frozen clock), Mondays and Fridays: first on Friday 27th.
    assert start.date() == date(2026, 11, 27)
    assert str(event["SUMMARY"]).startswith("Time for your routine: ")
    assert str(event["URL"]).endswith("/en/routines/low-back")
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    assert calendar.walk("VALARM")


def test_calendar_file_for_an_own_routine_carries_only_its_name(client):
    response = post_calendar(client, routine="own:abc", title="Morning neck")
    assert response.status_code == 200
    (event,) = Calendar.from_ical(response.data).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Time for your routine: Morning neck"


def test_calendar_starts_on_the_next_chosen_day():
    # Wednesday 25 November 2026, 12:00 UTC; Mondays only -> Monday 30 November.
    data = build("en", "Europe/Berlin", 450, days_mask(["mon"]), "X", "https://x/", 15,
                 datetime(2026, 11, 25, 12))  # fmt: skip
    assert b"DTSTART;TZID=Europe/Berlin:20261130T073000" in data


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"time": "25:00"}, "time"),
        ({"days": ["someday"]}, "days"),
        ({"days": []}, "days"),
        ({"timezone": "Nowhere/Land"}, "timezone"),
        ({"lang": "xx"}, "lang"),
        ({"title": "x" * 81}, "title"),
        ({"title": ""}, "title"),
        ({"title": "line\nbreak"}, "title"),
    ],
)
def test_calendar_refuses_bad_forms_with_json_naming_the_field(client, changes, field):
    response = post_calendar(client, **changes)
    assert response.status_code == 400
    assert response.json["error"].startswith(f"{field}:")


def test_calendar_refuses_oversized_forms(client):
    response = post_calendar(client, title="x" * 5000)
    assert response.status_code == 413 and response.is_json


@pytest.mark.parametrize("years", [0, 15])
def test_calendar_carries_the_zones_rules_from_its_first_reminder_on(clock, years):
    # Made on the frozen clock, or 15 years later (past 2038, where icalendar's default stops)
    first = 2026 + years
    clock.move_to(datetime(first, 11, 25, 12, tzinfo=UTC))
    data = build("en", "Europe/Berlin", 450, days_mask(["mon"]), "X", "https://x/", 15, utcnow())
    text = data.decode().replace("\r\n ", "")
    daylight = re.findall(r"BEGIN:DAYLIGHT(.*?)END:DAYLIGHT", text, re.S)
    summer = [int(d[:4]) for block in daylight for d in re.findall(r"[:,](\d{8})T", block)]
    # Summer time starts once a year from the first reminder on, for 30 years, and the rules
    # carry nothing from decades before it
    assert sorted(summer) == list(range(first + 1, first + 31)), summer
