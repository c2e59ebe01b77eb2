"""The reminders API under hostile bodies: every field out of range or of the wrong type, deep
nesting, invalid UTF-8, bodies over the limit however sent: 4xx JSON naming the field, and
nothing stored."""

from __future__ import annotations

import copy
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.test import EnvironBuilder

from tests.conftest import close_push_app, push_config
from tests.test_push_api import API, auth, b64, body, count
from webapp import create_app
from webapp.push.db import Reminder, Subscription

# Each field (as a path into a subscribe body), values of the wrong type for it, and values of
# the right type that are out of range.
STRING = st.none() | st.booleans() | st.integers() | st.floats() | st.lists(st.none(), max_size=2)
FIELDS = {
    "subscription": (st.none() | st.text() | st.integers(), []),
    "subscription.endpoint": (
        STRING,
        [
            "http://fcm.googleapis.com/fcm/send/x",
            "https://fcm.googleapis.com:444/x",
            "https://127.0.0.1/x",
            "https://user@fcm.googleapis.com/x",
            "https://fcm.googleapis.com/" + "a" * 2000,
            "javascript:alert(1)",
            "https://fcm.googleapis.com.zq-forged.example/x",
        ],
    ),
    "subscription.keys": (STRING | st.text(), []),
    "subscription.keys.p256dh": (
        STRING,
        ["", "A", "AAAAA", "!!!!", "A" * 201, b64(b"\x04" + b"\0" * 64), b64(b"\x04" * 33)],
    ),
    "subscription.keys.auth": (STRING, ["", "A", b64(b"a" * 15), b64(b"a" * 17), "a b"]),
    "lang": (STRING, ["", "xx", "EN", "en\x00", "e" * 1000]),
    "timezone": (
        STRING,
        ["", "Mars/Olympus_Mons", "../../etc/passwd", "UTC\x00", "Europe/Berlin ", "z" * 5000],
    ),
    "paused": (st.none() | st.integers() | st.text() | st.lists(st.none()), []),
    "reminders": (st.none() | st.text() | st.dictionaries(st.text(), st.none()), [[{}] * 51]),
    "reminders[0]": (STRING | st.text(), []),
    "reminders[0].id": (STRING, ["", "a" * 65, "a b", "ü", "../x", "x\x00"]),
    "reminders[0].days": (
        st.none() | st.text() | st.integers(),
        [[], ["mon", "mon"], ["Mon"], ["mon"] * 8, [1], [None], ["lundi"]],
    ),
    "reminders[0].time": (
        STRING,
        ["24:00", "23:60", "-1:00", "7:30", "07:30:00", "٠٧:٣٠", "07:30\n", "99999:00"],
    ),
    "reminders[0].skip_until": (
        st.booleans() | st.integers() | st.floats() | st.lists(st.none(), min_size=1),
        [
            "0001-01-01T00:00:00+14:00",
            "9999-12-31T23:59:59-14:00",
            "0001-01-01T00:00:00Z",
            "1999-12-31T23:59:59Z",
            "2100-01-01T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-01-01T24:00:00Z",
            "2026-01-01T00:00:00",
            "2026-01-01T00:00:00+25:00",
            "+99999-01-01T00:00:00Z",
            "tomorrow",
        ],
    ),
}


def put(data: dict, path: str, value) -> dict:
    """Return a copy of a body with the field at `path` replaced."""
    data = copy.deepcopy(data)
    *parents, last = path.replace("[0]", ".0").split(".")
    target = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    target[int(last) if last.isdigit() else last] = value
    return data


@pytest.fixture(scope="module")
def fresh_app(tmp_path_factory, push_service):
    app = create_app(push_config(tmp_path_factory.mktemp("hostile-api"), push_service))
    yield app
    close_push_app(app)


def refused(response, field: str | None) -> str:
    assert 400 <= response.status_code < 500, (response.status_code, response.data)
    assert response.is_json, response.data
    error = response.json["error"]
    if field:
        assert error.startswith(field.split("[0]")[0]), (field, error)
    return error


@pytest.mark.parametrize("field", FIELDS)
def test_out_of_range_values_are_refused_naming_the_field(fresh_app, field):
    client = fresh_app.test_client()
    for value in FIELDS[field][1]:
        response = client.post(API, json=put(body(), field, value))
        refused(response, field)
    assert count(fresh_app, Subscription) == 0


@pytest.mark.parametrize("field", FIELDS)
@settings(
    max_examples=10,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_wrong_typed_values_are_refused_naming_the_field(fresh_app, field, data):
    value = data.draw(FIELDS[field][0], label=field)
    response = fresh_app.test_client().post(API, json=put(body(), field, value))
    refused(response, field)
    assert count(fresh_app, Subscription) == 0


def test_updates_refuse_every_bad_field_and_keep_what_was_stored(fresh_app):
    client = fresh_app.test_client()
    created = client.post(API, json=body()).json
    url, headers = f"{API}/{created['id']}", auth(created["token"])
    update = {k: v for k, v in body().items() if k != "subscription"}
    for field, (_, values) in FIELDS.items():
        for value in values if not field.startswith("subscription") else []:
            refused(client.put(url, json=put(update, field, value), headers=headers), field)
    assert count(fresh_app, Reminder) == 1
    assert client.delete(url, headers=headers).status_code == 204


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"lang": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        b'{"reminders": [' + b'{"a":' * 3000 + b"1" + b"}" * 3000 + b"]}",
        b'{"lang": "\xff\xfe"}',
        b"\xef\xbb\xbf{}",
        b'{"lang": "en", "lang": "\xed\xa0\x80"}',
        b"1" * 5000,
        b"",
        b"null",
    ],
    ids=[
        "deep-list",
        "deep-field",
        "deep-reminder",
        "bad-utf8",
        "bom",
        "surrogate",
        "huge-int",
        "empty",
        "null",
    ],
)
def test_malformed_json_is_refused_as_json(fresh_app, raw):
    client = fresh_app.test_client()
    created = client.post(API, json=body()).json
    url, headers = f"{API}/{created['id']}", auth(created["token"])
    refused(client.put(url, data=raw, content_type="application/json", headers=headers), None)
    assert client.delete(url, headers=headers).status_code == 204
    refused(client.post(API, data=raw, content_type="application/json"), None)
    assert count(fresh_app, Subscription) == 0


def chunked(client, data: bytes):
    """POST a body without a length, in chunks, as a browser or proxy may send it."""
    return client.post(
        API,
        input_stream=io.BytesIO(data),
        content_type="application/json",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )


@pytest.mark.parametrize("extra", [8 * 1024, 2 * 1024 * 1024])
def test_chunked_bodies_over_the_limit_get_413_json_and_store_nothing(fresh_app, extra):
    valid = json.dumps(body()).encode()
    response = chunked(fresh_app.test_client(), valid + b" " * extra)
    assert response.status_code == 413
    assert response.json["error"].startswith("body: larger than")
    assert count(fresh_app, Subscription) == 0


def test_chunked_bodies_within_the_limit_are_read_whole(fresh_app):
    client = fresh_app.test_client()
    response = chunked(client, json.dumps(body()).encode() + b" " * 100)
    assert response.status_code == 201, response.data
    created = response.json
    client.delete(f"{API}/{created['id']}", headers=auth(created["token"]))


def test_a_chunked_body_over_the_limit_is_refused_before_it_is_all_read(fresh_app):
    class Endless(io.RawIOBase):
        """A body that never ends, counting what the server takes of it."""

        taken = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            buffer[:] = b" " * len(buffer)
            Endless.taken += len(buffer)
            return len(buffer)

    environ = EnvironBuilder(
        path=API,
        method="POST",
        content_type="application/json",
        data=b"{}",
        headers={"Transfer-Encoding": "chunked"},
    ).get_environ()
    environ.update({"wsgi.input": io.BufferedReader(Endless()), "wsgi.input_terminated": True})
    del environ["CONTENT_LENGTH"]
    answered = []
    chunks = fresh_app(environ, lambda status, headers, exc_info=None: answered.append(status))
    assert json.loads(b"".join(chunks))["error"].startswith("body: larger than")
    assert answered == ["413 REQUEST ENTITY TOO LARGE"]
    assert Endless.taken < 64 * 1024


def test_a_declared_length_over_the_limit_is_refused_unread(fresh_app):
    response = fresh_app.test_client().post(
        API, data=b" " * (9 * 1024), content_type="application/json"
    )
    assert response.status_code == 413 and response.json["error"].startswith("body:")
