// What this device keeps about its reminders, in IndexedDB so the service worker
// (static/sw-push.js) can read it too. One record, "current":
// {reminders: [{id, routine, name, url, days, time, skip_until, next}], timezone, paused, lang,
//  subscription: {id, token} | null, key, subscribeUrl, body, strings: {title, body}}.
const DB_NAME = "knotwise-reminders";
const STORE = "state";
const KEY = "current";
const EMPTY = { reminders: [], paused: false, subscription: null, timezone: null };
let memory = null; // used when this browser offers no IndexedDB (some private modes)

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Read what this device keeps about its reminders. */
export async function loadState() {
  try {
    const db = await openDb();
    const stored = await new Promise((resolve, reject) => {
      const request = db.transaction(STORE).objectStore(STORE).get(KEY);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return { ...EMPTY, ...(stored || {}) };
  } catch {
    return { ...EMPTY, ...(memory || {}) };
  }
}

/** Keep the state on this device. */
export async function saveState(state) {
  try {
    const db = await openDb();
    await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, "readwrite");
      tx.objectStore(STORE).put(structuredClone(state), KEY);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  } catch {
    memory = structuredClone(state);
  }
}
