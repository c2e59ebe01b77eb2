// Knotwise page enhancements: no framework, each feature a small module.
import { enhanceFinder } from "./finder.js";
import { rememberLanguageChoice } from "./language.js";
import { setUpOffline } from "./offline.js";
import { enhanceReminders } from "./reminders.js";
import { enhanceRoutines } from "./routines.js";

enhanceFinder();
rememberLanguageChoice();
enhanceRoutines();
enhanceReminders();
setUpOffline();
