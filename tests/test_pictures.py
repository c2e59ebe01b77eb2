"""Technique pictures: one for every spot and tool, named in every language, in each guide's
technique section and the player's spot catalog; the loader refuses a missing one."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from webapp import ROOT
from webapp.content import ContentError, load
from webapp.i18n import NAMES

SPOTS = list(load(ROOT / "data", ["en"]).spots.values())
LANGUAGES = list(NAMES)


class ToolSections(HTMLParser):
    """Collect, per technique section (<section aria-labelledby="tool-…">), its pictures."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, list[dict]] = {}
        self._stack: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section":
            label = a.get("aria-labelledby") or ""
            self._stack.append(label[5:] if label.startswith("tool-") else None)
            if label.startswith("tool-"):
                self.sections[label[5:]] = []
        elif tag == "svg" and "technique" in (a.get("class") or "").split():
            current = next((s for s in reversed(self._stack) if s), None)
            if current:
                self.sections[current].append(a)

    def handle_endtag(self, tag):
        if tag == "section" and self._stack:
            self._stack.pop()


def sections(html: str) -> dict[str, list[dict]]:
    parser = ToolSections()
    parser.feed(html)
    return parser.sections


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("spot", SPOTS, ids=lambda s: str(s.number))
def test_each_technique_section_shows_its_picture_with_a_name_in_the_language(
    app, client, lang, spot
):
    html = client.get(f"/{lang}/spots/{spot.number}-{spot.slug}").get_data(as_text=True)
    found = sections(html)
    assert list(found) == list(spot.tools)
    names = app.extensions["pictures"][1]
    for tool in spot.tools:
        (svg,) = found[tool]
        assert svg["data-tool"] == tool
        assert svg["role"] == "img"
        assert svg["aria-label"] == names[lang][spot.number, tool]
        if lang != "en":  # translated, not the English name
            assert svg["aria-label"] != names["en"][spot.number, tool]


def test_every_picture_has_its_own_name_and_drawing(app):
    pictures, names = app.extensions["pictures"]
    assert len(pictures) == sum(len(s.tools) for s in SPOTS) == 33
    for lang in LANGUAGES:
        assert len(set(names[lang].values())) == len(pictures), lang
    drawings = [(p.pose, p.at, p.body) for p in pictures.values()]
    # Pictures of different tools may share a pose and place only when what presses differs.
    assert len({d[2] for d in drawings}) == len(drawings)


def test_pictures_are_compact_whole_number_drawings(app):
    pictures, _ = app.extensions["pictures"]
    for (number, tool), picture in pictures.items():
        for d in re.findall(r' d="([^"]*)"', picture.body):
            assert "." not in d, f"spot {number} {tool}: fractional path data"
        assert len(picture.body) < 4600, f"spot {number} {tool} is {len(picture.body)} bytes"
        assert 'style="' not in picture.body and "fill=" not in picture.body  # colours from CSS


def test_the_player_can_show_each_steps_picture(client):
    # The routine page's spot catalog carries the picture of every tool of its spots.
    html = client.get("/en/routines/low-back").get_data(as_text=True)
    templates = re.findall(
        r'<template class="spot-info" data-spot="(\d+)".*?</template>', html, re.S
    )
    assert templates
    for block in re.finditer(
        r'<template class="spot-info" data-spot="(\d+)"(.*?)</template>', html, re.S
    ):
        spot = next(s for s in SPOTS if s.number == int(block.group(1)))
        tools = re.findall(r'<svg class="technique" data-tool="(\w+)"', block.group(2))
        assert tools == list(spot.tools)


@pytest.mark.parametrize(
    ("file", "old", "new", "named"),
    [
        # A tool the guide covers but without a picture: the loader names the spot and tool.
        (
            "techniques.toml",
            'elbow = { pose = "side_helper", at = "hip_side" }\n',
            "",
            "'6' lacks elbow",
        ),
        ("techniques.toml", "[14]\n", "[15]\n", "'14' is missing"),
        ("techniques.toml", '"wall_front"', '"wall_frnt"', "9.ball_wall.pose"),
        (
            "techniques.toml",
            'pose = "wall_front", at = "chest"',
            'pose = "wall_front", at = "calf"',
            "9.ball_wall.at",
        ),
        # A picture without an accessible name in one language.
        ("de/techniques.toml", 'ball_sole = "', 'ball_sohle = "', "'10' lacks ball_sole"),
    ],
)
def test_the_loader_refuses_a_missing_or_broken_picture_and_names_it(
    edit_data, start_app, file, old, new, named
):
    edit_data(file, old, new)
    with pytest.raises(ContentError) as failure:
        start_app()
    assert file in str(failure.value)
    assert named in str(failure.value)


def test_a_tool_added_to_a_spot_needs_a_picture(edit_data, start_app):
    edit_data(
        "spots.toml",
        'tools = ["fingers"]\npain = { face = 3',
        'tools = ["fingers", "thumb"]\npain = { face = 3',
    )
    for lang in LANGUAGES:
        edit_data(f"{lang}/spots/7.toml", "[tools]\n", '[tools]\nthumb = "Press."\n')
    with pytest.raises(ContentError) as failure:
        start_app()
    assert "techniques.toml" in str(failure.value) and "'7' lacks thumb" in str(failure.value)


# Both hands or two balls in a sock: these pictures treat both sides at once.
BOTH_SIDES = {
    (1, "fingers"),
    (1, "ball_floor"),
    (7, "fingers"),
    (11, "ball_wall"),
    (11, "ball_floor"),
}


def test_one_sided_pictures_say_which_side_they_show(client):
    html = client.get("/en/spots/11-upper-back").get_data(as_text=True)
    assert "data-drawn-side" not in html  # two balls, one each side of the spine
    for spot in SPOTS:
        html = client.get(f"/en/spots/{spot.number}-{spot.slug}").get_data(as_text=True)
        for tool, side in re.findall(
            r'<svg class="technique" data-tool="(\w+)"(?: data-drawn-side="(\w+)")?', html
        ):
            expected = {""} if (spot.number, tool) in BOTH_SIDES else {"left", "right"}
            assert side in expected, f"spot {spot.number} {tool}: drawn side {side!r}"
