#!/usr/bin/env python3
"""Print the bytes a first visit to each guide transfers, compressed as served.

Starts the app on loopback, opens each guide in a fresh headless Chromium context (empty
cache) and adds up the encoded bytes of every response the page itself loads: the HTML, CSS,
scripts, icons and manifest. Service-worker precaching, which happens afterwards in the
background, is reported separately by bench/offline_weight.py. Target: <= 30 KB per guide.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, LiveServer  # noqa: E402
from webapp import ROOT  # noqa: E402
from webapp.content import load  # noqa: E402

TARGET = 30 * 1024
logging.getLogger("werkzeug").setLevel(logging.WARNING)


def main() -> int:
    library = load(ROOT / "data", ["en"])
    with tempfile.TemporaryDirectory() as instance:
        server = LiveServer({"INSTANCE_PATH": instance}).start()
        rows = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for spot in library.spots.values():
                context = browser.new_context(service_workers="block")
                page = context.new_page()
                sizes: list[tuple[str, int]] = []
                page.on(
                    "requestfinished",
                    lambda r, sizes=sizes: sizes.append(
                        (r.url, r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"])
                    ),
                )
                page.goto(
                    f"{server.url}/en/spots/{spot.number}-{spot.slug}", wait_until="networkidle"
                )
                rows.append((spot.number, sum(s for _, s in sizes), len(sizes)))
                context.close()
            browser.close()
        server.stop()
    print(f"{'guide':>5} {'bytes':>8} {'requests':>8}")
    for number, total, count in rows:
        print(f"{number:>5} {total:>8} {count:>8}")
    largest = max(rows, key=lambda r: r[1])
    verdict = "OK" if largest[1] <= TARGET else "OVER TARGET"
    print(f"largest: guide {largest[0]} at {largest[1] / 1024:.1f} KB (target <= 30 KB): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
