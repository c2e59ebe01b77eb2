// The <audio> element that plays a session's track: started inside the reader's tap, kept at
// the session's position, and reporting pauses and plays that came from outside (the lock
// screen, headphones, a phone call) so the session can follow them.
import { renderTrack, silence } from "./track.js";

const DRIFT = 0.25; // seconds the track may be off the session's clock before it is moved
const TAIL_MS = 1500; // how long a finished session's track may sound on

export class SoundTrack {
  /** Make the (hidden) element inside the player; `on` has pause, play, ended and time. */
  constructor(host, on) {
    this.on = on;
    this.url = null;
    this.ready = false;
    this.swapping = false;
    this.round = 0; // counts sessions, so a track finished after its session ended is dropped
    this.audio = document.createElement("audio");
    this.audio.className = "player-track";
    this.audio.hidden = true;
    this.audio.preload = "auto";
    host.append(this.audio);
    this.audio.addEventListener("pause", () => {
      if (this.ready && !this.swapping && !this.audio.ended) this.on.pause();
    });
    this.audio.addEventListener("play", () => {
      if (this.ready && !this.swapping) this.on.play();
    });
    this.audio.addEventListener("ended", () => this.ready && this.on.ended());
    this.audio.addEventListener("timeupdate", () => this.ready && this.on.time());
  }

  /** Whether the track is sounding now (then it carries the cues, not the live chimes). */
  get playing() {
    return this.ready && !this.audio.paused && !this.audio.ended;
  }

  /** Start the element with a moment of silence while the tap lasts, so later plays are allowed. */
  prime() {
    this.stop();
    this.url = URL.createObjectURL(silence());
    this.audio.src = this.url;
    this.audio.play().catch(() => {});
  }

  /** Make the session's track and put it in the element; return whether it is there. */
  async load(parts) {
    const round = this.round;
    const blob = await renderTrack(parts).catch(() => null);
    if (!blob || round !== this.round) return false;
    this.swapping = true;
    this.release();
    this.url = URL.createObjectURL(blob);
    this.audio.src = this.url;
    await new Promise((resolve) => {
      this.audio.addEventListener("loadedmetadata", resolve, { once: true });
      this.audio.addEventListener("error", resolve, { once: true });
    });
    this.swapping = false;
    this.ready = !this.audio.error && round === this.round;
    return this.ready;
  }

  /** Move the track to a moment of the session (seconds) and play or pause it to match. */
  follow(seconds, running) {
    if (!this.ready) return;
    if (Math.abs(this.audio.currentTime - seconds) > DRIFT) this.audio.currentTime = seconds;
    if (running && this.audio.paused) {
      this.audio.play().catch(() => {
        this.ready = false; // refused: the live chimes take over
      });
    } else if (!running && !this.audio.paused) {
      this.audio.pause();
    }
  }

  /** Let go of the object URL (the track's memory). */
  release() {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = null;
  }

  /** Let the track's last moment (the "done" cue) sound out, then stop. */
  finishSoon() {
    this.round += 1;
    this.ready = false;
    const round = this.round;
    setTimeout(() => round === this.round && this.stop(), TAIL_MS);
  }

  /** Stop for good: silence, and free the track. */
  stop() {
    this.round += 1;
    this.ready = false;
    this.swapping = false;
    this.audio.pause();
    this.audio.removeAttribute("src");
    this.audio.load();
    this.release();
  }
}
