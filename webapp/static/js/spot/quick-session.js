// A quick session ("Treat this spot now") is named by what it played: its routine id carries
// the spot, tool, side, time per side and rounds, so the history and the report can file it
// under its spot like any routine, with no routine kept for it and nothing more to store.
const PREFIX = "quick:";
const FORM = /^quick:(\d{1,2}):([a-z_]{1,30}):([a-z]{1,10}):(\d{1,4}):(\d{1,2})$/;

/** Return the routine id that names a quick session of these (identical) steps. */
export function quickId(steps) {
  const [step] = steps;
  return `${PREFIX}${step.spot}:${step.tool}:${step.side}:${step.seconds}:${steps.length}`;
}

/** Return whether a session's routine id names a quick session. */
export function isQuick(id) {
  return typeof id === "string" && FORM.test(id);
}

/** Return the steps a quick session's id names ([{spot, tool, side, seconds}]), or null. */
export function quickSteps(id) {
  const found = typeof id === "string" ? FORM.exec(id) : null;
  if (!found) return null;
  const [, spot, tool, side, seconds, rounds] = found;
  const step = { spot: Number(spot), tool, side, seconds: Number(seconds) };
  return Array.from({ length: Number(rounds) }, () => ({ ...step }));
}
