"""The dispatcher, end to end on SQLite and PostgreSQL: real pywebpush requests to a loopback
push service that checks VAPID and decrypts every notification. No mocks on the push path."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select

from tests.conftest import NOW, PUBLIC_ORIGIN
from tests.pushservice import declarative
from webapp import i18n
from webapp.push import endpoints
from webapp.push.db import Reminder, Subscription
from webapp.push.dispatcher import Dispatcher, Stats, claim, run
from webapp.push.schedule import Schedule, days_mask, next_due, utcnow
from webapp.push.sender import Outcome, Sender

ROOT = Path(__file__).resolve().parent.parent
# Every test here runs on the frozen clock (NOW, a Wednesday noon): reminders are subscribed
# then, and dispatched at moments fixed in relation to it, whatever the real date.
pytestmark = pytest.mark.usefixtures("clock")
MONDAY_0730_BERLIN = datetime(2026, 11, 30, 6, 30)  # naive UTC: the Monday after NOW, 07:30 CET
assert MONDAY_0730_BERLIN - NOW.replace(tzinfo=None) == timedelta(days=4, hours=18, minutes=30)


def subscribe(app, service, reminders=None, lang="en", timezone="Europe/Berlin", paused=False):
    """Subscribe a new browser of the push service; return (subscriber, id, token)."""
    subscriber = service.subscriber()
    body = {
        "subscription": subscriber.subscription(),
        "lang": lang,
        "timezone": timezone,
        "paused": paused,
        "reminders": reminders or [{"id": "r-1", "days": ["mon"], "time": "07:30"}],
    }
    response = app.test_client().post("/api/push/subscriptions", json=body)
    assert response.status_code == 201, response.json
    return subscriber, response.json["id"], response.json["token"]


def send_due(app, now):
    dispatcher = Dispatcher(app)
    try:
        return dispatcher.send_due(now)
    finally:
        dispatcher.close()


def stored(app, model) -> int:
    with app.extensions["push_db"]["engine"].connect() as connection:
        return connection.execute(select(func.count()).select_from(model.__table__)).scalar()


def next_due_of(app, rid: str) -> datetime | None:
    with app.extensions["push_db"]["engine"].connect() as connection:
        return connection.execute(select(Reminder.next_due).where(Reminder.rid == rid)).scalar()


@pytest.mark.parametrize("lang", i18n.NAMES)
def test_due_reminder_arrives_decrypted_in_the_subscribers_language(push_app, push_service, lang):
    if lang not in push_app.config["LANGUAGES"]:
        lang = "en"  # this language's catalog is not compiled here; English stands in
    subscriber, _sid, _token = subscribe(push_app, push_service, lang=lang)
    assert send_due(push_app, MONDAY_0730_BERLIN - timedelta(minutes=1)).claimed == 0
    stats = send_due(push_app, MONDAY_0730_BERLIN + timedelta(seconds=5))
    assert (stats.claimed, stats.sent) == (1, 1)
    assert push_service.state.errors == []
    (delivery,) = push_service.deliveries(subscriber)
    message = delivery.message
    with push_app.app_context(), force_locale(lang):
        expected = _("Time for your routine")
    if lang != "en":
        assert expected != "Time for your routine", f"{lang} catalog lacks the reminder title"
    shown = declarative(message, PUBLIC_ORIGIN)
    assert shown["title"] == expected
    assert (shown["lang"], shown["dir"]) == (lang, "rtl" if lang == "ar" else "ltr")
    # The reminders page, with only the opaque id: the device maps it to the routine
    assert shown["navigate"] == f"{PUBLIC_ORIGIN}/{lang}/reminders#reminder=r-1"
    assert shown["tag"] == "knotwise-reminder-r-1"
    assert message["mutable"] is True
    assert shown["data"]["id"] == "r-1" and shown["data"]["type"] == "reminder"
    assert "{routine}" in shown["data"]["title_named"]
    assert delivery.headers["urgency"] == "high"
    assert 60 <= int(delivery.headers["ttl"]) <= 900
    assert delivery.claims["aud"] == push_service.url
    assert next_due_of(push_app, "r-1") == MONDAY_0730_BERLIN + timedelta(days=7)


def test_send_due_command_sends_what_is_due_at_the_given_time(push_app, push_service):
    subscriber, _sid, _token = subscribe(push_app, push_service)
    runner = push_app.test_cli_runner()
    result = runner.invoke(args=["reminders", "send-due", "--now", "2026-11-30T07:30:30+01:00"])
    assert result.exit_code == 0, result.output
    assert "sent 1" in result.output
    assert len(push_service.deliveries(subscriber)) == 1
    bad = runner.invoke(args=["reminders", "send-due", "--now", "yesterday"])
    assert bad.exit_code != 0 and "ISO 8601" in bad.output


@pytest.mark.parametrize("status", [404, 410])
def test_gone_subscription_is_deleted(push_app, push_service, status):
    subscriber, _sid, _token = subscribe(push_app, push_service)
    keep, _, _ = subscribe(push_app, push_service)
    push_service.answer(subscriber, (status, {}))
    stats = send_due(push_app, MONDAY_0730_BERLIN)
    assert (stats.gone, stats.sent) == (1, 1)
    assert stored(push_app, Subscription) == 1
    assert stored(push_app, Reminder) == 1
    assert len(push_service.deliveries(keep)) == 1


def test_rate_limited_push_is_retried_after_retry_after(push_app, push_service):
    subscriber, _sid, _token = subscribe(push_app, push_service)
    push_service.answer(subscriber, (429, {"Retry-After": "40"}))
    stats = send_due(push_app, MONDAY_0730_BERLIN)
    assert (stats.retried, stats.sent) == (1, 0)
    assert next_due_of(push_app, "r-1") == MONDAY_0730_BERLIN + timedelta(seconds=40)
    assert send_due(push_app, MONDAY_0730_BERLIN + timedelta(seconds=39)).claimed == 0
    stats = send_due(push_app, MONDAY_0730_BERLIN + timedelta(seconds=41))
    assert stats.sent == 1
    assert push_service.state.attempts[subscriber.token] == 2
    assert len(push_service.deliveries(subscriber)) == 1
    assert next_due_of(push_app, "r-1") == MONDAY_0730_BERLIN + timedelta(days=7)


def test_server_errors_back_off_and_give_up_after_the_grace_window(push_app, push_service):
    subscriber, _sid, _token = subscribe(push_app, push_service)
    push_service.answer(subscriber, *[(503, {})] * 20)
    now, waits = MONDAY_0730_BERLIN, []
    for _attempt in range(10):
        stats = send_due(push_app, now)
        due = next_due_of(push_app, "r-1")
        if not stats.retried:
            break
        waits.append((due - now).total_seconds())
        now = due
    assert waits[:4] == [15, 30, 60, 120]  # doubling backoff
    assert due == MONDAY_0730_BERLIN + timedelta(days=7)  # given up, next week instead
    assert push_service.deliveries(subscriber) == []


def test_redirects_are_never_followed(push_app, push_service):
    subscriber, _sid, _token = subscribe(push_app, push_service)
    elsewhere = push_service.subscriber()
    push_service.answer(subscriber, (307, {"Location": elsewhere.endpoint}))
    stats = send_due(push_app, MONDAY_0730_BERLIN)
    assert stats.failed == 1
    assert push_service.state.attempts[elsewhere.token] == 0
    assert push_service.deliveries() == []


def test_endpoints_are_checked_again_at_send_time(push_app, push_service):
    subscriber, _sid, _token = subscribe(push_app, push_service)
    strict = endpoints.parse(endpoints.DEFAULT_ALLOWLIST)  # the production list only
    dispatcher = Dispatcher(push_app, Sender(push_app.extensions["push_vapid"], strict))
    try:
        stats = dispatcher.send_due(MONDAY_0730_BERLIN)
    finally:
        dispatcher.close()
    assert stats.failed == 1
    assert push_service.state.attempts[subscriber.token] == 0


def test_missed_reminders_are_sent_within_the_grace_window_and_skipped_after(
    push_app, push_service
):
    soon, _, _ = subscribe(push_app, push_service, [{"id": "a", "days": ["mon"], "time": "07:30"}])
    late, _, _ = subscribe(push_app, push_service, [{"id": "b", "days": ["mon"], "time": "05:00"}])
    stats = send_due(push_app, MONDAY_0730_BERLIN + timedelta(minutes=10))
    assert (stats.sent, stats.skipped) == (1, 1)
    assert len(push_service.deliveries(soon)) == 1
    assert push_service.deliveries(late) == []
    assert next_due_of(push_app, "b") == datetime(2026, 12, 7, 4, 0)


def test_a_crash_mid_batch_loses_nothing(push_app, push_service):
    subscriber, _sid, _token = subscribe(push_app, push_service)
    engine = push_app.extensions["push_db"]["engine"]
    with engine.begin() as connection:  # a dispatcher claims the row, then dies
        (job,) = claim(connection, MONDAY_0730_BERLIN, timedelta(seconds=300), "dead", 10)
    assert job.due_at == MONDAY_0730_BERLIN
    assert send_due(push_app, MONDAY_0730_BERLIN + timedelta(seconds=299)).claimed == 0
    stats = send_due(push_app, MONDAY_0730_BERLIN + timedelta(seconds=301))
    assert stats.sent == 1
    (delivery,) = push_service.deliveries(subscriber)
    assert delivery.message["notification"]["data"]["id"] == "r-1"


def test_paused_and_snoozed_reminders_are_not_sent(push_app, push_service):
    paused, _, _ = subscribe(push_app, push_service, paused=True)
    snoozed, sid, token = subscribe(
        push_app,
        push_service,
        [{"id": "s", "days": ["mon"], "time": "07:30", "skip_until": "2026-11-30T06:30:00Z"}],
    )
    stats = send_due(push_app, MONDAY_0730_BERLIN + timedelta(seconds=1))
    assert stats.claimed == 0
    assert next_due_of(push_app, "s") == MONDAY_0730_BERLIN + timedelta(days=7)
    assert push_service.deliveries() == []


def test_an_edit_while_sending_keeps_the_new_schedule(push_app, push_service):
    _subscriber, sid, token = subscribe(push_app, push_service)
    engine = push_app.extensions["push_db"]["engine"]
    with engine.begin() as connection:  # a dispatcher is busy sending the 07:30 one…
        (job,) = claim(connection, MONDAY_0730_BERLIN, timedelta(seconds=300), "busy", 10)
    before = utcnow()
    response = push_app.test_client().put(  # …when the reader moves it to 08:00
        f"/api/push/subscriptions/{sid}",
        json={
            "lang": "en",
            "timezone": "Europe/Berlin",
            "reminders": [{"id": "r-1", "days": ["mon"], "time": "08:00"}],
        },
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200
    dispatcher = Dispatcher(push_app)
    dispatcher._finish([(job, Outcome("sent"))], MONDAY_0730_BERLIN, "busy", Stats())
    dispatcher.close()
    expected = next_due(Schedule(days_mask(["mon"]), 480, "Europe/Berlin"), before)
    assert next_due_of(push_app, "r-1") == expected


def _dispatcher_process(app, extra_env: dict) -> subprocess.Popen:
    env = {
        **os.environ,
        "FLASK_TESTING": "true",
        "FLASK_INSTANCE_PATH": app.instance_path,
        "FLASK_PUSH_TEST_ORIGINS": app.config["PUSH_TEST_ORIGINS"],
        "FLASK_LANGUAGES": " ".join(app.config["LANGUAGES"]),
        "FLASK_DISPATCH_BATCH": "10",
        "FLASK_DISPATCH_WORKERS": "4",
        **extra_env,
    }
    if app.config.get("DATABASE_URL"):
        env["FLASK_DATABASE_URL"] = app.config["DATABASE_URL"]
    return subprocess.Popen(
        [sys.executable, "-m", "tests.frozen", NOW.isoformat(), "flask",  # the test's clock
         "--app", "webapp", "reminders", "send-due", "--now", "2026-11-30T06:30:10Z"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


def test_two_dispatchers_at_once_send_each_reminder_exactly_once(push_app, push_service):
    subscribers = []
    for i in range(60):
        reminders = [{"id": f"r{i}-{k}", "days": ["mon"], "time": "07:30"} for k in range(3)]
        subscribers.append(subscribe(push_app, push_service, reminders)[0])
    push_service.state.delay = 0.02  # each push takes a moment, so both dispatchers overlap
    go = threading.Barrier(2)
    processes = []

    def start():
        go.wait()
        processes.append(_dispatcher_process(push_app, {}))

    threads = [threading.Thread(target=start) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    outputs = [p.communicate(timeout=120)[0] for p in processes]
    assert all(p.returncode == 0 for p in processes), outputs
    claimed = [int(out.split("claimed ")[1].split(",")[0]) for out in outputs]
    assert sum(claimed) == 180
    assert min(claimed) > 0, f"one dispatcher did all the work: {claimed}"
    assert push_service.state.errors == []
    counts = push_service.state.counts
    assert sorted(counts[s.token] for s in subscribers) == [3] * 60
    ids = [d.message["notification"]["data"]["id"] for d in push_service.deliveries()]
    assert len(ids) == len(set(ids)) == 180


def test_the_run_loop_sends_as_reminders_come_due_and_stops_when_told(push_app, push_service):
    subscriber, _sid, _token = subscribe(push_app, push_service)
    stop = threading.Event()
    clock = iter([MONDAY_0730_BERLIN - timedelta(minutes=1)] * 2 + [MONDAY_0730_BERLIN] * 1000)
    push_app.config["DISPATCH_POLL_SECONDS"] = 0.05
    loop = threading.Thread(target=run, args=(push_app, stop, lambda: next(clock)))
    loop.start()
    try:
        assert len(push_service.wait_for(1, timeout=10)) == 1
    finally:
        stop.set()
        loop.join(10)
        push_app.config["DISPATCH_POLL_SECONDS"] = 15
    assert not loop.is_alive()
    assert push_service.deliveries(subscriber)[0].message["notification"]["data"]["id"] == "r-1"
