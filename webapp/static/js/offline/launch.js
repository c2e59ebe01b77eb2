// Launching the installed app again focuses its open window (manifest launch_handler
// "focus-existing"): the reader's place is kept, but a shortcut's page is opened there.

/** Open what a launch asked for, unless it is the start address or this very page. */
function openLaunched(params) {
  if (!params.targetURL) return;
  const target = new URL(params.targetURL);
  if (target.origin !== window.location.origin || target.pathname === "/") return;
  if (target.href === window.location.href) return;
  window.location.assign(target.href);
}

/** Handle launches of the installed app into this window. */
export function handleLaunches() {
  window.launchQueue?.setConsumer(openLaunched);
}
