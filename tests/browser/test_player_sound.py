"""The session's sound track: rendered on the device, played by an <audio> element that keeps
going when the page is hidden or frozen (a locked phone), and driven from the lock screen."""

from __future__ import annotations

import base64
import json
import time

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.routine_helpers import (
    announced,
    close_player,
    end_session,
    open_signals,
    open_with_clock,
    player,
    shows,
)
from tests.browser.sound import cues, decode

TOLERANCE = 0.05  # seconds a cue may sit from its moment
TRACK = "document.querySelector('audio.player-track')"
# Records the Media Session handlers the page sets, and the live (not offline) chimes it plays.
SPY = """
window.__actions = {};
window.__liveTones = 0;
const setHandler = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
navigator.mediaSession.setActionHandler = (action, handler) => {
  window.__actions[action] = handler;
  setHandler(action, handler);
};
const tone = BaseAudioContext.prototype.createOscillator;
BaseAudioContext.prototype.createOscillator = function () {
  if (!(this instanceof OfflineAudioContext)) window.__liveTones += 1;
  return tone.call(this);
};
window.__log = [];
navigator.vibrate = () => { window.__log.push('vibrate'); return true; };
Object.defineProperty(navigator, 'wakeLock', { value: { request: async () => {
  window.__log.push('lock'); return (window.__lock = { released: false, release: async () => {} });
} } });
Object.defineProperty(navigator, 'audioSession', { value: { type: 'auto' } });
"""


def track_state(page: Page) -> dict:
    return page.evaluate(
        f"""() => {{ const a = {TRACK}; return a &&
          {{ src: a.src, duration: a.duration, paused: a.paused, at: a.currentTime }}; }}"""
    )


def lock_screen(page: Page) -> dict:
    return page.evaluate(
        """() => { const m = navigator.mediaSession.metadata;
          return {title: m.title, artist: m.artist, album: m.album,
                  state: navigator.mediaSession.playbackState}; }"""
    )


def wait_for_track(page: Page, timeout: float = 15.0) -> dict:
    """Wait until the rendered track is in the <audio> element and playing."""
    deadline = time.monotonic() + timeout
    while True:
        state = track_state(page)
        if state and state["duration"] and state["duration"] > 1 and not state["paused"]:
            return state
        assert time.monotonic() < deadline, f"no track playing: {state}"
        page.wait_for_timeout(100)


def set_hidden(page: Page, hidden: bool) -> None:
    """Make the page hidden or visible, as locking or unlocking a phone does, and say so."""
    page.evaluate(
        """(hidden) => {
          const state = hidden ? 'hidden' : 'visible';
          Object.defineProperty(document, 'visibilityState', {value: state, configurable: true});
          Object.defineProperty(document, 'hidden', {value: hidden, configurable: true});
          if (hidden) window.__lock.released = true;  // the system lets a hidden page's lock go
          document.dispatchEvent(new Event('visibilitychange'));
        }""",
        hidden,
    )


def expected_cues(page: Page) -> tuple[float, list[tuple[float, str]]]:
    """Work out the session's length and cues from the routine on the page, independently."""
    pacing = json.loads(page.locator("dialog.player").get_attribute("data-pacing"))
    steps = page.locator(".routine-steps .routine-step")
    parts = []
    for i in range(steps.count()):
        step = steps.nth(i)
        seconds = float(step.get_attribute("data-seconds"))
        tool = step.get_attribute("data-tool")
        sides = 2 if step.get_attribute("data-side") == "both" else 1
        parts += [
            ("next", pacing["ready"][tool], seconds)
            if side == 0
            else ("switch", pacing["switch"][tool], seconds)
            for side in range(sides)
        ]
    at, found = 0.0, []
    for i, (kind, lead, seconds) in enumerate(parts):
        found.append((at, kind))
        found += [(at + s, "tick") for s in range(max(1, int(lead) - 3), int(lead))]
        found.append((at + lead, "go"))
        if seconds >= 20:
            found.append((at + lead + seconds / 2, "halfway"))
        at += lead + seconds
        if i == len(parts) - 1:
            found.append((at - 1.2, "done"))
    return at, found


@pytest.mark.parametrize("routine", ["jaw-headache", "low-back"])
def test_the_track_sounds_each_cue_at_its_moment_and_lasts_the_whole_session(
    browser: Browser, live_server, routine
):
    # CSP would stop the test's own fetch of the track's blob: URL; it is not under test here
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/routines/{routine}")
    length, expected = expected_cues(page)
    # When a routine starts, the whole session's sound is rendered on the device
    page.get_by_role("button", name="Start").click()
    wait_for_track(page)
    data = page.evaluate(
        f"""async () => {{
          const bytes = new Uint8Array(await (await fetch({TRACK}.src)).arrayBuffer());
          let text = '';
          for (let i = 0; i < bytes.length; i += 32768) {{
            text += String.fromCharCode(...bytes.subarray(i, i + 32768));
          }}
          return btoa(text); }}"""
    )
    context.close()
    track = decode(base64.b64decode(data))
    # Then the track is exactly as long as the session, small enough for half an hour
    assert track.seconds == length
    assert track.rate <= 16000
    # And every cue sounds where the routine says, and nothing else sounds
    heard = cues(track)
    assert [kind for _at, kind in expected] == [cue.kind for cue in heard]
    for (at, kind), cue in zip(expected, heard, strict=True):
        assert abs(cue.at - at) <= TOLERANCE, f"{kind} at {cue.at:.3f} s, expected {at:.3f} s"


def test_the_lock_screen_shows_the_session_and_its_controls_drive_the_player(
    live_server, page: Page
):
    # Given a routine started with the lock-screen controls recorded
    page.add_init_script(SPY)
    open_with_clock(page, f"{live_server.url}/en/routines/jaw-headache")
    page.get_by_role("button", name="Start").click()
    wait_for_track(page)
    # The lock screen names the spot and side, the step, and the routine
    assert lock_screen(page) == {
        "title": "The jaw muscle · Get ready",
        "artist": "Step 1 of 2",
        "album": "Jaw and headache",
        "state": "playing",
    }
    actions = page.evaluate("Object.keys(window.__actions).filter((k) => window.__actions[k])")
    assert set(actions) == {"play", "pause", "nexttrack", "previoustrack"}
    assert page.evaluate("window.__actions.seekto") is None

    # When "next" is pressed on the lock screen, the player skips and the track follows it
    tones = page.evaluate("window.__liveTones")  # the first cue chimes live: no track yet
    page.evaluate("window.__actions.nexttrack()")
    shows(page, count="Step 1 of 2", phase="Left side", time="1:00")
    assert 5.0 <= track_state(page)["at"] < 5.6  # the hold starts 5 s in
    assert lock_screen(page)["title"] == "The jaw muscle · Left side"
    # The track carries the cues, so the page does not chime as well (it still vibrates)
    assert page.evaluate("window.__liveTones") == tones
    assert "vibrate" in page.evaluate("window.__log")
    page.evaluate("window.__actions.nexttrack()")
    shows(page, count="Step 1 of 2", phase="Switch sides", time="0:05")
    assert 65.0 <= track_state(page)["at"] < 65.6
    assert lock_screen(page)["title"] == "The jaw muscle · Switch sides"
    # "Previous" goes back as the on-screen Back does
    page.evaluate("window.__actions.previoustrack()")
    shows(page, count="Step 1 of 2", phase="Get ready", time="0:05")
    assert track_state(page)["at"] < 0.6

    # "Pause" on the lock screen pauses the session and the track; "play" resumes both
    page.evaluate("window.__actions.pause()")
    expect(player(page).get_by_role("button", name="Resume")).to_be_visible()
    assert track_state(page)["paused"]
    assert lock_screen(page)["state"] == "paused"
    page.evaluate("window.__actions.play()")
    expect(player(page).get_by_role("button", name="Pause")).to_be_visible()
    assert not track_state(page)["paused"]

    # When the system pauses the audio itself (a call, headphones out), the session pauses too
    page.evaluate(f"{TRACK}.pause()")
    expect(player(page).get_by_role("button", name="Resume")).to_be_visible()
    expect(announced(page)).to_contain_text("Paused")
    page.clock.run_for(60_000)
    shows(page, count="Step 1 of 2", phase="Get ready", time="0:05")
    # And the on-screen player's Resume and Skip move the track to where the session is
    player(page).get_by_role("button", name="Resume").click()
    player(page).get_by_role("button", name="Skip").click()
    assert 5.0 <= track_state(page)["at"] < 5.6 and not track_state(page)["paused"]
    # Ending the session stops the track and takes it off the lock screen
    end_session(page)
    assert track_state(page)["paused"] and not track_state(page)["src"]
    assert page.evaluate("navigator.mediaSession.metadata") is None


def test_a_hidden_or_frozen_page_keeps_the_track_playing(live_server, context, page: Page):
    # Given a routine playing its track
    page.add_init_script(SPY)
    page.goto(f"{live_server.url}/en/routines/jaw-headache")
    page.get_by_role("button", name="Start").click()
    wait_for_track(page)
    # When the page is hidden (the screen locks) and its scripts are frozen for two seconds
    set_hidden(page, True)
    before = track_state(page)["at"]
    cdp = context.new_cdp_session(page)
    cdp.send("Page.setWebLifecycleState", {"state": "frozen"})
    page.wait_for_timeout(2000)
    cdp.send("Page.setWebLifecycleState", {"state": "active"})
    # Then the audio went on playing all along
    after = track_state(page)
    assert not after["paused"]
    assert after["at"] - before >= 1.5
    expect(player(page).get_by_role("button", name="Pause")).to_be_visible()
    # And when the page is looked at again, the screen is kept on again
    locks = page.evaluate("window.__log.filter((e) => e === 'lock').length")
    set_hidden(page, False)
    page.wait_for_timeout(100)
    assert page.evaluate("window.__log.filter((e) => e === 'lock').length") == locks + 1


def test_mixing_with_music_can_be_turned_off_and_is_remembered(live_server, page: Page):
    page.add_init_script(SPY)
    page.goto(f"{live_server.url}/en/routines/jaw-headache")
    open_signals(page)
    mix = page.get_by_role("checkbox", name="Play along with my music")
    expect(mix).to_be_checked()
    mix.uncheck()
    page.get_by_role("button", name="Start").click()
    assert page.evaluate("navigator.audioSession.type") == "playback"
    end_session(page)
    close_player(page)
    page.reload()
    open_signals(page)
    expect(page.get_by_role("checkbox", name="Play along with my music")).not_to_be_checked()
    page.get_by_role("checkbox", name="Play along with my music").check()
    page.get_by_role("button", name="Start").click()
    assert page.evaluate("navigator.audioSession.type") == "ambient"


SHORT_ROUTINE = """
localStorage.setItem('knotwise.routines', JSON.stringify([{ id: 'own-short', name: 'Short',
  steps: [{ spot: 7, tool: 'fingertips', side: 'left', seconds: 5 }] }]));
"""


def test_the_track_ends_the_session_with_one_done_cue_not_two(live_server, page: Page):
    # Given a 10-second routine of the reader's own (a 5-second lead-in, 5 seconds of pressing)
    page.add_init_script(SPY + SHORT_ROUTINE)
    page.goto(f"{live_server.url}/en/routines/play#own-short")
    page.get_by_role("button", name="Start").click()
    wait_for_track(page)
    tones = page.evaluate("window.__liveTones")
    # When it plays to the end
    done = player(page).locator(".player-done")
    expect(done.get_by_role("heading", name="Done")).to_be_visible(timeout=15_000)
    # Then the track's own "done" cue was the only one: the page did not chime it again
    assert page.evaluate("window.__liveTones") == tones
    assert page.evaluate("window.__log").count("vibrate") >= 3  # start, go, end
    page.wait_for_timeout(2000)
    assert track_state(page)["paused"] and not track_state(page)["src"]
