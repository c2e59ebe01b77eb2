"""Which push endpoints the server will ever send to.

Production rule: `https://<host>/<path>` with the host exactly one of the allowlisted push
services, port 443 (implicit or written), no user info, no IP literal, nothing outside a plain
URL's characters. An allowlist entry is a host name, or `*.` plus a host name to accept exactly
one extra DNS label in front of it (WNS hands out `wns2-par02p.notify.windows.com` and the like).

Tests run their push service on loopback over plain HTTP. They list its origin in
PUSH_TEST_ORIGINS, which is only read when TESTING is on (start-up fails otherwise), must be a
loopback `http://127.0.0.1:<port>` origin, and matches that exact origin only.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

DEFAULT_ALLOWLIST = (
    "fcm.googleapis.com",  # Chrome, Edge on Android, Opera, Samsung Internet
    "updates.push.services.mozilla.com",  # Firefox
    "web.push.apple.com",  # Safari on macOS and iOS home-screen apps
    "*.notify.windows.com",  # Edge on Windows (WNS)
)
MAX_LENGTH = 1024

_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(rf"{_LABEL}(?:\.{_LABEL})+")
# The path may hold any printable URL character except "\" (which some parsers read as "/").
_URL = re.compile(
    r"(?P<scheme>https|http)://(?P<host>[a-z0-9.-]+)(?::(?P<port>[0-9]{1,5}))?"
    r"(?P<path>/[A-Za-z0-9._~!$&'()*+,;=:@/?%-]*)"
)


class EndpointError(ValueError):
    """An endpoint the server refuses to push to; the message says why."""


@dataclass(frozen=True)
class Allowlist:
    hosts: frozenset[str]
    suffixes: tuple[str, ...]  # ".notify.windows.com" for "*.notify.windows.com"
    test_origins: frozenset[tuple[str, str, int]] = frozenset()

    def check(self, endpoint: object) -> str:
        """Return the endpoint if the server may push to it, else raise EndpointError."""
        if not isinstance(endpoint, str):
            raise EndpointError("expected a URL string")
        if len(endpoint) > MAX_LENGTH:
            raise EndpointError(f"longer than {MAX_LENGTH} characters")
        match = _URL.fullmatch(endpoint)
        if not match:
            raise EndpointError("not a plain https URL (no user info, spaces or backslashes)")
        scheme, host, port = match["scheme"], match["host"], match["port"]
        number = int(port) if port else (443 if scheme == "https" else 80)
        if (scheme, host, number) in self.test_origins:
            return endpoint
        if scheme != "https":
            raise EndpointError("must use https")
        if number != 443:
            raise EndpointError("must use port 443")
        if _is_ip(host) or not _HOST.fullmatch(host):
            raise EndpointError("host must be a DNS name, not an address")
        if host in self.hosts or any(
            host.endswith(s) and "." not in host[: -len(s)] for s in self.suffixes
        ):
            return endpoint
        raise EndpointError("not a known push service")

    def allows(self, endpoint: object) -> bool:
        """Return whether the server may push to this endpoint."""
        try:
            self.check(endpoint)
        except EndpointError:
            return False
        return True


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        # Labels that are all digits (or hex like 0x7f) are how numeric hosts sneak past.
        last = host.rsplit(".", 1)[-1]
        return last.isdigit() or last.startswith("0x")
    return True


def _split(value: object) -> list[str]:
    if isinstance(value, str):
        return value.replace(",", " ").split()
    return [str(v) for v in value or ()]


def parse(allowlist: object, test_origins: object = (), testing: bool = False) -> Allowlist:
    """Read PUSH_ENDPOINT_ALLOWLIST and PUSH_TEST_ORIGINS, failing start-up on a bad entry."""
    hosts, suffixes = set(), []
    for entry in _split(allowlist):
        entry = entry.lower()
        bare = entry[2:] if entry.startswith("*.") else entry
        if not _HOST.fullmatch(bare) or _is_ip(bare):
            raise RuntimeError(
                f"PUSH_ENDPOINT_ALLOWLIST: {entry!r} is not a host name or *.host name "
                "(no scheme, port, path or IP address)"
            )
        if entry.startswith("*."):
            suffixes.append("." + bare)
        else:
            hosts.add(bare)
    origins = set()
    for entry in _split(test_origins):
        if not testing:
            raise RuntimeError("PUSH_TEST_ORIGINS is only accepted when TESTING is on")
        match = re.fullmatch(r"http://127\.0\.0\.1:([0-9]{1,5})", entry)
        if not match:
            raise RuntimeError(f"PUSH_TEST_ORIGINS: {entry!r} is not http://127.0.0.1:<port>")
        origins.add(("http", "127.0.0.1", int(match[1])))
    return Allowlist(frozenset(hosts), tuple(suffixes), frozenset(origins))
