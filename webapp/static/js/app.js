// Knotwise page enhancements: no framework, each feature a small module.
import { enhanceFinder } from "./finder.js";
import { rememberLanguageChoice } from "./language.js";

enhanceFinder();
rememberLanguageChoice();
