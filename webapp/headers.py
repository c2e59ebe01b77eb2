"""The one source of what a response says about itself: security headers, cache lifetimes,
content types and what gets compressed.

The app applies it to every response (security.py, assets.py, pwa/), and the static build
(webapp/site/) turns the same values into an nginx server block and a static host's _headers
file, so a page served from the build carries the headers the app would send.
"""

from __future__ import annotations

from werkzeug.utils import get_content_type

# 'self' by default covers scripts, styles, workers, the manifest and fetches: nothing inline,
# nothing from elsewhere. The rest closes what default-src does not.
CSP = "; ".join(
    (
        "default-src 'self'",
        "img-src 'self' data:",
        "media-src 'self' blob:",  # the player's sound track is made on the device
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
# Headers every response carries, errors included.
EVERY_RESPONSE = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
# The policy governs what a browser runs: a document, or a worker. Files of these types are only
# ever loaded by a page (a stylesheet, a module script, an icon, the manifest), which the page's
# own policy governs, so they go without it; any other type keeps it (a page, an SVG, JSON, a
# not-found page, a type not listed), and so does the service worker, a script run as a worker.
SUBRESOURCE_TYPES = frozenset(
    {
        "text/css",
        "text/javascript",
        "application/javascript",
        "image/png",
        "image/vnd.microsoft.icon",
        "application/manifest+json",
    }
)
WORKER_SCRIPTS = frozenset({"/sw.js"})  # served as JavaScript, run as a worker
# Headers that only mean something for a document.
DOCUMENT_HEADERS = {
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}
# Sent only over HTTPS (a browser ignores it on plain HTTP, and it must not pin a test host).
HSTS = ("Strict-Transport-Security", "max-age=63072000; includeSubDomains")

YEAR = 365 * 24 * 3600
# A static file asked for by its content hash (/static/x.css?v=<hash>) never changes.
IMMUTABLE = f"public, max-age={YEAR}, immutable"
# Pages, the manifest, /sw.js and static files asked for without their hash: kept, but checked
# with the server (ETag) before each use, so a new release shows at once.
REVALIDATE = "no-cache"
STATIC_REVALIDATE = "public, no-cache"

# The service worker at /sw.js may control every page of the site.
WORKER = {"Service-Worker-Allowed": "/"}

# Media types by file extension: static files and built files alike.
TYPES = {
    "html": "text/html",
    "css": "text/css",
    "js": "text/javascript",
    "mjs": "text/javascript",
    "json": "application/json",
    "webmanifest": "application/manifest+json",
    "svg": "image/svg+xml",
    "png": "image/png",
    "ico": "image/vnd.microsoft.icon",
    "txt": "text/plain",
    "ics": "text/calendar",
}
# Text types compressed ahead (the build) or on the way out (the app), above a small size.
COMPRESSIBLE = frozenset(
    {
        "text/html",
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/json",
        "application/manifest+json",
        "image/svg+xml",
        "text/calendar",
    }
)
MIN_COMPRESS = 256  # below this, compression costs more than it saves
ENCODINGS = ("br", "gzip")  # in order of preference, with their file suffixes below
SUFFIX = {"br": ".br", "gzip": ".gz"}


def runs(mimetype: str, worker: bool = False) -> bool:
    """Return whether a response of this type can be run by a browser (it needs the CSP)."""
    return worker or mimetype not in SUBRESOURCE_TYPES


def security(mimetype: str, secure: bool, worker: bool = False) -> dict[str, str]:
    """Return the strict headers a response of this media type carries (worker: the service
    worker's script)."""
    headers = dict(EVERY_RESPONSE)
    if runs(mimetype, worker):
        headers["Content-Security-Policy"] = CSP
    if mimetype == "text/html":
        headers.update(DOCUMENT_HEADERS)
    if secure:
        headers[HSTS[0]] = HSTS[1]
    return headers


def content_type(mimetype: str) -> str:
    """Return the Content-Type header for a media type, with the charset where text needs it."""
    return get_content_type(mimetype, "utf-8")


def needs_charset(mimetype: str) -> bool:
    """Return whether a media type's Content-Type names the charset."""
    return content_type(mimetype) != mimetype


def type_of(filename: str) -> str | None:
    """Return the media type of a file by its extension, or None for one not listed."""
    return TYPES.get(filename.rsplit(".", 1)[-1].lower()) if "." in filename else None


def compressible(mimetype: str, size: int) -> bool:
    """Return whether a body of this type and size is sent compressed."""
    return mimetype in COMPRESSIBLE and size >= MIN_COMPRESS
