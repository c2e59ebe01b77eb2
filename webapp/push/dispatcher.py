"""Find due reminders, claim them atomically, send them and schedule the next ones.

A claim moves a due row's next_due to the end of a lease and remembers the occurrence in
due_at, in one statement (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: one write transaction at
a time), so concurrent dispatchers never pick the same row. Finishing a row is conditional on
still holding its claim. If a dispatcher dies mid-batch, its rows come due again when the lease
ends and the next dispatcher sends them, unless they are older than the grace window by then.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import Flask
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import SQLAlchemyError

from . import message
from .db import Reminder, Subscription
from .schedule import Schedule, next_due
from .sender import Outcome, Sender

R = Reminder.__table__
S = Subscription.__table__
FLUSH_EVERY = 200


@dataclass
class Stats:
    """What one pass did."""

    claimed: int = 0
    sent: int = 0
    gone: int = 0
    retried: int = 0
    skipped: int = 0
    failed: int = 0


@dataclass(frozen=True)
class Job:
    pk: int
    rid: str
    days: int
    minute: int
    skip_through: datetime | None
    due_at: datetime
    attempts: int
    sid: str
    endpoint: str
    p256dh: str
    auth: str
    lang: str
    timezone: str


def claim_statement(now: datetime, lease_until: datetime, token: str, limit: int):
    """Return the statement that takes up to `limit` due reminders (RETURNING their ids)."""
    due = (
        select(R.c.id)
        .where(R.c.next_due <= now)
        .order_by(R.c.next_due)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return (
        update(R)
        .where(R.c.id.in_(due.scalar_subquery()))
        .values(
            next_due=lease_until,
            due_at=func.coalesce(R.c.due_at, R.c.next_due),
            claim=token,
        )
        .returning(R.c.id)
    )


def claim(connection, now: datetime, lease: timedelta, token: str, limit: int) -> list[Job]:
    """Take up to `limit` due reminders for this dispatcher; nobody else can take them now."""
    claimed = connection.execute(claim_statement(now, now + lease, token, limit)).scalars()
    ids = list(claimed)
    if not ids:
        return []
    rows = connection.execute(
        select(
            R.c.id,
            R.c.rid,
            R.c.days,
            R.c.minute,
            R.c.skip_through,
            R.c.due_at,
            R.c.attempts,
            S.c.id,
            S.c.endpoint,
            S.c.p256dh,
            S.c.auth,
            S.c.lang,
            S.c.timezone,
        )
        .join(S, S.c.id == R.c.subscription_id)
        .where(R.c.id.in_(ids))
    )
    return [Job(*row) for row in rows]


class NotConfigured(RuntimeError):
    """The app may not push: its VAPID subject is a placeholder (the message says what to set)."""


class Dispatcher:
    """Send due reminders for one app; several of these may run at once anywhere."""

    def __init__(self, app: Flask, sender: Sender | None = None) -> None:
        problem = app.extensions.get("push_subject_problem")
        if problem:
            raise NotConfigured(f"reminders will not be sent: {problem}")
        self.app = app
        self.engine = app.extensions["push_db"]["engine"]
        self.sender = sender or app.extensions["push_sender"]
        config = app.config
        self.batch = int(config["DISPATCH_BATCH"])
        self.workers = int(config["DISPATCH_WORKERS"])
        self.lease = timedelta(seconds=float(config["DISPATCH_LEASE_SECONDS"]))
        self.grace = timedelta(seconds=float(config["REMINDER_GRACE_SECONDS"]))
        self.pool = ThreadPoolExecutor(self.workers, thread_name_prefix="push")

    def close(self) -> None:
        """Stop the sending threads and close the connections they kept open."""
        self.pool.shutdown(wait=True)
        self.sender.close()

    def send_due(self, now: datetime) -> Stats:
        """Send everything due at `now` (naive UTC), batch after batch, and return the counts."""
        total = Stats()
        while True:
            stats = self.pass_once(now)
            for name in ("claimed", "sent", "gone", "retried", "skipped", "failed"):
                setattr(total, name, getattr(total, name) + getattr(stats, name))
            if stats.claimed < self.batch:
                return total

    def pass_once(self, now: datetime) -> Stats:
        """Claim one batch, send it and record the outcomes."""
        token = secrets.token_hex(16)
        with self.engine.begin() as connection:
            jobs = claim(connection, now, self.lease, token, self.batch)
        stats = Stats(claimed=len(jobs))
        pending: list[tuple[Job, Outcome]] = []
        futures = []
        with self.app.app_context():
            for job in jobs:
                if now - job.due_at > self.grace:
                    pending.append((job, Outcome("skipped")))
                    continue
                data = message.payload("reminder", job.lang, job.rid)
                futures.append(self.pool.submit(self._send, job, data, now))
        for future in as_completed(futures):
            pending.append(future.result())
            if len(pending) >= FLUSH_EVERY:
                self._finish(pending, now, token, stats)
                pending = []
        self._finish(pending, now, token, stats)
        return stats

    def _send(self, job: Job, data: bytes, now: datetime) -> tuple[Job, Outcome]:
        # A reminder is worth delivering only until its grace window ends.
        ttl = max(60, int((self.grace - (now - job.due_at)).total_seconds()))
        topic = hashlib.sha256(f"{job.sid}/{job.rid}".encode()).hexdigest()[:32]
        return job, self.sender.send(job.endpoint, job.p256dh, job.auth, data, ttl, "high", topic)

    def _finish(self, results: list[tuple[Job, Outcome]], now: datetime, token: str, stats: Stats):
        """Record outcomes: schedule the next occurrence, a retry, or forget a gone endpoint."""
        if not results:
            return
        advance, retry, gone = [], [], set()
        for job, outcome in results:
            kind = outcome.kind
            if kind == "retry":
                delay = max(outcome.retry_after or 0, min(2**job.attempts * 15, 600))
                at = now + timedelta(seconds=delay)
                if at - job.due_at <= self.grace:
                    retry.append({"pk": job.pk, "at": at})
                    stats.retried += 1
                    continue
                kind = "failed"
            if kind == "gone":
                gone.add(job.sid)
                stats.gone += 1
                continue
            setattr(stats, kind, getattr(stats, kind) + 1)
            schedule = Schedule(job.days, job.minute, job.timezone, job.skip_through)
            advance.append({"pk": job.pk, "at": next_due(schedule, max(job.due_at, now))})
        # One statement per distinct next time: reminders due together mostly share it.
        with self.engine.begin() as connection:
            for at, ids in _by_time(advance):
                connection.execute(
                    update(R)
                    .where(R.c.id.in_(ids), R.c.claim == token)
                    .values(next_due=at, due_at=None, claim=None, attempts=0)
                )
            for at, ids in _by_time(retry):
                connection.execute(
                    update(R)
                    .where(R.c.id.in_(ids), R.c.claim == token)
                    .values(next_due=at, claim=None, attempts=R.c.attempts + 1)
                )
            if gone:
                connection.execute(delete(S).where(S.c.id.in_(sorted(gone))))

    def wait_seconds(self, now: datetime, longest: float) -> float:
        """Return how long to sleep before the next reminder is due (at most `longest`)."""
        with self.engine.connect() as connection:
            soonest = connection.execute(select(func.min(R.c.next_due))).scalar()
        if soonest is None:
            return longest
        return max(0.0, min(longest, (soonest - now).total_seconds()))


def _by_time(rows: list[dict]) -> list[tuple[datetime | None, list[int]]]:
    """Group {"pk", "at"} rows by their time."""
    groups: dict[datetime | None, list[int]] = {}
    for row in rows:
        groups.setdefault(row["at"], []).append(row["pk"])
    return list(groups.items())


def run(app: Flask, stop: threading.Event, clock) -> None:
    """Send due reminders until told to stop, sleeping until the next one is due."""
    dispatcher = Dispatcher(app)
    poll = float(app.config["DISPATCH_POLL_SECONDS"])
    try:
        while not stop.is_set():
            try:
                stats = dispatcher.send_due(clock())
                if stats.claimed:
                    app.logger.info("reminders: %s", stats)
                wait = dispatcher.wait_seconds(clock(), poll)
            except SQLAlchemyError:  # the database is away: what was claimed comes due again
                app.logger.exception("reminders: database error; trying again shortly")
                wait = poll
            stop.wait(wait)
    finally:
        dispatcher.close()
