"""Send one push with pywebpush: aes128gcm, VAPID, TTL and urgency; never follow a redirect."""

from __future__ import annotations

import http.client
import ssl
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from pywebpush import WebPusher, WebPushException

from .endpoints import Allowlist
from .vapid import Signer

TIMEOUT = 10  # seconds to connect, and again to answer
MAX_ANSWER = 64 * 1024  # bytes of a push service's answer worth reading


@dataclass(frozen=True)
class Outcome:
    """How a push went: sent, gone (404/410), retry (429/5xx/network), or failed."""

    kind: str
    status: int | None = None
    retry_after: float | None = None


class TransportError(Exception):
    """The push service could not be reached or did not answer in time."""


class _Answer:
    """The parts of a push service's answer that pywebpush and the sender read."""

    def __init__(self, status: int, headers) -> None:
        self.status_code = status
        self.headers = headers
        self.text = ""

    def close(self) -> None:
        pass


class _Transport:
    """What pywebpush posts through: kept-alive http.client connections, shared by the sending
    threads. http.client never follows redirects and reads no proxy or .netrc settings; TLS is
    verified with the system's certificates. A connection idle for long is not reused, since
    push services close idle ones and a POST is never retried here (that could send twice)."""

    IDLE = 30.0  # seconds
    KEEP = 64  # idle connections kept per push service

    def __init__(self) -> None:
        self._idle: dict[tuple, list] = {}
        self._lock = threading.Lock()
        self._tls = ssl.create_default_context()

    def _checkout(self, scheme: str, host: str, port: int, timeout: float):
        with self._lock:
            stack = self._idle.get((scheme, host, port), [])
            while stack:
                conn, since = stack.pop()
                if time.monotonic() - since < self.IDLE:
                    return conn
                conn.close()
        if scheme == "https":
            return http.client.HTTPSConnection(host, port, timeout=timeout, context=self._tls)
        return http.client.HTTPConnection(host, port, timeout=timeout)  # a test origin only

    def _checkin(self, key: tuple, conn) -> None:
        with self._lock:
            stack = self._idle.setdefault(key, [])
            if len(stack) < self.KEEP:
                stack.append((conn, time.monotonic()))
                return
        conn.close()

    def close(self) -> None:
        """Close every idle connection."""
        with self._lock:
            for stack in self._idle.values():
                for conn, _since in stack:
                    conn.close()
            self._idle.clear()

    def post(self, url: str, data: bytes | None = None, headers=None, timeout=TIMEOUT) -> _Answer:
        parts = urlsplit(url)
        key = (parts.scheme, parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
        wait = max(timeout) if isinstance(timeout, tuple) else timeout
        conn = self._checkout(*key, wait)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        try:
            conn.request("POST", path, body=data, headers=dict(headers or {}))
            response = conn.getresponse()
            response.read(MAX_ANSWER)
        except (OSError, http.client.HTTPException) as error:
            conn.close()
            raise TransportError(str(error)) from error
        if response.isclosed() and not response.will_close:
            self._checkin(key, conn)
        else:
            conn.close()
        return _Answer(response.status, response.headers)


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Read a Retry-After header: seconds, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class Sender:
    """Push to allowlisted endpoints, re-checking the allowlist at every send."""

    def __init__(self, signer: Signer, allowlist: Allowlist) -> None:
        self.signer = signer
        self.allowlist = allowlist
        self.transport = _Transport()

    def close(self) -> None:
        """Close the connections kept open to push services."""
        self.transport.close()

    def send(
        self,
        endpoint: str,
        p256dh: str,
        auth: str,
        data: bytes,
        ttl: int,
        urgency: str = "high",
        topic: str | None = None,
    ) -> Outcome:
        """Encrypt and deliver one message; classify the push service's answer."""
        if not self.allowlist.allows(endpoint):
            return Outcome("failed")
        headers = {"Urgency": urgency, **self.signer.headers(endpoint)}
        if topic:
            headers["Topic"] = topic
        info = {"endpoint": endpoint, "keys": {"p256dh": p256dh, "auth": auth}}
        try:
            response = WebPusher(info, requests_session=self.transport).send(
                data=data, headers=headers, ttl=ttl, content_encoding="aes128gcm", timeout=TIMEOUT
            )
        except TransportError:
            return Outcome("retry")
        except (WebPushException, ValueError):
            return Outcome("failed")
        status = response.status_code
        response.close()
        if 200 <= status < 300:
            return Outcome("sent", status)
        if status in (404, 410):
            return Outcome("gone", status)
        if status == 429 or status >= 500:
            return Outcome("retry", status, retry_after(response.headers.get("Retry-After")))
        return Outcome("failed", status)  # 3xx (never followed), 400, 403, 413…
