// "New routine": build or edit an own routine; inline errors never clear what was typed.
import { catalog, spot } from "../spots.js";
import { LIMITS, currentStep } from "../checks.js";
import { ownRoutine, saveRoutine } from "../store.js";
import { fill, number, t } from "../words.js";

let rowCount = 0;

/** Show only the tools a spot can be treated with, keeping the choice when it still fits. */
function fitTools(row) {
  const tools = catalog()[row.querySelector('[data-field="spot"]').value]?.tools || [];
  const select = row.querySelector('[data-field="tool"]');
  for (const option of select.options) {
    option.hidden = option.disabled = !tools.includes(option.value);
  }
  if (!tools.includes(select.value)) select.value = tools[0];
}

/** Show the chosen spot's longest hold under the time and let the field go no higher. */
function fitSeconds(row) {
  const limit = spot(row.querySelector('[data-field="spot"]').value)?.maxHold;
  const seconds = row.querySelector('[data-field="seconds"]');
  seconds.max = String(limit || LIMITS.maxSeconds);
  row.querySelector('[data-hint="seconds"]').textContent = limit ? fill(t("max-hold"), { seconds: number(limit) }) : "";
}

/** Number the rows and name their buttons after their place in the list. */
function renumber(form) {
  const title = document.getElementById("step-row-title").content.textContent.trim();
  const rows = [...form.querySelectorAll(".step-row")];
  rows.forEach((row, i) => {
    const n = number(i + 1);
    row.querySelector(".step-row-title").textContent = fill(title, { number: n });
    for (const button of row.querySelectorAll("[data-label]")) {
      button.setAttribute("aria-label", fill(button.dataset.label, { number: n }));
    }
    row.querySelector(".step-up").disabled = i === 0;
    row.querySelector(".step-down").disabled = i === rows.length - 1;
  });
}

/** Add a step row filled with a step's values. */
function addRow(form, step) {
  const row = document.getElementById("step-row").content.firstElementChild.cloneNode(true);
  rowCount += 1;
  for (const field of row.querySelectorAll("[data-field]")) {
    const id = `step-${rowCount}-${field.dataset.field}`;
    field.id = id;
    field.name = id;
    row.querySelector(`label[data-for="${field.dataset.field}"]`).htmlFor = id;
    const error = row.querySelector(`[data-error="${field.dataset.field}"]`);
    const hint = row.querySelector(`[data-hint="${field.dataset.field}"]`);
    if (hint) hint.id = `${id}-hint`;
    if (error) {
      error.id = `${id}-error`;
      field.dataset.errorId = error.id;
      field.setAttribute("aria-describedby", hint ? `${hint.id} ${error.id}` : error.id);
    }
  }
  row.querySelector('[data-field="spot"]').value = String(step.spot);
  fitTools(row);
  if (step.tool) row.querySelector('[data-field="tool"]').value = currentStep(step, catalog()).tool;
  fitTools(row);
  row.querySelector('[data-field="side"]').value = step.side || "both";
  row.querySelector('[data-field="seconds"]').value = String(step.seconds ?? 60);
  fitSeconds(row);
  row.querySelector('[data-field="spot"]').addEventListener("change", () => {
    fitTools(row);
    fitSeconds(row);
  });
  row.querySelector(".step-up").addEventListener("click", () => {
    row.previousElementSibling?.before(row);
    renumber(form);
    (row.querySelector(".step-up").disabled ? row.querySelector(".step-down") : row.querySelector(".step-up")).focus();
  });
  row.querySelector(".step-down").addEventListener("click", () => {
    row.nextElementSibling?.after(row);
    renumber(form);
    (row.querySelector(".step-down").disabled ? row.querySelector(".step-up") : row.querySelector(".step-down")).focus();
  });
  row.querySelector(".step-remove").addEventListener("click", () => {
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber(form);
    (next?.querySelector(".step-remove") || form.querySelector("#add-spot")).focus();
  });
  form.querySelector(".step-rows").append(row);
  renumber(form);
  return row;
}

function setError(field, message) {
  const error = document.getElementById(field.dataset.errorId || field.getAttribute("aria-describedby") || "");
  if (message) field.setAttribute("aria-invalid", "true");
  else field.removeAttribute("aria-invalid");
  if (error) error.textContent = message || "";
}

/** Check the form; mark each problem where it is and return the routine, or null. */
function check(form) {
  const problems = [];
  const name = form.querySelector("#routine-name");
  const nameText = name.value.trim();
  const nameError = nameText ? "" : t("error-name"); // the field itself stops at LIMITS.name
  setError(name, nameError);
  if (nameError) problems.push([name, nameError]);
  const rows = [...form.querySelectorAll(".step-row")];
  const stepsError = document.getElementById("steps-error");
  stepsError.textContent = "";
  if (rows.length < LIMITS.minSteps || rows.length > LIMITS.maxSteps) {
    const message = rows.length ? t("error-steps-many") : t("error-steps-none");
    stepsError.textContent = message;
    problems.push([form.querySelector("#add-spot"), message]);
  }
  const tools = catalog();
  const steps = rows.map((row) => {
    const get = (f) => row.querySelector(`[data-field="${f}"]`);
    const step = {
      spot: Number(get("spot").value),
      tool: get("tool").value,
      side: get("side").value,
      seconds: Number(get("seconds").value),
    };
    const secondsOk =
      get("seconds").value.trim() !== "" &&
      Number.isInteger(step.seconds) &&
      step.seconds >= LIMITS.minSeconds &&
      step.seconds <= LIMITS.maxSeconds;
    // A spot's guide sets its longest hold: a longer one is not saved (item 8, review 3).
    const limit = spot(step.spot)?.maxHold;
    const tooLong = secondsOk && limit && step.seconds > limit;
    const secondsError = !secondsOk ? t("error-seconds") : tooLong ? fill(t("error-max-hold"), { seconds: number(limit) }) : "";
    setError(get("seconds"), secondsError);
    if (secondsError) problems.push([get("seconds"), secondsError]);
    const toolOk = (tools[step.spot]?.tools || []).includes(step.tool);
    setError(get("tool"), toolOk ? "" : t("error-tool"));
    if (!toolOk) problems.push([get("tool"), t("error-tool")]);
    return step;
  });
  const summary = form.querySelector(".form-errors");
  if (!problems.length) {
    summary.hidden = true;
    summary.replaceChildren();
    return { name: nameText, steps };
  }
  const list = document.createElement("ul");
  for (const [field, message] of problems) {
    const link = document.createElement("a");
    link.href = `#${field.id}`;
    link.textContent = message;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      field.focus();
    });
    const li = document.createElement("li");
    li.append(link);
    list.append(li);
  }
  const intro = document.createElement("p");
  intro.textContent = t("error-summary");
  summary.replaceChildren(intro, list);
  summary.hidden = false;
  summary.focus();
  return null;
}

/** Set up the routine editor, loading the routine named in the address to edit it. */
export default async function enhanceEditor() {
  const form = document.querySelector("form.editor");
  form.hidden = false;
  const id = decodeURIComponent(window.location.hash.slice(1));
  const existing = id ? await ownRoutine(id) : null;
  if (existing) {
    form.querySelector("#routine-name").value = existing.name;
    for (const step of existing.steps) addRow(form, step);
    const heading = document.querySelector(".editor-title");
    heading.textContent = t("edit-title");
    document.title = document.title.replace(t("new-title"), t("edit-title"));
  } else if (id) {
    const summary = form.querySelector(".form-errors");
    summary.textContent = t("not-found");
    summary.hidden = false;
  }
  form.querySelector(".add-step-button").addEventListener("click", () => {
    const count = form.querySelectorAll(".step-row").length;
    if (count >= LIMITS.maxSteps) {
      document.getElementById("steps-error").textContent = t("error-steps-many");
      return;
    }
    document.getElementById("steps-error").textContent = "";
    const info = spot(form.querySelector("#add-spot").value);
    addRow(form, { spot: info.number, side: info.side, seconds: Math.min(60, info.maxHold || 60) });
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const routine = check(form);
    if (!routine) return;
    const status = form.querySelector(".editor-status");
    try {
      const saved = await saveRoutine({ ...existing, ...routine });
      window.location.assign(`${form.dataset.indexUrl}#${saved.id}`);
    } catch {
      status.textContent = t("error-storage");
    }
  });
}
