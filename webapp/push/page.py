"""The reminders page under /<lang>/: choose a routine, days and a time; the rest is scripted."""

from __future__ import annotations

from babel.dates import get_day_names
from flask import Blueprint, render_template, url_for
from flask_babel import get_locale, ngettext

from .. import i18n
from ..content import library
from .schedule import DAYS, zones

bp = Blueprint("reminders", __name__, url_prefix="/<lang:lang>")
bp.url_value_preprocessor(i18n.enter_language)
bp.url_defaults(i18n.add_language)


def week() -> list[dict[str, str]]:
    """Return the days of the week in the reader's locale order, with short and full names."""
    locale = get_locale()
    wide = get_day_names("wide", locale=locale)
    short = get_day_names("abbreviated", locale=locale)
    first = locale.first_week_day
    return [
        {"code": DAYS[i], "name": wide[i], "short": short[i]}
        for i in ((first + n) % 7 for n in range(7))
    ]


def time_zones() -> list[str]:
    """Return the time zones to choose from: the canonical-looking IANA names, sorted."""
    skip = ("Etc/", "SystemV/", "US/", "posix", "right/")
    return sorted(z for z in zones() if "/" in z and not z.startswith(skip)) + ["UTC"]


def built_in_routines(lang: str) -> list[dict[str, str]]:
    """Return the built-in routines with their names in this language and their addresses."""
    lib = library()
    texts = lib.languages[lang].routines
    return [
        {
            "id": rid,
            "name": texts[rid].name,
            "url": url_for("routines.routine", routine_id=rid),
        }
        for rid in lib.routines
        if rid in texts
    ]


def at_forms() -> dict[str, str]:
    """Return "{days} at {time}" for each plural category an hour can take in this language,
    since some say the hour's article by number (Spanish "a la 1:30" but "a las 2:30")."""
    plural = get_locale().plural_form
    forms: dict[str, str] = {}
    for hour in [*range(1, 25), 0, 100]:  # 100: "other" in every language
        text = ngettext(
            "%(days)s at %(time)s", "%(days)s at %(time)s", hour, days="{days}", time="{time}"
        )
        forms.setdefault(plural(hour), text)
    return forms


@bp.route("/reminders")
def index():
    """Show the reminders page: the form, the list kept on this device and the calendar option."""
    lang = i18n.current()
    return render_template(
        "reminders.html",
        routines=built_in_routines(lang),
        week=week(),
        time_zones=time_zones(),
        at_forms=at_forms(),
    )
