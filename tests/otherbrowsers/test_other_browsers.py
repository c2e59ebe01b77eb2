"""Knotwise in Firefox and WebKit (Safari's engine), at two phone sizes, in English and Arabic.

Each page must load with no script error, fit its width (no sideways scrolling), show its key
control in the viewport and keep every word of a button's label whole; the player, started from
a routine and from a guide's "Treat this spot now", must fill the screen and show Pause. One
browser session per engine serves the whole module. A missing browser fails here:
scripts/install --test installs them.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest

from tests.otherbrowsers.drivers import ENGINES, HUNG
from tests.otherbrowsers.site import (
    ERRORS,
    OVERFLOW,
    PAUSE,
    PLAYER,
    PLAYER_BOX,
    SPLIT_WORDS,
    TREAT_START,
    ProbedServer,
    pages,
    seen,
    settle,
)

SIZES = [(375, 667), (320, 568)]
LANGS = ["en", "ar"]
PAGES = ["home", "guide", "routine", "history"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[ProbedServer]:
    instance = tmp_path_factory.mktemp("otherbrowsers-instance")
    server = ProbedServer({"TESTING": True, "INSTANCE_PATH": str(instance)}).start()
    yield server
    server.stop()


@pytest.fixture(scope="module", params=list(ENGINES))
def engine(request):
    browser = ENGINES[request.param]()
    yield browser
    browser.close()


def until_seen(browser, selector: str, scroll: bool = True, seconds: float = 15) -> str:
    """Wait until the selector is seen in the viewport; return why not when time runs out."""
    deadline = time.monotonic() + seconds
    while (why := browser.evaluate(seen(selector, scroll))) and time.monotonic() < deadline:
        time.sleep(0.1)
    return why


def check(browser, selector: str, *, scroll: bool = True) -> list[str]:
    """What is wrong with the page now: its key control unseen, overflow, script errors."""
    problems = []
    if why := until_seen(browser, selector, scroll):
        problems.append(f"{selector} is not seen: {why}")
    overflow = browser.evaluate(OVERFLOW)
    if overflow["over"] > 0:
        problems.append(f"{overflow['over']} px wider than the viewport: {overflow['culprit']}")
    problems += [
        f"a button's word is split across lines: {w}" for w in browser.evaluate(SPLIT_WORDS)
    ]
    problems += [f"script error: {e}" for e in browser.evaluate(ERRORS)]
    return problems


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", PAGES)
def test_page_works(engine, site, name, size, lang):
    try:
        problems = look_at(engine, site, name, size, lang)
    except HUNG:
        # WebKit under Xvfb now and then stops answering (a page that never loads, a command
        # with no answer), and then every later page too: once, a fresh browser
        engine.restart()
        problems = look_at(engine, site, name, size, lang)
    path = pages(lang)[name][0]
    assert not problems, f"{engine.name} {path} at {size[0]}x{size[1]}:\n" + "\n".join(problems)


def look_at(engine, site, name, size, lang) -> list[str]:
    """Open one page at one size and return what is wrong with it (and with its player)."""
    path, control = pages(lang)[name]
    engine.open(site.url + path, *size)
    settle(engine)
    problems = check(engine, control)
    if name == "guide" and not problems:
        # The guide borrows the play page's player and its stylesheet, then offers Start
        engine.click(control)
        if why := until_seen(engine, TREAT_START):
            return [f"the guide's session offered no Start: {why}"]
        engine.click(TREAT_START)
        problems += check_player(engine)
    if name == "routine" and not problems:
        engine.click(control)
        problems += check_player(engine)
    return problems


def check_player(engine) -> list[str]:
    """What is wrong with the player just started: unseen, not full screen, foreign digits."""
    if why := until_seen(engine, PLAYER, scroll=False):
        return [f"the player did not open after Start: {why}"]
    problems = [f"player: {p}" for p in check(engine, PAUSE)]
    width, height, screen_width, screen_height = engine.evaluate(PLAYER_BOX)
    if (width, height) != (screen_width, screen_height):
        problems.append(
            f"the player is {width}x{height}, not the screen's {screen_width}x{screen_height}:"
            " its stylesheet is not applied"
        )
    # The timer's digits are the server's (Western) ones in every engine and language
    timer = engine.evaluate("document.querySelector('dialog.player .player-time').textContent")
    if not re.fullmatch(r"[0-9]+:[0-9]{2}", timer.strip()):
        problems.append(f"player timer reads {timer!r}, not Western digits")
    return problems
