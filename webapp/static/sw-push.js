// Knotwise reminders in the service worker: show each push as a notification, open the routine
// when it is tapped, and keep the server's copy of the subscription current.
// A classic script that /sw.js pulls in with importScripts(); it needs nothing from sw.js, and
// everything is inside one function so its names cannot clash with sw.js's.
// The server's payload (Declarative Web Push JSON, which Safari shows without this script) names
// no routine: it carries an opaque reminder id, and the reminders page stored, in IndexedDB on
// this device, which routine (name and address) each id is for.
(() => {
  const DB_NAME = "knotwise-reminders";
  const STORE = "state";
  const KEY = "current";
  const ICON = "/static/img/icon-192.png";
  const BADGE = "/static/img/badge-96.png";

  self.addEventListener("push", (event) => event.waitUntil(showReminder(event)));
  self.addEventListener("notificationclick", (event) => event.waitUntil(openRoutine(event)));
  self.addEventListener("pushsubscriptionchange", (event) =>
    event.waitUntil(renewSubscription(event)),
  );

  /** Open the reminders database (the page creates the same store). */
  function openDb() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  /** Read the reminders state the page saved, or null. */
  async function readState() {
    try {
      const db = await openDb();
      return await new Promise((resolve, reject) => {
        const request = db.transaction(STORE).objectStore(STORE).get(KEY);
        request.onsuccess = () => resolve(request.result || null);
        request.onerror = () => reject(request.error);
      });
    } catch {
      return null;
    }
  }

  /** Save the reminders state (after a renewed subscription). */
  async function writeState(state) {
    const db = await openDb();
    await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, "readwrite");
      tx.objectStore(STORE).put(state, KEY);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  }

  /** Read the push's JSON; a broken or empty one still gets a notification. */
  function payloadOf(event) {
    try {
      const data = event.data ? event.data.json() : null;
      return data && typeof data === "object" ? data : {};
    } catch {
      return {};
    }
  }

  /** Return the notification a push describes: Declarative Web Push, or the older flat form. */
  function describe(data) {
    const declared =
      data.web_push === 8030 && data.notification && typeof data.notification === "object";
    const shown = declared ? data.notification : data;
    const extra = declared && shown.data && typeof shown.data === "object" ? shown.data : data;
    return {
      title: typeof shown.title === "string" ? shown.title : "",
      body: typeof shown.body === "string" ? shown.body : "",
      navigate: typeof shown.navigate === "string" ? shown.navigate : shown.url,
      lang: typeof shown.lang === "string" ? shown.lang : "",
      dir: ["ltr", "rtl"].includes(shown.dir) ? shown.dir : "auto",
      type: extra.type === "test" ? "test" : "reminder",
      id: typeof extra.id === "string" ? extra.id : null,
      titleNamed: typeof extra.title_named === "string" ? extra.title_named : null,
    };
  }

  /** Return a same-origin path, or the fallback for anything else. */
  function samePath(url, fallback) {
    try {
      const parsed = new URL(url, self.location.origin);
      if (parsed.origin === self.location.origin) return parsed.pathname + parsed.search + parsed.hash;
    } catch {
      // fall through
    }
    return fallback;
  }

  /** Show the notification for a push: always, whatever arrived. */
  async function showReminder(event) {
    const push = describe(payloadOf(event));
    const state = await readState();
    const strings = (state && state.strings) || {};
    const reminder = push.id && state && Array.isArray(state.reminders)
      ? state.reminders.find((r) => r.id === push.id)
      : null;
    let title = push.title || strings.title || "Knotwise";
    if (reminder && reminder.name && push.titleNamed) {
      title = push.titleNamed.replace("{routine}", reminder.name);
    }
    // The routine's own page when this device knows it; else where the push points (the
    // reminders page, which looks the id up), kept to this origin.
    const fallback = samePath(push.navigate || "/", "/");
    const url = reminder && reminder.url ? samePath(reminder.url, fallback) : fallback;
    await self.registration.showNotification(title, {
      body: push.body || strings.body || "",
      icon: ICON,
      badge: BADGE,
      lang: push.lang,
      dir: push.dir,
      tag: `knotwise-${push.type}-${push.id || "all"}`,
      renotify: true,
      timestamp: Date.now(),
      data: { url, id: push.id },
      navigate: new URL(url, self.location.origin).href, // Declarative Web Push browsers require it
    });
  }

  /** Focus a window already showing the routine, else any of ours, else open one. */
  async function openRoutine(event) {
    event.notification.close();
    const path = samePath(event.notification.data && event.notification.data.url, "/");
    const target = new URL(path, self.location.origin).href;
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const exact = windows.find((client) => client.url === target);
    if (exact) return exact.focus();
    const ours = windows.find((client) => "navigate" in client && client.frameType !== "nested");
    if (ours) {
      try {
        const navigated = await ours.navigate(target);
        if (navigated) return navigated.focus();
      } catch {
        // an uncontrolled window cannot be navigated from here: open a new one
      }
    }
    return self.clients.openWindow(target);
  }

  /** The browser replaced or dropped the subscription: tell the server, or forget it there. */
  async function renewSubscription(event) {
    const state = await readState();
    if (!state || !state.subscription || !state.key) return;
    const old = state.subscription;
    let fresh = event.newSubscription || null;
    if (!fresh) {
      try {
        fresh = await self.registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: state.key,
        });
      } catch {
        fresh = null;
      }
    }
    if (fresh) {
      const response = await fetch(state.subscribeUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ...state.body, subscription: fresh.toJSON() }),
      });
      if (response.ok) {
        const answer = await response.json();
        state.subscription = { id: answer.id, token: answer.token };
        await writeState(state);
        if (answer.id === old.id) return;
      }
    } else {
      state.subscription = null;
      await writeState(state);
    }
    await fetch(`${state.subscribeUrl}/${encodeURIComponent(old.id)}`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${old.token}` },
    });
  }
})();
