"""Security headers on every response, including errors the app itself could not answer.

What the headers say is in webapp/headers.py, shared with the static build's generators."""

from __future__ import annotations

from flask import Flask, Response, request
from werkzeug.middleware.proxy_fix import ProxyFix

from . import headers


def headers_for(mimetype: str, secure: bool, path: str = "") -> dict[str, str]:
    """Return the strict headers a response of this type carries (webapp/headers.py)."""
    return headers.security(mimetype, secure, worker=path in headers.WORKER_SCRIPTS)


def add_headers(response: Response) -> Response:
    """Add the strict headers every response carries."""
    response.headers.update(headers_for(response.mimetype, request.is_secure, request.path))
    return response


class HeadersEverywhere:
    """WSGI middleware: add the headers to any response that left the app without them (one
    answered after an error in an after-request step, or by Flask's last-resort handler)."""

    def __init__(self, wsgi_app) -> None:
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        secure = environ.get("wsgi.url_scheme") == "https"

        def start(status, headers, exc_info=None):
            names = {name.lower() for name, _ in headers}
            if "x-content-type-options" not in names:  # sent with every response
                kind = next((v for n, v in headers if n.lower() == "content-type"), "")
                mimetype = kind.split(";")[0].strip().lower()
                path = environ.get("PATH_INFO", "")
                headers = [*headers, *headers_for(mimetype, secure, path).items()]
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, start)


def init_app(app: Flask) -> None:
    """Trust a TLS proxy when told to (PROXY_FIX = number of proxies) and add the headers."""
    app.wsgi_app = HeadersEverywhere(app.wsgi_app)
    hops = int(app.config.get("PROXY_FIX") or 0)
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    app.after_request(add_headers)
