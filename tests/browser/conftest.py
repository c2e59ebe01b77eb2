"""Browser tests: the real Debian Chromium driven by Playwright against a live local server."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from werkzeug.serving import make_server

from tests.ports import free_port
from webapp import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 390, "height": 844}
# A loaded machine (CI on two shared cores) can take more than Playwright's default 5 s to show
# a result that is on its way; a wrong result still fails, only later.
expect.set_options(timeout=15_000)


def whole_bodies(app):
    """Hand the development server each body whole, its file already closed.

    When Chromium drops a download it no longer needs (an icon), the development server can
    leave a streamed file open, which pytest then reports against an unrelated test.
    """

    def wsgi(environ, start_response):
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()

    return wsgi


class LiveServer:
    """The app on a loopback port, in a thread, that a test can stop and start again."""

    def __init__(self, config: dict, port: int | None = None) -> None:
        self.config = config
        self.port = port or free_port()
        self.url = f"http://localhost:{self.port}"
        self._server = None
        self._thread: threading.Thread | None = None

    def start(self, **overrides) -> LiveServer:
        """Start serving a freshly created app (settings overridden for this run)."""
        self.app = create_app({**self.config, **overrides})
        self._server = make_server("127.0.0.1", self.port, whole_bodies(self.app), threaded=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving: the browser now meets a closed port, as with no network."""
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(5)
            self._server = None


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[LiveServer]:
    instance = tmp_path_factory.mktemp("live-instance")
    server = LiveServer({"TESTING": True, "INSTANCE_PATH": str(instance)}).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture(scope="session")
def reminders_server(tmp_path_factory, push_service) -> Iterator[LiveServer]:
    """The app with the loopback push service allowed, for the reminders page."""
    from tests.conftest import close_push_app, push_config

    instance = tmp_path_factory.mktemp("reminders-live")
    server = LiveServer(push_config(instance, push_service))
    server.config["PUBLIC_ORIGIN"] = server.url  # notifications open this server's pages
    server.start()
    yield server
    server.stop()
    close_push_app(server.app)


@pytest.fixture
def server(tmp_path, data) -> Iterator[LiveServer]:
    """A server of this test's own, which it can stop and start again on the same port."""
    from tests.browser.offline_site import own_server  # it builds on LiveServer above

    with own_server(tmp_path, data) as own:
        yield own


@pytest.fixture
def two_languages(server, data, monkeypatch) -> LiveServer:
    """Serve Spanish beside English (a copy of the English content)."""
    from tests.browser.offline_site import add_spanish

    return add_spanish(server, data, monkeypatch)
