#!/usr/bin/env python3
"""Print how much one server process grows under many spellings of real pages and hostile input.

Starts gunicorn (one sync worker, on loopback) serving the app, reads the worker's resident
memory once it answers, then sends 10,000 distinct spellings of real pages (percent-encoded
letters, leading zeros and other digits in spot numbers, repeated "&", made-up query keys) and
5,000 hostile requests (forged Host and X-Forwarded-*, Flask's reserved query keys, unknown
languages, long addresses, malformed cookies, oversized chunked bodies, deeply nested and
invalid JSON), all asking for brotli, and prints the worker's memory again.
Target: growth <= 30 MB, and no 5xx answer.

    python3 bench/memory.py [--root CHECKOUT]   # --root: measure another checkout's code
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.ports import free_port  # noqa: E402

SPELLINGS = 10_000
HOSTILE = 5_000
DIGITS = ["0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "０１２３４５６７８９"]


def ask(port: int, raw: bytes) -> int:
    """Send one raw HTTP/1.1 request and return the answer's status (0 if the link broke)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        try:
            conn.sendall(raw)
        except OSError:  # the server answered early (413) and closed while we still sent
            pass
        answer = b""
        try:
            while chunk := conn.recv(65536):
                answer += chunk
        except OSError:
            pass
    match = re.match(rb"HTTP/1\.[01] (\d{3})", answer)
    return int(match[1]) if match else 0


def get(target: str, host: str = "localhost", headers: str = "") -> bytes:
    """Return a GET request for a target (already percent-encoded where it needs to be)."""
    return (
        f"GET {target} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: br, gzip\r\n"
        f"Connection: close\r\n{headers}\r\n"
    ).encode()


def rss(pid: int) -> int:
    """Return a process's resident memory in bytes."""
    text = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", text)[1]) * 1024


def worker_of(master: int) -> int:
    """Return the pid of gunicorn's (single) worker."""
    for _ in range(100):
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        if children:
            return int(children[0])
        time.sleep(0.1)
    raise RuntimeError("gunicorn started no worker")


def real_pages(port: int) -> tuple[list[str], list[str], list[tuple[str, int, str]]]:
    """Return the languages, the region ids and the spots (lang, number, slug) the app serves."""
    langs = ["en", "es", "fr", "de", "pt", "ar"]
    body = fetch(port, "/en/")
    regions = sorted(set(re.findall(r"\?region=([a-z-]+)", body)))
    spots = sorted(set(re.findall(r"/en/spots/(\d+)-([a-z0-9-]+)", fetch(port, "/en/spots/"))))
    return langs, regions, [(lang, int(n), slug) for lang in langs for n, slug in spots]


def fetch(port: int, target: str) -> str:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    return data.decode("utf-8", "replace")


def spell(text: str, rng: random.Random) -> str:
    """Percent-encode some letters of a word, in upper- or lower-case hex."""
    out = []
    for ch in text:
        if rng.random() < 0.5:
            code = f"{ord(ch):02X}"
            out.append("%" + (code.lower() if rng.random() < 0.5 else code))
        else:
            out.append(ch)
    return "".join(out)


def spellings(langs, regions, spots, count: int) -> list[str]:
    """Return `count` distinct addresses, each a spelling of a real page."""
    rng = random.Random(9)
    found: set[str] = set()
    while len(found) < count:
        kind = rng.randrange(5)
        lang = rng.choice(langs)
        if kind == 0:  # a spot number with leading zeros, in any script's digits
            _, number, slug = rng.choice(spots)
            digits = rng.choice(DIGITS)
            written = "".join(digits[int(d)] for d in "0" * rng.randrange(8) + str(number))
            found.add(f"/{lang}/spots/{written}-{slug}")
        elif kind == 1:  # a region, its letters partly percent-encoded, "&" repeated
            region = spell(rng.choice(regions), rng)
            found.add(f"/{lang}/?region={region}" + "&" * rng.randrange(6))
        elif kind == 2:  # any page with the region key it ignores
            _, number, slug = rng.choice(spots)
            page = rng.choice([f"spots/{number}-{slug}", "spots/", "safety", "about", "privacy"])
            found.add(f"/{lang}/{page}?region={rng.choice(regions)}" + "&" * rng.randrange(9))
        elif kind == 3:  # made-up query keys, as trackers add
            found.add(
                f"/{lang}/{rng.choice(['', 'spots/', 'safety'])}?utm_{rng.randrange(10**6)}=x"
            )
        else:  # a guide with a made-up key
            _, number, slug = rng.choice(spots)
            found.add(f"/{lang}/spots/{number}-{slug}?ref={rng.randrange(10**6)}")
    return sorted(found, key=lambda _: rng.random())


def hostile(langs, regions, spots, count: int) -> list[bytes]:
    """Return `count` hostile requests of many kinds."""
    rng = random.Random(7)
    sub = (
        b'{"subscription":{"endpoint":"https://fcm.googleapis.com/fcm/send/x",'
        b'"keys":{"p256dh":"x","auth":"y"}},"lang":"en","timezone":"UTC","reminders":[]'
    )
    requests = []
    for i in range(count):
        lang = rng.choice(langs + ["zz", "EN", "e"])
        _, number, slug = rng.choice(spots)
        kind = i % 10
        if kind == 0:
            requests.append(get(f"/{lang}/?_external=1&i={i}", host=f"evil{i}.example"))
        elif kind == 1:
            forged = f"X-Forwarded-Host: evil{i}.example\r\nX-Forwarded-Proto: https\r\n"
            requests.append(get(f"/{lang}/spots/{number}-{slug}?_scheme=x", headers=forged))
        elif kind == 2:
            key = rng.choice(["number", "slug", "name", "lang", "_method", "_anchor", "filename"])
            requests.append(get(f"/{lang}/safety?{key}={i}"))
        elif kind == 3:
            requests.append(get(f"/{lang}/{'x' * rng.randrange(100, 3000)}{i}"))
        elif kind == 4:
            query = "&".join(f"k{i}_{n}={n}" for n in range(300))
            requests.append(get(f"/{lang}/?{query}"))
        elif kind == 5:
            cookie = f"Cookie: lang={'z' * 3000}{i}; =;;; lang\r\nAccept-Language: {'q=' * 900}\r\n"
            requests.append(get(f"/{lang}/", headers=cookie))
        elif kind == 6:  # a valid-looking body, then 64 KB of spaces, chunked
            chunk = sub + b"}" + b" " * 65536
            requests.append(
                b"POST /api/push/subscriptions HTTP/1.1\r\nHost: localhost\r\n"
                b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                b"Connection: close\r\n\r\n"
                + f"{len(chunk):x}\r\n".encode()
                + chunk
                + b"\r\n0\r\n\r\n"
            )
        elif kind == 7:
            body = b"[" * 4000 + b"]" * 4000
            requests.append(
                b"PUT /api/push/subscriptions/abc HTTP/1.1\r\nHost: localhost\r\n"
                b"Authorization: Bearer "
                + b"A" * 40
                + b"\r\nContent-Type: application/json\r\n"
                + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
                + body
            )
        elif kind == 8:
            body = sub[:-1] + b',"lang":"\xff\xfe"}'
            requests.append(
                b"POST /api/push/subscriptions HTTP/1.1\r\nHost: localhost\r\n"
                b"Content-Type: application/json\r\n"
                + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
                + body
            )
        else:
            method = rng.choice(["PROPFIND", "DELETE", "OPTIONS", "TRACE", "PATCH", "BREW"])
            requests.append(
                f"{method} /{lang}/?_method=GET&i={i} HTTP/1.1\r\nHost: localhost\r\n"
                f"Connection: close\r\n\r\n".encode()
            )
    return requests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout whose code to run")
    root = parser.parse_args().root.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        env = {
            **os.environ,
            "PYTHONPATH": str(root),
            "FLASK_INSTANCE_PATH": str(Path(tmp) / "instance"),
        }
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", "1", "-b", f"127.0.0.1:{port}"]
            + ["--log-level", "critical", "webapp:create_app()"],
            cwd=root,
            env=env,
        )
        try:
            for _ in range(200):
                try:
                    if ask(port, get("/en/")) == 200:
                        break
                except OSError:
                    time.sleep(0.1)
            worker = worker_of(server.pid)
            langs, regions, spots = real_pages(port)
            before = rss(worker)
            started = time.monotonic()
            statuses: Counter[int] = Counter()
            for target in spellings(langs, regions, spots, SPELLINGS):
                statuses[ask(port, get(target))] += 1
            after_pages = rss(worker)
            for raw in hostile(langs, regions, spots, HOSTILE):
                statuses[ask(port, raw)] += 1
            after = rss(worker)
            took = time.monotonic() - started
        finally:
            server.terminate()
            server.wait(10)
    mb = 1024 * 1024
    print(f"code: {root}")
    print(f"requests: {SPELLINGS:,} spellings of real pages + {HOSTILE:,} hostile, {took:.0f} s")
    print("answers: " + ", ".join(f"{code}: {n}" for code, n in sorted(statuses.items())))
    print(f"worker RSS before: {before / mb:.1f} MB")
    print(f"after the spellings: {after_pages / mb:.1f} MB (+{(after_pages - before) / mb:.1f} MB)")
    print(f"after the hostile requests: {after / mb:.1f} MB")
    growth = (after - before) / mb
    fivexx = sum(n for code, n in statuses.items() if code >= 500 or code == 0)
    print(f"growth: {growth:.1f} MB (target <= 30 MB): {'OK' if growth <= 30 else 'ABOVE'}")
    print(f"5xx or broken answers: {fivexx}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
