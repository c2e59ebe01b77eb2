"""Write the build: every file as the app itself answers it, with .br and .gz beside it.

Each body is asked of the app through its own test client, never rendered another way, so the
build holds exactly the bytes the app would send; the compressed copies are made by the same
function the app compresses with (webapp/assets.py), so they are byte-identical too.
"""

from __future__ import annotations

import contextvars
import os
from dataclasses import dataclass
from pathlib import Path

from flask import Flask
from markupsafe import escape

from .. import headers, i18n
from ..assets import compress
from .walker import VERSIONS, Target, default_language, languages, targets


class BuildError(RuntimeError):
    """The app did not answer an address of the build as expected."""


@dataclass(frozen=True)
class Written:
    """One file written: its target and the sizes of its body and compressed copies."""

    target: Target
    size: int
    compressed: tuple[str, ...]  # the encodings written beside it


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    os.replace(part, path)


def _link(source: Path, target: Path) -> None:
    """Keep one more name for a file (a hard link, or a copy where links are not possible)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        target.write_bytes(source.read_bytes())


def fetch(app: Flask, target: Target) -> tuple[bytes, str]:
    """Return a target's body and media type exactly as the app serves it, uncompressed."""
    client = app.test_client()
    if target.cookie:
        client.set_cookie("lang", target.cookie)
    response = client.get(target.url, headers={"Accept-Encoding": "identity"})
    if response.status_code != target.status:
        raise BuildError(f"{target.url}: status {response.status_code}, expected {target.status}")
    data = response.get_data()
    response.close()
    return data, response.mimetype


def _build(app: Flask, root: Path, encodings: tuple[str, ...], only=None) -> list[Written]:
    written = []
    for target in targets(app):
        if only and not only(target):
            continue
        data, mimetype = fetch(app, target)
        path = root / target.path
        _write(path, data)
        encodings = []
        if headers.compressible(mimetype, len(data)):
            for encoding in headers.ENCODINGS:
                _write(
                    path.with_name(path.name + headers.SUFFIX[encoding]), compress(data, encoding)
                )
                encodings.append(encoding)
        if target.versioned:
            kept = root / VERSIONS / target.versioned / target.path
            for suffix in ("", *(headers.SUFFIX[e] for e in encodings)):
                _link(path.with_name(path.name + suffix), kept.with_name(kept.name + suffix))
        written.append(Written(target, len(data), tuple(encodings)))
    return written


def root_page(app: Flask) -> bytes:
    """Return /index.html, for static hosts only (nginx chooses the language at / itself).

    A static host cannot read the cookie or Accept-Language, so this page opens the default
    language at once and lists the others, each named in itself; an installed app's service
    worker answers / with the language chosen last before this page is ever asked for.
    """
    default = default_language(app)
    style = app.extensions["asset_hashes"]["css/app.css"]
    links = "".join(
        f'<li><a href="/{code}/" hreflang="{code}" lang="{code}" dir="{i18n.direction(code)}">'
        f"{escape(i18n.NAMES[code])}</a></li>"
        for code in languages(app)
    )
    return (
        f'<!doctype html><html lang="{default}"><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="refresh" content="0; url=/{default}/">'
        f'<link rel="stylesheet" href="{app.static_url_path}/css/app.css?v={style}">'
        f"<title>Knotwise</title><main><h1>Knotwise</h1><ul>{links}</ul></main></html>\n"
    ).encode()


def build(
    app: Flask, root: Path, encodings: tuple[str, ...] = headers.ENCODINGS, only=None
) -> list[Written]:
    """Write the whole reader side into root and return what was written.

    encodings: the compressed copies to write (brotli at its best level takes most of the
    time); only: a test of which targets to write, for a partial build.

    Each request runs in a context of its own (as the offline copy's are): inside a shared
    application context, pages would share its `g`, and with it flask-babel's cached locale.
    """
    root.mkdir(parents=True, exist_ok=True)
    written = contextvars.Context().run(_build, app, root, encodings, only)
    page = root_page(app)
    _write(root / "index.html", page)
    for encoding in encodings if headers.compressible("text/html", len(page)) else ():
        _write(root / f"index.html{headers.SUFFIX[encoding]}", compress(page, encoding))
    return written
