"""What the offline tests share: a server to stop and restart, a recorder, the saved copy."""

from __future__ import annotations

import json
import logging
import re
import shutil
import socket
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.conftest import LiveServer
from webapp import ROOT, i18n
from webapp.content import load

LIBRARY = load(ROOT / "data", ["en"])
GUIDES = {
    f"/en/spots/{n}-{s.slug}": f"{n} {LIBRARY.languages['en'].spots[n].name}"
    for n, s in LIBRARY.spots.items()
}
SAVED = "14 of 14 guides saved for offline"
# Saving the whole language takes about a second on loopback; a slow shared CI gets more.
SAVE_TIMEOUT = 60_000


class Recorder:
    """WSGI middleware: notes every request and can fail chosen paths, as a flaky network would.

    It also sends each body whole: when Chromium drops a download (an icon it no longer needs),
    the development server can skip closing a streamed file, which pytest reports as an error.
    """

    def __init__(self, app) -> None:
        self.app = app
        self.requests: list[tuple[str, str, str]] = []
        self.failing: set[str] = set()
        self.stalling: set[str] = set()
        self.released = threading.Event()  # set at the end: stalled requests then finish

    def __call__(self, environ, start_response):
        path = environ["PATH_INFO"]
        dest = environ.get("HTTP_SEC_FETCH_DEST", "")
        self.requests.append((path, environ.get("QUERY_STRING", ""), dest))
        # Only the browser's requests cross the "network"; the app's own look-ups do not.
        from_browser = "HTTP_SEC_FETCH_DEST" in environ
        if path in self.stalling and from_browser:
            self.released.wait(30)
        if path in self.failing and from_browser:
            start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
            return [b"unavailable"]
        body = self.app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()

    def precached_since_update_check(self) -> set[str]:
        """Return the paths a worker downloaded for its offline copy once /sw.js was checked.

        Those are its fetch() calls; un-hashed /static/ requests among them are the page's own
        module imports passing through the worker, not downloads for the copy.
        """
        dests = [dest for _, _, dest in self.requests]
        checked = dests.index("serviceworker") if "serviceworker" in dests else len(dests)
        return {
            path
            for path, query, dest in self.requests[checked:]
            if dest == "empty" and not (path.startswith("/static/") and "v=" not in query)
        }


def serve(server: LiveServer) -> Recorder:
    """Start (or restart) a server and record what reaches it."""
    server.start()
    recorder = Recorder(server.app.wsgi_app)
    server.app.wsgi_app = recorder
    return recorder


@contextmanager
def own_server(tmp_path: Path, data: Path) -> Iterator[LiveServer]:
    """A server of a test's own, which it can stop and start again on the same port."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    instance = tmp_path / "instance"
    own = LiveServer({"TESTING": True, "INSTANCE_PATH": str(instance), "DATA_DIR": str(data)})
    try:
        yield own
    finally:
        own.stop()


@contextmanager
def hung_network(port: int) -> Iterator[socket.socket]:
    """Listen on the app's port but never answer: connections open, no byte ever comes back."""
    with socket.socket() as hang:
        hang.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        hang.bind(("127.0.0.1", port))
        hang.listen(64)
        yield hang


def save_for_offline(page: Page, url: str) -> None:
    """Visit a page once online and wait until the app says everything is saved."""
    page.goto(url)
    status = page.locator("#app-status")
    expect(status).to_have_attribute("data-state", "saved", timeout=SAVE_TIMEOUT)
    expect(status).to_have_text(SAVED)


def listed(server: LiveServer, lang: str = "en") -> dict[str, str]:
    """Return the offline copy the server lists in /sw.js: URL -> content hash."""
    script = urllib.request.urlopen(f"{server.url}/sw.js").read().decode()
    data = json.loads(re.search(r"^self\.PRECACHE = (\{.*\});$", script, re.M).group(1))
    return {e["url"]: e["hash"] for e in data["shared"] + data["languages"][lang]}


def cache_names(page: Page) -> list[str]:
    return page.evaluate("async () => (await caches.keys()).sort()")


def add_spanish(server: LiveServer, data: Path, monkeypatch) -> LiveServer:
    """Serve Spanish beside English; its content here is a copy of the English one."""
    shutil.rmtree(data / "es", ignore_errors=True)
    shutil.copytree(data / "en", data / "es")
    catalog = ROOT / "translations" / "es" / "LC_MESSAGES" / "messages.mo"
    if not catalog.is_file():  # the interface then stays English, which this test allows
        monkeypatch.setattr(i18n, "_check_catalogs", lambda app, codes: None)
    server.config["LANGUAGES"] = "en es"
    return server
