"""Knotwise: an offline-first guide to self-massage of 14 common trigger points."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create and configure the Knotwise app."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        SECRET_KEY=None,
        DATA_DIR=str(ROOT / "data"),
        LANGUAGES="en es fr de pt ar",
        PROXY_FIX=0,
        MAX_CONTENT_LENGTH=64 * 1024,
    )
    app.config.from_prefixed_env()
    if test_config:
        app.config.update(test_config)
    if app.config.get("INSTANCE_PATH"):  # FLASK_INSTANCE_PATH: where the database and keys live
        app.instance_path = app.config["INSTANCE_PATH"]
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    from . import (
        assets,
        bodylimit,
        errors,
        i18n,
        pages,
        pictures,
        push,
        pwa,
        routines,
        security,
        site,
    )

    bodylimit.init_app(app)
    i18n.init_app(app)
    assets.init_app(app)
    security.init_app(app)
    pages.init_app(app)
    pictures.init_app(app)
    routines.init_app(app)
    push.init_app(app)
    pwa.init_app(app)
    site.init_app(app)
    errors.init_app(app)  # last: it renders the 500 page with every blueprint in place
    return app
