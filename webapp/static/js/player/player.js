// The guided session player: a full-screen dialog with a countdown, the spot's diagram and cue.
import { clearLockScreen, handleLockScreen, showOnLockScreen } from "./lock-screen.js";
import { SoundTrack } from "./sound-track.js";
import { playerSettings } from "./settings.js";
import { PlayerView, changeWords, lockScreenWords } from "./view.js";
import { chime, hush, keepAwake, letSleep, prepareSound, speak, vibrate } from "./signals.js";
import { addSession, updateSession } from "../store.js";
import { checkRoutine } from "../checks.js";
import { catalog } from "../spots.js";
import { Timeline, buildParts, sessionMs } from "./timeline.js";
import { forgetUnfinished, keepUnfinished, unfinished } from "./resume.js";
import { duration, pageLang, t } from "../words.js";

const TICK_MS = 250;
const KEEP_EVERY_MS = 5000; // how often a running session's state is kept for resuming
const now = () => performance.now();

/** Return the pacing the page carries (seconds per tool), or null for the fallback. */
function pacingOf(dialog) {
  try {
    return JSON.parse(dialog.dataset.pacing);
  } catch {
    return undefined;
  }
}

/** Return whether a kept session's steps are ones this page can play (storage is not trusted). */
function playable(state) {
  try {
    checkRoutine({ name: "resume", steps: state.steps }, catalog());
    return typeof state.startedAt === "string" && !Number.isNaN(Date.parse(state.startedAt));
  } catch {
    forgetUnfinished();
    return false;
  }
}

/** Return a new id for a session record, so it can be updated when the session is resumed. */
function newRecordId() {
  const random = crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2);
  return `s-${random.replaceAll("-", "").slice(0, 12)}`;
}

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

/** Offer to go on with a session cut short on this page; call go() if the reader wants to. */
function offerResume(launch, state, go) {
  launch.querySelector(".player-resume")?.remove();
  const offer = document.createElement("section");
  offer.className = "player-resume";
  offer.setAttribute("aria-labelledby", "player-resume-text");
  const text = document.createElement("p");
  text.id = "player-resume-text";
  text.textContent = t("resume-offer", { time: duration(Math.max(60, state.age / 1000)) });
  const actions = document.createElement("p");
  actions.className = "player-resume-actions";
  const yes = document.createElement("button");
  yes.type = "button";
  yes.textContent = t("resume-session");
  const no = document.createElement("button");
  no.type = "button";
  no.className = "secondary";
  no.textContent = t("resume-dismiss");
  actions.append(yes, " ", no);
  offer.append(text, actions);
  const heading = launch.querySelector("h2");
  if (heading) heading.after(offer);
  else launch.prepend(offer);
  yes.addEventListener("click", () => {
    offer.remove();
    go(state);
  });
  no.addEventListener("click", () => {
    offer.remove();
    forgetUnfinished();
    launch.querySelector(".player-start").focus();
  });
}

/** Wire the launcher and dialog on this page to play the given steps. */
export function setupPlayer({ name, routineId, steps, key = routineId || name }) {
  // A quick session names its routine by the choices made before Start (a function).
  const currentRoutineId = () => (typeof routineId === "function" ? routineId() : routineId);
  const launch = document.querySelector(".player-launch");
  const dialog = document.querySelector("dialog.player");
  if (!launch || !dialog || !steps.length) return null;
  const view = new PlayerView(dialog);
  const $ = (selector) => dialog.querySelector(selector);
  const pauseButton = $(".player-pause");
  const lang = pageLang();
  const pacing = pacingOf(dialog);
  $(".player-title").textContent = name;
  launch.hidden = false;

  let timeline = null;
  let timer = null;
  let startedAt = null;
  let sessionId = null;
  let recordId = null; // the history record this session writes (kept when resumed)
  let resumed = false; // whether that record may exist already
  let keptAt = 0; // when the state was last kept for resuming
  let resumeAfterAsk = false; // whether to run on when the reader keeps going
  let stepsPlayed = steps; // a copy of the steps as the session started
  let backHeld = false; // whether the player has put a step of its own in the history
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
      duration: sessionMs(timeline.parts) / 1000,
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

  /** Return where the session is: what a reload or a closed app needs to go on. */
  function snapshot() {
    return {
      key,
      name,
      routineId: currentRoutineId(),
      steps: stepsPlayed,
      pace: timeline.pace,
      part: timeline.part,
      phase: timeline.phase,
      elapsed: Math.max(0, timeline.elapsed(now())),
      activeMs: timeline.activeMs + (timeline.running ? now() - timeline.runningSince : 0),
      held: timeline.held,
      startedAt: startedAt.toISOString(),
      before: ratingOf(launch, "before"),
      recordId,
      savedAt: Date.now(),
    };
  }

  /** Keep where the session is on the device, so a reload or a closed app can go on. */
  function keepState() {
    if (!timeline || timeline.finished) return;
    keptAt = now();
    keepUnfinished(snapshot());
  }

  function tick() {
    if (!timeline) return;
    if (timeline.update(now())) {
      if (timeline.finished) return finish(true);
      view.showSegment(timeline);
      markChange();
      keepState();
    }
    view.showTime(timeline, now());
    if (now() - keptAt >= KEEP_EVERY_MS) keepState();
  }

  function runClock() {
    clearInterval(timer);
    timer = setInterval(tick, TICK_MS);
  }

  function stopClock() {
    clearInterval(timer);
    timer = null;
  }

  /** Start the session from its beginning, or (given a kept state) where it was left. */
  function start(state = null) {
    prepareSound(options.mix);
    if (options.chime) track.prime();
    stepsPlayed = state ? state.steps : steps.map((step) => ({ ...step }));
    const pace = state ? state.pace : options.pace;
    timeline = new Timeline(buildParts(stepsPlayed, pacing, pace));
    timeline.pace = pace; // kept with the state, so a resumed session is paced as it began
    startedAt = state ? new Date(state.startedAt) : new Date();
    recordId = (state && state.recordId) || newRecordId();
    resumed = Boolean(state);
    sessionId = null;
    resumeAfterAsk = false;
    view.showRunning(true);
    view.showAsk(false);
    for (const input of dialog.querySelectorAll('input[name="rating-after"]')) input.checked = false;
    $(".player-done-status").textContent = "";
    document.body.dataset.busy = "routine";
    if (!dialog.open) dialog.showModal();
    holdBack();
    timeline.start(now());
    if (state) restore(state);
    view.showPaused(timeline.paused);
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
    if (timeline.paused) {
      view.announce(t("paused"));
    } else {
      runClock();
      keepAwake();
    }
    keepState();
    if (options.chime) track.load(timeline.parts).then(follow);
  }

  /** Put a just-started timeline where a kept session was, paused until the reader resumes. */
  function restore(state) {
    const part = Math.min(Math.max(0, Number(state.part) || 0), timeline.parts.length - 1);
    timeline.jump(part, state.phase === "hold" ? "hold" : "lead", now());
    timeline.pause(now());
    timeline.pausedOffset = Math.min(Number(state.elapsed) || 0, timeline.length() - 1000);
    timeline.held = Boolean(state.held) || timeline.held;
    timeline.activeMs = Number(state.activeMs) || 0;
    if (state.before !== null && state.before !== undefined) {
      const box = launch.querySelector(`input[name="rating-before"][value="${Number(state.before)}"]`);
      if (box) box.checked = true;
    }
  }

  /** Give the browser's Back (a phone's back gesture) a step to take inside the player, so
   * going back asks first instead of leaving the page mid-session. */
  function holdBack() {
    if (backHeld) return;
    history.pushState({ ...history.state, knotwisePlayer: true }, "");
    backHeld = true;
  }

  /** Take the player's own step out of the history once the player closes. */
  function releaseBack() {
    if (!backHeld) return;
    backHeld = false;
    history.back();
  }

  /** Ask before ending: pause, and show "End the session now?" in place of the controls. */
  function askToEnd() {
    if (!timeline || timeline.finished) return;
    resumeAfterAsk = resumeAfterAsk || timeline.running;
    if (timeline.running) togglePause();
    view.showAsk(true);
    view.announce(t("confirm-end"));
  }

  /** The reader keeps going: back to the controls, running again if it was running. */
  function keepGoing() {
    view.showAsk(false);
    if (resumeAfterAsk && timeline && timeline.paused) togglePause();
    resumeAfterAsk = false;
    pauseButton.focus();
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
    keepState();
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
    keepState();
  }

  /** End the session: keep it in the history and show the Done screen. */
  function finish(completed, skipped = false) {
    if (!timeline || sessionId === "ending") return;
    forgetUnfinished();
    view.showAsk(false);
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
          id: recordId,
          routineId: currentRoutineId(),
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
      // A resumed session finishes the record its first part left, instead of adding another
      const save = resumed
        ? updateSession(recordId, record).then((found) => found || addSession(record))
        : addSession(record);
      save
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

  launch.querySelector(".player-start").addEventListener("click", () => start());
  pauseButton.addEventListener("click", togglePause);
  $(".player-skip").addEventListener("click", () => move("skip"));
  $(".player-back").addEventListener("click", () => move("back"));
  $(".player-stop").addEventListener("click", askToEnd);
  $(".player-keep").addEventListener("click", keepGoing);
  $(".player-end").addEventListener("click", () => finish(false));
  $(".player-close").addEventListener("click", () => dialog.close());
  // Escape, or the phone's back gesture, pauses and asks instead of ending the session
  dialog.addEventListener("cancel", (event) => {
    if (!timeline || timeline.finished) return;
    event.preventDefault();
    askToEnd();
  });
  dialog.addEventListener("close", () => {
    if (timeline && !timeline.finished) {
      // Closed without asking (a browser that skips "cancel"): keep the session on screen
      dialog.showModal();
      askToEnd();
      return;
    }
    timeline = null;
    releaseBack();
    launch.querySelector(".player-start").focus();
  });
  window.addEventListener("popstate", () => {
    backHeld = false; // the player's step was the one taken
    if (!dialog.open) return;
    if (timeline && !timeline.finished) {
      holdBack();
      askToEnd();
    } else {
      dialog.close(); // Back on the Done screen closes it, as a Close press does
    }
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
    if (!$(".player-ask").hidden) return;
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
    if (!timeline || timeline.finished) return;
    // Keep it in the history as it stands, and keep where it was, to go on after a reload
    const state = snapshot();
    finish(false);
    keepUnfinished(state);
  });
  const left = unfinished(key, Date.now());
  if (left && playable(left)) offerResume(launch, left, (state) => start(state));
  return { start };
}
