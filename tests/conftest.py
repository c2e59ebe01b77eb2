from __future__ import annotations

import re
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine

from webapp import ROOT, create_app

# The one "now" of every test that needs one: Wednesday 25 November 2026, 12:00 UTC. The
# clock fixture freezes the app's clock (and the test's) there; a test moves it with
# clock.move_to() or clock.shift(). Dates a test uses are fixed in relation to this moment, so
# the suite passes on any real date (.ci/run also runs it with the clock moved years either way).
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def pytest_addoption(parser):
    parser.addoption(
        "--clock-offset",
        metavar="+3y",
        help="run with the wall clock moved by years (y) or days (d), e.g. +3y or -1y, so a "
        "test that leans on today's date fails today instead of weeks later",
    )


def moved(now: datetime, offset: str) -> datetime:
    """Return now moved by an offset such as +3y, -1y or +40d (29 February becomes the 28th)."""
    match = re.fullmatch(r"([+-])(\d+)([yd])", offset)
    if not match:
        raise pytest.UsageError(f"--clock-offset {offset!r}: write it as +3y, -1y or +40d")
    sign = 1 if match[1] == "+" else -1
    count = sign * int(match[2])
    if match[3] == "d":
        return now + timedelta(days=count)
    day = min(now.day, 28) if (now.month, now.day) == (2, 29) else now.day
    return now.replace(year=now.year + count, day=day)


@pytest.fixture(scope="session", autouse=True)
def moved_clock(request):
    """With --clock-offset, the whole session runs on a wall clock that far from today's."""
    offset = request.config.getoption("--clock-offset")
    if not offset:
        yield None
        return
    with time_machine.travel(moved(datetime.now(UTC), offset), tick=True) as traveller:
        yield traveller


@pytest.fixture
def clock():
    """Freeze the clock at NOW for the app under test; yield the traveller that moves it.

    Only wall-clock time is frozen (time.time, datetime.now): time.monotonic and sleeps go on,
    so timeouts, rate limits and the push service's waits still work.
    """
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    instance = tmp_path_factory.mktemp("instance")
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(instance)})
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def data(tmp_path):
    """A copy of data/ that a test may break (the real one is never touched)."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


@pytest.fixture
def edit_data(data):
    """Return a function that replaces text in one file of the copied data."""

    def edit(file: str, old: str, new: str):
        path = data / file
        text = path.read_text()
        assert old in text, f"{old!r} is not in {file}"
        path.write_text(text.replace(old, new, 1))
        return path

    return edit


@pytest.fixture
def start_app(data, tmp_path):
    """Return a function that creates the app on the copied data, as start-up would."""
    return lambda: create_app(
        {"TESTING": True, "DATA_DIR": str(data), "INSTANCE_PATH": str(tmp_path / "i")}
    )


# Reminders: a loopback push service, a throwaway PostgreSQL server (started once, only when a
# test asks for it) and the app on each database, emptied before every test that uses it.
@pytest.fixture(scope="session")
def push_service():
    from tests.pushservice import PushService

    service = PushService().start()
    yield service
    service.stop()


@pytest.fixture(scope="session")
def postgres():
    from tests.pgserver import PostgresServer

    server = PostgresServer({"fsync": "off", "synchronous_commit": "off"}).start()
    yield server
    server.stop()


def close_push_app(app) -> None:
    """Close what a reminders app holds open: database connections and push connections."""
    app.extensions["push_db"]["engine"].dispose()
    app.extensions["push_sender"].close()


PUBLIC_ORIGIN = "https://knotwise.example"  # where notifications open, in reminder tests


def push_config(instance, push_service, **more) -> dict:
    """Return app settings for reminder tests: the loopback push service is allowed."""
    return {
        "TESTING": True,
        "INSTANCE_PATH": str(instance),
        "PUSH_TEST_ORIGINS": push_service.url,
        "PUBLIC_ORIGIN": PUBLIC_ORIGIN,
        "RATE_LIMIT_SUBSCRIBE": "1000/1",
        "RATE_LIMIT_TEST": "1000/1",
        **more,
    }


@pytest.fixture(scope="session")
def sqlite_push_app(tmp_path_factory, push_service):
    app = create_app(push_config(tmp_path_factory.mktemp("sqlite-push"), push_service))
    yield app
    close_push_app(app)


@pytest.fixture(scope="session")
def postgresql_push_app(tmp_path_factory, push_service, postgres):
    url = postgres.create_database("knotwise_tests")
    app = create_app(
        push_config(tmp_path_factory.mktemp("pg-push"), push_service, DATABASE_URL=url)
    )
    result = app.test_cli_runner().invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    yield app
    close_push_app(app)


@pytest.fixture(params=["sqlite", "postgresql"])
def push_app(request, push_service):
    """The app on an empty database of each kind, with the push service reset."""
    app = request.getfixturevalue(f"{request.param}_push_app")
    from webapp.push.db import Reminder, Subscription

    with app.extensions["push_db"]["engine"].begin() as connection:
        connection.execute(Reminder.__table__.delete())
        connection.execute(Subscription.__table__.delete())
    push_service.reset()
    push_service.state.vapid_key = app.extensions["push_vapid"].public_key
    return app


# The static build (webapp/site/): written once per session, then served by nginx.
@pytest.fixture(scope="session")
def site(app):
    """The build of the session's app, in a folder nginx's workers may read (about 30 s).

    Without its .br copies: brotli at its best level would take a minute more on two cores,
    and this nginx has no brotli module to serve them (tests/test_site.py checks them apart).
    """
    from webapp.site import build

    root = Path(tempfile.mkdtemp(prefix="knotwise-site-"))
    root.chmod(0o755)
    build(app, root, encodings=("gzip",))
    yield root
    shutil.rmtree(root, ignore_errors=True)


def site_nginx(app, root: Path, api: str, port: int | None = None):
    """Return nginx (not started) serving a build with the generated configuration."""
    from tests.nginxserver import NginxServer
    from tests.ports import free_port
    from webapp.site.nginx import config

    port = port or free_port()
    folder = Path(tempfile.mkdtemp(prefix="knotwise-nginx-"))
    return NginxServer(folder, config(app, root, api, f"127.0.0.1:{port}"), port)


@pytest.fixture(scope="session")
def nginx_site(app, site):
    """nginx serving the build; /api/ goes to a port nothing listens on."""
    from tests.ports import free_port

    server = site_nginx(app, site, f"127.0.0.1:{free_port()}").start()
    yield server
    server.stop()
    shutil.rmtree(server.folder, ignore_errors=True)
