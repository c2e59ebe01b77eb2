// Routines, the player, own routines and history: each page loads only the module it needs.

/** Start the routine features of this page, if it has any. */
export async function enhanceRoutines() {
  const body = document.body.id;
  const pages = {
    "page-routines-index": "./own-list.js",
    "page-routines-routine": "./page.js",
    "page-routines-play": "./own-play.js",
    "page-routines-edit": "./editor.js",
    "page-routines-history": "./history.js",
    "page-routines-report": "../print/report.js",
  };
  if (!pages[body]) return;
  for (const note of document.querySelectorAll(".needs-js")) note.remove();
  const module = await import(pages[body]);
  await module.default();
}
