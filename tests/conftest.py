from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from webapp import ROOT, create_app


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
