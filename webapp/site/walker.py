"""Every address of the reader side, and where each one goes in the build.

The pages come from the same walk as the offline copy (webapp/pwa/precache.py: every GET page
whose only URL argument is the language, then a guide per spot and a page per routine), so a
new page is built as soon as it exists. Besides them: the service worker, every static file,
the not-found pages and the spots' short addresses, which the server answers with a redirect.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from flask import Flask

from .. import i18n
from ..pwa.precache import language_pages

# The address asked for a not-found page: it matches no route, and the language comes from the
# cookie, as for any address the app does not know.
MISSING = "/_/not-found"
ERRORS = "_errors"  # where the build keeps its error pages (never served under their own name)
VERSIONS = "_v"  # static files by content hash: /_v/<hash>/static/<name>


@dataclass(frozen=True)
class Target:
    """One file of the build: the address asked of the app, the answer expected, the file."""

    url: str  # what the app is asked (with the query a browser sends)
    path: str  # where the body goes, relative to the build's root
    kind: str  # page, manifest, worker, static, error
    status: int = 200
    cookie: str | None = None  # the lang cookie sent with the request
    versioned: str | None = None  # static files: also kept under _v/<hash>/


def page_path(url: str) -> str:
    """Return the file a page's address is kept in: /en/ -> en/index.html, /en/about -> .html."""
    path = url.lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    if "." not in path.rsplit("/", 1)[-1]:
        return path + ".html"
    return path


def targets(app: Flask) -> Iterator[Target]:
    """Yield every file of the build, language by language, then what all languages share."""
    for lang in app.config["LANGUAGES"]:
        for _kind, url in language_pages(app, lang):
            kind = "manifest" if url.endswith(".webmanifest") else "page"
            yield Target(url, page_path(url), kind)
        for name, status_url in (("404", MISSING), ("404-language", "/zz/")):
            yield Target(status_url, f"{ERRORS}/{lang}/{name}.html", "error", 404, cookie=lang)
    yield Target("/sw.js", "sw.js", "worker")
    prefix = app.static_url_path
    for name, digest in app.extensions["asset_hashes"].items():
        if name.rsplit("/", 1)[-1].startswith("."):
            continue
        path = f"{prefix}/{name}".lstrip("/")
        yield Target(f"{prefix}/{name}?v={digest}", path, "static", versioned=digest)


def spot_redirects(app: Flask) -> dict[int, str]:
    """Return each spot's number and slug: /<lang>/spots/<n> goes to /<lang>/spots/<n>-<slug>."""
    return {n: spot.slug for n, spot in app.extensions["content"].spots.items()}


def languages(app: Flask) -> tuple[str, ...]:
    """Return the served languages, in switcher order."""
    return app.config["LANGUAGES"]


def default_language(app: Flask) -> str:
    """Return the language the root address opens when nothing else decides it."""
    served = languages(app)
    return i18n.DEFAULT if i18n.DEFAULT in served else served[0]
