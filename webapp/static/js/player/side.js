// The spot diagram for one side: the mark on the side being worked and none on the other.
// The body is never mirrored (on right-to-left pages neither): only the marks and shading move.
const MIDLINE = 100; // the figure stands centred on x = 100 (webapp/content/figure.py)

/** Return the body side ("left" or "right") a point is on, or null on the midline. */
function bodySide(x, view) {
  if (Math.abs(x - MIDLINE) < 1) return null;
  // Seen from the back the figure's left is on the viewer's left; seen from the front, the right.
  return (view === "back") === x < MIDLINE ? "left" : "right";
}

/** Mirror an element of the diagram across the midline (its x, and a rotation if it has one). */
function mirror(el) {
  const x = 2 * MIDLINE - Number(el.getAttribute("cx"));
  el.setAttribute("cx", String(x));
  const turn = /rotate\((-?[\d.]+) [\d.-]+ ([\d.-]+)\)/.exec(el.getAttribute("transform") || "");
  if (turn) el.setAttribute("transform", `rotate(${-Number(turn[1])} ${x} ${turn[2]})`);
}

/** Keep only the marks on one side of a front or back diagram, moving them there if needed. */
export function markSide(svg, side) {
  const view = svg.dataset.view;
  if (view !== "front" && view !== "back") return;
  const marks = [...svg.querySelectorAll(".spot-ring, .spot-dot")];
  const sideOf = (el) => bodySide(Number(el.getAttribute("cx")), view);
  if (marks.some((el) => sideOf(el) === side)) {
    for (const el of marks) if (sideOf(el) && sideOf(el) !== side) el.remove();
  } else {
    // The data marks the other side only: show the same spot, and its pain, on this side.
    for (const el of marks) if (sideOf(el)) mirror(el);
    for (const el of svg.querySelectorAll(".pain")) mirror(el);
    // A crop around one limb moves to the other one with it
    const [x, y, width, height] = svg.getAttribute("viewBox").split(" ").map(Number);
    svg.setAttribute("viewBox", `${2 * MIDLINE - x - width} ${y} ${width} ${height}`);
  }
  svg.dataset.side = side;
}
