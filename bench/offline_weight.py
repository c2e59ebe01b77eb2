#!/usr/bin/env python3
"""Print what keeping one language offline costs: bytes, entries and time to "14 of 14 saved".

Starts the app on loopback and reads the precache list the server puts in front of /sw.js.
Weight: every entry fetched as the service worker fetches it (hashed URLs for static files),
with Accept-Encoding: br, adding up the compressed bytes on the wire. Target: <= 300 KB.
Time: a fresh headless Chromium context opens the language's home page; the clock runs from
the start of that navigation until the page says every guide is saved. The server has built
its precache list once beforehand, as a running server has. Target: <= 3 s (median of runs).

Run: python3 bench/offline_weight.py [--lang en] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, LiveServer  # noqa: E402

WEIGHT_TARGET = 300 * 1024
TIME_TARGET = 3.0
logging.getLogger("werkzeug").setLevel(logging.WARNING)


def precache(url: str, lang: str) -> list[dict]:
    """Return the entries of one language's offline copy, as listed in /sw.js."""
    script = urllib.request.urlopen(f"{url}/sw.js").read().decode()
    data = json.loads(re.search(r"^self\.PRECACHE = (\{.*\});$", script, re.M).group(1))
    return data["shared"] + data["languages"][lang]


def wire_bytes(url: str, entry: dict) -> int:
    """Return the compressed size of one entry as the service worker downloads it."""
    path = entry["url"] + (f"?v={entry['hash']}" if entry["kind"] == "asset" else "")
    request = urllib.request.Request(url + path, headers={"Accept-Encoding": "br"})
    with urllib.request.urlopen(request) as response:
        return len(response.read())


def time_to_saved(browser, url: str, lang: str) -> float:
    """Return seconds from opening the home page to the page saying all guides are saved."""
    context = browser.new_context()
    page = context.new_page()
    start = time.perf_counter()
    page.goto(f"{url}/{lang}/")
    status = page.locator('#app-status[data-state="saved"]')
    expect(status).to_be_visible(timeout=30_000)
    elapsed = time.perf_counter() - start
    print(f"  run: {elapsed:.2f} s, the page says: {status.inner_text()!r}")
    context.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as instance:
        server = LiveServer({"INSTANCE_PATH": instance}).start()
        entries = precache(server.url, args.lang)  # also builds the list, once
        raw = sum(e["size"] for e in entries)
        compressed = sum(wire_bytes(server.url, e) for e in entries)
        kinds: dict[str, int] = {}
        for e in entries:
            kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            times = [time_to_saved(browser, server.url, args.lang) for _ in range(args.runs)]
            browser.close()
        server.stop()
    took = median(times)
    print(f"language: {args.lang}")
    print(f"entries: {len(entries)} ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))})")
    print(f"uncompressed: {raw / 1024:.1f} KB")
    verdict = "OK" if compressed <= WEIGHT_TARGET else "OVER TARGET"
    print(f"compressed (br, on the wire): {compressed / 1024:.1f} KB (target <= 300 KB): {verdict}")
    verdict = "OK" if took <= TIME_TARGET else "OVER TARGET"
    print(
        f"first load to all saved: {took:.2f} s median of {len(times)} (target <= 3 s): {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
