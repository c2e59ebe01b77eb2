// Remember the language a reader picks in the switcher, so "/" (the installed app's start
// address) opens it again: the server reads the cookie, the service worker offline reads the
// copy kept in Cache Storage (the cache name and key are the ones static/sw.js reads).
const YEAR = 365 * 24 * 3600;
const CHOICE = "knotwise-choice";
const CHOICE_KEY = "/language-choice";
const KEEP_WAIT_MS = 300; // the longest a switch waits for the choice to be kept

/** Keep the chosen language where the server and the service worker both find it. */
async function remember(lang) {
  document.cookie = `lang=${lang}; path=/; max-age=${YEAR}; samesite=lax`;
  try {
    const cache = await caches.open(CHOICE);
    await cache.put(CHOICE_KEY, new Response(lang, { headers: { "Content-Type": "text/plain" } }));
  } catch {
    // No Cache Storage (private browsing can block it): the cookie still serves when online.
  }
}

/** Return whether a choice was already kept for the service worker. */
async function remembered() {
  try {
    return Boolean(await (await caches.open(CHOICE)).match(CHOICE_KEY));
  } catch {
    return true; // nothing can be kept: nothing to add
  }
}

/** Keep the choice first, then follow the link (a page unloading may drop an unfinished write). */
async function follow(link) {
  const timeout = new Promise((resolve) => setTimeout(resolve, KEEP_WAIT_MS));
  await Promise.race([remember(link.dataset.lang), timeout]);
  window.location.assign(link.href);
}

/** Remember the language whenever a switcher link is followed. */
export function rememberLanguageChoice() {
  for (const link of document.querySelectorAll(".language-switcher a[data-lang]")) {
    link.addEventListener("click", (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        remember(link.dataset.lang); // a new tab or window: this page stays, no need to wait
        return;
      }
      event.preventDefault();
      follow(link);
    });
  }
  // Installed from a page in a language never picked: the app opens in that language.
  window.addEventListener("appinstalled", async () => {
    if (!(await remembered())) remember(document.documentElement.lang);
  });
}
