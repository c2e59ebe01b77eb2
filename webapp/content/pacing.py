"""Load and validate data/tools.toml: how long a timed session gives to get into position."""

from __future__ import annotations

from pathlib import Path

from .models import Pacing
from .reader import TOOLS, Reader, parse_toml

LEAD_RANGE = (3, 60)  # seconds to get ready or to switch sides, per tool
REST_RANGE = (5, 60)  # seconds of rest between rounds


def _seconds(r: Reader, field: str, bounds: tuple[int, int]) -> int:
    value = r.get(field, int)
    if not bounds[0] <= value <= bounds[1]:
        raise r.fail(field, f"is {value}, expected {bounds[0]} to {bounds[1]} seconds")
    return value


def load_pacing(path: Path) -> Pacing:
    """Read the rest between rounds and each tool's get-ready and switch-sides times."""
    r = Reader(path, parse_toml(path))
    r.keys_exactly("tools", TOOLS)
    tools = r.table("tools")
    ready, switch = {}, {}
    for tool in TOOLS:
        t = tools.table(tool)
        extra = sorted(set(t.data) - {"ready", "switch"})
        if extra:
            raise t.fail(extra[0], "is unknown; expected ready and switch")
        ready[tool] = _seconds(t, "ready", LEAD_RANGE)
        switch[tool] = _seconds(t, "switch", LEAD_RANGE)
    return Pacing(rest=_seconds(r, "rest", REST_RANGE), ready=ready, switch=switch)
