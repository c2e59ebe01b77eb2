"""The static build served by nginx, with gunicorn behind /api/ only, in real Chromium.

The offline suite's core (one visit saves the language, then no server at all: every guide
opens, a routine plays to the end), the language switch, and the whole reminders flow, all
through nginx serving what `flask site build` wrote, with the generated configuration.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import Browser, BrowserContext, expect
from sqlalchemy import text

from tests.browser.conftest import PHONE
from tests.browser.offline_site import GUIDES, SAVE_TIMEOUT, save_for_offline
from tests.browser.routine_helpers import play_jaw_headache_to_the_end
from tests.browser.test_reminders import whole_flow
from tests.conftest import NOW, close_push_app, push_config, site_nginx
from tests.ports import free_port
from webapp import ROOT, create_app
from webapp.content import load

SPANISH = load(ROOT / "data", ["es"]).languages["es"]


class Gunicorn:
    """The app under gunicorn (2 workers), as in production, noting each address it answers."""

    def __init__(self, config: dict, folder: Path) -> None:
        self.port = free_port()
        self.log = folder / "access.log"
        env = {f"FLASK_{k}": v if isinstance(v, str) else json.dumps(v) for k, v in config.items()}
        self.process = subprocess.Popen(
            # on the tests' frozen clock (NOW), as the reminders tests expect of the API
            [sys.executable, "-m", "tests.frozen", NOW.isoformat(), "gunicorn"]
            + ["-w", "2", "-b", f"127.0.0.1:{self.port}"]
            + ["--access-logfile", str(self.log), "--access-logformat", "%(U)s"]
            + ["--log-level", "warning", "webapp:create_app()"],
            cwd=ROOT,
            env={**os.environ, **env},
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/push/key", timeout=2)
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def paths(self) -> set[str]:
        return set(self.log.read_text().split()) if self.log.exists() else set()

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)  # a quick shutdown: no requests are left
        self.process.wait(20)


@pytest.fixture(scope="session")
def build_and_api(app, site, tmp_path_factory, push_service):
    """nginx serving the build (not started yet) and gunicorn behind it for /api/ only.

    The app object here is not served: it opens the same database and key, to look at what
    the API stored (created first, so the database and the key exist before gunicorn starts).
    """
    port = free_port()
    origin = f"http://localhost:{port}"  # where notifications open: nginx, not the app
    folder = tmp_path_factory.mktemp("site-api")
    config = push_config(folder / "instance", push_service, PUBLIC_ORIGIN=origin)
    stored = SimpleNamespace(app=create_app(config), url=origin)
    api = Gunicorn(config, folder)
    nginx = site_nginx(app, site, f"127.0.0.1:{api.port}", port)
    yield nginx, api, stored
    api.stop()
    close_push_app(stored.app)
    shutil.rmtree(nginx.folder, ignore_errors=True)


@pytest.fixture
def built(build_and_api, push_service) -> Iterator[tuple]:
    """nginx started for this test, the API's database empty and the push service reset."""
    nginx, api, stored = build_and_api
    with stored.app.extensions["push_db"]["engine"].begin() as connection:
        connection.execute(text("DELETE FROM reminders"))
        connection.execute(text("DELETE FROM subscriptions"))
    push_service.reset()
    push_service.state.vapid_key = stored.app.extensions["push_vapid"].public_key
    nginx.start()
    yield nginx, stored
    nginx.stop()
    # Everything else came from the build: gunicorn answered nothing but its API
    assert {path for path in api.paths() if not path.startswith("/api/")} == set()


def phone(browser: Browser) -> BrowserContext:
    return browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)


def test_one_visit_to_the_build_saves_it_and_then_it_works_with_no_server(browser, built):
    nginx, _ = built
    context = phone(browser)
    # Given one visit to the home page, which says "14 of 14 guides saved"
    page = context.new_page()
    save_for_offline(page, f"{nginx.url}/en/")
    page.close()
    # When the server is stopped
    nginx.stop()
    # Then every guide opens, with its heading and its diagram
    for path, heading in GUIDES.items():
        page = context.new_page()
        page.goto(nginx.url + path)
        expect(page.locator("h1")).to_have_text(heading)
        expect(page.locator("svg.diagram[role=img] .spot-dot").first).to_be_visible()
        page.close()
    # And a routine never opened plays to the end
    page = context.new_page()
    play_jaw_headache_to_the_end(page, nginx.url)
    context.close()


def test_switching_language_on_the_build(browser, built):
    nginx, _ = built
    context = phone(browser)
    page = context.new_page()
    save_for_offline(page, f"{nginx.url}/en/spots/")
    # When the reader picks Español
    page.locator(".language-switcher").get_by_role("link", name="Español").click()
    expect(page).to_have_url(f"{nginx.url}/es/spots/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("#app-status")).to_have_attribute(
        "data-state", "saved", timeout=SAVE_TIMEOUT
    )
    # Then nginx opens Spanish at the root address, from the switcher's cookie
    (cookie,) = [c for c in context.cookies() if c["name"] == "lang"]
    connection = http.client.HTTPConnection("127.0.0.1", nginx.port, timeout=10)
    connection.request("GET", "/", headers={"Cookie": f"lang={cookie['value']}"})
    assert connection.getresponse().getheader("Location") == "/es/"
    connection.close()
    # And with no server, both languages' guides open
    nginx.stop()
    page.goto(f"{nginx.url}/es/spots/13-low-back-pit")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("h1")).to_have_text(f"13 {SPANISH.spots[13].name}")
    page.goto(f"{nginx.url}/en/spots/13-low-back-pit")
    expect(page.locator("h1")).to_have_text(GUIDES["/en/spots/13-low-back-pit"])
    context.close()


def test_reminders_through_nginx(context, built, push_service, clock):
    nginx, api = built
    context.clock.install(time=NOW)
    whole_flow(context, nginx.url, api, push_service)
