// "Treat this spot now" on a guide: opens the session choices; the player itself (and its
// modules) load only on the first press, so a guide's first visit stays light.

/** Turn the card's "Treat this spot now" link into a button that opens the session choices. */
export async function enhanceTreatNow() {
  const link = document.querySelector(".quick-card .treat-now");
  const panel = document.getElementById("treat-panel");
  if (!link || !panel) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "treat-now";
  button.textContent = link.textContent;
  button.setAttribute("aria-controls", panel.id);
  button.setAttribute("aria-expanded", "false");
  link.replaceWith(button);
  button.closest(".quick-start").hidden = false;
  let ready = null;
  button.addEventListener("click", async () => {
    if (!panel.hidden) {
      panel.hidden = true;
      button.setAttribute("aria-expanded", "false");
      return;
    }
    // The picture of the chosen tool loads with the choices, not with the page
    ready ||= Promise.all([
      import("./treat-session.js").then((m) => m.preparePlayer(panel)),
      import("./tool-picture.js").then((m) => m.showToolPicture(panel)),
    ]);
    try {
      await ready;
    } catch {
      // No player to borrow (never saved, and offline): the written guide still helps.
      window.location.assign(link.href);
      return;
    }
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    panel.querySelector("input:checked")?.focus({ preventScroll: true });
    bringIntoView(panel.querySelector(".player-start"));
  });
}

/** Scroll just enough that an element is wholly on screen, smoothly unless motion is reduced. */
function bringIntoView(element) {
  if (!element) return;
  const margin = 16; // a little room below, so the button does not sit on the screen's edge
  const box = element.getBoundingClientRect();
  const below = box.bottom + margin - window.innerHeight;
  const above = Math.min(0, box.top - margin);
  const by = below > 0 ? Math.min(below, box.top - margin) : above;
  if (!by) return;
  const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  window.scrollBy({ top: by, behavior: still ? "instant" : "smooth" });
}
