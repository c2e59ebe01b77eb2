"""Maintenance commands: `flask db upgrade`, `flask reminders run` and `reminders send-due`."""

from __future__ import annotations

import logging
import signal
import threading
from datetime import UTC, datetime

import click
from flask import current_app
from flask.cli import AppGroup

from . import db
from .dispatcher import Dispatcher, NotConfigured, run
from .schedule import utcnow

db_cli = AppGroup("db", help="The reminders database.")
reminders_cli = AppGroup("reminders", help="Send push reminders.")


@db_cli.command("upgrade")
def upgrade() -> None:
    """Apply the database migrations (Alembic) to DATABASE_URL."""
    db.upgrade(db.database_url(current_app))
    click.echo("Database is up to date.")


def _instant(_ctx, _param, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("expected ISO 8601, e.g. 2026-03-29T07:30:00Z") from None
    if moment.tzinfo is None:
        raise click.BadParameter("give a time zone offset, e.g. Z or +01:00")
    return moment.astimezone(UTC).replace(tzinfo=None)


@reminders_cli.command("send-due")
@click.option("--now", callback=_instant, help="Act as if it were this time (ISO 8601).")
def send_due(now: datetime | None) -> None:
    """Send every reminder that is due now, once (for cron or a systemd timer)."""
    try:
        dispatcher = Dispatcher(current_app._get_current_object())
    except NotConfigured as error:
        raise click.ClickException(str(error)) from None
    try:
        stats = dispatcher.send_due(now or utcnow())
    finally:
        dispatcher.close()
    click.echo(
        f"claimed {stats.claimed}, sent {stats.sent}, gone {stats.gone}, "
        f"retrying {stats.retried}, skipped (too late) {stats.skipped}, failed {stats.failed}"
    )


@reminders_cli.command("run")
def run_loop() -> None:
    """Keep sending reminders as they come due, until stopped (SIGTERM or Ctrl-C)."""
    stop = threading.Event()

    def _stop(_signum, _frame) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    app = current_app._get_current_object()
    problem = app.extensions["push_subject_problem"]
    if problem:
        # Keep running (beside the web app under scripts/serve) but send nothing: due reminders
        # wait, and the ones still within their grace window go out once the subject is set.
        click.echo(f"Reminders will not be sent: {problem}.", err=True)
        stop.wait()
        return
    app.logger.setLevel(logging.INFO)  # one line per pass that sent something
    click.echo("Sending reminders as they come due (stop with Ctrl-C).")
    run(app, stop, utcnow)
