"""The reader-facing pages, all under a /<lang>/ prefix."""

from __future__ import annotations

from functools import wraps

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import lazy_gettext as _l

from . import i18n
from .content import PAGES, figure, library
from .lru import ByteLRU

bp = Blueprint("pages", __name__, url_prefix="/<lang:lang>")
bp.url_value_preprocessor(i18n.enter_language)
bp.url_defaults(i18n.add_language)

# The main navigation: endpoint and label, in order.
NAV = [
    ("pages.home", _l("Where it hurts")),
    ("pages.spots", _l("Spots")),
    ("routines.index", _l("Routines")),
    ("routines.history", _l("History")),
    ("reminders.index", _l("Reminders")),
    ("pages.safety", _l("Safety")),
]
FOOTER = [
    ("pages.about", _l("About")),
    ("pages.privacy", _l("Privacy")),
    ("pages.safety", _l("Safety")),
]


def memoized(*query: str):
    """Keep each page's HTML: content is fixed while the process runs, so a page always renders
    the same bytes (redirects and errors are not kept).

    The key is the canonical page, never the spelling of the address: the language, the
    endpoint, the view arguments as the converters parsed them (so 0001 and Arabic-Indic digits
    are the number 1) and only the query keys the view names, which it validates before a page
    is kept. The store is bounded by bytes (PAGE_CACHE_BYTES).
    """

    def decorate(view):
        @wraps(view)
        def wrapper(**kwargs):
            kept: ByteLRU = current_app.extensions["page_cache"]
            asked = tuple(request.args.get(name) for name in query)
            key = (g.lang, request.endpoint, tuple(sorted(kwargs.items())), asked)
            html = kept.get(key)
            if html is None:
                result = view(**kwargs)
                if not isinstance(result, str):
                    return result
                html = result.encode()
                kept.put(key, html)
            return current_app.response_class(html, mimetype="text/html")

        return wrapper

    return decorate


def prose():
    """Return the content of the page's language."""
    return library().languages[g.lang]


@bp.route("/")
@memoized("region")
def home():
    """Show the "Where does it hurt?" body map and, for a chosen region, its spots."""
    lib = library()
    chosen = request.args.get("region")
    if chosen is not None:
        if chosen not in lib.regions:
            abort(404)
        i18n.link_query(region=chosen)
    results = {rid: lib.spots_for_region(rid) for rid in lib.regions}
    hits = {view: figure.hit_areas(lib.regions, view) for view in ("front", "back")}
    # A region drawn only on the back opens the map on its back view.
    view = "back" if chosen and not lib.regions[chosen].shapes.get("front") else "front"
    return render_template(
        "home.html", chosen=chosen, results=results, regions=lib.regions, hits=hits, view=view
    )


@bp.route("/spots/")
@memoized()
def spots():
    """List all fourteen spots."""
    return render_template("spots.html", spots=library().spots.values())


@bp.route("/spots/<int:number>")
def spot_short(number: int):
    """Redirect a bare spot number to its canonical address."""
    spot = library().spots.get(number) or abort(404)
    return redirect(url_for(".spot", number=number, slug=spot.slug), 301)


@bp.route("/spots/<int:number>-<slug>")
@memoized()
def spot(number: int, slug: str):
    """Show the full guide to one spot."""
    found = library().spots.get(number) or abort(404)
    if slug != found.slug:
        return redirect(url_for(".spot", number=number, slug=found.slug), 301)
    return render_template("spot.html", spot=found, text=prose().spots[number])


@memoized()
def page(name: str):
    """Show one of the prose pages (safety, about, privacy)."""
    return render_template("page.html", page=prose().pages[name], name=name)


for _name in PAGES:
    bp.add_url_rule(f"/{_name}", _name, page, defaults={"name": _name})


def _template_context() -> dict:
    lang = i18n.current()
    lib = library()
    return {
        "lang": lang,
        "dir": i18n.direction(lang),
        "nav": NAV,
        "footer_nav": FOOTER,
        "figure": figure,
        "library": lib,
        "prose": lib.languages.get(lang) or lib.languages[i18n.DEFAULT],
    }


def init_app(app: Flask) -> None:
    """Load the content and register the pages."""
    from . import content

    content.init_app(app)
    app.config.setdefault("PAGE_CACHE_BYTES", 16 * 1024 * 1024)
    app.extensions["page_cache"] = ByteLRU(int(app.config["PAGE_CACHE_BYTES"]))
    app.register_blueprint(bp)
    app.context_processor(_template_context)
