#!/usr/bin/env python3
"""Print what a 30-minute session's sound track costs on the device: render time and bytes.

Starts the app on loopback, opens a routine page in headless Chromium and renders, with the
player's own module (static/js/player/track.js), the track of a 30-minute session: 20 parts of
a 5-second lead-in and 85 seconds of pressing. Target: the track under 16 MB, made in under a
second (median of runs), so it is ready before the first lead-in ends.

Run: python3 bench/session_track.py [--runs 5]
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, LiveServer  # noqa: E402

SIZE_TARGET = 16 * 1024 * 1024
TIME_TARGET = 1.0
logging.getLogger("werkzeug").setLevel(logging.WARNING)
RENDER = """async () => {
  const { renderTrack } = await import("/static/js/player/track.js");
  const step = { spot: 1, tool: "thumb", side: "both", seconds: 85 };
  const parts = Array.from({ length: 20 }, (_, i) =>
    ({ step, index: i >> 1, side: i % 2 ? "right" : "left", seconds: 85,
       lead: i % 2 ? "switch" : "ready" }));
  const started = performance.now();
  const blob = await renderTrack(parts, 5);
  return { ms: performance.now() - started, bytes: blob.size };
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    server = LiveServer({"TESTING": True, "INSTANCE_PATH": tempfile.mkdtemp()}).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"{server.url}/en/routines/jaw-headache")
            results = [page.evaluate(RENDER) for _ in range(args.runs)]
            browser.close()
    finally:
        server.stop()
    size = results[0]["bytes"]
    took = median(r["ms"] for r in results) / 1000
    print("30-minute session track (8 kHz, 8-bit mono WAV)")
    print(f"  size:   {size / 1024 / 1024:.1f} MB  (target <= {SIZE_TARGET / 1024 / 1024:.0f} MB)")
    print(f"  render: {took * 1000:.0f} ms median of {args.runs}  (target <= {TIME_TARGET:.0f} s)")
    print(f"  the same at 48 kHz, 32-bit float: {30 * 60 * 48000 * 4 / 1024 / 1024:.0f} MB")
    if size > SIZE_TARGET or took > TIME_TARGET:
        sys.exit(1)


if __name__ == "__main__":
    main()
