"""Save and find subscriptions; tokens are kept only as hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .db import Reminder, Subscription
from .schedule import Schedule, day_names, next_due
from .validate import Settings


def token_hash(token: str) -> str:
    """Hash a bearer token (random, 256 bits, so one round of SHA-256 is enough)."""
    return hashlib.sha256(token.encode()).hexdigest()


def find(session: Session, sid: str, token: str) -> Subscription | None:
    """Return the subscription with this id if the token is its own."""
    sub = session.get(Subscription, sid)
    if sub is None or not hmac.compare_digest(sub.token_hash, token_hash(token)):
        return None
    return sub


def subscribe(session: Session, settings: Settings, now: datetime) -> tuple[Subscription, str]:
    """Create or update the subscription for an endpoint; return it and a fresh token."""
    incoming = settings.subscription
    sub = session.scalars(
        select(Subscription).where(Subscription.endpoint == incoming.endpoint)
    ).one_or_none()
    if sub is None:
        sub = Subscription(id=secrets.token_urlsafe(16), endpoint=incoming.endpoint, created_at=now)
        session.add(sub)
    sub.p256dh, sub.auth = incoming.p256dh, incoming.auth
    token = secrets.token_urlsafe(32)  # whoever holds the endpoint now holds the only token
    sub.token_hash = token_hash(token)
    update(sub, settings, now)
    return sub, token


def update(sub: Subscription, settings: Settings, now: datetime) -> None:
    """Apply language, time zone, pause and the full list of reminders to a subscription."""
    sub.lang, sub.timezone, sub.paused, sub.updated_at = (
        settings.lang,
        settings.timezone,
        settings.paused,
        now,
    )
    existing = {r.rid: r for r in sub.reminders}
    wanted = {r.rid for r in settings.reminders}
    for rid, row in existing.items():
        if rid not in wanted:
            sub.reminders.remove(row)
    for item in settings.reminders:
        row = existing.get(item.rid)
        if row is None:
            row = Reminder(rid=item.rid)
            sub.reminders.append(row)
        row.days, row.minute, row.skip_through = item.days, item.minute, item.skip_through
        # A dispatcher holding the old row finds its claim gone and leaves the new schedule be.
        row.claim, row.due_at, row.attempts = None, None, 0
        row.next_due = None if sub.paused else next_due(schedule(row, sub.timezone), now)


def schedule(row: Reminder, timezone: str) -> Schedule:
    """Return the schedule of a stored reminder."""
    return Schedule(row.days, row.minute, timezone, row.skip_through)


def describe(sub: Subscription, now: datetime) -> dict:
    """Return what the device shows: each reminder's next time (UTC, ISO 8601)."""
    items = []
    for row in sub.reminders:
        upcoming = None if sub.paused else next_due(schedule(row, sub.timezone), now)
        items.append(
            {
                "id": row.rid,
                "days": day_names(row.days),
                "time": f"{row.minute // 60:02d}:{row.minute % 60:02d}",
                "next": upcoming.isoformat() + "Z" if upcoming else None,
            }
        )
    return {"id": sub.id, "paused": sub.paused, "timezone": sub.timezone, "reminders": items}
