// The session's sound as one audio track: every cue of the routine at its exact moment, made on
// the device, so an <audio> element can keep playing it when the screen locks and scripts sleep.
// Each kind of cue is rendered once with an OfflineAudioContext, then laid into a silent 8 kHz,
// 8-bit mono WAV at its sample position: a 30-minute track is 14.4 MB, made in milliseconds.
import { segments, sessionMs } from "./timeline.js";

export const RATE = 8000; // samples a second: plenty for soft tones below 1.6 kHz
const MAX_SECONDS = 2 * 60 * 60; // longer sessions (150 MB and more) keep the live chimes only
const TICKS = 3; // lead-in ticks in the last seconds before pressing starts
const HALFWAY_FROM = 20; // holds at least this long (seconds) get a "halfway" cue
const DONE_SECONDS = 1.2; // the "done" cue ends as the session does

// Each cue: notes of [frequency Hz, start s, length s, level]. The first notes differ, so the
// cues are told apart by ear (and by the tests).
const SOUNDS = {
  next: [[523, 0, 0.35, 0.5], [784, 0.18, 0.45, 0.5]],
  switch: [[659, 0, 0.22, 0.5], [523, 0.14, 0.22, 0.5], [659, 0.28, 0.35, 0.5]],
  tick: [[1175, 0, 0.04, 0.35]],
  go: [[1568, 0, 0.12, 0.45]],
  halfway: [[880, 0, 0.45, 0.4]],
  done: [[392, 0, 0.4, 0.5], [523, 0.2, 0.4, 0.5], [659, 0.4, 0.4, 0.5], [784, 0.6, 0.6, 0.5]],
};

/** Return every cue of a session as [{at (seconds from its start), kind}], in order. */
export function cuePlan(parts) {
  const cues = [];
  for (const segment of segments(parts)) {
    const part = parts[segment.part];
    const start = segment.start / 1000;
    const length = segment.length / 1000;
    if (segment.phase === "lead") {
      cues.push({ at: start, kind: part.lead === "switch" ? "switch" : "next" });
      for (let s = Math.max(1, part.leadSeconds - TICKS); s < part.leadSeconds; s += 1) {
        cues.push({ at: start + s, kind: "tick" });
      }
      continue;
    }
    cues.push({ at: start, kind: "go" });
    if (length >= HALFWAY_FROM) cues.push({ at: start + length / 2, kind: "halfway" });
    if (segment.part === parts.length - 1) {
      cues.push({ at: start + length - DONE_SECONDS, kind: "done" });
    }
  }
  return cues;
}

/** Render one cue's sound with an OfflineAudioContext; return its samples. */
async function renderCue(notes) {
  const seconds = Math.max(...notes.map(([, at, length]) => at + length)) + 0.05;
  const context = new OfflineAudioContext(1, Math.ceil(seconds * RATE), RATE);
  for (const [frequency, at, length, level] of notes) {
    const tone = context.createOscillator();
    const gain = context.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(level, at + 0.005);
    gain.gain.exponentialRampToValueAtTime(0.001, at + length);
    tone.connect(gain).connect(context.destination);
    tone.start(at);
    tone.stop(at + length + 0.01);
  }
  return (await context.startRendering()).getChannelData(0);
}

/** Return a silent 8-bit mono WAV of a number of samples, ready to be filled. */
function silentWav(samples) {
  const bytes = new Uint8Array(44 + samples).fill(128, 44); // 128 is silence in 8-bit PCM
  const view = new DataView(bytes.buffer);
  const text = (at, value) => [...value].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, "RIFF");
  view.setUint32(4, 36 + samples, true);
  text(8, "WAVEfmt ");
  view.setUint32(16, 16, true); // the format chunk's size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, RATE, true);
  view.setUint32(28, RATE, true); // bytes a second
  view.setUint16(32, 1, true); // bytes a sample
  view.setUint16(34, 8, true); // bits a sample
  text(36, "data");
  view.setUint32(40, samples, true);
  return bytes;
}

/** Mix a cue's samples into the WAV at a moment, adding to whatever sounds there already. */
function lay(wav, samples, at) {
  const first = 44 + Math.round(at * RATE);
  const end = Math.min(wav.length, first + samples.length);
  for (let i = first; i < end; i += 1) {
    const value = wav[i] + Math.round(samples[i - first] * 127);
    wav[i] = Math.max(0, Math.min(255, value));
  }
}

/** Return the session's track as a WAV Blob, or null where it cannot be made. */
export async function renderTrack(parts) {
  const seconds = sessionMs(parts) / 1000;
  if (typeof OfflineAudioContext === "undefined" || !seconds || seconds > MAX_SECONDS) return null;
  const plan = cuePlan(parts);
  const sounds = new Map();
  for (const kind of new Set(plan.map((cue) => cue.kind))) {
    sounds.set(kind, await renderCue(SOUNDS[kind]));
  }
  const wav = silentWav(Math.round(seconds * RATE));
  for (const cue of plan) lay(wav, sounds.get(cue.kind), cue.at);
  return new Blob([wav], { type: "audio/wav" });
}

/** Return a short silent WAV, to start the <audio> element inside the reader's tap. */
export function silence() {
  return new Blob([silentWav(RATE / 10)], { type: "audio/wav" });
}
