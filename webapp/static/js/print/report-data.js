// The clinician report's figures from the sessions kept on this device: pure functions, so the
// page, the CSV and the tests all count the same way.

const DAY_MS = 24 * 60 * 60 * 1000;
const known = (v) => v !== null && v !== undefined;

/** Return a moment's local calendar day as YYYY-MM-DD, the form a date input holds. */
export function localDay(value) {
  const d = new Date(value);
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Return the local midnight starting a YYYY-MM-DD day. */
export function dayStart(day) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y, m - 1, d);
}

/** Return the day n days before a YYYY-MM-DD day. */
export function daysBefore(day, n) {
  const d = dayStart(day);
  d.setDate(d.getDate() - n);
  return localDay(d);
}

/** Return the sessions started from one local day to another (inclusive), oldest first, each
 * with its routine's steps ([{spot, tool, side, seconds}], or null when no longer known). */
export function records(sessions, from, to, stepsOf) {
  return sessions
    .filter((s) => localDay(s.startedAt) >= from && localDay(s.startedAt) <= to)
    .sort((a, b) => String(a.startedAt).localeCompare(String(b.startedAt)))
    .map((s) => ({
      id: s.id,
      routineId: s.routineId ?? null,
      routineName: s.routineName,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      seconds: s.seconds,
      completed: Boolean(s.completed),
      before: known(s.before) ? s.before : null,
      after: known(s.after) ? s.after : null,
      note: typeof s.note === "string" ? s.note : "",
      steps: stepsOf(s.routineId),
    }));
}

/** Return a session's steps with repeats folded: the same spot, tool, side and time done
 * several times (rounds) becomes one step with its count of rounds. */
export function foldRounds(steps) {
  const folded = new Map();
  for (const step of steps) {
    const key = `${step.spot} ${step.tool} ${step.side} ${step.seconds}`;
    if (folded.has(key)) folded.get(key).rounds += 1;
    else folded.set(key, { ...step, rounds: 1 });
  }
  return [...folded.values()];
}

/** Group sessions by spot (one row per way a session worked it, rounds folded), in spot
 * order; sessions whose steps are unknown follow, grouped by routine name. */
export function groups(list) {
  const bySpot = new Map();
  const unknown = new Map();
  for (const record of list) {
    if (!record.steps) {
      if (!unknown.has(record.routineName)) unknown.set(record.routineName, []);
      unknown.get(record.routineName).push({ record, step: null });
      continue;
    }
    for (const step of foldRounds(record.steps)) {
      if (!bySpot.has(step.spot)) bySpot.set(step.spot, []);
      bySpot.get(step.spot).push({ record, step });
    }
  }
  const spots = [...bySpot.keys()].sort((a, b) => a - b);
  return [
    ...spots.map((spot) => ({ spot, routine: null, rows: bySpot.get(spot) })),
    ...[...unknown].map(([routine, rows]) => ({ spot: null, routine, rows })),
  ];
}

/** Return each session of a group once, oldest first: the points of its trend chart. */
export function sessionsOf(group) {
  const seen = new Map();
  for (const { record } of group.rows) seen.set(record.id, record);
  return [...seen.values()];
}

/** Return where tenderness started and ended over a group: the first rating given (before,
 * else after) and the last (after, else before); null when nothing was rated. */
export function change(group) {
  const rated = sessionsOf(group).filter((r) => known(r.before) || known(r.after));
  if (!rated.length) return null;
  const first = rated[0];
  const last = rated[rated.length - 1];
  return {
    start: known(first.before) ? first.before : first.after,
    end: known(last.after) ? last.after : last.before,
  };
}

/** Return the span from the first session to the last, as [amount, "day" | "week"]. */
export function span(list) {
  const first = dayStart(localDay(list[0].startedAt));
  const last = dayStart(localDay(list[list.length - 1].startedAt));
  const days = Math.round((last - first) / DAY_MS) + 1;
  return days < 14 ? [days, "day"] : [Math.round(days / 7), "week"];
}
