from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from webapp import ROOT
from webapp.content import load
from webapp.content.figure import HIT_LEAST

LIBRARY = load(ROOT / "data", ["en"])
SPOTS = list(LIBRARY.spots.values())
PAGES = ["/en/", "/en/spots/", "/en/safety", "/en/about", "/en/privacy"]
GUIDES = [f"/en/spots/{s.number}-{s.slug}" for s in SPOTS]


class Outline(HTMLParser):
    """Collect what a reader (or a checker) sees: headings, ids, inline code, attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.h1: list[str] = []
        self._in_h1 = False
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_h1:
            self.h1[-1] += data


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def words(html: str) -> str:
    return " ".join(" ".join(outline(html).text).split())


@pytest.mark.parametrize("spot", SPOTS, ids=lambda s: str(s.number))
def test_every_guide_has_one_h1_the_diagram_and_its_sections(client, spot):
    response = client.get(f"/en/spots/{spot.number}-{spot.slug}")
    assert response.status_code == 200
    page = outline(response.text)
    assert len(page.h1) == 1
    assert LIBRARY.languages["en"].spots[spot.number].name in page.h1[0]
    ids = {attrs.get("id") for _, attrs in page.tags}
    assert {"where", "feel", "treat", "dose", "stop", "related", "science", "sources"} <= ids
    assert f"diagram-title-{spot.number}" in ids
    diagram_marks = [a for t, a in page.tags if t == "circle" and a.get("class") == "spot-dot"]
    assert diagram_marks, "the diagram marks the spot"
    for tool in spot.tools:
        assert f"tool-{tool}" in ids


@pytest.mark.parametrize(
    ("number", "flag", "phrase"),
    [
        (9, "heart", "emergency"),
        (13, "back", "bladder"),
        (2, "back", "bladder"),
        (12, "back", "bladder"),
        (1, "head", "worst"),
    ],
)
def test_red_flags_are_shown_where_they_matter(client, number, flag, phrase):
    spot = LIBRARY.spots[number]
    html = client.get(f"/en/spots/{number}-{spot.slug}").text
    assert f'data-red-flags="{flag}"' in html
    section = html.split(f'data-red-flags="{flag}"', 1)[1].split("</section>", 1)[0]
    assert phrase in words(section).lower()
    # Shown before the guide's own sections, not buried at the end.
    assert html.index(f'data-red-flags="{flag}"') < html.index('id="where"')


def test_side_of_neck_guide_warns_never_to_press_the_front_of_the_neck(client):
    html = client.get("/en/spots/4").headers["Location"]
    text = words(client.get(html).text).lower()
    assert "front of the neck" in text or "front of your neck" in text


@pytest.mark.parametrize("spot", SPOTS, ids=lambda s: str(s.number))
def test_a_bare_spot_number_redirects_to_its_slug(client, spot):
    response = client.get(f"/en/spots/{spot.number}")
    assert response.status_code == 301
    assert response.headers["Location"].endswith(f"/en/spots/{spot.number}-{spot.slug}")


def test_a_wrong_slug_redirects_to_the_right_one(client):
    response = client.get("/en/spots/13-wrong")
    assert response.status_code == 301
    assert response.headers["Location"].endswith("/en/spots/13-low-back-pit")


@pytest.mark.parametrize(
    "url", ["/en/spots/15", "/en/spots/0-x", "/en/spots/abc", "/en/nothing", "/xx/", "/zz/spots/1"]
)
def test_unknown_pages_are_a_helpful_404_in_the_apps_design(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert 'class="site-header"' in response.text
    assert "/en/spots/" in response.text


def test_unknown_language_lists_the_languages(client):
    text = words(client.get("/xx/spots/").text)
    assert "English" in text


@pytest.mark.parametrize("query", ["region=nowhere", "region=", "region=%ff%fe"])
def test_unknown_region_is_a_404_not_a_500(client, query):
    assert client.get(f"/en/?{query}").status_code == 404


def test_root_redirects_to_a_language(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/en/")


def test_spot_list_shows_all_fourteen_in_order(client):
    html = client.get("/en/spots/").text
    numbers = [int(n) for n in re.findall(r'class="spot-card" data-spot="(\d+)"', html)]
    assert numbers == list(range(1, 15))
    for spot in SPOTS:
        assert LIBRARY.languages["en"].spots[spot.number].helps in words(html)


@pytest.mark.parametrize(
    ("region", "expected_first", "flag"),
    [
        ("low-back", {2, 6, 12, 13}, "back"),
        ("chest", {9}, "heart"),
        ("face", {7}, None),
        ("head", {1}, "head"),
    ],
)
def test_finder_lists_the_spots_for_a_region_without_scripts(client, region, expected_first, flag):
    html = client.get(f"/en/?region={region}").text
    section = html.split(f'id="region-{region}"', 1)[1]
    section = re.split(r'<section class="(?:region-result|home-more)"', section, maxsplit=1)[0]
    assert " hidden" not in section.split(">", 1)[0]
    found = [int(n) for n in re.findall(r'data-spot="(\d+)"', section)]
    assert set(found[: len(expected_first)]) == expected_first
    if flag:
        assert f'data-red-flags="{flag}"' in section


def test_about_credits_the_series_with_a_link(client):
    html = client.get("/en/about").text
    assert 'href="https://www.painscience.com/articles/perfect-spots.php"' in html


def test_safety_page_is_honest_about_the_science_and_shows_every_red_flag(client):
    html = client.get("/en/safety").text
    for flag in ("heart", "back", "head", "clot"):
        assert f'data-red-flags="{flag}"' in html
    text = words(html).lower()
    assert "what the science says" in text
    assert any(word in text for word in ("debate", "argue", "proven", "settled"))


ALL_LANGS = ("en", "es", "fr", "de", "pt", "ar")
EVERYWHERE = load(ROOT / "data", ALL_LANGS)
# Words for blood thinners and osteoporosis, which guides 5, 7, 9 and 14 used to leave out.
GENTLE = {
    "en": ("blood thinners", "osteoporosis"),
    "es": ("anticoagulantes", "osteoporosis"),
    "fr": ("anticoagulants", "ostéoporose"),
    "de": ("blutverdünnende", "Osteoporose"),
    "pt": ("anticoagulantes", "osteoporose"),
    "ar": ("مميّعة للدم", "هشاشة العظام"),
}


@pytest.mark.parametrize("lang", ALL_LANGS)
@pytest.mark.parametrize("spot", SPOTS, ids=lambda s: str(s.number))
def test_every_guide_shows_the_general_cautions_in_the_stop_section(client, lang, spot):
    html = client.get(f"/{lang}/spots/{spot.number}-{spot.slug}").text
    stop = words(html[html.index('id="stop"') : html.index('id="related"')])
    common = EVERYWHERE.languages[lang].common
    for item in (*common.never_press, *common.be_gentle):
        assert " ".join(item.split()) in stop


@pytest.mark.parametrize("lang", ALL_LANGS)
@pytest.mark.parametrize("number", [5, 7, 9, 14])
def test_guides_without_their_own_warning_mention_blood_thinners_and_osteoporosis(
    client, lang, number
):
    spot = LIBRARY.spots[number]
    text = words(client.get(f"/{lang}/spots/{number}-{spot.slug}").text)
    for phrase in GENTLE[lang]:
        assert phrase in text


def test_the_body_map_draws_a_larger_hit_area_over_every_region(client):
    html = client.get("/en/").get_data(as_text=True)
    hits = re.findall(
        r'class="region-hit" data-region="([a-z-]+)" tabindex="-1">'
        r'<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"',
        html,
    )
    drawn = set(re.findall(r'class="region(?: is-chosen)?" data-region="([a-z-]+)"', html))
    # Every drawn region has hit areas, each at least HIT_LEAST units each way
    assert {region for region, *_ in hits} == drawn
    assert all(float(w) >= HIT_LEAST and float(h) >= HIT_LEAST for *_, w, h in hits)
    # And the thin neck's area reaches above and below its drawn band (y 60 to 72)
    neck = [(float(y), float(h)) for region, _, y, _, h in hits if region == "neck"][0]
    assert neck[0] < 60 and neck[0] + neck[1] > 72
