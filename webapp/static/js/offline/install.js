// Install: the browser's own prompt where it offers one, clear steps on iPhone and iPad.
// Loaded only when there is something to offer (see offline.js).
const DISMISSED = "knotwise-install-dismissed";
const ASK_AGAIN_MS = 30 * 24 * 3600 * 1000;

let prompt = null;

/** Return whether the reader said "not now" recently. */
function dismissedRecently() {
  try {
    return Date.now() - Number(localStorage.getItem(DISMISSED) || 0) < ASK_AGAIN_MS;
  } catch {
    return false; // storage blocked: offering again is harmless
  }
}

/** Wire the "Not now" buttons and hide every offer once the app is installed. */
function wire() {
  const offers = document.querySelectorAll("#install-offer, #ios-install");
  const hide = () => {
    for (const offer of offers) offer.hidden = true;
  };
  for (const button of document.querySelectorAll('.app-offer [data-action="dismiss"]')) {
    button.addEventListener("click", () => {
      hide();
      try {
        localStorage.setItem(DISMISSED, String(Date.now()));
      } catch {
        // Storage blocked: the offer simply comes back next time.
      }
    });
  }
  window.addEventListener("appinstalled", hide);
  document.querySelector('#install-offer [data-action="install"]')?.addEventListener("click", async () => {
    document.getElementById("install-offer").hidden = true;
    const chosen = prompt;
    prompt = null;
    if (chosen) await chosen.prompt();
  });
}

let wired = false;
function once() {
  if (!wired) wire();
  wired = true;
}

/** Offer the Install button for the browser's own (deferred) install prompt. */
export function offerPrompt(event) {
  once();
  prompt = event;
  const offer = document.getElementById("install-offer");
  if (offer && !dismissedRecently()) offer.hidden = false;
}

/** Offer the "Add to Home Screen" steps, which Safari has instead of a prompt. */
export function offerSteps() {
  once();
  const steps = document.getElementById("ios-install");
  if (steps && !dismissedRecently()) steps.hidden = false;
}
