"""Error pages in the app's own design, and JSON errors for the API."""

from __future__ import annotations

from flask import Flask, current_app, jsonify, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException, InternalServerError


def _is_api() -> bool:
    return request.path.startswith("/api/")


def handle_http(error: HTTPException):
    """Answer an HTTP error as JSON for the API and as a helpful page elsewhere."""
    if _is_api():
        response = jsonify(error=error.description or error.name)
        response.status_code = error.code or 500
        if error.code == 405 and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response
    messages = {
        400: _("Something in that address was not understood."),
        404: _("There is no page at this address."),
        405: _("That kind of request is not allowed here."),
        413: _("That was more than this page accepts."),
        429: _("Too many requests in a short time. Please wait a minute and try again."),
    }
    message = messages.get(error.code, _("Something went wrong on our side. Please try again."))
    body = render_template(
        "error.html", code=error.code, message=message, bad_language=error.description == "language"
    )
    return body, error.code or 500


def handle_unexpected(error: Exception):
    """Turn an unexpected failure into a plain 500 without leaking details."""
    current_app.logger.exception("unexpected error on %s", request.path)
    return handle_http(InternalServerError())


def init_app(app: Flask) -> None:
    """Register the error handlers."""
    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(Exception, handle_unexpected)
