// Offline: register the service worker, say honestly what is saved, and keep the saved copy.
let persistence = null;

/** Return the page's text for a key (rendered by the server in the page's language). */
function text(key, values = {}) {
  const node = document.getElementById("offline-text")?.content.querySelector(`[data-key="${key}"]`);
  const template = node ? node.textContent : "";
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
}

const QUIET_AFTER_MS = 6000;
const TOLD_KEY = "knotwise.offline-told";

/** Return whether the reader was already told that this language is saved for offline. */
function alreadyTold(lang) {
  try {
    return (localStorage.getItem(TOLD_KEY) || "").split(" ").includes(lang);
  } catch {
    return false;
  }
}

/** Remember that the reader has seen "all saved" for this language (once is enough). */
function rememberTold(lang) {
  try {
    const told = new Set((localStorage.getItem(TOLD_KEY) || "").split(" ").filter(Boolean));
    told.add(lang);
    localStorage.setItem(TOLD_KEY, [...told].join(" "));
  } catch {
    // Storage refused: the line simply shows again next time.
  }
}

/** Write one line of the status area: "saved" (what is offline), "note" (storage) or
 * "offline" (no connection). Lines float over the page's foot, so they move nothing; a line
 * that is not "offline" steps aside after a few seconds, and a quiet one is never shown. */
function showLine(role, message, { quiet = false, lasting = false } = {}) {
  const status = document.getElementById("app-status");
  if (!status) return;
  let line = status.querySelector(`[data-line="${role}"]`);
  if (!line) {
    line = document.createElement("span");
    line.className = `app-status-line app-status-${role}`;
    line.dataset.line = role;
    if (role === "saved") status.prepend(line);
    else status.append(line);
  }
  clearTimeout(line.quietTimer);
  line.hidden = quiet;
  line.textContent = message;
  if (!quiet && !lasting) {
    line.quietTimer = setTimeout(() => {
      line.hidden = true;
    }, QUIET_AFTER_MS);
  }
}

/** Say in one short line, for as long as it lasts, that the device has no connection. */
function showConnection() {
  const update = () => {
    if (navigator.onLine) document.querySelector('#app-status [data-line="offline"]')?.remove();
    else showLine("offline", text("offline"), { lasting: true });
  };
  window.addEventListener("online", update);
  window.addEventListener("offline", update);
  update();
}

/** Show how saving the page's language for offline use goes. */
function showSaving({ state, saved, total }) {
  const status = document.getElementById("app-status");
  if (!status) return;
  // The page knows how many guides there are: fewer saved is never "all saved".
  const guides = Number(document.getElementById("offline-text")?.dataset.guides || total);
  if (state === "saved" && saved < guides) state = "partial";
  status.dataset.state = state;
  // Counting up is shown, but announced once: at the end, not at every guide.
  status.setAttribute("aria-busy", String(state === "saving"));
  const count = text(state === "saving" ? "saving" : "saved", { saved, total });
  const messages = {
    saving: count,
    saved: count,
    partial: `${count}. ${text("partial")}`,
    quota: `${count}. ${text("quota")}`,
    refused: text("refused"),
    unsupported: text("unsupported"),
  };
  // Progress is news once: after "all saved" has been seen, later visits keep it quiet.
  const lang = document.documentElement.lang;
  const progress = state === "saving" || state === "saved";
  showLine("saved", messages[state] || count, { quiet: progress && alreadyTold(lang) });
  if (state === "saved") rememberTold(lang);
}

/** Return whether Knotwise already runs as an installed app. */
export function installed() {
  return window.matchMedia("(display-mode: standalone)").matches || navigator.standalone === true;
}

/** Return whether this is Safari on an iPhone or iPad (which has no install prompt). */
function appleMobileSafari() {
  const ua = navigator.userAgent;
  const apple =
    /iPhone|iPad|iPod/.test(ua) || (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);
  return apple && /Safari\//.test(ua) && !/CriOS|FxiOS|EdgiOS|OPiOS/.test(ua);
}

/** Offer to install where it makes sense; the offer's code loads only then. */
function offerInstall() {
  if (installed()) return;
  window.addEventListener("beforeinstallprompt", (event) => {
    event.preventDefault(); // our own button asks, at a calmer moment than page load
    import("./install.js").then((install) => install.offerPrompt(event));
  });
  if (appleMobileSafari()) import("./install.js").then((install) => install.offerSteps());
}

/** Ask the browser to keep the offline copy through storage clean-ups, and say what it said. */
export function requestPersistence() {
  persistence ||= askPersistence();
  return persistence;
}

async function askPersistence() {
  if (!navigator.storage?.persist) return false;
  let kept = false;
  try {
    kept = (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    kept = false;
  }
  showLine("note", text(kept ? "persisted" : "not-persisted"));
  return kept;
}

/** Ask to keep the copy once the reader uses a routine (the player marks the page busy). */
function persistWhenRoutineStarts() {
  const check = () => {
    if (document.body.dataset.busy === "routine") requestPersistence();
  };
  new MutationObserver(check).observe(document.body, { attributeFilter: ["data-busy"] });
  check();
}

/** On the offline page: say when its language is not saved, and keep the switcher useful. */
function explainOfflinePage() {
  if (document.body.id !== "page-offline") return;
  const wanted = window.location.pathname.split("/")[1];
  const notice = document.querySelector(`[data-missing-lang="${CSS.escape(wanted)}"]`);
  if (notice) {
    notice.hidden = false;
    for (const line of document.querySelectorAll(".offline-this-page")) line.hidden = true;
    if ("serviceWorker" in navigator) {
      import("./save-later.js").then((later) => later.offerSaveLater(notice));
    }
  }
  // This page stands in for the address asked for: each language links to that address.
  const { pathname, search } = window.location;
  for (const link of document.querySelectorAll(".language-switcher a[data-lang]")) {
    link.href = pathname.replace(/^\/[a-z]{2}(?=\/|$)/, `/${link.dataset.lang}`) + search;
  }
}

/** Register the service worker and save the page's language for offline use. */
export async function setUpOffline() {
  explainOfflinePage();
  showConnection();
  offerInstall();
  // Only the installed app is launched (see the manifest's launch_handler): a browser tab never
  // is, so it does not load the code.
  if ("launchQueue" in window && installed()) import("./launch.js").then((m) => m.handleLaunches());
  window.addEventListener("appinstalled", () => requestPersistence());
  if (!("serviceWorker" in navigator) || !window.caches) {
    showSaving({ state: "unsupported" });
    return;
  }
  const lang = document.documentElement.lang;
  navigator.serviceWorker.addEventListener("message", (event) => {
    const message = event.data || {};
    if (message.type === "saving" && message.lang === lang) showSaving(message);
    if (message.type === "update-failed" && message.reason === "quota") {
      // A first install that does not fit saves nothing; a later one leaves the old copy.
      if (navigator.serviceWorker.controller) showLine("note", text("quota"));
      else showSaving({ state: "quota", saved: 0 });
    }
  });
  navigator.serviceWorker.startMessages();
  let registration;
  try {
    registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  } catch (error) {
    // Refused (storage or workers blocked) or not reached (the worker script did not load).
    showSaving({ state: error?.name === "SecurityError" ? "refused" : "partial", saved: 0 });
    return;
  }
  // Updates only matter to a page a worker controls (the first visit's page, once claimed).
  const watchUpdates = () => import("./update.js").then((u) => u.setUpUpdates(registration));
  if (navigator.serviceWorker.controller) watchUpdates();
  else navigator.serviceWorker.addEventListener("controllerchange", watchUpdates, { once: true });
  persistWhenRoutineStarts();
  if (installed()) requestPersistence();
  const ready = await navigator.serviceWorker.ready;
  ready.active?.postMessage({ type: "save", lang });
  // Languages the reader asked for while offline are saved once a connection is back.
  import("./save-later.js").then((later) => later.resumeSaving());
}
