"""The app icons: a trefoil knot drawn from its formula, rendered to PNG by Chromium.

The PNGs are committed in static/img/; run `flask --app webapp pwa icons` after changing the
drawing here. Rendering needs Playwright and a Chromium (the test extras), not the running app.
"""

from __future__ import annotations

import math
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup

from .png import with_palette

GREEN = "#0f6b5c"
CREAM = "#f7f3ee"
SPOT = "#b3261e"
# The trefoil x = sin t + 2 sin 2t, y = cos t - 2 cos 2t crosses itself three times; at each
# crossing this parameter value is the strand that passes over (they alternate over, under).
OVER = (0.2709, 2.3653, 4.4597)
# (file name, pixel size, kind): what the manifest, iOS, notifications and tabs use.
ICONS = (
    ("icon-32.png", 32, "any"),
    ("icon-192.png", 192, "any"),
    ("icon-512.png", 512, "any"),
    ("icon-maskable-512.png", 512, "maskable"),
    ("apple-touch-icon.png", 180, "apple"),
    ("badge-96.png", 96, "badge"),
)


def _path(start: float, end: float, scale: float, steps: int) -> str:
    """Return SVG path data for the trefoil between two parameter values, centred on 0,0."""
    points = []
    for i in range(steps + 1):
        t = start + (end - start) * i / steps
        x = math.sin(t) + 2 * math.sin(2 * t)
        y = math.cos(t) - 2 * math.cos(2 * t)
        points.append(f"{x * scale:.2f} {y * scale:.2f}")
    return "M" + "L".join(points)


def knot(scale: float, band: float) -> str:
    """Return an SVG mask drawing the knot: white where the band is, with gaps at crossings."""
    whole = _path(0, 2 * math.pi, scale, 480) + "Z"
    # Cut a gap through the strand below, then lay the upper strand again over a longer stretch
    # so that the ends of the cut never show as seams.
    cuts = "".join(
        f'<path d="{_path(t - 0.3, t + 0.3, scale, 32)}" stroke="black" '
        f'stroke-width="{band * 1.9:.1f}"/>'
        f'<path d="{_path(t - 0.5, t + 0.5, scale, 48)}" stroke="white" stroke-width="{band:.1f}"/>'
        for t in OVER
    )
    return (
        '<mask id="knot" maskUnits="userSpaceOnUse" x="-50" y="-50" width="100" height="100">'
        f'<g fill="none" stroke-linejoin="round"><path d="{whole}" stroke="white" '
        f'stroke-width="{band:.1f}"/>{cuts}</g></mask>'
    )


def svg(kind: str) -> str:
    """Return the icon of one kind as SVG on a 100 x 100 canvas centred on 0,0."""
    if kind == "badge":  # monochrome: only the alpha channel counts
        parts = [
            knot(12.5, 8.5),
            '<rect x="-50" y="-50" width="100" height="100" fill="white" mask="url(#knot)"/>',
        ]
    else:
        full = kind in ("maskable", "apple")  # the platform cuts the shape itself
        scale = 10.6 if kind == "maskable" else 12.4
        background = (
            f'<rect x="-50" y="-50" width="100" height="100" fill="{GREEN}"/>'
            if full
            else f'<circle r="48" fill="{GREEN}"/>'
        )
        ring = scale * 0.36
        parts = [
            knot(scale, scale * 0.72),
            background,
            f'<rect x="-50" y="-50" width="100" height="100" fill="{CREAM}" mask="url(#knot)"/>',
            f'<circle r="{ring:.2f}" fill="{CREAM}"/>',
            f'<circle r="{ring * 0.55:.2f}" fill="{SPOT}"/>',
        ]
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-50 -50 100 100">'
        + "".join(parts)
        + "</svg>"
    )


def render(folder: Path, chromium: str) -> list[Path]:
    """Render every icon to a PNG in folder with Chromium and return the files written."""
    from playwright.sync_api import sync_playwright  # a test extra: only this command needs it

    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for name, size, kind in ICONS:
            page = browser.new_page(viewport={"width": size, "height": size})
            body = f'<body style="margin:0">{svg(kind)}</body>'
            page.set_content(body.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1))
            target = folder / name
            target.write_bytes(with_palette(page.screenshot(omit_background=kind != "apple")))
            page.close()
            written.append(target)
        browser.close()
    return written


cli = AppGroup("pwa", help="Installable-app maintenance.")


@cli.command("icons")
@click.option("--chromium", default="/usr/bin/chromium", show_default=True)
def icons_command(chromium: str) -> None:
    """Draw the app icons again into static/img/."""
    from flask import current_app

    folder = Path(current_app.static_folder) / "img"
    folder.mkdir(exist_ok=True)
    for path in render(folder, chromium):
        click.echo(f"wrote {path}")


def init_app(app: Flask) -> None:
    """Register the `flask pwa icons` command."""
    app.cli.add_command(cli)
