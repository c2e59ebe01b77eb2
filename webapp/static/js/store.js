// The reader's own routines, sessions and player settings: kept in this browser only.
// localStorage keeps each write synchronous, so a session ended by closing the page is still
// saved; the functions are async so the storage can change without changing their callers.
import { MAX_SESSIONS, checkExport } from "./checks.js";

const KEYS = {
  routines: "knotwise.routines",
  sessions: "knotwise.sessions",
  settings: "knotwise.settings",
};
// The player's own record of a session cut short (player/resume.js), gone with everything else
export const UNFINISHED_KEY = "knotwise.unfinished";
const DEFAULT_SETTINGS = { chime: true, vibrate: true, speech: false, mix: true, pace: "standard" };

function read(key, fallback) {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? fallback : JSON.parse(raw);
  } catch {
    return fallback;
  }
}

function write(key, value) {
  localStorage.setItem(key, JSON.stringify(value));
}

function newId(prefix) {
  const random = crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2);
  return `${prefix}-${random.replaceAll("-", "").slice(0, 12)}`;
}

/** Return the reader's own routines as [{id, name, steps}], in the order they were made. */
export async function ownRoutines() {
  const stored = read(KEYS.routines, []);
  return Array.isArray(stored) ? stored : [];
}

/** Return one own routine by id, or null. */
export async function ownRoutine(id) {
  return (await ownRoutines()).find((routine) => routine.id === id) || null;
}

/** Save a new or changed own routine (already checked); return it with its id. */
export async function saveRoutine(routine) {
  const all = await ownRoutines();
  const now = new Date().toISOString();
  const saved = { ...routine, id: routine.id || newId("own"), updatedAt: now };
  saved.createdAt = routine.createdAt || now;
  const at = all.findIndex((r) => r.id === saved.id);
  if (at >= 0) all[at] = saved;
  else all.push(saved);
  write(KEYS.routines, all);
  return saved;
}

/** Delete an own routine; its past sessions stay in the history. */
export async function deleteRoutine(id) {
  write(KEYS.routines, (await ownRoutines()).filter((routine) => routine.id !== id));
}

/** Return every session, newest first. */
export async function sessions() {
  const stored = read(KEYS.sessions, []);
  const list = Array.isArray(stored) ? stored : [];
  // Newest first; of two that started at the same moment, the one recorded last.
  return list.reverse().sort((a, b) => String(b.startedAt).localeCompare(String(a.startedAt)));
}

/** Record a session; the write is synchronous, so it survives the page closing. */
export async function addSession(session) {
  const saved = { id: newId("s"), ...session };
  const list = read(KEYS.sessions, []);
  list.push(saved);
  write(KEYS.sessions, list.slice(-MAX_SESSIONS));
  return saved;
}

/** Change fields of a recorded session, such as its rating afterwards. */
export async function updateSession(id, changes) {
  const list = read(KEYS.sessions, []);
  const found = list.find((session) => session.id === id);
  if (found) Object.assign(found, changes);
  write(KEYS.sessions, list);
  return found || null;
}

/** Return the player settings. */
export async function settings() {
  return { ...DEFAULT_SETTINGS, ...read(KEYS.settings, {}) };
}

/** Save the player settings. */
export async function saveSettings(changes) {
  write(KEYS.settings, { ...(await settings()), ...changes });
}

/** Return everything Knotwise keeps on this device, ready to save as a file. */
export async function exportAll() {
  return {
    app: "knotwise",
    version: 1,
    exportedAt: new Date().toISOString(),
    routines: await ownRoutines(),
    sessions: await sessions(),
    settings: await settings(),
  };
}

/** Merge a checked export into what is here: same ids are replaced, nothing else is lost. */
export async function importAll(data, catalog) {
  const clean = checkExport(data, catalog);
  const byId = (list) => new Map(list.map((item) => [item.id, item]));
  const routines = byId(await ownRoutines());
  for (const routine of clean.routines) routines.set(routine.id, routine);
  const sessionMap = byId(read(KEYS.sessions, []));
  for (const session of clean.sessions) sessionMap.set(session.id, session);
  const previous = {
    routines: localStorage.getItem(KEYS.routines),
    sessions: localStorage.getItem(KEYS.sessions),
  };
  try {
    write(KEYS.routines, [...routines.values()]);
    write(KEYS.sessions, [...sessionMap.values()]);
    if (clean.settings) await saveSettings(clean.settings);
  } catch (error) {
    // A full disk half-way through: put back what was there.
    for (const [name, raw] of Object.entries(previous)) {
      if (raw === null) localStorage.removeItem(KEYS[name]);
      else localStorage.setItem(KEYS[name], raw);
    }
    throw error;
  }
  return { routines: clean.routines.length, sessions: clean.sessions.length };
}

/** Delete every routine, session and setting Knotwise keeps on this device. */
export async function deleteAll() {
  for (const key of Object.values(KEYS)) localStorage.removeItem(key);
  localStorage.removeItem(UNFINISHED_KEY); // a session cut short, kept to resume it
}
