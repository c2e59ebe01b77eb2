// The guided session player: a full-screen dialog with a countdown, the spot's diagram and cue.
import { clearLockScreen, handleLockScreen, showOnLockScreen } from "./lock-screen.js";
import { SoundTrack } from "./sound-track.js";
import { playerSettings } from "./settings.js";
import { PlayerView, changeWords, lockScreenWords } from "./view.js";
import { chime, hush, keepAwake, letSleep, prepareSound, speak, vibrate } from "./signals.js";
import { addSession, updateSession } from "../store.js";
import { Timeline, buildParts, sessionMs } from "./timeline.js";
import { duration, pageLang, t } from "../words.js";

const TICK_MS = 250;
const now = () => performance.now();

/** Ask the browser to keep this device's data (and the offline copy) through clean-ups. */
async function askToKeepData() {
  try {
    const offline = await import("../offline/offline.js");
    if (typeof offline.requestPersistence === "function") await offline.requestPersistence();
  } catch {
    // No offline module here: nothing to ask.
  }
}

/** Return the checked value of a 0–10 rating group, or null. */
function ratingOf(root, name) {
  const checked = root.querySelector(`input[name="rating-${name}"]:checked`);
  return checked ? Number(checked.value) : null;
}

/** Wire the launcher and dialog on this page to play the given steps. */
export function setupPlayer({ name, routineId, steps }) {
  const launch = document.querySelector(".player-launch");
  const dialog = document.querySelector("dialog.player");
  if (!launch || !dialog || !steps.length) return null;
  const view = new PlayerView(dialog);
  const $ = (selector) => dialog.querySelector(selector);
  const pauseButton = $(".player-pause");
  const lang = pageLang();
  const leadIn = Number(dialog.dataset.leadIn || 5);
  $(".player-title").textContent = name;
  launch.hidden = false;

  let timeline = null;
  let timer = null;
  let startedAt = null;
  let sessionId = null;
  const options = playerSettings(launch, lang);
  // The session's sound, played by an <audio> element so it goes on when the screen locks; it
  // follows the session, and a pause or play from the lock screen or headphones leads it.
  const pauseIfRunning = () => timeline && timeline.running && togglePause();
  const resumeIfPaused = () => timeline && timeline.paused && togglePause();
  const track = new SoundTrack(dialog, {
    pause: pauseIfRunning,
    play: resumeIfPaused,
    ended: () => timeline && !timeline.finished && finishWithTrack(),
    time: () => tick(),
  });

  /** Chime (unless the track is sounding: it has the cues already) and vibrate. */
  function signal(kind) {
    if (options.chime && !track.playing) chime(kind);
    if (options.vibrate) vibrate(kind);
  }

  /** Put the track where the session is, and the lock screen in step with it. */
  function follow() {
    if (!timeline) return;
    track.follow(timeline.position(now()) / 1000, timeline.running);
    showOnLockScreen({
      ...lockScreenWords(timeline, name),
      playing: timeline.running,
      duration: sessionMs(timeline.parts, leadIn) / 1000,
      position: timeline.position(now()) / 1000,
    });
  }

  /** The track played to its end: the session is over, even if the page's clock lags. */
  function finishWithTrack() {
    timeline.update(now());
    if (!timeline.finished) timeline.finish(now());
    finish(true);
  }

  /** Say what just began, once, in words and signals. */
  function markChange() {
    const change = changeWords(timeline);
    signal(change.signal);
    if (options.speech) speak(change.spoken, lang);
    view.announce(change.words);
    follow();
  }

  function tick() {
    if (!timeline) return;
    if (timeline.update(now())) {
      if (timeline.finished) return finish(true);
      view.showSegment(timeline);
      markChange();
    }
    view.showTime(timeline, now());
  }

  function runClock() {
    clearInterval(timer);
    timer = setInterval(tick, TICK_MS);
  }

  function stopClock() {
    clearInterval(timer);
    timer = null;
  }

  function start() {
    prepareSound(options.mix);
    if (options.chime) track.prime();
    timeline = new Timeline(buildParts(steps), leadIn);
    startedAt = new Date();
    sessionId = null;
    view.showRunning(true);
    for (const input of dialog.querySelectorAll('input[name="rating-after"]')) input.checked = false;
    $(".player-done-status").textContent = "";
    document.body.dataset.busy = "routine";
    if (!dialog.open) dialog.showModal();
    timeline.start(now());
    view.showPaused(false);
    pauseButton.focus();
    view.showSegment(timeline);
    view.showTime(timeline, now());
    handleLockScreen({
      play: resumeIfPaused,
      pause: pauseIfRunning,
      nexttrack: () => move("skip"),
      previoustrack: () => move("back"),
    });
    markChange();
    runClock();
    keepAwake();
    if (options.chime) track.load(timeline.parts, leadIn).then(follow);
  }

  function togglePause() {
    if (!timeline || timeline.finished) return;
    if (timeline.paused) {
      timeline.resume(now());
      view.showPaused(false);
      view.announce(t("resumed"));
      runClock();
      keepAwake();
    } else {
      timeline.pause(now());
      stopClock();
      hush();
      view.showPaused(true);
      view.announce(t("paused"));
      letSleep();
    }
    view.showTime(timeline, now());
    follow();
  }

  function move(direction) {
    if (!timeline || timeline.finished) return;
    tick();
    if (direction === "back") timeline.back(now());
    else timeline.skip(now());
    if (timeline.finished) return finish(true, true);
    view.showSegment(timeline);
    view.showTime(timeline, now());
    markChange();
  }

  /** End the session: keep it in the history and show the Done screen. */
  function finish(completed, skipped = false) {
    if (!timeline || sessionId === "ending") return;
    const trackSaidDone = completed && track.playing && !skipped; // its "done" cue sounds
    if (trackSaidDone) track.finishSoon();
    else track.stop();
    clearLockScreen();
    stopClock();
    if (!timeline.finished) timeline.finish(now());
    delete document.body.dataset.busy;
    letSleep();
    hush();
    const seconds = Math.round(timeline.activeMs / 1000);
    const held = timeline.held;
    const record = held
      ? {
          // A quick session names its routine by the choices made before Start (a function).
          routineId: typeof routineId === "function" ? routineId() : routineId,
          routineName: name,
          startedAt: startedAt.toISOString(),
          endedAt: new Date().toISOString(),
          seconds,
          completed,
          before: ratingOf(launch, "before"),
          after: null,
        }
      : null;
    sessionId = "ending";
    if (record) {
      addSession(record)
        .then((saved) => {
          sessionId = saved.id;
          askToKeepData();
        })
        .catch(() => {
          sessionId = null;
        });
    } else {
      sessionId = null;
    }
    if (completed && options.vibrate) vibrate("end");
    if (completed && options.chime && !trackSaidDone) chime("end");
    view.showRunning(false);
    const done = $(".player-done");
    $("#player-done-title").textContent = completed ? t("done-title") : t("ended-title");
    $(".player-done-text").textContent = completed
      ? t("done-text", { name, time: duration(seconds) })
      : t(held ? "ended-text" : "ended-empty", { time: duration(seconds) });
    done.querySelector(".rating").hidden = !record;
    $("#player-done-title").focus();
    view.announce(completed ? t("done") : t("ended-title"));
    if (completed && options.speech) speak(t("done"), lang);
  }

  launch.querySelector(".player-start").addEventListener("click", start);
  pauseButton.addEventListener("click", togglePause);
  $(".player-skip").addEventListener("click", () => move("skip"));
  $(".player-back").addEventListener("click", () => move("back"));
  $(".player-stop").addEventListener("click", () => finish(false));
  $(".player-close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    if (timeline && !timeline.finished) finish(false);
    timeline = null;
    launch.querySelector(".player-start").focus();
  });
  for (const input of dialog.querySelectorAll('input[name="rating-after"]')) {
    input.addEventListener("change", async () => {
      if (!sessionId || sessionId === "ending") return;
      await updateSession(sessionId, { after: Number(input.value) });
      $(".player-done-status").textContent = t("saved-rating");
    });
  }
  dialog.addEventListener("keydown", (event) => {
    if (!timeline || timeline.finished || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    const typing = target.closest("input, select, textarea");
    if (event.key === " " && !typing && !target.closest("button, a, summary")) {
      event.preventDefault();
      togglePause();
    } else if ((event.key === "ArrowRight" || event.key === "ArrowLeft") && !typing) {
      event.preventDefault();
      const forward = document.documentElement.dir === "rtl" ? "ArrowLeft" : "ArrowRight";
      move(event.key === forward ? "skip" : "back");
    }
  });
  document.addEventListener("visibilitychange", () => {
    if (!timeline || timeline.finished) return;
    tick();
    if (document.visibilityState === "visible" && timeline.running) keepAwake();
  });
  window.addEventListener("pagehide", () => {
    if (timeline && !timeline.finished) finish(false);
  });
  return { start };
}
