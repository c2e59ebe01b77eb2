// A routine carried in a link's fragment (#share=…): never sent to the server.
import { InvalidData, checkRoutine } from "../checks.js";

const PREFIX = "#share=";
const MAX_LENGTH = 8000;

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** Return the link that carries a routine to whoever opens it. */
export function shareLink(routine, playUrl) {
  const compact = {
    v: 1,
    n: routine.name,
    s: routine.steps.map((s) => [s.spot, s.tool, s.side, s.seconds]),
  };
  const url = new URL(playUrl, window.location.href);
  url.hash = PREFIX.slice(1) + toBase64Url(JSON.stringify(compact));
  return url.href;
}

/** Return whether a fragment carries a shared routine. */
export function isShared(hash) {
  return hash.startsWith(PREFIX);
}

/** Read and check the routine in a #share= fragment; throw InvalidData when it is damaged. */
export function readShared(hash, catalog) {
  const payload = hash.slice(PREFIX.length);
  if (!payload || payload.length > MAX_LENGTH) throw new InvalidData("share");
  let compact;
  try {
    compact = JSON.parse(fromBase64Url(payload));
  } catch {
    throw new InvalidData("share");
  }
  if (!compact || compact.v !== 1 || !Array.isArray(compact.s)) throw new InvalidData("share");
  const steps = compact.s.map((s) =>
    Array.isArray(s) ? { spot: s[0], tool: s[1], side: s[2], seconds: s[3] } : null,
  );
  return checkRoutine({ name: compact.n, steps }, catalog, "share");
}
