from __future__ import annotations

import pytest

from webapp import create_app
from webapp.content import ContentError


def test_the_shipped_content_loads(data, tmp_path, start_app):
    app = start_app()
    assert len(app.extensions["content"].spots) == 14


@pytest.mark.parametrize(
    ("file", "old", "new", "field"),
    [
        ("en/spots/13.toml", 'name = "', 'nom = "', "name"),
        (
            "spots.toml",
            'slug = "low-back-pit"\ntools = ["thumb"',
            'slug = "low-back-pit"\ntools = ["spoon"',
            "spot[12].tools",
        ),
        ("spots.toml", "related = [12, 2, 6]", "related = [12, 2, 66]", "spot 13.related"),
        ("en/common.toml", "[red_flags.heart]", "[red_flags.hearts]", "red_flags.heart"),
    ],
)
def test_a_broken_data_file_fails_start_up_naming_file_and_field(
    edit_data, file, old, new, field, start_app
):
    edit_data(file, old, new)
    with pytest.raises(ContentError) as failure:
        start_app()
    assert file.split("/")[-1] in str(failure.value)
    assert field in str(failure.value)


def test_an_unknown_extra_field_is_harmless(edit_data, start_app):
    edit_data("regions.toml", 'id = "chest"', 'id = "chest"\nred_flags_x = 1')
    assert "chest" in start_app().extensions["content"].regions


def test_a_missing_data_file_fails_start_up_naming_it(data, tmp_path, start_app):
    (data / "en" / "spots" / "7.toml").unlink()
    with pytest.raises(ContentError, match=r"7\.toml: file is missing"):
        start_app()


def test_invalid_toml_names_the_file(data, tmp_path, start_app):
    (data / "en" / "pages" / "about.toml").write_text("title = ")
    with pytest.raises(ContentError, match=r"about\.toml: not valid TOML"):
        start_app()


def test_markup_in_prose_is_refused(data, tmp_path, start_app):
    path = data / "en" / "spots" / "1.toml"
    path.write_text(path.read_text().replace('name = "', 'name = "<b>x</b> ', 1))
    with pytest.raises(ContentError, match=r"1\.toml: field 'name' contains markup"):
        start_app()


def test_an_unknown_language_setting_fails_start_up(tmp_path):
    with pytest.raises(RuntimeError, match="LANGUAGES"):
        create_app({"LANGUAGES": "en xx", "INSTANCE_PATH": str(tmp_path)})


# The quick card: three short lines per guide and language, a timed session and one warning.
@pytest.mark.parametrize(
    ("file", "old", "new", "field"),
    [
        ("de/spots/4.toml", "\n[quick]\nfind = ", "\n[quick]\nfinden = ", "quick.find"),
        ("ar/spots/9.toml", "\n[quick]\n", "\n[quik]\n", "quick"),
        ("fr/spots/2.toml", 'how_long = "', 'how_long = "' + "trop " * 30, "quick.how_long"),
        ("spots.toml", "13 = { seconds = 60,", "13 = { seconds = 900,", "quick.13.seconds"),
        ("spots.toml", "13 = { seconds = 60, rounds = 2", "13 = { rounds = 2", "quick.13.seconds"),
        ("spots.toml", '2, flag = "back.1" }\n14', '2, flag = "heart.1" }\n14', "quick.13.flag"),
        ("spots.toml", '2, flag = "back.1" }\n14', '2, flag = "back.9" }\n14', "quick.13.flag"),
        ("spots.toml", '5 = { seconds = 60, rounds = 2, flag = "stop.1" }\n', "", "quick.5"),
    ],
)
def test_a_broken_quick_card_fails_start_up_naming_file_and_field(
    edit_data, file, old, new, field, start_app
):
    edit_data(file, old, new)
    with pytest.raises(ContentError) as failure:
        start_app()
    assert file.split("/")[-1] in str(failure.value)
    assert field in str(failure.value)


def test_every_quick_line_is_short_in_every_language(data, start_app):
    library = start_app().extensions["content"]
    for code, language in library.languages.items():
        for number, text in language.spots.items():
            for line in (text.quick.find, text.quick.press, text.quick.how_long):
                assert len(line.split()) <= 20, (code, number, line)
