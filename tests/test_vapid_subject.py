"""Push services refuse a placeholder VAPID contact: outside tests, nothing is sent with one, and
every refusal names the setting to change."""

from __future__ import annotations

import pytest

from tests.test_push_api import API, auth, body
from webapp import create_app
from webapp.push.dispatcher import Dispatcher, NotConfigured
from webapp.push.vapid import subject_problem


@pytest.mark.parametrize(
    "subject",
    [
        "mailto:reminders@knotwise.invalid",
        "mailto:ops@example.org",
        "mailto:me@localhost",
        "mailto:me@box.local",
        "mailto:ops@site.test",
        "https://localhost/contact",
        "https://127.0.0.1/",
        "mailto:nobody",
    ],
)
def test_placeholder_subjects_are_named_with_the_setting_to_change(subject):
    problem = subject_problem(subject)
    assert problem and "FLASK_VAPID_SUBJECT" in problem and subject in problem


@pytest.mark.parametrize(
    "subject", ["mailto:ops@knotwise.org", "https://knotwise.org/contact", "mailto:a@b.co.uk"]
)
def test_real_contacts_pass(subject):
    assert subject_problem(subject) is None


@pytest.fixture
def production_app(tmp_path):
    """The app as deployed (not TESTING) on the default placeholder subject."""
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    yield app
    app.extensions["push_db"]["engine"].dispose()


def test_the_test_button_answers_that_the_server_is_not_set_up(production_app):
    client = production_app.test_client()
    created = client.post(API, json=body()).json
    response = client.post(f"{API}/{created['id']}/test", headers=auth(created["token"]))
    assert response.status_code == 503
    assert response.json["error"].startswith("FLASK_VAPID_SUBJECT")
    assert "Retry-After" not in response.headers


def test_the_dispatcher_refuses_to_send(production_app):
    with pytest.raises(NotConfigured, match="FLASK_VAPID_SUBJECT"):
        Dispatcher(production_app)
    result = production_app.test_cli_runner().invoke(args=["reminders", "send-due"])
    assert result.exit_code != 0
    assert "FLASK_VAPID_SUBJECT" in result.output


def test_a_real_subject_lets_the_dispatcher_send(tmp_path):
    app = create_app({"INSTANCE_PATH": str(tmp_path), "VAPID_SUBJECT": "mailto:ops@knotwise.org"})
    result = app.test_cli_runner().invoke(args=["reminders", "send-due"])
    assert result.exit_code == 0 and "claimed 0" in result.output
    app.extensions["push_db"]["engine"].dispose()
