"""The static build (webapp/site/): the same bytes and headers from nginx as from the app.

The build is written once per session from the session's app; nginx serves it with the
configuration `flask --app webapp site nginx` generates.
"""

from __future__ import annotations

import gzip
import http.client
import json
import re

import brotli
import pytest

from webapp import headers
from webapp.site import walker

# What may differ: when and by whom it was sent, and how the file is validated (nginx's ETag
# is its file's time and size, the app's a hash of the bytes; either makes a browser ask again).
NOT_COMPARED = {"date", "server", "etag", "last-modified", "connection", "accept-ranges"}


def nginx_get(server, url: str, **request_headers: str):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", url, headers=request_headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def app_get(app, url: str, **request_headers: str):
    client = app.test_client()  # a fresh cookie jar: the cookie is the one sent, if any
    cookie = request_headers.pop("Cookie", "")
    if cookie:
        name, _, value = cookie.partition("=")
        client.set_cookie(name, value)
    response = client.get(url, headers=request_headers)
    body = response.get_data()
    response.close()  # a static file's handle
    return response.status_code, {k.lower(): v for k, v in response.headers.items()}, body


def compared(found: dict[str, str], status: int) -> dict[str, str]:
    kept = {k: v for k, v in found.items() if k not in NOT_COMPARED}
    if 300 <= status < 400:  # a redirect's body is nginx's own (and without charset)
        kept.pop("content-type", None)
        kept.pop("content-length", None)
        # Werkzeug's added-slash redirect names the host it was asked for; nginx never does
        kept["location"] = re.sub(r"^http://localhost", "", kept["location"])
    return kept


def precache_urls(client) -> list[str]:
    """Return every address of the offline copy of every language, as the worker fetches it."""
    script = client.get("/sw.js", headers={"Accept-Encoding": "identity"}).get_data(as_text=True)
    data = json.loads(re.search(r"^self\.PRECACHE = (\{.*\});$", script, re.M).group(1))
    entries = data["shared"] + [e for es in data["languages"].values() for e in es]
    return [f"{e['url']}?v={e['hash']}" if e["kind"] == "asset" else e["url"] for e in entries]


def test_every_precached_address_is_the_same_from_the_build_and_the_app(app, client, nginx_site):
    urls = ["/sw.js", *precache_urls(client)]
    assert len(urls) > 6 * 30  # every language's pages, and the shared files
    for encoding in ("gzip", "identity"):
        for url in urls:
            status, found, body = nginx_get(nginx_site, url, **{"Accept-Encoding": encoding})
            want_status, want, want_body = app_get(app, url, **{"Accept-Encoding": encoding})
            assert (status, body) == (want_status, want_body), url  # compressed bytes included
            assert compared(found, status) == compared(want, want_status), url


SAMPLE = [
    ("/en/", {}),
    ("/ar/spots/13-low-back-pit", {}),
    ("/de/routines/play", {}),
    ("/fr/manifest.webmanifest", {}),
    ("/sw.js", {}),
    ("/static/css/app.css", {}),  # no hash: revalidated
    ("/static/css/app.css?v=000000000000", {}),  # a hash not kept: today's file, revalidated
    ("/static/img/icon-192.png", {}),
    ("/en/spots/13", {}),  # the short address
    ("/es/spots/13-a-wrong-slug", {}),
    ("/en", {}),
    ("/", {}),
    ("/", {"Accept-Language": "pt-BR,pt;q=0.9"}),
    ("/", {"Cookie": "lang=ar", "Accept-Language": "de"}),
    ("/en/nothing-here", {}),
    ("/nothing-here", {"Cookie": "lang=fr"}),
    ("/xx/", {"Accept-Language": "es"}),  # a language not served lists those there are
    ("/zz/spots/", {}),
    ("/static/no-such-file.js", {}),
    ("/static/", {}),  # folders of the build are no pages
    ("/en/history/", {}),
]


# Not-found pages whose body is the one built (the app's names no other address).
BUILT_404 = ("/en/nothing-here", "/nothing-here", "/xx/", "/static/no-such-file.js")


@pytest.mark.parametrize(("url", "sent"), SAMPLE)
@pytest.mark.parametrize("encoding", ["gzip", "identity"])
def test_nginx_sends_the_headers_the_app_sends(app, nginx_site, url, sent, encoding):
    sent = {**sent, "Accept-Encoding": encoding}
    status, found, body = nginx_get(nginx_site, url, **sent)
    want_status, want, want_body = app_get(app, url, **sent)
    assert status == want_status
    if status == 404 and url not in BUILT_404:
        # The app's own page names the route's address in the other languages: not compared
        found.pop("content-length"), want.pop("content-length")
    assert compared(found, status) == compared(want, want_status)
    if status == 200 or url in BUILT_404:
        assert body == want_body


@pytest.mark.parametrize(
    "accept",
    [
        "de-DE,de;q=0.9,en;q=0.8",
        "en-GB,en;q=0.9",
        "ES-mx",
        "pt_BR",
        "zh-CN, ja;q=0.8",
        "ar;q=0, fr;q=0.5",
        "fr;q=0.0, es;q=0.3",
        "eng, fr",
        "*",
        "",
        "en-US,en;q=0.9,ar;q=0.8",
    ],
)
def test_the_root_chooses_the_language_as_the_app_does(app, nginx_site, accept):
    for cookie in ("", "lang=es", "lang=xx", "lang=ES"):
        sent = {"Accept-Language": accept, "Cookie": cookie}
        _, found, _ = nginx_get(nginx_site, "/", **sent)
        _, want, _ = app_get(app, "/", **sent)
        assert found["location"] == want["location"], sent


def test_a_file_of_an_earlier_release_is_kept_a_year_by_its_hash(nginx_site, site):
    # Given a release that kept an older app.css beside today's (the release swap copies _v/)
    old = site / walker.VERSIONS / "0123456789ab" / "static" / "css" / "app.css"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"/* the old styles */")
    try:
        # When a reader's service worker asks for it by that hash, it gets those bytes
        status, found, body = nginx_get(nginx_site, "/static/css/app.css?v=0123456789ab")
        assert (status, body) == (200, b"/* the old styles */")
        assert found["cache-control"] == headers.IMMUTABLE
        # And the folder itself is not an address
        assert nginx_get(nginx_site, "/_v/0123456789ab/static/css/app.css")[0] == 404
    finally:
        old.unlink()


def test_the_builds_own_files_are_not_addresses(nginx_site):
    for url in (
        "/_headers",
        "/en/index.html",
        "/en/about.html.gz",
        "/sw.js.br",
        "/_errors/en/404.html",
    ):
        assert nginx_get(nginx_site, url)[0] == 404, url


def test_the_api_is_passed_on(nginx_site):
    # Nothing listens behind it here: nginx says so, rather than looking for a file
    assert nginx_get(nginx_site, "/api/push/key")[0] == 502


def test_every_compressed_copy_holds_its_file(site):
    files = [p for p in site.rglob("*") if p.is_file() and p.suffix not in (".br", ".gz")]
    packed = 0
    for path in files:
        copy = path.with_name(path.name + ".gz")
        if copy.exists():
            assert gzip.decompress(copy.read_bytes()) == path.read_bytes(), copy
            packed += 1
        mimetype = headers.type_of(path.name)
        if mimetype and headers.compressible(mimetype, path.stat().st_size):
            assert copy.exists(), path
    assert packed > 200


def test_the_build_command_writes_brotli_and_gzip_copies_as_the_app_sends_them(
    app, runner, tmp_path, monkeypatch
):
    # A partial build (a guide, a manifest, sw.js, a style sheet, an icon) through the command
    import webapp.site.writer as writer

    chosen = ("/en/spots/13-low-back-pit", "/ar/manifest.webmanifest", "/sw.js", "app.css", ".png")
    whole = writer.build
    monkeypatch.setattr(
        writer,
        "build",
        lambda app, root, **o: whole(app, root, only=lambda t: any(c in t.url for c in chosen)),
    )
    result = runner.invoke(args=["site", "build", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    for path, url in (
        ("en/spots/13-low-back-pit.html", "/en/spots/13-low-back-pit"),
        ("ar/manifest.webmanifest", "/ar/manifest.webmanifest"),
        ("sw.js", "/sw.js"),
        ("static/css/app.css", "/static/css/app.css"),
    ):
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            sent = app_get(app, url, **{"Accept-Encoding": encoding})[2]
            assert (out / (path + suffix)).read_bytes() == sent, (path, encoding)
        assert brotli.decompress((out / (path + ".br")).read_bytes()) == (out / path).read_bytes()
    icons = list((out / "static" / "img").glob("*.png*"))
    assert icons and all(p.suffix == ".png" for p in icons)  # not compressible: no copies
    assert (out / "_headers").exists() and (out / "index.html").exists()
    # The static files are kept by their hash too, for releases to come
    (kept,) = (out / walker.VERSIONS).glob("*/static/css/app.css")
    assert kept.read_bytes() == (out / "static/css/app.css").read_bytes()
    # A release is never rebuilt in place by mistake
    again = runner.invoke(args=["site", "build", str(out)])
    assert again.exit_code != 0 and "not empty" in again.output


def test_the_headers_file_for_static_hosts(site):
    text = (site / "_headers").read_text()
    rules = dict(re.findall(r"^(/\S*)\n((?:  .+\n)+)", text, re.M))
    assert f"Content-Security-Policy: {headers.CSP}" in rules["/*"]
    assert "Strict-Transport-Security" in rules["/*"]
    for lang in ("en", "es", "fr", "de", "pt", "ar"):
        assert "X-Frame-Options: DENY" in rules[f"/{lang}/*"]
        assert "Cache-Control: no-cache" in rules[f"/{lang}/*"]
    assert "Service-Worker-Allowed: /" in rules["/sw.js"]
    assert "Cache-Control: public, no-cache" in rules["/static/*"]


def test_the_nginx_command_prints_a_configuration_nginx_accepts(runner, tmp_path):
    result = runner.invoke(
        args=["site", "nginx", "--root", str(tmp_path), "--api", "127.0.0.1:8000"]
    )
    assert result.exit_code == 0, result.output
    assert "proxy_pass http://127.0.0.1:8000;" in result.output
    assert f"root {tmp_path};" in result.output
    assert "gzip_static on;" in result.output
    # HSTS on the HTTPS nginx terminates, with the app's value
    assert f'https "{headers.HSTS[1]}";' in result.output


def test_static_hosts_get_a_root_page_that_opens_a_language(site, nginx_site):
    html = (site / "index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=/en/">' in html
    for code, name in (("en", "English"), ("es", "Español"), ("ar", "العربية")):
        assert f'<a href="/{code}/" hreflang="{code}" lang="{code}"' in html and name in html
    # nginx never serves it: it chooses the language itself
    assert nginx_get(nginx_site, "/index.html")[0] == 404


def test_the_nginx_file_in_the_deploy_guide_is_the_one_the_command_writes(runner):
    from webapp import ROOT

    guide = (ROOT / "docs" / "deploy.md").read_text()
    shown = re.search(r"```nginx\n(.*?)```", guide, re.S).group(1)
    args = ["site", "nginx", "--root", "/srv/knotwise-site/current", "--api", "127.0.0.1:8000"]
    args += ["--listen", "443 ssl http2", "--server-name", "knotwise.your-domain.org"]
    result = runner.invoke(args=[*args, "--no-brotli"])
    assert result.exit_code == 0, result.output
    assert shown == result.output, "regenerate the nginx file in docs/deploy.md"
