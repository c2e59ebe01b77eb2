"""Built-in routines: their pages, their totals, and start-up checks of their data files."""

from __future__ import annotations

import re

import pytest

from tests.test_pages import outline, words
from webapp import ROOT
from webapp.content import ContentError, load

LIBRARY = load(ROOT / "data", ["en"])
PROSE = LIBRARY.languages["en"]
ROUTINES = list(LIBRARY.routines.values())

# The total time each built-in routine should show: each side of a two-sided step counts.
EXPECTED_TOTALS = {
    "low-back": "7 min, 30 sec",
    "neck-headache": "4 min",
    "desk-worker": "5 min, 30 sec",
    "runners-legs": "7 min, 30 sec",
    "jaw-headache": "3 min, 30 sec",
    "shoulder": "4 min, 30 sec",
}
EXPECTED_SPOTS = {
    "low-back": [13, 12, 2, 6],
    "neck-headache": [1, 11, 4],
    "desk-worker": [5, 9, 11, 1],
    "runners-legs": [3, 8, 10, 6],
    "jaw-headache": [7, 1],
    "shoulder": [14, 9, 11],
}


def test_the_six_routines_of_the_issue_are_built_in():
    assert {r.id: [s.spot for s in r.steps] for r in ROUTINES} == EXPECTED_SPOTS


def test_the_routines_page_lists_every_routine_with_its_total_time(client):
    response = client.get("/en/routines/")
    assert response.status_code == 200
    page = outline(response.text)
    assert page.h1 == ["Routines"]
    text = words(response.text)
    for routine in ROUTINES:
        assert f'href="/en/routines/{routine.id}"' in response.text
        assert f"{PROSE.routines[routine.id].name} {EXPECTED_TOTALS[routine.id]}" in text
    assert "New routine" in text


@pytest.mark.parametrize("routine", ROUTINES, ids=lambda r: r.id)
def test_every_routine_page_lists_its_steps_with_guides_and_total(client, routine):
    response = client.get(f"/en/routines/{routine.id}")
    assert response.status_code == 200
    html = response.text
    text = words(html)
    assert outline(html).h1 == [PROSE.routines[routine.id].name]
    assert f"Total time: {EXPECTED_TOTALS[routine.id]}" in text
    steps = re.findall(r'<li class="routine-step"(.*?)</li>', html, re.S)
    assert len(steps) == len(routine.steps)
    for step, item in zip(routine.steps, steps, strict=True):
        spot = LIBRARY.spots[step.spot]
        assert f'href="/en/spots/{spot.number}-{spot.slug}"' in item
        item_text = words(item)
        assert PROSE.spots[spot.number].name in item_text
        assert PROSE.common.tools[step.tool] in item_text
        side = "each side" if step.side == "both" else PROSE.common.sides[step.side]
        assert side in item_text
    for cue in PROSE.routines[routine.id].cues:
        assert cue in text


def test_a_two_sided_step_says_each_side_gets_the_time(client):
    text = words(client.get("/en/routines/low-back").text)
    assert "Ball against a wall · 1 min each side" in text


def test_an_unknown_routine_is_not_found(client):
    assert client.get("/en/routines/no-such-routine").status_code == 404


@pytest.mark.parametrize("url", ["/en/routines/play", "/en/routines/edit", "/en/history"])
def test_device_pages_say_they_need_scripts_and_carry_no_reader_data(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "needs-js" in response.text
    assert "JavaScript" in words(response.text)


def test_navigation_offers_routines_and_history(client):
    html = client.get("/en/").text
    assert 'href="/en/routines/"' in html
    assert 'href="/en/history"' in html
    assert 'aria-current="page">History' in client.get("/en/history").text


@pytest.mark.parametrize("url", ["/en/routines/", "/en/routines/low-back", "/en/history"])
def test_routine_pages_have_no_inline_code(client, url):
    html = client.get(url).text
    assert "style=" not in html
    for script in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in script


# Bad routine data files fail start-up, naming the file and the field.


FIRST_STEP = '{ spot = 13, tool = "ball_wall", side = "both", seconds = 60 }'


@pytest.mark.parametrize(
    ("file", "old", "new", "field"),
    [
        ("routines.toml", FIRST_STEP, FIRST_STEP.replace("13", "15"), "routine[0].steps[0].spot"),
        (
            "routines.toml",
            FIRST_STEP,
            FIRST_STEP.replace("ball_wall", "ball_floor"),
            "routine[0].steps[0].tool",
        ),
        (
            "routines.toml",
            FIRST_STEP,
            FIRST_STEP.replace("ball_wall", "hammer"),
            "routine[0].steps[0].tool",
        ),
        (
            "routines.toml",
            FIRST_STEP,
            FIRST_STEP.replace('"both"', '"middle"'),
            "routine[0].steps[0].side",
        ),
        (
            "routines.toml",
            FIRST_STEP,
            FIRST_STEP.replace("60", "-30"),
            "routine[0].steps[0].seconds",
        ),
        (
            "routines.toml",
            FIRST_STEP,
            FIRST_STEP.replace("60", "36000"),
            "routine[0].steps[0].seconds",
        ),
        (
            "routines.toml",
            FIRST_STEP,
            FIRST_STEP.replace("60", '"60"'),
            "routine[0].steps[0].seconds",
        ),
        ("routines.toml", 'id = "shoulder"', 'id = "low-back"', "routine[5].id"),
        ("routines.toml", 'id = "shoulder"', 'id = "play"', "routine[5].id"),
        ("en/routines.toml", "[routine.shoulder]", "[routine.shoulders]", "routine"),
        ("en/routines.toml", 'name = "Low back"', 'name = ""', "routine.low-back.name"),
        (
            "en/routines.toml",
            '  "Two balls in a sock, one either side of the spine, between',
            "  # one cue fewer than steps\n  #",
            "routine.neck-headache.cues",
        ),
        ("en/routines.toml", '14 = "Press under', '15 = "Press under', "spot_cues"),
    ],
)
def test_a_broken_routine_file_fails_start_up_naming_file_and_field(
    edit_data, file, old, new, field, start_app
):
    path = edit_data(file, old, new)
    with pytest.raises(ContentError) as failure:
        start_app()
    assert str(path) in str(failure.value)
    assert f"'{field}'" in str(failure.value)


def test_a_missing_routine_prose_file_fails_start_up_naming_it(data, tmp_path, start_app):
    (data / "en" / "routines.toml").unlink()
    with pytest.raises(ContentError, match=r"en/routines\.toml: file is missing"):
        start_app()
