// The one-spot session behind "Treat this spot now", loaded only when the reader asks for it.
// The player's markup, words and styles are borrowed from the play page (saved for offline with
// every guide), so guides stay light and the session plays exactly as an own routine does.
import { checkRoutine } from "../checks.js";
import { setupPlayer } from "../player/player.js";
import { catalog } from "../spots.js";
import { saveRoutine } from "../store.js";
import { duration, fill, t } from "../words.js";
import { quickId } from "./quick-session.js";

/** Load the play page's stylesheets that this page has not (the player's own, player.css), and
 * wait for them, so the choices and the player show styled. A guide's first visit stays light. */
function borrowStyles(page, base) {
  const have = new Set([...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.href));
  const loads = [];
  for (const link of page.querySelectorAll('link[rel="stylesheet"]')) {
    const href = new URL(link.getAttribute("href"), base).href;
    if (have.has(href)) continue;
    const sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = href;
    loads.push(
      new Promise((resolve, reject) => {
        sheet.addEventListener("load", resolve, { once: true });
        sheet.addEventListener("error", () => reject(new Error(`${href} did not load`)), { once: true });
      }),
    );
    document.head.append(sheet);
  }
  return Promise.all(loads);
}

/** Copy the player dialog, its words, its options and this spot's details from the play page. */
async function borrowPlayer(panel) {
  const response = await fetch(panel.dataset.playerPage, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`play page answered ${response.status}`);
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  await borrowStyles(page, response.url);
  const dialog = page.querySelector("dialog.player");
  const words = page.getElementById("routine-words");
  const info = page.querySelector(`template.spot-info[data-spot="${panel.dataset.spot}"]`);
  if (!dialog || !words || !info) throw new Error("the play page has no player");
  // The guide's own figure already uses the diagram's title id: the player's copy gets its own.
  for (const el of info.content.querySelectorAll("[id], [aria-labelledby]")) {
    if (el.id) el.id = `player-${el.id}`;
    const label = el.getAttribute("aria-labelledby");
    if (label) el.setAttribute("aria-labelledby", `player-${label}`);
  }
  const catalogBox = document.createElement("div");
  catalogBox.className = "spot-catalog";
  catalogBox.hidden = true;
  catalogBox.append(document.importNode(info, true));
  const main = document.getElementById("main") || document.body;
  main.append(document.importNode(words, true), catalogBox, document.importNode(dialog, true));
  const options = page.querySelector(".player-launch .player-options");
  if (options) panel.querySelector(".treat-actions").after(document.importNode(options, true));
}

/** Return the session the reader chose: one step per round, with the guide's time per side. */
function chosenSteps(panel) {
  const step = {
    spot: Number(panel.dataset.spot),
    tool: panel.querySelector('input[name="treat-tool"]:checked').value,
    side: panel.querySelector('input[name="treat-side"]:checked').value,
    seconds: Number(panel.dataset.seconds),
  };
  return Array.from({ length: Number(panel.dataset.rounds) }, () => ({ ...step }));
}

/** Save the chosen session as one of the reader's own routines. */
async function saveAsRoutine(panel) {
  const status = panel.querySelector(".treat-status");
  try {
    const routine = checkRoutine({ name: panel.dataset.name, steps: chosenSteps(panel) }, catalog());
    await saveRoutine(routine);
    status.textContent = t("shared-saved");
  } catch {
    status.textContent = t("error-storage");
  }
}

/** Hand the session to the player, keeping its steps in step with the reader's choices. */
export async function preparePlayer(panel) {
  await borrowPlayer(panel);
  const dose = panel.querySelector(".treat-dose");
  dose.textContent = fill(dose.dataset.template, { time: duration(Number(panel.dataset.seconds)) });
  const steps = chosenSteps(panel);
  // The player reads its steps when Start is pressed, so the same list is updated in place;
  // the session's routine id names the spot, tool and side for the history and the report.
  panel.addEventListener("change", () => steps.splice(0, steps.length, ...chosenSteps(panel)));
  const key = `spot-${panel.dataset.spot}`;
  setupPlayer({ name: panel.dataset.name, routineId: () => quickId(steps), steps, key });
  panel.querySelector(".treat-save").addEventListener("click", () => saveAsRoutine(panel));
}
