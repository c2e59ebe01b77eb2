// The reader's own routines on the routines page: play, edit, share, delete.
import { showQr } from "../print/qr.js";
import { shareLink } from "./share.js";
import { deleteRoutine, ownRoutines } from "../store.js";
import { totalSeconds } from "../player/timeline.js";
import { duration, fill, number, t } from "../words.js";

/** Share a routine's link: the system share sheet where there is one, else copy it. */
async function share(routine, card, section) {
  const link = shareLink(routine, section.dataset.playUrl);
  const panel = card.querySelector(".own-share-panel");
  const input = panel.querySelector(".own-share-link");
  input.value = link;
  const qr = panel.querySelector(".share-qr");
  showQr(qr.querySelector(".qr"), link, qr.dataset.qrLabel);
  panel.hidden = false;
  const status = section.querySelector(".own-status");
  if (navigator.share) {
    try {
      await navigator.share({ title: t("share-title", { name: routine.name }), url: link });
      return;
    } catch {
      // Cancelled or refused: the link stays on screen to copy by hand.
    }
  }
  input.focus();
  input.select();
  try {
    await navigator.clipboard.writeText(link);
    status.textContent = t("link-copied");
  } catch {
    // No clipboard access: the selected link is there to copy.
  }
}

/** Draw the list of own routines from device storage. */
async function render(section) {
  const list = section.querySelector(".own-list");
  const routines = await ownRoutines();
  const item = document.getElementById("own-item");
  const meta = document.getElementById("own-meta").content.textContent.trim();
  list.replaceChildren();
  for (const routine of routines) {
    const card = item.content.firstElementChild.cloneNode(true);
    card.dataset.routine = routine.id;
    card.querySelector(".own-name").textContent = routine.name;
    card.querySelector(".own-meta").textContent = fill(meta, {
      time: duration(totalSeconds(routine.steps)),
      count: number(routine.steps.length),
    });
    card.querySelector(".own-play").href = `${section.dataset.playUrl}#${routine.id}`;
    const edit = card.querySelector(".own-edit");
    edit.href = `${section.dataset.editUrl}#${routine.id}`;
    for (const button of card.querySelectorAll(".own-actions a, .own-actions button")) {
      button.setAttribute("aria-label", `${button.textContent.trim()}: ${routine.name}`);
    }
    card.querySelector(".own-share").addEventListener("click", () => share(routine, card, section));
    card.querySelector(".own-delete").addEventListener("click", async () => {
      if (!window.confirm(t("confirm-delete", { name: routine.name }))) return;
      await deleteRoutine(routine.id);
      await render(section);
      section.querySelector(".own-status").textContent = t("deleted", { name: routine.name });
      section.querySelector(".own-new").focus();
    });
    list.append(card);
  }
  list.hidden = routines.length === 0;
  section.querySelector(".own-empty").hidden = routines.length > 0;
}

/** Show the routine just saved in the editor (named by the address): bring it into view,
 * focus it and say it is saved, right there on its card. */
function showJustSaved(section) {
  const id = decodeURIComponent(window.location.hash.slice(1));
  const card = id && section.querySelector(`.own-card[data-routine="${CSS.escape(id)}"]`);
  if (!card) return;
  const note = document.createElement("p");
  note.className = "own-saved";
  note.id = `saved-${id}`;
  note.setAttribute("role", "status");
  note.textContent = t("shared-saved");
  card.querySelector(".own-play").after(note);
  card.classList.add("is-just-saved");
  const link = card.querySelector(".own-play");
  link.setAttribute("aria-describedby", note.id);
  const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  link.focus({ preventScroll: true });
  card.scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "center" });
  // Said once: a reload or a return to this page does not say it again.
  history.replaceState(history.state, "", window.location.pathname + window.location.search);
}

/** Show the reader's own routines on the routines page. */
export default async function enhanceOwnList() {
  const section = document.querySelector(".own-routines");
  section.querySelector(".own-body").hidden = false;
  await render(section);
  showJustSaved(section);
}
