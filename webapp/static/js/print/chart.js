// A small SVG trend chart of tenderness before and after each session (0 to 10), for the
// clinician report; it reads in the page's direction and prints in ink as well as colour.
import { ratingScale } from "../chart-scale.js";
import { formatLocale, number } from "../words.js";

const SVG = "http://www.w3.org/2000/svg";
const known = (v) => v !== null && v !== undefined;

function el(name, attributes = {}) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

/** Return a chart of sessions' ratings (oldest first), labelled for screen readers. */
export function trendChart(points, label) {
  const width = 320;
  const height = 120;
  const pad = { side: 24, top: 8, bottom: 18 };
  const { x, y, rtl } = ratingScale(points.length, width, height, pad);
  const chart = el("svg", { viewBox: `0 0 ${width} ${height}`, class: "report-svg", role: "img" });
  chart.setAttribute("aria-label", label);
  // Positions are mirrored by hand for right-to-left pages, so anchors keep their LTR sense.
  chart.setAttribute("direction", "ltr");
  for (const v of [0, 5, 10]) {
    const grid = { x1: pad.side, x2: width - pad.side, y1: y(v), y2: y(v), class: "trend-grid" };
    chart.append(el("line", grid));
    const text = el("text", {
      x: rtl ? width - pad.side + 4 : pad.side - 4,
      y: y(v) + 4,
      class: "trend-axis",
      "text-anchor": rtl ? "start" : "end",
    });
    text.textContent = number(v);
    chart.append(text);
  }
  const day = new Intl.DateTimeFormat(formatLocale(), { day: "numeric", month: "short" });
  const ends = points.length > 1 ? [0, points.length - 1] : [0];
  for (const i of ends) {
    const anchor = points.length === 1 ? "middle" : (i === 0) !== rtl ? "start" : "end";
    const text = el("text", { x: x(i), y: height - 3, class: "trend-axis", "text-anchor": anchor });
    text.textContent = day.format(new Date(points[i].startedAt));
    chart.append(text);
  }
  for (const key of ["before", "after"]) {
    const dots = points.map((p, i) => [i, p[key]]).filter(([, v]) => known(v));
    if (dots.length > 1) {
      const line = dots.map(([i, v]) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
      chart.append(el("polyline", { points: line, class: `trend-line trend-${key}` }));
    }
    for (const [i, v] of dots) {
      // Before is a ring and after a filled dot, so the two read apart on grey paper too.
      chart.append(el("circle", { cx: x(i), cy: y(v), r: 3.5, class: `trend-dot trend-${key}` }));
    }
  }
  return chart;
}
