"""A Web Push service on loopback, as strict as the real ones about what it accepts.

It receives pywebpush's request, checks the VAPID JWT (ES256) against the app's public key,
decrypts the aes128gcm body with the subscriber's private key and records the notification.
Tests script its answers per subscriber (201, 404, 410, 429 with Retry-After, 5xx, redirects).
With verify=False (the benchmark) it only counts deliveries per subscriber.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import secrets
import threading
import time
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import http_ece
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass
class Subscriber:
    """A browser's side of a subscription: its key pair, auth secret and endpoint."""

    token: str
    endpoint: str
    private_key: ec.EllipticCurvePrivateKey
    auth: bytes

    def subscription(self) -> dict:
        """Return the subscription as the browser's PushSubscription.toJSON() gives it."""
        public = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {
            "endpoint": self.endpoint,
            "expirationTime": None,
            "keys": {"p256dh": b64encode(public), "auth": b64encode(self.auth)},
        }


@dataclass
class Delivery:
    token: str
    headers: dict
    claims: dict
    message: dict
    at: float


@dataclass
class State:
    vapid_key: str | None = None  # base64url of the app's public key, from /api/push/key
    subscribers: dict = field(default_factory=dict)
    scripts: dict = field(default_factory=lambda: defaultdict(deque))
    deliveries: list = field(default_factory=list)
    attempts: Counter = field(default_factory=Counter)
    counts: Counter = field(default_factory=Counter)
    errors: list = field(default_factory=list)
    delay: float = 0.0  # seconds to take over each answer, like a slow real service
    lock: threading.Lock = field(default_factory=threading.Lock)


# Members of a declarative push message and of its notification (W3C Push API, "declarative
# push message"); anything else is not part of the format.
DECLARATIVE_MEMBERS = {"web_push", "notification", "app_badge", "mutable"}
NOTIFICATION_MEMBERS = {
    "title", "dir", "lang", "body", "navigate", "tag", "image", "icon", "badge", "vibrate",
    "timestamp", "renotify", "silent", "require_interaction", "data", "actions",
}  # fmt: skip


def declarative(message: dict, origin: str) -> dict:
    """Check a push is valid Declarative Web Push JSON opening `origin`; return its notification."""
    assert set(message) <= DECLARATIVE_MEMBERS, set(message) - DECLARATIVE_MEMBERS
    assert message["web_push"] == 8030
    assert isinstance(message.get("mutable", False), bool)
    notification = message["notification"]
    assert set(notification) <= NOTIFICATION_MEMBERS, set(notification) - NOTIFICATION_MEMBERS
    assert isinstance(notification["title"], str) and notification["title"]
    for name in ("body", "lang", "tag"):
        assert isinstance(notification.get(name, ""), str), name
    assert notification.get("dir", "auto") in ("auto", "ltr", "rtl")
    assert isinstance(notification.get("silent", False), bool)
    for name in ("navigate", "icon", "badge"):
        if name in notification or name == "navigate":
            url = urlsplit(notification[name])
            assert f"{url.scheme}://{url.netloc}" == origin, (name, notification[name])
    return notification


def verify_vapid(header: str, expected_key: str, audience: str) -> dict:
    """Check an RFC 8292 `vapid t=…, k=…` header; return the JWT claims."""
    if not header.startswith("vapid "):
        raise ValueError(f"Authorization is not vapid: {header[:20]!r}")
    params = dict(part.strip().split("=", 1) for part in header[6:].split(","))
    if params.get("k") != expected_key:
        raise ValueError("VAPID k= is not the app's public key")
    head, body, signature = params["t"].split(".")
    if json.loads(b64decode(head)) != {"typ": "JWT", "alg": "ES256"}:
        raise ValueError("JWT header is not ES256")
    raw = b64decode(signature)
    if len(raw) != 64:
        raise ValueError("ES256 signature is not 64 bytes")
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b64decode(expected_key))
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    try:
        public.verify(der, f"{head}.{body}".encode(), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise ValueError("VAPID JWT signature does not verify") from None
    claims = json.loads(b64decode(body))
    if claims.get("aud") != audience:
        raise ValueError(f"JWT aud {claims.get('aud')!r} is not {audience!r}")
    if not time.time() < claims.get("exp", 0) <= time.time() + 24 * 3600:
        raise ValueError("JWT exp is not within the next 24 hours")
    if not str(claims.get("sub", "")).startswith(("mailto:", "https://")):
        raise ValueError("JWT sub is not a mailto: or https: URL")
    return claims


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def _answer(self, status: int, headers: dict | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        token = self.path.rsplit("/", 1)[-1]
        state = self.server.state
        if state.delay:
            time.sleep(state.delay)
        if not self.server.verify:
            with state.lock:
                state.counts[token] += 1
            self._answer(201)
            return
        with state.lock:
            state.attempts[token] += 1
            script = state.scripts[token]
            status, extra = script.popleft() if script else (201, {})
        try:
            delivery = self._check(token, body)
        except Exception as error:  # any broken request is a test failure, reported as such
            with state.lock:
                state.errors.append(f"{token}: {error}")
            self._answer(400)
            return
        if 200 <= status < 300:
            with state.lock:
                state.deliveries.append(delivery)
                state.counts[token] += 1
        self._answer(status, extra)

    def _check(self, token: str, body: bytes) -> Delivery:
        state = self.server.state
        subscriber = state.subscribers.get(token)
        if subscriber is None:
            raise ValueError("unknown subscriber")
        headers = {k.lower(): v for k, v in self.headers.items()}
        if headers.get("content-encoding") != "aes128gcm":
            raise ValueError(f"Content-Encoding is {headers.get('content-encoding')!r}")
        if not headers.get("ttl", "").isdigit():
            raise ValueError("no TTL header")
        if headers.get("urgency") not in ("very-low", "low", "normal", "high"):
            raise ValueError("no valid Urgency header")
        claims = verify_vapid(headers.get("authorization", ""), state.vapid_key, self.server.url)
        plain = http_ece.decrypt(
            body, private_key=subscriber.private_key, auth_secret=subscriber.auth
        )
        return Delivery(token, headers, claims, json.loads(plain), time.time())

    def do_GET(self) -> None:
        """GET /counts: deliveries so far, for a benchmark running this in another process."""
        with self.server.state.lock:
            counts = list(self.server.state.counts.values())
        body = json.dumps(
            {
                "total": sum(counts),
                "distinct": len(counts),
                "duplicates": sum(c - 1 for c in counts if c > 1),
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_PUT = do_POST


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


class PushService:
    """Run the push service on 127.0.0.1 in a thread; `url` is its origin."""

    def __init__(self, verify: bool = True) -> None:
        self.state = State()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.state = self.state
        self._server.verify = verify
        self.port = self._server.server_address[1]
        self.url = self._server.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> PushService:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def subscriber(self) -> Subscriber:
        """Make a new browser-side subscription whose pushes land here."""
        token = secrets.token_urlsafe(12)
        sub = Subscriber(
            token,
            f"{self.url}/push/{token}",
            ec.generate_private_key(ec.SECP256R1()),
            secrets.token_bytes(16),
        )
        self.state.subscribers[token] = sub
        return sub

    def answer(self, subscriber: Subscriber, *replies: tuple[int, dict]) -> None:
        """Answer this subscriber's next pushes with these statuses and headers, in order."""
        self.state.scripts[subscriber.token].extend(replies)

    def deliveries(self, subscriber: Subscriber | None = None) -> list[Delivery]:
        """Return the notifications delivered (answered 2xx), for one subscriber or all."""
        with self.state.lock:
            return [
                d
                for d in self.state.deliveries
                if subscriber is None or d.token == subscriber.token
            ]

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Delivery]:
        """Wait until at least `count` notifications have been delivered."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.deliveries()) >= count:
                break
            time.sleep(0.02)
        return self.deliveries()

    def reset(self) -> None:
        with self.state.lock:
            self.state.deliveries.clear()
            self.state.attempts.clear()
            self.state.counts.clear()
            self.state.errors.clear()
            self.state.scripts.clear()
            self.state.delay = 0.0


class _Counting(asyncio.Protocol):
    """A minimal HTTP/1.1 push endpoint for the benchmark: count, answer 201, keep alive."""

    def __init__(self, counts: Counter) -> None:
        self.counts = counts
        self.buffer = b""

    def connection_made(self, transport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end].decode("latin-1")
            length = 0
            for line in head.split("\r\n")[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if len(self.buffer) < end + 4 + length:
                return
            self.buffer = self.buffer[end + 4 + length :]
            method, path = head.split(" ", 2)[:2]
            if method == "GET":
                counts = list(self.counts.values())
                body = json.dumps(
                    {
                        "total": sum(counts),
                        "distinct": len(counts),
                        "duplicates": sum(c - 1 for c in counts if c > 1),
                    }
                ).encode()
                self.transport.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + f"Content-Length: {len(body)}\r\n\r\n".encode()
                    + body
                )
            else:
                self.counts[path.rsplit("/", 1)[-1]] += 1
                self.transport.write(b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")


async def _serve_counting() -> None:
    counts: Counter = Counter()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _Counting(counts), "127.0.0.1", 0, backlog=512)
    print(f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}", flush=True)
    await server.serve_forever()


if __name__ == "__main__":
    # python -m tests.pushservice: a counting-only push service (asyncio, one thread) on a free
    # port for bench/; GET /counts reports deliveries, distinct subscribers and duplicates.
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve_counting())
