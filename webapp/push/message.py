"""What a notification says: small JSON in the subscriber's language, with no routine in it."""

from __future__ import annotations

import json
from functools import lru_cache

from flask_babel import force_locale
from flask_babel import gettext as _

from .. import i18n

ICON = "/static/img/icon-192.png"
BADGE = "/static/img/badge-96.png"


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
    """Return the JSON a push carries: translated texts, the opaque reminder id, no routine."""
    message = {
        "v": 1,
        "type": kind,
        "id": rid,
        "lang": lang,
        "dir": i18n.direction(lang),
        **dict(_translated(kind, lang)),
        "url": f"/{lang}/reminders",
        "icon": ICON,
        "badge": BADGE,
    }
    return json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode()
