"""The reminders API: subscribe, update, unsubscribe and send a test, all JSON."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime

from flask import Blueprint, current_app, jsonify, request
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import (
    BadRequest,
    Gone,
    HTTPException,
    NotFound,
    ServiceUnavailable,
    UnsupportedMediaType,
)

from .. import i18n
from . import db, message, ratelimit, store, validate
from .schedule import utcnow

bp = Blueprint("push", __name__, url_prefix="/api/push")
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,100}")
SID = re.compile(r"[A-Za-z0-9_-]{1,32}")


class Unauthorized(HTTPException):
    code = 401
    description = "authorization: send Authorization: Bearer <token>"

    def get_headers(self, environ=None, scope=None):
        return [("Content-Type", "application/json"), ("WWW-Authenticate", "Bearer")]


class NotConfigured(HTTPException):
    """The server may not push yet: its VAPID subject is a placeholder (503, no retry)."""

    code = 503


@bp.before_request
def _limit_body() -> None:
    request.max_content_length = current_app.config["PUSH_MAX_BODY"]


@bp.errorhandler(HTTPException)
def _json_error(error: HTTPException):
    """Answer every API error as JSON, keeping headers such as Retry-After."""
    description = error.description or error.name
    if error.code == 413:
        description = f"body: larger than {request.max_content_length} bytes"
    response = jsonify(error=description)
    response.status_code = error.code or 500
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _body() -> dict:
    if not request.is_json:
        raise UnsupportedMediaType("body: send Content-Type: application/json")
    try:
        return validate.parse_json(request.get_data(cache=False))
    except validate.Invalid as error:
        raise BadRequest(str(error)) from None


def _settings(body: dict, now: datetime, subscribing: bool) -> validate.Settings:
    allowlist = current_app.extensions["push_allowlist"] if subscribing else None
    try:
        return validate.settings(body, i18n.languages(), now, allowlist)
    except validate.Invalid as error:
        raise BadRequest(str(error)) from None


def _authorized(session, sid: str):
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not TOKEN.fullmatch(token.strip()):
        raise Unauthorized()
    sub = store.find(session, sid, token.strip()) if SID.fullmatch(sid) else None
    if sub is None:
        raise NotFound("subscription: not found (it may have expired; subscribe again)")
    return sub


@bp.get("/key")
def key():
    """Return the VAPID public key the browser subscribes with."""
    return jsonify(key=current_app.extensions["push_vapid"].public_key)


@bp.post("/subscriptions")
def subscriptions():
    """Subscribe a browser, or update the subscription already held for its endpoint."""
    ratelimit.limit("subscribe", "RATE_LIMIT_SUBSCRIBE")
    now = utcnow()
    settings = _settings(_body(), now, subscribing=True)
    for attempt in range(2):
        try:
            with db.session_factory().begin() as session:
                sub, token = store.subscribe(session, settings, now)
                answer = {**store.describe(sub, now), "token": token}
            return jsonify(answer), 201
        except IntegrityError:  # the same endpoint subscribed at the same moment: update it
            if attempt:
                raise
    raise AssertionError("unreachable")


@bp.put("/subscriptions/<sid>")
def subscription(sid: str):
    """Replace a subscription's language, time zone, pause and reminders."""
    now = utcnow()
    with db.session_factory().begin() as session:
        sub = _authorized(session, sid)
        settings = _settings(_body(), now, subscribing=False)
        store.update(sub, settings, now)
        answer = store.describe(sub, now)
    return jsonify(answer)


@bp.delete("/subscriptions/<sid>")
def unsubscribe(sid: str):
    """Forget a subscription and all its reminders."""
    with db.session_factory().begin() as session:
        session.delete(_authorized(session, sid))
    return "", 204


@bp.post("/subscriptions/<sid>/test")
def test(sid: str):
    """Send a test notification now, in the subscription's language."""
    with db.session_factory().begin() as session:
        sub = _authorized(session, sid)
        target = (sub.endpoint, sub.p256dh, sub.auth, sub.lang)
    ratelimit.limit("test", "RATE_LIMIT_TEST", sid)
    problem = current_app.extensions["push_subject_problem"]
    if problem:  # the server is not set up to push: say so rather than be refused by Apple
        raise NotConfigured(problem)
    endpoint, p256dh, auth, lang = target
    outcome = current_app.extensions["push_sender"].send(
        endpoint,
        p256dh,
        auth,
        message.payload("test", lang),
        ttl=60,
        topic="test-" + hashlib.sha256(sid.encode()).hexdigest()[:16],
    )
    if outcome.kind == "sent":
        return jsonify(sent=True)
    if outcome.kind == "gone":
        with db.session_factory().begin() as session:
            gone = session.get(db.Subscription, sid)
            if gone is not None:
                session.delete(gone)
        raise Gone("subscription: the push service has ended it; turn reminders on again")
    if outcome.kind == "retry":
        wait = int(min(outcome.retry_after or 30, 300))
        raise ServiceUnavailable("push service: busy; try again shortly", retry_after=wait)
    raise BadRequest("subscription: the push service refused this subscription")
