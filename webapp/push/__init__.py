"""Reminders: push subscriptions, the schedule, the sender and the dispatcher commands."""

from __future__ import annotations

from flask import Flask

from . import api, calendar, cli, db, endpoints, page, ratelimit, sender, vapid

DEFAULTS = {
    "DATABASE_URL": None,
    "PUBLIC_URL": None,
    "VAPID_PRIVATE_KEY": None,
    "VAPID_SUBJECT": None,
    "PUSH_ENDPOINT_ALLOWLIST": " ".join(endpoints.DEFAULT_ALLOWLIST),
    "PUSH_TEST_ORIGINS": "",
    "PUSH_MAX_BODY": 8 * 1024,
    "RATE_LIMIT_SUBSCRIBE": "10/60",
    "RATE_LIMIT_TEST": "5/60",
    "REMINDER_GRACE_SECONDS": 15 * 60,
    "DISPATCH_BATCH": 500,
    "DISPATCH_WORKERS": 32,
    "DISPATCH_LEASE_SECONDS": 300,
    "DISPATCH_POLL_SECONDS": 15,
}


def init_app(app: Flask) -> None:
    """Read the settings, open the database and register the API, page and commands."""
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    allowlist = endpoints.parse(
        app.config["PUSH_ENDPOINT_ALLOWLIST"],
        app.config["PUSH_TEST_ORIGINS"],
        testing=bool(app.config.get("TESTING")),
    )
    public = app.config["PUBLIC_URL"]
    if public and not str(public).startswith(("https://", "http://")):
        raise RuntimeError(
            "PUBLIC_URL must be the site's address, e.g. https://knotwise.example.org"
        )
    for setting in ("RATE_LIMIT_SUBSCRIBE", "RATE_LIMIT_TEST"):
        ratelimit.parse(app.config[setting])
    db.init_app(app)
    vapid.init_app(app)
    app.extensions["push_allowlist"] = allowlist
    app.extensions["push_limiter"] = ratelimit.Limiter()
    app.extensions["push_sender"] = sender.Sender(app.extensions["push_vapid"], allowlist)
    app.register_blueprint(api.bp)
    app.register_blueprint(calendar.bp)
    app.register_blueprint(page.bp)
    app.cli.add_command(cli.db_cli)
    app.cli.add_command(cli.reminders_cli)
