"""The offline copy of each language: every URL it needs, with a hash of the exact bytes served.

Pages are found, not listed: every GET page whose only URL argument is the language joins the
copy (so a new page is offline as soon as it exists), and pages that take a parameter come from
the content (a guide per spot, a page per routine). Each entry is fetched from the app itself,
so its hash is the hash of what a browser receives.
"""

from __future__ import annotations

import contextvars
import hashlib
import json
import threading
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from flask import Flask, current_app

from ..assets import digest

# Static files the service worker loads itself, or that no page needs offline.
NOT_PRECACHED = ("sw.js", "sw-push.js")
# Pages the service worker looks for by kind; other pages are "page".
PAGE_KINDS = {"pages.home": "home", "pwa.offline": "offline"}
ORDER = ("home", "offline", "page")  # the pages a reader needs first are saved first
# Pages with a parameter, and where in the content their values come from.
CONTENT_PAGES: tuple[tuple[str, str, Callable[[object], Iterable[dict]]], ...] = (
    (
        "guide",
        "pages.spot",
        lambda lib: ({"number": n, "slug": s.slug} for n, s in lib.spots.items()),
    ),
    (
        "routine",
        "routines.routine",
        lambda lib: ({"routine_id": r} for r in getattr(lib, "routines", {})),
    ),
)
_lock = threading.Lock()


@dataclass(frozen=True)
class Entry:
    """One file of the offline copy: its URL (the cache key), content hash, kind and size."""

    url: str
    hash: str
    kind: str  # home, offline, page, guide, routine, manifest or asset
    size: int


@dataclass(frozen=True)
class Precache:
    """The offline copy of every language, plus the files all languages share."""

    version: str
    shared: tuple[Entry, ...]
    languages: dict[str, tuple[Entry, ...]]

    def entries(self, lang: str) -> tuple[Entry, ...]:
        """Return everything one language needs offline: its own entries and the shared ones."""
        return self.shared + self.languages[lang]

    def to_json(self) -> str:
        """Return the list as the compact JSON the service worker reads."""
        data = {
            "version": self.version,
            "shared": [asdict(e) for e in self.shared],
            "languages": {code: [asdict(e) for e in es] for code, es in self.languages.items()},
        }
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def language_pages(app: Flask, lang: str) -> list[tuple[str, str]]:
    """Return (kind, URL) for each page of a language: found pages first, then content pages."""
    adapter = app.url_map.bind("localhost")
    found = []
    for rule in app.url_map.iter_rules():
        arguments = set(rule.arguments) - set(rule.defaults or {})
        if arguments == {"lang"} and "GET" in (rule.methods or ()) and "/api/" not in rule.rule:
            kind = PAGE_KINDS.get(rule.endpoint, "page")
            found.append((kind, adapter.build(rule.endpoint, {"lang": lang})))
    found.sort(key=lambda item: (ORDER.index(item[0]), item[1]))
    lib = app.extensions["content"]
    for kind, endpoint, values in CONTENT_PAGES:
        if endpoint in app.view_functions:
            found += [(kind, adapter.build(endpoint, {"lang": lang, **v})) for v in values(lib)]
    return found


def static_files(app: Flask) -> list[str]:
    """Return the static files every language needs offline: styles, scripts, icons."""
    return [
        name
        for name in app.extensions["asset_hashes"]
        if name not in NOT_PRECACHED and not name.rsplit("/", 1)[-1].startswith(".")
    ]


def _fetch(app: Flask, candidates: Iterable[tuple[str, str]]) -> list[Entry]:
    """Fetch each URL from the app as a browser would and keep the pages that answer 200.

    Found pages must be HTML (or the web app manifest); other media types stay online only.
    """
    client = app.test_client()
    entries = []
    for kind, url in candidates:
        response = client.get(url)
        if response.status_code != 200:
            app.logger.warning("offline copy skips %s: status %s", url, response.status_code)
            continue
        if response.mimetype == "application/manifest+json":
            kind = "manifest"
        elif response.mimetype != "text/html":
            continue
        data = response.get_data()
        entries.append(Entry(url, digest(data), kind, len(data)))
    return entries


def build(app: Flask) -> Precache:
    """Build the offline copy of every served language."""
    # Static files are served as they are on disk, so the hashes taken at start-up hold.
    hashes, folder = app.extensions["asset_hashes"], Path(app.static_folder)
    shared = [
        Entry(
            f"{app.static_url_path}/{name}", hashes[name], "asset", (folder / name).stat().st_size
        )
        for name in static_files(app)
    ]
    languages = {
        lang: tuple(_fetch(app, language_pages(app, lang))) for lang in app.config["LANGUAGES"]
    }
    every = [(e.url, e.hash) for e in shared] + [
        (e.url, e.hash) for entries in languages.values() for e in entries
    ]
    version = hashlib.sha256(json.dumps(sorted(every)).encode()).hexdigest()[:16]
    return Precache(version, tuple(shared), languages)


def precache() -> Precache:
    """Return the running app's offline copy, built once on first use."""
    app = current_app._get_current_object()
    with _lock:
        if "pwa_precache" not in app.extensions:
            # Each page must be rendered in a context of its own: inside this request's, they
            # would share its `g`, and with it the locale cached there by flask-babel.
            app.extensions["pwa_precache"] = contextvars.Context().run(build, app)
    return app.extensions["pwa_precache"]
