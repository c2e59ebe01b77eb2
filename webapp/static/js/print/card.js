// The printable routine card: its QR code and Print button, and for an own routine its steps
// and red flags (a built-in routine's card comes from the server).
import { spot, spotDiagram, techniquePicture } from "../spots.js";
import { totalSeconds } from "../player/timeline.js";
import { duration, number, stepHow } from "../words.js";
import { showQr } from "./qr.js";

/** Reveal the Print button: on paper the page is only its card (see routines.css, Print). */
function wirePrint() {
  const action = document.querySelector(".print-action");
  if (!action || !window.print) return;
  action.hidden = false;
  action.querySelector(".print-button").addEventListener("click", () => window.print());
}

/** Draw the card's QR code of a link. */
function drawQr(card, link) {
  card.dataset.cardLink = link;
  showQr(card.querySelector(".qr"), link, card.dataset.qrLabel);
}

/** Set up a built-in routine's card: its QR code opens the routine's page. */
export function builtInCard() {
  const card = document.querySelector(".print-card");
  if (!card) return;
  drawQr(card, new URL(card.dataset.cardLink, window.location.href).href);
  wirePrint();
}

/** Fill an own or shared routine's card; its QR code carries the routine's share link. */
export function ownCard(routine, link) {
  const card = document.querySelector(".print-card");
  if (!card) return;
  card.querySelector(".card-title").textContent = routine.name;
  card.querySelector(".card-time").textContent = duration(totalSeconds(routine.steps));
  const list = card.querySelector(".card-steps");
  const item = card.querySelector(".card-step-item");
  const flags = new Set();
  list.replaceChildren();
  for (const step of routine.steps) {
    const info = spot(step.spot);
    const li = item.content.firstElementChild.cloneNode(true);
    // The spot's diagram and, when the page has it, the picture of the step's tool
    const picture = techniquePicture(step.spot, step.tool);
    li.querySelector(".card-step-visual")
      .replaceWith(spotDiagram(step.spot, { small: true }), ...(picture ? [picture] : []));
    li.querySelector(".spot-number").textContent = number(step.spot);
    li.querySelector(".card-step-name").textContent = info.name;
    li.querySelector(".card-step-how").textContent = stepHow(step);
    list.append(li);
    for (const key of info.redFlags) flags.add(key);
  }
  for (const line of card.querySelectorAll(".card-flag")) {
    line.hidden = !flags.has(line.dataset.flag);
  }
  drawQr(card, link);
  wirePrint();
}
