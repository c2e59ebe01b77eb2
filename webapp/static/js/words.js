// Words the routine scripts show, taken from the page so they are always in its language.
let table = null;

/** Return the page's language code. */
export function pageLang() {
  return document.documentElement.lang || "en";
}

/** Return the locale to format numbers and dates in: the page's language with Western digits,
 * as the server writes them (engines disagree on Arabic's default digits: WebKit picks
 * Arabic-Indic, Chromium and Firefox Western). */
export function formatLocale(lang = pageLang()) {
  return `${lang}-u-nu-latn`;
}

/** Return the text for a key, with {name} placeholders filled from vars. */
export function t(key, vars = {}) {
  if (!table) {
    table = new Map();
    const source = document.getElementById("routine-words");
    for (const span of source ? source.content.querySelectorAll("[data-key]") : []) {
      table.set(span.dataset.key, span.textContent);
    }
  }
  const text = table.get(key) ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** Fill {name} placeholders in a template string taken from the page. */
export function fill(text, vars) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** Return a number in the page's own digits. */
export function number(value, options = {}) {
  return new Intl.NumberFormat(formatLocale(), options).format(value);
}

/** Return a duration such as "7 min, 30 sec" in the page's language. */
export function duration(totalSeconds) {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const unit = (value, name) =>
    number(value, { style: "unit", unit: name, unitDisplay: "short" });
  const parts = [];
  if (minutes) parts.push(unit(minutes, "minute"));
  if (rest || !minutes) parts.push(unit(rest, "second"));
  return new Intl.ListFormat(pageLang(), { style: "short", type: "unit" }).format(parts);
}

/** Return a countdown reading such as "1:05", in the page's digits. */
export function clock(totalSeconds) {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  return `${number(minutes)}:${number(seconds % 60, { minimumIntegerDigits: 2 })}`;
}

/** Return a date and time in the reader's locale, e.g. "25 Nov 2026, 16:40". */
export function dateTime(value) {
  const format = new Intl.DateTimeFormat(formatLocale(), { dateStyle: "medium", timeStyle: "short" });
  return format.format(new Date(value));
}

/** Return the name of a tool or side. */
export function toolName(tool) {
  return t(`tool.${tool}`);
}

/** Return the name of a side. */
export function sideName(side) {
  return t(`side.${side}`);
}

/** Return how a step reads: tool, side and time, as on the server-rendered pages. */
export function stepHow(step) {
  if (step.side === "both") {
    return `${toolName(step.tool)} · ${t("both-time", { time: duration(step.seconds) })}`;
  }
  return `${toolName(step.tool)} · ${sideName(step.side)} · ${duration(step.seconds)}`;
}
