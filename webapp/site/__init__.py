"""A static build of the reader side, and the server configuration that serves it.

walker.py lists every address, writer.py writes what the app answers for each, headers.py says
which headers each kind of file carries (from webapp/headers.py, as the app), nginx.py and
statichost.py turn those into an nginx server block and a static host's _headers file.
"""

from __future__ import annotations

import time
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from . import nginx, statichost, writer


def build(app: Flask, directory: Path, **options) -> list[writer.Written]:
    """Write the build of this app into directory, with its _headers file."""
    written = writer.build(app, directory, **options)
    (directory / "_headers").write_text(statichost.text(app), encoding="utf-8")
    return written


site_cli = AppGroup("site", help="Build the reader side as static files, and serve them.")


@site_cli.command("build")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--into-existing", is_flag=True, help="Write into a folder that is not empty.")
def build_command(directory: Path, into_existing: bool) -> None:
    """Write every page, file and error page of every language into DIRECTORY.

    Build each release into a new folder (docs/deploy.md): files left from an older build
    would still be served.
    """
    if directory.is_dir() and any(directory.iterdir()) and not into_existing:
        raise click.UsageError(
            f"{directory} is not empty: build each release into a new folder "
            "(or pass --into-existing)"
        )
    app = current_app._get_current_object()
    started = time.monotonic()
    written = build(app, directory)
    total = sum(w.size for w in written)
    click.echo(
        f"{len(written)} files ({total / 1e6:.1f} MB before compression) in {directory} "
        f"in {time.monotonic() - started:.1f} s"
    )


@site_cli.command("nginx")
@click.option(
    "--root",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The build's directory as nginx sees it (e.g. the symlink of the release).",
)
@click.option("--api", required=True, help="HOST:PORT of gunicorn, for /api/.")
@click.option("--listen", default="80", show_default=True, help="nginx's listen parameters.")
@click.option("--server-name", default="_", show_default=True)
@click.option(
    "--brotli/--no-brotli",
    default=None,
    help="Serve the .br files (needs ngx_brotli); found out when not given.",
)
def nginx_command(root: Path, api: str, listen: str, server_name: str, brotli: bool | None):
    """Print an nginx server block that serves the build and passes /api/ to gunicorn."""
    app = current_app._get_current_object()
    click.echo(nginx.config(app, root.absolute(), api, listen, server_name, brotli), nl=False)


def init_app(app: Flask) -> None:
    """Register the site commands."""
    app.cli.add_command(site_cli)
