// Offline, a language not saved yet can be asked for: it is saved once a connection is back
// (on the next page opened, when the browser says it is online, or when the app is shown).
const PENDING = "knotwise-save-later";

/** Return the languages waiting to be saved. */
export function pending() {
  try {
    const list = JSON.parse(localStorage.getItem(PENDING) || "[]");
    return Array.isArray(list) ? list.filter((lang) => /^[a-z]{2}$/.test(lang)) : [];
  } catch {
    return [];
  }
}

function keep(list) {
  try {
    if (list.length) localStorage.setItem(PENDING, JSON.stringify(list));
    else localStorage.removeItem(PENDING);
  } catch {
    // Storage blocked: the wish lasts as long as this page.
  }
}

/** Ask the service worker to save every waiting language (it fails fast while offline). */
async function trySaving() {
  const worker = (await navigator.serviceWorker.ready).active;
  for (const lang of pending()) worker?.postMessage({ type: "save", lang });
}

/** Show one notice's state: the offer, "waiting for a connection" or "saved". */
function showState(notice, state) {
  for (const part of notice.querySelectorAll("[data-state]")) part.hidden = part.dataset.state !== state;
}

/** Save waiting languages as soon as possible, and forget each once it is saved. */
export function resumeSaving() {
  navigator.serviceWorker.addEventListener("message", (event) => {
    const { type, lang, state, saved, total } = event.data || {};
    if (type !== "saving" || state !== "saved" || saved < total || !pending().includes(lang)) return;
    keep(pending().filter((code) => code !== lang));
    const notice = document.querySelector(`[data-missing-lang="${CSS.escape(lang)}"]`);
    if (notice) showState(notice, "saved");
  });
  window.addEventListener("online", trySaving);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && pending().length) trySaving();
  });
  if (pending().length) trySaving();
}

/** On the offline page: offer to save the missing language when the connection is back. */
export function offerSaveLater(notice) {
  const lang = notice.dataset.missingLang;
  showState(notice, pending().includes(lang) ? "waiting" : "offer");
  notice.querySelector('[data-action="save-later"]')?.addEventListener("click", () => {
    if (!pending().includes(lang)) keep([...pending(), lang]);
    showState(notice, "waiting");
    notice.querySelector('[data-state="waiting"]').focus(); // the button it replaces had focus
    trySaving();
  });
}
