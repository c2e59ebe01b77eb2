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

/** With large text the menu is a row that scrolls sideways: a link reached by keyboard comes
 * wholly into view, clear of the row's faded end (the browser would leave it half shown). */
function keepFocusedMenuLinkInView() {
  document.querySelector(".site-nav ul")?.addEventListener("focusin", (event) => {
    event.target.scrollIntoView({ block: "nearest", inline: "nearest" });
  });
}

rememberLanguageChoice();
keepFocusedMenuLinkInView();
pageModule(document.body.id)?.();
setUpOffline();
