// What the lock screen and the system's media controls show while a session plays (Media
// Session): the routine, the step and the side, with play, pause, next and previous.
const session = () => ("mediaSession" in navigator ? navigator.mediaSession : null);
const ACTIONS = ["play", "pause", "nexttrack", "previoustrack"];
const OFF = ["seekto", "seekbackward", "seekforward", "stop"];

/** Set the handlers for the system's controls; each gets a function from `actions`. */
export function handleLockScreen(actions) {
  const media = session();
  if (!media) return;
  for (const name of [...ACTIONS, ...OFF]) {
    try {
      media.setActionHandler(name, actions[name] || null);
    } catch {
      // This browser does not know the action: nothing to set.
    }
  }
}

/** Show the routine, the step and the side, and whether the session is playing. */
export function showOnLockScreen({ title, artist, album, playing, duration, position }) {
  const media = session();
  if (!media || typeof MediaMetadata === "undefined") return;
  const artwork = [{ src: "/static/img/icon-192.png", sizes: "192x192", type: "image/png" }];
  media.metadata = new MediaMetadata({ title, artist, album, artwork });
  media.playbackState = playing ? "playing" : "paused";
  try {
    if (duration) media.setPositionState({ duration, position: Math.min(position, duration) });
  } catch {
    // An old browser without position state: the rest still shows.
  }
}

/** Take the session off the lock screen. */
export function clearLockScreen() {
  const media = session();
  if (!media) return;
  handleLockScreen({});
  media.metadata = null;
  media.playbackState = "none";
}
