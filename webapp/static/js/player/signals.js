// What the player does at each change besides the screen: chime, vibration, speech, wake lock.
let audio = null;
let wakeLock = null;
let voice = null;

/** Prepare sound inside the reader's tap: mixed with their own music, or (mix off) in front. */
export function prepareSound(mix = true) {
  try {
    // "ambient" plays along with other audio; "playback" pauses it but, on iPhone, goes on
    // sounding when the screen locks.
    if (navigator.audioSession) navigator.audioSession.type = mix ? "ambient" : "playback";
  } catch {
    // Older implementations refuse the setting; the default is fine.
  }
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return;
  audio = audio || new Context();
  if (audio.state === "suspended") audio.resume().catch(() => {});
}

/** Play a soft, generated two-note chime: "up" to start pressing, "down" to change, "end". */
export function chime(kind = "up") {
  if (!audio || audio.state !== "running") return;
  const notes = { up: [660, 880], down: [880, 660], end: [523, 659, 784] }[kind] || [660];
  const start = audio.currentTime + 0.02;
  notes.forEach((frequency, i) => {
    const at = start + i * 0.16;
    const tone = audio.createOscillator();
    const level = audio.createGain();
    tone.type = "sine";
    tone.frequency.value = frequency;
    level.gain.setValueAtTime(0.0001, at);
    level.gain.exponentialRampToValueAtTime(0.18, at + 0.02);
    level.gain.exponentialRampToValueAtTime(0.0001, at + 0.9);
    tone.connect(level).connect(audio.destination);
    tone.start(at);
    tone.stop(at + 0.95);
  });
}

/** Vibrate briefly where the device and browser allow it. */
export function vibrate(kind = "up") {
  const pattern = { up: [80], down: [60, 80, 60], end: [120, 100, 120, 100, 200] }[kind];
  try {
    if (navigator.vibrate) navigator.vibrate(pattern || [80]);
  } catch {
    // Not allowed (no tap yet, or a browser without it): stay silent.
  }
}

/** Return a voice for the page's language, or null (then nothing is spoken). */
export function voiceFor(lang) {
  if (!("speechSynthesis" in window)) return null;
  const base = lang.toLowerCase().split("-")[0];
  const voices = speechSynthesis.getVoices();
  return (
    voices.find((v) => v.lang.toLowerCase() === lang.toLowerCase()) ||
    voices.find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === base) ||
    null
  );
}

/** Say a cue in the page's language, replacing anything still being said. */
export function speak(text, lang) {
  voice = voice || voiceFor(lang); // voices can arrive late, so a miss is asked again
  if (!voice) return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  speechSynthesis.cancel();
  speechSynthesis.speak(utterance);
}

/** Stop speaking at once. */
export function hush() {
  if ("speechSynthesis" in window) speechSynthesis.cancel();
}

/** Keep the screen on while a routine plays. */
export async function keepAwake() {
  if (!("wakeLock" in navigator) || document.visibilityState !== "visible") return;
  if (wakeLock && !wakeLock.released) return;
  try {
    wakeLock = await navigator.wakeLock.request("screen");
  } catch {
    wakeLock = null; // Refused (battery saver, no permission): the player still works.
  }
}

/** Let the screen sleep again. */
export async function letSleep() {
  const lock = wakeLock;
  wakeLock = null;
  if (lock && !lock.released) await lock.release().catch(() => {});
}
