// "Where does it hurt?": show a region's spots in place, without reloading the page.

/** Show the results for one region and mark it as chosen on the map and the list. */
function showRegion(region, { focus }) {
  const results = document.querySelectorAll(".region-result");
  let shown = null;
  for (const section of results) {
    const match = section.dataset.region === region;
    section.hidden = !match;
    if (match) shown = section;
  }
  for (const link of document.querySelectorAll(".region[data-region]")) {
    link.classList.toggle("is-chosen", link.dataset.region === region);
  }
  for (const link of document.querySelectorAll(".region-list a[data-region]")) {
    if (link.dataset.region === region) link.setAttribute("aria-current", "true");
    else link.removeAttribute("aria-current");
  }
  if (shown && focus) {
    const heading = shown.querySelector("h2");
    heading.focus({ preventScroll: true });
    const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    shown.scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "start" });
  }
}

/** Make region links on the home page show their results in place. */
export function enhanceFinder() {
  if (!document.querySelector(".region-result")) return;
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-region]");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    const region = link.dataset.region;
    const url = new URL(window.location.href);
    url.searchParams.set("region", region);
    url.hash = "results";
    history.pushState({ region }, "", url);
    showRegion(region, { focus: true });
  });
  // The invisible hit areas lie over the drawing: pointing at one lights its region.
  for (const type of ["pointerover", "pointerout"]) {
    document.addEventListener(type, (event) => {
      const hit = event.target.closest?.(".region-hit");
      if (!hit) return;
      const svg = hit.closest("svg");
      for (const region of svg.querySelectorAll(`.region[data-region="${hit.dataset.region}"]`)) {
        region.classList.toggle("is-pointed", type === "pointerover");
      }
    });
  }
  const fromAddress = () => new URL(window.location.href).searchParams.get("region");
  window.addEventListener("popstate", () => showRegion(fromAddress(), { focus: false }));
  // A page kept for offline use was saved with no region chosen: show the address's one. An
  // address ending in #results is a region link followed before this script ran (a slow
  // connection): focus goes to the results heading, as when the results open in place.
  if (fromAddress()) showRegion(fromAddress(), { focus: window.location.hash === "#results" });
}
