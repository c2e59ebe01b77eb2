"""Pictures of each technique: a line drawing of the body position for every spot and tool.

data/techniques.toml names the pose and place of each spot's tools; <lang>/techniques.toml
gives each picture its accessible name. Both are checked and every picture drawn once, at
start-up: a spot's tool without a picture, or a picture without a name, stops the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app
from markupsafe import Markup, escape

from ..content import ContentError, Library, Reader, parse_toml
from . import close, facing, lying, upright  # noqa: F401  (each registers its poses)
from .kit import POSES

SCALE = 3  # drawing units to CSS pixels before the stylesheet shrinks the picture to fit


@dataclass(frozen=True)
class Picture:
    """One technique picture, drawn: its viewBox and the shapes inside it."""

    pose: str
    at: str
    box: tuple[int, int, int, int]  # x, y, width, height of the drawing
    body: str
    side: str | None = None  # "left" or "right": the side pressed, as drawn; None for both


def _draw(r: Reader, field: str, tool: str) -> Picture:
    entry = r.table(field)
    name = entry.one_of("pose", sorted(POSES))
    draw, places = POSES[name]
    at = entry.one_of("at", places)
    balls = entry.get("balls", int, optional=True) or 1
    canvas = draw(at, tool, balls)
    return Picture(name, at, canvas.box(), "".join(canvas.items), canvas.side)


def load_pictures(root: Path, lib: Library) -> dict[tuple[int, str], Picture]:
    """Draw the picture of every spot's every tool; a missing one is named in the error."""
    path = root / "techniques.toml"
    r = Reader(path, parse_toml(path))
    pictures = {}
    for number, spot in lib.spots.items():
        if str(number) not in r.data:
            raise r.fail(str(number), f"is missing: spot {number} needs a picture of each tool")
        r.keys_exactly(str(number), spot.tools)
        spot_r = r.table(str(number))
        for tool in spot.tools:
            pictures[number, tool] = _draw(spot_r, tool, tool)
    extra = [k for k in r.data if not k.isdigit() or int(k) not in lib.spots]
    if extra:
        raise r.fail(extra[0], "is not a spot in spots.toml")
    return pictures


def load_names(root: Path, lib: Library, code: str) -> dict[tuple[int, str], str]:
    """Read one language's accessible name of every picture."""
    path = root / code / "techniques.toml"
    r = Reader(path, parse_toml(path))
    names = {}
    for number, spot in lib.spots.items():
        r.keys_exactly(str(number), spot.tools)
        spot_r = r.table(str(number))
        for tool in spot.tools:
            names[number, tool] = spot_r.text(tool)
    return names


def init_app(app: Flask) -> None:
    """Draw the pictures and read their names; offer technique_picture() to templates."""
    lib, root = library_of(app), Path(app.config["DATA_DIR"])
    pictures = load_pictures(root, lib)
    names = {code: load_names(root, lib, code) for code in lib.languages}
    app.extensions["pictures"] = (pictures, names)
    app.jinja_env.globals["technique_picture"] = technique_picture
    from .sheet import cli

    app.cli.add_command(cli)


def library_of(app: Flask) -> Library:
    """Return the content loaded for the app (content.init_app runs first)."""
    if "content" not in app.extensions:
        raise ContentError("pictures need the content loaded first")
    return app.extensions["content"]


def technique_picture(number: int, tool: str, lang: str) -> Markup:
    """Return the inline SVG of a technique, named in the page's language."""
    pictures, names = current_app.extensions["pictures"]
    picture = pictures[number, tool]
    label = escape(names.get(lang, names[next(iter(names))])[number, tool])
    head, title = f'role="img" aria-label="{label}"', f"<title>{label}</title>"
    x, y, w, h = picture.box
    # The width and height give the picture its shape; CSS scales it to the page.
    size = f'viewBox="{x} {y} {w} {h}" width="{w * SCALE}" height="{h * SCALE}"'
    # A one-sided picture says which side it shows, so the player can turn it round (app.css)
    side = f' data-drawn-side="{picture.side}"' if picture.side else ""
    return Markup(
        f'<svg class="technique" data-tool="{tool}"{side} {size} {head}>{title}{picture.body}</svg>'
    )
