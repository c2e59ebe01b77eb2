from __future__ import annotations

import re

import pytest

from tests.test_pages import GUIDES, PAGES

STATIC = ["css/app.css", "js/app.js", "js/finder.js"]


def assert_subresource_headers(response):
    """A stylesheet, script or icon: never sniffed, no referrer; the page's CSP governs it."""
    assert "Content-Security-Policy" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def assert_strict_headers(response):
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "default-src 'self'" in csp
    assert "unsafe-eval" not in csp
    assert not any(d.strip().startswith(("script-src", "style-src")) for d in csp.split(";"))
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize("url", PAGES + GUIDES)
def test_pages_carry_strict_headers_and_no_inline_code(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert_strict_headers(response)
    html = response.text
    assert "style=" not in html
    assert not re.search(r"<style\b", html)
    for script in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in script, f"inline script: {script}"
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"
    assert not re.search(r"""(src|href)=["']https?://(?!www\.painscience|pubmed)""", html)


@pytest.mark.parametrize("name", STATIC)
def test_static_files_are_hashed_and_cached_for_a_year(app, client, name):
    html = client.get("/en/").text
    if name == "js/finder.js":
        url = None
    else:
        url = re.search(rf'"(/static/{re.escape(name)}\?v=[0-9a-f]{{12}})"', html).group(1)
    if url is None:
        with app.test_request_context():
            from webapp.assets import asset

            url = asset(name)
    response = client.get(url)
    assert response.status_code == 200
    assert_subresource_headers(response)
    # Kept a year without asking again (a "no-cache" beside it would undo that)
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    unversioned = client.get(f"/static/{name}")
    assert unversioned.headers["Cache-Control"] == "public, no-cache"


def test_pages_are_revalidated_and_the_api_keeps_its_own_caching(client):
    assert client.get("/en/spots/").headers["Cache-Control"] == "no-cache"
    assert client.get("/en/manifest.webmanifest").headers["Cache-Control"] == "no-cache"
    assert "Cache-Control" not in client.get("/api/push/key").headers
    assert "Cache-Control" not in client.get("/en/nothing-here").headers  # a 404
    missing = client.get("/static/no-such-file.js")  # once kept a year: now asked again
    assert missing.status_code == 404 and "Cache-Control" not in missing.headers


def test_hsts_only_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/en/").headers
    secure = client.get("/en/", base_url="https://knotwise.example")
    assert "max-age=" in secure.headers["Strict-Transport-Security"]


def test_pages_answer_conditional_requests_with_304(client):
    first = client.get("/en/spots/", headers={"Accept-Encoding": "br"})
    assert first.headers["Content-Encoding"] == "br"
    etag = first.headers["ETag"]
    again = client.get("/en/spots/", headers={"Accept-Encoding": "br", "If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""


def test_pages_are_compressed_when_the_browser_accepts_it(client):
    plain = client.get("/en/spots/13-low-back-pit")
    gz = client.get("/en/spots/13-low-back-pit", headers={"Accept-Encoding": "gzip"})
    assert gz.headers["Content-Encoding"] == "gzip"
    assert len(gz.data) < len(plain.data) / 2
    assert "Accept-Encoding" in gz.headers["Vary"]


def test_the_csp_goes_with_what_a_browser_runs_and_not_with_what_a_page_loads(client):
    """A policy means something on a document or a worker; on a stylesheet, a module script,
    an icon or the manifest it would only add bytes to every first visit."""
    for url in ("/sw.js", "/api/push/key", "/en/nothing-here", "/static/no-such-file.js"):
        assert_strict_headers(client.get(url))
    for url in (
        "/static/css/app.css",
        "/static/js/app.js",
        "/static/img/icon-32.png",
        "/en/manifest.webmanifest",
    ):
        response = client.get(url)
        response.close()  # a static file's handle
        assert response.status_code == 200, url
        assert_subresource_headers(response)
    # The service worker keeps it when revalidated too
    worker = client.get("/sw.js")
    again = client.get("/sw.js", headers={"If-None-Match": worker.headers["ETag"]})
    assert again.status_code == 304
    assert_strict_headers(again)


def test_errors_carry_the_headers_too(client):
    assert_strict_headers(client.get("/en/spots/99"))
