// What the page says about each spot (name, guide link, tools, default cue, diagram, pictures).

/** Return the spot-info template of a spot, or null when the page does not carry it. */
function info(number) {
  return document.querySelector(`template.spot-info[data-spot="${Number(number)}"]`);
}

/** Return a spot's name, guide URL, tools and default cue. */
export function spot(number) {
  const el = info(number);
  if (!el) return null;
  return {
    number: Number(number),
    name: el.dataset.name,
    url: el.dataset.url,
    tools: el.dataset.tools.split(" "),
    cue: el.dataset.cue,
    side: el.dataset.side, // the usual side: centre where both sides are worked at once
    redFlags: (el.dataset.redFlags || "").split(" ").filter(Boolean), // red-flag sets
    maxHold: Number(el.dataset.maxHold) || null, // the longest hold a side its guide advises
  };
}

/** Return every spot's tools, keyed by number: what a valid routine may use ({tools}), and
 * the tools its guide no longer offers, each with the one a step saved with it plays instead
 * ({retired}: {old: new}). */
export function catalog() {
  const result = {};
  for (const el of document.querySelectorAll("template.spot-info")) {
    const pairs = (el.dataset.retired || "").split(" ").filter(Boolean);
    result[el.dataset.spot] = {
      tools: el.dataset.tools.split(" "),
      retired: Object.fromEntries(pairs.map((pair) => pair.split(":"))),
    };
  }
  return result;
}

/** Return a fresh copy of a spot's diagram; small ones are decorative. */
export function spotDiagram(number, { small = false } = {}) {
  const el = info(number);
  const svg = el && el.content.querySelector("svg");
  if (!svg) return null;
  const copy = svg.cloneNode(true);
  if (small) {
    copy.querySelector("title")?.remove();
    copy.removeAttribute("role");
    copy.removeAttribute("aria-labelledby");
    copy.setAttribute("aria-hidden", "true");
    copy.setAttribute("focusable", "false");
    copy.classList.add("diagram-small");
  }
  return copy;
}

/** Return a fresh copy of the picture of a spot's technique with a tool, or null. */
export function techniquePicture(number, tool) {
  const el = info(number);
  const svg = el && el.content.querySelector(`svg.technique[data-tool="${CSS.escape(tool)}"]`);
  return svg ? svg.cloneNode(true) : null;
}
