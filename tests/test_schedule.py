"""Schedule maths: weekly reminders at local times, across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from webapp.push.schedule import DAYS, Schedule, days_mask, fire_instant, next_due
from webapp.push.validate import EARLIEST


def utc(*args) -> datetime:
    return datetime(*args)


def local(instant: datetime, zone: str) -> datetime:
    return instant.replace(tzinfo=UTC).astimezone(ZoneInfo(zone))


def every(days=DAYS, at="07:30", zone="UTC", skip=None) -> Schedule:
    hours, minutes = map(int, at.split(":"))
    return Schedule(days_mask(list(days)), hours * 60 + minutes, zone, skip)


def fires(schedule: Schedule, start: datetime, end: datetime) -> list[datetime]:
    """Return every instant the reminder fires between start and end, as a dispatcher sees it."""
    out, now = [], start
    while (due := next_due(schedule, now)) < end:
        out.append(due)
        now = due
    return out


@pytest.mark.parametrize(
    ("zone", "at", "day", "expected_utc", "expected_local"),
    [
        # Spring forward: 02:00 becomes 03:00, so 02:30 fires once, as the clocks jump.
        ("Europe/Berlin", "02:30", date(2026, 3, 29), utc(2026, 3, 29, 1, 0), "03:00"),
        ("America/New_York", "02:30", date(2026, 3, 8), utc(2026, 3, 8, 7, 0), "03:00"),
        # Lord Howe moves only 30 minutes: 02:00 becomes 02:30.
        ("Australia/Lord_Howe", "02:15", date(2026, 10, 4), utc(2026, 10, 3, 15, 30), "02:30"),
        # Fall back: 02:30 happens twice; the first one counts.
        ("Europe/Berlin", "02:30", date(2026, 10, 25), utc(2026, 10, 25, 0, 30), "02:30"),
        ("America/New_York", "01:30", date(2026, 11, 1), utc(2026, 11, 1, 5, 30), "01:30"),
        ("Australia/Lord_Howe", "01:45", date(2026, 4, 5), utc(2026, 4, 4, 14, 45), "01:45"),
        # No daylight saving at all, and a half-hour offset.
        ("Asia/Kolkata", "07:00", date(2026, 6, 1), utc(2026, 6, 1, 1, 30), "07:00"),
        ("Asia/Kolkata", "00:15", date(2026, 3, 29), utc(2026, 3, 28, 18, 45), "00:15"),
        # An ordinary day either side of the changes.
        ("Europe/Berlin", "07:30", date(2026, 1, 5), utc(2026, 1, 5, 6, 30), "07:30"),
        ("Europe/Berlin", "07:30", date(2026, 7, 6), utc(2026, 7, 6, 5, 30), "07:30"),
    ],
)
def test_fixed_local_times(zone, at, day, expected_utc, expected_local):
    schedule = every([DAYS[day.weekday()]], at, zone)
    due = next_due(schedule, datetime.combine(day, datetime.min.time()) - timedelta(days=1))
    assert due == expected_utc
    assert local(due, zone).strftime("%H:%M") == expected_local


@pytest.mark.parametrize(
    ("zone", "at", "day"),
    [
        ("Europe/Berlin", "02:30", date(2026, 10, 25)),
        ("America/New_York", "01:30", date(2026, 11, 1)),
        ("Australia/Lord_Howe", "01:45", date(2026, 4, 5)),
        ("Europe/Berlin", "02:30", date(2026, 3, 29)),
        ("America/New_York", "02:30", date(2026, 3, 8)),
        ("Australia/Lord_Howe", "02:15", date(2026, 10, 4)),
    ],
)
def test_a_changeover_day_fires_exactly_once(zone, at, day):
    schedule = every(DAYS, at, zone)
    start = datetime.combine(day - timedelta(days=2), datetime.min.time())
    instants = fires(schedule, start, start + timedelta(days=5))
    local_days = [local(i, zone).date() for i in instants]
    assert day in local_days
    assert local_days == [local_days[0] + timedelta(days=i) for i in range(len(local_days))]
    assert len(local_days) >= 4


def test_next_due_is_strictly_after_now():
    schedule = every(["mon"], "07:30", "Europe/Berlin")
    at = utc(2026, 1, 5, 6, 30)
    assert next_due(schedule, at - timedelta(seconds=1)) == at
    assert next_due(schedule, at) == at + timedelta(days=7)


def test_aware_now_is_read_as_its_utc_instant():
    schedule = every(["mon"], "07:30", "Europe/Berlin")
    aware = datetime(2026, 1, 5, 7, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert next_due(schedule, aware) == utc(2026, 1, 5, 6, 30)


def test_snooze_skips_only_the_next_occurrence():
    plain = every(["mon", "wed"], "07:30", "Europe/Berlin")
    now = utc(2026, 1, 4, 12)
    first = next_due(plain, now)
    snoozed = Schedule(plain.days, plain.minute, plain.zone, skip_through=first)
    assert next_due(snoozed, now) == next_due(plain, first) == utc(2026, 1, 7, 6, 30)
    assert next_due(snoozed, utc(2026, 1, 8)) == next_due(plain, utc(2026, 1, 8))


def test_no_days_means_never():
    assert next_due(Schedule(0, 450, "UTC"), utc(2026, 1, 1)) is None


def test_a_day_that_never_happened_has_no_reminder():
    # Samoa skipped Friday 30 December 2011 entirely, going from UTC-10 to UTC+14.
    fridays = every(["fri"], "09:00", "Pacific/Apia")
    assert local(next_due(fridays, utc(2011, 12, 28)), "Pacific/Apia").date() == date(2012, 1, 6)
    daily = every(DAYS, "09:00", "Pacific/Apia")
    days = [
        local(i, "Pacific/Apia").date() for i in fires(daily, utc(2011, 12, 28), utc(2012, 1, 2))
    ]
    assert days == [
        date(2011, 12, 28),
        date(2011, 12, 29),
        date(2011, 12, 31),
        date(2012, 1, 1),
        date(2012, 1, 2),
    ]


# Zones with unusual rules: 30-minute DST, southern hemisphere, negative DST (Dublin), DST
# abolished or moved, and plain ones.
ZONES = [
    "Europe/Berlin",
    "Europe/London",
    "Europe/Dublin",
    "America/New_York",
    "America/Santiago",
    "America/Sao_Paulo",
    "America/St_Johns",
    "Australia/Lord_Howe",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Asia/Tehran",
    "Africa/Casablanca",
    "Pacific/Chatham",
    "Pacific/Apia",
    "Asia/Gaza",
    "UTC",
]
schedules = st.builds(
    Schedule,
    days=st.integers(1, 127),
    minute=st.integers(0, 1439),
    zone=st.sampled_from(ZONES),
)
# Any moment the API accepts (from EARLIEST) far into the future: past 2037 the zones' rules come
# from their POSIX TZ strings, and the maths must hold there too, whatever the real date.
moments = st.datetimes(min_value=EARLIEST, max_value=datetime(2199, 12, 31))


def transitions(zone: str, year: int) -> list[datetime]:
    """Return the naive-UTC instants in a year at which a zone's UTC offset changes."""
    tz, out = ZoneInfo(zone), []
    t = datetime(year, 1, 1, tzinfo=UTC)
    step = timedelta(hours=1)
    while t.year == year:
        if (t + step).astimezone(tz).utcoffset() != t.astimezone(tz).utcoffset():
            out.append(fire_instant((t + step).astimezone(tz).date(), 0, tz))
        t += step
    return out


@settings(max_examples=300, deadline=None, database=None)
@given(schedules, moments)
def test_next_due_is_the_first_valid_local_time_after_now(schedule, now):
    due = next_due(schedule, now)
    assert due > now
    assert due - now <= timedelta(days=8)
    wall = local(due, schedule.zone)
    assert schedule.days & (1 << wall.weekday()) or wall.hour == wall.minute == 0
    wanted = (schedule.minute // 60, schedule.minute % 60)
    if (wall.hour, wall.minute) != wanted:
        # Only when the wanted time fell in a gap: the reminder fires as the clocks jump,
        # so one second earlier the local time was before the wanted one.
        before = local(due - timedelta(seconds=1), schedule.zone)
        assert before.utcoffset() != wall.utcoffset()
        assert (before.hour, before.minute) < wanted or before.date() < wall.date()
    # Nothing was skipped: no earlier instant after now fires at the wanted local time.
    probe = now + timedelta(minutes=1)
    while probe < due - timedelta(minutes=1):
        w = local(probe, schedule.zone)
        assert not (
            schedule.days & (1 << w.weekday()) and (w.hour, w.minute) == wanted and w.fold == 0
        ), probe
        probe += (
            timedelta(minutes=30)
            if abs((probe - due).total_seconds()) > 7200
            else timedelta(minutes=1)
        )


@settings(max_examples=60, deadline=None, database=None)
@given(
    zone=st.sampled_from(ZONES),
    minute=st.integers(0, 1439),
    year=st.integers(2005, 2036),
    data=st.data(),
)
def test_each_chosen_day_fires_once_around_every_transition(zone, minute, year, data):
    changes = transitions(zone, year)
    if not changes:
        return
    change = data.draw(st.sampled_from(changes))
    schedule = Schedule(127, minute, zone)
    start = change - timedelta(days=3)
    instants = fires(schedule, start, change + timedelta(days=3))
    local_days = [local(i, zone).date() for i in instants]
    assert len(local_days) == len(set(local_days)), "a local day fired twice"
    assert instants == sorted(instants)
    assert 5 <= len(instants) <= 7
