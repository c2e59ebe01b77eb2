#!/usr/bin/env python3
"""Print how fast a saved guide opens on a good network, a hung one (lie-fi) and none at all.

Starts the real app in its own process (`flask run`) and a headless Chromium that visits the
home page once, so the service worker saves the language. Then it opens saved guides in fresh
tabs five ways: network fine; server hung (the process is stopped with SIGSTOP, so the kernel
still accepts connections that are never answered, as on a weak signal), by the canonical and
by the short address (/en/spots/<n>); server stopped (connections refused), both addresses.
A guide counts as opened only when its heading shows. Two clocks, both to DOMContentLoaded: the
page's own (Navigation Timing, from the start of the navigation: what the reader waits) and
this script's (from asking Playwright to navigate, so it adds Playwright's round trips). The
time to the page's first byte shows what the service worker itself takes. Target: median page
time with the server hung <= 150 ms (it was 3.2 s), and no slower than before with the network
fine. The machine's load is printed too: on a busy machine every figure grows.

Run: python3 bench/liefi.py [--runs 7] [--lang en]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Error, expect, sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.ports import free_port  # noqa: E402
from webapp import ROOT as APP_ROOT  # noqa: E402
from webapp.content import load  # noqa: E402

HUNG_TARGET = 0.15
GIVE_UP_MS = 10_000  # a guide that has not opened by then "did not open"


def start_server(port: int, instance: str) -> subprocess.Popen:
    """Start the app with `flask run` in a process of its own and wait until it answers."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FLASK_INSTANCE_PATH": instance}
    command = [sys.executable, "-m", "flask", "--app", "webapp", "run", "--port", str(port)]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/sw.js", timeout=5).read()
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


TIMING = """() => {
  const n = performance.getEntriesByType("navigation")[0];
  return [n.domContentLoadedEventEnd, n.responseStart];
}"""


def open_guide(context, url: str, heading: str) -> tuple[float, float, float] | None:
    """Return (page, script, first byte) seconds for a guide opened in a fresh tab, or None."""
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(url, wait_until="domcontentloaded", timeout=GIVE_UP_MS)
        elapsed = time.perf_counter() - start
        expect(page.locator("h1")).to_have_text(heading, timeout=1000)
        loaded, first_byte = page.evaluate(TIMING)
        return loaded / 1000, elapsed, first_byte / 1000
    except (Error, AssertionError):
        return None
    finally:
        page.close()


def measure(context, base: str, guides: list[tuple[str, str, str]], short: bool, runs: int):
    """Open `runs` guides (rotating through them) and return the times of those that opened."""
    times = []
    for i in range(runs):
        canonical, short_path, heading = guides[i % len(guides)]
        times.append(open_guide(context, base + (short_path if short else canonical), heading))
    return times


def report(name: str, times: list) -> float | None:
    """Print one line of medians (page, script, first byte) and how many did not open."""
    opened = [t for t in times if t is not None]
    failed = len(times) - len(opened)
    if opened:
        shown = "".join(f"{median(t[i] for t in opened) * 1000:9.0f} ms" for i in range(3))
    else:
        shown = f"{'n/a':>12}" * 3
    note = f"  ({failed} of {len(times)} did not open in {GIVE_UP_MS // 1000} s)" if failed else ""
    print(f"{name:<32}{shown}{note}")
    return median(t[0] for t in opened) if opened and not failed else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    lib = load(APP_ROOT / "data", [args.lang])
    guides = [
        (
            f"/{args.lang}/spots/{n}-{s.slug}",
            f"/{args.lang}/spots/{n}",
            f"{n} {lib.languages[args.lang].spots[n].name}",
        )
        for n, s in lib.spots.items()
    ]
    port = free_port()
    base = f"http://localhost:{port}"
    with tempfile.TemporaryDirectory() as instance, sync_playwright() as p:
        server = start_server(port, instance)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{base}/{args.lang}/")
            saved = page.locator('#app-status[data-state="saved"]')
            expect(saved).to_be_visible(timeout=30_000)
            page.close()
            print(
                f"{'median of ' + str(args.runs):<32}{'page':>12}{'script':>12}{'first byte':>12}"
            )
            results = {}
            fine = measure(context, base, guides, False, args.runs)
            results["fine"] = report("network fine", fine)
            os.kill(server.pid, signal.SIGSTOP)
            results["hung"] = report(
                "server hung (SIGSTOP)", measure(context, base, guides, False, args.runs)
            )
            report("server hung, short address", measure(context, base, guides, True, args.runs))
            os.kill(server.pid, signal.SIGCONT)
            server.terminate()
            server.wait(10)
            report("server stopped", measure(context, base, guides, False, args.runs))
            report("server stopped, short address", measure(context, base, guides, True, args.runs))
            context.close()
        finally:
            browser.close()
            if server.poll() is None:
                os.kill(server.pid, signal.SIGCONT)
                server.terminate()
                server.wait(10)
    hung = results["hung"]
    verdict = "OK" if hung is not None and hung <= HUNG_TARGET else "OVER TARGET"
    print(f"target: page time with the server hung <= {HUNG_TARGET * 1000:.0f} ms: {verdict}")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
