// A reminder's notification opens /<lang>/reminders#reminder=<id>: the id is opaque, so this
// device looks up which routine it is for and goes there. The server never learns the routine.

/** Return the reminder id named in the address, or null. */
export function remindedId(hash = window.location.hash) {
  const match = /^#reminder=([^&]+)$/.exec(hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** Go to the routine of the reminder in the address; return true when leaving this page. */
export function openRemindedRoutine(state) {
  const id = remindedId();
  if (!id) return false;
  const reminder = (state.reminders || []).find((r) => r.id === id);
  if (!reminder || !reminder.url) return false;
  const target = new URL(reminder.url, window.location.href);
  if (target.origin !== window.location.origin) return false;
  window.location.replace(target.href);
  return true;
}
