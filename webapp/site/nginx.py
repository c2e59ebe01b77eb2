"""An nginx server block for the build, generated from the app's own rules.

It serves the build's files with the headers webapp/headers.py gives (through site/headers.py),
precompressed copies with gzip_static (and brotli_static when the module is there), the root
address's language choice as webapp/i18n.py makes it, the spots' short addresses as redirects,
the not-found pages, and passes /api/ (all that stays in Python) to gunicorn.
"""

from __future__ import annotations

import glob
import re
import shutil
import subprocess
from pathlib import Path

from flask import Flask

from .. import headers, i18n
from . import headers as built
from .walker import ERRORS, VERSIONS, default_language, languages, spot_redirects

ENABLED_MODULES = "/etc/nginx/modules-enabled/*brotli*"  # Debian's libnginx-mod-http-brotli-*


def brotli_available() -> bool:
    """Return whether this machine's nginx loads the brotli_static module (or has it built in)."""
    if glob.glob(ENABLED_MODULES):
        return True
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    try:
        built = subprocess.run([nginx, "-V"], capture_output=True, text=True, timeout=10).stderr
    except OSError:
        return False
    return "brotli" in built


def _quote(value: str) -> str:
    # nginx keeps a backslash before any character but a quote or another backslash
    return '"' + value.replace('"', '\\"') + '"'


def _variable(kind: built.Kind, name: str) -> str:
    return "$knotwise_ok_" + re.sub(r"\W", "_", f"{kind.name}_{name}").lower()


def header_lines(kind: built.Kind) -> list[str]:
    """Return the add_header lines of a kind: security on every status, the rest on a 200.

    add_header without "always" also applies to redirects and 304s; the app adds its caching
    to a 200 only, so those headers go through a map that is empty for any other status.
    """
    lines = [f"add_header {n} {_quote(v)} always;" for n, v in kind.security().items()]
    if kind.mimetype is None:  # a static file: the CSP by its type, as the app gives it
        lines.append("add_header Content-Security-Policy $knotwise_static_csp always;")
    lines.append("add_header Strict-Transport-Security $knotwise_hsts always;")
    lines += [f"add_header {name} {_variable(kind, name)};" for name in kind.success()]
    return lines


def _success_maps(kinds: list[built.Kind]) -> list[str]:
    return [
        f'map $status {_variable(kind, name)} {{ 200 {_quote(value)}; default ""; }}'
        for kind in kinds
        for name, value in kind.success().items()
    ]


def accept_language_regex(codes: tuple[str, ...]) -> str:
    """Return a PCRE that finds, in Accept-Language, the first served language not refused.

    As webapp/i18n.py reads it: a regional tag (pt-BR) means its language, q=0 refuses; the
    header's own order decides (browsers list languages from most to least preferred).
    """
    alternatives = "|".join(f"({code})" for code in codes)
    refused = r"(?!0(?:\.0*)?\s*(?:,|$))"
    return (
        rf"~*^(?:[^,]*,)*?\s*(?:{alternatives})(?:[-_][^,;]*)?\s*"
        rf"(?:;\s*q\s*=\s*{refused}[^,]*)?(?:,|$)"
    )


def _indent(lines: list[str]) -> list[str]:
    return ["    " + line if line else "" for line in lines]


def config(
    app: Flask,
    root: Path,
    api: str,
    listen: str = "80",
    server_name: str = "_",
    brotli: bool | None = None,
) -> str:
    """Return the nginx configuration (http-level maps and one server block) for a build."""
    codes = languages(app)
    either = "|".join(codes)
    brotli = brotli_available() if brotli is None else brotli
    kinds = [built.PAGE, built.MANIFEST, built.WORKER, built.HASHED, built.STATIC]
    types = sorted(set(headers.TYPES.values()))
    extensions = {m: " ".join(e for e, t in headers.TYPES.items() if t == m) for m in types}
    charset_types = [m for m in types if headers.needs_charset(m) and m != "text/html"]
    page, error = header_lines(built.PAGE), header_lines(built.ERROR)
    brotli_line = (
        "brotli_static on;"
        if brotli
        else "# brotli_static on;  # needs the ngx_brotli module, not found on this machine"
    )

    http = [
        "# Knotwise: written by `flask --app webapp site nginx` from the app's own rules",
        "# (webapp/headers.py, webapp/i18n.py). Regenerate it; do not edit it.",
        "# Include it inside http {} (e.g. as /etc/nginx/sites-enabled/knotwise).",
        "",
        "# The root address opens the reader's language: the lang cookie, then Accept-Language,",
        f"# then {default_language(app)}.",
        f"map $cookie_{i18n.COOKIE} $knotwise_cookie_lang {{",
        *[f"    ~^{code}$ {code};" for code in codes],
        '    default "";',
        "}",
        "map $http_accept_language $knotwise_header_lang {",
        f"    {_quote(accept_language_regex(codes))} "
        + _quote("".join(f"${i}" for i in range(1, len(codes) + 1)))
        + ";",
        '    default "";',
        "}",
        "map $knotwise_cookie_lang$knotwise_header_lang $knotwise_lang {",
        *[f"    ~*^{code} {code};" for code in codes],
        f"    default {default_language(app)};",
        "}",
        "# A not-found page in the address's language, else the reader's; an unknown language",
        "# prefix lists the languages there are.",
        "map $uri $knotwise_missing {",
        f'    "~^/({either})(?:/|$)" "$1/404";',
        '    "~^/[a-z]{2}(?:/|$)" "$knotwise_lang/404-language";',
        '    default "$knotwise_lang/404";',
        "}",
        "map $scheme $knotwise_hsts {",
        f"    https {_quote(headers.HSTS[1])};",
        '    default "";',
        "}",
        "# A static file asked for with its content hash: that version, kept a year.",
        "map $arg_v $knotwise_version {",
        '    "~^[0-9a-f]{12}$" $arg_v;',
        '    default "";',
        "}",
        "# The CSP only on a static file a browser could run (webapp/headers.py: runs).",
        "map $sent_http_content_type $knotwise_static_csp {",
        f'    "~^({"|".join(re.escape(t) for t in sorted(headers.SUBRESOURCE_TYPES))})(;|$)" "";',
        f"    default {_quote(headers.CSP)};",
        "}",
        "map $knotwise_spot $knotwise_slug {",
        *[f"    {n} {slug};" for n, slug in spot_redirects(app).items()],
        '    default "";',
        "}",
        *_success_maps(kinds),
        "",
    ]
    server = [
        f"listen {listen};",
        f"server_name {server_name};",
        f"root {root};",
        "index index.html;",
        "absolute_redirect off;  # Location: /en/, as the app sends it",
        "server_tokens off;",
        "charset utf-8;",
        f"charset_types {' '.join(charset_types)};",
        "types {",
        *[f"    {m} {extensions[m]};" for m in types],
        "}",
        "default_type application/octet-stream;",
        "gzip_static on;",
        brotli_line,
        "gzip_vary on;",
        f"error_page 404 /{ERRORS}/$knotwise_missing.html;",
        f"error_page 403 =404 /{ERRORS}/$knotwise_missing.html;  # a folder without a page",
        "",
        "# All that stays in Python: reminders, push subscriptions, calendar files.",
        "location /api/ {",
        f"    proxy_pass http://{api};",
        "    proxy_set_header Host $host;",
        "    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
        "    proxy_set_header X-Forwarded-Proto $scheme;",
        "}",
        "",
        "location = / {",
        *_indent(error),
        f"    add_header Vary {_quote(built.ROOT_VARY)} always;",
        "    return 302 /$knotwise_lang/;",
        "}",
        "",
        "# Pages: en/index.html for /en/, en/about.html for /en/about.",
        "location / {",
        *_indent(page),
        "    try_files $uri.html $uri $uri/ =404;",
        "}",
        "location ~ \\.html$ {  # only through the index (/en/ -> en/index.html)",
        "    internal;",
        *_indent(page),
        "}",
        f"location ~ ^/({either})$ {{",
        *_indent(error),
        "    return 308 /$1/;",
        "}",
        f"location ~ ^/({either})/manifest\\.webmanifest$ {{",
        *_indent(header_lines(built.MANIFEST)),
        "}",
        "location = /sw.js {",
        *_indent(header_lines(built.WORKER)),
        "}",
        "",
        "# A spot's short or misspelt address goes to its guide, as the app redirects it.",
        f'location ~ "^/(?<knotwise_slang>{either})/spots/0*(?<knotwise_spot>[0-9]{{1,4}})'
        '(?:-[^/]*)?$" {',
        *_indent(page),
        '    if ($knotwise_slug = "") { return 404; }',
        "    set $knotwise_guide /$knotwise_slang/spots/$knotwise_spot-$knotwise_slug;",
        "    if ($uri != $knotwise_guide) { return 301 $knotwise_guide; }",
        "    try_files $uri.html =404;",
        "}",
        "",
        "location /static/ {",
        *_indent(header_lines(built.STATIC)),
        f"    if ($knotwise_version) {{ rewrite ^ /{VERSIONS}/$knotwise_version$uri last; }}",
        "}",
        "# Static files by content hash; keep those of earlier releases here too.",
        f"location /{VERSIONS}/ {{",
        "    internal;",
        *_indent(header_lines(built.HASHED)),
        "    try_files $uri @knotwise_unversioned;",
        "}",
        "location @knotwise_unversioned {  # a hash not kept: today's file, revalidated",
        *_indent(header_lines(built.STATIC)),
        f"    rewrite ^/{VERSIONS}/[0-9a-f]+(/static/.*)$ $1 break;",
        "}",
        "",
        f"location ^~ /{ERRORS}/ {{",
        "    internal;",
        "    gzip_static off;  # as the app, which compresses only a 200",
        *_indent(error),
        "}",
        "# The build's own files are not addresses of the app.",
        "location ~ (\\.gz|\\.br|^/_headers)$ {",
        "    return 404;",
        "}",
    ]
    return "\n".join(http) + "\nserver {\n" + "\n".join(_indent(server)) + "\n}\n"
