// What a valid own routine, session or export looks like; used before anything is saved.
export const LIMITS = { name: 60, minSteps: 1, maxSteps: 50, minSeconds: 5, maxSeconds: 600 };
export const MAX_SESSIONS = 5000;
const MAX_NOTE = 500;
const SIDES = ["left", "right", "both", "centre"];
const SETTINGS = ["chime", "vibrate", "speech", "mix"];
const PACES = ["short", "standard", "long"]; // the reader's time to get into position
const MAX_SESSION_SECONDS = 24 * 3600;

const isInt = (v, lo, hi) => Number.isInteger(v) && v >= lo && v <= hi;
const isText = (v, max) => typeof v === "string" && v.trim().length > 0 && v.length <= max;
const isTime = (v) => typeof v === "string" && !Number.isNaN(Date.parse(v));

/** A value that is not a valid routine, session or export; detail names the field. */
export class InvalidData extends Error {
  constructor(detail) {
    super(detail);
    this.detail = detail;
  }
}

/** Return a step with the tool its spot's guide offers now in place of a retired one (catalog:
 * {spot: {tools, retired}}, see spots.js). */
export function currentStep(step, catalog) {
  const retired = catalog[step.spot]?.retired || {};
  return Object.hasOwn(retired, step.tool) ? { ...step, tool: retired[step.tool] } : step;
}

/** Check one step against the spots' tools; return it cleaned, a retired tool replaced by the
 * one its guide offers now (currentStep), or throw InvalidData. */
export function checkStep(step, catalog, where = "step") {
  if (!step || typeof step !== "object") throw new InvalidData(where);
  const spot = Number(step.spot);
  if (!Number.isInteger(spot) || !Object.hasOwn(catalog, spot)) throw new InvalidData(`${where}.spot`);
  const { tool } = currentStep(step, catalog);
  if (!catalog[spot].tools.includes(tool)) throw new InvalidData(`${where}.tool`);
  if (!SIDES.includes(step.side)) throw new InvalidData(`${where}.side`);
  if (!isInt(step.seconds, LIMITS.minSeconds, LIMITS.maxSeconds)) {
    throw new InvalidData(`${where}.seconds`);
  }
  return { spot, tool, side: step.side, seconds: step.seconds };
}

/** Check a routine (own, shared or imported); return it cleaned or throw InvalidData. */
export function checkRoutine(routine, catalog, where = "routine") {
  if (!routine || typeof routine !== "object") throw new InvalidData(where);
  if (!isText(routine.name, LIMITS.name)) throw new InvalidData(`${where}.name`);
  const steps = routine.steps;
  if (!Array.isArray(steps) || steps.length < LIMITS.minSteps || steps.length > LIMITS.maxSteps) {
    throw new InvalidData(`${where}.steps`);
  }
  const clean = {
    name: routine.name.trim(),
    steps: steps.map((step, i) => checkStep(step, catalog, `${where}.steps[${i}]`)),
  };
  if (routine.id !== undefined) {
    if (typeof routine.id !== "string" || !/^own-[a-z0-9]{1,40}$/.test(routine.id)) {
      throw new InvalidData(`${where}.id`);
    }
    clean.id = routine.id;
  }
  for (const field of ["createdAt", "updatedAt"]) {
    if (routine[field] !== undefined && !isTime(routine[field])) {
      throw new InvalidData(`${where}.${field}`);
    }
    if (routine[field] !== undefined) clean[field] = routine[field];
  }
  return clean;
}

function checkRating(value, where) {
  if (value === null || value === undefined) return null;
  if (!isInt(value, 0, 10)) throw new InvalidData(where);
  return value;
}

/** Check a stored session; return it cleaned or throw InvalidData. */
export function checkSession(session, where = "session") {
  if (!session || typeof session !== "object") throw new InvalidData(where);
  if (typeof session.id !== "string" || !/^[a-z0-9-]{1,60}$/.test(session.id)) {
    throw new InvalidData(`${where}.id`);
  }
  if (!isText(session.routineName, 200)) throw new InvalidData(`${where}.routineName`);
  if (session.routineId !== null && typeof session.routineId !== "string") {
    throw new InvalidData(`${where}.routineId`);
  }
  if (!isTime(session.startedAt)) throw new InvalidData(`${where}.startedAt`);
  if (!isTime(session.endedAt)) throw new InvalidData(`${where}.endedAt`);
  if (!isInt(session.seconds, 0, MAX_SESSION_SECONDS)) throw new InvalidData(`${where}.seconds`);
  if (typeof session.completed !== "boolean") throw new InvalidData(`${where}.completed`);
  return {
    id: session.id,
    routineId: session.routineId,
    routineName: session.routineName.trim(),
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    seconds: session.seconds,
    completed: session.completed,
    before: checkRating(session.before, `${where}.before`),
    after: checkRating(session.after, `${where}.after`),
    ...checkNote(session.note, `${where}.note`),
  };
}

/** Check a session's optional note (added on the history page); return {note} or {}. */
function checkNote(note, where) {
  if (note === undefined || note === null || note === "") return {};
  if (typeof note !== "string" || note.length > MAX_NOTE) throw new InvalidData(where);
  return { note };
}

function checkSettings(settings) {
  if (settings === undefined) return null;
  if (!settings || typeof settings !== "object") throw new InvalidData("settings");
  const clean = {};
  for (const key of SETTINGS) {
    if (settings[key] === undefined) continue;
    if (typeof settings[key] !== "boolean") throw new InvalidData(`settings.${key}`);
    clean[key] = settings[key];
  }
  if (settings.pace !== undefined) {
    if (!PACES.includes(settings.pace)) throw new InvalidData("settings.pace");
    clean.pace = settings.pace;
  }
  return clean;
}

/** Check a whole export before anything is written; throw InvalidData on the first problem. */
export function checkExport(data, catalog) {
  if (!data || typeof data !== "object" || data.app !== "knotwise") {
    throw new InvalidData("app");
  }
  if (data.version !== 1) throw new InvalidData("version");
  if (!Array.isArray(data.routines)) throw new InvalidData("routines");
  if (!Array.isArray(data.sessions) || data.sessions.length > MAX_SESSIONS) {
    throw new InvalidData("sessions");
  }
  const routines = data.routines.map((r, i) => {
    const clean = checkRoutine(r, catalog, `routines[${i}]`);
    if (!clean.id) throw new InvalidData(`routines[${i}].id`);
    return clean;
  });
  const sessionList = data.sessions.map((s, i) => checkSession(s, `sessions[${i}]`));
  return { routines, sessions: sessionList, settings: checkSettings(data.settings) };
}
