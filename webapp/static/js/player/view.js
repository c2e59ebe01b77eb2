// What the player dialog shows: labels, countdown, ring, diagram and technique picture, and the
// words said at changes.
import { spot, spotDiagram, techniquePicture } from "../spots.js";
import { clock, number, sideName, t, toolName } from "../words.js";
import { markSide } from "./side.js";

/** Return how many steps (not sides) a timeline holds. */
function stepCount(timeline) {
  return new Set(timeline.parts.map((p) => p.index)).size;
}

/** Return the cue for a part: the routine's own, else the spot's default. */
function cueOf(part) {
  const info = spot(part.step.spot);
  return part.step.cue || (info && info.cue) || "";
}

/** Return the words of a lead-in: get ready, switch sides, or rest. */
function leadName(part) {
  if (part.lead === "switch") return t("switch-sides");
  if (part.lead === "rest") return t("rest");
  return t("get-ready");
}

/** Return what comes after the current part: the other side, the next round, or the next spot. */
function nextWords(timeline) {
  const part = timeline.current;
  const next = timeline.parts[timeline.part + 1];
  if (!next) return t("last");
  if (next.index === part.index) return t("next", { spot: sideName(next.side) });
  if (next.lead === "rest") return t("next", { spot: t("round", { number: number(next.round) }) });
  const upcoming = spot(next.step.spot);
  return t("next", { spot: upcoming ? upcoming.name : "" });
}

/** Return what is said when a segment begins, and the signal that goes with it. */
export function changeWords(timeline) {
  const part = timeline.current;
  if (timeline.phase === "hold") {
    return { words: t("announce-go"), spoken: cueOf(part) || t("announce-go"), signal: "up" };
  }
  if (part.lead === "switch") {
    const words = t("announce-switch", { side: sideName(part.side) });
    return { words, spoken: words, signal: "down" };
  }
  if (part.lead === "rest") {
    const words = t("announce-rest", { number: number(part.round) });
    return { words, spoken: words, signal: "down" };
  }
  const info = spot(part.step.spot);
  const words = t("announce-step", {
    number: number(part.index + 1),
    total: number(stepCount(timeline)),
    spot: info ? info.name : "",
    how: `${toolName(part.step.tool)}, ${sideName(part.side)}`,
  });
  return { words, spoken: words, signal: "down" };
}

/** Return what the lock screen shows: spot and side, the step count, the routine. */
export function lockScreenWords(timeline, routineName) {
  const part = timeline.current;
  const info = spot(part.step.spot);
  const phase = timeline.phase === "hold" ? sideName(part.side) : leadName(part);
  return {
    title: `${info ? info.name : ""} · ${phase}`,
    artist: t("step-of", { number: number(part.index + 1), total: number(stepCount(timeline)) }),
    album: routineName,
  };
}

export class PlayerView {
  constructor(dialog) {
    this.dialog = dialog;
    this.livePad = false;
    // A turned phone or a changed text size can make the words fit again, or not
    if ("ResizeObserver" in window) {
      new ResizeObserver(() => this.fitControls()).observe(dialog.querySelector(".player-bar"));
    }
  }

  $(selector) {
    return this.dialog.querySelector(selector);
  }

  /** Show the running controls, or the Done screen. */
  showRunning(running) {
    for (const el of this.dialog.querySelectorAll(".player-stage, .player-bar")) {
      el.hidden = !running;
    }
    if (!running) this.dialog.removeAttribute("data-current-side");
    this.$(".player-done").hidden = running;
    if (running) this.fitControls();
  }

  /** Redraw what changes only with the segment: labels, diagram, cue, what comes next. */
  showSegment(timeline) {
    const part = timeline.current;
    const info = spot(part.step.spot);
    this.$(".player-stage").dataset.phase = timeline.phase === "hold" ? "hold" : part.lead;
    this.$(".player-count").textContent = t("step-of", {
      number: number(part.index + 1),
      total: number(stepCount(timeline)),
    });
    this.$(".player-phase").textContent =
      timeline.phase === "hold" ? sideName(part.side) : leadName(part);
    this.$(".player-spot-number").textContent = number(part.step.spot);
    this.$(".player-spot-name").textContent = info ? info.name : "";
    this.$(".player-how").textContent = `${toolName(part.step.tool)} · ${sideName(part.side)}`;
    this.$(".player-cue").textContent = cueOf(part);
    // The side being worked, for the pictures (a one-sided pose is mirrored to it by CSS)
    const oneSide = part.side === "left" || part.side === "right";
    if (oneSide) this.dialog.dataset.currentSide = part.side;
    else this.dialog.removeAttribute("data-current-side");
    const visual = this.$(".player-visual");
    const shown = `${part.step.spot} ${part.step.tool} ${part.side}`;
    if (visual.dataset.shown !== shown) {
      const diagram = spotDiagram(part.step.spot);
      if (diagram && oneSide) markSide(diagram, part.side);
      const pictures = [diagram, techniquePicture(part.step.spot, part.step.tool)];
      visual.replaceChildren(...pictures.filter(Boolean));
      visual.dataset.shown = shown;
    }
    this.$(".player-next").textContent = nextWords(timeline);
  }

  /** Redraw what changes every tick: the countdown, the ring and the progress bar. */
  showTime(timeline, now) {
    const left = timeline.remaining(now);
    this.$(".player-time").textContent = clock(left);
    const ring = this.$(".player-ring-fill");
    ring.style.strokeDashoffset = String(100 * (1 - left / (timeline.length() / 1000)));
    const [done, total] = timeline.progress(now);
    const bar = this.$(".player-progress");
    bar.max = total;
    bar.value = done;
  }

  /** Show the pause button's state, and "Paused" by the clock while it is stopped. */
  showPaused(paused) {
    const button = this.$(".player-pause");
    button.textContent = t(paused ? "resume" : "pause");
    this.$(".player-stage").classList.toggle("is-paused", paused);
    this.fitControls();
  }

  /** Show Back and Skip as arrows only when their words, or Pause's, do not fit the row. */
  fitControls() {
    const row = this.$(".player-moves");
    if (!row || this.dialog.querySelector(".player-bar").hidden) return;
    row.classList.remove("is-compact");
    const tight = [...row.querySelectorAll("button")].some((b) => b.scrollWidth > b.clientWidth + 1);
    row.classList.toggle("is-compact", tight);
  }

  /** Show the question "End the session now?" in place of the controls, or the controls. */
  showAsk(asking) {
    this.$(".player-controls").hidden = asking;
    this.$(".player-ask").hidden = !asking;
    if (asking) this.$(".player-keep").focus();
  }

  /** Put a message in the live region; the same words twice are still announced. */
  announce(text) {
    this.livePad = !this.livePad;
    this.$(".player-live").textContent = this.livePad ? `${text}\u00a0` : text;
  }
}
