// Knotwise service worker: keeps each language's pages on the device and opens them from there.
// The server puts the precache list in front of this file as self.PRECACHE (webapp/pwa/):
// {version, shared: [entry], languages: {code: [entry]}}, entry = {url, hash, kind, size}.

const PREFIX = "knotwise-precache-";
const { version: VERSION, shared: SHARED, languages: LANGUAGES } = self.PRECACHE;
const CACHE = PREFIX + VERSION;
const HASH = "x-knotwise-hash"; // stored with each copy: the hash of its bytes
const CHOICE = "knotwise-choice"; // the language the reader chose last (static/js/offline/language.js)
const CHOICE_KEY = "/language-choice";
const UPDATE_EVERY_MS = 60 * 1000; // a background look for a new version, at most this often
const PARALLEL = 4;
const KNOWN = new Set([SHARED, ...Object.values(LANGUAGES)].flat().map((e) => e.url));
// Which window got its page from the network: its un-hashed module imports then do too, so a
// fresh page never runs with modules of an older version.
const pageSources = new Map();
const saving = new Map(); // language -> the save in progress
let lastUpdateCheck = 0;

self.addEventListener("install", (event) => event.waitUntil(install()));
self.addEventListener("activate", (event) => event.waitUntil(activate()));
self.addEventListener("fetch", onFetch);
self.addEventListener("message", onMessage);

/** Return everything a language needs offline: its pages and the shared files. */
function entriesOf(lang) {
  return [...SHARED, ...LANGUAGES[lang]];
}

/** Return the language of a path such as /en/spots/, or null. */
function langOf(path) {
  const match = /^\/([a-z]{2})(\/|$)/.exec(path);
  return match && LANGUAGES[match[1]] ? match[1] : null;
}

/** Return the URL of the one page of a language with this kind (home, offline). */
function pageOf(lang, kind) {
  return LANGUAGES[lang].find((e) => e.kind === kind)?.url;
}

function isQuota(error) {
  return error?.name === "QuotaExceededError";
}

/** Return the short hex SHA-256 of some bytes, as the server computes it. */
async function hashOf(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return [...digest.slice(0, 6)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Tell every window of the app (controlled or not yet) how saving goes. */
async function tell(message) {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of windows) client.postMessage(message);
}

/** Return whether a cache holds exactly this entry's bytes. */
async function holds(cache, entry) {
  const copy = await cache.match(entry.url);
  return copy?.headers.get(HASH) === entry.hash;
}

/** Fetch one entry, check its bytes against the list and return the copy to keep. */
async function download(entry) {
  const source = entry.kind === "asset" ? `${entry.url}?v=${entry.hash}` : entry.url;
  const response = await fetch(source, { cache: entry.kind === "asset" ? "default" : "no-cache" });
  if (response.status !== 200) throw new Error(`${entry.url}: status ${response.status}`);
  const body = await response.arrayBuffer();
  if ((await hashOf(body)) !== entry.hash) throw new Error(`${entry.url}: changed on the server`);
  const headers = new Headers(response.headers);
  for (const name of ["content-encoding", "content-length", "vary"]) headers.delete(name);
  headers.set(HASH, entry.hash);
  return new Response(body, { status: 200, statusText: "OK", headers });
}

/** Return an unchanged copy of an entry from an older version's cache, if there is one. */
async function reuse(olderCaches, entry) {
  for (const cache of olderCaches) {
    const copy = await cache.match(entry.url);
    if (copy?.headers.get(HASH) === entry.hash) return copy;
  }
  return null;
}

async function olderCaches() {
  const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CACHE);
  return Promise.all(names.map((name) => caches.open(name)));
}

/**
 * Put every missing entry in the cache: unchanged ones copied from an older version, the rest
 * fetched. Return the entries that failed; a full disk stops everything and is thrown.
 */
async function fill(cache, entries, onSaved = () => {}) {
  const older = await olderCaches();
  const queue = [];
  for (const entry of entries) if (!(await holds(cache, entry))) queue.push(entry);
  const failed = [];
  let quota = null;
  async function worker() {
    while (queue.length && !quota) {
      const entry = queue.shift();
      try {
        const copy = (await reuse(older, entry)) || (await download(entry));
        await cache.put(entry.url, copy);
        onSaved(entry);
      } catch (error) {
        if (isQuota(error)) quota = error;
        else failed.push(entry);
      }
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  if (quota) throw quota;
  return failed;
}

/** Return the languages that have pages in any of this app's caches: the ones to keep. */
async function keptLanguages() {
  const kept = new Set();
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX)) continue;
    for (const request of await (await caches.open(name)).keys()) {
      const lang = langOf(new URL(request.url).pathname);
      if (lang) kept.add(lang);
    }
  }
  return [...kept];
}

/** Install a version: the shared files and every language kept so far, all or nothing. */
async function install() {
  try {
    const cache = await caches.open(CACHE);
    const langs = await keptLanguages();
    const entries = [...SHARED, ...langs.flatMap((lang) => LANGUAGES[lang])];
    const failed = await fill(cache, entries);
    // A half-saved version never takes over: the one in use stays until this can complete.
    if (failed.length) throw new Error(`could not save ${failed.map((e) => e.url).join(", ")}`);
  } catch (error) {
    if (isQuota(error)) await tell({ type: "update-failed", reason: "quota" });
    throw error;
  }
}

/** Take over: delete this app's caches of other versions, nothing else. */
async function activate() {
  const names = await caches.keys();
  await Promise.all(
    names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
  );
  await self.clients.claim();
}

/** Save one language for offline use, telling the windows the count as it grows. */
async function saveLanguage(lang) {
  const entries = entriesOf(lang);
  const guides = entries.filter((e) => e.kind === "guide");
  const report = (state, saved) => tell({ type: "saving", lang, state, saved, total: guides.length });
  let cache;
  try {
    cache = await caches.open(CACHE);
  } catch {
    return report("refused", 0);
  }
  const countSaved = async () => {
    let n = 0;
    for (const guide of guides) if (await holds(cache, guide)) n += 1;
    return n;
  };
  let saved = await countSaved();
  try {
    if (saved < guides.length) await report("saving", saved);
    const failed = await fill(cache, entries, (entry) => {
      if (entry.kind === "guide") report("saving", (saved += 1));
    });
    return report(failed.length ? "partial" : "saved", await countSaved());
  } catch (error) {
    return report(isQuota(error) ? "quota" : "partial", await countSaved());
  }
}

function onMessage(event) {
  const { type, lang } = event.data || {};
  if (type === "skip-waiting") {
    self.skipWaiting();
  } else if (type === "save" && LANGUAGES[lang]) {
    if (!saving.has(lang)) saving.set(lang, saveLanguage(lang).finally(() => saving.delete(lang)));
    event.waitUntil(saving.get(lang));
  }
}

function onFetch(event) {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(event, url));
  } else if (url.pathname.startsWith("/static/")) {
    event.respondWith(staticFile(event, url));
  } else if (KNOWN.has(url.pathname)) {
    event.respondWith(cacheFirst(request, url));
  }
}

/** Return the saved URL a navigation stands for: the page itself, or a spot's full address. */
function savedPath(url) {
  const path = /^\/[a-z]{2}$/.test(url.pathname) ? `${url.pathname}/` : url.pathname;
  if (KNOWN.has(path)) return path;
  // A spot's short address (/en/spots/7, in shared and printed links) or an old slug: the
  // server would redirect to the guide's one address, so the worker can too.
  const lang = langOf(path);
  const spot = lang && /^\/[a-z]{2}\/spots\/(\d+)(?:-[^/]*)?$/.exec(path);
  if (!spot) return null;
  const prefix = `/${lang}/spots/${Number(spot[1])}-`;
  return LANGUAGES[lang].find((e) => e.kind === "guide" && e.url.startsWith(prefix))?.url || null;
}

/** Return the saved copy of a page; the query is ignored, so /en/?region=chest works too. */
async function savedPage(url) {
  const path = savedPath(url);
  if (!path) return null;
  const copy = await (await caches.open(CACHE)).match(path);
  if (!copy) return null;
  const asked = /^\/[a-z]{2}$/.test(url.pathname) ? `${url.pathname}/` : url.pathname;
  return path === asked ? copy : Response.redirect(path, 301);
}

/** Return the language the reader chose last: kept by the page in Cache Storage, or its cookie. */
async function chosenLanguage() {
  try {
    const kept = await (await caches.open(CHOICE)).match(CHOICE_KEY);
    const lang = kept && langOf(`/${await kept.text()}/`);
    if (lang) return lang;
    const cookie = await self.cookieStore?.get("lang");
    return langOf(`/${cookie?.value}/`);
  } catch {
    return null;
  }
}

/**
 * Return the offline page for a URL that is not saved: in its language when that language is
 * saved, else in a saved one (that page then says the asked-for language is not saved yet).
 */
async function offlinePage(url) {
  const cache = await caches.open(CACHE);
  const wanted = langOf(url.pathname);
  for (const lang of [wanted, await chosenLanguage(), ...Object.keys(LANGUAGES)]) {
    if (!lang) continue;
    const page = await cache.match(pageOf(lang, "offline"));
    if (!page) continue;
    if (url.pathname === "/" && (await cache.match(pageOf(lang, "home")))) {
      return Response.redirect(pageOf(lang, "home"), 302);
    }
    return page;
  }
  return null;
}

/** Look for a newer version in the background; a new worker makes the page offer the update. */
async function checkForUpdate() {
  if (Date.now() - lastUpdateCheck < UPDATE_EVERY_MS) return;
  lastUpdateCheck = Date.now();
  try {
    await self.registration.update();
  } catch {
    // Offline or a hung network: the next navigation tries again.
  }
}

/** Note where a window's page came from (see staticFile), forgetting the oldest. */
function noteSource(event, from) {
  pageSources.set(event.resultingClientId, from);
  if (pageSources.size > 50) pageSources.delete(pageSources.keys().next().value);
}

/**
 * Navigations: a saved page at once from the device (a newer version is looked for in the
 * background); the start address "/" to the language chosen last; anything else from the
 * network, then the offline page.
 */
async function navigate(event, url) {
  const saved = await savedPage(url);
  if (saved) {
    event.waitUntil(checkForUpdate());
    noteSource(event, "cache");
    return saved;
  }
  if (url.pathname === "/") {
    // The start address: the language chosen last, when it is saved (else the server decides
    // by its cookie, and offline a saved language opens).
    const lang = await chosenLanguage();
    const home = lang && pageOf(lang, "home");
    if (home && (await (await caches.open(CACHE)).match(home))) return Response.redirect(home, 302);
  }
  try {
    const response = await fetch(event.request);
    noteSource(event, "network");
    return response;
  } catch {
    noteSource(event, "cache");
    return (await offlinePage(url)) || Response.error();
  }
}

/** Static files: by hashed URL from the cache; un-hashed module imports as their page came. */
async function staticFile(event, url) {
  const cache = await caches.open(CACHE);
  const copy = await cache.match(url.pathname);
  const version = url.searchParams.get("v");
  if (version) return copy?.headers.get(HASH) === version ? copy : fetch(event.request);
  if (copy && pageSources.get(event.clientId) !== "network") return copy;
  try {
    return await fetch(event.request);
  } catch (error) {
    if (copy) return copy;
    throw error;
  }
}

async function cacheFirst(request, url) {
  const cache = await caches.open(CACHE);
  return (await cache.match(url.pathname)) || fetch(request);
}
