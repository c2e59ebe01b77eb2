"""Languages: which ones exist, the /<lang>/ URL prefix, and choosing the reader's language."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Flask, abort, current_app, g, redirect, request, url_for
from flask_babel import Babel
from werkzeug.routing import BaseConverter, BuildError

# Every language Knotwise knows, in the order the switcher lists them, named in itself.
NAMES = {
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "de": "Deutsch",
    "pt": "Português",
    "ar": "العربية",
}
RTL = frozenset({"ar"})
DEFAULT = "en"
COOKIE = "lang"

bp = Blueprint("i18n", __name__)


class LanguageConverter(BaseConverter):
    """Match a two-letter language prefix; unknown ones are refused by the view."""

    regex = "[a-z]{2}"


def languages() -> tuple[str, ...]:
    """Return the languages this app serves, in switcher order."""
    return current_app.config["LANGUAGES"]


def direction(lang: str) -> str:
    """Return the text direction of a language: 'rtl' or 'ltr'."""
    return "rtl" if lang in RTL else "ltr"


def best_language() -> str:
    """Return the reader's best language: their earlier choice, then the browser's, then English."""
    served = languages()
    chosen = request.cookies.get(COOKIE, "")
    if chosen in served:
        return chosen
    # Accept-Language arrives sorted by quality; a regional tag (es-MX, pt-BR) means its
    # language, so the reader's most preferred language we serve wins.
    for tag, quality in request.accept_languages:
        primary = tag.lower().replace("_", "-").split("-")[0]
        if quality > 0 and primary in served:
            return primary
    return DEFAULT if DEFAULT in served else served[0]


def current() -> str:
    """Return the language of the page being served."""
    return g.get("lang") or best_language()


@bp.route("/")
def root():
    """Send the reader to the home page in their best language."""
    response = redirect(url_for("pages.home", lang=best_language()))
    response.vary.update(("Accept-Language", "Cookie"))
    return response


def enter_language(endpoint: str | None, values: dict | None) -> None:
    """Take the language out of the URL values, refusing ones not served."""
    lang = (values or {}).pop("lang", None)
    if lang not in languages():
        g.lang = best_language()
        abort(404, description="language")
    g.lang = lang


def add_language(endpoint: str, values: dict) -> None:
    """Fill in the current language when building a URL that takes one."""
    if "lang" not in values and current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        values["lang"] = current()


def link_query(**values: str) -> None:
    """Record the query values this page's own links keep; the view has validated them."""
    g.link_query = values


def same_page(code: str) -> str:
    """Return the URL of this same page in another language.

    Only the route's own values (parsed by its converters) and the query values the view
    recorded with link_query() go in: nothing else from the request, so a made-up query key
    (_external, _method, a view argument's name) cannot change or break the link.
    """
    endpoint = request.endpoint
    if endpoint and current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        values = {**(request.view_args or {}), **g.get("link_query", {}), "lang": code}
        try:
            return url_for(endpoint, **values)
        except (BuildError, ValueError):  # a rule whose defaults the values do not fit
            pass
    return url_for("pages.home", lang=code)


def switcher() -> list[dict[str, str]]:
    """Return, for each language, the URL of this same page in it."""
    return [
        {"code": code, "name": NAMES[code], "dir": direction(code), "url": same_page(code)}
        for code in languages()
    ]


def _check_catalogs(app: Flask, codes: tuple[str, ...]) -> None:
    """Fail start-up when a served language lacks its compiled interface catalog."""
    folder = Path(app.root_path).parent / "translations"
    for code in codes:
        if code == DEFAULT:
            continue
        catalog = folder / code / "LC_MESSAGES" / "messages.mo"
        if not catalog.is_file():
            raise RuntimeError(
                f"language '{code}' is configured but {catalog} is missing "
                "(run: pybabel compile -d translations)"
            )


def init_app(app: Flask) -> None:
    """Check the configured languages and wire locale selection into the app."""
    raw = app.config["LANGUAGES"]
    codes = tuple(raw.replace(",", " ").split()) if isinstance(raw, str) else tuple(raw)
    unknown = [c for c in codes if c not in NAMES]
    if not codes or unknown:
        raise RuntimeError(
            f"LANGUAGES: unknown language(s) {unknown or '(none given)'}; known: {', '.join(NAMES)}"
        )
    app.config["LANGUAGES"] = tuple(c for c in NAMES if c in codes)
    _check_catalogs(app, app.config["LANGUAGES"])
    app.url_map.converters["lang"] = LanguageConverter
    Babel(
        app,
        locale_selector=current,
        default_translation_directories=str(Path(app.root_path).parent / "translations"),
    )
    app.register_blueprint(bp)
    app.jinja_env.globals.update(
        language_switcher=switcher, text_direction=direction, current_language=current
    )
