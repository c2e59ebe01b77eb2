// Updates: a new version installs in the background; the reader chooses when to reload.
const CHECK_EVERY_MS = 30 * 60 * 1000;

let accepted = false;

/** Return whether the reader is in the middle of something a reload would break. */
function busy() {
  return Boolean(document.body.dataset.busy);
}

/** Show the offer, in its plain or its "you are in a routine" form. */
function show(offer, form) {
  offer.hidden = false;
  offer.querySelector('[data-state="ready"]').hidden = form !== "ready";
  offer.querySelector('[data-state="busy"]').hidden = form !== "busy";
  offer.querySelector('[data-action="reload"]').hidden = form !== "ready";
  offer.querySelector('[data-action="reload-now"]').hidden = form !== "busy";
  offer.querySelector('[data-action="later"]').hidden = form !== "busy";
}

/** Switch to the new version: the waiting worker takes over, then the page reloads. */
function reload(registration) {
  accepted = true;
  if (registration.waiting) registration.waiting.postMessage({ type: "skip-waiting" });
  else window.location.reload(); // another window already switched: only this page is old
}

/** When the reader chose "after the routine", offer again once the routine has ended. */
function offerWhenIdle(offer) {
  const observer = new MutationObserver(() => {
    if (busy()) return;
    observer.disconnect();
    show(offer, "ready");
  });
  observer.observe(document.body, { attributeFilter: ["data-busy"] });
}

/** Offer updates as they arrive, and reload only when the reader says so. */
export function setUpUpdates(registration) {
  const offer = document.getElementById("update-offer");
  if (!offer) return;
  let hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (!hadController) {
      hadController = true; // the first worker took over this page: nothing has changed
    } else if (accepted) {
      window.location.reload();
    } else {
      show(offer, "ready"); // another window switched to the new version: ask here too
    }
  });
  const offerIfWaiting = () => {
    if (registration.waiting && navigator.serviceWorker.controller) show(offer, "ready");
  };
  const follow = (worker) => {
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed") offerIfWaiting();
    });
  };
  follow(registration.installing); // one may have started before this module loaded
  registration.addEventListener("updatefound", () => follow(registration.installing));
  offerIfWaiting();
  offer.querySelector('[data-action="reload"]').addEventListener("click", () => {
    if (busy()) show(offer, "busy");
    else reload(registration);
  });
  offer.querySelector('[data-action="reload-now"]').addEventListener("click", () => reload(registration));
  offer.querySelector('[data-action="later"]').addEventListener("click", () => {
    offer.hidden = true;
    offerWhenIdle(offer);
  });
  let checked = Date.now();
  const check = () => registration.update().catch(() => {}); // offline: try again later
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible" || Date.now() - checked < CHECK_EVERY_MS) return;
    checked = Date.now();
    check();
  });
  check();
}
