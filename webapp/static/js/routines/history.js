// The private history: sessions, a tenderness trend, and export / import / delete of all data.
import { catalog, spot } from "../spots.js";
import { quickSteps } from "../spot/quick-session.js";
import { InvalidData } from "../checks.js";
import { ratingScale } from "../chart-scale.js";
import { deleteAll, exportAll, importAll, sessions, updateSession } from "../store.js";
import { dateTime, duration, formatLocale, number, stepHow, t } from "../words.js";

const SVG = "http://www.w3.org/2000/svg";
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const CHART_SESSIONS = 20;

function svg(name, attributes = {}) {
  const el = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, String(value));
  return el;
}

function rating(value) {
  return value === null || value === undefined ? t("no-rating") : number(value);
}

/** Draw before and after ratings of the latest rated sessions as two lines. */
function drawTrend(root, list) {
  const rated = list.filter((s) => s.before !== null || s.after !== null);
  const section = root.querySelector(".trend");
  section.hidden = rated.length === 0;
  if (!rated.length) return;
  const points = rated.slice(0, CHART_SESSIONS).reverse();
  const width = 320;
  const height = 170;
  const pad = { side: 28, top: 12, bottom: 22 };
  const { x, y, rtl } = ratingScale(points.length, width, height, pad);
  const avg = (key) => {
    const values = points.map((s) => s[key]).filter((v) => v !== null && v !== undefined);
    if (!values.length) return t("no-rating");
    return number(values.reduce((a, b) => a + b, 0) / values.length, { maximumFractionDigits: 1 });
  };
  const label = t("chart-label", { count: number(points.length) });
  const summary = t("chart-summary", { before: avg("before"), after: avg("after") });
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "trend-svg", role: "img" });
  const title = svg("title");
  title.textContent = `${label} ${summary}`;
  chart.append(title);
  for (const v of [0, 5, 10]) {
    chart.append(svg("line", { x1: pad.side, x2: width - pad.side, y1: y(v), y2: y(v), class: "trend-grid" }));
    const text = svg("text", {
      x: rtl ? width - pad.side + 6 : pad.side - 6,
      y: y(v) + 4,
      class: "trend-axis",
      "text-anchor": rtl ? "start" : "end",
    });
    text.textContent = number(v);
    chart.append(text);
  }
  const day = new Intl.DateTimeFormat(formatLocale(), {
    day: "numeric",
    month: "short",
  });
  const ends = points.length > 1 ? [0, points.length - 1] : [0];
  for (const i of ends) {
    const text = svg("text", {
      x: x(i),
      y: height - 4,
      class: "trend-axis",
      "text-anchor": points.length === 1 ? "middle" : (i === 0) !== rtl ? "start" : "end",
    });
    text.textContent = day.format(new Date(points[i].startedAt));
    chart.append(text);
  }
  for (const key of ["before", "after"]) {
    const known = points.map((s, i) => [i, s[key]]).filter(([, v]) => v !== null && v !== undefined);
    if (known.length > 1) {
      const line = known.map(([i, v]) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
      chart.append(svg("polyline", { points: line, class: `trend-line trend-${key}` }));
    }
    for (const [i, v] of known) {
      chart.append(svg("circle", { cx: x(i), cy: y(v), r: 4, class: `trend-dot trend-${key}` }));
    }
  }
  root.querySelector(".trend-chart").replaceChildren(chart);
  root.querySelector(".trend-summary").textContent = summary;
}

/** Return the address that plays a session's routine again (a quick session: its guide). */
function routineUrl(root, id) {
  if (!id) return "";
  const quick = quickSteps(id);
  if (quick) return spot(quick[0].spot)?.url || "";
  if (id.startsWith("own-")) return `${root.dataset.playUrl}#${id}`;
  return `${root.dataset.routinesUrl}${encodeURIComponent(id)}`;
}

/** Return how a quick session's rounds read: "Thumb · Left side · 1 min × 2". */
function roundsHow(steps) {
  const how = stepHow(steps[0]);
  return steps.length > 1 ? `${how} × ${number(steps.length)}` : how;
}

/** Let the reader add or change a session's ratings afterwards. */
function wireRating(root, li, session) {
  const form = li.querySelector(".session-rate-form");
  for (const select of form.querySelectorAll("[data-field]")) {
    const key = select.dataset.field;
    select.id = `${session.id}-${key}`;
    form.querySelector(`label[data-for="${key}"]`).htmlFor = select.id;
    select.value = session[key] === null || session[key] === undefined ? "" : String(session[key]);
  }
  const note = form.querySelector('[data-field="note"]');
  note.id = `${session.id}-note`;
  form.querySelector('label[data-for="note"]').htmlFor = note.id;
  note.value = session.note || "";
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const value = (key) => {
      const raw = form.querySelector(`[data-field="${key}"]`).value;
      return raw === "" ? null : Number(raw);
    };
    await updateSession(session.id, {
      before: value("before"),
      after: value("after"),
      note: note.value.trim(),
    });
    await render(root);
    root.querySelector(".data-status").textContent = t("saved-rating");
    root.querySelector(`[data-session="${session.id}"] .session-rate summary`)?.focus();
  });
}

/** Draw the list of sessions, newest first. */
async function render(root) {
  const list = await sessions();
  const ol = root.querySelector(".session-list");
  const item = document.getElementById("session-item");
  ol.replaceChildren();
  for (const session of list) {
    const li = item.content.firstElementChild.cloneNode(true);
    li.dataset.session = session.id;
    li.dataset.completed = String(session.completed);
    const time = li.querySelector("time");
    time.dateTime = session.startedAt;
    time.textContent = dateTime(session.startedAt);
    const link = li.querySelector(".session-name a");
    link.textContent = session.routineName;
    link.href = routineUrl(root, session.routineId);
    if (!link.getAttribute("href")) link.replaceWith(session.routineName);
    // A quick session says what was played, as a routine's steps do on its page.
    const quick = quickSteps(session.routineId);
    const how = li.querySelector(".session-how");
    if (quick) how.textContent = roundsHow(quick);
    else how.remove();
    li.querySelector(".session-duration").textContent = duration(session.seconds);
    li.querySelector(".session-status").textContent = t(session.completed ? "finished" : "stopped");
    const ratingLine = li.querySelector(".session-rating");
    if (session.before !== null || session.after !== null) {
      ratingLine.textContent = t("rating-pair", {
        before: rating(session.before),
        after: rating(session.after),
      });
    } else {
      ratingLine.remove();
    }
    const noteLine = li.querySelector(".session-note");
    if (session.note) noteLine.textContent = session.note;
    else noteLine.remove();
    wireRating(root, li, session);
    ol.append(li);
  }
  ol.hidden = list.length === 0;
  root.querySelector(".history-empty").hidden = list.length > 0;
  drawTrend(root, list);
}

/** Save all device data as a JSON file. */
async function exportFile() {
  const data = await exportAll();
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `knotwise-${data.exportedAt.slice(0, 10)}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

/** Read, check and merge an export file; a bad file changes nothing. */
async function importFile(root, file) {
  const status = root.querySelector(".data-status");
  const error = root.querySelector(".data-error");
  status.textContent = "";
  error.textContent = "";
  if (file.size > MAX_FILE_BYTES) {
    error.textContent = t("import-too-big");
    return;
  }
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    error.textContent = t("import-not-json");
    return;
  }
  try {
    const counts = await importAll(data, catalog());
    status.textContent = t("import-done", {
      routines: number(counts.routines),
      sessions: number(counts.sessions),
    });
  } catch (problem) {
    error.textContent =
      problem instanceof InvalidData
        ? t("import-invalid", { detail: problem.detail })
        : t("error-storage");
  }
  await render(root);
}

/** Show the history and wire the data buttons. */
export default async function enhanceHistory() {
  const root = document.querySelector(".history");
  root.hidden = false;
  await render(root);
  root.querySelector(".export-data").addEventListener("click", exportFile);
  const input = root.querySelector(".import-data");
  input.addEventListener("change", async () => {
    const file = input.files[0];
    if (file) await importFile(root, file);
    input.value = "";
  });
  root.querySelector(".delete-all").addEventListener("click", async () => {
    if (!window.confirm(t("confirm-delete-all"))) return;
    await deleteAll();
    await render(root);
    root.querySelector(".data-error").textContent = "";
    root.querySelector(".data-status").textContent = t("deleted-all");
  });
}
