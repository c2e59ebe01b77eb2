"""Per-client rate limits, kept in this process's memory.

Each worker process counts on its own, so with N web workers a client gets up to N times the
limit; that is enough to stop a runaway loop or a casual flood. Put a shared limit in the
reverse proxy when that matters.
"""

from __future__ import annotations

import threading
import time
from math import ceil

from flask import current_app, request
from werkzeug.exceptions import TooManyRequests


class Limiter:
    """A token bucket per key: `rate` requests per `per` seconds, refilled smoothly."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[str, str], tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, name: str, key: str, rate: int, per: float) -> float:
        """Spend one request; return 0 if allowed, else seconds until one is."""
        now = time.monotonic()
        with self._lock:
            if len(self._buckets) > 50_000:
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < per}
            tokens, last = self._buckets.get((name, key), (float(rate), now))
            tokens = min(float(rate), tokens + (now - last) * rate / per)
            if tokens < 1:
                self._buckets[(name, key)] = (tokens, now)
                return (1 - tokens) * per / rate
            self._buckets[(name, key)] = (tokens - 1, now)
            return 0.0


def parse(value: object) -> tuple[int, float]:
    """Read a limit such as "10/60" (ten per sixty seconds)."""
    try:
        count, per = str(value).split("/")
        parsed = int(count), float(per)
    except ValueError:
        raise RuntimeError(f"rate limit {value!r}: expected COUNT/SECONDS, e.g. 10/60") from None
    if parsed[0] < 1 or parsed[1] <= 0:
        raise RuntimeError(f"rate limit {value!r}: both numbers must be positive")
    return parsed


def limit(name: str, setting: str, key: str = "") -> None:
    """Refuse the request with 429 when this client has used up its allowance."""
    rate, per = parse(current_app.config[setting])
    client = f"{request.remote_addr}|{key}"
    wait = current_app.extensions["push_limiter"].take(name, client, rate, per)
    if wait:
        raise TooManyRequests(
            "rate limit: too many requests, try again later", retry_after=ceil(wait)
        )
