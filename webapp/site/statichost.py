"""DIR/_headers: the headers file static hosts read (Netlify, Cloudflare Pages and others).

Such hosts match addresses by path alone, so three things are coarser than with nginx: a static
file is revalidated (ETag) rather than kept a year, since the path cannot tell its hash; every
file carries the CSP, since a not-found page can answer any path (nginx and the app leave it off
stylesheets, scripts and icons); and the root address has no language choice (the service
worker's saved copy still opens at /).
"""

from __future__ import annotations

from flask import Flask

from .. import headers
from . import headers as built
from .walker import languages


def _rule(pattern: str, values: dict[str, str]) -> list[str]:
    return [pattern, *[f"  {name}: {value}" for name, value in values.items()], ""]


def text(app: Flask) -> str:
    """Return the _headers file for the build of this app."""
    every = {  # hosts serve HTTPS
        "Content-Security-Policy": headers.CSP,
        **headers.EVERY_RESPONSE,
        headers.HSTS[0]: headers.HSTS[1],
    }
    pages = {**headers.DOCUMENT_HEADERS, **built.PAGE.success()}
    lines = [
        "# Knotwise: written by `flask --app webapp site build` from webapp/headers.py.",
        *_rule("/*", every),
    ]
    for code in languages(app):
        lines += _rule(f"/{code}/*", pages)
    lines += _rule("/sw.js", built.WORKER.success())
    lines += _rule("/static/*", built.STATIC.success())
    return "\n".join(lines)
