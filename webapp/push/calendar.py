"""The same schedule as a calendar file, for readers without push notifications.

Privacy: the form is POSTed, so the routine's name travels only in the request body of this one
download; nothing is stored, and it is not in the address, the browser history or access logs.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from flask import Blueprint, Response, current_app, request
from flask_babel import force_locale
from flask_babel import gettext as _
from icalendar import Alarm, Calendar, Event
from werkzeug.exceptions import BadRequest

from .. import i18n
from ..content import library
from . import validate
from .schedule import DAYS, days_mask, utcnow, zone, zones

bp = Blueprint("calendar", __name__, url_prefix="/api")
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_TITLE = 80


def _form() -> tuple[str, str, int, int, str, str, int]:
    """Check the form: language, zone, time, days, and a built-in routine or a title."""
    form = request.form
    lang = form.get("lang", "")
    if lang not in i18n.languages():
        raise BadRequest(f"lang: expected one of {', '.join(i18n.languages())}")
    tz = form.get("timezone", "")
    if tz not in zones():
        raise BadRequest("timezone: expected an IANA time zone such as Europe/Berlin")
    match = validate.TIME.fullmatch(form.get("time", ""))
    if not match:
        raise BadRequest("time: expected HH:MM, 24-hour")
    days = form.getlist("days")
    if not days or len(days) > 7 or any(d not in DAYS for d in days):
        raise BadRequest(f"days: choose one or more of {', '.join(DAYS)}")
    minutes = 15
    routine_id = form.get("routine", "")
    built_in = library().routines.get(routine_id)
    path = f"/{lang}/routines/"
    if built_in:
        title = library().languages[lang].routines[routine_id].name
        minutes = max(5, -(-built_in.total_seconds // 60))
        path = f"/{lang}/routines/{routine_id}"
    else:
        title = form.get("title", "").strip()
        if not title or len(title) > MAX_TITLE or not title.isprintable():
            raise BadRequest(f"title: expected a routine name of up to {MAX_TITLE} characters")
    return lang, tz, int(match[1]) * 60 + int(match[2]), days_mask(days), title, path, minutes


ZONE_RULE_YEARS = 30


def build(lang, tz, minute, mask, title, url, minutes, now: datetime) -> bytes:
    """Return an iCalendar file: one weekly event on the chosen days, in the chosen zone."""
    local = now.replace(tzinfo=UTC).astimezone(zone(tz)).date()
    first = next(
        local + timedelta(d) for d in range(7) if mask & (1 << (local + timedelta(d)).weekday())
    )
    start = datetime(first.year, first.month, first.day, minute // 60, minute % 60, tzinfo=zone(tz))
    with force_locale(lang):
        summary = _("Time for your routine: %(routine)s", routine=title)
        body = _("A few minutes for yourself. Tap to start.")
    event = Event()
    event.add("uid", f"{uuid.uuid4()}@knotwise")
    event.add("dtstamp", now.replace(tzinfo=UTC))
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=minutes))
    event.add("rrule", {"freq": "weekly", "byday": [BYDAY[i] for i in range(7) if mask & 1 << i]})
    event.add("summary", summary)
    event.add("description", f"{body}\n{url}")
    event.add("url", url)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    calendar = Calendar()
    calendar.add("prodid", "-//Knotwise//Reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add_component(event)
    # The zone's rules, which calendar apps apply to every repeat, from the first reminder on for
    # ZONE_RULE_YEARS (icalendar's default range starts in 1970 and stops in 2038).
    calendar.add_missing_timezones(
        first_date=first, last_date=first.replace(year=first.year + ZONE_RULE_YEARS, day=28)
    )
    return calendar.to_ical()


@bp.post("/calendar.ics")
def download():
    """Return the reader's reminder schedule as an .ics file to add to their calendar."""
    request.max_content_length = 4096
    lang, tz, minute, mask, title, path, minutes = _form()
    # The link back comes from PUBLIC_ORIGIN, never from the request's Host header (forgeable).
    url = current_app.extensions["push_origin"] + path
    data = build(lang, tz, minute, mask, title, url, minutes, utcnow())
    response = Response(data, mimetype="text/calendar")
    response.headers["Content-Disposition"] = 'attachment; filename="knotwise-reminder.ics"'
    response.headers["Cache-Control"] = "no-store"
    return response
