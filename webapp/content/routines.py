"""Load and validate the built-in routines (data/routines.toml) and their prose per language."""

from __future__ import annotations

import re
from pathlib import Path

from .models import Routine, RoutineText, Spot, Step
from .reader import SIDES, Reader, parse_toml

# Ids that are the routine pages' own addresses, never a routine's.
RESERVED = frozenset({"play", "edit", "new", "shared"})
ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MIN_SECONDS, MAX_SECONDS = 5, 600
MAX_STEPS = 50


def _step(r: Reader, spots: dict[int, Spot]) -> Step:
    spot = r.get("spot", int)
    if spot not in spots:
        raise r.fail("spot", f"names unknown spot {spot}")
    tool = r.get("tool", str)
    if tool not in spots[spot].tools:
        raise r.fail(
            "tool",
            f"is '{tool}', expected one of spot {spot}'s tools: {', '.join(spots[spot].tools)}",
        )
    side = r.one_of("side", SIDES)
    seconds = r.get("seconds", int)
    if not MIN_SECONDS <= seconds <= MAX_SECONDS:
        raise r.fail("seconds", f"is {seconds}, expected {MIN_SECONDS} to {MAX_SECONDS}")
    limit = spots[spot].max_hold
    if seconds > limit:
        raise r.fail("seconds", f"is {seconds}, above spot {spot}'s max_hold ({limit})")
    return Step(spot, tool, side, seconds)


def load_routines(path: Path, spots: dict[int, Spot]) -> dict[str, Routine]:
    """Load the built-in routines, checking every step against the spots."""
    routines: dict[str, Routine] = {}
    for i, raw in enumerate(Reader(path, parse_toml(path)).get("routine", list)):
        r = Reader(path, raw, f"routine[{i}].")
        rid = r.text("id")
        if not ID.fullmatch(rid) or rid in RESERVED or rid in routines:
            raise r.fail("id", f"'{rid}' is a duplicate, reserved or not lower-case-with-dashes")
        raw_steps = r.get("steps", list)
        if not 1 <= len(raw_steps) <= MAX_STEPS:
            raise r.fail("steps", f"must have 1 to {MAX_STEPS} steps, has {len(raw_steps)}")
        steps = []
        for j, raw_step in enumerate(raw_steps):
            if not isinstance(raw_step, dict):
                raise r.fail(f"steps[{j}]", "must be a table { spot, tool, side, seconds }")
            steps.append(_step(Reader(path, raw_step, f"{r.where}steps[{j}]."), spots))
        routines[rid] = Routine(rid, tuple(steps))
    return routines


def load_routine_texts(
    path: Path, routines: dict[str, Routine], spots: dict[int, Spot]
) -> tuple[dict[str, RoutineText], dict[int, str]]:
    """Load one language's routine names, descriptions and cues, and its cue for each spot."""
    r = Reader(path, parse_toml(path))
    r.keys_exactly("routine", list(routines))
    texts = {}
    for rid, routine in routines.items():
        t = r.table("routine").table(rid)
        cues = t.texts("cues", lo=0)
        if len(cues) != len(routine.steps):
            raise t.fail(
                "cues", f"must have one cue per step ({len(routine.steps)}), has {len(cues)}"
            )
        texts[rid] = RoutineText(t.text("name"), t.text("description"), cues)
    r.keys_exactly("spot_cues", [str(n) for n in spots])
    cues = r.table("spot_cues")
    spot_cues = {n: cues.text(str(n)) for n in spots}
    return texts, spot_cues
