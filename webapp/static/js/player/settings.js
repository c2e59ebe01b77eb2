// The player's settings (time to get into position, chime, vibration, spoken cues, mixing with
// music), kept on this device.
import { voiceFor } from "./signals.js";
import { saveSettings, settings } from "../store.js";

/** Wire the settings in the launcher; return a live object of the current choices. */
export function playerSettings(launch, lang) {
  const options = { chime: true, vibrate: true, speech: false, mix: true, pace: "standard" };
  const toggles = launch.querySelectorAll(".player-settings input[type=checkbox]");
  const paces = launch.querySelectorAll('input[type=radio][name="pace"]');
  const note = launch.querySelector("[data-speech-note]");

  /** Tell the reader when spoken cues are on but no voice speaks this language. */
  function showSpeechNote() {
    if (note) note.hidden = !(options.speech && !voiceFor(lang));
  }

  settings().then((stored) => {
    Object.assign(options, stored);
    for (const box of toggles) box.checked = Boolean(stored[box.name]);
    for (const radio of paces) radio.checked = radio.value === options.pace;
    showSpeechNote();
  });
  for (const box of toggles) {
    box.addEventListener("change", () => {
      options[box.name] = box.checked;
      saveSettings({ [box.name]: box.checked }).catch(() => {});
      showSpeechNote();
    });
  }
  for (const radio of paces) {
    radio.addEventListener("change", () => {
      if (!radio.checked) return;
      options.pace = radio.value;
      saveSettings({ pace: radio.value }).catch(() => {});
    });
  }
  if ("speechSynthesis" in window) speechSynthesis.addEventListener?.("voiceschanged", showSpeechNote);
  return options;
}
