// The reminders page: keep a list of weekly reminders on this device, sign this browser up for
// push notifications when asked, and keep the server's copy (ids, days, times, zone, language;
// never the routine) in step. Every word shown comes from the page, in the page's language.
import { loadState, saveState as keep } from "./state.js";
import { openRemindedRoutine } from "./open.js";
import { formatLocale } from "../words.js";

let root;
let state;
let text;

/** Keep the state on this device (the service worker reads names and addresses from it). */
const saveState = () => keep(state);

/** Start the page's script, if this is the reminders page. */
export async function enhanceReminders() {
  root = document.getElementById("reminders-app");
  if (!root) return;
  text = { ...root.querySelector(".reminders-messages").dataset };
  root.querySelector(".reminders-needs-js").hidden = true;
  state = await loadState();
  if (openRemindedRoutine(state)) return;
  window.addEventListener("hashchange", () => openRemindedRoutine(state));
  state.lang = root.dataset.lang;
  state.strings = { title: root.dataset.notifyTitle, body: root.dataset.notifyBody };
  state.subscribeUrl = root.dataset.subscribeUrl;
  await addOwnRoutines();
  refreshRoutineNames();
  chooseTimeZone();
  wireEvents();
  showSupport();
  render();
  if (await forgetIfRevoked()) return;
  if (state.subscription && state.body && state.body.lang !== state.lang) await sync();
  else await saveState();
}

/** Notifications were blocked after reminders were turned on: remove the server's copy. */
async function forgetIfRevoked() {
  if (!state.subscription || !pushSupported() || Notification.permission !== "denied") return false;
  await send("DELETE", subscriptionUrl(), null, true);
  state.subscription = null;
  await saveState();
  render();
  return true;
}

// ---- the form --------------------------------------------------------------------------------

const form = () => root.querySelector(".reminder-form");
const status = (message) => {
  root.querySelector(".reminders-status").textContent = message || "";
};

/** Add the reader's own routines (kept on this device by the routines page) to the choice. */
async function addOwnRoutines() {
  let own = [];
  try {
    const store = await import("../store.js");
    own = typeof store.ownRoutines === "function" ? await store.ownRoutines() : [];
  } catch {
    own = [];
  }
  if (!Array.isArray(own) || own.length === 0) return;
  const group = document.createElement("optgroup");
  group.label = root.dataset.ownGroup;
  for (const routine of own) {
    if (!routine || typeof routine.id !== "string" || typeof routine.name !== "string") continue;
    const option = new Option(routine.name, `own:${routine.id}`);
    option.dataset.url = `${root.dataset.ownPlayUrl}#${encodeURIComponent(routine.id)}`;
    group.append(option);
  }
  form().elements.routine.append(group);
}

/** Use this page's language for the names of routines that are still offered. */
function refreshRoutineNames() {
  const options = [...form().elements.routine.options];
  for (const reminder of state.reminders) {
    const option = options.find((o) => o.value === reminder.routine);
    if (option) {
      reminder.name = option.textContent.trim();
      reminder.url = option.dataset.url;
    }
  }
}

/** Preselect the zone kept with the reminders, else the one this device is in. */
function chooseTimeZone() {
  const select = form().elements.timezone;
  const zone = state.timezone || Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  if (![...select.options].some((o) => o.value === zone)) select.add(new Option(zone, zone), 0);
  select.value = zone;
}

/** Read the form into a reminder, or show what is missing and return null. */
function readForm() {
  const elements = form().elements;
  const error = root.querySelector(".form-error");
  const days = [...root.querySelectorAll("input[name=days]:checked")].map((box) => box.value);
  const option = elements.routine.selectedOptions[0];
  const problem = !option ? "routine" : days.length === 0 ? "days" : !elements.time.value ? "time" : "";
  error.hidden = !problem;
  error.textContent = problem ? error.dataset[problem] : "";
  if (problem) return null;
  return {
    routine: option.value,
    name: option.textContent.trim(),
    url: option.dataset.url,
    days,
    time: elements.time.value.slice(0, 5),
  };
}

let editing = null; // the id of the reminder being changed, or null when adding

/** Save the form as a new reminder or as changes to the one being edited. */
async function saveReminder() {
  const values = readForm();
  if (!values) return;
  state.timezone = form().elements.timezone.value;
  if (editing) {
    const reminder = state.reminders.find((r) => r.id === editing);
    Object.assign(reminder, values, { skip_until: null, next: null });
  } else {
    state.reminders.push({ id: newId(), ...values, skip_until: null, next: null });
  }
  stopEditing();
  await commit(text.saved);
}

function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `r-${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** Fill the form with a reminder so it can be changed. */
function startEditing(reminder) {
  editing = reminder.id;
  const elements = form().elements;
  elements.routine.value = reminder.routine;
  elements.time.value = reminder.time;
  for (const box of root.querySelectorAll("input[name=days]")) {
    box.checked = reminder.days.includes(box.value);
  }
  labelForm("edit");
  root.querySelector(".reminder-cancel").hidden = false;
  form().scrollIntoView({ block: "start" });
  elements.routine.focus();
}

function stopEditing() {
  editing = null;
  labelForm("add");
  root.querySelector(".reminder-cancel").hidden = true;
}

function labelForm(mode) {
  const heading = root.querySelector("#form-title");
  const save = root.querySelector(".reminder-save");
  heading.textContent = heading.dataset[mode];
  save.textContent = save.dataset[mode];
}

/** For the calendar file: a routine of the reader's own travels by name only. */
function prepareCalendar(event) {
  const option = form().elements.routine.selectedOptions[0];
  if (!readForm()) {
    event.preventDefault();
    return;
  }
  form().elements.title.value = option.value.startsWith("own:") ? option.textContent.trim() : "";
}

// ---- push ------------------------------------------------------------------------------------

function pushSupported() {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

/** Explain, in place of the switch, why reminders cannot work here. */
function showSupport() {
  const reason = !pushSupported()
    ? "unsupported"
    : Notification.permission === "denied"
      ? "denied"
      : "";
  for (const section of root.querySelectorAll(".reminders-unavailable")) {
    section.hidden = section.dataset.reason !== reason;
  }
  root.querySelector(".reminders-switch").hidden = Boolean(reason);
  root.querySelector(".reminder-save").hidden = false;
  return !reason;
}

/** Return this page's service worker registration, registering /sw.js if needed. */
async function registration() {
  const existing = await navigator.serviceWorker.getRegistration("/");
  if (!existing) await navigator.serviceWorker.register(root.dataset.swUrl, { scope: "/" });
  return navigator.serviceWorker.ready;
}

/** Ask for permission (only now, on the reader's press), subscribe and tell the server. */
async function turnOn() {
  status(text.working);
  const permission = await Notification.requestPermission();
  if (permission !== "granted") {
    status("");
    showSupport();
    if (permission === "default") status(text.errorDismissed);
    return;
  }
  let subscription;
  try {
    const key = await (await fetch(root.dataset.keyUrl)).json();
    state.key = key.key;
    const reg = await registration();
    subscription =
      (await reg.pushManager.getSubscription()) ||
      (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key.key }));
  } catch {
    status(text.errorSubscribe);
    return;
  }
  state.timezone = state.timezone || form().elements.timezone.value;
  const response = await send("POST", state.subscribeUrl, {
    ...serverBody(),
    subscription: subscription.toJSON(),
  });
  if (!response) return;
  state.subscription = { id: response.id, token: response.token };
  applyServer(response);
  await saveState();
  render();
  status(text.turnedOn);
}

/** Unsubscribe this browser and delete the server's copy. */
async function turnOff() {
  status(text.working);
  if (state.subscription) {
    const answer = await send("DELETE", subscriptionUrl(), null, true);
    if (answer === undefined) return;
  }
  try {
    const reg = await navigator.serviceWorker.getRegistration("/");
    const subscription = reg && (await reg.pushManager.getSubscription());
    if (subscription) await subscription.unsubscribe();
  } catch {
    // the server has forgotten it already, which is what matters
  }
  state.subscription = null;
  for (const reminder of state.reminders) reminder.next = null;
  await saveState();
  render();
  status(text.turnedOff);
}

async function sendTest() {
  status(text.working);
  const answer = await send("POST", `${subscriptionUrl()}/test`, null);
  if (answer) status(text.testSent);
}

async function togglePause() {
  state.paused = !state.paused;
  await commit(state.paused ? text.pausedAll : text.resumed);
}

async function toggleSnooze(reminder) {
  reminder.skip_until = reminder.skip_until ? null : reminder.next;
  await commit(reminder.skip_until ? text.snoozed : text.unsnoozed);
}

async function deleteReminder(reminder) {
  state.reminders = state.reminders.filter((r) => r !== reminder);
  if (editing === reminder.id) stopEditing();
  await commit(text.deleted);
}

/** Keep a change on this device, send it to the server when subscribed, then show it. */
async function commit(message) {
  await saveState();
  render();
  const ok = state.subscription ? await sync() : true;
  if (ok) status(message);
}

/** Send the whole schedule to the server; return whether it was accepted. */
async function sync() {
  const response = await send("PUT", subscriptionUrl(), serverBody());
  if (!response) return false;
  applyServer(response);
  await saveState();
  render();
  return true;
}

function subscriptionUrl() {
  return `${state.subscribeUrl}/${encodeURIComponent(state.subscription.id)}`;
}

/** Return what the server is told: no routine, no name, no address. */
function serverBody() {
  const body = {
    lang: state.lang,
    timezone: state.timezone || form().elements.timezone.value,
    paused: Boolean(state.paused),
    reminders: state.reminders.map((r) => ({
      id: r.id,
      days: r.days,
      time: r.time,
      ...(r.skip_until ? { skip_until: r.skip_until } : {}),
    })),
  };
  state.body = body;
  return body;
}

/** Take each reminder's next time from the server's answer. */
function applyServer(answer) {
  const next = new Map((answer.reminders || []).map((r) => [r.id, r.next]));
  for (const reminder of state.reminders) reminder.next = next.get(reminder.id) || null;
  state.paused = Boolean(answer.paused);
}

/**
 * Call the API; return the JSON answer (or {} for no content), or undefined after showing
 * what went wrong. A 404 or 410 means the server no longer has this subscription.
 */
async function send(method, url, body, quietGone = false) {
  const headers = {};
  if (body) headers["Content-Type"] = "application/json";
  if (state.subscription && url !== state.subscribeUrl) {
    headers.Authorization = `Bearer ${state.subscription.token}`;
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
  } catch {
    status(text.errorNetwork);
    return undefined;
  }
  if (response.ok) return response.status === 204 ? {} : response.json();
  if (response.status === 404 || response.status === 410) {
    state.subscription = null;
    await saveState();
    render();
    if (quietGone) return {};
    status(text.errorGone);
    return undefined;
  }
  const answer = await response.json().catch(() => ({}));
  if (String(answer.error).startsWith("FLASK_VAPID_SUBJECT")) {
    status(text.errorNotSetUp);
    return undefined;
  }
  status(response.status === 429 || response.status === 503 ? text.errorBusy : text.errorRefused);
  return undefined;
}

// ---- showing the list ------------------------------------------------------------------------

function render() {
  const on = Boolean(state.subscription);
  root.querySelector(".reminders-off").hidden = on;
  root.querySelector(".reminders-on").hidden = !on;
  root.querySelector(".reminders-paused-text").hidden = !(on && state.paused);
  const pause = root.querySelector(".reminders-pause");
  pause.textContent = state.paused ? pause.dataset.resume : pause.dataset.pause;
  pause.setAttribute("aria-pressed", String(Boolean(state.paused)));
  const list = root.querySelector(".reminder-items");
  list.replaceChildren(...state.reminders.map(renderItem));
  root.querySelector(".reminders-list").hidden = false;
  root.querySelector(".reminders-empty").hidden = state.reminders.length > 0;
}

function renderItem(reminder) {
  const item = root.querySelector("#reminder-item").content.firstElementChild.cloneNode(true);
  item.dataset.id = reminder.id;
  item.querySelector(".reminder-name").textContent = reminder.name;
  item.querySelector(".reminder-when").textContent = describeWhen(reminder);
  item.querySelector(".reminder-next").textContent = describeNext(reminder);
  const snooze = item.querySelector(".reminder-snooze");
  snooze.textContent = reminder.skip_until ? snooze.dataset.unsnooze : snooze.dataset.snooze;
  snooze.hidden = !state.subscription || state.paused || !(reminder.next || reminder.skip_until);
  snooze.addEventListener("click", () => toggleSnooze(reminder));
  item.querySelector(".reminder-edit").addEventListener("click", () => startEditing(reminder));
  item.querySelector(".reminder-delete").addEventListener("click", () => deleteReminder(reminder));
  for (const button of item.querySelectorAll("button")) {
    button.setAttribute("aria-describedby", `reminder-name-${reminder.id}`);
  }
  item.querySelector(".reminder-name").id = `reminder-name-${reminder.id}`;
  return item;
}

/** "Mon, Thu at 07:30", in the page's language and week order. */
function describeWhen(reminder) {
  const boxes = [...root.querySelectorAll("input[name=days]")];
  const days =
    reminder.days.length === 7
      ? text.everyDay
      : new Intl.ListFormat(state.lang, { style: "short", type: "unit" }).format(
          boxes.filter((b) => reminder.days.includes(b.value)).map((b) => b.dataset.short),
        );
  const [hours, minutes] = reminder.time.split(":").map(Number);
  const clock = new Intl.DateTimeFormat(formatLocale(state.lang), { hour: "numeric", minute: "2-digit" });
  const time = clock.format(new Date(2000, 0, 1, hours, minutes));
  return atPhrase(clock, hours).replace("{days}", days).replace("{time}", time);
}

/** "{days} at {time}" in the plural form of the hour on the clock ("a la 1:30", "a las 2:30"). */
function atPhrase(clock, hours) {
  const cycle = clock.resolvedOptions().hourCycle;
  const shown = { h11: hours % 12, h12: hours % 12 || 12, h24: hours || 24 }[cycle] ?? hours;
  const category = new Intl.PluralRules(state.lang).select(shown);
  return text[`at${category[0].toUpperCase()}${category.slice(1)}`] || text.atOther;
}

function describeNext(reminder) {
  if (!state.subscription) return text.nextLocal;
  if (state.paused) return text.paused;
  if (!reminder.next) return "";
  const options = { weekday: "long", day: "numeric", month: "long", hour: "numeric", minute: "2-digit" };
  let when;
  try {
    when = new Intl.DateTimeFormat(formatLocale(state.lang), { ...options, timeZone: state.timezone }).format(
      new Date(reminder.next),
    );
  } catch {
    when = new Intl.DateTimeFormat(formatLocale(state.lang), options).format(new Date(reminder.next));
  }
  return (reminder.skip_until ? text.nextSkipped : text.next).replace("{when}", when);
}

// ---- wiring ----------------------------------------------------------------------------------

function wireEvents() {
  root.querySelector(".reminder-save").addEventListener("click", saveReminder);
  root.querySelector(".reminder-cancel").addEventListener("click", stopEditing);
  form().addEventListener("submit", prepareCalendar);
  form().elements.timezone.addEventListener("change", async (event) => {
    state.timezone = event.target.value;
    await commit("");
  });
  root.querySelector(".reminders-turn-on").addEventListener("click", turnOn);
  root.querySelector(".reminders-turn-off").addEventListener("click", turnOff);
  root.querySelector(".reminders-test").addEventListener("click", sendTest);
  root.querySelector(".reminders-pause").addEventListener("click", togglePause);
}
