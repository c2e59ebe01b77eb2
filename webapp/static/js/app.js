// Knotwise page enhancements: no framework; each page loads only the module it needs.
import { rememberLanguageChoice } from "./offline/language.js";
import { setUpOffline } from "./offline/offline.js";

/** Return the loader of this page's own module (by its <body id>), if it has one. */
function pageModule(id) {
  if (id === "page-home") return () => import("./finder.js").then((m) => m.enhanceFinder());
  if (id === "page-reminders") {
    return () => import("./reminders/reminders.js").then((m) => m.enhanceReminders());
  }
  if (id === "page-spot") {
    return () => import("./spot/treat-now.js").then((m) => m.enhanceTreatNow());
  }
  if (id.startsWith("page-routines-")) {
    return () => import("./routines/routines.js").then((m) => m.enhanceRoutines());
  }
  return null;
}

rememberLanguageChoice();
pageModule(document.body.id)?.();
setUpOffline();
