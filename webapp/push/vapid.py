"""The server's VAPID identity: one P-256 key pair, and signed headers per push service."""

from __future__ import annotations

import base64
import os
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from flask import Flask, current_app
from py_vapid import Vapid02

KEY_FILE = "vapid_private.pem"
PLACEHOLDER = "mailto:reminders@knotwise.invalid"
# Names reserved for examples and tests (RFC 2606, RFC 6761): never a real contact.
RESERVED_TLDS = frozenset({"invalid", "test", "example", "localhost", "local"})
RESERVED_DOMAINS = frozenset({"example.com", "example.net", "example.org"})
LIFETIME = 12 * 3600  # the longest a push service must accept (RFC 8292 allows 24 h)


def b64url(data: bytes) -> str:
    """Encode bytes as unpadded base64url."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _from_setting(value: str) -> ec.EllipticCurvePrivateKey:
    """Read VAPID_PRIVATE_KEY: PEM, or base64url of the raw 32-byte scalar or of DER."""
    text = value.strip()
    if text.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(text.encode(), password=None)
    else:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        if len(raw) == 32:
            key = ec.derive_private_key(int.from_bytes(raw, "big"), ec.SECP256R1())
        else:
            key = serialization.load_der_private_key(raw, password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != "secp256r1":
        raise ValueError("not a P-256 private key")
    return key


def _from_instance(folder: Path) -> ec.EllipticCurvePrivateKey:
    """Load the instance folder's key, creating it once (mode 0600) if there is none."""
    path = folder / KEY_FILE
    if not path.exists():
        pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        temp = folder / f".{KEY_FILE}.{os.getpid()}"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(pem)
        try:
            os.link(temp, path)  # atomic and never overwrites: a racing process's key wins
        except FileExistsError:
            pass
        finally:
            temp.unlink()
    return serialization.load_pem_private_key(path.read_bytes(), password=None)


class Signer:
    """Make VAPID headers, reusing each push service's signature until it nears expiry."""

    def __init__(self, key: ec.EllipticCurvePrivateKey, subject: str) -> None:
        self.vapid = Vapid02.from_pem(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        self.subject = subject
        self.public_key = b64url(
            key.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
            )
        )
        self._cache: dict[str, tuple[int, dict[str, str]]] = {}
        self._lock = threading.Lock()

    def headers(self, endpoint: str) -> dict[str, str]:
        """Return the Authorization header for a push to this endpoint."""
        parts = urlsplit(endpoint)
        audience = f"{parts.scheme}://{parts.netloc}"
        now = int(time.time())
        with self._lock:
            cached = self._cache.get(audience)
            # Reuse a token while it has over an hour left, unless the clock went back since it
            # was signed (then its expiry is too far ahead, and push services refuse it).
            if cached and 3600 < cached[0] - now <= LIFETIME:
                return cached[1]
            expires = now + LIFETIME
            signed = self.vapid.sign({"aud": audience, "exp": expires, "sub": self.subject})
            self._cache[audience] = (expires, signed)
            return signed


def subject_problem(subject: str) -> str | None:
    """Return why push services would refuse this VAPID subject, or None for a real contact."""
    if subject.startswith("mailto:"):
        host = subject[len("mailto:") :].split("?")[0].rpartition("@")[2]
    else:
        host = urlsplit(subject).hostname or ""
    host = host.strip().rstrip(".").lower()
    labels = host.split(".")
    placeholder = (
        subject == PLACEHOLDER
        or len(labels) < 2
        or labels[-1] in RESERVED_TLDS
        or ".".join(labels[-2:]) in RESERVED_DOMAINS
        or labels[-1].isdigit()  # an IP address is nobody's contact
    )
    if not placeholder:
        return None
    return (
        f"FLASK_VAPID_SUBJECT is {subject}, a placeholder that push services (Apple's among "
        "them) refuse; set FLASK_VAPID_SUBJECT to your contact, mailto:you@your-domain or "
        "https://your-site, and restart"
    )


def signer() -> Signer:
    """Return the current app's VAPID signer."""
    return current_app.extensions["push_vapid"]


def init_app(app: Flask) -> None:
    """Load (or create once) the VAPID key and check the subject."""
    setting = app.config.get("VAPID_PRIVATE_KEY")
    try:
        key = _from_setting(setting) if setting else _from_instance(Path(app.instance_path))
    except ValueError as error:
        raise RuntimeError(f"VAPID_PRIVATE_KEY: {error}") from None
    subject = app.config.get("VAPID_SUBJECT") or PLACEHOLDER
    if not subject.startswith(("mailto:", "https://")):
        raise RuntimeError("VAPID_SUBJECT must be a mailto: or https:// URL")
    app.extensions["push_vapid"] = Signer(key, subject)
    # Tests push to a loopback service, which takes any subject; real services may not.
    problem = None if app.config.get("TESTING") else subject_problem(subject)
    app.extensions["push_subject_problem"] = problem
