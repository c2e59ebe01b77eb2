// The session clock: which part of a routine is playing, worked out from timestamps so a page
// that was asleep or in the background catches up instead of drifting.

// When the page carries no pacing (an old saved copy), every lead-in is five seconds.
const FALLBACK = { rest: 15, ready: {}, switch: {} };
const FALLBACK_LEAD = 5;
// The reader's "time to get into position": how the data's get-ready and switch times scale.
export const PACES = { short: 0.5, standard: 1, long: 2 };

/** Return a lead-in of the data scaled by the reader's pace, in whole seconds (at least 3). */
function scaled(seconds, pace) {
  return Math.max(3, Math.round(seconds * (PACES[pace] || 1)));
}

/** Return whether a step repeats the one before it: a further round of the same spot and tool. */
function isRound(steps, index) {
  const before = steps[index - 1];
  return Boolean(before && before.spot === steps[index].spot && before.tool === steps[index].tool);
}

/** Split steps into parts: one per side to work, each after its lead-in (get ready, switch
 * sides, or a rest between rounds), timed per tool from the pacing in the data. */
export function buildParts(steps, pacing = FALLBACK, pace = "standard") {
  const parts = [];
  let round = 1;
  steps.forEach((step, index) => {
    round = isRound(steps, index) ? round + 1 : 1;
    const sides = step.side === "both" ? ["left", "right"] : [step.side];
    sides.forEach((side, k) => {
      let lead = k === 0 ? "ready" : "switch";
      if (lead === "ready" && round > 1) lead = "rest";
      const perTool = lead === "rest" ? null : pacing[lead][step.tool];
      const leadSeconds =
        lead === "rest" ? pacing.rest : scaled(perTool ?? FALLBACK_LEAD, pace);
      parts.push({ step, index, side, seconds: step.seconds, lead, leadSeconds, round });
    });
  });
  return parts;
}

/** Return a routine's pressing time in seconds: every side of every step, as it is played. */
export function totalSeconds(steps) {
  return buildParts(steps).reduce((sum, part) => sum + part.seconds, 0);
}

/** Return the session's segments in order: [{part, phase, start, length}] in ms from the start. */
export function segments(parts) {
  const list = [];
  let start = 0;
  parts.forEach((part, index) => {
    const lead = part.leadSeconds * 1000;
    list.push({ part: index, phase: "lead", start, length: lead });
    list.push({ part: index, phase: "hold", start: start + lead, length: part.seconds * 1000 });
    start += lead + part.seconds * 1000;
  });
  return list;
}

/** Return a whole session's length in ms, lead-ins included: the length of its sound track. */
export function sessionMs(parts) {
  return parts.reduce((sum, part) => sum + (part.leadSeconds + part.seconds) * 1000, 0);
}

export class Timeline {
  constructor(parts) {
    this.parts = parts;
    this.part = 0;
    this.phase = "lead"; // "lead" (get ready / switch sides) or "hold"
    this.anchor = 0; // when the current segment started, shifted by pauses
    this.pausedOffset = null; // ms into the segment when paused
    this.activeMs = 0; // time spent running, pauses left out
    this.runningSince = null;
    this.finished = false;
    this.held = false; // whether any hold has begun (an empty session is not worth keeping)
  }

  get current() {
    return this.parts[this.part];
  }

  get running() {
    return this.runningSince !== null && !this.finished;
  }

  get paused() {
    return this.pausedOffset !== null && !this.finished;
  }

  /** Return the length of the current segment in ms. */
  length() {
    const part = this.current;
    return (this.phase === "lead" ? part.leadSeconds : part.seconds) * 1000;
  }

  /** Return ms into the current segment. */
  elapsed(now) {
    return this.pausedOffset !== null ? this.pausedOffset : now - this.anchor;
  }

  /** Return seconds left in the current segment. */
  remaining(now) {
    return Math.max(0, (this.length() - this.elapsed(now)) / 1000);
  }

  /** Return [seconds held so far, seconds to hold in all] for the progress bar. */
  progress(now) {
    let done = 0;
    let total = 0;
    this.parts.forEach((part, i) => {
      total += part.seconds;
      if (i < this.part) done += part.seconds;
    });
    if (this.finished) return [total, total];
    if (this.phase === "hold") done += Math.min(this.elapsed(now) / 1000, this.current.seconds);
    return [done, total];
  }

  /** Return how far into the whole session (its sound track) the clock is, in ms. */
  position(now) {
    if (this.finished) return sessionMs(this.parts);
    let ms = this.phase === "hold" ? this.current.leadSeconds * 1000 : 0;
    for (let i = 0; i < this.part; i += 1) {
      ms += (this.parts[i].leadSeconds + this.parts[i].seconds) * 1000;
    }
    return ms + Math.min(Math.max(0, this.elapsed(now)), this.length());
  }

  start(now) {
    this.anchor = now;
    this.runningSince = now;
  }

  /** Move past every segment that has run out; return true when the segment changed. */
  update(now) {
    if (!this.running) return false;
    let changed = false;
    while (!this.finished && now - this.anchor >= this.length()) {
      const end = this.anchor + this.length();
      this.anchor = end;
      if (!this.next()) this.finish(end);
      changed = true;
    }
    return changed;
  }

  /** Step to the next segment; return false when there is none. */
  next() {
    if (this.phase === "lead") {
      this.phase = "hold";
      this.held = true;
      return true;
    }
    if (this.part + 1 >= this.parts.length) return false;
    this.part += 1;
    this.phase = "lead";
    return true;
  }

  /** Stop the clock for good at a moment (the end of the last hold, or now). */
  finish(at) {
    if (this.runningSince !== null) this.activeMs += Math.max(0, at - this.runningSince);
    this.runningSince = null;
    this.finished = true;
  }

  pause(now) {
    if (!this.running) return;
    this.pausedOffset = now - this.anchor;
    this.activeMs += now - this.runningSince;
    this.runningSince = null;
  }

  resume(now) {
    if (!this.paused) return;
    this.anchor = now - this.pausedOffset;
    this.pausedOffset = null;
    this.runningSince = now;
  }

  /** Jump to the start of a segment, keeping a paused clock paused. */
  jump(part, phase, now) {
    this.part = part;
    this.phase = phase;
    if (phase === "hold") this.held = true;
    if (this.pausedOffset !== null) this.pausedOffset = 0;
    else this.anchor = now;
  }

  /** Move on: from a lead-in straight to pressing, from pressing to the next part. */
  skip(now) {
    if (this.phase === "lead") return this.jump(this.part, "hold", now), true;
    if (this.part + 1 < this.parts.length) return this.jump(this.part + 1, "lead", now), true;
    this.finish(now);
    return true;
  }

  /** Go back: to the start of this part, or the one before if it has only just begun. */
  back(now) {
    const justBegun = this.phase === "lead" || this.elapsed(now) < 3000;
    this.jump(justBegun ? Math.max(0, this.part - 1) : this.part, "lead", now);
    return true;
  }
}
