"""What a notification says: Declarative Web Push JSON in the subscriber's language, with no
routine in it (the device fills in the routine's name; see docs/reminders.md)."""

from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from urllib.parse import quote

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from .. import i18n

ICON = "/static/img/icon-192.png"
BADGE = "/static/img/badge-96.png"
DECLARATIVE = 8030  # the magic number that marks a Declarative Web Push message (RFC 8030)
DEV_ORIGIN = "http://127.0.0.1:5000"
_ORIGIN = re.compile(r"https?://[a-z0-9.-]+(:[0-9]{1,5})?|http://\[::1\](:[0-9]{1,5})?")

log = logging.getLogger(__name__)


def public_origin(value: object, testing: bool = False) -> str:
    """Read PUBLIC_ORIGIN (scheme, host and port only), failing start-up on anything else."""
    if not value:
        if not testing:
            log.warning("PUBLIC_ORIGIN is not set: notifications open %s", DEV_ORIGIN)
        return DEV_ORIGIN
    origin = str(value).strip().rstrip("/").lower()
    if not _ORIGIN.fullmatch(origin):
        raise RuntimeError(f"PUBLIC_ORIGIN: {value!r} is not an origin such as https://example.org")
    return origin


def _texts(kind: str) -> dict[str, str]:
    if kind == "test":
        return {
            "title": _("Reminders are on"),
            "body": _("This is a test. Your reminders will arrive like this."),
        }
    return {
        "title": _("Time for your routine"),
        # The service worker puts the routine's name, which only the device knows, in place
        # of {routine}.
        "title_named": _("Time for your routine: %(routine)s", routine="{routine}"),
        "body": _("A few minutes for yourself. Tap to start."),
    }


@lru_cache(maxsize=64)
def _translated(kind: str, lang: str) -> tuple[tuple[str, str], ...]:
    with force_locale(lang):
        return tuple(_texts(kind).items())


def payload(kind: str, lang: str, rid: str | None = None) -> bytes:
    """Return a push's JSON: translated texts, the opaque reminder id, never the routine."""
    origin = current_app.extensions["push_origin"]
    texts = dict(_translated(kind, lang))
    # The reminders page, with the opaque id in the fragment: the page maps it to the routine
    # kept on this device, so neither the push nor the address it opens names the routine.
    navigate = f"{origin}/{lang}/reminders"
    if rid:
        navigate += f"#reminder={quote(rid, safe='')}"
    data = {"type": kind, "id": rid}
    if "title_named" in texts:
        data["title_named"] = texts["title_named"]
    message = {
        "web_push": DECLARATIVE,
        "notification": {
            "title": texts["title"],
            "body": texts["body"],
            "navigate": navigate,
            "lang": lang,
            "dir": i18n.direction(lang),
            "tag": f"knotwise-{kind}-{rid or 'all'}",
            "icon": origin + ICON,
            "badge": origin + BADGE,
            "silent": False,
            "data": data,
        },
        # The spec puts "mutable" beside "notification": the service worker may retitle it.
        "mutable": True,
    }
    return json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode()
