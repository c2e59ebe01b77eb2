// Remember the language a reader picks in the switcher, so "/" sends them back to it.
const YEAR = 365 * 24 * 3600;

/** Set the language cookie whenever a switcher link is followed. */
export function rememberLanguageChoice() {
  for (const link of document.querySelectorAll(".language-switcher a[data-lang]")) {
    link.addEventListener("click", () => {
      document.cookie = `lang=${link.dataset.lang}; path=/; max-age=${YEAR}; samesite=lax`;
    });
  }
}
