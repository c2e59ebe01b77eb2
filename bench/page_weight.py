#!/usr/bin/env python3
"""Print the bytes a first visit to each guide transfers, compressed as served, per language.

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
from webapp.i18n import NAMES  # noqa: E402

TARGET = 30 * 1024
logging.getLogger("werkzeug").setLevel(logging.WARNING)


def main() -> int:
    languages = list(NAMES)
    library = load(ROOT / "data", languages)
    with tempfile.TemporaryDirectory() as instance:
        server = LiveServer({"INSTANCE_PATH": instance}).start()
        rows = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for lang, spot in ((lang, s) for lang in languages for s in library.spots.values()):
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
                    f"{server.url}/{lang}/spots/{spot.number}-{spot.slug}", wait_until="networkidle"
                )
                rows.append((lang, spot.number, sum(s for _, s in sizes), len(sizes)))
                context.close()
            browser.close()
        server.stop()
    print(f"{'lang':>4} {'smallest':>9} {'largest':>9} {'guide':>5} {'requests':>8}")
    for lang in languages:
        mine = [r for r in rows if r[0] == lang]
        low, high = min(mine, key=lambda r: r[2]), max(mine, key=lambda r: r[2])
        print(f"{lang:>4} {low[2]:>9} {high[2]:>9} {high[1]:>5} {high[3]:>8}")
    largest = max(rows, key=lambda r: r[2])
    verdict = "OK" if largest[2] <= TARGET else "OVER TARGET"
    print(
        f"largest: {largest[0]} guide {largest[1]} at {largest[2] / 1024:.1f} KB "
        f"(target <= 30 KB): {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
