"""The headers each kind of built file is served with, from webapp/headers.py (as the app does).

Both generators (nginx.py, statichost.py) and the tests read these, so what a server in front of
the build sends cannot drift from what the app sends.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import headers

HTML = "text/html"


@dataclass(frozen=True)
class Kind:
    """A kind of response the build's server gives, and its headers beside Content-Type."""

    name: str
    mimetype: str | None  # None: the file's own type (static files)
    cache: str | None  # Cache-Control on a 200 answer
    extra: tuple[tuple[str, str], ...] = ()
    worker: bool = False  # the service worker's script

    def security(self, secure: bool = False) -> dict[str, str]:
        """Return the security headers, the same for every status.

        A static file's CSP depends on its type (headers.runs): the servers add it by type."""
        result = headers.security(self.mimetype or "", secure, self.worker)
        if self.mimetype is None:
            del result["Content-Security-Policy"]
        return result

    def success(self) -> dict[str, str]:
        """Return what a 200 answer adds: caching and the kind's own headers."""
        more = dict(self.extra)
        if self.cache:
            more["Cache-Control"] = self.cache
        return more


PAGE = Kind("page", HTML, headers.REVALIDATE)
MANIFEST = Kind("manifest", "application/manifest+json", headers.REVALIDATE)
WORKER = Kind(
    "worker", "text/javascript", headers.REVALIDATE, tuple(headers.WORKER.items()), worker=True
)
HASHED = Kind("hashed static file", None, headers.IMMUTABLE)  # /static/x?v=<its hash>
STATIC = Kind("static file", None, headers.STATIC_REVALIDATE)  # any other /static/ address
ERROR = Kind("error or redirect", HTML, None)  # not-found pages, redirects
ROOT_VARY = "Accept-Language, Cookie"  # the root's redirect depends on these


def expected(kind: Kind, status: int = 200, secure: bool = False) -> dict[str, str]:
    """Return the headers (besides type, length, ETag, dates) a response of this kind carries."""
    result = kind.security(secure)
    if status == 200:
        result.update(kind.success())
    return result


def content_type(filename: str) -> str | None:
    """Return the Content-Type a built file is served with, or None for an unknown type."""
    mimetype = headers.type_of(filename)
    return headers.content_type(mimetype) if mimetype else None
