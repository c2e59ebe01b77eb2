"""Two engines behind one small interface: Debian's Firefox ESR and WebKitGTK.

Firefox is driven over WebDriver BiDi directly (no geckodriver): it starts headless with a
remote debugging port and a fresh profile whose background services are off, so it talks to
nothing but loopback. WebKit is driven by WebKitWebDriver through Selenium, on a private Xvfb
display. Both offer the same methods: open(url, width, height), evaluate(js), screenshot(path),
click(selector) and close().
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import warnings
from pathlib import Path

import urllib3

FIREFOX = "firefox-esr"
WEBKIT_DRIVER = "WebKitWebDriver"
XVFB = "Xvfb"
# Debian packages that bring each program (scripts/install --test installs them).
PACKAGES = {FIREFOX: "firefox-esr", WEBKIT_DRIVER: "webkit2gtk-driver", XVFB: "xvfb"}

# Everything Firefox would otherwise fetch on its own: updates, telemetry, Safe Browsing lists,
# captive portal and connectivity checks, remote settings, add-on and search-engine lookups.
FIREFOX_PREFS = {
    "app.update.enabled": False,
    "app.update.auto": False,
    "app.update.checkInstallTime": False,
    "app.normandy.enabled": False,
    "app.normandy.api_url": "",
    "app.shield.optoutstudies.enabled": False,
    "browser.aboutHomeSnippets.updateUrl": "",
    "browser.discovery.enabled": False,
    "browser.newtabpage.enabled": False,
    "browser.newtabpage.activity-stream.feeds.telemetry": False,
    "browser.newtabpage.activity-stream.telemetry": False,
    "browser.newtabpage.activity-stream.feeds.section.topstories": False,
    "browser.newtabpage.activity-stream.feeds.snippets": False,
    "browser.ping-centre.telemetry": False,
    "browser.safebrowsing.blockedURIs.enabled": False,
    "browser.safebrowsing.downloads.enabled": False,
    "browser.safebrowsing.downloads.remote.enabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.provider.google.updateURL": "",
    "browser.safebrowsing.provider.google4.updateURL": "",
    "browser.safebrowsing.provider.mozilla.updateURL": "",
    "browser.search.geoip.url": "",
    "browser.search.update": False,
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage": "about:blank",
    "browser.startup.page": 0,
    "browser.tabs.warnOnClose": False,
    "captivedetect.canonicalURL": "",
    "datareporting.healthreport.uploadEnabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "extensions.blocklist.enabled": False,
    "extensions.getAddons.cache.enabled": False,
    "extensions.systemAddon.update.enabled": False,
    "extensions.update.enabled": False,
    "geo.provider.network.url": "",
    "identity.fxaccounts.enabled": False,
    "media.gmp-gmpopenh264.enabled": False,
    "media.gmp-manager.url": "",
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "network.dns.disablePrefetch": True,
    "network.http.speculative-parallel-limit": 0,
    "network.prefetch-next": False,
    "network.trr.mode": 5,
    "security.OCSP.enabled": 0,
    "security.remote_settings.crlite_filters.enabled": False,
    "services.settings.server": "http://127.0.0.1:9/",
    "services.sync.enabled": False,
    "toolkit.telemetry.enabled": False,
    "toolkit.telemetry.server": "",
    "toolkit.telemetry.unified": False,
    "toolkit.telemetry.archive.enabled": False,
    "toolkit.coverage.endpoint.base": "",
    "remote.prefs.recommended": True,
    # Scrollbars over the page, as on a phone, not beside it (12 px of a 320 px viewport).
    "widget.gtk.overlay-scrollbars.enabled": True,
    "ui.useOverlayScrollbars": 1,
}


# JS: bring an element into view at once (the page scrolls smoothly, which drivers do not wait
# for); a click then lands on it.
SCROLL_TO = (
    "(document.documentElement.style.scrollBehavior = 'auto',"
    " document.querySelector(%s).scrollIntoView({block: 'center', behavior: 'instant'}))"
)


class MissingBrowser(RuntimeError):
    """A program an engine needs is not installed."""


class Hung(RuntimeError):
    """The browser stopped answering; a fresh one (restart()) can go on."""


def need(program: str) -> str:
    path = shutil.which(program)
    if not path:
        raise MissingBrowser(
            f"{program} is not installed: run scripts/install --test "
            f"(Debian package {PACKAGES[program]})"
        )
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode} before it listened")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on port {port} within {seconds:.0f} s")


def stop(process: subprocess.Popen | None) -> None:
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


class Firefox:
    """Firefox ESR, headless, driven over WebDriver BiDi."""

    name = "firefox"

    def __init__(self, color_scheme: str = "light") -> None:
        self._color_scheme = color_scheme
        import websocket  # websocket-client

        binary = need(FIREFOX)
        self._ids = itertools.count(1)
        self._profile = tempfile.mkdtemp(prefix="knotwise-firefox-")
        prefs = dict(FIREFOX_PREFS)
        # 0 dark, 1 light: what prefers-color-scheme answers.
        prefs["layout.css.prefers-color-scheme.content-override"] = (
            0 if color_scheme == "dark" else 1
        )
        Path(self._profile, "user.js").write_text(
            "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs.items())
        )
        port = free_port()
        env = {**os.environ, "MOZ_CRASHREPORTER_DISABLE": "1", "MOZ_HEADLESS": "1"}
        env.pop("DISPLAY", None)
        self._process = subprocess.Popen(
            [
                binary,
                "--headless",
                "--no-remote",
                "--profile",
                self._profile,
                f"--remote-debugging-port={port}",
                "--remote-allow-hosts=127.0.0.1,localhost",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        try:
            wait_for_port(port, self._process, 60, "Firefox")
            self._ws = websocket.create_connection(
                f"ws://127.0.0.1:{port}/session", timeout=60, suppress_origin=True
            )
            self.command("session.new", {"capabilities": {}})
            tree = self.command("browsingContext.getTree", {"maxDepth": 0})
            self._context = tree["contexts"][0]["context"]
        except BaseException:
            self.close()
            raise

    def command(self, method: str, params: dict) -> dict:
        """Send one BiDi command and return its result (events in between are dropped)."""
        ident = next(self._ids)
        self._ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self._ws.recv())
            if message.get("id") != ident:
                continue
            if message.get("type") == "error":
                raise RuntimeError(f"{method}: {message.get('error')}: {message.get('message')}")
            return message["result"]

    def open(self, url: str, width: int, height: int) -> None:
        self.command(
            "browsingContext.setViewport",
            {"context": self._context, "viewport": {"width": width, "height": height}},
        )
        self.command(
            "browsingContext.navigate", {"context": self._context, "url": url, "wait": "complete"}
        )

    def evaluate(self, expression: str):
        """Evaluate a JS expression (awaiting a promise) and return its JSON value."""
        result = self.command(
            "script.evaluate",
            {
                "expression": f"(async () => JSON.stringify(await ({expression})))()",
                "target": {"context": self._context},
                "awaitPromise": True,
            },
        )
        if result.get("type") == "exception":
            details = result["exceptionDetails"]
            raise RuntimeError(f"script error in Firefox: {details.get('text')}")
        value = result["result"]
        return json.loads(value["value"]) if value.get("type") == "string" else None

    def click(self, selector: str) -> None:
        """Click the element's centre with the mouse, as a reader would."""
        found = self.command(
            "script.evaluate",
            {
                "expression": f"document.querySelector({json.dumps(selector)})",
                "target": {"context": self._context},
                "awaitPromise": False,
            },
        )["result"]
        if found.get("type") != "node":
            raise RuntimeError(f"Firefox: nothing matches {selector}")
        self.evaluate(SCROLL_TO % json.dumps(selector))
        origin = {"type": "element", "element": {"sharedId": found["sharedId"]}}
        self.command(
            "input.performActions",
            {
                "context": self._context,
                "actions": [
                    {
                        "type": "pointer",
                        "id": "mouse",
                        "parameters": {"pointerType": "mouse"},
                        "actions": [
                            {"type": "pointerMove", "x": 0, "y": 0, "origin": origin},
                            {"type": "pointerDown", "button": 0},
                            {"type": "pointerUp", "button": 0},
                        ],
                    }
                ],
            },
        )

    def screenshot(self, path: Path) -> None:
        data = self.command("browsingContext.captureScreenshot", {"context": self._context})
        Path(path).write_bytes(base64.b64decode(data["data"]))

    def restart(self) -> None:
        """Start the browser afresh (one that stopped answering), as it was made."""
        self.close()
        self.__init__(self._color_scheme)

    def close(self) -> None:
        ws = getattr(self, "_ws", None)
        if ws:
            try:
                self.command("session.end", {})
            except Exception:  # the browser may already be gone
                pass
            ws.close()
        stop(self._process)
        shutil.rmtree(self._profile, ignore_errors=True)


COMMAND_SECONDS = 90  # the longest one WebDriver command may take before it counts as hung


class WebKit:
    """WebKitGTK's MiniBrowser driven by WebKitWebDriver (Selenium), on a private Xvfb."""

    name = "webkit"

    def __init__(self, color_scheme: str = "light") -> None:
        self._color_scheme = color_scheme
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        driver_path = need(WEBKIT_DRIVER)
        xvfb = need(XVFB)
        self._xvfb = None
        self._driver = None
        self._config = None
        display = self._free_display()
        self._xvfb = subprocess.Popen(
            [xvfb, f":{display}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            self._wait_for_display(display)
            # MiniBrowser's window keeps a minimum width (334 px) from its hidden widgets
            # unless GTK's style lets them shrink; full screen hides its toolbar, so the page
            # gets the whole window.
            self._config = tempfile.mkdtemp(prefix="knotwise-webkit-")
            Path(self._config, "gtk-3.0").mkdir()
            Path(self._config, "gtk-3.0", "gtk.css").write_text(
                "* { min-width: 0; min-height: 0; }\n"
            )
            env = {**os.environ, "DISPLAY": f":{display}", "XDG_CONFIG_HOME": self._config}
            env.pop("WAYLAND_DISPLAY", None)
            options = Options()
            options.binary_location = self._minibrowser()
            options.add_argument("--automation")
            options.add_argument("--full-screen")
            if color_scheme == "dark":
                options.add_argument("--dark-mode")
            service = Service(executable_path=driver_path, env=env, port=free_port())
            with warnings.catch_warnings():
                # Selenium's own WebKitGTK driver still uses an address argument it deprecates.
                warnings.filterwarnings("ignore", "setting remote_server_addr", DeprecationWarning)
                self._driver = webdriver.WebKitGTK(options=options, service=service)
            self._driver.set_page_load_timeout(60)
            self._driver.set_script_timeout(30)
            # Selenium waits for WebKitWebDriver's answer without end by default; a web process
            # that stops answering must fail the call, not hang the suite.
            executor = self._driver.command_executor
            executor._client_config.timeout = COMMAND_SECONDS
            executor._conn = executor._get_connection_manager()
        except BaseException:
            self.close()
            raise

    @staticmethod
    def _minibrowser() -> str:
        for path in Path("/usr/lib").glob("*/webkit2gtk-*/MiniBrowser"):
            return str(path)
        raise MissingBrowser("MiniBrowser is not installed: run scripts/install --test")

    @staticmethod
    def _free_display() -> int:
        for n in range(90, 200):
            if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
                return n
        raise RuntimeError("no free X display number")

    def _wait_for_display(self, display: int) -> None:
        deadline = time.monotonic() + 30
        while not Path(f"/tmp/.X11-unix/X{display}").exists():
            if self._xvfb.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)

    def open(self, url: str, width: int, height: int) -> None:
        from selenium.common.exceptions import TimeoutException

        driver = self._driver
        driver.set_window_size(width, height)
        try:
            driver.get(url)
        except TimeoutException as e:  # a page of this site loads in well under a second
            raise Hung(f"WebKit did not load {url} within its page-load timeout") from e
        # The page learns of a new window size a moment later.
        deadline = time.monotonic() + 10
        while (inner := driver.execute_script("return [innerWidth, innerHeight]")) != [
            width,
            height,
        ]:
            if time.monotonic() > deadline:
                raise RuntimeError(f"WebKit shows {inner[0]}x{inner[1]}, not {width}x{height}")
            time.sleep(0.05)

    def evaluate(self, expression: str):
        script = (
            "const done = arguments[arguments.length - 1];"
            f"(async () => JSON.stringify(await ({expression})))()"
            ".then(done, e => done(JSON.stringify({__error: String(e)})));"
        )
        text = self._driver.execute_async_script(script)
        value = None if text is None else json.loads(text)
        if isinstance(value, dict) and "__error" in value:
            raise RuntimeError(f"script error in WebKit: {value['__error']}")
        return value

    def click(self, selector: str) -> None:
        from selenium.webdriver.common.by import By

        self.evaluate(SCROLL_TO % json.dumps(selector))
        self._driver.find_element(By.CSS_SELECTOR, selector).click()

    def screenshot(self, path: Path) -> None:
        self._driver.save_screenshot(str(path))

    def restart(self) -> None:
        """Start the browser afresh (one that stopped answering), as it was made."""
        self.close()
        self.__init__(self._color_scheme)

    def close(self) -> None:
        if self._driver:
            try:
                self._driver.quit()
            except Exception:  # the driver may already be gone
                pass
            self._driver = None
        stop(self._xvfb)
        self._xvfb = None
        if self._config:
            shutil.rmtree(self._config, ignore_errors=True)


ENGINES = {"firefox": Firefox, "webkit": WebKit}
# What a browser that stopped answering raises: a page that never loads, or a WebDriver command
# whose answer never comes (COMMAND_SECONDS).
HUNG = (Hung, urllib3.exceptions.TimeoutError)
