// What the player dialog shows: labels, countdown, ring, diagram and technique picture, and the
// words said at changes.
import { spot, spotDiagram, techniquePicture } from "../spots.js";
import { clock, number, sideName, t, toolName } from "../words.js";

/** Return how many steps (not sides) a timeline holds. */
function stepCount(timeline) {
  return new Set(timeline.parts.map((p) => p.index)).size;
}

/** Return the cue for a part: the routine's own, else the spot's default. */
function cueOf(part) {
  const info = spot(part.step.spot);
  return part.step.cue || (info && info.cue) || "";
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
  const lead = t(part.lead === "switch" ? "switch-sides" : "get-ready");
  const phase = timeline.phase === "hold" ? sideName(part.side) : lead;
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
  }

  $(selector) {
    return this.dialog.querySelector(selector);
  }

  /** Show the running controls, or the Done screen. */
  showRunning(running) {
    for (const el of this.dialog.querySelectorAll(".player-stage, .player-controls, .player-stop")) {
      el.hidden = !running;
    }
    this.$(".player-done").hidden = running;
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
    const lead = t(part.lead === "switch" ? "switch-sides" : "get-ready");
    this.$(".player-phase").textContent = timeline.phase === "hold" ? sideName(part.side) : lead;
    this.$(".player-spot-number").textContent = number(part.step.spot);
    this.$(".player-spot-name").textContent = info ? info.name : "";
    this.$(".player-how").textContent = `${toolName(part.step.tool)} · ${sideName(part.side)}`;
    this.$(".player-cue").textContent = cueOf(part);
    const visual = this.$(".player-visual");
    const shown = `${part.step.spot} ${part.step.tool}`;
    if (visual.dataset.shown !== shown) {
      const pictures = [spotDiagram(part.step.spot), techniquePicture(part.step.spot, part.step.tool)];
      visual.replaceChildren(...pictures.filter(Boolean));
      visual.dataset.shown = shown;
    }
    const nextPart = timeline.parts.find((p, i) => i > timeline.part && p.index !== part.index);
    const upcoming = nextPart && spot(nextPart.step.spot);
    this.$(".player-next").textContent = upcoming ? t("next", { spot: upcoming.name }) : t("last");
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

  /** Show the pause button's state. */
  showPaused(paused) {
    const button = this.$(".player-pause");
    button.textContent = t(paused ? "resume" : "pause");
    button.setAttribute("aria-pressed", String(paused));
    this.$(".player-stage").classList.toggle("is-paused", paused);
  }

  /** Put a message in the live region; the same words twice are still announced. */
  announce(text) {
    this.livePad = !this.livePad;
    this.$(".player-live").textContent = this.livePad ? `${text}\u00a0` : text;
  }
}
