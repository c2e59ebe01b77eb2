"""Schedule maths: when a weekly reminder next fires, as pure functions of a given `now`.

Rules, in the reminder's own time zone:
- a time skipped by a spring-forward change fires once, at the moment the clocks jump
  (02:30 on a day when 02:00 becomes 03:00 fires at 03:00);
- a time repeated by a fall-back change fires once, at its first occurrence;
- a whole day skipped by a zone (Samoa, 30 December 2011) has no reminder;
- all instants are returned as naive UTC datetimes, the form the database stores.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Schedule:
    """A weekly reminder: weekday bit mask (bit 0 = Monday), minutes after midnight, zone."""

    days: int
    minute: int
    zone: str
    skip_through: datetime | None = None  # naive UTC: occurrences up to here are snoozed


@lru_cache(maxsize=1)
def zones() -> frozenset[str]:
    """Return every IANA time zone name this server knows."""
    return frozenset(available_timezones())


@lru_cache(maxsize=1024)
def zone(name: str) -> ZoneInfo:
    """Return a time zone by its IANA name (names must come from zones())."""
    return ZoneInfo(name)


def days_mask(names: list[str] | tuple[str, ...]) -> int:
    """Turn day names ("mon" … "sun") into a bit mask."""
    mask = 0
    for name in names:
        mask |= 1 << DAYS.index(name)
    return mask


def day_names(mask: int) -> list[str]:
    """Turn a bit mask back into day names, Monday first."""
    return [name for i, name in enumerate(DAYS) if mask & (1 << i)]


def utcnow() -> datetime:
    """Return the current time as naive UTC, the form the database stores."""
    return datetime.now(UTC).replace(tzinfo=None)


def to_utc(moment: datetime) -> datetime:
    """Return an aware or naive-UTC datetime as naive UTC."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def fire_instant(day: date, minute: int, tz: ZoneInfo) -> datetime:
    """Return the naive-UTC instant a reminder for this local day and time fires."""
    wall = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=tz)
    early = wall.astimezone(UTC)  # fold=0: the first of two, or the pre-change offset in a gap
    if early.astimezone(tz).replace(tzinfo=None) == wall.replace(tzinfo=None):
        return early.replace(tzinfo=None)
    # In a gap the wall time never happens: fire when the clocks jump, i.e. the instant between
    # the two readings where the offset changes. Zone transitions fall on whole seconds.
    lo = wall.replace(fold=1).astimezone(UTC)  # before the change
    hi = early  # after the change
    before = lo.astimezone(tz).utcoffset()
    while hi - lo > timedelta(seconds=1):
        mid = lo + (hi - lo) // 2
        mid = mid.replace(microsecond=0)
        if mid.astimezone(tz).utcoffset() == before:
            lo = mid
        else:
            hi = mid
    return hi.replace(tzinfo=None)


def local_date(instant: datetime, tz: ZoneInfo) -> date:
    """Return the local calendar date of a naive-UTC instant."""
    return instant.replace(tzinfo=UTC).astimezone(tz).date()


def next_due(reminder: Schedule, now: datetime) -> datetime | None:
    """Return the first instant strictly after `now` (naive UTC) at which the reminder fires."""
    if not reminder.days & 0x7F:
        return None
    tz = zone(reminder.zone)
    now = to_utc(now)
    floor = max(now, reminder.skip_through) if reminder.skip_through else now
    start = local_date(floor, tz) - timedelta(days=2)
    for offset in range(20):
        day = start + timedelta(days=offset)
        if reminder.days & (1 << day.weekday()):
            instant = fire_instant(day, reminder.minute, tz)
            if instant > floor and local_date(instant, tz) == day:
                return instant
    raise AssertionError("unreachable: a weekly reminder fires within two weeks")
