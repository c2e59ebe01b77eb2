// Play an own routine (#own-…) or a shared one (#share=…): everything comes from the device
// or the link, so this page works offline and the server never sees the routine.
import { setupPlayer } from "../player/player.js";
import { ownCard } from "../print/card.js";
import { isShared, readShared, shareLink } from "./share.js";
import { catalog, spot, spotDiagram } from "../spots.js";
import { currentStep } from "../checks.js";
import { ownRoutine, saveRoutine } from "../store.js";
import { totalSeconds } from "../player/timeline.js";
import { duration, fill, number, stepHow, t } from "../words.js";

/** Draw the routine's name, total time and steps. */
function render(article, routine) {
  const title = article.querySelector(".own-title");
  title.textContent = routine.name;
  document.title = document.title.replace(/^[^·]*/, `${routine.name} `);
  article.querySelector(".routine-total").textContent = duration(totalSeconds(routine.steps));
  const count = document.getElementById("step-count").content.textContent.trim();
  article.querySelector(".routine-count").textContent = fill(count, {
    count: number(routine.steps.length),
  });
  const list = article.querySelector(".routine-steps");
  const item = document.getElementById("step-item");
  list.replaceChildren();
  for (const step of routine.steps) {
    const info = spot(step.spot);
    const li = item.content.firstElementChild.cloneNode(true);
    li.querySelector(".routine-step-visual").replaceWith(spotDiagram(step.spot, { small: true }));
    li.querySelector("a").href = info.url;
    li.querySelector(".spot-number").textContent = number(step.spot);
    li.querySelector(".routine-step-name").textContent = info.name;
    li.querySelector(".routine-step-how").textContent = stepHow(step);
    li.querySelector(".routine-step-cue").textContent = info.cue;
    list.append(li);
  }
  article.querySelector(".own-body").hidden = false;
}

/** Return the routine as the guides now have it: no hold longer than its spot's guide advises,
 * no tool it no longer offers (a shared link, an import or an older copy can carry more than
 * the editor now allows, or a tool a guide has since dropped). */
function withinGuides(routine) {
  const spots = catalog();
  const steps = routine.steps.map((saved) => {
    const step = currentStep(saved, spots);
    const limit = spot(step.spot).maxHold;
    return limit && step.seconds > limit ? { ...step, seconds: limit } : step;
  });
  return { ...routine, steps };
}

function problem(article, message) {
  const box = article.querySelector(".own-problem");
  box.textContent = message;
  box.hidden = false;
}

/** Offer to save a routine that arrived in a shared link. */
function offerToSave(article, routine) {
  const offer = article.querySelector(".shared-offer");
  const button = offer.querySelector(".shared-save");
  const status = offer.querySelector(".shared-status");
  offer.hidden = false;
  article.querySelector(".own-links").hidden = true;
  button.addEventListener("click", async () => {
    try {
      const saved = await saveRoutine(routine);
      history.replaceState(null, "", `#${saved.id}`);
      button.hidden = true;
      status.textContent = t("shared-saved");
      const edit = article.querySelector(".own-edit");
      edit.href = `${article.dataset.editUrl}#${saved.id}`;
      article.querySelector(".own-links").hidden = false;
    } catch {
      status.textContent = t("error-storage");
    }
  });
}

/** Show and make playable the routine named in the address. */
export default async function enhanceOwnPlay() {
  const article = document.querySelector(".own-routine");
  const hash = window.location.hash;
  window.addEventListener("hashchange", () => window.location.reload());
  let routine = null;
  if (isShared(hash)) {
    try {
      routine = readShared(hash, catalog());
    } catch {
      return problem(article, t("shared-bad"));
    }
    offerToSave(article, routine);
  } else {
    routine = await ownRoutine(decodeURIComponent(hash.slice(1)));
    if (!routine) return problem(article, t("not-found"));
    article.querySelector(".own-edit").href = `${article.dataset.editUrl}#${routine.id}`;
  }
  routine = withinGuides(routine);
  render(article, routine);
  ownCard(routine, shareLink(routine, window.location.pathname));
  setupPlayer({
    name: routine.name,
    routineId: routine.id || null,
    steps: routine.steps.map((step) => ({ ...step, cue: spot(step.spot).cue })),
  });
}
