// The clinician report as CSV (RFC 4180, UTF-8): one row per session step, and the parser that
// reads it back to the same records. The columns are documented in docs/clinician-report.md.

export const COLUMNS = [
  "session_id",
  "started_at",
  "ended_at",
  "completed",
  "routine_id",
  "routine_name",
  "session_seconds",
  "before",
  "after",
  "note",
  "step",
  "spot",
  "spot_name",
  "tool",
  "side",
  "seconds_per_side",
];
// Free text a spreadsheet could take for a formula gets a leading apostrophe, and so does text
// that starts with one, so reading it back only ever removes one.
const TEXT = new Set(["routine_name", "note", "spot_name"]);
const RISKY = /^[=+\-@\t\r']/;
const BOM = "\ufeff";

function cell(value) {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Return the CSV text of report records; spotName(number) gives a spot's name. */
export function toCsv(list, spotName) {
  const lines = [COLUMNS.join(",")];
  for (const r of list) {
    const steps = r.steps && r.steps.length ? r.steps : [null];
    steps.forEach((step, i) => {
      const row = {
        session_id: r.id,
        started_at: r.startedAt,
        ended_at: r.endedAt,
        completed: r.completed ? "true" : "false",
        routine_id: r.routineId ?? "",
        routine_name: r.routineName,
        session_seconds: r.seconds,
        before: r.before,
        after: r.after,
        note: r.note,
        step: step ? i + 1 : "",
        spot: step ? step.spot : "",
        spot_name: step ? spotName(step.spot) : "",
        tool: step ? step.tool : "",
        side: step ? step.side : "",
        seconds_per_side: step ? step.seconds : "",
      };
      const guard = (key) => {
        const text = row[key] === null || row[key] === undefined ? "" : String(row[key]);
        return TEXT.has(key) && RISKY.test(text) ? `'${text}` : row[key];
      };
      lines.push(COLUMNS.map((key) => cell(guard(key))).join(","));
    });
  }
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

/** Split CSV text into rows of fields (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Read report CSV back into the records it was made from (spot names are left out). */
export function fromCsv(text) {
  const [header, ...rows] = parseCsv(text);
  const sessions = new Map();
  const int = (v) => (v === "" ? null : Number(v));
  for (const fields of rows) {
    const row = Object.fromEntries(header.map((key, i) => [key, fields[i] ?? ""]));
    for (const key of TEXT) if (row[key].startsWith("'")) row[key] = row[key].slice(1);
    if (!sessions.has(row.session_id)) {
      sessions.set(row.session_id, {
        id: row.session_id,
        routineId: row.routine_id || null,
        routineName: row.routine_name,
        startedAt: row.started_at,
        endedAt: row.ended_at,
        seconds: Number(row.session_seconds),
        completed: row.completed === "true",
        before: int(row.before),
        after: int(row.after),
        note: row.note,
        steps: row.step === "" ? null : [],
      });
    }
    if (row.step !== "") {
      sessions.get(row.session_id).steps.push({
        spot: Number(row.spot),
        tool: row.tool,
        side: row.side,
        seconds: Number(row.seconds_per_side),
      });
    }
  }
  return [...sessions.values()];
}
