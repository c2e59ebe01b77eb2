"""The installable app and its offline copy, as the browser receives them."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import struct
from xml.etree import ElementTree

import brotli
import pytest

from webapp import ROOT, create_app
from webapp.content import load
from webapp.pwa import icons

LIBRARY = load(ROOT / "data", ["en"])
GUIDES = [f"/en/spots/{n}-{s.slug}" for n, s in LIBRARY.spots.items()]
ROUTINES = [f"/en/routines/{rid}" for rid in getattr(LIBRARY, "routines", {})]
PAGES = ["/en/", "/en/spots/", "/en/safety", "/en/about", "/en/privacy", "/en/offline"]


def precache_of(client) -> dict:
    """Return the precache list the server put in front of /sw.js."""
    script = client.get("/sw.js").text
    match = re.search(r"^self\.PRECACHE = (\{.*\});$", script, re.MULTILINE)
    assert match, "sw.js starts with the precache list"
    return json.loads(match.group(1))


def entries_of(client, lang: str = "en") -> list[dict]:
    data = precache_of(client)
    return data["shared"] + data["languages"][lang]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def get(client, url: str, **kwargs):
    """GET a URL and close the response (static files hold an open file until closed)."""
    response = client.get(url, **kwargs)
    response.get_data()
    response.close()
    return response


def short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def app_with_data(tmp_path, change=None):
    """Create the app on a copy of data/, changed by `change(folder)` first."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    if change:
        change(data)
    return create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path), "DATA_DIR": str(data)})


def test_service_worker_is_served_at_the_root_and_always_revalidated(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.headers["Service-Worker-Allowed"] == "/"
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    source = (ROOT / "webapp" / "static" / "sw.js").read_text()
    assert response.text.endswith(source)


@pytest.mark.parametrize("present", [True, False])
def test_push_handlers_are_imported_only_when_sw_push_exists(tmp_path, present):
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path)})
    hashes = app.extensions["asset_hashes"]
    if present:
        hashes["sw-push.js"] = "0123456789ab"
    else:
        hashes.pop("sw-push.js", None)
    script = app.test_client().get("/sw.js").text
    imported = 'importScripts("/static/sw-push.js?v=0123456789ab");' in script
    assert imported is present
    assert ("importScripts" in script) is present


def test_manifest_describes_the_app_of_the_language(client):
    response = client.get("/en/manifest.webmanifest")
    assert response.status_code == 200
    assert response.mimetype == "application/manifest+json"
    manifest = response.get_json(force=True)
    assert manifest["name"] == manifest["short_name"] == "Knotwise"
    assert manifest["lang"] == "en" and manifest["dir"] == "ltr"
    assert manifest["id"] == manifest["start_url"] == manifest["scope"] == "/en/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] and manifest["background_color"]
    assert set(manifest["user_preferences"]["color_scheme_dark"]) == {
        "theme_color",
        "background_color",
    }
    kinds = {(i["sizes"], i["purpose"]) for i in manifest["icons"]}
    assert kinds == {
        ("192x192", "any"),
        ("512x512", "any"),
        ("512x512", "maskable"),
        ("96x96", "monochrome"),
    }
    for shortcut in manifest["shortcuts"]:
        assert shortcut["url"].startswith("/en/")


def test_manifest_icons_are_pngs_of_the_stated_size(client):
    manifest = client.get("/en/manifest.webmanifest").get_json(force=True)
    for icon in manifest["icons"]:
        response = get(client, icon["src"])
        assert response.status_code == 200 and response.mimetype == "image/png"
        width, height = png_size(response.data)
        assert f"{width}x{height}" == icon["sizes"]
        assert "immutable" in response.headers["Cache-Control"]


def test_every_page_links_the_manifest_and_the_apple_touch_icon(client):
    html = client.get("/en/spots/").text
    assert '<link rel="manifest" href="/en/manifest.webmanifest">' in html
    icon = re.search(r'<link rel="apple-touch-icon" href="([^"]+)">', html)
    assert icon
    assert png_size(get(client, icon.group(1)).data) == (180, 180)


def test_offline_page_says_so_and_links_to_what_is_saved(client):
    response = client.get("/en/offline")
    assert response.status_code == 200
    html = response.text
    assert "<h1" in html and "You are offline" in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'id="page-offline"' in html
    for url in ["/en/", "/en/spots/", "/en/safety"]:
        assert f'href="{url}"' in html


def test_offline_copy_holds_every_page_guide_and_routine_of_the_language(client):
    urls = [e["url"] for e in entries_of(client)]
    assert len(urls) == len(set(urls))
    assert set(PAGES + GUIDES + ROUTINES + ["/en/manifest.webmanifest"]) <= set(urls)
    kinds = {e["url"]: e["kind"] for e in entries_of(client)}
    assert [u for u, k in kinds.items() if k == "guide"] == GUIDES
    assert [u for u, k in kinds.items() if k == "routine"] == ROUTINES
    assert kinds["/en/"] == "home" and kinds["/en/offline"] == "offline"


def test_every_page_with_only_a_language_joins_the_offline_copy(app, client):
    urls = {e["url"] for e in entries_of(client)}
    adapter = app.url_map.bind("localhost")
    for rule in app.url_map.iter_rules():
        if set(rule.arguments) - set(rule.defaults or {}) != {"lang"} or "GET" not in rule.methods:
            continue
        url = adapter.build(rule.endpoint, {"lang": "en"})
        response = client.get(url)
        if response.status_code == 200 and response.mimetype == "text/html":
            assert url in urls, f"{rule.endpoint} is missing from the offline copy"


def test_offline_copy_holds_every_style_script_and_icon_but_not_the_worker(client):
    shared = {e["url"] for e in precache_of(client)["shared"]}
    static = ROOT / "webapp" / "static"
    for folder in ("css", "js", "img"):
        for path in (static / folder).rglob("*"):
            if path.is_file():
                assert f"/static/{path.relative_to(static).as_posix()}" in shared
    assert "/static/sw.js" not in shared and "/static/sw-push.js" not in shared
    assert not any("/api/" in e["url"] for e in entries_of(client))


def test_every_entry_hash_matches_the_bytes_served(client):
    for entry in entries_of(client):
        response = get(client, entry["url"])
        assert response.status_code == 200, entry["url"]
        assert short_hash(response.data) == entry["hash"], entry["url"]
        assert len(response.data) == entry["size"]
        if entry["kind"] == "asset":  # what the worker fetches: the hashed URL, same bytes
            versioned = get(client, f"{entry['url']}?v={entry['hash']}")
            assert short_hash(versioned.data) == entry["hash"]


@pytest.mark.parametrize("url", ["/en/", GUIDES[12], "/en/manifest.webmanifest"])
def test_compressed_pages_decode_to_the_listed_bytes(client, url):
    entry = next(e for e in entries_of(client) if e["url"] == url)
    response = client.get(url, headers={"Accept-Encoding": "br"})
    assert response.headers["Content-Encoding"] == "br"
    assert short_hash(brotli.decompress(response.data)) == entry["hash"]


def test_a_changed_guide_changes_only_its_entry_and_the_version(client, tmp_path):
    def reword(data):
        guide = data / "en" / "spots" / "13.toml"
        text = guide.read_text()
        guide.write_text(re.sub(r'^summary = ".*"$', 'summary = "Reworded."', text, flags=re.M))

    before = precache_of(client)
    after = precache_of(app_with_data(tmp_path, reword).test_client())
    assert after["version"] != before["version"]
    old = {e["url"]: e["hash"] for e in before["shared"] + before["languages"]["en"]}
    new = {e["url"]: e["hash"] for e in after["shared"] + after["languages"]["en"]}
    assert old.keys() == new.keys()
    changed = {url for url in old if old[url] != new[url]}
    assert "/en/spots/13-low-back-pit" in changed
    assert not changed & (set(GUIDES) - {"/en/spots/13-low-back-pit"})


def add_spot_and_routine(data):
    """Add a 15th spot (with its technique pictures) and a seventh routine to a copy of data/."""
    spots = (data / "spots.toml").read_text()
    block = spots[spots.rindex("[[spot]]") :]
    block = re.sub(r"^number = 14$", "number = 15", block, flags=re.M)
    block = re.sub(r'^slug = ".*"$', 'slug = "test-spot"', block, flags=re.M)
    quick = '15 = { seconds = 60, rounds = 2, flag = "stop.1" }\n'
    spots = spots.replace("[quick]\n", "[quick]\n" + quick)
    (data / "spots.toml").write_text(spots + "\n" + block)
    for pictures in [data / "techniques.toml", *data.glob("*/techniques.toml")]:
        text = pictures.read_text()  # spot 15 is drawn like spot 14
        pictures.write_text(text + "\n" + text[text.index("[14]") :].replace("[14]", "[15]"))
    routines = (data / "routines.toml").read_text()
    first = routines[routines.index("[[routine]]") :]
    first = first[: first.index("[[routine]]", 1)]
    (data / "routines.toml").write_text(
        routines + "\n" + first.replace('id = "low-back"', 'id = "test-routine"')
    )
    for folder in data.iterdir():
        if not (folder / "spots" / "14.toml").is_file():
            continue
        shutil.copy(folder / "spots" / "14.toml", folder / "spots" / "15.toml")
        texts = (folder / "routines.toml").read_text()
        prose = texts[
            texts.index("[routine.low-back]") : texts.index(
                "[routine.", 20 + texts.index("[routine.low-back]")
            )
        ]
        texts = texts.replace(
            "[spot_cues]", prose.replace("low-back", "test-routine") + "[spot_cues]"
        )
        (folder / "routines.toml").write_text(texts + '\n15 = "A test cue."\n')


def test_a_new_spot_and_routine_join_the_offline_copy(client, tmp_path):
    before = precache_of(client)
    after = precache_of(app_with_data(tmp_path, add_spot_and_routine).test_client())
    guides = [e["url"] for e in after["languages"]["en"] if e["kind"] == "guide"]
    assert guides == GUIDES + ["/en/spots/15-test-spot"]
    routines = [e["url"] for e in after["languages"]["en"] if e["kind"] == "routine"]
    assert routines == ROUTINES + ["/en/routines/test-routine"]
    assert after["version"] != before["version"]


def test_each_language_is_listed_with_the_bytes_served_in_that_language(tmp_path, monkeypatch):
    from webapp import i18n

    def spanish(data):  # Spanish beside English; its content is a copy of the English one
        shutil.rmtree(data / "es", ignore_errors=True)
        shutil.copytree(data / "en", data / "es")

    if not (ROOT / "translations" / "es" / "LC_MESSAGES" / "messages.mo").is_file():
        monkeypatch.setattr(i18n, "_check_catalogs", lambda app, codes: None)
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    spanish(data)
    app = create_app(
        {
            "TESTING": True,
            "INSTANCE_PATH": str(tmp_path),
            "DATA_DIR": str(data),
            "LANGUAGES": "en es",
        }
    )
    client = app.test_client()
    precache = precache_of(client)
    assert set(precache["languages"]) == {"en", "es"}
    for entry in precache["languages"]["es"]:
        assert entry["url"].startswith("/es/")
        response = get(client, entry["url"], headers={"Accept-Language": "de"})
        assert short_hash(response.data) == entry["hash"], entry["url"]
        if entry["kind"] != "manifest":
            assert '<html lang="es"' in response.text


@pytest.mark.parametrize(("name", "size", "kind"), icons.ICONS)
def test_each_committed_icon_is_drawn_from_the_source(name, size, kind):
    drawing = ElementTree.fromstring(icons.svg(kind))
    assert drawing.tag == "{http://www.w3.org/2000/svg}svg"
    assert drawing.find(".//{http://www.w3.org/2000/svg}mask") is not None  # the knot
    data = (ROOT / "webapp" / "static" / "img" / name).read_bytes()
    assert png_size(data) == (size, size)


def test_icons_can_be_drawn_again_with_a_command(runner):
    result = runner.invoke(args=["pwa", "--help"])
    assert result.exit_code == 0
    assert "icons" in result.output
