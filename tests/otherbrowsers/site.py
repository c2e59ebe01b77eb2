"""The app served for the other engines, with an error probe in every page, and what to check.

Neither engine's driver here can run a script before a page's own (WebKitWebDriver has no init
script), so the server itself adds one: a same-origin script at the top of every page's head
(the page's CSP allows 'self') that records uncaught errors, failed module loads, unhandled
rejections, CSP violations and console.error calls in window.__knotwiseErrors.

Pages with the probe no longer match the hashes of the offline list, so the service worker
registers and runs but saves no page: every visit comes from the server, probe included. (A
page saved for offline would come without it.) Offline use is tested in Chromium.
"""

from __future__ import annotations

import json
import time

from tests.browser.conftest import LiveServer
from tests.browser.words import split_words

PROBE_PATH = "/__knotwise-probe.js"
PROBE_JS = b"""(() => {
  const errors = [];
  window.__knotwiseErrors = errors;
  const where = (e) => (e.filename ? ` (${e.filename}:${e.lineno}:${e.colno})` : "");
  addEventListener("error", (e) => {
    // Headless Firefox here has no sound device; a reader's has (the player then uses chimes).
    if (e.target?.error?.message?.includes("MediaSinkAudioError")) return;
    if (e.target && e.target !== window) {
      const { error, localName, src, href } = e.target;
      const media = error ? ` (media error ${error.code}: ${error.message})` : "";
      errors.push(`failed to load <${localName}> ${src || href || ""}${media}`);
    } else {
      errors.push(`${e.message}${where(e)}`);
    }
  }, true);
  addEventListener("unhandledrejection", (e) => errors.push(`unhandled rejection: ${e.reason}`));
  document.addEventListener("securitypolicyviolation", (e) =>
    errors.push(`CSP blocked ${e.blockedURI} (${e.violatedDirective})`));
  const consoleError = console.error;
  console.error = function (...args) {
    errors.push(`console.error: ${args.map(String).join(" ")}`);
    return consoleError.apply(this, args);
  };
})();
"""
TAG = f'<script src="{PROBE_PATH}"></script>'.encode()


def with_probe(app):
    """Wrap a WSGI app: serve the probe, and load it first in every HTML page."""

    def wsgi(environ, start_response):
        if environ.get("PATH_INFO") == PROBE_PATH:
            start_response(
                "200 OK",
                [
                    ("Content-Type", "text/javascript"),
                    ("Content-Length", str(len(PROBE_JS))),
                    ("Cache-Control", "no-store"),
                ],
            )
            return [PROBE_JS]
        environ.pop("HTTP_ACCEPT_ENCODING", None)  # bodies stay plain, to be edited
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        body = app(environ, capture)
        try:
            data = b"".join(body)
        finally:
            if hasattr(body, "close"):
                body.close()
        headers = captured["headers"]
        kind = next((v for k, v in headers if k.lower() == "content-type"), "")
        if kind.startswith("text/html") and b"<head>" in data:
            data = data.replace(b"<head>", b"<head>\n" + TAG, 1)
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            headers.append(("Content-Length", str(len(data))))
        start_response(captured["status"], headers)
        return [data]

    return wsgi


class ProbedServer(LiveServer):
    """The LiveServer of the Chromium tests, each page carrying the error probe."""

    def start(self, **overrides) -> ProbedServer:
        super().start(**overrides)
        self._server.app = with_probe(self._server.app)
        return self


# The pages checked, by language: (name, path, the key control a reader must see).
def pages(lang: str) -> dict[str, tuple[str, str]]:
    return {
        "home": (f"/{lang}/", ".body-map-tab"),  # the Front / Back choice above the map
        "guide": (f"/{lang}/spots/1-skull-base", "button.treat-now"),
        "routine": (f"/{lang}/routines/neck-headache", "button.player-start"),
        "history": (f"/{lang}/history", "button.export-data"),
    }


PLAYER = "dialog.player[open]"
PAUSE = "dialog.player[open] .player-pause"
# A guide's own session: its Start shows once the play page's player and styles are borrowed.
TREAT_START = ".treat-panel:not([hidden]) button.player-start"
# The open player's box and the viewport's: player.css makes it fill the screen (a dialog
# without that sheet is a small box in the middle).
PLAYER_BOX = """(() => {
  const r = document.querySelector("dialog.player[open]").getBoundingClientRect();
  return [Math.round(r.width), Math.round(r.height), innerWidth, innerHeight];
})()"""


def seen(selector: str, scroll: bool = True) -> str:
    """JS: is the element there, rendered, inside the viewport and not covered (after it is
    scrolled into view if `scroll`)? Returns a reason it is not, or "" when it is."""
    return f"""(() => {{
  const el = document.querySelector({json.dumps(selector)});
  if (!el) return "missing";
  // Smooth scrolling (the page's CSS) need not finish under automation: jump instead.
  document.documentElement.style.scrollBehavior = "auto";
  if ({json.dumps(scroll)})
    el.scrollIntoView({{block: "nearest", inline: "nearest", behavior: "instant"}});
  const r = el.getBoundingClientRect();
  if (!r.width || !r.height || getComputedStyle(el).visibility === "hidden") return "not rendered";
  if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5)
    return `outside the viewport: ${{Math.round(r.left)}},${{Math.round(r.top)}} to ` +
      `${{Math.round(r.right)}},${{Math.round(r.bottom)}} in ${{innerWidth}}x${{innerHeight}}`;
  const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
  if (!hit || !(el === hit || el.contains(hit)))
    return `covered by ${{hit ? hit.outerHTML.slice(0, 80) : "nothing"}}`;
  return "";
}})()"""


# JS: how far the page is wider than its viewport (0 when it fits), and the widest culprit.
OVERFLOW = """(() => {
  const root = document.documentElement;
  const over = root.scrollWidth - root.clientWidth;
  if (over <= 0) return {over: 0};
  let worst = null;
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    const out = Math.max(r.right - root.clientWidth, -r.left);
    if (out > 0.5 && (!worst || out > worst.out)) worst = {out, el};
  }
  return {over, culprit: worst ? worst.el.outerHTML.slice(0, 120) : null};
})()"""

ERRORS = "window.__knotwiseErrors || ['the error probe did not run']"

# JS: labels of rendered buttons with a word broken across two lines (hyphenated or split),
# as "label: word". Firefox and Safari hyphenate where Chromium on Linux does not.
SPLIT_WORDS = split_words("button, .button")

# JS: whether the offline status line has its final word for this visit. Until then it may grow
# (a line, then three), moving the page under a click.
SETTLED = """(() => {
  const state = document.getElementById("app-status")?.dataset.state;
  return Boolean(state) && state !== "saving";
})()"""


def settle(browser, seconds: float = 15) -> None:
    """Wait (at most `seconds`) until the page stops moving: the offline status has settled."""
    deadline = time.monotonic() + seconds
    while not browser.evaluate(SETTLED) and time.monotonic() < deadline:
        time.sleep(0.1)
