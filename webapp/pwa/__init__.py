"""Installable and offline: /sw.js at root scope, the web app manifest, the offline page."""

from __future__ import annotations

import json
from pathlib import Path

from flask import Blueprint, Flask, current_app, g, render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from .. import headers, i18n
from ..assets import asset
from . import icons
from .precache import precache

bp = Blueprint("pwa", __name__)
bp.url_defaults(i18n.add_language)

APP_URL = "/"  # the app's one identity, scope and start address, for every language
LIGHT = {"theme_color": "#f7f3ee", "background_color": "#f7f3ee"}
DARK = {"theme_color": "#1b1a19", "background_color": "#1b1a19"}
ICONS = (  # file, size, purpose
    ("img/icon-192.png", 192, "any"),
    ("img/icon-512.png", 512, "any"),
    ("img/icon-maskable-512.png", 512, "maskable"),
    ("img/badge-96.png", 96, "monochrome"),
)


@bp.url_value_preprocessor
def _language(endpoint: str | None, values: dict | None) -> None:
    if values and "lang" in values:
        i18n.enter_language(endpoint, values)


def worker_script() -> bytes:
    """Return /sw.js: the precache list, the push handlers when they exist, then sw.js itself."""
    app = current_app._get_current_object()
    if "pwa_worker" not in app.extensions:
        static = Path(app.static_folder)
        lines = [
            "// Written by the server: what to keep offline (webapp/pwa/precache.py).",
            f"self.PRECACHE = {precache().to_json()};",
        ]
        if "sw-push.js" in app.extensions["asset_hashes"]:
            lines.append(f"importScripts({json.dumps(asset('sw-push.js'))});")
        lines.append((static / "sw.js").read_text(encoding="utf-8"))
        app.extensions["pwa_worker"] = "\n".join(lines).encode()
    return app.extensions["pwa_worker"]


@bp.route("/sw.js")
def service_worker():
    """Serve the service worker at the root, so it can keep every language's pages."""
    response = current_app.response_class(worker_script(), mimetype="text/javascript")
    response.headers["Cache-Control"] = headers.REVALIDATE
    response.headers.update(headers.WORKER)
    return response


def _shortcuts() -> list[dict]:
    links = [("pages.spots", _("All 14 spots")), ("routines.index", _("Routines"))]
    links.append(("pages.safety", _("Safety")))
    icon = [{"src": asset("img/icon-192.png"), "sizes": "192x192", "type": "image/png"}]
    return [
        {"name": name, "url": url_for(endpoint), "icons": icon}
        for endpoint, name in links
        if endpoint in current_app.view_functions
    ]


@bp.route("/<lang:lang>/manifest.webmanifest")
def manifest():
    """Describe the app, in one language, to the browser, so it can be installed.

    Every language describes the same app: one identity and scope at the root, and a start
    address ("/") that opens the language the reader chose last (the server reads the
    switcher's cookie; offline, the service worker reads the choice the page kept for it).
    Apps installed before had the id and scope /<lang>/: they stay as they were and still work.
    """
    data = {
        "id": APP_URL,
        "name": "Knotwise",
        "short_name": "Knotwise",
        "description": _(
            "Find and ease 14 common muscle knots yourself: where to press, how hard, how long, "
            "and when to see someone instead."
        ),
        "lang": g.lang,
        "dir": i18n.direction(g.lang),
        "start_url": APP_URL,
        "scope": APP_URL,
        "display": "standalone",
        # Launching again brings back the open window where the reader left it (a routine
        # goes on); a shortcut's address is then opened by static/js/offline/launch.js.
        "launch_handler": {"client_mode": ["focus-existing", "auto"]},
        **LIGHT,
        "user_preferences": {"color_scheme_dark": DARK},
        "categories": ["health", "medical", "fitness"],
        "prefer_related_applications": False,
        "icons": [
            {"src": asset(name), "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
            for name, size, purpose in ICONS
        ],
        "shortcuts": _shortcuts(),
    }
    body = json.dumps(data, ensure_ascii=False, indent=1)
    return current_app.response_class(body, mimetype="application/manifest+json")


def _unsaved_notices() -> list[dict[str, str]]:
    """Say, in each other language, that its pages are not on this device yet, and offer them."""
    notices = []
    for code in i18n.languages():
        if code == g.lang:
            continue
        name = i18n.NAMES[code]
        notice = {
            "code": code,
            "dir": i18n.direction(code),
            "here": _("%(language)s is not saved on this device yet.", language=name),
            "offer": _("Save %(language)s when I am back online", language=name),
            "waiting": _(
                "%(language)s will be saved as soon as there is a connection.", language=name
            ),
            "done": _("%(language)s is now saved on this device.", language=name),
        }
        with force_locale(code):
            notice["there"] = _(
                "The pages in this language are not saved on this device yet. Open Knotwise "
                "in this language once while you are online, and it will work offline too."
            )
        notices.append(notice)
    return notices


def _saved_links() -> list[tuple[str, str]]:
    links = [
        ("pages.home", _("Where does it hurt?")),
        ("pages.spots", _("All 14 spots")),
        ("routines.index", _("Routines")),
        ("pages.safety", _("Safety")),
        ("pages.about", _("About")),
    ]
    return [(url_for(e), label) for e, label in links if e in current_app.view_functions]


@bp.route("/<lang:lang>/offline")
def offline():
    """Say the reader is offline and link to what is saved (the service worker serves this)."""
    return render_template("offline.html", notices=_unsaved_notices(), saved_links=_saved_links())


def init_app(app: Flask) -> None:
    """Register the service worker, manifest and offline page, and the icon command."""
    app.register_blueprint(bp)
    icons.init_app(app)
