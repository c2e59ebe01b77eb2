"""Check where the red-flag sets are shown: every body-map region a spot sends pain to must
show each set that regions.toml [flags_needed] names for it, so a warning is never missing."""

from __future__ import annotations

from pathlib import Path

from .models import Region, Spot
from .reader import RED_FLAG_SETS, Reader, parse_toml


def needed_flags(path: Path, regions: dict[str, Region]) -> dict[str, tuple[str, ...]]:
    """Return, per region, the red-flag sets regions.toml [flags_needed] says matter there."""
    r = Reader(path, parse_toml(path))
    r.keys_exactly("flags_needed", RED_FLAG_SETS)
    table = r.table("flags_needed")
    needed: dict[str, list[str]] = {rid: [] for rid in regions}
    for key in RED_FLAG_SETS:
        for rid in table.names(key, regions, "region", lo=1):
            needed[rid].append(key)
    return {rid: tuple(keys) for rid, keys in needed.items()}


def check_region_flags(path: Path, regions: dict[str, Region], spots: dict[int, Spot]) -> None:
    """Fail when a region that some spot refers pain to lacks a red-flag set it needs."""
    needed = needed_flags(path, regions)
    for rid, region in regions.items():
        if not any(spot.weight(rid) for spot in spots.values()):
            continue
        missing = [key for key in needed[rid] if key not in region.red_flags]
        if missing:
            i = list(regions).index(rid)
            raise Reader(path, {}, f"region[{i}].").fail(
                "red_flags", f"of '{rid}' must include {', '.join(missing)} (see [flags_needed])"
            )
