from __future__ import annotations

import re

import pytest

from webapp import ROOT, create_app
from webapp.content import ContentError, load


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
        # The quick card: three short lines per guide and language, a timed session, one warning
        ("de/spots/4.toml", "\n[quick]\nfind = ", "\n[quick]\nfinden = ", "quick.find"),
        ("ar/spots/9.toml", "\n[quick]\n", "\n[quik]\n", "quick"),
        ("fr/spots/2.toml", 'how_long = "', 'how_long = "' + "trop " * 30, "quick.how_long"),
        ("spots.toml", "13 = { seconds = 60,", "13 = { seconds = 900,", "quick.13.seconds"),
        ("spots.toml", "13 = { seconds = 60, rounds = 2", "13 = { rounds = 2", "quick.13.seconds"),
        ("spots.toml", '2, flag = "back.1" }\n14', '2, flag = "heart.1" }\n14', "quick.13.flag"),
        ("spots.toml", '2, flag = "back.1" }\n14', '2, flag = "back.9" }\n14', "quick.13.flag"),
        ("spots.toml", '5 = { seconds = 60, rounds = 2, flag = "stop.1" }\n', "", "quick.5"),
        # Safety limits: each spot's longest hold, and the red-flag sets each region needs
        ("spots.toml", "13 = { seconds = 60,", "13 = { seconds = 120,", "quick.13.seconds"),
        ("spots.toml", '"travell"]\nmax_hold = 60', '"travell"]\nmax_hold = 900', "max_hold"),
        ("spots.toml", '"travell"]\nmax_hold = 60', '"travell"]', "spot[3].max_hold"),
        (
            "routines.toml",
            '{ spot = 4, tool = "fingers", side = "both", seconds = 30 }',
            '{ spot = 4, tool = "fingers", side = "both", seconds = 120 }',
            "routine[1].steps[2].seconds",
        ),
        (
            "regions.toml",
            'red_flags = ["clot"]\n\n[[region]]\nid = "knee"',
            'red_flags = []\n\n[[region]]\nid = "knee"',
            "red_flags",
        ),
        ("regions.toml", 'abdomen = ["abdomen"]\n', "", "flags_needed"),
        # A retired tool names a known tool the spot no longer lists, and one it does list
        ("spots.toml", "{ knee = ", "{ spoon = ", "retired_tools.spoon"),
        ("spots.toml", "{ knee = ", "{ thumb = ", "retired_tools.thumb"),
        ("spots.toml", '{ knee = "ball_floor" }', '{ knee = "elbow" }', "retired_tools.knee"),
        ("pt/common.toml", "\nshort = ", "\nshorter = ", "red_flags.heart.short"),
        # Pacing: every tool has a get-ready and a switch-sides time, and there is a rest
        ("tools.toml", "ball_floor = { ready = 15,", "ball_floor = { ready = 90,", "floor.ready"),
        ("tools.toml", "knee = { ready = 12, switch = 10 }\n", "", "tools"),
        ("tools.toml", "thumb = { ready = 5, switch = 5 }", "thumb = { ready = 5 }", "switch"),
        ("tools.toml", "thumb = {", "spoon = {", "tools"),
        ("tools.toml", "rest = 15", "rest = 0", "rest"),
        ("tools.toml", "elbow = { ready = 8,", 'elbow = { ready = "8",', "elbow.ready"),
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


# The accuracy and safety review's corrections (issue 11), pinned in every language.
LANGS = ("en", "es", "fr", "de", "pt", "ar")
SHIPPED = load(ROOT / "data", LANGS)
EMERGENCY = {
    "en": "emergency number",
    "es": "número de emergencias",
    "fr": "urgence",
    "de": "Notruf",
    "pt": "número de emergência",
    "ar": "رقم الطوارئ",
}
NECK_ARTERY = {
    "en": "torn neck artery",
    "es": "arteria del cuello",
    "fr": "artère du cou",
    "de": "Halsarterie",
    "pt": "artéria do pescoço",
    "ar": "شريان بالرقبة",
}
ARMPIT = {
    "en": "armpit",
    "es": "axila",
    "fr": "aisselle",
    "de": "Achsel",
    "pt": "axila",
    "ar": "إبط",
}
FIST = {"en": "fist", "es": "puño", "fr": "poing", "de": "Faust", "pt": "Feche a mão", "ar": "اقبض"}
ABOVE_DIMPLE = {
    "en": "just above the dimple",
    "es": "justo encima del hoyuelo",
    "fr": "juste au-dessus de la fossette",
    "de": "knapp über dem Grübchen",
    "pt": "logo acima da covinha",
    "ar": "فوق الغمّازة مباشرة",
}
HELPER = {
    "en": "helper",
    "es": "otra persona",
    "fr": "quelqu’un",
    "de": "Hilfsperson",
    "pt": "outra pessoa",
    "ar": "شخص يساعدك",
}
OWN_ELBOW = {
    "en": "your elbow",
    "es": "el codo",
    "fr": "le coude",
    "de": "Ihr Ellbogen",
    "pt": "o cotovelo",
    "ar": "مرفقك",
}


@pytest.mark.parametrize("lang", LANGS)
def test_upper_back_pain_with_breathlessness_says_call_the_emergency_number(lang):
    stop = SHIPPED.languages[lang].spots[11].stop
    assert any(EMERGENCY[lang] in item for item in stop), stop


@pytest.mark.parametrize("lang", LANGS)
def test_side_of_neck_guide_warns_of_a_torn_neck_artery_first_as_an_emergency(lang):
    first = SHIPPED.languages[lang].spots[4].stop[0]
    assert NECK_ARTERY[lang] in first
    assert EMERGENCY[lang] in first or (lang == "fr" and "urgences" in first)


@pytest.mark.parametrize("lang", LANGS)
def test_chest_ball_cues_keep_away_from_the_armpit(lang):
    routines = SHIPPED.languages[lang].routines
    assert ARMPIT[lang] not in SHIPPED.languages[lang].spot_cues[9]
    for rid, routine in SHIPPED.routines.items():
        for step, cue in zip(routine.steps, routines[rid].cues, strict=True):
            if step.spot == 9 and step.tool == "ball_wall":
                assert ARMPIT[lang] not in cue, (rid, cue)


@pytest.mark.parametrize("lang", LANGS)
def test_forearm_cues_do_not_say_make_a_fist(lang):
    prose = SHIPPED.languages[lang]
    cues = [prose.spot_cues[5]] + [
        cue
        for rid, routine in SHIPPED.routines.items()
        for step, cue in zip(routine.steps, prose.routines[rid].cues, strict=True)
        if step.spot == 5
    ]
    assert len(cues) >= 2
    assert not [cue for cue in cues if FIST[lang] in cue]


@pytest.mark.parametrize("lang", LANGS)
def test_low_back_pit_cues_place_the_ball_between_dimple_and_spine(lang):
    prose = SHIPPED.languages[lang]
    cues = [prose.spot_cues[13]] + [
        cue
        for rid, routine in SHIPPED.routines.items()
        for step, cue in zip(routine.steps, prose.routines[rid].cues, strict=True)
        if step.spot == 13
    ]
    assert not [cue for cue in cues if ABOVE_DIMPLE[lang] in cue]


@pytest.mark.parametrize("lang", LANGS)
def test_side_of_hip_elbow_is_a_helpers_technique(lang):
    spot = SHIPPED.languages[lang].spots[6]
    assert HELPER[lang] in spot.tools["elbow"][0]
    assert OWN_ELBOW[lang] not in " ".join(spot.dose)


def test_arabic_head_red_flag_names_slurred_speech_not_stammering():
    items = " ".join(SHIPPED.languages["ar"].common.red_flags["head"].items)
    assert "كلام غير واضح" in items
    assert "تلعثم" not in items


def test_travell_and_simons_is_cited_with_its_volumes_and_years():
    text = SHIPPED.sources["travell"].text
    assert "1983" in text and "1992" in text


@pytest.mark.parametrize("lang", LANGS)
def test_low_back_pit_names_multifidus(lang):
    muscle = SHIPPED.languages[lang].spots[13].muscle.lower()
    assert "multif" in muscle or "multíf" in muscle


# Forms a Brazilian reader would not write; "troque de pé" (switch feet) is Brazilian too.
EUROPEAN_PT = re.compile(
    r"(?<!troque )\bde pé\b|\bao fim de\b|\brepar(ar|e)\b|\becrã\b|\balmofada\b"
    r"|\bPartilhar\b|\bdepressa\b|\bassentes?\b|\bpouse\b|\bEsta cópia\b"
)


def test_portuguese_is_brazilian_throughout():
    files = [
        *(ROOT / "data" / "pt").rglob("*.toml"),
        ROOT / "translations/pt/LC_MESSAGES/messages.po",
    ]
    found = [f"{f.name}: {m.group()}" for f in files for m in EUROPEAN_PT.finditer(f.read_text())]
    assert not found


def test_every_quick_line_is_short_in_every_language(data, start_app):
    library = start_app().extensions["content"]
    for code, language in library.languages.items():
        for number, text in language.spots.items():
            for line in (text.quick.find, text.quick.press, text.quick.how_long):
                assert len(line.split()) <= 20, (code, number, line)
