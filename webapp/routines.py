"""Routines, the guided session player and the private history, all under /<lang>/.

The server only renders what is the same for every reader. The reader's own routines, sessions
and ratings live in their browser's storage and never reach the server.
"""

from __future__ import annotations

from babel.units import format_unit
from flask import Blueprint, Flask, abort, render_template
from flask_babel import get_locale

from . import i18n
from .content import MAX_SECONDS, MAX_STEPS, MIN_SECONDS, SIDES, TOOLS, library

bp = Blueprint("routines", __name__, url_prefix="/<lang:lang>")
bp.url_value_preprocessor(i18n.enter_language)
bp.url_defaults(i18n.add_language)


def duration(seconds: int) -> str:
    """Return a short, localised duration such as "7 min, 30 sec"."""
    locale = get_locale()
    minutes, rest = divmod(int(seconds), 60)
    parts = []
    if minutes:
        parts.append(format_unit(minutes, "duration-minute", length="short", locale=locale))
    if rest or not minutes:
        parts.append(format_unit(rest, "duration-second", length="short", locale=locale))
    if len(parts) == 1:
        return parts[0]
    # Two items are joined with CLDR's two-item pattern; babel's format_list repeats the last
    # item for locales whose unit lists lack one (Arabic), so the pattern is applied here.
    return _two_item_pattern(locale).format(*parts)


def _two_item_pattern(locale) -> str:
    """Return the locale's pattern for a two-item list of units, with CLDR's fallbacks."""
    for style in ("unit-short", "unit", "standard"):
        try:
            patterns = locale.list_patterns[style]
        except KeyError:  # some locales (French) lack the shorter styles
            continue
        for key in ("2", "end"):
            try:
                return patterns[key]
            except KeyError:
                continue
    return "{0} {1}"


def plural_samples() -> list[tuple[str, int]]:
    """Return one number per plural category of the locale, e.g. [("one", 1), ("other", 0)].

    A template renders each plural form once with them, and scripts pick the form with
    Intl.PluralRules: gettext's plural rules and CLDR's agree on these categories.
    """
    locale = get_locale()
    samples: dict[str, int] = {}
    for n in range(200):
        samples.setdefault(locale.plural_form(n), n)
    return list(samples.items())


@bp.context_processor
def _helpers() -> dict:
    return {
        "duration": duration,
        "plural_samples": plural_samples,
        "limits": {"min": MIN_SECONDS, "max": MAX_SECONDS, "steps": MAX_STEPS},
        "all_tools": TOOLS,  # names for scripts: a session kept from before may use any
        "all_sides": SIDES,
    }


@bp.route("/routines/")
def index():
    """List the built-in routines and, from device storage, the reader's own."""
    return render_template("routines/index.html", routines=library().routines.values())


@bp.route("/routines/<routine_id>")
def routine(routine_id: str):
    """Show one built-in routine, its steps and the player."""
    found = library().routines.get(routine_id) or abort(404)
    return render_template("routines/routine.html", routine=found)


@bp.route("/routines/play")
def play():
    """Play an own or shared routine named in the URL fragment (no server data)."""
    return render_template("routines/play.html")


@bp.route("/routines/edit")
def edit():
    """Build a new routine, or edit the own routine named in the URL fragment."""
    spots = library().spots.values()
    offered = [t for t in TOOLS if any(t in spot.tools for spot in spots)]  # no retired one
    return render_template("routines/edit.html", offered_tools=offered)


@bp.route("/history")
def history():
    """Show the sessions and ratings kept on this device, with export, import and delete."""
    return render_template("routines/history.html")


@bp.route("/history/report")
def report():
    """Make a report of the history for a clinician, on the device, for a chosen period."""
    return render_template("routines/report.html", routines=library().routines.values())


def init_app(app: Flask) -> None:
    """Register the routine, player and history pages."""
    app.register_blueprint(bp)
