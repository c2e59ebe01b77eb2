// QR codes made on this device (vendored qrcode-generator), drawn as SVG through DOM calls so
// the strict CSP (no inline styles) holds and the code stays sharp on paper.
import qrcode from "../vendor/qrcode-generator.js";

const SVG = "http://www.w3.org/2000/svg";
const QUIET = 4; // the blank margin, in modules, that scanners need around the code

/** Return an SVG QR code of an ASCII text (a link), labelled for screen readers. */
export function qrSvg(text, label) {
  // Level M survives a crease or smudge on paper; type 0 picks the smallest size that fits.
  const code = qrcode(0, "M");
  code.addData(text, "Byte");
  code.make();
  const count = code.getModuleCount();
  const size = count + 2 * QUIET;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("class", "qr-code");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("shape-rendering", "crispEdges");
  svg.dataset.text = text;
  const paper = document.createElementNS(SVG, "rect");
  paper.setAttribute("width", size);
  paper.setAttribute("height", size);
  paper.setAttribute("fill", "#ffffff");
  // One path of unit squares: far lighter than a rect per module.
  const squares = [];
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (code.isDark(row, col)) squares.push(`M${col + QUIET} ${row + QUIET}h1v1h-1z`);
    }
  }
  const ink = document.createElementNS(SVG, "path");
  ink.setAttribute("d", squares.join(""));
  ink.setAttribute("fill", "#000000");
  svg.append(paper, ink);
  return svg;
}

/** Put a QR code of a link into a container, replacing what was there. */
export function showQr(container, link, label) {
  try {
    container.replaceChildren(qrSvg(link, label));
  } catch {
    // Too long for any QR size: the printed and on-screen link still carry it.
    container.replaceChildren();
  }
}
