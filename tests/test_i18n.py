"""Six languages: negotiation, lang/dir, the switcher, and complete catalogs and content."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.test_pages import GUIDES, PAGES, outline
from webapp import ROOT
from webapp.content import load
from webapp.i18n import NAMES

LANGS = tuple(NAMES)
LIBRARY = load(ROOT / "data", LANGS)
CATALOGS = sorted((ROOT / "translations").glob("*/LC_MESSAGES/messages.po"))


def localise(path: str, lang: str) -> str:
    return f"/{lang}{path[3:]}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES + GUIDES)
def test_every_page_in_every_language(client, lang, path):
    url = localise(path, lang)
    response = client.get(url)
    assert response.status_code == 200
    html = response.text
    assert re.search(rf'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}">', html)
    page = outline(html)
    assert len(page.h1) == 1
    # The switcher offers this same page in every language, named in that language.
    switcher = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    for code, name in NAMES.items():
        assert f'href="{localise(path, code)}" hreflang="{code}" lang="{code}"' in switcher
        assert name in switcher
        assert f'<link rel="alternate" hreflang="{code}" href="{localise(path, code)}">' in html


@pytest.mark.parametrize("lang", [code for code in LANGS if code != "en"])
@pytest.mark.parametrize("number", range(1, 15))
def test_guide_headings_are_translated(client, lang, number):
    spot = LIBRARY.spots[number]
    h1 = outline(client.get(f"/{lang}/spots/{number}-{spot.slug}").text).h1[0]
    english = outline(client.get(f"/en/spots/{number}-{spot.slug}").text).h1[0]
    assert h1 != english
    assert LIBRARY.languages[lang].spots[number].name in h1


@pytest.mark.parametrize("lang", [code for code in LANGS if code != "en"])
def test_interface_strings_are_translated(client, lang):
    html = client.get(f"/{lang}/").text
    assert "Where does it hurt?" not in html
    assert "Skip to content" not in html


@pytest.mark.parametrize(
    ("header", "cookie", "expected"),
    [
        ("de-DE,de;q=0.9", None, "de"),
        ("es-MX,es;q=0.8,en;q=0.5", None, "es"),
        ("pt-BR", None, "pt"),
        ("ar", None, "ar"),
        ("fr-CA;q=0.9, en;q=0.8", None, "fr"),
        ("en;q=0.3, de;q=0.7", None, "de"),
        ("ja", None, "en"),
        (None, None, "en"),
        ("de-DE", "pt", "pt"),
        ("de-DE", "xx", "de"),
        ("de-DE", "<script>", "de"),
        (";;;q=abc,,,", None, "en"),
        ("*", None, "en"),
        ("x" * 5000, None, "en"),
    ],
)
def test_root_picks_the_best_language(client, header, cookie, expected):
    headers = {"Accept-Language": header} if header else {}
    if cookie:
        client.set_cookie("lang", cookie)
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/{expected}/")
    assert "Accept-Language" in response.headers["Vary"]


@pytest.mark.parametrize("url", ["/xx/", "/jp/spots/", "/EN/", "/e/"])
def test_unsupported_language_prefix_is_a_helpful_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    for name in NAMES.values():
        assert name in response.text


def test_error_page_follows_the_readers_language(client):
    response = client.get("/de/spots/99")
    assert response.status_code == 404
    assert '<html lang="de"' in response.text


def test_content_of_every_language_has_every_field():
    # The loader refuses a language missing any file or field English has; this loads all six.
    assert set(LIBRARY.languages) == set(LANGS)
    for lang in LANGS:
        assert set(LIBRARY.languages[lang].spots) == set(range(1, 15))


def test_the_pot_file_is_up_to_date(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            "python3",
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "--no-location",
            "--sort-output",
            "--omit-header",
            "-o",
            str(fresh),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    committed = ROOT / "translations" / "messages.pot"
    assert fresh.read_text() == committed.read_text(), "run scripts/i18n update"


def test_every_language_but_english_has_a_catalog():
    assert {p.parts[-3] for p in CATALOGS} == set(LANGS) - {"en"}


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: p.parts[-3])
def test_catalogs_are_complete_and_placeholders_match(po: Path):
    with po.open("rb") as f:
        catalog = read_po(f)
    with (ROOT / "translations" / "messages.pot").open("rb") as f:
        template = read_po(f)
    assert {m.id for m in catalog if m.id} == {m.id for m in template if m.id}, "run update"
    problems = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            problems.append(f"untranslated: {message.id!r}")
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set(re.findall(r"%\(\w+\)[sd]", " ".join(ids)))
        for s in strings:
            found = set(re.findall(r"%\(\w+\)[sd]", s or ""))
            # A plural form may leave the number out ("one spot"); it may not add or rename one.
            if s and (not found <= wanted or (not message.pluralizable and found != wanted)):
                problems.append(f"placeholders differ: {message.id!r}")
    assert problems == []
