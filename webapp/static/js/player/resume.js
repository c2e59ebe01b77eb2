// A session cut short by a reload or a closed app, kept on this device so the reader can go
// on where they were. It expires: after an hour, a fresh start suits the body better.
import { UNFINISHED_KEY as KEY } from "../store.js";

export const RESUME_FOR_MS = 60 * 60 * 1000;

/** Keep the state of a running session (a plain object with savedAt, a Date.now() value). */
export function keepUnfinished(state) {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // Storage full or off: the session simply cannot be resumed.
  }
}

/** Forget the unfinished session. */
export function forgetUnfinished() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}

/** Return the unfinished session of this player (key) if it can still be resumed at nowMs. */
export function unfinished(key, nowMs) {
  let state = null;
  try {
    state = JSON.parse(localStorage.getItem(KEY));
  } catch {
    return null;
  }
  if (!state || state.key !== key || !Array.isArray(state.steps)) return null;
  const age = nowMs - Number(state.savedAt);
  if (!(age >= 0 && age <= RESUME_FOR_MS)) {
    forgetUnfinished();
    return null;
  }
  return { ...state, age };
}
