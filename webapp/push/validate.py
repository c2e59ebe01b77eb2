"""Check request bodies for the subscriptions API; every refusal names the field."""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric import ec

from .endpoints import Allowlist, EndpointError
from .schedule import DAYS, days_mask, to_utc, zones

MAX_REMINDERS = 50
RID = re.compile(r"[A-Za-z0-9_-]{1,64}")
TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
B64URL = re.compile(r"[A-Za-z0-9_-]+={0,2}")
SNOOZE_HORIZON = timedelta(days=15)
EARLIEST = datetime(2000, 1, 1)  # naive UTC, as stored; anything before is a made-up value


class Invalid(ValueError):
    """A request body the API refuses; str() is the message for the reader's app."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}" if field else problem)
        self.field = field


@dataclass(frozen=True)
class ReminderIn:
    rid: str
    days: int
    minute: int
    skip_through: datetime | None


@dataclass(frozen=True)
class SubscriptionIn:
    endpoint: str
    p256dh: str
    auth: str


@dataclass(frozen=True)
class Settings:
    subscription: SubscriptionIn | None
    lang: str
    timezone: str
    paused: bool
    reminders: tuple[ReminderIn, ...]


def parse_json(data: bytes) -> dict:
    """Decode a JSON object body."""
    try:
        body = json.loads(data)
    except (ValueError, RecursionError):
        raise Invalid("body", "expected a JSON object") from None
    if not isinstance(body, dict):
        raise Invalid("body", "expected a JSON object")
    return body


def _only(obj: dict, allowed: set[str], where: str) -> None:
    for key in obj:
        if key not in allowed:
            name = key if isinstance(key, str) and len(key) <= 40 else "…"
            raise Invalid(f"{where}{name}", "unknown field")


def _key(value: object, field: str, size: int) -> bytes:
    if not isinstance(value, str) or len(value) > 200 or not B64URL.fullmatch(value):
        raise Invalid(field, "expected base64url text")
    bare = value.rstrip("=")
    try:
        raw = base64.urlsafe_b64decode(bare + "=" * (-len(bare) % 4))
    except ValueError:  # a length no base64 text can have (4n + 1 characters)
        raise Invalid(field, "expected base64url text") from None
    if len(raw) != size:
        raise Invalid(field, f"expected {size} bytes, got {len(raw)}")
    return raw


def subscription(value: object, allowlist: Allowlist) -> SubscriptionIn:
    """Check a PushSubscription as the browser's toJSON() gives it."""
    if not isinstance(value, dict):
        raise Invalid("subscription", "expected an object with endpoint and keys")
    _only(value, {"endpoint", "keys", "expirationTime"}, "subscription.")
    try:
        endpoint = allowlist.check(value.get("endpoint"))
    except EndpointError as error:
        raise Invalid("subscription.endpoint", str(error)) from None
    keys = value.get("keys")
    if not isinstance(keys, dict):
        raise Invalid("subscription.keys", "expected an object with p256dh and auth")
    _only(keys, {"p256dh", "auth"}, "subscription.keys.")
    point = _key(keys.get("p256dh"), "subscription.keys.p256dh", 65)
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
    except ValueError:
        raise Invalid("subscription.keys.p256dh", "not a P-256 public key") from None
    _key(keys.get("auth"), "subscription.keys.auth", 16)
    return SubscriptionIn(endpoint, keys["p256dh"].rstrip("="), keys["auth"].rstrip("="))


def _skip(value: object, field: str, now: datetime) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 40:
        raise Invalid(field, "expected an ISO 8601 time with a zone, or null")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise Invalid(field, "expected an ISO 8601 time with a zone, or null") from None
    if moment.tzinfo is None:
        raise Invalid(field, "expected a time zone offset such as Z")
    try:  # years 1 and 9999 with an offset fall outside what a datetime can hold in UTC
        moment = to_utc(moment.astimezone(UTC))
    except (OverflowError, ValueError):
        raise Invalid(field, "out of range") from None
    if moment < EARLIEST:
        raise Invalid(field, "out of range")
    if moment > now + SNOOZE_HORIZON:
        raise Invalid(field, "can only snooze the next reminder")
    return moment


def reminder(value: object, field: str, now: datetime) -> ReminderIn:
    """Check one reminder: an opaque id, days of the week and a local time."""
    if not isinstance(value, dict):
        raise Invalid(field, "expected an object with id, days and time")
    _only(value, {"id", "days", "time", "skip_until"}, f"{field}.")
    rid = value.get("id")
    if not isinstance(rid, str) or not RID.fullmatch(rid):
        raise Invalid(f"{field}.id", "expected 1 to 64 letters, digits, - or _")
    days = value.get("days")
    if not isinstance(days, list) or not days or len(days) > 7:
        raise Invalid(f"{field}.days", "expected a list of one to seven days")
    for day in days:
        if not isinstance(day, str) or day not in DAYS:
            raise Invalid(f"{field}.days", f"each day must be one of {', '.join(DAYS)}")
    if len(set(days)) != len(days):
        raise Invalid(f"{field}.days", "a day is listed twice")
    clock = value.get("time")
    match = TIME.fullmatch(clock) if isinstance(clock, str) else None
    if not match:
        raise Invalid(f"{field}.time", "expected HH:MM, 24-hour")
    minute = int(match[1]) * 60 + int(match[2])
    skip = _skip(value.get("skip_until"), f"{field}.skip_until", now)
    return ReminderIn(rid, days_mask(days), minute, skip)


def settings(
    body: dict,
    languages: tuple[str, ...],
    now: datetime,
    allowlist: Allowlist | None = None,
) -> Settings:
    """Check a subscribe (with allowlist) or update (without) body."""
    allowed = {"lang", "timezone", "paused", "reminders"}
    if allowlist:
        allowed.add("subscription")
    _only(body, allowed, "")
    sub = subscription(body.get("subscription"), allowlist) if allowlist else None
    lang = body.get("lang")
    if not isinstance(lang, str) or lang not in languages:
        raise Invalid("lang", f"expected one of {', '.join(languages)}")
    tz = body.get("timezone")
    if not isinstance(tz, str) or tz not in zones():
        raise Invalid("timezone", "expected an IANA time zone such as Europe/Berlin")
    paused = body.get("paused", False)
    if not isinstance(paused, bool):
        raise Invalid("paused", "expected true or false")
    items = body.get("reminders")
    if not isinstance(items, list):  # required: a missing list must not erase the reminders
        raise Invalid("reminders", "expected a list (empty for none)")
    if len(items) > MAX_REMINDERS:
        raise Invalid("reminders", f"at most {MAX_REMINDERS} reminders")
    reminders = tuple(reminder(r, f"reminders[{i}]", now) for i, r in enumerate(items))
    if len({r.rid for r in reminders}) != len(reminders):
        raise Invalid("reminders", "two reminders share an id")
    return Settings(sub, lang, tz, paused, reminders)
