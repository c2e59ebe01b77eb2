"""The reminders API: what it accepts, what it refuses (4xx JSON naming the field, nothing
stored), tokens kept as hashes, upsert by endpoint, rate limits and the test notification."""

from __future__ import annotations

import base64
import json
import os
import stat

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from flask_babel import force_locale
from flask_babel import gettext as _
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from tests.conftest import PUBLIC_ORIGIN, close_push_app, push_config
from tests.pushservice import declarative
from webapp import create_app
from webapp.push.db import Reminder, Subscription

API = "/api/push/subscriptions"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def a_point() -> str:
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    return b64(
        key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )


def body(endpoint="https://fcm.googleapis.com/fcm/send/abc:DEF-123", **changes) -> dict:
    data = {
        "subscription": {
            "endpoint": endpoint,
            "keys": {"p256dh": a_point(), "auth": b64(b"a" * 16)},
        },
        "lang": "en",
        "timezone": "Europe/Berlin",
        "reminders": [{"id": "r-1", "days": ["mon", "thu"], "time": "07:30"}],
    }
    data.update(changes)
    return data


def count(app, model) -> int:
    with app.extensions["push_db"]["engine"].connect() as connection:
        return connection.execute(select(func.count()).select_from(model.__table__)).scalar()


@pytest.fixture
def api(push_app):
    return push_app.test_client()


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_key_is_a_p256_public_key(api):
    response = api.get("/api/push/key")
    assert response.status_code == 200
    raw = base64.urlsafe_b64decode(response.json["key"] + "==")
    ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://fcm.googleapis.com/fcm/send/dGVzdA:APA91b-abc_DEF",
        "https://fcm.googleapis.com:443/wp/abc",
        "https://updates.push.services.mozilla.com/wpush/v2/gAAAAABc",
        "https://web.push.apple.com/QGz4Ab-cd_ef",
        "https://wns2-par02p.notify.windows.com/w/?token=BQYAAAB%2fabc",
    ],
)
def test_real_push_services_are_accepted(api, push_app, endpoint):
    response = api.post(API, json=body(endpoint))
    assert response.status_code == 201, response.json
    assert set(response.json) >= {"id", "token"}
    assert count(push_app, Subscription) == 1


HOSTILE = [
    "http://fcm.googleapis.com/fcm/send/abc",  # not https
    "https://fcm.googleapis.com:8443/fcm/send/abc",  # not 443
    "https://fcm.googleapis.com:80/fcm/send/abc",
    "https://fcm.googleapis.com.evil.example/fcm/send/abc",  # look-alikes
    "https://evilfcm.googleapis.com/x",
    "https://fcm.googleapis.co/fcm/send/abc",
    "https://fcm-googleapis.com/x",
    "https://fcm.googleapis.com./fcm/send/abc",
    "https://FCM.googleapis.com/fcm/send/abc",
    "https://notify.windows.com/w/",
    "https://a.b.notify.windows.com/w/",  # the wildcard is one label only
    "https://evil.com#.notify.windows.com/",
    "https://fcm.googleapis.com@evil.example/x",  # user info tricks
    "https://user:pass@fcm.googleapis.com/fcm/send/abc",
    "https://evil.example\\@fcm.googleapis.com/x",
    "https://evil.example\\.fcm.googleapis.com/x",
    "https://169.254.169.254/latest/meta-data/",  # cloud metadata
    "http://169.254.169.254/latest/meta-data/",
    "https://metadata.google.internal/computeMetadata/v1/",
    "https://127.0.0.1/x",  # address literals
    "https://2130706433/x",
    "https://0x7f.0.0.1/x",
    "https://[::1]/x",
    "https://[fd00::1]/x",
    "https://[::ffff:169.254.169.254]/x",
    "https://10.0.0.1/x",
    "https://localhost/x",
    "ftp://fcm.googleapis.com/x",  # other schemes
    "file:///etc/passwd",
    "javascript:alert(1)",
    "gopher://fcm.googleapis.com:443/x",
    "//fcm.googleapis.com/x",
    "fcm.googleapis.com/x",
    "https://fcm.googleapis.com",  # no path
    "https://fcm.googleapis.com?x=/y",
    "https://fcm.googleapis.com /x",
    "https://fcm.googleapis.com/x y",
    "https://fcm.googleapis.com/x\r\nHost: evil",
    "https://fcm.googleapis.com/" + "a" * 1100,
    "https://fcm.googleapis.com/\u00e9",
    "http://127.0.0.1:1/x",  # a loopback port that is not the test push service's
    "",
    None,
    42,
    ["https://fcm.googleapis.com/x"],
]


@pytest.mark.parametrize("endpoint", HOSTILE)
def test_hostile_endpoints_are_refused_and_nothing_is_stored(api, push_app, endpoint):
    response = api.post(API, json=body(endpoint))
    assert response.status_code == 400
    assert response.json["error"].startswith("subscription.endpoint:")
    assert count(push_app, Subscription) == count(push_app, Reminder) == 0


def reminder(**changes) -> list[dict]:
    return [{"id": "r-1", "days": ["mon"], "time": "07:30", **changes}]


def with_keys(**keys) -> dict:
    data = body()
    data["subscription"]["keys"].update(keys)
    return data


MALFORMED = [
    ("reminders[0].time", body(reminders=reminder(time="24:00"))),
    ("reminders[0].time", body(reminders=reminder(time="7:30"))),
    ("reminders[0].time", body(reminders=reminder(time="07:60"))),
    ("reminders[0].time", body(reminders=reminder(time="07:30:00"))),
    ("reminders[0].time", body(reminders=reminder(time=730))),
    ("reminders[0].time", body(reminders=reminder(time="０７:３０"))),
    ("reminders[0].days", body(reminders=reminder(days=["funday"]))),
    ("reminders[0].days", body(reminders=reminder(days=[]))),
    ("reminders[0].days", body(reminders=reminder(days="mon"))),
    ("reminders[0].days", body(reminders=reminder(days=["mon", "mon"]))),
    ("reminders[0].days", body(reminders=reminder(days=["Mon"]))),
    ("reminders[0].days", body(reminders=reminder(days=[1]))),
    ("timezone", body(timezone="Mars/Olympus_Mons")),
    ("timezone", body(timezone="../../../../etc/passwd")),
    ("timezone", body(timezone="")),
    ("timezone", body(timezone=None)),
    ("timezone", body(timezone="+02:00")),
    ("lang", body(lang="xx")),
    ("lang", body(lang="EN")),
    ("lang", body(lang=None)),
    ("lang", body(lang=["en"])),
    ("reminders[0].id", body(reminders=reminder(id="a" * 65))),
    ("reminders[0].id", body(reminders=reminder(id=""))),
    ("reminders[0].id", body(reminders=reminder(id="lower back"))),
    ("reminders[0].id", body(reminders=reminder(id="ü"))),
    ("reminders[0].id", body(reminders=reminder(id=7))),
    ("reminders[0].skip_until", body(reminders=reminder(skip_until="tomorrow"))),
    ("reminders[0].skip_until", body(reminders=reminder(skip_until="2026-11-30T06:30:00"))),
    # More than the snooze horizon (15 days) after NOW, the frozen clock of these tests.
    ("reminders[0].skip_until", body(reminders=reminder(skip_until="2026-12-10T12:00:01Z"))),
    ("reminders[0].routine", body(reminders=reminder(routine="low-back"))),
    ("reminders", body(reminders=[reminder()[0]] * 2)),
    ("reminders", body(reminders=[{**reminder()[0], "id": f"r{i}"} for i in range(51)])),
    ("reminders", body(reminders={"id": "r"})),
    ("reminders", {k: v for k, v in body().items() if k != "reminders"}),
    ("reminders[0]", body(reminders=["r-1"])),
    ("paused", body(paused="yes")),
    ("subscription.keys.p256dh", with_keys(p256dh=b64(b"\x04" + b"a" * 63))),
    ("subscription.keys.p256dh", with_keys(p256dh=b64(b"\x04" + b"\x01" * 64))),
    ("subscription.keys.p256dh", with_keys(p256dh="not base64!")),
    ("subscription.keys.p256dh", with_keys(p256dh=None)),
    ("subscription.keys.auth", with_keys(auth=b64(b"short"))),
    ("subscription.keys.auth", with_keys(auth=b64(b"a" * 300))),
    ("subscription.keys.extra", with_keys(extra="x")),
    ("subscription.keys", body(subscription={"endpoint": "https://fcm.googleapis.com/x"})),
    ("subscription", body(subscription="https://fcm.googleapis.com/x")),
    ("subscription", {k: v for k, v in body().items() if k != "subscription"}),
    ("colour", body(colour="blue")),
]


@pytest.mark.parametrize(("field", "data"), MALFORMED)
def test_malformed_bodies_are_refused_naming_the_field(api, push_app, clock, field, data):
    response = api.post(API, json=data)
    assert response.status_code == 400
    assert response.is_json
    assert response.json["error"].startswith(f"{field}:"), response.json
    assert count(push_app, Subscription) == count(push_app, Reminder) == 0


@pytest.mark.parametrize(
    ("payload", "content_type", "status"),
    [
        (b"not json", "application/json", 400),
        (b"[1, 2]", "application/json", 400),
        (b'"text"', "application/json", 400),
        (b"\xff\xfe", "application/json", 400),
        (b"[" * 5000, "application/json", 400),
        (b'{"a": ' * 1300, "application/json", 400),
        (b"", "application/json", 400),
        (b"{}", "text/plain", 415),
        (b"lang=en", "application/x-www-form-urlencoded", 415),
        (json.dumps(body()).encode() + b" " * 9000, "application/json", 413),
    ],
    ids=[
        "text",
        "array",
        "string",
        "bytes",
        "nested-arrays",
        "nested-objects",
        "empty",
        "text-plain",
        "form",
        "huge",
    ],  # fmt: skip
)
def test_non_json_and_oversized_bodies_get_4xx_json(api, push_app, payload, content_type, status):
    response = api.post(API, data=payload, content_type=content_type)
    assert response.status_code == status
    assert response.json["error"].startswith("body:")
    assert count(push_app, Subscription) == 0


def test_token_is_stored_only_as_a_hash(api, push_app):
    created = api.post(API, json=body()).json
    with push_app.extensions["push_db"]["engine"].connect() as connection:
        row = connection.execute(text("SELECT * FROM subscriptions")).mappings().one()
    assert created["token"] not in json.dumps({k: str(v) for k, v in row.items()})
    assert len(row["token_hash"]) == 64


def test_resubscribing_the_same_endpoint_updates_and_rotates_the_token(api, push_app):
    first = api.post(API, json=body()).json
    second = api.post(API, json=body(lang="en", timezone="Asia/Kolkata")).json
    assert second["id"] == first["id"]
    assert second["timezone"] == "Asia/Kolkata"
    assert count(push_app, Subscription) == 1
    assert count(push_app, Reminder) == 1
    old = api.put(f"{API}/{first['id']}", json=settings(), headers=auth(first["token"]))
    assert old.status_code == 404


def settings(**changes) -> dict:
    data = {k: v for k, v in body().items() if k != "subscription"}
    data.update(changes)
    return data


def test_update_replaces_reminders_pauses_and_snoozes(api, push_app):
    created = api.post(API, json=body()).json
    url, headers = f"{API}/{created['id']}", auth(created["token"])
    two = [
        {"id": "a", "days": ["tue"], "time": "06:00"},
        {"id": "b", "days": ["sat", "sun"], "time": "21:15"},
    ]
    response = api.put(url, json=settings(reminders=two), headers=headers)
    assert response.status_code == 200
    assert [r["id"] for r in response.json["reminders"]] == ["a", "b"]
    assert count(push_app, Reminder) == 2
    first_next = response.json["reminders"][0]["next"]
    two[0]["skip_until"] = first_next
    snoozed = api.put(url, json=settings(reminders=two), headers=headers).json
    assert snoozed["reminders"][0]["next"] > first_next
    paused = api.put(url, json=settings(reminders=two, paused=True), headers=headers).json
    assert paused["paused"] is True
    assert [r["next"] for r in paused["reminders"]] == [None, None]


@pytest.mark.parametrize("method", ["put", "delete"])
@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, 401),
        ({"Authorization": "Bearer"}, 401),
        ({"Authorization": "Bearer short"}, 401),
        ({"Authorization": "Bearer " + "x" * 43}, 404),
    ],
)
def test_changes_need_the_subscriptions_own_token(api, push_app, method, headers, status):
    created = api.post(API, json=body()).json
    response = getattr(api, method)(f"{API}/{created['id']}", json=settings(), headers=headers)
    assert response.status_code == status
    assert response.is_json and "error" in response.json
    if status == 401:
        assert response.headers["WWW-Authenticate"] == "Bearer"
    assert count(push_app, Subscription) == 1


@pytest.mark.parametrize("sid", ["nope", "a" * 200, "..%2F..", "%00"])
def test_unknown_subscriptions_are_404_json(api, sid):
    response = api.put(f"{API}/{sid}", json=settings(), headers=auth("x" * 43))
    assert response.status_code == 404
    assert response.is_json and response.json["error"]


def test_update_refuses_bad_input_and_changes_nothing(api, push_app):
    created = api.post(API, json=body()).json
    url, headers = f"{API}/{created['id']}", auth(created["token"])
    bad = api.put(url, json=settings(reminders=reminder(time="25:00")), headers=headers)
    assert bad.status_code == 400 and bad.json["error"].startswith("reminders[0].time:")
    missing = api.put(url, json={"lang": "en", "timezone": "UTC"}, headers=headers)
    assert missing.status_code == 400 and missing.json["error"].startswith("reminders:")
    moved = api.put(url, json=body(), headers=headers)
    assert moved.status_code == 400 and moved.json["error"].startswith("subscription:")
    with push_app.extensions["push_db"]["engine"].connect() as connection:
        assert connection.execute(select(Reminder.minute)).scalar() == 450


def test_unsubscribing_removes_everything_the_server_kept(api, push_app):
    created = api.post(API, json=body()).json
    response = api.delete(f"{API}/{created['id']}", headers=auth(created["token"]))
    assert response.status_code == 204
    assert count(push_app, Subscription) == count(push_app, Reminder) == 0
    again = api.delete(f"{API}/{created['id']}", headers=auth(created["token"]))
    assert again.status_code == 404


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_test_notification_arrives_in_the_subscribers_language(api, push_app, push_service, lang):
    subscriber = push_service.subscriber()
    created = api.post(
        API, json=body(subscriber.endpoint, subscription=subscriber.subscription(), lang=lang)
    ).json
    response = api.post(f"{API}/{created['id']}/test", headers=auth(created["token"]))
    assert response.status_code == 200 and response.json == {"sent": True}
    (delivery,) = push_service.deliveries(subscriber)
    shown = declarative(delivery.message, PUBLIC_ORIGIN)
    with push_app.app_context(), force_locale(lang):
        title = _("Reminders are on")
    assert lang == "en" or title != "Reminders are on"  # the catalog translates it
    assert (shown["data"]["type"], shown["title"], shown["lang"]) == ("test", title, lang)
    assert shown["dir"] == ("rtl" if lang == "ar" else "ltr")
    assert shown["navigate"] == f"{PUBLIC_ORIGIN}/{lang}/reminders"
    assert push_service.state.errors == []


@pytest.mark.parametrize(
    ("reply", "status", "kept"),
    [((410, {}), 410, 0), ((404, {}), 410, 0), ((429, {"Retry-After": "7"}), 503, 1)],
)
def test_test_notification_reports_the_push_services_answer(
    api, push_app, push_service, reply, status, kept
):
    subscriber = push_service.subscriber()
    created = api.post(API, json=body(subscription=subscriber.subscription())).json
    push_service.answer(subscriber, reply)
    response = api.post(f"{API}/{created['id']}/test", headers=auth(created["token"]))
    assert response.status_code == status
    assert "error" in response.json
    if status == 503:
        assert response.headers["Retry-After"] == "7"
    assert count(push_app, Subscription) == kept


def test_subscribing_and_testing_are_rate_limited_per_client(tmp_path, push_service):
    app = create_app(
        push_config(tmp_path, push_service, RATE_LIMIT_SUBSCRIBE="2/60", RATE_LIMIT_TEST="1/60")
    )
    client = app.test_client()
    subscriber = push_service.subscriber()
    push_service.state.vapid_key = app.extensions["push_vapid"].public_key
    created = client.post(API, json=body(subscription=subscriber.subscription())).json
    assert client.post(API, json=body()).status_code == 201
    limited = client.post(API, json=body())
    assert limited.status_code == 429
    assert limited.json["error"].startswith("rate limit:")
    assert int(limited.headers["Retry-After"]) > 0
    other = client.post(API, json=body(), environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert other.status_code == 201
    test_url = f"{API}/{created['id']}/test"
    assert client.post(test_url, headers=auth(created["token"])).status_code == 200
    assert client.post(test_url, headers=auth(created["token"])).status_code == 429
    close_push_app(app)


def test_vapid_key_is_made_once_and_kept_private(tmp_path, push_service):
    first = create_app(push_config(tmp_path, push_service))
    key_file = tmp_path / "vapid_private.pem"
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    second = create_app(push_config(tmp_path, push_service))
    assert first.extensions["push_vapid"].public_key == second.extensions["push_vapid"].public_key
    for app in (first, second):
        close_push_app(app)


def test_vapid_key_can_come_from_the_environment(tmp_path, push_service):
    private = ec.generate_private_key(ec.SECP256R1())
    raw = b64(private.private_numbers().private_value.to_bytes(32, "big"))
    app = create_app(push_config(tmp_path, push_service, VAPID_PRIVATE_KEY=raw))
    public = private.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    assert app.test_client().get("/api/push/key").json["key"] == b64(public)
    assert not (tmp_path / "vapid_private.pem").exists()
    close_push_app(app)


@pytest.mark.parametrize(
    ("settings_", "message"),
    [
        ({"PUSH_ENDPOINT_ALLOWLIST": "https://fcm.googleapis.com"}, "PUSH_ENDPOINT_ALLOWLIST"),
        ({"PUSH_ENDPOINT_ALLOWLIST": "10.0.0.1"}, "PUSH_ENDPOINT_ALLOWLIST"),
        ({"PUSH_ENDPOINT_ALLOWLIST": "*"}, "PUSH_ENDPOINT_ALLOWLIST"),
        ({"TESTING": False}, "PUSH_TEST_ORIGINS"),
        ({"PUSH_TEST_ORIGINS": "http://10.0.0.5:80"}, "PUSH_TEST_ORIGINS"),
        ({"PUSH_TEST_ORIGINS": "https://127.0.0.1:443"}, "PUSH_TEST_ORIGINS"),
        ({"VAPID_PRIVATE_KEY": "bm90IGEga2V5"}, "VAPID_PRIVATE_KEY"),
        ({"VAPID_SUBJECT": "admin@example.com"}, "VAPID_SUBJECT"),
        ({"RATE_LIMIT_TEST": "lots"}, "rate limit"),
        ({"PUBLIC_ORIGIN": "https://knotwise.example/en/"}, "PUBLIC_ORIGIN"),
        ({"PUBLIC_ORIGIN": "javascript:alert(1)"}, "PUBLIC_ORIGIN"),
    ],
)
def test_bad_settings_stop_the_app_at_start_up(tmp_path, push_service, settings_, message):
    with pytest.raises(RuntimeError, match=message):
        create_app(push_config(tmp_path, push_service, **settings_))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
field_names = st.sampled_from(["subscription", "lang", "timezone", "paused", "reminders", "x"])
reminder_like = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values | st.from_regex(r"[A-Za-z0-9_-]{1,70}", fullmatch=True),
        "days": json_values | st.lists(st.sampled_from(["mon", "tue", "sun", "xyz"]), max_size=8),
        "time": json_values | st.from_regex(r"[0-9]{1,2}:[0-9]{1,2}", fullmatch=True),
        "skip_until": json_values,
    },
)


@hypothesis_settings(max_examples=150, deadline=None, database=None)
@given(
    garbage=st.dictionaries(field_names, json_values, max_size=5),
    reminders=st.lists(reminder_like, max_size=3),
)
def test_no_body_makes_the_api_fail_with_a_500(sqlite_push_app, garbage, reminders):
    client = sqlite_push_app.test_client()
    for data in (garbage, {**body(), **garbage}, body(reminders=reminders)):
        response = client.post(API, json=data)
        assert response.status_code in (201, 400, 413, 415), response.data
        assert response.is_json and ("error" in response.json or "token" in response.json)
        if response.status_code == 201:
            created = response.json
            again = client.put(
                f"{API}/{created['id']}", json={**garbage, "x": 1}, headers=auth(created["token"])
            )
            assert again.status_code == 400 and "error" in again.json


def test_a_push_after_the_clock_went_back_carries_a_token_push_services_accept(
    push_app, push_service, clock
):
    # A test push signs a token for the push service; then the server's clock is set back two
    # days (a bad NTP fix): the cached token would now expire too far ahead and be refused.
    api = push_app.test_client()
    subscriber = push_service.subscriber()
    created = api.post(API, json=body(subscription=subscriber.subscription())).json
    assert api.post(f"{API}/{created['id']}/test", headers=auth(created["token"])).json == {
        "sent": True
    }
    clock.shift(-2 * 24 * 3600)
    response = api.post(f"{API}/{created['id']}/test", headers=auth(created["token"]))
    assert response.json == {"sent": True}
    assert len(push_service.deliveries(subscriber)) == 2
    assert push_service.state.errors == []
