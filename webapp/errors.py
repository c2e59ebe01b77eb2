"""Error pages in the app's own design, and JSON errors for the API.

The 500 page is rendered once per language at start-up, so answering a failure needs nothing
that could fail in turn (no template, no URL building, no request parsing).
"""

from __future__ import annotations

from flask import Flask, Response, current_app, g, jsonify, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

API_500 = b'{"error":"server: something went wrong on our side; please try again"}\n'
PLAIN_500 = b"<!doctype html><title>500</title><p>Something went wrong. Please try again.</p>\n"


def _is_api() -> bool:
    return request.path.startswith("/api/")


def _message(code: int | None) -> str:
    messages = {
        400: _("Something in that address was not understood."),
        404: _("There is no page at this address."),
        405: _("That kind of request is not allowed here."),
        413: _("That was more than this page accepts."),
        429: _("Too many requests in a short time. Please wait a minute and try again."),
    }
    return messages.get(code, _("Something went wrong on our side. Please try again."))


def server_error(_error: Exception | None = None, code: int = 500) -> Response:
    """Answer a server error with the page rendered at start-up: this cannot fail."""
    if request.environ.get("PATH_INFO", "").startswith("/api/"):
        return Response(API_500, code, mimetype="application/json")
    pages = current_app.extensions.get("error_500", {})
    # The page's language, else the address's first segment when it names one.
    first = request.environ.get("PATH_INFO", "").split("/")[1:2]
    body = pages.get(g.get("lang")) or pages.get("".join(first)) or pages.get("en") or PLAIN_500
    return Response(body, code, mimetype="text/html")


def handle_http(error: HTTPException):
    """Answer an HTTP error as JSON for the API and as a helpful page elsewhere."""
    if not error.code or error.code >= 500:
        return server_error(error, error.code or 500)
    if _is_api():
        description = error.description or error.name
        if error.code == 413:
            description = f"body: larger than {request.max_content_length} bytes"
        response = jsonify(error=description)
        response.status_code = error.code
        if error.code == 405 and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response
    body = render_template(
        "error.html",
        code=error.code,
        message=_message(error.code),
        bad_language=error.description == "language",
    )
    return body, error.code


def handle_unexpected(error: Exception):
    """Turn an unexpected failure into a plain 500 without leaking details."""
    current_app.logger.exception("unexpected error on %s", request.path)
    return server_error(error)


def _render_500(app: Flask) -> dict[str, bytes]:
    """Render the 500 page of every language, as a request for its home page would."""
    from . import i18n

    pages = {}
    for code in app.config["LANGUAGES"]:
        with app.test_request_context(f"/{code}/500"):  # matches no page: no link is current
            g.lang = code
            html = render_template("error.html", code=500, message=_message(500))
            pages[code] = html.encode()
    return pages if i18n.DEFAULT in pages else {**pages, i18n.DEFAULT: PLAIN_500}


def init_app(app: Flask) -> None:
    """Register the error handlers and render the 500 page (call after every blueprint)."""
    app.extensions["error_500"] = _render_500(app)
    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(Exception, handle_unexpected)
