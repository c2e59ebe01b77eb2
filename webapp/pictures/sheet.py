"""`flask --app webapp pictures sheet`: every technique picture on one page, as a PNG.

The pictures are drawn at the width a phone shows them (340 CSS pixels), with the app's own
stylesheet, and photographed by Chromium, so a person can judge them all at a glance. `--dark`
draws them in dark mode; `--sides` draws each one-sided picture for the left and the right side,
as the player turns it (app.css), side by side.
"""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from markupsafe import escape

cli = AppGroup("pictures", help="The technique pictures.")
CHROMIUM = "/usr/bin/chromium"
LAYOUT = """
body { margin: 0; padding: 16px; background: var(--bg); color: var(--text); }
.sheet { display: grid; grid-template-columns: repeat(4, 340px); gap: 16px; }
.sheet figure { margin: 0; }
.sheet figcaption { font-size: 14px; margin-block-start: 4px; }
.technique-figure { margin: 0; }
"""


def sheet_html(lang: str, dark: bool, sides: bool = False) -> str:
    """Return a page holding every picture, captioned with its spot, tool and accessible name;
    with `sides`, each one-sided picture twice, as the player shows it for the left and right."""
    from . import technique_picture

    pictures, names = current_app.extensions["pictures"]
    css = (Path(current_app.static_folder) / "css" / "app.css").read_text()
    cells = []
    for (number, tool), picture in sorted(pictures.items()):
        name = escape(names[lang][number, tool])
        svg = technique_picture(number, tool, lang)
        if sides and not picture.side:
            continue
        if sides:
            cells.extend(
                f'<figure data-current-side="{side}"><div class="technique-figure">{svg}</div>'
                f"<figcaption><strong>{number} · {tool} · {side}</strong></figcaption></figure>"
                for side in ("left", "right")
            )
            continue
        cells.append(
            f'<figure><div class="technique-figure">{svg}</div>'
            f"<figcaption><strong>{number} · {tool}</strong> {name}</figcaption></figure>"
        )
    scheme = "dark" if dark else "light"
    head = f'<meta charset="utf-8"><style>{css}{LAYOUT}</style>'
    return (
        f'<!doctype html><html lang="{lang}" style="color-scheme: {scheme}"><head>{head}</head>'
        f"<body><div class=sheet>{''.join(cells)}</div></body></html>"
    )


@cli.command("sheet")
@click.option("--out", default="docs/technique-pictures.png", help="Where to write the PNG.")
@click.option("--lang", default="en", help="Language of the captions.")
@click.option("--dark", is_flag=True, help="Draw in dark mode.")
@click.option("--sides", is_flag=True, help="Each one-sided picture for the left and the right.")
def sheet(out: str, lang: str, dark: bool, sides: bool) -> None:
    """Photograph every technique picture, at phone size, into one PNG."""
    from playwright.sync_api import sync_playwright

    html = sheet_html(lang, dark, sides)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(
            viewport={"width": 1440, "height": 900}, color_scheme="dark" if dark else "light"
        )
        page.set_content(html)
        page.screenshot(path=out, full_page=True)
        browser.close()
    click.echo(f"{len(current_app.extensions['pictures'][0])} pictures -> {out}")
