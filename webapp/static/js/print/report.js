// The report for a clinician: made in this browser from the history on this device, for a
// chosen period, to print or save as CSV. Nothing is sent anywhere.
import { spot } from "../spots.js";
import { ownRoutines, sessions } from "../store.js";
import { quickSteps } from "../spot/quick-session.js";
import { clock, fill, formatLocale, number, pageLang, sideName, t, toolName } from "../words.js";
import { trendChart } from "./chart.js";
import { toCsv } from "./csv.js";
import {
  change,
  dayStart,
  daysBefore,
  groups,
  localDay,
  records,
  sessionsOf,
  span,
} from "./report-data.js";

const DEFAULT_DAYS = 28;

/** Return the report's own words, in the page's language. */
function say(key, vars = {}) {
  const words = document.getElementById("report-words").content;
  const found = words.querySelector(`[data-key="${key}"]`);
  return fill(found ? found.textContent : key, vars);
}

/** Return "12 sessions" with the plural form the page's language needs. */
function sessionCount(count) {
  const category = new Intl.PluralRules(pageLang()).select(count);
  const words = document.getElementById("report-words").content;
  const form =
    words.querySelector(`[data-key="sessions.${category}"]`) ||
    words.querySelector('[data-key="sessions.other"]');
  return fill(form.textContent, { count: number(count) });
}

/** Return a lookup of each routine's steps: built-in ones from the page, own ones stored. */
async function stepsLookup() {
  const table = new Map();
  for (const el of document.querySelectorAll("template.routine-info")) {
    const steps = el.dataset.steps.split(";").map((text) => {
      const [spotNumber, tool, side, seconds] = text.split(" ");
      return { spot: Number(spotNumber), tool, side, seconds: Number(seconds) };
    });
    table.set(el.dataset.routine, steps);
  }
  for (const routine of await ownRoutines()) table.set(routine.id, routine.steps);
  // A quick session ("Treat this spot now") carries its one step in its id.
  return (id) => (id && table.has(id) ? table.get(id) : quickSteps(id));
}

const dateFormat = () => new Intl.DateTimeFormat(formatLocale(), { dateStyle: "medium" });
const rating = (v) => (v === null ? "–" : number(v));

/** Return the one-paragraph summary of the period. */
function summary(list, spotGroups) {
  if (!list.length) return say("summary-none");
  const [amount, unit] = span(list);
  const format = dateFormat();
  const parts = [
    say("summary", {
      sessions: sessionCount(list.length),
      span: number(amount, { style: "unit", unit, unitDisplay: "long" }),
      first: format.format(new Date(list[0].startedAt)),
      last: format.format(new Date(list[list.length - 1].startedAt)),
    }),
  ];
  const stopped = list.filter((r) => !r.completed).length;
  if (stopped) parts.push(say("summary-stopped", { count: number(stopped) }));
  // Spots worked in the same sessions share their figures: one sentence names them all.
  const changes = new Map();
  for (const g of spotGroups.filter((group) => group.spot !== null)) {
    const c = change(g);
    if (!c) continue;
    const key = `${c.start}-${c.end}`;
    if (!changes.has(key)) changes.set(key, { ...c, names: [] });
    changes.get(key).names.push(spot(g.spot).name);
  }
  const joined = new Intl.ListFormat(pageLang(), { type: "conjunction" });
  for (const c of changes.values()) {
    const names = joined.format(c.names);
    parts.push(say("summary-spot", { spot: names, start: number(c.start), end: number(c.end) }));
  }
  if (!changes.size) parts.push(say("summary-unrated"));
  return parts.join(" ");
}

/** Return a step's time on each side as "m:ss", times its rounds when there are several. */
function timePerSide(step) {
  const time = clock(step.seconds);
  return step.rounds > 1 ? `${time} × ${number(step.rounds)}` : time;
}

/** Return one table row of a session's step. */
function row({ record, step }) {
  const tr = document.createElement("tr");
  tr.dataset.session = record.id;
  const date = dateFormat().format(new Date(record.startedAt));
  const cells = [
    record.completed ? date : `${date} (${t("stopped")})`,
    step ? toolName(step.tool) : "–",
    step ? sideName(step.side) : "–",
    step ? timePerSide(step) : "–",
    rating(record.before),
    rating(record.after),
    record.note,
  ];
  for (const text of cells) {
    const td = document.createElement("td");
    td.textContent = text;
    tr.append(td);
  }
  return tr;
}

/** Draw one spot's (or unknown routine's) section: its chart and its table. */
function spotSection(group) {
  const item = document.getElementById("report-spot").content.firstElementChild;
  const section = item.cloneNode(true);
  const name =
    group.spot !== null ? spot(group.spot).name : say("unknown-spots", { routine: group.routine });
  section.dataset.spot = group.spot ?? "";
  const badge = section.querySelector(".spot-number");
  if (group.spot !== null) badge.textContent = number(group.spot);
  else badge.remove();
  section.querySelector(".report-spot-name").textContent = name;
  const points = sessionsOf(group).filter((r) => r.before !== null || r.after !== null);
  const figure = section.querySelector(".report-figure");
  if (points.length) {
    section.querySelector(".report-chart").append(trendChart(points, say("chart", { spot: name })));
  } else figure.remove();
  section.querySelector(".table-scroll").setAttribute("aria-label", say("table", { spot: name }));
  section.querySelector("tbody").append(...group.rows.map(row));
  return section;
}

/** Make the report for the period in the form. */
async function render(root, state) {
  const form = root.querySelector(".report-controls");
  let from = form.elements.from.value;
  let to = form.elements.to.value;
  if (from > to) [from, to] = [to, from];
  const list = records(await sessions(), from, to, await stepsLookup());
  const spotGroups = groups(list);
  state.list = list;
  state.period = [from, to];
  const title = dateFormat().formatRange(dayStart(from), dayStart(to));
  root.querySelector(".report-title").textContent = title;
  const printed = root.querySelector(".report-printed");
  printed.textContent = fill(printed.dataset.template, { date: dateFormat().format(Date.now()) });
  root.querySelector(".report-summary").textContent = summary(list, spotGroups);
  root.querySelector(".report-spots").replaceChildren(...spotGroups.map(spotSection));
}

/** Save the period's sessions as a CSV file. */
function download(state) {
  const text = toCsv(state.list, (n) => spot(n)?.name ?? "");
  const blob = new Blob([text], { type: "text/csv;charset=utf-8" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `knotwise-report-${state.period[0]}-to-${state.period[1]}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

/** Show the report for the last four weeks and wire the period, print and CSV buttons. */
export default async function enhanceReport() {
  const root = document.querySelector(".report");
  const form = root.querySelector(".report-controls");
  const today = localDay(Date.now());
  form.elements.to.value = today;
  form.elements.from.value = daysBefore(today, DEFAULT_DAYS - 1);
  const state = { list: [], period: [today, today] };
  root.hidden = false;
  await render(root, state);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await render(root, state);
  });
  root.querySelector(".report-print").addEventListener("click", () => window.print());
  root.querySelector(".report-csv").addEventListener("click", () => download(state));
}
